/// Exact solution of small square integer systems without fractions (Bareiss's fraction-free
/// Gauss–Jordan elimination, as in the integer tableaux).
enum IntegerLinearSystem {
    /// Numerators `v` and a common denominator `d` with `matrix · (v / d) = rhs`, or `nil` when
    /// `matrix` is singular or not square. `d` may be negative.
    /// - Complexity: O(k³) integer operations on numbers no larger than the system's minors.
    static func solve(_ matrix: [[ExactInt]], _ rhs: [ExactInt]) -> (numerators: [ExactInt], denominator: ExactInt)? {
        let k = matrix.count
        guard rhs.count == k, matrix.allSatisfy({ $0.count == k }) else { return nil }
        var rows = matrix.enumerated().map { $0.element + [rhs[$0.offset]] }
        var previous: ExactInt = 1
        for column in 0..<k {
            guard let pivotRow = (column..<k).first(where: { !rows[$0][column].isZero }) else { return nil }
            if pivotRow != column { rows.swapAt(pivotRow, column) }
            let pivot = rows[column][column]
            for r in 0..<k where r != column {
                let factor = rows[r][column]
                for c in 0...k {
                    rows[r][c] = ExactInt.pivotUpdate(rows[r][c], pivot, factor, rows[column][c], dividingBy: previous)
                }
            }
            previous = pivot
        }
        // Now every row r reads previous · x_r = rows[r][k].
        return (rows.map { $0[k] }, previous)
    }
}
