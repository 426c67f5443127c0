"""Read and write theories in the YAML authoring format.

A theory is either one YAML file (initiatives inline under ``initiatives:``) or a
directory with ``theory.yaml`` and one file per initiative in ``initiatives/``.
Reading returns the *canonical* model: initiatives sorted by number, every
organisation declared once at theory level.

>>> theory = read_theory_yaml(EXAMPLE)
>>> theory.id, len(theory.initiatives)
('buurtbudget', 3)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from beleidstheorie.authoring.checks import check_theory
from beleidstheorie.authoring.models import Initiative, Organisation, Theory
from beleidstheorie.errors import LoadError, Problem, problem
from beleidstheorie.io.files import atomic_write, read_text_file
from beleidstheorie.io.yamltext import Locator, generate_yaml, parse_yaml
from beleidstheorie.messages import MODEL_VALIDATORS, Texts, place_in, pydantic_said

YAML_SUFFIXES = (".yaml", ".yml")


_OWN_VALIDATORS = MODEL_VALIDATORS


def _pydantic_said(err: dict[str, Any]) -> Texts:
    """What pydantic said about one value: its English text, and the catalogue's Dutch by error type."""
    return pydantic_said(err, _OWN_VALIDATORS)


def _pydantic_problems(exc: PydanticValidationError, where: Locator) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        if err["type"] == "extra_forbidden":  # the last part is the user's own key, whatever its case
            problems.append(where.said(loc, "unknown_field", field=repr(loc[-1])))
            continue
        # Pydantic appends the union member tried ('str', 'Text'); it is noise to a user.
        while loc and isinstance(loc[-1], str) and loc[-1][:1].isupper():
            loc.pop()
        if err["type"] == "missing":
            if loc:
                problems.append(where.said(loc[:-1], "missing_field", field=repr(loc[-1])))
            else:
                problems.append(where.said(loc, "missing_any_field"))
            continue
        said: object = _pydantic_said(err)
        if "input" in err and not isinstance(err["input"], dict | list):
            said = ("got", (("said", said), ("value", repr(err["input"]))))
        if err["type"].startswith(("date_", "datetime_")):
            said = ("use_date", (("said", said),))
        problems.append(where.said(loc, "invalid_value", said=said))
    return problems


def _read_text(path: Path) -> str:
    return read_text_file(path)


def _merge_organisations(
    theory_orgs: list[Organisation],
    extra: list[tuple[Locator, int, Organisation]],
) -> tuple[list[Organisation], list[Problem]]:
    """Organisations may be declared in any file; declarations of one id must agree."""
    merged = {o.id: o for o in theory_orgs}
    order = [o.id for o in theory_orgs]
    problems = []
    for where, j, org in extra:
        known = merged.get(org.id)
        if known is None:
            merged[org.id] = org
            order.append(org.id)
        elif known != org:
            problems.append(where.said(("organisations", j), "organisation_differs", id=repr(org.id)))
    return [merged[i] for i in order], problems


def parse_theory_yaml(documents: list[tuple[str, str]]) -> Theory:
    """Build the canonical theory from YAML texts; no I/O.

    ``documents`` is ``[(file name, text), ...]``: first the theory document, then
    one document per initiative. All problems of all files are reported together.
    """
    problems: list[Problem] = []
    (theory_name, theory_text), *initiative_docs = documents
    data, where = parse_yaml(theory_text, theory_name)
    if not isinstance(data, dict):
        raise LoadError([problem("theory_not_mapping", theory_name, "line 1")])
    theory: Theory | None = None
    try:
        theory = Theory.model_validate(data)
    except PydanticValidationError as exc:
        problems += _pydantic_problems(exc, where)
    # Where each top-level initiative came from: inline, or its own file.
    origins: list[tuple[Locator, Initiative]] = []
    if theory is not None:
        origins = [(where.sub("initiatives", i), x) for i, x in enumerate(theory.initiatives)]
    for name, text in initiative_docs:
        try:
            idata, iwhere = parse_yaml(text, name)
        except LoadError as exc:
            problems += exc.problems
            continue
        if not isinstance(idata, dict):
            problems.append(problem("initiative_not_mapping", name, "line 1"))
            continue
        try:
            origins.append((iwhere, Initiative.model_validate(idata)))
        except PydanticValidationError as exc:
            problems += _pydantic_problems(exc, iwhere)
    if problems or theory is None:
        raise LoadError(problems)

    origins.sort(key=lambda pair: pair[1].number)
    extra = []
    initiatives = []
    for iwhere, ini in origins:
        for j, org in enumerate(ini.organisations):
            extra.append((iwhere, j, org))
        initiatives.append(ini.model_copy(update={"organisations": []}))
    organisations, org_problems = _merge_organisations(theory.organisations, extra)
    if org_problems:
        raise LoadError(org_problems)
    theory = theory.model_copy(update={"initiatives": initiatives, "organisations": organisations})

    def locate(path: tuple[str | int, ...]) -> tuple[Locator, tuple[str | int, ...]]:
        if path and path[0] == "initiatives":
            return origins[int(path[1])][0], path[2:]
        return where, path

    for issue in check_theory(theory):
        loc, path = locate(issue.path)
        if issue.other is None:
            problems.append(loc.said(path, issue.key, **dict(issue.values)))
            continue
        first, first_path = locate(issue.other)
        place = first.place(first_path)
        at = Texts({"en": place, "nl": place_in(place, "nl")})
        said = (issue.key, issue.values)
        problems.append(loc.said(path, "first_defined", said=said, first=first.file, at=at))
    if problems:
        raise LoadError(problems)
    return theory


def read_theory_yaml(path: str | Path) -> Theory:
    """Read a theory from a YAML file or a theory directory."""
    path = Path(path)
    if path.is_dir():
        main = path / "theory.yaml"
        if not main.is_file():
            raise LoadError([problem("no_theory_yaml", str(path))])
        docs = [(str(main), _read_text(main))]
        folder = path / "initiatives"
        if folder.is_dir():
            files = sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES)
            docs += [(str(p), _read_text(p)) for p in files]
        return parse_theory_yaml(docs)
    if not path.exists():
        raise LoadError([problem("no_such_file", str(path))])
    return parse_theory_yaml([(str(path), _read_text(path))])


def theory_to_data(theory: Theory) -> dict[str, Any]:
    """Plain data of a theory for YAML: defaults and empty fields left out."""
    return theory.model_dump(mode="json", exclude_defaults=True, exclude_none=True)


def generate_theory_yaml(theory: Theory) -> str:
    """The theory as one YAML document (initiatives inline); no I/O."""
    return generate_yaml(theory_to_data(theory))


def write_theory_yaml(theory: Theory, path: str | Path) -> None:
    """Write the theory as one YAML file (atomically: the old file or the whole new one)."""
    atomic_write(path, generate_theory_yaml(theory))
