"""Which nodes each of the page's filters keeps (the sets the page's JavaScript intersects)."""

from __future__ import annotations

from beleidstheorie.reasoning.result import INSUFFICIENT, ScoreResult
from beleidstheorie.views.structure import Node, Structure


def keep_for_subgoal(s: Structure, subgoal: Node) -> set[str]:
    """IRIs the sub-goal filter keeps (see :mod:`beleidstheorie.views.page`)."""
    mechs = {m.iri for m in s.mechanisms_of(subgoal)}
    inis = {c.initiative for c in s.contributions if c.mechanism in mechs}
    parents = {s.node(i).parent for i in inis} - {None}  # type: ignore[attr-defined]
    return {subgoal.iri, s.main_goal.iri, *mechs, *inis, *parents, *(i.iri for i in s.inputs)}  # type: ignore[misc]


def keep_for_initiative(s: Structure, iri: str) -> set[str]:
    """IRIs the initiative filter keeps (see :mod:`beleidstheorie.views.page`)."""
    ini = s.node(iri)
    own = [ini, *s.action_lines(ini)]  # type: ignore[arg-type]
    keep = {n.iri for n in own} | ({ini.parent} if ini.parent else set())  # type: ignore[attr-defined]
    keep |= {x for n in own for k in s.links_of(n) for x in (k.source, k.target)}  # type: ignore[arg-type]
    mechs = {c.mechanism for n in own for c in s.contributions_of(n)}  # type: ignore[arg-type]
    keep |= mechs | {s.node(m).subgoal for m in mechs}  # type: ignore[attr-defined]
    return keep | {s.main_goal.iri, *(i.iri for i in s.inputs)}


def keep_insufficient(s: Structure, result: ScoreResult) -> set[str]:
    """IRIs the 'alleen onvoldoende bewijs' filter keeps for one round."""
    scored = (result.main_goal, *result.subgoals, *result.mechanisms, *result.initiatives)
    keep = {n.id for n in scored if n.verdict == INSUFFICIENT}
    for m in s.mechanisms:
        if m.iri in keep:
            keep |= {m.subgoal, s.main_goal.iri}
    if any(sg.iri in keep for sg in s.subgoals):
        keep.add(s.main_goal.iri)
    # the initiatives that feed a kept mechanism stay: whose job is it to measure this?
    kept_mechanisms = {m.iri for m in s.mechanisms if m.iri in keep}
    keep |= {c.initiative for c in s.contributions if c.mechanism in kept_mechanisms}
    return keep
