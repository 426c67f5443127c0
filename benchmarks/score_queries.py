"""What ``score --store URL`` asks a SPARQL server, query by query, and how many rows come back.

Starts a server on loopback (``tests/servers.py``: ``oxigraph serve`` or Virtuoso), loads an
N-Triples theory into it, runs ``beleidstheorie score --store URL`` in this process with the
remote store's request function recording every SELECT, and prints one line per query: the
rows it returned, whether it touches observations, whether it groups and counts, its wall
time. Then the observations and indicators of the theory, for scale, and whether the
table is the one ``score FILE`` prints from the embedded store.

Run: ``python benchmarks/score_queries.py t1000000.nt --server virtuoso``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.servers import oxigraph_server, virtuoso_server  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--server", choices=("oxigraph", "virtuoso"), default="virtuoso")
    parser.add_argument(
        "--timeout",
        type=float,
        default=900.0,
        help="seconds per request (BELEIDSTHEORIE_SPARQL_TIMEOUT; the evidence query takes ~80 s at 10^7)",
    )
    args = parser.parse_args()
    os.environ["BELEIDSTHEORIE_SPARQL_TIMEOUT"] = f"{args.timeout:g}"

    from click.testing import CliRunner

    from beleidstheorie.cli import main as cli
    from beleidstheorie.graph.load import load_theory
    from beleidstheorie.graph.stores.remote import SparqlStore
    from beleidstheorie.reasoning.network import read_network

    start = {"oxigraph": oxigraph_server, "virtuoso": virtuoso_server}[args.server]
    with tempfile.TemporaryDirectory() as work, start(Path(work)) as url:
        t = time.perf_counter()
        loaded = CliRunner().invoke(cli, ["load", str(args.file), "--store", url], catch_exceptions=False)
        assert loaded.exit_code == 0, loaded.output
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"loaded in {time.perf_counter() - t:.1f} s wall, this process peaking at {peak:,.0f} MiB")
        sent: list[tuple[str, int, float]] = []
        send = SparqlStore._send

        def recording(self, method, endpoint, body, headers, what):
            t = time.perf_counter()
            form = dict(urllib.parse.parse_qsl(body.decode()))
            try:
                raw = send(self, method, endpoint, body, headers, what)
            except Exception:
                query = form.get("query", what)[-1500:]
                # CliRunner holds stdout; the failing query goes to the terminal
                print(f"failed after {time.perf_counter() - t:.1f} s: {query}", file=sys.__stderr__)
                raise
            if "query" in form:
                rows = len(json.loads(raw)["results"]["bindings"])
                sent.append((form["query"], rows, time.perf_counter() - t))
            return raw

        SparqlStore._send = recording  # type: ignore[method-assign]
        t = time.perf_counter()
        scored = CliRunner().invoke(cli, ["score", "--store", url], catch_exceptions=False)
        wall = time.perf_counter() - t
        SparqlStore._send = send  # type: ignore[method-assign]
        assert scored.exit_code == 0, scored.output
        print(f"score --store: {len(sent)} SELECT queries, {wall:.1f} s wall")
        print("| rows | touches observations | GROUP BY and COUNT | wall | query (first SELECT line) |")
        print("|---:|---|---|---:|---|")
        for query, rows, seconds in sent:
            touches = "bt:observes" in query or "bt:Observation" in query
            grouped = "GROUP BY" in query and "COUNT(" in query
            head = next(line.strip() for line in query.splitlines() if re.match(r"\s*SELECT", line))
            yes = {True: "yes", False: "no"}
            print(f"| {rows:,} | {yes[touches]} | {yes[grouped]} | {seconds:.2f} s | `{head[:70]}` |")
        net = read_network(load_theory(None, store=url).store)
        print(f"the theory: {len(net.obs_id):,} observations, {len(net.ind_id):,} indicators")
        from_file = CliRunner().invoke(cli, ["score", str(args.file)], catch_exceptions=False).stdout
        print(f"the same table as score FILE (embedded store): {scored.stdout == from_file}")


if __name__ == "__main__":
    main()
