/// A decimal floating-point number that computes as Python's `decimal` module does in its
/// default context: 28 significant digits, every result of `+`, `−`, `×` and `÷` correctly
/// rounded (ROUND_HALF_EVEN) from the exact result, comparisons exact.
///
/// decide-exchange-model computes in that arithmetic; ``ExchangeModel`` uses this type for
/// ``ExchangeModel/Parameters/Arithmetic/decimal`` so that ties decided by the last of those 28
/// digits fall as they fall in decide. Only values matter: `1.0` and `1.00` are equal, and
/// results are the values Python gives, whatever exponent it would display them with. The
/// exponent range is Int32, far beyond decide's; there is no NaN or infinity (see ``/(_:_:)``).
///
/// Exact intermediate products and quotients use `UInt128`, hence macOS 15.
/// - Complexity: every operation O(1).
@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
public struct Decimal28: Sendable, Comparable, Hashable, CustomStringConvertible {
    /// Significant digits kept, Python's default `getcontext().prec`.
    public static let precision = 28

    /// The coefficient's magnitude, below 10^28; not normalised (trailing zeros may remain).
    var coefficient: UInt128
    var exponent: Int32
    var negative: Bool

    /// The value `(negative ? −1 : 1) · coefficient · 10^exponent`, rounded to 28 digits.
    public init(negative: Bool = false, coefficient: UInt128, exponent: Int) {
        self = Self.rounded(coefficient, exponent: exponent, negative: negative, sticky: false)
    }

    init(raw coefficient: UInt128, exponent: Int32, negative: Bool) {
        self.coefficient = coefficient
        self.exponent = exponent
        self.negative = negative && coefficient != 0
    }

    /// 0, 1 and 100, exactly.
    public static let zero = Decimal28(raw: 0, exponent: 0, negative: false)
    public static let one = Decimal28(raw: 1, exponent: 0, negative: false)
    public static let hundred = Decimal28(raw: 100, exponent: 0, negative: false)

    /// The integer `value`, exactly.
    public init(_ value: Int) {
        self = Self.rounded(UInt128(value.magnitude), exponent: 0, negative: value < 0, sticky: false)
    }

    /// The decimal text Swift prints for `value` (the shortest that reads back to the same
    /// `Double`: `24.81`, `0.0801`), which is what Parley writes into decide TSV and so what
    /// decide reads. `nil` for NaN and infinities.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(text: "\(value)")
    }

    /// Parses `12`, `-0.5`, `1.25e-7`, `3E+2`. Up to 28 significant digits are kept exactly;
    /// longer text is rounded half-even to 28 (Python would keep them until the first
    /// operation). `nil` when the text is not a decimal number.
    public init?(text: String) {
        var coefficient: UInt128 = 0
        var digits = 0, exponent = 0, negative = false, seenDigit = false, seenPoint = false, sticky = false
        var extra = 0  // significant digits beyond the 37 that are kept
        var lastDropped: UInt8 = 0
        var iterator = text.utf8.makeIterator()
        var character = iterator.next()
        if character == UInt8(ascii: "-") || character == UInt8(ascii: "+") {
            negative = character == UInt8(ascii: "-")
            character = iterator.next()
        }
        while let c = character {
            if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                seenDigit = true
                let digit = c - UInt8(ascii: "0")
                if digits < 37 {
                    if coefficient != 0 || digit != 0 { digits += 1 }
                    coefficient = coefficient * 10 + UInt128(digit)
                    if seenPoint { exponent -= 1 }
                } else {
                    // Beyond 37 digits: keep the first dropped digit and a sticky flag.
                    if extra == 0 { lastDropped = digit } else if digit != 0 { sticky = true }
                    extra += 1
                    if !seenPoint { exponent += 1 }
                }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                guard seenDigit else { return nil }
                var rest = ""
                while let d = iterator.next() { rest.unicodeScalars.append(Unicode.Scalar(d)) }
                guard let power = Int(rest), power.magnitude < 1_000_000_000 else { return nil }  // not `abs`: Int.min traps
                exponent += power
                character = nil
                break
            } else {
                return nil
            }
            character = iterator.next()
        }
        guard seenDigit else { return nil }
        if extra > 0 {
            // Fold the first dropped digit back in (38 digits fit in UInt128) so rounding sees it.
            coefficient = coefficient * 10 + UInt128(lastDropped)
            exponent -= 1
        }
        self = Self.rounded(coefficient, exponent: exponent, negative: negative, sticky: sticky)
    }

    /// The nearest `Double` (correctly rounded).
    public var double: Double {
        Double(scientific) ?? .nan
    }

    /// `coefficient e exponent`, for `Double(_:)`.
    private var scientific: String {
        (negative ? "-" : "") + String(coefficient) + "e" + String(exponent)
    }

    /// Python's `str(Decimal)` rules on this representation: plain notation when the exponent
    /// is at most 0 and the number not below 1e-6, scientific (`1.5E-7`, `1E+3`) otherwise.
    public var description: String {
        let digits = String(coefficient)
        let adjusted = Int(exponent) + digits.count - 1
        var body: String
        if exponent <= 0 && adjusted >= -6 {
            let point = digits.count + Int(exponent)
            if point > 0 {
                body = String(digits.prefix(point))
                if point < digits.count { body += "." + digits.dropFirst(point) }
            } else {
                body = "0." + String(repeating: "0", count: -point) + digits
            }
        } else {
            body = String(digits.prefix(1))
            if digits.count > 1 { body += "." + digits.dropFirst() }
            body += "E" + (adjusted >= 0 ? "+" : "") + String(adjusted)
        }
        return (negative ? "-" : "") + body
    }

    /// |self|.
    public var magnitude: Decimal28 { Decimal28(raw: coefficient, exponent: exponent, negative: false) }

    /// Whether the value is 0 (of either sign).
    public var isZero: Bool { coefficient == 0 }

    /// −x, exactly.
    public static prefix func - (x: Decimal28) -> Decimal28 {
        Decimal28(raw: x.coefficient, exponent: x.exponent, negative: !x.negative)
    }

    // MARK: Comparison

    /// Exact comparison of values, as Python compares decimals.
    public static func == (a: Decimal28, b: Decimal28) -> Bool { compare(a, b) == 0 }

    public static func < (a: Decimal28, b: Decimal28) -> Bool { compare(a, b) < 0 }

    /// Equal values hash alike, whatever their representation.
    public func hash(into hasher: inout Hasher) {
        // Equal values hash alike: strip trailing zeros first.
        var c = coefficient, e = exponent
        while c != 0, c % 10 == 0 {
            c /= 10
            e += 1
        }
        hasher.combine(c)
        hasher.combine(c == 0 ? 0 : e)
        hasher.combine(c != 0 && negative)
    }

    /// −1, 0 or 1 as `a` is below, equal to or above `b`, exactly.
    static func compare(_ a: Decimal28, _ b: Decimal28) -> Int {
        if a.coefficient == 0 || b.coefficient == 0 {
            if a.coefficient == 0 && b.coefficient == 0 { return 0 }
            if a.coefficient == 0 { return b.negative ? 1 : -1 }
            return a.negative ? -1 : 1
        }
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let m = compareMagnitudes(a, b)
        return a.negative ? -m : m
    }

    static func compareMagnitudes(_ a: Decimal28, _ b: Decimal28) -> Int {
        let da = digitCount(a.coefficient), db = digitCount(b.coefficient)
        let adjustedA = Int(a.exponent) + da, adjustedB = Int(b.exponent) + db
        if adjustedA != adjustedB { return adjustedA < adjustedB ? -1 : 1 }
        // Same magnitude order: line the coefficients up (both under 10^28, so this fits).
        var ca = a.coefficient, cb = b.coefficient
        if da < db { ca *= ten(db - da) } else if db < da { cb *= ten(da - db) }
        return ca == cb ? 0 : (ca < cb ? -1 : 1)
    }

    // MARK: Arithmetic

    /// The sum and difference, rounded to 28 digits from the exact result.
    public static func + (a: Decimal28, b: Decimal28) -> Decimal28 { add(a, b, negateB: false) }

    public static func - (a: Decimal28, b: Decimal28) -> Decimal28 { add(a, b, negateB: true) }

    /// The product, rounded to 28 digits from the exact result.
    public static func * (a: Decimal28, b: Decimal28) -> Decimal28 {
        let negative = a.negative != b.negative
        let exponent = Int(a.exponent) + Int(b.exponent)
        let product = a.coefficient.multipliedFullWidth(by: b.coefficient)
        if product.high == 0 {
            return rounded(product.low, exponent: exponent, negative: negative, sticky: false)
        }
        return roundedWide(high: product.high, low: product.low, exponent: exponent, negative: negative)
    }

    /// The quotient rounded to 28 digits. Division by zero gives zero (Python raises); the
    /// exchange model never divides by zero, since stances without weight take no part.
    public static func / (a: Decimal28, b: Decimal28) -> Decimal28 {
        guard b.coefficient != 0, a.coefficient != 0 else { return .zero }
        let negative = a.negative != b.negative
        let la = digitCount(a.coefficient), lb = digitCount(b.coefficient)
        // As Python does: a quotient of 29 or 30 digits, and a remainder that only says
        // whether anything is left (then the last digit is nudged off 0 or 5, so that rounding
        // to 28 digits sees "more than half" or "less than half" correctly).
        let shift = lb - la + precision + 1
        let exponent = Int(a.exponent) - Int(b.exponent) - shift
        var numerator: (high: UInt128, low: UInt128)
        var divisor = b.coefficient
        if shift >= 0 {
            if shift <= 38 {
                numerator = a.coefficient.multipliedFullWidth(by: ten(shift))
            } else {
                numerator = (a.coefficient * ten(shift - 38)).multipliedFullWidth(by: ten(38))
            }
        } else {
            numerator = (0, a.coefficient)
            divisor *= ten(-shift)
        }
        let (quotient, remainder) = divisor.dividingFullWidth(numerator)
        var q = quotient
        if remainder != 0, q % 5 == 0 { q += 1 }
        return rounded(q, exponent: exponent, negative: negative, sticky: false)
    }

    /// `a + b` (or `a − b`), exactly then rounded. Far below the result's last digit, `b` only
    /// matters as "a little more" or "a little less", so it is cut to a sticky digit there,
    /// which keeps every intermediate within 32 digits.
    static func add(_ x: Decimal28, _ y: Decimal28, negateB: Bool) -> Decimal28 {
        var b = y
        if negateB { b.negative = !b.negative && b.coefficient != 0 }
        var a = x
        if a.coefficient == 0 {
            if b.coefficient == 0 { return .zero }
            return b
        }
        if b.coefficient == 0 { return a }
        // a: the operand with the larger magnitude order.
        var da = digitCount(a.coefficient), db = digitCount(b.coefficient)
        if Int(a.exponent) + da < Int(b.exponent) + db {
            swap(&a, &b)
            swap(&da, &db)
        }
        let top = Int(a.exponent) + da - 1
        let floor = top - 30
        let minExponent = min(Int(a.exponent), Int(b.exponent))
        let sameSign = a.negative == b.negative
        if minExponent >= floor {
            // Exact: both line up within 31 digits.
            let ca = a.coefficient * ten(Int(a.exponent) - minExponent)
            let cb = b.coefficient * ten(Int(b.exponent) - minExponent)
            if sameSign { return rounded(ca + cb, exponent: minExponent, negative: a.negative, sticky: false) }
            if ca >= cb { return rounded(ca - cb, exponent: minExponent, negative: a.negative, sticky: false) }
            return rounded(cb - ca, exponent: minExponent, negative: b.negative, sticky: false)
        }
        // b lies entirely below 10^(top − 3) (its exponent is below `floor` and it has at most
        // 28 digits), so |a ± b| > 0.9·10^top and the result's last digit is at 10^(top − 28)
        // or above: digits of b below 10^floor only decide which side of a rounding boundary
        // the sum falls, and a single sticky digit at 10^(floor − 1) says that just as well.
        let ca = a.coefficient * ten(Int(a.exponent) - floor)
        let (cb, rest) = divide(b.coefficient, byPowerOfTen: floor - Int(b.exponent))
        let sticky: UInt128 = rest ? 1 : 0
        let sum = sameSign ? (ca + cb) * 10 + sticky : (ca - cb) * 10 - sticky
        return rounded(sum, exponent: floor - 1, negative: a.negative, sticky: false)
    }

    // MARK: Exact binary operands

    /// `self × d` with `d` taken exactly as the binary64 value it is, rounded once: Python's
    /// `Decimal(x) * Decimal(d)` where `Decimal(d)` converts a float without rounding.
    public func times(exactly d: Double) -> Decimal28 {
        guard let exact = ExactDecimal.of(d) else { return .zero }
        return ExactDecimal(self).times(exact).rounded28()
    }

    /// `self − d` with `d` taken exactly as the binary64 value it is, rounded once.
    public func minus(exactly d: Double) -> Decimal28 {
        guard let exact = ExactDecimal.of(d) else { return self }
        return ExactDecimal(self).plus(exact.negated()).rounded28()
    }

    // MARK: Rounding

    /// 10^k for k in 0...38 (0 otherwise), from 64-bit constants.
    static func ten(_ k: Int) -> UInt128 {
        k <= 19 ? UInt128(ten64(k)) : (k <= 38 ? UInt128(ten64(19)) * UInt128(ten64(k - 19)) : 0)
    }

    /// 10^k for k in 0...19 (0 otherwise).
    static func ten64(_ k: Int) -> UInt64 {
        k >= 0 && k < powersOfTen.count ? powersOfTen[k] : 0
    }

    /// Digits of `x` (0 for 0).
    static func digitCount(_ x: UInt128) -> Int {
        if x == 0 { return 0 }
        let bits = 128 - x.leadingZeroBitCount
        let estimate = (bits * 1233) >> 12
        return estimate + (x >= ten(estimate) ? 1 : 0)
    }

    /// `x / 10^k` and whether anything was left over.
    static func divide(_ x: UInt128, byPowerOfTen k: Int) -> (UInt128, Bool) {
        if k <= 0 { return (x, false) }
        if k > 38 { return (0, x != 0) }
        if k <= 19 {
            let (q, r) = divide(x, by: ten64(k))
            return (q, r != 0)
        }
        let (q, r) = x.quotientAndRemainder(dividingBy: ten(k))
        return (q, r != 0)
    }

    /// `x / d` for a 64-bit divisor: one or two 64-bit divisions.
    static func divide(_ x: UInt128, by d: UInt64) -> (UInt128, UInt64) {
        let high = UInt64(truncatingIfNeeded: x >> 64), low = UInt64(truncatingIfNeeded: x)
        if high == 0 {
            let (q, r) = low.quotientAndRemainder(dividingBy: d)
            return (UInt128(q), r)
        }
        let (q1, r1) = high.quotientAndRemainder(dividingBy: d)
        let (q0, r0) = d.dividingFullWidth((r1, low))
        return ((UInt128(q1) << 64) | UInt128(q0), r0)
    }

    /// `x · 10^exponent` rounded half-even to 28 digits; `sticky` says something nonzero lies
    /// below `x`'s last digit.
    static func rounded(_ x: UInt128, exponent: Int, negative: Bool, sticky: Bool) -> Decimal28 {
        let digits = digitCount(x)
        if digits <= precision {
            return Decimal28(raw: x, exponent: Int32(clamping: exponent), negative: negative)
        }
        let k = digits - precision
        // x has at most 39 digits, so k ≤ 11 and 10^k fits in 64 bits: one division, and the
        // remainder against half of 10^k decides.
        let d = ten64(k)
        var (result, rest) = divide(x, by: d)
        let half = d / 2
        if rest > half || (rest == half && (sticky || result & 1 == 1)) { result += 1 }
        var e = exponent + k
        if result == ten(precision) {
            result = ten(precision - 1)
            e += 1
        }
        return Decimal28(raw: result, exponent: Int32(clamping: e), negative: negative)
    }

    /// As ``rounded(_:exponent:negative:sticky:)`` for a 256-bit `high · 2^128 + low` with
    /// `high` nonzero (a product of two coefficients of up to 28 digits: 39 to 56 digits).
    static func roundedWide(high: UInt128, low: UInt128, exponent: Int, negative: Bool) -> Decimal28 {
        let bits = 256 - high.leadingZeroBitCount
        let estimate = (bits * 1233) >> 12
        let power = estimate <= 38 ? (high: UInt128(0), low: ten(estimate)) : ten(estimate - 38).multipliedFullWidth(by: ten(38))
        let digits = estimate + ((high, low) >= (power.high, power.low) ? 1 : 0)
        var k = digits - precision
        var limbs = (UInt64(truncatingIfNeeded: high >> 64), UInt64(truncatingIfNeeded: high),
                     UInt64(truncatingIfNeeded: low >> 64), UInt64(truncatingIfNeeded: low))
        var sticky = false
        var d: UInt64 = 0
        var r: UInt64 = 0
        // Divide by 10^19 while more than 19 digits go, then by the rest; only the last
        // remainder is compared with half, the earlier ones only break a tie.
        while true {
            let step = min(k, 19)
            d = ten64(step)
            (limbs.0, r) = limbs.0.quotientAndRemainder(dividingBy: d)
            (limbs.1, r) = d.dividingFullWidth((r, limbs.1))
            (limbs.2, r) = d.dividingFullWidth((r, limbs.2))
            (limbs.3, r) = d.dividingFullWidth((r, limbs.3))
            k -= step
            if k == 0 { break }
            if r != 0 { sticky = true }
        }
        var result = (UInt128(limbs.2) << 64) | UInt128(limbs.3)
        let half = d / 2
        if r > half || (r == half && (sticky || result & 1 == 1)) { result += 1 }
        var e = exponent + digits - precision
        if result == ten(precision) {
            result = ten(precision - 1)
            e += 1
        }
        return Decimal28(raw: result, exponent: Int32(clamping: e), negative: negative)
    }
}

/// 10^0 … 10^19: a literal table, which the compiler lays out statically (no lazy
/// initialisation on the hot path).
private let powersOfTen: [UInt64] = [
    1,
    10,
    100,
    1000,
    10000,
    100000,
    1000000,
    10000000,
    100000000,
    1000000000,
    10000000000,
    100000000000,
    1000000000000,
    10000000000000,
    100000000000000,
    1000000000000000,
    10000000000000000,
    100000000000000000,
    1000000000000000000,
    10000000000000000000,
]
