"""beleidstheorie: theory-based policy evaluation on an RDF knowledge graph.

>>> import beleidstheorie as bt
>>> theory = bt.load(EXAMPLE)
>>> bt.validate_graph(theory.graph)
[]
>>> result = bt.score(theory)
>>> result.main_goal.key, "score" in dir(bt)
('minder-eenzaamheid', True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from beleidstheorie.errors import (
    BeleidstheorieError,
    LoadError,
    NotFoundError,
    Problem,
    RenderError,
    StoreError,
    ValidationError,
)

__version__ = "0.1.0"

if TYPE_CHECKING:
    from beleidstheorie.graph.generate import generate_theory
    from beleidstheorie.graph.load import Theory, bundled_graph_path, load_into, load_theory
    from beleidstheorie.graph.locate import bundled_datasets, load
    from beleidstheorie.graph.shacl import validate_graph, validate_theory
    from beleidstheorie.reasoning.compare import compare
    from beleidstheorie.reasoning.coverage import coverage
    from beleidstheorie.reasoning.explain import explain
    from beleidstheorie.reasoning.score import score
    from beleidstheorie.reasoning.sensitivity import sensitivity

# rdflib, pyoxigraph and pydantic take a third of a second to import; the command
# line should not pay for them before it knows what to do, so these load on first use.
_LAZY = {
    "Theory": "beleidstheorie.graph.load",
    "bundled_graph_path": "beleidstheorie.graph.load",
    "load_theory": "beleidstheorie.graph.load",
    "load_into": "beleidstheorie.graph.load",
    "generate_theory": "beleidstheorie.graph.generate",
    "validate_graph": "beleidstheorie.graph.shacl",
    "load": "beleidstheorie.graph.locate",
    "bundled_datasets": "beleidstheorie.graph.locate",
    "score": "beleidstheorie.reasoning.score",
    "coverage": "beleidstheorie.reasoning.coverage",
    "explain": "beleidstheorie.reasoning.explain",
    "compare": "beleidstheorie.reasoning.compare",
    "sensitivity": "beleidstheorie.reasoning.sensitivity",
    "validate_theory": "beleidstheorie.graph.shacl",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'beleidstheorie' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The lazy names are part of the API: dir() and tab completion show them.
    return sorted(__all__)


__all__ = [
    "BeleidstheorieError",
    "LoadError",
    "NotFoundError",
    "Problem",
    "RenderError",
    "StoreError",
    "Theory",
    "ValidationError",
    "__version__",
    "bundled_datasets",
    "bundled_graph_path",
    "compare",
    "coverage",
    "explain",
    "generate_theory",
    "load",
    "load_into",
    "load_theory",
    "score",
    "sensitivity",
    "validate_graph",
    "validate_theory",
]
