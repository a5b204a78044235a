import ParleyCore

/// The probabilistic Condorcet election (PCE): the probability that each option ends up
/// chosen, from the pairwise victory probabilities of the options (KTAB's `Model::probCE2`).
enum SpatialPCE {
    /// Why a Markov PCE could not be computed.
    struct NoConvergence: Error, Sendable, Hashable {
        let model: SpatialSettings.PCEModel
        let iterations: Int
    }

    /// The distribution over options and the victory matrix behind it.
    ///
    /// - Conditional: `p_a ∝ Π_b V(a, b)`.
    /// - MarkovUniform: iterate `q_a = (1/m) Σ_b V(a, b)(p_a + p_b)`, `p ← (p + q)/2`, until
    ///   no entry moves by more than 1e-6.
    /// - MarkovIncentive: challenge incentives `n[a→b] = C(a:b) V(a, b)` (+1e-10 on the
    ///   diagonal), challenge probabilities `P[a→b] = n[a→b] / Σ_k n[k→b]`, iterate
    ///   `q_a = Σ_b V(a, b)(p_a P[b→a] + p_b P[a→b])`, `p ← (p + q)/2`, to 1e-8.
    /// - Throws: ``NoConvergence`` when a Markov model takes 1000 iterations (KTAB throws too).
    /// - Complexity: O(m²) for Conditional, O(m²) per iteration for the Markov models.
    static func distribution(
        _ model: SpatialSettings.PCEModel, victoryModel: SpatialSettings.VictoryProbModel, coalitions: SquareMatrix
    ) throws(NoConvergence) -> [Double] {
        let victory = victoryModel.victoryMatrix(coalitions)
        switch model {
        case .conditional:
            return conditional(victory)
        case .markovUniform:
            return try markovUniform(victory)
        case .markovIncentive:
            return try markovIncentive(victory, coalitions: coalitions)
        }
    }

    static func conditional(_ victory: SquareMatrix) -> [Double] {
        let m = victory.size
        var p = [Double](repeating: 0, count: m)
        for i in 0..<m {
            var pi = 1.0
            for j in 0..<m { pi = pi * victory[i, j] }
            p[i] = pi
        }
        var total = 0.0
        for x in p { total = total + x }
        // Every product can underflow only with hundreds of hopeless options; KTAB would divide by 0.
        guard total > 0 else { return p.map { _ in 1.0 / Double(m) } }
        return p.map { $0 / total }
    }

    static let iterationLimit = 1000

    static func markovUniform(_ victory: SquareMatrix) throws(NoConvergence) -> [Double] {
        let m = victory.size
        var p = [Double](repeating: 1.0 / Double(m), count: m)
        var q = p
        var change = 1.0
        var iterations = 0
        while 1e-6 < change {
            guard iterations < iterationLimit else { throw NoConvergence(model: .markovUniform, iterations: iterations) }
            change = 0
            for i in 0..<m {
                var pi = 0.0
                for j in 0..<m { pi = pi + victory[i, j] * (p[i] + p[j]) }
                q[i] = pi / Double(m)
                change = Swift.max(change, abs(q[i] - p[i]))
            }
            for i in 0..<m { p[i] = (p[i] + q[i]) / 2.0 }
            iterations += 1
        }
        // KTAB rejects a distribution that needed the whole budget, even if it just converged.
        guard iterations < iterationLimit else { throw NoConvergence(model: .markovUniform, iterations: iterations) }
        return p
    }

    static func markovIncentive(_ victory: SquareMatrix, coalitions: SquareMatrix) throws(NoConvergence) -> [Double] {
        let m = victory.size
        var incentive = SquareMatrix(size: m)
        for i in 0..<m {
            for j in 0..<m {
                incentive[i, j] = coalitions[i, j] * victory[i, j] + (i == j ? 1e-10 : 0)
            }
        }
        var challenge = SquareMatrix(size: m)
        for j in 0..<m {
            var sum = 0.0
            for k in 0..<m { sum = sum + incentive[k, j] }
            for i in 0..<m { challenge[i, j] = incentive[i, j] / sum }
        }
        var p = [Double](repeating: 1.0 / Double(m), count: m)
        var q = p
        var change = 1.0
        var iterations = 0
        while 1e-8 < change {
            guard iterations < iterationLimit else { throw NoConvergence(model: .markovIncentive, iterations: iterations) }
            change = 0
            for i in 0..<m {
                var qi = 0.0
                for j in 0..<m {
                    // ct(i, j) + ct(j, i) with ct(a, b) = p_a P[b→a]
                    let flow = p[i] * challenge[j, i] + p[j] * challenge[i, j]
                    qi = qi + victory[i, j] * flow
                }
                q[i] = qi
                change = Swift.max(change, abs(q[i] - p[i]))
            }
            for i in 0..<m { p[i] = (p[i] + q[i]) / 2.0 }
            iterations += 1
        }
        // KTAB rejects a distribution that needed the whole budget, even if it just converged.
        guard iterations < iterationLimit else { throw NoConvergence(model: .markovIncentive, iterations: iterations) }
        return p
    }

    /// KTAB's `Model::scalarPCE`: options valued by `n` voters with scalar weights; the
    /// distribution over the `m` options.
    /// - Complexity: O(m² n) plus the PCE.
    static func scalar(
        options m: Int, voters n: Int, rule: SpatialSettings.VotingRule, settings: SpatialSettings,
        weight: (Int) -> Double, utility: (Int, Int) -> Double
    ) throws(NoConvergence) -> [Double] {
        let c = SpatialCoalitions.strengths(options: m, voters: n, rule: rule, weight: weight, utility: utility)
        return try distribution(settings.pceModel, victoryModel: settings.victoryProbModel, coalitions: c)
    }
}
