"""Fixtures for in-process CLI tests: a runner and theories of one's own in temporary folders."""

from __future__ import annotations

import shutil

import pytest
import yaml
from click.testing import CliRunner

from tests.conftest import EXAMPLE


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def invoke(runner):
    from beleidstheorie.cli import main

    def run(*args: str, ok: bool = True):
        result = runner.invoke(main, list(args), catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.stderr
        return result

    return run


@pytest.fixture
def own_folder(tmp_path):
    """The example theory split as an evaluator writes hers: theory.yaml plus initiatives/."""
    data = yaml.safe_load((EXAMPLE / "theory.yaml").read_text(encoding="utf-8"))
    initiatives = data.pop("initiatives")
    folder = tmp_path / "mijn-theorie"
    (folder / "initiatives").mkdir(parents=True)
    (folder / "theory.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for ini in initiatives:
        text = yaml.safe_dump(ini, allow_unicode=True)
        (folder / "initiatives" / f"{ini['id']}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def example_copy(tmp_path):
    folder = tmp_path / "buurtbudget"
    shutil.copytree(EXAMPLE, folder)
    return folder
