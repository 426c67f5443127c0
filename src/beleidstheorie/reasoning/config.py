"""The reasoning parameters: one documented, versioned TOML file, overridable.

>>> cfg = load_config()
>>> cfg.version, cfg.link.strong, cfg.evidence["quantitative"].likelihood_ratio
(1, 0.5, 4.0)
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic import ValidationError as PydanticValidationError

from beleidstheorie.errors import ConfigError, Problem

Prob = Annotated[float, Field(gt=0.0, lt=1.0)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]


class _Cfg(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Prior(_Cfg):
    delivery: Prob


class Leak(_Cfg):
    mechanism: Prob
    subgoal: Prob
    main_goal: Prob


class Link(_Cfg):
    strong: Prob
    moderate: Prob
    weak: Prob
    mechanism_to_subgoal: Prob
    subgoal_to_main_goal: Prob


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


class Dependence(_Cfg):
    rho: Unit


class Verdict(_Cfg):
    supported: Prob
    min_weight: Annotated[float, Field(ge=0.0)]


class Sensitivity(_Cfg):
    relative_range: Annotated[float, Field(gt=0.0, lt=1.0)]
    steps: Annotated[int, Field(ge=3, le=101)]


class Config(_Cfg):
    """All parameters of the engine; see docs/method.md."""

    version: int
    prior: Prior
    leak: Leak
    link: Link
    provenance: ProvenanceFactor
    evidence: dict[str, EvidenceKindParams]
    specificity: Specificity
    dependence: Dependence
    verdict: Verdict
    sensitivity: Sensitivity

    @model_validator(mode="after")
    def _kinds(self) -> Config:
        missing = {"quantitative", "qualitative", "anecdotal"} - set(self.evidence)
        if missing:
            raise ValueError(f"evidence parameters missing for {sorted(missing)}")
        return self


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def default_config_text() -> str:
    """The packaged default configuration (TOML text)."""
    return (files("beleidstheorie.reasoning") / "defaults.toml").read_text("utf-8")


def parse_config(override_text: str | None = None, file: str = "") -> Config:
    """The defaults with ``override_text`` (TOML, any subset of keys) merged in."""
    data = tomllib.loads(default_config_text())
    if override_text:
        try:
            data = _merge(data, tomllib.loads(override_text))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError([Problem(file, "", f"malformed TOML: {exc}")]) from None
    try:
        return Config.model_validate(data)
    except PydanticValidationError as exc:
        raise ConfigError(
            [Problem(file, ".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
        ) from None


def load_config(path: str | Path | None = None) -> Config:
    """The configuration: defaults, overridden by the TOML file at ``path``."""
    if path is None:
        return parse_config()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Problem(str(path), "", str(exc))]) from None
    return parse_config(text, str(path))
