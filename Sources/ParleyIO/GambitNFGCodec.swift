public import ParleyCore
public import ParleyGames

/// Gambit's strategic-form format (`.nfg`, version 1), read and written.
///
/// Both bodies are read: the payoff version (one number per player per profile) and the
/// outcome version (a list of labelled outcomes, then one 1-based outcome number per
/// profile, 0 meaning all zeros). Profiles run in Gambit's order, player 1's strategy
/// changing fastest, which is `NormalFormGame`'s order. Numbers may be integers, decimals
/// or fractions and are read exactly. Errors carry file, line and column.
public enum GambitNFGCodec {
    /// Parses `.nfg` text.
    /// - Throws: `ScenarioErrors` locating the first problem.
    /// - Complexity: O(length of the text).
    public static func decode(_ text: String, file: String? = nil) throws(ScenarioErrors) -> NormalFormGame {
        var cursor = GambitCursor(tokens: try GambitTokenizer.tokens(text, file: file), file: file, format: ".nfg")
        let headerLocation = cursor.location
        let magic = try cursor.next()
        guard magic.kind == .word("NFG") else {
            throw cursor.error("not a Gambit strategic-form file: expected 'NFG' at the start, found \(magic.text)",
                               hint: "an .nfg file starts with: NFG 1 R \"title\"", at: magic.location)
        }
        let version = try cursor.next()
        guard version.kind == .word("1") else {
            throw cursor.error("unsupported .nfg version \(version.text); Parley reads version 1", at: version.location)
        }
        let numberKind = try cursor.next()
        guard numberKind.kind == .word("R") || numberKind.kind == .word("D") else {
            throw cursor.error("expected 'R' (rational) or 'D' (decimal) after 'NFG 1', found \(numberKind.text)", at: numberKind.location)
        }
        let title = try cursor.string("the game's title")
        let players = try cursor.stringList("the player names")
        guard !players.isEmpty else { throw cursor.error("the game has no players", at: headerLocation) }
        let strategiesLocation = cursor.location
        try cursor.expectOpen("the strategies")
        var strategies: [[String]] = []
        if cursor.peek?.kind == .open {
            for _ in players.indices {
                strategies.append(try cursor.stringList("a player's strategy names"))
            }
            guard cursor.closeIfPresent() else {
                throw cursor.error("expected '}' after the strategy lists of \(players.count) players")
            }
        } else {
            while !cursor.closeIfPresent() {
                let (count, location) = try cursor.integer("a number of strategies")
                guard count > 0 else { throw cursor.error("a player needs at least one strategy, found \(count)", at: location) }
                strategies.append((1...count).map { "\($0)" })
            }
        }
        guard strategies.count == players.count else {
            throw cursor.error("\(players.count) players but strategies for \(strategies.count)", at: strategiesLocation)
        }
        var comment = ""
        if case .string(let text) = cursor.peek?.kind {
            comment = text
            _ = try cursor.next()
        }
        let profiles = strategies.reduce(1) { $0 * $1.count }
        guard profiles <= 10_000_000 else {
            throw cursor.error("the game has \(profiles) strategy profiles; Parley reads at most 10 million", at: strategiesLocation)
        }
        var payoffs: [[Rational]] = []
        payoffs.reserveCapacity(profiles)
        if cursor.peek?.kind == .open {
            _ = try cursor.next()
            var outcomes: [[Rational]] = []
            while !cursor.closeIfPresent() {
                try cursor.expectOpen("an outcome")
                _ = try cursor.string("the outcome's label")
                var values: [Rational] = []
                while !cursor.closeIfPresent() {
                    values.append(try cursor.number("a payoff"))
                    cursor.skipComma()
                }
                guard values.count == players.count else {
                    throw cursor.error("outcome \(outcomes.count + 1) has \(values.count) payoffs; expected \(players.count), one per player")
                }
                outcomes.append(values)
            }
            for _ in 0..<profiles {
                let (index, location) = try cursor.integer("an outcome number")
                guard (0...outcomes.count).contains(index) else {
                    throw cursor.error("outcome number \(index) does not exist; the file defines outcomes 1 to \(outcomes.count) (0 is the zero outcome)", at: location)
                }
                payoffs.append(index == 0 ? Array(repeating: .zero, count: players.count) : outcomes[index - 1])
            }
        } else {
            for _ in 0..<profiles {
                var row: [Rational] = []
                for _ in players.indices { row.append(try cursor.number("a payoff")) }
                payoffs.append(row)
            }
        }
        if let extra = cursor.peek {
            throw cursor.error("unexpected \(extra.text) after the last payoff", hint: "the file declares \(profiles) profiles × \(players.count) payoffs", at: extra.location)
        }
        do {
            return try NormalFormGame(title: title, players: players, strategies: strategies, payoffs: payoffs, comment: comment)
        } catch {
            throw ScenarioErrors([ScenarioError(.invalidValue, error.message, hint: error.hint, location: headerLocation)])
        }
    }

    /// Writes `game` in the payoff version of `.nfg`, with strategy names; rationals are
    /// written exactly (`1/3`).
    public static func encode(_ game: NormalFormGame) -> String {
        var out = "NFG 1 R \(quoted(game.title)) { "
        out += game.players.map(quoted).joined(separator: " ") + " }\n\n{ "
        out += game.strategies.map { "{ " + $0.map(quoted).joined(separator: " ") + " }" }.joined(separator: "\n")
        out += "\n}\n\(quoted(game.comment))\n\n"
        out += game.payoffs.map { $0.map(\.description).joined(separator: " ") }.joined(separator: " ")
        return out + "\n"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}
