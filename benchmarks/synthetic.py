"""Synthetic theories in the engine's array form, shaped like a ministry's portfolio.

Initiatives are designed around one sub-goal: each contributes to 1–3 mechanisms of
its own sub-goal and, with probability ``cross``, to one mechanism of the next
sub-goal. That share sets the theory's width (the coupling between mechanisms that
exact inference pays for): measured with `structure()`, 2 % gives width 14 at 60
mechanisms and 2,000 initiatives, 10 % gives 34. Indicators: about one in eight
observes a mechanism its initiative targets, one in fifty a sub-goal, the rest
delivery; two rounds, 60 % of the indicators measured in the first.
"""

from __future__ import annotations

import numpy as np

from beleidstheorie.reasoning.network import Network, NodeInfo, Round


def v2_fields(n_obs: int, rng: np.random.Generator) -> dict:
    """The Network fields v2 added, for a synthetic theory without context factors or DAG edges."""
    none = np.zeros(0, dtype=np.int64)
    return {
        "n_context": 0,
        "serve_from": none,
        "serve_to": none,
        "role_context": none,
        "role_kind": none,
        "role_target": none,
        "role_strength": none,
        "role_provenance": none,
        "role_initiatives": (),
        "role_quote": (),
        "obs_basis": rng.choice(4, n_obs, p=[0.6, 0.2, 0.15, 0.05]),
        "obs_source": np.zeros(n_obs, dtype=np.int64),
        "obs_restates": np.full(n_obs, -1, dtype=np.int64),
        "obs_elicited_se": np.full(n_obs, np.nan),
        "obs_elicited_fp": np.full(n_obs, np.nan),
        "obs_values": np.zeros(n_obs, dtype=np.int64),
        "obs_realised": np.zeros(n_obs, dtype=np.int64),
        "obs_period": ("",) * n_obs,
    }


def portfolio_network(
    n_initiatives: int,
    n_mechanisms: int = 60,
    n_subgoals: int = 5,
    indicators_per_initiative: int = 31,
    cross: float = 0.02,
    seed: int = 0,
) -> Network:
    """A synthetic theory (see the module docstring)."""
    rng = np.random.default_rng(seed)
    n_ini, k, j = n_initiatives, n_mechanisms, n_subgoals
    per_sub = k // j
    nodes = (
        [NodeInfo(f"urn:i{i}", f"i{i}", f"I{i}", "", "initiative") for i in range(n_ini)]
        + [NodeInfo(f"urn:m{m}", f"m{m}", f"M{m}", "", "mechanism") for m in range(k)]
        + [NodeInfo(f"urn:s{s}", f"s{s}", f"S{s}", "", "subgoal") for s in range(j)]
        + [NodeInfo("urn:g", "g", "G", "", "main_goal")]
    )
    con_init, con_mech = [], []
    home = rng.integers(0, j, n_ini)
    for i in range(n_ini):
        for m in rng.choice(per_sub, size=int(rng.integers(1, 4)), replace=False):
            con_init.append(i)
            con_mech.append(int(home[i]) * per_sub + int(m))
        if rng.random() < cross:
            con_init.append(i)
            con_mech.append(int((home[i] + 1) % j) * per_sub + int(rng.integers(per_sub)))
    con_init_a = np.array(con_init, dtype=np.int64)
    con_mech_a = np.array(con_mech, dtype=np.int64)
    first = np.searchsorted(con_init_a, np.arange(n_ini))
    ind_initiative = np.repeat(np.arange(n_ini), indicators_per_initiative)
    n_ind = ind_initiative.size
    u = rng.random(n_ind)
    on_mech = u < 0.125
    on_sub = (u >= 0.125) & (u < 0.145)
    tgt_indicator = np.flatnonzero(on_mech | on_sub)
    tgt_node = np.where(
        on_mech[tgt_indicator],
        n_ini + con_mech_a[first[ind_initiative[tgt_indicator]]],
        n_ini + k + home[ind_initiative[tgt_indicator]],
    )
    in_r1 = rng.random(n_ind) < 0.6
    obs_indicator = np.concatenate([np.flatnonzero(in_r1), np.arange(n_ind)])
    n_obs = obs_indicator.size
    none = np.zeros(0, dtype=np.int64)
    return Network(
        theory="urn:synthetic",
        theory_label="synthetic portfolio",
        rounds=(Round("urn:r1", "r1", 1, "R1"), Round("urn:r2", "r2", 2, "R2")),
        nodes=tuple(nodes),
        n_initiatives=n_ini,
        n_mechanisms=k,
        n_subgoals=j,
        n_context=0,
        mech_subgoal=np.arange(k) // per_sub,
        serve_from=none,
        serve_to=none,
        con_init=con_init_a,
        con_mech=con_mech_a,
        con_strength=rng.integers(0, 3, con_init_a.size),
        con_provenance=rng.integers(0, 2, con_init_a.size),
        con_quote=("",) * con_init_a.size,
        role_context=none,
        role_kind=none,
        role_target=none,
        role_strength=none,
        role_provenance=none,
        role_initiatives=(),
        role_quote=(),
        obs_id=tuple(f"o{x}" for x in range(n_obs)),
        obs_indicator=obs_indicator,
        obs_round=np.concatenate([np.ones(int(in_r1.sum()), dtype=np.int64), np.full(n_ind, 2)]),
        obs_status=rng.choice(4, n_obs, p=[0.55, 0.1, 0.3, 0.05]),
        obs_kind=rng.choice(3, n_obs, p=[0.5, 0.25, 0.25]),
        obs_basis=rng.choice(4, n_obs, p=[0.6, 0.2, 0.15, 0.05]),
        obs_source=np.zeros(n_obs, dtype=np.int64),
        obs_restates=np.full(n_obs, -1, dtype=np.int64),
        obs_elicited_se=np.full(n_obs, np.nan),
        obs_elicited_fp=np.full(n_obs, np.nan),
        obs_values=np.zeros(n_obs, dtype=np.int64),
        obs_realised=np.zeros(n_obs, dtype=np.int64),
        obs_period=("",) * n_obs,
        obs_text=("",) * n_obs,
        obs_section=("",) * n_obs,
        obs_page=(None,) * n_obs,
        ind_id=tuple(f"x{x}" for x in range(n_ind)),
        ind_label=("",) * n_ind,
        ind_initiative=ind_initiative,
        ind_level=rng.integers(0, 4, n_ind),
        ind_delivery=~(on_mech | on_sub),
        tgt_indicator=tgt_indicator,
        tgt_node=tgt_node.astype(np.int64),
    )
