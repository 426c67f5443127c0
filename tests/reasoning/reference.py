"""An independent reference: the same Bayesian network, built from the authoring
model with plain Python loops and solved exactly by pgmpy's variable elimination.

Nothing here uses the engine's network reader, evidence arrays or inference; only
the configuration (the parameters) is shared.
"""

from __future__ import annotations

import itertools
import math
import warnings

from beleidstheorie.authoring.models import Theory
from beleidstheorie.reasoning.config import Config

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pgmpy.factors.discrete import TabularCPD
    from pgmpy.inference import VariableElimination
    from pgmpy.models import DiscreteBayesianNetwork

SPEC_DELIVERY = 1.0


def _lines(theory: Theory):
    for top in theory.initiatives:
        yield top
        yield from top.action_lines


def evidence_factors(theory: Theory, config: Config, round_id: str) -> dict[str, tuple[float, float]]:
    """Per node name: (ln L(H), ln L(not H)), recomputed from the authoring model."""
    number = {r.id: r.number for r in theory.rounds}
    rnum = number[round_id]
    mech_ids = {m.id for m in theory.mechanisms}
    items = []  # (group, node, ln l1, ln l0)
    for ini in _lines(theory):
        for ind in ini.indicators:
            usable = [
                o
                for o in ind.observations
                if number[o.round] <= rnum
                and o.status in ("progressie-geboekt", "geen-progressie")
                and o.evidence_kind != "none"
            ]
            if not usable:
                continue
            obs = max(usable, key=lambda o: number[o.round])
            targets = [f"M:{m}" for m in ind.evidence_for.mechanisms] + [
                ("M:" if g in mech_ids else "G:") + g for g in ind.evidence_for.goals
            ]
            if not targets:
                targets = [f"D:{ini.id}"]
            ev = config.evidence[obs.evidence_kind.value]
            for node in targets:
                spec = (
                    SPEC_DELIVERY
                    if node.startswith("D:")
                    else getattr(config.specificity, ind.type.level.value)
                )
                se = ev.alpha + spec * (ev.se - ev.alpha)
                if obs.status == "progressie-geboekt":
                    l1, l0 = se, ev.alpha
                else:
                    l1, l0 = 1 - se, 1 - ev.alpha
                items.append(((ini.id, node), node, math.log(l1), math.log(l0), 1.0 / len(targets)))
    groups: dict = {}
    for item in items:
        groups.setdefault(item[0], []).append(item)
    out: dict[str, list[float]] = {}
    for group in groups.values():
        group.sort(key=lambda it: (-abs(it[2] - it[3]), -(it[2] - it[3])))
        for rank, (_, node, l1, l0, split) in enumerate(group):
            w = split * config.dependence.rho**rank
            acc = out.setdefault(node, [0.0, 0.0])
            acc[0] += w * l1
            acc[1] += w * l0
    return {k: (v[0], v[1]) for k, v in out.items()}


def _noisy_or(child: str, parents: list[str], weights: list[float], leak: float) -> TabularCPD:
    columns = []
    for states in itertools.product([0, 1], repeat=len(parents)):
        off = 1.0 - leak
        for s, w in zip(states, weights, strict=True):
            if s:
                off *= 1.0 - w
        columns.append((off, 1.0 - off))
    values = [[c[0] for c in columns], [c[1] for c in columns]]
    return TabularCPD(child, 2, values, evidence=parents or None, evidence_card=[2] * len(parents) or None)


def reference_posteriors(theory: Theory, config: Config, round_id: str) -> dict[str, float]:
    """P(node = 1 | evidence) for every node, keyed 'D:id', 'M:id', 'S:id', 'G:id'."""
    strength = {
        "strong": config.link.strong,
        "moderate": config.link.moderate,
        "weak": config.link.weak,
    }
    prov = {"stated": config.provenance.stated, "inferred": config.provenance.inferred}
    model = DiscreteBayesianNetwork()
    cpds = []
    lines = list(_lines(theory))
    for ini in lines:
        model.add_node(f"D:{ini.id}")
        p = config.prior.delivery
        cpds.append(TabularCPD(f"D:{ini.id}", 2, [[1 - p], [p]]))
    for mech in theory.mechanisms:
        parents, weights = [], []
        for ini in lines:
            for c in ini.contributions:
                if c.mechanism == mech.id:
                    parents.append(f"D:{ini.id}")
                    weights.append(strength[c.strength.value] * prov[c.provenance.value])
        node = f"M:{mech.id}"
        model.add_node(node)
        for p_ in parents:
            model.add_edge(p_, node)
        cpds.append(_noisy_or(node, parents, weights, config.leak.mechanism))
    for sg in theory.subgoals:
        parents = [f"M:{m.id}" for m in theory.mechanisms if m.subgoal == sg.id]
        node = f"S:{sg.id}"
        model.add_node(node)
        for p_ in parents:
            model.add_edge(p_, node)
        cpds.append(
            _noisy_or(
                node,
                parents,
                [config.link.mechanism_to_subgoal] * len(parents),
                config.leak.subgoal,
            )
        )
    goal = f"G:{theory.main_goal.id}"
    parents = [f"S:{s.id}" for s in theory.subgoals]
    model.add_node(goal)
    for p_ in parents:
        model.add_edge(p_, goal)
    cpds.append(
        _noisy_or(goal, parents, [config.link.subgoal_to_main_goal] * len(parents), config.leak.main_goal)
    )

    subgoal_ids = {s.id for s in theory.subgoals}
    evidence = {}
    for key, (l1, l0) in evidence_factors(theory, config, round_id).items():
        if key.startswith("G:") and key[2:] in subgoal_ids:
            key = "S:" + key[2:]
        top = max(l1, l0)
        a, b = math.exp(l1 - top), math.exp(l0 - top)
        e = f"E|{key}"
        model.add_node(e)
        model.add_edge(key, e)
        # P(E=1 | H=0) = b, P(E=1 | H=1) = a: observing E=1 multiplies by (b, a).
        cpds.append(TabularCPD(e, 2, [[1 - b, 1 - a], [b, a]], evidence=[key], evidence_card=[2]))
        evidence[e] = 1
    model.add_cpds(*cpds)
    assert model.check_model()
    infer = VariableElimination(model)
    out = {}
    for node in model.nodes():
        if node.startswith("E|"):
            continue
        q = infer.query([node], evidence=evidence, show_progress=False)
        out[node] = float(q.values[1])
    return out
