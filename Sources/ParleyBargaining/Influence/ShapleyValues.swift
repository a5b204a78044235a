import ParleyCore

/// Shapley values of the outcome's movement: how much of the shift from the empty coalition's
/// outcome v(∅) to the full table's outcome v(N) each stakeholder accounts for, dimension by
/// dimension (one dimension per issue, in scale units, signed).
///
/// The game is any function v from a ``Coalition`` to an outcome vector, typically "run the model
/// with only these stakeholders at the table". Shapley (1953):
///
///     φ_i = Σ_{S ⊆ N∖{i}} |S|! (n − |S| − 1)! / n! · (v(S ∪ {i}) − v(S))
///
/// Its properties (exact method): **efficiency**, Σ_i φ_i = v(N) − v(∅) (up to rounding);
/// **symmetry**, players whose swap leaves v unchanged get equal values; **null player**, a player
/// whose joining never changes v gets 0 exactly.
///
/// **The empty coalition** must have a defined outcome: v(∅) is whatever `value` returns for the
/// empty ``Coalition``. For a bargaining model the convention is the status quo when the
/// scenario records one (nobody at the table: nothing changes), else the scale's midpoint, and the
/// same fallback for any coalition on which the model has no forecast (nobody in it has weight).
///
/// **Methods.** With n <= `exactLimit` (12 by default, at most 20) players every one of the 2ⁿ
/// coalitions is evaluated once. Beyond, `permutations` random orders of the players are drawn
/// (Fisher–Yates from `RandomStream(seed:index: p, purpose: "shapley")` for order p) and each
/// player's marginal contribution on joining its predecessors is averaged; the standard error is
/// the sample standard deviation of those contributions over √permutations. Every sampled order
/// telescopes to v(N) − v(∅), so efficiency holds for the sampled values too.
public struct ShapleyValues: Sendable, Hashable {
    public enum Method: Sendable, Hashable {
        /// All 2ⁿ coalitions.
        case exact
        /// Random orders of the players, seeded.
        case sampled(permutations: Int, seed: UInt64)
    }

    /// The default largest number of players computed exactly.
    public static let defaultExactLimit = 12

    public let method: Method
    /// v(∅), one value per dimension.
    public let empty: [Double]
    /// v(N), one value per dimension.
    public let grand: [Double]
    /// φ[player][dimension], in the game's units (scale units for issue outcomes).
    public let values: [[Double]]
    /// Monte Carlo standard error of each value, [player][dimension]; all 0 for the exact method.
    public let standardErrors: [[Double]]

    /// Computes the Shapley values of the game `value` over `players` players.
    ///
    /// - Parameters:
    ///   - players: n >= 0.
    ///   - exactLimit: the largest n computed exactly (capped at 20).
    ///   - permutations: orders drawn when n > exactLimit (at least 2).
    ///   - seed: master seed of the sampled orders.
    ///   - jobs: threads for the evaluations; results never depend on it.
    ///   - shouldStop: polled between evaluations; when it returns true the computation stops with an error.
    ///   - value: v(S) for a coalition S; every call must return vectors of one length, finite.
    /// - Throws: ``ModelError`` from `value`, for vectors of different lengths or non-finite
    ///   values, or when stopped.
    /// - Complexity: exact: 2ⁿ calls of `value` and O(n · 2ⁿ · d) arithmetic for d dimensions;
    ///   sampled: permutations × (n + 1) calls.
    public static func compute(
        players: Int, exactLimit: Int = defaultExactLimit, permutations: Int = 1000, seed: UInt64 = 0, jobs: Int = 1,
        shouldStop: @escaping @Sendable () -> Bool = { false },
        value: @escaping @Sendable (Coalition) throws(ModelError) -> [Double]
    ) throws(ModelError) -> ShapleyValues {
        let n = Swift.max(0, players)
        let checked = Self.checked(value)
        let empty = try checked(Coalition(size: n, indices: []), nil)
        if n <= Swift.min(20, Swift.max(0, exactLimit)) {
            return try exact(players: n, empty: empty, jobs: jobs, shouldStop: shouldStop, value: checked)
        }
        return try sampled(players: n, empty: empty, permutations: Swift.max(2, permutations), seed: seed, jobs: jobs,
                           shouldStop: shouldStop, value: checked)
    }

    /// `value` with its vectors checked against the empty coalition's length and for finiteness.
    private static func checked(
        _ value: @escaping @Sendable (Coalition) throws(ModelError) -> [Double]
    ) -> @Sendable (Coalition, Int?) throws(ModelError) -> [Double] {
        { coalition, dimensions throws(ModelError) in
            let vector = try value(coalition)
            if let dimensions, vector.count != dimensions {
                throw ModelError(model: "shapley", message: "coalition \(coalition) gave \(vector.count) outcomes, the empty coalition \(dimensions)",
                                 hint: "the game must give one outcome per issue for every coalition")
            }
            guard vector.allSatisfy(\.isFinite) else {
                throw ModelError(model: "shapley", message: "coalition \(coalition) gave a non-finite outcome",
                                 hint: "give coalitions without a forecast a defined outcome, such as the status quo")
            }
            return vector
        }
    }

    private static func stopped() -> ModelError {
        ModelError(model: "shapley", message: "the Shapley computation was stopped before it finished")
    }

    private static func exact(
        players n: Int, empty: [Double], jobs: Int, shouldStop: @escaping @Sendable () -> Bool,
        value: @escaping @Sendable (Coalition, Int?) throws(ModelError) -> [Double]
    ) throws(ModelError) -> ShapleyValues {
        let d = empty.count
        let subsets = 1 << n
        // v of every coalition by bit mask; the empty one is already known.
        let others = try ParallelRuns.map(count: subsets - 1, jobs: jobs, stopped: stopped(), shouldStop: shouldStop) { index throws(ModelError) in
            try value(Coalition(size: n, mask: index + 1), d)
        }
        let table = [empty] + others
        // weight[s] = s! (n − s − 1)! / n! = 1 / (n · C(n − 1, s)).
        var weight = [Double](repeating: 0, count: Swift.max(1, n))
        var binomial = 1.0
        for s in 0..<n {
            weight[s] = 1 / (Double(n) * binomial)
            binomial = binomial * Double(n - 1 - s) / Double(s + 1)
        }
        var values = [[Double]](repeating: [Double](repeating: 0, count: d), count: n)
        for player in 0..<n {
            let bit = 1 << player
            var sums = [[Double]](repeating: [], count: d)
            for mask in 0..<subsets where mask & bit == 0 {
                let w = weight[mask.nonzeroBitCount]
                for k in 0..<d { sums[k].append(w * (table[mask | bit][k] - table[mask][k])) }
            }
            values[player] = sums.map(compensatedSum)
        }
        return ShapleyValues(method: .exact, empty: empty, grand: table[subsets - 1], values: values,
                             standardErrors: [[Double]](repeating: [Double](repeating: 0, count: d), count: n))
    }

    private static func sampled(
        players n: Int, empty: [Double], permutations: Int, seed: UInt64, jobs: Int, shouldStop: @escaping @Sendable () -> Bool,
        value: @escaping @Sendable (Coalition, Int?) throws(ModelError) -> [Double]
    ) throws(ModelError) -> ShapleyValues {
        let d = empty.count
        // contributions[p][player][k]: the player's marginal contribution in order p.
        let contributions = try ParallelRuns.map(count: permutations, jobs: jobs, stopped: stopped(), shouldStop: shouldStop) { p throws(ModelError) in
            var stream = RandomStream(seed: seed, index: UInt64(p), purpose: "shapley")
            var order = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) {
                let j = Int(stream.nextInt(below: UInt64(i + 1)))
                order.swapAt(i, j)
            }
            var marginal = [[Double]](repeating: [Double](repeating: 0, count: d), count: n)
            var members: [Int] = []
            var previous = empty
            for player in order {
                members.append(player)
                let current = try value(Coalition(size: n, indices: members), d)
                for k in 0..<d { marginal[player][k] = current[k] - previous[k] }
                previous = current
            }
            return (marginal, previous)
        }
        let grand = contributions.first?.1 ?? empty
        let m = Double(permutations)
        var values = [[Double]](repeating: [Double](repeating: 0, count: d), count: n)
        var errors = values
        for player in 0..<n {
            for k in 0..<d {
                let draws = contributions.map { $0.0[player][k] }
                let mean = compensatedSum(draws) / m
                let variance = compensatedSum(draws.map { ($0 - mean) * ($0 - mean) }) / (m - 1)
                values[player][k] = mean
                errors[player][k] = (variance / m).squareRoot()
            }
        }
        return ShapleyValues(method: .sampled(permutations: permutations, seed: seed), empty: empty, grand: grand,
                             values: values, standardErrors: errors)
    }

    /// Neumaier-compensated sum, in array order.
    static func compensatedSum(_ values: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let t = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - t) + value : (value - t) + sum
            sum = t
        }
        return sum + compensation
    }
}
