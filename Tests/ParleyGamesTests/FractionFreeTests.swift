@testable import ParleyGames
import Testing

/// The fixed-width fraction-free arithmetic must agree with unbounded ``ExactInt`` arithmetic,
/// and the vertex search must find the same vertices, in the same order, in every width.
@Suite struct FractionFreeTests {
    /// SplitMix64, to draw test matrices without Foundation's generator.
    struct Draws {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func matrix(_ rows: Int, _ columns: Int, below bound: UInt64) -> [[ExactInt]] {
            (0..<rows).map { _ in (0..<columns).map { _ in ExactInt(Int(next() % bound) + 1) } }
        }
    }

    /// `(a·e − f·g) / e` by the odd-inverse division, with `g = e·t` so that the quotient is
    /// `a − f·t`, known beforehand; even, odd and negative divisors, and (in 128 bits) operands
    /// beyond 64 bits.
    @Test func exactDivisionAgreesWithTheKnownQuotient() throws {
        var draws = Draws(state: 7)
        func signed(_ bits: UInt64) -> Int64 {
            let magnitude = Int64(draws.next() >> (64 - bits))
            return draws.next() % 2 == 0 ? magnitude : -magnitude
        }
        for _ in 0..<3000 {
            var e = signed(24) << Int64(draws.next() % 6)
            if e == 0 { e = 1 }
            let t = signed(30)
            let a = signed(58)
            let f = signed(28)
            let g = e * t
            let quotient = a - f * t
            #expect(Int64.fractionFreeUpdate(a, e, f, g, over: Int64.divisor(e)) == quotient)
            #expect(ExactInt.fractionFreeUpdate(ExactInt(Int(a)), ExactInt(Int(e)), ExactInt(Int(f)), ExactInt(Int(g)), over: ExactInt(Int(e)))
                    == ExactInt(Int(quotient)))
            if #available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *) {
                let d = Int128.divisor(Int128(e))
                #expect(Int128.fractionFreeUpdate(Int128(a), Int128(e), Int128(f), Int128(g), over: d) == Int128(quotient))
                // Shifted beyond 64 bits: a·2^60 and f·2^60 give the quotient times 2^60.
                let big = Int128.fractionFreeUpdate(Int128(a) << 60, Int128(e), Int128(f) << 60, Int128(g), over: d)
                #expect(big == Int128(quotient) << 60)
            }
        }
    }

    @Test func productComparisonsAreExact() {
        var draws = Draws(state: 11)
        for _ in 0..<2000 {
            let values = (0..<4).map { _ in Int64(bitPattern: draws.next()) >> Int64(draws.next() % 60) }
            let exact = ExactInt.compareProducts(ExactInt(Int(values[0])), ExactInt(Int(values[1])), ExactInt(Int(values[2])), ExactInt(Int(values[3])))
            #expect(Int64.compareProducts(values[0], values[1], values[2], values[3]) == exact)
        }
        // Equal products of different factors.
        #expect(Int64.compareProducts(1 << 40, 6, 3 << 40, 2) == 0)
        #expect(Int64.compareProducts(-(1 << 62), 4, 1 << 62, -4) == 0)
    }

    /// Hadamard's bound picks the narrowest safe width.
    @Test func widthFollowsHadamardsBound() {
        #expect(FractionFreeWidth.forRows([[1, 2], [3, 4]], extraSquares: 2) == .word)
        // 10 rows of ten 100s: each row norm √(100 002) ≈ 2^8.3, product ≈ 2^83.
        let tens = Array(repeating: Array(repeating: ExactInt(100), count: 10), count: 10)
        #expect(FractionFreeWidth.forRows(tens, extraSquares: 2) == .doubleWord)
        let big = Array(repeating: Array(repeating: ExactInt(1 << 40), count: 4), count: 4)
        #expect(FractionFreeWidth.forRows(big, extraSquares: 2) == .unbounded)
    }

    /// The vertices of random polytopes, in 64 bits, 128 bits and unbounded integers: the same
    /// list (numerators, zero sets and order), and the old full-tableau search agrees on the set.
    @Test(arguments: [(4, 4, UInt64(100)), (6, 5, 100), (7, 7, 100), (8, 8, 100), (5, 9, 1000)])
    func vertexSearchIsTheSameInEveryWidth(rows: Int, columns: Int, bound: UInt64) throws {
        var draws = Draws(state: UInt64(rows * 100 + columns))
        let matrix = draws.matrix(rows, columns, below: bound)
        let exact = try #require(try VertexEnumerator.search(ExactInt.self, matrix, limit: 1_000_000))
        if FractionFreeWidth.forRows(matrix, extraSquares: 2) == .word {
            let word = try #require(try VertexEnumerator.search(Int64.self, matrix, limit: 1_000_000))
            #expect(word.map(\.numerators) == exact.map(\.numerators))
            #expect(word.map(\.zeroVariables) == exact.map(\.zeroVariables))
        }
        if #available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *) {
            let wide = try #require(try VertexEnumerator.search(Int128.self, matrix, limit: 1_000_000))
            #expect(wide.map(\.numerators) == exact.map(\.numerators))
            #expect(wide.map(\.zeroVariables) == exact.map(\.zeroVariables))
        }
        #expect(Set(exact.map(\.zeroVariables)) == Set(fullTableauVertices(matrix)))
        #expect(exact.count > rows)
    }

    /// Fraction-free solution of linear systems in every width.
    @Test func linearSystemsAgreeInEveryWidth() throws {
        var draws = Draws(state: 99)
        for size in 1...12 {
            let matrix = draws.matrix(size, size, below: 100)
            let rhs = (0..<size).map { _ in ExactInt(Int(draws.next() % 7) + 1) }
            let rows = matrix.enumerated().map { $0.element + [rhs[$0.offset]] }
            let exact = try #require(IntegerLinearSystem.eliminate(ExactInt.self, rows))
            // The solution satisfies the system: matrix · numerators = denominator · rhs.
            for r in 0..<size {
                let lhs = zip(matrix[r], exact.numerators).reduce(ExactInt(0)) { $0 + $1.0 * $1.1 }
                #expect(lhs == exact.denominator * rhs[r])
            }
            if let word = IntegerLinearSystem.eliminate(Int64.self, rows), FractionFreeWidth.forRows(rows, extraSquares: 0) == .word {
                #expect(word.numerators == exact.numerators && word.denominator == exact.denominator)
            }
            if #available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *), FractionFreeWidth.forRows(rows, extraSquares: 0) != .unbounded {
                let wide = try #require(IntegerLinearSystem.eliminate(Int128.self, rows))
                #expect(wide.numerators == exact.numerators && wide.denominator == exact.denominator)
            }
            let solved = try #require(IntegerLinearSystem.solve(matrix, rhs))
            #expect(solved.numerators == exact.numerators && solved.denominator == exact.denominator)
        }
    }

    /// The zero sets of all vertices by the full integer tableau (``IntegerTableau``), an
    /// independent implementation of the same search.
    private func fullTableauVertices(_ matrix: [[ExactInt]]) -> [LabelSet] {
        let start = IntegerTableau(matrix: matrix)
        var visited: Set<LabelSet> = [start.basisSet]
        var seen: [LabelSet] = []
        var stack = [start]
        while let tableau = stack.popLast() {
            if !seen.contains(tableau.zeroVariables) { seen.append(tableau.zeroVariables) }
            let basis = tableau.basisSet
            for column in 0..<tableau.variableCount where !basis.contains(column) {
                for row in tableau.minimumRatioRows(entering: column) {
                    var next = basis
                    next.remove(tableau.basis[row])
                    next.insert(column)
                    guard visited.insert(next).inserted else { continue }
                    var neighbour = tableau
                    neighbour.pivot(row: row, column: column)
                    stack.append(neighbour)
                }
            }
        }
        return seen
    }
}
