import BigInt
import Foundation

/// Integer arithmetic for fraction-free (Bareiss) pivoting: the update `(a·p − f·g) / e`, whose
/// division is exact, and the sign of `a·b − c·d` for ratio tests.
///
/// Fixed-width conformers (`Int64`, `Int128`) are valid only while every entry of the system
/// fits in the type; ``FractionFreeWidth`` proves that in advance with Hadamard's bound, so the
/// hot loops carry no overflow checks. Their products are formed in double width and the
/// exact division is a multiplication by the divisor's inverse modulo 2^bits, which is far
/// cheaper than a hardware or software division. ``ExactInt`` is the unbounded fallback.
protocol FractionFreeInteger: Sendable, Equatable {
    /// A divisor prepared for repeated exact division.
    associatedtype Divisor
    /// `value` in this type, or `nil` when it does not fit.
    init?(exactly value: ExactInt)
    var exactValue: ExactInt { get }
    static var zeroValue: Self { get }
    static var oneValue: Self { get }
    static prefix func - (value: Self) -> Self
    /// -1, 0 or 1.
    var pivotSign: Int { get }
    static func divisor(_ value: Self) -> Divisor
    /// `(a·p − f·g) / d`, where the caller knows the division is exact and the result fits.
    static func fractionFreeUpdate(_ a: Self, _ p: Self, _ f: Self, _ g: Self, over d: Divisor) -> Self
    /// The sign of `a·b − c·d` (-1, 0 or 1), exactly.
    static func compareProducts(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Int
}

/// Which integer width holds every entry of a fraction-free elimination, decided before it starts.
enum FractionFreeWidth: Sendable {
    case word, doubleWord, unbounded

    /// The width for eliminating in the rows of `matrix` (with any unit and right-hand-side
    /// columns counted in `extraSquares`, added to each row's squared norm).
    ///
    /// Every entry of a Bareiss elimination (and of an integer-pivoting tableau) is, up to sign,
    /// a minor of the original rows; Hadamard's inequality bounds any minor by the product of
    /// the Euclidean norms of its rows, and so by the product of all row norms (each taken at
    /// least 1). A width is chosen when that bound is at most 2^(bits − 4): products of two
    /// entries and their difference then fit in double width, with bits to spare for rounding.
    static func forRows(_ matrix: [[ExactInt]], extraSquares: Double) -> FractionFreeWidth {
        var log2Bound = 0.0
        for row in matrix {
            var squares = extraSquares
            for entry in row {
                let value = entry.doubleValue
                squares += value * value
            }
            guard squares.isFinite else { return .unbounded }
            log2Bound += 0.5 * log2(max(squares, 1))
        }
        if log2Bound <= 60 { return .word }
        if log2Bound <= 124 { return .doubleWord }
        return .unbounded
    }
}

/// Shared double-width arithmetic for the fixed-width conformers.
extension FixedWidthInteger where Self: SignedInteger, Magnitude: FixedWidthInteger & UnsignedInteger {
    /// `a·p − f·g` in double width (high word signed, low word unsigned); exact when both
    /// products are below 2^(2·bits − 2) in magnitude.
    @inline(__always)
    static func wideDifference(_ a: Self, _ p: Self, _ f: Self, _ g: Self) -> (high: Self, low: Magnitude) {
        let x = a.multipliedFullWidth(by: p)
        let y = f.multipliedFullWidth(by: g)
        let (low, borrow) = x.low.subtractingReportingOverflow(y.low)
        return (x.high &- y.high &- (borrow ? 1 : 0), low)
    }

    /// The power of two in `value` (non-zero) and the inverse of its odd part modulo 2^bits.
    @inline(__always)
    static func oddInverse(_ value: Self) -> (shift: Int, inverse: Magnitude) {
        let shift = value.trailingZeroBitCount
        let odd = Magnitude(truncatingIfNeeded: value &>> Self(truncatingIfNeeded: shift))
        // Newton's iteration x ← x(2 − o·x) doubles the correct low bits; o·o ≡ 1 mod 8 starts at 3.
        var inverse = odd
        var bits = 3
        while bits < Self.bitWidth {
            inverse = inverse &* (2 &- odd &* inverse)
            bits *= 2
        }
        return (shift, inverse)
    }

    /// `(high, low) / (2^shift · odd)` when the division is exact and the quotient fits in `Self`.
    @inline(__always)
    static func exactQuotient(_ high: Self, _ low: Magnitude, shift: Int, inverse: Magnitude) -> Self {
        // The low word of the double word shifted right by `shift` (0 ≤ shift < bits); shifting
        // the high word in two steps gives 0 for shift 0 without a branch.
        let top = (Magnitude(truncatingIfNeeded: high) &<< 1) &<< Magnitude(truncatingIfNeeded: Self.bitWidth - 1 - shift)
        let shifted = (low &>> Magnitude(truncatingIfNeeded: shift)) | top
        return Self(truncatingIfNeeded: shifted &* inverse)
    }

    @inline(__always)
    static func signOfProductDifference(_ a: Self, _ b: Self, _ c: Self, _ d: Self) -> Int {
        let x = a.multipliedFullWidth(by: b)
        let y = c.multipliedFullWidth(by: d)
        if x.high != y.high { return x.high < y.high ? -1 : 1 }
        if x.low != y.low { return x.low < y.low ? -1 : 1 }
        return 0
    }
}

/// The exact division `(a·p − f·g) / e` by the inverse of `e`'s odd part: `e = 2^s·o` with `o`
/// odd; the double-width numerator is divisible by `2^s`, so shifting it is exact, and
/// multiplying by `o⁻¹ mod 2^bits` then gives the quotient modulo 2^bits, which is the quotient
/// because it fits.
struct OddInverseDivisor<Word: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    var shift: Int
    var inverse: Word
}

extension Int64: FractionFreeInteger {
    typealias Divisor = OddInverseDivisor<UInt64>

    init?(exactly value: ExactInt) {
        guard let small = value.intValue else { return nil }
        self = Int64(small)
    }

    var exactValue: ExactInt { ExactInt(Int(self)) }
    static var zeroValue: Int64 { 0 }
    static var oneValue: Int64 { 1 }
    var pivotSign: Int { self > 0 ? 1 : (self < 0 ? -1 : 0) }

    @inline(__always)
    static func divisor(_ value: Int64) -> Divisor {
        let (shift, inverse) = oddInverse(value)
        return Divisor(shift: shift, inverse: inverse)
    }

    @inline(__always)
    static func fractionFreeUpdate(_ a: Int64, _ p: Int64, _ f: Int64, _ g: Int64, over d: Divisor) -> Int64 {
        let (high, low) = wideDifference(a, p, f, g)
        return exactQuotient(high, low, shift: d.shift, inverse: d.inverse)
    }

    @inline(__always)
    static func compareProducts(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Int {
        signOfProductDifference(a, b, c, d)
    }
}

@available(macOS 15, iOS 18, watchOS 11, tvOS 18, visionOS 2, *)
extension Int128: FractionFreeInteger {
    typealias Divisor = OddInverseDivisor<UInt128>

    init?(exactly value: ExactInt) {
        if let small = value.intValue {
            self = Int128(small)
        } else if let wide = Int128(exactly: value.bigValue) {
            self = wide
        } else {
            return nil
        }
    }

    var exactValue: ExactInt {
        if let small = Int(exactly: self) { return ExactInt(small) }
        return ExactInt(BigInt(self))
    }

    static var zeroValue: Int128 { 0 }
    static var oneValue: Int128 { 1 }
    var pivotSign: Int { self > 0 ? 1 : (self < 0 ? -1 : 0) }

    @inline(__always)
    static func divisor(_ value: Int128) -> Divisor {
        let (shift, inverse) = oddInverse(value)
        return Divisor(shift: shift, inverse: inverse)
    }

    @inline(__always)
    static func fractionFreeUpdate(_ a: Int128, _ p: Int128, _ f: Int128, _ g: Int128, over d: Divisor) -> Int128 {
        // Most entries stay below 2^63: then the numerator fits one 128-bit word.
        if let a64 = Int64(exactly: a), let p64 = Int64(exactly: p), let f64 = Int64(exactly: f), let g64 = Int64(exactly: g) {
            let x = Int128(a64) &* Int128(p64) &- Int128(f64) &* Int128(g64)
            return (x &>> Int128(d.shift)) &* Int128(bitPattern: d.inverse)
        }
        let (high, low) = wideDifference(a, p, f, g)
        return exactQuotient(high, low, shift: d.shift, inverse: d.inverse)
    }

    @inline(__always)
    static func compareProducts(_ a: Int128, _ b: Int128, _ c: Int128, _ d: Int128) -> Int {
        if let a64 = Int64(exactly: a), let b64 = Int64(exactly: b), let c64 = Int64(exactly: c), let d64 = Int64(exactly: d) {
            let x = Int128(a64) &* Int128(b64)
            let y = Int128(c64) &* Int128(d64)
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        return signOfProductDifference(a, b, c, d)
    }
}

extension ExactInt: FractionFreeInteger {
    typealias Divisor = ExactInt

    init?(exactly value: ExactInt) { self = value }
    var exactValue: ExactInt { self }
    static var zeroValue: ExactInt { 0 }
    static var oneValue: ExactInt { 1 }
    var pivotSign: Int { signum }
    static func divisor(_ value: ExactInt) -> ExactInt { value }

    @inline(__always)
    static func fractionFreeUpdate(_ a: ExactInt, _ p: ExactInt, _ f: ExactInt, _ g: ExactInt, over d: ExactInt) -> ExactInt {
        pivotUpdate(a, p, f, g, dividingBy: d)
    }

    static func compareProducts(_ a: ExactInt, _ b: ExactInt, _ c: ExactInt, _ d: ExactInt) -> Int {
        let x = a * b
        let y = c * d
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}
