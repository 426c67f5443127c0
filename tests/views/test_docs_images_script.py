"""The command line of ``scripts/make_docs_images.py`` (the images themselves are looked at, not tested)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "make_docs_images.py"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd)


def test_help_prints_usage_and_writes_no_folder_called_help(tmp_path):
    done = run("--help", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("usage:") and "output_dir" in done.stdout
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_option_is_refused_not_taken_for_the_output_folder(tmp_path):
    done = run("--out", "x", cwd=tmp_path)
    assert done.returncode == 2
    assert "unrecognized arguments" in done.stderr or "error:" in done.stderr
    assert list(tmp_path.iterdir()) == []
