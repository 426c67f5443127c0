"""Kept for imports written before the stores package: see :mod:`beleidstheorie.graph.stores`."""

from beleidstheorie.graph.stores import (  # noqa: F401
    PREFIXES,
    OxigraphStore,
    RdflibStore,
    Row,
    Store,
    local_name,
    text_of,
)
