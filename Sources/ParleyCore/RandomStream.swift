/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`).
///
/// Used only to expand seeds: each output is a bijective mix of a Weyl sequence, so nearby
/// seeds give unrelated states.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public private(set) var state: UInt64

    public init(state: UInt64) {
        self.state = state
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 output function (Stafford's "Mix13"): a bijection on 64-bit words.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman & Vigna 2018): 256 bits of state, period 2^256 − 1, passes
/// BigCrush; the generator behind every Parley random draw.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// Starts from an explicit state; an all-zero state (the one fixed point) becomes `(1, 0, 0, 0)`.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        if state == (0, 0, 0, 0) {
            self.state = (1, 0, 0, 0)
        } else {
            self.state = state
        }
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.state == rhs.state }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }
}

/// A reproducible stream of random numbers, derived from a master seed, an index (a Monte
/// Carlo replicate, a shard, a tournament match) and a purpose (`"monte-carlo"`,
/// `"ktab-transitions"`, ...), so that every consumer draws from its own stream and the bytes
/// of a result never depend on thread count, scheduling or sharding.
///
/// Derivation (documented, and re-implemented independently in `scripts/rng_reference.py`):
/// ```
/// h = mix(seed)
/// h = mix(h ^ mix(index &+ 0x9E3779B97F4A7C15))
/// h = mix(h ^ fnv1a64(utf8(purpose)))
/// state = four successive outputs of SplitMix64 started at h
/// ```
/// where `mix` is the SplitMix64 output function. Draws from the stream (uniform, normal,
/// truncated normal, bounded integers) are Parley's own, so they never depend on the
/// standard library's sampling algorithms.
public struct RandomStream: RandomNumberGenerator, Sendable, Hashable {
    private var generator: Xoshiro256StarStar

    /// The stream for (`seed`, `index`, `purpose`).
    public init(seed: UInt64, index: UInt64 = 0, purpose: String) {
        var h = SplitMix64.mix(seed)
        h = SplitMix64.mix(h ^ SplitMix64.mix(index &+ 0x9E37_79B9_7F4A_7C15))
        h = SplitMix64.mix(h ^ Self.fnv1a64(purpose))
        var expander = SplitMix64(state: h)
        generator = Xoshiro256StarStar(state: (expander.next(), expander.next(), expander.next(), expander.next()))
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        generator.next()
    }

    /// FNV-1a, 64-bit, over the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
