"""Seeded synthetic theories of realistic shape, for benchmarks and scale tests.

The shape follows the flagship: one main goal, 3–5 sub-goals (the later ones
serving the first), mechanisms spread over the sub-goals, and initiatives that
each contribute to 1–4 mechanisms and carry indicators observed in every round.
Statuses, evidence kinds, bases, sources and value kinds cover their whole
vocabularies. The texts are visibly synthetic ("Synthetisch initiatief 12"): this
is test data, never a stand-in for a real evaluation.

The same arguments always give the same theory:

>>> a = generate_theory(initiatives=4, indicators_per_initiative=3, mechanisms=8, rounds=2, seed=1)
>>> b = generate_theory(initiatives=4, indicators_per_initiative=3, mechanisms=8, rounds=2, seed=1)
>>> a == b, len(a.initiatives), len(a.mechanisms), len(a.rounds)
(True, 4, 8, 2)
>>> 3 <= len(a.subgoals) <= 5
True
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from beleidstheorie.authoring import models as m
from beleidstheorie.authoring.vocab import (
    Basis,
    ContextLevel,
    EvidenceKind,
    EvidenceSource,
    IndicatorType,
    LinkType,
    ProgressStatus,
    Provenance,
    Strength,
    ValueKind,
)

BASE_IRI = "https://example.org/beleidstheorie/synthetisch/"


def _ref(section: str, page: int) -> m.Ref:
    return m.Ref(section=section, page=page)


def _kind_for(status: ProgressStatus, rng: random.Random) -> EvidenceKind:
    # What cannot be measured or is not yet known has no evidence behind it.
    if status in (ProgressStatus.NIET_MEETBAAR, ProgressStatus.NOG_NIET_BEKEND):
        return EvidenceKind.NONE
    return rng.choice([EvidenceKind.QUANTITATIVE, EvidenceKind.QUALITATIVE, EvidenceKind.ANECDOTAL])


class _Generator:
    def __init__(self, initiatives: int, indicators: int, mechanisms: int, rounds: int, seed: int) -> None:
        if initiatives < 1 or indicators < 1 or mechanisms < 1 or rounds < 1:
            raise ValueError(
                "initiatives, indicators per initiative, mechanisms and rounds must be at least 1"
            )
        self.rng = random.Random(seed)
        self.n_ini, self.n_ind, self.n_mech, self.n_rounds = initiatives, indicators, mechanisms, rounds
        self.seed = seed
        # Cycle through each vocabulary so that every value occurs in a large enough theory.
        self._statuses = self._cycle(list(ProgressStatus))
        self._bases = self._cycle(list(Basis))
        self._sources = self._cycle(list(EvidenceSource))

    def _cycle(self, values: list) -> Iterator:
        while True:
            order = values[:]
            self.rng.shuffle(order)
            yield from order

    def theory(self) -> m.Theory:
        rng = self.rng
        n_sub = min(rng.randint(3, 5), self.n_mech)
        subgoals = [
            m.SubGoal(
                id=f"subdoel-{j + 1}",
                number=j + 1,
                label=m.Text(nl=f"Synthetisch subdoel {j + 1}", en=f"Synthetic sub-goal {j + 1}"),
                ref=_ref("1.3", 7),
                serves=["subdoel-1"] if j > 0 and rng.random() < 0.5 else [],
            )
            for j in range(n_sub)
        ]
        mechanisms = [
            m.Mechanism(
                id=f"mechanisme-{k + 1}",
                label=m.Text(nl=f"Synthetisch mechanisme {k + 1}", en=f"Synthetic mechanism {k + 1}"),
                # Every sub-goal gets at least one mechanism; the rest are spread at random.
                subgoal=subgoals[k if k < n_sub else rng.randrange(n_sub)].id,
                ref=_ref("1.3", 8),
            )
            for k in range(self.n_mech)
        ]
        rounds = [
            m.MeasurementRound(
                id=f"ronde-{r + 1}",
                number=r + 1,
                label=m.Text(nl=f"Meetronde {r + 1}", en=f"Measurement round {r + 1}"),
                date=dt.date(2021 + r, 12, 1),
            )
            for r in range(self.n_rounds)
        ]
        organisations = [
            m.Organisation(id=f"organisatie-{o + 1}", label=m.Text(nl=f"Synthetische organisatie {o + 1}"))
            for o in range(max(3, self.n_ini // 4))
        ]
        context = [
            m.ContextFactor(
                id="economische-conjunctuur",
                label=m.Text(nl="Economische conjunctuur"),
                level=ContextLevel.SAMENLEVING,
                ref=_ref("1.3", 9),
            ),
            m.ContextFactor(
                id="capaciteit-gemeenten",
                label=m.Text(nl="Capaciteit van gemeenten"),
                level=ContextLevel.ORGANISATIES,
                ref=_ref("1.3", 9),
            ),
        ]
        initiatives = [self.initiative(i, mechanisms, rounds, organisations) for i in range(self.n_ini)]
        return m.Theory(
            id="synthetisch",
            base_iri=BASE_IRI,
            label=m.Text(
                nl=f"Synthetische beleidstheorie (seed {self.seed})",
                en=f"Synthetic policy theory (seed {self.seed})",
            ),
            source=m.Source(
                title="Synthetische bron (gegenereerd, geen echte evaluatie)",
                creators=["beleidstheorie generate"],
            ),
            main_goal=m.MainGoal(
                id="hoofddoel",
                label=m.Text(nl="Synthetisch hoofddoel", en="Synthetic main goal"),
                ref=_ref("1.3", 7),
            ),
            subgoals=subgoals,
            mechanisms=mechanisms,
            context_factors=context,
            rounds=rounds,
            organisations=organisations,
            initiatives=initiatives,
        )

    def initiative(
        self,
        i: int,
        mechanisms: list[m.Mechanism],
        rounds: list[m.MeasurementRound],
        orgs: list[m.Organisation],
    ) -> m.Initiative:
        rng = self.rng
        ident = f"initiatief-{i + 1}"
        ref = _ref("2.1", 10 + i // 10)
        chosen = rng.sample(mechanisms, min(len(mechanisms), rng.randint(1, 4)))
        contributions = [
            m.Contribution(
                mechanism=mech.id,
                strength=rng.choice(list(Strength)),
                provenance=rng.choice(list(Provenance)),
                quote=f"Initiatief {i + 1} draagt bij aan {mech.label.nl.lower()}.",
                ref=ref,
            )
            for mech in chosen
        ]
        links = []
        if i > 0 and rng.random() < 0.3:
            links.append(
                m.InitiativeLink(
                    type=rng.choice(list(LinkType)),
                    target=f"initiatief-{rng.randrange(i) + 1}",
                    quote=f"Initiatief {i + 1} werkt samen met een eerder initiatief.",
                    ref=ref,
                )
            )
        indicators = [self.indicator(ident, k, chosen, rounds) for k in range(self.n_ind)]
        return m.Initiative(
            id=ident,
            number=i + 1,
            label=m.Text(nl=f"Synthetisch initiatief {i + 1}", en=f"Synthetic initiative {i + 1}"),
            penvoerder=rng.choice(orgs).id,
            beoogd_effect=m.Text(nl=f"Het beoogde effect van synthetisch initiatief {i + 1}."),
            ref=ref,
            contributions=contributions,
            links=links,
            indicators=indicators,
        )

    def indicator(
        self, ini: str, k: int, mechanisms: list[m.Mechanism], rounds: list[m.MeasurementRound]
    ) -> m.Indicator:
        rng = self.rng
        ident = f"{ini}-indicator-{k + 1}"
        if k == 0:
            evidence = m.EvidenceFor(delivery=True, rationale="Telt wat het initiatief levert.")
        else:
            picked = rng.sample(mechanisms, rng.randint(1, len(mechanisms)))
            evidence = m.EvidenceFor(
                mechanisms=[x.id for x in picked], rationale="Meet de verandering die het mechanisme noemt."
            )
        observations = [self.observation(ident, r) for r in rounds if rng.random() < 0.85]
        return m.Indicator(
            id=ident,
            label=m.Text(nl=f"Synthetische indicator {k + 1} van {ini}"),
            type=rng.choice(list(IndicatorType)),
            evidence_for=evidence,
            ref=_ref("3.1", 20),
            observations=observations,
        )

    def observation(self, indicator: str, rnd: m.MeasurementRound) -> m.Observation:
        rng = self.rng
        status = next(self._statuses)
        kind = _kind_for(status, rng)
        values = []
        if kind == EvidenceKind.QUANTITATIVE:
            values = [
                m.Quantity(
                    value=float(rng.randint(1, 5000)),
                    unit="personen",
                    counts="bereikte personen",
                    kind=rng.choice(list(ValueKind)),
                )
            ]
        return m.Observation(
            round=rnd.id,
            status=status,
            evidence_kind=kind,
            text=f"Synthetische waarneming van {indicator} in {rnd.id}.",
            rationale="Synthetisch gegenereerd.",
            values=values,
            basis=next(self._bases),
            source=next(self._sources),
            ref=_ref("3.2", 30),
        )


def generate_theory(
    initiatives: int = 19,
    indicators_per_initiative: int = 4,
    mechanisms: int = 12,
    rounds: int = 2,
    seed: int = 0,
) -> m.Theory:
    """A synthetic authoring model; the same arguments always give the same theory.

    Parameters
    ----------
    initiatives, indicators_per_initiative, mechanisms, rounds
        The size of the theory. Triples grow linearly in
        ``initiatives * indicators_per_initiative * rounds``.
    seed
        Seed of the random choices.

    Examples
    --------
    >>> t = generate_theory(initiatives=30, indicators_per_initiative=4, mechanisms=20, rounds=3, seed=7)
    >>> sorted({o.status.value for i in t.initiatives for ind in i.indicators for o in ind.observations})
    ['geen-progressie', 'niet-meetbaar', 'nog-niet-bekend', 'progressie-geboekt']
    >>> all(1 <= len(i.contributions) <= 4 for i in t.initiatives)
    True
    """
    return _Generator(initiatives, indicators_per_initiative, mechanisms, rounds, seed).theory()


def generate_ntriples(theory: m.Theory, chunk: int = 200) -> Iterator[bytes]:
    """The N-Triples of ``theory``, built a few hundred initiatives at a time.

    Memory stays bounded however large the theory: each chunk of initiatives is
    built on its own, and the theory-level triples are written once.

    >>> t = generate_theory(initiatives=5, indicators_per_initiative=2, mechanisms=6, rounds=2, seed=3)
    >>> from beleidstheorie.graph.build import build_graph
    >>> lines = b"".join(generate_ntriples(t, chunk=2)).splitlines()
    >>> len(lines) == len(set(lines)) == len(build_graph(t))
    True
    """
    from beleidstheorie.graph.build import build_graph

    core = build_graph(theory.model_copy(update={"initiatives": []})).serialize(format="nt", encoding="utf-8")
    core_lines = set(core.splitlines())
    yield b"\n".join(sorted(core_lines)) + b"\n"
    for start in range(0, len(theory.initiatives), chunk):
        part = theory.model_copy(update={"initiatives": theory.initiatives[start : start + chunk]})
        text = build_graph(part).serialize(format="nt", encoding="utf-8")
        lines = [line for line in text.splitlines() if line and line not in core_lines]
        if lines:
            yield b"\n".join(lines) + b"\n"
