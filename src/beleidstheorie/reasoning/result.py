"""Frozen result objects of scoring: what every view renders.

The JSON contract has a version (:data:`CONTRACT_VERSION`); version 2 keeps every
key of version 1 and adds the signed-evidence verdicts, coverage, context factors
and, for goals, ``p_contribution`` and ``p_rival`` (docs/method.md §5).

>>> item = EvidenceItem("o", "i", "Indicator", "ini", "Initiatief", "r", "progressie-geboekt",
...     "quantitative", "strategisch", "m", 1.386, 1.0, 4.0, 0.12, ("o", "m"), "tekst", "B", 3)
>>> item.reference
'B, p. 3'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from beleidstheorie.reasoning.frames import FrameMixin
from beleidstheorie.reasoning.verdict import INSUFFICIENT, SUPPORTED, Coverage, verdict_label

CONTRACT_VERSION = 2

__all__ = [
    "CONTRACT_VERSION",
    "INSUFFICIENT",
    "SUPPORTED",
    "ContextLink",
    "EvidenceItem",
    "NodeScore",
    "ScoreResult",
]


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
    rule: str = "measured"  # the likelihood rule that decided (model.likelihood.RULES)
    basis: str = ""  # the basis the rule read (stated, implied by the values, or the default)
    source: str = ""  # who produced the report (stated or the default)
    informative: bool = True  # False: no evidence by rule (expectation, restatement, ...)
    impact_error: float | None = None  # the sampled impact's error bound (Z standard errors); None: exact

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
class ContextLink:
    """A context factor's part in a node: rival cause, or enabling/inhibiting condition."""

    id: str  # IRI of the context factor
    key: str
    label: str
    role: str  # rival | enabling | inhibiting
    score: float  # P(factor present | evidence)
    prior: float
    strength: float  # the role's strength (link strength times provenance)
    p_route: float | None = None  # rivals: P(the factor brought the goal about by itself | evidence)
    quote: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        data: dict[str, Any] = {
            "id": self.id,
            "key": self.key,
            "label": self.label,
            "role": self.role,
            "score": round(self.score, 6),
            "prior": round(self.prior, 6),
            "strength": round(self.strength, 6),
        }
        if self.p_route is not None:
            data["p_route"] = round(self.p_route, 6)
        if self.quote:
            data["quote"] = self.quote
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
    direct_in_favour: float = 0.0  # weighted ln LR of the node's own evidence in favour (>= 0)
    direct_against: float = 0.0  # ... and against (>= 0)
    coverage: Coverage = field(default_factory=lambda: Coverage(0, 0))
    minority: bool = False  # the verdict rests on a minority of the initiatives that target the node
    context_factors: tuple[ContextLink, ...] = ()
    p_contribution: float | None = None  # goals: P(the theory's own paths are active | evidence)
    p_rival: float | None = None  # goals with rivals: P(a rival brought it about | evidence)
    interval: tuple[float, float] | None = None  # score range over the joint parameter ranges
    robust: bool | None = None  # the verdict holds over the whole range

    @property
    def direct_log_bf(self) -> float:
        """Net signed log Bayes factor of the node's own evidence."""
        return self.direct_in_favour - self.direct_against

    @property
    def verdict_label(self) -> str:
        """The verdict in Dutch."""
        return verdict_label(self.verdict, "nl")

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
            "verdict_label": self.verdict_label,
            "verdict_label_en": verdict_label(self.verdict, "en"),
            "direct_log_bf": round(self.direct_log_bf, 6),
            "direct_in_favour": round(self.direct_in_favour, 6),
            "direct_against": round(self.direct_against, 6),
            "coverage": {**self.coverage.to_dict(), "minority": self.minority},
            "context_factors": [c.to_dict() for c in self.context_factors],
        }
        if self.interval is not None:
            data["interval"] = [round(self.interval[0], 6), round(self.interval[1], 6)]
            data["robust"] = self.robust
        if self.kind in ("subgoal", "main_goal"):
            data["p_contribution"] = None if self.p_contribution is None else round(self.p_contribution, 6)
            data["p_rival"] = None if self.p_rival is None else round(self.p_rival, 6)
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
        return data


@dataclass(frozen=True)
class ScoreResult(FrameMixin):
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
    context: tuple[NodeScore, ...] = ()
    method: str = ""  # how the posteriors were computed (inference method)
    prior_deviation: float = 0.0  # largest |prior − stated prior| over goals and mechanisms
    round_label_en: str = ""  # the round's English label, when the theory gives one

    def round_label_in(self, lang: str = "nl") -> str:
        """The round's label in ``lang`` (the Dutch one when it has no English label)."""
        return self.round_label_en if lang == "en" and self.round_label_en else self.round_label

    def node(self, key: str) -> NodeScore:
        """The score of the node with this IRI or short id."""
        for n in (self.main_goal, *self.subgoals, *self.mechanisms, *self.initiatives, *self.context):
            if key in (n.id, n.key):
                return n
        raise KeyError(key)

    def mechanisms_of(self, subgoal: NodeScore) -> tuple[NodeScore, ...]:
        """The mechanisms under ``subgoal``, in theory order."""
        return tuple(m for m in self.mechanisms if m.subgoal == subgoal.id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``score --format json``."""
        return {
            "contract_version": CONTRACT_VERSION,
            "theory": self.theory,
            "theory_label": self.theory_label,
            "round": self.round,
            "round_label": self.round_label,
            "config_version": self.config_version,
            "main_goal": self.main_goal.to_dict(),
            "subgoals": [s.to_dict() for s in self.subgoals],
            "mechanisms": [m.to_dict() for m in self.mechanisms],
            "initiatives": [i.to_dict() for i in self.initiatives],
            "context_factors": [c.to_dict() for c in self.context],
            "method": self.method,
            "prior_deviation": round(self.prior_deviation, 6),
        }
