/// Continuous-time replicator dynamics on a payoff matrix (Taylor and Jonker 1978):
/// dxᵢ/dt = xᵢ((Ax)ᵢ − xᵀAx), integrated by classical fourth-order Runge–Kutta.
///
/// With a tournament's mean payoff matrix this shows which strategies a large population
/// would grow (nashpy's `replicator_dynamics` solves the same equation with odeint).
public struct ReplicatorDynamics: Sendable {
    /// `payoffs[i][j]`: the payoff to strategy i against j.
    public let payoffs: [[Double]]

    /// - Throws: ``RepeatedGameError`` if the matrix is empty, not square or not finite.
    public init(payoffs: [[Double]]) throws(RepeatedGameError) {
        guard !payoffs.isEmpty, payoffs.allSatisfy({ $0.count == payoffs.count }) else {
            throw RepeatedGameError(.invalidGame, "replicator dynamics needs a square, non-empty payoff matrix")
        }
        guard payoffs.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw RepeatedGameError(.invalidGame, "payoffs must be finite numbers")
        }
        self.payoffs = payoffs
    }

    /// The population shares after each of `steps` steps of length `step`, starting from
    /// `start` (normalised to sum 1; uniform when nil). Element 0 is the start.
    /// - Throws: ``RepeatedGameError`` if `start` has the wrong length, a negative share or
    ///   sums to 0, or `step` is not positive.
    /// - Complexity: O(steps × n²).
    public func trajectory(start: [Double]? = nil, step: Double = 0.01, steps: Int = 1000) throws(RepeatedGameError) -> [[Double]] {
        let n = payoffs.count
        var x = start ?? Array(repeating: 1.0 / Double(n), count: n)
        guard x.count == n, x.allSatisfy({ $0 >= 0 && $0.isFinite }), x.reduce(0, +) > 0 else {
            throw RepeatedGameError(.invalidSettings, "the starting shares must be \(n) non-negative numbers with a positive sum")
        }
        guard step > 0, step.isFinite, steps >= 0 else {
            throw RepeatedGameError(.invalidSettings, "the step must be positive and the number of steps non-negative")
        }
        let total = x.reduce(0, +)
        x = x.map { $0 / total }
        var out = [x]
        out.reserveCapacity(steps + 1)
        for _ in 0..<steps {
            let k1 = derivative(x)
            let k2 = derivative(zip(x, k1).map { $0 + step / 2 * $1 })
            let k3 = derivative(zip(x, k2).map { $0 + step / 2 * $1 })
            let k4 = derivative(zip(x, k3).map { $0 + step * $1 })
            x = (0..<n).map { i in x[i] + step / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) }
            // Shares stay in the simplex up to rounding; renormalise so errors cannot build up.
            x = x.map { Swift.max(0, $0) }
            let sum = x.reduce(0, +)
            if sum > 0 { x = x.map { $0 / sum } }
            out.append(x)
        }
        return out
    }

    /// dx/dt at `x`.
    public func derivative(_ x: [Double]) -> [Double] {
        let fitness = payoffs.map { row in zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } }
        let mean = zip(fitness, x).reduce(0) { $0 + $1.0 * $1.1 }
        return (0..<x.count).map { x[$0] * (fitness[$0] - mean) }
    }
}
