import BigInt

/// An exact dyadic rational `mantissa · 2^exponent`: sums, differences and products are exact
/// and need no greatest common divisor (exponents are aligned by shifting the mantissa with
/// the larger one), which is what makes ``RootCertificate``'s exact Krawczyk test cheap: every
/// number in it (the centre on a 2⁻⁵² grid, the radius a power of two, the preconditioner
/// rounded to a power of two, integer payoff differences) is dyadic.
///
/// The representation is not normalised (equal values may have different exponents); the
/// comparisons and ``signum`` are exact regardless.
struct Dyadic: Sendable, Comparable {
    var mantissa: ExactInt
    var exponent: Int

    init(_ mantissa: ExactInt, exponent: Int = 0) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    static let zero = Dyadic(0)
    static let one = Dyadic(1)

    var isZero: Bool { mantissa.isZero }
    var signum: Int { mantissa.signum }
    var magnitude: Dyadic { mantissa.signum < 0 ? -self : self }

    /// The nearest double (the mantissa's nearest double scaled by the power of two).
    var doubleValue: Double {
        var value = mantissa.doubleValue
        var e = exponent
        // Scale in steps that cannot overflow the exponent of a double on the way.
        while e > 0 { let step = min(e, 512); value *= Double(sign: .plus, exponent: step, significand: 1); e -= step }
        while e < 0 { let step = max(e, -512); value *= Double(sign: .plus, exponent: step, significand: 1); e -= step }
        return value
    }

    /// `2^k` for `k ≥ 0`.
    static func power(_ k: Int) -> ExactInt {
        if k < powers.count { return powers[k] }
        return ExactInt(BigInt(1) << k)
    }

    private static let powers: [ExactInt] = (0..<640).map { k in k < 62 ? ExactInt(1 << k) : ExactInt(BigInt(1) << k) }

    /// `value · 2^shift` for `shift ≥ 0`.
    private static func shifted(_ value: ExactInt, by shift: Int) -> ExactInt {
        shift == 0 ? value : value * power(shift)
    }

    static func + (lhs: Dyadic, rhs: Dyadic) -> Dyadic {
        if lhs.mantissa.isZero { return rhs }
        if rhs.mantissa.isZero { return lhs }
        if lhs.exponent == rhs.exponent { return Dyadic(lhs.mantissa + rhs.mantissa, exponent: lhs.exponent) }
        if lhs.exponent > rhs.exponent {
            return Dyadic(shifted(lhs.mantissa, by: lhs.exponent - rhs.exponent) + rhs.mantissa, exponent: rhs.exponent)
        }
        return Dyadic(lhs.mantissa + shifted(rhs.mantissa, by: rhs.exponent - lhs.exponent), exponent: lhs.exponent)
    }

    static prefix func - (value: Dyadic) -> Dyadic { Dyadic(-value.mantissa, exponent: value.exponent) }
    static func - (lhs: Dyadic, rhs: Dyadic) -> Dyadic { lhs + -rhs }

    static func * (lhs: Dyadic, rhs: Dyadic) -> Dyadic {
        if lhs.mantissa.isZero || rhs.mantissa.isZero { return .zero }
        return Dyadic(lhs.mantissa * rhs.mantissa, exponent: lhs.exponent + rhs.exponent)
    }

    static func += (lhs: inout Dyadic, rhs: Dyadic) { lhs = lhs + rhs }
    static func -= (lhs: inout Dyadic, rhs: Dyadic) { lhs = lhs - rhs }

    static func < (lhs: Dyadic, rhs: Dyadic) -> Bool { (lhs - rhs).signum < 0 }
    static func == (lhs: Dyadic, rhs: Dyadic) -> Bool { (lhs - rhs).isZero }
}
