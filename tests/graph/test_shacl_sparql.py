"""SHACL as SPARQL on the store agrees with rudof, message for message.

Each case is a valid theory broken in one seeded, random way (a triple deleted, an
object replaced by a term of the wrong kind, a second value added, a type changed);
both engines validate it and their whole problem lists must be equal. The bad-input
corpus and the flagship are compared too.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from beleidstheorie.errors import LoadError
from beleidstheorie.graph import shacl_sparql
from beleidstheorie.graph.load import load_rdf_store, load_theory
from beleidstheorie.graph.shacl import validate_ntriples
from beleidstheorie.graph.shacl_sparql import compile_shapes, validate_store
from beleidstheorie.graph.stores import OxigraphStore

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"
XSD = "http://www.w3.org/2001/XMLSchema#"
BT = "https://w3id.org/beleidstheorie#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

POOL = [
    ox.Literal("x"),
    ox.Literal(""),
    ox.Literal("tekst", language="de"),
    ox.Literal("tekst", language="nl"),
    ox.Literal("0", datatype=ox.NamedNode(f"{XSD}integer")),
    ox.Literal("-2", datatype=ox.NamedNode(f"{XSD}integer")),
    ox.Literal("twee", datatype=ox.NamedNode(f"{XSD}integer")),
    ox.Literal("1.5", datatype=ox.NamedNode(f"{XSD}decimal")),
    ox.Literal("true", datatype=ox.NamedNode(f"{XSD}boolean")),
    ox.Literal("2024-01-01", datatype=ox.NamedNode(f"{XSD}date")),
    ox.NamedNode("https://example.org/nergens"),
    ox.NamedNode(f"{BT}status-progressie-geboekt"),
    ox.NamedNode(f"{BT}Mechanism"),
    ox.BlankNode("b0"),
]


# rudof words three kinds of violation itself instead of using the shape's sh:message (the
# qualified one naming a blank node of its own parse of the shapes); the SPARQL engine, like
# pySHACL, gives the shape's sh:message. For those, the same place and value are required.
RUDOF_OWN_WORDING = re.compile(r"^(Unique lang failed|QualifiedValueShape: only|OR not satisfied)")
BLANK = re.compile(r"_:[A-Za-z0-9]+")


def _value(message: str) -> str:
    found = re.search(r" \(value: (.*)\)$", message)
    return found.group(1) if found else ""


def assert_same_problems(sparql: list, rudof: list) -> None:
    """Whole problems equal; where rudof uses its own wording, same place and value."""

    def norm(p):
        return (p.file, BLANK.sub("_:b", p.place), BLANK.sub("_:b", p.message))

    ours = {norm(p) for p in sparql}
    exact = {norm(p) for p in rudof if not RUDOF_OWN_WORDING.match(p.message)}
    own = {(f, place, _value(m)) for f, place, m in (norm(p) for p in rudof) if RUDOF_OWN_WORDING.match(m)}
    assert exact <= ours, sorted(exact - ours)
    assert {(f, place, _value(m)) for f, place, m in ours - exact} <= own, sorted(ours - exact)
    assert own <= {(f, place, _value(m)) for f, place, m in ours}, sorted(own)


def _store(nt: bytes) -> OxigraphStore:
    store = ox.Store()
    store.load(nt, format=ox.RdfFormat.N_TRIPLES)
    return OxigraphStore(store)


def _mutate(quads: list[ox.Quad], rng: random.Random) -> list[ox.Quad]:
    quads = list(quads)
    i = rng.randrange(len(quads))
    q = quads[i]
    nodes = [x.subject for x in quads]
    kind = rng.choice(["delete", "replace", "add", "retype", "swap"])
    if kind == "delete":
        del quads[i]
    elif kind == "replace":
        quads[i] = ox.Quad(q.subject, q.predicate, rng.choice(POOL))
    elif kind == "add":
        quads.append(ox.Quad(q.subject, q.predicate, rng.choice([*POOL, rng.choice(nodes)])))
    elif kind == "retype":
        types = [x.object for x in quads if x.predicate.value.endswith("#type")]
        quads.append(ox.Quad(q.subject, RDF_TYPE, rng.choice(types)))
    else:  # the object replaced by another node of the theory
        quads[i] = ox.Quad(q.subject, q.predicate, rng.choice(nodes))
    return quads


def _nt(quads: list[ox.Quad]) -> bytes:
    store = ox.Store()
    store.extend(quads)
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())


def _bases() -> dict[str, bytes]:
    minimal = load_rdf_store(ROOT / "tests" / "data" / "minimal.ttl")
    v2 = load_theory(ROOT / "tests" / "graph" / "every-v2-field.yaml").store
    return {
        "minimal": minimal.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()),
        "every-v2-field": v2.dump_ntriples(),
    }


BASES = _bases()


@pytest.mark.parametrize("base", sorted(BASES))
@pytest.mark.parametrize("seed", range(40))
def test_a_randomly_broken_theory_gets_the_same_problems_from_both_engines(base, seed):
    rng = random.Random(f"{base}-{seed}")
    quads = [q for q in _store(BASES[base]).oxigraph.quads_for_pattern(None, None, None)]
    quads.sort(key=str)
    nt = _nt(_mutate(quads, rng))
    assert_same_problems(validate_store(_store(nt), "t.nt"), validate_ntriples(nt, "t.nt"))


def test_random_breaks_mostly_break_the_shapes():
    """The comparison above is not vacuous: most mutations are violations."""
    broken = 0
    for seed in range(40):
        rng = random.Random(f"minimal-{seed}")
        quads = sorted(_store(BASES["minimal"]).oxigraph.quads_for_pattern(None, None, None), key=str)
        broken += bool(validate_store(_store(_nt(_mutate(quads, rng)))))
    assert broken >= 20


@pytest.mark.parametrize("path", sorted(BAD.glob("ttl-*.ttl")), ids=lambda p: p.name)
def test_the_bad_corpus_gets_the_same_problems_from_both_engines(path):
    try:
        store = OxigraphStore(load_rdf_store(path))
    except LoadError:  # a file Oxigraph cannot parse never reaches validation
        pytest.skip("not parseable RDF")
    assert_same_problems(
        validate_store(store, str(path)), validate_ntriples(store.dump_ntriples(), str(path))
    )


def test_the_flagship_conforms_on_both_engines():
    store = load_theory(ROOT / "graphs" / "intensiveringsaanpak").store
    assert validate_store(store) == validate_ntriples(store.dump_ntriples()) == []


def test_every_constraint_of_the_shapes_is_compiled():
    checks = compile_shapes()
    assert len({c.shape for c in checks}) > 200


class _QueriesOnly:
    """A store answering SPARQL only (as a server does): every check runs as its query."""

    def __init__(self, store: OxigraphStore) -> None:
        self.inner = store

    def query(self, sparql, bindings=None):
        return self.inner.query(sparql, bindings)


@pytest.fixture
def counted_and_scanned(monkeypatch):
    """Every value check scanned (the plan the embedded store takes where the focus nodes use
    most of the predicate's triples), here on small stores; counts are passes anyway."""
    monkeypatch.setattr(shacl_sparql, "SCAN_FACTOR", 10**9)


@pytest.mark.parametrize("base", sorted(BASES))
@pytest.mark.parametrize("seed", range(40))
def test_counting_and_scanning_give_the_problems_the_queries_give(base, seed, counted_and_scanned):
    rng = random.Random(f"plans-{base}-{seed}")
    quads = sorted(_store(BASES[base]).oxigraph.quads_for_pattern(None, None, None), key=str)
    nt = _nt(_mutate(_mutate(quads, rng), rng))
    store = _store(nt)
    assert validate_store(store, "t.nt") == validate_store(_QueriesOnly(store), "t.nt")


@pytest.mark.parametrize("scoped", [False, True])
def test_a_value_in_two_graphs_of_the_union_counts_once(scoped, counted_and_scanned):
    store = ox.Store()
    store.load(
        BASES["minimal"], format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("https://example.org/g1")
    )
    store.load(
        BASES["minimal"], format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("https://example.org/g2")
    )
    both = OxigraphStore(store)
    if scoped:
        both = both.scoped(["https://example.org/g1", "https://example.org/g2"])
    assert validate_store(both) == validate_store(_QueriesOnly(both)) == []
    # a second, different value in one graph is still a second value
    subject, predicate = next(
        (q.subject, q.predicate) for q in store.quads_for_pattern(None, ox.NamedNode(f"{BT}status"), None)
    )
    second = ox.NamedNode(f"{BT}status-geen-progressie")
    store.add(ox.Quad(subject, predicate, second, ox.NamedNode("https://example.org/g2")))
    found = validate_store(both)
    assert found == validate_store(_QueriesOnly(both))
    assert [p.place for p in found] == [f"<{subject.value}> bt:status"]


@pytest.mark.parametrize("typed", [False, True])
def test_a_blank_node_labelled_like_an_iri_is_not_taken_for_it(typed, counted_and_scanned):
    """pyoxigraph lets a program make BlankNode("urn:x"): it must not count for <urn:x>."""
    status = ox.NamedNode(f"{BT}status")
    quads = list(_store(BASES["minimal"]).oxigraph.quads_for_pattern(None, None, None))
    observation = next(q.subject for q in quads if q.predicate == status)
    iri, twin = ox.NamedNode("urn:waarneming"), ox.BlankNode("urn:waarneming")

    def renamed(t):
        return iri if t == observation else t

    store = ox.Store()
    store.extend(ox.Quad(renamed(q.subject), q.predicate, renamed(q.object)) for q in quads)
    for q in list(store.quads_for_pattern(iri, None, None)):
        if typed or q.predicate != RDF_TYPE:
            store.add(ox.Quad(twin, q.predicate, q.object))
    store.remove(next(iter(store.quads_for_pattern(iri, status, None))))
    found = validate_store(OxigraphStore(store))
    assert found == validate_store(_QueriesOnly(OxigraphStore(store)))
    assert "<urn:waarneming> bt:status" in [p.place for p in found]
