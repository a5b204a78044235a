/// The sequence form of a two-player game tree with perfect recall (Romanovskii 1962; Koller,
/// Megiddo and von Stengel 1996; von Stengel 1996): each player's sequences of own actions,
/// the realization-plan constraints `E x = e`, `F y = f`, and payoff matrices over pairs of
/// sequences with chance probabilities folded in. Its size is linear in the tree, where the
/// reduced normal form can be exponential.
public struct SequenceForm: Sendable {
    /// A player's sequence: the empty one (index 0) or the last own action `(infoset, action)`.
    public struct Sequence: Sendable, Hashable {
        /// The tree's information set, `nil` for the empty sequence.
        public var infoset: Int?
        public var action: Int
    }

    public let game: ExtensiveFormGame
    /// `sequences[p]`, the empty sequence first, then each own set's actions in ``ExtensiveFormGame/infosets(of:)`` order.
    public let sequences: [[Sequence]]
    /// The information sets of each player, in ``ExtensiveFormGame/infosets(of:)`` order.
    public let ownInfosets: [[Int]]
    /// For each player's own set (same order), the sequence that leads to it.
    public let parentSequence: [[Int]]
    /// For each tree information set of a player, the index of its first action's sequence.
    public let firstSequence: [Int: Int]
    /// Payoffs over sequence pairs, row-major `sequences[0].count × sequences[1].count`, with
    /// chance probabilities folded in; outcomes on inner nodes are added at the leaves below.
    public let payoffs: [[Rational]]
    /// The chance probability of reaching a leaf with each sequence pair (same layout).
    let leafWeight: [Rational]

    /// Builds the sequence form of `game`.
    /// - Throws: ``GameError`` unless the game has exactly two players and perfect recall (every
    ///   node of an information set is reached by the same sequence of the mover's own actions).
    /// - Complexity: O(nodes + sequences₁ × sequences₂).
    public init(_ game: ExtensiveFormGame) throws(GameError) {
        guard game.players.count == 2 else {
            throw GameError(.unsupported, "the sequence form is built for two-player trees; this one has \(game.players.count) players",
                            hint: "use --method pure or subgame-perfect for more players")
        }
        self.game = game
        let own = [game.infosets(of: 0), game.infosets(of: 1)]
        var first: [Int: Int] = [:]
        var sequences: [[Sequence]] = [[Sequence(infoset: nil, action: 0)], [Sequence(infoset: nil, action: 0)]]
        for p in 0..<2 {
            for set in own[p] {
                first[set] = sequences[p].count
                for action in game.infosets[set].actions.indices { sequences[p].append(Sequence(infoset: set, action: action)) }
            }
        }
        // Forward sweep in preorder: each node's current sequences, chance weight and payoff so far.
        let count = game.nodes.count
        var current = Array(repeating: (0, 0), count: count)
        var weight = Array(repeating: Rational.zero, count: count)
        var accrued = Array(repeating: [Rational.zero, Rational.zero], count: count)
        var parentOfSet: [Int: Int] = [:]
        weight[0] = .one
        let n2 = sequences[1].count
        var payoffs = [Array(repeating: Rational.zero, count: sequences[0].count * n2), Array(repeating: Rational.zero, count: sequences[0].count * n2)]
        var leafWeight = Array(repeating: Rational.zero, count: sequences[0].count * n2)
        for (index, node) in game.nodes.enumerated() {
            if let outcome = node.outcome {
                accrued[index][0] += outcome[0]
                accrued[index][1] += outcome[1]
            }
            guard let set = node.infoset else {
                guard !weight[index].isZero else { continue }
                let cell = current[index].0 * n2 + current[index].1
                payoffs[0][cell] += weight[index] * accrued[index][0]
                payoffs[1][cell] += weight[index] * accrued[index][1]
                leafWeight[cell] += weight[index]
                continue
            }
            let information = game.infosets[set]
            var mover = -1
            if case .player(let p) = information.mover {
                mover = p
                let sequence = p == 0 ? current[index].0 : current[index].1
                if let earlier = parentOfSet[set], earlier != sequence {
                    throw GameError(.unsupported,
                                    "information set \(information.number) of player \(p + 1) ('\(information.label)') is reached by different sequences of the player's own moves: the game does not have perfect recall",
                                    hint: "the sequence form and Lemke's algorithm need perfect recall; use --method enum on the reduced normal form")
                }
                parentOfSet[set] = sequence
            }
            for (k, child) in node.children.enumerated() {
                var next = current[index]
                if mover == 0, let base = first[set] { next.0 = base + k }
                if mover == 1, let base = first[set] { next.1 = base + k }
                current[child] = next
                weight[child] = mover < 0 ? weight[index] * information.probabilities[k] : weight[index]
                accrued[child] = accrued[index]
            }
        }
        self.sequences = sequences
        self.ownInfosets = own
        self.parentSequence = own.map { list in list.map { parentOfSet[$0] ?? 0 } }
        self.firstSequence = first
        self.payoffs = payoffs
        self.leafWeight = leafWeight
    }

    /// The realization plan of `player` under `behaviour`: each sequence's probability of being played.
    public func realizationPlan(_ behaviour: BehaviourProfile, player p: Int) -> [Rational] {
        var plan = Array(repeating: Rational.zero, count: sequences[p].count)
        plan[0] = .one
        // Own sets come in order of first appearance, so a parent sequence is set before its children.
        for (k, set) in ownInfosets[p].enumerated() {
            guard let base = firstSequence[set] else { continue }
            for action in game.infosets[set].actions.indices {
                plan[base + action] = plan[parentSequence[p][k]] * behaviour.probabilities[set][action]
            }
        }
        return plan
    }

    /// The expected payoffs of realization plans `x` and `y`.
    public func payoffs(_ x: [Rational], _ y: [Rational]) -> [Rational] {
        var total = [Rational.zero, Rational.zero]
        let n2 = sequences[1].count
        for i in x.indices where !x[i].isZero {
            for j in y.indices where !y[j].isZero {
                let w = x[i] * y[j]
                total[0] += w * payoffs[0][i * n2 + j]
                total[1] += w * payoffs[1][i * n2 + j]
            }
        }
        return total
    }

    /// The best payoff `player` can get against the other's realization plan `plan`: bottom-up
    /// over the player's sets, each sequence worth its leaves plus the best continuation of every
    /// set it leads to (perfect recall makes this exact).
    public func bestResponseValue(player p: Int, against plan: [Rational]) -> Rational {
        let n2 = sequences[1].count
        var value = Array(repeating: Rational.zero, count: sequences[p].count)
        for s in value.indices {
            var sum = Rational.zero
            for t in plan.indices where !plan[t].isZero {
                let cell = p == 0 ? s * n2 + t : t * n2 + s
                sum += plan[t] * payoffs[p][cell]
            }
            value[s] = sum
        }
        for (k, set) in ownInfosets[p].enumerated().reversed() {
            guard let base = firstSequence[set] else { continue }
            var best = value[base]
            for action in game.infosets[set].actions.indices.dropFirst() where value[base + action] > best { best = value[base + action] }
            value[parentSequence[p][k]] += best
        }
        return value[0]
    }

    /// Whether `behaviour` is a Nash equilibrium, checked exactly: neither player's best response
    /// does better than its payoff.
    public func isEquilibrium(_ behaviour: BehaviourProfile) -> Bool {
        let x = realizationPlan(behaviour, player: 0)
        let y = realizationPlan(behaviour, player: 1)
        let value = payoffs(x, y)
        return bestResponseValue(player: 0, against: y) == value[0] && bestResponseValue(player: 1, against: x) == value[1]
    }
}

extension ExtensiveFormGame {
    /// How many reduced strategies `player` has, without listing them (as a `Double`, since the
    /// count can be astronomical): a sequence is worth the product over the sets it leads to of
    /// the sum over their actions. `nil` without perfect recall for that player.
    /// - Complexity: O(nodes).
    public func reducedStrategyCount(of player: Int) -> Double? {
        let own = infosets(of: player)
        var position: [Int: Int] = [:]
        for (k, set) in own.enumerated() { position[set] = k }
        // Each own set's parent: (set position, action) of the player's last move, or nil at the root.
        var parent = Array(repeating: (Int, Int)?.none, count: own.count)
        var seen = Array(repeating: false, count: own.count)
        var last = Array(repeating: (Int, Int)?.none, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            guard let set = node.infoset else { continue }
            let k = position[set]
            if let k {
                if seen[k] {
                    guard parent[k].map({ p in last[index].map { $0 == p } ?? false }) ?? (last[index] == nil) else { return nil }
                } else {
                    seen[k] = true
                    parent[k] = last[index]
                }
            }
            for (a, child) in node.children.enumerated() { last[child] = k.map { ($0, a) } ?? last[index] }
        }
        // Sum over actions of each set of the product of the sets below each action.
        var below = own.map { infosets[$0].actions.map { _ in 1.0 } }
        var rootProduct = 1.0
        for k in own.indices.reversed() {
            let total = below[k].reduce(0, +)
            if let (j, a) = parent[k] { below[j][a] *= total } else { rootProduct *= total }
        }
        return rootProduct
    }
}
