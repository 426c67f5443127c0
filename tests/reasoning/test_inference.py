"""Exact elimination and bounded sampling agree with brute force and with pgmpy."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest

from beleidstheorie.reasoning.inference import EXACT, SAMPLED, infer, infer_many, leave_one_out, structure
from beleidstheorie.reasoning.inference.sampling import MIN_ESS, Z, importance_sample, min_samples
from beleidstheorie.reasoning.model.bayesnet import NOISY_AND, ROOT, BayesNet, enumerate_marginals
from tests.reasoning.random_nets import random_evidence, random_net

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pgmpy.factors.discrete import TabularCPD
    from pgmpy.inference import VariableElimination
    from pgmpy.models import DiscreteBayesianNetwork


def pgmpy_marginals(net: BayesNet, log_l1: np.ndarray, log_l0: np.ndarray) -> np.ndarray:
    """Posterior marginals by pgmpy on full conditional tables built from the gate formulas."""
    model = DiscreteBayesianNetwork()
    model.add_nodes_from(net.names)
    cpds = []
    for i, name in enumerate(net.names):
        edges = np.flatnonzero(net.edge_child == i)
        inputs = sorted(
            {int(net.edge_parent[e]) for e in edges} | {int(c) for c in net.edge_condition[edges] if c >= 0}
        )
        model.add_edges_from((net.names[p], name) for p in inputs)
        cols = []
        for states in itertools.product([0, 1], repeat=len(inputs)):
            full = np.zeros((1, net.n_nodes), dtype=np.int8)
            full[0, inputs] = states
            cols.append(float(net.p_active(full)[0, i]))
        values = [[1 - c for c in cols], cols]
        names = [net.names[p] for p in inputs]
        cpds.append(
            TabularCPD(name, 2, values, evidence=names or None, evidence_card=[2] * len(names) or None)
        )
    evidence = {}
    top = np.maximum(log_l1, log_l0)
    for i, name in enumerate(net.names):
        if log_l1[i] == 0 and log_l0[i] == 0:
            continue
        a, b = np.exp(log_l1[i] - top[i]), np.exp(log_l0[i] - top[i])
        e = f"E|{name}"
        model.add_edge(name, e)
        cpds.append(TabularCPD(e, 2, [[1 - b, 1 - a], [b, a]], evidence=[name], evidence_card=[2]))
        evidence[e] = 1
    model.add_cpds(*cpds)
    ve = VariableElimination(model)
    return np.array(
        [float(ve.query([n], evidence=evidence, show_progress=False).values[1]) for n in net.names]
    )


@pytest.mark.parametrize("seed", range(20))
def test_exact_marginals_and_joints_equal_brute_force_enumeration(seed):
    rng = np.random.default_rng(seed)
    net = random_net(rng)
    l1, l0 = random_evidence(rng, net.n_nodes)
    ref = enumerate_marginals(net, l1, l0, query_pairs=True)
    post = infer(net, l1, l0, joints=True)
    assert post.method == EXACT
    assert np.abs(post.marginal - np.diag(ref)).max() < 1e-9
    assert np.abs(post.joint11 - ref).max() < 1e-9


@pytest.mark.parametrize("seed", range(8))
def test_exact_marginals_equal_pgmpy_with_noisy_and_and_edge_conditions(seed):
    rng = np.random.default_rng(100 + seed)
    net = random_net(rng, n_roots=4, n_gated=6, p_cond=0.5)
    assert (net.gate == NOISY_AND).any() and (net.edge_condition >= 0).any()
    l1, l0 = random_evidence(rng, net.n_nodes)
    assert np.abs(infer(net, l1, l0).marginal - pgmpy_marginals(net, l1, l0)).max() < 1e-6


def test_many_roots_with_the_same_children_are_summed_out_exactly():
    rng = np.random.default_rng(7)
    n_roots = 15
    parents = np.concatenate([np.arange(n_roots), np.arange(n_roots)])
    children = np.concatenate([np.full(n_roots, n_roots), np.full(n_roots, n_roots + 1)])
    net = BayesNet(
        names=tuple(f"x{i}" for i in range(n_roots + 3)),
        gate=np.array([ROOT] * n_roots + [1, 1, 1]),
        base=np.concatenate([rng.uniform(0.2, 0.8, n_roots), [0.05, 0.05, 0.05]]),
        edge_parent=np.concatenate([parents, [n_roots, n_roots + 1]]).astype(np.int64),
        edge_child=np.concatenate([children, [n_roots + 2, n_roots + 2]]).astype(np.int64),
        edge_strength=rng.uniform(0.1, 0.6, 2 * n_roots + 2),
        edge_condition=np.full(2 * n_roots + 2, -1, dtype=np.int64),
        edge_strength_off=np.zeros(2 * n_roots + 2),
    )
    l1, l0 = random_evidence(rng, net.n_nodes, share=0.9)
    ref = enumerate_marginals(net, l1, l0)
    assert np.abs(infer(net, l1, l0).marginal - ref).max() < 1e-9


def test_leave_one_out_equals_inference_without_the_item():
    rng = np.random.default_rng(3)
    net = random_net(rng, n_roots=5, n_gated=8)
    n = net.n_nodes
    node = rng.integers(0, n, 12)
    i1, i0 = np.log(rng.uniform(0.1, 1, 12)), np.log(rng.uniform(0.1, 1, 12))
    l1, l0 = np.bincount(node, i1, n), np.bincount(node, i0, n)
    post = infer(net, l1, l0, joints=True)
    loo = leave_one_out(post, node, i1, i0)
    for t in range(12):
        a1, a0 = l1.copy(), l0.copy()
        a1[node[t]] -= i1[t]
        a0[node[t]] -= i0[t]
        assert np.abs(loo[t] - infer(net, a1, a0).marginal).max() < 1e-9


def test_a_budget_too_small_for_the_width_switches_to_sampling():
    net = random_net(np.random.default_rng(0))
    assert structure(net).method == EXACT
    assert structure(net, budget=2).method == SAMPLED


@pytest.mark.parametrize(("n_roots", "n_gated"), [(4, 6), (8, 10), (10, 10)])
def test_sampling_error_stays_within_its_own_bound(n_roots, n_gated):
    rng = np.random.default_rng(n_roots * 31 + n_gated)
    worst = 0.0
    for _ in range(3):
        net = random_net(rng, n_roots=n_roots, n_gated=n_gated)
        l1, l0 = random_evidence(rng, net.n_nodes)
        exact = infer(net, l1, l0)
        approx = infer(net, l1, l0, budget=1, tolerance=0.01, seed=1)
        assert approx.method == SAMPLED and approx.width is None and approx.ess > 1000
        err = np.abs(approx.marginal - exact.marginal)
        # 3 standard errors per node; across ~60 nodes a rare excess is expected, never a large one
        assert np.mean(err <= approx.error_bound) >= 0.95
        assert err.max() <= 1.5 * approx.error_bound.max()
        worst = max(worst, float(err.max()))
    assert worst < 0.015


@pytest.mark.parametrize("budget", [None, 2])  # exact, and sampled (beyond a budget of 2)
def test_contradictory_evidence_is_a_clear_error(budget):
    net = random_net(np.random.default_rng(1), n_roots=2, n_gated=1)
    l1 = np.array([-np.inf, 0.0, 0.0])
    l0 = np.array([-np.inf, 0.0, 0.0])
    from beleidstheorie.errors import BeleidstheorieError

    with pytest.raises(BeleidstheorieError, match="contradictory"):
        infer(net, l1, l0, budget=budget)


def test_contradictory_evidence_of_many_points_is_the_same_error():
    from beleidstheorie.errors import BeleidstheorieError
    from beleidstheorie.reasoning.inference import infer_many

    net = random_net(np.random.default_rng(1), n_roots=2, n_gated=1)
    bad = np.array([-np.inf, 0.0, 0.0])
    with pytest.raises(BeleidstheorieError, match="contradictory") as caught:
        infer_many([net, net], [np.zeros(3), bad], [np.zeros(3), bad])
    assert caught.value.problems[0].key == "contradictory"


@pytest.mark.parametrize("seed", range(12))
def test_joints_with_absorbed_roots_equal_brute_force_enumeration(seed):
    """Query only the gated nodes, so roots are summed out into groups: the one-sweep
    joints of every node (roots included) with each query node still equal brute force."""
    rng = np.random.default_rng(100 + seed)
    net = random_net(rng, n_roots=9, n_gated=11, max_parents=6, p_cond=0.2)
    l1, l0 = random_evidence(rng, net.n_nodes)
    q = np.flatnonzero(net.gate != ROOT)
    ref = enumerate_marginals(net, l1, l0, query_pairs=True)
    post = infer(net, l1, l0, query=q, joints=True)
    assert post.method == EXACT
    assert np.abs(post.marginal - np.diag(ref)).max() < 1e-9
    assert np.abs(post.joint11 - ref[:, q]).max() < 1e-9


@pytest.mark.parametrize("seed", range(6))
def test_one_sweep_joints_equal_recalibrating_once_per_clamp(seed):
    """On networks too large to enumerate, the sweep of clamped messages gives the joints of
    the general method — the whole tree recalibrated with each query node clamped (1e-9)."""
    from beleidstheorie.reasoning.inference.elimination import Calibration
    from beleidstheorie.reasoning.inference.engine import _factor_list, _keep, _marginals, joint_columns
    from beleidstheorie.reasoning.inference.factors import factorise

    rng = np.random.default_rng(200 + seed)
    net = random_net(rng, n_roots=30, n_gated=25, max_parents=6, p_cond=0.2)
    l1, l0 = random_evidence(rng, net.n_nodes)
    q = np.flatnonzero(net.gate != ROOT)[::2]
    shape = structure(net, q, joints=True)
    fz = factorise(net, l1, l0, keep=_keep(net, q, True), shape=shape.layout)
    cal = Calibration(shape.plan, _factor_list(fz))
    marginal = _marginals([fz], shape.plan, cal)[0]
    fast = joint_columns(fz, shape.plan, cal, q, marginal)
    general = joint_columns(fz, shape.plan, cal, q, marginal, general=True)
    assert len(fz.groups) > 0
    assert np.abs(fast - general).max() < 1e-9


def _side_by_side(a: BayesNet, b: BayesNet) -> BayesNet:
    """Two networks as one with two unconnected parts (a junction forest)."""
    off = a.n_nodes
    cond_b = np.where(b.edge_condition >= 0, b.edge_condition + off, -1)
    return BayesNet(
        names=(*a.names, *(f"b{n}" for n in b.names)),
        gate=np.concatenate([a.gate, b.gate]),
        base=np.concatenate([a.base, b.base]),
        edge_parent=np.concatenate([a.edge_parent, b.edge_parent + off]),
        edge_child=np.concatenate([a.edge_child, b.edge_child + off]),
        edge_strength=np.concatenate([a.edge_strength, b.edge_strength]),
        edge_condition=np.concatenate([a.edge_condition, cond_b]),
        edge_strength_off=np.concatenate([a.edge_strength_off, b.edge_strength_off]),
    )


@pytest.mark.parametrize("seed", range(4))
def test_joints_across_unconnected_parts_equal_brute_force_enumeration(seed):
    rng = np.random.default_rng(300 + seed)
    net = _side_by_side(random_net(rng, 4, 6), random_net(rng, 3, 5))
    l1, l0 = random_evidence(rng, net.n_nodes)
    q = np.flatnonzero(net.gate != ROOT)
    assert sum(1 for k in structure(net, q, joints=True).plan.parent if k < 0) >= 2
    ref = enumerate_marginals(net, l1, l0, query_pairs=True)
    post = infer(net, l1, l0, query=q, joints=True)
    assert np.abs(post.joint11 - ref[:, q]).max() < 1e-9


def dense_net(m: int) -> BayesNet:
    """One root, then m noisy-OR nodes each with every earlier node as parent: width m."""
    ep = [i for j in range(1, m + 1) for i in range(j)]
    ec = [j for j in range(1, m + 1) for _ in range(j)]
    k = len(ep)
    return BayesNet(
        tuple(f"x{i}" for i in range(m + 1)),
        np.array([ROOT] + [1] * m),
        np.full(m + 1, 0.1),
        np.array(ep),
        np.array(ec),
        np.full(k, 0.3),
        np.full(k, -1),
        np.zeros(k),
    )


def test_the_default_budget_is_a_largest_clique_table_of_2_to_the_21_entries():
    # docs/method.md: exact while the largest clique table fits the budget (2^21 entries)
    fits, beyond = structure(dense_net(20), budget=2**40), structure(dense_net(21), budget=2**40)
    assert (fits.plan.largest_table, beyond.plan.largest_table) == (2**21, 2**22)
    assert structure(dense_net(20)).method == EXACT
    assert structure(dense_net(21)).method == SAMPLED


def test_a_budget_of_exactly_the_largest_table_is_enough_and_one_entry_less_is_not():
    from beleidstheorie.reasoning.inference.elimination import interaction_graph, min_fill_order, plan

    triangle = [(0, 1, 2)]
    adj = interaction_graph(3, triangle)
    p = plan(adj, triangle, budget=8)
    assert p is not None and (p.width, p.largest_table) == (2, 8)  # one clique of three binary variables
    assert plan(adj, triangle, budget=7) is None
    assert min_fill_order(adj, budget=7) is None
    net = random_net(np.random.default_rng(0))
    table = structure(net).plan.largest_table
    assert structure(net, budget=table).method == EXACT
    assert structure(net, budget=table - 1).method == SAMPLED


def test_a_hub_of_many_neighbours_is_eliminated_last_so_a_wheel_keeps_width_3():
    from beleidstheorie.reasoning.inference.elimination import interaction_graph, plan

    rim = 45  # above the degree where the hub's fill is bounded instead of counted
    scopes = [(0, v) for v in range(1, rim + 1)] + [(v, v % rim + 1) for v in range(1, rim + 1)]
    p = plan(interaction_graph(rim + 1, scopes), scopes)
    assert p.width == 3


def test_an_edge_array_of_the_wrong_length_is_refused():
    good = random_net(np.random.default_rng(2))
    with pytest.raises(ValueError, match=r"^edge_strength needs one entry per edge$"):
        BayesNet(good.names, good.gate, good.base, good.edge_parent, good.edge_child,
                 good.edge_strength[:-1], good.edge_condition, good.edge_strength_off)  # fmt: skip


def test_brute_force_enumeration_refuses_a_network_beyond_22_nodes():
    net = dense_net(39)
    with pytest.raises(ValueError, match=r"^brute-force enumeration is for networks of at most 22 nodes$"):
        enumerate_marginals(net, np.zeros(40), np.zeros(40))


@pytest.mark.parametrize("proposal", ["upward", "prior"])
def test_both_proposals_estimate_the_exact_posteriors_within_their_bound(proposal):
    rng = np.random.default_rng(11)
    for _ in range(3):
        net = random_net(rng, n_roots=8, n_gated=10)
        l1, l0 = random_evidence(rng, net.n_nodes)
        exact = infer(net, l1, l0).marginal
        q = np.arange(net.n_nodes)
        est = importance_sample(net, l1, l0, q, tolerance=0.01, seed=3, proposal=proposal)
        err = np.abs(est.marginal - exact)
        assert np.mean(err <= Z * est.stderr) >= 0.95
        assert err.max() <= 1.5 * Z * est.stderr.max()


def test_the_upward_proposal_keeps_weights_even_when_the_evidence_sits_below_the_roots():
    # evidence only on the gated nodes: the prior proposal ignores it when drawing the roots
    rng = np.random.default_rng(12)
    ratios = {"upward": [], "prior": []}
    for _ in range(4):
        net = random_net(rng, n_roots=10, n_gated=10)
        l1, l0 = random_evidence(rng, net.n_nodes)
        l1[net.gate == ROOT] = 0.0
        l0[net.gate == ROOT] = 0.0
        q = np.arange(net.n_nodes)
        for proposal in ratios:
            est = importance_sample(net, 3 * l1, 3 * l0, q, max_samples=16_384, proposal=proposal)
            ratios[proposal].append(est.ess / est.samples)
    assert np.mean(ratios["upward"]) > np.mean(ratios["prior"])


def test_many_sampled_networks_reach_the_tolerance_on_their_query_nodes():
    rng = np.random.default_rng(13)
    net = random_net(rng, n_roots=8, n_gated=10)
    pairs = [random_evidence(rng, net.n_nodes) for _ in range(3)]
    q = np.flatnonzero(net.gate != ROOT)
    shape = structure(net, budget=1)
    posts = infer_many(
        [net] * 3, [a for a, _ in pairs], [b for _, b in pairs], shape=shape, tolerance=0.02, query=q
    )
    for post, (l1, l0) in zip(posts, pairs, strict=True):
        exact = infer(net, l1, l0).marginal
        assert post.method == SAMPLED and list(post.query) == list(q)
        assert post.error_bound[q].max() <= 0.02
        assert np.abs(post.marginal - exact)[q].max() <= 1.5 * post.error_bound[q].max()


def test_a_converged_sample_reports_a_bound_within_the_tolerance():
    rng = np.random.default_rng(5)
    net = random_net(rng, n_roots=6, n_gated=8)
    l1, l0 = random_evidence(rng, net.n_nodes)
    approx = infer(net, l1, l0, budget=1, tolerance=0.02, seed=2)
    assert approx.method == SAMPLED
    assert 0.0 < approx.error_bound.max() <= 0.02


def test_exact_says_whether_every_posterior_is_exact():
    rng = np.random.default_rng(7)
    net = random_net(rng, n_roots=4, n_gated=6)
    l1, l0 = random_evidence(rng, net.n_nodes)
    assert infer(net, l1, l0).exact is True
    assert infer(net, l1, l0, budget=1, tolerance=0.05, seed=1).exact is False


def test_sampling_never_stops_on_standard_errors_from_too_few_effective_samples():
    # strong evidence and the prior proposal: weights so uneven that 4,096 samples can be worth
    # a few hundred; the bounds from those would be met at a loose tolerance, but not trusted
    rng = np.random.default_rng(12)
    extended = 0
    for _ in range(8):
        net = random_net(rng, n_roots=14, n_gated=14)
        l1, l0 = random_evidence(rng, net.n_nodes)
        est = importance_sample(
            net, 25 * l1, 25 * l0, np.arange(net.n_nodes), tolerance=0.1, proposal="prior"
        )
        assert est.ess >= MIN_ESS
        extended += est.samples > min_samples(0.1)
    assert extended >= 1
