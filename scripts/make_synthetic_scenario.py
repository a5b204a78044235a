#!/usr/bin/env python3
"""Writes a KTAB-like random scenario in Parley YAML, for benchmarks.

Positions uniform on 0-100, capabilities uniform in 1-200, saliences per stakeholder scaled so
they sum to at most 100 (KTAB's rule), with a default uncertainty section so Monte Carlo has
something to draw. Deterministic for a given seed (Python's random.Random).

Usage: python3 scripts/make_synthetic_scenario.py STAKEHOLDERS ISSUES SEED [--forum] > scenario.yaml

With --forum every issue gets a status quo (uniform on 0-100, before the stakeholders are drawn,
so the rest of the file is unchanged) and the scenario a qualified-majority forum (threshold 0.6)
with actor-0 as its agenda setter, so that the procedural model runs too.
"""
import random
import sys


def main():
    n, k, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    forum = "--forum" in sys.argv[4:]
    rng = random.Random(seed)
    quos = random.Random(seed + 1_000_003)
    print("format: parley/1")
    print(f"name: Synthetic {n} x {k} (seed {seed})")
    if forum:
        print("forum: {rule: qualified-majority, threshold: 0.6, setter: actor-0}")
    print("issues:")
    for d in range(k):
        quo = f", status_quo: {{value: {quos.uniform(0, 100):.2f}}}" if forum else ""
        print(f"  - {{id: dim-{d}, name: Dimension {d}, scale: {{min: 0, max: 100}}{quo}}}")
    print("stakeholders:")
    for i in range(n):
        raw = [rng.uniform(0.05, 1) for _ in range(k)]
        share = rng.uniform(0.5, 1)
        print(f"  - id: actor-{i}")
        print(f"    name: Actor {i}")
        print(f"    capability: {rng.uniform(1, 200):.2f}")
        print("    stances:")
        for d in range(k):
            salience = int(100 * share * raw[d] / sum(raw) * 100) / 100
            print(f"      dim-{d}: {{position: {rng.uniform(0, 100):.2f}, salience: {salience}}}")
    print("uncertainty:")
    print("  position: {sd: 8}")
    print("  salience: {sd: 10}")
    print("  capability: {relative-sd: 0.25}")


if __name__ == "__main__":
    main()
