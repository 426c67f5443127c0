"""Load a theory from any supported source into its RDF graph.

>>> theory = load_theory(EXAMPLE)
>>> theory.label
'Buurtbudget tegen eenzaamheid'
>>> len(theory.graph) > 100
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources import files
from pathlib import Path

from rdflib import Graph, URIRef

from beleidstheorie.authoring.models import Theory as TheoryModel
from beleidstheorie.errors import LoadError, Problem, ValidationError
from beleidstheorie.graph.build import build_graph
from beleidstheorie.graph.extract import extract_theory, theory_iris
from beleidstheorie.graph.integrity import check_graph
from beleidstheorie.graph.store import OxigraphStore, Store
from beleidstheorie.io.files import check_input_path
from beleidstheorie.io.rdf import SUFFIX_FORMAT, read_rdf
from beleidstheorie.io.theory_yaml import YAML_SUFFIXES, read_theory_yaml
from beleidstheorie.namespaces import SKOS

DEFAULT_GRAPH = "intensiveringsaanpak"


def bundled_graph_path(name: str = DEFAULT_GRAPH) -> Path:
    """The directory of a theory bundled with the package (default: the flagship)."""
    path = Path(str(files("beleidstheorie") / "data" / "graphs" / name))
    if not path.is_dir():
        raise LoadError([Problem(name, "", "no bundled graph of this name")])
    return path


@dataclass(frozen=True, eq=False)
class Theory:
    """A loaded policy theory: its RDF graph and where it came from.

    ``model`` is the authoring model when the source was YAML (or is extracted
    from the graph on demand). Reasoning and views ask :attr:`store`.
    """

    graph: Graph
    iri: URIRef
    source: str
    _model: TheoryModel | None = field(default=None, repr=False)

    @cached_property
    def model(self) -> TheoryModel:
        """The authoring model of this theory."""
        return self._model if self._model is not None else extract_theory(self.graph, self.source)

    @cached_property
    def store(self) -> Store:
        """An embedded Oxigraph store holding the graph."""
        return OxigraphStore.from_graph(self.graph)

    @property
    def label(self) -> str:
        """The Dutch label of the theory."""
        for label in self.graph.objects(self.iri, SKOS.prefLabel):
            if getattr(label, "language", None) == "nl":
                return str(label)
        return str(self.iri)


def theory_from_model(model: TheoryModel, source: str = "") -> Theory:
    """Build the graph of an authoring model and wrap it as a :class:`Theory`."""
    graph = build_graph(model)
    return Theory(graph, theory_iris(graph)[0], source, model)


def load_theory(path: str | Path | None = None) -> Theory:
    """Load a theory directory, YAML file or RDF file (Turtle, JSON-LD, N-Triples).

    With no path, the bundled flagship theory is loaded.
    """
    path = bundled_graph_path() if path is None else check_input_path(path)
    if path.is_dir() or path.suffix in YAML_SUFFIXES:
        return theory_from_model(read_theory_yaml(path), str(path))
    if path.suffix in SUFFIX_FORMAT:
        graph = read_rdf(path)
        found = theory_iris(graph)
        if len(found) != 1:
            raise LoadError([Problem(str(path), "", f"expected one bt:PolicyTheory, found {len(found)}")])
        # RDF can hold anything: what reads it (score, render, ...) gets a checked graph
        problems = check_graph(graph, str(path))
        if problems:
            raise ValidationError(problems)
        return Theory(graph, found[0], str(path))
    if not path.exists():
        raise LoadError([Problem(str(path), "", "no such file or directory")])
    raise LoadError(
        [Problem(str(path), "", "unknown format: expected a directory, .yaml, .ttl, .jsonld or .nt")]
    )
