"""The one verdict rule at, just below and just above each of its thresholds.

Thresholds come from the shipped config (``verdict.*``); ``EPS`` is far below any
difference that matters and far above float rounding of the sums involved.
"""

from __future__ import annotations

import dataclasses

import pytest

from beleidstheorie.reasoning.config import load_config
from beleidstheorie.reasoning.verdict import (
    CONFLICTING,
    INDICATIONS,
    INSUFFICIENT,
    NOT_SUPPORTED,
    SUPPORTED,
    UNDECIDED,
    VERDICTS,
    Coverage,
    DirectEvidence,
    verdict,
    verdict_label,
)

CFG = load_config()
V = CFG.verdict
EPS = 1e-9
HIGH = 0.99  # a posterior well above the threshold


def test_the_thresholds_are_ordered_so_every_branch_is_reachable():
    assert 0 < V.negligible < V.support
    assert 0 < V.posterior < 1
    assert 0 < V.minority < 1


@pytest.mark.parametrize(
    ("in_favour", "expected"),
    [(V.support - EPS, INDICATIONS), (V.support, SUPPORTED), (V.support + EPS, SUPPORTED)],
)
def test_support_threshold_on_the_net_log_bayes_factor(in_favour, expected):
    assert verdict(DirectEvidence(in_favour, 0.0), HIGH, CFG) == expected


@pytest.mark.parametrize(
    ("posterior", "expected"),
    [(V.posterior - EPS, INDICATIONS), (V.posterior, SUPPORTED), (V.posterior + EPS, SUPPORTED)],
)
def test_posterior_threshold_for_supported(posterior, expected):
    assert verdict(DirectEvidence(V.support + 1.0, 0.0), posterior, CFG) == expected


@pytest.mark.parametrize(
    ("net", "expected_for", "expected_against"),
    [
        (V.negligible - EPS, INSUFFICIENT, INSUFFICIENT),
        (V.negligible, INDICATIONS, NOT_SUPPORTED),
        (V.negligible + EPS, INDICATIONS, NOT_SUPPORTED),
    ],
)
def test_negligible_threshold_in_both_directions(net, expected_for, expected_against):
    assert verdict(DirectEvidence(net, 0.0), HIGH, CFG) == expected_for
    assert verdict(DirectEvidence(0.0, net), HIGH, CFG) == expected_against


@pytest.mark.parametrize(
    ("each", "expected"),
    [(V.conflict - EPS, INSUFFICIENT), (V.conflict, CONFLICTING), (V.conflict + EPS, CONFLICTING)],
)
def test_conflict_threshold_needs_both_sides(each, expected):
    # equal weight on both sides cancels to nothing unless both reach `conflict`
    assert verdict(DirectEvidence(each, each), HIGH, CFG) == expected


def test_conflict_needs_the_threshold_on_each_side_not_in_total():
    strong, weak = V.conflict + 1.0, V.conflict - EPS
    assert verdict(DirectEvidence(strong, weak), HIGH, CFG) != CONFLICTING
    assert verdict(DirectEvidence(weak, strong), HIGH, CFG) != CONFLICTING


def test_conflict_wins_over_a_net_that_would_be_supported():
    assert verdict(DirectEvidence(V.conflict + V.support + 1, V.conflict), HIGH, CFG) == CONFLICTING


def test_evidence_for_and_against_cancels_rather_than_adds():
    assert verdict(DirectEvidence(0.8, 0.8), HIGH, CFG) == INSUFFICIENT


def test_a_small_net_against_is_not_supported_even_with_a_high_posterior():
    assert verdict(DirectEvidence(0.0, V.negligible + 0.01), 0.999, CFG) == NOT_SUPPORTED


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        ((V.posterior - 0.05, V.posterior + 0.05), UNDECIDED),
        ((V.posterior - 0.05, V.posterior), UNDECIDED),  # upper end exactly at the threshold
        ((V.posterior, V.posterior + 0.05), SUPPORTED),  # lower end at the threshold: above it
        ((V.posterior + EPS, V.posterior + 0.05), SUPPORTED),
        ((V.posterior - 0.05, V.posterior - EPS), INDICATIONS),
    ],
)
def test_an_interval_straddling_the_posterior_threshold_is_undecided(interval, expected):
    point = (interval[0] + interval[1]) / 2
    assert verdict(DirectEvidence(V.support + 1, 0.0), point, CFG, posterior_interval=interval) == expected


def test_an_interval_only_matters_once_the_evidence_reaches_support():
    straddle = (V.posterior - 0.05, V.posterior + 0.05)
    assert verdict(DirectEvidence(V.support - EPS, 0.0), 0.9, CFG, posterior_interval=straddle) == INDICATIONS


@pytest.mark.parametrize(
    ("targeted", "informative", "share", "minority"),
    [(0, 0, None, False), (4, 0, 0.0, False), (10, 3, 0.3, None), (3, 3, 1.0, False)],
)
def test_coverage_share_and_minority(targeted, informative, share, minority):
    cov = Coverage(targeted, informative)
    assert cov.answered_share == share
    if minority is not None:
        assert cov.minority(CFG) is minority
    assert cov.to_dict() == {"targeted": targeted, "informative": informative, "answered_share": share}


def test_minority_threshold_at_just_below_and_just_above():
    at = CFG.replace({"verdict.minority": 0.5})
    assert Coverage(10, 5).minority(at) is False  # exactly at: not a minority
    assert Coverage(10, 4).minority(at) is True
    assert Coverage(10, 6).minority(at) is False


def test_the_share_in_json_is_rounded_to_six_places():
    assert Coverage(3, 1).to_dict()["answered_share"] == 0.333333


def test_every_code_has_a_dutch_and_an_english_label():
    assert set(VERDICTS) == {SUPPORTED, INDICATIONS, CONFLICTING, NOT_SUPPORTED, INSUFFICIENT, UNDECIDED}
    assert [verdict_label(c) for c in VERDICTS] == [
        "ondersteund",
        "aanwijzingen",
        "tegenstrijdig",
        "niet ondersteund",
        "onvoldoende bewijs",
        "onbeslist",
    ]
    assert verdict_label(INSUFFICIENT, "en") == "insufficient evidence"
    assert verdict_label(UNDECIDED, "en") == "undecided within the error"


def test_the_rule_s_inputs_are_frozen():
    for obj, name in (
        (DirectEvidence(1.0, 0.0), "in_favour"),
        (Coverage(1, 1), "targeted"),
        (VERDICTS[SUPPORTED], "nl"),
    ):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, name, 0)
