/// A sum of doubles kept exactly (Shewchuk's non-overlapping partials, 1997) and rounded once,
/// correctly, when read (the algorithm of Python's `math.fsum`).
///
/// The spatial model values a bargain by summing n utilities. Two bargains that leave the
/// same multiset of positions are worth exactly the same, but a plain sum in a different order
/// can differ in the last bit, and KTAB's coalition floor of 1e-8 magnifies that bit into a
/// visible difference in selection probabilities. A correctly rounded sum does not depend on
/// order, so equal states tie exactly and the direct and the incremental valuations agree bit
/// for bit.
struct ExactSum: Sendable, Hashable {
    private(set) var partials: [Double] = []

    init() {
        partials.reserveCapacity(4)
    }

    /// Adds `value` exactly. - Complexity: O(p) for p partials (a handful in practice).
    mutating func add(_ value: Double) {
        var x = value
        var kept = 0
        for index in partials.indices {
            var y = partials[index]
            if abs(x) < abs(y) { swap(&x, &y) }
            let high = x + y
            let low = y - (high - x)
            if low != 0 {
                partials[kept] = low
                kept += 1
            }
            x = high
        }
        partials.removeSubrange(kept...)
        partials.append(x)
    }

    /// The sum, correctly rounded to the nearest double (ties to even).
    var value: Double {
        guard var n = partials.indices.last else { return 0 }
        var high = partials[n]
        var low = 0.0
        while n > 0 {
            let x = high
            n -= 1
            let y = partials[n]
            high = x + y
            low = y - (high - x)
            if low != 0 { break }
        }
        // Round half-way cases by the sign of what lies below them.
        if n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0)) {
            let y = low * 2
            let x = high + y
            if y == x - high { high = x }
        }
        return high
    }
}
