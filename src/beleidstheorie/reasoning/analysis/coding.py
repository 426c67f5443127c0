"""Coding sensitivity: how much of a verdict hangs on the curator's calls.

Every observation in a theory is a curator's reading of a report: which status
the answer has, what it rests on (basis) and what kind of evidence it is. A
*one-step recoding* moves one of those three fields to a neighbouring value on
its scale (:data:`STEPS`) — the nearest other reading a careful second curator
could make. For each verdict this module finds the smallest set of one-step
recodings (at most one per observation and field) that changes it:

1. every single recoding is tried (exhaustive, so a flip of size 1 is minimal);
2. pairs among the ``pair_candidates`` single recodings that bring the node
   closest to a verdict boundary (:func:`margin`) are tried; when there are no
   more effective recodings than that, the search at size 2 is exhaustive too;
3. beyond that a greedy search adds, one at a time, the recoding among those
   candidates that brings the node closest to a boundary, up to ``max_size``.

Each reported set is verified by scoring the recoded theory with the same
inference; ``minimal`` says whether every smaller size was searched exhaustively.
Only the evidence changes under a recoding, so the network, its calibrated priors
and its inference plan are built once and every candidate is scored in one
batched pass.

>>> from beleidstheorie.graph.load import load_theory
>>> result = coding_sensitivity(load_theory(EXAMPLE))
>>> flip = result.node("vaste-contacten")
>>> flip.verdict, flip.flips_to, [(r.field, r.before, r.after) for r in flip.recodings]
('insufficient', 'indications', [('basis', 'estimate', 'realised'), ('kind', 'qualitative', 'quantitative')])
>>> flip.minimal     # no single recoding flips it, and every pair was tried
True
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

import numpy as np

from beleidstheorie.graph.store import Store
from beleidstheorie.reasoning.config import Config, load_config
from beleidstheorie.reasoning.evidence import evidence_items, node_sums
from beleidstheorie.reasoning.frames import FrameMixin
from beleidstheorie.reasoning.inference import infer_many
from beleidstheorie.reasoning.model.build import build_model
from beleidstheorie.reasoning.network import BASES, KINDS, STATUSES, Network, read_network
from beleidstheorie.reasoning.score import evaluate, theory_verdicts
from beleidstheorie.reasoning.verdict import (
    CONFLICTING,
    INSUFFICIENT,
    NOT_SUPPORTED,
    SUPPORTED,
    UNDECIDED,
)

STEPS: dict[str, dict[str, tuple[str, ...]]] = {
    # What the answer says, on its ordinal scale: no progress — not yet known —
    # progress; "not measurable" is the other missing answer, next to "not yet known".
    "status": {
        "geen-progressie": ("nog-niet-bekend",),
        "nog-niet-bekend": ("geen-progressie", "progressie-geboekt", "niet-meetbaar"),
        "progressie-geboekt": ("nog-niet-bekend",),
        "niet-meetbaar": ("nog-niet-bekend",),
    },
    # What it rests on, by how much it claims happened: an expectation — an
    # estimate — a realised measurement; a description (who uses what, what exists)
    # is the nearest reading of a realised count that says nothing about effect.
    "basis": {
        "expectation": ("estimate",),
        "estimate": ("expectation", "realised"),
        "realised": ("estimate", "description"),
        "description": ("realised",),
    },
    # The kind of evidence, by how diagnostic it is: none — anecdotal — qualitative —
    # quantitative.
    "kind": {
        "none": ("anecdotal",),
        "anecdotal": ("none", "qualitative"),
        "qualitative": ("anecdotal", "quantitative"),
        "quantitative": ("qualitative",),
    },
}
"""The one-step neighbours of each value of each recodable field (docs/method.md §6, "Coding sensitivity")."""

FIELDS = ("status", "basis", "kind")
PAIR_CANDIDATES = 12
MAX_SIZE = 4
_BATCH = 256


@dataclass(frozen=True)
class Recoding:
    """One field of one observation read differently."""

    observation: str  # the observation's id
    indicator: str
    initiative: str  # id of the indicator's owner (initiative, action line or context factor)
    round: str
    field: str  # status, basis or kind
    before: str
    after: str


@dataclass(frozen=True)
class CodingFlip:
    """The smallest set of recodings found that changes one node's verdict."""

    id: str
    key: str
    kind: str
    label: str
    label_en: str
    verdict: str
    flips_to: str | None  # None: no flip found within the search
    recodings: tuple[Recoding, ...]
    minimal: bool  # every smaller set was tried exhaustively
    searched_size: int  # the largest set size tried


@dataclass(frozen=True)
class CodingResult(FrameMixin):
    """Coding sensitivity of every mechanism, sub-goal and the main goal."""

    round: str
    candidates: int  # effective one-step recodings (ones that change some evidence)
    nodes: tuple[CodingFlip, ...]

    def node(self, key: str) -> CodingFlip:
        """The entry of the node with this IRI or id."""
        return next(n for n in self.nodes if key in (n.id, n.key))


@dataclass(frozen=True)
class _Candidate:
    obs: int
    field: str
    after: int  # index into the field's vocabulary


def _vocabulary(field: str) -> tuple[str, ...]:
    return {"status": STATUSES, "basis": BASES, "kind": KINDS}[field]


def _column(field: str) -> str:
    return {"status": "obs_status", "basis": "obs_basis", "kind": "obs_kind"}[field]


def _current(net: Network, config: Config, o: int, field: str) -> str:
    value = int(getattr(net, _column(field))[o])
    if field == "basis" and value < 0:
        return config.defaults.basis  # an unstated basis is read as the default (method.md §3.5)
    return _vocabulary(field)[value]


def _recode(net: Network, cands: tuple[_Candidate, ...]) -> Network:
    changes: dict[str, np.ndarray] = {}
    for c in cands:
        column = _column(c.field)
        arr = changes.setdefault(column, getattr(net, column).copy())
        arr[c.obs] = c.after
    return replace(net, **changes)


def margin(verdict_code: str, in_favour: float, against: float, posterior: float, config: Config) -> float:
    """How far a node's own evidence and posterior are from the nearest verdict boundary.

    In ln-BF units (the posterior in logit units); 0 on a boundary. It only orders
    candidate recodings: every flip is verified by the verdict rule itself.

    >>> cfg = load_config()
    >>> round(margin("supported", 2.0, 0.0, 0.9, cfg), 3)   # ln BF 2 is 0.90 above ln 3
    0.901
    """
    v = config.verdict
    net = in_favour - against
    p = min(max(posterior, 1e-12), 1 - 1e-12)
    logit_gap = math.log(p / (1 - p)) - math.log(v.posterior / (1 - v.posterior))
    to_conflict = max(v.conflict - in_favour, 0.0) + max(v.conflict - against, 0.0)
    if verdict_code == CONFLICTING:
        return min(in_favour - v.conflict, against - v.conflict)
    if verdict_code == INSUFFICIENT:
        return min(v.negligible - abs(net), to_conflict)
    if verdict_code == NOT_SUPPORTED:
        return min(-net - v.negligible, to_conflict)
    if verdict_code in (SUPPORTED, UNDECIDED):
        return min(net - v.support, abs(logit_gap), to_conflict)
    # indications: down to insufficient, or up to supported
    to_supported = max(v.support - net, 0.0) + max(-logit_gap, 0.0)
    return min(net - v.negligible, to_supported, to_conflict)


class _Scorer:
    """Scores recoded versions of one network with one model and inference plan."""

    def __init__(self, net: Network, config: Config, round_number: int, nodes: list[int]) -> None:
        self.net, self.config, self.rnd, self.nodes = net, config, round_number, nodes
        self.model = build_model(net, config, round_number)
        base = evaluate(None, config, round_number, explain=False, network=net)
        self.shape = base.shape
        every = theory_verdicts(net, base.items, base.post, base.error, config)
        self.base_verdicts = [every[i] for i in nodes]
        self.base_state = self._state(base.items, base.post)
        self.base_signature = _signature(base.items)
        self.memo: dict[frozenset[_Candidate], tuple[list[str], np.ndarray]] = {}

    def _state(self, items, post) -> np.ndarray:
        lr = items.log_lr
        n = self.net.n_nodes
        pos = node_sums(items.node, np.maximum(lr, 0.0), n)
        neg = node_sums(items.node, np.maximum(-lr, 0.0), n)
        return np.stack([pos, neg, post])  # (3, theory nodes)

    def score(self, sets: list[tuple[_Candidate, ...]]) -> list[tuple[list[str], np.ndarray]]:
        """Per candidate set: the verdicts of ``nodes`` and the (3, nodes) state (memoised)."""
        keys = [frozenset(s) for s in sets]
        todo = list({k: s for k, s in zip(keys, sets, strict=True) if k not in self.memo}.items())
        for (key, _), result in zip(todo, self._score([s for _, s in todo]), strict=True):
            self.memo[key] = result
        return [self.memo[k] for k in keys]

    def _score(self, sets: list[tuple[_Candidate, ...]]) -> list[tuple[list[str], np.ndarray]]:
        out: list[tuple[list[str], np.ndarray]] = []
        m = self.model
        for start in range(0, len(sets), _BATCH):
            chunk = sets[start : start + _BATCH]
            recoded, l1s, l0s, itemss = [], [], [], []
            for cands in chunk:
                rnet = _recode(self.net, cands)
                items = evidence_items(rnet, self.config, self.rnd)
                node = m.theory_node[items.node] if len(items) else np.zeros(0, dtype=np.int64)
                l1s.append(node_sums(node, items.log_l1, m.n_nodes))
                l0s.append(node_sums(node, items.log_l0, m.n_nodes))
                recoded.append(rnet)
                itemss.append(items)
            posts = infer_many([m.net] * len(chunk), l1s, l0s, shape=self.shape)
            for rnet, items, post in zip(recoded, itemss, posts, strict=True):
                p, err = post.marginal[m.theory_node], post.error_bound[m.theory_node]
                every = theory_verdicts(rnet, items, p, err, self.config)
                out.append(([every[i] for i in self.nodes], self._state(items, p)[:, self.nodes]))
        return out

    def effective(self, cands: list[_Candidate]) -> list[_Candidate]:
        """The candidates that change some evidence item (the rest cannot move anything)."""
        keep = []
        for c in cands:
            items = evidence_items(_recode(self.net, (c,)), self.config, self.rnd)
            if _signature(items) != self.base_signature:
                keep.append(c)
        return keep


def _signature(items) -> list[tuple[int, float, float]]:
    """What a set of evidence items tells the model: (node, weighted ln L(H), ln L(not H))."""
    return sorted(
        zip(
            items.node.tolist(),
            np.round(items.log_l1, 12).tolist(),
            np.round(items.log_l0, 12).tolist(),
            strict=True,
        )
    )


def _candidates(net: Network, config: Config, round_number: int) -> list[_Candidate]:
    out = []
    for o in np.flatnonzero(net.obs_round <= round_number).tolist():
        for field in FIELDS:
            vocab = _vocabulary(field)
            for after in STEPS[field][_current(net, config, o, field)]:
                out.append(_Candidate(o, field, vocab.index(after)))
    return out


def coding_sensitivity(
    source: Store | object,
    config: Config | None = None,
    round: str | int | None = None,
    *,
    pair_candidates: int = PAIR_CANDIDATES,
    max_size: int = MAX_SIZE,
) -> CodingResult:
    """For each mechanism, sub-goal and the main goal: the smallest verdict-changing recodings."""
    config = config or load_config()
    net = read_network(getattr(source, "store", source))  # type: ignore[arg-type]
    rnd = net.round_number(round)
    nodes = list(range(net.mechanism_offset, net.main_goal_index + 1))
    scorer = _Scorer(net, config, rnd, nodes)
    cands = scorer.effective(_candidates(net, config, rnd))
    singles = scorer.score([(c,) for c in cands])

    found: dict[int, tuple[tuple[_Candidate, ...], str, bool, int]] = {}
    for pos in range(len(nodes)):
        v0 = scorer.base_verdicts[pos]
        hits = [(k, vs[pos]) for k, (vs, _) in enumerate(singles) if vs[pos] != v0]
        if hits:
            k, to = hits[0]
            found[pos] = ((cands[k],), to, True, 1)

    def margins(pos: int, states: list[np.ndarray]) -> np.ndarray:
        v0 = scorer.base_verdicts[pos]
        return np.array([margin(v0, *map(float, s[:, pos]), config) for s in states])

    open_nodes = [pos for pos in range(len(nodes)) if pos not in found]
    single_margin = {pos: margins(pos, [s for _, s in singles]) for pos in open_nodes}
    if max_size >= 2 and cands:
        for pos in open_nodes:
            order = np.argsort(single_margin[pos], kind="stable")[:pair_candidates].tolist()
            exhaustive = len(cands) <= pair_candidates
            pairs = [
                (cands[a], cands[b])
                for a, b in itertools.combinations(sorted(order), 2)
                if (cands[a].obs, cands[a].field) != (cands[b].obs, cands[b].field)
            ]
            for cset, (vs, _) in zip(pairs, scorer.score(pairs), strict=True):
                if vs[pos] != scorer.base_verdicts[pos]:
                    found[pos] = (cset, vs[pos], exhaustive, 2)
                    break
            if pos in found:
                continue
            # greedy: from the closest single, add the recoding among the closest
            # candidates that brings the node nearest a boundary, one at a time
            chosen: tuple[_Candidate, ...] = (cands[order[0]],) if order else ()
            pool = [cands[k] for k in order]
            for size in range(2, max_size + 1):
                used = {(c.obs, c.field) for c in chosen}
                ext = [(*chosen, c) for c in pool if (c.obs, c.field) not in used]
                if not ext:
                    break
                scored = scorer.score(ext)
                flip = next(((e, vs[pos]) for e, (vs, _) in zip(ext, scored, strict=True)
                             if vs[pos] != scorer.base_verdicts[pos]), None)  # fmt: skip
                if flip is not None:
                    found[pos] = (flip[0], flip[1], False, size)
                    break
                best = int(np.argmin(margins(pos, [s for _, s in scored])))
                chosen = ext[best]

    round_id = net.round_id(rnd)
    out = []
    for pos, i in enumerate(nodes):
        info = net.nodes[i]
        if pos in found:
            cset, to, minimal, size = found[pos]
            recodings = tuple(_describe(net, config, c) for c in cset)
        else:
            to, recodings, minimal, size = None, (), False, max_size if cands else 0
        out.append(
            CodingFlip(
                info.iri,
                info.id,
                info.kind,
                info.label_nl,
                info.label_en,
                scorer.base_verdicts[pos],
                to,
                recodings,
                minimal,
                size,
            )
        )
    return CodingResult(round_id, len(cands), tuple(out))


def _describe(net: Network, config: Config, c: _Candidate) -> Recoding:
    ind = int(net.obs_indicator[c.obs])
    owner = int(net.ind_initiative[ind])
    return Recoding(
        net.obs_id[c.obs].rsplit("/", 1)[-1],
        net.ind_id[ind].rsplit("/", 1)[-1],
        net.nodes[owner].id,
        net.round_id(int(net.obs_round[c.obs])),
        c.field,
        _current(net, config, c.obs, c.field),
        _vocabulary(c.field)[c.after],
    )
