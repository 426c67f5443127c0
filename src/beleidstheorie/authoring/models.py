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
    ContextLevel,
    EvidenceKind,
    IndicatorType,
    LinkType,
    ProgressStatus,
    Provenance,
    Strength,
)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=120)]
"""A node identifier: lower case letters, digits and hyphens; unique in a theory."""

NonEmpty = Annotated[str, StringConstraints(min_length=1)]

# Sets written as lists: kept sorted, because RDF keeps no order among them.
IdSet = Annotated[list[Id], AfterValidator(sorted)]
TextSet = Annotated[list[NonEmpty], AfterValidator(sorted)]


class _Model(BaseModel):
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
    """A number read from a text, with its unit and what it counts."""

    value: float
    unit: NonEmpty
    counts: NonEmpty


class Input(_Model):
    """A resource put into the policy (e.g. the subsidy budget)."""

    id: Id
    label: Text
    amount: Quantity | None = None
    quote: NonEmpty | None = None
    ref: Ref


class MainGoal(_Model):
    """The hoofddoel of the theory."""

    id: Id
    label: Text
    quote: NonEmpty | None = None
    ref: Ref


class SubGoal(_Model):
    """A subdoel that contributes to the main goal."""

    id: Id
    number: Annotated[int, Field(ge=1)]
    label: Text
    description: Text | None = None
    ref: Ref


class Mechanism(_Model):
    """A werkzaam mechanisme under one sub-goal."""

    id: Id
    label: Text
    subgoal: Id
    definition: Text | None = None
    ref: Ref


class ContextFactor(_Model):
    """A contextfactor on one of three levels."""

    id: Id
    label: Text
    level: ContextLevel
    ref: Ref


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

    delivery: bool
    mechanisms: IdSet = []
    goals: IdSet = []
    rationale: NonEmpty

    @model_validator(mode="after")
    def _something(self) -> EvidenceFor:
        if not (self.delivery or self.mechanisms or self.goals):
            raise ValueError("an indicator must be evidence for delivery, a mechanism or a goal")
        return self


class Observation(_Model):
    """One indicator measured in one round."""

    round: Id
    status: ProgressStatus
    evidence_kind: EvidenceKind
    text: NonEmpty
    rationale: NonEmpty
    values: list[Quantity] = []
    date: dt.date | None = None
    source: NonEmpty | None = None
    ref: Ref


class Indicator(_Model):
    """An indicator of one initiative, typed on a level of Table 3.1."""

    id: Id
    label: Text
    type: IndicatorType
    evidence_for: EvidenceFor
    ref: Ref
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
    sub_lines: list[Initiative] = []


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
    initiatives: list[Initiative] = []
