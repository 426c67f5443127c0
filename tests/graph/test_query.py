"""SPARQL from users: values bound as terms everywhere, no SERVICE, a time limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from beleidstheorie.errors import StoreError
from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.query import bind_values, parse_binding, run_query
from beleidstheorie.graph.store import RdflibStore
from tests.conftest import EXAMPLE

MECH = "https://example.org/beleidstheorie/buurtbudget/mechanism/"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?q ?r }"


@pytest.fixture(scope="module")
def theory():
    return load_theory(EXAMPLE)


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def store(request, theory):
    return theory.store if request.param == "oxigraph" else RdflibStore(theory.graph)


def test_a_parameter_used_only_inside_filter_is_bound(store):
    query = "SELECT ?m WHERE { ?m a bt:Mechanism ; skos:prefLabel ?l FILTER(?l = ?x) }"
    _, rows = run_query(store, query, {"x": Literal("Vaste contacten", lang="nl")}, timeout=None)
    assert rows == [[MECH + "vaste-contacten"]]


def test_a_parameter_in_a_triple_pattern_and_in_the_projection_is_bound(store):
    query = "SELECT ?x ?l WHERE { ?x skos:prefLabel ?l FILTER(lang(?l) = 'nl') }"
    names, rows = run_query(store, query, {"x": URIRef(MECH + "wederkerigheid")}, timeout=None)
    assert names == ["l"] and rows == [["Wederkerigheid"]]


def test_a_sub_select_gets_its_bindings_at_the_end():
    text = bind_values("SELECT ?s WHERE { SELECT ?s WHERE { ?s ?p ?o } }", {"o": Literal(1)})
    assert text.endswith('\nVALUES (?o) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) }')


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . SeRvIcE ?endpoint { ?s ?p ?o } }",
    ],
)
def test_service_is_refused_in_any_spelling(theory, query):
    with pytest.raises(StoreError, match="SERVICE is disabled"):
        run_query(theory.store, query)


def test_the_word_service_in_a_string_iri_or_comment_is_no_service(theory):
    query = 'SELECT ?s WHERE { ?s ?p "SERVICE" . # SERVICE\n ?s ?p <urn:SERVICE> }'
    assert run_query(theory.store, query) == (["s"], [])


@pytest.mark.parametrize("value", ["<urn:a> } ; DROP ALL ; <urn:b>", "<urn:a\x00>", "<urn:a b>"])
def test_an_iri_parameter_that_is_no_iri_is_refused(value):
    with pytest.raises(StoreError, match="is not a valid IRI"):
        parse_binding(f"m={value}")


def _children() -> set[str]:
    pid = os.getpid()
    return set(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())


def test_a_query_over_its_time_limit_is_stopped_and_leaves_no_process(theory):
    before = _children()
    with pytest.raises(StoreError, match=r"ran longer than 0.5 s and was stopped"):
        run_query(theory.store, HEAVY, timeout=0.5)
    assert _children() <= before  # the query's process was killed and reaped


def test_a_query_within_its_time_limit_returns_its_rows(theory):
    names, rows = run_query(theory.store, "SELECT ?m WHERE { ?m a bt:Mechanism } ORDER BY ?m", timeout=30)
    assert names == ["m"] and len(rows) == 4
