"""Benchmark: every reading command on the bundled flagship as a fresh process, cold and warm.

Each command runs as a user runs it: a new ``beleidstheorie`` process, so Python's
start-up, every import and the loading of the theory count. Two situations:

- cold  an empty content-hash cache (``BELEIDSTHEORIE_CACHE_DIR`` a new empty folder for
        every run): the YAML is parsed, the authoring model and the graph are built, SHACL
        runs, and the store is written to the cache;
- warm  the cache the same command left behind: the theory's store is read from the
        cache and its content hash is already marked valid; ``score`` and ``sensitivity``
        on stdout replay the output they remembered (``cli/result_cache.py``), and the rows
        ``... (output recomputed)`` delete that entry before every run, so they measure
        loading the cached store and computing every score with its interval.

``score --store DIR`` reads a persistent embedded store made by ``beleidstheorie load``
(no cache involved). The package's bytecode is compiled beforehand into a private
``PYTHONPYCACHEPREFIX`` (as ``pip install`` does), so no run pays for compiling it.

Times are the median of ``--runs`` runs (default 5) of CPU seconds (user + system of the
process, from ``os.wait4``) and wall seconds; memory is the median peak resident set.
The machine is shared with other work, so wall time is noisier than CPU time.

Run: ``python benchmarks/bench_startup.py`` (writes ``benchmarks/startup-results.md`` and
``benchmarks/startup-results.json``, and the ``bench-startup`` table in the README);
``--only score,validate`` measures some commands and prints their rows without writing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from _machine import cpu_name  # noqa: E402
from _markers import replace_sections  # noqa: E402

OUT = Path(__file__).with_name("startup-results.md")
ROWS = Path(__file__).with_name("startup-results.json")
EXE = str(Path(sys.executable).parent / "beleidstheorie")
FLAGSHIP = "intensiveringsaanpak"
TARGET = 1.0  # seconds: every reading command of the flagship (issue #12)
RECOMPUTED = " (output recomputed)"  # rows whose remembered output is removed before every warm run


def commands(out: Path, store: Path) -> dict[str, list[str]]:
    """The measured commands by name: each reading command once, on the flagship."""
    return {
        "--help": ["--help"],
        "validate": ["validate", FLAGSHIP],
        "score": ["score", FLAGSHIP],
        "score" + RECOMPUTED: ["score", FLAGSHIP],
        "score --format json": ["score", "--format", "json", FLAGSHIP],
        "coverage": ["coverage", FLAGSHIP],
        "explain Maatwerk": ["explain", "Maatwerk", FLAGSHIP],
        "next": ["next", FLAGSHIP],
        "list": ["list", "mechanisms", FLAGSHIP],
        "compare": ["compare", "--from", "monitor-2021", "--to", "evaluatie-2022", FLAGSHIP],
        "sensitivity": ["sensitivity", FLAGSHIP],
        "sensitivity" + RECOMPUTED: ["sensitivity", FLAGSHIP],
        "interactive": ["interactive", FLAGSHIP, "-o", str(out / "flagship.html")],
        "render schema": ["render", "schema", FLAGSHIP, "-o", str(out / "schema.svg")],
        "export": ["export", FLAGSHIP, "-o", str(out / "flagship.ttl")],
        "score --store DIR": ["score", "--store", str(store), FLAGSHIP],
    }


def run(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``beleidstheorie ARGS`` once; its CPU seconds, wall seconds and peak memory (MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen([EXE, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"beleidstheorie {' '.join(args)} failed ({code}): {err[-1500:]}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "mem": usage.ru_maxrss / 1024}


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median of each measure over ``runs``."""
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def measure(name: str, args: list[str], env: dict[str, str], work: Path, runs: int) -> dict:
    """Cold runs (each with a new empty cache) and warm runs (the cache primed) of one command."""
    cold = []
    for i in range(runs):
        cache = work / f"cold-{name.replace(' ', '_')}-{i}"
        cold.append(run(args, {**env, "BELEIDSTHEORIE_CACHE_DIR": str(cache)}))
    warm_dir = work / "warm"
    warm_env = {**env, "BELEIDSTHEORIE_CACHE_DIR": str(warm_dir)}
    run(args, warm_env)  # primes the cache (and the page cache) for this command
    warm = []
    for _ in range(runs):
        if name.endswith(RECOMPUTED):  # the store, outline and validity stay cached; the output not
            for entry in warm_dir.glob("*-output.json"):
                entry.unlink()
        warm.append(run(args, warm_env))
    return {"command": name, "cold": median(cold), "warm": median(warm)}


def child_env(work: Path) -> dict[str, str]:
    """The environment of every measured process: private bytecode, no progress line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BELEIDSTHEORIE_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env["BELEIDSTHEORIE_QUIET"] = "1"
    return env


def compile_package(env: dict[str, str]) -> None:
    """Compile the package's modules into the private bytecode cache, as an install does."""
    code = (
        "import beleidstheorie, compileall, pathlib; "
        "compileall.compile_dir(pathlib.Path(beleidstheorie.__file__).parent, quiet=1)"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def header(runs: int) -> str:
    """The line above the table: when, where and how it was measured."""
    return (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores shared "
        f"with other work, {cpu_name()}, Python {platform.python_version()}; "
        f"`beleidstheorie COMMAND intensiveringsaanpak` as a fresh process, median of {runs} runs: "
        "CPU seconds (user + system) and wall seconds; cold = an empty cache (YAML parsed, SHACL "
        "run), warm = the cache the command left (store read from it, validity remembered; `score` "
        "and `sensitivity` replay the output they remembered for the unchanged theory, "
        f"`cli/result_cache.py`; a row `…{RECOMPUTED}` removes that entry before every run, so it "
        "loads the cached store and computes everything).\n\n"
    )


def table(rows: list[dict]) -> str:
    """The results as a Markdown table."""

    def cell(m: dict[str, float]) -> str:
        return f"{m['cpu']:.2f} s / {m['wall']:.2f} s"

    def under(m: dict[str, float]) -> str:
        return "yes" if m["cpu"] < TARGET else "no"

    lines = [
        "| command | cold: CPU / wall | warm: CPU / wall | warm peak memory | CPU under 1 s: cold / warm |",
        "|---|---:|---:|---:|---|",
    ]
    for r in rows:
        memory = f"{r['warm']['mem']:.0f} MiB"
        ok = f"{under(r['cold'])} / {under(r['warm'])}"
        lines.append(f"| `{r['command']}` | {cell(r['cold'])} | {cell(r['warm'])} | {memory} | {ok} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command and situation (median)")
    parser.add_argument("--only", default="", help="comma-separated command names; prints, writes nothing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        work = Path(tmp)
        env = child_env(work)
        compile_package(env)
        store = work / "store"
        bundled = subprocess.run(
            [sys.executable, "-c", "import beleidstheorie as bt; print(bt.bundled_graph_path())"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        run(["load", bundled, "--store", str(store)], {**env, "BELEIDSTHEORIE_CACHE_DIR": str(work / "load")})
        cmds = commands(work, store)
        wanted = [c for c in args.only.split(",") if c] or list(cmds)
        unknown = [c for c in wanted if c not in cmds]
        if unknown:
            raise SystemExit(f"unknown command {unknown[0]!r}; known: {', '.join(cmds)}")
        rows = []
        for name in wanted:
            rows.append(measure(name, cmds[name], env, work, args.runs))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    if args.only:
        return
    ROWS.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    OUT.write_text(header(args.runs) + table(rows), encoding="utf-8")
    readme = ROOT / "README.md"
    measured = OUT.read_text(encoding="utf-8").rstrip("\n")
    readme.write_text(
        replace_sections(readme.read_text(encoding="utf-8"), {"bench-startup": measured}), encoding="utf-8"
    )
    print(f"wrote {OUT}, {ROWS} and README.md")


if __name__ == "__main__":
    main()
