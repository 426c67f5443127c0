"""beleidstheorie: theory-based policy evaluation on an RDF knowledge graph.

>>> import beleidstheorie as bt
>>> theory = bt.load_theory(EXAMPLE)
>>> bt.validate_graph(theory.graph)
[]
"""

__version__ = "0.1.0"

from beleidstheorie.errors import (
    BeleidstheorieError,
    LoadError,
    NotFoundError,
    Problem,
    StoreError,
    ValidationError,
)
from beleidstheorie.graph.load import Theory, bundled_graph_path, load_theory
from beleidstheorie.graph.shacl import validate_graph

__all__ = [
    "BeleidstheorieError",
    "LoadError",
    "NotFoundError",
    "Problem",
    "StoreError",
    "Theory",
    "ValidationError",
    "__version__",
    "bundled_graph_path",
    "load_theory",
    "validate_graph",
]
