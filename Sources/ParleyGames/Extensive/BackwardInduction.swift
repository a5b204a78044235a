/// Subgame-perfect equilibrium of a perfect-information game by backward induction (Zermelo;
/// Kuhn 1953): each mover picks the action that maximises its own continuation payoff, chance
/// nodes average their children, all exactly.
public struct BackwardInduction: Sendable, Hashable {
    /// The continuation payoff vector at every node (including outcomes at and below it).
    public var values: [[Rational]]
    /// The action chosen at every decision node (`nil` at chance and terminal nodes).
    public var choices: [Int?]
    /// Decision nodes where two or more actions tied for best; the lowest-indexed was taken.
    public var tieCount: Int
    /// The players' choices from the root along the equilibrium path, up to the first chance or terminal node.
    public var path: [Int]

    /// Solves `game`.
    /// - Throws: ``GameError`` when some information set of a player has more than one node
    ///   (then subgame perfection needs more than backward induction).
    /// - Complexity: O(nodes + edges) exact operations; no recursion.
    public init(_ game: ExtensiveFormGame) throws(GameError) {
        guard game.hasPerfectInformation else {
            throw GameError(.unsupported, "backward induction needs perfect information; this tree has information sets with several nodes",
                            hint: "use --method enum on its reduced normal form for Nash equilibria")
        }
        let zero = Array(repeating: Rational.zero, count: game.players.count)
        var values = Array(repeating: zero, count: game.nodes.count)
        var choices: [Int?] = Array(repeating: nil, count: game.nodes.count)
        var ties = 0
        for index in game.nodes.indices.reversed() {
            let node = game.nodes[index]
            var value: [Rational]
            if let set = node.infoset {
                let information = game.infosets[set]
                switch information.mover {
                case .chance:
                    value = zero
                    for (k, child) in node.children.enumerated() {
                        let p = information.probabilities[k]
                        if p.isZero { continue }
                        for q in value.indices { value[q] += p * values[child][q] }
                    }
                case .player(let mover):
                    var best = 0
                    var tied = false
                    for k in 1..<node.children.count {
                        let candidate = values[node.children[k]][mover]
                        let incumbent = values[node.children[best]][mover]
                        if candidate > incumbent {
                            best = k
                            tied = false
                        } else if candidate == incumbent {
                            tied = true
                        }
                    }
                    if tied { ties += 1 }
                    choices[index] = best
                    value = values[node.children[best]]
                }
            } else {
                value = zero
            }
            if let outcome = node.outcome {
                for q in value.indices { value[q] += outcome[q] }
            }
            values[index] = value
        }
        var path: [Int] = []
        var current = 0
        while let choice = choices[current] {
            path.append(choice)
            current = game.nodes[current].children[choice]
        }
        self.values = values
        self.choices = choices
        self.tieCount = ties
        self.path = path
    }

    /// The subgame-perfect payoffs at the root.
    public var rootValue: [Rational] { values.first ?? [] }
}
