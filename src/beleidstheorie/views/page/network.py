"""The vis-network data of a theory: a node per theory node in its column, an edge per relation.

Nodes are styled in the one grammar of verdicts (:mod:`beleidstheorie.views.grammar`); the
edges of the theory are ``structural`` (path tracing follows them), the samenhang links between
initiatives carry their ``linkType`` (the layer and its filters switch them).

The node and edge records are pyvis's (``pyvis.network.Network.add_node`` / ``add_edge`` on a
directed network give the same dictionaries, which ``tests/views/test_page_network.py`` checks),
built by :class:`VisNetwork` without importing ``pyvis.network``: that module imports networkx,
IPython and jsonpickle at its top (0.16 s of a fresh ``interactive``) for features the page does not
use, and its ``add_edge`` looks each end up in a list (quadratic in the theory's size). The page's
vis-network script and style are the ones pyvis bundles (:func:`vis_asset`).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beleidstheorie.reasoning.result import NodeScore
from beleidstheorie.views import grammar
from beleidstheorie.views.columns import ColumnLayout
from beleidstheorie.views.palette import (
    CONTRIBUTION_STYLES,
    FONT,
    KIND_STYLES,
    LINK_STYLES,
    STRUCTURE_EDGE,
    LineStyle,
)
from beleidstheorie.views.structure import Node, Structure
from beleidstheorie.views.wording import word, wrap

LEVELS = {"input": 0, "initiative": 1, "mechanism": 2, "subgoal": 3, "main_goal": 4, "context": 5}
"""The column (vis-network level) of each kind; context factors form a band beneath."""
FONT_STACK = f"{FONT}, Arial, sans-serif"

LABEL_FROM_PX = {"initiative": 7, "context": 7, "input": 6, "mechanism": 5, "subgoal": 5, "main_goal": 4}
"""Labels by zoom level: vis-network draws a node's label while it is at least this size on
screen less one pixel (fading over the last pixel), so zoomed out the initiatives' labels go
first (below 6 px) and the goals' stay longest (the main goal's down to 3 px): an overview shows
what the theory is for."""
LABEL_WIDTH = {"initiative": 34, "main_goal": 34, "context": 30}
LABEL_LINES = {"context": 4, "initiative": 3}  # the tooltip has the whole text


VIS_NETWORK = "vis-9.1.2"
"""The vis-network release in pyvis's package the page inlines."""


def vis_asset(name: str) -> str:
    """A file of the vis-network release pyvis bundles (``pyvis/lib/vis-9.1.2/<name>``).

    The package directory is found without importing pyvis (see the module's docstring).

    >>> vis_asset("vis-network.css").startswith(".vis-")
    True
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the interactive page needs pyvis's vis-network files: pip install pyvis")
    root = Path(next(iter(spec.submodule_search_locations)))
    return (root / "lib" / VIS_NETWORK / name).read_text(encoding="utf-8")


@dataclass
class VisNetwork:
    """A directed vis-network graph as pyvis records it: ``nodes`` and ``edges`` as dictionaries.

    >>> net = VisNetwork()
    >>> net.add_node("a", shape="box", label="A")
    >>> net.add_node("b", shape="box", label="B")
    >>> net.add_edge("a", "b", width=2)
    >>> net.edges
    [{'width': 2, 'from': 'a', 'to': 'b', 'arrows': 'to'}]
    >>> net.add_edge("a", "c")
    Traceback (most recent call last):
    ...
    ValueError: edge a -> c: no node 'c'
    """

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set, repr=False)

    def add_node(self, node_id: str, *, shape: str, label: str, **options: Any) -> None:
        """Add a node once (a second call with the same id is ignored, as in pyvis)."""
        if node_id in self._ids:
            return
        self._ids.add(node_id)
        self.nodes.append({**options, "id": node_id, "label": label or node_id, "shape": shape})

    def add_edge(self, source: str, target: str, **options: Any) -> None:
        """Add a directed edge between two nodes already added."""
        for end in (source, target):
            if end not in self._ids:
                raise ValueError(f"edge {source} -> {target}: no node {end!r}")
        edge = {**options, "from": source, "to": target}
        edge.setdefault("arrows", "to")
        self.edges.append(edge)


def _node_label(node: Node) -> str:
    text = f"{node.code} {node.label}" if node.kind == "initiative" else node.label  # type: ignore[attr-defined]
    return "\n".join(wrap(text, LABEL_WIDTH.get(node.kind, 28), LABEL_LINES.get(node.kind)))


def _base_style(node: Node) -> dict[str, Any]:
    k = KIND_STYLES[node.kind]
    return {
        "label": _node_label(node),
        "color": {
            "background": k.fill,
            "border": k.border,
            "highlight": {"background": k.fill, "border": "#000000"},
            "hover": {"background": k.fill, "border": "#000000"},
        },
        "font": {"color": "#000000", "face": FONT_STACK, "size": 16 if node.kind == "main_goal" else 13},
        "borderWidth": 3 if node.kind == "main_goal" else 1.5,
        "shapeProperties": {"borderDashes": False, "borderRadius": 8},
    }


def score_style(node: Node, score: NodeScore, lang: str) -> dict[str, Any]:
    """The node's look in the one grammar of verdicts (:mod:`beleidstheorie.views.grammar`)."""
    style = _base_style(node)
    mark = grammar.vis_style(score)
    style["label"] = f"{style['label']}\n{grammar.verdict_line(score, lang)}"
    colours = mark["color"]
    fill, border = colours["background"], colours["border"]  # type: ignore[index]
    style["color"] = {
        "background": fill,
        "border": border,
        "highlight": {"background": fill, "border": "#000000"},
        "hover": {"background": fill, "border": "#000000"},
    }
    style["font"] = {**style["font"], **mark["font"]}  # type: ignore[dict-item]
    style["borderWidth"] = mark["borderWidth"]
    style["shapeProperties"] = {**style["shapeProperties"], **mark["shapeProperties"]}  # type: ignore[dict-item]
    return style


def _edge(style: LineStyle, meaning: str, within_column: bool = False) -> dict[str, Any]:
    arrows: dict[str, Any] = {"to": {"enabled": style.arrowhead != "none", "scaleFactor": 0.6}}
    if style.both_ends:
        arrows["from"] = {"enabled": True, "scaleFactor": 0.6}
    edge = {
        "color": {"color": style.colour, "inherit": False},
        "dashes": style.dashes,
        "width": style.width,
        "arrows": arrows,
        "meaning": meaning,
        "structural": not within_column,  # path tracing follows the theory's edges, not the samenhang
    }
    if within_column:  # floating (physics) links arc; in columns the page routes them (routes.js)
        edge["smooth"] = {"type": "curvedCW", "roundness": 0.35}
    return edge


def build_network(s: Structure, lang: str = "nl", layout: ColumnLayout | None = None) -> VisNetwork:
    """The vis-network graph of a theory's structure (base style, no scores).

    With a ``layout`` every node gets its column position.

    >>> from beleidstheorie.graph.load import load_theory
    >>> from beleidstheorie.views.structure import read_structure
    >>> net = build_network(read_structure(load_theory(EXAMPLE).store))
    >>> len(net.nodes), len(net.edges)
    (13, 14)
    """
    net = VisNetwork()
    nodes = (*s.inputs, *s.initiatives, *s.mechanisms, *s.subgoals, s.main_goal, *s.context_factors)
    for n in nodes:
        shape = KIND_STYLES[n.kind].vis_shape
        place = {}
        if layout is not None:
            place = dict(zip(("x", "y"), layout.positions[n.iri], strict=True))
        zoom = {"label": {"drawThreshold": LABEL_FROM_PX[n.kind]}}
        net.add_node(n.iri, shape=shape, level=LEVELS[n.kind], scaling=zoom, **place, **_base_style(n))
    edges: list[tuple[str, str, dict[str, Any]]] = []
    structure_edge = _edge(STRUCTURE_EDGE, word("structure_edge", lang))
    edges += [(i.iri, n.iri, structure_edge) for i in s.inputs for n in s.initiatives if not n.parent]
    edges += [
        (c.initiative, c.mechanism, _edge(CONTRIBUTION_STYLES[c.provenance], word(c.provenance, lang)))
        for c in s.contributions
    ]
    edges += [(m.iri, m.subgoal, structure_edge) for m in s.mechanisms]
    edges += [(sg.iri, s.main_goal.iri, structure_edge) for sg in s.subgoals]
    edges += [
        (
            k.source,
            k.target,
            {
                **_edge(
                    LINK_STYLES.get(k.type, LINK_STYLES["supports"]), word(k.type, lang), within_column=True
                ),
                "linkType": k.type,
            },
        )
        for k in s.links
    ]
    edges += [
        (
            i.iri,
            i.parent,
            {
                **_edge(LINK_STYLES["part-of"], word("part-of", lang), within_column=True),
                "linkType": "part-of",
            },
        )
        for i in s.initiatives
        if i.parent
    ]
    for k, (a, b, attrs) in enumerate(edges):
        net.add_edge(a, b, id=f"e{k}", **attrs)
    return net


def vis_options(physics: bool) -> dict[str, Any]:
    # Without physics the nodes keep the column positions of views.columns
    # (vis' own hierarchical layout stacks unconnected context factors below
    # everything and reorders columns); with physics they float freely.
    return {
        "layout": {"hierarchical": {"enabled": False}, "randomSeed": 7},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based", "stabilization": {"iterations": 400}},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "navigationButtons": False,
            # arrows pan and +/- zoom while the graph has the keyboard focus, not elsewhere
            "keyboard": {"enabled": True, "bindToWindow": False, "autoFocus": False},
            "multiselect": False,
        },
        "nodes": {"widthConstraint": {"maximum": 330}, "margin": 10},
        "edges": {
            "smooth": {"type": "cubicBezier", "forceDirection": "horizontal", "roundness": 0.45},
            "selectionWidth": 2,
        },
    }
