"""Mutation testing of the modules that decide results, with cosmic-ray.

Each target is a module and the tests that are meant to catch a wrong result in it.
The working tree is copied to a temporary directory first and the tests import the
copy (``PYTHONPATH``), so mutants never touch the files you are editing. For every
target cosmic-ray lists its mutants; ``--sample N --seed S`` keeps a fixed, seeded
subset of N per target (the rest are marked skipped), which is what CI runs. The
report (Markdown) gives the kill rate per package and every surviving mutant with
its diff; ``docs/mutation.md`` says which survivors are equivalent and why.

    python scripts/mutation.py                         # everything (long: see docs/mutation.md)
    python scripts/mutation.py --sample 12 --seed 15 --min-rate 0.9   # the CI sample
    python scripts/mutation.py --only verdict          # one target

Exit status 1 when the kill rate of the run is below ``--min-rate``, 2 when the
unmutated tests already fail (a baseline that is not green measures nothing).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = "src/beleidstheorie"


@dataclass(frozen=True)
class Target:
    """A module under mutation and the tests that must catch its mutants."""

    name: str
    package: str
    module: str
    tests: tuple[str, ...]
    functions: tuple[str, ...] = ()
    """When given, only mutants inside these functions count (the rest of the module is another
    target's business, e.g. the escaping functions of a view)."""


def _t(name: str, package: str, module: str, *tests: str, functions: tuple[str, ...] = ()) -> Target:
    return Target(name, package, f"{PKG}/{module}", tests, functions)


EQUIVALENT_FILE = ROOT / "scripts" / "mutation-equivalent.toml"


def _squeeze(line: str) -> str:
    return "".join(line.split())


def load_equivalents(path: Path = EQUIVALENT_FILE) -> list[dict]:
    """The survivors judged equivalent (``scripts/mutation-equivalent.toml``; reasons in docs/mutation.md)."""
    return tomllib.loads(path.read_text(encoding="utf-8"))["equivalent"]


def equivalent(module: str, diff: str, entries: list[dict]) -> str | None:
    r"""Why the mutant of ``module`` (path under the package) with ``diff`` is equivalent, or None.

    >>> entries = [{"module": "m.py", "before": "x = a + 1", "after": ["x = a - 1"], "why": "dead"}]
    >>> diff = "--- a/m.py\n+++ b/m.py\n@@ -1 +1 @@\n-    x = a + 1\n+    x = a  - 1\n"
    >>> equivalent("m.py", diff, entries), equivalent("m.py", diff.replace("- 1", "* 1"), entries)
    ('dead', None)
    """
    lines = diff.splitlines()
    minus = [_squeeze(x[1:]) for x in lines if x.startswith("-") and not x.startswith("---")]
    plus = [_squeeze(x[1:]) for x in lines if x.startswith("+") and not x.startswith("+++")]
    if len(minus) != 1 or len(plus) != 1:
        return None
    for e in entries:
        if e["module"] != module or _squeeze(e["before"]) != minus[0]:
            continue
        if plus[0] in {_squeeze(a) for a in e["after"]} and e.get("near", "") in diff:
            return e["why"]
    return None


SEMANTICS = "tests/reasoning/test_semantics.py"
INFERENCE = "tests/reasoning/test_inference.py"
POINTS = "tests/reasoning/test_points.py"  # every interval point against a model built there (batched paths)
SINKS = "tests/views/test_escaping.py"

TARGETS: tuple[Target, ...] = (
    _t("verdict", "reasoning", "reasoning/verdict.py", "tests/reasoning/test_verdict.py"),
    _t(
        "sensitivity",
        "reasoning.analysis",
        "reasoning/sensitivity.py",
        "tests/reasoning/test_sensitivity.py",
        "tests/reasoning/test_sensitivity_flips.py",  # the flip search's shortcuts against the full scan
        "tests/reasoning/test_sensitivity_verdicts.py",  # verdict-only points against every point inferred
    ),
    _t("compare", "reasoning.analysis", "reasoning/compare.py", "tests/reasoning/test_compare.py"),
    _t("coverage", "reasoning.analysis", "reasoning/coverage.py", "tests/reasoning/test_coverage.py"),
    _t("checks", "authoring", "authoring/checks.py", "tests/authoring/test_checks.py"),
    _t(
        "likelihood",
        "reasoning.model",
        "reasoning/model/likelihood.py",
        SEMANTICS,
    ),
    _t(
        "priors",
        "reasoning.model",
        "reasoning/model/priors.py",
        SEMANTICS,
        "tests/reasoning/test_priors.py",
        "tests/reasoning/test_mutants_priors.py",
    ),
    _t("build", "reasoning.model", "reasoning/model/build.py", SEMANTICS, POINTS),
    _t("bayesnet", "reasoning.model", "reasoning/model/bayesnet.py", INFERENCE),
    _t("elimination", "reasoning.inference", "reasoning/inference/elimination.py", INFERENCE),
    _t("factors", "reasoning.inference", "reasoning/inference/factors.py", INFERENCE, POINTS),
    _t(
        "sampling",
        "reasoning.inference",
        "reasoning/inference/sampling.py",
        INFERENCE,
        "tests/reasoning/test_mutants_sampling.py",
    ),
    _t("engine", "reasoning.inference", "reasoning/inference/engine.py", INFERENCE, POINTS),
    _t("files", "io", "io/files.py", "tests/io/test_files.py", "tests/io/test_files_calls.py"),
    _t("yamltext", "io", "io/yamltext.py", "tests/io/test_bad_input.py", "tests/io/test_bad_corpus.py"),
    _t(
        "theory_yaml",
        "io",
        "io/theory_yaml.py",
        "tests/io/test_bad_input.py",
        "tests/graph/test_roundtrip.py",
    ),
    _t("rdf", "io", "io/rdf.py", "tests/io/test_rdf_input.py", "tests/graph/test_roundtrip.py"),
    _t("terminal", "views (escaping)", "views/terminal.py", SINKS),
    _t("cells", "views (escaping)", "views/cells.py", SINKS),
    _t(
        "spreadsheet",
        "views (escaping)",
        "views/spreadsheet.py",
        SINKS,
        functions=("safe_cell", "_csv_value", "generate_csv"),
    ),
    _t(
        "dotparts",
        "views (escaping)",
        "views/dotparts.py",
        SINKS,
        functions=("dot_text", "html_text", "left_text"),
    ),
    _t("interactive", "views (escaping)", "views/page/build.py", SINKS, functions=("_json_for_html",)),
)


def copy_tree(dest: Path) -> None:
    """The working tree without the environment, caches and history."""
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "out", "__pycache__", ".*_cache", ".hypothesis", "mutants"
    )
    shutil.copytree(ROOT, dest, ignore=ignore, dirs_exist_ok=True)


def pytest_command(target: Target) -> str:
    """One pytest run: the target's tests and the module's own doctests, stop at the first failure."""
    python = Path(sys.executable)
    args = ["-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=", "--doctest-modules", "-W", "ignore"]
    return " ".join([str(python), "-m", "pytest", *args, *target.tests, target.module])


def write_config(target: Target, path: Path, timeout: float) -> None:
    path.write_text(
        "[cosmic-ray]\n"
        f"module-path = {json.dumps(target.module)}\n"
        f"timeout = {timeout}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(pytest_command(target))}\n"
        '[cosmic-ray.distributor]\nname = "local"\n',
        encoding="utf-8",
    )


def spec_key(spec) -> tuple:
    """A stable order of mutants (cosmic-ray's job ids are random)."""
    return (spec.module_path.as_posix(), tuple(spec.start_pos), spec.operator_name, spec.occurrence)


def annotation_spans(module: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where the type annotations of ``module`` are.

    They are never evaluated (``from __future__ import annotations``), except by pydantic.
    """
    text = module.read_text(encoding="utf-8")
    # pydantic does evaluate the annotations of its models' fields
    kinds = ast.arg if "pydantic" in text else ast.arg | ast.AnnAssign
    notes: list[ast.expr] = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, kinds) and node.annotation is not None:
            notes.append(node.annotation)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is not None:
            notes.append(node.returns)
    return [((n.lineno, n.col_offset), (n.end_lineno or n.lineno, n.end_col_offset or 0)) for n in notes]


def function_spans(module: Path, names: tuple[str, ...]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where the top-level functions ``names`` of ``module`` are (decorators included)."""
    found: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {}
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in names:
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            found[node.name] = ((first, 0), (node.end_lineno or node.lineno, 10**6))
    if missing := sorted(set(names) - set(found)):
        raise SystemExit(f"{module}: no function {', '.join(missing)} to mutate")
    return list(found.values())


def select_jobs(
    session: Path, module: Path, n: int | None, seed: int, functions: tuple[str, ...] = ()
) -> tuple[int, int]:
    """Skip mutants inside type annotations and, when ``functions`` are named, outside them; then all
    but a seeded sample of ``n``. The numbers skipped for being in annotations and outside."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    spans = annotation_spans(module)
    with use_db(str(session), WorkDB.Mode.open) as db:
        items = sorted(db.work_items, key=lambda w: spec_key(w.mutations[0]))

        def in_annotation(w) -> bool:
            start = tuple(w.mutations[0].start_pos)
            return any(a <= start < b for a, b in spans)

        scope = function_spans(module, functions) if functions else None

        def outside(w) -> bool:
            start = tuple(w.mutations[0].start_pos)
            return scope is not None and not any(a <= start <= b for a, b in scope)

        notes = [w for w in items if in_annotation(w)]
        items = [w for w in items if not in_annotation(w)]
        away = [w for w in items if outside(w)]
        items = [w for w in items if not outside(w)]
        skip = [w.job_id for w in notes + away]
        if n is not None and n < len(items):
            keep = set(random.Random(seed).sample(range(len(items)), n))
            skip += [w.job_id for i, w in enumerate(items) if i not in keep]
        if skip:
            db.set_multiple_results(skip, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
        return len(notes), len(away)


@dataclass
class Outcome:
    target: Target
    killed: int
    survived: list[tuple[str, str]]  # (where, diff), not judged equivalent
    equivalent: list[tuple[str, str]]  # (where, why): listed in scripts/mutation-equivalent.toml
    incompetent: int
    annotations: int
    outside: int
    seconds: float


def results(
    target: Target, session: Path, entries: list[dict]
) -> tuple[int, list[tuple[str, str]], list[tuple[str, str]], int]:
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    killed, incompetent, survived, same = 0, 0, [], []
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                continue
            if result.worker_outcome != WorkerOutcome.NORMAL or result.test_outcome == TestOutcome.KILLED:
                killed += 1  # a crash or timeout of the tests is a detected mutant
            elif result.test_outcome == TestOutcome.INCOMPETENT:
                incompetent += 1
            else:
                spec = item.mutations[0]
                where = f"{target.module}:{spec.start_pos[0]} {spec.operator_name} #{spec.occurrence}"
                why = equivalent(target.module.removeprefix(PKG + "/"), result.diff or "", entries)
                if why is None:
                    survived.append((where, result.diff or ""))
                else:
                    same.append((where, why))
    return killed, sorted(survived), sorted(same), incompetent


def run_target(target: Target, work: Path, sample: int | None, seed: int, timeout: float) -> Outcome:
    env = {**os.environ, "PYTHONPATH": str(work / "src"), "PYTHONHASHSEED": "0"}
    start = time.monotonic()
    baseline = subprocess.run(
        pytest_command(target).split(), cwd=work, env=env, capture_output=True, text=True
    )
    if baseline.returncode != 0:
        sys.stderr.write(f"{target.name}: the unmutated tests fail:\n{baseline.stdout[-3000:]}\n")
        raise SystemExit(2)
    config, session = work / f"{target.name}.toml", work / f"{target.name}.sqlite"
    write_config(target, config, timeout)
    cr = Path(sys.executable).with_name("cosmic-ray")
    subprocess.run([str(cr), "init", str(config), str(session)], cwd=work, env=env, check=True)
    notes, away = select_jobs(session, work / target.module, sample, seed, target.functions)
    subprocess.run([str(cr), "exec", str(config), str(session)], cwd=work, env=env, check=True)
    killed, survived, same, incompetent = results(target, session, load_equivalents())
    return Outcome(target, killed, survived, same, incompetent, notes, away, time.monotonic() - start)


def rate(killed: int, survived: int) -> float:
    return killed / (killed + survived) if killed + survived else 1.0


def report(outcomes: list[Outcome], sample: int | None, seed: int) -> str:
    what = f"a seeded sample (seed {seed}) of {sample} mutants per module" if sample else "every mutant"
    lines = [
        "# Mutation report",
        "",
        f"cosmic-ray, {what}. Kill rate = killed / (killed + survived); survivors listed as "
        "equivalent in `scripts/mutation-equivalent.toml` (argued in docs/mutation.md) are counted "
        "apart, and the rate with them counted as survivors is given too. Incompetent mutants "
        "(ones that do not even import) are left out, and so are mutants inside type annotations "
        "(never evaluated: every module has `from __future__ import annotations`).",
        "",
        "| package | module | killed | survived | equivalent | incompetent | in annotations "
        "| outside the functions | kill rate | with equivalents | seconds |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for o in outcomes:
        s, e = len(o.survived), len(o.equivalent)
        lines.append(
            f"| {o.target.package} | `{o.target.module.removeprefix(PKG + '/')}` | {o.killed} | "
            f"{s} | {e} | {o.incompetent} | {o.annotations} | {o.outside} | "
            f"{rate(o.killed, s):.1%} | {rate(o.killed, s + e):.1%} | {o.seconds:.0f} |"
        )
    lines += [
        "",
        "## Per package",
        "",
        "| package | killed | survived | equivalent | kill rate | with equivalents |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    packages: dict[str, list[int]] = {}
    for o in outcomes:
        k = packages.setdefault(o.target.package, [0, 0, 0])
        k[0] += o.killed
        k[1] += len(o.survived)
        k[2] += len(o.equivalent)
    for name, (k, s, e) in packages.items():
        lines.append(f"| {name} | {k} | {s} | {e} | {rate(k, s):.1%} | {rate(k, s + e):.1%} |")
    total_k = sum(o.killed for o in outcomes)
    total_s = sum(len(o.survived) for o in outcomes)
    total_e = sum(len(o.equivalent) for o in outcomes)
    lines += [
        "",
        f"**All: {total_k} killed, {total_s} survived, {total_e} equivalent; kill rate "
        f"{rate(total_k, total_s):.1%} ({rate(total_k, total_s + total_e):.1%} with the equivalent "
        "ones counted as survivors).**",
        "",
        "## Surviving mutants",
        "",
    ]
    for o in outcomes:
        for where, diff in o.survived:
            lines += [f"- `{where}`", "", "```diff", diff.strip(), "```", ""]
    lines += ["## Equivalent survivors", ""]
    for o in outcomes:
        lines += [f"- `{where}`: {why}" for where, why in o.equivalent]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=None, help="mutants per module (default: all)")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--only", action="append", choices=[t.name for t in TARGETS])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per mutant's test run")
    parser.add_argument("--report", type=Path, default=ROOT / "out" / "mutation.md")
    parser.add_argument("--min-rate", type=float, default=0.0)
    args = parser.parse_args(argv)
    targets = [t for t in TARGETS if not args.only or t.name in args.only]
    with tempfile.TemporaryDirectory(prefix="bt-mutation-") as tmp:
        work = Path(tmp)
        copy_tree(work)
        outcomes = [run_target(t, work, args.sample, args.seed, args.timeout) for t in targets]
    text = report(outcomes, args.sample, args.seed)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(text, encoding="utf-8")
    total_k = sum(o.killed for o in outcomes)
    total_s = sum(len(o.survived) for o in outcomes)
    overall = rate(total_k, total_s)
    print(f"mutation: {total_k} killed, {total_s} survived, kill rate {overall:.1%}; report {args.report}")
    if overall < args.min_rate:
        print(f"mutation: kill rate {overall:.1%} is below the required {args.min_rate:.0%}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
