"""Inference on a :class:`~beleidstheorie.reasoning.model.bayesnet.BayesNet`: exact and bounded.

``infer(net, log_l1, log_l0, query=..., joints=...)`` returns a :class:`Posterior`;
:func:`leave_one_out` turns its joints into every evidence item's impact.
"""

from beleidstheorie.reasoning.inference.engine import (
    CLOSED_FORM,
    EXACT,
    SAMPLED,
    Posterior,
    Structure,
    infer,
    infer_many,
    leave_one_out,
    structure,
)

__all__ = [
    "CLOSED_FORM",
    "EXACT",
    "SAMPLED",
    "Posterior",
    "Structure",
    "infer",
    "infer_many",
    "leave_one_out",
    "structure",
]
