import BigInt

/// An exact rational number `numerator / denominator`, always in lowest terms with a positive
/// denominator, so equal values compare and hash equal.
///
/// Payoffs, probabilities and equilibrium values are `Rational` so that the equilibria Parley
/// reports are exact and compare exactly against Gambit's and lrsnash's. Arithmetic stays in
/// machine words until a value outgrows them (see ``ExactInt``).
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let numerator: ExactInt
    /// Always positive.
    public let denominator: ExactInt

    public static let zero = Rational(0)
    public static let one = Rational(1)

    /// The integer `value`.
    public init(_ value: Int) {
        numerator = ExactInt(value)
        denominator = 1
    }

    public init(integerLiteral value: Int) { self.init(value) }

    /// The integer `value`.
    public init(_ value: ExactInt) {
        numerator = value
        denominator = 1
    }

    /// `numerator / denominator` reduced; `nil` when the denominator is zero.
    public init?(numerator: ExactInt, denominator: ExactInt) {
        guard !denominator.isZero else { return nil }
        self.init(reducing: numerator, denominator)
    }

    /// `numerator / denominator` reduced (the denominator must be non-zero).
    init(reducing numerator: ExactInt, _ denominator: ExactInt) {
        var n = numerator
        var d = denominator
        if d.signum < 0 {
            n = -n
            d = -d
        }
        if d == 1 {
            self.numerator = n
            self.denominator = d
            return
        }
        let g = ExactInt.gcd(n, d)
        if g != 1, !g.isZero {
            n = n.quotient(dividingBy: g)
            d = d.quotient(dividingBy: g)
        }
        if n.isZero { d = 1 }
        self.numerator = n
        self.denominator = d
    }

    /// The most digits `init(_:)` (from text) reads in a number (mantissa, or each side of a fraction):
    /// 1,000. Readers name this limit in their errors; it keeps a hostile file from costing
    /// quadratic time in digit conversion and in every later operation.
    public static let maximumDigits = 1_000

    /// The largest decimal exponent magnitude `init(_:)` (from text) accepts: 4,000 (`1e4000`, `1e-4000`).
    public static let maximumExponent = 4_000

    /// Parses `3`, `-2`, `1/3`, `0.25`, `.5`, `-1.5e-3` and `2E4` exactly (a decimal is read as
    /// the fraction it denotes, not through `Double`). `nil` for anything else, and for more
    /// than ``maximumDigits`` digits or an exponent beyond ``maximumExponent``.
    /// - Complexity: O(d²) for d ≤ ``maximumDigits`` digits, plus O(e²) for the exponent e.
    public init?(_ text: some StringProtocol) {
        let text = String(text)
        // Two signs, a dot, an exponent and its sign and digits: a small allowance over the digits.
        guard text.utf8.count <= 2 * Self.maximumDigits + 16 else { return nil }
        if let slash = text.firstIndex(of: "/") {
            let top = text[..<slash]
            let bottom = text[text.index(after: slash)...]
            guard top.utf8.count <= Self.maximumDigits + 1, bottom.utf8.count <= Self.maximumDigits,
                  let n = ExactInt(top.hasPrefix("+") ? top.dropFirst() : top),
                  !bottom.hasPrefix("-"), !bottom.hasPrefix("+"),
                  let d = ExactInt(bottom), !d.isZero else { return nil }
            self.init(reducing: n, d)
            return
        }
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("+") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponentText = body[body.index(after: e)...]
            // `magnitude`, not `abs`: `abs(Int.min)` traps (`1e-9223372036854775808`).
            guard let parsed = Int(exponentText.hasPrefix("+") ? exponentText.dropFirst() : exponentText),
                  parsed.magnitude <= UInt(Self.maximumExponent) else { return nil }
            exponent = parsed
            body = body[..<e]
        }
        var digits = ""
        var fractionDigits = 0
        var sawDot = false
        for character in body {
            if character == "." {
                if sawDot { return nil }
                sawDot = true
            } else if character.isASCII, character.isNumber {
                digits.append(character)
                if sawDot { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        guard !digits.isEmpty, digits.utf8.count <= Self.maximumDigits, let mantissa = ExactInt(digits) else { return nil }
        let scale = exponent - fractionDigits
        let power = Rational.powerOfTen(abs(scale))
        let value = scale >= 0 ? Rational(mantissa * power) : Rational(reducing: mantissa, power)
        self = negative ? -value : value
    }

    private static func powerOfTen(_ n: Int) -> ExactInt {
        var result: ExactInt = 1
        for _ in 0..<n { result *= 10 }
        return result
    }

    /// The nearest `Double` (to within a few ulps for very large numerators and denominators).
    public var doubleValue: Double {
        if let n = numerator.intValue, let d = denominator.intValue {
            return Double(n) / Double(d)
        }
        let n = numerator.doubleValue
        let d = denominator.doubleValue
        if n.isFinite, d.isFinite { return n / d }
        // Both huge: drop low bits until the quotient is representable.
        let shift = max(numerator.bigValue.magnitude.bitWidth, denominator.bigValue.magnitude.bitWidth) - 1000
        return Double(numerator.bigValue >> shift) / Double(denominator.bigValue >> shift)
    }

    public var signum: Int { numerator.signum }
    public var isZero: Bool { numerator.isZero }
    public var isInteger: Bool { denominator == 1 }

    /// `3`, `-1/3`: the form Gambit and lrsnash print.
    public var description: String {
        denominator == 1 ? numerator.description : "\(numerator)/\(denominator)"
    }

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.denominator == rhs.denominator {
            return Rational(reducing: lhs.numerator + rhs.numerator, lhs.denominator)
        }
        return Rational(reducing: lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + (-rhs) }

    public static prefix func - (value: Rational) -> Rational {
        Rational(unchecked: -value.numerator, value.denominator)
    }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        Rational(reducing: lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }

    /// The quotient; division by zero gives zero, so callers check the divisor first.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        guard !rhs.isZero else { return .zero }
        return Rational(reducing: lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }
    public static func *= (lhs: inout Rational, rhs: Rational) { lhs = lhs * rhs }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        if lhs.denominator == rhs.denominator { return lhs.numerator < rhs.numerator }
        return lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    private init(unchecked numerator: ExactInt, _ denominator: ExactInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The least common multiple of the denominators of `values` (1 for none).
    public static func commonDenominator(_ values: some Sequence<Rational>) -> ExactInt {
        var result: ExactInt = 1
        for value in values where value.denominator != 1 {
            let g = ExactInt.gcd(result, value.denominator)
            result = result * value.denominator.quotient(dividingBy: g)
        }
        return result
    }
}
