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
        guard let (a, b) = game.bimatrixPayoffs else {
            throw GameError(.unsupported, "enumeration of mixed equilibria needs a two-player game; this one has \(game.players.count) players",
                            hint: "use --method pure for the pure equilibria of an n-player game")
        }
        let m = a.count
        let n = b.first?.count ?? 0
        guard m + n < LabelSet.capacity else {
            throw GameError(.tooLarge, "the game has \(m + n) strategies in all; enumeration handles at most \(LabelSet.capacity - 1)",
                            hint: "use --method lemke-howson for one equilibrium")
        }
        let aPositive = positiveIntegers(a)
        let bTransposed = transpose(positiveIntegers(b))
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
        let all = LabelSet.range(m + n)
        var pairs: [(Int, Int)] = []
        for (p, labels) in pLabels.enumerated() {
            if (0..<m).allSatisfy(labels.contains) { continue }  // the origin of P
            let needed = all.subtracting(labels)
            for (q, other) in qLabels.enumerated() where needed.isSubset(of: other) {
                pairs.append((p, q))
            }
        }
        let components = Self.components(pairs)
        return pairs.enumerated().map { index, pair in
            let x = normalised(pVertices[pair.0].numerators)
            let y = normalised(qVertices[pair.1].numerators)
            let profile = MixedProfile([x, y])
            return NashEquilibrium(profile: profile, payoffs: bimatrixPayoffs(a, b, x, y), component: components[index])
        }
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
