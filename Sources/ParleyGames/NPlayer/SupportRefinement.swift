
/// An equilibrium found numerically, stated as an exact profile together with its exact regret.
public struct ApproximateEquilibrium: Sendable, Hashable {
    /// The profile (probabilities rounded to nearby rationals) and its exact expected payoffs.
    public var equilibrium: NashEquilibrium
    /// The exact regret of ``equilibrium``'s profile: zero when the profile is an exact equilibrium.
    public var regret: Rational
    /// The logit precision λ the profile came from, when it came from a QRE branch.
    public var lambda: Double?

    /// Whether the profile is verified, in exact arithmetic, to be a Nash equilibrium.
    public var isExact: Bool { regret.isZero }
}

/// Turns an approximate equilibrium into a precise one: Newton's method on the equations of its
/// support (each player indifferent among its strategies in use, probabilities summing to 1),
/// then rounding to nearby rationals, exactly verified.
///
/// When the support's solution is rational with small denominators (it often is in textbook
/// games), the rounding recovers it and the exact regret is zero; otherwise (irrational
/// equilibria, as in Nau et al. 2004 §4) the result is the double-precision solution rounded to
/// rationals within 1e-15, and its exact regret, typically below 1e-13 × payoff range, is reported.
enum SupportRefinement {
    /// The refined profile, or the input rounded when Newton fails or leaves the simplex.
    static func refine(_ game: NormalFormGame, _ probabilities: [[Double]], lambda: Double? = nil) -> ApproximateEquilibrium {
        let table = PayoffTable(game)
        let start = probabilities.flatMap { $0 }
        var candidates: [[Double]] = []
        let values = table.strategyValues(start, derivatives: false).values
        for rule in 0..<2 {
            let support: [Bool] = start.indices.map { k in
                let i = table.player(of: k)
                if rule == 0 { return start[k] > 1e-5 }
                let best = (table.offsets[i]..<(table.offsets[i] + table.shape[i])).map { values[$0] }.max() ?? values[k]
                return values[k] >= best - 1e-7 * table.range
            }
            if let solved = newton(table, start: start, support: support) { candidates.append(solved) }
        }
        candidates.append(start)
        var best: ApproximateEquilibrium?
        for candidate in candidates {
            for tolerance in [1e-9, 1e-15] {
                guard let profile = rationalised(table, candidate, tolerance: tolerance) else { continue }
                let regret = game.regret(profile)
                let result = ApproximateEquilibrium(
                    equilibrium: NashEquilibrium(profile: profile, payoffs: game.expectedPayoffs(profile)), regret: regret, lambda: lambda)
                if regret.isZero { return result }
                if best.map({ regret < $0.regret }) ?? true { best = result }
            }
        }
        if let best { return best }
        let uniform = MixedProfile(game.shape.map { count in Array(repeating: Rational(numerator: 1, denominator: ExactInt(count)) ?? .zero, count: count) })
        return ApproximateEquilibrium(equilibrium: NashEquilibrium(profile: uniform, payoffs: game.expectedPayoffs(uniform)),
                                      regret: game.regret(uniform), lambda: lambda)
    }

    /// Solves the support equations from `start`; `nil` unless Newton converges inside the simplex
    /// to a profile with regret below 1e-11 × range.
    static func newton(_ table: PayoffTable, start: [Double], support: [Bool]) -> [Double]? {
        let n = table.strategyCount
        let used = (0..<n).filter { support[$0] }
        for i in 0..<table.playerCount where !(table.offsets[i]..<(table.offsets[i] + table.shape[i])).contains(where: { support[$0] }) {
            return nil
        }
        var p = (0..<n).map { support[$0] ? start[$0] : 0 }
        for _ in 0..<40 {
            let (v, dv) = table.strategyValues(p, derivatives: true)
            var f: [Double] = []
            var jacobian: [[Double]] = []
            for i in 0..<table.playerCount {
                let mine = used.filter { table.player(of: $0) == i }
                guard let first = mine.first else { return nil }
                f.append(mine.reduce(0) { $0 + p[$1] } - 1)
                jacobian.append(used.map { table.player(of: $0) == i ? 1 : 0 })
                for k in mine.dropFirst() {
                    f.append(v[k] - v[first])
                    jacobian.append(used.map { l in table.player(of: l) == i ? 0 : dv[k][l] - dv[first][l] })
                }
            }
            guard let delta = DenseLinearAlgebra.solve(jacobian, f.map { -$0 }) else { return nil }
            for (position, k) in used.enumerated() { p[k] += delta[position] }
            if DenseLinearAlgebra.norm(delta) < 1e-15 { break }
        }
        guard p.allSatisfy({ $0 > -1e-12 && $0.isFinite }) else { return nil }
        p = p.map { max($0, 0) }
        guard table.regret(p) <= 1e-11 * table.range else { return nil }
        return p
    }

    /// Each probability replaced by the simplest rational within `tolerance`, the last positive
    /// one of each player set to make the sum exactly 1; `nil` if that leaves the simplex.
    static func rationalised(_ table: PayoffTable, _ p: [Double], tolerance: Double) -> MixedProfile? {
        var result: [[Rational]] = []
        for i in 0..<table.playerCount {
            let slice = Array(p[table.offsets[i]..<(table.offsets[i] + table.shape[i])])
            var row = slice.map { simplestRational($0, tolerance: tolerance) }
            guard let last = slice.indices.last(where: { slice[$0] > tolerance }) else { return nil }
            row[last] = .zero
            row[last] = Rational.one - row.reduce(Rational.zero, +)
            guard row.allSatisfy({ $0.signum >= 0 }) else { return nil }
            result.append(row)
        }
        return MixedProfile(result)
    }

    /// The rational with the smallest denominator within `tolerance` of `x` in 0...1 (continued
    /// fraction convergents; denominators stay below 2^52).
    static func simplestRational(_ x: Double, tolerance: Double) -> Rational {
        guard x > tolerance else { return .zero }
        guard x < 1 - tolerance else { return .one }
        var (h0, h1) = (0, 1)
        var (k0, k1) = (1, 0)
        var rest = x
        for _ in 0..<60 {
            let a = rest.rounded(.down)
            guard a < 1e15 else { break }
            let whole = Int(a)
            let (h2, k2) = (whole * h1 + h0, whole * k1 + k0)
            guard k2 < 1 << 52 else { break }
            (h0, h1, k0, k1) = (h1, h2, k1, k2)
            if abs(Double(h1) / Double(k1) - x) <= tolerance { break }
            let fraction = rest - a
            guard fraction > 1e-300 else { break }
            rest = 1 / fraction
        }
        return Rational(numerator: ExactInt(h1), denominator: ExactInt(max(k1, 1))) ?? .zero
    }
}
