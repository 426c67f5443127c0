"""One language: with --lang the messages, status lines and errors follow it, not only the tables."""

from __future__ import annotations

import re

import pytest

from beleidstheorie.errors import NotFoundError, problem
from beleidstheorie.messages import MESSAGES, Kind, message

ENGLISH = ("error", "wrote", "warning", "named", "matches", "choose", "unknown", "needs", "found", "did you")
DUTCH = ("fout", "geschreven", "waarschuwing", "naam", "past bij", "kies", "onbekend", "vraagt", "bedoelt")


def _words(text: str, words: tuple[str, ...]) -> list[str]:
    return [w for w in words if re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE)]


@pytest.fixture
def starter(tmp_path, invoke, monkeypatch):
    folder = tmp_path / "t"
    invoke("init", str(folder))
    monkeypatch.chdir(folder)
    return folder


# every command, some failing on purpose: (arguments, exit status)
COMMANDS = [
    (["validate"], 0),
    (["score"], 0),
    (["coverage"], 0),
    (["list"], 0),
    (["explain", "vroege-signalering"], 0),
    (["compare", "--from", "1", "--to", "2"], 0),
    (["score", "-o", "s.csv"], 0),
    (["render", "schema", "-o", "s.dot"], 0),
    (["explain", "Nope"], 1),
    (["explain", "signalering"], 1),
    (["compare", "--from", "a", "--to", "2"], 1),
    (["score", "-o", "x.foo"], 1),
    (["score", "--format", "csv", "-o", "x.json"], 1),
    (["render", "schema", "-o", "x.gif"], 1),
    (["render", "schema", "--landscape", "-o", "x.svg"], 1),
    (["render", "initiative", "-o", "x.svg"], 1),
    (["score", "geen-theorie-hier"], 1),
]


@pytest.mark.parametrize(("args", "status"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_under_lang_nl_no_english_message_word_reaches_stderr(starter, runner, args, status):
    from beleidstheorie.cli import main

    result = runner.invoke(main, [*args, "--lang", "nl"])
    assert result.exit_code == status, result.stderr
    assert _words(result.stderr, ENGLISH) == []


@pytest.mark.parametrize(("args", "status"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_under_lang_en_no_dutch_message_word_reaches_stderr(starter, runner, args, status):
    from beleidstheorie.cli import main

    result = runner.invoke(main, ["--lang", "en", *args])
    assert result.exit_code == status, result.stderr
    assert _words(result.stderr.split("\n", 1)[-1] if status == 0 else result.stderr, DUTCH) == []


def test_an_unknown_name_is_refused_in_dutch_with_its_suggestion(starter, invoke):
    result = invoke("explain", "vroege-signaleing", "--lang", "nl", ok=False)
    assert result.exit_code == 1
    assert result.stderr == (
        f"fout: {starter}: geen doel, mechanisme of initiatief met de naam 'vroege-signaleing'; "
        "bedoelt u: vroege-signalering, signaleringsteam? (`beleidstheorie list` toont ze allemaal)\n"
    )


def test_the_same_refusal_in_english_and_dutch_without_lang(starter, invoke, monkeypatch):
    expected = (
        f"error: {starter}: no goal, mechanism or initiative named 'vroege-signaleing'; "
        "did you mean: vroege-signalering, signaleringsteam? (`beleidstheorie list` shows them all)\n"
    )
    assert invoke("explain", "vroege-signaleing", "--lang", "en", ok=False).stderr == expected
    dutch = invoke("explain", "vroege-signaleing", "--lang", "nl", ok=False).stderr
    monkeypatch.delenv("BELEIDSTHEORIE_LANG", raising=False)
    assert invoke("explain", "vroege-signaleing", ok=False).stderr == dutch  # Dutch unless told otherwise
    monkeypatch.setenv("BELEIDSTHEORIE_LANG", "en")
    assert invoke("explain", "vroege-signaleing", ok=False).stderr == expected


def test_validate_says_ok_in_dutch(starter, invoke):
    result = invoke("--lang", "nl", "validate")
    assert result.stdout.splitlines()[0] == (
        "ok: Mijn programma: "
        + result.stdout.split(": ", 2)[2].split(" triples")[0]
        + " triples, 2 initiatieven, 2 mechanismen, 3 indicatoren, 5 waarnemingen"
    )
    assert result.stdout.splitlines()[1].startswith("inferentie: ")


def test_the_status_lines_follow_lang_given_before_the_command(starter, invoke):
    result = invoke("--lang", "nl", "score", "-o", "s.csv")
    assert result.stderr == f"Theorie: Mijn programma ({starter}); meting: Tweede meting\ngeschreven: s.csv\n"
    result = invoke("--lang", "en", "score", "-o", "s.csv")
    assert result.stderr == (
        f"Theory: Mijn programma ({starter}); measurement round: Tweede meting\nwrote s.csv\n"
    )  # the starter's labels are Dutch only


def test_quiet_leaves_only_errors_on_stderr(starter, invoke):
    assert invoke("--quiet", "score", "-o", "s.csv").stderr == ""
    failed = invoke("--quiet", "--lang", "nl", "score", "-o", "s.foo", ok=False)
    assert failed.stderr == (
        "fout: s.foo: geen formaat voor de extensie '.foo'; gebruik een van .csv, .json, .txt, .xlsx, "
        "of --format\n"
    )


def test_a_place_in_a_bad_file_is_said_in_dutch(invoke, tmp_path):
    bad = tmp_path / "leeg.yaml"
    bad.write_text("- 1\n", encoding="utf-8")
    result = invoke("validate", str(bad), "--lang", "nl", ok=False)
    assert result.stderr == f"fout: {bad}: regel 1: een theorie moet een YAML-mapping zijn\n"


def test_every_message_has_the_same_values_in_both_languages():
    fields = re.compile(r"\{(\w+)")
    for key, (nl, en) in MESSAGES.items():
        assert sorted(fields.findall(nl)) == sorted(fields.findall(en)), key


def test_a_problem_keeps_its_english_text_as_str_and_says_itself_in_dutch():
    err = NotFoundError([problem("no_named", "t.yaml", "", what=Kind("round"), name="'x'", hint="")])
    assert str(err) == "t.yaml: no round named 'x' (`beleidstheorie list` shows them all)"
    assert err.problems[0].in_language("nl") == (
        "t.yaml: geen meting met de naam 'x' (`beleidstheorie list` toont ze allemaal)"
    )
    assert message("wrote", "en", path="a") == "wrote a"


def test_without_dot_the_install_advice_is_dutch_under_lang_nl(starter):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PATH": str(Path(sys.executable).parent), "PYTHONPATH": str(root / "src")}
    code = "from beleidstheorie.cli import main; main()"
    proc = subprocess.run(
        [sys.executable, "-c", code, "render", "schema", "--lang", "nl", "-o", "s.svg"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[1] == f"fout: {starter}: " + message("dot_missing", "nl")
    assert message("dot_missing", "nl").startswith("het programma `dot` van Graphviz is niet geïnstalleerd")


TABLE_ENGLISH = (
    "round", "verdict", "name", "kind", "supported", "evidence", "indicators", "mechanism", "goal",
    "level", "delivery", "none", "insufficient", "initiative", "stated", "inferred",
)  # fmt: skip
TABLES = [["score"], ["coverage"], ["explain", "vroege-signalering"], ["compare", "--from", "1", "--to", "2"],
          ["list"]]  # fmt: skip


@pytest.mark.parametrize("args", TABLES, ids=[" ".join(a) for a in TABLES])
def test_under_lang_nl_the_tables_have_no_english_words(starter, invoke, args):
    assert _words(invoke(*args, "--lang", "nl").stdout, TABLE_ENGLISH) == []
