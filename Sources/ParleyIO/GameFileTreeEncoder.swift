import ParleyCore
import ParleyGames

/// Writes an `ExtensiveFormGame` as the tree form of a Parley game file, the shape
/// ``GameFileTreeDecoder`` reads: every information set listed under `infosets` (with Gambit's
/// label and number, so an `.efg` converted and back is the same game), then the nodes in
/// preorder, one flow mapping per node. Labels that are valid ids become the ids; other labels,
/// the empty one included, are written out since a missing label means "the id".
enum GameFileTreeEncoder {
    static func tree(_ game: ExtensiveFormGame) -> OutputNode {
        var usedPlayers = Set<String>(["chance"])
        let playerIds = game.players.enumerated().map { p, name in
            unique(Identifier.slug(from: name.isEmpty ? "player \(p + 1)" : name), in: &usedPlayers)
        }
        func moverId(_ mover: ExtensiveFormGame.Mover) -> String {
            if case .player(let p) = mover { return playerIds[p] }
            return "chance"
        }
        var usedSets = Set<String>()
        let setIds = game.infosets.map { set in
            let base = !set.label.isEmpty && Identifier.isValid(set.label) ? set.label : "\(moverId(set.mover))-\(set.number)"
            return unique(base, in: &usedSets)
        }
        var usedNodes = Set<String>()
        var nodeIds: [String] = []
        // Labels that are valid ids keep their names; the rest are numbered by position.
        var fromLabel = Set<String>()
        for node in game.nodes where Identifier.isValid(node.label) { fromLabel.insert(node.label) }
        for (index, node) in game.nodes.enumerated() {
            if Identifier.isValid(node.label), !usedNodes.contains(node.label) {
                usedNodes.insert(node.label)
                nodeIds.append(node.label)
            } else {
                var candidate = "n\(index + 1)"
                while usedNodes.contains(candidate) || fromLabel.contains(candidate) { candidate += "x" }
                usedNodes.insert(candidate)
                nodeIds.append(candidate)
            }
        }
        func value(_ rational: Rational) -> OutputNode {
            rational.isInteger ? .literal(rational.description) : .text(rational.description)
        }
        let players = OutputNode.sequence(game.players.indices.map { p in
            .map([("id", .text(playerIds[p])), ("name", .text(game.players[p]))], flow: true)
        }, flow: false)
        let infosets = OutputNode.sequence(game.infosets.indices.map { k in
            let set = game.infosets[k]
            return .map([
                ("id", .text(setIds[k])),
                ("player", .text(moverId(set.mover))),
                ("actions", .sequence(set.actions.map { .text($0) }, flow: true)),
                ("probabilities", set.mover == .chance ? .sequence(set.probabilities.map(value), flow: true) : nil),
                ("label", set.label == setIds[k] ? nil : .text(set.label)),
                ("number", .number(Double(set.number))),
            ], flow: true)
        }, flow: false)
        let nodes = OutputNode.sequence(game.nodes.indices.map { index in
            let node = game.nodes[index]
            return .map([
                ("id", .text(nodeIds[index])),
                ("label", node.label == nodeIds[index] ? nil : .text(node.label)),
                ("infoset", node.infoset.map { .text(setIds[$0]) }),
                ("children", node.children.isEmpty ? nil : .sequence(node.children.map { .text(nodeIds[$0]) }, flow: true)),
                ("payoffs", node.outcome.map { outcome in .map(game.players.indices.map { (playerIds[$0], value(outcome[$0])) }, flow: true) }),
                ("outcome", node.outcomeLabel.isEmpty || node.outcome == nil ? nil : .text(node.outcomeLabel)),
            ], flow: true)
        }, flow: false)
        return .map([
            ("format", .text(GameFileDecoder.formatTag)),
            ("name", .text(game.title)),
            ("summary", game.comment.isEmpty ? nil : .text(game.comment)),
            ("players", players),
            ("infosets", game.infosets.isEmpty ? nil : infosets),
            ("nodes", nodes),
        ])
    }

    private static func unique(_ base: String, in used: inout Set<String>) -> String {
        var candidate = base
        var k = 2
        while used.contains(candidate) {
            candidate = "\(base.prefix(Identifier.maximumLength - 8))-\(k)"
            k += 1
        }
        used.insert(candidate)
        return candidate
    }
}
