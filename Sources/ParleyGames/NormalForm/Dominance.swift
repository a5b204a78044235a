import ParleyCore

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
    /// The remaining strategy that dominates it (original index); when a mixture dominates, the
    /// strategy with the largest weight in it.
    public var dominatedBy: Int
    public var kind: DominanceKind
    /// When elimination by mixed strategies was asked for and no single strategy dominates: the
    /// dominating mixture, one probability per original strategy of the player.
    public var dominatingMixture: [Rational]?
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
    /// - Parameter kind: strict or weak dominance.
    /// - Parameter mixed: also remove strategies dominated only by a mixture of the player's other
    ///   remaining strategies (found by an exact linear program, ``mixedDominator(of:player:kind:others:)``);
    ///   such steps carry the mixture in ``EliminationStep/dominatingMixture``.
    public func iteratedElimination(_ kind: DominanceKind, mixed: Bool = false) -> EliminationResult {
        var surviving = shape.map { Array(0..<$0) }
        var steps: [EliminationStep] = []
        var round = 0
        // Cancelled: stop; the solver throws instead of returning the partial elimination.
        while !Cancellation.isRequested {
            round += 1
            var removals: [(player: Int, strategy: Int, by: Int, mixture: [Rational]?)] = []
            for player in players.indices where surviving[player].count > 1 {
                let list = surviving[player]
                let dominated = list.filter { t in list.contains { s in s != t && dominates(s, t, player: player, kind: kind, others: surviving) } }
                for t in dominated {
                    // Name a dominator that survives this round (one exists: dominance is a strict partial order).
                    let by = list.first { s in !dominated.contains(s) && dominates(s, t, player: player, kind: kind, others: surviving) }
                        ?? list.first { s in s != t && dominates(s, t, player: player, kind: kind, others: surviving) } ?? t
                    removals.append((player, t, by, nil))
                }
                guard mixed else { continue }
                let byMixture = list.filter { t in !dominated.contains(t) && mixedDominator(of: t, player: player, kind: kind, others: surviving) != nil }
                let keep = list.filter { !dominated.contains($0) && !byMixture.contains($0) }
                for t in byMixture {
                    // The mixture is re-solved over the strategies that survive this round; in the rare
                    // weak case where none of those suffices, the strategy waits for the next round.
                    var others = surviving
                    others[player] = keep + [t]
                    guard let mixture = mixedDominator(of: t, player: player, kind: kind, others: others) else { continue }
                    let heaviest = mixture.indices.max { mixture[$0] < mixture[$1] || (mixture[$0] == mixture[$1] && $0 > $1) } ?? t
                    removals.append((player, t, heaviest, mixture))
                }
            }
            if removals.isEmpty { break }
            for removal in removals {
                steps.append(EliminationStep(round: round, player: removal.player, strategy: removal.strategy, dominatedBy: removal.by, kind: kind,
                                             dominatingMixture: removal.mixture))
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

    /// A mixture of `player`'s other strategies that dominates pure strategy `t` (`kind`) against
    /// every profile of the others drawn from `others`, or `nil` when there is none.
    ///
    /// The mixture may use only the player's strategies listed in `others[player]` (all when
    /// `others` is `nil`), other than `t`. Strict: a linear program maximises the worst-case
    /// margin `e` of the mixture over `t` (capped at 1), and `t` is dominated when the optimum is
    /// positive. Weak: among mixtures never worse than `t`, one maximises the summed payoff,
    /// and `t` is dominated when that sum beats `t`'s. Both programs are solved exactly
    /// (`ExactLinearProgram`), and the returned mixture is re-checked exactly.
    /// - Returns: one probability per strategy of `player` (zero off the mixture).
    /// - Complexity: one or two exact simplex runs with Π(other strategies) rows.
    public func mixedDominator(of t: Int, player: Int, kind: DominanceKind, others: [[Int]]? = nil) -> [Rational]? {
        var supports = others ?? shape.map { Array(0..<$0) }
        let candidates = supports[player].filter { $0 != t }
        guard !candidates.isEmpty else { return nil }
        supports[player] = [t]
        // rows[c] = (payoffs of the candidates, payoff of t) against the others' profile c.
        var rows: [(candidates: [Rational], target: Rational)] = []
        forEachProfile(in: supports) { choice, index in
            var other = choice
            let values = candidates.map { s -> Rational in
                other[player] = s
                return payoffs[profileIndex(other)][player]
            }
            rows.append((values, payoffs[index][player]))
        }
        let k = candidates.count
        // Variables: σ_1 … σ_k, then the margin e (strict only).
        var program = ExactLinearProgram(maximise: [])
        switch kind {
        case .strict:
            program.objective = Array(repeating: .zero, count: k) + [.one]
            for row in rows { program.add(row.candidates + [-Rational.one], .greaterOrEqual, row.target) }
            program.add(Array(repeating: .zero, count: k) + [.one], .lessOrEqual, .one)
            program.add(Array(repeating: .one, count: k) + [.zero], .equal, .one)
        case .weak:
            program.objective = (0..<k).map { s in rows.reduce(Rational.zero) { $0 + $1.candidates[s] } }
            for row in rows { program.add(row.candidates, .greaterOrEqual, row.target) }
            program.add(Array(repeating: .one, count: k), .equal, .one)
        }
        guard case .optimal(_, let x) = program.solve() else { return nil }
        var mixture = Array(repeating: Rational.zero, count: strategies[player].count)
        for (position, s) in candidates.enumerated() { mixture[s] = x[position] }
        var someStrict = false
        for row in rows {
            var value = Rational.zero
            for (position, s) in candidates.enumerated() { value += mixture[s] * row.candidates[position] }
            if value < row.target { return nil }
            if value > row.target { someStrict = true } else if kind == .strict { return nil }
        }
        return someStrict ? mixture : nil
    }
}
