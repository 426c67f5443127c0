"""The evaluator's tally: per mechanism, who targets it and what evidence there is.

This is the report's own way of looking (no probabilities): counts of
initiatives (stated/inferred), of indicators per level and per progress status,
and the gaps — mechanisms no initiative targets, mechanisms no indicator observes
directly, initiatives without usable evidence, indicators that cannot be measured.

>>> from beleidstheorie.graph.load import load_theory
>>> cov = coverage(load_theory(EXAMPLE))
>>> [m.key for m in cov.mechanisms if m.direct_indicators.total == 0]
['signalering-door-buren', 'laagdrempelige-ontmoeting']
>>> cov.unmeasurable_indicators
('Deelnemers die zelf anderen bellen',)
>>> [i.key for i in cov.initiatives_without_evidence]
['burenhulp-training']
>>> sorted({(g.indicator, g.rule) for g in cov.no_evidence_by_rule})  # doctest: +NORMALIZE_WHITESPACE
[('belcirkel-zelf-bellen', 'non-response-neutral'), ('training-deelnemers', 'non-response-neutral')]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from beleidstheorie.graph.store import Store
from beleidstheorie.reasoning.config import Config, load_config
from beleidstheorie.reasoning.evidence import NOT_MEASURABLE, evidence_items, select_observations
from beleidstheorie.reasoning.frames import FrameMixin
from beleidstheorie.reasoning.model.likelihood import RULES
from beleidstheorie.reasoning.network import LEVELS, PROVENANCES, STATUSES, Network, read_network


@dataclass(frozen=True)
class Tally:
    """Counts of indicators per level and per progress status."""

    by_level: dict[str, int]
    by_status: dict[str, int]

    @property
    def total(self) -> int:
        """Number of indicators counted."""
        return sum(self.by_level.values())


@dataclass(frozen=True)
class MechanismCoverage:
    """One mechanism's coverage."""

    id: str
    key: str
    label: str
    label_en: str
    subgoal: str
    subgoal_en: str
    stated: tuple[str, ...]  # initiative labels
    inferred: tuple[str, ...]
    direct_indicators: Tally  # indicators that observe the mechanism itself
    delivery_indicators: Tally  # delivery indicators of the initiatives targeting it

    @property
    def initiatives(self) -> int:
        """How many initiatives target the mechanism."""
        return len(self.stated) + len(self.inferred)


@dataclass(frozen=True)
class InitiativeRef:
    """An initiative named in a gap list."""

    id: str
    key: str
    label: str
    reason: str


@dataclass(frozen=True)
class RuleGap:
    """An observation that counts in the round but carries no evidence, by a rule."""

    indicator: str
    indicator_label: str
    initiative_label: str
    node: str  # id of the node it would bear on
    rule: str  # code from reasoning.model.likelihood.RULES
    reason: str  # the rule in words


@dataclass(frozen=True)
class CoverageResult(FrameMixin):
    """Coverage of every mechanism in one round, with the gaps."""

    round: str
    round_label: str
    mechanisms: tuple[MechanismCoverage, ...]
    untargeted_mechanisms: tuple[str, ...]
    unobserved_mechanisms: tuple[str, ...]
    initiatives_without_evidence: tuple[InitiativeRef, ...]
    unmeasurable_indicators: tuple[str, ...]
    no_evidence_by_rule: tuple[RuleGap, ...] = ()
    round_label_en: str = ""  # the round's English label, when the theory gives one

    def round_label_in(self, lang: str = "nl") -> str:
        """The round's label in ``lang`` (the Dutch one when it has no English label)."""
        return self.round_label_en if lang == "en" and self.round_label_en else self.round_label


def _tally(net: Network, indicators: list[int], latest: dict[int, int]) -> Tally:
    by_level = {lv: 0 for lv in LEVELS}
    by_status = {st: 0 for st in (*STATUSES, "geen meting")}
    for ind in indicators:
        by_level[LEVELS[int(net.ind_level[ind])]] += 1
        obs = latest.get(ind)
        status = "geen meting" if obs is None else STATUSES[int(net.obs_status[obs])]
        by_status[status] += 1
    return Tally(by_level, by_status)


def coverage_of_network(net: Network, round_number: int, config: Config | None = None) -> CoverageResult:
    """Coverage computed on the array form (see :func:`coverage`)."""
    items = evidence_items(net, config or load_config(), round_number)
    rule_gaps = []
    for t in range(len(items)):
        if items.informative[t]:
            continue
        ind = int(net.obs_indicator[items.obs[t]])
        rule_gaps.append(
            RuleGap(
                indicator=net.ind_id[ind],
                indicator_label=net.ind_label[ind],
                initiative_label=net.nodes[int(net.ind_initiative[ind])].label_nl,
                node=net.nodes[int(items.node[t])].id,
                rule=items.rule[t],
                reason=RULES[items.rule[t]],
            )
        )
    counting, latest_all = select_observations(net, round_number)
    # Per indicator, the observation that counts (informative) or else the latest.
    latest = {int(net.obs_indicator[o]): int(o) for o in latest_all}
    latest.update({int(net.obs_indicator[o]): int(o) for o in counting})
    mo = net.mechanism_offset
    targets: dict[int, set[int]] = {}
    for ind, node in zip(net.tgt_indicator.tolist(), net.tgt_node.tolist(), strict=True):
        targets.setdefault(node, set()).add(ind)
    delivery_of: dict[int, list[int]] = {}
    for ind in np.flatnonzero(net.ind_delivery).tolist():
        delivery_of.setdefault(int(net.ind_initiative[ind]), []).append(ind)

    mechanisms = []
    for j in range(net.n_mechanisms):
        cons = np.flatnonzero(net.con_mech == j)
        stated = tuple(
            net.nodes[int(net.con_init[c])].label_nl
            for c in cons
            if PROVENANCES[int(net.con_provenance[c])] == "stated"
        )
        inferred = tuple(
            net.nodes[int(net.con_init[c])].label_nl
            for c in cons
            if PROVENANCES[int(net.con_provenance[c])] == "inferred"
        )
        delivery = sorted({ind for c in cons for ind in delivery_of.get(int(net.con_init[c]), [])})
        info = net.nodes[mo + j]
        mechanisms.append(
            MechanismCoverage(
                id=info.iri,
                key=info.id,
                label=info.label_nl,
                label_en=info.label_en,
                subgoal=net.nodes[net.subgoal_offset + int(net.mech_subgoal[j])].label_nl,
                subgoal_en=net.nodes[net.subgoal_offset + int(net.mech_subgoal[j])].label("en"),
                stated=stated,
                inferred=inferred,
                direct_indicators=_tally(net, sorted(targets.get(mo + j, ())), latest),
                delivery_indicators=_tally(net, delivery, latest),
            )
        )
    counting_inds = {int(net.obs_indicator[o]) for o in counting}
    # per owner its indicators, per initiative its action lines: one pass each, not one per
    # initiative (at 10^7 triples that was 34,130 × 204,780 steps)
    owner_of = net.ind_initiative.tolist()
    with_evidence = {owner_of[k] for k in counting_inds}
    has_indicators = set(owner_of)
    lines_of: dict[str, list[int]] = {}
    for k in range(net.n_initiatives):
        lines_of.setdefault(net.nodes[k].parent, []).append(k)
    without = []
    for i in range(net.n_initiatives):
        if i in with_evidence:
            continue
        info = net.nodes[i]
        lines = lines_of.get(info.iri, [])
        if any(k in with_evidence for k in lines):
            continue  # its action lines carry the evidence
        inds = i in has_indicators
        reason = "no indicators" if not inds else "no observation with (no) progress and evidence"
        without.append(InitiativeRef(info.iri, info.id, info.label_nl, reason))
    unmeasurable = tuple(
        net.ind_label[int(net.obs_indicator[o])]
        for o in latest.values()
        if int(net.obs_status[o]) == NOT_MEASURABLE
    )
    rnd = next(r for r in net.rounds if r.number == round_number)
    return CoverageResult(
        round=rnd.id,
        round_label=rnd.label,
        mechanisms=tuple(mechanisms),
        untargeted_mechanisms=tuple(m.label for m in mechanisms if m.initiatives == 0),
        unobserved_mechanisms=tuple(m.label for m in mechanisms if m.direct_indicators.total == 0),
        initiatives_without_evidence=tuple(without),
        unmeasurable_indicators=tuple(sorted(unmeasurable)),
        no_evidence_by_rule=tuple(rule_gaps),
        round_label_en=rnd.label_en,
    )


def coverage(
    source: Store | object, round: str | int | None = None, config: Config | None = None
) -> CoverageResult:
    """The evaluator's tally for a theory (or store) in ``round`` (default: latest).

    ``no_evidence_by_rule`` lists the observations that count in the round but carry
    no evidence by a likelihood rule (an expectation, a restatement, a missing
    answer under the neutral response model, ...), each with its rule.
    """
    store = getattr(source, "store", source)
    net = read_network(store)  # type: ignore[arg-type]
    return coverage_of_network(net, net.round_number(round), config)
