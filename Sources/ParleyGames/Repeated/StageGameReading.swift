/// How each side of a 2x2 stage game answers each move of the other within one round: its
/// one-round (myopic) best reply to the other's cooperation and to its defection.
///
/// A side whose best reply is the same to both moves has a dominant move; one that answers
/// cooperation with cooperation and defection with defection plays, if it expects the other to
/// repeat its last move, exactly Tit For Tat. This is what a stage game says about a strategy
/// before any repetition: a repeated case whose counterpart plays Tit For Tat rests on the
/// payoffs when that is the counterpart's best-reply rule, and on an assumption otherwise.
///
/// With a ``CaseStageGame`` the reading also gives, for each parameter, the range of values
/// (the others held at theirs) within which each side's rule stays the same, computed exactly:
/// payoffs are linear in each parameter, so each comparison changes sign at one value at most.
public struct StageGameReading: Sendable, Hashable {
    /// A best reply: one move, or either when both pay the same.
    public enum Reply: String, Sendable, Hashable {
        case cooperate, defect, indifferent
    }

    /// A side's best replies to both moves, as a rule.
    public enum Rule: String, Sendable, Hashable {
        /// Cooperating is the best reply to both moves (strictly dominant).
        case cooperationDominant = "cooperation-dominant"
        /// Defecting is the best reply to both moves (strictly dominant).
        case defectionDominant = "defection-dominant"
        /// Cooperate against cooperation, defect against defection.
        case reciprocity
        /// Defect against cooperation, cooperate against defection.
        case inverseReciprocity = "inverse-reciprocity"
        /// At least one best reply is a tie.
        case indifferent

        /// The catalogue key of the strategy that answers the other's last move by this rule.
        public var strategyKey: String? {
            switch self {
            case .cooperationDominant: "Cooperator"
            case .defectionDominant: "Defector"
            case .reciprocity: "TitForTat"
            case .inverseReciprocity: "AntiTitForTat"
            case .indifferent: nil
            }
        }
    }

    /// The range of one parameter's values within which a side's rule holds, the other
    /// parameters at their values. Bounds are strict: at a bound the side is indifferent.
    public struct Bound: Sendable, Hashable {
        public let parameter: String
        /// The parameter's value in the case.
        public let value: Rational
        /// The rule holds for values above this one; `nil`: no lower limit.
        public let lower: Rational?
        /// The rule holds for values below this one; `nil`: no upper limit.
        public let upper: Rational?
    }

    /// One side's reading.
    public struct Side: Sendable, Hashable {
        /// The best reply to the other side's cooperation.
        public let toCooperation: Reply
        /// The best reply to the other side's defection.
        public let toDefection: Reply
        /// Parameters the rule depends on, in the case's order; empty for a game given by
        /// numbers, and for a side that is indifferent somewhere.
        public let bounds: [Bound]

        public var rule: Rule {
            switch (toCooperation, toDefection) {
            case (.cooperate, .cooperate): .cooperationDominant
            case (.defect, .defect): .defectionDominant
            case (.cooperate, .defect): .reciprocity
            case (.defect, .cooperate): .inverseReciprocity
            default: .indifferent
            }
        }
    }

    /// The replier's (first player's) reading.
    public let replier: Side
    /// The counterpart's (second player's) reading.
    public let counterpart: Side

    /// The reading of a game given by numbers.
    public init(_ game: StageGame) {
        let a = game.firstPayoffs
        let b = game.secondPayoffs
        // The replier compares its rows within a column; the counterpart its columns within a row.
        replier = Side(toCooperation: Self.reply(a[0] - a[2]), toDefection: Self.reply(a[1] - a[3]), bounds: [])
        counterpart = Side(toCooperation: Self.reply(b[0] - b[1]), toDefection: Self.reply(b[2] - b[3]), bounds: [])
    }

    /// The reading of a case's stage game, exactly, with each parameter's range.
    public init(_ game: CaseStageGame) {
        let values = game.values
        let order = game.parameters.map(\.id)
        let a = game.replierPayoffs
        let b = game.counterpartPayoffs
        replier = Self.side([a[0] - a[2], a[1] - a[3]], values: values, order: order)
        counterpart = Self.side([b[0] - b[1], b[2] - b[3]], values: values, order: order)
    }

    static func reply(_ difference: Double) -> Reply {
        difference > 0 ? .cooperate : difference < 0 ? .defect : .indifferent
    }

    /// `differences[k]`: the advantage of cooperating over defecting against the other's move k.
    static func side(_ differences: [LinearExpression], values: [String: Rational], order: [String]) -> Side {
        let current = differences.map { (try? $0.evaluate(values).get()) ?? .zero }
        let replies = current.map { $0.signum > 0 ? Reply.cooperate : $0.signum < 0 ? .defect : .indifferent }
        guard !replies.contains(.indifferent) else {
            return Side(toCooperation: replies[0], toDefection: replies[1], bounds: [])
        }
        var bounds: [Bound] = []
        for id in order {
            guard let value = values[id] else { continue }
            var lower: Rational?
            var upper: Rational?
            var depends = false
            for (difference, now) in zip(differences, current) {
                let slope = difference.coefficient(of: id)
                guard !slope.isZero else { continue }
                depends = true
                // difference(p) = now + slope (p − value) keeps the sign of `now` on one side of the root.
                let root = value - now / slope
                if (now.signum > 0) == (slope.signum > 0) {
                    if lower.map({ root > $0 }) ?? true { lower = root }
                } else {
                    if upper.map({ root < $0 }) ?? true { upper = root }
                }
            }
            if depends { bounds.append(Bound(parameter: id, value: value, lower: lower, upper: upper)) }
        }
        return Side(toCooperation: replies[0], toDefection: replies[1], bounds: bounds)
    }
}

extension LinearExpression {
    /// The coefficient of `parameter` (zero when it does not appear).
    func coefficient(of parameter: String) -> Rational {
        terms.first { $0.parameter == parameter }?.coefficient ?? .zero
    }

    /// `lhs − rhs`, term by term.
    static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result.constant -= rhs.constant
        for term in rhs.terms { result.add(term.parameter, -term.coefficient) }
        return result
    }
}
