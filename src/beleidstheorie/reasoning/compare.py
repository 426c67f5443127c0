"""What changed between two measurement rounds.

>>> from beleidstheorie.graph.load import load_theory
>>> diff = compare(load_theory(EXAMPLE), "meting-2024", "meting-2025")
>>> changes = [(c.indicator, c.status_from, c.status_to) for c in diff.observations]
>>> changes  # doctest: +NORMALIZE_WHITESPACE
[('belcirkel-zelf-bellen', None, 'niet-meetbaar'),
 ('buurtkamer-bezoekers', 'progressie-geboekt', 'progressie-geboekt'),
 ('buurtkamer-nieuwe-contacten', None, 'progressie-geboekt'),
 ('training-deelnemers', None, 'nog-niet-bekend')]
"""

from __future__ import annotations

from dataclasses import dataclass

from beleidstheorie.graph.store import Store
from beleidstheorie.reasoning.config import Config, load_config
from beleidstheorie.reasoning.evidence import select_observations
from beleidstheorie.reasoning.frames import FrameMixin
from beleidstheorie.reasoning.network import STATUSES, read_network
from beleidstheorie.reasoning.score import assemble, evaluate


@dataclass(frozen=True)
class NodeChange:
    """One node's score and verdict in both rounds."""

    id: str
    key: str
    kind: str
    label: str
    label_en: str
    score_from: float
    score_to: float
    verdict_from: str
    verdict_to: str

    @property
    def delta(self) -> float:
        """Change in score."""
        return self.score_to - self.score_from


@dataclass(frozen=True)
class ObservationChange:
    """An indicator whose latest observation differs between the rounds."""

    indicator: str
    indicator_label: str
    initiative_label: str
    status_from: str | None
    status_to: str | None
    text_to: str


@dataclass(frozen=True)
class Comparison(FrameMixin):
    """Scores, verdicts and observations of two rounds side by side."""

    round_from: str
    round_to: str
    nodes: tuple[NodeChange, ...]
    observations: tuple[ObservationChange, ...]


def compare(
    source: Store | object, round_from: str, round_to: str, config: Config | None = None
) -> Comparison:
    """Compare two rounds of a theory (or store)."""
    config = config or load_config()
    net = read_network(getattr(source, "store", source))  # type: ignore[arg-type]
    results = []
    for rnd in (round_from, round_to):
        ev = evaluate(None, config, rnd, explain=False, network=net)
        results.append(assemble(ev))
    a, b = results
    nodes = []
    for x, y in zip(
        (a.main_goal, *a.subgoals, *a.mechanisms, *a.initiatives),
        (b.main_goal, *b.subgoals, *b.mechanisms, *b.initiatives),
        strict=True,
    ):
        nodes.append(
            NodeChange(x.id, x.key, x.kind, x.label, x.label_en, x.score, y.score, x.verdict, y.verdict)
        )
    latest = []
    for rnd in (round_from, round_to):
        _, every = select_observations(net, net.round_number(rnd))
        latest.append({int(net.obs_indicator[o]): int(o) for o in every})
    changes = []
    for ind in range(len(net.ind_id)):
        o1, o2 = latest[0].get(ind), latest[1].get(ind)
        if o1 == o2:
            continue
        changes.append(
            ObservationChange(
                indicator=net.ind_id[ind],
                indicator_label=net.ind_label[ind],
                initiative_label=net.nodes[int(net.ind_initiative[ind])].label_nl,
                status_from=None if o1 is None else STATUSES[int(net.obs_status[o1])],
                status_to=None if o2 is None else STATUSES[int(net.obs_status[o2])],
                text_to="" if o2 is None else net.obs_text[o2],
            )
        )
    return Comparison(a.round, b.round, tuple(nodes), tuple(changes))
