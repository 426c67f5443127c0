"""Nothing is lost: every writer leaves the old file or the whole new one, whatever happens.

Three kinds of fault, each against every command that writes a file:

* a write that fails half-way — the file-size limit (``RLIMIT_FSIZE``) of the
  process is set below the size of the new file, so the write itself fails
  after some bytes, exactly where a full disk would stop it;
* ``SIGKILL`` at moments spread over the whole run;
* two processes writing one target at the same time.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.security.conftest import EXE, MINIMAL, run


def errors(stderr: str) -> str:
    """stderr without the line that names the theory and round (every reading command prints it)."""
    return "".join(x for x in stderr.splitlines(True) if not x.startswith(("Theorie: ", "Theory: ")))


OLD = "the previous file, which must survive\n"
WRITERS = {
    "export-ttl": ["export", str(MINIMAL), "--format", "ttl"],
    "export-yaml": ["export", str(MINIMAL), "--format", "yaml"],
    "score-csv": ["score", str(MINIMAL), "--format", "csv"],
    "render-svg": ["render", "schema", str(MINIMAL)],
    "render-dot": ["render", "samenhang", str(MINIMAL)],
    "interactive": ["interactive", str(MINIMAL)],
}
SUFFIX = {"render-svg": ".svg", "render-dot": ".dot", "interactive": ".html", "score-csv": ".csv"}
ENV = {**os.environ, "PYTHONHASHSEED": "0"}  # the same output every run, to compare with


def _target(tmp_path: Path, name: str) -> Path:
    target = tmp_path / f"out{SUFFIX.get(name, '.txt')}"
    target.write_text(OLD, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def complete(tmp_path_factory) -> dict[str, bytes]:
    """What each writer writes when nothing goes wrong."""
    folder = tmp_path_factory.mktemp("complete")
    out = {}
    for name, args in WRITERS.items():
        target = folder / f"out{SUFFIX.get(name, '.txt')}"
        assert run(*args, "-o", str(target), env=ENV).returncode == 0
        out[name] = target.read_bytes()
    return out


def _leftovers(folder: Path, target: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p != target)


@pytest.mark.parametrize("name", WRITERS)
def test_a_write_failing_half_way_keeps_the_old_file_whole(tmp_path, complete, name):
    target = _target(tmp_path, name)
    limit = len(complete[name]) // 2

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = run("--lang", "en", *WRITERS[name], "-o", str(target), env=ENV, preexec_fn=small_files)
    assert proc.returncode == 1
    assert errors(proc.stderr) == f"error: {target}: File too large\n"
    assert target.read_text(encoding="utf-8") == OLD
    assert _leftovers(tmp_path, target) == []  # the temporary file was removed


@pytest.mark.parametrize("name", WRITERS)
def test_sigkill_at_any_moment_leaves_the_old_file_or_the_whole_new_one(tmp_path, complete, name):
    target = _target(tmp_path, name)
    started = time.monotonic()
    assert run(*WRITERS[name], "-o", str(tmp_path / f"timing{target.suffix}"), env=ENV).returncode == 0
    duration = time.monotonic() - started
    (tmp_path / f"timing{target.suffix}").unlink()
    seen = set()
    for fraction in (0.3, 0.6, 0.8, 0.9, 0.95, 1.0, 1.1):
        proc = subprocess.Popen([EXE, *WRITERS[name], "-o", str(target)], env=ENV, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = target.read_bytes()
        assert content in (OLD.encode(), complete[name])
        seen.add("new" if content == complete[name] else "old")
        for leftover in _leftovers(tmp_path, target):  # a killed writer cannot tidy up
            assert leftover.startswith(f".{target.name}.") and leftover.endswith(".tmp")
            (tmp_path / leftover).unlink()
    assert "old" in seen  # the sweep did reach moments before the new file was in place


def test_two_writers_of_one_target_never_mix(tmp_path, complete):
    target = tmp_path / "out.txt"
    procs = [
        subprocess.Popen([EXE, *WRITERS[name], "-o", str(target)], env=ENV, stderr=subprocess.PIPE)
        for name in ("export-ttl", "export-yaml", "export-ttl", "export-yaml")
    ]
    for proc in procs:
        proc.wait(timeout=120)
        assert proc.returncode == 0, proc.stderr.read()
    assert target.read_bytes() in (complete["export-ttl"], complete["export-yaml"])
    assert _leftovers(tmp_path, target) == []
