"""The documentation generators in scripts/ have a command line: usage, --check and --write."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_readme import ROOT, load_script

GENERATORS = ["readme_outputs", "make_authoring_reference", "make_api_reference", "dataset_report"]


@pytest.mark.parametrize("name", GENERATORS)
def test_help_prints_usage_and_generates_nothing(name):
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / f"{name}.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: {name}.py")
    assert "--check" in done.stdout and "--write" in done.stdout
    assert "$ beleidstheorie" not in done.stdout and "# Python API" not in done.stdout
    assert len(done.stdout.splitlines()) < 25


@pytest.fixture
def markers():
    return load_script("_markers")


def _render(text: str) -> str:
    return text.replace("<!-- BEGIN x -->\nold\n", "<!-- BEGIN x -->\nnew\n")


def test_check_names_an_out_of_date_file_and_writes_nothing(markers, tmp_path: Path, capsys):
    target = tmp_path / "doc.md"
    target.write_text("intro\n<!-- BEGIN x -->\nold\n<!-- END x -->\n", encoding="utf-8")
    assert markers.main(None, target, _render, ["--check"]) == 1
    assert str(target) in capsys.readouterr().err
    assert "old" in target.read_text(encoding="utf-8")


def test_write_then_check_is_current(markers, tmp_path: Path, capsys):
    target = tmp_path / "doc.md"
    target.write_text("intro\n<!-- BEGIN x -->\nold\n<!-- END x -->\n", encoding="utf-8")
    assert markers.main(None, target, _render, ["--write"]) == 0
    assert target.read_text(encoding="utf-8") == "intro\n<!-- BEGIN x -->\nnew\n<!-- END x -->\n"
    assert markers.main(None, target, _render, ["--check"]) == 0
    assert "current" in capsys.readouterr().out


def test_without_flags_prints_and_writes_nothing(markers, tmp_path: Path, capsys):
    target = tmp_path / "doc.md"
    target.write_text("<!-- BEGIN x -->\nold\n<!-- END x -->\n", encoding="utf-8")
    assert markers.main(None, target, _render, []) == 0
    assert "new" in capsys.readouterr().out
    assert "old" in target.read_text(encoding="utf-8")


def test_write_and_check_are_exclusive(markers, tmp_path: Path):
    with pytest.raises(SystemExit) as stop:
        markers.main(None, tmp_path / "doc.md", _render, ["--write", "--check"])
    assert stop.value.code == 2
