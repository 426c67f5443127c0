"""Put graph problems back where the user wrote them: from a node's IRI to file, line and YAML path.

The builder mints every IRI as ``{base_iri}{kind}/{local}`` (``graph/build.py``); the
YAML files say where each id, observation, contribution, target and link was written.
A SHACL problem about ``<…/mechanism/maatwerk> prov:wasDerivedFrom`` becomes
``theory.yaml: line 40 (mechanisms[1]): mechanism 'maatwerk', source: …``.

>>> places = yaml_places(EXAMPLE)
>>> places[("mechanism", "wederkerigheid")][1]
'line 48 (mechanisms[2])'
>>> places[("observation", "buurtkamer-bezoekers--meting-2025")][1]
'line 96 (initiatives[0].indicators[0].observations[1])'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from beleidstheorie.errors import LoadError, Problem, problem
from beleidstheorie.io.yamltext import Locator, parse_yaml
from beleidstheorie.messages import Kind, Texts

Key = tuple[str, str]  # (kind, local name) as in the IRI
LIST_KINDS = {
    "subgoals": "goal",
    "mechanisms": "mechanism",
    "context_factors": "contextfactor",
    "rounds": "round",
    "organisations": "organisation",
    "inputs": "input",
    "indicators": "indicator",
    "initiatives": "initiative",
    "action_lines": "initiative",
}
# RDF properties as the YAML field a user wrote (for messages)
FIELDS = {
    "prov:wasDerivedFrom": "source",
    "bt:status": "status",
    "bt:evidenceKind": "evidence_kind",
    "bt:inRound": "round",
    "bt:indicatorType": "type",
    "bt:level": "level",
    "bt:section": "ref.section",
    "bt:page": "ref.page",
    "bt:quote": "quote",
    "skos:prefLabel": "label",
    "bt:number": "number",
    "bt:strength": "strength",
    "bt:provenance": "provenance",
    "bt:penvoerder": "penvoerder",
    "bt:contributesTo": "subgoal",
    "bt:evidenceFor": "evidence_for",
    "bt:toMechanism": "mechanism",
    "bt:linkTarget": "target",
    "dcterms:source": "source",
}
TERMS = {
    "prov:wasDerivedFrom": ("source", "source"),
    "bt:SourceDocument": ("brondocument", "source document"),
    "dcterms:source": ("source:", "source:"),
}
"""RDF terms as the YAML author knows them: term -> (Dutch, English)."""


def _initiative(ini: dict, path: tuple, where: Locator, out: dict[Key, tuple[str, str]]) -> None:
    ident = ini.get("id")
    for i, _target in enumerate(ini.get("targets") or []):
        out.setdefault(("target", f"{ident}-{i + 1}"), (where.file, where.place((*path, "targets", i))))
    for i, c in enumerate(ini.get("contributions") or []):
        if isinstance(c, dict):
            key = ("contribution", f"{ident}--{c.get('mechanism')}")
            out.setdefault(key, (where.file, where.place((*path, "contributions", i))))
    for i, link in enumerate(ini.get("links") or []):
        if isinstance(link, dict):
            key = ("link", f"{ident}--{link.get('type')}--{link.get('target')}")
            out.setdefault(key, (where.file, where.place((*path, "links", i))))
    for k, ind in enumerate(ini.get("indicators") or []):
        if not isinstance(ind, dict):
            continue
        for j, obs in enumerate(ind.get("observations") or []):
            if isinstance(obs, dict):
                local = f"{ind.get('id')}--{obs.get('round')}"
                op = (*path, "indicators", k, "observations", j)
                out.setdefault(("observation", local), (where.file, where.place(op)))
                for n, _ in enumerate(obs.get("values") or []):
                    key = ("observation", f"{local}-v{n + 1}")  # its quantities
                    out.setdefault(key, (where.file, where.place((*op, "values", n))))


def _walk(data: Any, path: tuple, where: Locator, out: dict[Key, tuple[str, str]]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "main_goal" and isinstance(value, dict):
                out.setdefault(("goal", str(value.get("id"))), (where.file, where.place((*path, key))))
            if key in LIST_KINDS and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, dict) and "id" in item:
                        item_key = (LIST_KINDS[key], str(item["id"]))
                        out.setdefault(item_key, (where.file, where.place((*path, key, i))))
                        if LIST_KINDS[key] == "initiative":
                            _initiative(item, (*path, key, i), where, out)
            _walk(value, (*path, key), where, out)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            _walk(item, (*path, i), where, out)


def _documents(source: Path) -> Iterator[Path]:
    if source.is_dir():
        yield source / "theory.yaml"
        folder = source / "initiatives"
        if folder.is_dir():
            yield from sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
    elif source.suffix in (".yaml", ".yml"):
        yield source


def yaml_places(source: str | Path) -> dict[Key, tuple[str, str]]:
    """Where each node of a YAML theory was written: ``(kind, local) -> (file, place)``.

    Empty for RDF sources (their problems keep naming node and property).
    """
    out: dict[Key, tuple[str, str]] = {}
    for doc in _documents(Path(source)):
        try:
            data, where = parse_yaml(doc.read_text(encoding="utf-8"), str(doc))
        except (OSError, UnicodeDecodeError, LoadError):
            continue
        if doc.parent.name == "initiatives" and isinstance(data, dict) and "id" in data:
            out.setdefault(("initiative", str(data["id"])), (str(doc), where.place(())))
            _initiative(data, (), where, out)
        _walk(data, (), where, out)
    return out


_PLACE = re.compile(r"^<(?P<iri>[^>]+)>\s*(?P<prop>\S*)$")


def _plain(text: str, lang: str = "en") -> str:
    for term, (nl, en) in TERMS.items():
        text = text.replace(term, en if lang == "en" else nl)
    return text


def _plain_problem(p: Problem) -> object:
    """What a problem says, with RDF terms in YAML words: a text, or a message with its values."""
    if not p.key:
        return _plain(p.message)
    values = tuple((k, v.map(_plain) if isinstance(v, Texts) else v) for k, v in p.values)
    return (p.key, values)


def place_problems(problems: list[Problem], source: str | Path) -> list[Problem]:
    """SHACL problems of a YAML theory moved to the file and line where the node was written.

    Problems whose node is not found are returned unchanged; no problems, no YAML read.
    """
    if not problems:
        return problems
    places = yaml_places(source)
    if not places:
        return problems
    out = []
    for p in problems:
        match = _PLACE.match(p.place)
        if match is None:
            out.append(p)
            continue
        head, _, local = match["iri"].rstrip("/").rpartition("/")
        kind = head.rpartition("/")[2]
        found = places.get((kind, local))
        if found is None:
            out.append(p)
            continue
        prop = match["prop"]
        field = FIELDS.get(prop, prop)
        plain = _plain_problem(p)
        if field:
            out.append(
                problem(
                    "at_field", *found, kind=Kind(kind), local=repr(local), field=repr(field), problem=plain
                )
            )
        else:
            out.append(problem("at_node", *found, kind=Kind(kind), local=repr(local), problem=plain))
    return out
