"""Special files, huge files and impossible paths end in a clear error, never a hang.

Every command runs in-process with a time limit: a FIFO that is waited on
would hit the limit (and be released) instead of giving the expected message;
``/dev/zero`` read to the end would hit the size limit. The console script
itself is run once per command in tests/test_cli.py.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from beleidstheorie.errors import LoadError, RenderError
from beleidstheorie.io.files import MAX_FILE_BYTES, atomic_write, read_bytes_file, read_text_file
from tests.security.conftest import MINIMAL
from tests.test_cli import Ran
from tests.test_cli import run as run_in_process


def run(*args: str, timeout: float = 30) -> Ran:
    """``beleidstheorie ARGS`` in-process, failing (not hanging) if it takes over ``timeout`` s.

    The command runs in a thread; one stuck on a named pipe is released by opening the pipe
    for writing, so the test fails instead of the suite hanging."""
    done: list[Ran | BaseException] = []

    def work() -> None:
        try:
            done.append(run_in_process(*args, ok=False))
        except BaseException as exc:  # re-raised in the test's thread
            done.append(exc)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        for arg in args:
            path = Path(arg.removeprefix("@"))
            if len(arg) < 4096 and path.is_fifo():
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(5)
        pytest.fail(f"beleidstheorie {' '.join(args)[:200]} did not finish within {timeout} s")
    if isinstance(done[0], BaseException):
        raise done[0]
    return done[0]


def errors(stderr: str) -> str:
    """stderr without the line that names the theory and round (every reading command prints it)."""
    return "".join(x for x in stderr.splitlines(True) if not x.startswith(("Theorie: ", "Theory: ")))


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "theory.yaml"
    os.mkfifo(path)
    return path


def test_a_fifo_as_the_theory_is_refused_at_once(fifo):
    proc = run("--lang", "en", "score", str(fifo), timeout=30)
    assert proc.returncode == 1
    assert errors(proc.stderr) == f"error: {fifo}: not a regular file (a named pipe (FIFO))\n"


def test_a_fifo_as_config_is_refused_at_once(fifo):
    proc = run("--lang", "en", "score", str(MINIMAL), "--config", str(fifo), timeout=30)
    assert proc.returncode == 1
    assert errors(proc.stderr) == f"error: {fifo}: not a regular file (a named pipe (FIFO))\n"


def test_a_fifo_as_the_query_file_is_refused_at_once(fifo):
    proc = run("--lang", "en", "query", f"@{fifo}", str(MINIMAL), timeout=30)
    assert proc.returncode == 1
    assert errors(proc.stderr) == f"error: {fifo}: not a regular file (a named pipe (FIFO))\n"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_without_reading_it(tmp_path, device):
    link = tmp_path / "theory.ttl"
    link.symlink_to(device)
    proc = run("--lang", "en", "score", str(link), timeout=30)
    assert proc.returncode == 1
    assert errors(proc.stderr) == f"error: {link}: not a regular file (a character device)\n"


def test_dev_zero_as_config_is_refused():
    proc = run("--lang", "en", "score", str(MINIMAL), "--config", "/dev/zero", timeout=30)
    assert proc.returncode == 1
    assert errors(proc.stderr) == "error: /dev/zero: not a regular file (a character device)\n"


def test_a_path_of_100000_characters_is_a_clear_error():
    proc = run("--lang", "en", "score", "x" * 100_000 + ".yaml", timeout=30)
    assert proc.returncode == 1
    assert (
        errors(proc.stderr) == f"error: {'x' * 100}…{'x' * 55}.yaml: the path is too long for this system\n"
    )


def test_a_directory_named_like_a_file_is_refused(tmp_path):
    folder = tmp_path / "theory.ttl"
    folder.mkdir()
    proc = run("--lang", "en", "score", str(folder), timeout=30)
    assert proc.returncode == 1
    assert errors(proc.stderr) == f"error: {folder}: no theory.yaml in this directory\n"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.nt"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(LoadError) as info:
        read_text_file(big)
    assert str(info.value) == (
        f"{big}: the file is larger than the limit of 64 MiB ({MAX_FILE_BYTES + 1} bytes or more)"
    )


def test_a_file_that_turns_out_larger_than_its_size_while_read_is_refused():
    # /proc files report size 0 and have content: the limit is enforced on what is read
    content = Path("/proc/self/cmdline").read_bytes()
    assert read_bytes_file("/proc/self/cmdline", limit=len(content)) == content
    with pytest.raises(LoadError) as info:
        read_bytes_file("/proc/self/cmdline", limit=len(content) - 1)
    message = str(info.value)  # the limit itself is written in MiB
    assert message.startswith("/proc/self/cmdline: the file is larger than the limit of ")
    assert message.endswith(f" ({len(content)} bytes or more)")


def test_an_unreadable_file_names_the_cause(tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text("id: x\n", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything
        pytest.skip("running as root: permissions do not stop reading")
    with pytest.raises(LoadError, match="Permission denied"):
        read_text_file(path)


def test_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left


def test_atomic_write_through_a_symlink_replaces_the_file_it_points_to(tmp_path):
    real = tmp_path / "real.ttl"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.ttl"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_atomic_write_refuses_to_replace_a_device_or_a_fifo(tmp_path):
    with pytest.raises(RenderError, match=r"not a regular file \(a character device\); not replaced"):
        atomic_write("/dev/null", "x")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(RenderError, match="named pipe"):
        atomic_write(pipe, "x")


def test_writing_into_a_missing_directory_is_a_clear_error(tmp_path):
    proc = run("--lang", "en", "export", str(MINIMAL), "-o", str(tmp_path / "nope" / "x.ttl"), timeout=120)
    assert proc.returncode == 1
    assert errors(proc.stderr) == f"error: {tmp_path / 'nope' / 'x.ttl'}: No such file or directory\n"


def test_a_writer_that_cannot_get_the_directory_gives_up_with_busy(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(RenderError) as info:
            atomic_write(tmp_path / "out.txt", "new", wait=0.2)
        assert str(info.value) == f"{tmp_path / 'out.txt'}: busy: another process is writing here; try again"
    finally:
        holder.kill()
        holder.wait()
    atomic_write(tmp_path / "out.txt", "new", wait=0.2)  # the lock died with its holder
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "new"


HOLD_LOCK = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(60)
"""
