"""The embedded store's counted groups from its index are the rows of the groups' query.

``reasoning/triple_groups.py`` computes on the embedded store what
``evidence_groups_query`` asks every other store; these tests hold the two side by side on
the shipped theories, on seeded random edits and on terms bound several times.
"""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal

from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.stores import OxigraphStore, iri_term, select_text
from beleidstheorie.namespaces import BT, XSD
from beleidstheorie.reasoning import network
from beleidstheorie.reasoning.network import Q_TARGETED, evidence_groups_query, read_evidence_groups
from beleidstheorie.reasoning.triple_groups import evidence_group_rows
from tests.conftest import EXAMPLE, FLAGSHIP
from tests.reasoning.test_evidence_groups import EVERY_FIELD, _edit

AGGREGATES = ("count", "roundnumber", "anyind", "anyobs")


def merged(rows: list[dict]) -> dict:
    """Rows of one group (the query's GROUP_CONCAT may order an indicator's targets otherwise) as one."""
    out: dict = {}
    for r in rows:
        fields = {k: v for k, v in r.items() if k not in AGGREGATES}
        fields["targets"] = " ".join(sorted(fields.get("targets", "").split()))
        key = tuple(sorted(fields.items()))
        count, rn, ind, obs = out.get(key, (0, 0, r["anyind"], r["anyobs"]))
        out[key] = (
            count + int(r["count"]),
            max(rn, int(r["roundnumber"])),
            min(ind, r["anyind"]),
            min(obs, r["anyobs"]),
        )
    return out


def assert_rows_of_the_query(store: OxigraphStore, theory: str) -> None:
    bind = {"t": iri_term(theory)}
    for cutoff in range(0, 5):
        found = evidence_group_rows(store, theory, cutoff)
        assert found is not None
        rows, targeted = found
        query = select_text(store, evidence_groups_query(cutoff), bind)
        assert merged(rows) == merged(query)
        assert targeted == [r["target"] for r in select_text(store, Q_TARGETED, bind)]


def same_network(a: network.Network, b: network.Network) -> bool:
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray):
            if x.dtype != y.dtype or not np.array_equal(x, y, equal_nan=x.dtype.kind == "f"):
                return False
        elif x != y:
            return False
    return True


def read_by_query(store, round_number, monkeypatch) -> network.Network:
    with monkeypatch.context() as m:
        m.setattr(network, "evidence_group_rows", lambda *args: None)
        return read_evidence_groups(store, round_number)


@pytest.mark.parametrize("path", [FLAGSHIP, EXAMPLE, EVERY_FIELD], ids=["flagship", "example", "every-field"])
def test_the_index_gives_the_rows_of_the_query_on_the_shipped_theories(path, monkeypatch):
    theory = load_theory(path)
    assert_rows_of_the_query(theory.store, theory.iri)
    for r in theory.rounds:
        assert same_network(
            read_evidence_groups(theory.store, r.number), read_by_query(theory.store, r.number, monkeypatch)
        )


@pytest.mark.parametrize("seed", range(8))
def test_the_index_gives_the_rows_of_the_query_after_seeded_edits(seed, example_theory, flagship_theory):
    rng = random.Random(seed)
    graph = Graph()
    for triple in (example_theory if seed % 2 else flagship_theory).graph:
        graph.add(triple)
    for n in range(rng.randint(2, 8)):
        _edit(graph, rng, n)
    store = OxigraphStore.from_graph(graph)
    assert_rows_of_the_query(store, next(iter(graph.subjects(None, BT.PolicyTheory))))


def test_terms_bound_several_times_give_the_rows_of_the_querys_joins(example_theory):
    graph = Graph()
    for triple in example_theory.graph:
        graph.add(triple)
    observations = sorted(graph.subjects(BT.observes, None))
    quantities = sorted(graph.subjects(None, BT.Quantity)) or sorted(graph.objects(None, BT.hasQuantity))
    graph.add((observations[0], BT.status, BT["status-geen-progressie"]))  # two statuses
    graph.add((observations[1], BT.evidenceKind, BT["evidencekind-none"]))  # two kinds
    graph.add((observations[2], BT.basis, BT["basis-estimate"]))
    graph.add((quantities[0], BT.valueKind, BT["valuekind-estimate"]))  # a value of two kinds
    indicator = next(iter(graph.objects(observations[3], BT.observes)))
    graph.add((indicator, BT.indicatorLevel, BT["indicatorlevel-outcome"]))  # two levels
    store = OxigraphStore.from_graph(graph)
    assert_rows_of_the_query(store, example_theory.iri)


def test_a_triple_in_two_graphs_counts_twice_as_in_the_query_over_their_union(example_theory):
    raw = ox.Store()
    for quad in example_theory.store.oxigraph:
        raw.add(quad)
        if quad.predicate.value.endswith("#hasQuantity"):
            raw.add(ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode("urn:other")))
    assert_rows_of_the_query(OxigraphStore(raw), example_theory.iri)
    graphs = [g.value for g in raw.named_graphs()]
    assert_rows_of_the_query(OxigraphStore(raw, graphs), example_theory.iri)


def test_a_round_number_that_is_not_an_integer_is_left_to_the_query(example_theory):
    graph = Graph()
    for triple in example_theory.graph:
        graph.add(triple)
    first = next(r for r in graph.subjects(BT.number, None) if (None, BT.inRound, r) in graph)
    graph.set((first, BT.number, Literal("1.5", datatype=XSD.decimal)))
    store = OxigraphStore.from_graph(graph)
    assert evidence_group_rows(store, example_theory.iri, 2) is None
