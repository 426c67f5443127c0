"""Checks of an encoded theory against its source text.

Used by the dataset tests and runnable by a curator on one file::

    python tests/dataset_checks.py graphs/intensiveringsaanpak/initiatives/01-*.yaml
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

# The report's text ships with the dataset (a public government publication; this copy
# lacks the conclusion chapter on purpose), so these checks run on every fresh clone.
SEED = Path(__file__).resolve().parents[1] / "graphs" / "intensiveringsaanpak" / "source"
SEED_REPORT = SEED / "evaluatie-intensivering-armoede-schuldenaanpak-2022.txt"

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "´": "'", "`": "'"})


def normalise(text: str) -> str:
    """Drop whitespace, hyphens and quote-mark variants, so line-break hyphenation
    and re-flowed lines in the extracted PDF text do not hide a verbatim match.

    >>> normalise("hoofd-\\ndoel  van ‘de’") == normalise("hoofddoel van 'de'")
    True
    """
    text = text.translate(_QUOTES)
    return re.sub(r"[\s\-–'\"]+", "", text)


DUTCH_WORDS = {
    2: "twee",
    3: "drie",
    4: "vier",
    5: "vijf",
    6: "zes",
    7: "zeven",
    8: "acht",
    9: "negen",
    10: "tien",
    11: "elf",
    12: "twaalf",
    20: "twintig",
    100: "honderd",
}  # 1 ('een') is left out: it is also the indefinite article


def number_forms(value: float) -> set[str]:
    """The ways a number can be written in Dutch report text.

    >>> sorted(number_forms(61782))
    ['61 782', '61.782', '61782', '61782,0', '61782.0']
    >>> "11,5" in number_forms(11.5)
    True
    >>> "78 miljoen" in number_forms(78_000_000)
    True
    """
    forms: set[str] = set()
    if float(value).is_integer():
        n = int(value)
        forms.add(str(n))
        forms.update({f"{n},0", f"{n}.0"})
        if n in DUTCH_WORDS:
            forms.add(DUTCH_WORDS[n])
        if abs(n) >= 1000:
            forms.add(f"{n:,}".replace(",", "."))
            forms.add(f"{n:,}".replace(",", " "))
        for scale, word in ((1_000_000_000, "miljard"), (1_000_000, "miljoen")):
            if n and n % (scale // 10) == 0 and abs(n) >= scale:
                small = n / scale
                s = str(int(small)) if small.is_integer() else str(small).replace(".", ",")
                forms.add(f"{s} {word}")
                forms.add(f"{s}{word}")
    else:
        s = repr(float(value))
        forms.add(s.replace(".", ","))
        forms.add(s)
    return forms


def number_in_text(value: float, text: str) -> bool:
    """Whether ``value`` is written in ``text`` (digits, Dutch separators)."""
    flat = re.sub(r"\s+", " ", text)
    for form in number_forms(value):
        if form.isalpha():
            if re.search(rf"\b{form}\b", flat, flags=re.I):
                return True
        elif re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", flat):
            return True
    return False


def iter_quotes(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Yield (yaml path, text) for every field that must be verbatim."""
    if isinstance(data, dict):
        for key, value in data.items():
            sub = f"{path}.{key}" if path else str(key)
            if (key == "quote" and isinstance(value, str)) or (key == "text" and isinstance(value, str)):
                yield sub, value
            else:
                yield from iter_quotes(value, sub)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from iter_quotes(item, f"{path}[{i}]")


def iter_observation_numbers(data: object, path: str = "") -> Iterator[tuple[str, float, str]]:
    """Yield (yaml path, value, observation text) for every stored number."""
    if isinstance(data, dict):
        if "round" in data and "text" in data and "values" in data:
            for i, q in enumerate(data.get("values") or []):
                yield f"{path}.values[{i}]", q["value"], data["text"]
        for key, value in data.items():
            yield from iter_observation_numbers(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from iter_observation_numbers(item, f"{path}[{i}]")


def problems(data: object, seed_text: str) -> list[str]:
    """Every quote not in the seed text and every number not in its observation."""
    seed = normalise(seed_text)
    found = [
        f"{p}: quote not found in the report: {q[:70]!r}"
        for p, q in iter_quotes(data)
        if normalise(q) not in seed
    ]
    found += [
        f"{p}: value {v} does not occur in the observation text"
        for p, v, text in iter_observation_numbers(data)
        if not number_in_text(v, text)
    ]
    return found


def _check_initiative(name: str, data: dict) -> int:
    """Validate one initiative file against the models and the theory's ids."""
    import yaml
    from pydantic import ValidationError

    from beleidstheorie.authoring.models import Initiative

    try:
        initiative = Initiative.model_validate(data)
    except ValidationError as exc:
        print(f"{name}: {exc}")
        return 1
    theory = yaml.safe_load((Path(name).parents[1] / "theory.yaml").read_text(encoding="utf-8"))
    known = {m["id"] for m in theory["mechanisms"]}
    goals = {g["id"] for g in theory["subgoals"]} | {theory["main_goal"]["id"]}
    rounds = {r["id"] for r in theory["rounds"]}
    bad = 0
    lines = [initiative, *initiative.action_lines]
    for line in lines:
        for c in line.contributions:
            if c.mechanism not in known:
                print(f"{name}: unknown mechanism {c.mechanism}")
                bad += 1
        for ind in line.indicators:
            for m in ind.evidence_for.mechanisms:
                if m not in known:
                    print(f"{name}: {ind.id}: unknown mechanism {m}")
                    bad += 1
            for g in ind.evidence_for.goals:
                if g not in goals:
                    print(f"{name}: {ind.id}: unknown goal {g}")
                    bad += 1
            for o in ind.observations:
                if o.round not in rounds:
                    print(f"{name}: {ind.id}: unknown round {o.round}")
                    bad += 1
    return bad


def main(argv: list[str]) -> int:
    import yaml

    seed_text = SEED_REPORT.read_text(encoding="utf-8")
    bad = 0
    for name in argv:
        data = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
        if isinstance(data, dict) and "beoogd_effect" in data:
            bad += _check_initiative(name, data)
        for problem in problems(data, seed_text):
            print(f"{name}: {problem}")
            bad += 1
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
