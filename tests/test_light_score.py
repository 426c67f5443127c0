"""A ``score`` recomputed from the cached store imports only what it uses (issue #12: under 0.3 s).

rdflib (about 0.1 s CPU of a fresh process), numpy.ma and the reasoning modules that the
score table names only in annotations stay unimported; the output is the one the first,
uncached run printed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from beleidstheorie.graph.stores import OxigraphStore, RdflibStore, iri_term
from beleidstheorie.graph.stores.base import rdflib_term, to_ox
from tests.conftest import EXAMPLE

UNUSED = [
    "rdflib",
    "numpy.ma",
    "pydantic",
    "beleidstheorie.graph.stores.remote",  # urllib.request, ssl, socket: only a SPARQL server needs them
    "beleidstheorie.reasoning.analysis.coding",
    "beleidstheorie.reasoning.compare",
    "beleidstheorie.reasoning.coverage",
    "beleidstheorie.reasoning.explain",
    "beleidstheorie.reasoning.sensitivity",
]

SCORE = """
import json, sys
from beleidstheorie.cli import main
try:
    main({args!r}, standalone_mode=False)
finally:
    print(json.dumps([m for m in {unused!r} if m in sys.modules]), file=sys.stderr)
"""


def _score(env: dict[str, str], args: list[str] | None = None) -> tuple[str, list[str]]:
    code = SCORE.format(args=args or ["score", str(EXAMPLE)], unused=UNUSED)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, json.loads(proc.stderr.strip().splitlines()[-1])


def test_a_score_from_the_cached_store_imports_no_rdflib_and_prints_the_same(tmp_path):
    env = {**os.environ, "BELEIDSTHEORIE_CACHE_DIR": str(tmp_path)}
    first, imported_first = _score(env)
    assert "pydantic" in imported_first  # the first run reads the YAML into the model: the check can fail
    assert "rdflib" not in imported_first  # and builds the store from it with pyoxigraph's terms only
    for entry in tmp_path.glob("*-output.json"):
        entry.unlink()  # the output is recomputed, not replayed
    again, imported = _score(env)
    assert imported == []
    assert again == first


def test_a_score_of_a_store_on_disk_imports_no_rdflib_and_prints_what_the_file_gives(tmp_path):
    from beleidstheorie.graph.load import load_into

    env = {**os.environ, "BELEIDSTHEORIE_CACHE_DIR": str(tmp_path / "cache")}
    load_into(tmp_path / "store", EXAMPLE)
    from_file, _ = _score(env)
    from_store, imported = _score(env, ["score", "--store", str(tmp_path / "store")])
    assert imported == []  # the store's theories are listed as text rows, the HTTP client not imported
    assert from_store == from_file


def _stores() -> list:
    graph = Graph()
    graph.add((URIRef("urn:a"), URIRef("urn:p"), Literal("urn:a")))
    raw = ox.Store()
    raw.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("urn:a")))
    return [OxigraphStore(raw), RdflibStore(graph)]


BOUND = [URIRef("urn:a"), iri_term("urn:a"), "urn:a"]


@pytest.mark.parametrize("store", _stores(), ids=["oxigraph", "rdflib"])
@pytest.mark.parametrize("bound", BOUND, ids=["URIRef", "iri_term", "str"])
def test_an_iri_is_bound_alike_as_an_rdflib_term_a_named_node_or_a_string(store, bound):
    rows = store.query("SELECT ?o WHERE { ?s ?p ?o }", {"s": bound})
    assert [str(r["o"]) for r in rows] == ["urn:a"]
    # bound as an IRI: the literal "urn:a" is not it
    assert store.query("SELECT ?o WHERE { ?s ?p ?o }", {"o": bound}) == []


def test_a_plain_string_binds_as_an_iri_and_a_literal_stays_a_literal():
    assert rdflib_term("urn:x") == URIRef("urn:x") and isinstance(rdflib_term("urn:x"), URIRef)
    assert to_ox("urn:x") == ox.NamedNode("urn:x")
    assert to_ox(Literal("urn:x")) == ox.Literal("urn:x")  # a Literal is a str too, but not an IRI
    assert rdflib_term(Literal("urn:x")) == Literal("urn:x")


@pytest.mark.parametrize("suffix", ["nt", "ttl"])
def test_a_score_of_an_rdf_file_imports_no_rdflib(tmp_path, suffix):
    from beleidstheorie.graph.export import export_rdf
    from beleidstheorie.graph.load import load_theory

    rdf = tmp_path / f"example.{suffix}"
    rdf.write_text(export_rdf(load_theory(EXAMPLE), suffix), "utf-8")
    env = {**os.environ, "BELEIDSTHEORIE_CACHE_DIR": str(tmp_path / "cache")}
    from_rdf, imported = _score(env, ["score", str(rdf)])  # a fresh cache: SHACL and the checks run
    assert "rdflib" not in imported  # the integrity checks read text rows, as SHACL does
    from_yaml, _ = _score(env)
    assert from_rdf.splitlines()[1:] == from_yaml.splitlines()[1:]  # the header names the file
