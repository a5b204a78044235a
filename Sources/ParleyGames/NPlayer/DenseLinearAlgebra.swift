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

    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    static func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } }
}
