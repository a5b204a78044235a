import ParleyCore

/// A vertex of `{z ≥ 0 : M z ≤ 1}`: its structural coordinates as numerators over a common
/// denominator, and the set of variables (structural and slack) that are zero there.
struct PolytopeVertex: Sendable {
    var numerators: [ExactInt]
    var zeroVariables: LabelSet
}

/// All vertices of the polytope `{z ≥ 0 : M z ≤ 1}` for a positive integer matrix `M`
/// (which makes it bounded), exactly.
///
/// A depth-first search over the feasible bases: from each basis, every entering variable
/// and every row that ties in the minimum-ratio test leads to a neighbouring basis. The
/// feasible bases of a polytope are connected under such pivots, so every basis, and with it
/// every vertex, is reached, degenerate vertices included. Vertices are told apart by the set
/// of variables that are zero there: a vertex is the only point with its set of tight
/// constraints, so this is exact and needs no coordinates.
///
/// The pivoting runs in 64- or 128-bit integers when Hadamard's bound shows that every
/// tableau entry fits (``FractionFreeWidth``), and in ``ExactInt`` otherwise; the arithmetic
/// is exact either way, so the vertices and their order do not depend on the width.
/// - Complexity: O(bases × variables × rows × columns) integer operations.
enum VertexEnumerator {
    static func vertices(of matrix: [[ExactInt]], limit: Int = 5_000_000) throws(GameError) -> [PolytopeVertex] {
        // Each tableau row is a row of M, a unit slack entry and the right-hand side 1.
        switch FractionFreeWidth.forRows(matrix, extraSquares: 2) {
        case .word:
            if let found = try search(Int64.self, matrix, limit: limit) { return found }
        case .doubleWord:
            if #available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *),
               let found = try search(Int128.self, matrix, limit: limit) { return found }
        case .unbounded:
            break
        }
        return try search(ExactInt.self, matrix, limit: limit) ?? []
    }

    /// The search in `Scalar` arithmetic; `nil` when the matrix does not fit `Scalar`.
    static func search<Scalar: FractionFreeInteger>(_: Scalar.Type, _ matrix: [[ExactInt]], limit: Int) throws(GameError) -> [PolytopeVertex]? {
        guard let start = DictionaryTableau<Scalar>(matrix: matrix) else { return nil }
        var visited: Set<LabelSet> = [start.basisSet]
        var seen: Set<LabelSet> = []
        var found: [PolytopeVertex] = []
        var stack = [start]
        var rows: [Int] = []
        while let tableau = stack.popLast() {
            try GameError.checkCancellation()
            let zero = tableau.zeroVariables
            if seen.insert(zero).inserted {
                found.append(PolytopeVertex(numerators: tableau.structuralNumerators, zeroVariables: zero))
            }
            let basis = tableau.basisSet
            for column in tableau.columnsByVariable {
                tableau.minimumRatioRows(column: column, into: &rows)
                for row in rows {
                    var next = basis
                    next.remove(tableau.basis[row])
                    next.insert(tableau.nonbasic[column])
                    guard visited.insert(next).inserted else { continue }
                    guard visited.count <= limit else {
                        throw GameError(.tooLarge, "vertex enumeration visited more than \(limit) bases",
                                        hint: "use --method lemke-howson for one equilibrium of a large game")
                    }
                    var neighbour = tableau
                    neighbour.pivot(row: row, column: column)
                    stack.append(neighbour)
                }
            }
        }
        return found
    }
}
