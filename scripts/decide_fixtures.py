#!/usr/bin/env python3
"""Oracle for Parley's exchange model: runs decide-exchange-model 2022.1.28 (Stokman's equal-gain
exchange model) on decide TSV files and writes small JSON fixtures that
Tests/ParleyBargainingTests/Exchange read.

Run it through scripts/decide_fixtures.sh, which makes the virtualenv and exports the inputs.
Direct use (inside a venv with decide-exchange-model==2022.1.28):

    python scripts/decide_fixtures.py fixtures rounds INPUT.tsv... --out DIR [--detail-rounds N]
    python scripts/decide_fixtures.py fixtures randomized INPUT.tsv --p 0.5 --out DIR
    python scripts/decide_fixtures.py time INPUT.tsv --rounds 10 --repetitions 3

decide runs as its own CLI would run the model loop (ModelFactory + ModelLoop), without the
writers, with `EqualGainModel.ALLOW_RANDOM = False` so that ties go to the first exchange in
decide's (stably sorted) list instead of a coin flip. For the randomised variant decide's draws
`random.uniform(0, 1)` are replaced by a Weyl sequence that the Swift test generates too:
value k (k = 1, 2, ...) = ((k * 0x9E3779B97F4A7C15) mod 2^64 >> 11) * 2^-53.

Numbers are written with 17 significant digits; positions and NBS on the issue's own scale,
gains as decide computes them (NBS shift on the 0-100 normalised scale times salience 0-1).
"""
import argparse
import json
import os
import statistics
import sys
import time
from decimal import Decimal

from decide.data.modelfactory import ModelFactory
from decide.data.reader import InputDataFile
from decide.model import equalgain
from decide.model.utils import ModelLoop

DECIDE_VERSION = "2022.1.28"
MASK = (1 << 64) - 1


class Recorder:
    """Stands in for decide's Observable: records what each round did."""

    def __init__(self, model, detail):
        self.model = model
        self.detail = detail
        self.rounds = []
        self.current = None

    def before_loop(self, iteration, repetition):
        model = self.model
        self.current = {
            "round": iteration + 1,
            "candidates": len(model.exchanges),
            "valid_candidates": sum(1 for e in model.exchanges if e.is_valid),
            "nbs_start": nbs_by_issue(model),
            "realized": 0,
        }
        if self.detail(iteration + 1):
            self.current["exchanges"] = []

    def removed_exchanges(self, removed):
        pass

    def execute_exchange(self, exchange):
        self.current["realized"] += 1
        if "exchanges" in self.current:
            i, j = exchange.i, exchange.j
            self.current["exchanges"].append({
                "gain": num(exchange.gain),
                "i": i.actor.actor_id, "i_supply": i.supply.issue.name, "i_y": num(denorm(i.supply.issue, i.y)),
                "j": j.actor.actor_id, "j_supply": j.supply.issue.name, "j_y": num(denorm(j.supply.issue, j.y)),
            })

    def after_loop(self, realized, iteration, repetition):
        gains = [e.gain for e in realized]
        self.current["gain_sum"] = num(sum(gains)) if gains else 0

    def end_loop(self, iteration, repetition):
        self.current["voting_nbs"] = nbs_by_issue(self.model)
        self.current["voting_positions"] = positions(self.model)

    def after_round(self):
        self.current["positions"] = positions(self.model)
        self.rounds.append(self.current)


def denorm(issue, value):
    return issue.de_normalize(value)


def num(value):
    return float("%.17g" % Decimal(value))


def nbs_by_issue(model):
    return {issue.name: num(denorm(issue, model.nbs[issue])) for issue in model.issues}


def positions(model):
    result = {}
    for actor in model.actors:
        row = {}
        for issue in model.issues:
            if actor in model.actor_issues[issue]:
                row[issue.name] = num(denorm(issue, model.actor_issues[issue][actor].position))
        result[actor.actor_id] = row
    return result


def weyl_uniform():
    state = {"k": 0}

    def uniform(lower, upper):
        state["k"] += 1
        value = (((state["k"] * 0x9E3779B97F4A7C15) & MASK) >> 11) * 2.0 ** -53
        return lower + (upper - lower) * value

    return uniform, state


def run(path, rounds, p=None, detail=lambda r: True, count_ties=True):
    equalgain.EqualGainModel.ALLOW_RANDOM = False
    factory = ModelFactory(InputDataFile.open(path))
    model = factory(model_klass=equalgain.EqualGainModel, randomized_value=p)
    recorder = Recorder(model, detail)
    if count_ties:
        choose = model.highest_gain

        def highest_gain_counting_ties():
            # an exact tie at the top is where the tie rule decides
            model.sort_exchanges()
            valid = [e for e in model.exchanges if e.is_valid]
            if len(valid) > 1 and valid[0].gain == valid[1].gain:
                recorder.current["exact_ties"] = recorder.current.get("exact_ties", 0) + 1
            return choose()

        model.highest_gain = highest_gain_counting_ties
    loop = ModelLoop(model, recorder, 0)
    for _ in range(rounds):
        loop.loop()
        recorder.after_round()
    return model, recorder


def describe(model, path, rounds, p, recorder, draws=None):
    doc = {
        "oracle": "decide-exchange-model " + DECIDE_VERSION + ", EqualGainModel.ALLOW_RANDOM = False",
        "input": os.path.basename(path),
        "rounds_requested": rounds,
        "p": p,
        "issues": [{"key": i.name, "lower": num(i.lower), "upper": num(i.upper)} for i in model.issues],
        "actors": [a.actor_id for a in model.actors],
        "tie_count": model.tie_count,
        "rounds": recorder.rounds,
    }
    if draws is not None:
        doc["uniform_draws"] = draws
    return doc


def write(doc, out_dir, name):
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, name)
    with open(target + ".tmp", "w") as handle:
        json.dump(doc, handle, separators=(",", ":"), sort_keys=False)
        handle.write("\n")
    os.replace(target + ".tmp", target)
    print("wrote %s (%d bytes)" % (target, os.path.getsize(target)))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    fx = sub.add_parser("fixtures")
    fx.add_argument("kind", choices=["rounds", "randomized"])
    fx.add_argument("inputs", nargs="+")
    fx.add_argument("--rounds", type=int, default=10)
    fx.add_argument("--detail-rounds", type=int, default=None,
                    help="list realised exchanges only in the first N rounds (all when omitted)")
    fx.add_argument("--p", default="0.5")
    fx.add_argument("--out", required=True)
    tm = sub.add_parser("time")
    tm.add_argument("input")
    tm.add_argument("--rounds", type=int, default=10)
    tm.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()

    if args.command == "time":
        seconds = []
        for _ in range(args.repetitions):
            start = time.perf_counter()
            run(args.input, args.rounds, count_ties=False)
            seconds.append(time.perf_counter() - start)
        print(json.dumps({"decide_seconds": seconds, "median": statistics.median(seconds)}))
        return

    for path in args.inputs:
        stem = os.path.splitext(os.path.basename(path))[0]
        if args.kind == "rounds":
            detail = (lambda r: True) if args.detail_rounds is None else (lambda r, n=args.detail_rounds: r <= n)
            model, recorder = run(path, args.rounds, detail=detail)
            write(describe(model, path, args.rounds, None, recorder), args.out, stem + ".json")
        else:
            uniform, state = weyl_uniform()
            original = equalgain.random.uniform
            equalgain.random.uniform = uniform
            try:
                model, recorder = run(path, args.rounds, p=args.p)
            finally:
                equalgain.random.uniform = original
            doc = describe(model, path, args.rounds, args.p, recorder, draws=state["k"])
            write(doc, args.out, stem + "-p" + args.p.replace(".", "") + ".json")


if __name__ == "__main__":
    sys.exit(main())
