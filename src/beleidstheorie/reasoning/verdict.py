"""THE verdict rule, with its vocabulary beside it (docs/method.md §4).

A node is judged by its *own* evidence — the items that bear on it directly —
through their net, signed log Bayes factor, never by adding up |ln LR|: evidence
for and against cancels. The posterior (which also carries what upstream evidence
and the theory predict) must reach a threshold before a node is ``supported``.
Every verdict reports its coverage: how many of the initiatives that target the
node gave an informative answer on it.

>>> from beleidstheorie.reasoning.config import load_config
>>> cfg = load_config()
>>> verdict(DirectEvidence(2.0, 0.0), 0.8, cfg)
'supported'
>>> verdict(DirectEvidence(0.31, 0.34), 0.81, cfg)     # one anecdotal yes, one no: they cancel
'insufficient'
>>> VERDICTS["indications"].nl
'aanwijzingen'
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from beleidstheorie.reasoning.config import Config


@dataclass(frozen=True)
class Label:
    """A verdict's label in Dutch and English."""

    nl: str
    en: str


SUPPORTED = "supported"
INDICATIONS = "indications"
CONFLICTING = "conflicting"
NOT_SUPPORTED = "not-supported"
INSUFFICIENT = "insufficient"
UNDECIDED = "undecided"

VERDICTS: dict[str, Label] = {
    SUPPORTED: Label("ondersteund", "supported"),
    INDICATIONS: Label("aanwijzingen", "indications"),
    CONFLICTING: Label("tegenstrijdig", "conflicting"),
    NOT_SUPPORTED: Label("niet ondersteund", "not supported"),
    INSUFFICIENT: Label("onvoldoende bewijs", "insufficient evidence"),
    UNDECIDED: Label("onbeslist", "undecided within the error"),
}
"""The whole vocabulary: code → label. Nothing else names a verdict."""


@dataclass(frozen=True)
class DirectEvidence:
    """A node's own evidence: weighted ln LR in favour (≥ 0) and against (≥ 0)."""

    in_favour: float
    against: float

    @property
    def log_bf(self) -> float:
        """The net signed log Bayes factor of the node's own evidence."""
        return self.in_favour - self.against


@dataclass(frozen=True)
class Coverage:
    """Of the initiatives that target a node, how many gave an informative answer on it."""

    targeted: int
    informative: int

    @property
    def answered_share(self) -> float | None:
        """informative / targeted (None when no initiative targets the node)."""
        return self.informative / self.targeted if self.targeted else None

    def minority(self, config: Config) -> bool:
        """Whether the evidence rests on fewer than ``verdict.minority`` of the targeting initiatives."""
        share = self.answered_share
        return share is not None and self.informative > 0 and share < config.verdict.minority

    def to_dict(self) -> dict[str, float | int | None]:
        """Plain data for JSON."""
        share = self.answered_share
        return {
            "targeted": self.targeted,
            "informative": self.informative,
            "answered_share": None if share is None else round(share, 6),
        }


def verdict(
    direct: DirectEvidence,
    posterior: float,
    config: Config,
    posterior_interval: tuple[float, float] | None = None,
) -> str:
    """The verdict on a node from its own evidence and its posterior.

    In this order (thresholds ``verdict.*`` in the config):

    1. ``conflicting`` — at least ``conflict`` in favour *and* against;
    2. ``insufficient`` — |net ln BF| below ``negligible`` (none, or it cancels);
    3. ``not-supported`` — the net evidence points against;
    4. ``supported`` — net ln BF ≥ ``support`` and posterior ≥ ``posterior``;
       ``undecided`` instead when ``posterior_interval`` straddles that threshold;
    5. ``indications`` — net positive, but weaker or the posterior is lower.

    >>> from beleidstheorie.reasoning.config import load_config
    >>> cfg = load_config()
    >>> [verdict(DirectEvidence(a, b), p, cfg) for a, b, p in
    ...  [(1.2, 1.3, 0.5), (0.0, 0.0, 0.9), (0.0, 0.6, 0.7), (0.8, 0.0, 0.9), (1.4, 0.0, 0.6)]]
    ['conflicting', 'insufficient', 'not-supported', 'indications', 'indications']
    >>> verdict(DirectEvidence(1.4, 0.0), 0.72, cfg, posterior_interval=(0.66, 0.78))
    'undecided'
    """
    v = config.verdict
    if direct.in_favour >= v.conflict and direct.against >= v.conflict:
        return CONFLICTING
    net = direct.log_bf
    if abs(net) < v.negligible:
        return INSUFFICIENT
    if net < 0:
        return NOT_SUPPORTED
    if net >= v.support:
        if posterior_interval is not None and posterior_interval[0] < v.posterior <= posterior_interval[1]:
            return UNDECIDED
        if posterior >= v.posterior:
            return SUPPORTED
    return INDICATIONS


def verdicts(
    in_favour: np.ndarray, against: np.ndarray, posterior: np.ndarray, error: np.ndarray, config: Config
) -> list[str]:
    """:func:`verdict` of many nodes at once: each node's evidence, posterior and error bound.

    Node i gets ``verdict(DirectEvidence(in_favour[i], against[i]), posterior[i], config,
    (posterior[i] − error[i], posterior[i] + error[i]) if error[i] > 0 else None)``, the same
    rule in the same order, on arrays (``tests/reasoning/test_points.py`` holds them equal).

    >>> from beleidstheorie.reasoning.config import load_config
    >>> verdicts(np.array([1.2, 0.0, 1.4]), np.array([1.3, 0.0, 0.0]), np.array([0.5, 0.9, 0.72]),
    ...          np.array([0.0, 0.0, 0.06]), load_config())
    ['conflicting', 'insufficient', 'undecided']
    """
    v = config.verdict
    net = in_favour - against
    out = np.full(net.shape, INDICATIONS, dtype=object)
    strong = net >= v.support
    straddles = strong & (error > 0) & (posterior - error < v.posterior) & (v.posterior <= posterior + error)
    out[strong & ~straddles & (posterior >= v.posterior)] = SUPPORTED
    out[straddles] = UNDECIDED
    out[net < 0] = NOT_SUPPORTED
    out[np.abs(net) < v.negligible] = INSUFFICIENT
    out[(in_favour >= v.conflict) & (against >= v.conflict)] = CONFLICTING
    return out.tolist()


def reads_posterior(in_favour: np.ndarray, against: np.ndarray, config: Config) -> np.ndarray:
    """Per node: whether :func:`verdicts` reads its posterior and error bound at all.

    Only a node whose net own evidence reaches ``verdict.support`` (and that is neither
    conflicting, negligible nor against) is judged by its posterior; every other node's
    verdict follows from its own evidence alone, whatever its posterior.

    >>> from beleidstheorie.reasoning.config import load_config
    >>> reads_posterior(np.array([1.2, 0.0, 1.4]), np.array([1.3, 0.0, 0.0]), load_config()).tolist()
    [False, False, True]
    """
    v = config.verdict
    net = in_favour - against
    conflicting = (in_favour >= v.conflict) & (against >= v.conflict)
    return (net >= v.support) & ~(net < 0) & ~(np.abs(net) < v.negligible) & ~conflicting


def verdict_label(code: str, lang: str = "nl") -> str:
    """The label of a verdict code in ``lang`` (nl or en).

    >>> verdict_label("not-supported"), verdict_label("not-supported", "en")
    ('niet ondersteund', 'not supported')
    """
    label = VERDICTS[code]
    return label.en if lang == "en" else label.nl
