"""SPARQL SELECT queries on a theory, with variables bound safely.

Values are bound as RDF terms through the store's substitution mechanism, never
pasted into the query text, so a value cannot change the query.

>>> parse_binding("m=<https://example.org/x>")
('m', rdflib.term.URIRef('https://example.org/x'))
>>> parse_binding("n=42")
('n', rdflib.term.Literal('42', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')))
>>> parse_binding("label=Maatwerk@nl")
('label', rdflib.term.Literal('Maatwerk', lang='nl'))
>>> parse_binding("t=bt:Mechanism")[1].endswith("#Mechanism")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from beleidstheorie.errors import StoreError
from beleidstheorie.graph.store import Store
from beleidstheorie.namespaces import BT, DCTERMS, PROV, RDF, RDFS, SKOS, XSD

PREFIXES = {
    "bt": BT,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "prov": PROV,
    "xsd": XSD,
}
PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def parse_binding(text: str) -> tuple[str, Identifier]:
    """``name=value`` → (name, RDF term).

    ``<iri>`` is an IRI, ``prefix:local`` with a known prefix an IRI, an integer
    an ``xsd:integer``, ``text@lang`` a language-tagged string, anything else a
    plain string literal.
    """
    if "=" not in text:
        raise StoreError(f"--param {text!r}: expected name=value")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not _NAME.match(name):
        raise StoreError(f"--param {text!r}: {name!r} is not a SPARQL variable name")
    if value.startswith("<") and value.endswith(">"):
        return name, URIRef(value[1:-1])
    prefix, _, local = value.partition(":")
    if prefix in PREFIXES and local and " " not in value:
        return name, URIRef(str(PREFIXES[prefix]) + local)
    if re.fullmatch(r"-?\d+", value):
        return name, Literal(value, datatype=XSD.integer)
    lang = re.fullmatch(r"(.*)@([a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*)", value, flags=re.S)
    if lang:
        return name, Literal(lang.group(1), lang=lang.group(2))
    return name, Literal(value)


def run_query(store: Store, sparql: str, bindings: Mapping[str, Identifier] | None = None):
    """Run a SELECT query (common prefixes predeclared); returns (variables, rows)."""
    if not re.search(r"\bSELECT\b", sparql, flags=re.I):
        raise StoreError("only SELECT queries can be run here")
    text = sparql if re.search(r"^\s*PREFIX\s+bt:", sparql, flags=re.I | re.M) else PROLOGUE + sparql
    rows = store.query(text, bindings)
    names: list[str] = []
    for row in rows:
        for key in row:
            if key not in names:
                names.append(key)
    match = re.search(
        r"SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\s+(?:FROM|WHERE|\{)", sparql, flags=re.I | re.S
    )
    if match and "*" not in match.group(1):
        declared = [v.lstrip("?$") for v in re.findall(r"[?$][A-Za-z_][A-Za-z0-9_]*", match.group(1))]
        names = [n for n in declared if n not in (bindings or {})] or names
    return names, [[_plain(row.get(n)) for n in names] for row in rows]


def _plain(term: Identifier | None):
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.toPython() if term.datatype else str(term)
    return str(term)
