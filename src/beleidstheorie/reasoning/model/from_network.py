"""The v1 four-layer network (delivery → mechanisms → sub-goals → main goal) as a BayesNet.

Until the model builder of the evidence semantics (``reasoning/model/build.py``) reads
the richer v2 structure, scoring builds its :class:`BayesNet` from the array form
:class:`~beleidstheorie.reasoning.network.Network`: every node a noisy-OR over its
parents with the config's leaks and link strengths, node indices as in the network's
flat index (initiatives, mechanisms, sub-goals, main goal).

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.reasoning.config import load_config
>>> from beleidstheorie.reasoning.network import read_network
>>> bn = network_bayesnet(read_network(load_theory(EXAMPLE).store), load_config())
>>> bn.n_nodes, bn.names[-1]
(10, 'goal:minder-eenzaamheid')
"""

from __future__ import annotations

import numpy as np

from beleidstheorie.reasoning.config import Config
from beleidstheorie.reasoning.model.bayesnet import NOISY_OR, ROOT, BayesNet
from beleidstheorie.reasoning.network import PROVENANCES, STRENGTHS, Network

PREFIX = {"initiative": "delivery", "mechanism": "mechanism", "subgoal": "subgoal", "main_goal": "goal"}


def contribution_weights(net: Network, config: Config) -> np.ndarray:
    """Noisy-OR strength of each contribution: strength times provenance factor."""
    strength = np.array([getattr(config.link, s) for s in STRENGTHS])
    provenance = np.array([getattr(config.provenance, p) for p in PROVENANCES])
    return strength[net.con_strength] * provenance[net.con_provenance]


def network_bayesnet(net: Network, config: Config) -> BayesNet:
    """The noisy-OR network of ``net`` under the parameters of ``config``."""
    n, k, j = net.n_initiatives, net.n_mechanisms, net.n_subgoals
    mo, so, g = net.mechanism_offset, net.subgoal_offset, net.main_goal_index
    gate = np.full(net.n_nodes, NOISY_OR)
    gate[:n] = ROOT
    base = np.concatenate(
        [
            np.full(n, config.prior.delivery),
            np.full(k, config.leak.mechanism),
            np.full(j, config.leak.subgoal),
            [config.leak.main_goal],
        ]
    )
    parent = np.concatenate([net.con_init, mo + np.arange(k), so + np.arange(j)]).astype(np.int64)
    child = np.concatenate([mo + net.con_mech, so + net.mech_subgoal, np.full(j, g)]).astype(np.int64)
    strength = np.concatenate(
        [
            contribution_weights(net, config),
            np.full(k, config.link.mechanism_to_subgoal),
            np.full(j, config.link.subgoal_to_main_goal),
        ]
    )
    order = np.lexsort((parent, child))
    return BayesNet(
        names=tuple(f"{PREFIX[node.kind]}:{node.id}" for node in net.nodes),
        gate=gate,
        base=base,
        edge_parent=parent[order],
        edge_child=child[order],
        edge_strength=strength[order],
        edge_condition=np.full(order.size, -1, dtype=np.int64),
        edge_strength_off=np.zeros(order.size),
    )
