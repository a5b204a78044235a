import ParleyCore

/// All extreme Nash equilibria of a two-player game tree with perfect recall, exactly, by
/// enumerating the vertices of the two sequence-form polyhedra and pairing the complementary
/// ones (Koller, Megiddo and von Stengel 1996; the analogue for trees of
/// ``BimatrixEnumeration``, without building the reduced normal form).
///
/// The linear complementarity problem is the one ``SequenceFormLemke`` follows, with payoffs
/// shifted to positive costs `C = c·P − A` (`P` the leaves' chance weights): player 1's
/// polyhedron `{(x, v) ≥ 0 : E x ≥ e, Dᵀx − Fᵀv ≥ 0}` and player 2's
/// `{(y, u) ≥ 0 : F y ≥ f, C y − Eᵀu ≥ 0}`. Each variable and the slack of the constraint it is
/// complementary to carry the same label; a pair of vertices whose zero labels together cover
/// every label is a solution of the LCP, hence an equilibrium `(x, y)` in realization plans.
/// Every extreme equilibrium arises this way (vertices are identified by their zero labels, so
/// degenerate trees are handled). Each pair found is checked exactly (`E x = e`, `F y = f`, no
/// better reply for either player), and a pair that is a convex combination of other
/// equilibria of its component is dropped (an exact linear program per pair), so what is reported are
/// the extreme equilibria: those not a convex combination of other equilibria of their component.
///
/// Equilibria that share a realization plan of one player lie in one convex set of equilibria
/// (a player's best replies to a fixed plan form a convex set, and payoffs are bilinear in the
/// plans), so, as for bimatrix games, components are the connected parts of the graph the
/// equilibria draw between plans.
public enum SequenceFormEnumeration {
    /// One extreme equilibrium.
    public struct Equilibrium: Sendable, Hashable {
        /// Behaviour strategies, `x(h, a) / x(parent of h)`; uniform at a set the player's own
        /// plan does not reach (any choice there gives the same plan).
        public var behaviour: BehaviourProfile
        /// The realization plans of players 1 and 2, indexed like ``SequenceForm/sequences``.
        public var plans: [[Rational]]
        /// Expected payoffs, exact.
        public var payoffs: [Rational]
        /// The component (0-based, numbered in order of first appearance).
        public var component: Int
    }

    /// What the enumeration found.
    public struct Result: Sendable {
        public var equilibria: [Equilibrium]
        /// Vertices of player 1's and player 2's polyhedra.
        public var vertices: [Int]
        /// Complementary vertex pairs (several pairs can give one equilibrium, with other dual values).
        public var pairs: Int
        /// Distinct equilibria from vertex pairs that were convex combinations of others, dropped.
        public var notExtreme: Int
    }

    /// Enumerates the extreme equilibria of `game`.
    /// - Parameters:
    ///   - game: a two-player tree with perfect recall.
    ///   - limit: the most feasible bases visited per polyhedron.
    /// - Throws: ``GameError`` unless the tree has two players and perfect recall, or when a
    ///   polyhedron has more than `limit` feasible bases.
    /// - Complexity: exponential in the worst case (number of vertices); each basis costs
    ///   O((sequences + sets)²) rational operations per neighbour.
    public static func solve(_ game: ExtensiveFormGame, limit: Int = 200_000) throws(GameError) -> Result {
        try solve(try SequenceForm(game), limit: limit)
    }

    /// Enumerates the extreme equilibria of a two-player game given by its sequence form.
    /// - Parameters:
    ///   - form: the sequence form of a two-player tree with perfect recall.
    ///   - limit: the most feasible bases visited per polyhedron.
    /// - Throws: ``GameError`` when a polyhedron has more than `limit` feasible bases, or when
    ///   the computation is cancelled.
    public static func solve(_ form: SequenceForm, limit: Int = 200_000) throws(GameError) -> Result {
        let n1 = form.sequences[0].count, n2 = form.sequences[1].count
        let k1 = form.ownInfosets[0].count + 1, k2 = form.ownInfosets[1].count + 1
        let size = n1 + n2 + k1 + k2
        let xBase = 0, yBase = n1, uBase = n1 + n2, vBase = n1 + n2 + k1
        let costs = positiveCosts(form)
        let e = constraintMatrix(form, player: 0)
        let f = constraintMatrix(form, player: 1)
        // Player 1: columns x (n1), v (k2); rows E x ≥ e (k1), Dᵀx − Fᵀv ≥ 0 (n2).
        var pRows: [[Rational]] = []
        for k in 0..<k1 { pRows.append(e[k] + Array(repeating: .zero, count: k2)) }
        for t in 0..<n2 { pRows.append((0..<n1).map { costs[1][$0 * n2 + t] } + (0..<k2).map { -f[$0][t] }) }
        let pBounds = [Rational.one] + Array(repeating: .zero, count: k1 - 1 + n2)
        let pLabels = (0..<n1).map { xBase + $0 } + (0..<k2).map { vBase + $0 } + (0..<k1).map { uBase + $0 } + (0..<n2).map { yBase + $0 }
        // Player 2: columns y (n2), u (k1); rows F y ≥ f (k2), C y − Eᵀu ≥ 0 (n1).
        var qRows: [[Rational]] = []
        for k in 0..<k2 { qRows.append(f[k] + Array(repeating: .zero, count: k1)) }
        for s in 0..<n1 { qRows.append((0..<n2).map { costs[0][s * n2 + $0] } + (0..<k1).map { -e[$0][s] }) }
        let qBounds = [Rational.one] + Array(repeating: .zero, count: k2 - 1 + n1)
        let qLabels = (0..<n2).map { yBase + $0 } + (0..<k1).map { uBase + $0 } + (0..<k2).map { vBase + $0 } + (0..<n1).map { xBase + $0 }

        let pVertices = try PolyhedronVertices.vertices(rows: pRows, bounds: pBounds, columns: n1 + k2, limit: limit)
        let qVertices = try PolyhedronVertices.vertices(rows: qRows, bounds: qBounds, columns: n2 + k1, limit: limit)
        func labels(_ vertex: PolyhedronVertices.Vertex, _ names: [Int]) -> PolyhedronVertices.BitSet {
            var set = PolyhedronVertices.BitSet(capacity: size)
            for (variable, label) in names.enumerated() where vertex.zero.contains(variable) { set.insert(label) }
            return set
        }
        let pSets = pVertices.map { labels($0, pLabels) }
        let qSets = qVertices.map { labels($0, qLabels) }
        var equilibria: [Equilibrium] = []
        var planPairs: [(Int, Int)] = []
        var xPlans: [[Rational]: Int] = [:]
        var yPlans: [[Rational]: Int] = [:]
        var seen: Set<[[Rational]]> = []
        var pairs = 0
        for (p, pSet) in pSets.enumerated() {
            try GameError.checkCancellation()
            var needed = PolyhedronVertices.BitSet(capacity: size)
            for label in 0..<size where !pSet.contains(label) { needed.insert(label) }
            for (q, qSet) in qSets.enumerated() where needed.isSubset(of: qSet) {
                pairs += 1
                let x = Array(pVertices[p].point[0..<n1])
                let y = Array(qVertices[q].point[0..<n2])
                guard seen.insert([x, y]).inserted, let found = equilibrium(form, x, y) else { continue }
                equilibria.append(found)
                let xNode = xPlans[x] ?? xPlans.count
                xPlans[x] = xNode
                let yNode = yPlans[y] ?? yPlans.count
                yPlans[y] = yNode
                planPairs.append((xNode, yNode))
            }
        }
        let components = BimatrixEnumeration.components(planPairs)
        for k in equilibria.indices { equilibria[k].component = components[k] }
        let extreme = try extremePoints(equilibria)
        return Result(equilibria: extreme, vertices: [pVertices.count, qVertices.count], pairs: pairs,
                      notExtreme: equilibria.count - extreme.count)
    }

    /// `equilibria` without those that are a convex combination of others of their component
    /// (an exact linear program each). Unlike the bimatrix polytopes, the sequence-form
    /// polyhedra carry one payoff variable per information set, so a complementary vertex pair
    /// can project to a point inside a segment of equilibria (a set's value tied between two
    /// replies); the extreme equilibria of each convex set of equilibria are all among the
    /// pairs, so this leaves exactly the extreme points.
    static func extremePoints(_ equilibria: [Equilibrium]) throws(GameError) -> [Equilibrium] {
        var kept: [Equilibrium] = []
        for (index, candidate) in equilibria.enumerated() {
            try GameError.checkCancellation()
            let others = equilibria.indices.filter { $0 != index && equilibria[$0].component == candidate.component }
            guard others.count >= 2 else {
                kept.append(candidate)
                continue
            }
            let point = candidate.plans[0] + candidate.plans[1]
            let points = others.map { equilibria[$0].plans[0] + equilibria[$0].plans[1] }
            var program = ExactLinearProgram(maximise: Array(repeating: .zero, count: others.count))
            for coordinate in point.indices {
                program.add(points.map { $0[coordinate] }, .equal, point[coordinate])
            }
            program.add(Array(repeating: .one, count: others.count), .equal, .one)
            if case .optimal = program.solve() { continue }
            kept.append(candidate)
        }
        return kept
    }

    /// The equilibrium with realization plans `x` and `y`, or `nil` when they are not plans or
    /// not mutual best replies (checked exactly).
    static func equilibrium(_ form: SequenceForm, _ x: [Rational], _ y: [Rational]) -> Equilibrium? {
        let game = form.game
        var behaviour = BehaviourProfile(uniformFor: game)
        for (p, plan) in [x, y].enumerated() {
            guard plan.first == .one else { return nil }
            for (k, set) in form.ownInfosets[p].enumerated() {
                guard let first = form.firstSequence[set] else { return nil }
                let actions = game.infosets[set].actions.indices
                let parent = plan[form.parentSequence[p][k]]
                guard actions.reduce(Rational.zero, { $0 + plan[first + $1] }) == parent else { return nil }
                guard parent.signum > 0 else { continue }
                behaviour.probabilities[set] = actions.map { plan[first + $0] / parent }
            }
        }
        let payoffs = form.payoffs(x, y)
        guard form.bestResponseValue(player: 0, against: y) == payoffs[0],
              form.bestResponseValue(player: 1, against: x) == payoffs[1] else { return nil }
        return Equilibrium(behaviour: behaviour, plans: [x, y], payoffs: payoffs, component: 0)
    }

    /// Each player's payoffs as positive costs over sequence pairs, `c·P − A` with `c` above
    /// every leaf's payoff (as in ``SequenceFormLemke``; a shift that changes no best reply).
    static func positiveCosts(_ form: SequenceForm) -> [[Rational]] {
        (0..<2).map { p in
            var top: Rational?
            for cell in form.payoffs[p].indices where !form.leafWeight[cell].isZero {
                let average = form.payoffs[p][cell] / form.leafWeight[cell]
                if top.map({ average > $0 }) ?? true { top = average }
            }
            let bound = (top ?? .zero) + .one
            return form.payoffs[p].indices.map { bound * form.leafWeight[$0] - form.payoffs[p][$0] }
        }
    }

    /// The realization-plan constraints of `player`, one row per constraint: row 0 is
    /// `plan[∅] = 1`, row `k + 1` is `Σ_a plan(h_k, a) − plan(parent of h_k) = 0`.
    static func constraintMatrix(_ form: SequenceForm, player p: Int) -> [[Rational]] {
        let n = form.sequences[p].count
        var rows = [[Rational.one] + Array(repeating: .zero, count: n - 1)]
        for (k, set) in form.ownInfosets[p].enumerated() {
            var row = Array(repeating: Rational.zero, count: n)
            row[form.parentSequence[p][k]] = -.one
            if let first = form.firstSequence[set] {
                for action in form.game.infosets[set].actions.indices { row[first + action] = .one }
            }
            rows.append(row)
        }
        return rows
    }
}
