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
        var stack = [Box(lower: Array(repeating: -Self.margin, count: d), upper: Array(repeating: 1 + Self.margin, count: d))]
        while var box = stack.popLast() {
            boxes += 1
            if boxes > budget { return .budgetExceeded }
            if boxes % 1024 == 0, expired() { return .timedOut }
            var refining = 0
            var discard = false
            var chosen = 0
            while refining < 8 {
                refining += 1
                switch examine(&box) {
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
            for v in 0..<d where box.upper[v] - box.lower[v] > box.upper[widest] - box.lower[widest] { widest = v }
            if box.upper[widest] - box.lower[widest] < smallestWidth {
                residual.append(box)
                continue
            }
            // Split where the equations vary most (the smear heuristic), unless that side is already thin.
            if box.upper[chosen] - box.lower[chosen] >= smallestWidth / 2 { widest = chosen }
            let middle = (box.lower[widest] + box.upper[widest]) / 2
            var high = box
            high.lower[widest] = middle
            box.upper[widest] = middle
            stack.append(high)
            stack.append(box)
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

    /// The tests on one box, in order of cost: the simplex, the off-support inequalities and the
    /// equations' ranges, then the Krawczyk operator.
    func examine(_ box: inout Box) -> Verdict {
        let d = system.dimension
        for j in system.supports.indices {
            var low = 0.0
            for k in 0..<(system.supports[j].count - 1) { low += box.lower[system.variableOffsets[j] + k] }
            if low > 1 + Self.margin { return .discard }
        }
        let centre = (0..<d).map { (box.lower[$0] + box.upper[$0]) / 2 }
        let radii = (0..<d).map { (box.upper[$0] - box.lower[$0]) / 2 }
        let x = system.mixtures(centre)
        var g: [Double] = []
        var gRadius: [Double] = []
        var jMid: [[Double]] = []
        var jRadius: [[Double]] = []
        var low = box.lower
        var high = box.upper
        var smear = Array(repeating: 0.0, count: d)
        for function in system.functions {
            let e = system.enclose(function, mixtures: x, radii: radii)
            if function.isEquation {
                if abs(e.value) > e.radius { return .discard }
                g.append(e.value)
                gRadius.append(function.slack)
                jMid.append(e.gradient)
                jRadius.append(e.gradientRadius)
                for v in 0..<d { smear[v] += (abs(e.gradient[v]) + e.gradientRadius[v]) * radii[v] }
            } else if e.value - e.radius > 0 {
                return .discard
            }
            // Linear propagation: value + gradient·h + (terms of degree ≥ 2) must reach 0 (or ≤ 0).
            if !Self.propagate(e, equation: function.isEquation, centre: centre, radii: radii, lower: &low, upper: &high) {
                return .discard
            }
        }
        // Each player's free probabilities sum to at most 1 + margin.
        for j in system.supports.indices {
            let range = system.variableOffsets[j]..<(system.variableOffsets[j] + system.supports[j].count - 1)
            let floor = range.reduce(0.0) { $0 + low[$1] }
            for v in range {
                let cap = 1 + Self.margin - (floor - low[v])
                if cap < low[v] { return .discard }
                high[v] = min(high[v], cap + 1e-15)
            }
        }
        var widest = 0
        for v in 0..<d where smear[v] > smear[widest] { widest = v }
        let before = radii.max() ?? 0
        let shrunk = (0..<d).contains { v in high[v] - low[v] < 0.7 * (box.upper[v] - box.lower[v]) }
        if shrunk {
            box.lower = low
            box.upper = high
            return .contracted
        }
        guard let y = Self.inverse(jMid) else { return .split(widest) }
        // K(X) = c − Y g(c) + (I − Y J(X)) (X − c).
        var changed = false
        var unique = true
        for k in 0..<d {
            var step = 0.0
            var radius = 0.0
            for l in 0..<d {
                step -= y[k][l] * g[l]
                radius += abs(y[k][l]) * gRadius[l]
                var middle = k == l ? 1.0 : 0.0
                var spread = 0.0
                for m in 0..<d {
                    middle -= y[k][m] * jMid[m][l]
                    spread += abs(y[k][m]) * jRadius[m][l]
                }
                radius += (abs(middle) + spread) * radii[l]
            }
            radius = radius * (1 + 1e-9) + 1e-12 * before + 1e-300
            let low = centre[k] + step - radius
            let high = centre[k] + step + radius
            if !(low.isFinite && high.isFinite) { return .split(widest) }
            if high < box.lower[k] || low > box.upper[k] { return .discard }
            if !(low > box.lower[k] && high < box.upper[k]) { unique = false }
            if low > box.lower[k] {
                box.lower[k] = low
                changed = true
            }
            if high < box.upper[k] {
                box.upper[k] = high
                changed = true
            }
        }
        if unique {
            let start = (0..<d).map { (box.lower[$0] + box.upper[$0]) / 2 }
            return .unique(Self.newton(system, from: start) ?? start)
        }
        guard changed else { return .split(widest) }
        let after = (0..<d).map { (box.upper[$0] - box.lower[$0]) / 2 }.max() ?? 0
        return after < 0.5 * before ? .contracted : .split(widest)
    }

    /// Narrows the box `[lower, upper]` (around `centre` with `radii`) by one function's
    /// linearisation: `value + Σ gradient[v]·h[v] + e` with `|e| ≤ nonlinearRadius` must be 0 for an
    /// equation, at most 0 for an inequality. False when no point of the box satisfies it.
    static func propagate(_ e: SupportSystem.Enclosure, equation: Bool, centre: [Double], radii: [Double],
                          lower: inout [Double], upper: inout [Double]) -> Bool {
        // Σ g·h ∈ [target_low, target_high].
        let targetHigh = -e.value + e.nonlinearRadius
        let targetLow = equation ? -e.value - e.nonlinearRadius : -Double.infinity
        var spread = 0.0
        for v in radii.indices { spread += abs(e.gradient[v]) * radii[v] }
        if targetHigh < -spread * (1 + 1e-12) - 1e-300 || targetLow > spread * (1 + 1e-12) + 1e-300 { return false }
        for v in radii.indices where e.gradient[v] != 0 {
            let rest = (spread - abs(e.gradient[v]) * radii[v]) * (1 + 1e-12)
            let slope = e.gradient[v]
            // slope·h ∈ [targetLow − rest, targetHigh + rest]
            var a = (targetLow - rest) / slope
            var b = (targetHigh + rest) / slope
            if slope < 0 { swap(&a, &b) }
            let pad = 1e-12 * radii[v] + 1e-15
            if a.isFinite { lower[v] = max(lower[v], centre[v] + a - pad) }
            if b.isFinite { upper[v] = min(upper[v], centre[v] + b + pad) }
            if lower[v] > upper[v] { return false }
        }
        return true
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
