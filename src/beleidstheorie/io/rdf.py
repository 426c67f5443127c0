"""Read and write RDF serialisations (Turtle, JSON-LD, N-Triples).

>>> g = parse_rdf("@prefix ex: <https://example.org/> . ex:a ex:b ex:c .", "ttl", "x.ttl")
>>> len(g)
1
>>> parse_rdf("ex:a ex:b", "ttl", "x.ttl")
Traceback (most recent call last):
...
beleidstheorie.errors.LoadError: x.ttl: line 1: malformed Turtle: Prefix "ex:" not bound
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph

from beleidstheorie.errors import LoadError, Problem

FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}
SUFFIX_FORMAT = {".ttl": "ttl", ".jsonld": "jsonld", ".json": "jsonld", ".nt": "nt"}
FORMAT_NAMES = {"ttl": "Turtle", "jsonld": "JSON-LD", "nt": "N-Triples"}


def parse_rdf(text: str, fmt: str, file: str) -> Graph:
    """Parse RDF ``text`` in format ``fmt`` (ttl, jsonld, nt); no I/O."""
    graph = Graph()
    try:
        graph.parse(data=text, format=FORMATS[fmt])
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise LoadError([_problem(exc, fmt, file)]) from None
    return graph


def _problem(exc: Exception, fmt: str, file: str) -> Problem:
    text = str(exc)
    line = re.search(r"line (\d+)", text)
    place = f"line {line.group(1)}" if line else ""
    why = getattr(exc, "_why", None) or text.splitlines()[-1] if text else type(exc).__name__
    if fmt == "jsonld" and not line:
        json_line = re.search(r"line (\d+) column (\d+)", text)
        place = f"line {json_line.group(1)}" if json_line else ""
    return Problem(file, place, f"malformed {FORMAT_NAMES[fmt]}: {why}".strip())


def read_rdf(path: str | Path) -> Graph:
    """Read an RDF file; its format is told by the suffix."""
    path = Path(path)
    fmt = SUFFIX_FORMAT.get(path.suffix)
    if fmt is None:
        raise LoadError([Problem(str(path), "", f"unknown RDF file suffix {path.suffix!r}")])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError([Problem(str(path), "", str(exc))]) from None
    return parse_rdf(text, fmt, str(path))


def generate_rdf(graph: Graph, fmt: str) -> str:
    """Serialise ``graph`` as ``fmt`` (ttl, jsonld, nt); no I/O."""
    if fmt == "jsonld":
        return graph.serialize(format="json-ld", indent=2, auto_compact=True)
    return graph.serialize(format=FORMATS[fmt])
