"""The network from the graph: a :class:`BayesNet` plus the evidence, for one round.

Node names (docs/design/v2-data-model.md): ``context:<id>`` and ``delivery:<id>``
roots; ``mechanism:<id>``; per goal or sub-goal ``paths:<id>`` (the theory's own
paths, through the level's gate — its posterior is ``p_contribution``), one
``rival:<context>:<id>`` per rival context factor (with ``rivals:<id>`` joining
several) and the goal itself, a noisy-OR of its paths, its rivals and a leak. A
mechanism whose gate is noisy-AND gets a ``paths:mechanism:<id>`` node the same
way. Sub-goals may serve other sub-goals (a DAG). Enabling and inhibiting context
factors are edge conditions. Every link strength and leak is calibrated so that a
node's prior is its stated prior (:mod:`.priors`).

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.reasoning.config import load_config
>>> from beleidstheorie.reasoning.network import read_network
>>> model = build_model(read_network(load_theory(EXAMPLE).store), load_config(), 2)
>>> model.net.names[model.main_goal], model.net.names[model.paths[model.main_goal]]
('goal:minder-eenzaamheid', 'paths:minder-eenzaamheid')
>>> len(model.items) == len(model.item_node)
True
"""

from __future__ import annotations

import itertools
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

import numpy as np

from beleidstheorie.errors import BeleidstheorieError, problem
from beleidstheorie.reasoning.config import Config
from beleidstheorie.reasoning.evidence import EvidenceItems, evidence_items, node_sums
from beleidstheorie.reasoning.model.bayesnet import NOISY_AND, NOISY_OR, ROOT, BayesNet
from beleidstheorie.reasoning.model.priors import Calibration, Request, calibrate, calibrate_many
from beleidstheorie.reasoning.network import PROVENANCES, ROLES, STRENGTHS, Network

MAX_CONDITIONS = 10  # condition states enumerated per node when calibrating: 2^10


@dataclass(frozen=True, eq=False)
class Model:
    """A theory's Bayesian network with the evidence of one round.

    ``theory_node[i]`` is the BayesNet index of theory node ``i`` (the flat index
    of :class:`~beleidstheorie.reasoning.network.Network`); ``item_node[t]`` the
    BayesNet index that evidence item ``t`` bears on. ``paths`` and ``rival`` map a
    goal's BayesNet index to its paths node and to the node that is on when a
    rival explains it (absent: no rival). ``rival_routes`` lists, per goal, the
    (context index, BayesNet index) of each rival route.
    """

    network: Network
    round_number: int
    net: BayesNet
    log_l1: np.ndarray
    log_l0: np.ndarray
    items: EvidenceItems
    item_node: np.ndarray
    theory_node: np.ndarray
    delivery: np.ndarray
    mechanisms: np.ndarray
    subgoals: np.ndarray
    main_goal: int
    context: np.ndarray
    paths: dict[int, int]
    rival: dict[int, int]
    rival_routes: dict[int, tuple[tuple[int, int], ...]]
    stated_prior: np.ndarray  # (n,) the stated prior, nan for auxiliary nodes
    calibration: dict[int, Calibration]
    notes: tuple[str, ...] = field(default=())

    @property
    def n_nodes(self) -> int:
        """Number of BayesNet nodes."""
        return self.net.n_nodes

    def item_log_likelihoods(self) -> tuple[np.ndarray, np.ndarray]:
        """Per item: weighted ln L(H) and ln L(not H) (what one item adds to its node)."""
        return self.items.log_l1, self.items.log_l0


class _Builder:
    def __init__(self, network: Network, config: Config) -> None:
        self.nw, self.cfg = network, config
        self.names: list[str] = []
        self.gate: list[int] = []
        self.base: list[float] = []
        self.edges: list[list[float]] = []  # parent, child, strength, condition, strength_off
        self.pm: list[float] = []  # prior marginal (independence approximation)
        self.stated: list[float] = []
        self.calibration: dict[int, Calibration] = {}
        self.notes: list[str] = []

    def node(self, name: str, gate: int, base: float, pm: float, stated: float = float("nan")) -> int:
        self.names.append(name)
        self.gate.append(gate)
        self.base.append(base)
        self.pm.append(pm)
        self.stated.append(stated)
        return len(self.names) - 1

    def strength(self, level: int, provenance: int) -> float:
        return getattr(self.cfg.link, STRENGTHS[level]) * getattr(
            self.cfg.provenance, PROVENANCES[provenance]
        )

    def caused(
        self,
        name: str,
        ident: str,
        parents: list[tuple[int, float, int, float]],
        gate: str,
        stated: float,
        rival: int | None,
        with_paths: bool,
    ) -> Generator[Request, Calibration, tuple[int, int | None]]:
        """Add X (and its paths node) with calibrated strengths; returns (X, paths).

        The calibration is asked of the driver (``yield`` its inputs, receive the result),
        so that :func:`build_models` calibrates the same node of many models in one batch.
        """
        cfg = self.cfg
        and_gate = gate == "noisy-and" and bool(parents)
        p = np.array([self.pm[e[0]] for e in parents])
        conds = sorted({e[2] for e in parents if e[2] >= 0})
        if len(conds) > MAX_CONDITIONS:
            raise BeleidstheorieError([problem("too_many_conditions", name=name, n=MAX_CONDITIONS)])
        states = np.array(list(itertools.product((0, 1), repeat=len(conds))), dtype=bool).reshape(
            2 ** len(conds), len(conds)
        )
        pc = np.array([self.pm[c] for c in conds])
        weights = np.prod(np.where(states, pc, 1.0 - pc), axis=1) if conds else np.ones(1)
        nominal = np.empty((states.shape[0], len(parents)))
        for k, (_, s_on, c, s_off) in enumerate(parents):
            if c < 0:
                nominal[:, k] = s_on
            else:
                on = states[:, conds.index(c)]
                nominal[:, k] = np.where(on, s_on, s_off)
        rivals = (self.pm[rival],) if rival is not None else ()
        cal = yield (
            stated,
            p,
            nominal,
            weights,
            "noisy-and" if and_gate else "noisy-or",
            cfg.link.and_base,
            cfg.leak.floor,
            rivals,
        )
        if cal.prior - stated > 1e-6:
            self.notes.append(
                f"{name}: its rival causes alone make it more likely than its stated prior "
                f"{stated:g} (prior {cal.prior:.3f})"
            )
        direct = not with_paths and not and_gate and rival is None
        if direct:
            x = self.node(name, NOISY_OR, cal.leak, cal.prior, stated)
            target, paths = x, None
        else:
            paths = self.node(
                f"paths:{ident}",
                NOISY_AND if and_gate else NOISY_OR,
                cal.base if and_gate else 0.0,
                cal.paths,
            )
            target = paths
        for parent, s_on, c, s_off in parents:
            self.edges.append(
                [
                    parent,
                    target,
                    min(cal.scale * s_on, 1.0),
                    c,
                    min(cal.scale * s_off, 1.0) if c >= 0 else 0.0,
                ]
            )
        if direct:
            self.calibration[x] = cal
            return x, None
        x = self.node(name, NOISY_OR, cal.leak, cal.prior, stated)
        self.edges.append([paths, x, 1.0, -1, 0.0])  # type: ignore[list-item]
        if rival is not None:
            self.edges.append([rival, x, 1.0, -1, 0.0])
        self.calibration[x] = cal
        return x, paths

    def net(self) -> BayesNet:
        e = np.array(self.edges, dtype=float).reshape(-1, 5)
        order = np.lexsort((e[:, 0], e[:, 1])) if e.size else np.zeros(0, dtype=np.int64)
        e = e[order]
        return BayesNet(
            names=tuple(self.names),
            gate=np.array(self.gate, dtype=np.int64),
            base=np.array(self.base, dtype=float),
            edge_parent=e[:, 0].astype(np.int64),
            edge_child=e[:, 1].astype(np.int64),
            edge_strength=e[:, 2],
            edge_condition=e[:, 3].astype(np.int64),
            edge_strength_off=e[:, 4],
        )


def _subgoal_order(network: Network) -> list[int]:
    """Sub-goals in an order where each comes after the sub-goals that serve it."""
    j = network.n_subgoals
    feeds: dict[int, set[int]] = {k: set() for k in range(j)}
    for a, b in zip(network.serve_from.tolist(), network.serve_to.tolist(), strict=True):
        feeds[b].add(a)
    order: list[int] = []
    state = dict.fromkeys(range(j), 0)

    def visit(k: int, trail: list[int]) -> None:
        if state[k] == 2:
            return
        if state[k] == 1:
            names = " → ".join(network.nodes[network.subgoal_offset + x].id for x in [*trail, k])
            raise BeleidstheorieError([problem("subgoal_cycle", names=names)])
        state[k] = 1
        for a in sorted(feeds[k]):
            visit(a, [*trail, k])
        state[k] = 2
        order.append(k)

    for k in range(j):
        visit(k, [])
    return order


def build_model(network: Network, config: Config, round_number: int) -> Model:
    """The Bayesian network of ``network`` with the evidence of ``round_number``."""
    steps = _build(network, config, round_number)
    try:
        request = next(steps)
        while True:
            request = steps.send(calibrate(*request))
    except StopIteration as done:
        return done.value


def build_models(network: Network, configs: Sequence[Config], round_number: int) -> list[Model]:
    """:func:`build_model` at each of ``configs``, the models built side by side.

    Every model asks for its nodes' calibrations in the same order; each round of
    requests (one node, all models) is answered by one vectorised
    :func:`~.priors.calibrate_many`. The models equal :func:`build_model`'s (to 1e-12,
    ``tests/reasoning/test_priors.py``).
    """
    steps = [_build(network, cfg, round_number) for cfg in configs]
    models: list[Model | None] = [None] * len(steps)
    requests: dict[int, Request] = {}
    for k, step in enumerate(steps):
        try:
            requests[k] = next(step)
        except StopIteration as done:
            models[k] = done.value
    while requests:
        answers = calibrate_many(list(requests.values()))
        asked, requests = requests, {}
        for k, cal in zip(asked, answers, strict=True):
            try:
                requests[k] = steps[k].send(cal)
            except StopIteration as done:
                models[k] = done.value
    return models  # type: ignore[return-value]


def _build(network: Network, config: Config, round_number: int) -> Generator[Request, Calibration, Model]:
    nw, cfg = network, config
    b = _Builder(nw, cfg)
    theory_node = np.full(nw.n_nodes, -1, dtype=np.int64)
    co, mo, so, g = nw.context_offset, nw.mechanism_offset, nw.subgoal_offset, nw.main_goal_index

    def stated(i: int, level: str) -> float:
        prior = nw.nodes[i].prior
        return float(prior) if prior is not None else float(getattr(cfg.prior, level))

    def gate_of(i: int, level: str) -> str:
        return nw.nodes[i].gate or getattr(cfg.gate, level)

    for c in range(nw.n_context):
        i = co + c
        p = stated(i, "context")
        theory_node[i] = b.node(f"context:{nw.nodes[i].id}", ROOT, p, p, p)
    for i in range(nw.n_initiatives):
        p = cfg.prior.delivery
        theory_node[i] = b.node(f"delivery:{nw.nodes[i].id}", ROOT, p, p, p)

    # Conditions per target node: (context bn index, enabling?, factor, initiatives or empty)
    conditions: dict[int, list[tuple[int, bool, float, tuple[int, ...]]]] = {}
    rivals_of: dict[int, list[tuple[int, float]]] = {}
    for r in range(nw.role_context.size):
        ctx = int(nw.role_context[r])
        w = b.strength(int(nw.role_strength[r]), int(nw.role_provenance[r]))
        target = int(nw.role_target[r])
        if ROLES[int(nw.role_kind[r])] == "rival":
            rivals_of.setdefault(target, []).append((ctx, w))
        else:
            enabling = ROLES[int(nw.role_kind[r])] == "enabling"
            conditions.setdefault(target, []).append(
                (int(theory_node[co + ctx]), enabling, w, nw.role_initiatives[r])
            )

    def conditioned(target: int, parent_theory: int, s: float) -> tuple[float, int, float]:
        """(strength when the condition is on, condition index, strength when off)."""
        found = [cd for cd in conditions.get(target, []) if not cd[3] or parent_theory in cd[3]]
        if not found:
            return s, -1, 0.0
        if len(found) > 1:
            b.notes.append(
                f"{nw.nodes[target].id}: {len(found)} context conditions on the link from "
                f"{nw.nodes[parent_theory].id}; only the first is modelled"
            )
        c, enabling, w, _ = found[0]
        return (s, c, s * (1 - w)) if enabling else (s * (1 - w), c, s)

    def parent(target: int, parent_theory: int, s: float) -> tuple[int, float, int, float]:
        s_on, c, s_off = conditioned(target, parent_theory, s)
        return int(theory_node[parent_theory]), s_on, c, s_off

    def rival_node(target: int) -> tuple[int | None, tuple[tuple[int, int], ...]]:
        found = rivals_of.get(target, [])
        routes = []
        for ctx, w in found:
            cbn = int(theory_node[co + ctx])
            x = b.node(f"rival:{nw.nodes[co + ctx].id}:{nw.nodes[target].id}", NOISY_OR, 0.0, b.pm[cbn] * w)
            b.edges.append([cbn, x, w, -1, 0.0])
            routes.append((ctx, x))
        if not routes:
            return None, ()
        if len(routes) == 1:
            return routes[0][1], tuple(routes)
        pm = 1.0 - float(np.prod([1.0 - b.pm[x] for _, x in routes]))
        joined = b.node(f"rivals:{nw.nodes[target].id}", NOISY_OR, 0.0, pm)
        for _, x in routes:
            b.edges.append([x, joined, 1.0, -1, 0.0])
        return joined, tuple(routes)

    paths: dict[int, int] = {}
    rival: dict[int, int] = {}
    routes_of: dict[int, tuple[tuple[int, int], ...]] = {}
    for j in range(nw.n_mechanisms):
        i = mo + j
        cons = np.flatnonzero(nw.con_mech == j)
        parents = [
            parent(i, int(nw.con_init[c]), b.strength(int(nw.con_strength[c]), int(nw.con_provenance[c])))
            for c in cons
        ]
        x, pth = yield from b.caused(
            f"mechanism:{nw.nodes[i].id}",
            f"mechanism:{nw.nodes[i].id}",
            parents,
            gate_of(i, "mechanism"),
            stated(i, "mechanism"),
            None,
            False,
        )
        theory_node[i] = x
        if pth is not None:
            paths[x] = pth

    def goal(
        i: int, level: str, parents: list[tuple[int, float, int, float]]
    ) -> Generator[Request, Calibration, None]:
        rv, routes = rival_node(i)
        x, pth = yield from b.caused(
            f"goal:{nw.nodes[i].id}" if level == "main_goal" else f"subgoal:{nw.nodes[i].id}",
            nw.nodes[i].id,
            parents,
            gate_of(i, level),
            stated(i, level),
            rv,
            True,
        )
        theory_node[i] = x
        paths[x] = pth  # type: ignore[assignment]
        if rv is not None:
            rival[x] = rv
            routes_of[x] = routes

    for k in _subgoal_order(nw):
        i = so + k
        parents = [
            parent(i, mo + j, cfg.link.mechanism_to_subgoal) for j in np.flatnonzero(nw.mech_subgoal == k)
        ]
        parents += [
            parent(i, so + int(a), cfg.link.subgoal_to_subgoal)
            for a, t in zip(nw.serve_from.tolist(), nw.serve_to.tolist(), strict=True)
            if t == k
        ]
        yield from goal(i, "subgoal", parents)
    yield from goal(
        g, "main_goal", [parent(g, so + k, cfg.link.subgoal_to_main_goal) for k in range(nw.n_subgoals)]
    )

    net = b.net()
    items = evidence_items(nw, cfg, round_number)
    item_node = theory_node[items.node] if len(items) else np.zeros(0, dtype=np.int64)
    n = net.n_nodes
    log_l1 = node_sums(item_node, items.log_l1, n) if len(items) else np.zeros(n)
    log_l0 = node_sums(item_node, items.log_l0, n) if len(items) else np.zeros(n)
    return Model(
        network=nw,
        round_number=round_number,
        net=net,
        log_l1=log_l1,
        log_l0=log_l0,
        items=items,
        item_node=item_node,
        theory_node=theory_node,
        delivery=theory_node[: nw.n_initiatives].copy(),
        mechanisms=theory_node[mo:so].copy(),
        subgoals=theory_node[so:g].copy(),
        main_goal=int(theory_node[g]),
        context=theory_node[co:].copy(),
        paths=paths,
        rival=rival,
        rival_routes=routes_of,
        stated_prior=np.array(b.stated),
        calibration=b.calibration,
        notes=tuple(b.notes),
    )
