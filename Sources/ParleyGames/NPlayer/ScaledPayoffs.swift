/// A game's payoffs as integers over one common denominator, for exact regrets without a
/// greatest common divisor at every operation: each player's probabilities are put over one
/// denominator too, the sums are taken in integers, and the one division comes last.
///
/// ``regret(_:)`` gives exactly the value of ``NormalFormGame/regret(_:)``; `enumpoly` computes
/// it for every candidate root, where rational arithmetic with 2⁻⁵⁰-sized denominators (one
/// reduction per addition) dominated the run time.
struct ScaledPayoffs: Sendable {
    let game: NormalFormGame
    /// The least common multiple of the payoffs' denominators.
    let scale: ExactInt
    /// `values[profile][player]`: the payoff times ``scale``, an integer.
    let values: [[ExactInt]]

    init(_ game: NormalFormGame) {
        self.game = game
        let scale = Rational.commonDenominator(game.payoffs.joined())
        self.scale = scale
        values = game.payoffs.map { row in row.map { $0.numerator * scale.quotient(dividingBy: $0.denominator) } }
    }

    /// The largest gain any player could get by deviating from `profile`, exactly (zero for an
    /// equilibrium); the same value as ``NormalFormGame/regret(_:)``.
    /// - Complexity: O(players × Σᵢ (profiles of the others' supports) × (players + strategies of i))
    ///   integer operations, one reduction at the end.
    func regret(_ profile: MixedProfile) -> Rational {
        let n = game.shape.count
        guard profile.probabilities.count == n else { return game.regret(profile) }
        var denominators: [ExactInt] = []
        var numerators: [[ExactInt]] = []
        for (j, row) in profile.probabilities.enumerated() {
            guard row.count == game.shape[j] else { return game.regret(profile) }
            let d = Rational.commonDenominator(row)
            denominators.append(d)
            numerators.append(row.map { $0.numerator * d.quotient(dividingBy: $0.denominator) })
        }
        let supports = profile.supports
        guard supports.allSatisfy({ !$0.isEmpty }) else { return game.regret(profile) }
        // Player i's payoff from strategy s is values_s / (scale · Π_{j≠i} D_j); its regret,
        // max_s values_s − Σ_{s in support} (N_is / D_i) values_s, has the common denominator
        // scale · Π_j D_j for every player, so the numerators compare directly.
        var worst = ExactInt(0)
        for i in 0..<n {
            var others = supports
            others[i] = Array(0..<game.shape[i])
            var totals = Array(repeating: ExactInt(0), count: game.shape[i])
            game.forEachProfile(in: others) { choice, index in
                var weight = values[index][i]
                for j in 0..<n where j != i { weight = weight * numerators[j][choice[j]] }
                totals[choice[i]] += weight
            }
            guard var best = totals.first else { continue }
            for value in totals.dropFirst() where best < value { best = value }
            var current = ExactInt(0)
            for s in supports[i] { current += numerators[i][s] * totals[s] }
            let gain = best * denominators[i] - current
            if worst < gain { worst = gain }
        }
        guard worst.signum > 0 else { return .zero }
        var denominator = scale
        for d in denominators { denominator = denominator * d }
        return Rational(reducing: worst, denominator)
    }

    /// Each player's expected payoff under `profile`, exactly; the same values as
    /// ``NormalFormGame/expectedPayoffs(_:)``.
    /// - Complexity: O(profiles of the supports × players) integer operations, one reduction per player.
    func expectedPayoffs(_ profile: MixedProfile) -> [Rational] {
        let n = game.shape.count
        guard profile.probabilities.count == n,
              profile.probabilities.indices.allSatisfy({ profile.probabilities[$0].count == game.shape[$0] }) else {
            return game.expectedPayoffs(profile)
        }
        var denominator = scale
        var numerators: [[ExactInt]] = []
        for row in profile.probabilities {
            let d = Rational.commonDenominator(row)
            denominator = denominator * d
            numerators.append(row.map { $0.numerator * d.quotient(dividingBy: $0.denominator) })
        }
        var totals = Array(repeating: ExactInt(0), count: n)
        game.forEachProfile(in: profile.supports) { choice, index in
            var weight = ExactInt(1)
            for j in 0..<n { weight = weight * numerators[j][choice[j]] }
            for i in 0..<n { totals[i] += weight * values[index][i] }
        }
        return totals.map { Rational(reducing: $0, denominator) }
    }
}
