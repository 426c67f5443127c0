"""Benchmark: SHACL validation of the flagship — pySHACL against rudof, SPARQL constraint against core.

Three runs on the same data graph (the flagship, with the ontology): pySHACL with the
former SPARQL constraint of ``IndicatorLevelShape``, pySHACL with the shapes as they are
(that rule in SHACL core), and rudof (``pyrudof``) with the same shapes. CPU seconds,
median of ``--repeat`` runs, imports excluded.

Run: ``python benchmarks/bench_shacl.py`` (the figures are quoted in docs/scaling.md).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from importlib.resources import files

import pyrudof
import pyshacl
from rdflib import Graph

from beleidstheorie.graph.load import load_theory
from beleidstheorie.graph.shacl import ontology

SPARQL_SHAPE = '''bts:IndicatorLevelShape a sh:NodeShape ;
    sh:targetClass bt:Indicator ;
    sh:sparql [
        a sh:SPARQLConstraint ;
        sh:prefixes <https://w3id.org/beleidstheorie/shapes> ;
        sh:select """
            SELECT $this ?path ?value
            WHERE {
                $this bt:indicatorType ?type ;
                      bt:indicatorLevel ?value .
                ?type bt:level ?level .
                FILTER (?value != ?level)
                BIND (bt:indicatorLevel AS ?path)
            }
        """ ;
        sh:severity sh:Violation ;
        sh:message "The bt:indicatorLevel of an indicator must be the bt:level of its bt:indicatorType"
    ] .

'''


def cpu(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = files("beleidstheorie") / "data" / "ontology"
    core_text = (root / "shapes.ttl").read_text("utf-8")
    onto_text = (root / "beleidstheorie.ttl").read_text("utf-8")
    # The shapes before: the level rule as a SPARQL constraint instead of sh:equals.
    sparql_text = re.sub(
        r"bts:IndicatorLevelShape a sh:NodeShape ;.*?(?=# -- an indicator is evidence)",
        lambda _: SPARQL_SHAPE,
        core_text,
        flags=re.S,
    )
    theory = load_theory()
    data, onto = theory.graph, ontology()
    nt = theory.store.dump_ntriples().decode()

    def with_pyshacl(shapes_text: str):
        shapes = Graph().parse(data=shapes_text, format="turtle")
        return lambda: pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=onto, inference="none", advanced=True
        )

    def with_rudof() -> None:
        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        rudof.read_data(onto_text, format=pyrudof.RDFFormat.Turtle)
        rudof.read_data(nt, format=pyrudof.RDFFormat.NTriples, merge=True)
        rudof.read_shacl(core_text)
        assert rudof.validate_shacl().conforms

    print(f"flagship: {len(data)} triples; CPU seconds, median of {args.repeat}")
    print(f"pySHACL, SPARQL constraint: {cpu(with_pyshacl(sparql_text), args.repeat):.2f} s")
    print(f"pySHACL, SHACL core:        {cpu(with_pyshacl(core_text), args.repeat):.2f} s")
    print(f"rudof, SHACL core:          {cpu(with_rudof, args.repeat):.2f} s")


if __name__ == "__main__":
    main()
