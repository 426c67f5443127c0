"""The evidence trail behind one score: every item, strongest effect first.

>>> from beleidstheorie.graph.load import load_theory
>>> trail = explain(load_theory(EXAMPLE), "vaste-contacten")
>>> trail.node.key, [i.indicator for i in trail.items][:2]
('vaste-contacten', ['buurtkamer-nieuwe-contacten', 'buurtkamer-bezoekers'])
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from beleidstheorie.graph.store import Store
from beleidstheorie.reasoning.config import Config
from beleidstheorie.reasoning.result import EvidenceItem, NodeScore
from beleidstheorie.reasoning.score import _Assembler, assemble, evaluate


@dataclass(frozen=True)
class Explanation:
    """A node's score and every evidence item that moved it."""

    node: NodeScore
    round: str
    round_label: str
    items: tuple[EvidenceItem, ...]  # impact on this node, largest |impact| first


def explain(
    source: Store | object,
    node: str,
    round: str | int | None = None,
    config: Config | None = None,
) -> Explanation:
    """Explain the score of ``node`` (IRI, id or label) in ``round``.

    Each item's ``impact`` is exact: the node's score with all evidence minus its
    score with that one item left out.
    """
    ev = evaluate(source, config, round, explain=True)
    index = ev.net.index_of(node)
    result = assemble(ev.net, ev.config, ev.items, ev.post, ev.prior, ev.impacts, ev.round_number)
    target = ev.net.nodes[index]
    score_node = result.node(target.iri)
    helper = _Assembler(ev.net, ev.config, ev.items, ev.post, ev.prior, ev.impacts, ev.round_number)
    assert ev.impacts is not None
    order = sorted(range(len(ev.items.obs)), key=lambda t: (-abs(ev.impacts[t, index]), t))
    items = []
    for t in order:
        impact = float(ev.impacts[t, index])
        if abs(impact) <= 1e-12:
            continue
        base = helper.item_objs[t]
        path = base.path if base.node == target.id else (*base.path, target.label_nl)
        items.append(replace(base, impact=impact, path=path))
    return Explanation(score_node, result.round, result.round_label, tuple(items))
