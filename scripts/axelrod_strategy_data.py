#!/usr/bin/env python3
"""Writes Sources/ParleyGames/Repeated/Data/AxelrodStrategyData.swift from axelrod 4.14.0.

Run through `bash scripts/axelrod_fixtures.sh data`. The parameters of axelrod's table-driven
strategies are facts published with axelrod (its data files and class definitions): the
transition tables of the finite-state machines, the lookup tables and their initial moves,
the Gambler probability tables, the neural-network weights and the hidden-Markov-model
matrices. This script reads them from constructed players (never from axelrod's code text)
and writes them as plain Swift string literals that Parley's own loaders parse
(`FiniteStateMachineTable`, `LookupTableData`, `NeuralNetworkData`, `HiddenMarkovData`).
Numbers are written with Python's `repr`, which Swift's `Double(String)` reads back exactly.
"""
import itertools
import os
import re

import axelrod as axl
from axelrod.strategies.ann import ANN
from axelrod.strategies.finite_state_machines import FSMPlayer
from axelrod.strategies.hmm import HMMPlayer
from axelrod.strategies.lookerup import LookerUp
from axelrod.strategies.gambler import Gambler

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "ParleyGames", "Repeated", "Data",
                   "AxelrodStrategyData.swift")
C, D = axl.Action.C, axl.Action.D


def letter(action):
    return "C" if action == C else "D"


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def source(cls):
    """The bibliography keys of the docstring's Names section, and the module."""
    doc = cls.__doc__ or ""
    keys = []
    for key in re.findall(r"\[([A-Za-z0-9]+)\]_", doc):
        if key not in keys:
            keys.append(key)
    module = cls.__module__.split(".")[-1] + ".py"
    refs = ", ".join(keys)
    return (refs + "; " if refs else "") + "axelrod " + module


def fsm_entry(cls):
    p = cls()
    rows = sorted(p.fsm.state_transitions.items(), key=lambda kv: (kv[0][0], letter(kv[0][1])))
    compact = ";".join(f"{s},{letter(a)},{t},{letter(m)}" for (s, a), (t, m) in rows)
    return (f"        .init(key: {swift_string(cls.__name__)}, name: {swift_string(str(p))}, "
            f"source: {swift_string(source(cls))},\n              rows: {swift_string(compact)}, "
            f"initialState: {p.initial_state}, initialMove: {swift_string(letter(p.initial_action))}),")


def lookup_entry(cls):
    p = cls()
    table = p._lookup
    own, theirs, openings = table.player_depth, table.op_depth, table.op_openings_depth
    values = []
    for bits in itertools.product((C, D), repeat=openings + own + theirs):
        o = bits[:openings]
        m = bits[openings:openings + own]
        t = bits[openings + own:]
        value = table.get(tuple(m), tuple(t), tuple(o))
        if value == C:
            values.append("1")
        elif value == D:
            values.append("0")
        else:
            values.append(repr(float(value)))
    initial = "".join(letter(a) for a in p._initial_actions_pool)
    return (f"        .init(key: {swift_string(cls.__name__)}, name: {swift_string(str(p))}, "
            f"source: {swift_string(source(cls))},\n              own: {own}, theirs: {theirs}, openings: {openings}, "
            f"initialMoves: {swift_string(initial)},\n              values: {swift_string(' '.join(values))}),")


def ann_entry(cls):
    p = cls()
    weights = " ".join(repr(float(w)) for w in p.weights)
    assert p.num_features == 17
    return (f"        .init(key: {swift_string(cls.__name__)}, name: {swift_string(str(p))}, "
            f"source: {swift_string(source(cls))},\n              hidden: {p.num_hidden},\n"
            f"              weights: {swift_string(weights)}),")


def hmm_entry(cls):
    p = cls()
    h = p.hmm

    def matrix(m):
        return ";".join(" ".join(repr(float(x)) for x in row) for row in m)

    return (f"        .init(key: {swift_string(cls.__name__)}, name: {swift_string(str(p))}, "
            f"source: {swift_string(source(cls))},\n              transitionsC: {swift_string(matrix(h.transitions_C))},\n"
            f"              transitionsD: {swift_string(matrix(h.transitions_D))},\n"
            f"              emissions: {swift_string(' '.join(repr(float(x)) for x in h.emission_probabilities))},\n"
            f"              initialState: {p.initial_state}, initialMove: {swift_string(letter(p.initial_action))}),")


BASES = (FSMPlayer, Gambler, LookerUp, ANN, HMMPlayer)


def exported_classes():
    """The strategies of axelrod.all_strategies that are a table-driven base class used as is.

    Subclasses that override the strategy (Second by Mikkelson is an FSMPlayer that never
    uses its machine) are ported by hand instead."""
    out = []
    for cls in axl.all_strategies:
        base = next((b for b in BASES if issubclass(cls, b)), None)
        if base is not None and cls.strategy is base.strategy:
            out.append(cls)
    return out


def main():
    fsm, lookup, gambler, ann, hmm = [], [], [], [], []
    for cls in exported_classes():
        if issubclass(cls, FSMPlayer):
            fsm.append(fsm_entry(cls))
        elif issubclass(cls, Gambler):
            gambler.append(lookup_entry(cls))
        elif issubclass(cls, LookerUp):
            lookup.append(lookup_entry(cls))
        elif issubclass(cls, ANN):
            ann.append(ann_entry(cls))
        elif issubclass(cls, HMMPlayer):
            hmm.append(hmm_entry(cls))
    lines = [
        "// Generated by scripts/axelrod_strategy_data.py from axelrod " + axl.__version__ + "; do not edit.",
        "// The parameters of axelrod's table-driven strategies (published data: numbers are facts),",
        "// read by Parley's own loaders in Strategies/FiniteStateMachine.swift, LookupTable.swift,",
        "// NeuralNetwork.swift and HiddenMarkov.swift.",
        "",
        "extension AxelrodStrategyData {",
        "    static let finiteStateMachines: [FiniteStateMachineRecord] = [",
        *fsm,
        "    ]",
        "",
        "    static let lookupTables: [LookupTableRecord] = [",
        *lookup,
        "    ]",
        "",
        "    static let gamblers: [LookupTableRecord] = [",
        *gambler,
        "    ]",
        "",
        "    static let neuralNetworks: [NeuralNetworkRecord] = [",
        *ann,
        "    ]",
        "",
        "    static let hiddenMarkovModels: [HiddenMarkovRecord] = [",
        *hmm,
        "    ]",
        "}",
        "",
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        f.write("\n".join(lines))
    print(f"wrote {os.path.relpath(OUT)}: {len(fsm)} machines, {len(lookup)} lookup tables, {len(gambler)} gamblers, "
          f"{len(ann)} networks, {len(hmm)} hidden Markov models")


if __name__ == "__main__":
    main()
