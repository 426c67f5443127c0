"""Property-based fuzzing of every loader: any input ends in a result or a clear library error.

Random text, and structure-aware mutations of a valid theory (a value
replaced by a value of another type, a key dropped, an item repeated, a
triple's object swapped for another node or an odd literal), go into the YAML
loader, the RDF parsers, the RDF reading path (load, check, score) and the
SPARQL runner. Anything but a :class:`~beleidstheorie.errors.BeleidstheorieError`
— a KeyError, a RecursionError, a hang — fails.
"""

from __future__ import annotations

import contextlib
import copy
import json
import tomllib
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef

from beleidstheorie.cli.common import _config
from beleidstheorie.errors import BeleidstheorieError
from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.query import run_query
from beleidstheorie.io.rdf import parse_rdf
from beleidstheorie.io.theory_yaml import parse_theory_yaml
from beleidstheorie.io.yamltext import parse_yaml
from beleidstheorie.namespaces import XSD
from beleidstheorie.reasoning.config import default_config_text, load_config
from beleidstheorie.reasoning.score import score
from tests.security.conftest import DATA

FUZZ = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
MINIMAL_TEXT = (DATA / "minimal.yaml").read_text(encoding="utf-8")
MINIMAL_DATA = yaml.safe_load(MINIMAL_TEXT)
MINIMAL_TTL = (DATA / "minimal.ttl").read_text(encoding="utf-8")

odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.just(""),
    st.just("a" * 5000),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, (*prefix, i))


PATHS = [p for p in _paths(MINIMAL_DATA) if p]


@st.composite
def mutated_theory(draw):
    data = copy.deepcopy(MINIMAL_DATA)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            key = path[-1]
            action = draw(st.sampled_from(["replace", "delete", "repeat"]))
            if action == "replace":
                parent[key] = draw(odd_values)
            elif action == "delete":
                del parent[key]
            elif isinstance(parent, list):
                parent.append(copy.deepcopy(parent[key]))
            else:
                parent[key] = [parent[key], parent[key]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or retyped this path
    return data


def _loads_or_fails_clearly(documents):
    try:
        parse_theory_yaml(documents)
    except BeleidstheorieError as exc:
        assert exc.problems and all(p.message for p in exc.problems)


@FUZZ
@given(st.text(max_size=300))
def test_any_text_is_yaml_or_a_clear_error(text):
    try:
        parse_yaml(text, "f.yaml")
    except BeleidstheorieError as exc:
        assert str(exc).startswith("f.yaml")


@FUZZ
@given(mutated_theory())
def test_any_mutation_of_a_valid_theory_loads_or_fails_clearly(data):
    _loads_or_fails_clearly([("t.yaml", yaml.safe_dump(data, allow_unicode=True))])


@FUZZ
@given(st.integers(0, len(MINIMAL_TEXT) - 1), st.integers(0, 20), st.text(max_size=10))
def test_any_splice_into_the_yaml_text_loads_or_fails_clearly(at, cut, insert):
    _loads_or_fails_clearly([("t.yaml", MINIMAL_TEXT[:at] + insert + MINIMAL_TEXT[at + cut :])])


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_is_rdf_or_a_clear_error(fmt, text):
    try:
        parse_rdf(text, fmt, f"f.{fmt}")
    except BeleidstheorieError as exc:
        assert str(exc).startswith(f"f.{fmt}")


json_values = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.text(max_size=10), st.sampled_from(["@id", "@context"])
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["@context", "@id", "@type", "@import", "@graph", "@vocab", "urn:p", "p"]),
            inner,
            max_size=4,
        ),
    ),
    max_leaves=20,
)


@FUZZ
@given(json_values)
def test_any_json_structure_is_json_ld_or_a_clear_error(doc):
    try:
        parse_rdf(json.dumps(doc), "jsonld", "f.jsonld")
    except BeleidstheorieError as exc:
        assert str(exc).startswith("f.jsonld")


BASE = Graph().parse(data=MINIMAL_TTL, format="turtle")
TRIPLES = sorted(BASE)
NODES = sorted({t for s, _, o in TRIPLES for t in (s, o) if isinstance(t, URIRef)})
odd_literals = st.one_of(
    st.builds(Literal, st.text(max_size=8)),
    st.builds(
        lambda v: Literal(v, datatype=XSD.integer),
        st.sampled_from(["-3", "0", "x", "1e5", "99999999999999999999"]),
    ),
    st.builds(lambda v: Literal(v, datatype=XSD.double), st.sampled_from(["NaN", "INF", "-0", "1.5", "abc"])),
    st.builds(lambda v: Literal(v, datatype=XSD.date), st.sampled_from(["2024-13-45", "gisteren"])),
)


@st.composite
def mutated_graph(draw):
    triples = list(TRIPLES)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(triples) - 1))
        s, p, o = triples[i]
        action = draw(st.sampled_from(["drop", "node", "literal", "subject"]))
        if action == "drop":
            triples.pop(i)
        elif action == "node":
            triples[i] = (s, p, draw(st.sampled_from(NODES)))
        elif action == "literal":
            triples[i] = (s, p, draw(odd_literals))
        else:
            triples.append((draw(st.sampled_from(NODES)), p, o))
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


@SLOW
@given(mutated_graph())
def test_any_mutated_rdf_theory_scores_or_fails_clearly(tmp_path_factory, graph):
    path = Path(tmp_path_factory.mktemp("fuzz")) / "t.nt"
    path.write_text(graph.serialize(format="nt"), encoding="utf-8")
    try:
        score(load_theory(path), load_config())
    except BeleidstheorieError as exc:
        assert exc.problems and all(p.message for p in exc.problems)


STORE = load_theory(DATA / "minimal.yaml").store


@FUZZ
@given(st.text(max_size=120))
def test_any_query_text_runs_or_fails_clearly(text):
    with contextlib.suppress(BeleidstheorieError):
        run_query(STORE, text, timeout=None)


@FUZZ
@given(st.text(max_size=60))
def test_any_bound_string_matches_only_itself(value):
    query = "SELECT ?n WHERE { ?n skos:prefLabel ?l FILTER(STR(?l) = ?x) }"
    _, rows = run_query(STORE, query, {"x": Literal(value)}, timeout=None)
    labels = {str(o) for _, p, o in BASE if str(p).endswith("#prefLabel")}
    assert (len(rows) > 0) == (value in labels)


DEFAULTS = tomllib.loads(default_config_text())
CONFIG_PATHS = [p for p in _paths(DEFAULTS) if p]


@st.composite
def mutated_config(draw) -> str:
    """A TOML override: one to three keys of the defaults set to odd values, or unknown keys."""
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(CONFIG_PATHS))
        value = draw(
            st.one_of(
                st.floats(allow_nan=True, allow_infinity=True).map(repr),
                st.integers(-(10**20), 10**20).map(str),
                st.text(max_size=8).map(json.dumps),
                st.just("[1, 2]"),
                st.just("{ x = 1 }"),
                st.just("true"),
            )
        )
        key = ".".join(f'"{p}"' for p in path)
        lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


@FUZZ
@given(st.one_of(mutated_config(), st.text(max_size=80)))
def test_any_config_text_loads_or_fails_clearly_on_the_cli_path(tmp_path_factory, text):
    path = Path(tmp_path_factory.mktemp("cfg")) / "c.toml"
    path.write_text(text, encoding="utf-8")
    try:
        _config(path)
    except BeleidstheorieError as exc:
        assert exc.problems and all(p.message for p in exc.problems)


def test_a_mechanism_without_its_optional_position_is_still_scored(tmp_path):
    """bt:position is optional in the shapes (found by the fuzz test above: the mechanism
    vanished from the network and its contribution raised a KeyError)."""
    from beleidstheorie.namespaces import BT

    graph = Graph()
    for triple in TRIPLES:
        graph.add(triple)
    dropped = [(s, p, o) for s, p, o in graph if p == BT.position and "/mechanism/" in str(s)]
    assert dropped
    for triple in dropped:
        graph.remove(triple)
    path = tmp_path / "t.nt"
    path.write_text(graph.serialize(format="nt"), encoding="utf-8")
    result = score(load_theory(path), load_config())
    keys = {n.key for n in (*result.mechanisms, *result.context)}
    assert {str(s).rsplit("/", 1)[-1] for s, _, _ in dropped} <= keys
