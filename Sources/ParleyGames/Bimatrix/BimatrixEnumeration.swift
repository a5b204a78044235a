import ParleyCore

/// All extreme Nash equilibria of a two-player game, exactly, by enumerating the vertices of
/// both best-response polytopes and pairing the completely labelled ones (Mangasarian 1964;
/// von Stengel 2002, §3.5; the method of Gambit's `enummixed` and lrsnash).
///
/// With payoffs made positive, `P = {x ≥ 0 : Bᵀx ≤ 1}` and `Q = {y ≥ 0 : Ay ≤ 1}`. Label `i`
/// (a row) is tight for x when `x_i = 0` and for y when row `i` is a best response; label
/// `m + j` is tight for y when `y_j = 0` and for x when column `j` is a best response. A pair
/// of vertices other than the origins whose labels together cover all `m + n` is an extreme
/// equilibrium after normalising; every extreme equilibrium arises once, degenerate games
/// included, because vertices are identified by their tight labels.
///
/// Extreme equilibria that share a vertex of P or of Q lie in one connected component of the
/// equilibrium set (Avis, Rosenberg, Savani & von Stengel 2010): components are the connected
/// parts of the bipartite graph that the equilibria draw between vertices.
public enum BimatrixEnumeration {
    /// The extreme equilibria of `game`, each tagged with its component.
    ///
    /// Order: by the vertex of P (in the order the search meets them), then by the vertex of Q.
    /// - Throws: ``GameError`` when the game does not have two players, or has more than 127
    ///   strategies in all (enumeration would not finish anyway).
    /// - Complexity: exponential in the worst case (number of vertices); fine to about 12×12.
    public static func solve(_ game: NormalFormGame) throws(GameError) -> [NashEquilibrium] {
        guard game.players.count == 2 else {
            throw GameError(.unsupported, "enumeration of mixed equilibria needs a two-player game; this one has \(game.players.count) players",
                            hint: "use --method pure for the pure equilibria of an n-player game")
        }
        let m = game.strategies[0].count
        let n = game.strategies[1].count
        guard m + n < LabelSet.capacity else {
            throw GameError(.tooLarge, "the game has \(m + n) strategies in all; enumeration handles at most \(LabelSet.capacity - 1)",
                            hint: "use --method lemke-howson for one equilibrium")
        }
        let (aPositive, bPositive) = positiveIntegerMatrices(game)
        let bTransposed = transpose(bPositive)
        // Labels: P's structural x_i → i, slack s_j → m + j; Q's slack r_i → i, structural y_j → m + j.
        let pVertices = try VertexEnumerator.vertices(of: bTransposed)
        let qVertices = try VertexEnumerator.vertices(of: aPositive)
        let pLabels = pVertices.map { $0.zeroVariables }  // already i for x_i, m + j for s_j
        let qLabels = qVertices.map { vertex -> LabelSet in
            var labels = LabelSet()
            for j in 0..<n where vertex.zeroVariables.contains(j) { labels.insert(m + j) }
            for i in 0..<m where vertex.zeroVariables.contains(n + i) { labels.insert(i) }
            return labels
        }
        let pairs = completePairs(pLabels, qLabels, m: m, n: n)
        try GameError.checkCancellation()
        let components = Self.components(pairs)
        return pairs.enumerated().map { index, pair in
            let x = normalised(pVertices[pair.0].numerators)
            let y = normalised(qVertices[pair.1].numerators)
            let profile = MixedProfile([x, y])
            return NashEquilibrium(profile: profile, payoffs: bimatrixPayoffs(game, x, y), component: components[index])
        }
    }

    /// The (vertex of P, vertex of Q) pairs whose labels together cover `0..<m+n`, the origin of
    /// P excluded, ordered by P's index and then Q's.
    ///
    /// A vertex of Q has at least n labels, so when P's vertex leaves exactly n labels to cover,
    /// the partners are the Q vertex with exactly those labels (found by hashing) and the
    /// degenerate Q vertices (more than n labels) that contain them; only degenerate P vertices
    /// are checked against every Q vertex.
    static func completePairs(_ pLabels: [LabelSet], _ qLabels: [LabelSet], m: Int, n: Int) -> [(Int, Int)] {
        let all = LabelSet.range(m + n)
        let rows = LabelSet.range(m)
        var exact: [LabelSet: Int] = [:]
        var degenerate: [Int] = []
        for (q, labels) in qLabels.enumerated() {
            if labels.count == n { exact[labels] = q } else { degenerate.append(q) }
        }
        var pairs: [(Int, Int)] = []
        var partners: [Int] = []
        for (p, labels) in pLabels.enumerated() {
            // Cancelled: stop; ``solve(_:)`` throws instead of returning a partial list.
            if Cancellation.isRequested { break }
            if rows.isSubset(of: labels) { continue }  // the origin of P
            let needed = all.subtracting(labels)
            if needed.count == n {
                partners.removeAll(keepingCapacity: true)
                if let q = exact[needed] { partners.append(q) }
                for q in degenerate where needed.isSubset(of: qLabels[q]) { partners.append(q) }
                partners.sort()
                for q in partners { pairs.append((p, q)) }
            } else {
                for (q, other) in qLabels.enumerated() where needed.isSubset(of: other) {
                    pairs.append((p, q))
                }
            }
        }
        return pairs
    }

    /// The payoff matrices `A` (row player) and `B` (column player) of a two-player game, each
    /// made positive integers as by ``positiveIntegers(_:)``, read straight from the payoff
    /// list. Integer payoffs that fit a machine word (the usual case) take a path that never
    /// builds rationals; anything else goes through ``positiveIntegers(_:)``.
    static func positiveIntegerMatrices(_ game: NormalFormGame) -> (a: [[ExactInt]], b: [[ExactInt]]) {
        let m = game.strategies[0].count
        let n = game.strategies[1].count
        if let small = smallIntegerPayoffs(game, m: m, n: n) {
            func positive(_ values: [Int]) -> [[ExactInt]]? {
                guard let minimum = values.min() else { return [] }
                var rows: [[ExactInt]] = []
                rows.reserveCapacity(m)
                for i in 0..<m {
                    var row: [ExactInt] = []
                    row.reserveCapacity(n)
                    for j in 0..<n {
                        let (shifted, overflow) = values[i * n + j].subtractingReportingOverflow(minimum)
                        guard !overflow, shifted < Int.max else { return nil }
                        row.append(ExactInt(shifted + 1))
                    }
                    rows.append(row)
                }
                return rows
            }
            if let a = positive(small.a), let b = positive(small.b) { return (a, b) }
        }
        guard let (a, b) = game.bimatrixPayoffs else { return ([], []) }
        return (positiveIntegers(a), positiveIntegers(b))
    }

    /// Both players' payoffs row-major (`i * n + j`) as machine integers, or `nil` when one is
    /// not an integer or does not fit.
    static func smallIntegerPayoffs(_ game: NormalFormGame, m: Int, n: Int) -> (a: [Int], b: [Int])? {
        var a = Array(repeating: 0, count: m * n)
        var b = Array(repeating: 0, count: m * n)
        let payoffs = game.payoffs
        guard payoffs.count == m * n else { return nil }
        for j in 0..<n {
            for i in 0..<m {
                let row = payoffs[i + j * m]
                guard row.count == 2, row[0].denominator == 1, row[1].denominator == 1,
                      let u = row[0].numerator.intValue, let v = row[1].numerator.intValue else { return nil }
                a[i * n + j] = u
                b[i * n + j] = v
            }
        }
        return (a, b)
    }

    /// The expected payoffs of both players at `(x, y)`, from the game's payoff list.
    ///
    /// With integer payoffs the sums run over integer numerators (`x = p / P`, `y = q / Q`, so
    /// `u = Σ a_ij p_i q_j / (P Q)`) and only the two results are reduced: summing rationals
    /// would reduce every partial sum, and the gcds of large supports dominate otherwise.
    static func bimatrixPayoffs(_ game: NormalFormGame, _ x: [Rational], _ y: [Rational]) -> [Rational] {
        let m = x.count
        let payoffs = game.payoffs
        let xDenominator = Rational.commonDenominator(x)
        let yDenominator = Rational.commonDenominator(y)
        let xSupport = x.indices.filter { !x[$0].isZero }
        let ySupport = y.indices.filter { !y[$0].isZero }
        let integral = xSupport.allSatisfy { i in
            ySupport.allSatisfy { j in payoffs[i + j * m].allSatisfy { $0.denominator == 1 } }
        }
        if integral {
            let xNumerators = x.map { ($0.numerator * xDenominator).quotient(dividingBy: $0.denominator) }
            let yNumerators = y.map { ($0.numerator * yDenominator).quotient(dividingBy: $0.denominator) }
            var uSum = ExactInt(0)
            var vSum = ExactInt(0)
            for i in xSupport {
                var uRow = ExactInt(0)
                var vRow = ExactInt(0)
                for j in ySupport {
                    let row = payoffs[i + j * m]
                    uRow += row[0].numerator * yNumerators[j]
                    vRow += row[1].numerator * yNumerators[j]
                }
                uSum += uRow * xNumerators[i]
                vSum += vRow * xNumerators[i]
            }
            let denominator = xDenominator * yDenominator
            return [Rational(reducing: uSum, denominator), Rational(reducing: vSum, denominator)]
        }
        var u = Rational.zero
        var v = Rational.zero
        for i in x.indices where !x[i].isZero {
            for j in y.indices where !y[j].isZero {
                let w = x[i] * y[j]
                let row = payoffs[i + j * m]
                u += w * row[0]
                v += w * row[1]
            }
        }
        return [u, v]
    }

    /// `matrix` scaled by the common denominator of its entries and shifted so that the
    /// smallest entry is 1. Neither changes best responses.
    static func positiveIntegers(_ matrix: [[Rational]]) -> [[ExactInt]] {
        let scale = Rational.commonDenominator(matrix.joined())
        let scaled = matrix.map { row in row.map { ($0.numerator * scale).quotient(dividingBy: $0.denominator) } }
        let minimum = scaled.joined().min() ?? 0
        return scaled.map { row in row.map { $0 - minimum + 1 } }
    }

    static func transpose(_ matrix: [[ExactInt]]) -> [[ExactInt]] {
        guard let width = matrix.first?.count else { return [] }
        return (0..<width).map { j in matrix.map { $0[j] } }
    }

    static func normalised(_ numerators: [ExactInt]) -> [Rational] {
        let total = numerators.reduce(ExactInt(0), +)
        return numerators.map { Rational(numerator: $0, denominator: total) ?? .zero }
    }

    static func bimatrixPayoffs(_ a: [[Rational]], _ b: [[Rational]], _ x: [Rational], _ y: [Rational]) -> [Rational] {
        var u = Rational.zero
        var v = Rational.zero
        for i in x.indices where !x[i].isZero {
            for j in y.indices where !y[j].isZero {
                let w = x[i] * y[j]
                u += w * a[i][j]
                v += w * b[i][j]
            }
        }
        return [u, v]
    }

    /// Component numbers for equilibria given as (vertex of P, vertex of Q) pairs: union-find
    /// over the bipartite graph, numbered in order of first appearance.
    static func components(_ pairs: [(Int, Int)]) -> [Int] {
        var parent: [Int] = []
        var pNode: [Int: Int] = [:]
        var qNode: [Int: Int] = [:]
        func node(_ key: Int, _ table: inout [Int: Int]) -> Int {
            if let existing = table[key] { return existing }
            parent.append(parent.count)
            table[key] = parent.count - 1
            return parent.count - 1
        }
        func find(_ x: Int) -> Int {
            var root = x
            while parent[root] != root { root = parent[root] }
            var current = x
            while parent[current] != root {
                let next = parent[current]
                parent[current] = root
                current = next
            }
            return root
        }
        let edges = pairs.map { (node($0.0, &pNode), node($0.1, &qNode)) }
        for (u, v) in edges {
            let ru = find(u)
            let rv = find(v)
            if ru != rv { parent[max(ru, rv)] = min(ru, rv) }
        }
        var numbering: [Int: Int] = [:]
        return edges.map { edge in
            let root = find(edge.0)
            if let number = numbering[root] { return number }
            numbering[root] = numbering.count
            return numbering.count - 1
        }
    }
}
