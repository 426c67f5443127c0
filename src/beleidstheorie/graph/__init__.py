"""The knowledge graph: building, loading, validating, storing and projecting it."""
