"""The list of equivalent mutants stays true to the code it describes.

``scripts/mutation.py`` leaves a survivor out of the kill rate when its change matches an
entry of ``scripts/mutation-equivalent.toml``; an entry whose line is no longer in its
module would silently stop matching, and one for a module that is not a target would never
match. Each entry must also be argued in docs/mutation.md.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _mutation():
    spec = importlib.util.spec_from_file_location("mutation_script", ROOT / "scripts" / "mutation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


MUTATION = _mutation()
ENTRIES = MUTATION.load_equivalents()


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e['module']}:{e['before'][:30]}")
def test_each_equivalent_names_a_line_of_a_target_module(entry):
    targets = {t.module.removeprefix(MUTATION.PKG + "/") for t in MUTATION.TARGETS}
    assert entry["module"] in targets
    source = (ROOT / MUTATION.PKG / entry["module"]).read_text(encoding="utf-8").splitlines()
    squeezed = [MUTATION._squeeze(line) for line in source]
    assert MUTATION._squeeze(entry["before"]) in squeezed
    if "near" in entry:  # the diff's context (three lines each side) holds it
        at = [i for i, line in enumerate(squeezed) if line == MUTATION._squeeze(entry["before"])]
        assert any(entry["near"] in line for i in at for line in source[max(0, i - 3) : i + 4])
    assert entry["after"] and entry["why"]


def test_each_equivalent_is_argued_in_the_docs():
    docs = (ROOT / "docs" / "mutation.md").read_text(encoding="utf-8")
    for entry in ENTRIES:
        assert f"`{entry['module']}`" in docs, entry["module"]


def test_a_survivor_matches_only_its_own_change_and_place():
    entry = next(e for e in ENTRIES if e.get("near") == "class Likelihood:")
    diff = (
        "--- a/x\n+++ b/x\n@@ -84,7 +84,7 @@\n \n \n-@dataclass(frozen=True)\n+@dataclass(frozen=False)\n"
        " class Likelihood:\n"
    )
    assert MUTATION.equivalent("reasoning/model/likelihood.py", diff, ENTRIES) == entry["why"]
    facts = diff.replace("class Likelihood:", "class Facts:")  # Facts is a dict key: not equivalent
    assert MUTATION.equivalent("reasoning/model/likelihood.py", facts, ENTRIES) is None
    assert MUTATION.equivalent("reasoning/model/priors.py", diff, ENTRIES) is None
