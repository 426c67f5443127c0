"""Bad stores and failing servers: each a clear error, nothing lost.

The servers here are real HTTP servers on loopback that misbehave on purpose: one
that never answers, one that answers HTML, one that wants a password.
"""

from __future__ import annotations

import base64
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from beleidstheorie.cli import main
from beleidstheorie.iris import BT_IRI as BT
from beleidstheorie.iris import RDF_IRI as RDF
from tests.conftest import EXAMPLE
from tests.servers import free_port

EXE = str(Path(sys.executable).parent / "beleidstheorie")


def cli(*args: str, env: dict | None = None):
    result = CliRunner(env=env).invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def error_of(*args: str, env: dict | None = None) -> str:
    """The error a command ends in, in English (the wording these tests pin)."""
    result = cli("--lang", "en", *args, env=env)
    assert result.exit_code == 1, result.output
    return result.output


# -- embedded stores ------------------------------------------------------------------


def test_a_directory_that_is_not_a_store_is_refused_and_left_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert "not a beleidstheorie store" in error_of("score", "--store", str(tmp_path))
    assert "not a beleidstheorie store" in error_of("load", str(EXAMPLE), "--store", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_file_given_as_store_is_refused(tmp_path):
    path = tmp_path / "store.nt"
    path.write_text("", encoding="utf-8")
    assert "it is a file" in error_of("coverage", "--store", str(path))


def test_a_missing_store_says_how_to_make_one(tmp_path):
    out = error_of("score", "--store", str(tmp_path / "nope"))
    assert "no store here" in out and "beleidstheorie load" in out


def test_a_store_of_a_newer_format_is_refused(tmp_path):
    store = tmp_path / "s"
    assert cli("load", str(EXAMPLE), "--store", str(store)).exit_code == 0
    marker = store / "beleidstheorie-store.json"
    data = json.loads(marker.read_text())
    marker.write_text(json.dumps({**data, "format": data["format"] + 1}))
    out = error_of("score", "--store", str(store))
    assert "newer than this beleidstheorie reads" in out
    assert "newer" in error_of("load", str(EXAMPLE), "--store", str(store))


def test_a_damaged_marker_is_a_clear_error(tmp_path):
    store = tmp_path / "s"
    cli("load", str(EXAMPLE), "--store", str(store))
    (store / "beleidstheorie-store.json").write_text("{not json")
    assert "damaged store marker" in error_of("score", "--store", str(store))


def test_naming_a_theory_the_store_does_not_hold_lists_the_ones_it_does(tmp_path):
    store = tmp_path / "s"
    cli("load", str(EXAMPLE), "--store", str(store))
    out = error_of("score", "nergens", "--store", str(store))
    assert "no theory 'nergens'" in out and "buurtbudget" in out


def _edit_stored(store: Path, predicate_end: str, subject_part: str, value: str) -> None:
    """Replace one stored value, as another tool writing into the store would (no validation)."""
    import pyoxigraph as ox

    marker = json.loads((store / "beleidstheorie-store.json").read_text())
    raw = ox.Store(str(store / marker["current"]))
    quad = next(
        q
        for q in raw.quads_for_pattern(None, None, None)
        if q.predicate.value.endswith(predicate_end) and subject_part in q.subject.value
    )
    raw.remove(quad)
    raw.add(ox.Quad(quad.subject, quad.predicate, ox.Literal(value), quad.graph_name))
    raw.flush()
    del raw


READERS = [
    ("score",),
    ("coverage",),
    ("next",),
    ("explain", "wederkerig"),
    ("list",),
    ("sensitivity",),
    ("render", "schema", "-o", "{tmp}/s.svg"),
    ("render", "samenhang", "-o", "{tmp}/s.svg"),
    ("interactive", "-o", "{tmp}/p.html"),
]


@pytest.mark.parametrize(
    ("predicate", "subject", "readers"),
    [("#number", "/round/", {"score", "coverage", "next"}), ("#page", "/observation/", {"coverage", "next"})],
)
def test_a_store_edited_outside_beleidstheorie_is_refused_in_one_line_by_every_reader(
    tmp_path, predicate, subject, readers
):
    store = tmp_path / "s"
    cli("load", str(EXAMPLE), "--store", str(store))
    _edit_stored(store, predicate, subject, "twee")
    refused = []
    for args in READERS:  # cli() fails on a traceback; a reader that never reads the value may succeed
        result = cli("--lang", "en", *(a.format(tmp=tmp_path) for a in args), "--store", str(store))
        assert result.exit_code in (0, 1), (args, result.output)
        if result.exit_code == 1:  # one line naming the store (the authoring model names the field)
            errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
            assert len(errors) == 1 and errors[0].startswith(f"error: {store}"), (args, result.output)
            refused.append(args[0])
            if "breaks the shapes" in errors[0]:
                assert f"validate --store {store}" in errors[0] and "twee" in errors[0]
    assert readers <= set(refused)  # these convert the value (score's grouped read has no page)
    problems = error_of("validate", "--store", str(store))
    assert '"twee"' in problems and predicate.lstrip("#") in problems  # validate names the place


HOLD_LOCK = """
import sys, time
from beleidstheorie.graph.stores import writing
with writing(sys.argv[1]):
    print("holding", flush=True)
    sys.stdin.readline()
"""


def test_a_second_process_loading_into_the_same_store_is_told_it_is_busy(tmp_path):
    store = tmp_path / "s"
    cli("load", str(EXAMPLE), "--store", str(store))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(store)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        busy = subprocess.run(
            [EXE, "--lang", "en", "load", str(EXAMPLE), "--store", str(store)], capture_output=True, text=True
        )
        assert busy.returncode == 1 and "store is busy" in busy.stderr and "Traceback" not in busy.stderr
        # Waiting long enough gets the lock once the other process is done.
        waiter = subprocess.Popen(
            [EXE, "load", str(EXAMPLE), "--store", str(store), "--wait", "60"],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(0.5)
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert waiter.wait(timeout=120) == 0
    finally:
        holder.kill()
        holder.wait()
    assert cli("score", "--store", str(store)).exit_code == 0


@pytest.fixture(scope="module")
def big_theory(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.nt"
    cli(
        "generate",
        "--initiatives",
        "600",
        "--indicators-per-initiative",
        "6",
        "--rounds",
        "3",
        "-o",
        str(path),
    )
    return path


def test_a_load_killed_halfway_leaves_the_store_at_its_previous_state(tmp_path, big_theory):
    store = tmp_path / "s"
    cli("load", str(EXAMPLE), "--store", str(store))
    before = cli("score", "--store", str(store), "--format", "json").output
    marker = (store / "beleidstheorie-store.json").read_text()
    loader = subprocess.Popen([EXE, "load", str(big_theory), "--store", str(store)])
    # The new version's directory appears once the load starts writing into it.
    deadline = time.monotonic() + 120
    while not (store / "v000002").exists() and time.monotonic() < deadline and loader.poll() is None:
        time.sleep(0.01)
    time.sleep(0.2)
    assert loader.poll() is None, "the load finished before it could be killed"
    os.kill(loader.pid, signal.SIGKILL)
    loader.wait()
    assert (store / "beleidstheorie-store.json").read_text() == marker
    assert cli("score", "--store", str(store), "--format", "json").output == before
    # The next load works and clears what the killed one left behind.
    assert cli("load", str(EXAMPLE), "--store", str(store)).exit_code == 0
    assert not (store / "v000002").exists()
    assert cli("score", "--store", str(store), "--format", "json").output == before


# -- servers ------------------------------------------------------------------------------


class _Server:
    """A real HTTP server on loopback whose handler misbehaves as a test needs."""

    def __init__(self, handler: type[http.server.BaseHTTPRequestHandler]) -> None:
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"sparql+http://127.0.0.1:{self.httpd.server_address[1]}/sparql"

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Quiet(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _Garbage(_Quiet):
    def do_POST(self) -> None:
        body = b"<html><body>Service temporarily moved</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Slow(_Quiet):
    def do_POST(self) -> None:
        time.sleep(3)


EMPTY_RESULTS = json.dumps({"head": {"vars": ["g", "t"]}, "results": {"bindings": []}}).encode()


class _Guarded(_Quiet):
    expected = "Basic " + base64.b64encode(b"evaluator:geheim-wachtwoord").decode()

    def do_POST(self) -> None:
        if self.headers.get("Authorization") != self.expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(EMPTY_RESULTS)))
        self.end_headers()
        self.wfile.write(EMPTY_RESULTS)


def test_a_server_that_is_down_is_named_with_the_attempts_made():
    port = free_port()
    out = error_of(
        "score",
        "--store",
        f"sparql+http://127.0.0.1:{port}/sparql",
        env={"BELEIDSTHEORIE_SPARQL_RETRIES": "1"},
    )
    assert f"127.0.0.1:{port}" in out and "cannot reach the server" in out and "2 attempts" in out


def test_a_slow_server_times_out_with_a_hint():
    with _Server(_Slow) as url:
        out = error_of("score", "--store", url, env={"BELEIDSTHEORIE_SPARQL_TIMEOUT": "0.5"})
    assert "no answer to the query within 0.5 s" in out and "BELEIDSTHEORIE_SPARQL_TIMEOUT" in out


def test_a_server_answering_garbage_is_a_clear_error():
    with _Server(_Garbage) as url:
        out = error_of("coverage", "--store", url)
    assert "not SPARQL JSON results" in out and "<html>" in out


def test_a_server_failing_on_the_query_passes_on_its_reason(oxigraph_url):
    cli("load", str(EXAMPLE), "--store", oxigraph_url)
    # valid SPARQL 1.1 that the server cannot run: an unknown function (a malformed query is
    # already refused before it is sent, with its line and column)
    query = "SELECT ?x WHERE { ?x ?y ?z FILTER(<https://example.org/no-such-function>(?z)) }"
    out = error_of("query", query, "--store", oxigraph_url)
    assert "the server failed on the query (HTTP 500: The custom function" in out


def test_credentials_come_from_the_environment_and_are_never_printed():
    secret = "geheim-wachtwoord"
    with _Server(_Guarded) as url:
        wrong = error_of(  # in English: the Dutch prefix "fout:" is the password of this test
            "score",
            "--store",
            url,
            env={"BELEIDSTHEORIE_SPARQL_USER": "evaluator", "BELEIDSTHEORIE_SPARQL_PASSWORD": "fout"},
        )
        assert "HTTP 401" in wrong and "fout" not in wrong
        right = error_of(
            "score",
            "--store",
            url,
            env={"BELEIDSTHEORIE_SPARQL_USER": "evaluator", "BELEIDSTHEORIE_SPARQL_PASSWORD": secret},
        )
    # Authenticated: the (empty) store answers that it holds no theory.
    assert "holds no theory" in right and secret not in right


def test_credentials_can_come_from_a_config_file(tmp_path):
    (tmp_path / "credentials.toml").write_text(
        '[stores."127.0.0.1:PORT"]\nuser = "evaluator"\npassword = "geheim-wachtwoord"\n', encoding="utf-8"
    )
    with _Server(_Guarded) as url:
        port = url.split(":")[2].split("/")[0]
        text = (tmp_path / "credentials.toml").read_text().replace("PORT", port)
        (tmp_path / "credentials.toml").write_text(text, encoding="utf-8")
        out = error_of("score", "--store", url, env={"BELEIDSTHEORIE_CONFIG_DIR": str(tmp_path)})
    assert "holds no theory" in out


def test_credentials_in_the_store_url_are_refused_without_echoing_them():
    out = error_of("score", "--store", "sparql+http://evaluator:geheim@127.0.0.1:9/sparql")
    assert "credentials in a store URL are refused" in out and "geheim" not in out


def test_an_action_line_turned_into_a_blank_node_in_a_store_is_refused_in_one_line_by_its_sheet(tmp_path):
    import pyoxigraph as ox

    from tests.conftest import FLAGSHIP

    store = tmp_path / "s"
    cli("load", str(FLAGSHIP), "--store", str(store))
    marker = json.loads((store / "beleidstheorie-store.json").read_text())
    raw = ox.Store(str(store / marker["current"]))
    line = ox.NamedNode(f"{BT}ActionLine")
    (node,) = [q.subject for q in raw.quads_for_pattern(None, ox.NamedNode(f"{RDF}type"), line)][:1]
    (parent,) = [q.object for q in raw.quads_for_pattern(node, ox.NamedNode(f"{BT}actionLineOf"), None)]
    blank = ox.BlankNode()
    for q in [*raw.quads_for_pattern(node, None, None), *raw.quads_for_pattern(None, None, node)]:
        raw.remove(q)
        s, o = (blank if q.subject == node else q.subject), (blank if q.object == node else q.object)
        raw.add(ox.Quad(s, q.predicate, o, q.graph_name))
    raw.flush()
    del raw
    key = parent.value.rsplit("/", 1)[-1]
    svg = str(tmp_path / "i.svg")
    args = ("render", "initiative", key, "--evidence", "-o", svg, "--store", str(store))
    out = error_of("--lang", "en", *args)
    errors = [line for line in out.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {store}") and "blank node" in errors[0], out
