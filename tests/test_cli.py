"""The command line: behaviour in-process (click's CliRunner), each command once through the real script.

``run`` invokes the click group in this process — the same parsing, the same error
handling, the same exit status — which is seconds faster per call than a subprocess.
``test_every_command_runs_as_the_installed_console_script`` starts the real
``beleidstheorie`` once per command, so the entry point and every command's wiring
are still tested end to end.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from beleidstheorie.cli import main
from beleidstheorie.reasoning.verdict import VERDICTS
from tests.conftest import EXAMPLE, ROOT


def errors(stderr: str) -> str:
    """stderr without the line that names the theory and round (every reading command prints it)."""
    return "".join(x for x in stderr.splitlines(True) if not x.startswith(("Theorie: ", "Theory: ")))


EXE = shutil.which("beleidstheorie", path=str(Path(sys.executable).parent))
COMMANDS = [
    "validate",
    "export",
    "score",
    "coverage",
    "explain",
    "compare",
    "sensitivity",
    "next",
    "query",
    "render",
    "interactive",
    "load",
    "generate",
    "datasets",
    "list",
    "init",
    "schema",
]
FLAGSHIP = "intensiveringsaanpak"


@dataclass(frozen=True)
class Ran:
    """What one command did: exit status and both streams."""

    returncode: int
    stdout: str
    stderr: str


def run(*args: str, ok: bool = True) -> Ran:
    """Run ``beleidstheorie ARGS`` in-process; an exception that escapes click fails the test."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback the user would have seen
    proc = Ran(result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


def run_script(*args: str) -> subprocess.CompletedProcess:
    """Run the installed console script in a subprocess."""
    assert EXE, "the console script is not installed"
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_runs_as_the_installed_console_script(command):
    proc = run_script(command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"Gebruik: beleidstheorie {command} ")  # Dutch unless --lang en
    assert proc.stderr == ""


def test_python_dash_m_runs_the_same_command_line():
    args = [sys.executable, "-m", "beleidstheorie", "score", "--help", "--lang", "en"]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Usage: beleidstheorie score ")


def test_a_failing_command_of_the_console_script_exits_1_with_a_message_and_no_traceback(tmp_path):
    proc = run_script("validate", str(tmp_path / "nergens"))
    assert proc.returncode in (1, 2)
    assert "nergens" in proc.stderr and "Traceback" not in proc.stderr


def test_help_lists_every_command():
    out = run("--help").stdout
    for command in COMMANDS:
        assert command in out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    out = run(command, "--help").stdout
    assert "Voorbeeld:" in out and "Gebruik:" in out
    out = run("--lang", "en", command, "--help").stdout
    assert "Example:" in out and "Usage:" in out


def test_version_is_printed():
    from beleidstheorie import __version__

    assert run("--lang", "en", "--version").stdout.strip() == f"beleidstheorie, version {__version__}"
    assert run("--version").stdout.strip() == f"beleidstheorie, versie {__version__}"


def test_validate_accepts_the_example_and_the_bundled_flagship_by_name():
    assert run("validate", str(EXAMPLE)).stdout.startswith("ok: Buurtbudget tegen eenzaamheid:")
    assert "19 initiatives, 11 mechanisms" in run("--lang", "en", "validate", FLAGSHIP).stdout
    assert "19 initiatieven, 11 mechanismen" in run("validate", FLAGSHIP).stdout  # Dutch by default


def test_validate_reports_bad_input_with_exit_status_1_and_no_traceback(tmp_path):
    bad = tmp_path / "theory.yaml"
    text = (EXAMPLE / "theory.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("mechanism: wederkerigheid", "mechanism: wederkerig"), encoding="utf-8")
    proc = run("--lang", "en", "validate", str(bad), ok=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"error: {bad}: line ")
    assert "unknown mechanism 'wederkerig'" in proc.stderr


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt", "yaml", "graphml"])
def test_export_writes_every_format_that_loads_or_parses_back(tmp_path, fmt):
    suffix = {"yaml": "yaml", "graphml": "graphml"}.get(fmt, fmt)
    out = tmp_path / f"theory.{suffix}"
    run("export", str(EXAMPLE), "--format", fmt, "-o", str(out))
    assert out.stat().st_size > 1000
    if fmt != "graphml":
        assert run("validate", str(out)).stdout.startswith("ok: Buurtbudget")
    else:
        import networkx as nx

        graph = nx.read_graphml(out)
        assert graph.number_of_nodes() > 20


def test_score_json_keeps_its_contract():
    data = json.loads(run("score", FLAGSHIP, "--format", "json").stdout)
    assert set(data) >= {"main_goal", "subgoals", "mechanisms"}
    assert len(data["mechanisms"]) == 11 and len(data["subgoals"]) == 3
    subgoal_ids = {s["id"] for s in data["subgoals"]}
    for node in [data["main_goal"], *data["subgoals"], *data["mechanisms"]]:
        assert node["id"].startswith("https://")
        assert 0.0 <= node["score"] <= 1.0 and node["evidence_weight"] >= 0.0
        assert node["verdict"] in VERDICTS and node["verdict_label"] == VERDICTS[node["verdict"]].nl
        assert node["direct_log_bf"] == pytest.approx(
            node["direct_in_favour"] - node["direct_against"], abs=1e-5
        )
        assert set(node["coverage"]) >= {"targeted", "informative", "answered_share"}
        assert isinstance(node["context_factors"], list)
    assert data["contract_version"] == 2
    for goal in [data["main_goal"], *data["subgoals"]]:
        assert 0.0 <= goal["p_contribution"] <= 1.0 and "p_rival" in goal
    for mech in data["mechanisms"]:
        assert mech["subgoal"] in subgoal_ids
        assert isinstance(mech["initiatives"], int) and isinstance(mech["indicators"], int)
        assert isinstance(mech["contributions"], list)
    labels = {m["label"] for m in data["mechanisms"]}
    assert "Kortere doorlooptijden" in labels


def test_score_labels_stay_dutch_in_json_even_with_lang_en():
    data = json.loads(run("score", FLAGSHIP, "--format", "json", "--lang", "en").stdout)
    assert data["mechanisms"][0]["label"] == "Betere signalering"
    assert "Better detection" in run("score", FLAGSHIP, "--lang", "en").stdout


def test_score_csv_has_a_row_per_node():
    lines = run("score", FLAGSHIP, "--format", "csv").stdout.strip().splitlines()
    assert lines[0].startswith("kind,kind_label,id,label,round,score")
    assert len(lines) == 1 + 1 + 3 + 11


def test_score_round_and_config_options(tmp_path):
    early = json.loads(run("score", FLAGSHIP, "--round", "monitor-2021", "--format", "json").stdout)
    assert early["round"] == "monitor-2021"
    cfg = tmp_path / "cfg.toml"
    cfg.write_text("[prior]\nmain_goal = 0.3\n", encoding="utf-8")
    # the example has no rival causes, so nothing but the stated prior decides the goal's prior
    low = json.loads(run("score", str(EXAMPLE), "--config", str(cfg), "--format", "json").stdout)
    default = json.loads(run("score", str(EXAMPLE), "--format", "json").stdout)
    # the stated prior is the prior (calibrated), whatever the drawing
    assert low["main_goal"]["prior"] == pytest.approx(0.3, abs=0.05)
    assert default["main_goal"]["prior"] == pytest.approx(0.5, abs=0.05)


def test_bad_config_and_unknown_round_are_clear_errors(tmp_path):
    cfg = tmp_path / "cfg.toml"
    cfg.write_text("[evidence.quantitative]\nse = 0.1\n", encoding="utf-8")
    proc = run("--lang", "en", "score", FLAGSHIP, "--config", str(cfg), ok=False)
    assert proc.returncode == 1 and "se must exceed alpha" in proc.stderr
    proc = run("--lang", "en", "score", FLAGSHIP, "--round", "2030", ok=False)
    assert proc.returncode == 1 and "no measurement round '2030'" in proc.stderr


def test_coverage_lists_gaps():
    out = run("coverage", str(EXAMPLE), "--lang", "en").stdout
    assert "Signalering door buren" in out
    data = json.loads(run("coverage", str(EXAMPLE), "--format", "json").stdout)
    assert data["gaps"]["initiatives_without_evidence"][0]["label"] == "Training burenhulp"


def test_explain_shows_the_trail_with_quotes_and_references():
    out = run("explain", "vaste-contacten", str(EXAMPLE)).stdout
    assert "Bezoekers met nieuwe vaste contacten" in out and "6 Monitoring, p. 6" in out
    proc = run("--lang", "en", "explain", "bestaat-niet", str(EXAMPLE), ok=False)
    assert proc.returncode == 1 and "no goal, mechanism or initiative named 'bestaat-niet'" in proc.stderr


def test_compare_lists_new_observations():
    out = run("compare", str(EXAMPLE), "--from", "meting-2024", "--to", "meting-2025").stdout
    assert "Bezoekers met nieuwe vaste contacten" in out


def test_sensitivity_reports_flip_points_as_json():
    data = json.loads(run("sensitivity", str(EXAMPLE), "--format", "json").stdout)
    assert data["relative_range"] == 0.25
    assert any(n["flip_parameter"] for n in data["nodes"])


def test_query_binds_parameters_safely():
    q = "SELECT ?m WHERE { ?m a bt:Mechanism ; skos:prefLabel ?l }"
    out = run("query", q, str(EXAMPLE), "--param", "l=Wederkerigheid@nl", "--format", "csv").stdout
    assert out.splitlines() == [
        "m",
        "https://example.org/beleidstheorie/buurtbudget/mechanism/wederkerigheid",
    ]
    hostile = run("query", q, str(EXAMPLE), "--param", 'l=x" } ?a ?b ?c . { "@nl', "--format", "csv").stdout
    assert hostile.splitlines() == ["m"]
    proc = run("--lang", "en", "query", "DELETE WHERE { ?s ?p ?o }", str(EXAMPLE), ok=False)
    assert proc.returncode == 1 and "only SELECT" in proc.stderr


def test_render_and_interactive_write_their_files(tmp_path):
    svg, html = tmp_path / "schema.svg", tmp_path / "page.html"
    run("render", "schema", str(EXAMPLE), "--evidence", "-o", str(svg))
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    run("render", "initiative", "buurtkamer", str(EXAMPLE), "-o", str(tmp_path / "b.dot"))
    assert (tmp_path / "b.dot").read_text(encoding="utf-8").startswith("digraph")
    run("interactive", str(EXAMPLE), "-o", str(html))
    assert "<script" in html.read_text(encoding="utf-8")


def test_interactive_says_what_to_measure_next_unless_told_not_to(tmp_path):
    import json
    import re

    from beleidstheorie.graph.load import load_theory
    from beleidstheorie.reasoning.analysis.next import next_measurements
    from beleidstheorie.reasoning.score import score

    block = re.compile(r'<script type="application/json" id="bt-data">(.*?)</script>', re.S)
    with_next, without = tmp_path / "next.html", tmp_path / "no-next.html"
    run("interactive", str(EXAMPLE), "-o", str(with_next))
    run("interactive", str(EXAMPLE), "--no-next", "-o", str(without))
    theory = load_theory(EXAMPLE)
    planned, scored = next_measurements(theory), score(theory)
    data = json.loads(block.search(with_next.read_text(encoding="utf-8")).group(1))
    assert data["next"]["round"] == planned.round == scored.round
    undecided = {scored.node(s.node).id for s in planned.steps if s.measurements}
    assert set(data["next"]["byNode"]) == undecided != set()
    assert json.loads(block.search(without.read_text(encoding="utf-8")).group(1))["next"] is None


def test_unwritable_output_and_unknown_initiative_are_clear_errors(tmp_path):
    proc = run(
        "--lang", "en", "render", "schema", str(EXAMPLE), "-o", str(tmp_path / "missing" / "x.svg"), ok=False
    )
    # the cause is the operating system's (in its locale); the message must name the file
    assert proc.returncode == 1 and errors(proc.stderr).startswith("error: ")
    assert str(tmp_path / "missing" / "x.svg") in proc.stderr
    proc = run("render", "initiative", "buurtkamr", str(EXAMPLE), "-o", str(tmp_path / "x.svg"), ok=False)
    assert proc.returncode == 1 and "buurtkamer" in proc.stderr  # suggests the close match
    proc = run("--lang", "en", "export", str(EXAMPLE), "-o", str(tmp_path / "missing" / "x.ttl"), ok=False)
    assert proc.returncode == 1 and proc.stderr.splitlines()[-1].startswith("error: ")


def test_validate_reports_shacl_violations_of_a_turtle_file_by_node_and_property(tmp_path):
    from rdflib import Graph, URIRef

    from beleidstheorie.namespaces import BT

    good = tmp_path / "good.ttl"
    run("export", str(EXAMPLE), "--format", "ttl", "-o", str(good))
    graph = Graph().parse(good)
    obs = URIRef(
        "https://example.org/beleidstheorie/buurtbudget/observation/belcirkel-deelnemers--meting-2024"
    )
    graph.remove((obs, BT.status, None))
    bad = tmp_path / "bad.ttl"
    graph.serialize(bad, format="turtle")
    proc = run("--lang", "en", "validate", str(bad), ok=False)
    assert proc.returncode == 1
    line = next(x for x in proc.stderr.splitlines() if "bt:status" in x)
    assert line.startswith(f"error: {bad}: ") and "belcirkel-deelnemers--meting-2024" in line


def test_the_command_line_starts_without_loading_rdf_libraries():
    code = "import sys, beleidstheorie.cli; print('rdflib' in sys.modules, 'pyoxigraph' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_a_theory_exported_as_rdf_scores_exactly_like_its_yaml(tmp_path, fmt):
    rdf = tmp_path / f"theory.{fmt}"
    run("export", str(EXAMPLE), "--format", fmt, "-o", str(rdf))
    from_rdf = json.loads(run("score", str(rdf), "--format", "json").stdout)
    from_yaml = json.loads(run("score", str(EXAMPLE), "--format", "json").stdout)
    assert from_rdf == from_yaml


def test_init_list_and_schema_run_as_console_scripts(tmp_path):
    target = tmp_path / "eigen"
    run("init", str(target))
    assert run("validate", str(target / "theory.yaml")).stdout.startswith("ok: Mijn programma")
    assert "vroege-signalering" in run("list", "mechanisms", str(target)).stdout
    assert json.loads(run("schema", "initiative").stdout)["$defs"]["Initiative"]
    assert run("datasets").stdout.startswith("intensiveringsaanpak\t")


def test_without_dot_on_path_render_says_how_to_install_graphviz(tmp_path):
    import os

    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    proc = subprocess.run(
        [EXE, "--lang", "en", "render", "schema", str(EXAMPLE), "-o", str(tmp_path / "s.svg")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "Install Graphviz" in proc.stderr and "-o FILE.dot" in proc.stderr
    proc = subprocess.run(
        [EXE, "render", "schema", str(EXAMPLE), "-o", str(tmp_path / "s.dot")], env=env, timeout=120
    )
    assert proc.returncode == 0 and (tmp_path / "s.dot").read_text(encoding="utf-8").startswith("digraph")


def test_the_v1_fixture_validates_with_a_warning_and_scores():
    fixture = str(ROOT / "tests" / "fixtures" / "v1-buurtbudget.yaml")  # frozen copy of the v1 file
    proc = run("--lang", "en", "validate", fixture)
    assert (
        proc.stdout.startswith("ok:") and "warning:" in proc.stderr and "conservative defaults" in proc.stderr
    )
    data = json.loads(run("score", fixture, "--format", "json").stdout)
    assert data["contract_version"] == 2 and data["main_goal"]["verdict"] in VERDICTS


def test_coverage_lists_observations_that_carry_no_evidence_by_rule():
    data = json.loads(run("coverage", str(EXAMPLE), "--format", "json").stdout)
    rules = {g["rule"] for g in data["gaps"]["no_evidence_by_rule"]}
    assert rules == {"non-response-neutral"}


def test_a_reasoning_error_names_the_theory_file_it_is_about():
    proc = run("--lang", "en", "explain", "bestaat-niet", str(EXAMPLE), ok=False)
    assert proc.returncode == 1
    assert errors(proc.stderr).startswith(
        f"error: {EXAMPLE}: no goal, mechanism or initiative named 'bestaat-niet'"
    )
