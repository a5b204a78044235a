#!/usr/bin/env python3
"""Compares Parley's exchange model with decide-exchange-model round by round on one input.

    python3 scripts/decide_compare.py DECIDE.json PARLEY.json [--tolerance 1e-9]

DECIDE.json is what `scripts/decide_fixtures.py fixtures rounds INPUT --rounds N` writes (decide's
positions after every round); PARLEY.json is `parley simulate INPUT --model exchange --rounds N
--json`. Stakeholders and issues are matched by order (Parley turns decide's names into ids).
Prints each round's largest relative difference and exits 1 when any exceeds the tolerance or
a position is missing on one side. scripts/decide_compare.sh runs both programs.
"""
import argparse
import json
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("decide")
    parser.add_argument("parley")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()
    decide = json.load(open(args.decide))
    parley = json.load(open(args.parley))
    actors = decide["actors"]
    issues = [issue["key"] for issue in decide["issues"]]
    our_issue_ids = [outcome["issue"] for outcome in parley["outcomes"]]
    if len(our_issue_ids) != len(issues):
        print("issues differ: decide %d, Parley %d" % (len(issues), len(our_issue_ids)))
        return 1
    rounds = parley["rounds"][1:]  # Parley's round 0 is the start
    if len(rounds) != len(decide["rounds"]):
        print("rounds differ: decide %d, Parley %d" % (len(decide["rounds"]), len(rounds)))
        return 1
    failed = False
    for theirs, ours in zip(decide["rounds"], rounds):
        our_actors = list(ours["positions"].keys())
        worst, where, missing = 0.0, None, 0
        for a, actor in enumerate(actors):
            row = theirs["positions"].get(actor, {})
            our_row = ours["positions"].get(our_actors[a], {}) if a < len(our_actors) else {}
            for i, issue in enumerate(issues):
                if issue not in row:
                    continue
                ours_value = our_row.get(our_issue_ids[i])
                if ours_value is None:
                    missing += 1
                    continue
                difference = abs(ours_value - row[issue]) / max(1.0, abs(row[issue]))
                if difference > worst:
                    worst, where = difference, (actor, issue, row[issue], ours_value)
        bad = worst > args.tolerance or missing > 0
        failed = failed or bad
        print("round %2d: %4d exchanges, largest relative difference %.1e%s%s" % (
            theirs["round"], theirs["realized"], worst,
            " (%s on %s: decide %r, Parley %r)" % where if bad and where else "",
            ", %d positions missing in Parley" % missing if missing else ""))
    print("identical to %g" % args.tolerance if not failed else "DIFFERENT")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
