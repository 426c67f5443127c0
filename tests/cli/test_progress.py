"""Progress: a line on a terminal after the delay, erased at the end; nothing on a pipe or with --quiet."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest

from beleidstheorie.cli import progress as progress_module
from beleidstheorie.cli.progress import label, pause, progress

ROOT = Path(__file__).resolve().parents[2]
CLI = "from beleidstheorie.cli import main; main()"


@pytest.fixture
def terminal():
    """A real pseudo-terminal: the writing end as a text stream, and a function reading what it got."""
    leader, follower = os.openpty()
    stream = os.fdopen(follower, "w", encoding="utf-8")

    def read() -> str:
        stream.flush()
        os.set_blocking(leader, False)
        chunks = []
        try:
            while chunk := os.read(leader, 65536):
                chunks.append(chunk)
        except BlockingIOError:
            pass
        return b"".join(chunks).decode("utf-8")

    yield stream, read
    stream.close()
    os.close(leader)


def test_a_long_block_on_a_terminal_shows_its_label_and_is_erased(terminal):
    stream, read = terminal
    with progress("nl", "score", stream, delay=0.05):
        time.sleep(0.3)
    seen = read()
    assert seen.startswith("\r⠋ scores berekenen … 0 s ")
    assert seen.endswith("\r\x1b[K")


def test_a_short_block_on_a_terminal_writes_nothing(terminal):
    stream, read = terminal
    with progress("en", "score", stream, delay=5):
        pass
    assert read() == ""


def test_a_block_inside_a_running_one_adds_no_second_line(terminal):
    stream, read = terminal
    with progress("en", "score", stream, delay=0.05), progress("en", "sensitivity", stream, delay=0.05):
        time.sleep(0.3)
    seen = read()
    assert "scoring" in seen
    assert "computing sensitivity" not in seen


def test_pause_erases_the_line_before_output_and_a_later_block_may_start_again(terminal):
    stream, read = terminal
    with progress("en", "score", stream, delay=0.05):
        time.sleep(0.2)
        pause()
        after_pause = read()
        time.sleep(0.2)
        assert read() == ""
        with progress("en", "sensitivity", stream, delay=0.05):
            time.sleep(0.2)
    assert after_pause.endswith("\r\x1b[K")
    assert "computing sensitivity" in read()
    assert progress_module._running == []


def test_quiet_silences_progress_on_a_terminal(terminal):
    stream, read = terminal
    with click.Context(click.Command("score")) as ctx:
        ctx.meta["beleidstheorie.quiet"] = True
        with progress("en", "score", stream, delay=0.05):
            time.sleep(0.2)
    assert read() == ""


def test_every_command_of_the_tool_has_a_label_in_both_languages():
    from beleidstheorie.cli import main

    reading = set(main.commands) - {"datasets", "schema", "init", "cache"}  # instant: they read no theory
    assert {c: (label(c, "nl"), label(c, "en")) for c in reading if label(c, "en") == "working"} == {}


def test_a_command_piped_to_a_file_has_no_progress_line(tmp_path):
    """The real CLI in a subprocess: stderr is a pipe, so only the status line is there."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from beleidstheorie.cli import main; main()",
            "score",
            "intensiveringsaanpak",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    assert done.stderr == (
        "Theorie: Intensivering armoede- en schuldenaanpak (meegeleverde dataset intensiveringsaanpak); "
        "meting: Evaluatie 2022 (tweede meting)\n"
    )
