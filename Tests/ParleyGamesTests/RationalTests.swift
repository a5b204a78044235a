import ParleyGames
import Testing

@Suite struct RationalTests {
    @Test(arguments: [
        ("3", "3"), ("-2", "-2"), ("1/3", "1/3"), ("2/4", "1/2"), ("-6/4", "-3/2"), ("+5/10", "1/2"),
        ("0.25", "1/4"), (".5", "1/2"), ("-1.5e-3", "-3/2000"), ("2E4", "20000"), ("1.131000", "1131/1000"), ("0/7", "0"),
    ])
    func parsesExactly(text: String, expected: String) throws {
        let value = try #require(Rational(text))
        #expect(value.description == expected)
    }

    @Test(arguments: ["", "1/0", "a", "1/-2", "1..2", "--1", "1e", "3/ 4"])
    func refusesMalformedText(text: String) {
        #expect(Rational(text) == nil)
    }

    @Test func arithmeticIsExactAndReduced() throws {
        let third = try #require(Rational("1/3"))
        let sixth = try #require(Rational("1/6"))
        #expect((third + sixth).description == "1/2")  // 2/6 + 1/6 = 3/6
        #expect((third - sixth * 2).isZero)
        #expect((third / sixth).description == "2")
        #expect(third > sixth)
        #expect((-third).description == "-1/3")
        #expect(abs(third.doubleValue - 1.0 / 3.0) < 1e-15)
    }

    @Test func overflowMovesToBigIntegers() throws {
        // (2^62)^2 = 2^124 does not fit 64 bits; dividing back must give 2^62 exactly.
        let big = Rational(ExactInt(1 << 62))
        let square = big * big
        #expect(square.description == "21267647932558653966460912964485513216")
        #expect(square / big == big)
        let tiny = try #require(Rational(numerator: 1, denominator: ExactInt(1 << 62)))
        #expect((tiny * tiny * square) == .one)
    }

    @Test func pivotUpdateMatchesDirectArithmetic() {
        // (a*b - c*d) / e with a product that overflows Int: (2^40 * 2^40 - 2^41 * 2^39) / 3 = 0.
        let a = ExactInt(1 << 40)
        #expect(ExactInt.pivotUpdate(a, a, ExactInt(1 << 41), ExactInt(1 << 39), dividingBy: 3) == 0)
        #expect(ExactInt.pivotUpdate(7, 6, 4, 3, dividingBy: 5) == 6)  // (42 - 12) / 5
    }
}
