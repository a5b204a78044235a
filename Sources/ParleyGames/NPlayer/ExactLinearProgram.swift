/// A small linear program solved exactly: maximise `c·x` subject to rows `a·x (≤ | ≥ | =) b`
/// and `x ≥ 0`, by the two-phase tableau simplex method over ``Rational`` with Bland's rule
/// (lowest-index entering and leaving variables), which cannot cycle.
///
/// Meant for the small programs of dominance checks (a few dozen rows and columns): the
/// tableau is dense and every pivot costs O(rows × columns) exact operations.
struct ExactLinearProgram {
    enum Relation { case lessOrEqual, greaterOrEqual, equal }

    struct Row {
        var coefficients: [Rational]
        var relation: Relation
        var bound: Rational
    }

    enum Outcome: Equatable {
        case optimal(value: Rational, x: [Rational])
        case infeasible
        case unbounded
    }

    var objective: [Rational]
    var rows: [Row] = []

    init(maximise objective: [Rational]) {
        self.objective = objective
    }

    mutating func add(_ coefficients: [Rational], _ relation: Relation, _ bound: Rational) {
        rows.append(Row(coefficients: coefficients, relation: relation, bound: bound))
    }

    /// Solves the program. Pivots are capped (Bland's rule terminates, the cap guards only
    /// against a defect) and hitting the cap reports `.infeasible`.
    func solve() -> Outcome {
        let n = objective.count
        // Normalise each row to a non-negative right-hand side.
        var normal = rows.map { row -> Row in
            guard row.bound.signum < 0 else { return row }
            let flipped: Relation = switch row.relation {
            case .lessOrEqual: .greaterOrEqual
            case .greaterOrEqual: .lessOrEqual
            case .equal: .equal
            }
            return Row(coefficients: row.coefficients.map { -$0 }, relation: flipped, bound: -row.bound)
        }
        normal = normal.map { row in
            var padded = row
            if padded.coefficients.count < n { padded.coefficients += Array(repeating: .zero, count: n - padded.coefficients.count) }
            return padded
        }
        let m = normal.count
        // Columns: x (n), one slack/surplus per inequality, one artificial per ≥ or = row.
        let slackCount = normal.filter { $0.relation != .equal }.count
        let artificialCount = normal.filter { $0.relation != .lessOrEqual }.count
        let width = n + slackCount + artificialCount
        var tableau = Array(repeating: Array(repeating: Rational.zero, count: width + 1), count: m)
        var basis = Array(repeating: 0, count: m)
        var slack = n
        var artificial = n + slackCount
        for (r, row) in normal.enumerated() {
            for j in 0..<n { tableau[r][j] = row.coefficients[j] }
            tableau[r][width] = row.bound
            switch row.relation {
            case .lessOrEqual:
                tableau[r][slack] = .one
                basis[r] = slack
                slack += 1
            case .greaterOrEqual:
                tableau[r][slack] = -Rational.one
                slack += 1
                tableau[r][artificial] = .one
                basis[r] = artificial
                artificial += 1
            case .equal:
                tableau[r][artificial] = .one
                basis[r] = artificial
                artificial += 1
            }
        }
        let firstArtificial = n + slackCount
        var solver = Tableau(rows: tableau, basis: basis, width: width)
        if artificialCount > 0 {
            // Phase 1: maximise −Σ artificials.
            var phase1 = Array(repeating: Rational.zero, count: width)
            for j in firstArtificial..<width { phase1[j] = -Rational.one }
            guard solver.optimise(phase1, allowed: width) == .optimal else { return .infeasible }
            if solver.value(of: phase1).signum < 0 { return .infeasible }
            solver.driveOutArtificials(from: firstArtificial)
        }
        var goal = Array(repeating: Rational.zero, count: width)
        for j in 0..<n { goal[j] = objective[j] }
        switch solver.optimise(goal, allowed: firstArtificial) {
        case .unbounded: return .unbounded
        case .capped: return .infeasible
        case .optimal:
            var x = Array(repeating: Rational.zero, count: n)
            for (r, variable) in solver.basis.enumerated() where variable < n { x[variable] = solver.rows[r][width] }
            return .optimal(value: solver.value(of: goal), x: x)
        }
    }

    private struct Tableau {
        var rows: [[Rational]]
        var basis: [Int]
        let width: Int

        enum Status { case optimal, unbounded, capped }

        func value(of cost: [Rational]) -> Rational {
            var total = Rational.zero
            for (r, variable) in basis.enumerated() { total += cost[variable] * rows[r][width] }
            return total
        }

        /// Bland's rule on columns `0..<allowed`.
        mutating func optimise(_ cost: [Rational], allowed: Int) -> Status {
            for _ in 0..<100_000 {
                var entering: Int?
                for j in 0..<allowed where !basis.contains(j) {
                    var reduced = cost[j]
                    for (r, variable) in basis.enumerated() where !rows[r][j].isZero { reduced -= cost[variable] * rows[r][j] }
                    if reduced.signum > 0 {
                        entering = j
                        break
                    }
                }
                guard let column = entering else { return .optimal }
                var leaving: Int?
                var best = Rational.zero
                for r in rows.indices where rows[r][column].signum > 0 {
                    let ratio = rows[r][width] / rows[r][column]
                    if let current = leaving {
                        if ratio < best || (ratio == best && basis[r] < basis[current]) {
                            leaving = r
                            best = ratio
                        }
                    } else {
                        leaving = r
                        best = ratio
                    }
                }
                guard let row = leaving else { return .unbounded }
                pivot(row: row, column: column)
            }
            return .capped
        }

        mutating func pivot(row: Int, column: Int) {
            let pivot = rows[row][column]
            rows[row] = rows[row].map { $0 / pivot }
            for r in rows.indices where r != row && !rows[r][column].isZero {
                let factor = rows[r][column]
                for j in 0...width where !rows[row][j].isZero { rows[r][j] -= factor * rows[row][j] }
            }
            basis[row] = column
        }

        /// After phase 1 at value zero, replaces basic artificials (at level zero) by real columns,
        /// dropping rows that are redundant.
        mutating func driveOutArtificials(from firstArtificial: Int) {
            var r = 0
            while r < rows.count {
                if basis[r] >= firstArtificial {
                    if let column = (0..<firstArtificial).first(where: { !rows[r][$0].isZero && !basis.contains($0) }) {
                        pivot(row: r, column: column)
                    } else {
                        rows.remove(at: r)
                        basis.remove(at: r)
                        continue
                    }
                }
                r += 1
            }
        }
    }
}
