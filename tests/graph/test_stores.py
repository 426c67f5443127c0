"""The embedded store, the content-hash cache, native loading and generated theories."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from beleidstheorie.cli import main
from beleidstheorie.errors import ValidationError
from beleidstheorie.graph.generate import generate_ntriples, generate_theory
from beleidstheorie.graph.load import load_into, load_theory, stored_theories
from beleidstheorie.graph.stores import cache, connect, open_store
from beleidstheorie.reasoning.score import score
from tests.conftest import EXAMPLE


def cli(*args: str, env: dict | None = None):
    result = CliRunner(env=env).invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_theory_read_from_its_persistent_store_scores_like_its_yaml(tmp_path):
    load_into(tmp_path / "s", EXAMPLE)
    from_store = score(load_theory(store=tmp_path / "s"))
    assert from_store.to_dict() == score(load_theory(EXAMPLE)).to_dict()


def test_an_rdf_file_is_loaded_natively_and_scores_like_its_yaml(tmp_path):
    nt = tmp_path / "t.nt"
    cli("export", str(EXAMPLE), "--format", "nt", "-o", str(nt))
    theory = load_theory(nt)
    assert type(theory.store.oxigraph) is ox.Store  # parsed by Oxigraph, no rdflib graph in between
    assert "graph" not in theory.__dict__
    assert score(theory).to_dict() == score(load_theory(EXAMPLE)).to_dict()


def test_each_load_makes_a_new_version_and_keeps_only_the_previous_one(tmp_path):
    store = tmp_path / "s"
    for _ in range(4):
        load_into(store, EXAMPLE)
    assert sorted(p.name for p in store.glob("v*")) == ["v000003", "v000004"]
    assert len(open_store(store)) == len(load_theory(EXAMPLE).store)


def test_a_round_the_new_version_no_longer_has_is_dropped(tmp_path):
    path = tmp_path / "theory.yaml"
    cli("generate", "--initiatives", "4", "--rounds", "3", "-o", str(path))
    load_into(tmp_path / "s", path)
    cli("generate", "--initiatives", "4", "--rounds", "2", "-o", str(path))
    load_into(tmp_path / "s", path)
    names = {g.value for g in open_store(tmp_path / "s").oxigraph.named_graphs()}
    assert not any(n.endswith("round/ronde-3") for n in names)
    assert any(n.endswith("round/ronde-2") for n in names)


def _split_both_ways(data: bytes, base: str) -> tuple[ox.Store, ox.Store]:
    """The theory ``data`` split by one update over all rounds, and by ``split_rounds``."""
    from beleidstheorie.graph.load import Q_ROUND_SPLIT, split_rounds, theory_graph

    tg = ox.NamedNode(theory_graph(base))
    one, each = ox.Store(), ox.Store()
    for store in (one, each):
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=tg)
    one.update(Q_ROUND_SPLIT.replace("?tg", str(tg)).replace("?base", str(ox.Literal(base))))
    split_rounds(each, base)
    return one, each


@pytest.mark.parametrize("rounds", [1, 3])
def test_rounds_split_one_at_a_time_give_the_graphs_of_one_update_over_all_rounds(rounds):
    theory = generate_theory(initiatives=5, rounds=rounds)
    one, each = _split_both_ways(b"".join(generate_ntriples(theory)), theory.base_iri)
    assert sorted(map(str, each)) == sorted(map(str, one))
    assert len({q.graph_name for q in each}) == rounds + 1
    assert len(each) == len(one) > 0


def test_a_round_that_is_a_blank_node_leaves_its_observations_in_the_theorys_graph():
    theory = generate_theory(initiatives=5, rounds=2)
    data = b"".join(generate_ntriples(theory))
    data = data.replace(f"<{theory.base_iri}round/ronde-1>".encode(), b"_:r1")
    assert b"_:r1" in data
    _, each = _split_both_ways(data, theory.base_iri)
    assert len(each) == data.count(b"\n")  # nothing lost
    graphs = {q.graph_name.value for q in each}
    assert not any(g.endswith("round/ronde-1") for g in graphs) and any(
        g.endswith("round/ronde-2") for g in graphs
    )
    left = [q for q in each if q.predicate.value.endswith("#inRound") and isinstance(q.object, ox.BlankNode)]
    assert left and all(q.graph_name.value.endswith("graph/theory") for q in left)


def test_two_theories_share_a_store_and_each_is_found_by_id_iri_or_label(tmp_path):
    store = tmp_path / "s"
    generated = tmp_path / "gen.yaml"
    cli("generate", "--initiatives", "5", "-o", str(generated))
    load_into(store, EXAMPLE)
    load_into(store, generated)
    ids = sorted(t.id for t in stored_theories(connect(store)))
    assert ids == ["buurtbudget", "synthetisch"]
    by_label = load_theory("Buurtbudget tegen eenzaamheid", store=store)
    by_iri = load_theory("https://example.org/beleidstheorie/buurtbudget/theory/buurtbudget", store=store)
    assert by_label.iri == by_iri.iri
    assert score(by_label).to_dict() == score(load_theory(EXAMPLE)).to_dict()


RUN_TWICE = """
import sys
from beleidstheorie.graph.load import load_theory
from beleidstheorie.reasoning.score import score
score(load_theory(sys.argv[1]))
reading = ("beleidstheorie.authoring", "beleidstheorie.io.")  # io.files is the guarded open, no parser
print(sorted(m for m in sys.modules if m.startswith(reading) and m != "beleidstheorie.io.files"))
"""


def test_a_yaml_theory_is_parsed_once_and_then_read_from_the_cache(tmp_path):
    env = {"BELEIDSTHEORIE_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""}

    def modules() -> str:
        return subprocess.run(
            [sys.executable, "-c", RUN_TWICE, str(EXAMPLE)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    first, second = modules(), modules()
    assert "beleidstheorie.authoring.models" in first
    assert second == "[]"  # neither the YAML reader nor the authoring model was needed
    assert len(list((tmp_path / "cache").glob("*.nq"))) == 1


VALIDATE_TWICE = """
import sys
from click.testing import CliRunner
from beleidstheorie.cli import main
from beleidstheorie.errors import ValidationError
result = CliRunner().invoke(main, [sys.argv[1], sys.argv[2], "--format", "json"])
assert result.exit_code == 0, result.output
print("beleidstheorie.graph.shacl_sparql" in sys.modules)  # the SHACL engine, imported when it runs
"""


@pytest.mark.parametrize("kind", ["yaml", "nt"])
def test_a_theory_that_passed_shacl_is_not_validated_again_until_a_file_changes(tmp_path, kind):
    env = {"BELEIDSTHEORIE_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""}
    env |= {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}  # the code under test
    source = tmp_path / "theory.yaml"
    source.write_text((EXAMPLE / "theory.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    if kind == "nt":
        cli("export", str(source), "--format", "nt", "-o", str(tmp_path / "t.nt"))
        source = tmp_path / "t.nt"

    def shacl_ran() -> bool:
        out = subprocess.run(
            [sys.executable, "-c", VALIDATE_TWICE, "score", str(source)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip() == "True"

    assert (shacl_ran(), shacl_ran()) == (True, False)
    source.write_bytes(source.read_bytes() + b"\n")  # a changed file: validated again
    assert (shacl_ran(), shacl_ran()) == (True, False)


def test_a_theory_that_fails_shacl_is_never_marked_valid(tmp_path, monkeypatch):
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_DIR", str(tmp_path / "cache"))
    nt = tmp_path / "t.nt"
    cli("export", str(EXAMPLE), "--format", "nt", "-o", str(nt))
    page = "<https://w3id.org/beleidstheorie#page>"
    bad = next(ln for ln in nt.read_text(encoding="utf-8").splitlines() if f" {page} " in ln)
    subject = bad.split(" ", 1)[0]
    nt.write_text(
        nt.read_text(encoding="utf-8")
        + f'{subject} {page} "0"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    )
    for _ in range(2):
        with pytest.raises(ValidationError):
            load_theory(nt)
    assert not cache.is_valid(cache.file_key(nt))


def test_a_file_that_passed_the_whole_check_is_not_scanned_again_until_it_changes(tmp_path, monkeypatch):
    from beleidstheorie.graph import integrity

    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_DIR", str(tmp_path / "cache"))
    nt = tmp_path / "t.nt"
    cli("export", str(EXAMPLE), "--format", "nt", "-o", str(nt))
    scans = []
    real = integrity.structural_problems
    monkeypatch.setattr(integrity, "structural_problems", lambda *a: scans.append(1) or real(*a))
    load_theory(nt)
    load_theory(nt)
    assert len(scans) == 1
    assert cache.is_checked(cache.file_key(nt))
    nt.write_bytes(nt.read_bytes() + b"\n")  # a changed file: checked again
    load_theory(nt)
    assert len(scans) == 2


def test_a_file_with_a_cycle_is_refused_every_time_and_never_marked_checked(tmp_path, monkeypatch):
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_DIR", str(tmp_path / "cache"))
    nt = tmp_path / "t.nt"
    cli("export", str(EXAMPLE), "--format", "nt", "-o", str(nt))
    part = "<http://purl.org/dc/terms/isPartOf>"
    nt.write_text(
        nt.read_text(encoding="utf-8") + f"<urn:a> {part} <urn:b> .\n<urn:b> {part} <urn:a> .\n",
        encoding="utf-8",
    )
    for _ in range(3):
        with pytest.raises(ValidationError, match="a cycle in dcterms:isPartOf"):
            load_theory(nt)
    assert cache.is_valid(cache.file_key(nt))  # the shapes alone pass: the cycle is the integrity scan's
    assert not cache.is_checked(cache.file_key(nt))


def test_a_bound_variable_gives_the_rows_of_oxigraphs_own_substitution():
    from beleidstheorie.graph.stores.base import from_ox
    from beleidstheorie.reasoning import network

    theory = load_theory(EXAMPLE)
    raw = theory.store.oxigraph
    queries = [
        q
        for name, q in vars(network).items()
        if name.startswith("Q_") and "?t bt:" in q and name != "Q_THEORY"
    ]
    assert len(queries) >= 8
    assert theory.store.query(queries[0], {"t": theory.iri})  # the rows compared are not all empty
    for query in queries:
        solutions = raw.query(
            query,
            substitutions={ox.Variable("t"): ox.NamedNode(str(theory.iri))},
            use_default_graph_as_union=True,
        )
        names = [v.value for v in solutions.variables]
        expected = [{n: from_ox(s[n]) for n in names if s[n] is not None} for s in solutions]
        assert theory.store.query(query, {"t": theory.iri}) == expected


def test_a_changed_yaml_file_is_never_served_from_a_stale_cache(tmp_path):
    path = tmp_path / "theory.yaml"
    path.write_text((EXAMPLE / "theory.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert load_theory(path).label == "Buurtbudget tegen eenzaamheid"
    text = path.read_text(encoding="utf-8").replace(
        "nl: Buurtbudget tegen eenzaamheid", "nl: Ander budget", 1
    )
    path.write_text(text, encoding="utf-8")
    assert load_theory(path).label == "Ander budget"


def test_a_damaged_cache_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_DIR", str(tmp_path))
    first = load_theory(EXAMPLE)
    (entry,) = tmp_path.glob("*.nq")
    entry.write_bytes(b"<broken")
    again = load_theory(EXAMPLE)
    assert len(again.store) == len(first.store)
    assert entry.read_bytes().startswith(b"<http")


def test_the_cache_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("BELEIDSTHEORIE_NO_CACHE", "1")
    load_theory(EXAMPLE)
    assert cache.cache_dir() is None and list(tmp_path.iterdir()) == []


# -- generated theories ---------------------------------------------------------------


def test_generate_writes_the_same_file_for_the_same_seed(tmp_path):
    args = ["generate", "--initiatives", "8", "--rounds", "3", "--seed", "4"]
    cli(*args, "-o", str(tmp_path / "a.nt"))
    cli(*args, "-o", str(tmp_path / "b.nt"))
    cli(*args[:-1], "5", "-o", str(tmp_path / "c.nt"))
    assert (tmp_path / "a.nt").read_bytes() == (tmp_path / "b.nt").read_bytes()
    assert (tmp_path / "a.nt").read_bytes() != (tmp_path / "c.nt").read_bytes()


def test_a_generated_theory_validates_and_scores_in_both_formats(tmp_path):
    cli("generate", "--initiatives", "12", "--rounds", "2", "-o", str(tmp_path / "g.yaml"))
    cli("generate", "--initiatives", "12", "--rounds", "2", "-o", str(tmp_path / "g.nt"))
    assert cli("validate", str(tmp_path / "g.yaml")).startswith("ok: Synthetische beleidstheorie")
    from_yaml = score(load_theory(tmp_path / "g.yaml")).to_dict()
    assert score(load_theory(tmp_path / "g.nt")).to_dict() == from_yaml


def test_a_generated_theory_has_the_realistic_shape_and_every_vocabulary_value():
    from beleidstheorie.authoring import vocab

    t = generate_theory(initiatives=60, indicators_per_initiative=4, mechanisms=15, rounds=3, seed=11)
    observations = [o for i in t.initiatives for ind in i.indicators for o in ind.observations]
    assert 3 <= len(t.subgoals) <= 5 and len(t.mechanisms) == 15
    assert {m.subgoal for m in t.mechanisms} == {s.id for s in t.subgoals}
    assert all(1 <= len(i.contributions) <= 4 for i in t.initiatives)
    assert {o.status for o in observations} == set(vocab.ProgressStatus)
    assert {o.basis for o in observations} == set(vocab.Basis)
    assert {o.source for o in observations} == set(vocab.EvidenceSource)


@pytest.mark.parametrize("chunk", [1, 7, 500])
def test_the_ntriples_of_a_generated_theory_do_not_depend_on_the_chunk_size(chunk):
    t = generate_theory(initiatives=9, indicators_per_initiative=2, mechanisms=6, rounds=2, seed=2)
    lines = set(b"".join(generate_ntriples(t, chunk=chunk)).splitlines())
    assert lines == set(b"".join(generate_ntriples(t, chunk=1000)).splitlines())


def test_generate_refuses_an_unknown_format(tmp_path):
    result = CliRunner().invoke(main, ["generate", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 1 and "onbekend formaat; gebruik .yaml of .nt" in result.output
    result = CliRunner().invoke(main, ["--lang", "en", "generate", "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 1 and "unknown format; use .yaml or .nt" in result.output
    assert not Path(tmp_path / "x.csv").exists()


@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=12),
        max_size=30,
    ),
    st.booleans(),
    st.integers(1, 7),
)
def test_line_chunks_give_the_lines_back_whole_and_at_most_n_at_a_time(lines, last_newline, n):
    from beleidstheorie.graph.stores.remote import line_chunks

    text = "\n".join(lines) + ("\n" if last_newline and lines else "")
    data = text.encode("utf-8")
    chunks = list(line_chunks(data, n))
    assert "".join(chunks) == text
    assert all(c.count("\n") == n and c.endswith("\n") for c in chunks[:-1])
    if chunks:
        last = chunks[-1]
        assert last and last.count("\n") + (not last.endswith("\n")) <= n
