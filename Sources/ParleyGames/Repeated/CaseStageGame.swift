/// A repeated case's stage game written from named parameters, so that every payoff can be
/// traced to a judgement and its evidence: two 2x2 tables of linear expressions (such as
/// `taliban + cooperation`), rows the replier's move and columns the counterpart's, C before D.
///
/// The replier is the study's first player and the counterpart its second, as in
/// ``ScriptedDefectionStudy``; ``game`` evaluates the tables at the parameters' values.
public struct CaseStageGame: Sendable {
    /// One named judgement behind the payoffs.
    public struct Parameter: Sendable {
        public var id: String
        public var value: Rational
        /// What the number measures, in the coder's words.
        public var meaning: String?
        public var evidence: [RepeatedGameCase.Quote]

        public init(id: String, value: Rational, meaning: String? = nil, evidence: [RepeatedGameCase.Quote] = []) {
            self.id = id
            self.value = value
            self.meaning = meaning
            self.evidence = evidence
        }
    }

    /// Names of the replier's moves, cooperate then defect ("help", "hold back").
    public private(set) var replierMoves: [String]
    /// Names of the counterpart's moves, cooperate then defect ("partner", "turn").
    public private(set) var counterpartMoves: [String]
    public var parameters: [Parameter]
    /// The replier's payoffs, indexed `2 * replier + counterpart` (C = 0, D = 1).
    public private(set) var replierPayoffs: [LinearExpression]
    /// The counterpart's payoffs, indexed `2 * replier + counterpart`.
    public private(set) var counterpartPayoffs: [LinearExpression]

    /// - Throws: ``RepeatedGameError`` when a table does not have four entries, a move list
    ///   two names, two parameters share an id, an expression names an unknown parameter, or
    ///   a payoff is beyond the range of `Double`.
    public init(replierMoves: [String], counterpartMoves: [String], parameters: [Parameter],
                replierPayoffs: [LinearExpression], counterpartPayoffs: [LinearExpression]) throws(RepeatedGameError) {
        guard replierMoves.count == 2, counterpartMoves.count == 2 else {
            throw RepeatedGameError(.invalidGame, "each side of a stage game has two moves, cooperate then defect")
        }
        guard replierPayoffs.count == 4, counterpartPayoffs.count == 4 else {
            throw RepeatedGameError(.invalidGame, "a stage game needs two 2x2 payoff tables [[CC, CD], [DC, DD]]")
        }
        var seen: Set<String> = []
        for parameter in parameters where !seen.insert(parameter.id).inserted {
            throw RepeatedGameError(.invalidGame, "the parameter '\(parameter.id)' is defined twice")
        }
        for expression in replierPayoffs + counterpartPayoffs {
            if let unknown = expression.terms.first(where: { !seen.contains($0.parameter) }) {
                throw RepeatedGameError(.invalidGame, "the payoff '\(expression)' names '\(unknown.parameter)', which is not a parameter",
                                        hint: "define it under game: parameters:, or write a number")
            }
        }
        self.replierMoves = replierMoves
        self.counterpartMoves = counterpartMoves
        self.parameters = parameters
        self.replierPayoffs = replierPayoffs
        self.counterpartPayoffs = counterpartPayoffs
        let (first, second) = exactPayoffs
        guard (first + second).allSatisfy(\.doubleValue.isFinite) else {
            throw RepeatedGameError(.invalidGame, "a stage-game payoff is too large to compute with", hint: "rescale the payoffs")
        }
    }

    /// Each parameter's value by id.
    public var values: [String: Rational] {
        Dictionary(parameters.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tables evaluated at the parameters' values, exactly.
    public var exactPayoffs: (replier: [Rational], counterpart: [Rational]) {
        let values = values
        func evaluate(_ expression: LinearExpression) -> Rational {
            // The initialiser checked every parameter name, so evaluation cannot fail.
            (try? expression.evaluate(values).get()) ?? .zero
        }
        return (replierPayoffs.map(evaluate), counterpartPayoffs.map(evaluate))
    }

    /// The stage game at the parameters' values, replier first.
    public var game: StageGame {
        let (first, second) = exactPayoffs
        return StageGame(unchecked: first.map(\.doubleValue), second.map(\.doubleValue))
    }
}
