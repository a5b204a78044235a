import ParleyCore

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
        guard game.players.count == 2 else {
            throw GameError(.unsupported, "Lemke–Howson needs a two-player game; this one has \(game.players.count) players")
        }
        let m = game.strategies[0].count
        let n = game.strategies[1].count
        guard (0..<(m + n)).contains(label) else {
            throw GameError(.invalidValue, "the dropped label must be between 1 and \(m + n), found \(label + 1)")
        }
        let (aInt, bInt) = BimatrixEnumeration.positiveIntegerMatrices(game)
        let floatPath = followDouble(aInt, bInt, label: label)
        try GameError.checkCancellation()
        if let (x, y) = exactSolution(aInt, bInt, xBasis: floatPath.xBasis, yBasis: floatPath.yBasis, m: m, n: n) {
            return Outcome(equilibrium: NashEquilibrium(profile: MixedProfile([x, y]), payoffs: BimatrixEnumeration.bimatrixPayoffs(game, x, y)),
                           droppedLabel: label, pivots: floatPath.pivots, usedExactPath: false)
        }
        let exact = try followExact(aInt, bInt, label: label)
        let profile = MixedProfile([exact.x, exact.y])
        return Outcome(equilibrium: NashEquilibrium(profile: profile, payoffs: BimatrixEnumeration.bimatrixPayoffs(game, exact.x, exact.y)),
                       droppedLabel: label, pivots: exact.pivots, usedExactPath: true)
    }

    /// The distinct equilibria reached from every starting label, in order of label.
    public static func solveFromEveryLabel(_ game: NormalFormGame) throws(GameError) -> [NashEquilibrium] {
        let total = game.shape.reduce(0, +)
        var found: [NashEquilibrium] = []
        for label in 0..<total {
            try GameError.checkCancellation()
            let outcome = try solve(game, droppedLabel: label)
            if !found.contains(where: { $0.profile == outcome.equilibrium.profile }) { found.append(outcome.equilibrium) }
        }
        return found
    }

    // MARK: - Double-precision path

    /// Tableau X: rows j, `s_j + Σ_i B_ij x_i = 1`; tableau Y: rows i, `r_i + Σ_j A_ij y_j = 1`.
    /// Variables are numbered by label in both: X has x_i = i, s_j = m + j; Y has r_i = i, y_j = m + j.
    ///
    /// Gauss–Jordan pivoting on a dictionary: only the non-basic columns and the right-hand side
    /// are stored, contiguously per row, because a basic column is a unit vector. The numbers
    /// are those of the full tableau (the same operations in the same order), so the path and
    /// its ties are unchanged; a pivot touches half the entries and vectorises.
    struct DoubleTableau {
        let rows: Int
        let variables: Int
        /// `rows × (columns + 1)`: entry `k` of a row belongs to `nonbasic[k]`, the last is the right-hand side.
        var entries: [Double]
        var basis: [Int]
        var nonbasic: [Int]
        /// The dictionary column of each variable, -1 when basic.
        var position: [Int]
        /// The variables basic at the start, whose columns hold the basis inverse (for the lexicographic test).
        let slackVariables: [Int]

        var columns: Int { variables - rows }
        var width: Int { columns + 1 }

        /// The tableau at the start: `basis` holds the slack of each row and `nonbasic` the
        /// structural variables, whose coefficients are `coefficient(row, k)`.
        init(rows: Int, variables: Int, basis: [Int], nonbasic: [Int], coefficient: (Int, Int) -> Double) {
            self.rows = rows
            self.variables = variables
            self.basis = basis
            self.nonbasic = nonbasic
            slackVariables = basis
            let width = nonbasic.count + 1
            var entries = Array(repeating: 0.0, count: rows * width)
            for r in 0..<rows {
                for k in nonbasic.indices { entries[r * width + k] = coefficient(r, k) }
                entries[r * width + width - 1] = 1
            }
            self.entries = entries
            var position = Array(repeating: -1, count: variables)
            for (k, variable) in nonbasic.enumerated() { position[variable] = k }
            self.position = position
        }

        /// The tableau entry of `variable` in `row` (a basic variable's column is a unit vector).
        func entry(_ row: Int, _ variable: Int) -> Double {
            let k = position[variable]
            if k >= 0 { return entries[row * width + k] }
            return basis[row] == variable ? 1 : 0
        }

        func leavingRow(entering: Int) -> Int? {
            let k = position[entering]
            guard k >= 0 else { return nil }
            let width = width
            let last = columns
            // First pass without allocating: the usual answer is a single row. The candidate
            // list is tracked by its first member and length; ties are resolved below.
            let (first, count): (Int, Int) = entries.withUnsafeBufferPointer { e in
                var first = -1
                var count = 0
                var best = Double.infinity
                for r in 0..<rows {
                    let pivot = e[r * width + k]
                    guard pivot > 1e-12 else { continue }
                    let ratio = e[r * width + last] / pivot
                    if count == 0 || ratio < best - 1e-12 * max(1, abs(best)) {
                        best = ratio
                        first = r
                        count = 1
                    } else if abs(ratio - best) <= 1e-12 * max(1, abs(best)) {
                        count += 1
                    }
                }
                return (first, count)
            }
            if count <= 1 { return count == 0 ? nil : first }
            return tiedLeavingRow(column: k)
        }

        /// The minimum-ratio rows as a list (the rule of ``leavingRow(entering:)``), then the
        /// lexicographic tie-break on the basis-inverse columns.
        func tiedLeavingRow(column k: Int) -> Int? {
            let width = width
            var candidates: [Int] = []
            var best = Double.infinity
            for r in 0..<rows {
                let pivot = entries[r * width + k]
                guard pivot > 1e-12 else { continue }
                let ratio = entries[r * width + columns] / pivot
                if candidates.isEmpty || ratio < best - 1e-12 * max(1, abs(best)) {
                    best = ratio
                    candidates = [r]
                } else if abs(ratio - best) <= 1e-12 * max(1, abs(best)) {
                    candidates.append(r)
                }
            }
            for slack in slackVariables where candidates.count > 1 {
                var least = Double.infinity
                var kept: [Int] = []
                for r in candidates {
                    let value = entry(r, slack) / entries[r * width + k]
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

        /// Pivots `entering` (non-basic) into the basis in `row`.
        mutating func pivot(row: Int, entering: Int) {
            let k = position[entering]
            guard k >= 0 else { return }
            let width = width
            let rows = rows
            entries.withUnsafeMutableBufferPointer { buffer in
                guard let start = buffer.baseAddress else { return }
                let pivotRow = start + row * width
                let inverse = 1 / pivotRow[k]
                for c in 0..<width { pivotRow[c] *= inverse }
                // Column k now holds the leaving variable, a unit column before the pivot.
                pivotRow[k] = inverse
                for r in 0..<rows where r != row {
                    let other = start + r * width
                    let factor = other[k]
                    if factor == 0 { continue }
                    for c in 0..<width { other[c] -= factor * pivotRow[c] }
                    other[k] = 0 - factor * inverse
                }
            }
            let leaving = basis[row]
            basis[row] = entering
            nonbasic[k] = leaving
            position[leaving] = k
            position[entering] = -1
        }
    }

    static func followDouble(_ a: [[ExactInt]], _ b: [[ExactInt]], label: Int) -> (xBasis: [Int], yBasis: [Int], pivots: Int) {
        let m = a.count
        let n = a.first?.count ?? 0
        let total = m + n
        var x = DoubleTableau(rows: n, variables: total, basis: (0..<n).map { m + $0 }, nonbasic: Array(0..<m)) { j, i in b[i][j].doubleValue }
        var y = DoubleTableau(rows: m, variables: total, basis: Array(0..<m), nonbasic: (0..<n).map { m + $0 }) { i, j in a[i][j].doubleValue }
        var entering = label
        var inX = label < m
        var pivots = 0
        // Each basis occurs at most once on the path; the cap only guards against rounding loops.
        let cap = 100_000
        // A path cut short by a cancellation is thrown away by ``solve(_:droppedLabel:)``.
        while pivots < cap, !Cancellation.isRequested {
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

    static func followExact(_ a: [[ExactInt]], _ b: [[ExactInt]], label: Int) throws(GameError) -> (x: [Rational], y: [Rational], pivots: Int) {
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
            try GameError.checkCancellation()
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
