"""The reasoning configuration: read without pydantic when well-formed, judged by its schema otherwise."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beleidstheorie.errors import ConfigError
from beleidstheorie.reasoning import config as cfg_module
from beleidstheorie.reasoning.config import default_config_text, load_config, parse_config

DEFAULTS = tomllib.loads(default_config_text())


def _paths(data: dict, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for key, value in data.items():
        out.append((*prefix, key))
        if isinstance(value, dict):
            out += _paths(value, (*prefix, key))
    return out


PATHS = _paths(DEFAULTS)
VALUES = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-0.1, max_value=1.1),
    st.sampled_from([0, 1, 2, 3, 101, 102, 0.0, 0.5, 1.0, 5.0, True, False, "0.5", "noisy-or", "x"]),
    st.integers(min_value=-5, max_value=200),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["se", "alpha", "x"]), st.floats(0, 1), max_size=2),
)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)


def _outcome(text: str, schema_only: bool):
    with pytest.MonkeyPatch.context() as m:
        if schema_only:
            m.setattr(cfg_module, "_well_formed", lambda data: False)
        try:
            return "ok", parse_config(text, "f.toml").model_dump()
        except ConfigError as exc:
            return "error", [str(p) for p in exc.problems]


@settings(max_examples=300, deadline=None)
@given(path=st.sampled_from(PATHS), value=VALUES)
def test_a_changed_parameter_reads_as_the_pydantic_schema_reads_it(path, value):
    *table, key = path
    text = (f"[{'.'.join(table)}]\n" if table else "") + f"{key} = {_toml_value(value)}\n"
    fast = _outcome(text, schema_only=False)
    assert fast == _outcome(text, schema_only=True)


def test_the_defaults_read_as_the_schema_reads_them():
    from beleidstheorie.reasoning.config_schema import Config as Schema

    assert load_config().model_dump() == Schema.model_validate(DEFAULTS).model_dump()


@pytest.mark.parametrize(
    ("values", "ok"),
    [({"link.strong": 0.6}, True), ({"verdict.negligible": 9.0}, False), ({"link.strong": 1.0}, False)],
)
def test_a_parameter_point_is_validated_like_a_file(values, ok):
    if ok:
        assert load_config().replace(values).link.strong == 0.6
    else:
        with pytest.raises(ConfigError):
            load_config().replace(values)


def test_scoring_with_the_default_configuration_imports_no_pydantic():
    code = (
        "import sys\n"
        "from beleidstheorie.reasoning.config import load_config\n"
        "c = load_config(); c.replace({'link.strong': 0.6}); c.parameter_ranges()\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_sampled_parameter_points_of_the_intervals_read_as_the_schema_reads_them():
    from beleidstheorie.reasoning.analysis.intervals import apply, latin_hypercube

    config = load_config()
    for values in latin_hypercube(config.parameter_ranges(), 24):  # numpy floats
        fast = apply(config, values)
        with pytest.MonkeyPatch.context() as m:
            m.setattr(cfg_module, "_well_formed", lambda data: False)
            reference = apply(config, values)
        assert fast is not None and fast.model_dump() == reference.model_dump()
        sections = [part for part in fast.model_dump().values() if isinstance(part, dict)]
        types = {type(v) for part in sections for v in part.values()}
        assert float in types and not any(t.__module__ == "numpy" for t in types)
