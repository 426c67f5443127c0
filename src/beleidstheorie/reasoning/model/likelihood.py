"""What an observation shows: the one place its likelihood pair is computed.

Every rule answers the test question of Bayesian process tracing (Befani &
Stedman-Bryce 2017): *how likely is this report if the hypothesis is true, and
how likely if it is false?* The answer depends on the report's status, what it
rests on (``basis``), who produced it (``source``), the evidence kind, the level
of the indicator, what it bears on, and evaluator-elicited values. The rules are
written out, with a worked example each, in ``docs/method.md`` §3.

The same function answers for a hypothetical observation ("what would a
quantitative, independent 'progressie geboekt' on this mechanism do?"), which is
what value-of-information analysis needs.

>>> from beleidstheorie.reasoning.config import load_config
>>> cfg = load_config()
>>> lk = likelihood(Facts("progressie-geboekt", "quantitative", "delivery",
...                       basis="realised", source="independent"), cfg)
>>> lk.rule, round(lk.l1, 3), round(lk.l0, 3), round(lk.likelihood_ratio, 3)
('measured', 0.8, 0.2, 4.0)
>>> likelihood(Facts("progressie-geboekt", "quantitative", "goal", basis="expectation"), cfg).rule
'expectation'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from beleidstheorie.reasoning.config import Config

BEARS_ON = ("delivery", "mechanism", "goal", "context")
PROGRESS, NO_PROGRESS = "progressie-geboekt", "geen-progressie"
NON_RESPONSE = ("nog-niet-bekend", "niet-meetbaar")

RULE_MEASURED = "measured"
RULE_ELICITED = "elicited"
RULE_DESCRIPTION = "description-is-delivery"
RULE_EXPECTATION = "expectation"
RULE_RESTATEMENT = "restatement"
RULE_NO_KIND = "no-evidence-kind"
RULE_NON_RESPONSE = "non-response-neutral"
RULE_NON_RESPONSE_INFORMATIVE = "non-response-informative"

RULES = {
    RULE_MEASURED: "evidence kind, indicator level, basis and source (method.md §3.1–3.3)",
    RULE_ELICITED: "sensitivity and false-positive rate elicited by the evaluator (§3.4)",
    RULE_DESCRIPTION: "a description of outputs under a mechanism or goal question bears on "
    "delivery, not on the mechanism or goal (§3.2)",
    RULE_EXPECTATION: "an expectation, vision or target is no evidence that anything happened: LR 1 (§3.2)",
    RULE_RESTATEMENT: "restates another observation: the fact counts once, there (§3.5)",
    RULE_NO_KIND: "no evidence behind the answer (evidence kind 'none'): LR 1 (§3.1)",
    RULE_NON_RESPONSE: "no answer yet; the neutral response model gives LR 1 (§3.6)",
    RULE_NON_RESPONSE_INFORMATIVE: "no answer yet; the informative response model (§3.6)",
}
"""Every rule's code and what it says, as ``explain`` and ``coverage`` list them."""

NO_EVIDENCE_RULES = frozenset({RULE_EXPECTATION, RULE_RESTATEMENT, RULE_NO_KIND, RULE_NON_RESPONSE})
"""Rules that make an observation carry no evidence (LR exactly 1)."""


@dataclass(frozen=True)
class Facts:
    """The fields of an observation that its likelihood depends on.

    ``bears_on`` is the kind of hypothesis node (one of :data:`BEARS_ON`);
    ``basis`` and ``source`` are None when the observation does not state them
    (the config's conservative defaults apply); ``values`` and
    ``realised_values`` count its numbers and how many of them are realised
    figures (not targets or expectations); ``elicited`` is (Se, α) when the
    evaluator elicited them; ``restates`` says that the observation repeats
    another one.
    """

    status: str
    evidence_kind: str
    bears_on: str
    level: str = "outcome"
    basis: str | None = None
    source: str | None = None
    values: int = 0
    realised_values: int = 0
    elicited: tuple[float, float] | None = None
    restates: bool = False


@dataclass(frozen=True)
class Likelihood:
    """P(report | H) and P(report | not H), the rule that set them, and how it read the report."""

    l1: float
    l0: float
    rule: str
    basis: str  # the basis the rule used (stated, implied by the values, or the default)
    source: str
    bears_on: str  # after the rules: a description under a goal question bears on delivery

    @property
    def likelihood_ratio(self) -> float:
        """L(H) / L(not H)."""
        return self.l1 / self.l0

    @property
    def log_lr(self) -> float:
        """ln L(H) − ln L(not H)."""
        return math.log(self.l1) - math.log(self.l0)

    @property
    def informative(self) -> bool:
        """Whether the report moves the hypothesis at all."""
        return self.rule not in NO_EVIDENCE_RULES and self.l1 != self.l0


def effective_basis(facts: Facts, config: Config) -> str:
    """The basis a rule uses: numbers that are all targets or expectations make an expectation.

    >>> from beleidstheorie.reasoning.config import load_config
    >>> effective_basis(Facts("progressie-geboekt", "quantitative", "goal", basis="realised",
    ...                       values=2, realised_values=0), load_config())
    'expectation'
    """
    if facts.values > 0 and facts.realised_values == 0:
        return "expectation"
    return facts.basis or config.defaults.basis


def likelihood(facts: Facts, config: Config) -> Likelihood:
    """The likelihood pair of one observation on one hypothesis (see the module docstring).

    The rules, in the order they are tried:

    1. a restatement counts once, at the observation it restates: LR 1;
    2. "nog niet bekend" and "niet meetbaar" follow the response model (neutral: LR 1);
    3. evidence kind "none": LR 1;
    4. an expectation, vision or target (basis, or values none of which is realised): LR 1;
    5. a description under a mechanism or goal question bears on delivery instead;
    6. elicited (Se, α) replace the rule's numbers;
    7. otherwise Se and α of the evidence kind, with the Se − α gap shrunk by the
       level's specificity (mechanisms and goals only) and the basis factor, then the
       source's optimism b: Se' = Se + b(1 − Se), α' = α + b(1 − α).

    "progressie geboekt" has likelihoods (Se', α'), "geen progressie" (1 − Se', 1 − α').

    >>> from beleidstheorie.reasoning.config import load_config
    >>> lk = likelihood(Facts("geen-progressie", "qualitative", "mechanism", level="tactisch",
    ...                       basis="realised", source="self-report"), load_config())
    >>> round(lk.l1, 4), round(lk.l0, 4)    # 1 − (0.595 + 0.4·0.405), 1 − (0.35 + 0.4·0.65)
    (0.243, 0.39)
    """
    source = facts.source or config.defaults.source
    basis = effective_basis(facts, config)
    bears_on = facts.bears_on

    def result(l1: float, l0: float, rule: str) -> Likelihood:
        return Likelihood(l1, l0, rule, basis, source, bears_on)

    if facts.restates:
        return result(1.0, 1.0, RULE_RESTATEMENT)
    if facts.status in NON_RESPONSE:
        if config.response.model == "informative":
            return result(
                config.response.if_active, config.response.if_inactive, RULE_NON_RESPONSE_INFORMATIVE
            )
        return result(1.0, 1.0, RULE_NON_RESPONSE)
    if facts.status not in (PROGRESS, NO_PROGRESS):
        raise ValueError(f"unknown progress status {facts.status!r}")
    if facts.evidence_kind == "none":
        return result(1.0, 1.0, RULE_NO_KIND)
    if basis == "expectation":
        return result(1.0, 1.0, RULE_EXPECTATION)
    rule = RULE_MEASURED
    if basis == "description" and bears_on in ("mechanism", "goal"):
        bears_on, rule = "delivery", RULE_DESCRIPTION
    present = facts.status == PROGRESS
    if facts.elicited is not None:
        se, alpha = facts.elicited
        return result(se if present else 1 - se, alpha if present else 1 - alpha, RULE_ELICITED)
    kind = config.evidence[facts.evidence_kind]
    specific = bears_on in ("mechanism", "goal")
    s = getattr(config.specificity, facts.level) if specific else 1.0
    b = getattr(config.basis, basis)
    se1 = kind.alpha + s * b * (kind.se - kind.alpha)
    optimism = config.source[source].optimism
    se = se1 + optimism * (1 - se1)
    alpha = kind.alpha + optimism * (1 - kind.alpha)
    return result(se if present else 1 - se, alpha if present else 1 - alpha, rule)
