"""Observations → likelihoods on the nodes of the network (vectorised).

Each usable observation becomes one or more *evidence items*: a likelihood pair
(P(E | H), P(E | not H)) on one hypothesis node H, raised to a weight that
discounts correlated items. Everything is a numpy array operation, so the cost
grows linearly (up to one sort) with the number of observations.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.reasoning.config import load_config
>>> from beleidstheorie.reasoning.network import read_network
>>> net = read_network(load_theory(EXAMPLE).store)
>>> items = evidence_items(net, load_config(), round_number=2)
>>> len(items.obs)   # the not-measurable and not-yet-known observations carry no evidence
3
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from beleidstheorie.reasoning.config import Config
from beleidstheorie.reasoning.network import KINDS, LEVELS, Network

PROGRESS, NO_PROGRESS, NOT_YET_KNOWN, NOT_MEASURABLE = range(4)


@dataclass(frozen=True, eq=False)
class EvidenceItems:
    """Evidence items: one row per (observation, hypothesis node)."""

    obs: np.ndarray  # observation row
    node: np.ndarray  # flat node index of the hypothesis
    se: np.ndarray  # effective sensitivity P(E | H) of a progress report
    alpha: np.ndarray  # false-positive rate P(E | not H)
    present: np.ndarray  # bool: progress reported (E) or not (not E)
    weight: np.ndarray  # dependence discount times the split over targets
    log_lr: np.ndarray  # weighted ln LR of the item (what reaches the node)

    @property
    def log_l1(self) -> np.ndarray:
        """Weighted ln P(item | H)."""
        p = np.where(self.present, self.se, 1.0 - self.se)
        return self.weight * np.log(p)

    @property
    def log_l0(self) -> np.ndarray:
        """Weighted ln P(item | not H)."""
        p = np.where(self.present, self.alpha, 1.0 - self.alpha)
        return self.weight * np.log(p)


def select_observations(net: Network, round_number: int) -> tuple[np.ndarray, np.ndarray]:
    """Per indicator, the observation that counts in ``round_number``.

    Rounds are append-only: an indicator's latest *informative* observation up to
    the round counts (progress or no progress, with some evidence kind); a later
    "not yet known" does not erase an earlier measurement. Returns the counting
    observations and, for gap reports, every indicator's latest observation.
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


def evidence_items(net: Network, config: Config, round_number: int) -> EvidenceItems:
    """The evidence items that count in ``round_number``."""
    chosen, _ = select_observations(net, round_number)
    ind = net.obs_indicator[chosen]

    # Indicator -> hypothesis nodes: its mechanisms/goals if it names any (split
    # equally so that one observation weighs one in total), else its delivery node.
    n_ind = len(net.ind_id)
    n_targets = np.bincount(net.tgt_indicator, minlength=n_ind)
    tgt_order = np.argsort(net.tgt_indicator, kind="stable")
    tgt_start = np.concatenate([[0], np.cumsum(n_targets)])
    per_obs = np.where(n_targets[ind] > 0, n_targets[ind], 1)
    rows = np.repeat(np.arange(chosen.size), per_obs)
    offset = np.arange(rows.size) - np.repeat(np.cumsum(per_obs) - per_obs, per_obs)
    obs = chosen[rows]
    obs_ind = ind[rows]
    has_tgt = n_targets[obs_ind] > 0
    tgt_pos = tgt_start[obs_ind] + offset
    tgt_nodes = (
        net.tgt_node[tgt_order][np.minimum(tgt_pos, max(net.tgt_node.size - 1, 0))]
        if net.tgt_node.size
        else np.zeros(rows.size, dtype=np.int64)
    )
    node = np.where(has_tgt, tgt_nodes, net.ind_initiative[obs_ind])
    split = 1.0 / per_obs[rows]

    kind_names = [KINDS[k] for k in range(len(KINDS) - 1)]
    se_by_kind = np.array([config.evidence[k].se for k in kind_names] + [0.5])
    alpha_by_kind = np.array([config.evidence[k].alpha for k in kind_names] + [0.5])
    spec_by_level = np.array([getattr(config.specificity, lv) for lv in LEVELS])
    kind = net.obs_kind[obs]
    alpha = alpha_by_kind[kind]
    on_delivery = node < net.n_initiatives
    spec = np.where(on_delivery, 1.0, spec_by_level[net.ind_level[obs_ind]])
    se = alpha + spec * (se_by_kind[kind] - alpha)
    present = net.obs_status[obs] == PROGRESS
    raw = np.where(present, np.log(se / alpha), np.log((1 - se) / (1 - alpha)))

    group = net.ind_initiative[obs_ind] * net.n_nodes + node
    weight = split * _dependence_weights(group, np.abs(raw), raw > 0, config.dependence.rho)
    return EvidenceItems(obs, node, se, alpha, present, weight, weight * raw)


def node_log_likelihoods(net: Network, items: EvidenceItems) -> tuple[np.ndarray, np.ndarray]:
    """Summed weighted log-likelihoods per node: (ln L(H), ln L(not H))."""
    n = net.n_nodes
    return (
        np.bincount(items.node, weights=items.log_l1, minlength=n),
        np.bincount(items.node, weights=items.log_l0, minlength=n),
    )
