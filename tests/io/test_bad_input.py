"""Each kind of bad input gets a clear error naming the file, the place and the cause."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from beleidstheorie import LoadError, load_theory
from tests.conftest import EXAMPLE

MINIMAL = Path(__file__).parents[1] / "data" / "minimal.yaml"


@pytest.fixture
def theory_dir(tmp_path: Path) -> Path:
    """A writable copy of the example theory, split into theory.yaml + one initiative file."""
    import yaml

    data = yaml.safe_load((EXAMPLE / "theory.yaml").read_text(encoding="utf-8"))
    initiatives = data.pop("initiatives")
    (tmp_path / "theory.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    (tmp_path / "initiatives").mkdir()
    for ini in initiatives:
        path = tmp_path / "initiatives" / f"{ini['number']:02d}-{ini['id']}.yaml"
        path.write_text(yaml.safe_dump(ini, allow_unicode=True, sort_keys=False))
    return tmp_path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(LoadError) as info:
        load_theory(path)
    return [str(p) for p in info.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_unknown_reference_names_the_file_line_and_the_missing_id(theory_dir):
    path = theory_dir / "initiatives" / "01-buurtkamer.yaml"
    edit(path, "mechanism: vaste-contacten", "mechanism: vaste-kontakten")
    line = line_of(path, "vaste-kontakten")
    assert problems_of(theory_dir) == [
        f"{path}: line {line} (contributions[1].mechanism): unknown mechanism 'vaste-kontakten'; "
        "did you mean 'vaste-contacten'?"
    ]


def test_duplicate_id_names_both_places(theory_dir):
    path = theory_dir / "initiatives" / "02-belcirkel.yaml"
    edit(path, "id: belcirkel-deelnemers", "id: buurtkamer-bezoekers")
    (problem,) = problems_of(theory_dir)
    assert problem.startswith(f"{path}: line {line_of(path, 'id: buurtkamer-bezoekers')} ")
    assert "duplicate indicator id 'buurtkamer-bezoekers'" in problem
    first = theory_dir / "initiatives" / "01-buurtkamer.yaml"
    assert f"(first defined in {first}: line {line_of(first, 'id: buurtkamer-bezoekers')} " in problem


def test_a_date_that_is_not_iso_says_how_to_write_it(theory_dir):
    path = theory_dir / "theory.yaml"
    edit(path, "date: 2024-12-01", "date: 1-12-2024")
    (problem,) = problems_of(theory_dir)
    assert problem.startswith(f"{path}: line ") and problem.endswith("; use YYYY-MM-DD")


def test_a_theory_without_source_is_one_problem_in_plain_words(theory_dir):
    path = theory_dir / "theory.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("source:"), text.index("inputs:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    (problem,) = problems_of(theory_dir)
    assert problem.startswith(f"{path}: line 1") and "missing required field 'source'" in problem
    assert "prov:" not in problem and "https://" not in problem


def test_wrong_type_names_the_field_and_the_value(theory_dir):
    path = theory_dir / "theory.yaml"
    edit(path, "number: 2\n", "number: twee\n")
    (problem,) = problems_of(theory_dir)
    assert problem.startswith(f"{path}: line {line_of(path, 'number: twee')} (subgoals[1].number): ")
    assert "'twee'" in problem and "integer" in problem


def test_unknown_vocabulary_value_lists_what_is_allowed(theory_dir):
    path = theory_dir / "initiatives" / "03-burenhulp-training.yaml"
    edit(path, "status: nog-niet-bekend", "status: bijna-klaar")
    (problem,) = problems_of(theory_dir)
    assert "(indicators[0].observations[0].status)" in problem
    assert "'progressie-geboekt'" in problem and "'bijna-klaar'" in problem


def test_missing_required_field_names_the_field(theory_dir):
    path = theory_dir / "initiatives" / "02-belcirkel.yaml"
    edit(path, "beoogd_effect:", "beoogd_gevolg:")
    problems = problems_of(theory_dir)
    assert f"{path}: line 1: missing required field 'beoogd_effect'" in problems
    assert any("unknown field 'beoogd_gevolg'" in p for p in problems)


def test_malformed_yaml_names_line_and_column(theory_dir):
    path = theory_dir / "theory.yaml"
    path.write_text("id: x\nlabel: [unclosed\nbase_iri: y\n", encoding="utf-8")
    (problem,) = problems_of(theory_dir)
    assert problem.startswith(f"{path}: line 3, column 9: malformed YAML")


def test_duplicate_yaml_key_is_reported_not_silently_overwritten(theory_dir):
    path = theory_dir / "initiatives" / "02-belcirkel.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "number: 9\n", encoding="utf-8")
    (problem,) = problems_of(theory_dir)
    line = len(text.splitlines()) + 1  # the appended line
    assert problem == f"{path}: line {line} (number): duplicate key 'number'"


def test_a_nested_duplicate_key_names_its_own_line_and_path():
    from beleidstheorie.io.yamltext import parse_yaml

    with pytest.raises(LoadError) as info:
        parse_yaml("a: 1\nb:\n  c: 2\n  c: 3\n", "f.yaml")
    assert str(info.value) == "f.yaml: line 4 (b.c): duplicate key 'c'"


def test_a_place_below_the_known_lines_takes_the_line_of_its_nearest_known_parent():
    from beleidstheorie.io.yamltext import parse_yaml

    _, where = parse_yaml("a: 1\nb:\n  c:\n    d: 2\n", "f.yaml")
    assert where.place(("b", "c", "x")) == "line 4 (b.c.x)"  # b.c is known (line 4), b.c.x is not
    assert where.place(("b", "x", "y")) == "line 3 (b.x.y)"
    assert where.place(("z",)) == "line 1 (z)"


@pytest.mark.parametrize("uses, ok", [(100, True), (101, False)])
def test_at_most_100_alias_uses_are_accepted(uses, ok):
    from beleidstheorie.io.yamltext import parse_yaml

    text = "x: &a 1\n" + "".join(f"k{i}: *a\n" for i in range(uses))
    if ok:
        assert parse_yaml(text, "f.yaml")[0][f"k{uses - 1}"] == 1
        return
    with pytest.raises(LoadError) as info:
        parse_yaml(text, "f.yaml")
    assert str(info.value) == "f.yaml: line 102, column 7: more than 100 aliases (*name) in one document"


def test_a_value_of_the_wrong_type_is_not_reported_as_a_missing_field():
    from beleidstheorie.io.theory_yaml import parse_theory_yaml

    text = MINIMAL.read_text(encoding="utf-8").replace("quote: Citaat.", "quote: [a]", 1)
    with pytest.raises(LoadError) as info:
        parse_theory_yaml([("t.yaml", text)])
    assert str(info.value) == (
        "t.yaml: line 26 (initiatives[0].contributions[0].quote): Input should be a valid string"
    )


def test_malformed_turtle_names_the_line(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text(
        "@prefix bt: <https://w3id.org/beleidstheorie#> .\n\n<urn:a> bt:x <urn:b\n",
        encoding="utf-8",
    )
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}: line 3, column 14: malformed Turtle")


def test_turtle_without_a_theory_says_so(tmp_path):
    path = tmp_path / "empty.ttl"
    path.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert problems_of(path) == [f"{path}: expected one bt:PolicyTheory, found 0"]


def test_missing_path_and_unknown_suffix_are_clear(tmp_path):
    assert problems_of(tmp_path / "nope") == [f"{tmp_path / 'nope'}: no such file or directory"]
    other = tmp_path / "theory.txt"
    other.write_text("x", encoding="utf-8")
    assert "unknown format" in problems_of(other)[0]


def test_not_utf8_is_reported(theory_dir):
    path = theory_dir / "theory.yaml"
    path.write_bytes(b"id: \xff\xfe\n")
    (problem,) = problems_of(theory_dir)
    assert problem == f"{path}: line 1: not UTF-8 text (invalid start byte 0xff)"


def test_second_observation_in_one_round_is_refused(theory_dir):
    path = theory_dir / "initiatives" / "01-buurtkamer.yaml"
    edit(path, "round: meting-2024", "round: meting-2025")
    (problem,) = problems_of(theory_dir)
    assert "second observation in round 'meting-2025'" in problem


def test_all_problems_of_all_files_are_reported_together(theory_dir):
    edit(theory_dir / "theory.yaml", "subgoal: ouderen-bereikt", "subgoal: onbekend")
    edit(
        theory_dir / "initiatives" / "02-belcirkel.yaml",
        "penvoerder: seniorenraad",
        "penvoerder: niemand",
    )
    problems = problems_of(theory_dir)
    assert len(problems) == 2  # one in theory.yaml, one in an initiative file
    assert any("unknown sub-goal 'onbekend'" in p for p in problems)
    assert any("unknown organisation 'niemand'" in p for p in problems)


def test_a_good_copy_loads(theory_dir):
    assert load_theory(theory_dir).model == load_theory(EXAMPLE).model
    shutil.rmtree(theory_dir / "initiatives")
    assert len(load_theory(theory_dir).model.initiatives) == 0


def _initiative_file(label: str) -> str:
    """A second initiative, in its own file, that declares organisation 'org' again."""
    import yaml

    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    ini = {**data["initiatives"][0], "id": "ini2", "number": 2, "indicators": []}
    ini["organisations"] = [{"id": "org", "label": label}]
    return yaml.safe_dump(ini, allow_unicode=True, sort_keys=False)


def test_an_organisation_declared_twice_is_merged_when_equal_and_refused_when_not():
    from beleidstheorie.io.theory_yaml import parse_theory_yaml

    text = MINIMAL.read_text(encoding="utf-8")
    same = parse_theory_yaml([("theory.yaml", text), ("ini2.yaml", _initiative_file("Organisatie"))])
    assert [o.id for o in same.organisations] == ["org"]
    with pytest.raises(LoadError) as info:
        parse_theory_yaml([("theory.yaml", text), ("ini2.yaml", _initiative_file("Andere naam"))])
    (problem,) = info.value.problems
    assert (problem.file, problem.message) == (
        "ini2.yaml",
        "organisation 'org' is declared elsewhere with other labels",
    )


def test_an_initiative_file_that_is_not_a_mapping_does_not_hide_the_next_files_problems():
    from beleidstheorie.io.theory_yaml import parse_theory_yaml

    text = MINIMAL.read_text(encoding="utf-8")
    with pytest.raises(LoadError) as info:
        parse_theory_yaml([("theory.yaml", text), ("a.yaml", "- a list\n"), ("b.yaml", "- another\n")])
    assert [(p.file, p.place, p.key) for p in info.value.problems] == [
        ("a.yaml", "line 1", "initiative_not_mapping"),
        ("b.yaml", "line 1", "initiative_not_mapping"),
    ]


def _nested(levels: int) -> str:
    """A mapping whose value is a scalar inside ``levels`` nested sequences."""
    return "a: " + "[" * levels + "x" + "]" * levels + "\n"


@pytest.mark.parametrize("levels", range(60, 68))
def test_libyaml_and_the_pure_loader_refuse_the_same_depths(levels, monkeypatch):
    from beleidstheorie.io import yamltext

    def outcome() -> str:
        try:
            yamltext.parse_yaml(_nested(levels), "diep.yaml")
        except LoadError as exc:
            return str(exc)
        return "ok"

    fast = outcome()
    monkeypatch.setattr(yamltext, "_FAST", None)
    assert outcome() == fast
    # the mapping, ``levels`` sequences and the scalar: one level each, 64 at most
    deep = levels + 2 > yamltext.MAX_YAML_DEPTH
    assert (fast != "ok") == deep
    if deep:
        assert fast.startswith("diep.yaml: line 1, column ") and "nested deeper than 64 levels" in fast


def test_a_reader_error_is_placed_counting_lines_from_the_first_character():
    # PyYAML's reader refuses what _check_characters refuses first; should they ever differ
    # (another PyYAML), the reader's refusal is placed the same way
    import yaml

    from beleidstheorie.io.yamltext import _reader_problem

    text = "\nb: c\n  \x07"
    exc = yaml.reader.ReaderError("t.yaml", len(text) - 1, 7, "unicode", "special characters are not allowed")
    said = _reader_problem(exc, text, "t.yaml")
    assert (
        str(LoadError([said])) == "t.yaml: line 3, column 3: malformed YAML: character U+0007 is not allowed"
    )


def test_yaml_export_folds_long_text_only_past_column_100():
    import random

    import yaml

    from beleidstheorie.io.yamltext import generate_yaml

    rng = random.Random(3)
    text = " ".join("w" * rng.randint(2, 12) for _ in range(120))
    out = generate_yaml({"beschrijving": text})
    lines = out.splitlines()
    assert len(lines) > 3 and yaml.safe_load(out) == {"beschrijving": text}
    for line in lines[:-1]:  # a line breaks at the first space beyond column 100, not before
        assert len(line) > 100 and len(line.rstrip().rsplit(" ", 1)[0]) <= 100, line


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("\x07a: b\n", "line 1, column 1"),
        ("a: b\nc: d\n  x\x07\n", "line 3, column 4"),
        ("\n\n\x0b", "line 3, column 1"),
    ],
)
def test_a_character_yaml_does_not_allow_is_named_with_its_place(text, place):
    from beleidstheorie.io.yamltext import parse_yaml

    with pytest.raises(LoadError) as info:
        parse_yaml(text, "t.yaml")
    code = f"{ord(next(c for c in text if c in chr(7) + chr(11))):04X}"
    assert str(info.value) == f"t.yaml: {place}: malformed YAML: character U+{code} is not allowed"
