"""``to_frame()`` for every result object: its rows as a pandas DataFrame (pandas optional).

The rows come from the result's own dataclass fields, so a field added to a result
becomes a column without a change here: nested dataclasses and dicts are flattened
into ``outer.inner`` columns, tuples of plain values joined with ``; ``.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.reasoning.score import score
>>> rows = frame_rows(score(load_theory(EXAMPLE)))
>>> rows[0]["part"], rows[0]["key"], len(rows)
('main_goal', 'minder-eenzaamheid', 10)
"""

from __future__ import annotations

import dataclasses
from typing import Any

# Which fields of a result hold the rows its frame shows (default: every field that
# holds dataclasses, when they are all of one type).
FRAME_PARTS = {
    "ScoreResult": ("main_goal", "subgoals", "mechanisms", "initiatives"),
    "Explanation": ("items",),
    "Comparison": ("nodes",),
    "SensitivityResult": ("nodes",),
    "CoverageResult": ("mechanisms",),
}


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            _flatten(f"{prefix}{f.name}.", getattr(value, f.name), out)
        for name in ("total",):  # computed counts worth a column
            if hasattr(type(value), name) and isinstance(getattr(type(value), name), property):
                out[f"{prefix}{name}"] = getattr(value, name)
        return
    key = prefix[:-1]
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}{k}.", v, out)
    elif isinstance(value, tuple | list):
        if value and all(dataclasses.is_dataclass(v) for v in value):
            out[key] = len(value)  # nested records (e.g. top contributions): their count
        else:
            out[key] = "; ".join(str(v) for v in value)
    else:
        out[key] = value


def frame_rows(result: Any) -> list[dict[str, Any]]:
    """The rows ``to_frame`` shows, as dicts (no pandas needed)."""
    parts = FRAME_PARTS.get(type(result).__name__)
    if parts is None:
        parts = tuple(
            f.name
            for f in dataclasses.fields(result)
            if isinstance(getattr(result, f.name), tuple) and getattr(result, f.name)
        )
    rows = []
    for part in parts:
        value = getattr(result, part)
        for element in value if isinstance(value, tuple | list) else (value,):
            row: dict[str, Any] = {"part": part}
            _flatten("", element, row)
            rows.append(row)
    return rows


class FrameMixin:
    """Gives a frozen result dataclass a ``to_frame()`` method."""

    def to_frame(self):
        """The result's rows as a :class:`pandas.DataFrame` (needs pandas installed).

        One row per node (scores, comparisons, sensitivity), mechanism (coverage) or
        evidence item (explanations); column ``part`` names the field a row came from.
        """
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - exercised only without pandas
            raise ImportError("to_frame() needs pandas: pip install 'beleidstheorie[frames]'") from None
        return pd.DataFrame(frame_rows(self))
