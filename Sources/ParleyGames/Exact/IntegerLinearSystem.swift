/// Exact solution of small square integer systems without fractions (Bareiss's fraction-free
/// Gauss–Jordan elimination, as in the integer tableaux).
enum IntegerLinearSystem {
    /// Numerators `v` and a common denominator `d` with `matrix · (v / d) = rhs`, or `nil` when
    /// `matrix` is singular or not square. `d` may be negative.
    ///
    /// Runs in 64- or 128-bit words when Hadamard's bound shows that every intermediate minor
    /// fits (``FractionFreeWidth``), else in ``ExactInt``; the result is the same either way.
    /// - Complexity: O(k³) integer operations on numbers no larger than the system's minors.
    static func solve(_ matrix: [[ExactInt]], _ rhs: [ExactInt]) -> (numerators: [ExactInt], denominator: ExactInt)? {
        let k = matrix.count
        guard rhs.count == k, matrix.allSatisfy({ $0.count == k }) else { return nil }
        let rows = matrix.enumerated().map { $0.element + [rhs[$0.offset]] }
        switch FractionFreeWidth.forRows(rows, extraSquares: 0) {
        case .word:
            if let result = eliminate(Int64.self, rows) { return result }
        case .doubleWord:
            if #available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *), let result = eliminate(Int128.self, rows) { return result }
        case .unbounded:
            break
        }
        return eliminate(ExactInt.self, rows)
    }

    /// Bareiss elimination of the augmented `rows` (k × (k + 1)) in `Scalar`; `nil` when singular
    /// or when an entry does not fit `Scalar`.
    static func eliminate<Scalar: FractionFreeInteger>(_: Scalar.Type, _ rows: [[ExactInt]]) -> (numerators: [ExactInt], denominator: ExactInt)? {
        let k = rows.count
        let width = k + 1
        var entries: [Scalar] = []
        entries.reserveCapacity(k * width)
        for row in rows {
            for value in row {
                guard let converted = Scalar(exactly: value) else { return nil }
                entries.append(converted)
            }
        }
        var previous = Scalar.oneValue
        for column in 0..<k {
            guard let pivotRow = (column..<k).first(where: { entries[$0 * width + column] != Scalar.zeroValue }) else { return nil }
            if pivotRow != column {
                for c in 0..<width { entries.swapAt(pivotRow * width + c, column * width + c) }
            }
            let pivot = entries[column * width + column]
            let divisor = Scalar.divisor(previous)
            entries.withUnsafeMutableBufferPointer { e in
                let pivotBase = column * width
                for r in 0..<k where r != column {
                    let base = r * width
                    let factor = e[base + column]
                    for c in 0..<width {
                        e[base + c] = Scalar.fractionFreeUpdate(e[base + c], pivot, factor, e[pivotBase + c], over: divisor)
                    }
                }
            }
            previous = pivot
        }
        // Now every row r reads previous · x_r = rows[r][k].
        return ((0..<k).map { entries[$0 * width + k].exactValue }, previous.exactValue)
    }
}
