"""Find the theory a command means: a path, a bundled dataset, or the folder you are in.

Like git finds its repository, a command without a theory looks for ``theory.yaml``
in the current directory and its parents. Bundled datasets are only used when
named (``intensiveringsaanpak``), never as a silent default. Naming a
``theory.yaml`` means its whole folder, so the ``initiatives/`` beside it are
never left out.

>>> locate_theory("intensiveringsaanpak").name
'intensiveringsaanpak'
>>> locate_theory(EXAMPLE / "theory.yaml") == EXAMPLE
True
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from beleidstheorie.errors import LoadError, problem
from beleidstheorie.resources import package_path

THEORY_FILE = "theory.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


def theory_files(path: Path) -> list[Path]:
    """The YAML files of the theory at ``path`` in reading order: its ``theory.yaml`` and the
    files of ``initiatives/`` (sorted), or ``path`` itself for a single file.

    >>> [p.name for p in theory_files(EXAMPLE)][:1]
    ['theory.yaml']
    """
    if path.is_dir():
        folder = path / "initiatives"
        extra = sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES) if folder.is_dir() else []
        return [path / THEORY_FILE, *extra]
    return [path]


def cache_dir() -> Path | None:
    """Where cached stores and outputs live, or None when the cache is switched off.

    ``BELEIDSTHEORIE_CACHE_DIR``, else ``$XDG_CACHE_HOME/beleidstheorie`` or
    ``~/.cache/beleidstheorie``; ``BELEIDSTHEORIE_NO_CACHE=1`` switches it off.
    """
    if os.environ.get("BELEIDSTHEORIE_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("BELEIDSTHEORIE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "beleidstheorie"


def _datasets_root() -> Path:
    return package_path("data", "graphs")


def bundled_datasets() -> tuple[str, ...]:
    """Names of the theories bundled with the package.

    >>> "intensiveringsaanpak" in bundled_datasets()
    True
    """
    root = _datasets_root()
    if not root.is_dir():
        return ()
    return tuple(sorted(p.name for p in root.iterdir() if (p / "theory.yaml").is_file()))


def bundled_name(source: str | Path) -> str | None:
    """The dataset name when ``source`` is a bundled theory, else None.

    >>> bundled_name(locate_theory("intensiveringsaanpak"))
    'intensiveringsaanpak'
    >>> bundled_name(EXAMPLE) is None
    True
    """
    path = Path(source).resolve()
    root = _datasets_root().resolve()
    if path.parent == root and path.name in bundled_datasets():
        return path.name
    return None


def find_theory_dir(start: Path) -> Path | None:
    """The nearest directory at or above ``start`` holding a ``theory.yaml``.

    >>> find_theory_dir(EXAMPLE) == EXAMPLE
    True
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / THEORY_FILE).is_file():
            return folder
    return None


def _not_found(where: str, cause: tuple[str, tuple[tuple[str, object], ...]]) -> LoadError:
    names = ", ".join(bundled_datasets()) or ("none", ())
    return LoadError([problem("theory_not_found", where, cause=cause, names=names)])


def locate_theory(name: str | Path | None, cwd: Path | None = None) -> Path:
    """The path of the theory ``name`` refers to; raises :class:`LoadError` otherwise.

    ``name`` is a directory, a YAML or RDF file, or the name of a bundled dataset;
    ``None`` means the theory of ``cwd`` (default: the current directory) or of one
    of its parents. Relative paths are taken as given (relative to the process).
    """
    cwd = Path.cwd() if cwd is None else cwd
    if name is None:
        found = find_theory_dir(cwd)
        if found is None:
            raise _not_found(str(cwd), ("no_theory_here", ()))
        return found
    path = Path(name)
    if path.is_file() and path.name == THEORY_FILE:
        return path.parent
    if path.exists():
        return path
    text = str(name)
    if text in bundled_datasets():
        return _datasets_root() / text
    close = difflib.get_close_matches(text, bundled_datasets(), n=3, cutoff=0.6)
    hint = ("did_you_mean_dataset", (("names", ", ".join(close)),)) if close else ""
    raise _not_found(text, ("no_such_path", (("hint", hint),)))


def load(name: str | Path | None = None, cwd: Path | None = None):
    """Load the theory ``name`` means, found as the command line finds it.

    ``name`` is a folder, a theory.yaml, a YAML or RDF file or a bundled dataset's
    name; ``None`` is the theory of the current folder or one of its parents.

    >>> load("intensiveringsaanpak").label
    'Intensivering armoede- en schuldenaanpak'
    """
    from beleidstheorie.graph.load import load_theory

    return load_theory(locate_theory(name, cwd))
