"""Coding sensitivity: every reported set of recodings really flips its verdict, and no
smaller set the search claims to have tried does."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from beleidstheorie.graph.load import load_theory
from beleidstheorie.reasoning.analysis.coding import STEPS, coding_sensitivity
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.network import BASES, KINDS, STATUSES, read_network
from beleidstheorie.reasoning.score import evaluate, verdicts_of
from tests.conftest import EXAMPLE as EXAMPLE_DIR

VOCAB = {"status": STATUSES, "basis": BASES, "kind": KINDS}
COLUMN = {"status": "obs_status", "basis": "obs_basis", "kind": "obs_kind"}


@pytest.fixture(scope="module")
def example():
    theory = load_theory(EXAMPLE_DIR)
    return theory, read_network(theory.store), coding_sensitivity(theory)


def _recoded(net, changes):
    """The network with (observation row, field, new value) applied, built independently."""
    arrays = {}
    for row, field, value in changes:
        arr = arrays.setdefault(COLUMN[field], getattr(net, COLUMN[field]).copy())
        arr[row] = VOCAB[field].index(value)
    return replace(net, **arrays)


def _verdicts(net):
    nodes = list(range(net.mechanism_offset, net.main_goal_index + 1))
    ev = evaluate(None, load_config(), None, explain=False, network=net)
    return dict(zip([net.nodes[i].id for i in nodes], verdicts_of(ev, nodes), strict=True))


def test_every_reported_set_of_recodings_flips_the_verdict_it_names(example):
    _, net, result = example
    rows = {oid.rsplit("/", 1)[-1]: k for k, oid in enumerate(net.obs_id)}
    flipped = [n for n in result.nodes if n.flips_to]
    assert flipped, "the example has at least one verdict a recoding flips"
    for n in flipped:
        changes = [(rows[r.observation], r.field, r.after) for r in n.recodings]
        assert _verdicts(_recoded(net, changes))[n.key] == n.flips_to
        # and each recoding starts from the value the theory really holds
        for r in n.recodings:
            value = int(getattr(net, COLUMN[r.field])[rows[r.observation]])
            held = VOCAB[r.field][value] if value >= 0 else load_config().defaults.basis
            assert held == r.before and r.after in STEPS[r.field][r.before]


def test_no_single_recoding_flips_a_verdict_reported_with_a_larger_set_or_none(example):
    _, net, result = example
    base = _verdicts(net)
    cfg = load_config()
    singles_flip: set[str] = set()
    for row in range(len(net.obs_id)):
        for field, column in COLUMN.items():
            value = int(getattr(net, column)[row])
            held = VOCAB[field][value] if value >= 0 else cfg.defaults.basis
            for after in STEPS[field][held]:
                got = _verdicts(_recoded(net, [(row, field, after)]))
                singles_flip |= {k for k, v in got.items() if v != base[k]}
    for n in result.nodes:
        assert (len(n.recodings) == 1) == (n.key in singles_flip), n.key
        if len(n.recodings) == 1:
            assert n.minimal


def test_a_minimal_pair_is_reported_as_minimal_and_the_rest_honestly(example):
    _, _, result = example
    contacts = result.node("vaste-contacten")
    assert (contacts.verdict, contacts.flips_to, contacts.minimal) == ("insufficient", "indications", True)
    assert [(r.field, r.before, r.after) for r in contacts.recodings] == [
        ("basis", "estimate", "realised"),
        ("kind", "qualitative", "quantitative"),
    ]
    for n in result.nodes:
        if n.flips_to is None:
            assert (n.recodings, n.minimal, n.searched_size) == ((), False, 4)


def test_the_one_step_neighbourhoods_are_symmetric_and_cover_every_value():
    for field, steps in STEPS.items():
        assert set(steps) == set(VOCAB[field])
        for value, neighbours in steps.items():
            assert value not in neighbours
            for other in neighbours:
                assert value in steps[other], (field, value, other)


def test_sensitivity_with_coding_adds_the_coding_part_to_json_and_csv(tmp_path):
    from click.testing import CliRunner

    from beleidstheorie.cli import main

    runner = CliRunner()
    got = runner.invoke(main, ["sensitivity", str(EXAMPLE_DIR), "--coding", "--format", "json"])
    assert got.exit_code == 0, got.output
    data = json.loads(got.stdout)
    direct = coding_sensitivity(load_theory(EXAMPLE_DIR))
    assert data["coding"]["candidates"] == direct.candidates
    assert [(n["id"], n["flips_to"], len(n["recodings"])) for n in data["coding"]["nodes"]] == [
        (n.key, n.flips_to, len(n.recodings)) for n in direct.nodes
    ]
    out = tmp_path / "coding.csv"
    got = runner.invoke(main, ["sensitivity", str(EXAMPLE_DIR), "--coding", "-o", str(out), "--lang", "en"])
    assert got.exit_code == 0, got.output
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == (
        "kind,kind_label,id,label,round,verdict,flips_to,minimal,set_size,"
        "observation,indicator,initiative,observation_round,field,from,to"
    )
    rows = [line.split(",")[-3:] for line in lines[1:] if ",vaste-contacten," in line]
    assert rows == [["basis", "estimate", "realised"], ["kind", "qualitative", "quantitative"]]
