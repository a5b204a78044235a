/// The integer-pivoting tableau of ``IntegerTableau`` stored as a dictionary: only the
/// non-basic columns and the right-hand side, because a basic column is always the determinant
/// in its own row and zero elsewhere. That halves the work of a pivot, and a fixed-width
/// `Scalar` (chosen by ``FractionFreeWidth``) removes every overflow check and big-integer
/// branch from it.
///
/// The same polytope `{z ≥ 0 : M z ≤ 1}` and numbering as ``IntegerTableau``: variables
/// `0..<columns` are the structural `z`, `columns..<columns+rows` the slacks. Entries, bases
/// and determinants are those of ``IntegerTableau`` after the same pivots.
struct DictionaryTableau<Scalar: FractionFreeInteger>: Sendable {
    let rows: Int
    let columns: Int
    /// `rows × (columns + 1)`, row-major: entry `k` of a row belongs to the variable
    /// `nonbasic[k]`, the last entry is the right-hand side.
    private(set) var entries: [Scalar]
    /// The basic variable of each row.
    private(set) var basis: [Int]
    /// The variable of each dictionary column.
    private(set) var nonbasic: [Int]
    /// The common denominator (the last pivot element, positive).
    private(set) var determinant: Scalar

    var width: Int { columns + 1 }
    var variableCount: Int { columns + rows }

    /// The tableau at the origin (all slacks basic), or `nil` when an entry does not fit `Scalar`.
    init?(matrix: [[ExactInt]]) {
        let rows = matrix.count
        let columns = matrix.first?.count ?? 0
        self.rows = rows
        self.columns = columns
        let width = columns + 1
        var entries = Array(repeating: Scalar.zeroValue, count: rows * width)
        for r in 0..<rows {
            guard matrix[r].count == columns else { return nil }
            for c in 0..<columns {
                guard let value = Scalar(exactly: matrix[r][c]) else { return nil }
                entries[r * width + c] = value
            }
            entries[r * width + columns] = .oneValue
        }
        self.entries = entries
        basis = (0..<rows).map { columns + $0 }
        nonbasic = Array(0..<columns)
        determinant = .oneValue
    }

    /// The basis as a set of variables.
    var basisSet: LabelSet { LabelSet(basis) }

    /// Variables at zero: the non-basic ones and basic ones with a zero right-hand side.
    var zeroVariables: LabelSet {
        var zero = LabelSet(nonbasic)
        let width = width
        for r in 0..<rows where entries[r * width + columns] == Scalar.zeroValue { zero.insert(basis[r]) }
        return zero
    }

    /// The structural values as numerators over ``determinant``.
    var structuralNumerators: [ExactInt] {
        var values = Array(repeating: ExactInt(0), count: columns)
        let width = width
        for r in 0..<rows where basis[r] < columns { values[basis[r]] = entries[r * width + columns].exactValue }
        return values
    }

    /// The dictionary columns in increasing order of their variables (the order in which
    /// ``IntegerTableau`` meets the non-basic variables).
    var columnsByVariable: [Int] {
        var slot = Array(repeating: -1, count: variableCount)
        for (k, variable) in nonbasic.enumerated() { slot[variable] = k }
        return slot.filter { $0 >= 0 }
    }

    /// The rows where dictionary column `k` may enter keeping the solution feasible: positive
    /// entries with the least ratio `rhs / entry`, in increasing order (several when the vertex
    /// is degenerate). Written into `best`, which is cleared first.
    func minimumRatioRows(column k: Int, into best: inout [Int]) {
        best.removeAll(keepingCapacity: true)
        let width = width
        let last = columns
        entries.withUnsafeBufferPointer { e in
            var bestRow = -1
            for r in 0..<rows {
                let a = e[r * width + k]
                guard a.pivotSign > 0 else { continue }
                if bestRow < 0 {
                    bestRow = r
                    best.append(r)
                    continue
                }
                // rhs_r / a against rhs_best / a_best, both denominators positive.
                let order = Scalar.compareProducts(e[r * width + last], e[bestRow * width + k], e[bestRow * width + last], a)
                if order < 0 {
                    bestRow = r
                    best.removeAll(keepingCapacity: true)
                    best.append(r)
                } else if order == 0 {
                    best.append(r)
                }
            }
        }
    }

    /// Pivots dictionary column `k` into the basis in `row` (the pivot element must be positive):
    /// the Bareiss update on every other row; the column then holds the leaving variable, whose
    /// tableau column was the determinant in `row` and zero elsewhere.
    mutating func pivot(row: Int, column k: Int) {
        let width = width
        let rows = rows
        let previous = determinant
        let divisor = Scalar.divisor(previous)
        let pivotElement: Scalar = entries.withUnsafeMutableBufferPointer { e in
            let pivotBase = row * width
            let pivotElement = e[pivotBase + k]
            let unchanged = pivotElement == previous
            for r in 0..<rows where r != row {
                let base = r * width
                let factor = e[base + k]
                if factor == Scalar.zeroValue {
                    // Only the scaling by pivot / previous, skipped when that is 1.
                    if !unchanged {
                        for c in 0..<width where e[base + c] != Scalar.zeroValue {
                            e[base + c] = Scalar.fractionFreeUpdate(e[base + c], pivotElement, .zeroValue, .zeroValue, over: divisor)
                        }
                    }
                    continue
                }
                for c in 0..<width {
                    e[base + c] = Scalar.fractionFreeUpdate(e[base + c], pivotElement, factor, e[pivotBase + c], over: divisor)
                }
                // The leaving variable's column: (0·p − factor·previous) / previous.
                e[base + k] = -factor
            }
            e[pivotBase + k] = previous
            return pivotElement
        }
        let leaving = basis[row]
        basis[row] = nonbasic[k]
        nonbasic[k] = leaving
        determinant = pivotElement
    }
}
