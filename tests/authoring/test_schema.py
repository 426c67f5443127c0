"""Writing a theory without reading source code: the starter, the JSON Schema, the field reference."""

from __future__ import annotations

import json

from click.testing import CliRunner

from beleidstheorie.authoring.schema import authoring_reference, json_schema, starter_files
from tests.conftest import ROOT


def test_the_committed_authoring_reference_is_the_generated_one():
    committed = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert committed == authoring_reference(), "run: python scripts/make_authoring_reference.py --write"


def test_the_reference_lists_every_field_of_every_model():
    from beleidstheorie.authoring import models

    text = authoring_reference()
    for model in (models.Theory, models.Initiative, models.Indicator, models.Observation):
        assert f"## {model.__name__}" in text
        for name in model.model_fields:
            assert f"| `{name}` |" in text, (model.__name__, name)
    assert "`progressie-geboekt`" in text and "YYYY-MM-DD" in text


def test_the_starter_written_by_init_validates_and_scores(tmp_path, monkeypatch):
    from beleidstheorie.cli import main

    runner = CliRunner()
    target = tmp_path / "mijn-theorie"
    assert runner.invoke(main, ["init", str(target)]).exit_code == 0
    monkeypatch.chdir(target)
    out = runner.invoke(main, ["--lang", "en", "validate"])
    assert out.exit_code == 0, out.stderr
    assert "2 initiatives, 2 mechanisms, 3 indicators, 5 observations" in out.stdout
    scored = runner.invoke(main, ["score", "--format", "json"])
    assert scored.exit_code == 0, scored.stderr
    data = json.loads(scored.stdout)
    assert data["theory_label"] == "Mijn programma" and data["round"] == "meting-2"
    assert {m["key"] for m in data["mechanisms"]} == {"vroege-signalering", "maatwerk"}
    again = runner.invoke(main, ["init", str(target)])
    assert again.exit_code == 1 and "hier staat al een theory.yaml; kies een lege map" in again.stderr


def test_the_starter_files_name_the_schemas_they_ship():
    files = starter_files()
    assert files["theory.yaml"].startswith("# yaml-language-server: $schema=schema/theory.schema.json")
    for name, text in files.items():
        if name.startswith("initiatives/"):
            assert text.startswith("# yaml-language-server: $schema=../schema/initiative.schema.json")
    assert "Initiative" in json.loads(files["schema/initiative.schema.json"])["$defs"]


def test_the_schema_command_prints_a_json_schema_of_the_model():
    from beleidstheorie.cli import main

    out = CliRunner().invoke(main, ["schema"]).stdout
    schema = json.loads(out)
    assert schema == json_schema("theory")
    assert set(schema["required"]) >= {"id", "base_iri", "label", "main_goal", "subgoals", "mechanisms"}


def test_the_starter_satisfies_its_own_json_schema():
    import jsonschema
    import yaml

    for name, text in starter_files().items():
        if name.endswith(".yaml"):
            document = "theory" if name == "theory.yaml" else "initiative"
            data = json.loads(json.dumps(yaml.safe_load(text), default=str))
            jsonschema.validate(data, json_schema(document))


def test_every_documented_field_is_described_in_the_json_schema():
    # The models are built without pydantic's attribute docstrings (they cost every YAML read
    # some 70 ms); the schema and the reference read the docstrings from the source instead.
    import ast
    import inspect

    from beleidstheorie.authoring import models

    schema = json_schema("theory")
    defs = {**schema["$defs"], "Theory": schema}
    checked = 0
    for node in ast.parse(inspect.getsource(models)).body:
        if not isinstance(node, ast.ClassDef) or node.name not in defs:
            continue
        for field, after in zip(node.body, node.body[1:], strict=False):
            if isinstance(field, ast.AnnAssign) and isinstance(after, ast.Expr):
                name = field.target.id  # type: ignore[attr-defined]
                want = " ".join(inspect.cleandoc(after.value.value).split())  # type: ignore[attr-defined]
                got = defs[node.name]["properties"][name]["description"]
                assert " ".join(got.split()) == want, (node.name, name)
                assert want in " ".join(authoring_reference().split()), (node.name, name)
                checked += 1
    assert checked >= 5  # serves, indicator, context, action_lines, indicator_types (today)
