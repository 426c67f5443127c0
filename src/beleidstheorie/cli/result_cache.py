"""Remembered output: a fresh ``score`` of an unchanged theory prints what it printed before.

Scoring the flagship with its intervals is ~0.2 s of exact computation after ~0.25 s of
imports (numpy alone is 0.1 s), so a command that recomputes cannot answer in under
0.3 s. What it prints, though, is a function of its inputs, so it is kept in the
content-hash cache (:func:`~beleidstheorie.graph.locate.cache_dir`) under a key that
hashes everything the output depends on:

- the theory's files: the name and content of every YAML file it is read from
  (:func:`~beleidstheorie.graph.locate.theory_files`), or of the RDF file;
- the path by which it was named (the status line on stderr shows it);
- the content of the ``--config`` file, if one is given;
- every file of the installed package (code, ontology, shapes, default configuration)
  and its version, so a changed package — a development checkout included — never
  shows an old result;
- the command and every option that shapes its output: the round as given, the
  format, the CSV dialect and the language.

A hit prints the remembered stdout (and the status line, unless ``--quiet``) without
loading the theory or importing the engine. It applies to output on stdout only, not to
``-o FILE`` nor to ``--store`` (a persistent or remote store can change without a file
of ours changing). ``BELEIDSTHEORIE_NO_CACHE=1`` switches it off with the store cache;
its entries share the cache's size bound and are pruned with it (least recently used first).
A theory that fails validation is never remembered: the command stops before.

>>> import tempfile, os
>>> with tempfile.TemporaryDirectory() as d:
...     os.environ["BELEIDSTHEORIE_CACHE_DIR"] = d
...     key = output_key("score", EXAMPLE, None, {"round": None, "format": "table"})
...     before = replayed(key)
...     remember(key, "tabel\\n", "theorie: ...")
...     again = output_key("score", EXAMPLE, None, {"round": None, "format": "table"})
...     other = output_key("score", EXAMPLE, None, {"round": "meting-2024", "format": "table"})
...     found = replayed(again), replayed(other)
...     del os.environ["BELEIDSTHEORIE_CACHE_DIR"]
>>> before, found
(None, (('tabel\\n', 'theorie: ...'), None))
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from beleidstheorie import __version__
from beleidstheorie.errors import BeleidstheorieError
from beleidstheorie.graph.cache_folder import content_digest, mark_used, write_entry
from beleidstheorie.graph.locate import YAML_SUFFIXES, cache_dir, locate_theory, theory_files
from beleidstheorie.resources import PACKAGE

FORMAT = "1"
_SKIP = ("__pycache__", "graphs")  # bytecode; the bundled theories (hashed as theories)

_package: str | None = None


def package_hash() -> str:
    """A hash of every file of the installed package (its data folders followed), by path."""
    global _package
    if _package is None:
        root = PACKAGE
        digest = hashlib.sha256(__version__.encode())
        for folder, dirs, names in os.walk(root, followlinks=True):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP)
            for name in sorted(names):
                path = Path(folder) / name
                if path.suffix == ".pyc":
                    continue
                digest.update(str(path.relative_to(root)).encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        _package = digest.hexdigest()
    return _package


def output_key(
    command: str, graph: str | Path | None, config: Path | None, options: dict[str, object]
) -> str | None:
    """The key of ``command``'s output on the theory ``graph`` names, or None when nothing may
    be remembered (cache off, or a theory that is not a YAML or RDF file or folder)."""
    if cache_dir() is None:
        return None
    from beleidstheorie.io.files import check_input_path

    try:
        located = locate_theory(None if graph is None else check_input_path(graph))
        if located.is_dir() or located.suffix in YAML_SUFFIXES:
            paths = theory_files(located)
        elif located.is_file():
            paths = [located]  # an RDF file (what load_theory refuses is never remembered)
        else:
            return None
        digest = hashlib.sha256(f"output {FORMAT}\0{package_hash()}\0{command}\0".encode())
        digest.update(json.dumps(options, sort_keys=True, default=str).encode() + b"\0")
        digest.update(str(located).encode() + b"\0")
        named = [*paths, *([config] if config is not None else [])]
        if not all(stat.S_ISREG(os.stat(path).st_mode) for path in named):
            return None  # a pipe or device is never read here (it could block); the command refuses it
        for path in paths:
            digest.update(str(path).encode() + b"\0" + content_digest(path))
        digest.update(b"config\0" + (content_digest(config) if config is not None else b"-"))
    except (OSError, ValueError, BeleidstheorieError):
        return None  # the command itself finds and reports what is wrong
    return digest.hexdigest()


def _path(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{key}-output.json"


def replayed(key: str | None) -> tuple[str, str] | None:
    """(stdout, status line) remembered under ``key``, if any."""
    path = _path(key) if key else None
    try:
        if path is None or not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        found = str(data["stdout"]), str(data["status"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a damaged or just pruned entry: computed again and rewritten
    mark_used(path)
    return found


def remember(key: str | None, stdout: str, status: str) -> None:
    """Keep a command's ``stdout`` and status line under ``key``; skipped when it cannot be written."""
    path = _path(key) if key else None
    if path is None:
        return
    data = json.dumps({"stdout": stdout, "status": status}, ensure_ascii=False).encode("utf-8")
    write_entry(path, data)  # atomic, then the cache is pruned to its bounds (graph/stores/cache.py)
