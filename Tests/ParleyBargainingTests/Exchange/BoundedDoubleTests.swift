@testable import ParleyBargaining
import ParleyCore
import Testing

/// BoundedDouble's promise, checked against Decimal28 itself: whatever chain of operations, the
/// decimal result lies within the bound of the binary one, and every comparison the bounds
/// decide is the decimals' comparison.
@Suite struct BoundedDoubleTests {
    /// Random operands of the exchange model's sizes (positions 0–100, saliences 0–1, tiny gains).
    private static func operand(_ stream: inout RandomStream) -> Decimal28 {
        let exponent = [-12, -3, 0, 1, 2][Int(stream.nextInt(below: 5))]
        let digits = stream.nextInt(below: 1_000_000_000_000_000)
        return Decimal28(negative: stream.nextUnit() < 0.2, coefficient: UInt128(digits), exponent: exponent - 15)
    }

    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    @Test(arguments: [1, 2, 3]) func decimalStaysWithinTheBoundAndDecidedComparisonsAgree(seed: UInt64) throws {
        var stream = RandomStream(seed: seed, purpose: "bounded-double-test")
        var decided = 0, undecided = 0
        for _ in 0..<2_000 {
            var d = Self.operand(&stream)
            var b = BoundedDouble(d)
            // A chain of 12 operations, as deep as the model's gains.
            for _ in 0..<12 {
                let e = Self.operand(&stream)
                let c = BoundedDouble(e)
                switch stream.nextInt(below: 4) {
                case 0: (d, b) = (d + e, b + c)
                case 1: (d, b) = (d - e, b - c)
                case 2: (d, b) = (d * e, b * c)
                default:
                    guard !e.isZero else { continue }
                    (d, b) = (d / e, b / c)
                }
            }
            // |d − b.value| ≤ radius, up to the rounding of d to binary (half an ulp).
            #expect((d.double - b.value).magnitude <= b.radius + d.double.magnitude * 0x1p-52,
                    "\(d) vs \(b.value) ± \(b.radius)")
            // Against a value within a few ulps (a near-tie) and one far off.
            for other in [d.double.nextUp.nextUp, d.double * 1.001 + 1e-3] {
                guard let o = Decimal28(other) else { continue }
                if let sign = BoundedDouble.order(b, BoundedDouble(o)) {
                    decided += 1
                    #expect(sign == Decimal28.compare(d, o), "\(d) vs \(o)")
                } else {
                    undecided += 1
                }
            }
        }
        // Far values are decided, near-ties are not: both kinds occur.
        #expect(decided >= 2_000)
        #expect(undecided >= 500)
    }

    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    @Test func aKnifeEdgeIsLeftToDecimals() {
        // (1/3)·3 is 1 in binary but 0.9999999999999999999999999999 in decide's decimals: the
        // bounds must not call them equal (nor order them), and the comparison is counted.
        let third = BoundedDouble.one / BoundedDouble(exactly: 3)
        let product = third * BoundedDouble(exactly: 3)
        #expect(product.value == 1)
        #expect((Decimal28.one / Decimal28(3)) * Decimal28(3) < Decimal28.one)
        let ambiguity = ExchangeAmbiguity()
        ExchangeAmbiguity.$current.withValue(ambiguity) {
            #expect(BoundedDouble.order(product, .one) == nil)
            _ = product < .one
        }
        #expect(ambiguity.count == 2)
        // Exact values are ordered exactly, far ones by their bounds.
        #expect(BoundedDouble.order(.hundred, .hundred) == 0)
        #expect(BoundedDouble.order(product, .hundred) == -1)
    }
}
