public import ParleyCore
public import ParleyGames

/// Gambit's extensive-form format (`.efg`, version 2), read and written.
///
/// Nodes come in preorder: `c` (chance), `p` (player) and `t` (terminal) lines. An information
/// set's name and actions (and, for chance, probabilities) are given at its first node and may
/// be repeated, identically, later. Outcome numbers are global; 0 is no outcome; an outcome is
/// defined at its first use. Non-empty node labels must be unique, as Gambit 16.7 requires.
public enum GambitEFGCodec {
    /// Parses `.efg` text.
    /// - Throws: `ScenarioErrors` locating the first problem.
    /// - Complexity: O(length of the text); no recursion, so deep trees are fine.
    public static func decode(_ text: String, file: String? = nil) throws(ScenarioErrors) -> ExtensiveFormGame {
        var cursor = GambitCursor(tokens: try GambitTokenizer.tokens(text, file: file), file: file, format: ".efg")
        let start = cursor.location
        let magic = try cursor.next()
        guard magic.kind == .word("EFG") else {
            throw cursor.error("not a Gambit extensive-form file: expected 'EFG' at the start, found \(magic.text)",
                               hint: "an .efg file starts with: EFG 2 R \"title\"", at: magic.location)
        }
        try cursor.expectWord("2", "the version")
        let kind = try cursor.next()
        guard kind.kind == .word("R") || kind.kind == .word("D") else {
            throw cursor.error("expected 'R' or 'D' after 'EFG 2', found \(kind.text)", at: kind.location)
        }
        let title = try cursor.string("the game's title")
        let players = try cursor.stringList("the player names")
        guard !players.isEmpty else { throw cursor.error("the game has no players", at: start) }
        var comment = ""
        if case .string(let text) = cursor.peek?.kind {
            comment = text
            _ = try cursor.next()
        }
        var nodes: [ExtensiveFormGame.Node] = []
        var infosets: [ExtensiveFormGame.InformationSet] = []
        var infosetIndex: [String: Int] = [:]  // "mover:number"
        var outcomes: [Int: (String, [Rational])] = [:]
        var labels: [String: SourceLocation] = [:]
        // Children still expected, per open node (a stack of (node, remaining)).
        var open: [(node: Int, remaining: Int)] = []
        repeat {
            let token = try cursor.next()
            guard case .word(let type) = token.kind, ["c", "p", "t"].contains(type) else {
                throw cursor.error("expected a node ('c', 'p' or 't'), found \(token.text)", at: token.location)
            }
            let label = try cursor.string("the node's label")
            if !label.isEmpty {
                if let first = labels[label] {
                    throw cursor.error("the node label \"\(label)\" is used twice (first at line \(first.line))",
                                       hint: "non-empty node labels must be unique; rename one or leave it empty", at: token.location)
                }
                labels[label] = token.location
            }
            var node = ExtensiveFormGame.Node(label: label)
            if type == "c" || type == "p" {
                var mover = ExtensiveFormGame.Mover.chance
                if type == "p" {
                    let (player, location) = try cursor.integer("a player number")
                    guard (1...players.count).contains(player) else {
                        throw cursor.error("player \(player) does not exist; the game has players 1 to \(players.count)", at: location)
                    }
                    mover = .player(player - 1)
                }
                let (number, numberLocation) = try cursor.integer("an information set number")
                let key = "\(type == "c" ? 0 : (mover == .chance ? 0 : Self.playerNumber(mover))):\(number)"
                var name: String?
                var actions: [String] = []
                var probabilities: [Rational] = []
                if case .string(let text) = cursor.peek?.kind {
                    _ = try cursor.next()
                    name = text
                    if cursor.peek?.kind == .open {
                        _ = try cursor.next()
                        while !cursor.closeIfPresent() {
                            actions.append(try cursor.string("an action name"))
                            if type == "c" { probabilities.append(try cursor.number("a chance probability")) }
                        }
                    }
                }
                if let existing = infosetIndex[key] {
                    let set = infosets[existing]
                    if name != nil, !actions.isEmpty, actions != set.actions || (type == "c" && probabilities != set.probabilities) {
                        throw cursor.error("information set \(number) is redefined with different actions\(type == "c" ? " or probabilities" : "")",
                                           hint: "repeat the definition exactly or leave it out after the first node", at: numberLocation)
                    }
                    node.infoset = existing
                } else {
                    guard name != nil, !actions.isEmpty else {
                        throw cursor.error("the first node of information set \(number) must name it and list its actions",
                                           hint: type == "c" ? "write: c \"\" \(number) \"name\" { \"a\" 1/2 \"b\" 1/2 } 0" : "write: p \"\" 1 \(number) \"name\" { \"a\" \"b\" } 0",
                                           at: numberLocation)
                    }
                    if type == "c" {
                        let total = probabilities.reduce(Rational.zero, +)
                        guard probabilities.allSatisfy({ $0.signum >= 0 }), total == .one else {
                            throw cursor.error("the chance probabilities of information set \(number) sum to \(total), not 1", at: numberLocation)
                        }
                    }
                    infosetIndex[key] = infosets.count
                    node.infoset = infosets.count
                    infosets.append(ExtensiveFormGame.InformationSet(mover: mover, number: number, label: name ?? "", actions: actions, probabilities: probabilities))
                }
            }
            let (outcome, outcomeLocation) = try cursor.integer("an outcome number")
            if outcome != 0 {
                if case .string(let outcomeLabel) = cursor.peek?.kind {
                    _ = try cursor.next()
                    try cursor.expectOpen("the outcome's payoffs")
                    var values: [Rational] = []
                    while !cursor.closeIfPresent() {
                        values.append(try cursor.number("a payoff"))
                        cursor.skipComma()
                    }
                    guard values.count == players.count else {
                        throw cursor.error("outcome \(outcome) has \(values.count) payoffs; expected \(players.count)", at: outcomeLocation)
                    }
                    if let existing = outcomes[outcome], existing.1 != values {
                        throw cursor.error("outcome \(outcome) is redefined with different payoffs", at: outcomeLocation)
                    }
                    outcomes[outcome] = (outcomeLabel, values)
                }
                guard let defined = outcomes[outcome] else {
                    throw cursor.error("outcome \(outcome) is used before it is defined", hint: "give its label and payoffs at its first use", at: outcomeLocation)
                }
                node.outcomeLabel = defined.0
                node.outcome = defined.1
            }
            let index = nodes.count
            guard index < 5_000_000 else { throw cursor.error("the tree has more than 5 million nodes") }
            if let parent = open.last {
                node.parent = parent.node
                nodes[parent.node].children.append(index)
                open[open.count - 1].remaining -= 1
                if open[open.count - 1].remaining == 0 { open.removeLast() }
            }
            nodes.append(node)
            if let set = node.infoset { open.append((index, infosets[set].actions.count)) }
        } while !open.isEmpty
        if let extra = cursor.peek {
            throw cursor.error("unexpected \(extra.text) after the last node of the tree", at: extra.location)
        }
        do {
            return try ExtensiveFormGame(title: title, comment: comment, players: players, nodes: nodes, infosets: infosets)
        } catch {
            throw ScenarioErrors([ScenarioError(.invalidValue, error.message, hint: error.hint, location: start)])
        }
    }

    private static func playerNumber(_ mover: ExtensiveFormGame.Mover) -> Int {
        if case .player(let p) = mover { return p + 1 }
        return 0
    }

    /// Writes `game` as `.efg` (version 2), information sets defined at their first node and
    /// one outcome per node that has payoffs.
    public static func encode(_ game: ExtensiveFormGame) -> String {
        var out = "EFG 2 R \(GambitNFGCodec.quoted(game.title)) { " + game.players.map(GambitNFGCodec.quoted).joined(separator: " ") + " }\n"
        out += GambitNFGCodec.quoted(game.comment) + "\n\n"
        var defined = Set<Int>()
        var outcomeCount = 0
        for node in game.nodes {
            if let set = node.infoset {
                let information = game.infosets[set]
                if information.mover == .chance {
                    out += "c \(GambitNFGCodec.quoted(node.label)) \(information.number)"
                } else {
                    out += "p \(GambitNFGCodec.quoted(node.label)) \(playerNumber(information.mover)) \(information.number)"
                }
                if defined.insert(set).inserted {
                    out += " \(GambitNFGCodec.quoted(information.label)) { "
                    for (k, action) in information.actions.enumerated() {
                        out += GambitNFGCodec.quoted(action) + " "
                        if information.mover == .chance { out += information.probabilities[k].description + " " }
                    }
                    out += "}"
                }
            } else {
                out += "t \(GambitNFGCodec.quoted(node.label))"
            }
            if let outcome = node.outcome {
                outcomeCount += 1
                out += " \(outcomeCount) \(GambitNFGCodec.quoted(node.outcomeLabel)) { " + outcome.map(\.description).joined(separator: ", ") + " }\n"
            } else {
                out += " 0\n"
            }
        }
        return out
    }
}
