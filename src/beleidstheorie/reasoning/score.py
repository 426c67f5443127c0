"""The scoring pipeline: store → network → model (evidence, priors) → posteriors → result.

>>> from beleidstheorie.graph.load import load_theory
>>> result = score(load_theory(EXAMPLE))
>>> result.round
'meting-2025'
>>> [(m.key, m.verdict) for m in result.mechanisms]  # doctest: +NORMALIZE_WHITESPACE
[('signalering-door-buren', 'insufficient'),
 ('laagdrempelige-ontmoeting', 'insufficient'),
 ('wederkerigheid', 'insufficient'),
 ('vaste-contacten', 'insufficient')]
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, fields, replace

import numpy as np

from beleidstheorie.collector import paused
from beleidstheorie.graph.store import Store
from beleidstheorie.reasoning.analysis.impacts import Impacts, one_pass_impacts
from beleidstheorie.reasoning.analysis.intervals import DEFAULT_POINTS, Intervals
from beleidstheorie.reasoning.analysis.intervals import intervals as run_intervals
from beleidstheorie.reasoning.config import Config, load_config
from beleidstheorie.reasoning.evidence import EvidenceItems, node_sums
from beleidstheorie.reasoning.inference import (
    Posterior,
    Structure,
    infer,
    infer_many,
    structure,
)
from beleidstheorie.reasoning.model.build import Model, build_model
from beleidstheorie.reasoning.model.points import ModelPoint, evidence_at, model_points
from beleidstheorie.reasoning.network import (
    KINDS,
    LEVELS,
    PROVENANCES,
    ROLES,
    STATUSES,
    STRENGTHS,
    Network,
    read_evidence_groups,
    read_network,
)
from beleidstheorie.reasoning.result import ContextLink, EvidenceItem, NodeScore, ScoreResult
from beleidstheorie.reasoning.verdict import (
    INSUFFICIENT,
    Coverage,
    DirectEvidence,
    reads_posterior,
    verdict,
    verdicts,
)

NOTE_UNTARGETED = "no-initiative"
NOTE_DELIVERY_ONLY = "delivery-only"
NOTE_WEAK_DIRECT = "weak-direct-evidence"
NOTE_CANCELS = "evidence-cancels"
NOTE_NO_EVIDENCE = "no-usable-evidence"
NOTE_DIRECT_UNMEASURED = "direct-not-yet-measured"
NOTE_UPSTREAM_ONLY = "upstream-only"
NOTE_MINORITY = "minority"
NOTES = {
    NOTE_UNTARGETED: "no initiative targets this mechanism",
    NOTE_DELIVERY_ONLY: "initiatives deliver, but no indicator observes this mechanism directly",
    NOTE_WEAK_DIRECT: "the direct evidence on this node is too weak to judge",
    NOTE_CANCELS: "the direct evidence for and against this node cancels out",
    NOTE_NO_EVIDENCE: "no usable evidence reaches this node",
    NOTE_DIRECT_UNMEASURED: "indicators observe this node, but none has an informative measurement yet",
    NOTE_UPSTREAM_ONLY: "what feeds this goal carries evidence, but no indicator observes the goal itself",
    NOTE_MINORITY: "the verdict rests on a minority of the initiatives that target the node",
}
TOP_ITEMS = 5
FULL_IMPACT_NODES = 400  # up to this many nodes, impacts on every node are computed
# A sampled parameter point of the intervals stops at this error bound (the nominal scores
# at the engine's 0.005); the interval is widened by each point's own bound, so it still
# holds every point's exact posterior within the bound (docs/method.md, "Intervals")
INTERVAL_TOLERANCE = 0.02


@dataclass(frozen=True, eq=False)
class Evaluation:
    """The arrays of one scoring run, before they become a :class:`ScoreResult`.

    ``post``, ``prior`` and the nodes of ``impacts`` are indexed by theory node
    (the flat index of the :class:`Network`); ``bn_post`` and ``bn_prior`` by
    BayesNet node (including the auxiliary paths and rival nodes).
    """

    net: Network
    config: Config
    round_number: int
    model: Model
    items: EvidenceItems
    post: np.ndarray
    prior: np.ndarray
    impacts: Impacts | None  # leave-one-out impacts of the items on the theory nodes
    bn_post: np.ndarray
    bn_prior: np.ndarray
    posterior: Posterior | None = None  # how the posteriors were computed (method, width, error)
    intervals: Intervals | None = None  # theory-node scores over the parameter ranges
    shape: Structure | None = None  # the inference plan of the network's shape, for reuse
    query: np.ndarray | None = None  # BayesNet nodes whose joints were computed

    @property
    def error(self) -> np.ndarray:
        """(theory nodes,) the approximation's error bound on each score (0 where exact)."""
        if self.posterior is None:
            return np.zeros(self.net.n_nodes)
        return self.posterior.error_bound[self.model.theory_node]


def evaluate(
    source: Store | object,
    config: Config | None = None,
    round: str | int | None = None,
    *,
    explain: bool | None = None,
    network: Network | None = None,
    extra: tuple[int, ...] = (),
    budget: int | None = None,
) -> Evaluation:
    """Read the network, build the model of ``round`` and infer every posterior.

    ``extra`` names theory nodes whose impacts must be computed on a network too
    large for impacts on every node. ``budget`` is the exact engine's (default
    :data:`~..inference.engine.DEFAULT_BUDGET`); beyond it every posterior is sampled.
    When sampled, impacts are computed on the nodes verdicts are given for (mechanisms,
    sub-goals, main goal, context factors; and ``extra``) and on each item's own node:
    every further column of joints is one more pass over all the samples, while every
    queried posterior still reaches the tolerance.
    """
    config = config or load_config()
    net = network if network is not None else read_network(getattr(source, "store", source))  # type: ignore[arg-type]
    rnd = net.round_number(round)
    model = build_model(net, config, rnd)
    explain = True if explain is None else explain
    n = model.n_nodes
    # the nodes verdicts and `next` are about: mechanisms, sub-goals, main goal, context factors
    decided = _union(
        model.theory_node[net.mechanism_offset :], model.theory_node[np.asarray(extra, dtype=np.int64)]
    )
    query = np.arange(n) if n <= FULL_IMPACT_NODES else decided
    shape = structure(model.net, query, joints=True, budget=budget)
    columns = None
    if shape.plan is None:
        columns = decided
        query = _union(query, model.theory_node)  # every score shown reaches the tolerance
    found = infer(
        model.net, model.log_l1, model.log_l0, query=query, joints=explain, shape=shape, columns=columns
    )
    bn_prior = _prior(model, query, shape)
    impacts = one_pass_impacts(model, found) if explain else None
    tn = model.theory_node
    return Evaluation(
        net,
        config,
        rnd,
        model,
        model.items,
        found.marginal[tn],
        bn_prior[tn],
        impacts,
        found.marginal,
        bn_prior,
        found,
        shape=shape,
        query=query,
    )


def _union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Sorted distinct entries of both: np.union1d, which in numpy 2.x imports numpy.ma."""
    return np.unique(np.concatenate([a, b]).astype(np.int64), return_index=True)[0]


_sampled_prior: list[tuple[bytes, np.ndarray]] = []  # the last sampled prior and what it was computed from


def _prior(model: Model, query: np.ndarray, shape: Structure) -> np.ndarray:
    """P(X = 1) of every node without evidence.

    Exact inference computes it afresh (cheap). A sampled prior is remembered for the next
    call on the same network numbers and query — it depends on no round's evidence, and the
    sampler is deterministic (seed 0), so this is exactly what sampling again would return:
    the page, which scores every round of one theory, samples it once.
    """
    zeros = np.zeros(model.n_nodes)
    if shape.plan is not None:
        return infer(model.net, zeros, zeros, query=query, shape=shape).marginal
    net = model.net
    key = b"|".join(
        np.ascontiguousarray(a).tobytes()
        for a in (net.gate, net.base, net.edge_parent, net.edge_child, net.edge_strength,
                  net.edge_condition, net.edge_strength_off, query)
    )  # fmt: skip
    if not _sampled_prior or _sampled_prior[0][0] != key:
        _sampled_prior[:] = [(key, infer(net, zeros, zeros, query=query, shape=shape).marginal)]
    return _sampled_prior[0][1].copy()


def inference_structure(source: Store | object, config: Config | None = None) -> Structure:
    """The width of the theory's network and the inference method scoring will run.

    >>> from beleidstheorie.graph.load import load_theory
    >>> inference_structure(load_theory(EXAMPLE)).method
    'exact-elimination'
    """
    config = config or load_config()
    net = read_network(getattr(source, "store", source))  # type: ignore[arg-type]
    model = build_model(net, config, net.round_number(None))
    return structure(model.net, np.arange(model.n_nodes), joints=True)


def theory_verdicts(
    net: Network, items: EvidenceItems, post: np.ndarray, error: np.ndarray, config: Config
) -> list[str]:
    """The verdict of every theory node (the one rule of :mod:`..verdict`), with error bounds."""
    pos, neg = _direct_sums(items, net.n_nodes)
    return verdicts(pos, neg, post, error, config)


def score_intervals(ev: Evaluation, *, points: int = DEFAULT_POINTS) -> Intervals:
    """Every theory node's score over the joint parameter ranges (:mod:`..analysis.intervals`).

    Each parameter point rebuilds the model (likelihoods and calibrated priors follow the
    parameters) on the same network shape, so one inference plan serves all points.
    """
    net = ev.net

    def at(configs: list[Config]):
        return score_configs(ev, configs)

    nominal = (ev.post, ev.error, theory_verdicts(net, ev.items, ev.post, ev.error, ev.config))
    return run_intervals(ev.config, at, nominal, points=points)


def score_configs(ev: Evaluation, configs: list[Config]) -> list[tuple[np.ndarray, np.ndarray, list[str]]]:
    """(posteriors, error bounds, verdicts) of every theory node of ``ev``'s network at each config.

    Only numbers change between configurations (likelihoods, calibrated priors), never the
    network's shape: the models' numbers come from one structure (:func:`.model.points.model_points`)
    and ``ev``'s inference plan serves them all in one batched pass.
    """
    if not configs:
        return []
    net, rnd = ev.net, ev.round_number
    rebuilt = [i for i, cfg in enumerate(configs) if _moves_model(cfg, ev.config)]
    pos, neg = direct_evidence(ev)
    m0 = ev.model
    models = [ModelPoint(m0.net, m0.log_l1, m0.log_l0, m0.theory_node, pos, neg)] * len(configs)
    for i, point in zip(rebuilt, model_points(net, [configs[i] for i in rebuilt], rnd), strict=True):
        models[i] = point  # built side by side: each node calibrated at every point in one batch
    # A parameter that moves only verdicts (a threshold) leaves the numbers as they were:
    # models with equal numbers share one inference, and the nominal model's is known.
    keys = [_numbers(m) for m in models]
    by_key: dict[bytes, Posterior] = {}
    known = ev.posterior
    every_node = ev.query is not None and len(ev.query) == ev.model.n_nodes
    if known is not None and every_node and not np.any(known.error_bound):
        by_key[_numbers(m0)] = known  # exact, every node queried: what infer_many would give
    distinct = [i for i, k in enumerate(keys) if k not in by_key and k not in keys[:i]]
    if distinct:
        found = infer_many(
            [models[i].net for i in distinct],
            [models[i].log_l1 for i in distinct],
            [models[i].log_l0 for i in distinct],
            shape=ev.shape,
            query=ev.model.theory_node,  # a sampled point need reach the tolerance on its scores only
            tolerance=INTERVAL_TOLERANCE,
        )
        by_key.update((keys[i], post) for i, post in zip(distinct, found, strict=True))
    posts = [by_key[k] for k in keys]
    out = []
    for post, cfg, m in zip(posts, configs, models, strict=True):
        p, err = post.marginal[m.theory_node], post.error_bound[m.theory_node]
        out.append((p, err, verdicts(m.in_favour, m.against, p, err, cfg)))
    return out


def score_verdicts(ev: Evaluation, configs: list[Config], asked: list[np.ndarray]) -> list[list[str]]:
    """The verdicts of the theory nodes ``asked[k]`` at ``configs[k]``, as :func:`score_configs`
    gives them, with inference only where one of those verdicts reads a posterior.

    A node's posterior decides its verdict only when its own evidence is strong
    (:func:`~.verdict.reads_posterior`); a point at which no asked node's is, is judged on
    its evidence sums alone (no network built, nothing inferred). The other points go
    through :func:`score_configs`.

    >>> from beleidstheorie.graph.load import load_theory
    >>> from beleidstheorie.reasoning.network import read_network
    >>> net = read_network(load_theory(EXAMPLE).store)
    >>> ev = evaluate(None, load_config(), 2, explain=False, network=net)
    >>> cfg = ev.config.replace({"dependence.rho": 0.5})
    >>> nodes = np.arange(net.mechanism_offset, net.main_goal_index + 1)
    >>> score_verdicts(ev, [cfg], [nodes]) == [[score_configs(ev, [cfg])[0][2][i] for i in nodes]]
    True
    """
    moved = [i for i, cfg in enumerate(configs) if _moves_model(cfg, ev.config)]
    own = [direct_evidence(ev)] * len(configs)  # what score_configs judges each point's nodes by
    for i, e in zip(moved, evidence_at(ev.net, [configs[i] for i in moved], ev.round_number), strict=True):
        own[i] = (e.in_favour, e.against)
    out: list[list[str] | None] = [None] * len(configs)
    inferred = []
    for k, (cfg, nodes, (f, a)) in enumerate(zip(configs, asked, own, strict=True)):
        if reads_posterior(f[nodes], a[nodes], cfg).any():
            inferred.append(k)
        else:
            unread = np.zeros(len(nodes))  # neither posterior nor error bound enters these verdicts
            out[k] = verdicts(f[nodes], a[nodes], unread, unread, cfg)
    for k, (_, _, every) in zip(inferred, score_configs(ev, [configs[k] for k in inferred]), strict=True):
        out[k] = [every[i] for i in asked[k]]
    return out  # type: ignore[return-value]


_MODEL_SECTIONS = tuple(f.name for f in fields(Config) if f.name not in ("verdict", "sensitivity"))
"""The sections of a configuration the model may read: the verdict thresholds (and sensitivity's
own settings) never enter it."""


def _moves_model(config: Config, nominal: Config) -> bool:
    """Whether ``config`` differs from ``nominal`` in a section the model may read.

    >>> cfg = load_config()
    >>> _moves_model(cfg.replace({"verdict.support": 2.0}), cfg)
    False
    >>> _moves_model(cfg.replace({"link.strong": 0.6}), cfg)
    True
    """
    # sections a one-parameter move leaves are the same objects: `is` settles most at once
    return any(
        (a := getattr(config, name)) is not (b := getattr(nominal, name)) and a != b
        for name in _MODEL_SECTIONS
    )


def _numbers(model: Model | ModelPoint) -> bytes:
    """Every number inference reads from ``model``: equal bytes, equal posteriors."""
    n = model.net
    return b"|".join(
        a.tobytes() for a in (n.base, n.edge_strength, n.edge_strength_off, model.log_l1, model.log_l0)
    )


def score(
    source: Store | object,
    config: Config | None = None,
    round: str | int | None = None,
    *,
    explain: bool | None = None,
    intervals: bool = True,
    items: bool = True,
    network: Network | None = None,
) -> ScoreResult:
    """Score every mechanism, sub-goal, the main goal and every context factor of a theory.

    ``source`` is a loaded :class:`~beleidstheorie.graph.load.Theory` or any
    :class:`~beleidstheorie.graph.store.Store`; ``round`` names the measurement
    round (default: the latest). ``explain`` (default on) computes each item's
    leave-one-out impact on every score, from the joints of the same inference pass.
    ``intervals`` adds each score's range over the joint parameter ranges and whether
    its verdict is robust. ``items=False`` reads the evidence as groups counted by the
    store (:func:`~beleidstheorie.reasoning.network.read_evidence_groups`): the same
    scores, verdicts and counts, without the items (``items`` and every node's
    ``contributions`` are empty) and without their impacts. ``network`` is the theory's
    (:func:`~beleidstheorie.reasoning.network.read_network` of ``source``) when the caller
    has read it already; a grouped read reads its own.
    """
    with paused():  # reads and engine make many objects and no cycles (beleidstheorie.collector)
        if items:
            ev = evaluate(source, config, round, explain=explain, network=network)
        else:
            net = read_evidence_groups(getattr(source, "store", source), round)  # type: ignore[arg-type]
            ev = evaluate(source, config, round, explain=False, network=net)
        if intervals:
            ev = replace(ev, intervals=score_intervals(ev))
        return assemble(ev)


def direct_evidence(ev: Evaluation) -> tuple[np.ndarray, np.ndarray]:
    """Per theory node: weighted ln LR of its own evidence in favour and against (both ≥ 0)."""
    return _direct_sums(ev.items, ev.net.n_nodes)


_DIRECT: weakref.WeakKeyDictionary[EvidenceItems, tuple[int, np.ndarray, np.ndarray]] = (
    weakref.WeakKeyDictionary()
)


def _direct_sums(items: EvidenceItems, n: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`direct_evidence` of ``items`` over ``n`` nodes, summed once per items (the
    verdicts of the nominal point, every interval point and assembling all read them);
    read-only."""
    kept = _DIRECT.get(items)
    if kept is None or kept[0] != n:
        lr = items.log_lr
        pos, neg = (
            node_sums(items.node, np.maximum(lr, 0.0), n),
            node_sums(items.node, np.maximum(-lr, 0.0), n),
        )
        pos.flags.writeable = neg.flags.writeable = False
        kept = _DIRECT[items] = (n, pos, neg)
    return kept[1], kept[2]


def verdicts_of(ev: Evaluation, nodes: list[int]) -> list[str]:
    """The verdict of each theory node in ``nodes`` (the one rule, :func:`verdict.verdict`)."""
    every = theory_verdicts(ev.net, ev.items, ev.post, ev.error, ev.config)
    return [every[i] for i in nodes]


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
    impact_of: dict[int, float] = {}
    bound = None
    if ev.impacts is not None:
        which, column = ev.impacts.moved(node)  # a node without a column: only its own items
        within = which < len(items)
        which, column = which[within], column[within]
        size = np.abs(column)
        hit = np.flatnonzero(size > 1e-12)
        ranked = hit[np.lexsort((which[hit], -size[hit]))]  # largest first, ties by item
        order = which[ranked].tolist()
        impact_of = dict(zip(order, column[ranked].tolist(), strict=True))
        bound = ev.impacts.column_error(node)  # None where exact
    else:
        log_lr = ev.items.log_lr
        order = sorted(candidates or [], key=lambda t: (-abs(log_lr[t]), t))
    out = []
    for t in order[:limit]:
        base = items[t]
        path = base.path if base.node == info.id else (*base.path, info.label_nl)
        impact = impact_of[t] if ev.impacts is not None else base.impact
        error = None if ev.impacts is None or bound is None else float(bound[t])
        out.append(replace(base, impact=impact, path=path, impact_error=error))
    return tuple(out)


class _Assembler:
    def __init__(self, ev: Evaluation) -> None:
        self.ev = ev
        self.net, self.cfg, self.items = ev.net, ev.config, ev.items
        self.pos, self.neg = direct_evidence(ev)
        self.weight = node_sums(ev.items.node, np.abs(ev.items.log_lr), ev.net.n_nodes)
        self._lr = (ev.items.log_lr, ev.items.raw_lr)
        self.error = ev.error  # (theory nodes,), computed once
        self._round_ids = {r.number: r.id for r in ev.net.rounds}
        self.grouped = ev.net.grouped_round is not None  # no item identities to list
        self.item_objs = () if self.grouped else tuple(self._item(t) for t in range(len(ev.items)))
        self.counts = ev.net.indicator_counts()
        # per node, as slices of arrays sorted by node (no Python per item): its items, the
        # distinct indicator rows of its items, and the initiatives that own them (all, informative)
        net, node, n = ev.net, ev.items.node, ev.net.n_nodes
        self._item_order = np.argsort(node, kind="stable")
        self._item_start = np.searchsorted(node[self._item_order], np.arange(n + 1))
        self._item_indicator = net.obs_indicator[ev.items.obs]
        self._indicators = _by_node(node, self._item_indicator, n, len(net.ind_id))
        rows, start = self._indicators
        of_row = np.repeat(np.arange(n), np.diff(start))
        self._own_total = np.zeros(n, dtype=np.int64)  # what indicator_counts gives a node alone
        np.add.at(self._own_total, of_row, self.counts[rows])
        self._own_levels = np.zeros((n, len(LEVELS)), dtype=np.int64)
        np.add.at(self._own_levels, (of_row, net.ind_level[rows]), self.counts[rows])
        owner = net.ind_initiative[self._item_indicator]
        owned = owner < net.n_initiatives
        self._owners = _by_node(node[owned], owner[owned], n, n)
        owned &= ev.items.informative
        self._informative = _by_node(node[owned], owner[owned], n, n)
        self._roles: dict[int, list[int]] = {}  # target node -> its context roles, in role order
        for r, target in enumerate(ev.net.role_target.tolist()):
            self._roles.setdefault(int(target), []).append(r)

    def _item(self, t: int) -> EvidenceItem:
        net, it = self.net, self.items
        o, node = int(it.obs[t]), int(it.node[t])
        ind = int(net.obs_indicator[o])
        owner = int(net.ind_initiative[ind])
        impact = self.ev.impacts.at(t, node) if self.ev.impacts is not None else None
        impact_error = self.ev.impacts.error_at(t, node) if self.ev.impacts is not None else None
        log_lr, raw_lr = self._lr
        return EvidenceItem(
            observation=net.obs_id[o],
            indicator=net.ind_id[ind],
            indicator_label=net.ind_label[ind],
            initiative=net.nodes[owner].id,
            initiative_label=net.nodes[owner].label_nl,
            round=self._round_ids[int(net.obs_round[o])],
            status=STATUSES[int(net.obs_status[o])],
            evidence_kind=KINDS[int(net.obs_kind[o])],
            level=LEVELS[int(net.ind_level[ind])],
            node=net.nodes[node].id,
            log_lr=float(log_lr[t]),
            weight=float(it.weight[t]),
            likelihood_ratio=float(raw_lr[t]),
            impact=impact,
            path=(net.ind_label[ind], net.nodes[node].label_nl),
            text=net.obs_text[o],
            section=net.obs_section[o],
            page=net.obs_page[o],
            rule=it.rule[t],
            basis=it.basis[t],
            source=it.source[t],
            informative=bool(it.informative[t]),
            impact_error=impact_error,
        )

    def on(self, node: int) -> np.ndarray:
        """The items on ``node`` itself, ascending."""
        return self._item_order[self._item_start[node] : self._item_start[node + 1]]

    def related_items(self, node: int, members: set[int]) -> np.ndarray:
        """Items on the node itself or on the nodes that feed it, ascending."""
        if not members:
            return self.on(node)
        inside = np.zeros(self.net.n_nodes, dtype=bool)
        inside[np.fromiter(members | {node}, dtype=np.int64)] = True
        return np.flatnonzero(inside[self.items.node])

    def indicator_counts(self, node: int, members: set[int]) -> tuple[int, np.ndarray]:
        """How many indicators the distinct indicator rows of the items on ``node`` and on
        ``members`` stand for: in all, and per level (in the order of LEVELS)."""
        if not members:
            return int(self._own_total[node]), self._own_levels[node]
        rows = self._item_indicator[self.related_items(node, members)]
        rows = np.unique(rows, return_index=True)[0]  # return_index: np.unique would import numpy.ma
        counts = self.counts[rows]
        per_level = np.zeros(len(LEVELS), dtype=np.int64)
        np.add.at(per_level, self.net.ind_level[rows], counts)
        return int(counts.sum()), per_level

    def coverage(self, node: int, targeting: set[int]) -> Coverage:
        """Initiatives that target ``node`` (by the theory or by an indicator on it), and how
        many of them gave an informative answer on it."""
        (owners, at), (_, at_informative) = self._owners, self._informative
        targeted = targeting.union(owners[at[node] : at[node + 1]].tolist())
        return Coverage(len(targeted), int(at_informative[node + 1] - at_informative[node]))

    def upstream_weight(self, members: set[int]) -> float:
        """The evidence weight of the nodes that feed a node, added one by one in the order
        of ``members`` (a cumulative sum adds in order, as ``sum`` of the weights did)."""
        if not members:
            return 0.0
        return float(np.cumsum(self.weight[np.fromiter(members, dtype=np.int64, count=len(members))])[-1])

    def context_links(self, node: int) -> tuple[ContextLink, ...]:
        net, ev, model = self.net, self.ev, self.ev.model
        bn = int(model.theory_node[node])
        routes = dict(model.rival_routes.get(bn, ()))
        out = []
        for r in self._roles.get(node, ()):
            ctx = int(net.role_context[r])
            c = net.context_offset + ctx
            role = ROLES[int(net.role_kind[r])]
            strength = getattr(self.cfg.link, STRENGTHS[int(net.role_strength[r])]) * getattr(
                self.cfg.provenance, PROVENANCES[int(net.role_provenance[r])]
            )
            route = routes.get(ctx) if role == "rival" else None
            out.append(
                ContextLink(
                    id=net.nodes[c].iri,
                    key=net.nodes[c].id,
                    label=net.nodes[c].label_nl,
                    role=role,
                    score=float(ev.post[c]),
                    prior=float(ev.prior[c]),
                    strength=float(strength),
                    p_route=None if route is None else float(ev.bn_post[route]),
                    quote=net.role_quote[r],
                )
            )
        return tuple(out)

    def node_score(
        self, i: int, members: set[int], targeting: set[int], note: str = "", **extra
    ) -> NodeScore:
        net, ev = self.net, self.ev
        info = net.nodes[i]
        # an indicator row of a grouped read stands for several
        indicators, per_level = self.indicator_counts(i, members)
        levels = {lv: int(n) for lv, n in zip(LEVELS, per_level.tolist(), strict=True) if n}
        direct_indicators = self.indicator_counts(i, set())[0] if members else indicators
        score = float(ev.post[i])
        direct_ev = DirectEvidence(float(self.pos[i]), float(self.neg[i]))
        err = float(self.error[i])
        v = verdict(direct_ev, score, self.cfg, (score - err, score + err) if err > 0 else None)
        iv = ev.intervals
        cov = self.coverage(i, targeting)
        minority = cov.minority(self.cfg) and v != INSUFFICIENT
        bn = int(ev.model.theory_node[i])
        goal = info.kind in ("subgoal", "main_goal")
        paths = ev.model.paths.get(bn)
        rival = ev.model.rival.get(bn)
        if not note and minority:
            note = NOTE_MINORITY
        return NodeScore(
            id=info.iri,
            key=info.id,
            kind=info.kind,
            label=info.label_nl,
            label_en=info.label_en,
            score=score,
            prior=float(ev.prior[i]),
            evidence_weight=float(self.weight[i]),
            upstream_weight=self.upstream_weight(members),
            verdict=v,
            indicators=indicators,
            direct_indicators=direct_indicators,
            indicators_by_level=levels,
            contributions=()
            if self.grouped
            else ranked_items(ev, self.item_objs, i, self.related_items(i, members).tolist(), TOP_ITEMS),
            note=note,
            direct_in_favour=direct_ev.in_favour,
            direct_against=direct_ev.against,
            coverage=cov,
            minority=minority,
            context_factors=self.context_links(i),
            p_contribution=float(ev.bn_post[paths]) if goal and paths is not None else None,
            p_rival=float(ev.bn_post[rival]) if goal and rival is not None else None,
            interval=None if iv is None else (float(iv.low[i]), float(iv.high[i])),
            robust=None if iv is None else bool(iv.robust[i]),
            **extra,
        )

    def note(self, node: int, members: set[int], kind: str, v: str) -> str:
        if v != INSUFFICIENT:
            return ""
        if kind == "mechanism" and not any(m < self.net.n_initiatives for m in members):
            return NOTE_UNTARGETED
        if self.pos[node] > 0 and self.neg[node] > 0:
            return NOTE_CANCELS
        if node in set(self.net.tgt_node.tolist()):
            return NOTE_WEAK_DIRECT if self.weight[node] > 0 else NOTE_DIRECT_UNMEASURED
        if self.upstream_weight(members) > 0:
            return NOTE_DELIVERY_ONLY if kind == "mechanism" else NOTE_UPSTREAM_ONLY
        return NOTE_NO_EVIDENCE


def _by_node(node: np.ndarray, values: np.ndarray, n_nodes: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``values`` (0 ≤ value < ``width``) of each node's items, ascending, and where
    each node's run starts: node k's are ``values[start[k] : start[k + 1]]``.

    >>> _by_node(np.array([1, 0, 1, 1]), np.array([5, 2, 3, 5]), 3, 6)
    (array([2, 3, 5]), array([0, 1, 3, 3]))
    """
    pairs = np.unique(node.astype(np.int64) * width + values, return_index=True)[0]
    return pairs % width, np.searchsorted(pairs // width, np.arange(n_nodes + 1))


def assemble(ev: Evaluation) -> ScoreResult:
    """Turn arrays into the frozen :class:`ScoreResult`.

    Every node is judged by the same rule (:func:`~beleidstheorie.reasoning.verdict.verdict`):
    its own evidence's net signed log Bayes factor, and its posterior; evidence on the
    nodes that feed it (``upstream_weight``) moves its score but cannot earn a verdict.
    """
    a = _Assembler(ev)
    net, config, rnd = ev.net, ev.config, ev.round_number
    n, mo, so, g = net.n_initiatives, net.mechanism_offset, net.subgoal_offset, net.main_goal_index

    def judged(i: int) -> str:
        err = float(a.error[i])
        p = float(ev.post[i])
        return verdict(
            DirectEvidence(float(a.pos[i]), float(a.neg[i])),
            p,
            config,
            (p - err, p + err) if err > 0 else None,
        )

    inits_of_mech = {
        j: {int(net.con_init[c]) for c in np.flatnonzero(net.con_mech == j)} for j in range(net.n_mechanisms)
    }
    feeds: dict[int, set[int]] = {k: set() for k in range(net.n_subgoals)}
    for s_from, s_to in zip(net.serve_from.tolist(), net.serve_to.tolist(), strict=True):
        feeds[s_to].add(s_from)

    def upstream_of_subgoal(k: int, seen: frozenset[int] = frozenset()) -> set[int]:
        mechs = [j for j in range(net.n_mechanisms) if int(net.mech_subgoal[j]) == k]
        out = {mo + j for j in mechs} | {i for j in mechs for i in inits_of_mech[j]}
        for f in feeds[k] - seen:
            out |= {so + f} | upstream_of_subgoal(f, seen | {k})
        return out

    stated, inferred = PROVENANCES.index("stated"), PROVENANCES.index("inferred")
    mechanisms = []
    for j in range(net.n_mechanisms):
        cons = np.flatnonzero(net.con_mech == j)
        inits = inits_of_mech[j]
        i = mo + j
        mechanisms.append(
            a.node_score(
                i,
                inits,
                inits,
                a.note(i, inits, "mechanism", judged(i)),
                subgoal=net.nodes[so + int(net.mech_subgoal[j])].iri,
                initiatives=len(inits),
                initiatives_stated=int(np.count_nonzero(net.con_provenance[cons] == stated)),
                initiatives_inferred=int(np.count_nonzero(net.con_provenance[cons] == inferred)),
            )
        )
    subgoals = []
    for k in range(net.n_subgoals):
        i = so + k
        members = upstream_of_subgoal(k)
        inits = {m for m in members if m < n}
        subgoals.append(
            a.node_score(i, members, inits, a.note(i, members, "subgoal", judged(i)), initiatives=len(inits))
        )
    everything = set(range(g))
    all_inits = {i for j in range(net.n_mechanisms) for i in inits_of_mech[j]}
    main = a.node_score(
        g, everything, all_inits, a.note(g, everything, "main_goal", judged(g)), initiatives=n
    )
    initiatives = tuple(a.node_score(i, set(), {i}, initiatives=1) for i in range(n))
    context = tuple(a.node_score(net.context_offset + c, set(), set()) for c in range(net.n_context))
    round_info = next(r for r in net.rounds if r.number == rnd)
    model = ev.model
    caused = [*model.mechanisms.tolist(), *model.subgoals.tolist(), model.main_goal]
    deviation = max((abs(float(ev.bn_prior[x]) - float(model.stated_prior[x])) for x in caused), default=0.0)
    return ScoreResult(
        theory=net.theory,
        theory_label=net.theory_label,
        round=round_info.id,
        round_label=round_info.label,
        round_label_en=round_info.label_en,
        config_version=config.version,
        main_goal=main,
        subgoals=tuple(subgoals),
        mechanisms=tuple(mechanisms),
        initiatives=initiatives,
        items=a.item_objs,
        context=context,
        method=ev.posterior.method if ev.posterior is not None else "",
        prior_deviation=deviation,
    )
