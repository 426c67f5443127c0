"""The counted groups of a round, read from the embedded store's index instead of its query.

:func:`~beleidstheorie.reasoning.network.evidence_groups_query` defines the groups and every
server answers it. On the embedded store the same rows are computed here from one index
read per predicate (:meth:`OxigraphStore.pairs <beleidstheorie.graph.stores.OxigraphStore.pairs>`,
the terms as text) and a few dictionaries: at 10^6 triples the query's string keys and
aggregates cost Oxigraph more than reading the predicates it joins and grouping them in
Python (``docs/scaling.md``). Each combination of values a node has is a row, as in the
query's joins; terms are compared by their text, which for a theory that passes the checks
every command runs (IRIs where the shapes ask for IRIs) is the query's comparison. A round
number that is not an integer is left to the query (None here). The rows come in another
order, which :func:`~beleidstheorie.reasoning.network.read_evidence_groups` does not follow,
and an indicator's targets are joined in sorted order.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.graph.stores import iri_term, select_text
>>> from beleidstheorie.reasoning.network import evidence_groups_query
>>> theory = load_theory(EXAMPLE)
>>> rows, targeted = evidence_group_rows(theory.store, theory.iri, 2)
>>> query = select_text(theory.store, evidence_groups_query(2), {"t": iri_term(theory.iri)})
>>> key = lambda r: sorted(r.items())
>>> sorted(rows, key=key) == sorted(query, key=key), len(rows)
(True, 5)
"""

from __future__ import annotations

from collections.abc import Iterable

from beleidstheorie.collector import paused
from beleidstheorie.graph.stores import OxigraphStore
from beleidstheorie.graph.stores.base import TextRow
from beleidstheorie.iris import BT_IRI

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_INFORMATIVE = {f"{BT_IRI}status-progressie-geboekt", f"{BT_IRI}status-geen-progressie"}
_NO_EVIDENCE = f"{BT_IRI}evidencekind-none"
_REALISED = f"{BT_IRI}valuekind-realised"
_OBSERVATION = f"{BT_IRI}Observation"
_FIELDS = (
    "owner",
    "level",
    "targets",
    "status",
    "kind",
    "basis",
    "source",
    "restated",
    "se",
    "fp",
    "n",
    "realised",
)
"""The query's grouping variables, in its order."""


class _NotAnInteger(ValueError):
    """A round number the query compares as a number and this module does not read."""


def _objects(store: OxigraphStore, predicate: str) -> dict[str, list[str]]:
    """The objects of ``predicate`` (a ``bt:`` name) by subject, one entry per triple."""
    by_subject: dict[str, list[str]] = {}
    known = by_subject.get
    for s, o in store.pairs(BT_IRI + predicate):
        found = known(s)
        if found is None:
            by_subject[s] = [o]
        else:
            found.append(o)
    return by_subject


def _choices(*lists: Iterable) -> list[tuple]:
    """Every combination of one value from each list (the rows of the query's joins)."""
    out: list[tuple] = [()]
    for values in lists:
        out = [(*done, v) for done in out for v in values]
    return out


def _round(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise _NotAnInteger(text) from None


def evidence_group_rows(
    store: OxigraphStore, theory: str, cutoff: int
) -> tuple[list[TextRow], list[str]] | None:
    """The rows of ``evidence_groups_query(cutoff)`` for ``theory``, and the nodes its indicators target.

    The second list is what :data:`~beleidstheorie.reasoning.network.Q_TARGETED` answers:
    every node some indicator of the theory bears on (sorted, distinct). None when a round
    number is not an integer: the query decides then.
    """
    try:
        with paused():  # many small lists and no cycles: the collector's passes would only cost time
            return _rows(store, theory, cutoff)
    except _NotAnInteger:
        return None


def _rows(store: OxigraphStore, theory: str, cutoff: int) -> tuple[list[TextRow], list[str]]:
    empty: list[str] = []
    initiatives = {o for _, o in store.pairs(BT_IRI + "hasInitiative", theory)}
    owners = set(initiatives)
    owners.update(s for s, o in store.pairs(BT_IRI + "actionLineOf") if o in initiatives)
    owners.update(o for _, o in store.pairs(BT_IRI + "hasContextFactor", theory))
    indicator_of = _objects(store, "indicatorOf")
    owners_of = {i: found for i, os in indicator_of.items() if (found := [o for o in os if o in owners])}
    targets_of = _objects(store, "evidenceFor")
    targeted = sorted({t for ind in owners_of for t in targets_of.get(ind, empty)})
    observes = _objects(store, "observes")
    observed: dict[str, list[str]] = {}
    for obs, inds in observes.items():
        for ind in inds:
            if ind in owners_of:
                observed.setdefault(ind, []).append(obs)
    in_round, status, kind = (
        _objects(store, "inRound"),
        _objects(store, "status"),
        _objects(store, "evidenceKind"),
    )
    number = _objects(store, "number")

    # Each indicator's counting observation: the largest key "informative, round (ten digits),
    # IRI" over its observations up to the round, as the query's inner MAX(?key). The first two
    # parts have a fixed length, so comparing (flag, digits, IRI) compares the keys.
    up_to: dict[str, list[str]] = {}  # a round's numbers up to the cutoff, in ten digits
    best: dict[str, str] = {}
    for ind, observations in observed.items():
        top = ("", "", "")
        for obs in observations:
            flags = {
                "1" if s in _INFORMATIVE and k != _NO_EVIDENCE else "0"
                for s in status.get(obs, empty)
                for k in kind.get(obs, empty)
            }
            for r in in_round.get(obs, empty) if flags else empty:
                digits = up_to.get(r)
                if digits is None:
                    numbers = number.get(r, empty)
                    digits = up_to[r] = [("0000000000" + n)[len(n) :] for n in numbers if _round(n) <= cutoff]
                for padded in digits:
                    for flag in flags:
                        key = (flag, padded, obs)
                        if key > top:
                            top = key
        if top[2]:
            best[ind] = top[2]

    level = _objects(store, "indicatorLevel")
    basis, source = _objects(store, "basis"), _objects(store, "evidenceSource")
    se, fp = _objects(store, "elicitedSensitivity"), _objects(store, "elicitedFalsePositive")
    restates = _objects(store, "restates")
    quantity, value_kind = _objects(store, "hasQuantity"), _objects(store, "valueKind")

    def restated(obs: str) -> bool:
        """The query's OPTIONAL: it restates an observation of some indicator of the theory."""
        for re in restates.get(obs, empty):
            if not (status.get(re) and kind.get(re) and any(number.get(r) for r in in_round.get(re, empty))):
                continue
            if any(o in owners for ri in observes.get(re, empty) for o in indicator_of.get(ri, empty)):
                return True
        return False

    def values(obs: str) -> tuple[str | None, str | None]:
        """The query's count of the values and of the realised ones (rows of its joins)."""
        quantities = quantity.get(obs)
        if not quantities:
            return None, None
        typed = len(
            store.pairs(_RDF_TYPE, obs, _OBSERVATION)
        )  # few observations have values: one lookup each
        if not typed:
            return None, None
        n = realised = 0
        for q in quantities:
            kinds = value_kind.get(q, empty)
            n += max(1, len(kinds))
            realised += sum(1 for vk in kinds if vk == _REALISED) if kinds else 1
        return str(n * typed), str(realised * typed)

    groups: dict[tuple, list] = {}
    unbound: list = [None]
    for ind, obs in best.items():
        levels = level.get(ind)
        rounds = [rn for r in in_round.get(obs, empty) for rn in number.get(r, empty)]
        if not levels or not rounds:
            continue
        targets = targets_of.get(ind)
        joined = " ".join(sorted(targets)) if targets else None
        top_round = rounds[0] if len(rounds) == 1 else max(rounds, key=_round)
        top_number = _round(top_round)
        elicited = [(a, b) for a in se.get(obs, empty) for b in fp.get(obs, empty)] or [(None, None)]
        n, realised = values(obs)
        mark = "1" if restated(obs) else None
        alike = (
            levels,
            status[obs],
            kind[obs],
            basis.get(obs) or unbound,
            source.get(obs) or unbound,
            elicited,
        )
        # almost always one value each: one combination, without building the product
        combos = [tuple(v[0] for v in alike)] if all(len(v) == 1 for v in alike) else _choices(*alike)
        for owner in owners_of[ind] if len(owners_of[ind]) == 1 else dict.fromkeys(owners_of[ind]):
            for lv, st, kd, bs, sc, (e1, e2) in combos:
                group = (owner, lv, joined, st, kd, bs, sc, mark, e1, e2, n, realised)
                seen = groups.get(group)
                if seen is None:
                    groups[group] = [{ind}, top_round, top_number, ind, obs]
                    continue
                seen[0].add(ind)
                if top_number > seen[2]:
                    seen[1], seen[2] = top_round, top_number
                if ind < seen[3]:
                    seen[3] = ind
                if obs < seen[4]:
                    seen[4] = obs
    rows: list[TextRow] = []
    for group, (inds, top_round, _, any_ind, any_obs) in groups.items():
        row = {name: v for name, v in zip(_FIELDS, group, strict=True) if v is not None}
        row.update(count=str(len(inds)), roundnumber=top_round, anyind=any_ind, anyobs=any_obs)
        rows.append(row)
    return rows, targeted
