import ParleyCore
public import ParleyGames

/// A repeated case's stage game in words: both sides' payoffs, each side's one-round best
/// replies, whether the counterpart's strategy is its best-reply rule, and the parameter ranges
/// within which those readings hold. Every sentence is computed from the case's numbers.
public enum StageGameText {
    /// The payoff table's lines: a header of the counterpart's moves, then one line per replier move
    /// with "replier payoff, counterpart payoff" cells.
    public static func table(_ study: RepeatedGameCase) -> [String] {
        let (replierMoves, counterpartMoves) = moves(study)
        let cells = payoffCells(study)
        let first = ([""] + replierMoves).map(\.count).max() ?? 0
        let columns = (0..<2).map { k in max(counterpartMoves[k].count, cells[k].count, cells[2 + k].count) }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines = [pad("", first) + "  " + (0..<2).map { pad(counterpartMoves[$0], columns[$0]) }.joined(separator: "  ")]
        for row in 0..<2 {
            lines.append(pad(replierMoves[row], first) + "  " + (0..<2).map { pad(cells[2 * row + $0], columns[$0]) }.joined(separator: "  "))
        }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// The title line above ``table(_:)``.
    public static func title(_ study: RepeatedGameCase) -> String {
        "Stage game each \(study.unit) (rows: \(study.replierName); columns: \(study.counterpartName); payoffs in that order):"
    }

    /// One sentence per side: its best replies, what they make of it, and where they hold.
    public static func readings(_ study: RepeatedGameCase) -> [String] {
        let reading = study.reading
        let (replierMoves, counterpartMoves) = moves(study)
        var replierSentence = sentence(study.replierName, reading.replier, own: replierMoves, other: counterpartMoves)
        if reading.replier.rule == .cooperationDominant {
            replierSentence += " Choosing “\(replierMoves[1])” costs \(study.replierName) payoff in every \(study.unit), whatever \(study.counterpartName) does."
        }
        var counterpartSentence = sentence(study.counterpartName, reading.counterpart, own: counterpartMoves, other: replierMoves)
        let assigned = study.study.counterpart.name
        if let key = reading.counterpart.rule.strategyKey, let rule = try? StrategyCatalog.player(named: key) {
            let dominant = reading.counterpart.rule == .cooperationDominant || reading.counterpart.rule == .defectionDominant
            let echo = dominant ? "Playing its dominant move every \(study.unit) is \(rule.name)"
                : "If it expects \(study.replierName) to repeat its last move, this rule is \(rule.name)"
            counterpartSentence += rule.name == assigned
                ? " \(echo), the strategy the case gives it: the payoffs support it."
                : " \(echo); the case has it play \(assigned) instead, which rests on an assumption, not on these payoffs."
        }
        return [replierSentence + bounds(reading.replier), counterpartSentence + bounds(reading.counterpart)]
    }

    static func moves(_ study: RepeatedGameCase) -> ([String], [String]) {
        if let game = study.stageGame { return (game.replierMoves, game.counterpartMoves) }
        return (["C", "D"], ["C", "D"])
    }

    static func payoffCells(_ study: RepeatedGameCase) -> [String] {
        if let game = study.stageGame {
            let (a, b) = game.exactPayoffs
            return (0..<4).map { "\(a[$0]), \(b[$0])" }
        }
        let g = study.study.game
        return (0..<4).map { "\(NumberText.plain(g.firstPayoffs[$0])), \(NumberText.plain(g.secondPayoffs[$0]))" }
    }

    static func sentence(_ name: String, _ side: StageGameReading.Side, own: [String], other: [String]) -> String {
        func move(_ reply: StageGameReading.Reply) -> String {
            switch reply {
            case .cooperate: own[0]
            case .defect: own[1]
            case .indifferent: "either move"
            }
        }
        switch side.rule {
        case .cooperationDominant, .defectionDominant:
            return "\(name): \(move(side.toCooperation)) is dominant, the best reply both to \(other[0]) and to \(other[1])."
        default:
            return "\(name): the best reply to \(other[0]) is \(move(side.toCooperation)), to \(other[1]) \(move(side.toDefection))."
        }
    }

    static func bounds(_ side: StageGameReading.Side) -> String {
        let parts = side.bounds.compactMap { bound -> String? in
            switch (bound.lower, bound.upper) {
            case let (low?, high?): "\(low) < \(bound.parameter) < \(high)"
            case let (low?, nil): "\(bound.parameter) > \(low)"
            case let (nil, high?): "\(bound.parameter) < \(high)"
            case (nil, nil): nil
            }
        }
        guard !parts.isEmpty else { return "" }
        return " This holds while " + list(parts) + (parts.count > 1 ? ", each with the other parameters at their values." : ".")
    }

    static func list(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
