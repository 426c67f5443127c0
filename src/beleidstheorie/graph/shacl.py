"""The ontology and the SHACL shapes, and validation of a graph against them.

Validation runs in rudof (``pyrudof``, a SHACL engine in Rust), chosen by
measurement over pySHACL (``benchmarks/bench_shacl.py``, ``docs/scaling.md``):
on the flagship 0.43 s CPU against 1.24 s for pySHACL with the same core shapes
and 2.50 s for pySHACL with the former SPARQL constraint. The data is handed over
as N-Triples together with the ontology (for ``bt:level`` and the class
hierarchy), which is what pySHACL's ``ont_graph`` did. A theory in the embedded
store is validated by the store itself instead (:mod:`.shacl_sparql`: the same shapes
as SPARQL queries, the same messages), which is what keeps 10^6 triples in memory.

>>> from beleidstheorie.graph.load import load_theory
>>> validate_theory(load_theory(EXAMPLE))
[]
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from rdflib import Graph
from rdflib.term import Node

from beleidstheorie.errors import Problem, ValidationError
from beleidstheorie.graph.stores import OxigraphStore
from beleidstheorie.graph.stores import cache as store_cache

_PREFIXES = {
    "https://w3id.org/beleidstheorie#": "bt:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
}


def _text(name: str) -> str:
    return (files("beleidstheorie") / "data" / "ontology" / name).read_text("utf-8")


def _read(name: str) -> Graph:
    return Graph().parse(data=_text(name), format="turtle")


@cache
def ontology() -> Graph:
    """The OWL ontology (``ontology/beleidstheorie.ttl``) with its concept schemes."""
    return _read("beleidstheorie.ttl")


@cache
def shapes() -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``)."""
    return _read("shapes.ttl")


@cache
def _shape_messages() -> dict[str, str]:
    # rudof leaves the message of some components empty; named shapes carry one.
    import pyoxigraph as ox

    store = ox.Store()
    store.load(_text("shapes.ttl"), format=ox.RdfFormat.TURTLE)
    rows = store.query("SELECT ?s ?m WHERE { ?s <http://www.w3.org/ns/shacl#message> ?m FILTER(isIRI(?s)) }")
    return {r["s"].value: r["m"].value for r in rows}  # type: ignore[index, union-attr]


def short_name(graph: Graph, node: Node | None) -> str:
    """A node of ``graph`` as messages show it: ``bt:page`` for a known prefix, else ``<iri>``."""
    if node is None:
        return ""
    return short(str(node))


def short(term: str | None) -> str:
    """An IRI (or a path of IRIs) with the library's prefixes.

    >>> short("https://w3id.org/beleidstheorie#status")
    'bt:status'
    >>> short("(https://w3id.org/beleidstheorie#indicatorType / https://w3id.org/beleidstheorie#level)")
    'bt:indicatorType/bt:level'
    >>> short("https://example.org/t/indicator/x")
    '<https://example.org/t/indicator/x>'
    """
    if not term:
        return ""
    text = term.strip()
    if text.startswith("(") and text.endswith(")"):
        return "/".join(short(part) for part in text[1:-1].split(" / "))
    text = text.strip("<>")
    for ns, prefix in _PREFIXES.items():
        if text.startswith(ns):
            return prefix + text[len(ns) :]
    return f"<{text}>" if re.match(r"^[a-z][a-z0-9+.-]*:", text) else text


def _message(raw: str) -> str:
    match = re.fullmatch(r'"(.*)"(@[A-Za-z-]+)?', raw.strip(), flags=re.S)
    return match.group(1) if match else raw.strip()


def validate_ntriples(data: bytes | str, file: str = "") -> list[Problem]:
    """Every SHACL violation of the N-Triples ``data``, as problems naming node and property."""
    import pyrudof  # the Rust engine: imported only when validation runs

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    try:
        rudof.read_data(_text("beleidstheorie.ttl"), format=pyrudof.RDFFormat.Turtle)
        if text.strip():
            rudof.read_data(text, format=pyrudof.RDFFormat.NTriples, merge=True)
        rudof.read_shacl(_text("shapes.ttl"))
        report = rudof.validate_shacl()
    except pyrudof.RudofError as exc:
        raise ValidationError([Problem(file, "", f"SHACL validation failed: {exc}")]) from None
    if report.conforms:
        return []
    problems = []
    for v in report.violations:
        place = " ".join(x for x in (short(v.focus_node), short(v.path)) if x)
        message = _message(v.message or "") or _shape_messages().get(str(v.source_shape).strip("<>"), "")
        if not message:
            component = str(v.constraint_component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
            message = f"violates the {component} constraint of a shape"
        value = short(v.value) if v.value else ""
        if value and value not in message and v.value not in message:
            message += f" (value: {value})"
        problems.append(Problem(file, place, message))
    return sorted(set(problems), key=lambda p: (p.place, p.message))


def validate_graph(graph: Graph, file: str = "") -> list[Problem]:
    """Every SHACL violation of an rdflib ``graph``.

    >>> validate_graph(Graph())
    []
    """
    return validate_ntriples(graph.serialize(format="nt", encoding="utf-8"), file)


def validate_theory(theory, file: str | None = None) -> list[Problem]:
    """Every SHACL violation of a loaded theory, read from its store without an rdflib graph.

    A YAML theory whose files (by content hash) passed before is not validated
    again: the cache keeps a mark per content hash and version of the shapes.
    """
    key = getattr(theory, "cache_key", "")
    if key and store_cache.is_valid(key):
        return []
    where = theory.source if file is None else file
    if isinstance(theory.store, OxigraphStore):
        # the shapes as SPARQL on the store itself: no copy of the data, and at 10^5 triples
        # 1.4 s against rudof's 9.9 s (docs/scaling.md); same messages (tests/graph/test_shacl_sparql.py)
        from beleidstheorie.graph.shacl_sparql import validate_store

        problems = validate_store(theory.store, where)
    else:
        problems = validate_graph(theory.graph, where)
    if key and not problems:
        store_cache.remember_valid(key)
    return problems
