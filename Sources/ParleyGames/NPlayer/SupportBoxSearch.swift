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
            var refining = true
            var discard = false
            while refining {
                refining = false
                switch examine(&box) {
                case .discard: discard = true
                case .unique(let root):
                    roots.append(root)
                    discard = true
                case .contracted: refining = true
                case .split: break
                }
            }
            if discard { continue }
            var widest = 0
            for v in 0..<d where box.upper[v] - box.lower[v] > box.upper[widest] - box.lower[widest] { widest = v }
            if box.upper[widest] - box.lower[widest] < Self.smallestWidth {
                residual.append(box)
                continue
            }
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
        /// The box was shrunk by the Krawczyk operator: examine it again.
        case contracted
        case split
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
        for function in system.functions {
            let e = system.enclose(function, mixtures: x, radii: radii)
            if function.isEquation {
                if abs(e.value) > e.radius { return .discard }
                g.append(e.value)
                gRadius.append(function.slack)
                jMid.append(e.gradient)
                jRadius.append(e.gradientRadius)
            } else if e.value - e.radius > 0 {
                return .discard
            }
        }
        guard let y = Self.inverse(jMid) else { return .split }
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
            radius = radius * (1 + 1e-9) + 1e-300
            let low = centre[k] + step - radius
            let high = centre[k] + step + radius
            if !(low.isFinite && high.isFinite) { return .split }
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
        guard changed else { return .split }
        let before = radii.max() ?? 0
        let after = (0..<d).map { (box.upper[$0] - box.lower[$0]) / 2 }.max() ?? 0
        return after < 0.5 * before ? .contracted : .split
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
        let d = a.count
        var columns: [[Double]] = []
        for k in 0..<d {
            var unit = Array(repeating: 0.0, count: d)
            unit[k] = 1
            guard let column = DenseLinearAlgebra.solve(a, unit) else { return nil }
            columns.append(column)
        }
        return (0..<d).map { r in (0..<d).map { c in columns[c][r] } }
    }
}
