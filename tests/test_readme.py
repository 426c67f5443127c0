"""The README stays true: its commands exist, its outputs are current, its images exist."""

from __future__ import annotations

import importlib.util
import re

import pytest

from tests.conftest import ROOT
from tests.test_cli import COMMANDS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_two_commands_are_given_and_ci_runs_the_test_command():
    assert "make demo" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, flags=re.M)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented(command):
    assert f"beleidstheorie {command}" in README or f"**{command}**" in README.lower()


def test_command_output_in_the_readme_is_current():
    module = load_script("readme_outputs")
    assert module.update(README, module.sections(include_bench=False)) == README


@pytest.mark.parametrize("name", ["results.md", "inference_results.md", "startup-results.md"])
def test_the_benchmark_tables_are_the_measured_ones(name):
    table = (ROOT / "benchmarks" / name).read_text(encoding="utf-8").rstrip("\n")
    assert table in README


def test_every_linked_file_exists():
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if "://" not in target:
            assert (ROOT / target).exists(), target


def test_the_stores_benchmark_table_is_the_measured_one():
    measured = (ROOT / "benchmarks" / "results-stores.md").read_text(encoding="utf-8").rstrip("\n")
    for doc in (README, (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")):
        block = doc.split("<!-- BEGIN stores-bench -->\n", 1)[1].split("<!-- END stores-bench -->", 1)[0]
        assert block.rstrip("\n") == measured
