"""Read and write RDF serialisations (Turtle, JSON-LD, N-Triples), safely.

Parsing never reaches the network or the disk: a JSON-LD ``@context`` or
``@import`` that names a URL or a file is refused (the contexts the project
knows, :data:`BUNDLED_CONTEXTS`, are served from memory), every IRI is
checked for characters no IRI may hold (a NUL from ``\\u0000`` in N-Triples,
spaces, ``<>"{}|^`\\``), and nesting and size are capped
(:data:`MAX_JSON_DEPTH`, :data:`MAX_TRIPLES`).

>>> g = parse_rdf("@prefix ex: <https://example.org/> . ex:a ex:b ex:c .", "ttl", "x.ttl")
>>> len(g)
1
>>> parse_rdf("ex:a ex:b", "ttl", "x.ttl")
Traceback (most recent call last):
...
beleidstheorie.errors.LoadError: x.ttl: line 1: malformed Turtle: the prefix ex: is not declared (an @prefix \
line is missing) (parser's message: Prefix "ex:" not bound)
>>> doc = '{"@context": "https://example.org/ctx.jsonld", "@id": "urn:a"}'
>>> parse_rdf(doc, "jsonld", "x.jsonld")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
beleidstheorie.errors.LoadError: x.jsonld: @context: the context 'https://example.org/ctx.jsonld' is not...
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import re
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from beleidstheorie.errors import LoadError, Problem, problem
from beleidstheorie.io.files import read_text_file
from beleidstheorie.messages import parser_said
from beleidstheorie.namespaces import BT, DCTERMS, PROV, RDF, RDFS, SKOS, XSD

FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
SUFFIX_FORMAT = {".ttl": "ttl", ".jsonld": "jsonld", ".json": "jsonld", ".nt": "nt"}
FORMAT_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "nt": "N-Triples"}

MAX_JSON_DEPTH = 100
"""Deepest nesting of JSON objects and arrays accepted in JSON-LD."""
MAX_TRIPLES = 2_000_000
"""Most triples in one RDF file (the flagship has about 6,000)."""

BUNDLED_CONTEXTS: dict[str, dict[str, Any]] = {
    "https://w3id.org/beleidstheorie/context.jsonld": {
        "@context": {
            "bt": str(BT),
            "skos": str(SKOS),
            "dcterms": str(DCTERMS),
            "prov": str(PROV),
            "rdf": str(RDF),
            "rdfs": str(RDFS),
            "xsd": str(XSD),
        }
    }
}
"""JSON-LD contexts the project knows, by URL; served from memory, never fetched."""

_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')


def _refuse(url: Any, key: str) -> dict[str, Any]:
    if isinstance(url, str) and url in BUNDLED_CONTEXTS:
        return copy.deepcopy(BUNDLED_CONTEXTS[url]["@context"])
    shown = url if isinstance(url, str) and len(url) < 200 else f"{str(url)[:200]}…"
    raise _ContextRefused(key, repr(shown))


class _ContextRefused(Exception):
    def __init__(self, key: str, url: str) -> None:
        self.key = key
        self.url = url


def _resolve_context(value: Any) -> Any:
    if isinstance(value, str):
        return _refuse(value, "@context")
    if isinstance(value, list):
        return [_resolve_context(v) for v in value]
    if isinstance(value, dict) and "@import" in value:
        imported = _refuse(value["@import"], "@import")
        rest = {k: v for k, v in value.items() if k != "@import"}
        return {**imported, **rest}
    return value


def _json_depth_ok(data: Any) -> bool:
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return False
        if isinstance(node, dict):
            stack += [(v, depth + 1) for v in node.values()]
        elif isinstance(node, list):
            stack += [(v, depth + 1) for v in node]
    return True


def _inline_contexts(data: Any) -> Any:
    """Replace every context reference by the bundled context, or refuse it."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "@context" in node:
                node["@context"] = _resolve_context(node["@context"])
            stack += list(node.values())
        elif isinstance(node, list):
            stack += node
    return data


def _safe_jsonld(text: str, file: str) -> str:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        place = f"line {exc.lineno}, column {exc.colno}"
        raise LoadError([problem("json_malformed", file, place, cause=parser_said(exc.msg))]) from None
    except RecursionError:
        raise LoadError([problem("json_too_deep", file, n=MAX_JSON_DEPTH)]) from None
    if not _json_depth_ok(data):
        raise LoadError([problem("json_too_deep", file, n=MAX_JSON_DEPTH)])
    try:
        data = _inline_contexts(data)
    except _ContextRefused as exc:
        raise LoadError([problem("context_refused", file, exc.key, url=exc.url)]) from None
    return json.dumps(data)


def _check_terms(graph: Graph, file: str) -> None:
    if len(graph) > MAX_TRIPLES:
        raise LoadError([problem("too_many_triples", file, n=MAX_TRIPLES)])
    for triple in graph:
        for term in triple:
            iri = term.datatype if isinstance(term, Literal) else term
            if isinstance(iri, URIRef) and _BAD_IRI.search(iri):
                bad = _BAD_IRI.search(iri).group()  # type: ignore[union-attr]
                shown = iri.encode("unicode_escape").decode("ascii")[:200]
                raise LoadError([problem("bad_iri", file, f"<{shown}>", bad=repr(bad))])


class _DropRecords(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


@contextlib.contextmanager
def _quiet_terms():
    """Keep rdflib from logging a traceback for each ill-typed literal or odd IRI while parsing.

    Those literals are reported once, with their place, by the shapes (see
    :mod:`beleidstheorie.graph.integrity`); the filter is removed afterwards.
    """
    logger = logging.getLogger("rdflib.term")
    drop = _DropRecords()
    logger.addFilter(drop)
    try:
        yield
    finally:
        logger.removeFilter(drop)


def parse_rdf(text: str, fmt: str, file: str) -> Graph:
    """Parse RDF ``text`` in format ``fmt`` (ttl, jsonld, nt); no I/O of any kind."""
    graph = Graph()
    if fmt == "jsonld":
        text = _safe_jsonld(text, file)
    try:
        with _quiet_terms():
            graph.parse(data=text, format=FORMATS[fmt])
    except RecursionError:
        raise LoadError([problem("rdf_nested", file, format=FORMAT_NAMES[fmt])]) from None
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise LoadError([_problem(exc, fmt, file)]) from None
    _check_terms(graph, file)
    return graph


def _problem(exc: Exception, fmt: str, file: str) -> Problem:
    text = str(exc)
    line = re.search(r"line (\d+)", text)
    place = f"line {line.group(1)}" if line else ""
    why = getattr(exc, "_why", None) or text.splitlines()[-1] if text else type(exc).__name__
    if fmt == "jsonld" and not line:
        json_line = re.search(r"line (\d+) column (\d+)", text)
        place = f"line {json_line.group(1)}" if json_line else ""
    return problem("rdf_malformed", file, place, format=FORMAT_NAMES[fmt], cause=parser_said(why))


def read_rdf(path: str | Path) -> Graph:
    """Read an RDF file; its format is told by the suffix."""
    path = Path(path)
    fmt = SUFFIX_FORMAT.get(path.suffix)
    if fmt is None:
        raise LoadError([problem("rdf_suffix", str(path), suffix=repr(path.suffix))])
    return parse_rdf(read_text_file(path), fmt, str(path))


def generate_rdf(graph: Graph, fmt: str) -> str:
    """Serialise ``graph`` as ``fmt`` (ttl, jsonld, nt); no I/O."""
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", indent=2, auto_compact=True)
    return graph.serialize(format=FORMATS[fmt])
