"""The exception hierarchy of beleidstheorie.

Every error a user can cause with bad input is a :class:`BeleidstheorieError`
carrying :class:`Problem` records that name the file, the place and the cause.

>>> err = LoadError([Problem("theory.yaml", "line 3", "unknown mechanism 'x'")])
>>> str(err)
"theory.yaml: line 3: unknown mechanism 'x'"

A problem made with :func:`problem` carries a message key of
:mod:`beleidstheorie.messages`, so it can be said in either language:

>>> p = problem("no_theory_here", "/tmp")
>>> str(p)
'/tmp: no theory.yaml in this directory or its parents'
>>> p.in_language("nl")
'/tmp: geen theory.yaml in deze map of de mappen erboven'
"""

from __future__ import annotations

from dataclasses import dataclass

from beleidstheorie.messages import message as _message
from beleidstheorie.messages import place_in


@dataclass(frozen=True)
class Problem:
    """One problem found in the input: where it is and what is wrong.

    ``key`` and ``values`` name the message in :mod:`beleidstheorie.messages` when
    it has one (``message`` is then its English text); otherwise ``message`` is the
    only wording there is.
    """

    file: str
    place: str
    message: str
    key: str = ""
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.place) if p]
        return ": ".join([*parts, self.message])

    def in_language(self, lang: str) -> str:
        """The problem as ``str()`` gives it, worded in ``lang`` where the catalogue can."""
        text = _message(self.key, lang, **dict(self.values)) if self.key else self.message
        parts = [p for p in (self.file, place_in(self.place, lang)) if p]
        return ": ".join([*parts, text])


def problem(key: str, file: str = "", place: str = "", **values: object) -> Problem:
    """A :class:`Problem` worded by the message ``key`` of :mod:`beleidstheorie.messages`."""
    return Problem(file, place, _message(key, "en", **values), key, tuple(values.items()))


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
