"""The page's vis-network records are pyvis's, and building them does not import pyvis.network."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pyvis.network import Network

from beleidstheorie.views.columns import column_layout
from beleidstheorie.views.page.network import VisNetwork, build_network, vis_asset
from beleidstheorie.views.structure import read_structure
from tests.conftest import FLAGSHIP


def _as_pyvis(net: VisNetwork) -> Network:
    """The same nodes and edges added through pyvis's own Network."""
    ref = Network(directed=True, cdn_resources="in_line")
    for node in net.nodes:
        options = {k: v for k, v in node.items() if k != "id"}
        ref.add_node(node["id"], **options)
    for edge in net.edges:
        options = {k: v for k, v in edge.items() if k not in ("from", "to")}
        ref.add_edge(edge["from"], edge["to"], **options)
    return ref


@pytest.mark.parametrize("name", ["example_theory", "flagship_theory"])
def test_the_records_are_the_ones_pyvis_builds(request, name):
    structure = read_structure(request.getfixturevalue(name).store)
    net = build_network(structure, "nl", column_layout(structure))
    ref = _as_pyvis(net)
    assert net.nodes == ref.nodes
    assert net.edges == ref.edges
    assert len(net.nodes) == len({n["id"] for n in net.nodes})


def test_a_repeated_node_is_kept_once_and_an_edge_needs_both_ends():
    net = VisNetwork()
    net.add_node("a", shape="box", label="A")
    net.add_node("a", shape="dot", label="other")
    assert net.nodes == [{"id": "a", "label": "A", "shape": "box"}]
    with pytest.raises(ValueError, match="no node 'b'"):
        net.add_edge("a", "b")
    assert net.edges == []


def test_an_unlabelled_node_is_labelled_by_its_id_as_in_pyvis():
    net, ref = VisNetwork(), Network(directed=True)
    net.add_node("n1", shape="box", label="")
    ref.add_node("n1", shape="box", label="", color=None)
    assert net.nodes[0]["label"] == ref.nodes[0]["label"] == "n1"


def test_the_inlined_vis_network_is_pyvis_bundled_release():
    import pyvis

    bundled = Path(pyvis.__path__[0]) / "lib" / "vis-9.1.2" / "vis-network.min.js"
    assert vis_asset("vis-network.min.js") == bundled.read_text(encoding="utf-8")


def test_writing_a_page_does_not_import_pyvis_network(tmp_path):
    script = (
        "import sys\n"
        "from beleidstheorie.graph.load import load_theory\n"
        "from beleidstheorie.views.page import write_interactive\n"
        f"write_interactive(load_theory({str(FLAGSHIP)!r}),"
        f" __import__('pathlib').Path({str(tmp_path)!r}) / 'p.html')\n"
        "print(sorted(m for m in ('pyvis.network', 'IPython', 'jsonpickle') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "p.html").stat().st_size > 100_000
