"""The reasoning parameters: one documented, versioned TOML file, overridable.

The configuration is strict: unknown keys, unknown evidence kinds or sources and
any version other than :data:`CONFIG_VERSION` are refused with a
:class:`~beleidstheorie.errors.ConfigError` naming the file and the key.

>>> cfg = load_config()
>>> cfg.version, cfg.link.strong, cfg.evidence["quantitative"].likelihood_ratio
(2, 0.5, 4.0)
>>> cfg.replace({"link.strong": 0.6}).link.strong
0.6
>>> cfg.parameter_ranges()["verdict.posterior"]
(0.6, 0.8)
"""

from __future__ import annotations

import math
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic import ValidationError as PydanticValidationError

from beleidstheorie.errors import ConfigError, Problem, problem
from beleidstheorie.messages import MESSAGES, Kind, message, pydantic_said

CONFIG_VERSION = 2
EVIDENCE_KINDS = ("quantitative", "qualitative", "anecdotal")
SOURCES = ("self-report", "administrative", "independent", "external-statistics")
BASES = ("realised", "estimate", "expectation", "description")

Prob = Annotated[float, Field(gt=0.0, lt=1.0)]
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Positive = Annotated[float, Field(gt=0.0)]
GateName = Literal["noisy-or", "noisy-and"]


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


# Documented plausible ranges (docs/method.md §6); keys not listed are ±relative_range.
_RANGES: dict[str, tuple[float, float]] = {
    "prior.delivery": (0.3, 0.7),
    "prior.mechanism": (0.3, 0.7),
    "prior.subgoal": (0.3, 0.7),
    "prior.main_goal": (0.3, 0.7),
    "prior.context": (0.3, 0.7),
    "leak.floor": (0.01, 0.1),
    "link.strong": (0.35, 0.7),
    "link.moderate": (0.2, 0.45),
    "link.weak": (0.05, 0.25),
    "link.mechanism_to_subgoal": (0.3, 0.7),
    "link.subgoal_to_subgoal": (0.15, 0.5),
    "link.subgoal_to_main_goal": (0.3, 0.7),
    "link.and_base": (0.8, 1.0),
    "provenance.stated": (0.9, 1.0),
    "provenance.inferred": (0.5, 0.9),
    "evidence.quantitative.se": (0.7, 0.9),
    "evidence.quantitative.alpha": (0.1, 0.3),
    "evidence.qualitative.se": (0.6, 0.8),
    "evidence.qualitative.alpha": (0.25, 0.45),
    "evidence.anecdotal.se": (0.55, 0.7),
    "evidence.anecdotal.alpha": (0.4, 0.5),
    "specificity.operationeel": (0.4, 0.8),
    "specificity.tactisch": (0.5, 0.9),
    "specificity.strategisch": (0.6, 1.0),
    "specificity.outcome": (0.8, 1.0),
    "basis.realised": (0.9, 1.0),
    "basis.estimate": (0.25, 0.75),
    "basis.description": (0.7, 1.0),
    "source.self-report.optimism": (0.2, 0.6),
    "source.administrative.optimism": (0.0, 0.25),
    "source.independent.optimism": (0.0, 0.1),
    "source.external-statistics.optimism": (0.0, 0.1),
    "response.if_active": (0.3, 0.7),
    "response.if_inactive": (0.3, 0.7),
    "dependence.rho": (0.25, 0.75),
    "verdict.support": (math.log(2.0), math.log(5.0)),
    "verdict.conflict": (math.log(2.0), math.log(5.0)),
    "verdict.negligible": (math.log(1.2), math.log(2.0)),
    "verdict.posterior": (0.6, 0.8),
    "verdict.minority": (0.3, 0.6),
}


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
            raise _Said("config_version", version=self.version)
        missing = set(EVIDENCE_KINDS) - set(self.evidence)
        if missing:
            raise _Said("config_missing_evidence", kinds=sorted(missing))
        missing = set(SOURCES) - set(self.source)
        if missing:
            raise _Said("config_missing_source", kinds=sorted(missing))
        return self

    def scalars(self) -> dict[str, float]:
        """Every numeric parameter by dotted key (without version and sensitivity)."""
        out: dict[str, float] = {}

        def walk(prefix: str, value: Any) -> None:
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(f"{prefix}.{k}" if prefix else k, v)
            elif isinstance(value, float) and not isinstance(value, bool):
                out[prefix] = value

        data = self.model_dump()
        for key in ("version", "sensitivity"):
            data.pop(key)
        walk("", data)
        return out

    def parameter_ranges(self) -> dict[str, tuple[float, float]]:
        """Each numeric parameter's documented plausible range, by dotted key.

        >>> load_config().parameter_ranges()["evidence.quantitative.se"]
        (0.7, 0.9)
        """
        r = self.sensitivity.relative_range
        out = {}
        for key, value in self.scalars().items():
            out[key] = _RANGES.get(key, (value * (1 - r), value * (1 + r)))
        return out

    def replace(self, values: dict[str, float]) -> Config:
        """A copy with the parameters named by dotted keys set; validated like a file.

        >>> load_config().replace({"verdict.posterior": 0.8}).verdict.posterior
        0.8
        """
        data = self.model_dump()
        for key, value in values.items():
            node = data
            parts = key.split(".")
            for part in parts[:-1]:
                if not isinstance(node.get(part), dict):
                    raise ConfigError([problem("config_key", "", key)])
                node = node[part]
            if parts[-1] not in node or isinstance(node[parts[-1]], dict):
                raise ConfigError([problem("config_key", "", key)])
            node[parts[-1]] = value
        return _validate(data, "")


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _strict_names(data: dict[str, Any], file: str) -> None:
    """Unknown evidence kinds and sources are named before pydantic sees them."""
    problems = []
    for table, known, what in (
        ("evidence", EVIDENCE_KINDS, "evidence kind"),
        ("source", SOURCES, "evidence source"),
    ):
        section = data.get(table, {})
        if not isinstance(section, dict):
            problems.append(problem("config_table", file, table, table=table, what=Kind(what + "s")))
            continue
        for key in section:
            if key not in known:
                place = f"{table}.{key}"
                said = problem(
                    "config_name", file, place, what=Kind(what), name=repr(key), known=", ".join(known)
                )
                problems.append(said)
    if problems:
        raise ConfigError(problems)


class _Said(ValueError):
    """A check of the configuration worded by a message key (English as its text)."""

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values
        super().__init__(message(key, "en", **values))


_OWN_CHECKS = {MESSAGES[k][1]: k for k in ("config_se_alpha", "config_negligible")}
"""The configuration's own checks (``ValueError`` texts) -> their message keys."""


def _validate(data: dict[str, Any], file: str) -> Config:
    _strict_names(data, file)
    try:
        return Config.model_validate(data)
    except PydanticValidationError as exc:
        problems = []
        for e in exc.errors():
            place = ".".join(str(p) for p in e["loc"])
            msg = e["msg"].removeprefix("Value error, ")
            if e["type"] == "extra_forbidden":
                problems.append(problem("config_key", file, place or "version"))
                continue
            where = place or "version"
            error = (e.get("ctx") or {}).get("error")
            if isinstance(error, _Said):
                problems.append(problem(error.key, file, where, **error.values))
                continue
            key = _OWN_CHECKS.get(msg)
            if key:
                problems.append(problem(key, file, where))
                continue
            said = pydantic_said({**e, "msg": msg})
            problems.append(problem("invalid_value", file, where, said=said))
        raise ConfigError(problems) from None


def default_config_text() -> str:
    """The packaged default configuration (TOML text)."""
    return (files("beleidstheorie.reasoning") / "defaults.toml").read_text("utf-8")


def parse_config(override_text: str | None = None, file: str = "") -> Config:
    """The defaults with ``override_text`` (TOML, any subset of keys) merged in.

    >>> parse_config("[evidence.hearsay]\\nse = 0.6\\nalpha = 0.5", "my.toml")
    Traceback (most recent call last):
    ...
    beleidstheorie.errors.ConfigError: my.toml: evidence.hearsay: unknown evidence kind 'hearsay' \
(known: quantitative, qualitative, anecdotal)
    """
    data = tomllib.loads(default_config_text())
    if override_text:
        try:
            override = tomllib.loads(override_text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError([problem("toml_malformed", file, cause=str(exc))]) from None
        _strict_names(override, file)
        data = _merge(data, override)
    return _validate(data, file)


def load_config(path: str | Path | None = None) -> Config:
    """The configuration: defaults, overridden by the TOML file at ``path``."""
    if path is None:
        return parse_config()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Problem(str(path), "", str(exc))]) from None
    return parse_config(text, str(path))
