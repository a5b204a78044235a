/// An exact decimal with an unbounded coefficient, for the few places where decide mixes in a
/// binary64 converted without rounding (Python's `Decimal(0.4)` is
/// 0.40000000000000002220446049250313080847263336181640625): its ``Decimal28`` results are
/// rounded once from the exact value, as Python rounds them. Slow (arrays), and used only there.
@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
struct ExactDecimal: Sendable {
    var negative: Bool
    /// The coefficient's magnitude, base 2^32, least significant limb first, no leading zeros.
    var limbs: [UInt32]
    var exponent: Int

    /// The exact value of `d`: m·2^e is m·5^(−e)·10^e for e < 0. `nil` for NaN and infinities.
    init?(_ d: Double) {
        guard d.isFinite else { return nil }
        negative = d.sign == .minus
        var m = d.significandBitPattern
        var e = Int(d.exponentBitPattern) - 1075
        if d.exponentBitPattern == 0 { e = -1074 } else { m |= 1 << 52 }
        limbs = Self.limbs(of: m)
        exponent = 0
        if e >= 0 {
            for _ in 0..<e { Self.multiply(&limbs, by: 2) }
        } else {
            for _ in 0..<(-e) { Self.multiply(&limbs, by: 5) }
            exponent = e
        }
    }

    /// decide's weights 0.4 and 0.1, converted once.
    private static let decideWeights: [(Double, ExactDecimal)] = [0.4, 0.1].compactMap { d in ExactDecimal(d).map { (d, $0) } }

    /// ``init(_:)-(Double)``, from a table for decide's weights (the exchange model converts them
    /// for every realised move).
    static func of(_ d: Double) -> ExactDecimal? {
        for (weight, exact) in decideWeights where weight == d { return exact }
        return ExactDecimal(d)
    }

    init(_ x: Decimal28) {
        negative = x.negative
        limbs = Self.limbs(of: UInt64(truncatingIfNeeded: x.coefficient))
        let high = Self.limbs(of: UInt64(truncatingIfNeeded: x.coefficient >> 64))
        if !high.isEmpty {
            while limbs.count < 2 { limbs.append(0) }
            limbs += high
        }
        exponent = Int(x.exponent)
    }

    private init(negative: Bool, limbs: [UInt32], exponent: Int) {
        self.negative = negative
        self.limbs = limbs
        self.exponent = exponent
        Self.trim(&self.limbs)
    }

    func negated() -> ExactDecimal {
        ExactDecimal(negative: !negative, limbs: limbs, exponent: exponent)
    }

    func times(_ other: ExactDecimal) -> ExactDecimal {
        var product = [UInt32](repeating: 0, count: limbs.count + other.limbs.count)
        for (i, a) in limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in other.limbs.enumerated() {
                let t = UInt64(a) * UInt64(b) + UInt64(product[i + j]) + carry
                product[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            product[i + other.limbs.count] = UInt32(truncatingIfNeeded: carry)
        }
        return ExactDecimal(negative: negative != other.negative, limbs: product, exponent: exponent + other.exponent)
    }

    func plus(_ other: ExactDecimal) -> ExactDecimal {
        let e = min(exponent, other.exponent)
        var a = limbs, b = other.limbs
        for _ in 0..<(exponent - e) { Self.multiply(&a, by: 10) }
        for _ in 0..<(other.exponent - e) { Self.multiply(&b, by: 10) }
        if negative == other.negative {
            return ExactDecimal(negative: negative, limbs: Self.add(a, b), exponent: e)
        }
        if Self.compare(a, b) >= 0 {
            return ExactDecimal(negative: negative, limbs: Self.subtract(a, b), exponent: e)
        }
        return ExactDecimal(negative: other.negative, limbs: Self.subtract(b, a), exponent: e)
    }

    /// Rounded half-even to 28 digits.
    func rounded28() -> Decimal28 {
        // Cut the coefficient to below 2¹²⁸ (still 38 digits or more when anything is cut),
        // remembering whether a nonzero digit was cut, then round it as Decimal28 rounds.
        var rest = limbs
        var exponent = exponent
        var sticky = false
        while rest.count > 5 {
            if Self.divide(&rest, by: 1_000_000_000) != 0 { sticky = true }
            exponent += 9
        }
        while rest.count > 4 {
            if Self.divide(&rest, by: 10) != 0 { sticky = true }
            exponent += 1
        }
        guard exponent.magnitude < 1 << 30 else { return slowlyRounded28() }
        var coefficient: UInt128 = 0
        for limb in rest.reversed() { coefficient = coefficient << 32 | UInt128(limb) }
        // More than 28 digits whenever something was cut, so `sticky` is seen.
        return Decimal28.rounded(coefficient, exponent: exponent, negative: negative, sticky: sticky)
    }

    /// ``rounded28()`` through decimal text.
    private func slowlyRounded28() -> Decimal28 {
        var digits = ""
        var rest = limbs
        while !rest.isEmpty {
            let chunk = Self.divide(&rest, by: 1_000_000_000)
            let text = String(chunk)
            digits = (rest.isEmpty ? text : String(repeating: "0", count: 9 - text.count) + text) + digits
        }
        if digits.isEmpty { return .zero }
        return Decimal28(text: (negative ? "-" : "") + digits + "e" + String(exponent)) ?? .zero
    }

    // MARK: Magnitudes

    private static func limbs(of x: UInt64) -> [UInt32] {
        var result = [UInt32(truncatingIfNeeded: x), UInt32(truncatingIfNeeded: x >> 32)]
        trim(&result)
        return result
    }

    private static func trim(_ x: inout [UInt32]) {
        while let last = x.last, last == 0 { x.removeLast() }
    }

    private static func multiply(_ x: inout [UInt32], by factor: UInt32) {
        var carry: UInt64 = 0
        for i in x.indices {
            let t = UInt64(x[i]) * UInt64(factor) + carry
            x[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        if carry != 0 { x.append(UInt32(carry)) }
    }

    /// Divides in place; returns the remainder.
    private static func divide(_ x: inout [UInt32], by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for i in x.indices.reversed() {
            let t = (remainder << 32) | UInt64(x[i])
            x[i] = UInt32(t / UInt64(divisor))
            remainder = t % UInt64(divisor)
        }
        trim(&x)
        return UInt32(remainder)
    }

    private static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        var carry: UInt64 = 0
        for i in 0..<max(a.count, b.count) {
            let t = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            result.append(UInt32(truncatingIfNeeded: t))
            carry = t >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return result
    }

    /// a − b for a ≥ b.
    private static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var t = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
            borrow = t < 0 ? 1 : 0
            if t < 0 { t += 1 << 32 }
            result.append(UInt32(t))
        }
        trim(&result)
        return result
    }

    private static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var a = a, b = b
        trim(&a)
        trim(&b)
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in a.indices.reversed() where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }
}
