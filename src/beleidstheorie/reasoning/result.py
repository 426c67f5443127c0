"""Frozen result objects of scoring: what every view renders.

>>> item = EvidenceItem("o", "i", "Indicator", "ini", "Initiatief", "r", "progressie-geboekt",
...     "quantitative", "strategisch", "m", 1.386, 1.0, 4.0, 0.12, ("o", "m"), "tekst", "B", 3)
>>> item.reference
'B, p. 3'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SUPPORTED = "supported"
CONTESTED = "contested"
INSUFFICIENT = "insufficient evidence"
UNDECIDED = "undecided"  # the approximation's error straddles the threshold


@dataclass(frozen=True)
class EvidenceItem:
    """One observation's evidence on one hypothesis node, and its effect."""

    observation: str
    indicator: str
    indicator_label: str
    initiative: str
    initiative_label: str
    round: str
    status: str
    evidence_kind: str
    level: str
    node: str  # id of the hypothesis node the observation bears on
    log_lr: float  # weighted ln likelihood ratio that reached the node
    weight: float  # dependence discount and split over targets
    likelihood_ratio: float  # the observation's own LR before weighting
    impact: float | None  # change in the explained node's score without this item (None: not computed)
    path: tuple[str, ...]
    text: str
    section: str
    page: int | None

    @property
    def reference(self) -> str:
        """Where the observation is in the source report."""
        return f"{self.section}, p. {self.page}" if self.page else self.section

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        data = asdict(self)
        data["path"] = list(self.path)
        data["reference"] = self.reference
        return data


@dataclass(frozen=True)
class NodeScore:
    """The score of one mechanism, sub-goal, main goal or initiative."""

    id: str  # the node's IRI
    key: str  # short identifier
    kind: str
    label: str  # Dutch label, as the report words it
    label_en: str
    score: float  # posterior P(active | evidence)
    prior: float  # P(active) before any evidence
    evidence_weight: float  # sum of |ln LR| of the evidence that bears on the node itself
    verdict: str
    upstream_weight: float = 0.0  # the same for the nodes that feed it (initiatives, mechanisms)
    subgoal: str | None = None  # IRI, for mechanisms
    initiatives: int = 0
    initiatives_stated: int = 0
    initiatives_inferred: int = 0
    indicators: int = 0
    direct_indicators: int = 0
    indicators_by_level: dict[str, int] = field(default_factory=dict)
    contributions: tuple[EvidenceItem, ...] = ()
    note: str = ""  # a code from reasoning.score.NOTES, e.g. "delivery-only"
    interval: tuple[float, float] | None = None  # score range over the joint parameter ranges
    robust: bool | None = None  # the verdict holds over the whole range

    def label_in(self, lang: str) -> str:
        """The label in ``lang`` (nl or en)."""
        return self.label_en if lang == "en" and self.label_en else self.label

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the JSON contract (see docs/method.md)."""
        data: dict[str, Any] = {
            "id": self.id,
            "key": self.key,
            "label": self.label,
            "label_en": self.label_en,
            "score": round(self.score, 6),
            "prior": round(self.prior, 6),
            "evidence_weight": round(self.evidence_weight, 6),
            "upstream_weight": round(self.upstream_weight, 6),
            "verdict": self.verdict,
        }
        if self.kind == "mechanism":
            data["subgoal"] = self.subgoal
        data.update(
            initiatives=self.initiatives,
            initiatives_stated=self.initiatives_stated,
            initiatives_inferred=self.initiatives_inferred,
            indicators=self.indicators,
            direct_indicators=self.direct_indicators,
            indicators_by_level=dict(self.indicators_by_level),
            contributions=[c.to_dict() for c in self.contributions],
        )
        if self.note:
            data["note"] = self.note
        if self.interval is not None:
            data["interval"] = [round(self.interval[0], 6), round(self.interval[1], 6)]
            data["robust"] = self.robust
        return data


@dataclass(frozen=True)
class ScoreResult:
    """Scores of every node for one measurement round, with their evidence."""

    theory: str
    theory_label: str
    round: str
    round_label: str
    config_version: int
    main_goal: NodeScore
    subgoals: tuple[NodeScore, ...]
    mechanisms: tuple[NodeScore, ...]
    initiatives: tuple[NodeScore, ...]
    items: tuple[EvidenceItem, ...]

    def node(self, key: str) -> NodeScore:
        """The score of the node with this IRI or short id."""
        for n in (self.main_goal, *self.subgoals, *self.mechanisms, *self.initiatives):
            if key in (n.id, n.key):
                return n
        raise KeyError(key)

    def mechanisms_of(self, subgoal: NodeScore) -> tuple[NodeScore, ...]:
        """The mechanisms under ``subgoal``, in theory order."""
        return tuple(m for m in self.mechanisms if m.subgoal == subgoal.id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``score --format json``."""
        return {
            "theory": self.theory,
            "theory_label": self.theory_label,
            "round": self.round,
            "round_label": self.round_label,
            "config_version": self.config_version,
            "main_goal": self.main_goal.to_dict(),
            "subgoals": [s.to_dict() for s in self.subgoals],
            "mechanisms": [m.to_dict() for m in self.mechanisms],
            "initiatives": [i.to_dict() for i in self.initiatives],
        }
