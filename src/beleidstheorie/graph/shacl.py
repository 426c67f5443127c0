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
from typing import TYPE_CHECKING

from beleidstheorie.errors import Problem, ValidationError, problem
from beleidstheorie.graph.stores import OxigraphStore
from beleidstheorie.graph.stores import cache as store_cache
from beleidstheorie.messages import Texts, message
from beleidstheorie.resources import package_path

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

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
    return package_path("data", "ontology", name).read_text("utf-8")


def _read(name: str) -> Graph:
    from rdflib import Graph  # a theory remembered valid is not validated: no rdflib then

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
def shapes_store():
    """The shapes graph in an in-memory Oxigraph store, read once per process (do not change it)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(_text("shapes.ttl"), format=ox.RdfFormat.TURTLE)
    return store


@cache
def _shape_messages() -> dict[str, Texts]:
    # rudof leaves the message of some components empty; named shapes carry one per language.
    query = "SELECT ?s ?m WHERE { ?s <http://www.w3.org/ns/shacl#message> ?m FILTER(isIRI(?s)) }"
    rows = shapes_store().query(query)
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        out.setdefault(r["s"].value, {})[r["m"].language or "en"] = r["m"].value  # type: ignore[index, union-attr]
    return {shape: Texts(texts) for shape, texts in out.items()}


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


_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z-]+))?')
_TAGGED = r'"(?:[^"\\]|\\.)*"@[A-Za-z-]+'
_ONLY_TAGGED = re.compile(rf"^{_TAGGED}(?:, {_TAGGED})*$", re.S)
_REPORTED = re.compile(rf'^"(.*?)"((?:, {_TAGGED})*)$', re.S)
"""rudof's message: the shape's tagged ``sh:message`` values, after its own text as one
literal when it has one (which may hold unescaped quotes of the data, as in
``"Unique lang failed for lang nl with values: "b"@nl, "a"@nl"``). The own text is the
shortest that leaves only tagged literals after it."""


def shape_message(raw: str) -> Texts | None:
    """The messages rudof reports for a violation, by language tag.

    rudof gives its own untagged text first, then the shape's ``sh:message``
    values; the shape's, when it has any, are the ones said.

    >>> shape_message('"Class constraint", "needs x"@en, "moet x hebben"@nl').in_language("nl")
    'moet x hebben'
    >>> shape_message('"MinCount(1) not satisfied"').in_language("nl")
    'MinCount(1) not satisfied'
    >>> shape_message('"Unique lang failed for lang nl with values: "b"@nl, "a"@nl"').in_language("nl")
    'Unique lang failed for lang nl with values: "b"@nl, "a"@nl'
    >>> shape_message('"needs x"@en, "moet x hebben"@nl').in_language("en")
    'needs x'
    >>> shape_message("") is None
    True
    """
    raw = raw.strip()
    if not raw:
        return None
    if _ONLY_TAGGED.match(raw):
        own, rest = "", raw
    elif (reported := _REPORTED.match(raw)) is not None:
        own, rest = reported.group(1), reported.group(2)
    else:
        return Texts({"en": raw})
    tagged = {m[2].lower(): m[1].replace('\\"', '"') for m in _LITERAL.finditer(rest) if m[1] and m[2]}
    if tagged:
        return Texts(tagged)
    own = own.replace('\\"', '"')
    return Texts({"en": own}) if own else None


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
        raise ValidationError([problem("shacl_failed", file, cause=str(exc))]) from None
    if report.conforms:
        return []
    problems = []
    for v in report.violations:
        place = " ".join(x for x in (short(v.focus_node), short(v.path)) if x)
        texts = shape_message(v.message or "") or _shape_messages().get(str(v.source_shape).strip("<>"))
        if texts is None:
            component = str(v.constraint_component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
            said = {lang: message("shape_component", lang, component=component) for lang in ("en", "nl")}
            texts = Texts(said)
        value = short(v.value) if v.value else ""
        english = texts.in_language("en")
        if value and value not in english and v.value not in english:
            problems.append(problem("shape_value", file, place, text=texts, value=value))
        else:
            problems.append(problem("shape", file, place, text=texts))
    return sorted(set(problems), key=lambda p: (p.place, p.message))


def validate_graph(graph: Graph, file: str = "") -> list[Problem]:
    """Every SHACL violation of an rdflib ``graph``.

    >>> from rdflib import Graph
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
    if isinstance(theory.store, OxigraphStore) or getattr(theory.store, "runs_shapes_as_sparql", False):
        # the shapes as SPARQL on the store itself: no copy of the data, and at 10^5 triples
        # 1.4 s against rudof's 9.9 s (docs/scaling.md); same messages (tests/graph/test_shacl_sparql.py).
        # A server whose SPARQL answers them differently (Virtuoso) is validated by rudof on a copy.
        from beleidstheorie.graph.shacl_sparql import validate_store

        problems = validate_store(theory.store, where)
    else:
        problems = validate_graph(theory.graph, where)
    if key and not problems:
        store_cache.remember_valid(key)
    return problems
