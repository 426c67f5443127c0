"""The network from the graph: gates, priors, context roles, likelihood rules."""
