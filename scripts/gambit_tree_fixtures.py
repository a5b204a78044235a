"""Writes Tests/ParleyGamesTests/Fixtures/gambit/trees.json and the trees it names under
Fixtures/gambit/trees/: for each two-player game tree with perfect recall, pygambit's
lcp_solve(rational=True, use_strategic=False) (Lemke on the sequence form, one equilibrium) as
behaviour probabilities per information set, whether enummixed_solve on the strategic form finds a
unique equilibrium (when that form is small), and the roots of pygambit's subgames. Trees of more
players, or without perfect recall, are kept with their subgame roots only.

Trees: every extensive game in pygambit's catalog, plus small poker-like trees generated from
SplitMix64 (scripts/gambit_common.py), written by this script as .efg (the whole run takes about 7
minutes, mostly pygambit listing the strategies of the larger generated trees).
It also writes the larger poker-12x3x3-5100.efg that scripts/gambit_tree_benchmark.sh times.
Run through scripts/gambit_tree_fixtures.sh.
"""
import json
import os
import sys
import time

import pygambit as gbt

sys.path.insert(0, os.path.dirname(__file__))
from gambit_common import check_generator, splitmix64, text  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ParleyGamesTests", "Fixtures", "gambit")


def poker_efg(cards, actions1, actions2, seed, title):
    """A chance deal of `cards` equally likely cards to player 1, who sees it and picks one of
    `actions1`; player 2 sees only that action and picks one of `actions2`; then, after player
    1's first action and player 2's last action, player 1 (still knowing the card) picks again
    between two actions. Leaf payoffs: next() % 100 - 50, u1 then u2, in preorder."""
    stream = splitmix64(seed)
    lines = [f'EFG 2 R "{title}" {{ "1" "2" }}', '""']
    outcome = [0]

    def leaf():
        outcome[0] += 1
        u1 = next(stream) % 100 - 50
        u2 = next(stream) % 100 - 50
        return f't "" {outcome[0]} "" {{ {u1}, {u2} }}'

    probs = " ".join(f'"c{c}" 1/{cards}' for c in range(cards))
    lines.append(f'c "" 1 "" {{ {probs} }} 0')
    names1 = " ".join(f'"a{k}"' for k in range(actions1))
    names2 = " ".join(f'"b{k}"' for k in range(actions2))
    for c in range(cards):
        lines.append(f'p "" 1 {c + 1} "card {c}" {{ {names1} }} 0')
        for a in range(actions1):
            lines.append(f'p "" 2 {a + 1} "saw a{a}" {{ {names2} }} 0')
            for b in range(actions2):
                if b == actions2 - 1:
                    number = cards + 1 + (c * actions1 + a)
                    lines.append(f'p "" 1 {number} "card {c} a{a} b{b}" {{ "x" "y" }} 0')
                    lines.append(leaf())
                    lines.append(leaf())
                else:
                    lines.append(leaf())
    return "\n".join(lines) + "\n"


GENERATED = [
    ("poker-2x2x2-5001.efg", 2, 2, 2, 5001),
    ("poker-3x2x2-5002.efg", 3, 2, 2, 5002),
    ("poker-3x3x2-5003.efg", 3, 3, 2, 5003),
    ("poker-4x2x3-5004.efg", 4, 2, 3, 5004),
]
BENCHMARK = ("poker-12x3x3-5100.efg", 12, 3, 3, 5100)


def behaviour(game, eq):
    nodes = list(game.nodes)
    result = []
    for p, player in enumerate(game.players):
        for infoset in player.infosets:
            result.append({
                "player": p,
                "member": nodes.index(list(infoset.members)[0]),
                "probabilities": [text(eq[action]) for action in infoset.actions],
            })
    return result


def entry(name, source, game):
    nodes = list(game.nodes)
    item = {
        "name": name,
        "source": source,
        "players": len(game.players),
        "nodes": len(nodes),
        "perfect_recall": bool(game.is_perfect_recall),
        "subgame_roots": sorted(nodes.index(s.root) for s in game.subgames),
    }
    if len(game.players) == 2 and game.is_perfect_recall:
        started = time.perf_counter()
        result = gbt.nash.lcp_solve(game, rational=True, use_strategic=False)
        item["lcp_seconds"] = round(time.perf_counter() - started, 4)
        eq = result.equilibria[0]
        item["lcp"] = {"behaviour": behaviour(game, eq), "payoffs": [text(eq.payoff(p)) for p in game.players]}
        sizes = [len(p.strategies) for p in game.players]
        if sizes[0] * sizes[1] <= 400:
            item["enummixed_count"] = len(gbt.nash.enummixed_solve(game, rational=True).equilibria)
    print(f"{name}: {len(nodes)} nodes, recall {game.is_perfect_recall}, {len(item['subgame_roots'])} subgames", file=sys.stderr)
    return item


def main():
    check_generator()
    trees = os.path.join(ROOT, "trees")
    os.makedirs(trees, exist_ok=True)
    games = []
    catalog = gbt.catalog.games()
    for slug in catalog["Game"]:
        game = gbt.catalog.load(slug)
        if not game.is_tree:
            continue
        name = slug.replace("/", "-").replace(".", "-") + ".efg"
        with open(os.path.join(trees, name), "w") as handle:
            handle.write(game.to_efg())
        games.append(entry(name, "pygambit catalog " + slug, game))
    for name, cards, a1, a2, seed in GENERATED:
        path = os.path.join(trees, name)
        with open(path, "w") as handle:
            handle.write(poker_efg(cards, a1, a2, seed, name))
        games.append(entry(name, f"generated poker-like tree, SplitMix64 seed {seed}", gbt.read_efg(path)))
    name, cards, a1, a2, seed = BENCHMARK
    path = os.path.join(trees, name)
    with open(path, "w") as handle:
        handle.write(poker_efg(cards, a1, a2, seed, name))
    out = {"generated_by": "scripts/gambit_tree_fixtures.sh", "pygambit": gbt.__version__, "trees": games}
    with open(os.path.join(ROOT, "trees.json"), "w") as handle:
        json.dump(out, handle, indent=1)
        handle.write("\n")
    print(f"wrote {len(games)} trees", file=sys.stderr)


if __name__ == "__main__":
    main()
