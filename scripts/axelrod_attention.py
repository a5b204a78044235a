#!/usr/bin/env python3
"""EvolvedAttention fixtures from axelrod 4.14.0 and torch (run through
`bash scripts/axelrod_fixtures.sh attention`). Writes
Tests/ParleyGamesTests/Fixtures/axelrod/attention.json:

- short: EvolvedAttention against every deterministic strategy Parley catalogues, SHORT_TURNS
  turns: both players' moves (run-length encoded) and, each turn, the model's float32
  output before the sigmoid (the logit; axelrod defects when sigmoid(logit) >= 0.5).
- long: full 200-turn matches against a few opponents, same fields.
- metas: the 12 meta strategies whose team contains EvolvedAttention against four fixed
  opponents over META_TURNS turns: mean and standard deviation of cooperation rate and score
  per turn over META_MATCHES seeded matches; Meta Winner Deterministic move for move.

The weights are axelrod's published `axelrod/data/model_attention.pth`; the model is built
once and shared (axelrod rebuilds it for every player, with the same weights).
"""
import json
import os
import sys
import warnings

import axelrod as axl
import torch
from axelrod.strategies import attention

warnings.simplefilter("ignore")
torch.set_num_threads(1)  # one thread: torch's spinning workers stall on a busy 2-core machine
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from axelrod_fixtures import DETERMINISTIC, OUT, rle  # noqa: E402

SHORT_TURNS = 12
LONG_OPPONENTS = ["TitForTat", "Alternator", "Grudger", "CyclerCCD", "EvolvedLookerUp2_2_2"]
META_TURNS = 12
META_MATCHES = 20
META_OPPONENTS = ["Cooperator", "Defector", "TitForTat", "Alternator"]

_MODEL = None
LOGITS = []


def shared_model(self):
    global _MODEL
    if _MODEL is None:
        _MODEL = attention.PlayerModel(attention.PlayerConfig())
        _MODEL.load_state_dict(attention.load_attention_model_weights())
        _MODEL.eval()
    self.model = _MODEL


attention.EvolvedAttention.load_model = shared_model
_forward = attention.PlayerModel.forward


def recording_forward(self, input_ids):
    out = _forward(self, input_ids)
    LOGITS.append(float(out.item()))
    return out


attention.PlayerModel.forward = recording_forward


def make(key):
    if key == "Darwin":
        axl.Darwin.reset_genome()
    return getattr(axl, key)()


def attention_match(opponent, turns):
    LOGITS.clear()
    with torch.no_grad():
        result = axl.Match((axl.EvolvedAttention(), make(opponent)), turns=turns).play()
    assert len(LOGITS) == turns, (opponent, len(LOGITS))
    return {"opponent": opponent, "moves": [rle([r[0] for r in result]), rle([r[1] for r in result])],
            "logits": list(LOGITS)}


def stats(values):
    n = len(values)
    mean = sum(values) / n
    return mean, (sum((v - mean) ** 2 for v in values) / (n - 1)) ** 0.5


def meta_rows(keys):
    rows = []
    for key in keys:
        deterministic = not axl.Classifiers["stochastic"](getattr(axl, key)())
        for opp in META_OPPONENTS:
            coop, score, moves = [], [], None
            for seed in range(1 if deterministic else META_MATCHES):
                with torch.no_grad():
                    m = axl.Match((getattr(axl, key)(), getattr(axl, opp)()), turns=META_TURNS, seed=seed)
                    result = m.play()
                coop.append(m.normalised_cooperation()[0])
                score.append(m.final_score_per_turn()[0])
                moves = [rle([r[0] for r in result]), rle([r[1] for r in result])]
            row = {"player": key, "opponent": opp, "deterministic": deterministic}
            if deterministic:
                row["moves"] = moves
            else:
                (cm, cs), (sm, ss) = stats(coop), stats(score)
                row.update({"matches": len(coop), "cooperation_mean": cm, "cooperation_sd": cs,
                            "score_mean": sm, "score_sd": ss})
            rows.append(row)
            print(key, opp, file=sys.stderr)
    return rows


def main():
    from axelrod.strategies.meta import MetaPlayer
    metas = [cls.__name__ for cls in axl.all_strategies
             if issubclass(cls, MetaPlayer) and any(type(t).__name__ == "EvolvedAttention" for t in cls().team)]
    short = [attention_match(opp, SHORT_TURNS) for opp in DETERMINISTIC]
    print("short matches done", file=sys.stderr)
    data = {"axelrod": axl.__version__, "torch": torch.__version__, "short_turns": SHORT_TURNS, "short": short,
            "long": [], "meta_turns": META_TURNS, "metas": metas, "meta_rows": []}
    write(data)
    data["long"] = [attention_match(opp, 200) for opp in LONG_OPPONENTS]
    write(data)
    data["meta_rows"] = meta_rows(metas)
    write(data)


def write(data):
    path = os.path.join(OUT, "attention.json")
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
