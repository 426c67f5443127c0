"""The numbers of many parameter points from one structure equal a model built at each point.

The reference is the model builder as it was (``reference_build.py``, one node and one edge
at a time) at each configuration, one by one (its evidence items, its BayesNet, its per-node
log-likelihoods), and :func:`infer` on that model; the new path builds the structure once and
only recomputes the numbers per point (:func:`~beleidstheorie.reasoning.model.points.model_points`,
``score_configs``), and :func:`build_model` builds one model with the same vectorised builder.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.graph.load import theory_from_model
from beleidstheorie.reasoning.analysis.intervals import (
    apply,
    latin_hypercube,
    parameter_ranges,
    scalar_parameters,
    with_parameter,
)
from beleidstheorie.reasoning.config import Config, load_config
from beleidstheorie.reasoning.inference import infer
from beleidstheorie.reasoning.model import priors
from beleidstheorie.reasoning.model.build import build_model
from beleidstheorie.reasoning.model.points import model_points
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.reasoning.score import evaluate, score_configs
from beleidstheorie.reasoning.verdict import DirectEvidence, verdict, verdicts
from tests.reasoning.reference_build import build_model as reference_model
from tests.reasoning.strategies import theories

TOL = 1e-12


def _points(config: Config, n: int, seed: int) -> list[Config]:
    """Latin-hypercube points (as the intervals draw them) and one-parameter moves (as sensitivity)."""
    found = [apply(config, v) for v in latin_hypercube(parameter_ranges(config), n, seed)]
    rng = np.random.default_rng(seed)
    params = list(scalar_parameters(config))
    for k in rng.choice(len(params), size=min(n, len(params)), replace=False):
        path, value = params[int(k)]
        found.append(with_parameter(config, path, value * (1 + float(rng.uniform(-0.9, 0.9)))))
    return [c for c in found if c is not None]


def _direct(model) -> tuple[np.ndarray, np.ndarray]:
    lr = model.items.log_lr
    n = model.network.n_nodes
    return (
        np.bincount(model.items.node, weights=np.maximum(lr, 0.0), minlength=n),
        np.bincount(model.items.node, weights=np.maximum(-lr, 0.0), minlength=n),
    )


def _same_numbers(network, configs, rnd) -> None:
    got = model_points(network, configs, rnd)
    assert len(got) == len(configs)
    for cfg, point in zip(configs, got, strict=True):
        ref = reference_model(network, cfg, rnd)
        _same_model(build_model(network, cfg, rnd), ref)
        for name in ("gate", "edge_parent", "edge_child", "edge_condition"):
            np.testing.assert_array_equal(getattr(point.net, name), getattr(ref.net, name))
        assert point.net.names == ref.net.names
        for name in ("base", "edge_strength", "edge_strength_off"):
            np.testing.assert_allclose(getattr(point.net, name), getattr(ref.net, name), atol=TOL, rtol=0)
        np.testing.assert_allclose(point.log_l1, ref.log_l1, atol=TOL, rtol=0)
        np.testing.assert_allclose(point.log_l0, ref.log_l0, atol=TOL, rtol=0)
        np.testing.assert_array_equal(point.theory_node, ref.theory_node)
        pos, neg = _direct(ref)
        np.testing.assert_allclose(point.in_favour, pos, atol=TOL, rtol=0)
        np.testing.assert_allclose(point.against, neg, atol=TOL, rtol=0)


def _same_model(model, ref) -> None:
    for name in ("gate", "edge_parent", "edge_child", "edge_condition"):
        np.testing.assert_array_equal(getattr(model.net, name), getattr(ref.net, name))
    assert model.net.names == ref.net.names and model.notes == ref.notes
    for name in ("base", "edge_strength", "edge_strength_off"):
        np.testing.assert_allclose(getattr(model.net, name), getattr(ref.net, name), atol=TOL, rtol=0)
    for name in ("log_l1", "log_l0", "item_node", "theory_node", "stated_prior"):
        np.testing.assert_allclose(getattr(model, name), getattr(ref, name), atol=TOL, rtol=0)
    assert (model.paths, model.rival, model.rival_routes) == (ref.paths, ref.rival, ref.rival_routes)
    assert model.calibration.keys() == ref.calibration.keys()
    for k, cal in model.calibration.items():
        np.testing.assert_allclose(
            list(vars(cal).values()), list(vars(ref.calibration[k]).values()), atol=TOL
        )
    for name in ("obs", "node", "l1", "l0", "weight"):
        np.testing.assert_array_equal(getattr(model.items, name), getattr(ref.items, name))
    assert (model.items.rule, model.items.basis, model.items.source) == (
        ref.items.rule,
        ref.items.basis,
        ref.items.source,
    )


def _same_scores(network, configs, rnd) -> None:
    config = load_config()
    ev = evaluate(None, config, rnd, explain=False, network=network)
    got = score_configs(ev, configs)
    for cfg, (post, err, vs) in zip(configs, got, strict=True):
        ref = reference_model(network, cfg, rnd)
        found = infer(ref.net, ref.log_l1, ref.log_l0, query=ref.theory_node)
        p = found.marginal[ref.theory_node]
        np.testing.assert_allclose(post, p, atol=TOL, rtol=0)
        assert not np.any(err) and found.exact
        pos, neg = _direct(ref)
        assert vs == [
            verdict(DirectEvidence(float(a), float(b)), float(q), cfg)
            for a, b, q in zip(pos, neg, p, strict=True)
        ]


@pytest.fixture
def fresh_calibrations(monkeypatch):
    monkeypatch.setattr(priors, "_REMEMBERED", {})  # every calibration searched anew


def test_every_point_of_the_flagship_equals_a_model_built_there(flagship_theory, fresh_calibrations):
    network = read_network(flagship_theory.store)
    configs = _points(load_config(), 24, seed=0)
    assert len(configs) > 30
    _same_numbers(network, configs, network.round_number(None))


def test_every_parameter_moved_alone_gives_the_model_built_there(flagship_theory):
    """Each parameter up and down by 30 %, in one batch: points share the parts a parameter does
    not enter (``model_points``), so a parameter read by the wrong part would differ here."""
    network = read_network(flagship_theory.store)
    config = load_config()
    configs = [
        c
        for path, value in scalar_parameters(config)
        for c in (with_parameter(config, path, value * 0.7), with_parameter(config, path, value * 1.3))
        if c is not None
    ]
    assert len(configs) > 60
    _same_numbers(network, configs, network.round_number(None))


def test_every_point_of_the_flagship_scores_as_a_model_built_there(flagship_theory):
    network = read_network(flagship_theory.store)
    configs = _points(load_config(), 12, seed=1)
    _same_scores(network, configs, network.round_number(None))


@settings(max_examples=30, deadline=None)
@given(theories(max_initiatives=5, max_mechanisms=5, v2=True), st.integers(0, 2**32 - 1))
def test_every_point_of_a_random_theory_equals_a_model_built_there(model, seed):
    network = read_network(theory_from_model(model).store)
    configs = _points(load_config(), 6, seed)
    for rnd in (1, network.round_number(None)):
        _same_numbers(network, configs, rnd)
    _same_scores(network, configs, network.round_number(None))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(0, 4) | st.sampled_from([0.0, np.log(2.0), np.log(1.2), np.log(5.0)]),
            st.floats(0, 4) | st.sampled_from([0.0, np.log(2.0), np.log(1.2), np.log(5.0)]),
            st.floats(0, 1) | st.sampled_from([0.6, 0.7, 0.8]),
            st.floats(0, 0.2) | st.just(0.0),
        ),
        min_size=1,
        max_size=20,
    ),
    st.integers(0, 2**32 - 1),
)
def test_verdicts_of_many_nodes_equal_the_verdict_of_each(rows, seed):
    config = _points(load_config(), 1, seed)[0]
    pos, neg, post, err = (np.array(col, dtype=float) for col in zip(*rows, strict=True))
    expected = [
        verdict(
            DirectEvidence(float(a), float(b)),
            float(p),
            config,
            (float(p - e), float(p + e)) if e > 0 else None,
        )
        for a, b, p, e in rows
    ]
    assert verdicts(pos, neg, post, err, config) == expected


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 60), st.floats(-2.0, 3.0) | st.sampled_from([0.0, 1.0, -0.0, 0.5]))
def test_setting_one_parameter_is_valid_exactly_where_the_whole_configuration_is(k, factor):
    config = load_config()
    params = list(scalar_parameters(config))
    path, value = params[k % len(params)]
    new = value * factor
    data = config.model_dump()
    node = data
    keys = path.split(".")
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = new
    try:
        expected = Config.model_validate(data)
    except Exception:
        expected = None
    assert with_parameter(config, path, new) == expected


def _renumbered(rng: np.random.Generator, net):
    """``net`` with new numbers (bases, strengths), as another parameter point gives it."""
    from dataclasses import replace as copy

    return copy(
        net,
        base=rng.uniform(0.05, 0.95, net.base.size),
        edge_strength=rng.uniform(0.05, 0.95, net.edge_strength.size),
        edge_strength_off=np.where(net.edge_condition >= 0, rng.uniform(0, 0.5, net.edge_strength.size), 0.0),
    )


@pytest.mark.parametrize("seed", range(12))
def test_many_networks_of_one_shape_factorise_as_each_alone(seed):
    """Gate tables, edge factors, absorbed roots: every table of the batch equals its own."""
    from beleidstheorie.reasoning.inference.factors import factorise, factorise_many, layout
    from tests.reasoning.random_nets import random_evidence, random_net

    rng = np.random.default_rng(seed)
    net = random_net(rng, n_roots=int(rng.integers(2, 9)), n_gated=int(rng.integers(2, 9)), max_parents=6)
    nets = [net, *(_renumbered(rng, net) for _ in range(3))]
    evidence = [random_evidence(rng, net.n_nodes) for _ in nets]
    lay = layout(net)
    batch = factorise_many(nets, [e[0] for e in evidence], [e[1] for e in evidence], lay)
    for b, (x, (l1, l0)) in enumerate(zip(nets, evidence, strict=True)):
        alone = factorise(x, l1, l0, shape=lay)
        assert [f.scope for f in alone.factors] == [f.scope for f in batch.factors]
        for f, g in zip(alone.factors, batch.factors, strict=True):
            np.testing.assert_allclose(g.table[b], f.table, atol=TOL, rtol=0)
        for f, g in zip(alone.groups, batch.groups, strict=True):
            assert f.scope == g.scope and np.array_equal(f.roots, g.roots)
            for name in ("pi0", "pi1", "f0", "f1"):
                np.testing.assert_allclose(getattr(g, name)[b], getattr(f, name), atol=TOL, rtol=0)


@pytest.mark.parametrize("seed", range(8))
def test_many_networks_of_one_shape_infer_as_each_alone(seed):
    from beleidstheorie.reasoning.inference import infer_many, structure
    from tests.reasoning.random_nets import random_evidence, random_net

    rng = np.random.default_rng(100 + seed)
    net = random_net(rng, n_roots=int(rng.integers(3, 12)), n_gated=int(rng.integers(3, 9)), max_parents=6)
    nets = [net, *(_renumbered(rng, net) for _ in range(4))]
    evidence = [random_evidence(rng, net.n_nodes) for _ in nets]
    found = infer_many(nets, [e[0] for e in evidence], [e[1] for e in evidence], shape=structure(net))
    for x, (l1, l0), post in zip(nets, evidence, found, strict=True):
        np.testing.assert_allclose(post.marginal, infer(x, l1, l0).marginal, atol=TOL, rtol=0)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 45), st.floats(0.0, 0.3))
def test_setting_many_parameters_is_valid_exactly_where_the_whole_configuration_is(seed, n, wild):
    config = load_config()
    params = list(scalar_parameters(config))
    rng = np.random.default_rng(seed)
    values = {}
    for k in rng.choice(len(params), size=min(n, len(params)), replace=False):
        path, value = params[int(k)]
        factor = rng.uniform(-1.5, 2.5) if rng.random() < wild else rng.uniform(0.7, 1.3)
        values[path] = value * factor
    data = config.model_dump()
    for path, value in values.items():
        node = data
        keys = path.split(".")
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    try:
        expected = Config.model_validate(data)
    except Exception:
        expected = None
    assert apply(config, values) == expected


def test_the_likelihoods_kept_for_facts_without_evidence_equal_the_rule_at_every_point(flagship_theory):
    """evidence._likelihoods keeps the pair of a fact whose rule gives no evidence: at every point
    (one-parameter moves and joint points), under each set of the configuration's words in turn
    on one plan, each likelihood equals the rule applied afresh."""
    from beleidstheorie.reasoning.evidence import _likelihoods, _plan
    from beleidstheorie.reasoning.model.likelihood import NO_EVIDENCE_RULES, likelihood

    network = read_network(flagship_theory.store)
    plan = _plan(network, network.round_number(None))
    kept = 0
    for words in ({}, {"response.model": "informative"}, {"defaults.basis": "description"}, {}):
        config = Config.model_validate(_with_words(load_config().model_dump(), words))
        for cfg in [config, *_points(config, 12, seed=3)]:
            got = _likelihoods(plan, cfg)
            assert got == [likelihood(f, cfg) for f in plan.facts], words
            kept += sum(lk.rule in NO_EVIDENCE_RULES for lk in got)
    assert kept > 0


def _with_words(data: dict, words: dict[str, str]) -> dict:
    for key, value in words.items():
        section, name = key.split(".")
        data[section][name] = value
    return data
