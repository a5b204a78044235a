#!/usr/bin/env python3
"""Writes three small exchange-model inputs in the shape of decide-exchange-model's own input files
(its repository's data/input/*.csv, which the PyPI wheel does not ship): tab-separated rows,
quoted tags, key = name (here lower-case with hyphens, so that they are Parley ids as they
stand and the exchange tests can compare by key) with an empty comment, '#M' rows 0 and 100, '#D' rows
(actor, issue, position, salience 0-1, power 0-1) ending in a tab, no '#O' title, and a
`.csv` name. Actors, issues and numbers are invented (a fixed generator, so reruns give the
same bytes). Parley must recognise them as decide input by their content.

The third, delta.csv, has the shape of decide's CoP21.csv: semicolon-separated and unquoted, a
'#O' title and '#/' comment rows, trailing empty fields, '#M' rows with meanings (commas and a
typographic apostrophe inside) at intermediate marks, and '#D' rows for two actors that no '#A'
row defines, which decide leaves out of its model (Parley too, with a warning).

    python3 scripts/decide_shaped_inputs.py OUT_DIR
"""
import os
import random
import sys


def case(path, actors, issues, seed):
    rng = random.Random(seed)
    rows = []
    for a in actors:
        rows.append("'#A'\t'%s'\t'%s'\t''" % (a, a))
    for i in issues:
        rows.append("'#P'\t'%s'\t'%s'\t''" % (i, i))
        rows.append("'#M'\t'%s'\t0" % i)
        rows.append("'#M'\t'%s'\t100\t" % i)
    powers = {a: rng.choice([0.013, 0.026, 0.039, 0.052, 0.078, 0.156, 0.247, 0.26]) for a in actors}
    for a in actors:
        for i in issues:
            if rng.random() < 0.1:
                continue
            pos = rng.choice([0.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 70.0, 75.0, 80.0, 90.0, 100.0])
            sal = rng.choice([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0])
            rows.append("'#D'\t'%s'\t'%s'\t%s\t%s\t%s\t" % (a, i, pos, sal, powers[a]))
    with open(path, "w") as handle:
        handle.write("\n".join(rows) + "\n")
    print("wrote %s" % path)


def semicolon_case(path, actors, undeclared, issues, seed):
    rng = random.Random(seed)
    rows = ["#O;Delta works (an invented case in the shape of decide's CoP21.csv);;;;",
            "#/;Invented numbers, for Parley's tests only;;;;",
            "#/;ID;Full name;;;"]
    for a in actors:
        rows.append("#A;%s;%s group;;;" % (a, a.replace("-", " ").title()))
    rows.append("#/;ID;full name;;;")
    for i in issues:
        rows.append("#P;%s;%s;;;" % (i, i.replace("-", " ")))
    rows.append("#/;Issue ID;position;meaning;;")
    meanings = ["nothing, as now", "a study", "a pilot, in one place", "the minister\u2019s plan", "a law, with funding"]
    for i in issues:
        marks = sorted(rng.sample([10, 20, 25, 30, 40, 50, 60, 65, 70, 75, 80, 90], 3) + [0, 100])
        for k, mark in enumerate(marks):
            rows.append("#M;%s;%d;%s;;" % (i, mark, meanings[k % len(meanings)]))
    rows.append("#/;actor;issue;position;salience;power")
    powers = {a: rng.choice([0.05, 0.25, 0.35, 0.4, 0.5, 0.6, 0.7, 0.75, 1]) for a in actors + undeclared}
    for i in issues:
        for a in actors + undeclared:
            if rng.random() < 0.1:
                continue
            pos = rng.choice([0, 10, 15, 20, 25, 30, 40, 50, 60, 65, 70, 80, 85, 90, 100])
            sal = rng.choice([0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1])
            rows.append("#D;%s;%s;%s;%s;%s" % (a, i, pos, sal, powers[a]))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(rows) + "\n")
    print("wrote %s" % path)


out = sys.argv[1] if len(sys.argv) > 1 else "."
case(os.path.join(out, "harbour.csv"),
     ["port-authority", "city-council", "shipping-lines", "dock-workers", "residents", "greens", "chamber-of-commerce",
      "province", "ministry"], ["depth", "hours", "fees", "noise", "jobs", "rail"], 11)
case(os.path.join(out, "river.csv"),
     ["upstream-farms", "downstream-towns", "hydro-company", "anglers", "water-board", "nature-trust", "canal-users"],
     ["flow", "dam", "quota", "fish-ladder", "levy"], 23)
semicolon_case(os.path.join(out, "delta.csv"),
               ["ports", "farmers", "water-board", "province", "greens", "shipping", "towns", "ministry"],
               ["sluice-west", "nature-trust"], ["dikes", "salt", "dredging", "wetlands", "levy"], 37)
