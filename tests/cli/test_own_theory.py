"""An evaluator's own theory: the right theory, all of it, valid, in the format asked for.

Each test here is a case that gave a silently wrong result before (issue 11).
"""

from __future__ import annotations

import json

import pytest


def test_without_a_graph_a_command_uses_the_theory_of_the_current_folder(invoke, own_folder, monkeypatch):
    monkeypatch.chdir(own_folder)
    result = invoke("score", "--format", "json")
    assert json.loads(result.stdout)["theory_label"] == "Buurtbudget tegen eenzaamheid"
    assert "Buurtbudget tegen eenzaamheid" in result.stderr


def test_a_subfolder_of_a_theory_finds_the_theory_above_it(invoke, own_folder, monkeypatch):
    monkeypatch.chdir(own_folder / "initiatives")
    assert json.loads(invoke("score", "--format", "json").stdout)["theory_label"].startswith("Buurtbudget")


def test_render_and_interactive_draw_the_theory_of_the_current_folder(invoke, own_folder, monkeypatch):
    monkeypatch.chdir(own_folder)
    invoke("render", "schema", "--evidence", "-o", "schema.dot")
    dot = (own_folder / "schema.dot").read_text(encoding="utf-8")
    assert "Minder eenzaamheid" in dot and "schuldenaanpak" not in dot
    invoke("interactive", "-o", "page.html")
    page = (own_folder / "page.html").read_text(encoding="utf-8")
    assert "Buurtkamer" in page and "Schuldenknooppunt" not in page


def test_outside_any_theory_the_error_names_both_ways(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("--lang", "en", "score", ok=False)
    assert result.exit_code == 1
    assert "no theory.yaml in this directory or its parents" in result.stderr
    assert "beleidstheorie datasets" in result.stderr and "intensiveringsaanpak" in result.stderr


def test_a_bundled_dataset_is_used_only_when_named(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "intensiveringsaanpak" in invoke("datasets").stdout
    out = invoke("--lang", "en", "validate", "intensiveringsaanpak").stdout
    assert out.startswith("ok: Intensivering armoede- en schuldenaanpak") and "19 initiatives" in out
    result = invoke("--lang", "en", "validate", "intensiveringsaanpakk", ok=False)
    assert "did you mean the bundled dataset intensiveringsaanpak?" in result.stderr


def test_naming_theory_yaml_reads_the_initiatives_beside_it(invoke, own_folder):
    out = invoke("--lang", "en", "validate", str(own_folder / "theory.yaml")).stdout
    assert "3 initiatives" in out and "5 indicators" in out
    data = json.loads(invoke("score", str(own_folder / "theory.yaml"), "--format", "json").stdout)
    assert len(data["initiatives"]) == 3


def test_every_command_states_the_theory_and_round_on_stderr(invoke, own_folder):
    result = invoke("score", str(own_folder), "--round", "meting-2024")
    assert (
        result.stderr.splitlines()[0]
        == f"Theorie: Buurtbudget tegen eenzaamheid ({own_folder}); meting: Meting 2024"
    )
    result = invoke("coverage", str(own_folder), "--lang", "en")
    assert result.stderr.startswith("Theory: Buurtbudget tegen eenzaamheid")
    assert result.stderr.rstrip().endswith("; measurement round: 2025 measurement")


@pytest.mark.parametrize(
    ("command", "suffix", "check"),
    [
        ("score", ".csv", lambda b: b.decode().startswith("kind,kind_label,id")),
        ("score", ".json", lambda b: "main_goal" in json.loads(b)),
        ("coverage", ".csv", lambda b: b.decode().startswith("mechanism,mechanism_label")),
        ("coverage", ".json", lambda b: "gaps" in json.loads(b)),
        ("score", ".xlsx", lambda b: b[:2] == b"PK"),
        ("export", ".jsonld", lambda b: isinstance(json.loads(b), list | dict)),
        ("export", ".nt", lambda b: b.decode().lstrip().startswith("<")),
        ("export", ".yaml", lambda b: b.decode().startswith("id: buurtbudget")),
    ],
)
def test_the_extension_of_o_chooses_the_format(invoke, own_folder, tmp_path, command, suffix, check):
    out = tmp_path / f"out{suffix}"
    invoke(command, str(own_folder), "-o", str(out))
    assert check(out.read_bytes())


def test_an_exported_jsonld_validates_again(invoke, own_folder, tmp_path):
    out = tmp_path / "x.jsonld"
    invoke("export", str(own_folder), "-o", str(out))
    assert invoke("validate", str(out)).stdout.startswith("ok: Buurtbudget")


def test_a_format_that_contradicts_the_extension_is_refused(invoke, own_folder, tmp_path):
    result = invoke(
        "--lang", "en", "score", str(own_folder), "--format", "json", "-o", str(tmp_path / "s.csv"), ok=False
    )
    assert result.exit_code == 1 and "does not match the extension '.csv'" in result.stderr
    result = invoke(
        "--lang",
        "en",
        "export",
        str(own_folder),
        "--format",
        "ttl",
        "-o",
        str(tmp_path / "x.jsonld"),
        ok=False,
    )
    assert result.exit_code == 1 and not (tmp_path / "x.jsonld").exists()
    result = invoke("--lang", "en", "score", str(own_folder), "-o", str(tmp_path / "s.docx"), ok=False)
    assert "no format for the extension '.docx'" in result.stderr


def test_xlsx_is_never_written_to_a_terminal(invoke, own_folder):
    result = invoke("--lang", "en", "score", str(own_folder), "--format", "xlsx", ok=False)
    assert result.exit_code == 1 and "-o FILE" in result.stderr


@pytest.mark.parametrize("command", [["score"], ["coverage"], ["sensitivity"], ["list", "goals"], ["export"]])
def test_reading_commands_refuse_an_invalid_theory_with_the_messages_of_validate(
    invoke, example_copy, command
):
    theory = example_copy / "theory.yaml"
    text = theory.read_text(encoding="utf-8")
    start = text.index("source:")
    end = text.index("inputs:")
    theory.write_text(text[:start] + text[end:], encoding="utf-8")
    expected = invoke("validate", str(example_copy), ok=False)
    assert expected.exit_code == 1 and expected.stderr.startswith("fout: ")  # Dutch unless --lang en
    result = invoke(*command, str(example_copy), ok=False)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == expected.stderr


def test_explain_accepts_a_label_fragment_and_suggests_close_ids(invoke):
    out = invoke("explain", "Maatwerk", "intensiveringsaanpak", "--top", "1").stdout
    assert out.startswith("Maatwerk — ")
    result = invoke("--lang", "en", "explain", "Maatwerkk", "intensiveringsaanpak", ok=False)
    assert "did you mean: maatwerk?" in result.stderr
    result = invoke("--lang", "en", "explain", "signalering", "intensiveringsaanpak", ok=False)
    assert "matches more than one" in result.stderr and "betere-signalering" in result.stderr
    assert invoke("explain", "Betere signal", "intensiveringsaanpak", "--top", "1").stdout.startswith(
        "Betere signalering"
    )


def test_explain_top_limits_the_items_and_says_how_many_are_left(invoke):
    full = invoke("explain", "knelpunten-agenderen", "intensiveringsaanpak").stdout
    short = invoke("explain", "knelpunten-agenderen", "intensiveringsaanpak", "--top", "3").stdout
    assert " 3. " in short and " 4. " not in short and " 4. " in full
    assert "--top 0" in short.splitlines()[-1]
    data = json.loads(
        invoke(
            "explain", "knelpunten-agenderen", "intensiveringsaanpak", "--top", "3", "--format", "json"
        ).stdout
    )
    assert len(data["items"]) == 3


def test_list_shows_ids_and_labels_of_each_kind(invoke, own_folder):
    out = invoke("list", "mechanisms", str(own_folder)).stdout
    assert "wederkerigheid" in out and "Wederkerigheid" in out
    rows = json.loads(invoke("list", "rounds", str(own_folder), "--format", "json").stdout)
    assert [r["id"] for r in rows] == ["meting-2024", "meting-2025"]
    inds = json.loads(invoke("list", "indicators", str(own_folder), "--format", "json").stdout)
    assert {r["parent"] for r in inds} == {"buurtkamer", "belcirkel", "burenhulp-training"}


def test_render_initiative_accepts_a_label(invoke, own_folder, tmp_path):
    invoke("render", "initiative", "Belcirk", str(own_folder), "-o", str(tmp_path / "b.dot"))
    assert "Belcirkel" in (tmp_path / "b.dot").read_text(encoding="utf-8")


def test_english_tables_have_no_dutch_headers(invoke, own_folder):
    for command in (["compare", "--from", "meting-2024", "--to", "meting-2025"], ["coverage"], ["score"]):
        out = invoke(command[0], str(own_folder), *command[1:], "--lang", "en").stdout
        for dutch in ("oordeel", "Opmerkingen", "subdoel", "meting ", "geen indicatoren", "vermeld"):
            assert dutch not in out, (command, dutch)


def test_compare_prints_deltas_with_three_decimals(invoke, own_folder):
    out = invoke("compare", str(own_folder), "--from", "meting-2024", "--to", "meting-2025").stdout
    assert "e-0" not in out and "e+0" not in out


def test_csv_values_are_stable_codes_whatever_the_language(invoke, own_folder):
    nl = invoke("score", str(own_folder), "--format", "csv").stdout.splitlines()
    en = invoke("score", str(own_folder), "--format", "csv", "--lang", "en").stdout.splitlines()
    assert [r.split(",")[0] for r in nl] == [r.split(",")[0] for r in en]
    assert nl[1].split(",")[:2] == ["main_goal", "Hoofddoel"] and en[1].split(",")[:2] == [
        "main_goal",
        "Main goal",
    ]


def test_rounds_are_named_by_id_number_label_or_a_piece_of_one(invoke, own_folder):
    for name in ("meting-2024", "1", "Meting 2024", "2024 measurement", "2024"):
        data = json.loads(invoke("score", str(own_folder), "--round", name, "--format", "json").stdout)
        assert data["round"] == "meting-2024", name
    result = invoke("--lang", "en", "score", str(own_folder), "--round", "Meting", ok=False)
    assert "matches more than one round" in result.stderr
    out = invoke("compare", str(own_folder), "--from", "2024", "--to", "2025", "--format", "json").stdout
    assert (json.loads(out)["from"], json.loads(out)["to"]) == ("meting-2024", "meting-2025")
