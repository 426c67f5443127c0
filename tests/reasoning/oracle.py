"""An independent reading of a theory's YAML for the analyses' invariants.

Computed from the authoring model alone (no graph, no network arrays), so that a test
comparing an analysis with it does not compare the library with itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from beleidstheorie.authoring.checks import iter_initiatives
from beleidstheorie.authoring.models import Indicator, Initiative, Observation, Theory

INFORMATIVE = {"progressie-geboekt", "geen-progressie"}


def initiatives(theory: Theory) -> list[Initiative]:
    return [ini for _, ini in iter_initiatives(theory)]


def indicators(theory: Theory) -> Iterator[tuple[Initiative, Indicator]]:
    for ini in initiatives(theory):
        for ind in ini.indicators:
            yield ini, ind


def round_number(theory: Theory, round_id: str) -> int:
    return next(r.number for r in theory.rounds if r.id == round_id)


def latest(theory: Theory, ind: Indicator, upto: int, informative_only: bool) -> Observation | None:
    """The indicator's latest observation in a round up to ``upto``."""
    found = [
        o
        for o in ind.observations
        if round_number(theory, o.round) <= upto
        and (not informative_only or (o.status.value in INFORMATIVE and o.evidence_kind.value != "none"))
    ]
    return max(found, key=lambda o: round_number(theory, o.round), default=None)


def counting_status(theory: Theory, ind: Indicator, upto: int) -> str:
    """The status coverage counts: the latest informative observation, else the latest, else none."""
    obs = latest(theory, ind, upto, True) or latest(theory, ind, upto, False)
    return "geen meting" if obs is None else obs.status.value
