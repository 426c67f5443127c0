"""Fixtures of the security tests: a theory whose every label is hostile, and the console script."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "data"
MINIMAL = DATA / "minimal.yaml"
EXE = shutil.which("beleidstheorie", path=str(Path(sys.executable).parent))

FORMULA = '=HYPERLINK("http://127.0.0.1:9/x","klik")'
"""A label a spreadsheet would run as a formula."""
TERMINAL = "Subdoel\x1b]0;pwned\x07\x1b[2J\r\u202egnirts"
"""A label that would retitle and clear a terminal, overwrite its line and reverse its text."""
MARKUP = '</script><script>alert(1)</script> {a|b} <B>x</B> \\N \\G "q" \\ \\l'
"""A label that is HTML, DOT record syntax, graphviz escapes and quotes at once."""


@pytest.fixture(scope="session")
def hostile_yaml(tmp_path_factory) -> Path:
    """The minimal theory with hostile labels on the theory, sub-goal, mechanism, indicator and round."""
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data["label"] = {"nl": MARKUP}
    data["subgoals"][0]["label"] = {"nl": TERMINAL}
    data["mechanisms"][0]["label"] = {"nl": FORMULA}
    data["rounds"][0]["label"] = {"nl": "@SUM(A1)"}
    data["initiatives"][0]["label"] = {"nl": MARKUP}
    data["initiatives"][0]["indicators"][0]["label"] = {"nl": "-2+3"}
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """Run the real console script; a traceback on stderr fails the test."""
    assert EXE, "the console script is not installed"
    proc = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=timeout, **kwargs)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc
