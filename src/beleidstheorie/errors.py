"""The exception hierarchy of beleidstheorie.

Every error a user can cause with bad input is a :class:`BeleidstheorieError`
carrying :class:`Problem` records that name the file, the place and the cause.

>>> err = LoadError([Problem("theory.yaml", "line 3", "unknown mechanism 'x'")])
>>> str(err)
"theory.yaml: line 3: unknown mechanism 'x'"
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem found in the input: where it is and what is wrong."""

    file: str
    place: str
    message: str

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.place) if p]
        return ": ".join([*parts, self.message])


class BeleidstheorieError(Exception):
    """Base class of all errors the library raises on purpose."""

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("", "", problems)]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class LoadError(BeleidstheorieError):
    """A theory file could not be read or parsed, or breaks the authoring model."""


class ValidationError(BeleidstheorieError):
    """The graph of a theory violates the SHACL shapes."""


class StoreError(BeleidstheorieError):
    """An RDF store could not be read or written, or a query failed."""


class ConfigError(BeleidstheorieError):
    """A reasoning configuration is malformed."""


class NotFoundError(BeleidstheorieError):
    """A node, round or view the user named does not exist."""


class RenderError(BeleidstheorieError):
    """A view could not be drawn or written (e.g. graphviz failed, or the file is not writable)."""
