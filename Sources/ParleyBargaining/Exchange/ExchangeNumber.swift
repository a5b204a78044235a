/// The arithmetic the exchange model computes in: `Double` (fast, with small tolerances where
/// decide compares numbers that are equal in exact arithmetic) or ``Decimal28`` (decide's own
/// 28-digit decimals, compared exactly as decide compares them). The model is generic over it
/// and specialised for both.
protocol ExchangeNumber: Sendable, Comparable {
    static var zero: Self { get }
    static var one: Self { get }
    static var hundred: Self { get }
    /// Whether this computes as decide does (no tolerances).
    static var isExact: Bool { get }
    /// How decide reads a number Parley wrote into its TSV.
    init(input: Double)
    var double: Double { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    var magnitude: Self { get }
    /// `self × d`, `d` converted exactly (decide's `Decimal(0.4)`), rounded once.
    func times(exactly d: Double) -> Self
    /// `self − d`, `d` converted exactly, rounded once.
    func minus(exactly d: Double) -> Self
    /// Python's `self > 1e-10` and `self < 1e-10` against the binary64 1e-10, decide's floor
    /// for moves and gains.
    var exceedsFloor: Bool { get }
    var belowFloor: Bool { get }
    /// decide's `position <= nbs` (left of the NBS or on it).
    static func isOnOrLeft(_ position: Self, of nbs: Self) -> Bool
    /// decide's `0 <= position <= 100` for a voting position.
    static func isOnScale(_ position: Self) -> Bool
    /// decide's `a == b` for two positions.
    static func samePosition(_ a: Self, _ b: Self) -> Bool
    /// decide's `a1/a2 < b1/b2` for positive saliences.
    static func ratioIsLess(_ a1: Self, _ a2: Self, than b1: Self, _ b2: Self) -> Bool
    /// `x − nbs` as decide's `check_nbs` sees it; Double snaps a residual of 1e-9 or less to 0,
    /// as exact arithmetic would have it.
    static func edgeDistance(_ x: Self, _ nbs: Self) -> Self
    /// 1e-9: an NBS this near the demanded position is on it (a knife edge, when reported).
    static var edgeTolerance: Self { get }
}

extension Double: ExchangeNumber {
    static var one: Double { 1 }
    static var hundred: Double { 100 }
    static var isExact: Bool { false }

    init(input: Double) { self = input }
    var double: Double { self }
    func times(exactly d: Double) -> Double { self * d }
    func minus(exactly d: Double) -> Double { self - d }
    var exceedsFloor: Bool { self > 1e-10 }
    var belowFloor: Bool { self < 1e-10 }

    static func isOnOrLeft(_ position: Double, of nbs: Double) -> Bool {
        // decide compares exact decimals, where a position equal to the NBS in exact
        // arithmetic stays equal, so binary round-off gets a little slack.
        position <= nbs + 1e-12 * Swift.max(1, Swift.abs(nbs))
    }

    static func isOnScale(_ position: Double) -> Bool {
        // A move "all the way to the other's position" lands exactly on 100 in decide's
        // decimals but may overshoot by one ulp in binary.
        position >= -ExchangeTolerance.bounds && position <= 100 + ExchangeTolerance.bounds
    }

    static func samePosition(_ a: Double, _ b: Double) -> Bool {
        Swift.abs(a - b) <= ExchangeTolerance.equalPosition
    }

    static func ratioIsLess(_ a1: Double, _ a2: Double, than b1: Double, _ b2: Double) -> Bool {
        // Cross-multiplied: the same order without the round-off of two quotients.
        a1 * b2 < b1 * a2
    }

    static var edgeTolerance: Double { ExchangeTolerance.equalPosition }

    static func edgeDistance(_ x: Double, _ nbs: Double) -> Double {
        Swift.abs(x - nbs) <= ExchangeTolerance.equalPosition ? 0 : x - nbs
    }
}

@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
extension Decimal28: ExchangeNumber {
    /// The binary64 1e-10 is 1.0000000000000000364321973154977…e-10; a number of 28 digits is
    /// above it exactly when it is above this truncation of it to 28 digits.
    static let floor = Decimal28(text: "1.000000000000000036432197315e-10") ?? .zero

    static var isExact: Bool { true }
    init(input: Double) { self = Decimal28(input) ?? .zero }
    var exceedsFloor: Bool { self > Self.floor }
    var belowFloor: Bool { self <= Self.floor }
    static func isOnOrLeft(_ position: Decimal28, of nbs: Decimal28) -> Bool { position <= nbs }
    static func isOnScale(_ position: Decimal28) -> Bool { position >= .zero && position <= .hundred }
    static func samePosition(_ a: Decimal28, _ b: Decimal28) -> Bool { a == b }
    static func ratioIsLess(_ a1: Decimal28, _ a2: Decimal28, than b1: Decimal28, _ b2: Decimal28) -> Bool { a1 / a2 < b1 / b2 }
    static func edgeDistance(_ x: Decimal28, _ nbs: Decimal28) -> Decimal28 { x - nbs }
    static let edgeTolerance = Decimal28(text: "1e-9") ?? .zero
}
