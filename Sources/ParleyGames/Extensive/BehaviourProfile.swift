/// A behaviour strategy profile of a game tree: for every information set, a probability for
/// each of its actions (chance sets carry their own probabilities).
public struct BehaviourProfile: Sendable, Hashable {
    /// Indexed like ``ExtensiveFormGame/infosets``; each list sums to 1.
    public var probabilities: [[Rational]]

    public init(_ probabilities: [[Rational]]) {
        self.probabilities = probabilities
    }

    /// The uniform profile of `game` (chance sets at their own probabilities).
    public init(uniformFor game: ExtensiveFormGame) {
        probabilities = game.infosets.map { set in
            set.mover == .chance ? set.probabilities
                : Array(repeating: Rational.one / Rational(set.actions.count), count: set.actions.count)
        }
    }

    /// The expected payoff of every player, outcomes on inner nodes included.
    /// - Complexity: O(nodes) exact operations.
    public func payoffs(in game: ExtensiveFormGame) -> [Rational] {
        var reach = Array(repeating: Rational.zero, count: game.nodes.count)
        var total = Array(repeating: Rational.zero, count: game.players.count)
        guard !reach.isEmpty else { return total }
        reach[0] = .one
        // Preorder: a parent's reach is final before its children are visited.
        for (index, node) in game.nodes.enumerated() where !reach[index].isZero {
            if let outcome = node.outcome {
                for p in total.indices { total[p] += reach[index] * outcome[p] }
            }
            guard let set = node.infoset else { continue }
            for (k, child) in node.children.enumerated() {
                reach[child] = reach[index] * probabilities[set][k]
            }
        }
        return total
    }

    /// The equivalent mixed strategy of every player over its reduced strategies (Kuhn): a reduced
    /// strategy's probability is the product of the behaviour probabilities of its actions.
    /// Valid for perfect recall.
    /// - Complexity: reduced strategies × information sets per player.
    public func mixedProfile(in game: ExtensiveFormGame) -> MixedProfile {
        MixedProfile(game.players.indices.map { p in
            let own = game.infosets(of: p)
            return game.reducedStrategies(of: p).map { strategy in
                var product = Rational.one
                for (k, action) in strategy.enumerated() {
                    if let action { product *= probabilities[own[k]][action] }
                }
                return product
            }
        })
    }
}
