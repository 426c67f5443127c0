"""Benchmark: inference without limits — the issue's targets, measured.

1. The target theory: 60 mechanisms, 5 sub-goals, 2,000 initiatives, ~10^5 observations
   (synthetic portfolio, see `synthetic.py`): scoring without impacts, with every impact,
   and with impacts and intervals; which method ran, its width, and the importance
   sampler's measured maximum error against the exact posteriors at the same size.
2. A cross-cutting portfolio (10 % of initiatives also serve a second sub-goal) whose
   width is beyond the exact budget: the sampler's time and its own error bound.
3. bench_views' theory of 200 initiatives × 60 mechanisms (each initiative 1–3 mechanisms of
   any sub-goal, so its width is beyond the exact budget): what `render --evidence` and the
   page score per round.
4. The flagship as a fresh process: `beleidstheorie score --format json` (intervals included).
5. Growth from 10^3 to 10^6 observations (60 mechanisms, initiatives within one sub-goal).

Run: `make bench` (writes benchmarks/inference_results.md, the tables in the README).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_views import synthetic_theory
from synthetic import portfolio_network

import beleidstheorie.reasoning.score as scoring
from beleidstheorie.reasoning.analysis.intervals import apply, latin_hypercube, parameter_ranges
from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.inference import infer
from beleidstheorie.reasoning.model.build import build_model
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.reasoning.score import assemble, evaluate, score_configs, score_intervals

OUT = Path(__file__).with_name("inference_results.md")
ROOT = Path(__file__).resolve().parents[1]


def timed(func):
    start = time.process_time()
    value = func()
    return time.process_time() - start, value


def score_times(net, config, repeat: int = 3, budget: int | None = None) -> dict:
    """CPU seconds (median of ``repeat`` runs) for: no impacts; impacts; impacts + intervals
    (+ result objects), each from a cold start on the network. ``budget=1`` forces sampling."""
    runs = []
    for _ in range(repeat):
        # each scoring on a fresh copy of the network: none reuses the evidence plan that an
        # earlier one cached on it (a fresh process scores cold)
        # ... and none reuses a sampled prior that an earlier one remembered
        scoring._sampled_prior.clear()
        t0, ev0 = timed(lambda: evaluate(None, config, 2, explain=False, network=replace(net), budget=budget))
        scoring._sampled_prior.clear()
        t1, ev = timed(lambda: evaluate(None, config, 2, explain=True, network=replace(net), budget=budget))
        t2, iv = timed(lambda ev=ev: score_intervals(ev))
        t3, _ = timed(lambda ev=ev, iv=iv: assemble(replace(ev, intervals=iv)))
        runs.append((t0, t1, t1 + t2 + t3))
    t0, t1, full = (float(np.median([r[k] for r in runs])) for k in range(3))
    return {
        "obs": len(net.obs_id),
        "items": len(ev.items.obs),
        "ini": net.n_initiatives,
        "plain": t0,
        "impacts": t1,
        "full": full,
        "method": ev.posterior.method,
        "width": ev.posterior.width,
        "stderr": float(ev0.posterior.error_bound.max()),
        "ess": ev0.posterior.ess,
        "interval_bound": interval_bound(ev),
    }


def interval_bound(ev) -> float | None:
    """The largest error bound of a sampled parameter point (None when exact): its interval is
    widened by that much at most on each side."""
    if ev.posterior.exact:
        return None
    cfg = apply(ev.config, latin_hypercube(parameter_ranges(ev.config), 1)[0])
    return float(max(b.max() for _, b, _ in score_configs(ev, [cfg]))) if cfg is not None else None


def sampled_row(name: str, r: dict, extra: str = "") -> str:
    """A table row of a sampled theory: the three times and its bounds."""
    iv = f", intervals' points {r['interval_bound']:.3f}" if r["interval_bound"] is not None else ""
    return (
        f"| {name} | {r['obs']:,} | {r['ini']:,} | importance-sampling{extra} | {r['plain']:.2f} s "
        f"| {r['impacts']:.2f} s ({r['impacts'] / r['plain']:.2f}×) | {r['full']:.2f} s "
        f"| bound {r['stderr']:.4f}{iv}, ESS {r['ess']:,.0f} |"
    )


def sampler_error(net, config) -> tuple[float, float, float, float]:
    """(seconds, max |sampled − exact|, max claimed bound, ESS) at the network's size."""
    m = build_model(net, config, 2)
    bn, l1, l0 = m.net, m.log_l1, m.log_l0
    exact = infer(bn, l1, l0).marginal
    q = np.array([*m.mechanisms, *m.subgoals, m.main_goal], dtype=np.int64)
    t, approx = timed(lambda: infer(bn, l1, l0, query=q, budget=1))
    err = np.abs(approx.marginal - exact)
    return t, float(err[q].max()), float(approx.error_bound[q].max()), float(approx.ess)


def flagship_fresh_process(repeat: int = 3) -> float:
    """Best CPU of ``score --format json`` as a fresh process on a warm cache whose remembered
    output is removed before every run: the store read from the cache, everything scored."""
    exe = shutil.which("beleidstheorie", path=str(Path(sys.executable).parent))
    best = float("inf")
    cache = Path(tempfile.mkdtemp(prefix="bench-inference-cache-"))
    env = {**os.environ, "BELEIDSTHEORIE_CACHE_DIR": str(cache)}
    args = [exe, "score", "intensiveringsaanpak", "--format", "json"]
    subprocess.run(args, check=True, capture_output=True, cwd=ROOT, env=env)  # fills the cache
    for _ in range(repeat):
        for entry in cache.glob("*-output.json"):
            entry.unlink()
        before = os.times()
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT, env=env)
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        best = min(best, cpu)
    shutil.rmtree(cache, ignore_errors=True)
    return best


def sampled_rows(config) -> list[str]:
    """The rows of the sampled theories: the target forced to sample, the cross-cutting
    portfolio and bench_views' theory (both beyond the budget)."""
    lines = []
    target = portfolio_network(2000, cross=0.02)
    f = score_times(target, config, budget=1)
    _, err, bound, _ = sampler_error(target, config)
    lines.append(
        sampled_row("the same, forced to sample", f)[:-2]
        + f"; measured against exact {err:.4f} (bound {bound:.4f}) |"
    )
    print(lines[-1], flush=True)
    dense = portfolio_network(2000, cross=0.10, seed=1)
    d = score_times(dense, config)
    lines.append(
        sampled_row("cross-cutting: 10 % cross-links", d, " (beyond budget)")[:-2]
        + " (no exact reference at this width) |"
    )
    print(lines[-1], flush=True)
    views = read_network(synthetic_theory(200, 60).store)
    v = score_times(views, config)
    lines.append(
        sampled_row("bench_views: 200 initiatives × 60 mechanisms, one round scored", v, " (beyond budget)")
    )
    print(lines[-1], flush=True)
    return lines


def main(growth: list[int]) -> str:
    config = load_config()
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, Python {platform.python_version()}, "
        "2 cores shared with other jobs (CPU seconds of this process, each scoring cold on a fresh copy of "
        "the network, median of 3 runs, one run at "
        "10^6 observations; the flagship: user+system CPU of the child process, "
        "best of 3).",
        "",
        "| theory | observations | initiatives | method (width) | score | with impacts "
        "| with impacts and intervals | max error |",
        "|---|---:|---:|---|---:|---:|---:|---|",
    ]
    target = portfolio_network(2000, cross=0.02)
    r = score_times(target, config)
    lines.append(
        f"| target: 60 mechanisms, 5 sub-goals, 2 % cross-links | {r['obs']:,} | {r['ini']:,} "
        f"| {r['method']} ({r['width']}) | {r['plain']:.2f} s | {r['impacts']:.2f} s | {r['full']:.2f} s "
        f"| exact (0) |"
    )
    print(lines[-1], flush=True)
    lines += sampled_rows(config)
    fresh = flagship_fresh_process()
    lines += [
        "",
        "Flagship, `beleidstheorie score intensiveringsaanpak --format json` as a fresh process "
        "on a warm cache with its remembered output removed (the store read from the cache; exact, "
        f"intervals included): {fresh:.2f} s CPU (best of 3).",
        "",
    ]
    print(lines[-2], flush=True)
    lines += [
        "| observations | initiatives | score | with impacts | with impacts and intervals |",
        "|---:|---:|---:|---:|---:|",
    ]
    for n_obs in growth:
        n_ini = max(1, round(n_obs / 50))
        g = score_times(portfolio_network(n_ini, cross=0.0), config, repeat=1 if n_obs >= 500_000 else 3)
        lines.append(
            f"| {g['obs']:,} | {g['ini']:,} | {g['plain']:.2f} s | {g['impacts']:.2f} s | {g['full']:.2f} s |"
        )
        print(lines[-1], flush=True)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if "--sampled" in sys.argv:  # only the sampled rows, printed (the rest of the table unchanged)
        print("\n".join(sampled_rows(load_config())))
        sys.exit(0)
    sizes = [int(x) for x in sys.argv[1:]] or [1_000, 10_000, 100_000, 1_000_000]
    OUT.write_text(main(sizes), encoding="utf-8")
    print(f"\nwrote {OUT}")
