"""YAML text with line numbers: parse YAML and remember where every value stands.

>>> data, where = parse_yaml("a:\\n  b: [1, 2]\\n", "t.yaml")
>>> data
{'a': {'b': [1, 2]}}
>>> where.line(("a", "b", 1))
2
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from beleidstheorie.errors import LoadError, Problem

Path_ = tuple[str | int, ...]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C loader when PyYAML was built with it (about 10x faster), else the Python one."""


@dataclass
class Locator:
    """Maps a path in a parsed YAML document to its line number."""

    file: str
    lines: dict[Path_, int] = field(default_factory=dict)
    prefix: Path_ = ()

    def line(self, path: Sequence[str | int]) -> int | None:
        """The line of the longest known prefix of ``path``."""
        p = tuple(path)
        while p:
            if p in self.lines:
                return self.lines[p]
            p = p[:-1]
        return self.lines.get((), None)

    def place(self, path: Sequence[str | int]) -> str:
        """A human-readable place: ``line 12 (indicators[2].type)``."""
        full = (*self.prefix, *path)
        line = self.line(full)
        dotted = format_path(full)
        if line is None:
            return dotted
        return f"line {line} ({dotted})" if dotted else f"line {line}"

    def problem(self, path: Sequence[str | int], message: str) -> Problem:
        """A :class:`Problem` at ``path`` of this document."""
        return Problem(self.file, self.place(path), message)

    def sub(self, *prefix: str | int) -> Locator:
        """A locator for a part of this document (e.g. one inline initiative)."""
        return Locator(self.file, self.lines, (*self.prefix, *prefix))


def format_path(path: Sequence[str | int]) -> str:
    """``("a", 2, "b")`` -> ``a[2].b``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list[Problem], file: str):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                line = key_node.start_mark.line + 1
                where = format_path((*path, key))
                problems.append(Problem(file, f"line {line} ({where})", f"duplicate key {key!r}"))
            seen.add(key)
            _walk(value_node, (*path, key), lines, problems, file)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines, problems, file)


def parse_yaml(text: str, file: str) -> tuple[Any, Locator]:
    """Parse YAML ``text`` (named ``file`` in messages); no I/O.

    Raises :class:`LoadError` naming the line and column of malformed YAML
    and of duplicate keys, which plain YAML loaders silently overwrite.
    """
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise LoadError([Problem(file, "", "the file is empty")])
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        cause = " ".join(x for x in (exc.context, exc.problem) if x)
        raise LoadError([Problem(file, place, f"malformed YAML: {cause}")]) from None
    except yaml.YAMLError as exc:
        raise LoadError([Problem(file, "", f"malformed YAML: {exc}")]) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    _walk(node, (), lines, problems, file)
    if problems:
        raise LoadError(problems)
    return data, Locator(file, lines)


def generate_yaml(data: Any) -> str:
    """YAML text of plain data, keys in the given order, Unicode kept."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
