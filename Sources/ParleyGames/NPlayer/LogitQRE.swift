import Foundation
import ParleyCore

/// One point of a logit quantal-response equilibrium: at precision `lambda` every player plays
/// each pure strategy with probability proportional to `exp(lambda × its expected payoff)`.
public struct QREPoint: Sendable, Hashable {
    /// The logit precision λ (in inverse payoff units; payoffs are used as given, not rescaled).
    public var lambda: Double
    /// `probabilities[p][s]`, each player's row summing to 1.
    public var probabilities: [[Double]]

    public init(lambda: Double, probabilities: [[Double]]) {
        self.lambda = lambda
        self.probabilities = probabilities
    }
}

/// The principal branch of logit quantal-response equilibria (McKelvey and Palfrey 1995) of an
/// n-player strategic game, traced from the centroid at λ = 0 towards λ → ∞, where it converges
/// to a Nash equilibrium (for generic games the branch is a smooth curve that reaches one).
///
/// Method (after Turocy's path following in Gambit's `logit`, written from the published
/// description): the unknowns are `x = log p` for every pure strategy and λ. For each player,
/// with strategy 0 as the reference, the equations are `Σ_s exp(x_s) = 1` and
/// `x_s − x_0 = λ (u_s(p) − u_0(p))`: N equations in N + 1 unknowns, whose solution set through
/// (log centroid, 0) is the branch. A predictor–corrector follows it by arc length: an Euler step
/// along the unit tangent (the null vector of the Jacobian, oriented by the previous tangent), then
/// Newton corrections restricted to the hyperplane orthogonal to the tangent. Step control is
/// deterministic: a step is halved when the first correction exceeds `0.5` or Newton contracts by
/// less than a factor 2 per iteration or needs more than 8 iterations; after a step that
/// converged within 3 iterations the step grows by `maxAcceleration`. Working in log
/// probabilities keeps strategies that vanish in the limit (p ≈ e^(−λ·gap)) resolvable.
///
/// Limits: double precision; the branch can turn back in λ (it is followed through such turns)
/// but not through bifurcations of degenerate games, where tracing stops with a ``GameError``.
/// At λ = 10⁶/range the residual of the equations is about λ × range × 1e-16 in `x`.
public enum LogitQRE {
    /// Tolerances and step control.
    public struct Options: Sendable, Hashable {
        /// Arc length of the first step.
        public var firstStep: Double = 0.03
        /// Largest growth factor of the step after an easy step.
        public var maxAcceleration: Double = 1.1
        /// Tracing stops once the profile's regret is at most this times the payoff range.
        public var maxRegret: Double = 1e-8
        /// Tracing gives up beyond this λ × payoff range.
        public var maxLambda: Double = 1e12
        /// Tracing gives up after this many accepted steps.
        public var maxSteps: Int = 20_000

        public init() {}
    }

    /// A traced branch.
    public struct Branch: Sendable, Hashable {
        /// Every accepted point, from λ = 0 (the centroid) on.
        public var points: [QREPoint]
        /// The last point: the Nash approximation when ``converged``.
        public var end: QREPoint
        /// The regret of ``end`` (payoff units, double precision).
        public var regret: Double
        /// Whether ``end`` has regret at most `maxRegret × range` (false when `stopAt` ended it or λ ran out).
        public var converged: Bool
    }

    /// Traces the principal branch until its profile is a `maxRegret`-equilibrium, or, with
    /// `stopAt`, until λ first reaches that value (the last point is then the QRE at exactly it).
    /// - Throws: ``GameError`` when the path cannot be followed (a bifurcation or a singular Jacobian).
    /// - Complexity: O(steps × (profiles × players³ + N³)), N the total number of pure strategies.
    public static func traceBranch(_ game: NormalFormGame, options: Options = Options(), stopAt: Double? = nil) throws(GameError) -> Branch {
        let table = PayoffTable(game)
        let n = table.strategyCount
        var y = table.centroid.map { log($0) } + [0]
        var points = [QREPoint(lambda: 0, probabilities: table.split(table.centroid))]
        if let stopAt, stopAt <= 0 {
            return Branch(points: points, end: points[0], regret: table.regret(table.centroid), converged: false)
        }
        var axis = Array(repeating: 0.0, count: n + 1)
        axis[n] = 1
        guard var tangent = self.tangent(table, y, previous: axis) else {
            throw GameError(.unsupported, "the logit equations are singular at the centroid")
        }
        var step = options.firstStep
        for _ in 0..<options.maxSteps {
            try GameError.checkCancellation()
            guard let (next, iterations) = correct(table, predicted: zip(y, tangent).map { $0 + step * $1 }, tangent: tangent) else {
                step /= 2
                if step < 1e-12 {
                    if stopAt == nil, let end = nearEnd(table, points) { return end }
                    throw GameError(.unsupported, "logit path following stalled at λ = \(y[n]) (the branch bifurcates or the game is degenerate)",
                                    hint: "try --method pure, or perturb the payoffs slightly")
                }
                continue
            }
            if let stopAt, next[n] >= stopAt {
                let point = try fixedLambda(table, from: y, to: next, lambda: stopAt)
                points.append(point)
                return Branch(points: points, end: point, regret: table.regret(point.probabilities.flatMap { $0 }), converged: false)
            }
            guard let newTangent = self.tangent(table, next, previous: tangent) else {
                if stopAt == nil, let end = nearEnd(table, points) { return end }
                throw GameError(.unsupported, "the logit path reached a singular point at λ = \(next[n])", hint: "the game may be degenerate; try --method pure")
            }
            y = next
            tangent = newTangent
            let p = y[0..<n].map { exp($0) }
            points.append(QREPoint(lambda: y[n], probabilities: table.split(p)))
            let regret = table.regret(p)
            if stopAt == nil, regret <= options.maxRegret * table.range {
                return Branch(points: points, end: points[points.count - 1], regret: regret, converged: true)
            }
            if y[n] * table.range > options.maxLambda { break }
            if iterations <= 3 { step *= options.maxAcceleration }
        }
        let end = points[points.count - 1]
        return Branch(points: points, end: end, regret: table.regret(end.probabilities.flatMap { $0 }), converged: false)
    }

    /// When tracing breaks down far along the branch (λ × range above 1000, regret below 1e-3 ×
    /// range), the last point as an unconverged end that support refinement can still finish.
    private static func nearEnd(_ table: PayoffTable, _ points: [QREPoint]) -> Branch? {
        guard let last = points.last, last.lambda * table.range > 1000 else { return nil }
        let regret = table.regret(last.probabilities.flatMap { $0 })
        guard regret <= 1e-3 * table.range else { return nil }
        return Branch(points: points, end: last, regret: regret, converged: false)
    }

    /// The logit QRE on the principal branch at precision `lambda` (the first point where the
    /// branch reaches it).
    public static func atLambda(_ game: NormalFormGame, lambda: Double, options: Options = Options()) throws(GameError) -> QREPoint {
        guard lambda.isFinite, lambda >= 0 else { throw GameError(.invalidValue, "λ must be a finite number ≥ 0, not \(lambda)") }
        return try traceBranch(game, options: options, stopAt: lambda).end
    }

    /// H(y) and its N × (N+1) Jacobian.
    static func equations(_ table: PayoffTable, _ y: [Double]) -> (h: [Double], jacobian: [[Double]]) {
        let n = table.strategyCount
        let lambda = y[n]
        let p = y[0..<n].map { exp($0) }
        let (v, dv) = table.strategyValues(p, derivatives: true)
        var h = Array(repeating: 0.0, count: n)
        var jacobian = Array(repeating: Array(repeating: 0.0, count: n + 1), count: n)
        for i in 0..<table.playerCount {
            let base = table.offsets[i]
            let count = table.shape[i]
            var total = 0.0
            for s in 0..<count {
                total += p[base + s]
                jacobian[base][base + s] = p[base + s]
            }
            h[base] = total - 1
            for s in 1..<max(count, 1) {
                let row = base + s
                h[row] = y[row] - y[base] - lambda * (v[row] - v[base])
                jacobian[row][row] += 1
                jacobian[row][base] -= 1
                for l in 0..<n where table.player(of: l) != i {
                    jacobian[row][l] = -lambda * (dv[row][l] - dv[base][l]) * p[l]
                }
                jacobian[row][n] = -(v[row] - v[base])
            }
        }
        return (h, jacobian)
    }

    /// The unit tangent at `y` with a positive component along `previous`.
    static func tangent(_ table: PayoffTable, _ y: [Double], previous: [Double]) -> [Double]? {
        let n = table.strategyCount
        var (_, jacobian) = equations(table, y)
        jacobian.append(previous)
        var rhs = Array(repeating: 0.0, count: n + 1)
        rhs[n] = 1
        guard let t = DenseLinearAlgebra.solve(jacobian, rhs) else { return nil }
        let length = DenseLinearAlgebra.norm(t)
        guard length.isFinite, length > 0 else { return nil }
        return t.map { $0 / length }
    }

    /// Newton corrections orthogonal to `tangent`; `nil` when they do not converge quickly.
    static func correct(_ table: PayoffTable, predicted: [Double], tangent: [Double]) -> (point: [Double], iterations: Int)? {
        let n = table.strategyCount
        var y = predicted
        var previousSize = Double.infinity
        for iteration in 1...8 {
            var (h, jacobian) = equations(table, y)
            jacobian.append(tangent)
            h.append(0)
            guard let delta = DenseLinearAlgebra.solve(jacobian, h.map { -$0 }) else { return nil }
            let size = DenseLinearAlgebra.norm(delta)
            guard size.isFinite else { return nil }
            if iteration == 1 && size > 0.5 { return nil }
            if iteration > 1 && size > 0.5 * previousSize && size > 1e-12 * (1 + abs(y[n])) { return nil }
            for k in y.indices { y[k] += delta[k] }
            previousSize = size
            // The equations' rounding error grows with λ × payoffs, so convergence is relative.
            if size <= 1e-11 * (1 + abs(y[n]) * table.range) { return (y, iteration) }
        }
        return nil
    }

    /// The branch point at exactly `lambda`, between the accepted point `from` and the corrected
    /// point `to` (which has passed it), by Newton in `x` with λ held fixed.
    static func fixedLambda(_ table: PayoffTable, from: [Double], to: [Double], lambda: Double) throws(GameError) -> QREPoint {
        let n = table.strategyCount
        let span = to[n] - from[n]
        let share = span > 0 ? (lambda - from[n]) / span : 1
        var y = zip(from, to).map { $0 + share * ($1 - $0) }
        y[n] = lambda
        for _ in 0..<50 {
            let (h, jacobian) = equations(table, y)
            guard let delta = DenseLinearAlgebra.solve(jacobian.map { Array($0[0..<n]) }, h.map { -$0 }) else { break }
            for k in 0..<n { y[k] += delta[k] }
            if DenseLinearAlgebra.norm(delta) <= 1e-14 * (1 + lambda * table.range) { break }
        }
        let (h, _) = equations(table, y)
        guard DenseLinearAlgebra.norm(h) <= 1e-9 * (1 + lambda * table.range) else {
            throw GameError(.unsupported, "could not solve the logit equations at λ = \(lambda)")
        }
        return QREPoint(lambda: lambda, probabilities: table.split(y[0..<n].map { exp($0) }))
    }
}
