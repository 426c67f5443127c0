"""Read back the DOT text the diagrams write: nodes, edges and cluster membership.

The graphviz package writes one statement per line, so a line scanner that
respects quoted strings and HTML-like ``<...>`` values is enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ID = r'"(?:[^"\\]|\\.)*"|[A-Za-z0-9_./-]+'
NODE = re.compile(rf"^\s*({ID}) \[(.*)\]$")
END = rf"(?:{ID})(?::(?:{ID}))?(?::[nsewc]{{1,2}})?"  # node[:port[:compass]]
EDGE = re.compile(rf"^\s*({END}) -> ({END})(?: \[(.*)\])?$")
OPEN = re.compile(r"^\s*(?:subgraph (\S+) )?\{$")


def unquote(text: str) -> str:
    """A DOT identifier or quoted string as the text it stands for (\\n stays a line break mark)."""
    if text.startswith('"') and text.endswith('"'):
        return re.sub(
            r"\\(.)", lambda m: m.group(1) if m.group(1) in '"\\' else "\\" + m.group(1), text[1:-1]
        )
    return text


def endpoint(text: str) -> str:
    """An edge end as ``node`` or ``node:port`` (quotes removed, compass point dropped)."""
    parts = re.findall(ID, text)
    if len(parts) == 3 or (len(parts) == 2 and parts[1] in ("n", "s", "e", "w", "c", "ne", "nw", "se", "sw")):
        parts = parts[:-1]
    return ":".join(unquote(p) for p in parts)


def parse_attrs(text: str) -> dict[str, str]:
    """``a=1 b="x y" label=<<B>html</B>>`` as a dict (values unquoted)."""
    attrs, i = {}, 0
    while i < len(text):
        m = re.compile(r"\s*(\w+)=").match(text, i)
        if not m:
            break
        key, i = m.group(1), m.end()
        if text[i] == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            attrs[key], i = unquote(text[i : j + 1]), j + 1
        elif text[i] == "<":
            depth, j = 0, i
            while True:
                depth += {"<": 1, ">": -1}.get(text[j], 0)
                j += 1
                if depth == 0:
                    break
            attrs[key], i = text[i:j], j
        else:
            j = i
            while j < len(text) and not text[j].isspace():
                j += 1
            attrs[key], i = text[i:j], j
    return attrs


@dataclass
class Dot:
    """What a DOT text declares."""

    nodes: dict[str, dict[str, str]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    clusters: dict[str, list[str]] = field(default_factory=dict)
    cluster_attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    ranks: list[list[str]] = field(default_factory=list)  # rank=same groups

    def kind(self, kind: str) -> set[str]:
        """Names of the data nodes of one kind (``mechanism/maatwerk`` ...)."""
        return {n for n in self.nodes if n.startswith(kind + "/")}


def parse_dot(source: str) -> Dot:
    dot = Dot()
    stack: list[str | None] = []
    anonymous: list[list[str]] = []
    for line in source.splitlines()[1:]:
        if opened := OPEN.match(line):
            name = unquote(opened.group(1)) if opened.group(1) else None
            stack.append(name)
            if name is None:
                anonymous.append([])
            else:
                dot.clusters.setdefault(name, [])
            continue
        if line.strip() == "}":
            if stack and stack.pop() is None:
                group = anonymous.pop()
                if group:
                    dot.ranks.append(group)
            continue
        if edge := EDGE.match(line):
            dot.edges.append(
                (endpoint(edge.group(1)), endpoint(edge.group(2)), parse_attrs(edge.group(3) or ""))
            )
        elif node := NODE.match(line):
            name = unquote(node.group(1))
            if name in ("graph", "node", "edge"):
                continue
            dot.nodes[name] = parse_attrs(node.group(2))
            for cluster in stack:
                if cluster is not None:
                    dot.clusters[cluster].append(name)
        elif re.match(r"^\s*\w+=", line) and stack and stack[-1] is not None:
            dot.cluster_attrs.setdefault(stack[-1], {}).update(parse_attrs(line.strip()))
        elif re.match(rf"^\s*({ID})$", line) and anonymous and stack[-1] is None:
            anonymous[-1].append(unquote(line.strip()))
    return dot
