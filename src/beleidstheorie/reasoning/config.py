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

import dataclasses
import math
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from beleidstheorie.errors import ConfigError, LoadError, Problem, problem
from beleidstheorie.messages import MESSAGES, Kind, parser_said, pydantic_said
from beleidstheorie.resources import package_path

CONFIG_VERSION = 2
EVIDENCE_KINDS = ("quantitative", "qualitative", "anecdotal")
SOURCES = ("self-report", "administrative", "independent", "external-statistics")
BASES = ("realised", "estimate", "expectation", "description")

# The parameters as plain frozen dataclasses: reading them needs no pydantic. Each field's
# rule is in _RULES below, checked on well-formed input; anything else goes to the pydantic
# schema (config_schema.py), whose messages are the ones users see. _RULES may be stricter
# than the schema, never more lenient: tests/reasoning/test_config.py compares the two.


@dataclass(frozen=True)
class Prior:
    delivery: float
    mechanism: float
    subgoal: float
    main_goal: float
    context: float


@dataclass(frozen=True)
class Gates:
    mechanism: str
    subgoal: str
    main_goal: str


@dataclass(frozen=True)
class Leak:
    floor: float


@dataclass(frozen=True)
class Link:
    strong: float
    moderate: float
    weak: float
    mechanism_to_subgoal: float
    subgoal_to_subgoal: float
    subgoal_to_main_goal: float
    and_base: float


@dataclass(frozen=True)
class ProvenanceFactor:
    stated: float
    inferred: float


@dataclass(frozen=True)
class EvidenceKindParams:
    """Sensitivity and false-positive rate of one evidence kind."""

    se: float
    alpha: float

    @property
    def likelihood_ratio(self) -> float:
        """LR of a reported progress, Se / alpha."""
        return round(self.se / self.alpha, 12)


@dataclass(frozen=True)
class Specificity:
    operationeel: float
    tactisch: float
    strategisch: float
    outcome: float


@dataclass(frozen=True)
class BasisFactor:
    realised: float
    estimate: float
    description: float


@dataclass(frozen=True)
class SourceParams:
    optimism: float


@dataclass(frozen=True)
class Defaults:
    basis: str
    source: str


@dataclass(frozen=True)
class Response:
    model: str
    if_active: float
    if_inactive: float


@dataclass(frozen=True)
class Dependence:
    rho: float


@dataclass(frozen=True)
class Calibration:
    tolerance: float


@dataclass(frozen=True)
class Verdict:
    support: float
    conflict: float
    negligible: float
    posterior: float
    minority: float


@dataclass(frozen=True)
class Sensitivity:
    relative_range: float
    steps: int


# (low, high, low included, high included) of a number; a tuple of str: the allowed words.
_PROB = (0.0, 1.0, False, False)
_UNIT = (0.0, 1.0, True, True)
_POSITIVE = (0.0, math.inf, False, False)
_GATE = ("noisy-or", "noisy-and")
_RULES: dict[str, dict[str, Any]] = {
    "prior": dict.fromkeys(("delivery", "mechanism", "subgoal", "main_goal", "context"), _PROB),
    "gate": dict.fromkeys(("mechanism", "subgoal", "main_goal"), _GATE),
    "leak": {"floor": _PROB},
    "link": {
        **dict.fromkeys(
            (
                "strong",
                "moderate",
                "weak",
                "mechanism_to_subgoal",
                "subgoal_to_subgoal",
                "subgoal_to_main_goal",
            ),
            _PROB,
        ),
        "and_base": (0.0, 1.0, False, True),
    },
    "provenance": dict.fromkeys(("stated", "inferred"), _UNIT),
    "evidence": {"se": _PROB, "alpha": _PROB},  # per evidence kind
    "specificity": dict.fromkeys(("operationeel", "tactisch", "strategisch", "outcome"), _UNIT),
    "basis": dict.fromkeys(("realised", "estimate", "description"), _UNIT),
    "source": {"optimism": (0.0, 1.0, True, False)},  # per source
    "defaults": {"basis": BASES, "source": SOURCES},
    "response": {"model": ("neutral", "informative"), "if_active": _PROB, "if_inactive": _PROB},
    "dependence": {"rho": _UNIT},
    "calibration": {"tolerance": (0.0, 0.5, False, False)},
    "verdict": {
        **dict.fromkeys(("support", "conflict", "negligible"), _POSITIVE),
        "posterior": _PROB,
        "minority": _PROB,
    },
    "sensitivity": {"relative_range": (0.0, 1.0, False, False), "steps": (3, 101, True, True)},
}
_SECTIONS = {
    "prior": Prior,
    "gate": Gates,
    "leak": Leak,
    "link": Link,
    "provenance": ProvenanceFactor,
    "evidence": EvidenceKindParams,
    "specificity": Specificity,
    "basis": BasisFactor,
    "source": SourceParams,
    "defaults": Defaults,
    "response": Response,
    "dependence": Dependence,
    "calibration": Calibration,
    "verdict": Verdict,
    "sensitivity": Sensitivity,
}
_PER_NAME = ("evidence", "source")  # tables of one section per evidence kind or source


def _fits(value: Any, rule: Any, integer: bool = False) -> bool:
    if isinstance(rule[0], str):
        return type(value) is str and value in rule
    # bool is a subclass of int: type() keeps it (and every other type) for the schema to judge;
    # a float subclass (numpy's float64 of a sampled parameter point) the schema makes a float
    number = type(value) is int or (not integer and isinstance(value, float))
    if not number or not math.isfinite(value):
        return False
    low, high, low_in, high_in = rule
    return (value >= low if low_in else value > low) and (value <= high if high_in else value < high)


def _fields_fit(section: Any, rules: dict[str, Any], integer: tuple[str, ...] = ()) -> bool:
    return (
        type(section) is dict
        and section.keys() == rules.keys()
        and all(_fits(section[k], rule, k in integer) for k, rule in rules.items())
    )


def _well_formed(data: Any) -> bool:
    """Whether ``data`` is plainly valid: exactly the keys, values of the right type within range.

    Only then is it read without pydantic; whatever else (a string for a number, a missing
    or extra key, a broken rule) the schema judges and words. Never more lenient than the
    schema, so what passes here passes there with the same values.
    """
    if type(data) is not dict or data.keys() != {"version", *_SECTIONS} or type(data["version"]) is not int:
        return False
    if data["version"] != CONFIG_VERSION:
        return False
    for name, rules in _RULES.items():
        section = data[name]
        if name in _PER_NAME:
            known = EVIDENCE_KINDS if name == "evidence" else SOURCES
            if type(section) is not dict or set(section) != set(known):
                return False
            if not all(_fields_fit(part, rules) for part in section.values()):
                return False
        elif not _fields_fit(section, rules, ("steps",)):
            return False
    if any(p["se"] <= p["alpha"] for p in data["evidence"].values()):
        return False
    return data["verdict"]["negligible"] <= data["verdict"]["support"]


def _build(data: dict[str, Any]) -> Config:
    """The dataclasses of a configuration already checked (by :func:`_well_formed` or the schema)."""

    def section(cls: type, values: dict[str, Any], rules: dict[str, Any]) -> Any:
        # numbers become plain floats (an int, numpy's float64) as the schema makes them
        return cls(
            **{
                n: values[n] if n == "steps" or isinstance(rules[n][0], str) else float(values[n])
                for n in (f.name for f in dataclasses.fields(cls))
            }
        )

    parts: dict[str, Any] = {}
    for name, cls in _SECTIONS.items():
        if name in _PER_NAME:
            parts[name] = {key: section(cls, value, _RULES[name]) for key, value in data[name].items()}
        else:
            parts[name] = section(cls, data[name], _RULES[name])
    return Config(version=data["version"], **parts)


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


@dataclass(frozen=True)
class Config:
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

    @classmethod
    def model_validate(cls, data: dict[str, Any]) -> Config:
        """The configuration of the plain data ``data`` (nested dicts), validated like a file.

        >>> Config.model_validate(load_config().model_dump()) == load_config()
        True
        """
        return _validate(data, "")

    def model_dump(self) -> dict[str, Any]:
        """The configuration as plain nested dicts, in the order of the TOML file."""
        return dataclasses.asdict(self)

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
        _, fast = self._numbers_set(values)
        if fast is not None:
            return fast
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

    def _one_value(self, key: str, value: Any) -> tuple[bool, Config | None]:
        """(decided, copy): this configuration with the number at ``key`` set (:meth:`_numbers_set`)."""
        return self._numbers_set({key: value})

    def _numbers_set(self, values: dict[str, Any]) -> tuple[bool, Config | None]:
        """(decided, copy): this configuration with the numbers at the dotted keys set, judged alone.

        The checks :func:`_well_formed` makes of those numbers (each one's rule, and the two
        rules across fields: se above alpha, negligible at most support). Numbers that pass
        give the copy validating the whole configuration gives; one that fails is invalid there
        too (the schema never accepts what these rules refuse, ``tests/reasoning/test_config.py``):
        ``(True, None)``. Anything else — not a plain number, not a numeric key — is left to
        that validation: ``(False, None)``.
        """
        sections: dict[str, Any] = {}
        invalid = False
        for key, value in values.items():
            parts = key.split(".")
            if (
                len(parts) not in (2, 3)
                or parts[0] not in _RULES
                or (len(parts) == 3) != (parts[0] in _PER_NAME)
            ):
                return False, None
            rule = _RULES[parts[0]].get(parts[-1])
            number = type(value) is int or isinstance(value, float)
            if rule is None or isinstance(rule[0], str) or parts[-1] == "steps" or not number:
                return False, None
            section = sections.get(parts[0], getattr(self, parts[0]))
            part = section.get(parts[1]) if len(parts) == 3 else section
            if part is None:
                return False, None
            invalid = invalid or not _fits(value, rule)
            changed = dataclasses.replace(part, **{parts[-1]: float(value)})
            sections[parts[0]] = {**section, parts[1]: changed} if len(parts) == 3 else changed
        if invalid:
            return True, None
        if "evidence" in sections and any(p.se <= p.alpha for p in sections["evidence"].values()):
            return True, None
        if "verdict" in sections and sections["verdict"].negligible > sections["verdict"].support:
            return True, None
        return True, dataclasses.replace(self, **sections)


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


_OWN_CHECKS = {MESSAGES[k][1]: k for k in ("config_se_alpha", "config_negligible")}
"""The configuration's own checks (``ValueError`` texts) -> their message keys."""


def _validate(data: dict[str, Any], file: str) -> Config:
    _strict_names(data, file)
    if _well_formed(data):
        return _build(data)
    from pydantic import ValidationError as PydanticValidationError

    from beleidstheorie.reasoning.config_schema import Config as Schema
    from beleidstheorie.reasoning.config_schema import Said

    try:
        return _build(Schema.model_validate(data).model_dump())
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
            if isinstance(error, Said):
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
    return package_path("reasoning", "defaults.toml").read_text("utf-8")


_TOML_PLACE = re.compile(r" \(at (?:line (\d+), column (\d+)|(end of document))\)$")


def _toml_problem(text: str, file: str) -> Problem:
    """tomllib's cause, with the place it ends in (``(at line 1, column 7)``) put where places go."""
    found = _TOML_PLACE.search(text)
    if found is None:
        return problem("toml_malformed", file, cause=parser_said(text))
    place = f"line {found[1]}, column {found[2]}" if found[1] else ""
    cause = parser_said(text[: found.start()])
    if found[3]:
        return problem("toml_malformed", file, cause=("toml_at_end", (("cause", cause),)))
    return problem("toml_malformed", file, place, cause=cause)


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
            raise ConfigError([_toml_problem(str(exc), file)]) from None
        _strict_names(override, file)
        data = _merge(data, override)
    return _validate(data, file)


def load_config(path: str | Path | None = None) -> Config:
    """The configuration: defaults, overridden by the TOML file at ``path``."""
    if path is None:
        return parse_config()
    from beleidstheorie.io.files import read_text_file

    try:
        text = read_text_file(path)
    except LoadError as exc:  # the same messages as for any file read, as a configuration error
        raise ConfigError(exc.problems) from None
    return parse_config(text, str(path))
