"""Remembered score output: replayed only while nothing it depends on has changed."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

import beleidstheorie.reasoning.score as score_module
from beleidstheorie.cli import main, result_cache
from tests.conftest import EXAMPLE

OBSERVATION = "status: progressie-geboekt, evidence_kind: quantitative, text: Gemiddeld 38 vaste bezoekers"
CHANGED = "status: geen-progressie, evidence_kind: quantitative, text: Gemiddeld 38 vaste bezoekers"


@pytest.fixture
def setting(tmp_path, monkeypatch):
    """A copy of the example, a private cache, and a count of the times the engine scored."""
    theory = tmp_path / "buurtbudget"
    shutil.copytree(EXAMPLE, theory)
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BELEIDSTHEORIE_NO_CACHE", raising=False)
    monkeypatch.delenv("BELEIDSTHEORIE_QUIET", raising=False)
    calls = []
    real = score_module.score

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(score_module, "score", counted)

    def run(*args: str):
        result = CliRunner().invoke(main, ["score", *args, str(theory)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    return theory, calls, run


def test_an_unchanged_theory_replays_the_same_output_and_status_line_without_scoring(setting):
    _, calls, run = setting
    first = run()
    again = run()
    assert len(calls) == 1
    assert (again.stdout, again.stderr) == (first.stdout, first.stderr)
    assert "Theorie:" in again.stderr
    quiet = CliRunner().invoke(main, ["--quiet", "score", str(setting[0])], catch_exceptions=False)
    assert quiet.stdout == first.stdout and quiet.stderr == "" and len(calls) == 1


def test_changing_one_observation_scores_again(setting):
    theory, calls, run = setting
    first = run()
    path = theory / "theory.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(OBSERVATION) == 1
    path.write_text(text.replace(OBSERVATION, CHANGED), encoding="utf-8")
    changed = run()
    assert len(calls) == 2 and changed.stdout != first.stdout
    assert run().stdout == changed.stdout and len(calls) == 2  # and the new output is remembered


def test_changing_one_config_value_scores_again(setting, tmp_path):
    _, calls, run = setting
    config = tmp_path / "config.toml"
    config.write_text("[link]\nstrong = 0.5\n", encoding="utf-8")
    first = run("--config", str(config))
    config.write_text("[link]\nstrong = 0.6\n", encoding="utf-8")
    changed = run("--config", str(config))
    assert len(calls) == 2 and changed.stdout != first.stdout
    plain = run()
    assert len(calls) == 3 and plain.stdout == first.stdout  # the defaults say strong = 0.5 too


def test_another_round_format_or_language_scores_again(setting):
    _, calls, run = setting
    latest = run()
    earlier = run("--round", "meting-2024")
    assert len(calls) == 2 and earlier.stdout != latest.stdout
    run("--round", "meting-2024")
    assert len(calls) == 2
    run("--format", "json")
    run("--lang", "en")
    run("--format", "csv", "--csv", "excel-nl")
    assert len(calls) == 5


def test_a_changed_package_scores_again(setting, monkeypatch):
    _, calls, run = setting
    run()
    monkeypatch.setattr(result_cache, "_package", "another build")
    run()
    assert len(calls) == 2


def test_nothing_is_remembered_for_a_file_output_or_with_the_cache_off(setting, tmp_path, monkeypatch):
    theory, calls, run = setting
    out = tmp_path / "s.csv"
    for _ in range(2):
        CliRunner().invoke(main, ["score", "-o", str(out), str(theory)], catch_exceptions=False)
    assert len(calls) == 2
    monkeypatch.setenv("BELEIDSTHEORIE_NO_CACHE", "1")
    run()
    run()
    assert len(calls) == 4


def test_an_invalid_theory_is_never_remembered(setting):
    theory, _, _ = setting
    path = theory / "theory.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: progressie-geboekt", "status: x", 1))
    for _ in range(2):
        result = CliRunner().invoke(main, ["score", str(theory)])
        assert result.exit_code == 1
    assert not list((theory.parent / "cache").glob("*-output.json"))


def test_a_damaged_entry_is_computed_again(setting, tmp_path):
    _, calls, run = setting
    first = run()
    for entry in (tmp_path / "cache").glob("*-output.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert run().stdout == first.stdout and len(calls) == 2


def test_sensitivity_is_remembered_and_computed_again_when_its_config_changes(setting, tmp_path, monkeypatch):
    import beleidstheorie.reasoning.sensitivity as sensitivity_module

    theory, _, _ = setting
    calls = []
    real = sensitivity_module.sensitivity

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(sensitivity_module, "sensitivity", counted)
    config = tmp_path / "config.toml"
    config.write_text("[sensitivity]\nsteps = 3\n", encoding="utf-8")

    def run(*args: str):
        result = CliRunner().invoke(
            main, ["sensitivity", "--config", str(config), *args, str(theory)], catch_exceptions=False
        )
        assert result.exit_code == 0, result.output
        return result

    first, again = run(), run()
    assert len(calls) == 1 and (again.stdout, again.stderr) == (first.stdout, first.stderr)
    run("--coding")
    assert len(calls) == 2
    config.write_text("[sensitivity]\nsteps = 5\n", encoding="utf-8")
    run()
    assert len(calls) == 3
