"""Analyses of a scored network: intervals over the parameter ranges and what to measure next."""
