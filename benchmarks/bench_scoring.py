"""Benchmark: scoring synthetic theories of 10^3, 10^5 and 10^6 indicators.

Measures, on the engine's compact array form (what `read_network` returns):
  - the engine: evidence weighing + exact inference of every node (no leave-one-out);
  - for 10^3 and 10^4 indicators also the full path from RDF: an Oxigraph store is
    filled from N-Triples and read with the engine's SPARQL queries;
  - pgmpy exact inference (variable elimination) on the same network, with one
    evidence node per observation, while it is feasible.

Run: `make bench` (writes benchmarks/results.md, the table in the README).
Sizes can be chosen: `python benchmarks/bench_scoring.py 1000 100000`.
"""

from __future__ import annotations

import gc
import math
import platform
import statistics
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import v2_fields

from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.evidence import evidence_items
from beleidstheorie.reasoning.inference import infer
from beleidstheorie.reasoning.model.bayesnet import BayesNet
from beleidstheorie.reasoning.model.build import build_model
from beleidstheorie.reasoning.network import Network, NodeInfo, Round

INDICATORS_PER_INITIATIVE = 50
N_MECHANISMS = 11
N_SUBGOALS = 3
PGMPY_MAX_PARENTS = 12  # a noisy-OR CPT with more parents has > 4096 columns per mechanism
PGMPY_MAX_OBSERVATIONS = 20_000
OUT = Path(__file__).with_name("results.md")


def synthetic_network(n_indicators: int, seed: int = 0) -> Network:
    """A theory shaped like the flagship, scaled: 50 indicators per initiative."""
    rng = np.random.default_rng(seed)
    n_ini = max(1, n_indicators // INDICATORS_PER_INITIATIVE)
    k, j = N_MECHANISMS, N_SUBGOALS
    nodes = (
        [NodeInfo(f"urn:i{i}", f"i{i}", f"I{i}", "", "initiative") for i in range(n_ini)]
        + [NodeInfo(f"urn:m{m}", f"m{m}", f"M{m}", "", "mechanism") for m in range(k)]
        + [NodeInfo(f"urn:s{s}", f"s{s}", f"S{s}", "", "subgoal") for s in range(j)]
        + [NodeInfo("urn:g", "g", "G", "", "main_goal")]
    )
    per = rng.integers(1, 4, n_ini)  # 1-3 contributions per initiative
    con_init = np.repeat(np.arange(n_ini), per)
    con_mech = np.concatenate([rng.choice(k, size=p, replace=False) for p in per])
    ind_initiative = np.repeat(np.arange(n_ini), INDICATORS_PER_INITIATIVE)[:n_indicators]
    n_ind = ind_initiative.size
    # ~1 in 8 indicators observes a mechanism its initiative targets, the rest delivery.
    direct = rng.random(n_ind) < 0.125
    tgt_indicator = np.flatnonzero(direct)
    first_con = np.concatenate([[0], np.cumsum(per)[:-1]])
    tgt_node = n_ini + con_mech[first_con[ind_initiative[tgt_indicator]]]
    # Two rounds: every indicator measured in round 2, 60 % also in round 1.
    in_r1 = rng.random(n_ind) < 0.6
    obs_indicator = np.concatenate([np.flatnonzero(in_r1), np.arange(n_ind)])
    n_obs = obs_indicator.size
    return Network(
        theory="urn:synthetic",
        theory_label="synthetic",
        rounds=(Round("urn:r1", "r1", 1, "R1"), Round("urn:r2", "r2", 2, "R2")),
        nodes=tuple(nodes),
        n_initiatives=n_ini,
        n_mechanisms=k,
        n_subgoals=j,
        mech_subgoal=np.arange(k) % j,
        con_init=con_init,
        con_mech=con_mech,
        con_strength=rng.integers(0, 3, con_init.size),
        con_provenance=rng.integers(0, 2, con_init.size),
        con_quote=("",) * con_init.size,
        obs_id=tuple(f"o{x}" for x in range(n_obs)),
        obs_indicator=obs_indicator,
        obs_round=np.concatenate([np.ones(in_r1.sum(), dtype=np.int64), np.full(n_ind, 2)]),
        obs_status=rng.choice(4, n_obs, p=[0.55, 0.1, 0.3, 0.05]),
        obs_kind=rng.choice(3, n_obs, p=[0.5, 0.25, 0.25]),
        obs_text=("",) * n_obs,
        obs_section=("",) * n_obs,
        obs_page=(None,) * n_obs,
        ind_id=tuple(f"x{x}" for x in range(n_ind)),
        ind_label=("",) * n_ind,
        ind_initiative=ind_initiative,
        ind_level=rng.integers(0, 4, n_ind),
        ind_delivery=~direct,
        tgt_indicator=tgt_indicator,
        tgt_node=tgt_node,
        **v2_fields(n_obs, rng),
    )


def engine_score(net: Network, config) -> np.ndarray:
    m = build_model(net, config, 2)
    return infer(m.net, m.log_l1, m.log_l0).marginal


def measure(func, make, repeat: int = 3):
    """(median CPU seconds of ``repeat`` runs, peak traced memory in MiB, result) of ``func(make())``.

    Each run gets a fresh input from ``make()`` (built outside the timer), so no run reuses
    what an earlier one cached on its network. The time is taken without tracemalloc, which
    slows every allocation (at 10^6 indicators 45 s CPU against 6.9 s without it); the peak
    memory in one more run under it.
    """
    times, result = [], None
    for _ in range(repeat):
        arg = make()
        gc.collect()
        start = time.process_time()
        result = func(arg)
        times.append(time.process_time() - start)
    arg = make()
    gc.collect()
    tracemalloc.start()
    func(arg)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak, result


def pgmpy_posteriors(net: Network, config):
    """Exact posteriors by pgmpy on the model's BayesNet (full tables from the gate formulas)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pgmpy.factors.discrete import TabularCPD
        from pgmpy.inference import VariableElimination
        from pgmpy.models import DiscreteBayesianNetwork
    import itertools

    m = build_model(net, config, 2)
    bn: BayesNet = m.net
    names = list(bn.names)
    model = DiscreteBayesianNetwork()
    model.add_nodes_from(names)
    cpds = []
    for x in range(bn.n_nodes):
        edges = np.flatnonzero(bn.edge_child == x)
        parents = sorted(
            {int(bn.edge_parent[e]) for e in edges}
            | {int(bn.edge_condition[e]) for e in edges if bn.edge_condition[e] >= 0}
        )
        model.add_edges_from((names[p], names[x]) for p in parents)
        on = []
        for states in itertools.product([0, 1], repeat=len(parents)):
            full = np.zeros((1, bn.n_nodes), dtype=np.int8)
            full[0, parents] = states
            on.append(float(bn.p_active(full)[0, x]))
        values = [[1 - v for v in on], on]
        cpds.append(
            TabularCPD(names[x], 2, values, evidence=[names[p] for p in parents] or None,
                       evidence_card=[2] * len(parents) or None)
        )  # fmt: skip
    evidence = {}
    for x in range(bn.n_nodes):
        if m.log_l1[x] == 0.0 and m.log_l0[x] == 0.0:
            continue
        top = max(m.log_l1[x], m.log_l0[x])
        a, b = math.exp(m.log_l1[x] - top), math.exp(m.log_l0[x] - top)
        e = f"e{x}"
        model.add_edge(names[x], e)
        cpds.append(TabularCPD(e, 2, [[1 - b, 1 - a], [b, a]], evidence=[names[x]], evidence_card=[2]))
        evidence[e] = 1
    model.add_cpds(*cpds)
    ve = VariableElimination(model)
    return np.array([float(ve.query([n], evidence=evidence, show_progress=False).values[1]) for n in names])


def max_parents(net: Network) -> int:
    return int(np.bincount(net.con_mech, minlength=net.n_mechanisms).max())


def rdf_path(n_indicators: int, config) -> tuple[float, float]:
    """Time to fill Oxigraph from N-Triples and read the network with SPARQL."""
    import random

    from beleidstheorie.graph.build import build_graph
    from beleidstheorie.graph.store import OxigraphStore
    from beleidstheorie.reasoning.network import read_network
    from beleidstheorie.reasoning.score import score

    rng = random.Random(0)
    model = synthetic_model(n_indicators, rng)
    graph = build_graph(model)
    start = time.perf_counter()
    store = OxigraphStore.from_graph(graph)
    read_network(store)
    load = time.perf_counter() - start
    start = time.perf_counter()
    score(store, config, explain=False)
    return load, time.perf_counter() - start


def synthetic_model(n_indicators: int, rng):
    """The same shape as an authoring model (for the RDF path)."""
    from beleidstheorie.authoring.models import Theory

    ref = {"section": "s"}
    n_ini = max(1, n_indicators // INDICATORS_PER_INITIATIVE)
    initiatives = []
    for i in range(n_ini):
        mechs = rng.sample(range(N_MECHANISMS), rng.randint(1, 3))
        indicators = [
            {
                "id": f"x{i}-{k}",
                "label": "x",
                "type": "bereik-burgers",
                "ref": ref,
                "evidence_for": {"delivery": True, "rationale": "r"},
                "observations": [
                    {
                        "round": "r2",
                        "status": "progressie-geboekt",
                        "evidence_kind": "quantitative",
                        "text": "t",
                        "rationale": "r",
                        "ref": ref,
                    }
                ],
            }
            for k in range(INDICATORS_PER_INITIATIVE)
        ]
        initiatives.append(
            {
                "id": f"i{i}",
                "number": i + 1,
                "label": "I",
                "beoogd_effect": "e",
                "ref": ref,
                "indicators": indicators,
                "contributions": [
                    {
                        "mechanism": f"m{m}",
                        "strength": "strong",
                        "provenance": "stated",
                        "quote": "q",
                        "ref": ref,
                    }
                    for m in mechs
                ],
            }
        )
    return Theory.model_validate(
        {
            "id": "synthetic",
            "base_iri": "https://example.org/synthetic/",
            "label": "S",
            "main_goal": {"id": "g", "label": "G", "ref": ref},
            "subgoals": [
                {"id": f"s{s}", "number": s + 1, "label": "S", "ref": ref} for s in range(N_SUBGOALS)
            ],
            "mechanisms": [
                {"id": f"m{m}", "label": "M", "subgoal": f"s{m % N_SUBGOALS}", "ref": ref}
                for m in range(N_MECHANISMS)
            ],
            "rounds": [
                {"id": "r1", "number": 1, "label": "R1", "date": "2021-01-01"},
                {"id": "r2", "number": 2, "label": "R2", "date": "2022-01-01"},
            ],
            "initiatives": initiatives,
        }
    )


def main(sizes: list[int]) -> str:
    config = load_config()
    rows = []
    for n in sizes:
        net = synthetic_network(n)
        n_obs = len(net.obs_id)
        t, mem, ours = measure(
            lambda net: engine_score(net, config),
            lambda n=n: synthetic_network(n),
            repeat=3 if n <= 100_000 else 1,
        )
        parents = max_parents(net)
        n_items = len(evidence_items(net, config, 2).obs)
        if parents <= PGMPY_MAX_PARENTS and n_items <= PGMPY_MAX_OBSERVATIONS:
            tp, memp, ref = measure(
                lambda net: pgmpy_posteriors(net, config), lambda n=n: synthetic_network(n), repeat=1
            )
            err = float(np.max(np.abs(ref - ours)))
            pg = f"{tp:.3f} s | {memp:.0f} MiB | {tp / t:,.0f}× | {err:.1e}"
        else:
            pg = f"not run: a mechanism has {parents} parents (CPT of 2^{parents} columns) | | |"
        if n <= 10_000:
            load, full = rdf_path(n, config)
            rdf = f"{load:.2f} s + {full:.2f} s"
        else:
            rdf = "not run"
        rows.append(
            f"| {n:,} | {n_obs:,} | {net.n_initiatives:,} | {t:.3f} s | {mem:.0f} MiB | {pg} | {rdf} |"
        )
        print(rows[-1], flush=True)
    header = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, Python {platform.python_version()}, "
        f"{platform.processor() or 'unknown CPU'}; 11 mechanisms, 3 sub-goals, 50 indicators per initiative.",
        "",
        "CPU seconds (median of 3 runs on a freshly built network each, one run at 10^6 indicators "
        "and for pgmpy; without tracemalloc), peak memory from one more run under tracemalloc; "
        "the machine's 2 cores shared with other jobs.",
        "",
        "| indicators | observations | initiatives | engine time | engine peak memory "
        "| pgmpy time | pgmpy peak memory "
        "| ratio pgmpy/engine | max abs difference | RDF: Oxigraph load + SPARQL read, then score |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    return "\n".join(header + rows) + "\n"


if __name__ == "__main__":
    sizes = [int(x) for x in sys.argv[1:]] or [1_000, 10_000, 100_000, 1_000_000]
    table = main(sizes)
    OUT.write_text(table, encoding="utf-8")
    print(f"\nwrote {OUT}")
