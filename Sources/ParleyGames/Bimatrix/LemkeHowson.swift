/// One Nash equilibrium of a two-player game by the Lemke–Howson algorithm (Lemke & Howson
/// 1964; von Stengel 2002, §3.6), fast in double precision and then made exact.
///
/// The path is followed in two `Double` tableaux (Gauss–Jordan pivoting with a lexicographic
/// ratio test, so degenerate games do not cycle). The basis it ends in is then solved again
/// in exact rationals and the result checked to be an equilibrium exactly; if rounding led
/// the path astray, the whole path is re-run in exact integer pivoting. The equilibrium
/// returned is therefore always exact and verified.
public enum LemkeHowson {
    /// An equilibrium found from one starting label, with how it was found.
    public struct Outcome: Sendable, Hashable {
        public var equilibrium: NashEquilibrium
        /// The label dropped at the start: `0..<m` a row strategy, `m..<m+n` a column strategy.
        public var droppedLabel: Int
        /// Pivots along the path.
        public var pivots: Int
        /// Whether the double-precision path failed verification and was re-run exactly.
        public var usedExactPath: Bool
    }

    /// The equilibrium reached by dropping `label` (0-based: rows first, then columns).
    /// - Throws: ``GameError`` when the game does not have two players or `label` is out of range.
    /// - Complexity: pivots × O((m + n)²); pivots are usually few but can be exponential.
    public static func solve(_ game: NormalFormGame, droppedLabel label: Int = 0) throws(GameError) -> Outcome {
        guard let (a, b) = game.bimatrixPayoffs else {
            throw GameError(.unsupported, "Lemke–Howson needs a two-player game; this one has \(game.players.count) players")
        }
        let m = a.count
        let n = b.first?.count ?? 0
        guard (0..<(m + n)).contains(label) else {
            throw GameError(.invalidValue, "the dropped label must be between 1 and \(m + n), found \(label + 1)")
        }
        let aInt = BimatrixEnumeration.positiveIntegers(a)
        let bInt = BimatrixEnumeration.positiveIntegers(b)
        let floatPath = followDouble(aInt, bInt, label: label)
        if let (x, y) = exactSolution(aInt, bInt, xBasis: floatPath.xBasis, yBasis: floatPath.yBasis, m: m, n: n) {
            return Outcome(equilibrium: NashEquilibrium(profile: MixedProfile([x, y]), payoffs: BimatrixEnumeration.bimatrixPayoffs(a, b, x, y)),
                           droppedLabel: label, pivots: floatPath.pivots, usedExactPath: false)
        }
        let exact = followExact(aInt, bInt, label: label)
        let profile = MixedProfile([exact.x, exact.y])
        return Outcome(equilibrium: NashEquilibrium(profile: profile, payoffs: BimatrixEnumeration.bimatrixPayoffs(a, b, exact.x, exact.y)),
                       droppedLabel: label, pivots: exact.pivots, usedExactPath: true)
    }

    /// The distinct equilibria reached from every starting label, in order of label.
    public static func solveFromEveryLabel(_ game: NormalFormGame) throws(GameError) -> [NashEquilibrium] {
        let total = game.shape.reduce(0, +)
        var found: [NashEquilibrium] = []
        for label in 0..<total {
            let outcome = try solve(game, droppedLabel: label)
            if !found.contains(where: { $0.profile == outcome.equilibrium.profile }) { found.append(outcome.equilibrium) }
        }
        return found
    }

    // MARK: - Double-precision path

    /// Tableau X: rows j, `s_j + Σ_i B_ij x_i = 1`; tableau Y: rows i, `r_i + Σ_j A_ij y_j = 1`.
    /// Variables are numbered by label in both: X has x_i = i, s_j = m + j; Y has r_i = i, y_j = m + j.
    struct DoubleTableau {
        var rows: Int
        var variables: Int
        var entries: [Double]
        var basis: [Int]
        /// The variables basic at the start, whose columns hold the basis inverse (for the lexicographic test).
        var slackVariables: [Int]

        var width: Int { variables + 1 }

        func leavingRow(entering: Int) -> Int? {
            let width = width
            var candidates: [Int] = []
            var best = Double.infinity
            for r in 0..<rows {
                let pivot = entries[r * width + entering]
                guard pivot > 1e-12 else { continue }
                let ratio = entries[r * width + variables] / pivot
                if candidates.isEmpty || ratio < best - 1e-12 * max(1, abs(best)) {
                    best = ratio
                    candidates = [r]
                } else if abs(ratio - best) <= 1e-12 * max(1, abs(best)) {
                    candidates.append(r)
                }
            }
            // Lexicographic tie-break on the basis-inverse columns.
            for slack in slackVariables where candidates.count > 1 {
                var least = Double.infinity
                var kept: [Int] = []
                for r in candidates {
                    let value = entries[r * width + slack] / entries[r * width + entering]
                    if kept.isEmpty || value < least - 1e-12 {
                        least = value
                        kept = [r]
                    } else if abs(value - least) <= 1e-12 {
                        kept.append(r)
                    }
                }
                candidates = kept
            }
            return candidates.first
        }

        mutating func pivot(row: Int, entering: Int) {
            let width = width
            let rows = rows
            entries.withUnsafeMutableBufferPointer { buffer in
                let base = row * width
                let inverse = 1 / buffer[base + entering]
                for c in 0..<width { buffer[base + c] *= inverse }
                buffer[base + entering] = 1
                // Only the pivot row's non-zero columns change the other rows.
                var active: [Int] = []
                active.reserveCapacity(width)
                for c in 0..<width where buffer[base + c] != 0 { active.append(c) }
                for r in 0..<rows where r != row {
                    let other = r * width
                    let factor = buffer[other + entering]
                    if factor == 0 { continue }
                    for c in active { buffer[other + c] -= factor * buffer[base + c] }
                    buffer[other + entering] = 0
                }
            }
            basis[row] = entering
        }
    }

    static func followDouble(_ a: [[ExactInt]], _ b: [[ExactInt]], label: Int) -> (xBasis: [Int], yBasis: [Int], pivots: Int) {
        let m = a.count
        let n = a.first?.count ?? 0
        let total = m + n
        var x = DoubleTableau(rows: n, variables: total, entries: Array(repeating: 0, count: n * (total + 1)),
                              basis: (0..<n).map { m + $0 }, slackVariables: (0..<n).map { m + $0 })
        for j in 0..<n {
            for i in 0..<m { x.entries[j * (total + 1) + i] = b[i][j].doubleValue }
            x.entries[j * (total + 1) + m + j] = 1
            x.entries[j * (total + 1) + total] = 1
        }
        var y = DoubleTableau(rows: m, variables: total, entries: Array(repeating: 0, count: m * (total + 1)),
                              basis: Array(0..<m), slackVariables: Array(0..<m))
        for i in 0..<m {
            for j in 0..<n { y.entries[i * (total + 1) + m + j] = a[i][j].doubleValue }
            y.entries[i * (total + 1) + i] = 1
            y.entries[i * (total + 1) + total] = 1
        }
        var entering = label
        var inX = label < m
        var pivots = 0
        // Each basis occurs at most once on the path; the cap only guards against rounding loops.
        let cap = 100_000
        while pivots < cap {
            pivots += 1
            let leaving: Int
            if inX {
                guard let row = x.leavingRow(entering: entering) else { break }
                leaving = x.basis[row]
                x.pivot(row: row, entering: entering)
            } else {
                guard let row = y.leavingRow(entering: entering) else { break }
                leaving = y.basis[row]
                y.pivot(row: row, entering: entering)
            }
            if leaving == label { break }
            entering = leaving
            inX.toggle()
        }
        return (x.basis, y.basis, pivots)
    }

    /// Solves the final bases exactly and normalises; `nil` when a basis is singular or
    /// infeasible, or the result is not an equilibrium. All in integers: the supports' systems
    /// by fraction-free elimination, then the best-response check `A·y` and `Bᵀ·x` on the
    /// scaled positive matrices (which have the same equilibria as the game).
    static func exactSolution(_ a: [[ExactInt]], _ b: [[ExactInt]], xBasis: [Int], yBasis: [Int], m: Int, n: Int) -> ([Rational], [Rational])? {
        // X: basic x_i (i < m); columns j whose slack s_j is non-basic are tight: Σ_i B_ij x_i = 1.
        let xSupport = xBasis.filter { $0 < m }.sorted()
        let tightColumns = (0..<n).filter { !xBasis.contains(m + $0) }
        let ySupport = yBasis.filter { $0 >= m }.map { $0 - m }.sorted()
        let tightRows = (0..<m).filter { !yBasis.contains($0) }
        guard xSupport.count == tightColumns.count, ySupport.count == tightRows.count, !xSupport.isEmpty, !ySupport.isEmpty else { return nil }
        let xMatrix = tightColumns.map { j in xSupport.map { i in b[i][j] } }
        let yMatrix = tightRows.map { i in ySupport.map { j in a[i][j] } }
        guard let (xNumerators, xDenominator) = IntegerLinearSystem.solve(xMatrix, Array(repeating: 1, count: xSupport.count)),
              let (yNumerators, yDenominator) = IntegerLinearSystem.solve(yMatrix, Array(repeating: 1, count: ySupport.count))
        else { return nil }
        // Make the denominators positive so that the numerators carry the signs of the values.
        let xs = xDenominator.signum < 0 ? xNumerators.map { -$0 } : xNumerators
        let ys = yDenominator.signum < 0 ? yNumerators.map { -$0 } : yNumerators
        guard xs.allSatisfy({ $0.signum >= 0 }), ys.allSatisfy({ $0.signum >= 0 }) else { return nil }
        // Best responses, exactly: every row in x's support earns the most against y, and every
        // column in y's support the most against x.
        let rowValues = (0..<m).map { i in zip(ySupport, ys).reduce(ExactInt(0)) { $0 + a[i][$1.0] * $1.1 } }
        let columnValues = (0..<n).map { j in zip(xSupport, xs).reduce(ExactInt(0)) { $0 + b[$1.0][j] * $1.1 } }
        guard let bestRow = rowValues.max(), let bestColumn = columnValues.max() else { return nil }
        for (k, i) in xSupport.enumerated() where !xs[k].isZero && rowValues[i] != bestRow { return nil }
        for (k, j) in ySupport.enumerated() where !ys[k].isZero && columnValues[j] != bestColumn { return nil }
        var xFull = Array(repeating: ExactInt(0), count: m)
        var yFull = Array(repeating: ExactInt(0), count: n)
        for (k, i) in xSupport.enumerated() { xFull[i] = xs[k] }
        for (k, j) in ySupport.enumerated() { yFull[j] = ys[k] }
        guard xs.contains(where: { !$0.isZero }), ys.contains(where: { !$0.isZero }) else { return nil }
        return (BimatrixEnumeration.normalised(xFull), BimatrixEnumeration.normalised(yFull))
    }

    // MARK: - Exact path

    static func followExact(_ a: [[ExactInt]], _ b: [[ExactInt]], label: Int) -> (x: [Rational], y: [Rational], pivots: Int) {
        let m = a.count
        let n = a.first?.count ?? 0
        // IntegerTableau numbers structural variables first, then slacks; map labels onto that.
        var x = IntegerTableau(matrix: BimatrixEnumeration.transpose(b))  // x_i = var i (label i), s_j = var m + j (label m + j)
        var y = IntegerTableau(matrix: a)  // y_j = var j (label m + j), r_i = var n + i (label i)
        func yVariable(_ label: Int) -> Int { label < m ? n + label : label - m }
        func yLabel(_ variable: Int) -> Int { variable < n ? m + variable : variable - n }
        var entering = label
        var inX = label < m
        var pivots = 0
        while pivots < 1_000_000 {
            pivots += 1
            let leaving: Int
            if inX {
                guard let row = x.lexicographicMinimumRow(entering: entering) else { break }
                leaving = x.basis[row]
                x.pivot(row: row, column: entering)
            } else {
                let column = yVariable(entering)
                guard let row = y.lexicographicMinimumRow(entering: column) else { break }
                leaving = yLabel(y.basis[row])
                y.pivot(row: row, column: column)
            }
            if leaving == label { break }
            entering = leaving
            inX.toggle()
        }
        return (BimatrixEnumeration.normalised(x.structuralNumerators), BimatrixEnumeration.normalised(y.structuralNumerators), pivots)
    }
}

extension IntegerTableau {
    /// The minimum-ratio row for `column`, ties broken lexicographically on the slack columns
    /// (the basis inverse), which makes the choice unique and the path free of cycles.
    func lexicographicMinimumRow(entering column: Int) -> Int? {
        var candidates = minimumRatioRows(entering: column)
        var slack = columns
        while candidates.count > 1, slack < columns + rows {
            var least: (ExactInt, ExactInt)?
            var kept: [Int] = []
            for r in candidates {
                let value = (self[r, slack], self[r, column])
                if let (num, den) = least {
                    let lhs = value.0 * den
                    let rhs = num * value.1
                    if lhs < rhs {
                        least = value
                        kept = [r]
                    } else if lhs == rhs {
                        kept.append(r)
                    }
                } else {
                    least = value
                    kept = [r]
                }
            }
            candidates = kept
            slack += 1
        }
        return candidates.first
    }
}
