"""Finding Chromium and dot: skipped locally when missing, a failure in CI."""

from __future__ import annotations

import pytest

from tests import components


def test_a_missing_component_skips_on_a_workstation(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs X"):
        components.missing("needs X")


def test_a_missing_component_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"needs X \(CI=true"):
        components.missing("needs X")


def test_an_explicit_chromium_path_is_used_only_when_it_exists(monkeypatch, tmp_path):
    monkeypatch.setenv("BELEIDSTHEORIE_CHROMIUM", str(tmp_path / "nergens"))
    assert components.find_chromium() is None
    exe = tmp_path / "chromium"
    exe.write_text("")
    monkeypatch.setenv("BELEIDSTHEORIE_CHROMIUM", str(exe))
    assert components.find_chromium() == exe


def test_chromium_is_found_on_path_when_playwright_has_none(monkeypatch, tmp_path):
    monkeypatch.delenv("BELEIDSTHEORIE_CHROMIUM", raising=False)
    monkeypatch.setattr(components, "playwright_chromium", lambda: None)
    exe = tmp_path / "chromium-browser"
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert components.find_chromium() == exe
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="BELEIDSTHEORIE_CHROMIUM"):
        components.require_chromium()
