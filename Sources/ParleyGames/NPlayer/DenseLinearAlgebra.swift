/// Small dense linear algebra in double precision for the n-player path followers.
enum DenseLinearAlgebra {
    /// Solves the square system `a·x = b` by Gaussian elimination with partial pivoting, after
    /// scaling each row to a largest entry of 1 (the path followers' rows differ in scale by
    /// the factor λ); `nil` when a pivot falls below `1e-14` (numerically singular).
    /// - Complexity: O(n³).
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        guard a.count == n, a.allSatisfy({ $0.count == n }) else { return nil }
        var m = a
        var rhs = b
        for r in 0..<n {
            let largest = m[r].map(abs).max() ?? 0
            guard largest > 0, largest.isFinite else { return nil }
            m[r] = m[r].map { $0 / largest }
            rhs[r] /= largest
        }
        for column in 0..<n {
            var pivotRow = column
            for r in column..<n where abs(m[r][column]) > abs(m[pivotRow][column]) { pivotRow = r }
            guard abs(m[pivotRow][column]) > 1e-14 else { return nil }
            if pivotRow != column {
                m.swapAt(pivotRow, column)
                rhs.swapAt(pivotRow, column)
            }
            let pivot = m[column][column]
            for r in (column + 1)..<max(n, column + 1) {
                let factor = m[r][column] / pivot
                if factor == 0 { continue }
                for j in column..<n { m[r][j] -= factor * m[column][j] }
                rhs[r] -= factor * rhs[column]
            }
        }
        var x = Array(repeating: 0.0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var total = rhs[r]
            for j in (r + 1)..<max(n, r + 1) { total -= m[r][j] * x[j] }
            x[r] = total / m[r][r]
        }
        return x
    }

    /// The inverse of the square matrix `a`: the same elimination as ``solve(_:_:)`` (row
    /// scaling, partial pivoting, the same `1e-14` singularity test) run once with the `n` unit
    /// vectors as right-hand sides, in flat storage. Every entry goes through exactly the
    /// floating-point operations that `n` calls of ``solve(_:_:)`` would apply, so the result is
    /// bit for bit the same, in O(n³) instead of O(n⁴) and without arrays per column.
    static func inverse(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        guard a.allSatisfy({ $0.count == n }) else { return nil }
        var flat = a.flatMap { $0 }
        var x = [Double](repeating: 0, count: n * n)  // row r, column k: right-hand side k
        var m = [Double](repeating: 0, count: n * n)
        let inverted = flat.withUnsafeMutableBufferPointer { a in
            x.withUnsafeMutableBufferPointer { x in
                m.withUnsafeMutableBufferPointer { m in
                    guard let a = a.baseAddress, let x = x.baseAddress, let m = m.baseAddress else { return n == 0 }
                    return invert(a, n: n, into: x, scratch: m)
                }
            }
        }
        guard inverted else { return nil }
        return (0..<n).map { r in Array(x[(r * n)..<(r * n + n)]) }
    }

    /// ``inverse(_:)`` on flat row-major storage: `a` (n × n, not modified) inverted into `x`
    /// (n × n), with `m` (n × n) as scratch; false when numerically singular. No allocation.
    /// - Complexity: O(n³).
    static func invert(_ a: UnsafePointer<Double>, n: Int, into x: UnsafeMutablePointer<Double>,
                       scratch m: UnsafeMutablePointer<Double>) -> Bool {
        for r in 0..<n {
            var largest = 0.0
            for j in 0..<n { largest = max(largest, abs(a[r * n + j])) }
            guard largest > 0, largest.isFinite else { return false }
            for j in 0..<n { m[r * n + j] = a[r * n + j] / largest }
            for k in 0..<n { x[r * n + k] = (r == k ? 1.0 : 0.0) / largest }
        }
        for column in 0..<n {
            var pivotRow = column
            for r in column..<n where abs(m[r * n + column]) > abs(m[pivotRow * n + column]) { pivotRow = r }
            guard abs(m[pivotRow * n + column]) > 1e-14 else { return false }
            if pivotRow != column {
                for j in 0..<n {
                    swap(&m[pivotRow * n + j], &m[column * n + j])
                    swap(&x[pivotRow * n + j], &x[column * n + j])
                }
            }
            let pivot = m[column * n + column]
            for r in (column + 1)..<max(n, column + 1) {
                let factor = m[r * n + column] / pivot
                if factor == 0 { continue }
                for j in column..<n { m[r * n + j] -= factor * m[column * n + j] }
                for k in 0..<n { x[r * n + k] -= factor * x[column * n + k] }
            }
        }
        for r in stride(from: n - 1, through: 0, by: -1) {
            for k in 0..<n {
                var total = x[r * n + k]
                for j in (r + 1)..<max(n, r + 1) { total -= m[r * n + j] * x[j * n + k] }
                x[r * n + k] = total / m[r * n + r]
            }
        }
        return true
    }

    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    static func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } }
}
