#!/usr/bin/env python3
"""Independent reference implementation of Bueno de Mesquita's expected-utility model.

Plain Python 3, no dependencies. It implements the canonical equations of
/work/shared/reference/bargaining-models.md ("Expected utility model") with the same named
options as Parley's ExpectedUtilityModel.Parameters, written from the equations, not from the
Swift code, so the Swift tests can compare against it.

Usage:
    python3 scripts/eum_reference.py            # rewrite Tests/ParleyBargainingTests/Fixtures/eum/ec-*.json
    python3 scripts/eum_reference.py --explain  # print every step of the 3-actor hand-worked case
    python3 scripts/eum_reference.py --summary  # one line per EC fixture: stop reason and forecast

Options (names as in the JSON fixtures):
    vote_kernel        linear | risk-power
    probability        pair-share | net-vote | all-pairs
    median             condorcet | mean | median-then-mean
    q                  number in [0, 1]
    t                  number in [0, 1] or "conditional"
    risk_reference     all-actors | own-alternatives
    opponent_risk      evaluator | target
    offer_acceptance   smallest-move | max-eu-then-nearest | scholz-type-priority
    capitulation       offered | never (jmckib's test can never be true)
    scale              data-range | issue-scale
    round_limit        integer >= 1
    tolerance          fraction of the scale width
"""

import json
import os
import sys

TEXTBOOK = {
    "vote_kernel": "linear",
    "probability": "pair-share",
    "median": "condorcet",
    "q": 1.0,
    "t": 1.0,
    "risk_reference": "all-actors",
    "opponent_risk": "evaluator",
    "offer_acceptance": "smallest-move",
    "capitulation": "offered",
    "scale": "data-range",
    "round_limit": 250,
    "tolerance": 1e-6,
}

PRESETS = {
    "textbook": dict(TEXTBOOK),
    "dmasad": dict(TEXTBOOK, probability="net-vote", median="median-then-mean", opponent_risk="target",
                   offer_acceptance="max-eu-then-nearest", scale="issue-scale"),
    "jmckib": dict(TEXTBOOK, vote_kernel="risk-power", probability="all-pairs",
                   offer_acceptance="scholz-type-priority", capitulation="never"),
    "scholz": dict(TEXTBOOK, probability="all-pairs", offer_acceptance="scholz-type-priority"),
}

# One option changed from the textbook combination at a time: the EC case's behaviour per option.
VARIANTS = {
    "vote-kernel-risk-power": {"vote_kernel": "risk-power"},
    "probability-net-vote": {"probability": "net-vote"},
    "probability-all-pairs": {"probability": "all-pairs"},
    "median-mean": {"median": "mean"},
    "median-then-mean": {"median": "median-then-mean"},
    "q-half-t-half": {"q": 0.5, "t": 0.5},
    "q-half-t-conditional": {"q": 0.5, "t": "conditional"},
    "risk-own-alternatives": {"risk_reference": "own-alternatives"},
    "opponent-risk-target": {"opponent_risk": "target"},
    "offer-max-eu-then-nearest": {"offer_acceptance": "max-eu-then-nearest"},
    "offer-scholz-type-priority": {"offer_acceptance": "scholz-type-priority"},
    "capitulation-never": {"capitulation": "never"},
}

# The EC mid-size car emission standards case (Scholz, Calbert and Smith 2011), as in
# Examples/ec-car-emissions.yaml: (id, capability, position in years, salience 0-100).
EC = [
    ("netherlands", 0.08, 4.0, 80.0),
    ("belgium", 0.08, 7.0, 40.0),
    ("luxembourg", 0.03, 4.0, 20.0),
    ("germany", 0.16, 4.0, 80.0),
    ("france", 0.16, 10.0, 60.0),
    ("italy", 0.16, 10.0, 60.0),
    ("united-kingdom", 0.16, 10.0, 90.0),
    ("ireland", 0.05, 7.0, 10.0),
    ("denmark", 0.05, 4.0, 100.0),
    ("greece", 0.08, 7.0, 70.0),
]
EC_SCALE = (4.0, 10.0)

# The 3-actor hand-worked case of Tests/ParleyBargainingTests/ExpectedUtility on a 0-100 scale.
HAND = [("a", 2.0, 0.0, 40.0), ("b", 3.0, 20.0, 80.0), ("c", 2.0, 100.0, 80.0)]
HAND_SCALE = (0.0, 100.0)

FIXTURE_ROUNDS = 25


class Issue:
    """One issue's inputs: capabilities, saliences 0-1, the scale width the equations use."""

    def __init__(self, table, scale, params):
        self.ids = [row[0] for row in table]
        self.c = [row[1] for row in table]
        self.x0 = [row[2] for row in table]
        self.s = [row[3] / 100.0 for row in table]
        self.w = [ci * si for ci, si in zip(self.c, self.s)]
        self.p = params
        if params["scale"] == "issue-scale":
            self.d = scale[1] - scale[0]
        else:
            self.d = max(self.x0) - min(self.x0)
        self.n = len(table)


def voter_gain(issue, k, x, a, b, r):
    """Voter k's vote for position a over position b (positive: k prefers a)."""
    if issue.p["vote_kernel"] == "risk-power":
        far = (abs(x[k] - b) / issue.d) ** r[k]
        near = (abs(x[k] - a) / issue.d) ** r[k]
        return issue.w[k] * (far - near)
    return issue.w[k] * (abs(x[k] - b) - abs(x[k] - a)) / issue.d


def all_pairs_total(issue, x, r):
    total = 0.0
    for k in range(issue.n):
        for a in range(issue.n):
            for b in range(issue.n):
                total += abs(voter_gain(issue, k, x, x[a], x[b], r))
    return total


def win_probability(issue, x, r, i, j, all_pairs):
    """P that i's position beats j's."""
    if x[i] == x[j]:
        return 0.0
    votes = [voter_gain(issue, k, x, x[i], x[j], r) for k in range(issue.n)]
    positive = sum(v for v in votes if v > 0)
    kind = issue.p["probability"]
    if kind == "all-pairs":
        return positive / all_pairs if all_pairs > 0 else 0.5
    magnitude = sum(abs(v) for v in votes)
    if magnitude == 0:
        return 0.5
    if kind == "net-vote":
        return max(sum(votes), 0.0) / magnitude
    return positive / magnitude


def weighted_mean(issue, x):
    total = sum(issue.w)
    if total <= 0:
        return None
    return sum(wi * xi for wi, xi in zip(issue.w, x)) / total


def condorcet_median(issue, x):
    """The position among x that beats every other in pairwise linear votes: the one with the
    least total weighted distance; a tie goes to the candidate nearer the mean, then the lower."""
    total = sum(issue.w)
    if total <= 0:
        return None
    mean = weighted_mean(issue, x)
    best = None
    best_cost = None
    for a in sorted(set(x)):
        cost = sum(wk * abs(xk - a) for wk, xk in zip(issue.w, x))
        if best is None or cost < best_cost - 1e-12 * total * issue.d:
            best, best_cost = a, cost
        elif abs(cost - best_cost) <= 1e-12 * total * issue.d:
            if abs(a - mean) < abs(best - mean):
                best, best_cost = a, cost
    return best


def median_voter(issue, x, second_pass):
    kind = issue.p["median"]
    if kind == "mean" or (kind == "median-then-mean" and second_pass):
        return weighted_mean(issue, x)
    return condorcet_median(issue, x)


def forecast(issue, x):
    return median_voter(issue, x, second_pass=True)


def utility(base, r):
    return 2.0 - 4.0 * max(0.0, base) ** r


def expected_utility(issue, x, mu, prob, i, j, r):
    """EU of i challenging j, with risk exponent r, and the pieces (Us, Uf, Ub, Uw, Usq, T)."""
    d = issue.d
    gap = abs(x[i] - x[j]) / d
    us = utility(0.5 - 0.5 * gap, r)
    uf = utility(0.5 + 0.5 * gap, r)
    reach = (abs(x[i] - mu) + abs(x[i] - x[j])) / d
    ub = utility(0.5 - 0.25 * reach, r)
    uw = utility(0.5 + 0.25 * reach, r)
    usq = utility(0.5, r)
    q = issue.p["q"]
    t = issue.p["t"]
    if t == "conditional":
        near_i, near_j = abs(x[i] - mu), abs(x[j] - mu)
        t = 1.0 if near_i < near_j else (0.0 if near_i > near_j else 0.5)
    sj = issue.s[j]
    eu = sj * (prob * us + (1 - prob) * uf) + (1 - sj) * us - q * usq - (1 - q) * (t * ub + (1 - t) * uw)
    return eu, (us, uf, ub, uw, usq, t)


def probabilities(issue, x, r):
    total = all_pairs_total(issue, x, r) if issue.p["probability"] == "all-pairs" else None
    return [[win_probability(issue, x, r, i, j, total) for j in range(issue.n)] for i in range(issue.n)]


def dangers_at(issue, x):
    """sum over j != i of EU_j(ji), everything at r = 1 (the first pass)."""
    ones = [1.0] * issue.n
    mu = median_voter(issue, x, second_pass=False)
    prob = probabilities(issue, x, ones)
    return [sum(expected_utility(issue, x, mu, prob[j][i], j, i, 1.0)[0] for j in range(issue.n) if j != i)
            for i in range(issue.n)]


def risk_exponents(issue, x):
    own = dangers_at(issue, x)
    exps = []
    for i in range(issue.n):
        if issue.p["risk_reference"] == "own-alternatives":
            pool = []
            for y in sorted(set(x)):
                moved = list(x)
                moved[i] = y
                pool.append(dangers_at(issue, moved)[i])
        else:
            pool = own
        hi, lo = max(pool), min(pool)
        big_r = 0.0 if hi - lo == 0 else (2 * own[i] - hi - lo) / (hi - lo)
        exps.append((1 - big_r / 3) / (1 + big_r / 3))
    return exps, own


def offers_for(issue, x, mu, prob, r, i):
    """The offers i sees: (j, kind, new position, E1, E2)."""
    found = []
    for j in range(issue.n):
        if j == i or x[j] == x[i]:
            continue
        e1 = expected_utility(issue, x, mu, prob[i][j], i, j, r[i])[0]
        rj = r[i] if issue.p["opponent_risk"] == "evaluator" else r[j]
        e2 = expected_utility(issue, x, mu, prob[j][i], j, i, rj)[0]
        if e2 > e1 > 0:
            found.append((j, "confrontation", x[j], e1, e2))
        elif e2 > 0 > e1 and e2 > abs(e1):
            found.append((j, "compromise", x[i] + (x[j] - x[i]) * abs(e1 / e2), e1, e2))
        elif e2 > 0 > e1 and e2 < abs(e1) and issue.p["capitulation"] == "offered":
            found.append((j, "capitulation", x[j], e1, e2))
        else:
            found.append((j, None, x[i], e1, e2))
    return found


def first_min(items, key):
    best = None
    for item in items:
        if best is None or key(item) < key(best):
            best = item
    return best


def choose(issue, x, i, offers):
    rule = issue.p["offer_acceptance"]
    moving = [o for o in offers if o[1] is not None]
    if rule == "smallest-move":
        pick = first_min(moving, lambda o: abs(o[2] - x[i]))
        return pick[2] if pick else x[i]
    if rule == "max-eu-then-nearest":
        senders = [o for o in offers if o[4] > 0]
        if not senders:
            return x[i]
        top = max(o[4] for o in senders)
        pick = first_min([o for o in senders if o[4] == top], lambda o: abs(x[o[0]] - x[i]))
        return pick[2]
    for kind in ("confrontation", "compromise", "capitulation"):
        group = [o for o in moving if o[1] == kind]
        if not group:
            continue
        if kind == "compromise":
            pick = first_min(group, lambda o: (abs(o[3]) * x[i] + abs(o[4]) * x[o[0]]) / (abs(o[3]) + abs(o[4])))
        else:
            pick = first_min(group, lambda o: abs(o[2] - x[i]))
        return pick[2]
    return x[i]


def one_round(issue, x, trace=None):
    r, danger = risk_exponents(issue, x)
    mu = median_voter(issue, x, second_pass=True)
    prob = probabilities(issue, x, r)
    new = []
    for i in range(issue.n):
        offers = offers_for(issue, x, mu, prob, r, i)
        new.append(choose(issue, x, i, offers))
        if trace is not None:
            trace.append((i, offers, new[-1]))
    if trace is not None:
        trace.insert(0, ("round", danger, r, mu, prob))
    return new


def run(issue):
    d = issue.d
    tol = issue.p["tolerance"] * d
    rounds = [list(issue.x0)]
    if d <= 0:
        return rounds, {"reason": "converged", "round": 0}
    limit = issue.p["round_limit"]
    for t in range(1, limit + 1):
        rounds.append(one_round(issue, rounds[-1]))
        now = rounds[-1]
        if max(abs(a - b) for a, b in zip(now, rounds[-2])) <= tol:
            return rounds, {"reason": "converged", "round": t}
        for s in range(t - 2, -1, -1):
            if max(abs(a - b) for a, b in zip(now, rounds[s])) <= tol:
                return rounds, {"reason": "cycle", "start": s, "period": t - s}
    return rounds, {"reason": "round_limit", "limit": limit}


def fixture(name, params):
    issue = Issue(EC, EC_SCALE, params)
    rounds, stop = run(issue)
    shown = rounds[: FIXTURE_ROUNDS + 1]
    first_r = risk_exponents(issue, rounds[0])[0]
    return {
        "name": name,
        "generator": "scripts/eum_reference.py",
        "case": "Examples/ec-car-emissions.yaml",
        "parameters": params,
        "stakeholders": issue.ids,
        "scale_width": issue.d,
        "risk_exponents_round_1": first_r,
        "rounds": [{"round": t, "positions": pos, "forecast": forecast(issue, pos)} for t, pos in enumerate(shown)],
        "rounds_run": len(rounds) - 1,
        "final_positions": rounds[-1],
        "final_forecast": forecast(issue, rounds[-1]),
        "stop": stop,
    }


def all_fixtures():
    out = {}
    for name, params in PRESETS.items():
        out["ec-" + name] = fixture(name, params)
    for name, change in VARIANTS.items():
        out["ec-option-" + name] = fixture("textbook+" + name, dict(TEXTBOOK, **change))
    return out


def explain():
    issue = Issue(HAND, HAND_SCALE, dict(TEXTBOOK))
    x = issue.x0
    print("d =", issue.d, "weights c*s =", issue.w)
    print("mean =", weighted_mean(issue, x), "condorcet median =", condorcet_median(issue, x))
    ones = [1.0] * issue.n
    mu = median_voter(issue, x, False)
    for i in range(issue.n):
        for j in range(issue.n):
            if i == j:
                continue
            votes = [voter_gain(issue, k, x, x[i], x[j], ones) for k in range(issue.n)]
            p = win_probability(issue, x, ones, i, j, None)
            eu, parts = expected_utility(issue, x, mu, p, i, j, 1.0)
            print(f"{issue.ids[i]} vs {issue.ids[j]}: votes {votes} P {p!r} EU(r=1) {eu!r} parts {parts}")
    trace = []
    new = one_round(issue, x, trace)
    _, danger, r, mu2, prob = trace[0]
    print("danger =", danger)
    print("r =", r)
    for i, offers, moved in trace[1:]:
        for j, kind, pos, e1, e2 in offers:
            parts1 = expected_utility(issue, x, mu2, prob[i][j], i, j, r[i])[1]
            parts2 = expected_utility(issue, x, mu2, prob[j][i], j, i, r[i])[1]
            print(f"  {issue.ids[i]} from {issue.ids[j]}: E1 {e1!r} E2 {e2!r} {kind} -> {pos!r}")
            print(f"     parts E1 {parts1} parts E2 {parts2}")
        print(f"{issue.ids[i]} moves to {moved!r}")
    print("new positions", new, "forecast", forecast(issue, new))
    rounds, stop = run(issue)
    for t, pos in enumerate(rounds):
        print(t, pos, forecast(issue, pos))
    print(stop)


def main():
    if "--explain" in sys.argv:
        explain()
        return
    fixtures = all_fixtures()
    if "--summary" in sys.argv:
        for name, data in fixtures.items():
            print(f"{name:40s} {data['stop']} rounds {data['rounds_run']} forecast {data['final_forecast']:.6f}")
        return
    here = os.path.dirname(os.path.abspath(__file__))
    folder = os.path.join(here, "..", "Tests", "ParleyBargainingTests", "Fixtures", "eum")
    os.makedirs(folder, exist_ok=True)
    for name in sorted(fixtures):
        path = os.path.join(folder, name + ".json")
        temporary = path + ".tmp"
        with open(temporary, "w") as handle:
            json.dump(fixtures[name], handle, indent=1)
            handle.write("\n")
        os.replace(temporary, path)
        print("wrote", os.path.relpath(path, os.path.join(here, "..")))


if __name__ == "__main__":
    main()
