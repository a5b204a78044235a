extension NormalFormGame {
    /// Every pure-strategy Nash equilibrium, in odometer order of profiles (player 1's strategy
    /// changing fastest), as Gambit's `enumpure_solve` lists them.
    ///
    /// A profile is an equilibrium when no player gains by a unilateral pure deviation.
    /// - Complexity: O(profiles × Σ strategies) comparisons, using the largest payoff of each
    ///   player against each profile of the others, computed once.
    public func pureEquilibria() -> [NashEquilibrium] {
        // best[p][k]: player p's best payoff against the k-th profile of the others.
        let shape = shape
        var best: [[Rational?]] = players.indices.map { p in
            Array(repeating: nil, count: profileCount / shape[p])
        }
        var othersIndex = Array(repeating: Array(repeating: 0, count: profileCount), count: players.count)
        for index in 0..<profileCount {
            let choice = profile(at: index)
            for p in players.indices {
                let key = Self.othersKey(choice, excluding: p, shape: shape)
                othersIndex[p][index] = key
                let value = payoffs[index][p]
                if let current = best[p][key], current >= value { continue }
                best[p][key] = value
            }
        }
        var found: [NashEquilibrium] = []
        for index in 0..<profileCount {
            let isEquilibrium = players.indices.allSatisfy { p in
                best[p][othersIndex[p][index]] == payoffs[index][p]
            }
            if isEquilibrium {
                found.append(NashEquilibrium(profile: MixedProfile(pure: profile(at: index), shape: shape), payoffs: payoffs[index]))
            }
        }
        return found
    }

    /// An index for the other players' strategies in `choice`.
    static func othersKey(_ choice: [Int], excluding player: Int, shape: [Int]) -> Int {
        var key = 0
        var stride = 1
        for (p, strategy) in choice.enumerated() where p != player {
            key += strategy * stride
            stride *= shape[p]
        }
        return key
    }
}
