"""Checks on a whole theory that need no graph: unique ids, known references.

Each finding is an :class:`Issue` with the path of the offending value inside the
(combined) theory document, so that the loader can name the file and line.

>>> from beleidstheorie.authoring.models import Theory
>>> t = Theory.model_validate({
...     "id": "t", "base_iri": "https://example.org/t/", "label": "T", "source": {"title": "Plan"},
...     "main_goal": {"id": "g", "label": "G", "ref": {"section": "1"}},
...     "subgoals": [{"id": "s", "number": 1, "label": "S", "ref": {"section": "1"}}],
...     "mechanisms": [{"id": "m", "label": "M", "subgoal": "nope", "ref": {"section": "1"}}]})
>>> [str(i) for i in check_theory(t)]
["mechanisms[0].subgoal: unknown sub-goal 'nope'"]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from beleidstheorie.authoring.models import Indicator, Initiative, Theory
from beleidstheorie.authoring.vocab import IndicatorType
from beleidstheorie.messages import Kind, Texts, message


@dataclass(frozen=True)
class Issue:
    """A problem at ``path`` inside the theory document."""

    path: tuple[str | int, ...]
    message: str
    other: tuple[str | int, ...] | None = None  # the first definition, for duplicates
    key: str = ""  # the message in beleidstheorie.messages (``message`` is its English text)
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return f"{out}: {self.message}" if out else self.message


def _issue(
    path: tuple[str | int, ...], key: str, other: tuple[str | int, ...] | None = None, **values: object
) -> Issue:
    return Issue(path, message(key, "en", **values), other, key, tuple(values.items()))


def _dupes(items: list[tuple[tuple[str | int, ...], str]], kind: str) -> Iterator[Issue]:
    seen: dict[str, tuple[str | int, ...]] = {}
    for path, ident in items:
        if ident in seen:
            yield _issue(path, "duplicate_id", seen[ident], what=Kind(kind), id=repr(ident))
        else:
            seen[ident] = path


def iter_initiatives(theory: Theory) -> Iterator[tuple[tuple[str | int, ...], Initiative]]:
    """Every initiative and sub-line with its path in the theory document."""

    def walk(path: tuple[str | int, ...], ini: Initiative) -> Iterator:
        yield path, ini
        for j, sub in enumerate(ini.action_lines):
            yield from walk((*path, "action_lines", j), sub)

    for i, ini in enumerate(theory.initiatives):
        yield from walk(("initiatives", i), ini)


def did_you_mean(ident: str, known: Iterable[str]) -> str:
    """A "did you mean" hint naming the closest known ids, or "".

    >>> did_you_mean("wederkerig", {"wederkerigheid", "ontmoeting"})
    "; did you mean 'wederkerigheid'?"
    """
    return message("did_you_mean_ids", "en", **_close(ident, known)) if _close(ident, known) else ""


def _close(ident: str, known: Iterable[str]) -> dict[str, object]:
    close = difflib.get_close_matches(ident, sorted(known), n=3, cutoff=0.6)
    if not close:
        return {}
    said = {lang: f" {message('or', lang)} ".join(repr(c) for c in close) for lang in ("en", "nl")}
    return {"names": Texts(said)}


def _hint(ident: str, known: Iterable[str]) -> object:
    close = _close(ident, known)
    return ("did_you_mean_ids", tuple(close.items())) if close else ""


def check_theory(theory: Theory) -> list[Issue]:
    """All cross-reference and uniqueness problems of ``theory``."""
    issues: list[Issue] = []
    if theory.source is None:
        issues.append(_issue((), "missing_source"))
    goals = [(("main_goal", "id"), theory.main_goal.id)]
    goals += [(("subgoals", i, "id"), s.id) for i, s in enumerate(theory.subgoals)]
    issues += _dupes(goals, "goal")
    mechs = [(("mechanisms", i, "id"), x.id) for i, x in enumerate(theory.mechanisms)]
    issues += _dupes(mechs, "mechanism")
    cfs = [(("context_factors", i, "id"), x.id) for i, x in enumerate(theory.context_factors)]
    issues += _dupes(cfs, "context factor")
    rounds = [(("rounds", i, "id"), x.id) for i, x in enumerate(theory.rounds)]
    issues += _dupes(rounds, "round")
    orgs = [(("organisations", i, "id"), x.id) for i, x in enumerate(theory.organisations)]
    issues += _dupes(orgs, "organisation")
    types = [(("indicator_types", i, "id"), x.id) for i, x in enumerate(theory.indicator_types)]
    issues += _dupes(types, "indicator type")
    builtin = {t.value for t in IndicatorType}
    for i, x in enumerate(theory.indicator_types):
        if x.id in builtin:
            issues.append(_issue(("indicator_types", i, "id"), "builtin_type", id=repr(x.id)))
    type_ids = builtin | {x.id for x in theory.indicator_types}
    inputs = [(("inputs", i, "id"), x.id) for i, x in enumerate(theory.inputs)]
    issues += _dupes(inputs, "input")
    inis = list(iter_initiatives(theory))
    issues += _dupes([((*p, "id"), x.id) for p, x in inis], "initiative")
    inds = [((*p, "indicators", k, "id"), ind.id) for p, x in inis for k, ind in enumerate(x.indicators)]
    issues += _dupes(inds, "indicator")
    tops = [(("initiatives", i, "number"), str(x.number)) for i, x in enumerate(theory.initiatives)]
    issues += _dupes(tops, "initiative number")

    subgoal_ids = {s.id for s in theory.subgoals}
    goal_ids = subgoal_ids | {theory.main_goal.id}
    mech_ids = {m.id for m in theory.mechanisms}
    round_ids = {r.id for r in theory.rounds}
    org_ids = {o.id for o in theory.organisations}
    ini_ids = {x.id for _, x in inis}

    def need(ident: str, known: set[str], path: tuple[str | int, ...], what: str) -> None:
        if ident not in known:
            issues.append(
                _issue(path, "unknown_id", what=Kind(what), id=repr(ident), hint=_hint(ident, known))
            )

    for i, mech in enumerate(theory.mechanisms):
        need(mech.subgoal, subgoal_ids, ("mechanisms", i, "subgoal"), "sub-goal")
    for i, sg in enumerate(theory.subgoals):
        for j, other in enumerate(sg.serves):
            need(other, subgoal_ids, ("subgoals", i, "serves", j), "sub-goal")
            if other == sg.id:
                issues.append(_issue(("subgoals", i, "serves", j), "serves_itself"))
    issues += _serves_cycles(theory)
    all_indicators = {ind.id for _, x in inis for ind in x.indicators}
    all_indicators |= {ind.id for cf in theory.context_factors for ind in cf.indicators}
    for i, cf in enumerate(theory.context_factors):
        for j, role in enumerate(cf.roles):
            rp = ("context_factors", i, "roles", j)
            if role.role.value == "rival":
                need(role.target, goal_ids, (*rp, "target"), "goal or sub-goal")
            else:
                need(role.target, mech_ids, (*rp, "target"), "mechanism")
            for k, ini_id in enumerate(role.initiatives):
                need(ini_id, ini_ids, (*rp, "initiatives", k), "initiative")
        for k, ind in enumerate(cf.indicators):
            ip = ("context_factors", i, "indicators", k)
            issues += _observation_issues(ip, ind, round_ids, all_indicators)
    for i, ol in enumerate(theory.organisation_links):
        need(ol.organisation, org_ids, ("organisation_links", i, "organisation"), "organisation")
        need(ol.target, ini_ids, ("organisation_links", i, "target"), "initiative")
    for i, sv in enumerate(theory.process_surveys):
        need(sv.round, round_ids, ("process_surveys", i, "round"), "round")
    for path, ini in inis:
        if ini.penvoerder is not None:
            need(ini.penvoerder, org_ids, (*path, "penvoerder"), "organisation")
        for j, p in enumerate(ini.partners):
            need(p, org_ids, (*path, "partners", j), "organisation")
        seen_mech: set[str] = set()
        for j, c in enumerate(ini.contributions):
            need(c.mechanism, mech_ids, (*path, "contributions", j, "mechanism"), "mechanism")
            if c.mechanism in seen_mech:
                issues.append(
                    _issue((*path, "contributions", j), "second_contribution", id=repr(c.mechanism))
                )
            seen_mech.add(c.mechanism)
        for j, link in enumerate(ini.links):
            need(link.target, ini_ids, (*path, "links", j, "target"), "initiative")
            if link.target == ini.id:
                issues.append(_issue((*path, "links", j, "target"), "links_itself"))
        own_indicators = {ind.id for ind in ini.indicators}
        for j, target in enumerate(ini.targets):
            if target.indicator is not None:
                need(
                    target.indicator,
                    own_indicators,
                    (*path, "targets", j, "indicator"),
                    "indicator of this initiative",
                )
        for j, ur in enumerate(ini.unreported_rounds):
            need(ur.round, round_ids, (*path, "unreported_rounds", j, "round"), "round")
        for k, ind in enumerate(ini.indicators):
            ip = (*path, "indicators", k)
            if not isinstance(ind.type, IndicatorType):
                need(ind.type, type_ids, (*ip, "type"), "indicator type (declare it in indicator_types)")
            for j, mid in enumerate(ind.evidence_for.mechanisms):
                need(mid, mech_ids, (*ip, "evidence_for", "mechanisms", j), "mechanism")
            for j, gid in enumerate(ind.evidence_for.goals):
                need(gid, goal_ids, (*ip, "evidence_for", "goals", j), "goal")
            if ind.evidence_for.context:
                issues.append(_issue((*ip, "evidence_for", "context"), "context_only"))
            issues += _observation_issues(ip, ind, round_ids, all_indicators)
    return issues


def _observation_issues(
    ip: tuple[str | int, ...], ind: Indicator, round_ids: set[str], indicator_ids: set[str]
) -> Iterator[Issue]:
    seen_round: set[str] = set()
    for j, obs in enumerate(ind.observations):
        op = (*ip, "observations", j)
        if obs.round not in round_ids:
            hint = _hint(obs.round, round_ids)
            yield _issue((*op, "round"), "unknown_id", what=Kind("round"), id=repr(obs.round), hint=hint)
        if obs.round in seen_round:
            yield _issue((*op, "round"), "second_observation", id=repr(obs.round))
        seen_round.add(obs.round)
        ref = obs.derived_from
        if ref is not None:
            if ref.indicator not in indicator_ids:
                where = (*op, "derived_from", "indicator")
                yield _issue(where, "unknown_id", what=Kind("indicator"), id=repr(ref.indicator), hint="")
            if ref.round not in round_ids:
                where = (*op, "derived_from", "round")
                yield _issue(where, "unknown_id", what=Kind("round"), id=repr(ref.round), hint="")
            if ref.indicator == ind.id and ref.round == obs.round:
                yield _issue((*op, "derived_from"), "derived_from_itself")


def _serves_cycles(theory: Theory) -> Iterator[Issue]:
    """Sub-goals on a cycle of ``serves`` (the goals must form a DAG), once per cycle found.

    The sub-goal named is the one where the cycle closes, so it is always on the cycle
    itself — never a sub-goal that merely serves into one.
    """
    index = {s.id: i for i, s in enumerate(theory.subgoals)}
    serves = {s.id: list(s.serves) for s in theory.subgoals}
    state: dict[str, int] = {}
    closes: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        for nxt in serves.get(node, ()):
            if state.get(nxt) == 1:
                if nxt not in closes:
                    closes.append(nxt)
            elif nxt not in state:
                visit(nxt)
        state[node] = 2

    for sg in theory.subgoals:
        if sg.id not in state:
            visit(sg.id)
    for ident in closes:
        yield _issue(("subgoals", index[ident], "serves"), "serves_cycle", id=repr(ident))


def unstated_semantics(theory: Theory) -> list[Issue]:
    """Observations that do not say what they show (v1 files): no ``basis`` or no ``source``.

    Not errors: such observations load and score with the reasoning configuration's
    conservative defaults (docs/method.md §3.5). ``validate`` reports them as warnings.

    >>> from beleidstheorie.io.theory_yaml import read_theory_yaml
    >>> found = unstated_semantics(read_theory_yaml(EXAMPLE))
    >>> len(found), str(found[0]).split(":")[1].strip()
    (6, 'no basis and no source stated')
    """
    issues = []
    for path, ini in iter_initiatives(theory):
        for k, ind in enumerate(ini.indicators):
            for j, obs in enumerate(ind.observations):
                missing = [name for name in ("basis", "source") if getattr(obs, name) is None]
                if missing:
                    where = (*path, "indicators", k, "observations", j)
                    said = {
                        lang: f" {message('and', lang)} ".join(
                            message("no_field", lang, field=m) for m in missing
                        )
                        for lang in ("en", "nl")
                    }
                    issues.append(_issue(where, "unstated_fields", fields=Texts(said)))
    return issues
