"""Real SPARQL servers on loopback for the tests and the benchmarks: Oxigraph server and Virtuoso.

Each server gets a fresh data directory and free ports, and is stopped (by its own
process id) when the ``with`` block ends. A server that is not installed is an
error naming the install step, never a silent skip.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"{process.args[0]} exited with {process.returncode}: {log.read_text()[-2000:]}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(
        f"{process.args[0]} did not answer {url} within {seconds} s: {log.read_text()[-2000:]}"
    )


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def oxigraph_binary() -> str:
    """The ``oxigraph`` executable of the PyPI package ``oxigraph`` (a test dependency)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("oxigraph server not installed: run `make setup` (pip install oxigraph)")
    return found


@contextlib.contextmanager
def oxigraph_server(workdir: Path) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port; yields the ``--store`` URL."""
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "oxigraph.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(workdir / "data"), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process, log, 60)
        yield f"sparql+http://127.0.0.1:{port}/query"
    finally:
        _stop(process)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {d}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxQueryMem = 1G
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 3600
"""


@contextlib.contextmanager
def virtuoso_server(workdir: Path, buffers: int = 170_000) -> Iterator[str]:
    """Virtuoso (Debian ``virtuoso-opensource``) on free loopback ports; yields the ``--store`` URL.

    The anonymous SPARQL user is granted SPARQL_UPDATE on this private, loopback-only
    database so that ``beleidstheorie load`` can write through the standard Update protocol.
    """
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        raise RuntimeError(
            "Virtuoso not installed: run scripts/install-system-deps.sh (apt-get install virtuoso-opensource)"
        )
    workdir.mkdir(parents=True, exist_ok=True)
    sql, http = free_port(), free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(d=workdir, sql=sql, http=http, buffers=buffers, dirty=buffers * 3 // 4),
        encoding="utf-8",
    )
    log = workdir / "virtuoso.out"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [server, "+foreground", "+configfile", str(ini)],
            cwd=workdir,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(f"http://127.0.0.1:{http}/sparql?query=ASK%7B%7D", process, log, 180)
        subprocess.run(
            [isql, f"127.0.0.1:{sql}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield f"sparql+http://127.0.0.1:{http}/sparql"
    finally:
        _stop(process)
