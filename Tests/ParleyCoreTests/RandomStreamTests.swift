import ParleyCore
import Testing

/// Pinned outputs. Published vectors come from the algorithms' authors; the stream values from
/// `scripts/rng_reference.py`, an independent Python implementation of the documented derivation.
@Suite struct RandomStreamTests {
    @Test func splitMix64MatchesVignaReference() {
        // Vigna's splitmix64.c, seed 1234567 (the vector also used by Java's SplittableRandom tests).
        var generator = SplitMix64(state: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in generator.next() } == expected)
    }

    @Test func xoshiro256StarStarMatchesPublishedVector() {
        // xoshiro256** from state (1, 2, 3, 4): the vector in the reference implementation's tests.
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600]
        #expect((0..<6).map { _ in generator.next() } == expected)
    }

    @Test func derivedStreamsArePinned() {
        // scripts/rng_reference.py: stream(42, 0, 'monte-carlo') and neighbours.
        var stream = RandomStream(seed: 42, index: 0, purpose: "monte-carlo")
        #expect((0..<4).map { _ in stream.next() } == [
            10_685_106_061_978_551_292, 5_221_394_471_516_824_511, 798_786_609_929_728_121, 5_813_299_895_056_687_303,
        ])
        var next = RandomStream(seed: 42, index: 1, purpose: "monte-carlo")
        #expect([next.next(), next.next()] == [15_913_435_265_541_789_894, 18_438_895_839_503_116_910])
        var other = RandomStream(seed: 42, index: 0, purpose: "ktab-transitions")
        #expect([other.next(), other.next()] == [5_523_740_060_054_969_546, 8_994_349_593_179_406_024])
        #expect(RandomStream.fnv1a64("monte-carlo") == 17_549_218_926_858_300_852)
    }

    @Test func unitDrawsArePinned() {
        // scripts/rng_reference.py: (word >> 11) * 2^-53 for the first three words of stream(42, 0, 'monte-carlo').
        var stream = RandomStream(seed: 42, index: 0, purpose: "monte-carlo")
        #expect(stream.nextUnit() == 0.5792407602817589)
        #expect(stream.nextUnit() == 0.2830523614711171)
        #expect(stream.nextUnit() == 0.043302308891907115)
    }

    @Test(arguments: [
        // scipy.stats.norm.ppf (scripts/rng_reference.py prints these).
        (0.001, -3.090232306167813), (0.025, -1.9599639845400545), (0.3, -0.5244005127080409),
        (0.5, 0.0), (0.8, 0.8416212335729143), (0.975, 1.959963984540054),
        (1e-10, -6.361340902404056), (1 - 1e-10, 6.361340889697422),
    ])
    func normalQuantileMatchesScipy(p: Double, expected: Double) {
        let value = NormalDistribution.quantile(p)
        #expect(abs(value - expected) <= 1e-14 * max(1, abs(expected)))
    }

    @Test(arguments: [
        (-3.0, 0.0013498980316300933), (-1.0, 0.15865525393145707), (0.0, 0.5),
        (0.5, 0.6914624612740131), (2.0, 0.9772498680518208),
    ])
    func normalCDFMatchesScipy(x: Double, expected: Double) {
        #expect(abs(NormalDistribution.cdf(x) - expected) <= 1e-15)
    }

    @Test func truncatedNormalStaysInsideAndMatchesItsQuantiles() {
        var stream = RandomStream(seed: 7, purpose: "test")
        for _ in 0..<10_000 {
            let x = stream.nextTruncatedNormal(mean: 90, sd: 20, lower: 0, upper: 100)
            #expect((0...100).contains(x))
        }
        // The median of N(0,1) truncated to [0, ∞) is Φ⁻¹(0.75) = 0.6744897501960817 (scipy).
        let median = NormalDistribution.truncatedQuantile(0.5, mean: 0, sd: 1, lower: 0, upper: .infinity)
        #expect(abs(median - 0.6744897501960817) < 1e-12)
        // Far tail: N(0,1) on [40, 41] has no double-precision mass; the nearest bound is returned.
        #expect(NormalDistribution.truncatedQuantile(0.5, mean: 0, sd: 1, lower: 40, upper: 41) == 40)
        #expect(NormalDistribution.truncatedQuantile(0.5, mean: 3, sd: 0, lower: 0, upper: 1) == 1)
    }

    @Test func normalDrawsHaveTheRightMoments() {
        var stream = RandomStream(seed: 2026, purpose: "moments")
        let n = 200_000
        var sum = 0.0
        var squares = 0.0
        for _ in 0..<n {
            let x = stream.nextNormal(mean: 5, sd: 2)
            sum += x
            squares += x * x
        }
        let mean = sum / Double(n)
        let variance = squares / Double(n) - mean * mean
        // Standard error of the mean is 2/sqrt(200000) ≈ 0.0045: allow five of them.
        #expect(abs(mean - 5) < 0.023)
        #expect(abs(variance - 4) < 0.06)
    }

    @Test func boundedIntegersAreUniformAndInRange() {
        var stream = RandomStream(seed: 1, purpose: "dice")
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 {
            let k = Int(stream.nextInt(below: 6))
            counts[k] += 1
        }
        // Each face expects 10,000 with sd ≈ 91: a chi-square-free bound of ±5 sd.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 460 })
    }

    @Test func sameSeedGivesSameBytesAndDifferentPurposeDiffers() {
        var a = RandomStream(seed: 99, index: 3, purpose: "x")
        var b = RandomStream(seed: 99, index: 3, purpose: "x")
        var c = RandomStream(seed: 99, index: 3, purpose: "y")
        let first = (0..<16).map { _ in a.next() }
        #expect(first == (0..<16).map { _ in b.next() })
        #expect(first != (0..<16).map { _ in c.next() })
    }
}
