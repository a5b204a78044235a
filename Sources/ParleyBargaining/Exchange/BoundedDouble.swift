import Synchronization

/// A binary64 value `value` with a rigorous bound `radius` on its distance from the
/// ``Decimal28`` that decide's arithmetic computes by the same operations on the same inputs:
/// |decimal − value| ≤ radius. The exchange model's default (``ExchangeModel/Parameters/Arithmetic/hybrid``)
/// computes in it: a comparison the bounds decide is decide's comparison; one they cannot decide
/// (a near-tie, a knife edge) is counted in the ``ExchangeAmbiguity`` in scope and answered by
/// the binary values, and the caller redoes that work in ``Decimal28``.
///
/// Each operation adds the binary rounding (half an ulp) and decide's 28-digit rounding (5e-28
/// relative), together bounded by 2⁻⁵² of the result, to the propagated radii, and the sum is
/// scaled up by 2⁻⁴⁹ so that rounding while computing the radius cannot make it too small.
/// - Complexity: every operation O(1).
@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
struct BoundedDouble: Sendable {
    var value: Double
    var radius: Double
    /// Where the value is one of decide's decimals as it stands (a position on the board or a
    /// realised voting position): its index in the ``ExchangeAmbiguity`` in scope, −1 otherwise.
    /// Two such values that the bounds cannot order are compared as those decimals.
    var origin: Int32 = -1

    /// A value known exactly (radius 0).
    init(exactly value: Double) {
        self.value = value
        radius = 0
    }

    init(value: Double, radius: Double) {
        self.value = value
        self.radius = radius
    }

    /// A binary approximation of a ``Decimal28``, with `origin` (see ``origin``).
    ///
    /// The coefficient is converted (within an ulp) and scaled by exact powers of ten, at most
    /// 10²² at a time (each step within half an ulp): at most three steps for the numbers of
    /// the exchange model, each counted in the radius. Far outside binary64's normal range
    /// it takes the correctly rounded ``Decimal28/double`` instead, a slower path.
    init(_ decimal: Decimal28, origin: Int32 = -1) {
        self.origin = origin
        if decimal.isZero {
            value = 0
            radius = 0
            return
        }
        // Two 64-bit halves (the high one exact below 2⁵³, as it is for 28 digits): at most
        // two roundings, an ulp together, as counted.
        let c = decimal.coefficient
        var v = Double(UInt64(truncatingIfNeeded: c >> 64)) * 0x1p64 + Double(UInt64(truncatingIfNeeded: c))
        var e = Int(decimal.exponent)
        var steps = 2  // the conversion: one ulp
        while e > 0, steps < 8 {
            let k = Swift.min(e, 22)
            v *= exactPowersOfTen[k]
            e -= k
            steps += 1
        }
        while e < 0, steps < 8 {
            let k = Swift.min(-e, 22)
            v /= exactPowersOfTen[k]
            e += k
            steps += 1
        }
        if e == 0, v.isNormal, Swift.abs(v) > 0x1p-900, Swift.abs(v) < 0x1p900 {
            value = decimal.negative ? -v : v
            // Each step is off by at most 2⁻⁵³ of its result; one step more covers compounding.
            radius = Self.widen(Swift.abs(v) * Double(steps + 1) * 0x1p-53)
        } else {
            value = decimal.double
            radius = Self.rounding(value)
        }
    }

    /// The most one rounded operation with result `x` can be off from decide's result on the
    /// same operands: half an ulp of binary plus 5e-28 relative of decimal, at most 2⁻⁵² |x|
    /// (and 2⁻¹⁰⁰⁰ near underflow).
    @inline(__always)
    static func rounding(_ x: Double) -> Double {
        Swift.max(Swift.abs(x) * 0x1p-52, 0x1p-1000)
    }

    /// Scales a sum of radii up to cover the rounding of computing it.
    @inline(__always)
    static func widen(_ r: Double) -> Double { r * (1 + 0x1p-49) }

    /// The sign of decide's `a − b`, or `nil` when the bounds cannot tell (counted as an ambiguity).
    @inline(__always)
    static func order(_ a: BoundedDouble, _ b: BoundedDouble) -> Int? {
        let difference = a.value - b.value
        if a.radius == 0 && b.radius == 0 {
            // Two exact values: the binary difference has the exact difference's sign.
            return difference < 0 ? -1 : (difference > 0 ? 1 : 0)
        }
        // The binary difference is off by at most 2⁻⁵³ of itself; the margin covers that twice.
        let margin = widen(a.radius + b.radius) + Swift.abs(difference) * 0x1p-51
        if difference > margin { return 1 }
        if difference < -margin { return -1 }
        if a.origin >= 0, b.origin >= 0 {
            // Two of decide's decimals as they stand: the same one, or compared exactly.
            if a.origin == b.origin { return 0 }
            if let table = ExchangeAmbiguity.current, let x = table.decimal(a.origin), let y = table.decimal(b.origin) {
                return Decimal28.compare(x, y)
            }
        }
        ExchangeAmbiguity.current?.record()
        return nil
    }
}

/// 10⁰ … 10²², each exactly a binary64.
private let exactPowersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
]

/// Counts the comparisons that ``BoundedDouble`` could not decide while it is in scope
/// (``ExchangeAmbiguity/current``). Only read between candidate calculations, by the round that
/// set it; the counter is atomic so that the type is `Sendable` without exceptions.
@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
final class ExchangeAmbiguity: Sendable {
    private let counter = Atomic<Int>(0)
    /// The decimals that ``BoundedDouble/origin`` indexes.
    private let decimals: Mutex<[Decimal28]>

    /// A counter, with `decimals` as the first origins (0, 1, …).
    init(decimals: [Decimal28] = []) {
        self.decimals = Mutex(decimals)
    }

    /// The counter the comparisons of this task report to (none outside a hybrid round).
    @TaskLocal static var current: ExchangeAmbiguity?

    /// One more undecided comparison.
    func record() { counter.add(1, ordering: .relaxed) }

    /// Undecided comparisons so far.
    var count: Int { counter.load(ordering: .relaxed) }

    /// `decimal` as a ``BoundedDouble`` with a new origin (or none, past Int32's range).
    func register(_ decimal: Decimal28) -> BoundedDouble {
        let origin = decimals.withLock { table -> Int32 in
            guard table.count < Int(Int32.max) else { return -1 }
            table.append(decimal)
            return Int32(table.count - 1)
        }
        return BoundedDouble(decimal, origin: origin)
    }

    /// The decimal with origin `origin`, if there is one.
    func decimal(_ origin: Int32) -> Decimal28? {
        decimals.withLock { table in origin >= 0 && Int(origin) < table.count ? table[Int(origin)] : nil }
    }
}

@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
extension BoundedDouble: Comparable {
    /// decide's `a < b` when the bounds decide it; otherwise binary's answer, and an ambiguity.
    static func < (a: BoundedDouble, b: BoundedDouble) -> Bool {
        if let sign = order(a, b) { return sign < 0 }
        return a.value < b.value
    }

    static func <= (a: BoundedDouble, b: BoundedDouble) -> Bool {
        if let sign = order(a, b) { return sign <= 0 }
        return a.value <= b.value
    }

    static func > (a: BoundedDouble, b: BoundedDouble) -> Bool { b < a }
    static func >= (a: BoundedDouble, b: BoundedDouble) -> Bool { b <= a }

    /// decide's `a == b`: decided only when the bounds are apart or both values are exact.
    static func == (a: BoundedDouble, b: BoundedDouble) -> Bool {
        if let sign = order(a, b) { return sign == 0 }
        return a.value == b.value
    }
}

@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
extension BoundedDouble: ExchangeNumber {
    static var zero: BoundedDouble { BoundedDouble(exactly: 0) }
    static var one: BoundedDouble { BoundedDouble(exactly: 1) }
    static var hundred: BoundedDouble { BoundedDouble(exactly: 100) }
    /// Computes (within its bounds) as decide does: decide's comparisons, no tolerances.
    static var isExact: Bool { true }

    /// decide reads the shortest text of `input` (within half an ulp of it) to 28 digits.
    init(input: Double) {
        value = input
        radius = input == 0 ? 0 : Self.rounding(input)
    }

    var double: Double { value }

    static func + (a: BoundedDouble, b: BoundedDouble) -> BoundedDouble {
        let v = a.value + b.value
        return BoundedDouble(value: v, radius: widen(a.radius + b.radius + rounding(v)))
    }

    static func - (a: BoundedDouble, b: BoundedDouble) -> BoundedDouble {
        let v = a.value - b.value
        return BoundedDouble(value: v, radius: widen(a.radius + b.radius + rounding(v)))
    }

    static func * (a: BoundedDouble, b: BoundedDouble) -> BoundedDouble {
        let v = a.value * b.value
        let propagated = Swift.abs(a.value) * b.radius + Swift.abs(b.value) * a.radius + a.radius * b.radius
        return BoundedDouble(value: v, radius: widen(propagated + rounding(v)))
    }

    /// |A/B − a/b| ≤ (ra + |a/b|·rb)/(|b| − rb) for |A − a| ≤ ra, |B − b| ≤ rb < |b|; a divisor
    /// whose bounds contain 0 gives an unbounded radius (every comparison then goes to decimals).
    static func / (a: BoundedDouble, b: BoundedDouble) -> BoundedDouble {
        let v = a.value / b.value
        let room = Swift.abs(b.value) - widen(b.radius)
        guard room > 0, v.isFinite else { return BoundedDouble(value: v.isFinite ? v : 0, radius: .infinity) }
        let propagated = (a.radius + Swift.abs(v) * b.radius) / room
        return BoundedDouble(value: v, radius: widen(widen(propagated) + rounding(v)))
    }

    static prefix func - (a: BoundedDouble) -> BoundedDouble { BoundedDouble(value: -a.value, radius: a.radius) }

    var magnitude: BoundedDouble { BoundedDouble(value: Swift.abs(value), radius: radius) }

    func times(exactly d: Double) -> BoundedDouble {
        let v = value * d
        return BoundedDouble(value: v, radius: Self.widen(radius * Swift.abs(d) + Self.rounding(v)))
    }

    func minus(exactly d: Double) -> BoundedDouble {
        let v = value - d
        return BoundedDouble(value: v, radius: Self.widen(radius + Self.rounding(v)))
    }

    /// decide's floor, the binary64 1e-10, as ``Decimal28`` holds it (28 digits of it: off by
    /// less than 1e-37).
    private static let floor = BoundedDouble(value: 1e-10, radius: 1e-37)

    var exceedsFloor: Bool { self > Self.floor }
    var belowFloor: Bool { self <= Self.floor }

    static func isOnOrLeft(_ position: BoundedDouble, of nbs: BoundedDouble) -> Bool { position <= nbs }
    static func isOnScale(_ position: BoundedDouble) -> Bool { position >= .zero && position <= .hundred }
    static func samePosition(_ a: BoundedDouble, _ b: BoundedDouble) -> Bool { a == b }

    /// As ``Decimal28`` computes it: two quotients, compared.
    static func ratioIsLess(_ a1: BoundedDouble, _ a2: BoundedDouble, than b1: BoundedDouble, _ b2: BoundedDouble) -> Bool {
        a1 / a2 < b1 / b2
    }

    static func edgeDistance(_ x: BoundedDouble, _ nbs: BoundedDouble) -> BoundedDouble { x - nbs }
    /// decide's 1e-9, which the binary 1e-9 misses by less than 1e-25.
    static let edgeTolerance = BoundedDouble(value: 1e-9, radius: 1e-25)
}
