"""Geometry of a rendered SVG: node boxes, cluster label boxes and sampled edge paths.

Enough to check that an edge of a real ``dot`` layout runs through no box, no
cluster label and no other edge's label, other than its own ends. Text boxes are estimated from the
font size (DejaVu Sans averages about 0.6 em per character).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = r"-?\d+(?:\.\d+)?(?:e-?\d+)?"


@dataclass(frozen=True)
class Box:
    name: str
    x0: float
    y0: float
    x1: float
    y1: float

    def shrunk(self, by: float) -> Box:
        return Box(self.name, self.x0 + by, self.y0 + by, self.x1 - by, self.y1 - by)

    def contains(self, x: float, y: float) -> bool:
        return self.x0 < x < self.x1 and self.y0 < y < self.y1


def _points(text: str) -> list[tuple[float, float]]:
    values = [float(v) for v in re.findall(NUMBER, text)]
    return list(zip(values[::2], values[1::2], strict=False))


def _box(name: str, points: list[tuple[float, float]]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Box(name, min(xs), min(ys), max(xs), max(ys))


def _text_box(name: str, t: ET.Element) -> Box:
    size = float(t.get("font-size", "14"))
    width = 0.6 * size * len(t.text or "")
    x, y = float(t.get("x")), float(t.get("y"))
    x0 = {"middle": x - width / 2, "end": x - width}.get(t.get("text-anchor", "start"), x)
    return Box(name, x0, y - 0.8 * size, x0 + width, y + 0.2 * size)


def _outline(g: ET.Element) -> list[tuple[float, float]]:
    points = []
    for shape in g:
        if shape.tag == f"{SVG}polygon":
            points += _points(shape.get("points", ""))
        elif shape.tag == f"{SVG}path":
            points += _points(shape.get("d", ""))
        elif shape.tag == f"{SVG}ellipse":
            cx, cy, rx, ry = (float(shape.get(k)) for k in ("cx", "cy", "rx", "ry"))
            points += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    return points


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def _bezier(points: list[tuple[float, float]], steps: int = 24) -> list[tuple[float, float]]:
    """Points along a path ``M p0 C p1 p2 p3 p4 p5 p6 ...`` (graphviz writes cubic pieces)."""
    out = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        for k in range(1, steps + 1):
            t = k / steps
            a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
            out.append(
                (
                    a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
                )
            )
    return out


@dataclass
class Layout:
    nodes: dict[str, Box]
    cluster_labels: list[Box]
    edges: list[tuple[str, str, list[tuple[float, float]]]]
    arrows: list[tuple[str, str, tuple[float, float]]]  # (tail, head, centre of one arrow mark)
    edge_labels: list[tuple[str, str, Box]] = field(default_factory=list)  # (tail, head, label box)

    def hidden_arrows(self, tolerance: float = 2.0) -> list[str]:
        """'a->b' for every arrow mark drawn inside one of its own end boxes (where a box hides it)."""
        return [
            f"{tail}->{head}"
            for tail, head, (x, y) in self.arrows
            if any(self.nodes[n].shrunk(tolerance).contains(x, y) for n in (tail, head) if n in self.nodes)
        ]

    def crossings(self, tolerance: float = 2.0, edge_labels: bool = True) -> list[str]:
        """'a->b crosses X' for every edge through a node box, a cluster label or (with
        ``edge_labels``) another edge's label."""
        found = []
        for tail, head, path in self.edges:
            obstacles = [b for n, b in self.nodes.items() if n not in (tail, head)]
            if edge_labels:
                obstacles += [b for t, h, b in self.edge_labels if {t, h} != {tail, head}]
            for box in (*obstacles, *self.cluster_labels):
                inner = box.shrunk(tolerance)
                if any(inner.contains(x, y) for x, y in path):
                    found.append(f"{tail}->{head} crosses {box.name}")
        return found


def parse_layout(svg: str) -> Layout:
    """Node boxes, cluster label boxes and edge paths of an SVG written by ``dot``."""
    root = ET.fromstring(svg)
    nodes: dict[str, Box] = {}
    labels: list[Box] = []
    edges = []
    arrows: list[tuple[str, str, tuple[float, float]]] = []
    edge_labels: list[tuple[str, str, Box]] = []
    for g in root.iter(f"{SVG}g"):
        kind, title = g.get("class"), g.findtext(f"{SVG}title") or ""
        if kind == "node":
            points = _outline(g)
            texts = [_text_box(title, t) for t in g.iter(f"{SVG}text")]
            if points:
                nodes[title] = _box(title, points)
            elif texts:  # a plaintext node: its text is its box
                nodes[title] = _box(title, [(b.x0, b.y0) for b in texts] + [(b.x1, b.y1) for b in texts])
        elif kind == "cluster":
            labels += [_text_box(f"label of {title}", t) for t in g.findall(f"{SVG}text")]
        elif kind == "edge":
            tail, _, head = title.partition("->")
            path = g.find(f"{SVG}path")
            if path is not None:
                line = _bezier(_points(path.get("d", "")))
                marks = [_points(shape.get("points", "")) for shape in g.findall(f"{SVG}polygon")]
                marks += [[(float(e.get("cx")), float(e.get("cy")))] for e in g.findall(f"{SVG}ellipse")]
                ends = (tail.split(":")[0], head.split(":")[0])
                edge_labels += [(*ends, _text_box(f"label of {title}", t)) for t in g.iter(f"{SVG}text")]
                edges.append((*ends, line + [p for m in marks for p in m]))
                arrows += [(*ends, _centre(m)) for m in marks]
    return Layout(nodes, labels, edges, arrows, edge_labels)
