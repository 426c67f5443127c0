"""The outline: names, rounds and counts of a theory, kept in the cache so reading commands need no model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import beleidstheorie
from beleidstheorie.cli import main
from beleidstheorie.graph.build import build_graph
from beleidstheorie.graph.generate import generate_ntriples, generate_theory
from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.outline import counts_of_store, outline, outline_of_model, outline_of_store
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


def _counts_line(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("ok: "))


@pytest.mark.parametrize("source", [EXAMPLE, FLAGSHIP], ids=["example", "flagship"])
def test_the_counts_read_from_the_store_are_the_models(source):
    theory = load_theory(source)
    model = outline_of_model(theory.model)
    found = counts_of_store(theory.store, theory.iri)
    assert (found.initiatives, found.mechanisms, found.indicators, found.observations) == (
        model.initiatives,
        model.mechanisms,
        model.indicators,
        model.observations,
    )
    assert len(found.unstated) == len(model.unstated)


def test_validate_of_an_rdf_file_counts_from_the_store_never_from_the_authoring_model(tmp_path, monkeypatch):
    # At 10^6 triples the authoring model meant an rdflib parse of the whole file, refused
    # beyond the 64 MiB input limit after SHACL had passed; now neither is ever built.
    model = generate_theory(initiatives=40, indicators_per_initiative=3, mechanisms=9, rounds=2, seed=5)
    path = tmp_path / "synthetic.nt"
    path.write_bytes(b"".join(generate_ntriples(model)))

    def refused(*args, **kwargs):
        raise AssertionError("the authoring model or an rdflib graph was built")

    monkeypatch.setattr("beleidstheorie.graph.extract.extract_theory", refused)
    monkeypatch.setattr("beleidstheorie.io.rdf.read_rdf", refused)
    expected = outline_of_model(model)
    monkeypatch.setattr("beleidstheorie.graph.outline.outline_of_model", refused)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    triples = sum(1 for _ in path.open("rb"))
    assert _counts_line(result.stdout) == (
        f"ok: {model.label.nl}: {triples} triples, {expected.initiatives} initiatieven, "
        f"{expected.mechanisms} mechanismen, {expected.indicators} indicatoren, "
        f"{expected.observations} waarnemingen"
    )


def test_validate_says_the_same_counts_for_a_theory_as_yaml_and_as_n_triples(tmp_path):
    theory = load_theory(EXAMPLE)
    path = tmp_path / "example.nt"
    path.write_bytes(theory.store.dump_ntriples())
    as_yaml = CliRunner().invoke(main, ["validate", str(EXAMPLE)])
    as_rdf = CliRunner().invoke(main, ["validate", str(path)])
    assert as_yaml.exit_code == as_rdf.exit_code == 0, as_rdf.output
    assert _counts_line(as_yaml.stdout) == _counts_line(as_rdf.stdout)
    # the warning about unstated observations counts the same ones (worded by node, not YAML path)
    said = [run.stderr.split(" waarnemingen zeggen")[0].rsplit(": ", 1)[-1] for run in (as_yaml, as_rdf)]
    assert said[0] == said[1] == "6"


STARTER = Path(beleidstheorie.__file__).parent / "authoring" / "starter"
EVERY_FIELD = Path(__file__).parent / "every-v2-field.yaml"


def _same_outline(theory) -> None:
    """The outline read from the store is the model's, part by part and in order; the
    unstated observations are worded by node there (no YAML path), so they are counted."""
    model = outline_of_model(theory.model)
    found = outline_of_store(theory.store, theory.iri)
    assert found.entries == model.entries
    assert found.rounds == model.rounds
    sizes = ("initiatives", "mechanisms", "indicators", "observations")
    assert [getattr(found, s) for s in sizes] == [getattr(model, s) for s in sizes]
    assert len(found.unstated) == len(model.unstated)


@pytest.mark.parametrize(
    "source", [EXAMPLE, FLAGSHIP, STARTER, EVERY_FIELD], ids=["example", "flagship", "starter", "every-field"]
)
def test_the_outline_read_from_the_store_is_the_models(source):
    _same_outline(load_theory(source))


def test_the_outline_of_a_v1_graph_read_from_the_store_is_the_models(tmp_path):
    from tests.graph.test_roundtrip import v1_form

    path = tmp_path / "v1.ttl"
    old = v1_form(build_graph(load_theory(FLAGSHIP).model))
    path.write_text(old.serialize(format="turtle"), encoding="utf-8")
    _same_outline(load_theory(path))


def test_the_outline_of_a_generated_theory_read_from_the_store_is_the_models(tmp_path):
    model = generate_theory(initiatives=25, indicators_per_initiative=4, mechanisms=7, rounds=3, seed=3)
    path = tmp_path / "synthetic.nt"
    path.write_bytes(b"".join(generate_ntriples(model)))
    theory = load_theory(path)
    assert outline_of_store(theory.store, theory.iri).entries == outline_of_model(model).entries
    _same_outline(theory)


@pytest.mark.parametrize(
    "args",
    [
        ["explain", "mechanisme-2"],
        ["list", "indicators"],
        ["compare", "--from", "1", "--to", "ronde-2"],
        ["score", "--round", "Meetronde 1"],
        ["coverage", "--round", "1"],
        ["render", "initiative", "initiatief-3", "-o", "{tmp}/i.dot"],
    ],
    ids=lambda a: "-".join(a[:2]),
)
def test_naming_a_part_of_an_rdf_theory_never_builds_the_authoring_model(tmp_path, monkeypatch, args):
    # At 10^7 triples `explain mechanisme-1 --store DIR` grew past 9 GiB building the model
    # only to find the mechanism's id; the names now come from the store.
    model = generate_theory(initiatives=12, indicators_per_initiative=3, mechanisms=5, rounds=2, seed=8)
    path = tmp_path / "synthetic.nt"
    path.write_bytes(b"".join(generate_ntriples(model)))
    store = tmp_path / "store"
    assert CliRunner().invoke(main, ["load", str(path), "--store", str(store)]).exit_code == 0

    def refused(*args, **kwargs):
        raise AssertionError("the authoring model or an rdflib graph was built")

    monkeypatch.setattr("beleidstheorie.graph.extract.extract_theory", refused)
    monkeypatch.setattr("beleidstheorie.io.rdf.read_rdf", refused)
    monkeypatch.setattr("beleidstheorie.graph.outline.outline_of_model", refused)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    for where in ([str(path)], ["--store", str(store)]):
        result = CliRunner().invoke(main, [*argv, *where])
        assert result.exit_code == 0, result.output
