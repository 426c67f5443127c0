"""Grouping the initiatives' column, so a page of hundreds of initiatives stays usable.

A grouping puts every initiative in one group; the page draws a collapsed group as one box
(a vis-network cluster) and an expanded group as its initiatives, the groups stacked in the
initiatives' column in order. Two groupings:

per sub-goal (``subgoal``)
    the sub-goal that most of the initiative's contributions (with its sub-lines') lead to,
    the first such sub-goal on a tie; initiatives without a contribution last.
per penvoerder (``penvoerder``)
    the organisation that leads it, groups in the order of their names; initiatives without
    a penvoerder last.

A sub-line always sits in its initiative's group, so an initiative and its sub-lines open and
close together.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.views.structure import read_structure
>>> s = read_structure(load_theory(EXAMPLE).store)
>>> [(g.label, len(g.members)) for g in group_initiatives(s, "subgoal")]
[('Eenzame ouderen in beeld', 2), ('Sociaal netwerk versterkt', 1)]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from beleidstheorie.views.columns import COLUMN_WIDTH, column_height, column_layout
from beleidstheorie.views.structure import Initiative, Structure
from beleidstheorie.views.wording import wrap

GROUPINGS = ("subgoal", "penvoerder")
"""The ways the page can group initiatives, in the order its control lists them."""
GROUP_FROM = 40
"""From this many initiatives (sub-lines counted) the page opens grouped per sub-goal."""
GROUP_WORDS: dict[str, tuple[str, str]] = {
    "group_by": ("Groeperen", "Group"),
    "group_none": ("niet", "none"),
    "group_subgoal": ("per subdoel", "by sub-goal"),
    "group_penvoerder": ("per penvoerder", "by lead organisation"),
    "group_count": ("{n} initiatieven", "{n} initiatives"),
    "group_rest_subgoal": ("Zonder bijdrage", "Without a contribution"),
    "group_rest_penvoerder": ("Zonder penvoerder", "Without a lead organisation"),
    "groups": ("Groepen", "Groups"),
    "expand_all": ("Alles uitklappen", "Expand all"),
    "collapse_all": ("Alles inklappen", "Collapse all"),
    "group_hint": (
        "Klik op een groep om haar uit te klappen.",
        "Click a group to expand it.",
    ),
}
"""Words of the grouping controls (nl, en)."""


@dataclass(frozen=True)
class Group:
    """One group of initiatives: a key for the URL, a label and its members (IRIs, theory order)."""

    key: str
    label: str
    members: tuple[str, ...]


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _top(s: Structure, ini: Initiative) -> Initiative:
    return s.node(ini.parent) if ini.parent else ini  # type: ignore[return-value]


def _subgoal_of(s: Structure, top: Initiative) -> str | None:
    """The sub-goal most of the initiative's and its sub-lines' contributions lead to."""
    own = {top.iri, *(a.iri for a in s.action_lines(top))}
    counts = Counter(s.node(c.mechanism).subgoal for c in s.contributions if c.initiative in own)  # type: ignore[attr-defined]
    if not counts:
        return None
    order = [sg.iri for sg in s.subgoals]
    return max(counts, key=lambda sg: (counts[sg], -order.index(sg)))


def group_initiatives(s: Structure, by: str) -> list[Group]:
    """The groups of ``s``'s initiatives for one grouping (see the module docstring)."""
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; choose from {', '.join(GROUPINGS)}")
    tops = [i for i in s.initiatives if not i.parent]
    if by == "subgoal":
        of = {t.iri: _subgoal_of(s, t) for t in tops}
        keys = [sg.iri for sg in s.subgoals]
        labels = {sg.iri: sg.label for sg in s.subgoals}
    else:
        of = {t.iri: t.penvoerder for t in tops}
        labels = {t.penvoerder: t.penvoerder_label for t in tops if t.penvoerder}
        keys = sorted(labels, key=lambda k: labels[k].casefold())
    members: dict[str | None, list[str]] = {}
    for ini in s.initiatives:
        members.setdefault(of[_top(s, ini).iri], []).append(ini.iri)
    groups = [Group(_local(k), labels[k], tuple(members[k])) for k in keys if k in members]
    if None in members:
        groups.append(Group("geen", word_pair(f"group_rest_{by}", s.lang), tuple(members[None])))
    return groups


def word_pair(key: str, lang: str) -> str:
    """One of ``GROUP_WORDS`` in the page's language."""
    nl, en = GROUP_WORDS[key]
    return en if lang == "en" else nl


def grouping_data(s: Structure, physics: bool) -> dict[str, Any]:
    """The page's data for every grouping: the groups, and where the other nodes go when grouped.

    Grouped, the other columns fit a column of one row per group (:func:`column_layout` with
    ``initiative_rows``); the page stacks the groups, expanded or not, in the initiatives' column.
    """
    out: dict[str, Any] = {}
    for by in GROUPINGS:
        groups = group_initiatives(s, by)
        entry: dict[str, Any] = {
            "label": word_pair(f"group_{by}", s.lang),
            "groups": [
                {
                    "key": g.key,
                    "label": g.label,
                    "boxLabel": "\n".join(wrap(g.label, 26, 2)),
                    "members": list(g.members),
                    "count": word_pair("group_count", s.lang).replace("{n}", str(len(g.members))),
                }
                for g in groups
            ],
        }
        if not physics:
            layout = column_layout(s, initiative_rows=len(groups))
            initiatives = {i.iri for i in s.initiatives}
            entry["height"] = column_height(s, initiative_rows=len(groups))
            entry["x"] = COLUMN_WIDTH
            entry["positions"] = {k: list(v) for k, v in layout.positions.items() if k not in initiatives}
            entry["headers"] = [
                {"text": h.text, "x": h.x, "y": h.y, "align": h.align} for h in layout.headers
            ]
        out[by] = entry
    return out


def default_grouping(s: Structure) -> str:
    """The grouping the page opens with: per sub-goal from ``GROUP_FROM`` initiatives, else none."""
    return "subgoal" if len(s.initiatives) >= GROUP_FROM else ""
