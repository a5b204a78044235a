#!/usr/bin/env python3
"""Extract small test fixtures from KTAB's reference run of dummyData_3Dim (MIT, KAPSARC).

Reads ../shared/reference/ktab/ (the CSV, the 2017 reference log and the full-logging
SQLite run) and writes Tests/ParleyBargainingTests/Fixtures/ktab/dummyData_3Dim.json, so the
spatial-model tests never read ../shared at run time. Re-runnable; uses only the standard
library.

    python3 scripts/ktab_fixtures.py [REFERENCE_DIR]

What the fixture holds (positions and coordinates on KTAB's 0-100 scale):
- actors: name, capability, positions and saliences as the CSV gives them;
- log: what the reference log prints -- the fractional change of each turn (4 decimals),
  every actor's position every turn (1 decimal) and the winning probabilities (4 decimals),
  and the inferred risk attitudes of every state (3 decimals);
- sqlite: full-precision intermediate quantities of the full-log run -- positions of every
  state (VectorPosition), turn 0's utility matrices of every estimator (PosUtil), turn 0's
  challenge probabilities and expected gains of each initiator (ProbVict, UtilChlg with
  Est_h = Aff_k = Init_i), and every turn's bargains with their selection probabilities
  (Bargn, BargnCoords).
"""
import json
import os
import re
import sqlite3
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "reference", "ktab")
OUT = os.path.join(ROOT, "Tests", "ParleyBargainingTests", "Fixtures", "ktab", "dummyData_3Dim.json")


def read_actors(path):
    with open(path) as f:
        lines = [line.strip() for line in f if line.strip()]
    header = [x.strip() for x in lines[0].split(",")]
    n_actors, n_dims = int(header[2]), int(header[3])
    dims = [x.strip() for x in lines[1].split(",")][3:3 + 2 * n_dims:2]
    actors = []
    for line in lines[2:2 + n_actors]:
        cells = [x.strip() for x in line.split(",")]
        values = [float(x) for x in cells[3:3 + 2 * n_dims]]
        actors.append({
            "name": cells[0],
            "capability": float(cells[2]),
            "positions": values[0::2],
            "saliences": values[1::2],
        })
    return {"scenario": header[0], "dimensions": dims, "actors": actors}


def read_log(path, n_actors, n_dims):
    with open(path) as f:
        text = f.read()
    fractional = [float(x) for x in re.findall(r"Fractional change compared to first step: ([0-9.]+)", text)]
    states = int(re.search(r"There were (\d+) states", text).group(1))
    history = text[text.index("History of actor positions over time"):]
    positions = [[[0.0] * n_dims for _ in range(n_actors)] for _ in range(states)]
    for match in re.finditer(r"SActor-(\d+), Pstn(\d+):((?:\s+[0-9.]+)+)", history):
        actor, dim = int(match.group(1)), int(match.group(2)) - 1
        for turn, value in enumerate(match.group(3).split()):
            positions[turn][actor][dim] = float(value)
    probabilities = [[0.0] * n_actors for _ in range(states)]
    for match in re.finditer(r"SActor-(\d+), prob :((?:\s+[0-9.]+)+)", history):
        for turn, value in enumerate(match.group(2).split()):
            probabilities[turn][int(match.group(1))] = float(value)
    risk = []
    for block in re.findall(r"Inferred risk attitudes: \n((?:\s*[+-][0-9.]+\s*\n){%d})" % n_actors, text):
        risk.append([float(x) for x in block.split()])
    return {
        "states": states,
        "fractional_change": fractional,
        "positions": positions,
        "win_probabilities": probabilities,
        "risk_attitudes": risk,
    }


def read_sqlite(path, n_actors, n_dims):
    db = sqlite3.connect(path)
    q = lambda sql, *args: db.execute(sql, args).fetchall()
    states = q("SELECT MAX(Turn_t) FROM VectorPosition")[0][0] + 1
    positions = [[[0.0] * n_dims for _ in range(n_actors)] for _ in range(states)]
    for turn, actor, dim, coord in q("SELECT Turn_t, Act_i, Dim_k, Pos_Coord FROM VectorPosition"):
        positions[turn][actor][dim] = coord
    utilities = [[[0.0] * n_actors for _ in range(n_actors)] for _ in range(n_actors)]
    for h, i, j, util in q("SELECT Est_h, Act_i, Pos_j, Util FROM PosUtil WHERE Turn_t = 0"):
        utilities[h][i][j] = util
    challenges = []
    rows = q("""SELECT DISTINCT p.Init_i, p.Rcvr_j, p.Prob, u.Util_SQ, u.Util_Vict, u.Util_Cntst, u.Util_Chlg
                FROM ProbVict p JOIN UtilChlg u
                  ON u.Turn_t = p.Turn_t AND u.Est_h = p.Est_h AND u.Init_i = p.Init_i AND u.Rcvr_j = p.Rcvr_j
                WHERE p.Turn_t = 0 AND p.Est_h = p.Init_i AND u.Aff_k = u.Init_i
                ORDER BY p.Init_i, p.Rcvr_j""")
    for i, j, prob, sq, vict, cntst, chlg in rows:
        challenges.append({"initiator": i, "receiver": j, "probability": prob,
                           "util_sq": sq, "util_victory": vict, "util_contest": cntst,
                           "gain": chlg - sq})
    bargains = []
    for turn, bid, i, j, value, p_init, s_init, p_rcvr, s_rcvr in q(
            """SELECT Turn_t, BargnId, Init_Act_i, Recd_Act_j, Value, Init_Prob, Init_Seld, Recd_Prob, Recd_Seld
               FROM Bargn ORDER BY Turn_t, Init_Act_i, Recd_Act_j"""):
        coords = q("SELECT Dim_k, Init_Coord, Recd_Coord FROM BargnCoords WHERE Turn_t = ? AND BargnId = ? ORDER BY Dim_k",
                   turn, bid)
        entry = {"turn": turn, "initiator": i, "receiver": j, "value": value,
                 "initiator_probability": p_init, "initiator_selected": bool(s_init)}
        if i != j:
            entry.update({"receiver_probability": p_rcvr, "receiver_selected": bool(s_rcvr),
                          "initiator_position": [c[1] for c in coords],
                          "receiver_position": [c[2] for c in coords]})
        bargains.append(entry)
    return {"positions": positions, "turn0_utilities": utilities, "turn0_challenges": challenges,
            "bargains": bargains}


def main():
    data = read_actors(os.path.join(REF, "dummyData_3Dim.csv"))
    n_actors, n_dims = len(data["actors"]), len(data["dimensions"])
    data["source"] = ("KTAB (MIT, KAPSARC) reference run of dummyData_3Dim.csv with default parameters; "
                      "extracted by scripts/ktab_fixtures.py")
    data["log"] = read_log(os.path.join(REF, "dummyData_3Dim.reference-log.txt"), n_actors, n_dims)
    data["sqlite"] = read_sqlite(os.path.join(REF, "dummyData_3Dim.fulllog.sqlite"), n_actors, n_dims)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
