"""The scoring pipeline: store → network → evidence → exact posteriors → result.

>>> from beleidstheorie.graph.load import load_theory
>>> result = score(load_theory(EXAMPLE))
>>> result.round
'meting-2025'
>>> [(m.key, m.verdict) for m in result.mechanisms]  # doctest: +NORMALIZE_WHITESPACE
[('signalering-door-buren', 'insufficient evidence'),
 ('laagdrempelige-ontmoeting', 'insufficient evidence'),
 ('wederkerigheid', 'insufficient evidence'),
 ('vaste-contacten', 'contested')]
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from beleidstheorie.graph.store import Store
from beleidstheorie.reasoning.analysis.intervals import DEFAULT_POINTS, Intervals, intervals
from beleidstheorie.reasoning.config import Config, load_config
from beleidstheorie.reasoning.evidence import EvidenceItems, evidence_items, node_log_likelihoods
from beleidstheorie.reasoning.inference import (
    Posterior,
    Structure,
    infer,
    infer_many,
    leave_one_out,
    structure,
)
from beleidstheorie.reasoning.model.from_network import contribution_weights, network_bayesnet
from beleidstheorie.reasoning.network import (
    KINDS,
    LEVELS,
    PROVENANCES,
    STATUSES,
    Network,
    read_network,
)
from beleidstheorie.reasoning.result import (
    CONTESTED,
    INSUFFICIENT,
    SUPPORTED,
    UNDECIDED,
    EvidenceItem,
    NodeScore,
    ScoreResult,
)

NOTE_UNTARGETED = "no-initiative"
NOTE_DELIVERY_ONLY = "delivery-only"
NOTE_WEAK_DIRECT = "weak-direct-evidence"
NOTE_NO_EVIDENCE = "no-usable-evidence"
NOTE_DIRECT_UNMEASURED = "direct-not-yet-measured"
NOTE_UPSTREAM_ONLY = "upstream-only"
NOTES = {
    NOTE_UNTARGETED: "no initiative targets this mechanism",
    NOTE_DELIVERY_ONLY: "initiatives deliver, but no indicator observes this mechanism directly",
    NOTE_WEAK_DIRECT: "the direct evidence on this node is too weak to judge",
    NOTE_NO_EVIDENCE: "no usable evidence reaches this mechanism",
    NOTE_DIRECT_UNMEASURED: "indicators observe this node, but none has a usable measurement yet",
    NOTE_UPSTREAM_ONLY: "what feeds this goal carries evidence, but no indicator observes the goal itself",
}
TOP_ITEMS = 5
FULL_IMPACT_NODES = 400  # up to this many nodes, impacts on initiatives are computed too

__all__ = ["contribution_weights"]  # re-exported for callers of the v1 location


def posteriors(net: Network, config: Config, log_l1: np.ndarray, log_l0: np.ndarray) -> np.ndarray:
    """Posterior of every node given summed evidence log-likelihoods (exact where the width allows)."""
    return infer(network_bayesnet(net, config), log_l1, log_l0).marginal


def impact_query(net: Network, extra: tuple[int, ...] = ()) -> np.ndarray:
    """The nodes whose every impact is computed: all of them for a small theory, else the goals
    and mechanisms (plus ``extra``); an initiative outside it gets only its own items' impacts."""
    if net.n_nodes <= FULL_IMPACT_NODES:
        return np.arange(net.n_nodes)
    return np.union1d(np.arange(net.mechanism_offset, net.n_nodes), np.asarray(extra, dtype=np.int64))


@dataclass(frozen=True, eq=False)
class Impacts:
    """Leave-one-out impacts: each item's effect on each query node and on its own node."""

    by_query: np.ndarray  # (items, q): score minus score without the item
    column: np.ndarray  # (n,) column of each node in ``by_query``, −1 when not a query node
    own: np.ndarray  # (items,) the effect on the item's own node
    node: np.ndarray  # (items,) the item's node

    def on(self, node: int) -> np.ndarray:
        """(items,) every item's impact on ``node`` (for a node outside the query: own items only)."""
        col = int(self.column[node])
        if col >= 0:
            return self.by_query[:, col]
        return np.where(self.node == node, self.own, 0.0)


def inference_structure(source: Store | object, config: Config | None = None) -> Structure:
    """The width of the theory's network and the inference method scoring will run.

    >>> from beleidstheorie.graph.load import load_theory
    >>> s = inference_structure(load_theory(EXAMPLE))
    >>> s.method, s.width
    ('exact-elimination', 2)
    """
    config = config or load_config()
    net = read_network(getattr(source, "store", source))  # type: ignore[arg-type]
    return structure(network_bayesnet(net, config), impact_query(net), joints=True)


def one_pass_impacts(net: Network, items: EvidenceItems, post: Posterior) -> Impacts:
    """How much each query node's score would drop without each item, from the joints.

    No inference per item: :func:`~beleidstheorie.reasoning.inference.leave_one_out` turns
    the joints P(X = 1, Y = 1 | e) of one pass into every item's effect on every query node.
    """
    i1, i0 = items.log_l1, items.log_l0
    q = post.query
    column = np.full(net.n_nodes, -1)
    column[q] = np.arange(q.size)
    if len(items.obs) == 0:
        return Impacts(np.zeros((0, q.size)), column, np.zeros(0), items.node)
    by_query = post.marginal[q][None, :] - leave_one_out(post, items.node, i1, i0)
    # an item's effect on its own node needs no joint: divide its likelihood out
    p = post.marginal[items.node]
    top = np.maximum(i1, i0)
    a, b = p * np.exp(top - i1), (1.0 - p) * np.exp(top - i0)
    return Impacts(by_query, column, p - a / (a + b), items.node)


def verdict(score: float, weight: float, config: Config, error: float = 0.0) -> str:
    """supported / contested / insufficient evidence / undecided (see docs/method.md).

    ``error`` is the approximation's bound on the score: when ``score ± error`` straddles
    the threshold the verdict is withheld as ``undecided`` (within the error).

    >>> cfg = load_config()
    >>> verdict(0.9, 2.0, cfg), verdict(0.5, 2.0, cfg), verdict(0.9, 0.0, cfg), verdict(0.71, 2.0, cfg, 0.02)
    ('supported', 'contested', 'insufficient evidence', 'undecided')
    """
    if weight < config.verdict.min_weight:
        return INSUFFICIENT
    if error > 0 and score - error < config.verdict.supported <= score + error:
        return UNDECIDED
    return SUPPORTED if score >= config.verdict.supported else CONTESTED


def direct_weights(net: Network, items: EvidenceItems) -> np.ndarray:
    """(n,) Σ |weighted ln LR| of the items on each node: the weight of its direct evidence."""
    return np.bincount(items.node, weights=np.abs(items.log_lr), minlength=net.n_nodes)


def node_verdicts(net: Network, config: Config, post: np.ndarray, error: np.ndarray, weight: np.ndarray):
    """The verdict of every node."""
    return [verdict(float(post[i]), float(weight[i]), config, float(error[i])) for i in range(net.n_nodes)]


def score_intervals(
    net: Network,
    config: Config,
    round_number: int,
    found: Posterior,
    items: EvidenceItems,
    *,
    points: int = DEFAULT_POINTS,
    shape: Structure | None = None,
) -> Intervals:
    """Every node's score over the joint parameter ranges (:mod:`..analysis.intervals`)."""
    shape = shape or structure(network_bayesnet(net, config))

    def at(configs: list[Config]):
        its = [evidence_items(net, cfg, round_number) for cfg in configs]
        pairs = [node_log_likelihoods(net, it) for it in its]
        posts = infer_many(
            [network_bayesnet(net, cfg) for cfg in configs],
            [p[0] for p in pairs],
            [p[1] for p in pairs],
            shape=shape,
        )
        return [
            (
                post.marginal,
                post.error_bound,
                node_verdicts(net, cfg, post.marginal, post.error_bound, direct_weights(net, it)),
            )
            for post, cfg, it in zip(posts, configs, its, strict=True)
        ]

    nominal = (
        found.marginal,
        found.error_bound,
        node_verdicts(net, config, found.marginal, found.error_bound, direct_weights(net, items)),
    )
    return intervals(config, at, nominal, points=points)


class _Assembler:
    def __init__(self, ev: Evaluation) -> None:
        self.ev = ev
        self.net, self.cfg, self.items = ev.net, ev.config, ev.items
        self.post, self.prior, self.impacts = ev.post, ev.prior, ev.impacts
        self.direct = direct_weights(ev.net, ev.items)
        self.error = ev.posterior.error_bound if ev.posterior is not None else np.zeros(ev.net.n_nodes)
        self.item_objs = [self._item(t) for t in range(len(ev.items.obs))]
        self.item_tuple = tuple(self.item_objs)
        self.by_node: dict[int, list[int]] = {}
        for t, node in enumerate(ev.items.node.tolist()):
            self.by_node.setdefault(node, []).append(t)

    def _item(self, t: int) -> EvidenceItem:
        net, it = self.net, self.items
        o, node = int(it.obs[t]), int(it.node[t])
        ind = int(net.obs_indicator[o])
        ini = int(net.ind_initiative[ind])
        se, alpha = float(it.se[t]), float(it.alpha[t])
        lr = se / alpha if it.present[t] else (1 - se) / (1 - alpha)
        impact = float(self.impacts.own[t]) if self.impacts is not None else None
        return EvidenceItem(
            observation=net.obs_id[o],
            indicator=net.ind_id[ind],
            indicator_label=net.ind_label[ind],
            initiative=net.nodes[ini].id,
            initiative_label=net.nodes[ini].label_nl,
            round=next(r.id for r in net.rounds if r.number == int(net.obs_round[o])),
            status=STATUSES[int(net.obs_status[o])],
            evidence_kind=KINDS[int(net.obs_kind[o])],
            level=LEVELS[int(net.ind_level[ind])],
            node=net.nodes[node].id,
            log_lr=float(it.log_lr[t]),
            weight=float(it.weight[t]),
            likelihood_ratio=float(lr),
            impact=impact,
            path=(net.ind_label[ind], net.nodes[node].label_nl),
            text=net.obs_text[o],
            section=net.obs_section[o],
            page=net.obs_page[o],
        )

    def _interval(self, i: int) -> tuple[float, float] | None:
        iv = self.ev.intervals
        return None if iv is None else (float(iv.low[i]), float(iv.high[i]))

    def related_items(self, node: int, members: set[int]) -> list[int]:
        """Items on the node itself or on the nodes that feed it."""
        return sorted(t for n in members | {node} for t in self.by_node.get(n, ()))

    def top(self, node: int, candidates: list[int]) -> tuple[EvidenceItem, ...]:
        return ranked_items(self.ev, self.item_tuple, node, candidates, TOP_ITEMS)

    def node_score(self, i: int, members: set[int], **extra) -> NodeScore:
        net = self.net
        info = net.nodes[i]
        related = self.related_items(i, members)
        indicators = {int(net.obs_indicator[self.items.obs[t]]) for t in related}
        found = [LEVELS[int(net.ind_level[ind])] for ind in indicators]
        levels = {lv: found.count(lv) for lv in LEVELS if lv in found}
        direct = {int(net.obs_indicator[self.items.obs[t]]) for t in related if int(self.items.node[t]) == i}
        score = float(self.post[i])
        return NodeScore(
            id=info.iri,
            key=info.id,
            kind=info.kind,
            label=info.label_nl,
            label_en=info.label_en,
            score=score,
            prior=float(self.prior[i]),
            evidence_weight=float(self.direct[i]),
            upstream_weight=float(sum(self.direct[m] for m in members)),
            verdict=verdict(score, float(self.direct[i]), self.cfg, float(self.error[i])),
            interval=self._interval(i),
            robust=bool(self.ev.intervals.robust[i]) if self.ev.intervals is not None else None,
            indicators=len(indicators),
            direct_indicators=len(direct),
            indicators_by_level=levels,
            contributions=self.top(i, related),
            **extra,
        )


@dataclass(frozen=True, eq=False)
class Evaluation:
    """The arrays of one scoring run, before they become a :class:`ScoreResult`."""

    net: Network
    config: Config
    round_number: int
    items: EvidenceItems
    post: np.ndarray
    prior: np.ndarray
    impacts: Impacts | None  # leave-one-out impacts
    posterior: Posterior | None = None  # how the posteriors were computed (method, width, error)
    intervals: Intervals | None = None  # scores over the parameter ranges
    shape: Structure | None = None  # the inference plan of the network's shape, for reuse


def evaluate(
    source: Store | object,
    config: Config | None = None,
    round: str | int | None = None,
    *,
    explain: bool | None = None,
    network: Network | None = None,
    extra: tuple[int, ...] = (),
) -> Evaluation:
    """Read the network, weigh the evidence of ``round`` and infer every posterior."""
    config = config or load_config()
    net = network if network is not None else read_network(getattr(source, "store", source))  # type: ignore[arg-type]
    rnd = net.round_number(round)
    items = evidence_items(net, config, rnd)
    l1, l0 = node_log_likelihoods(net, items)
    bn = network_bayesnet(net, config)
    explain = True if explain is None else explain
    query = impact_query(net, extra)
    shape = structure(bn, query, joints=True)
    found = infer(bn, l1, l0, query=query, joints=explain, shape=shape)
    post = found.marginal
    zeros = np.zeros(net.n_nodes)
    prior = infer(bn, zeros, zeros, query=query, shape=shape).marginal
    impacts = one_pass_impacts(net, items, found) if explain else None
    return Evaluation(net, config, rnd, items, post, prior, impacts, found, shape=shape)


def score(
    source: Store | object,
    config: Config | None = None,
    round: str | int | None = None,
    *,
    explain: bool | None = None,
    intervals: bool = True,
) -> ScoreResult:
    """Score every mechanism, sub-goal and the main goal of a theory.

    ``source`` is a loaded :class:`~beleidstheorie.graph.load.Theory` or any
    :class:`~beleidstheorie.graph.store.Store`; ``round`` names the measurement
    round (default: the latest). ``explain`` (default on) computes each item's
    leave-one-out impact on every score, from the joints of the same inference pass.
    ``intervals`` adds each score's range over the joint parameter ranges and whether
    its verdict is robust.
    """
    ev = evaluate(source, config, round, explain=explain)
    if intervals:
        iv = score_intervals(ev.net, ev.config, ev.round_number, ev.posterior, ev.items, shape=ev.shape)
        ev = replace(ev, intervals=iv)
    return assemble(ev)


def ranked_items(
    ev: Evaluation,
    items: tuple[EvidenceItem, ...],
    node: int,
    candidates: list[int] | None = None,
    limit: int | None = None,
) -> tuple[EvidenceItem, ...]:
    """The evidence items that move ``node``, largest effect first, with their path to it.

    With leave-one-out impacts every item that changes the node counts, ranked by
    |impact|; without them the ``candidates`` are ranked by |weighted ln LR|.
    """
    info = ev.net.nodes[node]
    on = None
    if ev.impacts is not None and ev.impacts.column[node] >= 0:
        on = ev.impacts.on(node)
    elif ev.impacts is not None:  # outside the query: only the node's own items move it
        own = [t for t in candidates or [] if int(ev.items.node[t]) == node]
        order = sorted(own, key=lambda t: (-abs(ev.impacts.own[t]), t))
        return tuple(replace(items[t], impact=float(ev.impacts.own[t])) for t in order[:limit])
    if on is not None:
        moving = np.flatnonzero(np.abs(on) > 1e-12)
        order = moving[np.lexsort((moving, -np.abs(on[moving])))].tolist()
    else:
        order = sorted(candidates or [], key=lambda t: (-abs(ev.items.log_lr[t]), t))
    out = []
    for t in order[:limit]:
        base = items[t]
        path = base.path if base.node == info.id else (*base.path, info.label_nl)
        impact = float(on[t]) if on is not None else base.impact
        out.append(replace(base, impact=impact, path=path))
    return tuple(out)


def assemble(ev: Evaluation) -> ScoreResult:
    """Turn arrays into the frozen :class:`ScoreResult`.

    Every node is judged by the same rule: its verdict rests on the evidence that bears
    on the node itself (``evidence_weight``); the evidence on the nodes that feed it
    (``upstream_weight``) moves its score but cannot make it ``supported`` on its own.
    """
    a = _Assembler(ev)
    net, config, rnd = ev.net, ev.config, ev.round_number
    n, mo, so = net.n_initiatives, net.mechanism_offset, net.subgoal_offset
    contributors: dict[int, list[int]] = {j: [] for j in range(net.n_mechanisms)}
    for c in range(net.con_init.size):
        contributors[int(net.con_mech[c])].append(c)
    observed = set(net.tgt_node.tolist())

    def note(node: int, members: set[int], kind: str) -> str:
        weight = a.direct[node]
        if weight >= config.verdict.min_weight:
            return ""
        if kind == "mechanism" and not members:
            return NOTE_UNTARGETED
        if node in observed:
            return NOTE_WEAK_DIRECT if weight > 0 else NOTE_DIRECT_UNMEASURED
        if sum(a.direct[m] for m in members) >= config.verdict.min_weight:
            return NOTE_DELIVERY_ONLY if kind == "mechanism" else NOTE_UPSTREAM_ONLY
        return NOTE_NO_EVIDENCE

    def provenance_count(cons: list[int], which: str) -> int:
        return sum(1 for c in cons if PROVENANCES[int(net.con_provenance[c])] == which)

    mechanisms = []
    for j in range(net.n_mechanisms):
        cons = contributors[j]
        inits = {int(net.con_init[c]) for c in cons}
        mechanisms.append(
            a.node_score(
                mo + j,
                inits,
                subgoal=net.nodes[so + int(net.mech_subgoal[j])].iri,
                initiatives=len(inits),
                initiatives_stated=provenance_count(cons, "stated"),
                initiatives_inferred=provenance_count(cons, "inferred"),
                note=note(mo + j, inits, "mechanism"),
            )
        )
    subgoals = []
    for k in range(net.n_subgoals):
        mechs = [j for j in range(net.n_mechanisms) if int(net.mech_subgoal[j]) == k]
        inits = {int(net.con_init[c]) for j in mechs for c in contributors[j]}
        members = {mo + j for j in mechs} | inits
        subgoals.append(
            a.node_score(so + k, members, initiatives=len(inits), note=note(so + k, members, "subgoal"))
        )
    g = net.main_goal_index
    everything = set(range(g))
    main = a.node_score(g, everything, initiatives=n, note=note(g, everything, "main_goal"))
    initiatives = tuple(a.node_score(i, set(), initiatives=1) for i in range(n))
    round_info = next(r for r in net.rounds if r.number == rnd)
    return ScoreResult(
        theory=net.theory,
        theory_label=net.theory_label,
        round=round_info.id,
        round_label=round_info.label,
        config_version=config.version,
        main_goal=main,
        subgoals=tuple(subgoals),
        mechanisms=tuple(mechanisms),
        initiatives=initiatives,
        items=tuple(a.item_objs),
    )
