/// Which dominance relation to eliminate by.
public enum DominanceKind: String, Sendable, Hashable, CaseIterable {
    /// `s` is strictly better than `t` against every profile of the others.
    case strict
    /// `s` is at least as good as `t` against every profile of the others and better against one.
    case weak
}

/// One strategy removed during iterated elimination, and why.
public struct EliminationStep: Sendable, Hashable {
    /// The round (1-based) in which the strategy was removed.
    public var round: Int
    public var player: Int
    /// The removed strategy, as an index into the original game's strategies.
    public var strategy: Int
    /// The remaining strategy that dominates it (original index).
    public var dominatedBy: Int
    public var kind: DominanceKind
}

/// The result of iterated elimination of dominated pure strategies.
public struct EliminationResult: Sendable, Hashable {
    /// The removals in the order they happened.
    public var steps: [EliminationStep]
    /// The surviving strategies of each player (original indices, in order).
    public var surviving: [[Int]]
    /// The game restricted to the survivors.
    public var reduced: NormalFormGame
}

extension NormalFormGame {
    /// Whether pure strategy `s` of `player` dominates `t` (`kind`) against every profile of the
    /// others drawn from `others` (one list of strategy indices per player; the player's own
    /// entry is ignored).
    /// - Complexity: O(Π other strategies).
    public func dominates(_ s: Int, _ t: Int, player: Int, kind: DominanceKind, others: [[Int]]? = nil) -> Bool {
        var supports = others ?? shape.map { Array(0..<$0) }
        supports[player] = [s]
        var allStrict = true
        var someStrict = false
        var allWeak = true
        forEachProfile(in: supports) { choice, index in
            var other = choice
            other[player] = t
            let a = payoffs[index][player]
            let b = payoffs[profileIndex(other)][player]
            if a > b { someStrict = true } else { allStrict = false }
            if a < b { allWeak = false }
        }
        switch kind {
        case .strict: return allStrict
        case .weak: return allWeak && someStrict
        }
    }

    /// Iterated elimination of pure strategies dominated by other pure strategies.
    ///
    /// Each round looks at the game left by the previous round and removes, for every player
    /// at once, each strategy dominated by a remaining one (named: the lowest-indexed
    /// dominator that itself survives the round). Rounds repeat until nothing is removed.
    /// Strict elimination gives the same survivors in any order; weak elimination can depend
    /// on the order, and this is the "all players, all dominated strategies per round" order
    /// that Gambit's `undominated_strategies_solve` follows when iterated.
    /// - Complexity: O(rounds × Σ_p n_p² × profiles / n_p).
    public func iteratedElimination(_ kind: DominanceKind) -> EliminationResult {
        var surviving = shape.map { Array(0..<$0) }
        var steps: [EliminationStep] = []
        var round = 0
        while true {
            round += 1
            var removals: [(player: Int, strategy: Int, by: Int)] = []
            for player in players.indices where surviving[player].count > 1 {
                let list = surviving[player]
                let dominated = list.filter { t in list.contains { s in s != t && dominates(s, t, player: player, kind: kind, others: surviving) } }
                for t in dominated {
                    // Name a dominator that survives this round (one exists: dominance is a strict partial order).
                    let by = list.first { s in !dominated.contains(s) && dominates(s, t, player: player, kind: kind, others: surviving) }
                        ?? list.first { s in s != t && dominates(s, t, player: player, kind: kind, others: surviving) } ?? t
                    removals.append((player, t, by))
                }
            }
            if removals.isEmpty { break }
            for removal in removals {
                steps.append(EliminationStep(round: round, player: removal.player, strategy: removal.strategy, dominatedBy: removal.by, kind: kind))
                surviving[removal.player].removeAll { $0 == removal.strategy }
            }
        }
        return EliminationResult(steps: steps, surviving: surviving, reduced: restricted(to: surviving) ?? self)
    }

    /// The pure strategies of `player` that weakly dominate every other strategy of theirs
    /// (at least as good against every profile, and better against some for each rival).
    /// Empty when no strategy does.
    public func weaklyDominantStrategies(player: Int) -> [Int] {
        let count = strategies[player].count
        return (0..<count).filter { s in
            (0..<count).allSatisfy { t in t == s || dominates(s, t, player: player, kind: .weak) }
        }
    }

    /// The pure strategies of `player` that strictly dominate every other strategy of theirs.
    public func strictlyDominantStrategies(player: Int) -> [Int] {
        let count = strategies[player].count
        return (0..<count).filter { s in
            (0..<count).allSatisfy { t in t == s || dominates(s, t, player: player, kind: .strict) }
        }
    }
}
