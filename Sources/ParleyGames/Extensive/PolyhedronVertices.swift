import ParleyCore

/// All vertices of a pointed polyhedron `{z ≥ 0 : G z ≥ g}` (possibly unbounded), exactly, in
/// rational arithmetic; used for the sequence-form polyhedra, which have few rows and columns
/// but many degenerate vertices.
///
/// A first phase finds a feasible basis `B₀` (an artificial variable `z₀` added to every row,
/// pivoted in where the origin is most infeasible, then driven out by the simplex method with
/// Bland's rule). The right-hand side is then perturbed symbolically by `B₀ (ε, ε², …)`, which
/// makes the polyhedron simple: the search visits only the *lexicographically feasible* bases
/// (the lexicographic minimum-ratio test picks one leaving row per entering variable; an
/// entering variable without a limiting row is an unbounded edge and is skipped). These are the
/// vertices of the perturbed polyhedron, whose graph is connected, and every vertex of the
/// original polyhedron has at least one of them (the lexicographic simplex method from `B₀`
/// ends at any vertex that uniquely maximises some objective), so every vertex is met,
/// degenerate ones included, without visiting every degenerate basis. Vertices are told apart
/// by the set of variables (structural and slack) that are zero there.
struct PolyhedronVertices {
    /// A vertex: the structural coordinates and the variables that are zero there (structural
    /// `0..<columns`, then slack `columns + row`).
    struct Vertex: Sendable {
        var point: [Rational]
        var zero: BitSet
    }

    /// A set of small non-negative integers of any size, hashable.
    struct BitSet: Sendable, Hashable {
        private(set) var words: [UInt64]

        init(capacity: Int) { words = Array(repeating: 0, count: (capacity + 63) / 64) }

        mutating func insert(_ member: Int) { words[member >> 6] |= 1 << UInt64(member & 63) }
        mutating func remove(_ member: Int) { words[member >> 6] &= ~(1 << UInt64(member & 63)) }
        func contains(_ member: Int) -> Bool { words[member >> 6] & (1 << UInt64(member & 63)) != 0 }
        /// Whether every member of `self` is in `other` (same capacity).
        func isSubset(of other: BitSet) -> Bool { zip(words, other.words).allSatisfy { $0 & ~$1 == 0 } }
    }

    /// Row `r` of the tableau: `basis[r] + Σ_j tableau[r][j] · var_j = rhs[r]` over the nonbasic variables.
    private var tableau: [[Rational]]
    private var rhs: [Rational]
    private var basis: [Int]
    private let columns: Int
    /// The columns of the first feasible basis, in order: the perturbation `B₀ (ε, ε², …)`.
    private var perturbation: [Int] = []

    /// Enumerates the vertices of `{z ≥ 0 : G z ≥ g}` for `G` given row by row (`rows[r]` has
    /// `columns` entries) and `g` as `bounds`.
    /// - Throws: ``GameError`` when the polyhedron is empty or the search meets more than `limit` bases.
    /// - Complexity: O(bases × (rows + columns) × rows × (rows + columns)) rational operations.
    static func vertices(rows: [[Rational]], bounds: [Rational], columns: Int, limit: Int) throws(GameError) -> [Vertex] {
        var start = try feasibleBasis(rows: rows, bounds: bounds, columns: columns)
        let variables = columns + rows.count
        var visited: Set<BitSet> = [start.basisSet(variables)]
        var seen: Set<BitSet> = []
        var found: [Vertex] = []
        start.normaliseOrder()
        start.perturbation = start.basis
        var stack = [start]
        while let current = stack.popLast() {
            try GameError.checkCancellation()
            let vertex = current.vertex()
            if seen.insert(vertex.zero).inserted { found.append(vertex) }
            let basisSet = current.basisSet(variables)
            for entering in 0..<variables where !basisSet.contains(entering) {
                if let row = current.lexicographicMinimumRow(entering) {
                    var next = basisSet
                    next.remove(current.basis[row])
                    next.insert(entering)
                    guard visited.insert(next).inserted else { continue }
                    guard visited.count <= limit else {
                        throw GameError(.tooLarge, "vertex enumeration of the sequence form visited more than \(limit) bases",
                                        hint: "use --method sequence-form for one equilibrium of a large tree")
                    }
                    var neighbour = current
                    neighbour.pivot(row: row, column: entering)
                    stack.append(neighbour)
                }
            }
        }
        return found
    }

    /// Phase one: a feasible basis over the structural and slack variables.
    private static func feasibleBasis(rows: [[Rational]], bounds: [Rational], columns: Int) throws(GameError) -> PolyhedronVertices {
        let m = rows.count
        let variables = columns + m
        let artificial = variables
        // s_r = G_r z − g_r, written s_r − G_r z − z₀ = −g_r with the slacks basic.
        var tableau: [[Rational]] = []
        tableau.reserveCapacity(m)
        for r in 0..<m {
            var line = Array(repeating: Rational.zero, count: variables + 1)
            for j in 0..<columns { line[j] = -rows[r][j] }
            line[columns + r] = .one
            line[artificial] = -.one
            tableau.append(line)
        }
        var solver = PolyhedronVertices(tableau: tableau, rhs: bounds.map { -$0 }, basis: (0..<m).map { columns + $0 }, columns: columns)
        // The basic row constraint holds the slack's coefficient 1 in its own column; the
        // dictionary form keeps basic columns as unit vectors throughout.
        guard let worst = solver.rhs.indices.min(by: { solver.rhs[$0] < solver.rhs[$1] }), solver.rhs[worst].signum < 0 else {
            solver.dropColumn(artificial)
            return solver
        }
        solver.pivot(row: worst, column: artificial)
        // Minimise z₀ (Bland's rule: lowest entering index, ties in the ratio test to the lowest basic variable, z₀ first).
        var steps = 0
        while let row = solver.basis.firstIndex(of: artificial) {
            steps += 1
            if solver.rhs[row].isZero {
                // Degenerate: swap z₀ out for any variable with a non-zero coefficient in its row.
                guard let column = (0..<variables).first(where: { !solver.tableau[row][$0].isZero && !solver.basis.contains($0) }) else { break }
                solver.pivot(row: row, column: column)
                break
            }
            guard steps < 100_000,
                  let entering = (0..<variables).first(where: { solver.tableau[row][$0].signum > 0 && !solver.basis.contains($0) }) else {
                throw GameError(.unsupported, "the sequence-form polyhedron is empty", hint: "check the tree's payoffs and chance probabilities")
            }
            var best: Int?
            for r in solver.rhs.indices where solver.tableau[r][entering].signum > 0 {
                guard let b = best else { best = r; continue }
                let ratio = solver.rhs[r] / solver.tableau[r][entering]
                let other = solver.rhs[b] / solver.tableau[b][entering]
                if ratio < other || (ratio == other && (solver.basis[r] == artificial || (solver.basis[b] != artificial && solver.basis[r] < solver.basis[b]))) {
                    best = r
                }
            }
            guard let leaving = best else { break }
            solver.pivot(row: leaving, column: entering)
        }
        guard !solver.basis.contains(artificial) else {
            throw GameError(.unsupported, "the sequence-form polyhedron is empty", hint: "check the tree's payoffs and chance probabilities")
        }
        solver.dropColumn(artificial)
        return solver
    }

    private mutating func dropColumn(_ column: Int) {
        for r in tableau.indices { tableau[r].remove(at: column) }
    }

    /// Rows sorted by their basic variable, so that equal bases give equal tableaux.
    private mutating func normaliseOrder() {
        let order = basis.indices.sorted { basis[$0] < basis[$1] }
        tableau = order.map { tableau[$0] }
        rhs = order.map { rhs[$0] }
        basis = order.map { basis[$0] }
    }

    private func basisSet(_ variables: Int) -> BitSet {
        var set = BitSet(capacity: variables)
        for b in basis { set.insert(b) }
        return set
    }

    private func vertex() -> Vertex {
        var point = Array(repeating: Rational.zero, count: columns)
        var zero = BitSet(capacity: columns + basis.count)
        for v in 0..<(columns + basis.count) { zero.insert(v) }
        for (r, b) in basis.enumerated() where !rhs[r].isZero {
            zero.remove(b)
            if b < columns { point[b] = rhs[r] }
        }
        return Vertex(point: point, zero: zero)
    }

    /// The row that limits an increase of `column` in the perturbed polyhedron: positive
    /// coefficient, least ratio, ties broken by the ratios of the perturbation columns in order
    /// (unique, since those columns form an invertible matrix); `nil` when the edge is unbounded.
    private func lexicographicMinimumRow(_ column: Int) -> Int? {
        var rows = rhs.indices.filter { tableau[$0][column].signum > 0 }
        guard !rows.isEmpty else { return nil }
        // Compares value(r) / a_r with value(b) / a_b (both a positive): by sign first (most
        // values are zero in these degenerate polyhedra), then by cross-multiplication.
        func order(_ value: (Int) -> Rational, _ r: Int, _ b: Int) -> Int {
            let u = value(r), w = value(b)
            guard u.signum == w.signum else { return u.signum < w.signum ? -1 : 1 }
            guard u.signum != 0 else { return 0 }
            let left = u * tableau[b][column], right = w * tableau[r][column]
            return left < right ? -1 : left == right ? 0 : 1
        }
        func narrow(_ value: (Int) -> Rational) {
            var best = rows[0]
            var kept = [best]
            for r in rows.dropFirst() {
                switch order(value, r, best) {
                case -1:
                    best = r
                    kept = [r]
                case 0:
                    kept.append(r)
                default:
                    break
                }
            }
            rows = kept
        }
        narrow { rhs[$0] }
        var next = 0
        while rows.count > 1, next < perturbation.count {
            let perturbed = perturbation[next]
            narrow { tableau[$0][perturbed] }
            next += 1
        }
        return rows.first
    }

    private mutating func pivot(row: Int, column: Int) {
        let element = tableau[row][column]
        for j in tableau[row].indices where !tableau[row][j].isZero { tableau[row][j] = tableau[row][j] / element }
        rhs[row] = rhs[row] / element
        let pivotRow = tableau[row]
        let nonzero = pivotRow.indices.filter { !pivotRow[$0].isZero }
        for r in tableau.indices where r != row {
            let factor = tableau[r][column]
            guard !factor.isZero else { continue }
            for j in nonzero { tableau[r][j] -= factor * pivotRow[j] }
            rhs[r] -= factor * rhs[row]
        }
        basis[row] = column
    }
}
