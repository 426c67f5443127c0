"""The outline: names, rounds and counts of a theory, kept in the cache so reading commands need no model."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from beleidstheorie.cli import main
from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.outline import outline, outline_of_model
from tests.conftest import EXAMPLE, FLAGSHIP

RUN = """
import sys
from click.testing import CliRunner
from beleidstheorie.cli import main
result = CliRunner().invoke(main, sys.argv[1:])
assert result.exit_code == 0, result.output
reading = ("yaml", "pydantic", "beleidstheorie.authoring.models", "beleidstheorie.io.theory_yaml")
sys.__stdout__.write(repr(sorted(m for m in sys.modules if m.startswith(reading))))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{ex}"],
        ["list", "initiatives", "{ex}"],
        ["explain", "wederkerig", "{ex}"],
        ["render", "initiative", "buurtkamer", "{ex}", "-o", "{tmp}/i.dot"],
    ],
    ids=lambda a: a[0],
)
def test_a_second_run_names_and_counts_without_reading_the_yaml(tmp_path, args):
    env = {"BELEIDSTHEORIE_CACHE_DIR": str(tmp_path / "cache"), "PATH": os.environ.get("PATH", "")}
    env |= {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}  # the code under test
    argv = [a.replace("{tmp}", str(tmp_path)).replace("{ex}", str(EXAMPLE)) for a in args]

    def modules() -> str:
        return subprocess.run(
            [sys.executable, "-c", RUN, *argv], env=env, capture_output=True, text=True, check=True
        ).stdout

    first, second = modules(), modules()
    assert "beleidstheorie.authoring.models" in first
    # pydantic may still come with the reasoning configuration; the YAML side is gone
    for module in ("yaml", "beleidstheorie.io.theory_yaml", "beleidstheorie.authoring.models"):
        assert f"'{module}'" not in second


@pytest.mark.parametrize("source", [EXAMPLE, FLAGSHIP], ids=["example", "flagship"])
def test_the_outline_read_back_from_the_cache_is_the_models(source):
    theory = load_theory(source)
    first = outline(theory)  # derived from the model and remembered, or read back
    again = outline(load_theory(source))
    fresh = outline_of_model(load_theory(source).model)
    assert first == again == fresh
    assert fresh.entries["mechanisms"] and fresh.unstated is not None


def test_a_damaged_outline_in_the_cache_is_derived_again(tmp_path, monkeypatch):
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_DIR", str(tmp_path))
    expected = outline(load_theory(EXAMPLE))
    (entry,) = tmp_path.glob("*-outline-*.json")
    entry.write_bytes(b'{"entries": [')
    assert outline(load_theory(EXAMPLE)) == expected
    assert entry.read_bytes().startswith(b'{"entries":{')


def test_a_changed_label_is_never_named_from_a_stale_outline(tmp_path, monkeypatch):
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "theory.yaml"
    path.write_text((EXAMPLE / "theory.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = CliRunner().invoke(main, ["list", "mechanisms", str(path)])
    assert "Wederkerigheid" in before.stdout
    text = path.read_text(encoding="utf-8").replace("nl: Wederkerigheid", "nl: Geven en nemen", 1)
    path.write_text(text, encoding="utf-8")
    after = CliRunner().invoke(main, ["list", "mechanisms", str(path)])
    assert "Geven en nemen" in after.stdout and "Wederkerigheid" not in after.stdout
