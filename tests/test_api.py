"""The Python API: discoverable names that still import lazily, frames, a current reference."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE, ROOT

API = ("load", "score", "coverage", "explain", "compare", "sensitivity", "load_theory")


def test_the_api_is_visible_to_dir_without_importing_the_rdf_libraries():
    code = "import sys, beleidstheorie as bt; names = dir(bt); print('rdflib' in sys.modules); print(*names)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded, names = out.splitlines()
    assert loaded == "False"
    assert set(API) <= set(names.split())


def test_load_finds_a_theory_as_the_command_line_does(tmp_path, monkeypatch):
    import beleidstheorie as bt

    monkeypatch.chdir(EXAMPLE)
    assert bt.load().label == "Buurtbudget tegen eenzaamheid"
    assert bt.load("intensiveringsaanpak").label.startswith("Intensivering")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(bt.LoadError, match=r"no theory\.yaml in this directory or its parents"):
        bt.load()


@pytest.fixture(scope="module")
def results(example_theory):
    import beleidstheorie as bt

    return {
        "score": bt.score(example_theory),
        "coverage": bt.coverage(example_theory),
        "explain": bt.explain(example_theory, "vaste-contacten"),
        "compare": bt.compare(example_theory, "meting-2024", "meting-2025"),
    }


def test_every_result_converts_to_a_frame_with_one_row_per_record(results):
    score = results["score"].to_frame()
    assert len(score) == 1 + 2 + 4 + 3 and {"part", "key", "score", "verdict"} <= set(score.columns)
    assert (
        score.loc[score.key == "vaste-contacten", "score"].item()
        == results["score"].node("vaste-contacten").score
    )
    cov = results["coverage"].to_frame()
    assert "direct_indicators.by_level.tactisch" in cov.columns and len(cov) == 4
    assert len(results["explain"].to_frame()) == len(results["explain"].items)
    assert {"score_from", "score_to"} <= set(results["compare"].to_frame().columns)


def test_the_api_reference_is_current():
    spec = importlib.util.spec_from_file_location("api_ref", ROOT / "scripts" / "make_api_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert committed == module.api_reference(), "run: python scripts/make_api_reference.py --write"
