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


def test_the_benchmark_table_is_the_measured_one():
    table = (ROOT / "benchmarks" / "results.md").read_text(encoding="utf-8").rstrip("\n")
    assert table in README


def test_every_linked_file_exists():
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if "://" not in target:
            assert (ROOT / target).exists(), target


def test_the_worked_example_in_the_method_matches_the_engine(flagship_theory):
    from beleidstheorie.reasoning.explain import explain

    method = (ROOT / "docs" / "method.md").read_text(encoding="utf-8")
    trail = explain(flagship_theory, "knelpunten-agenderen", "evaluatie-2022")
    node = trail.node
    for figure in (f"{node.score:.3f}", f"{node.prior:.3f}", f"{node.evidence_weight:.3f}"):
        assert figure in method
    assert node.verdict == "contested" and "**contested**" in method
    assert f"+{trail.items[0].impact:.3f}" in method
    assert f"LR = 0.595 / 0.35 = {trail.items[0].likelihood_ratio:.2f}" in method


def test_the_flip_point_quoted_in_the_readme_is_measured(flagship_theory):
    from beleidstheorie.reasoning.sensitivity import sensitivity

    flip = sensitivity(flagship_theory).node("knelpunten-agenderen").flip
    assert flip.parameter == "evidence.qualitative.se" and flip.verdict == "insufficient evidence"
    assert f"{abs(flip.relative_change):.1%}".replace("%", " %") in README


def test_the_stores_benchmark_table_is_the_measured_one():
    measured = (ROOT / "benchmarks" / "results-stores.md").read_text(encoding="utf-8").rstrip("\n")
    for doc in (README, (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")):
        block = doc.split("<!-- BEGIN stores-bench -->\n", 1)[1].split("<!-- END stores-bench -->", 1)[0]
        assert block.rstrip("\n") == measured
