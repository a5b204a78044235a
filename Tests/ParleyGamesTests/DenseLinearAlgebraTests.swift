@testable import ParleyGames
import Testing

@Suite struct DenseLinearAlgebraTests {
    /// The one-pass inverse applies exactly the floating-point operations of one `solve` per
    /// unit vector, so the two agree bit for bit; and A · A⁻¹ is the identity to rounding.
    @Test(arguments: [2, 3, 5, 9])
    func inverseMatchesSolvingForEachUnitVector(_ n: Int) throws {
        // A fixed, well-conditioned but unsymmetric matrix: a dominant diagonal plus a pattern.
        var a = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for r in 0..<n {
            for c in 0..<n {
                let pattern = Double((r * 7 + c * 3) % 5) - 2.5
                a[r][c] = r == c ? Double(n + 2 + r) : pattern
            }
        }
        let inverted = DenseLinearAlgebra.inverse(a)
        let inverse = try #require(inverted)
        for k in 0..<n {
            var unit = Array(repeating: 0.0, count: n)
            unit[k] = 1
            let solved = DenseLinearAlgebra.solve(a, unit)
            let column = try #require(solved)
            #expect((0..<n).allSatisfy { inverse[$0][k].bitPattern == column[$0].bitPattern })
        }
        for r in 0..<n {
            for c in 0..<n {
                var product = 0.0
                for j in 0..<n { product += a[r][j] * inverse[j][c] }
                let identity: Double = r == c ? 1 : 0
                #expect(abs(product - identity) < 1e-12)
            }
        }
    }

    @Test func singularMatricesHaveNoInverse() {
        // Row 2 is twice row 1; a zero row fails the scaling step.
        #expect(DenseLinearAlgebra.inverse([[1, 2], [2, 4]]) == nil)
        #expect(DenseLinearAlgebra.inverse([[1, 2], [0, 0]]) == nil)
        #expect(DenseLinearAlgebra.inverse([[1, 2, 3], [4, 5]]) == nil)
    }
}
