"""Scoring from the store's counted groups gives what scoring item by item gives, to the bit.

``read_evidence_groups`` lets the store choose each indicator's counting observation of a
round and count alike indicators; ``score(items=False)`` scores from those groups. Every
score, verdict, interval and count must be the one ``score`` computes from every
observation row — on the shipped theories and on seeded random edits that make groups
of more than one, restatements, two observations of one indicator in one round, gaps
and changed codings.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.store import OxigraphStore
from beleidstheorie.namespaces import BT
from beleidstheorie.reasoning.network import read_evidence_groups, read_network
from beleidstheorie.reasoning.score import score
from beleidstheorie.views.tables import render_score
from tests.conftest import EXAMPLE, FLAGSHIP

EVERY_FIELD = Path(__file__).parents[1] / "graph" / "every-v2-field.yaml"


def without_items(result):
    """The result, every number exact, without what only an item-by-item read has."""

    def strip(node):
        return replace(node, contributions=())

    return replace(
        result,
        items=(),
        main_goal=strip(result.main_goal),
        subgoals=tuple(map(strip, result.subgoals)),
        mechanisms=tuple(map(strip, result.mechanisms)),
        initiatives=tuple(map(strip, result.initiatives)),
        context=tuple(map(strip, result.context)),
    )


def assert_same_scores(source, round_number: int, intervals: bool) -> None:
    by_item = score(source, round=round_number, explain=False, intervals=intervals)
    grouped = score(source, round=round_number, items=False, intervals=intervals)
    assert grouped.items == ()
    assert without_items(grouped) == without_items(by_item)
    for fmt in ("table", "csv"):
        assert render_score(grouped, fmt) == render_score(by_item, fmt)


@pytest.mark.parametrize("path", [FLAGSHIP, EXAMPLE, EVERY_FIELD], ids=["flagship", "example", "every-field"])
def test_scores_from_the_counted_groups_are_the_scores_item_by_item_in_every_round(path):
    theory = load_theory(path)
    for r in read_network(theory.store).rounds:
        assert_same_scores(theory, r.number, intervals=True)


def test_a_grouped_read_has_one_row_per_group_and_counts_its_indicators(example_theory):
    graph = Graph()
    for triple in example_theory.graph:
        graph.add(triple)
    indicator = next(iter(graph.subjects(BT.indicatorOf, None)))
    _copy_indicator(graph, indicator, "kopie")
    store = OxigraphStore.from_graph(graph)
    by_item, grouped = read_network(store), read_evidence_groups(store)
    # the copy observes what the original observes: one group of two
    assert int(grouped.indicator_counts().sum()) == len(grouped.ind_id) + 1
    assert len(grouped.obs_id) < len(by_item.obs_id)
    assert grouped.grouped_round == by_item.round_number(None)


def test_a_grouped_network_refuses_another_round(example_theory):
    from beleidstheorie.reasoning.config import load_config
    from beleidstheorie.reasoning.evidence import evidence_items

    grouped = read_evidence_groups(example_theory.store, 1)
    with pytest.raises(ValueError, match="round 1"):
        evidence_items(grouped, load_config(), 2)


def _triples_of(graph: Graph, subject) -> list:
    return list(graph.triples((subject, None, None)))


def _observations_of(graph: Graph, indicator) -> list:
    return sorted(graph.subjects(BT.observes, indicator))


def _copy_indicator(graph: Graph, indicator, tag: str) -> None:
    new = URIRef(f"{indicator}-{tag}")
    for _, p, o in _triples_of(graph, indicator):
        graph.add((new, p, o))
    for obs in _observations_of(graph, indicator):
        copy = URIRef(f"{obs}-{tag}")
        for _, p, o in _triples_of(graph, obs):
            graph.add((copy, p, new if p == BT.observes else o))


def _set(graph: Graph, subject, predicate, value) -> None:
    graph.remove((subject, predicate, None))
    graph.add((subject, predicate, value))


STATUSES = [
    BT[f"status-{s}"] for s in ("progressie-geboekt", "geen-progressie", "nog-niet-bekend", "niet-meetbaar")
]
KINDS = [BT[f"evidencekind-{k}"] for k in ("quantitative", "qualitative", "anecdotal", "none")]
BASES = [BT[f"basis-{b}"] for b in ("realised", "estimate", "expectation", "description")]
SOURCES = [BT[f"evidencesource-{s}"] for s in ("self-report", "administrative", "independent")]


def _edit(graph: Graph, rng: random.Random, n: int) -> None:
    """One seeded random edit of the theory's evidence."""
    indicators = sorted(set(graph.subjects(BT.indicatorOf, None)))
    observations = sorted(set(graph.subjects(BT.observes, None)))
    what = rng.choice(["copy", "copy", "restate", "twin", "status", "kind", "basis", "source", "drop"])
    obs = rng.choice(observations)
    if what == "copy":
        _copy_indicator(graph, rng.choice(indicators), f"kopie{n}")
    elif what == "restate":
        graph.add((obs, BT.restates, rng.choice(observations)))
    elif what == "twin":  # a second observation of the indicator in the same round
        twin = URIRef(f"{obs}-tweeling{n}")
        for _, p, o in _triples_of(graph, obs):
            graph.add((twin, p, o))
        _set(graph, twin, BT.status, rng.choice(STATUSES))
    elif what == "status":
        _set(graph, obs, BT.status, rng.choice(STATUSES))
    elif what == "kind":
        _set(graph, obs, BT.evidenceKind, rng.choice(KINDS))
    elif what == "basis":
        _set(graph, obs, BT.basis, rng.choice(BASES))
    elif what == "source":
        _set(graph, obs, BT.evidenceSource, rng.choice(SOURCES))
    else:
        graph.remove((obs, None, None))


@pytest.mark.parametrize("seed", range(12))
def test_seeded_edits_score_the_same_from_the_groups_as_item_by_item(seed, example_theory, flagship_theory):
    rng = random.Random(seed)
    base = example_theory if seed % 3 else flagship_theory
    graph = Graph()
    for triple in base.graph:
        graph.add(triple)
    for n in range(rng.randint(2, 8)):
        _edit(graph, rng, n)
    store = OxigraphStore.from_graph(graph)
    for r in read_network(store).rounds:
        assert_same_scores(store, r.number, intervals=True)


def test_the_dependence_discount_does_not_follow_the_order_of_tied_items():
    # two items on one node, equally strong, one its observation's whole weight and one
    # half of it: whichever the store returns first, the node gets the same evidence
    import numpy as np

    from beleidstheorie.reasoning.evidence import _dependence_weights, node_sums

    group, raw, split = np.array([3, 3]), np.array([0.7, 0.7]), np.array([1.0, 0.5])
    l1 = np.array([0.8, 0.8])
    totals = []
    for order in ([0, 1], [1, 0]):
        o = np.array(order)
        w = split[o] * _dependence_weights(group[o], raw[o], raw[o] > 0, 0.5, (split[o], l1[o], l1[o]))
        totals.append(node_sums(np.zeros(2, dtype=np.int64), w * raw[o], 1)[0])
    assert totals[0] == totals[1]
