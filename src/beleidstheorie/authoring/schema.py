"""The authoring format described for people and editors: JSON Schema, a field reference, a starter.

Everything here is generated from the pydantic models, so the description cannot
drift from what the loader accepts.

>>> schema = json_schema("theory")
>>> schema["title"], "mechanisms" in schema["properties"]
('Theory', True)
>>> "| `mechanisms` |" in authoring_reference()
True
"""

from __future__ import annotations

import ast
import functools
import inspect
import json
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from beleidstheorie.authoring import models
from beleidstheorie.errors import LoadError, problem
from beleidstheorie.messages import os_cause
from beleidstheorie.resources import package_path

DOCUMENTS = {"theory": models.Theory, "initiative": models.Initiative}
SCHEMA_FILES = {"theory": "theory.schema.json", "initiative": "initiative.schema.json"}


@functools.cache
def _docstrings() -> dict[str, dict[str, str]]:
    """Each model class's field docstrings, by class name and field name.

    A field's docstring is the string literal right under its annotation, as pydantic's
    ``use_attribute_docstrings`` reads it (``inspect.cleandoc`` of it), here read once
    from the source of :mod:`.models` when a schema or the reference is made.

    >>> _docstrings()["Theory"]["indicator_types"][:40]
    'Indicator types of this theory, besides '
    """
    out: dict[str, dict[str, str]] = {}
    for node in ast.parse(inspect.getsource(models)).body:
        if not isinstance(node, ast.ClassDef):
            continue
        docs = out[node.name] = {}
        for field, after in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(field, ast.AnnAssign)
                and isinstance(field.target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                docs[field.target.id] = inspect.cleandoc(after.value.value)
    return out


def field_doc(model: type[BaseModel], name: str) -> str | None:
    """The docstring of field ``name`` of ``model`` (or of the class it inherits it from)."""
    described = model.model_fields[name].description
    if described is not None:
        return described
    for cls in model.__mro__:
        found = _docstrings().get(cls.__name__, {}).get(name)
        if found is not None and getattr(models, cls.__name__, None) is cls:
            return found
    return None


class _Documented(GenerateJsonSchema):
    """pydantic's JSON Schema, each model field described by its docstring (:func:`field_doc`)."""

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        cls = schema["cls"]
        for name, prop in json_schema.get("properties", {}).items():
            doc = field_doc(cls, name) if name in cls.model_fields else None
            if doc is not None and "description" not in prop:
                prop["description"] = doc
        return json_schema


def json_schema(document: str = "theory") -> dict[str, Any]:
    """The JSON Schema of a ``theory`` or ``initiative`` YAML document."""
    model = DOCUMENTS[document]
    schema = model.model_json_schema(mode="validation", schema_generator=_Documented)
    text = schema.get("$defs", {}).get("Text")
    if text is not None:  # a plain string is read as the Dutch text (Text._from_string)
        schema["$defs"]["Text"] = {
            "title": "Text",
            "description": text.get("description", ""),
            "anyOf": [{"type": "string", "minLength": 1}, {k: v for k, v in text.items() if k != "title"}],
        }
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def generate_json_schema(document: str = "theory") -> str:
    """JSON Schema text; no I/O."""
    return json.dumps(json_schema(document), indent=2, ensure_ascii=False) + "\n"


# -- the field reference -----------------------------------------------------------
def _type_text(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_text(args[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        parts = [_type_text(a) for a in args if a is not type(None)]
        return " or ".join(parts)
    if origin in (list, set, frozenset, tuple):
        return f"list of {_type_text(args[0])}" if args else "list"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return " \\| ".join(f"`{m.value}`" for m in annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    name = getattr(annotation, "__name__", str(annotation))
    return {
        "str": "text",
        "int": "integer",
        "float": "number",
        "bool": "true/false",
        "date": "YYYY-MM-DD",
    }.get(name, name)


def _models_in_order() -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for f in model.model_fields.values():
            for inner in _inner_models(f.annotation):
                visit(inner)

    visit(models.Theory)
    return seen


def _inner_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    out: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        out += _inner_models(arg)
    return out


# Meanings of the fields the models do not document themselves, by field name.
FIELD_MEANINGS = {
    "id": "short identifier, unique within its kind (lowercase letters, digits, hyphens)",
    "base_iri": "IRI prefix of every node of the theory in the knowledge graph (ends in / or #)",
    "label": "the name as the source words it",
    "description": "a longer explanation",
    "source": "the document the theory is encoded from; needed in practice, because every node's "
    "provenance points to it",
    "ref": "where in the source document: `{section, page}`",
    "section": "section (or chapter, appendix) of the source document",
    "page": "page number in the source document",
    "quote": "the passage of the source, verbatim",
    "number": "order number as in the source (1, 2, ...)",
    "subgoal": "id of the sub-goal this mechanism serves",
    "subgoals": "the subdoelen that contribute to the main goal",
    "mechanisms": "the werkzame mechanismen: changes through which initiatives reach a sub-goal",
    "main_goal": "the hoofddoel the programme finally aims at",
    "inputs": "resources put in (budget, staff)",
    "context_factors": "factors outside the programme's control",
    "rounds": "measurement rounds (metingen); every observation belongs to one",
    "organisations": "organisations named as penvoerder or partner",
    "initiatives": "the initiatives, inline (or one file each in initiatives/)",
    "penvoerder": "id of the lead organisation",
    "partners": "ids of partner organisations",
    "beoogd_effect": "the intended effect of the initiative, as the source words it",
    "contributions": "which mechanisms the initiative is expected to drive",
    "mechanism": "id of a mechanism",
    "strength": "how strongly the initiative is expected to drive the mechanism",
    "provenance": "`stated` in the source, or `inferred` by the curator",
    "indicators": "what is measured, with one observation per round",
    "type": "indicator type (it fixes the level, which sets how strongly evidence counts)",
    "evidence_for": "what the indicator observes: the initiative's delivery, or mechanisms/goals",
    "observations": "one per measurement round",
    "round": "id of a measurement round",
    "status": "the progress status the source gives",
    "evidence_kind": "how strong the kind of evidence is",
    "text": "what the source reports, verbatim or closely paraphrased",
    "rationale": "one line on why this status and evidence kind",
    "values": "the numbers the observation reports",
    "value": "a number",
    "unit": "unit of the number (EUR, huishoudens, procent)",
    "counts": "what the number counts",
    "date": "a date, written YYYY-MM-DD",
    "level": "the level (gerichtheid or context level)",
    "target": "id of the target node",
    "links": "samenhang: typed links to other initiatives",
    "nl": "Dutch text",
    "en": "English text",
    "title": "title of the document",
}


def _doc(model: type[BaseModel]) -> str:
    return " ".join((model.__doc__ or "").split())


def authoring_reference() -> str:
    """``docs/authoring.md``: every field of the YAML format, its values and meaning; no I/O."""
    lines = [
        "# The authoring format: every field",
        "",
        "<!-- Generated by `python scripts/make_authoring_reference.py` from the pydantic models",
        "     (src/beleidstheorie/authoring/models.py); tests/authoring/test_schema.py keeps it current. -->",
        "",
        "A theory is a folder with `theory.yaml` (a [Theory](#theory)) and `initiatives/` with one",
        "[Initiative](#initiative) per file, or one YAML file with the initiatives inline.",
        "`beleidstheorie init DIR` writes a starter that validates and scores;",
        "`beleidstheorie schema` prints the JSON Schema an editor uses for completion.",
        "A *Text* is a plain string (Dutch) or `{nl: ..., en: ...}`. Ids are lowercase letters,",
        "digits and hyphens. Dates are written YYYY-MM-DD. Fields without a default are required.",
        "",
    ]
    for model in _models_in_order():
        lines += [f"## {model.__name__}", "", _doc(model), "", "| field | values | required | meaning |"]
        lines.append("|---|---|---|---|")
        for name, f in model.model_fields.items():
            required = "yes" if f.is_required() else "no"
            meaning = " ".join((field_doc(model, name) or FIELD_MEANINGS.get(name, "")).split())
            values = _type_text(f.annotation).replace("|", "\\|").replace("\\\\|", "\\|")
            lines.append(f"| `{name}` | {values} | {required} | {meaning} |")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# -- the starter -------------------------------------------------------------------
def starter_files() -> dict[str, str]:
    """The files of the starter theory, by path relative to its folder."""
    root = package_path("authoring", "starter")
    out = {"theory.yaml": (root / "theory.yaml").read_text("utf-8")}
    for entry in sorted((root / "initiatives").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            out[f"initiatives/{entry.name}"] = entry.read_text("utf-8")
    for document, name in SCHEMA_FILES.items():
        out[f"schema/{name}"] = generate_json_schema(document)
    return out


def write_starter(folder: str | Path) -> list[Path]:
    """Write the starter theory into ``folder`` (created; must not hold a theory.yaml yet)."""
    folder = Path(folder)
    if (folder / "theory.yaml").exists():
        raise LoadError([problem("folder_has_theory", str(folder))])
    written = []
    try:
        for rel, text in starter_files().items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise LoadError([problem("os_error", str(folder), cause=os_cause(exc))]) from None
    return written
