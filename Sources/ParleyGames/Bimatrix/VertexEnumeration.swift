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
/// - Complexity: O(bases × variables × rows × width) big-integer operations.
enum VertexEnumerator {
    static func vertices(of matrix: [[ExactInt]], limit: Int = 5_000_000) throws(GameError) -> [PolytopeVertex] {
        let start = IntegerTableau(matrix: matrix)
        var visited: Set<LabelSet> = [start.basisSet]
        var seen: [LabelSet: Int] = [:]
        var found: [PolytopeVertex] = []
        var stack = [start]
        while let tableau = stack.popLast() {
            let zero = tableau.zeroVariables
            if seen[zero] == nil {
                seen[zero] = found.count
                found.append(PolytopeVertex(numerators: tableau.structuralNumerators, zeroVariables: zero))
            }
            let basis = tableau.basisSet
            for column in 0..<tableau.variableCount where !basis.contains(column) {
                for row in tableau.minimumRatioRows(entering: column) {
                    var next = basis
                    next.remove(tableau.basis[row])
                    next.insert(column)
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
