/// A subgame-perfect equilibrium of a tree with perfect or imperfect information (Selten 1965):
/// the subgames are found, then solved from the bottom up, each one with its proper subgames
/// already replaced by their equilibrium payoffs.
///
/// A subgame starts at a decision or chance node whose subtree contains every information set it
/// touches whole. Each truncated subgame is solved by backward induction when it has perfect
/// information, by Lemke's algorithm on the sequence form for two players, and otherwise by the
/// pure equilibria of its reduced normal form (the first one). When a subgame has several
/// equilibria the first found is kept (the lowest action on ties in backward induction, the end
/// of Lemke's path from player 1's root constraint), so the result is one SPE, not all.
public struct SubgamePerfection: Sendable, Hashable {
    /// One solved subgame.
    public struct Subgame: Sendable, Hashable {
        /// The tree node where it starts (0 is the whole game).
        public var root: Int
        /// Decision and chance nodes of the truncated subgame (proper subgames count as leaves).
        public var nodeCount: Int
        /// How it was solved: `backward-induction`, `sequence-form` or `pure`.
        public var method: String
        /// Its equilibrium payoffs (outcomes at and below its root).
        public var value: [Rational]
    }

    public var behaviour: BehaviourProfile
    /// Payoffs at the root.
    public var payoffs: [Rational]
    /// The subgames in the order solved (deepest first; the whole game last).
    public var subgames: [Subgame]

    /// The roots of all subgames of `game`, in preorder (node 0 first).
    /// - Complexity: O(nodes).
    public static func subgameRoots(of game: ExtensiveFormGame) -> [Int] {
        let count = game.nodes.count
        // Preorder makes a subtree a contiguous range [v, end[v]).
        var end = Array(0..<count).map { $0 + 1 }
        for index in game.nodes.indices.reversed() {
            if let last = game.nodes[index].children.last { end[index] = end[last] }
        }
        var low = Array(repeating: Int.max, count: game.infosets.count)
        var high = Array(repeating: -1, count: game.infosets.count)
        for (index, node) in game.nodes.enumerated() {
            guard let set = node.infoset, game.infosets[set].mover != .chance else { continue }
            low[set] = min(low[set], index)
            high[set] = max(high[set], index)
        }
        var spanLow = Array(repeating: Int.max, count: count)
        var spanHigh = Array(repeating: -1, count: count)
        for index in game.nodes.indices.reversed() {
            let node = game.nodes[index]
            if let set = node.infoset, game.infosets[set].mover != .chance {
                spanLow[index] = low[set]
                spanHigh[index] = high[set]
            }
            for child in node.children {
                spanLow[index] = min(spanLow[index], spanLow[child])
                spanHigh[index] = max(spanHigh[index], spanHigh[child])
            }
        }
        return game.nodes.indices.filter { index in
            game.nodes[index].infoset != nil && spanLow[index] >= index && spanHigh[index] < end[index]
        }
    }

    /// Solves `game`.
    /// - Throws: ``GameError`` when a subgame with imperfect information and more than two players
    ///   has no pure equilibrium, or its reduced normal form is too large.
    /// - Complexity: the sum of the costs of the subgames' solvers.
    public init(_ game: ExtensiveFormGame) throws(GameError) {
        let roots = SubgamePerfection.subgameRoots(of: game)
        var isRoot = Array(repeating: false, count: game.nodes.count)
        for root in roots { isRoot[root] = true }
        var value = Array(repeating: [Rational]?.none, count: game.nodes.count)
        var behaviour = BehaviourProfile(uniformFor: game)
        var subgames: [Subgame] = []
        for root in roots.reversed() {
            // The truncated subgame in preorder: nodes of the subtree, stopping at solved roots.
            var map: [Int] = []  // new index -> tree node
            var setMap: [Int: Int] = [:]
            var sets: [ExtensiveFormGame.InformationSet] = []
            var nodes: [ExtensiveFormGame.Node] = []
            var stack: [(node: Int, parent: Int?)] = [(root, nil)]
            while let (index, parent) = stack.popLast() {
                let position = nodes.count
                map.append(index)
                if let parent { nodes[parent].children.append(position) }
                let original = game.nodes[index]
                if index != root, isRoot[index], let solved = value[index] {
                    nodes.append(ExtensiveFormGame.Node(outcome: solved))
                    continue
                }
                var node = ExtensiveFormGame.Node(label: "", outcome: original.outcome)
                if let set = original.infoset {
                    if let known = setMap[set] {
                        node.infoset = known
                    } else {
                        setMap[set] = sets.count
                        node.infoset = sets.count
                        sets.append(game.infosets[set])
                    }
                    for child in original.children.reversed() { stack.append((child, position)) }
                }
                nodes.append(node)
            }
            let subgame = try ExtensiveFormGame(players: game.players, nodes: nodes, infosets: sets)
            var local: BehaviourProfile
            var method: String
            if subgame.hasPerfectInformation {
                let induction = try BackwardInduction(subgame)
                local = BehaviourProfile(uniformFor: subgame)
                for (index, choice) in induction.choices.enumerated() {
                    guard let choice, let set = subgame.nodes[index].infoset else { continue }
                    local.probabilities[set] = subgame.infosets[set].actions.indices.map { $0 == choice ? .one : .zero }
                }
                method = "backward-induction"
            } else if game.players.count == 2 {
                local = try SequenceFormLemke.solve(subgame).behaviour
                method = "sequence-form"
            } else {
                let form = try subgame.reducedNormalForm()
                guard let first = form.pureEquilibria().first else {
                    throw GameError(.unsupported, "a subgame with imperfect information and \(game.players.count) players has no pure equilibrium; mixed equilibria of such subgames are not computed yet",
                                    hint: "solve the reduced normal form with another method")
                }
                local = BehaviourProfile(uniformFor: subgame)
                for p in game.players.indices {
                    let own = subgame.infosets(of: p)
                    let strategy = subgame.reducedStrategies(of: p)[first.profile.supports[p].first ?? 0]
                    for (k, action) in strategy.enumerated() {
                        if let action { local.probabilities[own[k]] = subgame.infosets[own[k]].actions.indices.map { $0 == action ? .one : .zero } }
                    }
                }
                method = "pure"
            }
            for (set, position) in setMap where game.infosets[set].mover != .chance {
                behaviour.probabilities[set] = local.probabilities[position]
            }
            let payoffs = local.payoffs(in: subgame)
            value[root] = payoffs
            subgames.append(Subgame(root: root, nodeCount: subgame.nodes.count(where: { $0.infoset != nil }), method: method, value: payoffs))
        }
        self.behaviour = behaviour
        self.payoffs = value.first.flatMap { $0 } ?? (game.nodes.first?.outcome ?? game.players.map { _ in .zero })
        self.subgames = subgames
    }
}
