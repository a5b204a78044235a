/// Exact solution of small square linear systems over the rationals.
enum ExactLinearSystem {
    /// The unique `x` with `matrix · x = rhs`, or `nil` when `matrix` is singular or not square.
    /// - Complexity: O(k³) rational operations for a k×k system (Gauss–Jordan, first non-zero pivot).
    static func solve(_ matrix: [[Rational]], _ rhs: [Rational]) -> [Rational]? {
        let k = matrix.count
        guard rhs.count == k, matrix.allSatisfy({ $0.count == k }) else { return nil }
        var rows = matrix.enumerated().map { $0.element + [rhs[$0.offset]] }
        for column in 0..<k {
            guard let pivot = (column..<k).first(where: { !rows[$0][column].isZero }) else { return nil }
            if pivot != column { rows.swapAt(pivot, column) }
            let inverse = Rational.one / rows[column][column]
            for c in column...k { rows[column][c] *= inverse }
            for r in 0..<k where r != column && !rows[r][column].isZero {
                let factor = rows[r][column]
                for c in column...k { rows[r][c] -= factor * rows[column][c] }
            }
        }
        return rows.map { $0[k] }
    }
}
