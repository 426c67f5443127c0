"""Everything in examples/ loads, validates and scores."""

from __future__ import annotations

import pytest

from beleidstheorie import load_theory, validate_graph
from beleidstheorie.reasoning.score import score
from tests.conftest import ROOT

EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_validates_and_scores(path):
    theory = load_theory(path)
    assert validate_graph(theory.graph) == []
    result = score(theory)
    assert result.mechanisms and all(0 <= m.score <= 1 for m in result.mechanisms)


NOTEBOOKS = sorted((ROOT / "examples").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("vaste-contacten" in str(o.get("data", {})) for o in outputs)


def test_there_is_a_notebook():
    assert NOTEBOOKS
