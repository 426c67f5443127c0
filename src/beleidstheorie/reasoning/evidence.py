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

import weakref
from dataclasses import dataclass

import numpy as np

from beleidstheorie.reasoning.config import Config
from beleidstheorie.reasoning.model.likelihood import NO_EVIDENCE_RULES, Facts, Likelihood, likelihood
from beleidstheorie.reasoning.network import BASES, KINDS, LEVELS, SOURCES, STATUSES, Network
from beleidstheorie.reasoning.ranks import dense_ranks, lexsort_key

PROGRESS, NO_PROGRESS, NOT_YET_KNOWN, NOT_MEASURABLE = range(4)
EVIDENCE_SECTIONS = ("evidence", "specificity", "basis", "source", "defaults", "response", "dependence")
"""The sections of the configuration that the evidence items read (the likelihood rule, the discount)."""


@dataclass(frozen=True, eq=False)
class EvidenceItems:
    """Evidence items: one row per (observation, hypothesis node).

    On a network read as groups (``Network.grouped_round``) each item of a group is a
    row (``obs`` is the group's one observation row): the same items as item by item.
    """

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
    if net.grouped_round is not None and net.grouped_round != round_number:
        raise ValueError(f"the network was read for round {net.grouped_round}, not {round_number}")
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
    group: np.ndarray,
    strength: np.ndarray,
    positive: np.ndarray,
    rho: float,
    ties: tuple[np.ndarray, ...] = (),
) -> np.ndarray:
    """rho**rank within each group, ranked by |ln LR| (strongest first).

    Ties are broken by sign (supporting first), then by ``ties`` (each larger first:
    the split, l1, l0), so that items still tied are equal in every number and
    the result does not depend on names or order.
    """
    if group.size == 0:
        return np.zeros(0)
    order = np.lexsort((*(-t for t in reversed(ties)), ~positive, -strength, group))
    g = group[order]
    start = np.ones(g.size, dtype=bool)
    start[1:] = g[1:] != g[:-1]
    first = np.maximum.accumulate(np.where(start, np.arange(g.size), 0))
    rank = np.arange(g.size) - first
    weights = np.empty(g.size)
    weights[order] = rho ** rank.astype(float)
    return weights


def node_sums(node: np.ndarray, values: np.ndarray, n_nodes: int) -> np.ndarray:
    """Per node, the sum of ``values`` of its items, added in the order of the values.

    The same items in any order (item by item, or a grouped read's items) give the
    same bits: the sum does not follow the order in which a store returned them.

    >>> node_sums(np.array([1, 0, 1]), np.array([0.1, 0.5, 0.2]), 3).tolist()
    [0.5, 0.30000000000000004, 0.0]
    """
    order = np.lexsort((values, node))
    return np.bincount(node[order], weights=values[order], minlength=n_nodes)


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


@dataclass(frozen=True, eq=False)
class _Plan:
    """What evidence items need from the network of one round, whatever the configuration.

    One row per (chosen observation, target) pair, in the order of the observations and,
    within one, of its indicator's targets (or its owner when the indicator names none).
    """

    chosen: np.ndarray  # observation rows, ascending
    owner: np.ndarray  # each chosen observation's initiative
    pair: np.ndarray  # per pair: its observation's position in ``chosen``
    node: np.ndarray  # per pair: the target node
    fid: np.ndarray  # per pair: the fact id
    facts: list[Facts]  # distinct facts, by fact id


_PLANS: weakref.WeakKeyDictionary[Network, dict[int, _Plan]] = weakref.WeakKeyDictionary()
_ROWS: weakref.WeakKeyDictionary[_Plan, dict[tuple[bool, ...], tuple]] = weakref.WeakKeyDictionary()
_BEARS_ON = ("delivery", "mechanism", "context", "goal")


def _plan(net: Network, round_number: int) -> _Plan:
    """The counting observations of the round, their targets and their facts (cached per network)."""
    plans = _PLANS.setdefault(net, {})
    if round_number in plans:
        return plans[round_number]
    counting, latest = select_observations(net, round_number)
    have = np.zeros(len(net.ind_id), dtype=bool)
    have[net.obs_indicator[counting]] = True
    gaps = latest[~have[net.obs_indicator[latest]]]
    chosen = np.sort(np.concatenate([counting, gaps]).astype(np.int64))
    inds = net.obs_indicator[chosen]
    owner = net.ind_initiative[inds].astype(np.int64)
    # each observation's targets: its indicator's target nodes in their order, or its owner
    by_ind = np.argsort(net.tgt_indicator, kind="stable")
    start = np.searchsorted(net.tgt_indicator[by_ind], np.arange(len(net.ind_id) + 1))
    count = start[inds + 1] - start[inds]
    reps = np.maximum(count, 1)
    pair = np.repeat(np.arange(chosen.size), reps)
    within = np.arange(pair.size) - np.repeat(np.cumsum(reps) - reps, reps)
    named = np.flatnonzero(count[pair] > 0)
    node = owner[pair]
    node[named] = net.tgt_node[by_ind[start[inds[pair[named]]] + within[named]]]
    # Observations alike in every field observation_facts reads have the same facts: they are
    # made once per distinct fields and kind of node (a grouped read at 10^6 has 22,519 rows
    # and a few hundred such field sets). Ids are given in the order facts first appear, as before.
    at = chosen
    fields = np.stack(
        [net.obs_status[at], net.obs_kind[at], net.ind_level[inds], net.obs_basis[at], net.obs_source[at],
         net.obs_values[at], net.obs_realised[at], net.obs_restates[at] >= 0,
         net.obs_elicited_se[at].view(np.int64), net.obs_elicited_fp[at].view(np.int64)],
        axis=1,
    ) if at.size else np.zeros((0, 10), dtype=np.int64)  # fmt: skip
    row = _row_codes(fields)
    code = {b: k for k, b in enumerate(_BEARS_ON)}
    bears = np.array([code[_bears_on(net, k)] for k in range(net.n_nodes)], dtype=np.int64)
    key = row[pair] * len(_BEARS_ON) + bears[node]
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    ids: dict[Facts, int] = {}
    fid_of_key = np.empty(first.size, dtype=np.int64)
    for k in np.argsort(first, kind="stable").tolist():  # the keys in the order they first appear
        f = int(first[k])
        facts = observation_facts(net, int(chosen[pair[f]]), _BEARS_ON[int(bears[node[f]])])
        fid_of_key[k] = ids.setdefault(facts, len(ids))
    plans[round_number] = _Plan(chosen, owner, pair, node, fid_of_key[inverse.reshape(-1)], list(ids))
    return plans[round_number]


def _row_codes(fields: np.ndarray) -> np.ndarray:
    """Each row of the int matrix ``fields`` as a dense code (0 .. distinct rows - 1), equal
    exactly for equal rows.

    >>> _row_codes(np.array([[1, 5], [0, 5], [1, 5]])).tolist()
    [1, 0, 1]
    """
    if not fields.size:
        return np.zeros(len(fields), dtype=np.int64)
    # each column's values as dense codes, one sort each, then one number per row
    codes = [np.unique(col, return_inverse=True) for col in fields.T]
    key = lexsort_key([inverse.reshape(-1) for _, inverse in codes], [len(u) for u, _ in codes])
    if key is None:  # too many distinct rows for one int64: the rows themselves
        return np.unique(fields, axis=0, return_inverse=True)[1].reshape(-1).astype(np.int64)
    return np.unique(key, return_inverse=True)[1].reshape(-1).astype(np.int64)


def _rows(net: Network, plan: _Plan, to_delivery: tuple[bool, ...]) -> tuple:
    """(obs, node, fact id, split) of every item, given which facts the rules move to delivery.

    An observation's items are its distinct target nodes (the first fact of each), in the
    order they first appear; each weighs one over their number.
    """
    cache = _ROWS.setdefault(plan, {})
    if to_delivery in cache:
        return cache[to_delivery]
    pair, fid = plan.pair, plan.fid
    owner = plan.owner[pair]
    # a description moved to delivery lands on the owner's delivery node
    moved = np.asarray(to_delivery, dtype=bool)[fid] & (plan.node != owner) & (owner < net.n_initiatives)
    node = np.where(moved, owner, plan.node)
    keep = np.sort(np.unique(pair * (net.n_nodes + 1) + node, return_index=True)[1])
    items = pair[keep]
    split = 1.0 / np.bincount(items, minlength=plan.chosen.size)[items]
    cache[to_delivery] = (plan.chosen[items], node[keep], fid[keep], split.astype(float))
    return cache[to_delivery]


def evidence_items(net: Network, config: Config, round_number: int) -> EvidenceItems:
    """The evidence items of ``round_number``: counting observations plus the latest gaps.

    Indicators whose latest observation up to the round is a missing answer and
    that have no earlier informative one contribute that missing answer, so that
    the response model applies to it (neutral by default: LR 1). The likelihood
    rule runs once per distinct set of facts; what does not depend on the
    configuration is computed once per network and round.
    """
    plan = _plan(net, round_number)
    lks = [likelihood(f, config) for f in plan.facts]
    obs, node, fid, split = _rows(net, plan, tuple(lk.bears_on == "delivery" for lk in lks))
    if net.ind_count is not None:  # a grouped read: a row per group, its items are alike
        times = net.ind_count[net.obs_indicator[obs]]
        obs, node, fid, split = (np.repeat(a, times) for a in (obs, node, fid, split))
    rows = obs.size
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
    l1 = np.array([lk.l1 for lk in lks])[fid]
    l0 = np.array([lk.l0 for lk in lks])[fid]
    raw = np.log(l1) - np.log(l0)
    owner = net.ind_initiative[net.obs_indicator[obs]]
    group = owner * (net.n_nodes + 1) + node
    weight = split * _dependence_weights(group, np.abs(raw), raw > 0, config.dependence.rho, (split, l1, l0))
    informative = np.abs(raw) > 0
    fids = fid.tolist()

    def each(field: str) -> tuple[str, ...]:  # every item's word, looked up by its fact
        return tuple(map([getattr(lk, field) for lk in lks].__getitem__, fids))

    return EvidenceItems(obs, node, l1, l0, weight, each("rule"), each("basis"), each("source"), informative)


@dataclass(frozen=True, eq=False)
class EvidenceSums:
    """What a round's evidence puts on each theory node at one parameter point, without its items.

    ``log_l1`` and ``log_l0`` are the summed weighted log-likelihoods (what inference reads),
    ``in_favour`` and ``against`` the summed positive and negative weighted ln LR (what the
    verdict reads); each equals the same sum over :func:`evidence_items`' items.
    """

    log_l1: np.ndarray  # (n,) by flat theory node
    log_l0: np.ndarray
    in_favour: np.ndarray
    against: np.ndarray


@dataclass(frozen=True, eq=False)
class _Grouping:
    """The items of one row layout ordered by their dependence group, once for every point.

    What the points of intervals and sensitivity share: the groups, each item's place in
    the order it is discounted in (the items of a group are ranked within the group, so an
    item's group and its place's position never change, only which item is where), and the
    parts of the sort keys that follow from the rows alone.
    """

    by_group: np.ndarray  # item indices, stably ordered by group (then by item)
    block: np.ndarray  # (items,) each item's group as a dense index in that order
    ahead_fid: np.ndarray  # the fact id of each item, in ``by_group`` order
    place: np.ndarray  # in ``by_group`` order: each position's place within its group (0 first)
    base: np.ndarray | None  # int64 sort key of (group, larger split) in ``by_group`` order; None: too wide
    n_facts: int
    n_splits: int
    by_node: np.ndarray  # item indices, stably ordered by node
    fixed: np.ndarray  # (items,) dense code of (fact, split): items alike in both
    n_fixed: int
    most: int  # the largest place + 1


_GROUPINGS: weakref.WeakKeyDictionary[_Plan, dict[tuple[bool, ...], _Grouping]] = weakref.WeakKeyDictionary()


def _grouping(
    net: Network,
    plan: _Plan,
    to_delivery: tuple[bool, ...],
    obs: np.ndarray,
    node: np.ndarray,
    fid: np.ndarray,
    split: np.ndarray,
) -> _Grouping:
    cache = _GROUPINGS.setdefault(plan, {})
    if to_delivery not in cache:
        group = net.ind_initiative[net.obs_indicator[obs]] * (net.n_nodes + 1) + node
        by_group = np.argsort(group, kind="stable")
        g = group[by_group]
        start = np.ones(g.size, dtype=bool)
        start[1:] = g[1:] != g[:-1]
        block = np.empty(g.size, dtype=np.int64)
        block[by_group] = np.cumsum(start) - 1
        first = np.maximum.accumulate(np.where(start, np.arange(g.size), 0))
        place = np.arange(g.size) - first
        n_facts = len(plan.facts)
        split_rank = dense_ranks(-split)  # the larger split first
        n_splits = int(split_rank.max(initial=-1)) + 1
        blocks = int(block.max(initial=-1)) + 1
        # digits, least significant first: (l1, l0) tie, split, the fact's rank, group
        sizes = [n_facts, n_splits, n_facts, blocks]
        base = lexsort_key([0, split_rank[by_group], 0, block[by_group]], sizes)
        fixed = dense_ranks(split_rank, fid)
        cache[to_delivery] = _Grouping(
            by_group,
            block,
            fid[by_group],
            place,
            base,
            n_facts,
            n_splits,
            np.argsort(node, kind="stable"),
            fixed,
            int(fixed.max(initial=-1)) + 1,
            int(place.max(initial=-1)) + 1,
        )
    return cache[to_delivery]


_REPEATED: weakref.WeakKeyDictionary[_Plan, dict[tuple[bool, ...], tuple]] = weakref.WeakKeyDictionary()


def _repeated(net: Network, plan: _Plan, to_delivery: tuple[bool, ...], *rows: np.ndarray) -> tuple:
    """A grouped read's rows, each repeated for the indicators it stands for (as evidence_items)."""
    cache = _REPEATED.setdefault(plan, {})
    if to_delivery not in cache:
        times = net.ind_count[net.obs_indicator[rows[0]]]  # type: ignore[index]
        cache[to_delivery] = tuple(np.repeat(a, times) for a in rows)
    return cache[to_delivery]


_Kept = dict[tuple, dict[int, Likelihood]]  # per words of the configuration: fact id -> likelihood
_NO_EVIDENCE: weakref.WeakKeyDictionary[_Plan, _Kept] = weakref.WeakKeyDictionary()


def _likelihoods(plan: _Plan, config: Config) -> list[Likelihood]:
    """The likelihood of every fact of ``plan`` at ``config`` (the one rule, :func:`likelihood`).

    A fact whose rule makes it carry no evidence (``NO_EVIDENCE_RULES``: a restatement, a
    neutral non-response, no evidence kind, an expectation) reads no number of the
    configuration: which rule applies, and the pair (1, 1), follow from the facts and the
    configuration's words alone (the default basis and source, the response model). Those
    likelihoods are kept per plan and words; the many parameter points of intervals and
    sensitivity apply the rule to the other facts only.
    """
    words = (config.defaults, config.response.model)
    kept = _NO_EVIDENCE.setdefault(plan, {}).get(words)
    if kept is None:
        lks = [likelihood(f, config) for f in plan.facts]
        _NO_EVIDENCE[plan][words] = {i: lk for i, lk in enumerate(lks) if lk.rule in NO_EVIDENCE_RULES}
        return lks
    return [kept[i] if i in kept else likelihood(f, config) for i, f in enumerate(plan.facts)]


def evidence_sums(net: Network, config: Config, round_number: int) -> EvidenceSums:
    """Per theory node, the sums over :func:`evidence_items` at ``config``, vectorised.

    For the many parameter points of intervals and sensitivity: the items' order by
    dependence group is kept from the first call, and the likelihood rule runs once per
    distinct set of facts, so a point costs a few array passes over the items and no
    Python per item. The dependence discount ranks the items of each group exactly as
    :func:`evidence_items` does (the same order, ties included), and every sum adds its
    values in their order (:func:`node_sums`), so every sum is the same sum. The sorts are
    stable argsorts of one int64 key of dense ranks (:mod:`..ranks`): the permutations
    ``np.lexsort`` of the keys gives, for less.
    """
    n = net.n_nodes
    plan = _plan(net, round_number)
    lks = _likelihoods(plan, config)
    to_delivery = tuple([lk.bears_on == "delivery" for lk in lks])
    obs, node, fid, split = _rows(net, plan, to_delivery)
    if net.ind_count is not None:  # a grouped read: a row per group, its items are alike
        obs, node, fid, split = _repeated(net, plan, to_delivery, obs, node, fid, split)
    if not obs.size:
        zero = np.zeros(n)
        return EvidenceSums(zero, zero, zero, zero)
    l1f = np.array([lk.l1 for lk in lks])
    l0f = np.array([lk.l0 for lk in lks])
    ln1, ln0 = np.log(l1f), np.log(l0f)
    raw = ln1 - ln0
    # each fact's rank by (|ln LR| descending, supporting first): the keys _dependence_weights sorts by
    fact_rank = dense_ranks(~(raw > 0), -np.abs(raw))
    grouping = _grouping(net, plan, to_delivery, obs, node, fid, split)
    ahead, fa, facts = grouping.by_group, grouping.ahead_fid, grouping.n_facts
    # then ties by the larger split, l1 and l0, as _dependence_weights breaks them: one key over
    # (group, fact rank, split, l1, l0) whose stable sort is np.lexsort's permutation of them
    if grouping.base is not None:
        key = grouping.base + lexsort_key(
            [dense_ranks(-l0f, -l1f)[fa], 0, fact_rank[fa]], [facts, grouping.n_splits, facts]
        )
        order = ahead[np.argsort(key, kind="stable")]
    else:
        l1s, l0s = l1f[fa], l0f[fa]
        order = ahead[np.lexsort((-l0s, -l1s, -split[ahead], fact_rank[fa], grouping.block[ahead]))]
    # the order keeps every group where it was (the group is the first key): an item's
    # discount is rho to the power of its place within its group, at the same position
    discount = np.empty(order.size)
    discount[order] = config.dependence.rho ** grouping.place.astype(float)
    weight = split * discount
    log_l1 = weight * ln1[fid]
    log_l0 = weight * ln0[fid]
    lr = log_l1 - log_l0
    # Every sum is added in one order that does not follow the store's row order: by node,
    # then ln l1, then ln l0. Items equal in node, ln l1 and ln l0 are equal in all four values
    # (or differ in the sign of a zero, which no sum from +0 can see), so any order of them
    # gives the same bits, and the sums of a grouped read and of an item-by-item read are the
    # same to the bit (one sort for all four).
    at = _sum_order(grouping, node, log_l1, log_l0, order)
    node, log_l1, log_l0, lr = node[at], log_l1[at], log_l0[at], lr[at]
    return EvidenceSums(
        np.bincount(node, weights=log_l1, minlength=n),
        np.bincount(node, weights=log_l0, minlength=n),
        np.bincount(node, weights=np.maximum(lr, 0.0), minlength=n),
        np.bincount(node, weights=np.maximum(-lr, 0.0), minlength=n),
    )


def _sum_order(
    grouping: _Grouping, node: np.ndarray, log_l1: np.ndarray, log_l0: np.ndarray, order: np.ndarray
) -> np.ndarray:
    """A permutation of the items sorted by (node, ln l1, ln l0), as ``np.lexsort((log_l0, log_l1,
    node))`` but for the order of items equal in all three (each value compared as numbers).

    Items alike in fact, split and place within their group (``order`` puts them there) have
    the same weight and so the same values: the values are ranked once per such code, and the
    items sorted by (node, code's rank) with one stable argsort of nearly sorted keys.
    """
    size = node.size
    place = np.empty(size, dtype=np.int64)
    place[order] = grouping.place
    codes = grouping.fixed * grouping.most + place
    width = grouping.n_fixed * grouping.most
    if width <= 4 * size + 1024:
        present = np.zeros(width, dtype=bool)
        present[codes] = True
        distinct = np.flatnonzero(present)
        index = np.empty(width, dtype=np.int64)
        index[distinct] = np.arange(distinct.size)
        inverse = index[codes]
    else:
        distinct, inverse = np.unique(codes, return_inverse=True)
    one = np.empty(distinct.size, dtype=np.int64)
    one[inverse] = np.arange(size)  # an item of each code: all of them have its values
    ranked = np.empty(distinct.size, dtype=np.int64)
    ranked[np.lexsort((log_l0[one], log_l1[one]))] = np.arange(distinct.size)
    key = node[grouping.by_node] * distinct.size + ranked[inverse[grouping.by_node]]
    return grouping.by_node[np.argsort(key, kind="stable")]


def node_log_likelihoods(n_nodes: int, items: EvidenceItems) -> tuple[np.ndarray, np.ndarray]:
    """Summed weighted log-likelihoods per theory node: (ln L(H), ln L(not H))."""
    return node_sums(items.node, items.log_l1, n_nodes), node_sums(items.node, items.log_l0, n_nodes)
