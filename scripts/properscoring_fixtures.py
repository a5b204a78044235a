"""Writes CRPS and central-interval fixtures for ParleySimulation's ForecastScores (see
properscoring_fixtures.sh). Samples are fixed here or drawn from numpy's seeded generator and
written out in full, so the Swift test needs no random numbers of its own."""
import json

import numpy as np
import properscoring as ps


def case(name, sample, observation):
    sample = [float(x) for x in sample]
    intervals = {}
    for level in (0.5, 0.8):
        low, high = np.quantile(np.array(sample), [(1 - level) / 2, (1 + level) / 2])
        intervals[str(int(level * 100))] = [float(low), float(high)]
    return {
        "name": name,
        "sample": sample,
        "observation": float(observation),
        "crps": float(ps.crps_ensemble(observation, np.array(sample))),
        "central_50": intervals["50"],
        "central_80": intervals["80"],
    }


rng = np.random.default_rng(20011205)
cases = [
    case("one point above", [42.0], 60.0),
    case("one point equal", [60.0], 60.0),
    case("two points straddling", [40.0, 70.0], 60.0),
    case("ties", [50.0, 50.0, 50.0, 65.0, 65.0], 55.0),
    case("observation below all", [10.0, 12.5, 30.0, 31.0], 0.0),
    case("normal 17", np.round(rng.normal(55.0, 8.0, 17), 6), 60.0),
    case("uniform 100", np.round(rng.uniform(0.0, 100.0, 100), 6), 37.5),
    case("skewed 250", np.round(100.0 * rng.beta(2.0, 5.0, 250), 6), 48.0),
]
print(json.dumps({"generator": f"properscoring {getattr(ps, '__version__', '0.1')}, numpy {np.__version__}",
                  "cases": cases}, indent=1))
