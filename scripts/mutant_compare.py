"""Measure whether one mutant changes results: the same seeded probe on the code and on the mutant.

The figures behind the equivalent survivors of docs/mutation.md. The mutant is applied to a
copy of ``src/`` (the working tree is never touched): on line LINE of MODULE (a path under
``src/beleidstheorie``) the first OLD becomes NEW. The probe then runs once on each copy, in
its own process, and the report says how many of its outputs are bit-identical and the
largest difference of the others.

    python scripts/mutant_compare.py reasoning/model/priors.py 265 \\
        "lo, hi = 1.0, 1.0 /" "lo, hi = 0.0, 1.0 /" --probe noisy-and

Probes: ``calibrations`` (1,500 random calibrations of both gates, alone and in a batch),
``noisy-and`` (3,000 random noisy-AND calibrations, strengths scaled 0.001–1.5) and
``inference`` (marginals and joints of 30 random networks with auxiliary variables and
absorbed roots).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _requests(rng: np.random.Generator, i: int, gate: str, mult: float) -> tuple:
    edges, conds = int(rng.integers(1, 40)), int(rng.integers(0, 4))
    p = rng.random(edges)
    strength = rng.random((2**conds, edges)) * mult
    weights = rng.dirichlet(np.ones(2**conds))
    base = float(rng.uniform(0.3, 1.0))
    stated = float(rng.uniform(0.01, 0.99))
    floor = float(min(rng.uniform(0, 0.3), stated * 0.999))
    rivals = (float(rng.uniform(0, 0.9)),) if rng.random() < 0.3 else ()
    return (stated, p, strength, weights, gate, base, floor, rivals)


def _row(c) -> list[float]:
    return [c.scale, c.base, c.leak, c.paths, c.prior]


def probe_calibrations() -> dict[str, np.ndarray]:
    from beleidstheorie.reasoning.model import priors

    rng = np.random.default_rng(15)
    mults = (0.01, 0.5, 1.0, 1.5)
    reqs = [_requests(rng, i, ("noisy-or", "noisy-and")[i % 2], mults[i % 4]) for i in range(1500)]
    priors._REMEMBERED.clear()
    alone = np.array([_row(priors.calibrate(*r)) for r in reqs])
    priors._REMEMBERED.clear()
    batch = np.array([_row(c) for c in priors.calibrate_many(reqs)])
    differ = int((alone != batch).any(axis=1).sum())
    print(f"  calibrate and calibrate_many differ in {differ} of {len(reqs)} calibrations")
    return {"alone": alone, "batch": batch}


def probe_noisy_and() -> dict[str, np.ndarray]:
    from beleidstheorie.reasoning.model import priors

    rng = np.random.default_rng(16)
    mults = (0.001, 0.01, 0.1, 0.5, 1.0, 1.5)
    reqs = [_requests(rng, i, "noisy-and", mults[i % 6]) for i in range(3000)]
    priors._REMEMBERED.clear()
    return {"alone": np.array([_row(priors.calibrate(*r)) for r in reqs])}


def probe_inference() -> dict[str, np.ndarray]:
    sys.path.insert(0, str(ROOT))
    from tests.reasoning.random_nets import random_evidence, random_net

    from beleidstheorie.reasoning.inference.engine import infer
    from beleidstheorie.reasoning.model.bayesnet import ROOT as ROOT_GATE

    out: dict[str, np.ndarray] = {}
    rng = np.random.default_rng(2026)
    for i in range(30):
        net = random_net(
            rng, n_roots=int(rng.integers(5, 20)), n_gated=int(rng.integers(5, 15)), max_parents=7
        )
        l1, l0 = random_evidence(rng, net.n_nodes)
        out[f"marginal{i}"] = infer(net, l1, l0).marginal
        for name, q in (("all", np.arange(net.n_nodes)), ("gated", np.flatnonzero(net.gate != ROOT_GATE))):
            post = infer(net, l1, l0, joints=True, query=q)
            out[f"{name}_marginal{i}"], out[f"{name}_joint{i}"] = post.marginal, post.joint11
    return out


PROBES = {"calibrations": probe_calibrations, "noisy-and": probe_noisy_and, "inference": probe_inference}


def _run(src: Path, probe: str, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(src))
    subprocess.run([sys.executable, __file__, "--run-probe", probe, str(out)], env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", nargs="?")
    parser.add_argument("line", nargs="?", type=int)
    parser.add_argument("old", nargs="?")
    parser.add_argument("new", nargs="?")
    parser.add_argument("--probe", choices=sorted(PROBES))
    parser.add_argument("--run-probe", nargs=2, metavar=("PROBE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_probe:
        name, out = args.run_probe
        np.savez(out, **PROBES[name]())
        return
    if None in (args.module, args.line, args.old, args.new, args.probe):
        parser.error("MODULE LINE OLD NEW and --probe are needed")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "src"
        shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
        path = copy / "beleidstheorie" / args.module
        lines = path.read_text(encoding="utf-8").split("\n")
        if args.old not in lines[args.line - 1]:
            sys.exit(f"line {args.line} of {args.module} does not contain {args.old!r}")
        lines[args.line - 1] = lines[args.line - 1].replace(args.old, args.new, 1)
        path.write_text("\n".join(lines), encoding="utf-8")
        print("mutant:", lines[args.line - 1].strip())
        print("code:")
        _run(ROOT / "src", args.probe, Path(tmp) / "code.npz")
        print("mutant:")
        _run(copy, args.probe, Path(tmp) / "mutant.npz")
        code, mutant = np.load(Path(tmp) / "code.npz"), np.load(Path(tmp) / "mutant.npz")
        rows = differ = 0
        worst = relative = 0.0
        for key in code.files:
            a, b = code[key], mutant[key]
            same = (a == b) | (np.isnan(a) & np.isnan(b))
            rows += a.shape[0]
            differ += int((~same).reshape(a.shape[0], -1).any(axis=1).sum())
            if not same.all():
                gap = np.abs(a - b)[~same]
                worst = max(worst, float(gap.max()))
                relative = max(relative, float((gap / np.maximum(np.abs(a[~same]), 1e-300)).max()))
    print(
        f"{rows} rows in {len(code.files)} outputs: {differ} not bit-identical, "
        f"largest difference {worst:.2g} ({relative:.2g} of the value)"
    )


if __name__ == "__main__":
    main()
