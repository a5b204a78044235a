/// Branch and prune over the free probabilities of one support profile: every box is either
/// discarded because it provably holds no equilibrium with that support, shown by the Krawczyk
/// test to hold exactly one root of the indifference equations (which Newton's method then
/// finds), or split in two; boxes that reach the smallest width undecided are kept as
/// *residual* boxes (near singular roots or continua of solutions).
///
/// The domain is `[−δ, 1 + δ]` per variable with each player's free probabilities summing to at
/// most `1 + δ`: slightly larger than the simplex so that roots on its boundary are interior.
/// The discarding tests use enclosures that include a bound on double-precision rounding
/// (``SupportSystem/Function/slack``), so no root is discarded by rounding.
struct SupportBoxSearch {
    struct Box: Sendable {
        var lower: [Double]
        var upper: [Double]
    }

    enum Status: Sendable, Equatable {
        case complete
        /// The box budget ran out: roots in the unexplored boxes may be missed.
        case budgetExceeded
        case timedOut
    }

    let system: SupportSystem
    static let margin = 0x1p-10
    static let smallestWidth = 0x1p-13
    /// Steered variables (``BoxWorkspace/steering``) are split first while wider than this.
    static let steeringWidth = 0x1p-5
    /// Boxes narrower than this are not split further (coarser for dependent systems, whose
    /// solutions all lie on continua).
    var smallestWidth = Self.smallestWidth
    var boxes = 0
    /// Newton's limit in each box shown to hold exactly one root.
    var roots: [[Double]] = []
    var residual: [Box] = []

    init(_ system: SupportSystem) { self.system = system }

    /// Searches the whole domain, stopping after `budget` boxes or when `expired` says so
    /// (asked every 1,024 boxes).
    mutating func run(budget: Int, expired: () -> Bool) -> Status {
        let d = system.dimension
        let work = BoxWorkspace(system)
        let lower = work.lower
        let upper = work.upper
        // The stack of boxes to examine, flat: lower bounds then upper bounds, 2d values per box.
        guard d > 0 else { return .complete }
        var stack: [Double] = Array(repeating: -Self.margin, count: d) + Array(repeating: 1 + Self.margin, count: d)
        while !stack.isEmpty {
            let top = stack.count - 2 * d
            for v in 0..<d {
                lower[v] = stack[top + v]
                upper[v] = stack[top + d + v]
            }
            stack.removeLast(2 * d)
            boxes += 1
            if boxes > budget { return .budgetExceeded }
            if boxes % 1024 == 0, expired() { return .timedOut }
            var refining = 0
            var discard = false
            var chosen = 0
            while refining < 8 {
                refining += 1
                switch work.examine() {
                case .discard: discard = true
                case .unique(let root):
                    roots.append(root)
                    discard = true
                case .contracted: continue
                case .split(let variable): chosen = variable
                }
                break
            }
            if discard { continue }
            var widest = 0
            for v in 0..<d where upper[v] - lower[v] > upper[widest] - lower[widest] { widest = v }
            if upper[widest] - lower[widest] < smallestWidth {
                residual.append(work.box)
                continue
            }
            // Split where the equations vary most (the smear heuristic), unless that side is already thin.
            if upper[chosen] - lower[chosen] >= smallestWidth / 2 { widest = chosen }
            var steer = -1
            for v in work.steering where steer < 0 || upper[v] - lower[v] > upper[steer] - lower[steer] { steer = v }
            if steer >= 0, upper[steer] - lower[steer] > Self.steeringWidth { widest = steer }
            let middle = (lower[widest] + upper[widest]) / 2
            // The high half first, so that the low half is examined next (as a stack).
            for v in 0..<d { stack.append(v == widest ? middle : lower[v]) }
            for v in 0..<d { stack.append(upper[v]) }
            for v in 0..<d { stack.append(lower[v]) }
            for v in 0..<d { stack.append(v == widest ? middle : upper[v]) }
        }
        return .complete
    }

    enum Verdict {
        case discard
        case unique([Double])
        /// The box was shrunk (linear propagation or the Krawczyk operator): examine it again.
        case contracted
        /// Bisect, preferably along this variable.
        case split(Int)
    }

    /// Newton's method on the equations from `start`; `nil` unless it converges.
    static func newton(_ system: SupportSystem, from start: [Double]) -> [Double]? {
        var p = start
        for _ in 0..<60 {
            let (values, jacobian) = system.evaluate(p)
            guard let delta = DenseLinearAlgebra.solve(jacobian, values.map { -$0 }) else { return nil }
            for k in p.indices { p[k] += delta[k] }
            guard p.allSatisfy(\.isFinite) else { return nil }
            if (delta.map(abs).max() ?? 0) <= 1e-16 { break }
        }
        let residual = system.evaluate(p).values.map(abs).max() ?? 0
        return residual <= 1e-9 ? p : nil
    }

    /// Levenberg–Marquardt steps towards the solution set from `start`: the nearest-point
    /// projection used where the Jacobian is singular (on a continuum of solutions).
    static func project(_ system: SupportSystem, from start: [Double]) -> [Double]? {
        var p = start
        let d = system.dimension
        for _ in 0..<200 {
            let (values, jacobian) = system.evaluate(p)
            let residual = values.map(abs).max() ?? 0
            if residual <= 1e-13 { return p }
            var normal = Array(repeating: Array(repeating: 0.0, count: d), count: d)
            var rhs = Array(repeating: 0.0, count: d)
            let scale = jacobian.flatMap { $0 }.map(abs).max() ?? 1
            for a in 0..<d {
                for b in 0..<d {
                    var total = 0.0
                    for r in 0..<values.count { total += jacobian[r][a] * jacobian[r][b] }
                    normal[a][b] = total
                }
                normal[a][a] += 1e-10 * scale * scale
                for r in 0..<values.count { rhs[a] -= jacobian[r][a] * values[r] }
            }
            guard let delta = DenseLinearAlgebra.solve(normal, rhs) else { return nil }
            for k in p.indices { p[k] += delta[k] }
            guard p.allSatisfy(\.isFinite) else { return nil }
        }
        let residual = system.evaluate(p).values.map(abs).max() ?? 0
        return residual <= 1e-10 ? p : nil
    }

    /// The inverse of a square matrix in double precision; `nil` when numerically singular.
    static func inverse(_ a: [[Double]]) -> [[Double]]? {
        DenseLinearAlgebra.inverse(a)
    }
}
