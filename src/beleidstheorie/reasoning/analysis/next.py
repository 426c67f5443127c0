"""What to measure next: the measurements that would most change an undecided conclusion.

For every mechanism and goal whose verdict is not yet decided (insufficient evidence,
undecided within the error, or not robust over the parameter ranges) each candidate
measurement is valued by what its outcome would do to that verdict. A candidate is

* an existing indicator without an informative observation in the round (its
  initiative would measure it; the observation would land on the indicator's targets,
  or on the initiative's delivery when it names none), or
* a mechanism or goal that no indicator observes: a new indicator of the node itself
  (the initiatives that contribute to it would measure it).

A hypothetical observation on node X with sensitivity Se and false-positive rate α
reports progress with probability ``P(E) = Se·P(X=1|e) + α·P(X=0|e)``; afterwards the
decision node Y has ``P(Y=1|e,E) = [Se·J + α·(P(Y=1|e) − J)] / P(E)`` with
``J = P(X=1, Y=1 | e)`` — the joints of the one inference pass, so no candidate needs
inference of its own. The value of the measurement is the probability that it flips
Y's verdict (``p_flip``), then the expected change in Y's score. Evidence kinds are
compared: the strongest (quantitative) ranks the candidates, and each candidate says
which kinds would be able to flip the verdict at all.

>>> from beleidstheorie.graph.load import load_theory
>>> result = next_measurements(load_theory(EXAMPLE))
>>> step = result.steps[0]
>>> step.node, step.measurements[0].p_flip > 0
('signalering-door-buren', True)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from beleidstheorie.graph.store import Store
from beleidstheorie.reasoning.config import Config, load_config
from beleidstheorie.reasoning.evidence import select_observations
from beleidstheorie.reasoning.model.likelihood import Facts, likelihood
from beleidstheorie.reasoning.network import LEVELS, Network, read_network
from beleidstheorie.reasoning.result import ScoreResult
from beleidstheorie.reasoning.score import Evaluation, assemble, direct_evidence, evaluate, score_intervals
from beleidstheorie.reasoning.verdict import INSUFFICIENT, SUPPORTED, UNDECIDED, DirectEvidence, verdict

# A planned measurement is read as a realised report by the initiative itself (the
# monitoring's usual source); the likelihood rules of reasoning.model.likelihood apply.
PLANNED_BASIS, PLANNED_SOURCE = "realised", "self-report"

EVIDENCE_KINDS = ("quantitative", "qualitative", "anecdotal")
NEW_LEVEL = "outcome"  # a new indicator observes the node itself
TOP = 5


@dataclass(frozen=True)
class Outcome:
    """What one evidence kind of a measurement would do to the decision node."""

    evidence_kind: str
    p_progress: float  # P(progress reported | current evidence)
    score_if_progress: float
    score_if_no_progress: float
    verdict_if_progress: str
    verdict_if_no_progress: str
    p_flip: float  # probability that the verdict changes
    expected_change: float  # E |Δ score|
    p_supported: float  # probability that the verdict is "supported" afterwards


@dataclass(frozen=True)
class Measurement:
    """A candidate measurement, valued for one decision node (by its strongest kind)."""

    kind: str  # "existing-indicator" | "new-indicator"
    indicator: str  # id of the existing indicator, "" for a new one
    indicator_label: str
    observes: str  # id of the node the observation would bear on
    observes_label: str
    level: str
    initiatives: tuple[str, ...]  # who would measure
    p_flip: float
    expected_change: float
    p_supported: float
    outcomes: tuple[Outcome, ...]  # one per evidence kind, strongest first

    @property
    def flipping_kinds(self) -> tuple[str, ...]:
        """The evidence kinds whose outcome could flip the verdict at all."""
        return tuple(o.evidence_kind for o in self.outcomes if o.p_flip > 0)


@dataclass(frozen=True)
class NextStep:
    """One undecided mechanism or goal and the measurements that would most change it."""

    node: str
    label: str
    kind: str
    verdict: str
    score: float
    robust: bool | None
    measurements: tuple[Measurement, ...]
    label_en: str = ""  # the English label, when the theory gives one

    def label_in(self, lang: str = "nl") -> str:
        """The label in ``lang`` (the Dutch one when there is no English label)."""
        return self.label_en if lang == "en" and self.label_en else self.label


@dataclass(frozen=True)
class NextResult:
    """The measurements to plan for the next monitoring round."""

    round: str
    steps: tuple[NextStep, ...]


def _with(direct: DirectEvidence, log_lr: float) -> DirectEvidence:
    return DirectEvidence(direct.in_favour + max(log_lr, 0.0), direct.against + max(-log_lr, 0.0))


def outcome(
    p_x: float,
    p_y: float,
    j: float,
    se: float,
    alpha: float,
    *,
    direct: bool,
    evidence: DirectEvidence,
    config: Config,
    evidence_kind: str = "",
) -> Outcome:
    """The effect of one hypothetical observation (Se, α) on X on decision node Y.

    ``direct`` says X is Y itself (the observation adds to Y's own, signed evidence);
    ``evidence_kind`` names the kind of observation in the result.

    >>> cfg = load_config()
    >>> o = outcome(0.5, 0.5, 0.5, 0.8, 0.2, direct=True, evidence=DirectEvidence(0, 0), config=cfg)
    >>> round(o.p_progress, 3), round(o.score_if_progress, 3), o.verdict_if_progress
    (0.5, 0.8, 'supported')
    """
    pe = se * p_x + alpha * (1.0 - p_x)
    y1 = (se * j + alpha * (p_y - j)) / pe if pe > 0 else p_y
    y0 = ((1 - se) * j + (1 - alpha) * (p_y - j)) / (1 - pe) if pe < 1 else p_y
    now = verdict(evidence, p_y, config)
    e1 = _with(evidence, float(np.log(se / alpha))) if direct else evidence
    e0 = _with(evidence, float(np.log((1 - se) / (1 - alpha)))) if direct else evidence
    v1 = verdict(e1, float(y1), config)
    v0 = verdict(e0, float(y0), config)
    p_flip = pe * (v1 != now) + (1 - pe) * (v0 != now)
    change = pe * abs(y1 - p_y) + (1 - pe) * abs(y0 - p_y)
    p_sup = pe * (v1 == SUPPORTED) + (1 - pe) * (v0 == SUPPORTED)
    return Outcome(
        evidence_kind, float(pe), float(y1), float(y0), v1, v0, float(p_flip), float(change), float(p_sup)
    )


def _candidates(net: Network, round_number: int) -> list[tuple[str, int, int, str, tuple[int, ...]]]:
    """(kind, indicator or -1, observed node, level, initiatives) of every candidate measurement."""
    counted, _ = select_observations(net, round_number)
    informative = set(net.obs_indicator[counted].tolist())
    out = []
    targets: dict[int, list[int]] = {}
    for ind, node in zip(net.tgt_indicator.tolist(), net.tgt_node.tolist(), strict=True):
        targets.setdefault(ind, []).append(node)
    for ind in range(len(net.ind_id)):
        if ind in informative:
            continue
        ini = int(net.ind_initiative[ind])
        for node in targets.get(ind, [ini]):
            out.append(("existing-indicator", ind, node, LEVELS[int(net.ind_level[ind])], (ini,)))
    observed = set(net.tgt_node.tolist())
    contributors: dict[int, set[int]] = {}
    for c in range(net.con_init.size):
        contributors.setdefault(net.mechanism_offset + int(net.con_mech[c]), set()).add(int(net.con_init[c]))
    for node in range(net.mechanism_offset, net.n_nodes):
        if node not in observed:
            out.append(("new-indicator", -1, node, NEW_LEVEL, tuple(sorted(contributors.get(node, ())))))
    return out


def _bears_on(net: Network, node: int) -> str:
    kind = net.nodes[node].kind
    return {"initiative": "delivery", "mechanism": "mechanism", "context": "context"}.get(kind, "goal")


def _se_alpha(config: Config, kind: str, level: str, bears_on: str) -> tuple[float, float]:
    """Se and α of a planned report of progress, from the one likelihood function."""
    lk = likelihood(Facts("progressie-geboekt", kind, bears_on, level, PLANNED_BASIS, PLANNED_SOURCE), config)
    return lk.l1, lk.l0


def _node_verdict(ev: Evaluation, node: int, evidence: DirectEvidence) -> str:
    p, err = float(ev.post[node]), float(ev.error[node])
    return verdict(evidence, p, ev.config, (p - err, p + err) if err > 0 else None)


def undecided(ev: Evaluation, node: int) -> bool:
    """Whether the verdict of ``node`` is not yet decided."""
    pos, neg = direct_evidence(ev)
    v = _node_verdict(ev, node, DirectEvidence(float(pos[node]), float(neg[node])))
    robust = True if ev.intervals is None else bool(ev.intervals.robust[node])
    return v in (INSUFFICIENT, UNDECIDED) or not robust


def plan_measurements(ev: Evaluation, top: int = TOP) -> NextResult:
    """Rank the candidate measurements for every undecided mechanism and goal of ``ev``."""
    net, config = ev.net, ev.config
    post = ev.posterior
    if post is None or post.joint11 is None:
        raise ValueError("planning measurements needs the joints: evaluate(..., explain=True)")
    col = {int(y): k for k, y in enumerate(post.query.tolist())}
    tn = ev.model.theory_node  # theory node -> BayesNet node (the joints are in BayesNet space)
    pos, neg = direct_evidence(ev)
    cands = _candidates(net, ev.round_number)
    # Se and α of a planned report depend on the kind, level and what it bears on only: a few
    # dozen distinct ones for every (candidate, undecided node) pair
    se_alpha = {
        (ek, level, bears_on): _se_alpha(config, ek, level, bears_on)
        for _, _, x, level, _ in cands
        for bears_on in (_bears_on(net, x),)
        for ek in EVIDENCE_KINDS
    }
    steps = []
    for y in range(net.mechanism_offset, net.n_nodes):
        if not undecided(ev, y):
            continue
        p_y = float(ev.post[y])
        own = DirectEvidence(float(pos[y]), float(neg[y]))
        ranked = []
        for kind, ind, x, level, inis in cands:
            outs = []
            for ek in EVIDENCE_KINDS:
                se, alpha = se_alpha[ek, level, _bears_on(net, x)]
                if se == alpha:
                    continue
                j = p_y if x == y else float(post.joint11[tn[x], col[int(tn[y])]])
                o = outcome(
                    float(ev.post[x]),
                    p_y,
                    j,
                    se,
                    alpha,
                    direct=x == y,
                    evidence=own,
                    config=config,
                    evidence_kind=ek,
                )
                outs.append(o)
            if not outs:
                continue
            best = outs[0]
            if best.expected_change < 1e-9 and best.p_flip == 0:
                continue
            info = net.nodes[x]
            ranked.append(
                Measurement(
                    kind=kind,
                    indicator=net.ind_id[ind] if ind >= 0 else "",
                    indicator_label=net.ind_label[ind] if ind >= 0 else "",
                    observes=info.id,
                    observes_label=info.label_nl,
                    level=level,
                    initiatives=tuple(net.nodes[i].id for i in inis),
                    p_flip=best.p_flip,
                    expected_change=best.expected_change,
                    p_supported=best.p_supported,
                    outcomes=tuple(outs),
                )
            )
        ranked.sort(key=lambda m: (-m.p_flip, -m.expected_change, m.indicator, m.observes))
        node = net.nodes[y]
        steps.append(
            NextStep(
                node=node.id,
                label=node.label_nl,
                kind=node.kind,
                verdict=_node_verdict(ev, y, own),
                score=p_y,
                robust=None if ev.intervals is None else bool(ev.intervals.robust[y]),
                measurements=tuple(ranked[:top]),
                label_en=node.label_en,
            )
        )
    round_id = next(r.id for r in net.rounds if r.number == ev.round_number)
    return NextResult(round_id, tuple(steps))


def next_measurements(
    source: Store | object,
    config: Config | None = None,
    round: str | int | None = None,
    *,
    top: int = TOP,
    intervals: bool = True,
) -> NextResult:
    """The measurements that would most change each undecided verdict (see the module docstring)."""
    config = config or load_config()
    net = read_network(getattr(source, "store", source))  # type: ignore[arg-type]
    ev = evaluate(None, config, round, explain=True, network=net)
    if intervals:
        ev = replace(
            ev,
            intervals=score_intervals(ev),
        )
    return plan_measurements(ev, top)


def score_and_next(
    source: Store | object,
    config: Config | None = None,
    round: str | int | None = None,
    *,
    top: int = TOP,
    network: Network | None = None,
) -> tuple[ScoreResult, NextResult]:
    """The score of ``round`` (as :func:`~beleidstheorie.reasoning.score.score` gives it, with
    impacts and intervals) and what to measure next (as :func:`next_measurements`), from one
    evaluation: a view that shows both (the interactive page) infers once, not twice.
    ``network`` is the theory's when the caller has read it already."""
    config = config or load_config()
    ev = evaluate(source, config, round, explain=True, network=network)
    ev = replace(ev, intervals=score_intervals(ev))
    return assemble(ev), plan_measurements(ev, top)
