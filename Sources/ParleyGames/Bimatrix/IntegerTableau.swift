/// A simplex tableau over the integers for `M z + s = 1, z ≥ 0, s ≥ 0`, kept fraction-free by
/// integer pivoting (Bareiss; von Stengel 2002, §3.3): every entry is a minor of the original
/// system, and the value of a basic variable is `rhs / determinant`.
///
/// Variables `0..<columns` are the structural `z`, `columns..<columns+rows` the slacks `s`.
struct IntegerTableau: Sendable {
    let rows: Int
    let columns: Int
    /// `rows × (columns + rows + 1)` entries, row-major; the last entry of a row is its right-hand side.
    private(set) var entries: [ExactInt]
    /// The basic variable of each row.
    private(set) var basis: [Int]
    /// The common denominator (the last pivot element, positive).
    private(set) var determinant: ExactInt = 1

    var width: Int { columns + rows + 1 }
    var variableCount: Int { columns + rows }

    /// The tableau with all slacks basic (the origin), from the positive integer matrix `matrix`
    /// (`rows` lists of `columns` entries).
    init(matrix: [[ExactInt]]) {
        rows = matrix.count
        columns = matrix.first?.count ?? 0
        let width = columns + rows + 1
        var entries = Array(repeating: ExactInt(0), count: rows * width)
        for r in 0..<rows {
            for c in 0..<columns { entries[r * width + c] = matrix[r][c] }
            entries[r * width + columns + r] = 1
            entries[r * width + width - 1] = 1
        }
        self.entries = entries
        let first = columns
        basis = (0..<rows).map { first + $0 }
    }

    subscript(row: Int, column: Int) -> ExactInt { entries[row * width + column] }

    func rhs(_ row: Int) -> ExactInt { entries[row * width + width - 1] }

    /// The basis as a set of variables.
    var basisSet: LabelSet { LabelSet(basis) }

    /// Variables at zero: the non-basic ones and basic ones with a zero right-hand side.
    var zeroVariables: LabelSet {
        var zero = LabelSet.range(variableCount).subtracting(basisSet)
        for r in 0..<rows where rhs(r).isZero { zero.insert(basis[r]) }
        return zero
    }

    /// The rows where `column` may enter keeping the solution feasible: positive entries with
    /// the least ratio `rhs / entry` (several when the vertex is degenerate).
    func minimumRatioRows(entering column: Int) -> [Int] {
        var best: [Int] = []
        var bestRatio: (ExactInt, ExactInt)?
        for r in 0..<rows {
            let a = self[r, column]
            guard a.signum > 0 else { continue }
            let b = rhs(r)
            if let (num, den) = bestRatio {
                // b/a vs num/den, with a, den > 0.
                let lhs = b * den
                let rhs = num * a
                if lhs < rhs {
                    bestRatio = (b, a)
                    best = [r]
                } else if lhs == rhs {
                    best.append(r)
                }
            } else {
                bestRatio = (b, a)
                best = [r]
            }
        }
        return best
    }

    /// Pivots `column` into the basis in `row`. The pivot element must be positive.
    mutating func pivot(row: Int, column: Int) {
        determinant = ExactInt.pivotRows(&entries, rows: rows, width: width, row: row, column: column, determinant: determinant)
        basis[row] = column
    }

    /// The values of the structural variables, as numerators over ``determinant``.
    var structuralNumerators: [ExactInt] {
        var values = Array(repeating: ExactInt(0), count: columns)
        for r in 0..<rows where basis[r] < columns { values[basis[r]] = rhs(r) }
        return values
    }
}
