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
import weakref
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

import numpy as np

from beleidstheorie.errors import BeleidstheorieError, problem
from beleidstheorie.reasoning.config import Config
from beleidstheorie.reasoning.evidence import EvidenceItems, evidence_items, node_sums
from beleidstheorie.reasoning.model.bayesnet import NOISY_AND, NOISY_OR, ROOT, BayesNet
from beleidstheorie.reasoning.model.priors import Calibration, Request, calibrate, calibrate_many
from beleidstheorie.reasoning.network import PROVENANCES, ROLES, STRENGTHS, Network

NETWORK_SECTIONS = ("prior", "gate", "leak", "link", "provenance")
"""The sections of the configuration that the BayesNet's numbers read (the evidence reads others)."""
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


Parents = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
"""A caused node's parents: BayesNet index (E,), strength when the condition is on (E, P),
condition (BayesNet index, -1 for none) (E,), strength when it is off (0.0 for none) (E, P):
one row per edge, one column per parameter point."""


def _parents(rows: list[tuple[int, np.ndarray, int, np.ndarray]], points: int) -> Parents:
    node = np.array([r[0] for r in rows], dtype=np.int64)
    cond = np.array([r[2] for r in rows], dtype=np.int64)
    s_on = np.array([r[1] for r in rows], dtype=float).reshape(len(rows), points)
    s_off = np.array([r[3] for r in rows], dtype=float).reshape(len(rows), points)
    return node, s_on, cond, s_off


@dataclass(frozen=True, eq=False)
class _Links:
    """What the links from initiatives to mechanisms are, whatever the configuration (per network)."""

    cons: tuple[np.ndarray, ...]  # per mechanism: its connections
    role: np.ndarray  # per connection: the first context condition on it (role index), or -1
    crowded: dict[int, int]  # connections with several conditions: how many
    delivery_names: tuple[str, ...]


_LINKS: weakref.WeakKeyDictionary[Network, _Links] = weakref.WeakKeyDictionary()


def _links(nw: Network) -> _Links:
    if nw not in _LINKS:
        by_target: dict[int, list[int]] = {}
        for r in range(nw.role_context.size):
            if ROLES[int(nw.role_kind[r])] != "rival":
                by_target.setdefault(int(nw.role_target[r]), []).append(r)
        role = np.full(nw.con_init.size, -1, dtype=np.int64)
        crowded: dict[int, int] = {}
        for c, (ini, j) in enumerate(zip(nw.con_init.tolist(), nw.con_mech.tolist(), strict=True)):
            roles = by_target.get(nw.mechanism_offset + j, [])
            found = [r for r in roles if not nw.role_initiatives[r] or ini in nw.role_initiatives[r]]
            if found:
                role[c] = found[0]
            if len(found) > 1:
                crowded[c] = len(found)
        order = np.argsort(nw.con_mech, kind="stable")
        bounds = np.searchsorted(nw.con_mech[order], np.arange(nw.n_mechanisms + 1))
        _LINKS[nw] = _Links(
            tuple(order[bounds[j] : bounds[j + 1]] for j in range(nw.n_mechanisms)),
            role,
            crowded,
            tuple(f"delivery:{nw.nodes[i].id}" for i in range(nw.n_initiatives)),
        )
    return _LINKS[nw]


class _Builder:
    """Nodes and edges of the BayesNets of P parameter points: one structure, numbers (P,) each."""

    def __init__(self, network: Network, configs: Sequence[Config]) -> None:
        self.nw, self.cfgs = network, configs
        self.points = len(configs)
        self.names: list[str] = []
        self.gate: list[int] = []
        self.base: list[np.ndarray] = []  # per node (P,)
        self.pm: list[np.ndarray] = []  # prior marginal (independence approximation), (P,)
        self.stated: list[np.ndarray] = []
        self.edges: list[
            tuple[np.ndarray, np.ndarray, np.ndarray]
        ] = []  # (parent, child, condition), on, off
        self.calibration: dict[int, list[Calibration]] = {}
        self.notes: list[list[str]] = [[] for _ in configs]

    def each(self, read) -> np.ndarray:
        """(P,) ``read(config)`` of every point, as floats."""
        return np.array([float(read(c)) for c in self.cfgs])

    def node(self, name: str, gate: int, base, pm, stated=float("nan")) -> int:
        p = self.points
        self.names.append(name)
        self.gate.append(gate)
        self.base.append(np.broadcast_to(np.asarray(base, dtype=float), (p,)))
        self.pm.append(np.broadcast_to(np.asarray(pm, dtype=float), (p,)))
        self.stated.append(np.broadcast_to(np.asarray(stated, dtype=float), (p,)))
        return len(self.names) - 1

    def nodes(self, names: Sequence[str], gate: int, value: np.ndarray) -> np.ndarray:
        """Add ``len(names)`` roots with the same numbers (base, prior and stated) at once."""
        first = len(self.names)
        self.names.extend(names)
        self.gate.extend([gate] * len(names))
        for column in (self.base, self.pm, self.stated):
            column.extend([value] * len(names))
        return np.arange(first, len(self.names), dtype=np.int64)

    def edge(self, parent: int, child: int, strength) -> None:
        """An unconditioned edge."""
        on = np.broadcast_to(np.asarray(strength, dtype=float), (1, self.points))
        self.edges.append((np.array([[parent, child, -1]]), on, np.zeros((1, self.points))))

    def strengths(self) -> np.ndarray:
        """(levels, provenances, P): each link strength times its provenance factor."""
        return np.array(
            [
                [
                    [
                        getattr(c.link, STRENGTHS[lv]) * getattr(c.provenance, PROVENANCES[pv])
                        for c in self.cfgs
                    ]
                    for pv in range(len(PROVENANCES))
                ]
                for lv in range(len(STRENGTHS))
            ]
        ).reshape(len(STRENGTHS), len(PROVENANCES), self.points)

    def caused(
        self,
        name: str,
        ident: str,
        parents: Parents,
        gate: str,
        stated: np.ndarray,
        rival: int | None,
        with_paths: bool,
    ) -> Generator[list[Request], list[Calibration], tuple[int, int | None]]:
        """Add X (and its paths node) with calibrated strengths; returns (X, paths).

        The calibrations are asked of the driver (``yield`` the inputs of every point, receive
        the results), so that the same node is calibrated at every point in one batch.
        """
        node, s_on, cond, s_off = parents
        and_gate = gate == "noisy-and" and bool(node.size)
        pm = self.pm
        p = np.array([pm[e] for e in node.tolist()]).reshape(node.size, self.points)  # (E, P)
        conds = sorted(set(cond[cond >= 0].tolist()))
        if len(conds) > MAX_CONDITIONS:
            raise BeleidstheorieError([problem("too_many_conditions", name=name, n=MAX_CONDITIONS)])
        states = np.array(list(itertools.product((0, 1), repeat=len(conds))), dtype=bool).reshape(
            2 ** len(conds), len(conds)
        )
        nominal = np.empty((states.shape[0], node.size, self.points))
        nominal[:] = s_on
        if conds:
            pc = np.array([pm[c] for c in conds])  # (C, P)
            weights = np.prod(np.where(states[:, :, None], pc, 1.0 - pc), axis=1)  # (S, P)
            has = cond >= 0
            on = states[:, np.searchsorted(conds, cond[has])]
            nominal[:, has] = np.where(on[:, :, None], s_on[has], s_off[has])
        else:
            weights = np.ones((1, self.points))
        kind = "noisy-and" if and_gate else "noisy-or"
        cals = yield [
            (
                float(stated[k]),
                np.ascontiguousarray(p[:, k]),
                np.ascontiguousarray(nominal[:, :, k]),
                np.ascontiguousarray(weights[:, k]),
                kind,
                cfg.link.and_base,
                cfg.leak.floor,
                (float(pm[rival][k]),) if rival is not None else (),
            )
            for k, cfg in enumerate(self.cfgs)
        ]
        for k, cal in enumerate(cals):
            if cal.prior - stated[k] > 1e-6:
                self.notes[k].append(
                    f"{name}: its rival causes alone make it more likely than its stated prior "
                    f"{float(stated[k]):g} (prior {cal.prior:.3f})"
                )
        scale, leak, prior = (np.array([getattr(c, f) for c in cals]) for f in ("scale", "leak", "prior"))
        direct = not with_paths and not and_gate and rival is None
        if direct:
            x = self.node(name, NOISY_OR, leak, prior, stated)
            target, paths = x, None
        else:
            paths = self.node(
                f"paths:{ident}",
                NOISY_AND if and_gate else NOISY_OR,
                np.array([c.base for c in cals]) if and_gate else 0.0,
                np.array([c.paths for c in cals]),
            )
            target = paths
        shape = np.stack([node, np.full(node.size, target), cond], axis=1)
        on_block = np.minimum(scale * s_on, 1.0)
        off_block = np.where((cond >= 0)[:, None], np.minimum(scale * s_off, 1.0), 0.0)
        self.edges.append((shape, on_block, off_block))
        if direct:
            self.calibration[x] = cals
            return x, None
        x = self.node(name, NOISY_OR, leak, prior, stated)
        self.edge(paths, x, 1.0)
        if rival is not None:
            self.edge(rival, x, 1.0)
        self.calibration[x] = cals
        return x, paths

    def nets(self) -> list[BayesNet]:
        """The BayesNet of every point (the edges sorted by child, then parent)."""
        if self.edges:
            shape = np.concatenate([e[0] for e in self.edges])
            on = np.concatenate([e[1] for e in self.edges])
            off = np.concatenate([e[2] for e in self.edges])
        else:
            shape, on, off = (
                np.zeros((0, 3), dtype=np.int64),
                np.zeros((0, self.points)),
                np.zeros((0, self.points)),
            )
        order = np.lexsort((shape[:, 0], shape[:, 1])) if shape.size else np.zeros(0, dtype=np.int64)
        shape = shape[order].astype(np.int64)
        on, off = np.ascontiguousarray(on[order].T), np.ascontiguousarray(off[order].T)
        base = np.ascontiguousarray(np.array(self.base).reshape(len(self.names), self.points).T)
        names, gate = tuple(self.names), np.array(self.gate, dtype=np.int64)
        parent, child, cond = shape[:, 0].copy(), shape[:, 1].copy(), shape[:, 2].copy()
        return [
            BayesNet(
                names=names,
                gate=gate,
                base=base[k],
                edge_parent=parent,
                edge_child=child,
                edge_strength=on[k],
                edge_condition=cond,
                edge_strength_off=off[k],
            )
            for k in range(self.points)
        ]


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
    steps = _build_nets(network, [config])
    try:
        requests = next(steps)
        while True:
            requests = steps.send([calibrate(*r) for r in requests])
    except StopIteration as done:
        return _model(network, done.value[0], config, round_number)


def build_models(network: Network, configs: Sequence[Config], round_number: int) -> list[Model]:
    """:func:`build_model` at each of ``configs``, the models built side by side.

    One structure for all (:func:`networks_at`); each node is calibrated at every point in one
    vectorised :func:`~.priors.calibrate_many`. The models equal :func:`build_model`'s (to 1e-12,
    ``tests/reasoning/test_priors.py``).
    """
    built = networks_at(network, configs)
    return [_model(network, b, cfg, round_number) for b, cfg in zip(built, configs, strict=True)]


def networks_at(network: Network, configs: Sequence[Config]) -> list[Networked]:
    """The BayesNet of ``network`` at each of ``configs`` (no evidence), built side by side.

    The network's structure is walked once for every run of points with the same gates, its
    numbers carried as one array per node and edge over the points. What :func:`build_models`
    builds apart from the evidence items, which do not depend on the network's numbers
    (:func:`~beleidstheorie.reasoning.evidence.evidence_sums` gives what a point needs of them).
    """
    by_gates: dict[object, list[int]] = {}
    for k, cfg in enumerate(configs):
        by_gates.setdefault(cfg.gate, []).append(k)
    out: list[Networked | None] = [None] * len(configs)
    for members in by_gates.values():
        steps = _build_nets(network, [configs[k] for k in members])
        try:
            requests = next(steps)
            while True:
                requests = steps.send(calibrate_many(requests))
        except StopIteration as done:
            for k, built in zip(members, done.value, strict=True):
                out[k] = built
    return out  # type: ignore[return-value]


@dataclass(frozen=True, eq=False)
class Networked:
    """A theory's BayesNet at one configuration, without evidence (see :class:`Model`)."""

    net: BayesNet
    theory_node: np.ndarray
    paths: dict[int, int]
    rival: dict[int, int]
    rival_routes: dict[int, tuple[tuple[int, int], ...]]
    stated_prior: np.ndarray
    calibration: dict[int, Calibration]
    notes: tuple[str, ...]


def _model(nw: Network, built: Networked, config: Config, round_number: int) -> Model:
    net, theory_node = built.net, built.theory_node
    co, mo, so, g = nw.context_offset, nw.mechanism_offset, nw.subgoal_offset, nw.main_goal_index
    items = evidence_items(nw, config, round_number)
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
        paths=built.paths,
        rival=built.rival,
        rival_routes=built.rival_routes,
        stated_prior=built.stated_prior,
        calibration=built.calibration,
        notes=built.notes,
    )


def _build_nets(
    network: Network, configs: Sequence[Config]
) -> Generator[list[Request], list[Calibration], list[Networked]]:
    """The BayesNets of ``network`` at ``configs`` (which share their gates), one walk for all."""
    nw, cfg0 = network, configs[0]
    b = _Builder(nw, configs)
    points = len(configs)
    theory_node = np.full(nw.n_nodes, -1, dtype=np.int64)
    co, mo, so, g = nw.context_offset, nw.mechanism_offset, nw.subgoal_offset, nw.main_goal_index

    def stated(i: int, level: str) -> np.ndarray:
        prior = nw.nodes[i].prior
        if prior is not None:
            return np.full(points, float(prior))
        return b.each(lambda c: getattr(c.prior, level))

    def gate_of(i: int, level: str) -> str:
        return nw.nodes[i].gate or getattr(cfg0.gate, level)

    for c in range(nw.n_context):
        i = co + c
        p = stated(i, "context")
        theory_node[i] = b.node(f"context:{nw.nodes[i].id}", ROOT, p, p, p)
    links = _links(nw)
    theory_node[: nw.n_initiatives] = b.nodes(links.delivery_names, ROOT, b.each(lambda c: c.prior.delivery))

    table = b.strengths()  # (levels, provenances, P)
    # Conditions per target node: (context bn index, enabling?, factor (P,), initiatives or empty)
    conditions: dict[int, list[tuple[int, bool, np.ndarray, tuple[int, ...]]]] = {}
    rivals_of: dict[int, list[tuple[int, np.ndarray]]] = {}
    for r in range(nw.role_context.size):
        ctx = int(nw.role_context[r])
        w = table[int(nw.role_strength[r]), int(nw.role_provenance[r])]
        target = int(nw.role_target[r])
        if ROLES[int(nw.role_kind[r])] == "rival":
            rivals_of.setdefault(target, []).append((ctx, w))
        else:
            enabling = ROLES[int(nw.role_kind[r])] == "enabling"
            conditions.setdefault(target, []).append(
                (int(theory_node[co + ctx]), enabling, w, nw.role_initiatives[r])
            )

    def parent(target: int, parent_theory: int, s: np.ndarray) -> tuple[int, np.ndarray, int, np.ndarray]:
        """(parent, strength when the condition is on, condition index, strength when off)."""
        found = [cd for cd in conditions.get(target, []) if not cd[3] or parent_theory in cd[3]]
        pa = int(theory_node[parent_theory])
        if not found:
            return pa, s, -1, np.zeros(points)
        if len(found) > 1:
            for notes in b.notes:
                notes.append(
                    f"{nw.nodes[target].id}: {len(found)} context conditions on the link from "
                    f"{nw.nodes[parent_theory].id}; only the first is modelled"
                )
        c, enabling, w, _ = found[0]
        return (pa, s, c, s * (1 - w)) if enabling else (pa, s * (1 - w), c, s)

    def rival_node(target: int) -> tuple[int | None, tuple[tuple[int, int], ...]]:
        found = rivals_of.get(target, [])
        routes = []
        for ctx, w in found:
            cbn = int(theory_node[co + ctx])
            x = b.node(f"rival:{nw.nodes[co + ctx].id}:{nw.nodes[target].id}", NOISY_OR, 0.0, b.pm[cbn] * w)
            b.edge(cbn, x, w)
            routes.append((ctx, x))
        if not routes:
            return None, ()
        if len(routes) == 1:
            return routes[0][1], tuple(routes)
        pm = 1.0 - np.prod([1.0 - b.pm[x] for _, x in routes], axis=0)
        joined = b.node(f"rivals:{nw.nodes[target].id}", NOISY_OR, 0.0, pm)
        for _, x in routes:
            b.edge(x, joined, 1.0)
        return joined, tuple(routes)

    paths: dict[int, int] = {}
    rival: dict[int, int] = {}
    routes_of: dict[int, tuple[tuple[int, int], ...]] = {}
    # the links from initiatives, on arrays: (level, provenance) → strength, then the condition
    role_w = table[nw.role_strength, nw.role_provenance] if nw.role_context.size else np.ones((1, points))
    role_bn = theory_node[co + nw.role_context] if nw.role_context.size else np.full(1, -1, dtype=np.int64)
    role_enabling = np.array([ROLES[int(k)] == "enabling" for k in nw.role_kind.tolist()] or [False])
    for j in range(nw.n_mechanisms):
        i = mo + j
        cons = links.cons[j]
        for c in cons.tolist():
            if c in links.crowded:
                ini = int(nw.con_init[c])
                for notes in b.notes:
                    notes.append(
                        f"{nw.nodes[i].id}: {links.crowded[c]} context conditions on the link from "
                        f"{nw.nodes[ini].id}; only the first is modelled"
                    )
        s = table[nw.con_strength[cons], nw.con_provenance[cons]]  # (E, P)
        role = links.role[cons]
        has = role >= 0
        r = np.where(has, role, 0)
        weak = s * (1 - role_w[r])
        enabling = (role_enabling[r] & has)[:, None]
        inhibiting = (~role_enabling[r] & has)[:, None]
        parents = (
            theory_node[nw.con_init[cons]],
            np.where(inhibiting, weak, s),
            np.where(has, role_bn[r], -1),
            np.where(enabling, weak, np.where(inhibiting, s, 0.0)),
        )
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
        i: int, level: str, rows: list[tuple[int, np.ndarray, int, np.ndarray]]
    ) -> Generator[list[Request], list[Calibration], None]:
        rv, routes = rival_node(i)
        x, pth = yield from b.caused(
            f"goal:{nw.nodes[i].id}" if level == "main_goal" else f"subgoal:{nw.nodes[i].id}",
            nw.nodes[i].id,
            _parents(rows, points),
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
        to_sub = b.each(lambda c: c.link.mechanism_to_subgoal)
        rows = [parent(i, mo + j, to_sub) for j in np.flatnonzero(nw.mech_subgoal == k)]
        sub_sub = b.each(lambda c: c.link.subgoal_to_subgoal)
        rows += [
            parent(i, so + int(a), sub_sub)
            for a, t in zip(nw.serve_from.tolist(), nw.serve_to.tolist(), strict=True)
            if t == k
        ]
        yield from goal(i, "subgoal", rows)
    to_main = b.each(lambda c: c.link.subgoal_to_main_goal)
    yield from goal(g, "main_goal", [parent(g, so + k, to_main) for k in range(nw.n_subgoals)])

    stated_prior = np.array(b.stated).reshape(len(b.names), points).T
    return [
        Networked(
            net=net,
            theory_node=theory_node,
            paths=paths,
            rival=rival,
            rival_routes=routes_of,
            stated_prior=stated_prior[k].copy(),
            calibration={x: cals[k] for x, cals in b.calibration.items()},
            notes=tuple(b.notes[k]),
        )
        for k, net in enumerate(b.nets())
    ]
