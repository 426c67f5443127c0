"""Benchmark: stores at 10^4 … 10^7 triples — load, score, coverage, validate; memory; size on disk.

For each size a seeded synthetic theory (``beleidstheorie generate``, N-Triples) is
measured, every step in a fresh process (so imports and start-up count, as for a
user), and each time is also given as a ratio to the raw pyoxigraph load of the
same file in the same run:

- raw       ``pyoxigraph.Store().bulk_load(file)``, nothing else (the yardstick);
- file      ``beleidstheorie score FILE.nt`` / ``coverage`` / ``validate``: native load into
            the embedded in-memory store, then the command;
- embedded  ``beleidstheorie load FILE --store DIR`` (named graphs per round, atomic
            version), then ``score --store DIR`` / ``coverage --store DIR``; store size on disk;
- oxigraph  the same against ``oxigraph serve`` on loopback;
- virtuoso  the same against Virtuoso on loopback;
- rdflib    rdflib's in-memory graph: ``Graph().parse(file)`` and the same SPARQL reads
            and engine through :class:`~beleidstheorie.graph.stores.RdflibStore` (the baseline).

Times are CPU seconds of the measured process (user + system; for the servers the
client's CPU plus wall time is shown, since the work happens in the server), peak
memory is the process's maximum resident set. The machine is shared, so ratios
matter more than seconds.

Run: ``python benchmarks/bench_stores.py 10000 100000 1000000`` (writes
``benchmarks/results-stores.md``, the table in the README). ``--skip rdflib,virtuoso``
leaves out slow columns. ``--steps FILE`` times the reading steps of one file in one
process, SHACL left out (raw load, native load, integrity checks, reads, the engine of
``score(items=False)`` phase by phase on the grouped network — nominal evaluation, the 24
interval points, assembling, first call of the process — then both kinds of ``score``
whole): how the 10^6 figures of ``docs/scaling.md`` were taken.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from _machine import cpu_name  # noqa: E402
from _markers import replace_sections  # noqa: E402
from tests.servers import oxigraph_server, virtuoso_server  # noqa: E402

OUT = Path(__file__).with_name("results-stores.md")
ROWS = Path(__file__).with_name("results-stores.json")
EXE = str(Path(sys.executable).parent / "beleidstheorie")
TRIPLES_PER_INITIATIVE = 293  # measured: 6 indicators, 3 rounds, 12 mechanisms
TIMEOUT = 1800


def run(args: list[str], env: dict | None = None) -> dict:
    """Run a command; its CPU seconds, wall seconds and peak memory (MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({code}): {err[-1500:]}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "mem": usage.ru_maxrss / 1024}


RAW = (
    "import sys, pyoxigraph as ox; s = ox.Store(); "
    "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_TRIPLES)"
)
RDFLIB = """
import sys
from rdflib import Graph
from beleidstheorie.graph.stores import RdflibStore
from beleidstheorie.reasoning.score import score
g = Graph(); g.parse(sys.argv[1], format="nt")
score(RdflibStore(g), explain=False)
"""
READ_AND_SCORE = """
import sys, time
from beleidstheorie.graph.load import load_theory
from beleidstheorie.reasoning.network import read_evidence_groups
from beleidstheorie.reasoning.score import score
theory = load_theory(sys.argv[1]) if len(sys.argv) == 2 else load_theory(None, store=sys.argv[2])
t = time.perf_counter(); net = read_evidence_groups(theory.store); read = time.perf_counter() - t
t = time.process_time(); score(theory.store, items=False); engine = time.process_time() - t
print(read, engine)
"""


STEPS = """
import resource, sys, time
from dataclasses import replace
from pathlib import Path
import pyoxigraph as ox
from beleidstheorie.collector import paused
from beleidstheorie.graph.integrity import structural_problems
from beleidstheorie.graph.load import _theory_in, load_rdf_store
from beleidstheorie.graph.stores import OxigraphStore
from beleidstheorie.reasoning.network import read_evidence_groups, read_network
from beleidstheorie.reasoning.score import assemble, evaluate, score, score_intervals

def step(label, f):
    t = time.process_time()
    out = f()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label}: {time.process_time() - t:.2f} s CPU, peak {peak:.0f} MiB", flush=True)
    return out

path = sys.argv[1]
step("raw bulk_load", lambda: ox.Store().bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES))
store = step("native load (load_rdf_store)", lambda: OxigraphStore(load_rdf_store(Path(path))))
_theory_in(store, path)
step("SPARQL integrity checks (cycles, non-numbers; a file marked checked skips them)",
     lambda: structural_problems(store, path))
step("read_network (SPARQL reads, item by item)", lambda: read_network(store))
groups = step("read_evidence_groups (counted groups, the embedded store's index)",
              lambda: read_evidence_groups(store))
# score(items=False)'s engine after its reads, phase by phase, first call of the process
with paused():
    ev = step("evaluate (grouped network, first call)",
              lambda: evaluate(store, None, None, explain=False, network=groups))
    ev = step("intervals (24 points)", lambda: replace(ev, intervals=score_intervals(ev)))
    step("assemble", lambda: assemble(ev))
# whole, each reading its own network (after the phases: imports and small caches are warm)
step("score, explain=False (item-by-item reads + engine)", lambda: score(store, explain=False))
step("score, items=False (grouped reads + engine: the score table)", lambda: score(store, items=False))
"""
"""The steps of reading for scoring one by one, SHACL left out (``--steps FILE``)."""


def read_and_score(*args: str, env: dict) -> tuple[float, float]:
    """Wall seconds of the grouped SPARQL reads, CPU seconds of ``score(items=False)`` (reads + engine)."""
    out = subprocess.run(
        [sys.executable, "-c", READ_AND_SCORE, *args], capture_output=True, text=True, env=env
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-1500:])
    read, engine = out.stdout.split()
    return float(read), float(engine)


def du(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def measure(n: int, work: Path, skip: set[str]) -> dict:
    nt = work / f"t{n}.nt"
    initiatives = max(1, round(n / TRIPLES_PER_INITIATIVE))
    if not nt.exists():
        run(
            [
                *(EXE, "generate", "--initiatives", str(initiatives), "--indicators-per-initiative", "6"),
                *("--mechanisms", "12", "--rounds", "3", "--seed", "1", "-o", str(nt)),
            ]
        )
    triples = sum(1 for _ in nt.open("rb"))
    # A fresh cache per size: the only thing it keeps for an RDF file is the mark that
    # the file (by content hash) passed SHACL, so `validate FILE` pays for SHACL and the
    # later commands on the same file do not, as for a user.
    cache = work / f"cache{n}"
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "BELEIDSTHEORIE_CACHE_DIR": str(cache)}
    env.pop("BELEIDSTHEORIE_NO_CACHE", None)
    row: dict = {
        "n": n,
        "triples": triples,
        "initiatives": initiatives,
        "file_mib": nt.stat().st_size / 2**20,
    }
    row["raw"] = run([sys.executable, "-c", RAW, str(nt)])
    row["validate"] = run([EXE, "validate", str(nt)], env) if "validate" not in skip else None
    row["score"] = run([EXE, "score", str(nt)], env)
    row["coverage"] = run([EXE, "coverage", str(nt), "--format", "json"], env)
    row["read"], row["score_only"] = read_and_score(str(nt), env=env)
    store = work / f"store{n}"
    shutil.rmtree(store, ignore_errors=True)
    row["emb_load"] = run([EXE, "load", str(nt), "--store", str(store)], env)
    row["emb_size"] = du(
        store / __import__("json").loads((store / "beleidstheorie-store.json").read_text())["current"]
    )
    row["emb_score"] = run([EXE, "score", "--store", str(store)], env)
    row["emb_read"], _ = read_and_score("-", str(store), env=env)
    for name, server in (("oxigraph", oxigraph_server), ("virtuoso", virtuoso_server)):
        if name in skip:
            continue
        with server(work / f"{name}{n}") as url:
            row[f"{name}_load"] = run([EXE, "load", str(nt), "--store", url], env)
            row[f"{name}_score"] = run([EXE, "score", "--store", url], env)
            row[f"{name}_read"], _ = read_and_score("-", url, env=env)
        shutil.rmtree(work / f"{name}{n}", ignore_errors=True)
    if "rdflib" not in skip:
        row["rdflib"] = run([sys.executable, "-c", RDFLIB, str(nt)])
    shutil.rmtree(store, ignore_errors=True)
    return row


def fmt(cell: dict | None, raw: float, wall: bool = False) -> str:
    if cell is None:
        return "not run"
    t = cell["wall"] if wall else cell["cpu"]
    return f"{t:.2f} s ({t / raw:.1f}×), {cell['mem']:.0f} MiB"


def server(r: dict, name: str) -> str:
    if f"{name}_load" not in r:
        return "not run"
    load, score = r[f"{name}_load"]["wall"], r[f"{name}_score"]["wall"]
    return f"{load:.2f} s / {r[f'{name}_read']:.2f} s / {score:.2f} s"


def table(rows: list[dict]) -> str:
    head = (
        "| triples | raw pyoxigraph load | score FILE | coverage FILE | validate FILE "
        "| grouped reads / score without items "
        "| load --store DIR | store on disk | score --store DIR | SPARQL reads from DIR "
        "| Oxigraph server: load / reads / score (wall) | Virtuoso: load / reads / score (wall) "
        "| rdflib parse + reads + engine |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    lines = []
    for r in rows:
        raw = r["raw"]["cpu"]

        lines.append(
            f"| {r['triples']:,} | {raw:.2f} s, {r['raw']['mem']:.0f} MiB | {fmt(r['score'], raw)} "
            f"| {fmt(r['coverage'], raw)} | {fmt(r['validate'], raw)} "
            f"| {r['read']:.2f} s / {r['score_only']:.2f} s "
            f"| {fmt(r['emb_load'], raw)} | {r['emb_size']:.0f} MiB | {fmt(r['emb_score'], raw)} "
            f"| {r['emb_read']:.2f} s | {server(r, 'oxigraph')} | {server(r, 'virtuoso')} "
            f"| {fmt(r.get('rdflib'), raw)} |"
        )
    return head + "\n".join(lines) + "\n"


def header() -> str:
    return (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores "
        f"(shared with other work), {cpu_name()}, Python {platform.python_version()}; "
        "CPU time of a fresh process (× = ratio to the raw pyoxigraph load of the same file), "
        "peak resident memory; the servers' columns are wall time of the client. "
        "`validate FILE` runs first and pays for SHACL; the later FILE commands find the file's "
        "content hash marked as having passed the whole check in a fresh cache and skip it (SHACL "
        "and the SPARQL integrity checks). `score` prints its table, scored from the store's counted groups "
        "(`read_evidence_groups`); the reads columns are those grouped reads (wall) and "
        "`score(items=False)` (CPU).\n\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--skip", default="", help="comma-separated: rdflib, virtuoso, oxigraph, validate")
    parser.add_argument("--work", type=Path, default=None, help="directory for generated files (kept)")
    parser.add_argument("--append", action="store_true", help="keep the rows of other sizes measured before")
    parser.add_argument("--steps", type=Path, help="only time the reading steps of this N-Triples file")
    args = parser.parse_args()
    if args.steps:
        subprocess.run([sys.executable, "-c", STEPS, str(args.steps)], check=True)
        return
    skip = {s for s in args.skip.split(",") if s}
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-stores-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = json.loads(ROWS.read_text()) if args.append and ROWS.exists() else []
    for n in args.sizes:
        row = measure(n, work, skip)
        rows = sorted([r for r in rows if r["n"] != n] + [row], key=lambda r: r["n"])
        print(table([row]), flush=True)
        # Written after every size, so a long run keeps what it measured so far.
        ROWS.write_text(json.dumps(rows, indent=1), encoding="utf-8")
        OUT.write_text(header() + table(rows), encoding="utf-8")
    measured = OUT.read_text(encoding="utf-8").rstrip("\n")
    for doc in (ROOT / "README.md", ROOT / "docs" / "scaling.md"):
        doc.write_text(
            replace_sections(doc.read_text(encoding="utf-8"), {"stores-bench": measured}), encoding="utf-8"
        )
    print(f"wrote {OUT}, README.md and docs/scaling.md")


if __name__ == "__main__":
    main()
