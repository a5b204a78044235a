/// One mixed strategy per player: `probabilities[p][s]` is the chance that player `p` plays
/// pure strategy `s`, exactly.
public struct MixedProfile: Sendable, Hashable {
    public var probabilities: [[Rational]]

    public init(_ probabilities: [[Rational]]) {
        self.probabilities = probabilities
    }

    /// The profile in which player `p` plays pure strategy `choice[p]` for sure.
    public init(pure choice: [Int], shape: [Int]) {
        probabilities = zip(choice, shape).map { strategy, count in
            (0..<count).map { $0 == strategy ? Rational.one : Rational.zero }
        }
    }

    /// The indices of the strategies each player plays with positive probability.
    public var supports: [[Int]] {
        probabilities.map { list in list.indices.filter { list[$0].signum > 0 } }
    }

    /// Whether every player plays one strategy for sure.
    public var isPure: Bool { supports.allSatisfy { $0.count == 1 } }
}

/// A Nash equilibrium with each player's expected payoff, exactly.
public struct NashEquilibrium: Sendable, Hashable {
    public var profile: MixedProfile
    /// Expected payoff per player.
    public var payoffs: [Rational]
    /// For two-player enumeration: the connected component of equilibria this extreme
    /// equilibrium belongs to (0-based, components numbered in order of first appearance).
    public var component: Int?

    public init(profile: MixedProfile, payoffs: [Rational], component: Int? = nil) {
        self.profile = profile
        self.payoffs = payoffs
        self.component = component
    }
}

extension NormalFormGame {
    /// Each player's expected payoff under `profile`, exactly.
    /// - Complexity: O(profiles × players); only profiles with positive probability are summed.
    public func expectedPayoffs(_ profile: MixedProfile) -> [Rational] {
        var totals = Array(repeating: Rational.zero, count: players.count)
        let supports = profile.supports
        forEachProfile(in: supports) { choice, index in
            var weight = Rational.one
            for (player, strategy) in choice.enumerated() { weight *= profile.probabilities[player][strategy] }
            for player in totals.indices { totals[player] += weight * payoffs[index][player] }
        }
        return totals
    }

    /// Player `player`'s expected payoff from each of its pure strategies when the others play
    /// as in `profile` (the player's own entry is ignored).
    public func strategyPayoffs(_ profile: MixedProfile, player: Int) -> [Rational] {
        var supports = profile.supports
        supports[player] = Array(0..<strategies[player].count)
        var values = Array(repeating: Rational.zero, count: strategies[player].count)
        forEachProfile(in: supports) { choice, index in
            var weight = Rational.one
            for (other, strategy) in choice.enumerated() where other != player {
                weight *= profile.probabilities[other][strategy]
            }
            values[choice[player]] += weight * payoffs[index][player]
        }
        return values
    }

    /// Player `player`'s pure best responses to the others' strategies in `profile`, in order.
    public func bestResponses(to profile: MixedProfile, player: Int) -> [Int] {
        let values = strategyPayoffs(profile, player: player)
        guard let best = values.max() else { return [] }
        return values.indices.filter { values[$0] == best }
    }

    /// The largest gain any player could get by deviating from `profile`, exactly; zero
    /// exactly when `profile` is a Nash equilibrium.
    public func regret(_ profile: MixedProfile) -> Rational {
        let current = expectedPayoffs(profile)
        var worst = Rational.zero
        for player in players.indices {
            if let best = strategyPayoffs(profile, player: player).max() {
                worst = max(worst, best - current[player])
            }
        }
        return worst
    }

    /// Whether `profile` is a valid mixed profile (right shape, probabilities in 0...1 summing to 1)
    /// and a Nash equilibrium, checked exactly.
    public func isNashEquilibrium(_ profile: MixedProfile) -> Bool {
        guard profile.probabilities.count == players.count else { return false }
        for (player, list) in profile.probabilities.enumerated() {
            guard list.count == strategies[player].count, list.allSatisfy({ $0.signum >= 0 }),
                  list.reduce(Rational.zero, +) == .one else { return false }
        }
        return regret(profile).isZero
    }

    /// Calls `body` with every profile whose strategies are drawn from `supports`, and its index.
    func forEachProfile(in supports: [[Int]], _ body: ([Int], Int) -> Void) {
        guard supports.allSatisfy({ !$0.isEmpty }) else { return }
        var counter = Array(repeating: 0, count: supports.count)
        var choice = supports.map { $0[0] }
        while true {
            body(choice, profileIndex(choice))
            var player = 0
            while player < supports.count {
                counter[player] += 1
                if counter[player] < supports[player].count {
                    choice[player] = supports[player][counter[player]]
                    break
                }
                counter[player] = 0
                choice[player] = supports[player][0]
                player += 1
            }
            if player == supports.count { return }
        }
    }
}
