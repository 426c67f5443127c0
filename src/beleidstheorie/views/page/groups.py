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

The mechanisms' column groups the same way, per sub-goal they serve
(:func:`group_mechanisms`): a large theory opens with each sub-goal's mechanisms collapsed
into one box beside its sub-goal. Grouped, the page lays out the columns itself (the rows of
:data:`~beleidstheorie.views.columns.ROW_HEIGHT`, a collapsed group one ``GROUP_ROW``),
each column stacked and centred, a sub-goal level with its mechanisms, the context band
beneath the tallest column.

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

from beleidstheorie.views.columns import COLUMN_WIDTH, ROW_HEIGHT, column_height
from beleidstheorie.views.structure import Initiative, Structure
from beleidstheorie.views.wording import wrap

GROUPINGS = ("subgoal", "penvoerder")
"""The ways the page can group initiatives, in the order its control lists them."""
GROUP_FROM = 40
"""From this many initiatives (sub-lines counted) the page opens grouped per sub-goal."""
MECHANISM_GROUP_FROM = 24
"""From this many mechanisms the page opens with the mechanisms grouped per sub-goal."""
GROUP_ROW = 96
"""The height of a collapsed group's row in its column (px on the canvas)."""
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
    "mgroup_by": ("Mechanismen groeperen", "Group mechanisms"),
    "mgroup_subgoal": ("per subdoel", "by sub-goal"),
    "mgroup_count": ("{n} mechanismen", "{n} mechanisms"),
    "mgroups": ("Mechanismen per subdoel", "Mechanisms by sub-goal"),
    "legend_group": (
        "Groep, ingeklapt (het getal zegt hoeveel); klik om uit te klappen",
        "Group, collapsed (the number says how many); click to expand",
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


def group_mechanisms(s: Structure) -> list[Group]:
    """The mechanisms per sub-goal they serve: one group per sub-goal with mechanisms, in order.

    >>> from beleidstheorie.graph.load import load_theory
    >>> from beleidstheorie.views.structure import read_structure
    >>> s = read_structure(load_theory(EXAMPLE).store)
    >>> [(g.label, len(g.members)) for g in group_mechanisms(s)]
    [('Eenzame ouderen in beeld', 2), ('Sociaal netwerk versterkt', 2)]
    """
    return [
        Group(_local(sg.iri), sg.label, tuple(m.iri for m in s.mechanisms_of(sg)))
        for sg in s.subgoals
        if s.mechanisms_of(sg)
    ]


def word_pair(key: str, lang: str) -> str:
    """One of ``GROUP_WORDS`` in the page's language."""
    nl, en = GROUP_WORDS[key]
    return en if lang == "en" else nl


def _groups_data(groups: list[Group], count: str, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "key": g.key,
            "label": g.label,
            "boxLabel": "\n".join(wrap(g.label, 26, 2)),
            "members": list(g.members),
            "count": word_pair(count, lang).replace("{n}", str(len(g.members))),
        }
        for g in groups
    ]


def grouping_data(s: Structure) -> dict[str, Any]:
    """The page's data for every grouping of the initiatives: its label and its groups."""
    return {
        by: {
            "label": word_pair(f"group_{by}", s.lang),
            "groups": _groups_data(group_initiatives(s, by), "group_count", s.lang),
        }
        for by in GROUPINGS
    }


def mechanism_grouping_data(s: Structure) -> dict[str, Any]:
    """The page's data for grouping the mechanisms per sub-goal (each group with its sub-goal)."""
    groups = group_mechanisms(s)
    rows = _groups_data(groups, "mgroup_count", s.lang)
    for row, g in zip(rows, groups, strict=True):
        row["subgoal"] = s.node(g.members[0]).subgoal  # type: ignore[attr-defined]
    return {"label": word_pair("mgroup_subgoal", s.lang), "groups": rows}


def layout_data(s: Structure) -> dict[str, Any]:
    """What the page needs to lay out grouped columns: row heights, column x, the ungrouped height."""
    return {
        "rows": {**ROW_HEIGHT, "group": GROUP_ROW},
        "column": COLUMN_WIDTH,
        "height": column_height(s),
    }


def default_grouping(s: Structure) -> str:
    """The grouping the page opens with: per sub-goal from ``GROUP_FROM`` initiatives, else none."""
    return "subgoal" if len(s.initiatives) >= GROUP_FROM else ""


def default_mechanism_grouping(s: Structure) -> str:
    """Per sub-goal (``"subgoal"``) from ``MECHANISM_GROUP_FROM`` mechanisms, else none (``""``)."""
    return "subgoal" if len(s.mechanisms) >= MECHANISM_GROUP_FROM else ""
