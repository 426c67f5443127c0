"""Pydantic models of the YAML authoring format.

A theory is one ``theory.yaml`` (plus, optionally, one file per initiative in
``initiatives/``). These models check everything that needs no graph: types,
required fields, allowed vocabulary. Cross references are checked in
:mod:`beleidstheorie.authoring.checks`.

>>> Text.model_validate("Maatwerk")
Text(nl='Maatwerk', en=None)
>>> Ref(section="1.3", page=7).page
7
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from beleidstheorie.authoring.vocab import (
    Basis,
    ContextLevel,
    ContextRole,
    EvidenceKind,
    EvidenceSource,
    Gate,
    IndicatorLevel,
    IndicatorType,
    LinkType,
    ProgressStatus,
    Provenance,
    Strength,
    ValueKind,
)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=120)]
"""A node identifier: lower case letters, digits and hyphens; unique in a theory."""

NonEmpty = Annotated[str, StringConstraints(min_length=1)]

Probability = Annotated[float, Field(gt=0.0, lt=1.0)]
"""A probability strictly between 0 and 1."""


def _sorted(values: list[str]) -> list[str]:
    # A Python function, not the builtin: pydantic reads a validator's signature, and the
    # builtin's is parsed from its text by inspect (tokenize, ~10 ms per fresh process).
    return sorted(values)


# Sets written as lists: kept sorted, because RDF keeps no order among them.
IdSet = Annotated[list[Id], AfterValidator(_sorted)]
TextSet = Annotated[list[NonEmpty], AfterValidator(_sorted)]


class _Model(BaseModel):
    # A field's docstring (the string under it) documents it in the JSON Schema and the field
    # reference; authoring.schema reads them from this source. pydantic's own
    # use_attribute_docstrings would parse the source of every class at import, which is
    # about 70 ms of every command that reads a YAML theory.
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, allow_inf_nan=False)


class Text(_Model):
    """A text in Dutch with an optional English rendering.

    A plain string in YAML is read as the Dutch text.
    """

    nl: NonEmpty
    en: NonEmpty | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"nl": value}
        return value


class Ref(_Model):
    """Where in the source report a node is described."""

    section: NonEmpty
    page: Annotated[int, Field(ge=1)] | None = None


class Quoted(_Model):
    """A verbatim passage from the source report with its place."""

    quote: NonEmpty
    ref: Ref


class Source(_Model):
    """The report a theory is encoded from."""

    title: NonEmpty
    creators: list[NonEmpty] = []
    publisher: NonEmpty | None = None
    date: dt.date | None = None
    identifier: NonEmpty | None = None


class Quantity(_Model):
    """A number read from a text, with its unit and what it counts.

    ``kind`` (v2) says whether the number is what happened (``realised``, the v1
    reading), a target the text sets, or an expectation it voices.
    """

    value: float
    unit: NonEmpty
    counts: NonEmpty
    kind: ValueKind = ValueKind.REALISED


class Period(_Model):
    """The period a figure covers, apart from the round in which it was reported (v2)."""

    start: dt.date
    end: dt.date
    label: NonEmpty | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")
        return self


class ObservationRef(_Model):
    """Names one observation: an indicator and a round (one observation per pair)."""

    indicator: Id
    round: Id


class Elicited(_Model):
    """Per-observation likelihoods elicited by the evaluator (Befani's practice), with why.

    ``sensitivity`` is P(this report | the hypothesis holds), ``false_positive``
    P(this report | it does not); they override the defaults of the rules.
    """

    sensitivity: Probability
    false_positive: Probability
    rationale: NonEmpty


class Discrepancy(_Model):
    """A source inconsistency about an observation (two figures for one fact)."""

    text: Text
    quote: NonEmpty
    ref: Ref


class Input(_Model):
    """A resource put into the policy (e.g. the subsidy budget)."""

    id: Id
    label: Text
    amount: Quantity | None = None
    quote: NonEmpty | None = None
    ref: Ref


class MainGoal(_Model):
    """The hoofddoel of the theory.

    ``gate`` and ``prior`` (v2) state how its parents combine and how likely it is
    reached before any evidence; absent, the reasoning configuration decides.
    """

    id: Id
    label: Text
    quote: NonEmpty | None = None
    ref: Ref
    gate: Gate | None = None
    prior: Probability | None = None


class SubGoal(_Model):
    """A subdoel that contributes to the main goal."""

    id: Id
    number: Annotated[int, Field(ge=1)]
    label: Text
    description: Text | None = None
    ref: Ref
    gate: Gate | None = None
    prior: Probability | None = None
    serves: IdSet = []
    """Other sub-goals this sub-goal serves (v2), e.g. section 1.3: 2 and 3 serve 1."""
    serves_quote: Quoted | None = None


class Mechanism(_Model):
    """A werkzaam mechanisme under one sub-goal."""

    id: Id
    label: Text
    subgoal: Id
    definition: Text | None = None
    ref: Ref
    gate: Gate | None = None
    prior: Probability | None = None


class ContextRoleSpec(_Model):
    """A part a context factor plays (v2).

    ``rival``: ``target`` is a goal or sub-goal the factor can bring about without
    the theory's own paths. ``enabling`` / ``inhibiting``: ``target`` is a mechanism
    whose contributions work better / worse when the factor is present; limited to
    the contributions of ``initiatives`` when that list is not empty.
    """

    role: ContextRole
    target: Id
    initiatives: IdSet = []
    strength: Strength
    provenance: Provenance
    quote: NonEmpty
    ref: Ref


class ContextFactor(_Model):
    """A contextfactor on one of three levels.

    v2: a prior, the roles it plays, and indicators (e.g. external statistics)
    whose observations bear on the factor itself.
    """

    id: Id
    label: Text
    level: ContextLevel
    ref: Ref
    description: Text | None = None
    prior: Probability | None = None
    roles: list[ContextRoleSpec] = []
    indicators: list[Indicator] = []


class MeasurementRound(_Model):
    """A measurement round (meting): observations are taken per round."""

    id: Id
    number: Annotated[int, Field(ge=1)]
    label: Text
    date: dt.date
    description: Text | None = None
    ref: Ref | None = None


class Organisation(_Model):
    """An organisation named in the theory (penvoerder, partner, ...)."""

    id: Id
    label: Text
    alt_labels: TextSet = []


class Finding(_Model):
    """A finding of a process survey."""

    text: Text
    quote: NonEmpty | None = None
    ref: Ref


class ProcessSurvey(_Model):
    """One round of the procesthermometer (section 2.2)."""

    round: Id
    respondents: Annotated[int, Field(ge=0)]
    population: Annotated[int, Field(ge=0)]
    persons: Annotated[int, Field(ge=0)] | None = None
    quote: NonEmpty
    ref: Ref
    findings: list[Finding] = []

    @model_validator(mode="after")
    def _respondents(self) -> ProcessSurvey:
        if self.respondents > self.population:
            raise ValueError("respondents cannot exceed the population of initiatives")
        return self


class Target(_Model):
    """A target value an initiative set itself (streefwaarde)."""

    description: Text
    value: float
    unit: NonEmpty
    counts: NonEmpty
    baseline: float | None = None
    deadline: dt.date | None = None
    quote: NonEmpty
    ref: Ref
    indicator: Id | None = None
    """The indicator whose realised values this target is measured against (v2)."""
    baseline_date: dt.date | None = None
    baseline_quote: NonEmpty | None = None


class Contribution(_Model):
    """A qualified contribution of an initiative to a mechanism."""

    mechanism: Id
    strength: Strength
    provenance: Provenance
    quote: NonEmpty
    ref: Ref
    note: NonEmpty | None = None


class InitiativeLink(_Model):
    """Samenhang: a typed link from this initiative to another."""

    type: LinkType
    target: Id
    quote: NonEmpty
    ref: Ref


class EvidenceFor(_Model):
    """What an indicator is evidence for, judged from what it measures."""

    delivery: bool = False
    mechanisms: IdSet = []
    goals: IdSet = []
    context: bool = False
    """Evidence on the context factor the indicator belongs to (v2)."""
    rationale: NonEmpty

    @model_validator(mode="after")
    def _something(self) -> EvidenceFor:
        if not (self.delivery or self.mechanisms or self.goals or self.context):
            raise ValueError(
                "an indicator must be evidence for delivery, a mechanism, a goal or its context factor"
            )
        return self


class Observation(_Model):
    """One indicator measured in one round.

    v2 fields say what the answer shows: ``basis`` (realised measurement, estimate,
    expectation or description only), ``source`` (who produced it), the
    ``reference_period`` a figure covers, ``derived_from`` (the observation a
    restatement repeats, so that a fact counts once), ``elicited`` likelihoods and
    ``discrepancies`` between sources. Absent, the documented defaults apply. A v1
    free-text ``source`` is kept as ``source_note``.
    """

    round: Id
    status: ProgressStatus
    evidence_kind: EvidenceKind
    text: NonEmpty
    rationale: NonEmpty
    values: list[Quantity] = []
    date: dt.date | None = None
    basis: Basis | None = None
    source: EvidenceSource | None = None
    source_note: NonEmpty | None = None
    basis_rationale: NonEmpty | None = None
    reference_period: Period | None = None
    derived_from: ObservationRef | None = None
    elicited: Elicited | None = None
    discrepancies: list[Discrepancy] = []
    ref: Ref

    @model_validator(mode="before")
    @classmethod
    def _v1_source(cls, value: Any) -> Any:
        # v1 had a free-text ``source``; a value outside the v2 vocabulary is that note.
        if isinstance(value, dict) and isinstance(value.get("source"), str):
            codes = {s.value for s in EvidenceSource}
            if value["source"] not in codes and "source_note" not in value:
                value = {**value, "source_note": value["source"]}
                del value["source"]
        return value


class Baseline(_Model):
    """The level of an indicator at the start of the initiative (nulmeting), with its quote.

    Progress on the indicator is judged against it; with a target on the same
    indicator, attainment is (realised − baseline) / (target − baseline).
    """

    value: float
    unit: NonEmpty
    date: dt.date | None = None
    quote: NonEmpty
    ref: Ref


class IndicatorTypeSpec(_Model):
    """An indicator type a theory declares for itself (``theory.indicator_types``).

    Its level (gerichtheid) sets how strongly evidence of its indicators counts,
    as the levels of the SZW report's Table 3.1 do for the eight built-in types.
    """

    id: Id
    label: Text
    level: IndicatorLevel
    description: Text | None = None


class Indicator(_Model):
    """An indicator of one initiative, typed on a level.

    ``type`` is one of the eight SZW indicator types (the flagship's vocabulary, each
    on a fixed level) or the id of a type the theory declares in ``indicator_types``.
    """

    id: Id
    label: Text
    type: Annotated[IndicatorType | Id, Field(union_mode="left_to_right")]
    evidence_for: EvidenceFor
    ref: Ref
    baseline: Baseline | None = None
    observations: list[Observation] = []


class UnreportedRound(_Model):
    """A round in which the initiative delivered no new information."""

    round: Id
    quote: NonEmpty
    ref: Ref


class Initiative(_Model):
    """An initiative (activity line) with its theory and evidence."""

    id: Id
    number: Annotated[int, Field(ge=1)]
    label: Text
    penvoerder: Id | None = None
    partners: IdSet = []
    aanleiding: Text | None = None
    beoogd_effect: Text
    activities: list[Text] = []
    outputs: list[Text] = []
    targets: list[Target] = []
    ref: Ref
    contributions: list[Contribution] = []
    links: list[InitiativeLink] = []
    indicators: list[Indicator] = []
    unreported_rounds: list[UnreportedRound] = []
    organisations: list[Organisation] = []
    action_lines: list[Initiative] = []
    """Actielijnen: parts of this initiative with their own indicators (v1: ``sub_lines``)."""

    @model_validator(mode="before")
    @classmethod
    def _v1_sub_lines(cls, value: Any) -> Any:
        if isinstance(value, dict) and "sub_lines" in value and "action_lines" not in value:
            value = {**value, "action_lines": value["sub_lines"]}
            del value["sub_lines"]
        return value


class OrganisationLink(_Model):
    """Samenhang between an organisation and an initiative (section 2.3), v2."""

    organisation: Id
    type: LinkType
    target: Id
    quote: NonEmpty
    ref: Ref


class Theory(_Model):
    """A complete policy theory (beleidstheorie)."""

    id: Id
    base_iri: Annotated[str, StringConstraints(pattern=r"^https?://\S+[/#]$")]
    label: Text
    description: Text | None = None
    source: Source | None = None
    inputs: list[Input] = []
    main_goal: MainGoal
    subgoals: list[SubGoal]
    mechanisms: list[Mechanism]
    context_factors: list[ContextFactor] = []
    rounds: list[MeasurementRound] = []
    organisations: list[Organisation] = []
    process_surveys: list[ProcessSurvey] = []
    organisation_links: list[OrganisationLink] = []
    indicator_types: list[IndicatorTypeSpec] = []
    """Indicator types of this theory, besides the eight SZW types: ``{id, label, level}``."""
    initiatives: list[Initiative] = []

    def indicator_level(self, indicator_type: IndicatorType | str) -> IndicatorLevel | None:
        """The level of a built-in or declared indicator type (None when unknown)."""
        if isinstance(indicator_type, IndicatorType):
            return indicator_type.level
        for spec in self.indicator_types:
            if spec.id == indicator_type:
                return spec.level
        return None


ContextFactor.model_rebuild()
