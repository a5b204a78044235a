public import BigInt

/// An integer of any size that stays a machine word while it fits: arithmetic on small
/// values costs a few instructions, and only a result that overflows 64 bits moves to
/// `BigInt`.
///
/// The invariant: `.big` holds only values outside `Int.min...Int.max`, so equal values have
/// equal storage and `Hashable` is structural.
public struct ExactInt: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    @usableFromInline enum Storage: Sendable, Hashable {
        case small(Int)
        case big(BigInt)
    }

    @usableFromInline var storage: Storage

    @inlinable init(storage: Storage) { self.storage = storage }

    /// The machine integer `value`.
    @inlinable public init(_ value: Int) { storage = .small(value) }

    public init(integerLiteral value: Int) { storage = .small(value) }

    /// `value`, kept as a machine word when it fits.
    public init(_ value: BigInt) {
        // Read the magnitude's word directly: the generic `Int(exactly:)` costs more than the arithmetic.
        let magnitude = value.magnitude
        if magnitude.isZero {
            storage = .small(0)
        } else if magnitude.bitWidth <= 63, let word = magnitude.words.first {
            let small = Int(bitPattern: word)
            storage = .small(value.sign == .minus ? -small : small)
        } else {
            storage = .big(value)
        }
    }

    /// Parses optionally signed decimal digits; `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        if let small = Int(text) {
            storage = .small(small)
        } else if let big = BigInt(text, radix: 10) {
            storage = .big(big)
        } else {
            return nil
        }
    }

    /// The value as a `BigInt`.
    public var bigValue: BigInt {
        switch storage {
        case .small(let value):
            BigInt(sign: value < 0 ? .minus : .plus, magnitude: BigUInt(words: [value.magnitude]))
        case .big(let value): value
        }
    }

    /// The value as a machine integer, when it fits.
    @inlinable public var intValue: Int? {
        if case .small(let value) = storage { return value }
        return nil
    }

    /// The nearest `Double` (correctly rounded for machine words; within one ulp for large values).
    public var doubleValue: Double {
        switch storage {
        case .small(let value): Double(value)
        case .big(let value): Double(value)
        }
    }

    /// -1, 0 or 1.
    @inlinable public var signum: Int {
        switch storage {
        case .small(let value): value.signum()
        case .big(let value): value.signum() == 0 ? 0 : (value.sign == .minus ? -1 : 1)
        }
    }

    @inlinable public var isZero: Bool {
        if case .small(let value) = storage { return value == 0 }
        return false
    }

    public var magnitude: ExactInt { signum < 0 ? -self : self }

    public var description: String {
        switch storage {
        case .small(let value): String(value)
        case .big(let value): value.description
        }
    }

    @inlinable public static func + (lhs: ExactInt, rhs: ExactInt) -> ExactInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (sum, overflow) = a.addingReportingOverflow(b)
            if !overflow { return ExactInt(storage: .small(sum)) }
        }
        return ExactInt(lhs.bigValue + rhs.bigValue)
    }

    @inlinable public static func - (lhs: ExactInt, rhs: ExactInt) -> ExactInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            if !overflow { return ExactInt(storage: .small(difference)) }
        }
        return ExactInt(lhs.bigValue - rhs.bigValue)
    }

    @inlinable public static func * (lhs: ExactInt, rhs: ExactInt) -> ExactInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow { return ExactInt(storage: .small(product)) }
        }
        return ExactInt(lhs.bigValue * rhs.bigValue)
    }

    @inlinable public static prefix func - (value: ExactInt) -> ExactInt {
        if case .small(let a) = value.storage, a != Int.min { return ExactInt(storage: .small(-a)) }
        return ExactInt(-value.bigValue)
    }

    public static func += (lhs: inout ExactInt, rhs: ExactInt) { lhs = lhs + rhs }
    public static func -= (lhs: inout ExactInt, rhs: ExactInt) { lhs = lhs - rhs }
    public static func *= (lhs: inout ExactInt, rhs: ExactInt) { lhs = lhs * rhs }

    /// The quotient truncated towards zero; the divisor must not be zero (callers check).
    public func quotient(dividingBy divisor: ExactInt) -> ExactInt {
        if case .small(let a) = storage, case .small(let b) = divisor.storage, b != 0 {
            let (quotient, overflow) = a.dividedReportingOverflow(by: b)
            if !overflow { return ExactInt(storage: .small(quotient)) }
        }
        let bigDivisor = divisor.bigValue
        guard !bigDivisor.isZero else { return 0 }
        return ExactInt(bigValue / bigDivisor)
    }

    /// One integer (Bareiss) pivot on a row-major tableau of `rows` × `width` entries: every row
    /// but `row` is updated so that `column` becomes a unit column scaled by the pivot element,
    /// which is returned as the new common determinant. The pivot element must be positive.
    /// Cost: O(rows × width) updates; rows with a zero in `column` are only rescaled.
    static func pivotRows(
        _ entries: inout [ExactInt], rows: Int, width: Int, row: Int, column: Int, determinant previous: ExactInt
    ) -> ExactInt {
        let pivotRow = row * width
        let pivotElement = entries[pivotRow + column]
        for r in 0..<rows where r != row {
            let base = r * width
            let factor = entries[base + column]
            if factor.isZero {
                if pivotElement != previous {
                    for c in 0..<width where !entries[base + c].isZero {
                        entries[base + c] = pivotUpdate(entries[base + c], pivotElement, 0, 0, dividingBy: previous)
                    }
                }
                continue
            }
            for c in 0..<width {
                entries[base + c] = pivotUpdate(entries[base + c], pivotElement, factor, entries[pivotRow + c], dividingBy: previous)
            }
        }
        return pivotElement
    }

    /// `(self * b - c * d) / e`, the integer-pivoting (Bareiss) update, where the division is
    /// known to be exact. Stays in machine words when every intermediate value fits.
    @inlinable public static func pivotUpdate(_ a: ExactInt, _ b: ExactInt, _ c: ExactInt, _ d: ExactInt, dividingBy e: ExactInt) -> ExactInt {
        if case .small(let a0) = a.storage, case .small(let b0) = b.storage,
           case .small(let c0) = c.storage, case .small(let d0) = d.storage, case .small(let e0) = e.storage, e0 != 0 {
            let (p, o1) = a0.multipliedReportingOverflow(by: b0)
            let (q, o2) = c0.multipliedReportingOverflow(by: d0)
            if !o1, !o2 {
                let (r, o3) = p.subtractingReportingOverflow(q)
                if !o3 {
                    let (s, o4) = r.dividedReportingOverflow(by: e0)
                    if !o4 { return ExactInt(storage: .small(s)) }
                }
            }
        }
        return slowPivotUpdate(a, b, c, d, dividingBy: e)
    }

    @usableFromInline static func slowPivotUpdate(_ a: ExactInt, _ b: ExactInt, _ c: ExactInt, _ d: ExactInt, dividingBy e: ExactInt) -> ExactInt {
        let divisor = e.bigValue
        let numerator = a.bigValue * b.bigValue - c.bigValue * d.bigValue
        guard !divisor.isZero else { return ExactInt(numerator) }
        return ExactInt(numerator / divisor)
    }

    /// The greatest common divisor, non-negative.
    public static func gcd(_ a: ExactInt, _ b: ExactInt) -> ExactInt {
        if case .small(var x) = a.storage, case .small(var y) = b.storage, x != Int.min, y != Int.min {
            x = abs(x)
            y = abs(y)
            while y != 0 { (x, y) = (y, x % y) }
            return ExactInt(x)
        }
        return ExactInt(a.bigValue.greatestCommonDivisor(with: b.bigValue))
    }

    @inlinable public static func < (lhs: ExactInt, rhs: ExactInt) -> Bool {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage { return a < b }
        return lhs.bigValue < rhs.bigValue
    }
}
