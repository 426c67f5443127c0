"""The measurements behind the sampled branch's choices (docs/method.md §7), on bench_views' theory.

1. ``--width``: can a better elimination order bring the theory into the exact budget
   (largest clique 2^21 entries, width 20)? Our min-fill order, networkx's min-degree and
   min-fill-in heuristics, min-fill with random tie-breaking and with a random choice among
   the variables within 1 of the least fill (best of 200 orders each), a lower
   bound (minor-min-width), and how many variables a cutset must condition on before the
   min-fill width fits (each one doubles the calibrations).
2. ``--tolerance``: the intervals' 24 parameter points sampled to each per-point tolerance —
   CPU seconds, the intervals' median and smallest width, and how many verdicts stay robust.

Run: `python benchmarks/sampled_choices.py --width` or `--tolerance`.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import replace
from pathlib import Path

import networkx as nx
import numpy as np
from networkx.algorithms.approximation import treewidth_min_degree, treewidth_min_fill_in

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_views import synthetic_theory

import beleidstheorie.reasoning.score as scoring
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.inference.elimination import interaction_graph, min_fill_order
from beleidstheorie.reasoning.inference.factors import factorise, layout
from beleidstheorie.reasoning.model.build import build_model
from beleidstheorie.reasoning.network import read_network

BUDGET_WIDTH = 20


def _graph():
    net = read_network(synthetic_theory(200, 60).store)
    m = build_model(net, load_config(), 2)
    zeros = np.zeros(m.net.n_nodes)
    fz = factorise(m.net, zeros, zeros, shape=layout(m.net))
    adj = interaction_graph(fz.n_vars, [f.scope for f in fz.factors])
    return adj, nx.Graph((a, b) for a, nbs in enumerate(adj) for b in nbs)


def _random_min_fill(g: nx.Graph, seed: int, slack: int = 0) -> int:
    rng = random.Random(seed)
    h, width = g.copy(), 0
    while h:
        fill = {v: sum(1 for a in h[v] for b in h[v] if a < b and not h.has_edge(a, b)) for v in h}
        low = min(fill.values())
        v = rng.choice([u for u in h if fill[u] <= low + slack])
        nbs = list(h[v])
        width = max(width, len(nbs))
        h.add_edges_from((a, b) for i, a in enumerate(nbs) for b in nbs[i + 1 :])
        h.remove_node(v)
    return width


def _minor_min_width(g: nx.Graph) -> int:
    h, bound = g.copy(), 0
    while h.number_of_nodes() > 1:
        v = min(h, key=h.degree)
        bound = max(bound, h.degree(v))
        if h.degree(v) == 0:
            h.remove_node(v)
            continue
        h = nx.contracted_nodes(h, min(h[v], key=h.degree), v, self_loops=False)
    return bound


def widths() -> str:
    adj, g = _graph()
    _, cliques = min_fill_order(adj)
    rows = [
        ("variables / edges of the interaction graph", f"{g.number_of_nodes()} / {g.number_of_edges()}"),
        ("min-fill (the engine's order)", max(len(c) for c in cliques)),
        ("networkx treewidth_min_degree", treewidth_min_degree(g)[0]),
        ("networkx treewidth_min_fill_in", treewidth_min_fill_in(g)[0]),
        ("min-fill, random ties, best of 200", min(_random_min_fill(g, s) for s in range(200))),
        (
            "within 1 of the least fill, at random, best of 200",
            min(_random_min_fill(g, s, 1) for s in range(200)),
        ),
        ("lower bound (minor-min-width)", _minor_min_width(g)),
    ]
    h, cut = g.copy(), 0
    while min(treewidth_min_fill_in(h)[0], treewidth_min_degree(h)[0]) > BUDGET_WIDTH:
        h.remove_node(max(h, key=h.degree))
        cut += 1
    rows.append((f"cutset (highest degree first) until the width is ≤ {BUDGET_WIDTH}", f"{cut} variables"))
    return "| order | width |\n|---|---:|\n" + "".join(f"| {a} | {b} |\n" for a, b in rows)


def tolerances() -> str:
    net = read_network(synthetic_theory(200, 60).store)
    ev = scoring.evaluate(None, load_config(), 2, explain=False, network=replace(net))
    out = "| per-point tolerance | CPU seconds (24 points) | median width | smallest width | robust |\n"
    out += "|---:|---:|---:|---:|---:|\n"
    keep = scoring.INTERVAL_TOLERANCE
    try:
        for tol in (0.005, 0.01, 0.02, 0.03):
            scoring.INTERVAL_TOLERANCE = tol
            start = time.process_time()
            iv = scoring.score_intervals(ev)
            t = time.process_time() - start
            w = iv.high - iv.low
            out += (
                f"| {tol} | {t:.2f} | {np.median(w):.3f} | {w.min():.3f} "
                f"| {int(iv.robust.sum())} of {iv.robust.size} |\n"
            )
    finally:
        scoring.INTERVAL_TOLERANCE = keep
    return out


if __name__ == "__main__":
    print(widths() if "--width" in sys.argv else tolerances())
