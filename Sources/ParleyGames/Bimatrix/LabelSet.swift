/// A set of small non-negative integers (labels, variable indices) below ``capacity``, as a
/// fixed pair of bit words so that it hashes and compares in a few instructions.
struct LabelSet: Sendable, Hashable {
    static let capacity = 128

    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init() {}

    init(_ members: some Sequence<Int>) {
        for member in members { insert(member) }
    }

    /// `0..<count`.
    static func range(_ count: Int) -> LabelSet { LabelSet(0..<count) }

    mutating func insert(_ member: Int) {
        if member < 64 { low |= 1 << UInt64(member) } else { high |= 1 << UInt64(member - 64) }
    }

    mutating func remove(_ member: Int) {
        if member < 64 { low &= ~(1 << UInt64(member)) } else { high &= ~(1 << UInt64(member - 64)) }
    }

    func contains(_ member: Int) -> Bool {
        member < 64 ? low & (1 << UInt64(member)) != 0 : high & (1 << UInt64(member - 64)) != 0
    }

    func union(_ other: LabelSet) -> LabelSet {
        var result = self
        result.low |= other.low
        result.high |= other.high
        return result
    }

    func subtracting(_ other: LabelSet) -> LabelSet {
        var result = self
        result.low &= ~other.low
        result.high &= ~other.high
        return result
    }

    func isSubset(of other: LabelSet) -> Bool {
        low & ~other.low == 0 && high & ~other.high == 0
    }

    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    var members: [Int] { (0..<Self.capacity).filter(contains) }
}
