"""Inference on a :class:`~beleidstheorie.reasoning.model.bayesnet.BayesNet`: exact and bounded."""
