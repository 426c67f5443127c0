"""SPARQL SELECT queries on a theory: values bound safely, no federation, a time limit.

Values are bound as RDF terms, never pasted into the query as text: each is
serialised by :func:`sparql_term` (IRIs checked, literals escaped) into a
``VALUES`` block placed at the start of the query's WHERE group, so a bound
variable has its value everywhere in the group — in triple patterns and inside
``FILTER`` alike — and a value cannot change the query. ``SERVICE`` (a
federated query, an outbound request) is refused, and a query runs at most
:data:`QUERY_TIMEOUT` seconds.

>>> parse_binding("m=<https://example.org/x>")
('m', rdflib.term.URIRef('https://example.org/x'))
>>> parse_binding("n=42")
('n', rdflib.term.Literal('42', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')))
>>> parse_binding("label=Maatwerk@nl")
('label', rdflib.term.Literal('Maatwerk', lang='nl'))
>>> parse_binding("t=bt:Mechanism")[1].endswith("#Mechanism")
True
>>> print(sparql_term(Literal('say "hi" } ; DROP ALL')))
"say \\"hi\\" } ; DROP ALL"
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import select
import signal
import time
from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from beleidstheorie.errors import StoreError, problem
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
QUERY_TIMEOUT = 30.0
"""Seconds a user's query may run before it is stopped."""
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')
_LANG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
# the lexical pieces of SPARQL that can hide a keyword or a brace: strings, IRIs, comments
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n\r]*"
    r"|[?$][A-Za-z_0-9]+"
    r"|[A-Za-z_][A-Za-z_0-9-]*"
    r"|[{}()]",
    flags=re.S,
)


def parse_binding(text: str) -> tuple[str, Identifier]:
    """``name=value`` → (name, RDF term).

    ``<iri>`` is an IRI, ``prefix:local`` with a known prefix an IRI, an integer
    an ``xsd:integer``, ``text@lang`` a language-tagged string, anything else a
    plain string literal.
    """
    if "=" not in text:
        raise StoreError([problem("param_form", text=repr(text))])
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not _NAME.match(name):
        raise StoreError([problem("param_name", text=repr(text), name=repr(name))])
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
        if _BAD_IRI.search(iri):
            raise StoreError([problem("param_iri", name=name, value=repr(value))])
        return name, URIRef(iri)
    prefix, _, local = value.partition(":")
    if prefix in PREFIXES and local and not _BAD_IRI.search(local):
        return name, URIRef(str(PREFIXES[prefix]) + local)
    if re.fullmatch(r"-?\d+", value):
        return name, Literal(value, datatype=XSD.integer)
    lang = re.fullmatch(r"(.*)@([a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*)", value, flags=re.S)
    if lang:
        return name, Literal(lang.group(1), lang=lang.group(2))
    return name, Literal(value)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_term(term: Identifier) -> str:
    """The SPARQL text of one RDF term; raises StoreError for a term that is not safe to write."""
    if isinstance(term, URIRef):
        if _BAD_IRI.search(term):
            raise StoreError([problem("term_iri", value=repr(str(term)))])
        return f"<{term}>"
    if isinstance(term, Literal):
        text = "".join(_ESCAPES.get(c, c) for c in str(term))
        if term.language:
            if not _LANG.fullmatch(term.language):
                raise StoreError([problem("term_lang", value=repr(term.language))])
            return f'"{text}"@{term.language}'
        if term.datatype:
            return f'"{text}"^^{sparql_term(URIRef(term.datatype))}'
        return f'"{text}"'
    raise StoreError([problem("term_bind", value=repr(term))])


def _tokens(sparql: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(sparql))


def refuse_service(sparql: str) -> None:
    """Raise StoreError when the query uses SERVICE (a request to another server).

    >>> refuse_service('SELECT * WHERE { ?s ?p "SERVICE" }')
    >>> refuse_service("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    beleidstheorie.errors.StoreError: SERVICE is disabled: a query reads the loaded theory only
    """
    for tok in _tokens(sparql):
        if tok.group().upper() == "SERVICE":
            raise StoreError([problem("service_disabled")])


def bind_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """``sparql`` with ``bindings`` as a VALUES block at the start of its WHERE group.

    >>> print(bind_values("SELECT ?s WHERE { ?s ?p ?o FILTER(?o = ?x) }", {"x": Literal("a")}))
    SELECT ?s WHERE { VALUES (?x) { ("a") } ?s ?p ?o FILTER(?o = ?x) }
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(sparql_term(term) for term in bindings.values())
    block = f"VALUES ({names}) {{ ({values}) }}"
    depth = 0
    tokens = _tokens(sparql)
    for k, tok in enumerate(tokens):
        text = tok.group()
        if text == "(":
            depth += 1
        elif text == ")":
            depth -= 1
        elif text == "{" and depth == 0:
            following = tokens[k + 1].group().upper() if k + 1 < len(tokens) else ""
            if following == "SELECT":  # a sub-select must stand alone in its group
                break
            return f"{sparql[: tok.end()]} {block}{sparql[tok.end() :]}"
    return f"{sparql}\n{block}"


def _run_limited(store: Store, text: str, timeout: float | None):
    """store.query(text) in a forked child that is killed after ``timeout`` seconds.

    A query engine in native code does not stop for Python signals, so the only
    sure way to stop it is to run it in a process of its own.
    """
    if timeout is None or not hasattr(os, "fork"):
        return store.query(text)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send the rows (or the error), and leave at once
        os.close(read_end)
        try:
            try:
                payload = pickle.dumps(("ok", store.query(text)))
            except BaseException as exc:
                payload = pickle.dumps(("error", str(exc)))
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)
    chunks = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_end], [], [], left)[0]:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                raise StoreError([problem("query_timeout", seconds=f"{timeout:g}")])
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    if not chunks:
        raise StoreError([problem("query_no_answer")])
    status, value = pickle.loads(b"".join(chunks))
    if status == "error":
        raise StoreError(value)
    return value


def run_query(
    store: Store,
    sparql: str,
    bindings: Mapping[str, Identifier] | None = None,
    *,
    timeout: float | None = QUERY_TIMEOUT,
):
    """Run a SELECT query (common prefixes predeclared); returns (variables, rows).

    >>> from beleidstheorie.graph.load import load_theory
    >>> store = load_theory(EXAMPLE).store
    >>> q = "SELECT ?m WHERE { ?m a bt:Mechanism ; skos:prefLabel ?l FILTER(STRSTARTS(?l, ?x)) }"
    >>> run_query(store, q, {"x": Literal("Vaste")})[1]
    [['https://example.org/beleidstheorie/buurtbudget/mechanism/vaste-contacten']]
    """
    if not any(t.group().upper() == "SELECT" for t in _tokens(sparql)):
        raise StoreError([problem("select_only")])
    refuse_service(sparql)
    text = sparql if re.search(r"^\s*PREFIX\s+bt:", sparql, flags=re.I | re.M) else PROLOGUE + sparql
    try:
        rows = _run_limited(store, bind_values(text, dict(bindings or {})), timeout)
    except StoreError as exc:
        raise _syntax_error(exc, text.count("\n") - sparql.count("\n")) from None
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


def _syntax_error(exc: StoreError, offset: int) -> StoreError:
    """Oxigraph's syntax error, with the user's own line number and without its token list.

    >>> str(_syntax_error(StoreError('SPARQL query failed: error at 9:1: expected one of "$", "(", ...'), 7))
    'malformed SPARQL at line 2, column 1'
    """
    found = re.search(r"error at (\d+):(\d+): expected", str(exc))
    if not found:
        return exc
    line = max(1, int(found.group(1)) - offset)
    return StoreError([problem("sparql_malformed", line=line, column=found.group(2))])


def _plain(term: Identifier | None):
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.toPython() if term.datatype else str(term)
    return str(term)
