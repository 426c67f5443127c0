"""Any SPARQL 1.1 server as a store: the Query, Update and Graph Store protocols over HTTP(S).

A store is named ``sparql+http://host:port/path`` (or ``sparql+https://``), where
the path is the query endpoint. The update and graph-store endpoints default to
the query endpoint's siblings ``update`` and ``store`` when the path ends in
``/query`` (Oxigraph server, Fuseki's ``/ds/query`` with ``?gsp=/ds/data``);
otherwise (Virtuoso's ``/sparql``) updates go to the query endpoint and loading
uses SPARQL Update. ``?update=PATH`` and ``?gsp=PATH`` override them (Virtuoso:
``?gsp=/sparql-graph-crud``); ``?gsp=`` (empty) loads through SPARQL Update.

Credentials never travel on the command line and are never printed: they come
from ``BELEIDSTHEORIE_SPARQL_USER`` / ``BELEIDSTHEORIE_SPARQL_PASSWORD``, or from
``credentials.toml`` in the configuration directory (``BELEIDSTHEORIE_CONFIG_DIR``,
default ``~/.config/beleidstheorie``) under ``[stores."host:port"]``. Timeouts
(``BELEIDSTHEORIE_SPARQL_TIMEOUT``, seconds) and retries of failed connections and
server errors (``BELEIDSTHEORIE_SPARQL_RETRIES``) are bounded.

>>> s = SparqlStore("sparql+http://localhost:7878/query")
>>> s.endpoints()
('http://localhost:7878/query', 'http://localhost:7878/update', 'http://localhost:7878/store')
>>> SparqlStore("sparql+https://db.example.org/sparql").endpoints()
('https://db.example.org/sparql', 'https://db.example.org/sparql', None)
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from beleidstheorie.errors import StoreError, problem
from beleidstheorie.graph.stores.base import Row, is_remote, rdflib_term, values_opening_where
from beleidstheorie.messages import MESSAGES, os_cause, parser_said

if TYPE_CHECKING:
    from rdflib.term import Identifier

INSERT_CHUNK = 2_000
"""Lines of N-Triples per INSERT DATA request (Virtuoso's SPARQL compiler runs out of memory at 20,000)."""


def line_chunks(data: bytes, lines: int) -> Iterator[str]:
    """``data``'s lines, ``lines`` at a time, each run decoded on its own (no copy of the whole text).

    >>> list(line_chunks(b"a\\nb\\nc", 2))
    ['a\\nb\\n', 'c']
    """
    start, size = 0, len(data)
    while start < size:
        end = start
        for _ in range(lines):
            end = data.find(b"\n", end) + 1
            if end == 0:
                end = size
                break
        yield data[start:end].decode("utf-8")
        start = end


def _what(what: str) -> object:
    """What was sent (``query``, ``update``) as a message value, worded in the message's language."""
    return (what, ()) if what in MESSAGES else what


def _config_dir() -> Path:
    return Path(os.environ.get("BELEIDSTHEORIE_CONFIG_DIR") or Path.home() / ".config" / "beleidstheorie")


def _credentials(host: str) -> tuple[str, str] | None:
    user, password = (
        os.environ.get("BELEIDSTHEORIE_SPARQL_USER"),
        os.environ.get("BELEIDSTHEORIE_SPARQL_PASSWORD"),
    )
    if user:
        return user, password or ""
    path = _config_dir() / "credentials.toml"
    if not path.exists():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        cause = os_cause(exc) if isinstance(exc, OSError) else parser_said(str(exc))
        raise StoreError([problem("credentials_unreadable", path=path, cause=cause)]) from None
    entry = data.get("stores", {}).get(host)
    if not isinstance(entry, dict) or "user" not in entry:
        return None
    return str(entry["user"]), str(entry.get("password", ""))


def _number(name: str, default: float) -> float:
    text = os.environ.get(name)
    if not text:
        return default
    try:
        return float(text)
    except ValueError:
        raise StoreError([problem("expected_number", name=name, text=repr(text))]) from None


def _term(value: dict) -> Identifier:
    from rdflib import BNode, Literal, URIRef  # rdflib is imported by the stores that make its terms

    kind = value.get("type")
    text = value.get("value")
    if not isinstance(text, str):
        raise ValueError("a binding without a value")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(text, lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype in (None, "http://www.w3.org/2001/XMLSchema#string"):
            return Literal(text)
        return Literal(text, datatype=URIRef(datatype))
    raise ValueError(f"unknown term type {kind!r}")


def _iri(name: str) -> str:
    if not re.fullmatch(r"[^\s<>\"{}|^`\\]+", name):
        raise StoreError([problem("not_graph_iri", name=repr(name))])
    return f"<{name}>"


def with_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """``sparql`` with ``bindings`` as a VALUES block opening its WHERE clause.

    The terms are serialised by rdflib, so a value cannot change the query.

    >>> from rdflib import Literal
    >>> print(with_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal('say "hi"')}))
    SELECT ?s WHERE { VALUES (?o) { ("say \\"hi\\"") } ?s ?p ?o }
    """
    return values_opening_where(sparql, list(bindings), [rdflib_term(t).n3() for t in bindings.values()])


SHAPES_DIFFER = ("Virtuoso",)
"""Servers (by their ``Server`` header) whose answers to the compiled shapes differ: rudof on a copy."""


@dataclass
class SparqlStore:
    """A remote SPARQL 1.1 server (see the module documentation for the URL form)."""

    spec: str
    scope: tuple[str, ...] | None = None
    _auth: tuple[str, str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not is_remote(self.spec):
            raise StoreError([problem("sparql_scheme", spec=self.spec)])
        url = urllib.parse.urlsplit(self.spec[len("sparql+") :])
        if url.username or url.password:
            raise StoreError([problem("credentials_in_url")])
        if not url.hostname:
            raise StoreError([problem("no_host", spec=self.spec)])
        self._url = url
        self._params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        self._product: str | None = None  # the server's ``Server`` header, once it has answered
        self.timeout = _number("BELEIDSTHEORIE_SPARQL_TIMEOUT", 60.0)
        self.retries = int(_number("BELEIDSTHEORIE_SPARQL_RETRIES", 2))
        if self._auth is None:
            self._auth = _credentials(url.netloc)

    @property
    def runs_shapes_as_sparql(self) -> bool:
        """Whether this server answers the SHACL shapes compiled to SPARQL as Oxigraph does.

        Measured (docs/scaling.md): Oxigraph server gives the same problems as the
        embedded store; Virtuoso 7.2 reports valid values of ``sh:in`` as violations
        and fails on a cast of an IRI to a number, so a Virtuoso store is validated
        by rudof on a copy. The server is known by the ``Server`` header it answers with.
        """
        if self._product is None:
            self.query("SELECT * WHERE { } LIMIT 1")
        return not any(name in (self._product or "") for name in SHAPES_DIFFER)

    @property
    def name(self) -> str:
        """The store URL as shown in messages (never with credentials)."""
        return f"{self._url.scheme}://{self._url.netloc}{self._url.path}"

    def endpoints(self) -> tuple[str, str, str | None]:
        """The query, update and graph-store endpoint URLs (graph store None: use Update)."""
        base = f"{self._url.scheme}://{self._url.netloc}"
        path = self._url.path or "/"
        sibling = path.rsplit("/", 1)[0] if path.endswith("/query") else None

        def pick(key: str, default: str | None) -> str | None:
            if key in self._params:
                value = self._params[key][0]
                return (value if "://" in value else base + value) if value else None
            return base + default if default is not None else None

        update = pick("update", f"{sibling}/update" if sibling is not None else path)
        gsp = pick("gsp", f"{sibling}/store" if sibling is not None else None)
        return base + path, update or base + path, gsp

    def scoped(self, graphs: Sequence[str]) -> SparqlStore:
        """This server with the union of ``graphs`` as the default graph of each query."""
        return SparqlStore(self.spec, tuple(graphs), self._auth)

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"])

    # -- HTTP ----------------------------------------------------------------------
    def _opener(self) -> urllib.request.OpenerDirector:
        handlers: list[urllib.request.BaseHandler] = []
        if self._auth is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, f"{self._url.scheme}://{self._url.netloc}/", *self._auth)
            handlers += [
                urllib.request.HTTPBasicAuthHandler(manager),
                urllib.request.HTTPDigestAuthHandler(manager),
            ]
        return urllib.request.build_opener(*handlers)

    def _send(self, method: str, url: str, body: bytes, headers: dict[str, str], what: str) -> bytes:
        opener = self._opener()
        attempt = 0
        while True:
            request = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with opener.open(request, timeout=self.timeout) as response:
                    self._product = response.headers.get("Server", "") or ""
                    return response.read()
            except urllib.error.HTTPError as exc:
                detail = exc.read(400).decode("utf-8", "replace").strip().replace("\n", " ")
                if exc.code >= 500 and attempt < self.retries:
                    attempt += 1
                    time.sleep(0.5 * attempt)
                    continue
                key = "server_refused" if exc.code < 500 else "server_failed"
                said = problem(key, name=self.name, what=_what(what), code=exc.code, detail=detail[:300])
                raise StoreError([said]) from None
            except TimeoutError:
                said = problem(
                    "server_timeout", name=self.name, what=_what(what), seconds=f"{self.timeout:g}"
                )
                raise StoreError([said]) from None
            except (urllib.error.URLError, ConnectionError) as exc:
                reason = getattr(exc, "reason", exc)
                if isinstance(reason, TimeoutError | socket.timeout):
                    seconds = f"{self.timeout:g}"
                    raise StoreError(
                        [problem("server_timeout", name=self.name, what=_what(what), seconds=seconds)]
                    ) from None
                if attempt < self.retries:
                    attempt += 1
                    time.sleep(0.5 * attempt)
                    continue
                said = problem("server_unreachable", name=self.name, reason=str(reason), n=attempt + 1)
                raise StoreError([said]) from None

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> list[Row]:
        """Run a SELECT query on the server; the grouping and counting run there."""
        text = with_values(sparql, bindings or {})
        scope = self.scope or ()
        form = [("query", text), *(("default-graph-uri", g) for g in scope)]
        form += [("named-graph-uri", g) for g in scope]
        body = urllib.parse.urlencode(form).encode()
        raw = self._send(
            "POST",
            self.endpoints()[0],
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
            "query",
        )
        try:
            data = json.loads(raw)
            names = data["head"].get("vars", [])
            bound = data["results"]["bindings"]
            return [{k: _term(v) for k, v in b.items() if k in names or not names} for b in bound]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            start = raw[:80].decode("utf-8", "replace")
            cause = parser_said(exc.msg if isinstance(exc, json.JSONDecodeError) else repr(exc))
            said = problem("not_sparql_results", name=self.name, cause=cause, start=repr(start))
            raise StoreError([said]) from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update request."""
        body = urllib.parse.urlencode({"update": sparql}).encode()
        self._send(
            "POST", self.endpoints()[1], body, {"Content-Type": "application/x-www-form-urlencoded"}, "update"
        )

    def replace_graphs(self, graphs: Mapping[str, bytes | Path]) -> None:
        """Replace each named graph by N-Triples data: Graph Store PUT, or Update in chunks."""
        gsp = self.endpoints()[2]
        for name, data in graphs.items():
            payload = data.read_bytes() if isinstance(data, Path) else data
            if gsp is not None:
                url = f"{gsp}?{urllib.parse.urlencode({'graph': name})}"
                self._send("PUT", url, payload, {"Content-Type": "application/n-triples"}, "graph upload")
                continue
            self.update(f"DROP SILENT GRAPH {_iri(name)}")
            for chunk in line_chunks(payload, INSERT_CHUNK):
                self.update(f"INSERT DATA {{ GRAPH {_iri(name)} {{\n{chunk}\n}} }}")
