"""The numbers of a model at many parameter points, from a structure built once.

Intervals score 24 joint parameter points and sensitivity some 1,500 one-parameter
moves; between them only numbers change. The evidence items (which observation bears
on which node, with which status, basis, source and evidence kind, and their order in
each dependence group) are laid out once per network and round
(:func:`~beleidstheorie.reasoning.evidence.evidence_sums`); each point runs the
likelihood rule once per distinct set of facts and reweights the items in a few array
passes. The BayesNets of all points are built side by side, each node calibrated at
every point in one batch (:func:`~.build.networks_at`). The result equals
:func:`~.build.build_model` at each point to 1e-12 (``tests/reasoning/test_points.py``).

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.reasoning.config import load_config
>>> from beleidstheorie.reasoning.network import read_network
>>> network = read_network(load_theory(EXAMPLE).store)
>>> cfg = load_config()
>>> point, = model_points(network, [cfg.replace({"link.strong": 0.6})], 2)
>>> model = build_model(network, cfg.replace({"link.strong": 0.6}), 2)
>>> bool(np.allclose(point.log_l1, model.log_l1)), point.net.names == model.net.names
(True, True)
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from beleidstheorie.reasoning.config import Config
from beleidstheorie.reasoning.evidence import EVIDENCE_SECTIONS, EvidenceSums, evidence_sums
from beleidstheorie.reasoning.model.bayesnet import BayesNet
from beleidstheorie.reasoning.model.build import NETWORK_SECTIONS, Networked, build_model, networks_at  # noqa: F401
from beleidstheorie.reasoning.network import Network


@dataclass(frozen=True, eq=False)
class ModelPoint:
    """What inference and the verdicts read of a model at one parameter point.

    ``net``, ``log_l1`` and ``log_l0`` are indexed by BayesNet node (as :class:`~.build.Model`);
    ``in_favour`` and ``against`` (each theory node's own evidence, the verdict's input)
    by theory node; ``theory_node`` maps the one to the other.
    """

    net: BayesNet
    log_l1: np.ndarray
    log_l0: np.ndarray
    theory_node: np.ndarray
    in_favour: np.ndarray
    against: np.ndarray


# Sensitivity asks again for points it has seen (the nominal network under every evidence move,
# a point's evidence sums first for its verdicts, then for its model): each network keeps the
# last few parts it built, by the values of the sections they read. A part equals itself built
# again to the bit (built side by side, every point's numbers are its own).
_NETWORKS_KEPT = 64
_SUMS_KEPT = 4096
_NETWORKS: weakref.WeakKeyDictionary[Network, dict[tuple, Networked]] = weakref.WeakKeyDictionary()
_SUMS: weakref.WeakKeyDictionary[Network, dict[tuple, EvidenceSums]] = weakref.WeakKeyDictionary()


def model_points(network: Network, configs: Sequence[Config], round_number: int) -> list[ModelPoint]:
    """The model of ``network`` and ``round_number`` at each of ``configs``, numbers only.

    The BayesNet reads only the :data:`~.build.NETWORK_SECTIONS` of a configuration and the
    evidence only the :data:`~beleidstheorie.reasoning.evidence.EVIDENCE_SECTIONS`: points that
    agree on one of them (sensitivity moves one parameter at a time) share that part.
    """
    kept = _NETWORKS.setdefault(network, {})
    net_key = [_key(cfg, NETWORK_SECTIONS) for cfg in configs]
    first = {k: i for i, k in reversed(list(enumerate(net_key))) if k not in kept}
    built = {k: kept[k] for k in net_key if k in kept}
    built.update(zip(first, networks_at(network, [configs[i] for i in first.values()]), strict=True))
    _keep(kept, {k: built[k] for k in first}, _NETWORKS_KEPT)
    sums = evidence_at(network, configs, round_number)
    out = []
    for nk, e in zip(net_key, sums, strict=True):
        b = built[nk]
        n = b.net.n_nodes
        log_l1, log_l0 = np.zeros(n), np.zeros(n)
        log_l1[b.theory_node] = e.log_l1
        log_l0[b.theory_node] = e.log_l0
        out.append(ModelPoint(b.net, log_l1, log_l0, b.theory_node, e.in_favour, e.against))
    return out


def evidence_at(network: Network, configs: Sequence[Config], round_number: int) -> list[EvidenceSums]:
    """:func:`~beleidstheorie.reasoning.evidence.evidence_sums` at each of ``configs``, once per
    distinct value of the :data:`~beleidstheorie.reasoning.evidence.EVIDENCE_SECTIONS`.

    >>> from beleidstheorie.graph.load import load_theory
    >>> from beleidstheorie.reasoning.config import load_config
    >>> from beleidstheorie.reasoning.evidence import evidence_sums
    >>> from beleidstheorie.reasoning.network import read_network
    >>> network = read_network(load_theory(EXAMPLE).store)
    >>> cfg = load_config().replace({"dependence.rho": 0.5})
    >>> a, b = evidence_at(network, [cfg, load_config().replace({"dependence.rho": 0.5})], 2)
    >>> a is b, bool(np.array_equal(a.in_favour, evidence_sums(network, cfg, 2).in_favour))
    (True, True)
    """
    kept = _SUMS.setdefault(network, {})
    out = []
    new: dict[tuple, EvidenceSums] = {}
    for cfg in configs:
        key = (round_number, _key(cfg, EVIDENCE_SECTIONS))
        if key not in kept and key not in new:
            new[key] = evidence_sums(network, cfg, round_number)
        out.append(kept[key] if key in kept else new[key])
    _keep(kept, new, _SUMS_KEPT)
    return out


def _keep(kept: dict, new: dict, most: int) -> None:
    """Add ``new`` to ``kept``, dropping the oldest entries beyond ``most``."""
    kept.update(new)
    for key in list(kept)[: max(0, len(kept) - most)]:
        del kept[key]


def _key(config: Config, sections: tuple[str, ...]) -> tuple:
    """The values of ``sections`` of ``config``, hashable."""
    parts = [getattr(config, name) for name in sections]
    return tuple(tuple(sorted(p.items())) if isinstance(p, dict) else p for p in parts)
