import ParleyCore
import ParleyGames

/// Decodes the tree form of a Parley game file (`format: parley-game/1` with `nodes`) into an
/// `ExtensiveFormGame`, collecting every error with its location.
///
/// Schema: `players` (ids, optional names), optional `infosets` (sets of several nodes, chance
/// sets: `id`, `player` or `chance`, `actions`, `probabilities` for chance, optional Gambit
/// `label` and `number`), and `nodes`, the first being the root: each has an `id`, and either
/// `infoset`, or `player` with `actions` (a set of its own), with `children` (node ids, one per
/// action); `payoffs` by player id on any node, `outcome` (a label) and `label` optional. A node's
/// or set's label (Gambit's) is its id unless given: `label: ""` for none.
struct GameFileTreeDecoder {
    var context: DecodingContext

    init(file: String?) {
        context = DecodingContext(file: file)
    }

    /// Whether `root` holds a tree (a `nodes` key) rather than a payoff table.
    static func isTree(_ root: DocumentNode) -> Bool {
        guard case .mapping(let pairs, _) = root else { return false }
        return pairs.contains { $0.key.text == "nodes" }
    }

    private struct RawSet {
        var id: String
        var mover: ExtensiveFormGame.Mover
        var actions: [String]
        var probabilities: [Rational]
        var label: String
        var number: Int?
        var location: SourceLocation
        var path: ScenarioPath
    }

    private struct RawNode {
        var id: String
        var label: String
        var set: Int?
        var children: [(id: String, node: DocumentNode)]
        var childrenPath: ScenarioPath
        var payoffs: [Rational]?
        var outcome: String
        var location: SourceLocation
    }

    mutating func decode(_ root: DocumentNode) throws(ScenarioErrors) -> ExtensiveFormGame {
        guard let fields = context.fields(
            root, at: .root, what: "a game file",
            allowed: ["format", "name", "summary", "players", "infosets", "nodes"],
            required: [("format", "'\(GameFileDecoder.formatTag)'"), ("name", "the game's name"), ("players", "a list of players"), ("nodes", "a list of tree nodes, the root first")])
        else { throw ScenarioErrors(context.sortedErrors) }
        if let node = fields["format"], let format = context.string(node, at: ["format"]), format != GameFileDecoder.formatTag {
            context.fail(.invalidValue, at: ["format"], node.location, "unsupported format '\(format)'; expected '\(GameFileDecoder.formatTag)'")
        }
        let name = fields["name"].flatMap { context.string($0, at: ["name"]) } ?? ""
        let summary = fields["summary"].flatMap { context.string($0, at: ["summary"]) } ?? ""
        let players = fields["players"].map { decodePlayers($0) } ?? []
        var sets = fields["infosets"].map { decodeSets($0, players: players.map(\.id)) } ?? []
        let declared = sets.count
        let raw = fields["nodes"].map { decodeNodes($0, players: players.map(\.id), sets: &sets) } ?? []
        guard context.errors.isEmpty, let nodesNode = fields["nodes"] else { throw ScenarioErrors(context.sortedErrors) }
        let game = assemble(raw, sets: sets, declared: declared, players: players, name: name, summary: summary, nodesNode: nodesNode)
        guard context.errors.isEmpty, let game else { throw ScenarioErrors(context.sortedErrors) }
        return game
    }

    // MARK: - Parts

    private mutating func decodePlayers(_ node: DocumentNode) -> [(id: String, name: String)] {
        guard let items = context.list(node, at: ["players"], what: "a list of players") else { return [] }
        if items.isEmpty { context.fail(.empty, at: ["players"], node.location, "a game needs at least one player") }
        var players: [(id: String, name: String)] = []
        for (index, item) in items.enumerated() {
            let path = ScenarioPath(["players", .index(index)])
            guard let fields = context.fields(item, at: path, what: "a player", allowed: ["id", "name"], required: [("id", "an id")]),
                  let idNode = fields["id"], let id = context.identifier(idNode, at: path.appending("id"), what: "an id") else { continue }
            if id == "chance" {
                context.fail(.invalidValue, at: path.appending("id"), idNode.location, "'chance' is reserved for chance moves", hint: "call the player something else")
            } else if players.contains(where: { $0.id == id }) {
                context.fail(.duplicate, at: path.appending("id"), idNode.location, "the player '\(id)' is defined twice")
            }
            players.append((id, fields["name"].flatMap { context.string($0, at: path.appending("name")) } ?? id))
        }
        return players
    }

    /// The mover, actions and probabilities of a set written at `path` (an `infosets` item or an inline node).
    private mutating func setBody(_ fields: Fields, at path: ScenarioPath, players: [String]) -> (ExtensiveFormGame.Mover, [String], [Rational])? {
        guard let playerNode = fields["player"],
              let mover = context.choice(playerNode, at: path.appending("player"),
                                         from: [("chance", ExtensiveFormGame.Mover.chance)] + players.enumerated().map { ($0.element, .player($0.offset)) },
                                         what: "player (a player id or 'chance')") else { return nil }
        var actions: [String] = []
        if let actionsNode = fields["actions"], let list = context.list(actionsNode, at: path.appending("actions"), what: "a list of action names") {
            for (k, item) in list.enumerated() {
                if let action = context.string(item, at: path.appending("actions").appending(index: k), what: "an action name") { actions.append(action) }
            }
            if list.isEmpty { context.fail(.empty, at: path.appending("actions"), actionsNode.location, "a move needs at least one action") }
        } else if fields["actions"] == nil {
            context.fail(.missingField, at: path.appending("actions"), fields.location, "missing 'actions': a move lists its actions")
            return nil
        }
        var probabilities: [Rational] = []
        let probabilitiesNode = fields["probabilities"]
        if mover == .chance {
            guard let probabilitiesNode else {
                context.fail(.missingField, at: path.appending("probabilities"), fields.location,
                             "missing 'probabilities': a chance move gives one probability per action", hint: "for example probabilities: [1/2, 1/2]")
                return nil
            }
            guard let list = context.list(probabilitiesNode, at: path.appending("probabilities"), what: "a list of probabilities") else { return nil }
            for (k, item) in list.enumerated() {
                let itemPath = path.appending("probabilities").appending(index: k)
                guard let value = context.rational(item, at: itemPath, what: "a probability") else { continue }
                if value.signum < 0 || value > .one {
                    context.fail(.outOfRange, at: itemPath, item.location, "a probability must lie in 0...1, found \(value)")
                }
                probabilities.append(value)
            }
            if list.count != actions.count {
                context.fail(.invalidValue, at: path.appending("probabilities"), probabilitiesNode.location,
                             "\(list.count) probabilities for \(actions.count) actions; give one per action")
            } else if probabilities.count == actions.count, probabilities.reduce(Rational.zero, +) != .one {
                context.fail(.invalidValue, at: path.appending("probabilities"), probabilitiesNode.location,
                             "the probabilities sum to \(probabilities.reduce(Rational.zero, +)), not 1")
            }
        } else if let probabilitiesNode {
            context.fail(.invalidValue, at: path.appending("probabilities"), probabilitiesNode.location,
                         "only chance moves have probabilities", hint: "remove 'probabilities' or set player: chance")
        }
        return (mover, actions, probabilities)
    }

    private mutating func decodeSets(_ node: DocumentNode, players: [String]) -> [RawSet] {
        guard let items = context.list(node, at: ["infosets"], what: "a list of information sets") else { return [] }
        var sets: [RawSet] = []
        for (index, item) in items.enumerated() {
            let path = ScenarioPath(["infosets", .index(index)])
            guard let fields = context.fields(item, at: path, what: "an information set",
                                              allowed: ["id", "player", "actions", "probabilities", "label", "number"],
                                              required: [("id", "an id"), ("player", "a player id or 'chance'"), ("actions", "a list of action names")]),
                  let idNode = fields["id"], let id = context.identifier(idNode, at: path.appending("id"), what: "an id") else { continue }
            if sets.contains(where: { $0.id == id }) {
                context.fail(.duplicate, at: path.appending("id"), idNode.location, "the information set '\(id)' is defined twice")
            }
            guard let (mover, actions, probabilities) = setBody(fields, at: path, players: players) else { continue }
            var number: Int?
            if let numberNode = fields["number"], let value = context.number(numberNode, at: path.appending("number"), what: "a positive whole number") {
                if value == value.rounded(), value >= 1, value <= 1_000_000_000 {
                    number = Int(value)
                } else {
                    context.fail(.outOfRange, at: path.appending("number"), numberNode.location, "the number must be a whole number from 1, found \(NumberText.plain(value))")
                }
            }
            sets.append(RawSet(id: id, mover: mover, actions: actions, probabilities: probabilities,
                               label: fields["label"].flatMap { context.string($0, at: path.appending("label")) } ?? id,
                               number: number, location: item.location, path: path))
        }
        return sets
    }

    private mutating func decodeNodes(_ node: DocumentNode, players: [String], sets: inout [RawSet]) -> [RawNode] {
        guard let items = context.list(node, at: ["nodes"], what: "a list of tree nodes") else { return [] }
        if items.isEmpty { context.fail(.empty, at: ["nodes"], node.location, "a tree needs at least one node (the root)") }
        let declared = sets.map(\.id)
        var nodes: [RawNode] = []
        for (index, item) in items.enumerated() {
            let path = ScenarioPath(["nodes", .index(index)])
            guard let fields = context.fields(item, at: path, what: "a tree node",
                                              allowed: ["id", "label", "infoset", "player", "actions", "probabilities", "children", "payoffs", "outcome"],
                                              required: [("id", "an id")]),
                  let idNode = fields["id"], let id = context.identifier(idNode, at: path.appending("id"), what: "an id") else { continue }
            if nodes.contains(where: { $0.id == id }) {
                context.fail(.duplicate, at: path.appending("id"), idNode.location, "the node '\(id)' is defined twice")
            }
            var set: Int?
            if let setNode = fields["infoset"] {
                for key in ["player", "actions", "probabilities"] where fields[key] != nil {
                    context.fail(.invalidValue, at: path.appending(key), fields[key]?.location ?? item.location,
                                 "a node with 'infoset' takes its \(key == "player" ? "player" : key) from the information set",
                                 hint: "remove '\(key)' here, or remove 'infoset' to give the node a set of its own")
                }
                if let name = context.string(setNode, at: path.appending("infoset"), what: "an information set id") {
                    if let found = declared.firstIndex(of: name) {
                        set = found
                    } else {
                        context.fail(.unknownReference, at: path.appending("infoset"), setNode.location, "unknown information set '\(name)'",
                                     hint: Suggestion.closest(to: name, in: declared).map { "did you mean '\($0)'?" } ?? "declare it under 'infosets'")
                    }
                }
            } else if fields["player"] != nil {
                if let (mover, actions, probabilities) = setBody(fields, at: path, players: players) {
                    set = sets.count
                    sets.append(RawSet(id: id, mover: mover, actions: actions, probabilities: probabilities, label: id, number: nil,
                                       location: item.location, path: path))
                }
            } else {
                for key in ["actions", "probabilities"] where fields[key] != nil {
                    context.fail(.missingField, at: path.appending("player"), item.location, "a node with '\(key)' needs 'player' (a player id or 'chance')")
                }
            }
            var children: [(id: String, node: DocumentNode)] = []
            if let childrenNode = fields["children"], let list = context.list(childrenNode, at: path.appending("children"), what: "a list of node ids") {
                for (k, child) in list.enumerated() {
                    if let name = context.string(child, at: path.appending("children").appending(index: k), what: "a node id") { children.append((name, child)) }
                }
                if set == nil, fields["infoset"] == nil, fields["player"] == nil {
                    context.fail(.missingField, at: path.appending("infoset"), item.location,
                                 "node '\(id)' has children but no mover", hint: "add 'player' and 'actions', or 'infoset'")
                }
            } else if set != nil {
                context.fail(.missingField, at: path.appending("children"), item.location, "missing 'children': a move lists one child node id per action")
            }
            if let set, fields["children"] != nil, children.count != sets[set].actions.count {
                context.fail(.invalidValue, at: path.appending("children"), fields["children"]?.location ?? item.location,
                             "\(children.count) children for \(sets[set].actions.count) actions (\(sets[set].actions.joined(separator: ", "))); give one child per action")
            }
            var payoffs: [Rational]?
            if let payoffsNode = fields["payoffs"], let payoffFields = context.fields(
                payoffsNode, at: path.appending("payoffs"), what: "payoffs by player id", allowed: players,
                required: players.map { ($0, "\($0)'s payoff") }) {
                var values: [Rational] = []
                for player in players {
                    if let valueNode = payoffFields[player], let value = context.rational(valueNode, at: path.appending("payoffs").appending(player), what: "a payoff") {
                        values.append(value)
                    }
                }
                if values.count == players.count { payoffs = values }
            }
            let outcome = fields["outcome"].flatMap { context.string($0, at: path.appending("outcome")) } ?? ""
            if !outcome.isEmpty, fields["payoffs"] == nil {
                context.fail(.missingField, at: path.appending("payoffs"), item.location, "an outcome label needs payoffs on the same node")
            }
            nodes.append(RawNode(id: id, label: fields["label"].flatMap { context.string($0, at: path.appending("label")) } ?? id,
                                 set: set, children: children, childrenPath: path.appending("children"), payoffs: payoffs,
                                 outcome: outcome, location: item.location))
        }
        return nodes
    }

    /// Resolves child ids, puts the nodes in preorder from the first one, numbers the sets and
    /// builds the game.
    private mutating func assemble(_ raw: [RawNode], sets: [RawSet], declared: Int, players: [(id: String, name: String)],
                                   name: String, summary: String, nodesNode: DocumentNode) -> ExtensiveFormGame? {
        var index: [String: Int] = [:]
        for (k, node) in raw.enumerated() where index[node.id] == nil { index[node.id] = k }
        let ids = raw.map(\.id)
        var children = Array(repeating: [Int](), count: raw.count)
        var parent = Array(repeating: Int?.none, count: raw.count)
        for (k, node) in raw.enumerated() {
            for (c, child) in node.children.enumerated() {
                let path = node.childrenPath.appending(index: c)
                guard let target = index[child.id] else {
                    context.fail(.unknownReference, at: path, child.node.location, "unknown node '\(child.id)'",
                                 hint: Suggestion.closest(to: child.id, in: ids).map { "did you mean '\($0)'?" } ?? "add a node with this id")
                    continue
                }
                if target == 0 {
                    context.fail(.invalidValue, at: path, child.node.location, "the root '\(raw[0].id)' (the first node) cannot be a child")
                    continue
                }
                if let other = parent[target] {
                    context.fail(.invalidValue, at: path, child.node.location, "node '\(child.id)' is already a child of '\(raw[other].id)'; a tree node has one parent",
                                 hint: "nodes that the mover cannot tell apart share an information set, not a node")
                    continue
                }
                parent[target] = k
                children[k].append(target)
            }
        }
        for (k, node) in raw.enumerated() where k > 0 && parent[k] == nil {
            context.fail(.invalidValue, at: ScenarioPath(["nodes", .index(k)]), node.location,
                         "node '\(node.id)' is not reachable from the root '\(raw.first?.id ?? "")'",
                         hint: "list it under some node's children, or remove it")
        }
        var used = Array(repeating: false, count: sets.count)
        for node in raw { if let set = node.set { used[set] = true } }
        for k in 0..<declared where !used[k] {
            context.fail(.invalidValue, at: sets[k].path, sets[k].location, "the information set '\(sets[k].id)' is not used by any node",
                         hint: "refer to it with 'infoset: \(sets[k].id)' or remove it")
        }
        guard context.errors.isEmpty else { return nil }
        // Preorder from the root; parents are unique and the root is no child, so this visits each reachable node once.
        var order: [Int] = []
        var stack = [0]
        while let k = stack.popLast() {
            order.append(k)
            stack.append(contentsOf: children[k].reversed())
        }
        var position = Array(repeating: 0, count: raw.count)
        for (p, k) in order.enumerated() { position[k] = p }
        // Numbers: explicit ones kept, the others the next free number of their mover, in order.
        var taken: [ExtensiveFormGame.Mover: Set<Int>] = [:]
        for set in sets {
            guard let number = set.number else { continue }
            if !taken[set.mover, default: []].insert(number).inserted {
                context.fail(.duplicate, at: set.path.appending("number"), set.location,
                             "another information set of the same \(set.mover == .chance ? "chance mover" : "player") already has number \(number)",
                             hint: "numbers are unique per player; leave 'number' out to have one assigned")
            }
        }
        guard context.errors.isEmpty else { return nil }
        var infosets: [ExtensiveFormGame.InformationSet] = []
        for set in sets {
            var number = set.number ?? 1
            if set.number == nil {
                while taken[set.mover, default: []].contains(number) { number += 1 }
                taken[set.mover, default: []].insert(number)
            }
            infosets.append(ExtensiveFormGame.InformationSet(mover: set.mover, number: number, label: set.label, actions: set.actions,
                                                             probabilities: set.probabilities))
        }
        let nodes = order.map { k in
            ExtensiveFormGame.Node(label: raw[k].label, infoset: raw[k].set, children: children[k].map { position[$0] }, outcome: raw[k].payoffs,
                                   outcomeLabel: raw[k].outcome)
        }
        do {
            return try ExtensiveFormGame(title: name, comment: summary, players: players.map(\.name), nodes: nodes, infosets: infosets)
        } catch {
            context.fail(.invalidValue, at: ["nodes"], nodesNode.location, error.message, hint: error.hint)
            return nil
        }
    }
}
