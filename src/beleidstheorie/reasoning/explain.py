"""The evidence trail behind one score: every item, strongest effect first.

>>> from beleidstheorie.graph.load import load_theory
>>> trail = explain(load_theory(EXAMPLE), "vaste-contacten")
>>> trail.node.key, [i.indicator for i in trail.items][:2]
('vaste-contacten', ['buurtkamer-nieuwe-contacten', 'buurtkamer-bezoekers'])
"""

from __future__ import annotations

from dataclasses import dataclass

from beleidstheorie.graph.store import Store
from beleidstheorie.reasoning.config import Config
from beleidstheorie.reasoning.frames import FrameMixin
from beleidstheorie.reasoning.network import read_network
from beleidstheorie.reasoning.result import EvidenceItem, NodeScore
from beleidstheorie.reasoning.score import assemble, evaluate, ranked_items


@dataclass(frozen=True)
class Explanation(FrameMixin):
    """A node's score and every evidence item that moved it."""

    node: NodeScore
    round: str
    round_label: str
    items: tuple[EvidenceItem, ...]  # impact on this node, largest |impact| first
    no_evidence: tuple[EvidenceItem, ...] = ()  # items on this node that carry no evidence by a rule
    round_label_en: str = ""  # the round's English label, when the theory gives one

    def round_label_in(self, lang: str = "nl") -> str:
        """The round's label in ``lang`` (the Dutch one when it has no English label)."""
        return self.round_label_en if lang == "en" and self.round_label_en else self.round_label


def explain(
    source: Store | object,
    node: str,
    round: str | int | None = None,
    config: Config | None = None,
) -> Explanation:
    """Explain the score of ``node`` (IRI, id or label) in ``round``.

    Each item's ``impact`` is the node's score with all evidence minus its score with
    that one item left out, from the joints of one inference pass (exact where the
    inference is exact).
    """
    net = read_network(getattr(source, "store", source))  # type: ignore[arg-type]
    index = net.index_of(node)
    ev = evaluate(source, config, round, explain=True, network=net, extra=(index,))
    result = assemble(ev)
    items = ranked_items(ev, result.items, index)
    key = ev.net.nodes[index].id
    silent = tuple(i for i in result.items if i.node == key and not i.informative)
    node_score = result.node(ev.net.nodes[index].iri)
    return Explanation(node_score, result.round, result.round_label, items, silent, result.round_label_en)
