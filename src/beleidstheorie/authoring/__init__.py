"""The YAML authoring format: pydantic models, vocabularies and graph-free checks."""
