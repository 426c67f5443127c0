"""No command opens a network connection, even when the data points at a server.

A loopback HTTP server records every connection it accepts. Theories that
name it — as a JSON-LD ``@context`` and ``@import``, as ``owl:imports`` and
``rdfs:seeAlso`` in Turtle, in a SPARQL ``SERVICE`` and ``FROM`` — are run
through every command; the server must see nothing.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.security.conftest import DATA, run


class _Recorder(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.connections: list[tuple[str, int]] = []

    def verify_request(self, request, client_address) -> bool:  # every accepted connection
        self.connections.append(client_address)
        return True


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"@context": {"ex": "https://example.org/"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    recorder = _Recorder()
    thread = threading.Thread(target=recorder.serve_forever, daemon=True)
    thread.start()
    yield recorder
    recorder.shutdown()
    recorder.server_close()


def _url(server, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/{path}"


@pytest.fixture(scope="module")
def pointing_ttl(server, tmp_path_factory) -> Path:
    """The minimal theory, valid, with links to the server in its data."""
    text = (DATA / "minimal.ttl").read_text(encoding="utf-8")
    theory = "<https://example.org/beleidstheorie/klein/theory/klein> a bt:PolicyTheory ;"
    extra = (
        f"{theory}\n    <http://www.w3.org/2002/07/owl#imports> <{_url(server, 'onto.ttl')}> ;\n"
        f"    <http://www.w3.org/2000/01/rdf-schema#seeAlso> <{_url(server, 'see')}> ;"
    )
    path = tmp_path_factory.mktemp("net") / "pointing.ttl"
    path.write_text(text.replace(theory, extra, 1), encoding="utf-8")
    return path


def test_the_server_records_a_connection_when_one_is_made(server):
    """The recorder itself works: a real request is seen (so silence below means something)."""
    from urllib.request import urlopen

    before = len(server.connections)
    with urlopen(_url(server, "probe")) as response:  # the test's own request, to loopback only
        assert response.status == 200
    assert len(server.connections) == before + 1
    server.connections.clear()


COMMANDS = [
    ["validate", "{graph}"],
    ["export", "{graph}", "--format", "ttl"],
    ["export", "{graph}", "--format", "jsonld"],
    ["export", "{graph}", "--format", "yaml"],
    ["export", "{graph}", "--format", "graphml"],
    ["score", "{graph}"],
    ["score", "{graph}", "--format", "json"],
    ["coverage", "{graph}"],
    ["explain", "mech", "{graph}"],
    ["compare", "{graph}", "--from", "ronde-1", "--to", "ronde-1"],
    ["sensitivity", "{graph}"],
    ["query", "SELECT ?x WHERE { ?t rdfs:seeAlso ?x }", "{graph}"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:2]).replace("{graph}", "g"))
def test_no_command_contacts_a_server_the_data_names(server, pointing_ttl, command):
    proc = run(*(str(pointing_ttl) if part == "{graph}" else part for part in command))
    assert proc.returncode == 0, proc.stderr
    assert server.connections == []


@pytest.mark.parametrize("kind", ["schema", "samenhang"])
def test_drawing_contacts_no_server(server, pointing_ttl, tmp_path, kind):
    assert run("render", kind, str(pointing_ttl), "-o", str(tmp_path / "d.svg")).returncode == 0
    assert run("interactive", str(pointing_ttl), "-o", str(tmp_path / "p.html")).returncode == 0
    assert server.connections == []


def test_sparql_service_and_from_contact_no_server(server, pointing_ttl):
    service = f"SELECT * WHERE {{ SERVICE <{_url(server, 'sparql')}> {{ ?s ?p ?o }} }}"
    proc = run("--lang", "en", "query", service, str(pointing_ttl))
    assert proc.returncode == 1 and "SERVICE is disabled" in proc.stderr
    lower = f"select * where {{ service silent <{_url(server, 'sparql')}> {{ ?s ?p ?o }} }}"
    assert run("query", lower, str(pointing_ttl)).returncode == 1
    from_clause = f"SELECT ?s FROM <{_url(server, 'g.ttl')}> WHERE {{ ?s ?p ?o }}"
    run("query", from_clause, str(pointing_ttl))
    assert server.connections == []


def test_jsonld_contexts_naming_the_server_are_refused_without_a_request(server, tmp_path):
    cases = {
        "remote.jsonld": {"@context": _url(server, "ctx.jsonld"), "@id": "urn:a"},
        "list.jsonld": {"@context": [{"ex": "https://example.org/"}, _url(server, "c2")], "@id": "urn:a"},
        "import.jsonld": {"@context": {"@version": 1.1, "@import": _url(server, "c3")}, "@id": "urn:a"},
        "scoped.jsonld": {
            "@context": {"p": {"@id": "https://example.org/p", "@context": _url(server, "c4")}},
            "@id": "urn:a",
            "p": {"@id": "urn:b"},
        },
        "nested.jsonld": {"@id": "urn:a", "https://example.org/p": {"@context": _url(server, "c5")}},
    }
    for name, doc in cases.items():
        path = tmp_path / name
        path.write_text(json.dumps(doc), encoding="utf-8")
        proc = run("--lang", "en", "score", str(path))
        assert proc.returncode == 1
        assert "is not fetched" in proc.stderr, proc.stderr
    assert server.connections == []
