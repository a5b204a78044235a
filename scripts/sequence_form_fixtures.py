"""Writes Tests/ParleyGamesTests/Fixtures/gambit/sequence_form.json: for each two-player game tree
with perfect recall in trees.json whose strategic form has at most 400 cells, the extreme Nash
equilibria as realization plans, from pygambit 16.7: enummixed_solve(rational=True) on Gambit's
(reduced) strategic form gives every extreme equilibrium of that form; each is mapped to behaviour
(as_behavior) and to realization plans, exactly; duplicates are dropped, and a plan profile that is
a convex combination of the others of its component (equilibria sharing a player's plan are
connected; checked by a linear program, scipy) is marked not extreme. The extreme equilibria of the
sequence form are the extreme points of that image.
Sequences are named by the preorder index of their information set's first node and the action.
Run through scripts/sequence_form_fixtures.sh (after scripts/gambit_tree_fixtures.sh).
"""
import json
import os
import sys
from fractions import Fraction

import numpy as np
import pygambit as gbt
from scipy.optimize import linprog

ROOT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ParleyGamesTests", "Fixtures", "gambit")


def plans(game, eq):
    """Realization plans {(member, action): probability} of both players, exact."""
    nodes = list(game.nodes)
    behaviour = eq.as_behavior()
    result = []
    for player in game.players:
        plan = {}
        for infoset in player.infosets:
            member = list(infoset.members)[0]
            reach = Fraction(1)
            node = member
            while node.parent is not None:
                parent = node.parent
                if parent.infoset is not None and parent.infoset.player == player:
                    reach *= Fraction(behaviour[node.prior_action])
                node = parent
            for k, action in enumerate(infoset.actions):
                plan[(nodes.index(member), k)] = reach * Fraction(behaviour[action])
        result.append(plan)
    return result


def components(points, n1):
    """Connected parts of the graph that the equilibria draw between plans: equilibria sharing one
    player's plan lie in one convex set of equilibria."""
    parent = list(range(len(points)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(points)):
        for j in range(i):
            if points[i][:n1] == points[j][:n1] or points[i][n1:] == points[j][n1:]:
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(points))]


def extreme(points, i, component):
    others = [p for j, p in enumerate(points) if j != i and component[j] == component[i]]
    if not others:
        return True
    a = np.array([[float(v) for v in p] for p in others]).T
    a = np.vstack([a, np.ones(len(others))])
    b = np.array([float(v) for v in points[i]] + [1.0])
    res = linprog(np.zeros(len(others)), A_eq=a, b_eq=b, bounds=[(0, None)] * len(others), method="highs")
    return res.status != 0


def main():
    with open(os.path.join(ROOT, "trees.json")) as handle:
        trees = json.load(handle)["trees"]
    out = []
    for item in trees:
        if item["players"] != 2 or not item["perfect_recall"]:
            continue
        game = gbt.read_efg(os.path.join(ROOT, "trees", item["name"]))
        sizes = [len(p.strategies) for p in game.players]
        if sizes[0] * sizes[1] > 400:
            continue
        keys = None
        points = []
        for eq in gbt.nash.enummixed_solve(game, rational=True).equilibria:
            x, y = plans(game, eq)
            keys = keys or (sorted(x), sorted(y))
            point = tuple(x[k] for k in keys[0]) + tuple(y[k] for k in keys[1])
            if point not in points:
                points.append(point)
        n1 = len(keys[0])
        parts = components(points, n1)
        flags = [extreme(points, i, parts) for i in range(len(points))]
        out.append({
            "name": item["name"],
            "sequences": [[list(k) for k in keys[0]], [list(k) for k in keys[1]]],
            "equilibria": [{"x": [str(v) for v in p[:n1]], "y": [str(v) for v in p[n1:]], "extreme": f}
                           for p, f in zip(points, flags)],
        })
        print(f"{item['name']}: {len(points)} plan profiles, {sum(flags)} extreme", file=sys.stderr)
    with open(os.path.join(ROOT, "sequence_form.json"), "w") as handle:
        json.dump({"generated_by": "scripts/sequence_form_fixtures.sh", "pygambit": gbt.__version__, "trees": out}, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
