#!/usr/bin/env python3
"""Independent reference for Parley's random streams (ParleyCore/RandomStream.swift).

Re-implements, in plain Python integers, SplitMix64, xoshiro256** and Parley's documented
stream derivation (master seed, index, purpose), and prints the values that
Tests/ParleyCoreTests/RandomStreamTests.swift pins. Normal quantiles are checked against
scipy.stats.norm.ppf when scipy is importable.

Run: python3 scripts/rng_reference.py
"""
M = (1 << 64) - 1


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


class SplitMix64:
    def __init__(self, state):
        self.state = state & M

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & M
        return mix64(self.state)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


class Xoshiro256StarStar:
    def __init__(self, s):
        self.s = list(s)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * 0x100000001B3) & M
    return h


def stream(seed, index, purpose):
    h = mix64(seed & M)
    h = mix64(h ^ mix64((index + 0x9E3779B97F4A7C15) & M))
    h = mix64(h ^ fnv1a64(purpose))
    sm = SplitMix64(h)
    return Xoshiro256StarStar([sm.next() for _ in range(4)])


if __name__ == "__main__":
    sm = SplitMix64(1234567)
    print("splitmix64(1234567):", [sm.next() for _ in range(5)])
    x = Xoshiro256StarStar([1, 2, 3, 4])
    print("xoshiro256**(1,2,3,4):", [x.next() for _ in range(6)])
    print("fnv1a64('monte-carlo'):", fnv1a64("monte-carlo"))
    s = stream(42, 0, "monte-carlo")
    print("stream(42,0,'monte-carlo'):", [s.next() for _ in range(4)])
    s = stream(42, 1, "monte-carlo")
    print("stream(42,1,'monte-carlo'):", [s.next() for _ in range(2)])
    s = stream(42, 0, "ktab-transitions")
    print("stream(42,0,'ktab-transitions'):", [s.next() for _ in range(2)])
    s = stream(42, 0, "monte-carlo")
    words = [s.next() for _ in range(3)]
    print("unit [0,1):", [repr((w >> 11) * 2.0**-53) for w in words])
    try:
        from scipy.stats import norm
        for p in (0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 1e-10, 1 - 1e-10):
            print("ppf", p, repr(float(norm.ppf(p))))
        for x in (-3.0, -1.0, 0.0, 0.5, 2.0):
            print("cdf", x, repr(float(norm.cdf(x))))
    except ImportError:
        print("scipy not available: quantiles not checked")
