"""The reasoning configuration's schema in pydantic: the reference for every error message.

:mod:`beleidstheorie.reasoning.config` reads a well-formed configuration (the packaged
defaults, a parameter point of the intervals) without it; a configuration that is not
plainly well-formed is validated here, so its messages are pydantic's, as they always were.
Importing pydantic and building these classes costs about a tenth of a second, which
every scoring command would otherwise pay.

>>> from beleidstheorie.reasoning.config import default_config_text
>>> import tomllib
>>> Config.model_validate(tomllib.loads(default_config_text())).link.strong
0.5
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from beleidstheorie.messages import message
from beleidstheorie.reasoning.config import CONFIG_VERSION, EVIDENCE_KINDS, SOURCES

Prob = Annotated[float, Field(gt=0.0, lt=1.0)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Positive = Annotated[float, Field(gt=0.0)]
GateName = Literal["noisy-or", "noisy-and"]


class Said(ValueError):
    """A check of the configuration worded by a message key (English as its text)."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(message(key, "en", **values))


class _Cfg(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Prior(_Cfg):
    delivery: Prob
    mechanism: Prob
    subgoal: Prob
    main_goal: Prob
    context: Prob


class Gates(_Cfg):
    mechanism: GateName
    subgoal: GateName
    main_goal: GateName


class Leak(_Cfg):
    floor: Prob


class Link(_Cfg):
    strong: Prob
    moderate: Prob
    weak: Prob
    mechanism_to_subgoal: Prob
    subgoal_to_subgoal: Prob
    subgoal_to_main_goal: Prob
    and_base: Annotated[float, Field(gt=0.0, le=1.0)]


class ProvenanceFactor(_Cfg):
    stated: Unit
    inferred: Unit


class EvidenceKindParams(_Cfg):
    """Sensitivity and false-positive rate of one evidence kind."""

    se: Prob
    alpha: Prob

    @model_validator(mode="after")
    def _diagnostic(self) -> EvidenceKindParams:
        if self.se <= self.alpha:
            raise ValueError("se must exceed alpha, or progress would count as evidence against")
        return self

    @property
    def likelihood_ratio(self) -> float:
        """LR of a reported progress, Se / alpha."""
        return round(self.se / self.alpha, 12)


class Specificity(_Cfg):
    operationeel: Unit
    tactisch: Unit
    strategisch: Unit
    outcome: Unit


class BasisFactor(_Cfg):
    realised: Unit
    estimate: Unit
    description: Unit


class SourceParams(_Cfg):
    optimism: Annotated[float, Field(ge=0.0, lt=1.0)]


class Defaults(_Cfg):
    basis: Literal["realised", "estimate", "expectation", "description"]
    source: Literal["self-report", "administrative", "independent", "external-statistics"]


class Response(_Cfg):
    model: Literal["neutral", "informative"]
    if_active: Prob
    if_inactive: Prob


class Dependence(_Cfg):
    rho: Unit


class Calibration(_Cfg):
    tolerance: Annotated[float, Field(gt=0.0, lt=0.5)]


class Verdict(_Cfg):
    support: Positive
    conflict: Positive
    negligible: Positive
    posterior: Prob
    minority: Prob

    @model_validator(mode="after")
    def _ordered(self) -> Verdict:
        if self.negligible > self.support:
            raise ValueError("negligible must not exceed support")
        return self


class Sensitivity(_Cfg):
    relative_range: Annotated[float, Field(gt=0.0, lt=1.0)]
    steps: Annotated[int, Field(ge=3, le=101)]


class Config(_Cfg):
    """All parameters of the engine; see docs/method.md."""

    version: int
    prior: Prior
    gate: Gates
    leak: Leak
    link: Link
    provenance: ProvenanceFactor
    evidence: dict[str, EvidenceKindParams]
    specificity: Specificity
    basis: BasisFactor
    source: dict[str, SourceParams]
    defaults: Defaults
    response: Response
    dependence: Dependence
    calibration: Calibration
    verdict: Verdict
    sensitivity: Sensitivity

    @model_validator(mode="after")
    def _complete(self) -> Config:
        if self.version != CONFIG_VERSION:
            raise Said("config_version", version=self.version)
        missing = set(EVIDENCE_KINDS) - set(self.evidence)
        if missing:
            raise Said("config_missing_evidence", kinds=sorted(missing))
        missing = set(SOURCES) - set(self.source)
        if missing:
            raise Said("config_missing_source", kinds=sorted(missing))
        return self
