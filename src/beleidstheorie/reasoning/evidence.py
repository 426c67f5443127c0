"""Observations → evidence items: a likelihood pair on one hypothesis node each.

For a round, each indicator contributes the observation that counts (its latest
informative one, rounds are append-only). The observation bears on the mechanisms,
goals or context factor its indicator names (split equally, so one observation
weighs one in total), otherwise on its initiative's delivery. Its likelihood pair
comes from :func:`beleidstheorie.reasoning.model.likelihood.likelihood`, the one
place that decides it; items of one source on one node are discounted for
dependence. Items that carry no evidence by rule (an expectation, a restatement, a
missing answer under the neutral response model) are kept, flagged, so that
``explain`` and ``coverage`` can list them with the rule.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.reasoning.config import load_config
>>> from beleidstheorie.reasoning.network import read_network
>>> net = read_network(load_theory(EXAMPLE).store)
>>> items = evidence_items(net, load_config(), round_number=2)
>>> int(items.informative.sum()), sorted(set(items.rule))
(3, ['measured', 'non-response-neutral'])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from beleidstheorie.reasoning.config import Config
from beleidstheorie.reasoning.model.likelihood import Facts, likelihood
from beleidstheorie.reasoning.network import BASES, KINDS, LEVELS, SOURCES, STATUSES, Network

PROGRESS, NO_PROGRESS, NOT_YET_KNOWN, NOT_MEASURABLE = range(4)


@dataclass(frozen=True, eq=False)
class EvidenceItems:
    """Evidence items: one row per (observation, hypothesis node)."""

    obs: np.ndarray  # observation row
    node: np.ndarray  # flat node index of the hypothesis
    l1: np.ndarray  # P(report | H) of the observation (before weighting)
    l0: np.ndarray  # P(report | not H)
    weight: np.ndarray  # dependence discount times the split over targets
    rule: tuple[str, ...]  # the likelihood rule that decided (model.likelihood.RULES)
    basis: tuple[str, ...]  # the basis the rule read
    source: tuple[str, ...]
    informative: np.ndarray  # bool: the item moves its node

    @property
    def log_l1(self) -> np.ndarray:
        """Weighted ln P(item | H)."""
        return self.weight * np.log(self.l1)

    @property
    def log_l0(self) -> np.ndarray:
        """Weighted ln P(item | not H)."""
        return self.weight * np.log(self.l0)

    @property
    def log_lr(self) -> np.ndarray:
        """Weighted ln LR of each item (what reaches the node)."""
        return self.log_l1 - self.log_l0

    @property
    def raw_lr(self) -> np.ndarray:
        """The observation's own likelihood ratio, before weighting."""
        return self.l1 / self.l0

    def __len__(self) -> int:
        return int(self.obs.size)


def select_observations(net: Network, round_number: int) -> tuple[np.ndarray, np.ndarray]:
    """Per indicator, the observation that counts in ``round_number``.

    Rounds are append-only: an indicator's latest *informative* observation up to
    the round counts (progress or no progress, with some evidence kind); a later
    "not yet known" does not erase an earlier measurement. Returns the counting
    observations and every indicator's latest observation (for gap reports).
    """
    upto = net.obs_round <= round_number
    informative = (net.obs_status <= NO_PROGRESS) & (net.obs_kind != KINDS.index("none"))

    def latest(mask: np.ndarray) -> np.ndarray:
        idx = np.flatnonzero(mask)
        if idx.size == 0:
            return idx
        order = idx[np.lexsort((net.obs_round[idx], net.obs_indicator[idx]))]
        ind = net.obs_indicator[order]
        last = np.ones(order.size, dtype=bool)
        last[:-1] = ind[1:] != ind[:-1]
        return order[last]

    return latest(upto & informative), latest(upto)


def _dependence_weights(
    group: np.ndarray, strength: np.ndarray, positive: np.ndarray, rho: float
) -> np.ndarray:
    """rho**rank within each group, ranked by |ln LR| (strongest first).

    Ties are broken by sign (supporting first) so that equal items are
    interchangeable and the result does not depend on names or order.
    """
    if group.size == 0:
        return np.zeros(0)
    order = np.lexsort((~positive, -strength, group))
    g = group[order]
    start = np.ones(g.size, dtype=bool)
    start[1:] = g[1:] != g[:-1]
    first = np.maximum.accumulate(np.where(start, np.arange(g.size), 0))
    rank = np.arange(g.size) - first
    weights = np.empty(g.size)
    weights[order] = rho ** rank.astype(float)
    return weights


def _bears_on(net: Network, node: int) -> str:
    kind = net.nodes[node].kind
    return {"initiative": "delivery", "mechanism": "mechanism", "context": "context"}.get(kind, "goal")


def observation_facts(net: Network, o: int, bears_on: str) -> Facts:
    """The fields of observation row ``o`` that its likelihood depends on."""
    ind = int(net.obs_indicator[o])
    basis, source = int(net.obs_basis[o]), int(net.obs_source[o])
    se, fp = float(net.obs_elicited_se[o]), float(net.obs_elicited_fp[o])
    return Facts(
        status=STATUSES[int(net.obs_status[o])],
        evidence_kind=KINDS[int(net.obs_kind[o])],
        bears_on=bears_on,
        level=LEVELS[int(net.ind_level[ind])],
        basis=BASES[basis] if basis >= 0 else None,
        source=SOURCES[source] if source >= 0 else None,
        values=int(net.obs_values[o]),
        realised_values=int(net.obs_realised[o]),
        elicited=None if np.isnan(se) else (se, fp),
        restates=int(net.obs_restates[o]) >= 0,
    )


def evidence_items(net: Network, config: Config, round_number: int) -> EvidenceItems:
    """The evidence items of ``round_number``: counting observations plus the latest gaps.

    Indicators whose latest observation up to the round is a missing answer and
    that have no earlier informative one contribute that missing answer, so that
    the response model applies to it (neutral by default: LR 1).
    """
    counting, latest = select_observations(net, round_number)
    have = set(net.obs_indicator[counting].tolist())
    gaps = [int(o) for o in latest if int(net.obs_indicator[o]) not in have]
    chosen = sorted([*counting.tolist(), *gaps])

    targets: dict[int, list[int]] = {}
    for ind, node in zip(net.tgt_indicator.tolist(), net.tgt_node.tolist(), strict=True):
        targets.setdefault(ind, []).append(node)

    rows: list[tuple[int, int, float, float, float, str, str, str]] = []
    for o in chosen:
        ind = int(net.obs_indicator[o])
        owner = int(net.ind_initiative[ind])
        nodes = targets.get(ind) or [owner]
        per_node = []
        for node in nodes:
            lk = likelihood(observation_facts(net, o, _bears_on(net, node)), config)
            # a description moved to delivery lands on the owner's delivery node
            if lk.bears_on == "delivery" and node != owner and owner < net.n_initiatives:
                node = owner
            per_node.append((node, lk))
        distinct: dict[int, object] = {}
        for node, lk in per_node:
            distinct.setdefault(node, lk)
        for node, lk in distinct.items():
            rows.append((o, node, lk.l1, lk.l0, 1.0 / len(distinct), lk.rule, lk.basis, lk.source))  # type: ignore[attr-defined]

    if not rows:
        empty = np.zeros(0)
        return EvidenceItems(
            np.zeros(0, dtype=np.int64),
            np.zeros(0, dtype=np.int64),
            empty,
            empty,
            empty,
            (),
            (),
            (),
            np.zeros(0, bool),
        )
    obs = np.array([r[0] for r in rows], dtype=np.int64)
    node = np.array([r[1] for r in rows], dtype=np.int64)
    l1 = np.array([r[2] for r in rows])
    l0 = np.array([r[3] for r in rows])
    split = np.array([r[4] for r in rows])
    raw = np.log(l1) - np.log(l0)
    owner = net.ind_initiative[net.obs_indicator[obs]]
    group = owner * (net.n_nodes + 1) + node
    weight = split * _dependence_weights(group, np.abs(raw), raw > 0, config.dependence.rho)
    rule = tuple(r[5] for r in rows)
    informative = np.abs(raw) > 0
    return EvidenceItems(
        obs, node, l1, l0, weight, rule, tuple(r[6] for r in rows), tuple(r[7] for r in rows), informative
    )


def node_log_likelihoods(n_nodes: int, items: EvidenceItems) -> tuple[np.ndarray, np.ndarray]:
    """Summed weighted log-likelihoods per theory node: (ln L(H), ln L(not H))."""
    return (
        np.bincount(items.node, weights=items.log_l1, minlength=n_nodes),
        np.bincount(items.node, weights=items.log_l0, minlength=n_nodes),
    )
