@testable import ParleyGames
import Testing

@Suite struct DyadicTests {
    /// `m · 2^e` as a reduced rational, computed independently of ``Dyadic``'s alignment.
    static func rational(_ m: Int, _ e: Int) -> Rational { rational(ExactInt(m), e) }

    static func rational(_ m: ExactInt, _ e: Int) -> Rational {
        var power = Rational.one
        for _ in 0..<abs(e) { power = power * Rational(2) }
        return e >= 0 ? Rational(m) * power : Rational(m) / power
    }

    static let values: [(Int, Int)] = [(3, -52), (-5, -52), (7, 0), (-1, -30), (123_456_789, -200), (0, -7), (1 << 60, -3), (-9, 4)]

    /// Sums, differences, products and order agree with rational arithmetic on every pair,
    /// including exponents far apart (alignment by 2¹⁹⁶) and mantissas near 2⁶³ (big products).
    @Test(arguments: values)
    func arithmeticMatchesRationals(_ a: (Int, Int)) {
        for b in Self.values {
            let x = Dyadic(ExactInt(a.0), exponent: a.1)
            let y = Dyadic(ExactInt(b.0), exponent: b.1)
            let p = Self.rational(a.0, a.1)
            let q = Self.rational(b.0, b.1)
            for (value, expected) in [(x + y, p + q), (x - y, p - q), (x * y, p * q)] {
                #expect(Self.rational(value) == expected)
            }
            #expect((x < y) == (p < q))
            #expect((x == y) == (p == q))
            #expect(x.magnitude.signum == (p.signum == 0 ? 0 : 1))
        }
    }

    /// 2⁻³⁰ (the certificate's radius) and 3 · 2⁻² convert to doubles exactly.
    @Test func doubleValues() {
        #expect(Dyadic(1, exponent: -30).doubleValue == 9.313225746154785e-10)
        #expect(Dyadic(3, exponent: -2).doubleValue == 0.75)
        #expect(Dyadic(-5, exponent: 3).doubleValue == -40)
    }

    static func rational(_ value: Dyadic) -> Rational { rational(value.mantissa, value.exponent) }
}
