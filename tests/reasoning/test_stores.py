"""The engine reads any store through SPARQL: rdflib and Oxigraph give the same scores."""

from __future__ import annotations

from beleidstheorie.graph.store import OxigraphStore, RdflibStore
from beleidstheorie.reasoning.score import score


def test_rdflib_and_oxigraph_stores_give_identical_results(example_theory):
    via_oxigraph = score(OxigraphStore.from_graph(example_theory.graph), explain=True)
    via_rdflib = score(RdflibStore(example_theory.graph), explain=True)
    assert via_oxigraph.to_dict() == via_rdflib.to_dict()


def test_a_store_holding_the_flagship_scores_like_the_loaded_theory(flagship_theory):
    from_store = score(OxigraphStore.from_graph(flagship_theory.graph), explain=False)
    from_theory = score(flagship_theory, explain=False)
    assert from_store.to_dict() == from_theory.to_dict()


def test_results_without_leave_one_out_are_still_strict_json(example_theory):
    import json

    data = score(example_theory, explain=False).to_dict()
    text = json.dumps(data, allow_nan=False)
    assert '"impact": null' in text
