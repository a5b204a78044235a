import ParleyCore

/// One Nash equilibrium of a two-player tree by Lemke's algorithm on the sequence-form LCP
/// (Koller, Megiddo and von Stengel 1996), in exact integer arithmetic.
///
/// The LCP, with payoffs shifted to positive costs `C = c·P − A` (`P` the chance weight of the
/// leaves, `c` above every payoff, so the shift does not change best responses):
/// `w_x = C y − Eᵀu ≥ 0 ⊥ x ≥ 0`, `w_y = Dᵀx − Fᵀv ≥ 0 ⊥ y ≥ 0`, `w_u = E x − e ≥ 0 ⊥ u ≥ 0`,
/// `w_v = F y − f ≥ 0 ⊥ v ≥ 0`. Lemke's algorithm adds `z₀` with covering vector 1, starts
/// where player 1's root constraint is the most violated, and follows complementary pivots,
/// ties broken lexicographically, until `z₀` leaves. Behaviour probabilities come from the
/// realization plan (`x(h,a) / Σ x(h,·)`; uniform where a set has no weight), and the result is
/// checked to be an equilibrium exactly.
public enum SequenceFormLemke {
    public struct Outcome: Sendable, Hashable {
        public var behaviour: BehaviourProfile
        /// Expected payoffs, exact.
        public var payoffs: [Rational]
        public var pivots: Int
    }

    /// Solves `game` (two players, perfect recall).
    /// - Throws: ``GameError`` for other games, or if the path ends on a ray or exceeds
    ///   `maxPivots` (neither happens for valid sequence-form LCPs).
    /// - Complexity: each pivot costs O((sequences + sets)²) exact operations; the number of
    ///   pivots is usually small, exponential in the worst case.
    public static func solve(_ game: ExtensiveFormGame, maxPivots: Int = 100_000) throws(GameError) -> Outcome {
        let form = try SequenceForm(game)
        return try solve(form, maxPivots: maxPivots)
    }

    public static func solve(_ form: SequenceForm, maxPivots: Int = 100_000) throws(GameError) -> Outcome {
        let game = form.game
        let n1 = form.sequences[0].count, n2 = form.sequences[1].count
        let k1 = form.ownInfosets[0].count + 1, k2 = form.ownInfosets[1].count + 1
        let size = n1 + n2 + k1 + k2
        // Costs per player, scaled to integers (a positive factor per player changes no best response).
        var costs: [[ExactInt]] = []
        for p in 0..<2 {
            // C = c·P − A is positive on every cell with a leaf when c exceeds every cell's average payoff.
            var top: Rational?
            for cell in form.payoffs[p].indices where !form.leafWeight[cell].isZero {
                let average = form.payoffs[p][cell] / form.leafWeight[cell]
                if top.map({ average > $0 }) ?? true { top = average }
            }
            let bound = (top ?? .zero) + .one
            let shifted = form.payoffs[p].indices.map { bound * form.leafWeight[$0] - form.payoffs[p][$0] }
            let denominator = Rational.commonDenominator(shifted)
            costs.append(shifted.map { value in
                (value * Rational(denominator)).numerator
            })
        }
        // Tableau columns: w (size), z = (x, y, u, v) (size), z0, rhs. Row i: w_i − M_i z − z0 = q_i.
        let width = 2 * size + 2
        let z0 = 2 * size
        var entries = Array(repeating: ExactInt(0), count: size * width)
        func set(_ row: Int, _ column: Int, _ value: ExactInt) { entries[row * width + column] = value }
        let xBase = 0, yBase = n1, uBase = n1 + n2, vBase = n1 + n2 + k1
        for i in 0..<size {
            set(i, i, 1)
            set(i, z0, -1)
        }
        for s in 0..<n1 {
            for t in 0..<n2 {
                let cell = s * n2 + t
                if !costs[0][cell].isZero { set(xBase + s, size + yBase + t, -costs[0][cell]) }
                if !costs[1][cell].isZero { set(yBase + t, size + xBase + s, -costs[1][cell]) }
            }
        }
        // E: row 0 is x_∅ = 1; row k+1 is Σ_a x(h_k, a) − x(parent) = 0. M holds −Eᵀ in the x rows
        // and E in the u rows, so the tableau holds +Eᵀ and −E.
        for p in 0..<2 {
            let rowBase = p == 0 ? xBase : yBase
            let dualBase = p == 0 ? uBase : vBase
            func constraint(_ k: Int, _ sequence: Int, _ coefficient: ExactInt) {
                set(rowBase + sequence, size + dualBase + k, coefficient)
                set(dualBase + k, size + rowBase + sequence, -coefficient)
            }
            constraint(0, 0, 1)
            entries[(dualBase) * width + width - 1] = -1
            for (k, infoset) in form.ownInfosets[p].enumerated() {
                constraint(k + 1, form.parentSequence[p][k], -1)
                guard let base = form.firstSequence[infoset] else { continue }
                for action in game.infosets[infoset].actions.indices { constraint(k + 1, base + action, 1) }
            }
        }
        var tableau = LemkeTableau(rows: size, width: width, entries: entries)
        // z0 enters at player 1's root constraint (the most negative right-hand side, tied with
        // player 2's); that row goes last in the lexicographic order so every row stays lex-positive.
        let startRow = uBase
        tableau.lexOrder = (0..<size).filter { $0 != startRow } + [startRow]
        tableau.pivot(row: startRow, column: z0)
        var entering = size + startRow
        var pivots = 1
        while true {
            try GameError.checkCancellation()
            guard pivots < maxPivots else {
                throw GameError(.tooLarge, "Lemke's algorithm on the sequence form stopped after \(maxPivots) pivots")
            }
            guard let row = tableau.leavingRow(entering: entering, preferring: z0) else {
                throw GameError(.unsupported, "Lemke's algorithm on the sequence form ended on a ray (no equilibrium found this way)")
            }
            let leaving = tableau.basis[row]
            tableau.pivot(row: row, column: entering)
            pivots += 1
            if leaving == z0 { break }
            entering = leaving < size ? leaving + size : leaving - size
        }
        // Realization plans as rationals.
        var values = Array(repeating: Rational.zero, count: 2 * size + 1)
        for r in 0..<size {
            values[tableau.basis[r]] = Rational(numerator: tableau.rhs(r), denominator: tableau.determinant) ?? .zero
        }
        var behaviour = BehaviourProfile(uniformFor: game)
        for p in 0..<2 {
            let base = size + (p == 0 ? xBase : yBase)
            for set in form.ownInfosets[p] {
                guard let first = form.firstSequence[set] else { continue }
                let actions = game.infosets[set].actions.indices
                let total = actions.reduce(Rational.zero) { $0 + values[base + first + $1] }
                guard total.signum > 0 else { continue }
                behaviour.probabilities[set] = actions.map { values[base + first + $0] / total }
            }
        }
        let x = form.realizationPlan(behaviour, player: 0)
        let y = form.realizationPlan(behaviour, player: 1)
        let payoffs = form.payoffs(x, y)
        guard form.bestResponseValue(player: 0, against: y) == payoffs[0], form.bestResponseValue(player: 1, against: x) == payoffs[1] else {
            throw GameError(.unsupported, "Lemke's algorithm on the sequence form ended at a point that is not an equilibrium once normalised",
                            hint: "use --method enum on the reduced normal form")
        }
        return Outcome(behaviour: behaviour, payoffs: payoffs, pivots: pivots)
    }
}

/// A dense integer tableau for Lemke's algorithm, pivoted fraction-free (Bareiss): the value of
/// a basic variable is `rhs / determinant`; the determinant may be negative.
struct LemkeTableau: Sendable {
    let rows: Int
    let width: Int
    var entries: [ExactInt]
    var basis: [Int]
    var determinant: ExactInt = 1
    /// The order of the slack (`w`) columns used to break ties in the ratio test.
    var lexOrder: [Int]

    init(rows: Int, width: Int, entries: [ExactInt]) {
        self.rows = rows
        self.width = width
        self.entries = entries
        basis = Array(0..<rows)
        lexOrder = Array(0..<rows)
    }

    subscript(row: Int, column: Int) -> ExactInt { entries[row * width + column] }
    func rhs(_ row: Int) -> ExactInt { entries[row * width + width - 1] }

    /// The row whose basic variable leaves when `column` enters: the least ratio `rhs / entry`
    /// over entries of the determinant's sign, ties broken lexicographically on the `w` columns;
    /// `preferring` wins among tied rows. `nil` on a ray.
    func leavingRow(entering column: Int, preferring: Int) -> Int? {
        let sign = determinant.signum
        var candidates = (0..<rows).filter { self[$0, column].signum == sign }
        guard !candidates.isEmpty else { return nil }
        func narrow(_ value: (Int) -> ExactInt) {
            var kept: [Int] = []
            var best: Int?
            for r in candidates {
                guard let b = best else { best = r; kept = [r]; continue }
                // value(r)/a_r vs value(b)/a_b, where a_r·a_b > 0.
                let lhs = value(r) * self[b, column]
                let rhs = value(b) * self[r, column]
                if lhs < rhs {
                    best = r
                    kept = [r]
                } else if lhs == rhs {
                    kept.append(r)
                }
            }
            candidates = kept
        }
        narrow { rhs($0) }
        if candidates.count > 1, let preferred = candidates.first(where: { basis[$0] == preferring }) { return preferred }
        var next = 0
        while candidates.count > 1, next < lexOrder.count {
            let slack = lexOrder[next]
            narrow { self[$0, slack] }
            next += 1
        }
        return candidates.first
    }

    mutating func pivot(row: Int, column: Int) {
        determinant = ExactInt.pivotRows(&entries, rows: rows, width: width, row: row, column: column, determinant: determinant)
        basis[row] = column
    }
}
