"""Controlled vocabularies of the authoring format.

Each enum value is the identifier a curator writes in YAML; the ontology has a
SKOS concept with the same local name (``bt:<scheme>-<value>``).

>>> IndicatorType("aangesloten-gemeenten").level
<IndicatorLevel.STRATEGISCH: 'strategisch'>
"""

from __future__ import annotations

from enum import StrEnum


class IndicatorLevel(StrEnum):
    """The four levels of Table 3.1 (gerichtheid)."""

    OPERATIONEEL = "operationeel"
    TACTISCH = "tactisch"
    STRATEGISCH = "strategisch"
    OUTCOME = "outcome"


class IndicatorType(StrEnum):
    """The eight indicator types of Table 3.1."""

    WAARDERING_BURGERS = "waardering-burgers"
    BEREIK_BURGERS = "bereik-burgers"
    GEBRUIK_PROFESSIONALS = "gebruik-professionals"
    WAARDERING_PROFESSIONALS = "waardering-professionals"
    INZICHT_KENNIS = "inzicht-kennis"
    AANGESLOTEN_GEMEENTEN = "aangesloten-gemeenten"
    SAMENWERKING_KETEN = "samenwerking-keten"
    EFFECT_PROBLEMATIEK = "effect-problematiek"

    @property
    def level(self) -> IndicatorLevel:
        """The level (gerichtheid) this type sits on in Table 3.1."""
        return _TYPE_LEVEL[self]


_TYPE_LEVEL = {
    IndicatorType.WAARDERING_BURGERS: IndicatorLevel.OPERATIONEEL,
    IndicatorType.BEREIK_BURGERS: IndicatorLevel.OPERATIONEEL,
    IndicatorType.GEBRUIK_PROFESSIONALS: IndicatorLevel.TACTISCH,
    IndicatorType.WAARDERING_PROFESSIONALS: IndicatorLevel.TACTISCH,
    IndicatorType.INZICHT_KENNIS: IndicatorLevel.TACTISCH,
    IndicatorType.AANGESLOTEN_GEMEENTEN: IndicatorLevel.STRATEGISCH,
    IndicatorType.SAMENWERKING_KETEN: IndicatorLevel.STRATEGISCH,
    IndicatorType.EFFECT_PROBLEMATIEK: IndicatorLevel.OUTCOME,
}


class ProgressStatus(StrEnum):
    """The four progress statuses of section 3.1."""

    PROGRESSIE_GEBOEKT = "progressie-geboekt"
    GEEN_PROGRESSIE = "geen-progressie"
    NOG_NIET_BEKEND = "nog-niet-bekend"
    NIET_MEETBAAR = "niet-meetbaar"


class EvidenceKind(StrEnum):
    """How strong the kind of evidence behind an observation is."""

    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"
    ANECDOTAL = "anecdotal"
    NONE = "none"


class Basis(StrEnum):
    """What an observation's answer rests on (v2): the test question is how likely the
    report would be if the hypothesis were false."""

    REALISED = "realised"  # a realised measurement or count of what happened
    ESTIMATE = "estimate"  # an estimate, model calculation or projection (prognose)
    EXPECTATION = "expectation"  # an expectation, intention or vision ("kan bijdragen", "verwacht")
    DESCRIPTION = "description"  # a description only: who uses something, what exists, no change


class EvidenceSource(StrEnum):
    """Who produced the figure or judgement an observation reports (v2)."""

    SELF_REPORT = "self-report"  # the implementing organisation about itself
    ADMINISTRATIVE = "administrative"  # registrations / administrative records
    INDEPENDENT = "independent"  # an independent measurement or evaluation
    EXTERNAL_STATISTICS = "external-statistics"  # official statistics (CBS, BKR, monitors)


class ValueKind(StrEnum):
    """Whether a number in an observation is what happened, a target or an expectation (v2)."""

    REALISED = "realised"
    TARGET = "target"
    EXPECTATION = "expectation"


class Gate(StrEnum):
    """How a node combines its parents (v2)."""

    NOISY_OR = "noisy-or"  # the parents are alternative routes: any one can activate the node
    NOISY_AND = "noisy-and"  # the parents are jointly needed: each missing one can block it


class ContextRole(StrEnum):
    """The part a context factor plays in the theory (v2)."""

    RIVAL = "rival"  # an alternative explanation of a goal or sub-goal
    ENABLING = "enabling"  # a condition under which contributions to a mechanism work (better)
    INHIBITING = "inhibiting"  # a condition under which contributions to a mechanism work worse


class ContextLevel(StrEnum):
    """The three levels of context factors (section 1.3)."""

    SAMENLEVING = "samenleving"
    ORGANISATIES = "organisaties"
    INDIVIDUEN = "individuen"


class LinkType(StrEnum):
    """Kinds of samenhang between two initiatives (section 2.3).

    The link reads ``source <type> target``.
    """

    SUPPORTS = "supports"  # source ondersteunt target
    SUCCEEDS = "succeeds"  # source volgt target op
    SHARES_CONSORTIUM = "shares-consortium"  # same consortium of organisations
    REFERS_TO = "refers-to"  # source verwijst door naar target
    ACCREDITS = "accredits"  # source accrediteert (initiatives on) target
    EMBRACES_IN_PACT = "embraces-in-pact"  # source omarmt target in its pact
    HAS_PARTNER = "has-partner"  # target is samenwerkingspartner of source
    CONTRIBUTES_TO = "contributes-to"  # source levert inbreng aan target
    AGENDA_SETTING = "agenda-setting"  # source speelde een rol in de agendering van target


class Strength(StrEnum):
    """How strongly an initiative is expected to drive a mechanism."""

    STRONG = "strong"
    MODERATE = "moderate"
    WEAK = "weak"


class Provenance(StrEnum):
    """Whether the report states a contribution or the curator inferred it."""

    STATED = "stated"
    INFERRED = "inferred"
