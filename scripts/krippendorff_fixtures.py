"""Writes Krippendorff's alpha (interval metric) for small reliability matrices as JSON.

Each case: "data" is units x coders (rows are units, as Parley's KrippendorffAlpha takes them),
null for a missing value; "alpha" is krippendorff.alpha(reliability_data=coders x units,
level_of_measurement="interval"), or null when the package returns NaN.
"""
import json
import math
import random

import krippendorff
import numpy as np


def case(name, units):
    coders = max(len(row) for row in units)
    matrix = np.array([[row[c] if c < len(row) and row[c] is not None else np.nan for row in units]
                       for c in range(coders)], dtype=float)
    try:
        alpha = float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="interval"))
    except (ValueError, ZeroDivisionError):
        alpha = float("nan")
    return {"name": name, "data": units, "alpha": None if math.isnan(alpha) else alpha}


def main():
    cases = []
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 observers x 12 units
    # example with missing values; its published interval alpha is 0.849.
    textbook = [
        [1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5], [None, None, 1, 1], [None, None, 3, None],
    ]
    cases.append(case("krippendorff-2011-example", textbook))
    rng = random.Random(20011205)
    for index in range(12):
        units = rng.randint(3, 9)
        coders = rng.randint(2, 4)
        spread = rng.choice([2.0, 10.0, 30.0])
        rows = []
        for _ in range(units):
            truth = rng.uniform(0, 100)
            row = []
            for _ in range(coders):
                if rng.random() < 0.2:
                    row.append(None)
                else:
                    row.append(round(min(100, max(0, truth + rng.gauss(0, spread))), 1))
            rows.append(row)
        cases.append(case(f"random-{index}", rows))
    # One case per line, so diffs stay readable.
    print('{"generator": "scripts/krippendorff_fixtures.py", "package": "krippendorff 0.9.0", "cases": [')
    print(",\n".join(json.dumps(c) for c in cases))
    print("]}")


main()
