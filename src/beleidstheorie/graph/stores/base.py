"""What every store offers, and the helpers the store implementations share.

Nothing downstream of loading walks an in-process Python graph: the reasoning
and the views ask a :class:`Store` a few SPARQL SELECT queries, and every
implementation (embedded Oxigraph, an rdflib graph, a remote SPARQL 1.1 server)
answers them with the same rows.

A theory lives in named graphs beside the other theories of a store: one graph
for the theory itself and one per measurement round, named after the theory's
base IRI.

>>> theory_graph("https://example.org/t/")
'https://example.org/t/graph/theory'
>>> round_graph("https://example.org/t/", "https://example.org/t/round/meting-2024")
'https://example.org/t/graph/round/meting-2024'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, ParamSpec, Protocol, TypeVar

import pyoxigraph as ox

from beleidstheorie.errors import StoreError, problem
from beleidstheorie.iris import BT_IRI, DCTERMS_IRI, SKOS_IRI

if TYPE_CHECKING:
    from rdflib.term import Identifier

Row = dict[str, "Identifier"]
TextRow = dict[str, str]
"""A result row with each bound variable's value as text: an IRI, a literal's lexical form."""

PREFIXES = f"""
PREFIX bt: <{BT_IRI}>
PREFIX skos: <{SKOS_IRI}>
PREFIX dcterms: <{DCTERMS_IRI}>
"""
"""The prefixes the library's own SPARQL queries use."""


def text_of(row: Row, key: str, default: str = "") -> str:
    """The string value of ``key`` in a result row, or ``default`` when unbound.

    >>> from rdflib import Literal
    >>> text_of({"a": Literal("x")}, "a"), text_of({}, "a", "-")
    ('x', '-')
    """
    value = row.get(key)
    return default if value is None else str(value)


def select_text(store: Store, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> list[TextRow]:
    """The rows of a SELECT query with every value as text (``str`` of each term).

    The embedded store answers without making rdflib terms (``query_text``); any
    other store's rows are converted.

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("3")))
    >>> from beleidstheorie.graph.stores import OxigraphStore
    >>> select_text(OxigraphStore(store), "SELECT ?s ?o WHERE { ?s ?p ?o }")
    [{'s': 'urn:a', 'o': '3'}]
    """
    fast = getattr(store, "query_text", None)
    if fast is not None:
        return fast(sparql, bindings)
    return [{k: str(v) for k, v in row.items()} for row in store.query(sparql, bindings)]


UNREADABLE = (ValueError, KeyError, TypeError)
"""What reading a theory raises on a value the shapes forbid (``int("twee")``, an owner that is
no node, a sort of a number against a text): see :func:`unreadable`."""


def unreadable(name: str, exc: Exception) -> StoreError:
    """The one-line error for a theory in store ``name`` that holds a value the shapes forbid.

    A validated theory (every file, every ``load``) cannot hold one; a store written by other
    tools, or edited after its load, can. The error names the store and Python's words for
    the value, and points to ``validate``, which names the node and the property.

    >>> print(unreadable("data/store#t", ValueError("invalid literal: 'x'")))  # doctest: +ELLIPSIS
    data/store: the theory in the store breaks the shapes and cannot be read (invalid literal: 'x'); ...
    """
    cause = f"no node {exc}" if isinstance(exc, KeyError) else str(exc)
    return StoreError([problem("store_unreadable", name=name.split("#", 1)[0], cause=cause)])


_P = ParamSpec("_P")
_R = TypeVar("_R")


def refusing_unreadable(read: Callable[_P, _R]) -> Callable[_P, _R]:
    """``read(store, ...)`` with a value the shapes forbid refused by :func:`unreadable`, not a traceback."""

    @functools.wraps(read)
    def checked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return read(*args, **kwargs)
        except UNREADABLE as exc:
            store = args[0] if args else kwargs.get("store")
            raise unreadable(getattr(store, "name", "the store"), exc) from None

    return checked


SCHEMES = ("sparql+http://", "sparql+https://")
"""How a ``--store`` value that names a SPARQL server begins."""


def is_remote(spec: str) -> bool:
    """Whether a ``--store`` value names a SPARQL server (decided without importing the HTTP client).

    >>> is_remote("sparql+http://localhost:8890/sparql"), is_remote("data/store")
    (True, False)
    """
    return spec.startswith(SCHEMES)


def local_name(iri: str) -> str:
    """The last segment of an IRI: ``.../mechanism/maatwerk`` → ``maatwerk``.

    >>> local_name("https://example.org/t/mechanism/maatwerk")
    'maatwerk'
    """
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def theory_graph(base_iri: str) -> str:
    """The name of the graph holding a theory (all but its observations)."""
    return f"{base_iri}graph/theory"


def round_graph(base_iri: str, round_iri: str) -> str:
    """The name of the graph holding a theory's observations of one round."""
    return f"{base_iri}graph/round/{local_name(round_iri)}"


class Store(Protocol):
    """What the engine needs of an RDF store: SPARQL SELECT with bound variables."""

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        """Run a SELECT query; unbound variables are left out of each row."""
        ...

    def scoped(self, graphs: Sequence[str]) -> Store:
        """The same store with the union of ``graphs`` as the default graph of every query."""
        ...

    def __len__(self) -> int:
        """The number of triples (quads) in the store, or in its scope."""
        ...


def values_opening_where(sparql: str, names: Sequence[str], terms: Sequence[str]) -> str:
    """``sparql`` with a one-row VALUES block of ``terms`` (already serialised) opening its WHERE.

    Every store binds a query's variables this way: a leading VALUES block is
    part of the query that a planner sees first, so the bound variable is a
    constant from the first join on (Oxigraph's own substitution of a variable
    plans the query as if it were free: 15× slower on a theory of 10^5 triples).

    >>> print(values_opening_where("SELECT ?s WHERE { ?s ?p ?o }", ["o"], ["<urn:x>"]))
    SELECT ?s WHERE { VALUES (?o) { (<urn:x>) } ?s ?p ?o }
    """
    if not names:
        return sparql
    match = re.search(r"\bWHERE\s*\{", sparql, flags=re.I) or re.search(r"\{", sparql)
    if match is None:
        raise StoreError([problem("no_where")])
    block = f"VALUES ({' '.join(f'?{n}' for n in names)}) {{ ({' '.join(terms)}) }}"
    return f"{sparql[: match.end()]} {block}{sparql[match.end() :]}"


def iri_term(iri: str) -> ox.NamedNode:
    """An IRI as a term to bind in a query of any store, made without importing rdflib.

    A bound value is an rdflib term, a pyoxigraph named node or a plain ``str``
    (an IRI, as :attr:`Theory.iri <beleidstheorie.graph.load.Theory.iri>`).

    >>> iri_term("urn:x")
    <NamedNode value=urn:x>
    """
    return ox.NamedNode(iri)


def rdflib_term(term: Identifier | ox.NamedNode | str) -> Identifier:
    """A bound value as an rdflib term (a named node or plain ``str`` becomes a ``URIRef``).

    >>> rdflib_term("urn:x"), rdflib_term(iri_term("urn:y"))
    (rdflib.term.URIRef('urn:x'), rdflib.term.URIRef('urn:y'))
    """
    if isinstance(term, ox.NamedNode):
        return from_ox(term)
    if type(term) is str:
        from rdflib import URIRef  # the stores answering with rdflib terms import it anyway

        return URIRef(term)
    return term  # type: ignore[return-value]


def to_ox(term: Identifier | ox.NamedNode | str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A bound value as a pyoxigraph term (a named node as it is, a plain ``str`` as an IRI)."""
    if isinstance(term, ox.NamedNode):
        return term
    if type(term) is str:
        return ox.NamedNode(term)
    from rdflib import BNode, Literal, URIRef  # only a store given rdflib terms needs rdflib

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError([problem("cannot_store_term", term=repr(term))])


_STRING = "http://www.w3.org/2001/XMLSchema#string"


def from_ox(term: object) -> Identifier:
    """A pyoxigraph term as an rdflib term (plain strings stay untyped, as in rdflib)."""
    from rdflib import BNode, Literal, URIRef  # only the rdflib-term answers need rdflib

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _STRING else URIRef(datatype))
    raise StoreError([problem("unexpected_term", term=repr(term))])
