#!/usr/bin/env python3
"""Writes the axelrod 4.14.0 fixtures that Tests/ParleyGamesTests/Repeated read.

Run through scripts/axelrod_fixtures.sh, which makes the virtual environment. Writes into
Tests/ParleyGamesTests/Fixtures/axelrod/:

- histories.json: for every pair (i <= j, self-play included) of the deterministic
  strategies Parley catalogues, both players' actions over a 200-turn match, run-length
  encoded ("C3D197"); identical strings are stored once and referenced by index.
- classic.json: the 9-strategy classic tournament (turns 200, repetitions 10, seed 1):
  ranking, normalised scores, scores, wins, cooperating rating, payoff matrix; and the same
  with Random(0.5) added (seed 1), whose ranking is seed-specific (a sanity check only).
- catalogue.json: axelrod.all_strategies (244 in 4.14.0): class name, str(player) and
  whether it is stochastic.
- sixteen.json: issue 16's "done when" tournament of 16 deterministic strategies (turns
  200, repetitions 10, seed 1), same fields as classic.json.
- stochastic.json: for each stochastic strategy against four fixed opponents, the mean and
  standard deviation over 100 seeded 200-turn matches of the strategy's cooperation rate and
  score per turn; plus noisy matches of deterministic pairs, and Moran fixation counts.
- meta.json and Sources/ParleyGames/Repeated/Data/AxelrodMetaTeams.swift: the teams of
  axelrod's meta strategies, and their statistics (scripts/axelrod_meta.py).
- meta_histories.json: the meta strategies' voting rules over the SIXTEEN team against
  every deterministic strategy, move by move.

`histories-extend` writes the same histories.json as `histories` but plays only the pairs
of players added to DETERMINISTIC since the file was written.
"""
import json
import os
import sys
import warnings

import axelrod as axl

warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ParleyGamesTests", "Fixtures", "axelrod")
TURNS = 200

# Parley's catalogue keys (axelrod class names), deterministic ones; kept in step with
# Sources/ParleyGames/Repeated/CatalogEntries.swift.
DETERMINISTIC = """Cooperator Defector TitForTat TitFor2Tats TwoTitsForTat SuspiciousTitForTat Grudger WinStayLoseShift Alternator
Bully SneakyTitForTat AntiTitForTat HardTitForTat HardTitFor2Tats OmegaTFT OriginalGradual Gradual AdaptiveTitForTat
SpitefulTitForTat SlowTitForTwoTats2 Alexei EugineNier NTitsForMTats
ForgetfulGrudger OppositeGrudger Aggravater SoftGrudger GrudgerAlternator EasyGo GeneralSoftGrudger SpitefulCC Capri
Punisher InversePunisher LevelPunisher TrickyLevelPunisher Retaliate Retaliate2 Retaliate3 LimitedRetaliate
LimitedRetaliate2 LimitedRetaliate3 OnceBitten FoolMeOnce Forgiver ForgivingTitForTat BackStabber DoubleCrosser
GoByMajority GoByMajority5 GoByMajority10 GoByMajority20 GoByMajority40 HardGoByMajority HardGoByMajority5
HardGoByMajority10 HardGoByMajority20 HardGoByMajority40
Prober Prober2 Prober3 Prober4 HardProber Detective CollectiveStrategy Handshake SecondByTester
WinShiftLoseStay FirstByDavis FirstByDowning FirstByNydegger FirstByShubik FirstBySteinAndRapoport FirstByTidemanAndChieruzzi
CyclerDC CyclerCCD CyclerDDC CyclerCCCD CyclerCCCCCD CyclerCCCDCD AntiCycler Appeaser TrickyCooperator TrickyDefector""".split()

# Added for issue 16 (hand-written ports), then the table-driven families that
# scripts/axelrod_strategy_data.py exports (finite-state machines, lookup tables, networks).
DETERMINISTIC += """DefectorHunter CooperatorHunter AlternatorHunter CycleHunter EventualCycleHunter MathConstantHunter
RandomHunter Golden Pi e ThueMorse ThueMorseInverse AON2 DelayedAON1 MEM2 APavlov2006 APavlov2011 ShortMem VeryBad
Grumpy Doubler Resurrection DoubleResurrection GradualKiller Adaptive RevisedDowning Momentum FrequencyAnalyzer
ContriteTitForTat SecondByGladstein SecondByGrofman SecondByWhite SecondByWeiner SecondByYamachi SecondByGraaskampKatzen
SecondByMikkelson SecondByRowsam SecondByBorufsen SecondByRichardHufford SecondByTidemanAndChieruzzi MetaHunter
MetaHunterAggressive""".split()

STOCHASTIC = """GTFT Random DynamicTwoTitsForTat Michaelos RandomTitForTat BurnBothEnds ForgetfulFoolMeOnce NaiveProber
RemorsefulProber Calculator FirmButFair StochasticCooperator StochasticWSLS SoftJoss ALLCorALLD ZDExtort2 ZDExtort2v2
ZDExtort3 ZDExtort4 ZDGTFT2 ZDGen2 ZDSet2 ZDMischief ZDExtortion FirstByFeld FirstByGraaskamp FirstByGrofman FirstByJoss
FirstByTullock FirstByAnonymous AverageCopier NiceAverageCopier Negation Desperate Hopeless Willing Inverse""".split()
STOCHASTIC += """Stalker WorseAndWorse KnowledgeableWorseAndWorse WorseAndWorse2 WorseAndWorse3 BetterAndBetter
SelfSteem SecondByChampion SecondByEatherley SecondByGetzler SecondByLeyvraz SecondByWmAdams SecondByBlack SecondByCave
SecondByAppold SecondByKluepfel AdaptorBrief AdaptorLong BushMosteller RiskyQLearner ArrogantQLearner HesitantQLearner
CautiousQLearner SecondByTranquilizer SecondByHarrington""".split()


def table_driven():
    """The keys of the table-driven strategies, split into deterministic and stochastic."""
    from axelrod_strategy_data import exported_classes
    det, sto = [], []
    for cls in exported_classes():
        (sto if axl.Classifiers["stochastic"](cls()) else det).append(cls.__name__)
    return det, sto


_det, _sto = table_driven()
DETERMINISTIC += _det
STOCHASTIC += _sto

# Added last (so that `histories-extend` can keep the pairs already computed): the
# look-ahead tree search, and Darwin with its class-level genome cleared before each match.
DETERMINISTIC += ["DBS", "Darwin"]

# The "done when" tournament of issue 16: 16 deterministic strategies, most of them added
# for that issue, ranked and scored by axelrod.
SIXTEEN = ["TitForTat", "Grudger", "Fortress3", "Fortress4", "Predator", "Raider", "EvolvedLookerUp2_2_2", "EvolvedANN",
           "EvolvedFSM16", "Winner12", "ThueMorse", "Golden", "CycleHunter", "MEM2", "SecondByBorufsen", "APavlov2011"]

OPPONENTS = ["Cooperator", "Defector", "TitForTat", "Alternator"]
CLASSIC = ["Cooperator", "Defector", "TitForTat", "Grudger", "TitFor2Tats", "Alternator", "WinStayLoseShift",
           "SuspiciousTitForTat", "GoByMajority"]


def make(key):
    if key == "Darwin":
        # Darwin keeps its genome on the class, shared by every instance and carried from
        # match to match; Parley starts every match from the initial genome [C].
        axl.Darwin.reset_genome()
    if key == "MemoryOnePlayer":
        return axl.MemoryOnePlayer((1, 0, 0, 1))
    return getattr(axl, key)()


def rle(actions):
    text = "".join(str(a) for a in actions)
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] == text[i]:
            j += 1
        out.append(f"{text[i]}{j - i}")
        i = j
    return "".join(out)


def known_histories():
    """The pairs of the existing histories.json whose players are still at the same places
    (for `histories-extend`, which plays only the pairs of newly listed players; axelrod's
    deterministic matches do not change, so the file is the same as a full run's)."""
    try:
        with open(os.path.join(OUT, "histories.json")) as f:
            old = json.load(f)
    except OSError:
        return {}
    known = {}
    for i, j, x, y in old["pairs"]:
        a, b = old["players"][i], old["players"][j]
        if i < len(DETERMINISTIC) and j < len(DETERMINISTIC) and DETERMINISTIC[i] == a and DETERMINISTIC[j] == b:
            known[(i, j)] = (old["histories"][x], old["histories"][y])
    return known


def histories(extend=False):
    known = known_histories() if extend else {}
    strings, index, pairs = [], {}, []
    for i, a in enumerate(DETERMINISTIC):
        assert not axl.Classifiers["stochastic"](make(a)), a
        for j in range(i, len(DETERMINISTIC)):
            b = DETERMINISTIC[j]
            if (i, j) in known:
                both = known[(i, j)]
            else:
                match = axl.Match((make(a), make(b)), turns=TURNS)
                result = match.play()
                both = tuple(rle([r[side] for r in result]) for side in (0, 1))
            refs = []
            for s in both:
                if s not in index:
                    index[s] = len(strings)
                    strings.append(s)
                refs.append(index[s])
            pairs.append([i, j, refs[0], refs[1]])
    return {"axelrod": axl.__version__, "turns": TURNS, "players": DETERMINISTIC,
            "names": [str(make(k)) for k in DETERMINISTIC], "histories": strings, "pairs": pairs}


def tournament(keys, seed):
    players = [make(k) for k in keys]
    t = axl.Tournament(players, turns=TURNS, repetitions=10, seed=seed)
    r = t.play(processes=None, progress_bar=False)
    return {"players": keys, "names": [str(p) for p in players], "turns": TURNS, "repetitions": 10, "seed": seed,
            "ranked_names": r.ranked_names, "ranking": r.ranking,
            "normalised_scores": r.normalised_scores, "scores": r.scores, "wins": r.wins,
            "cooperating_rating": r.cooperating_rating, "payoff_matrix": r.payoff_matrix}


def stats(values):
    n = len(values)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / (n - 1)
    return mean, var ** 0.5


def stochastic():
    rows = []
    matches = 100
    for key in STOCHASTIC:
        assert axl.Classifiers["stochastic"](make(key)), key
        for opp in OPPONENTS:
            coop, score = [], []
            for seed in range(matches):
                m = axl.Match((make(key), make(opp)), turns=TURNS, seed=seed)
                m.play()
                coop.append(m.normalised_cooperation()[0])
                score.append(m.final_score_per_turn()[0])
            cm, cs = stats(coop)
            sm, ss = stats(score)
            rows.append({"player": key, "opponent": opp, "noise": 0, "matches": matches,
                         "cooperation_mean": cm, "cooperation_sd": cs, "score_mean": sm, "score_sd": ss})
    for a, b in [("TitForTat", "TitForTat"), ("Grudger", "TitForTat"), ("WinStayLoseShift", "TitForTat"),
                 ("WinStayLoseShift", "WinStayLoseShift"), ("Cooperator", "Defector")]:
        coop, score = [], []
        for seed in range(matches):
            m = axl.Match((make(a), make(b)), turns=TURNS, noise=0.05, seed=seed)
            m.play()
            coop.append(m.normalised_cooperation()[0])
            score.append(m.final_score_per_turn()[0])
        cm, cs = stats(coop)
        sm, ss = stats(score)
        rows.append({"player": a, "opponent": b, "noise": 0.05, "matches": matches,
                     "cooperation_mean": cm, "cooperation_sd": cs, "score_mean": sm, "score_sd": ss})
    moran = []
    for keys in [["TitForTat", "TitForTat", "Defector", "Defector"], ["Cooperator", "Cooperator", "Cooperator", "Defector"],
                 ["WinStayLoseShift", "Grudger", "Defector", "Alternator"]]:
        runs = 200
        wins = {}
        for seed in range(runs):
            mp = axl.MoranProcess([make(k) for k in keys], turns=TURNS, seed=seed)
            mp.play()
            wins[mp.winning_strategy_name] = wins.get(mp.winning_strategy_name, 0) + 1
        moran.append({"players": keys, "turns": TURNS, "runs": runs, "winners": dict(sorted(wins.items()))})
    return {"axelrod": axl.__version__, "turns": TURNS, "rows": rows, "moran": moran}


def catalogue():
    """Every strategy of axelrod.all_strategies: class name, printed name, stochasticity."""
    rows = []
    for cls in axl.all_strategies:
        player = cls()
        rows.append({"key": cls.__name__, "name": str(player), "stochastic": bool(axl.Classifiers["stochastic"](player))})
    return {"axelrod": axl.__version__, "count": len(rows), "strategies": rows}


def write(name, data):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"), sort_keys=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    what = sys.argv[1:] or ["data", "catalogue", "histories", "classic", "sixteen", "stochastic", "meta", "meta-histories", "attention"]
    if "data" in what:
        import axelrod_strategy_data
        axelrod_strategy_data.main()
    if "histories" in what or "histories-extend" in what:
        write("histories.json", histories(extend="histories-extend" in what))
    if "meta" in what:
        import axelrod_meta
        axelrod_meta.main(DETERMINISTIC, STOCHASTIC, OUT)
    if "meta-histories" in what:
        import axelrod_meta
        write("meta_histories.json", axelrod_meta.team_histories(SIXTEEN, DETERMINISTIC))
    if "classic" in what:
        write("classic.json", {"axelrod": axl.__version__, "classic": tournament(CLASSIC, 1),
                               "classic_with_random": tournament(CLASSIC + ["Random"], 1)})
    if "catalogue" in what:
        write("catalogue.json", catalogue())
    if "sixteen" in what:
        write("sixteen.json", {"axelrod": axl.__version__, "sixteen": tournament(SIXTEEN, 1)})
    if "stochastic" in what:
        write("stochastic.json", stochastic())
    if "attention" in what:
        import axelrod_attention
        axelrod_attention.main()
