"""YAML text with line numbers: parse YAML and remember where every value stands.

>>> data, where = parse_yaml("a:\\n  b: [1, 2]\\n", "t.yaml")
>>> data
{'a': {'b': [1, 2]}}
>>> where.line(("a", "b", 1))
2
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from beleidstheorie.errors import LoadError, Problem, problem
from beleidstheorie.messages import Texts, parser_said

Path_ = tuple[str | int, ...]


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

    def said(self, path: Sequence[str | int], key: str, **values: object) -> Problem:
        """A :class:`Problem` at ``path`` worded by the message ``key`` (:mod:`beleidstheorie.messages`)."""
        return problem(key, self.file, self.place(path), **values)

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


MAX_YAML_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted (the flagship needs 9)."""
MAX_YAML_ALIASES = 100
"""Most alias uses (``*name``) in one document."""
MAX_YAML_NODES = 1_000_000
"""Most values in one document, counted with every alias expanded."""


class _LimitError(Exception):
    def __init__(self, mark: yaml.Mark | None, key: str, **values: object) -> None:
        self.mark = mark
        self.key = key
        self.values = values


class _ValueUnreadable(yaml.constructor.ConstructorError):
    """A value PyYAML cannot construct (a 5,000-digit number, 2024-13-45), with its place."""

    def __init__(self, mark: yaml.Mark, value: str, why: object) -> None:
        super().__init__(None, None, f"cannot read the value {value!r}", mark)
        self.value = value
        self.why = why


_FAST = getattr(yaml, "CSafeLoader", None)
"""libyaml's C loader when PyYAML was built with it (about 10x faster than the Python one)."""
_NOT_ALLOWED = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters YAML does not allow in a document (PyYAML's reader check, done once up front)."""


class _Constructing:
    """Turns PyYAML's bare ValueErrors into errors with the place of the value."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # int(), float() and date() of PyYAML raise bare ValueErrors (a 5,000-digit
        # number, 2024-13-45); give them the place of the value like any YAML error
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, OverflowError) as exc:
            why = ("yaml_long_number", ()) if "digits" in str(exc) else _why(str(exc))
            raise _ValueUnreadable(node.start_mark, str(node.value)[:40], why) from None


_DUTCH_WHY = {
    "month must be in 1..12": "de maand moet tussen 1 en 12 liggen",
    "day is out of range for month": "die dag bestaat niet in deze maand",
}


def _why(english: str) -> Texts:
    return Texts({"en": english, "nl": _DUTCH_WHY.get(english, english)})


class _Loader(_Constructing, yaml.SafeLoader):
    """PyYAML's safe loader, refusing deep nesting and many aliases while composing."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_YAML_ALIASES:
                mark = self.peek_event().start_mark
                raise _LimitError(mark, "yaml_many_aliases", n=MAX_YAML_ALIASES)
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                mark = self.peek_event().start_mark
                raise _LimitError(mark, "yaml_too_deep", n=MAX_YAML_DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


if _FAST is not None:

    class _FastLoader(_Constructing, _FAST):  # type: ignore[misc, valid-type]
        """libyaml composes (in C, so it cannot count while composing: :func:`_prescan` has)."""


def _prescan(text: str) -> bool:
    """The limits of :class:`_Loader`, checked on libyaml's event stream without recursion.

    Depth counts every value as :class:`_Loader` does (a scalar one level below its
    parent), so both loaders refuse the same documents with the same place. True when the
    document has no alias and at most :data:`MAX_YAML_NODES` values: then every node
    stands once in the tree, within the depth checked here, and :func:`_measure` has
    nothing to refuse.
    """
    depth = aliases = values = 0
    for event in yaml.parse(text, Loader=_FAST):
        if isinstance(event, yaml.ScalarEvent | yaml.MappingStartEvent | yaml.SequenceStartEvent):
            values += 1
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                raise _LimitError(event.start_mark, "yaml_many_aliases", n=MAX_YAML_ALIASES)
        elif isinstance(event, yaml.ScalarEvent):
            if depth + 1 > MAX_YAML_DEPTH:
                raise _LimitError(event.start_mark, "yaml_too_deep", n=MAX_YAML_DEPTH)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _LimitError(event.start_mark, "yaml_too_deep", n=MAX_YAML_DEPTH)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            depth -= 1
    return aliases == 0 and values <= MAX_YAML_NODES


def _check_characters(text: str, file: str) -> None:
    bad = _NOT_ALLOWED.search(text)
    if bad is not None:
        pos = bad.start()
        line = text.count("\n", 0, pos) + 1
        column = pos - (text.rfind("\n", 0, pos) + 1) + 1
        place = f"line {line}, column {column}"
        raise LoadError([problem("yaml_character", file, place, code=f"{ord(bad.group()):04X}")])


def _measure(root: yaml.Node) -> None:
    """Refuse a document whose aliases expand it beyond the limits, or make it recursive."""
    sizes: dict[int, int] = {}  # id(node) -> values below and at it, each node once
    active: set[int] = set()

    def visit(node: yaml.Node, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _LimitError(node.start_mark, "yaml_recursive_alias")
        if depth > MAX_YAML_DEPTH:
            raise _LimitError(node.start_mark, "yaml_alias_too_deep", n=MAX_YAML_DEPTH)
        active.add(key)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        count = 1
        for child in children:
            count += visit(child, depth + 1)
            if count > MAX_YAML_NODES:
                raise _LimitError(node.start_mark, "yaml_many_values", n=MAX_YAML_NODES)
        active.discard(key)
        sizes[key] = count
        return count

    visit(root, 1)


def _walk(root: yaml.Node, lines: dict[Path_, int], problems: list[Problem], file: str) -> None:
    """Record the line of every path; a node reached again through an alias is not entered again."""
    seen_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, Path_, int]] = [(root, (), root.start_mark.line + 1)]
    while stack:
        node, path, line = stack.pop()
        lines[path] = line
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = key_node.value
                if key in seen:
                    where = format_path((*path, key))
                    line_no = key_node.start_mark.line + 1
                    problems.append(
                        problem("duplicate_key", file, f"line {line_no} ({where})", name=repr(key))
                    )
                seen.add(key)
                value_line = (value_node if id(value_node) not in seen_nodes else key_node).start_mark.line
                stack.append((value_node, (*path, key), value_line + 1))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                item_line = item.start_mark.line if id(item) not in seen_nodes else node.start_mark.line
                stack.append((item, (*path, i), item_line + 1))


def _at(mark: yaml.Mark | None) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""


def _reader_problem(exc: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    line = text.count("\n", 0, exc.position) + 1
    column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
    return problem("yaml_character", file, f"line {line}, column {column}", code=f"{code:04X}")


def parse_yaml(text: str, file: str) -> tuple[Any, Locator]:
    """Parse YAML ``text`` (named ``file`` in messages); no I/O.

    Raises :class:`LoadError` naming the line and column of malformed YAML
    and of duplicate keys, which plain YAML loaders silently overwrite, and of
    documents beyond the limits (:data:`MAX_YAML_DEPTH`, :data:`MAX_YAML_ALIASES`,
    :data:`MAX_YAML_NODES`); line maps never follow aliases.

    >>> bomb = "a: &a [x, x]\\nb: &b [*a, *a]\\nc: [*b, *b, *b]\\n"
    >>> parse_yaml(bomb, "t.yaml")[0]["c"][2][1]
    ['x', 'x']
    >>> parse_yaml("a: " + "[" * 100 + "]" * 100, "deep.yaml")
    Traceback (most recent call last):
    ...
    beleidstheorie.errors.LoadError: deep.yaml: line 1, column 67: nested deeper than 64 levels
    """
    _check_characters(text, file)
    loader: Any = None
    try:
        if _FAST is not None:
            plain = _prescan(text)
            loader = _FastLoader(text)
        else:
            plain = False
            loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            raise LoadError([problem("file_empty", file)])
        if not plain:
            _measure(node)
        data = loader.construct_document(node)
    except _LimitError as exc:
        raise LoadError([problem(exc.key, file, _at(exc.mark), **exc.values)]) from None
    except _ValueUnreadable as exc:
        said = problem("yaml_value", file, _at(exc.problem_mark), value=repr(exc.value), why=exc.why)
        raise LoadError([said]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        cause = " ".join(x for x in (exc.context, exc.problem) if x)
        raise LoadError([problem("yaml_malformed", file, _at(mark), cause=parser_said(cause))]) from None
    except yaml.reader.ReaderError as exc:
        raise LoadError([_reader_problem(exc, text, file)]) from None
    except yaml.YAMLError as exc:
        raise LoadError([problem("yaml_malformed", file, cause=parser_said(str(exc)))]) from None
    except RecursionError:
        raise LoadError([problem("yaml_nested", file)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    _walk(node, lines, problems, file)
    if problems:
        raise LoadError(problems)
    return data, Locator(file, lines)


def generate_yaml(data: Any) -> str:
    """YAML text of plain data, keys in the given order, Unicode kept."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
