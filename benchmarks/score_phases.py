"""Where a recomputed ``score`` of the flagship spends its CPU time, phase by phase, in one process.

Run after any command has filled the cache (``beleidstheorie score intensiveringsaanpak``),
with the bytecode compiled: ``PYTHONPATH=src python benchmarks/score_phases.py``. Prints the
CPU milliseconds (``time.process_time``) of the imports, reading the cached store, the
remembered validity, the network, the nominal evaluation, the interval points and the
table — the work ``score`` does when it does not replay remembered output.
"""

from __future__ import annotations

import itertools
import time

marks = [("start", time.process_time())]


def mark(name: str) -> None:
    marks.append((name, time.process_time()))


import numpy  # noqa: E402, F401

mark("import numpy")
import beleidstheorie.cli  # noqa: E402
import beleidstheorie.graph.load  # noqa: E402
import beleidstheorie.reasoning.score  # noqa: E402
import beleidstheorie.views.tables  # noqa: E402, F401

mark("other imports")
from dataclasses import replace  # noqa: E402

from beleidstheorie.graph.load import load_theory  # noqa: E402
from beleidstheorie.graph.locate import locate_theory  # noqa: E402
from beleidstheorie.graph.shacl import validate_theory  # noqa: E402
from beleidstheorie.reasoning.config import load_config  # noqa: E402
from beleidstheorie.reasoning.network import read_network  # noqa: E402
from beleidstheorie.reasoning.score import assemble, evaluate, score_intervals  # noqa: E402
from beleidstheorie.views.tables import render_score  # noqa: E402

theory = load_theory(locate_theory("intensiveringsaanpak"))
mark("load the cached store")
validate_theory(theory)
mark("validity (remembered)")
network = read_network(theory.store)
config = load_config()
mark("read the network, config")
ev = evaluate(None, config, None, network=network)
mark("evaluate (nominal)")
ev = replace(ev, intervals=score_intervals(ev))
mark("intervals (24 points)")
render_score(assemble(ev), "table", "nl", "rfc")
mark("assemble and render")

for (_, before), (name, after) in itertools.pairwise(marks):
    print(f"{name:26s} {1000 * (after - before):7.1f} ms")
