"""Finding the parts of a theory by id, label or an unambiguous piece of a label.

>>> from beleidstheorie.io.theory_yaml import read_theory_yaml
>>> model = read_theory_yaml(EXAMPLE)
>>> [e.id for e in catalogue(model, "mechanisms")][:2]
['signalering-door-buren', 'laagdrempelige-ontmoeting']
>>> resolve(model, "Wederkerig", ("mechanisms",)).id
'wederkerigheid'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from beleidstheorie.errors import NotFoundError, problem
from beleidstheorie.messages import Kinds

if TYPE_CHECKING:  # the entries are plain data: reading them back needs no authoring model
    from beleidstheorie.authoring.models import Initiative, Theory

KINDS = ("goals", "mechanisms", "initiatives", "indicators", "rounds")
_SINGULAR = {"goals": "goal", "mechanisms": "mechanism", "initiatives": "initiative"}
_SINGULAR.update(indicators="indicator", rounds="round")


@dataclass(frozen=True)
class Entry:
    """One findable part of a theory."""

    kind: str  # main_goal, subgoal, mechanism, initiative, action_line, indicator, round
    id: str
    label: str  # Dutch
    label_en: str
    parent: str = ""  # sub-goal of a mechanism, initiative of an indicator or action line
    detail: str = ""  # indicator type, round date, ...

    def names(self) -> tuple[str, ...]:
        """The id and labels, casefolded, as matched."""
        return tuple(x.casefold() for x in (self.id, self.label, self.label_en) if x)


def _lines(initiatives: Iterable[Initiative]) -> Iterable[tuple[Initiative, str]]:
    for ini in initiatives:
        yield ini, ""
        for line in ini.action_lines:
            yield line, ini.id


def catalogue(model: Theory, kind: str) -> list[Entry]:
    """Every part of ``kind`` (one of :data:`KINDS`) in theory order."""
    if kind == "goals":
        g = model.main_goal
        out = [Entry("main_goal", g.id, g.label.nl, g.label.en or "")]
        out += [
            Entry("subgoal", s.id, s.label.nl, s.label.en or "", detail=str(s.number)) for s in model.subgoals
        ]
        return out
    if kind == "mechanisms":
        return [Entry("mechanism", m.id, m.label.nl, m.label.en or "", m.subgoal) for m in model.mechanisms]
    if kind == "initiatives":
        return [
            Entry("action_line" if parent else "initiative", i.id, i.label.nl, i.label.en or "", parent)
            for i, parent in _lines(model.initiatives)
        ]
    if kind == "indicators":
        return [
            Entry("indicator", d.id, d.label.nl, d.label.en or "", i.id, str(d.type))
            for i, _ in _lines(model.initiatives)
            for d in i.indicators
        ]
    if kind == "rounds":
        return [
            Entry("round", r.id, r.label.nl, r.label.en or "", detail=r.date.isoformat())
            for r in sorted(model.rounds, key=lambda r: r.number)
        ]
    raise NotFoundError([problem("no_list", kind=repr(kind), kinds=", ".join(KINDS))])


def suggestions(name: str, entries: Sequence[Entry], n: int = 5) -> list[str]:
    """Ids of the entries whose id or label is closest to ``name``.

    >>> suggestions("wederkerig", [Entry("mechanism", "wederkerigheid", "Wederkerigheid", "")])
    ['wederkerigheid']
    """
    by_name: dict[str, str] = {}
    for e in entries:
        for x in e.names():
            by_name.setdefault(x, e.id)
    close = difflib.get_close_matches(name.casefold(), list(by_name), n=n * 2, cutoff=0.5)
    ids = list(dict.fromkeys(by_name[c] for c in close))
    return ids[:n]


def resolve(model: Theory, name: str, kinds: Sequence[str] = ("goals", "mechanisms", "initiatives")) -> Entry:
    """The entry ``name`` means: an id or label, or a piece of exactly one label or id.

    Raises :class:`NotFoundError` listing the candidates when ``name`` is ambiguous,
    and the closest names ("did you mean") when nothing matches.
    """
    return resolve_entry([e for kind in kinds for e in catalogue(model, kind)], name, kinds)


def resolve_entry(entries: Sequence[Entry], name: str, kinds: Sequence[str]) -> Entry:
    """The entry ``name`` means among ``entries`` (of ``kinds``), by the rules of :func:`resolve`.

    >>> e = Entry("mechanism", "wederkerigheid", "Wederkerigheid", "Reciprocity")
    >>> resolve_entry([e], "reciproc", ("mechanisms",)).id
    'wederkerigheid'
    """
    wanted = name.strip().casefold()
    if wanted.startswith(("http://", "https://")):
        wanted = wanted.rstrip("/").rsplit("/", 1)[-1]
    exact = [e for e in entries if wanted in e.names()]
    if len(exact) == 1 or (exact and len({e.id for e in exact}) == 1):
        return exact[0]
    pieces = exact or [e for e in entries if any(wanted in x for x in e.names())]
    if len(pieces) == 1:
        return pieces[0]
    what = Kinds(tuple(_SINGULAR[k] for k in kinds))
    if pieces:
        listed = "; ".join(f"{e.id} ({e.label})" for e in pieces[:8])
        more = ("and_more", (("n", len(pieces) - 8),)) if len(pieces) > 8 else ""
        raise NotFoundError([problem("ambiguous", name=repr(name), what=what, listed=listed, more=more)])
    close = suggestions(name, entries)
    hint = ("did_you_mean", (("names", ", ".join(close)),)) if close else ""
    raise NotFoundError([problem("no_named", what=what, name=repr(name), hint=hint)])
