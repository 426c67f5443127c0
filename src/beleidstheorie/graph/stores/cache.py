"""The content-hash cache: a YAML theory's store, kept between commands.

Reading a YAML theory means parsing, checking it against the authoring model
and building its graph. The result is kept as N-Quads under a key that hashes
every YAML file of the theory together with the code that turns YAML into
triples, so a changed file or a changed builder never reuses a stale store.

The cache lives in ``BELEIDSTHEORIE_CACHE_DIR`` (default
``$XDG_CACHE_HOME/beleidstheorie`` or ``~/.cache/beleidstheorie``);
``BELEIDSTHEORIE_NO_CACHE=1`` switches it off.

The folder is bounded: every write prunes the least recently used entries (a hit marks
an entry used) until the cache's entries take at most ``BELEIDSTHEORIE_CACHE_MAX_MB``
megabytes (default :data:`DEFAULT_MAX_MB`) and number at most :data:`MAX_ENTRIES`; the
entry just written is always kept. Every entry can be made again, so a pruned entry is
simply recomputed by the next command that needs it. Only files named as this cache
names them are counted or removed (a cache folder pointed at a folder with other files
leaves those alone). Writes are atomic (a reader sees the old entry or the whole new
one) and a reader that has opened an entry keeps reading it while it is removed.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     f = pathlib.Path(d) / "t.yaml"
...     _ = f.write_text("id: x\\n")
...     key_of([f]) == key_of([f])
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from beleidstheorie.graph.cache_folder import (  # noqa: F401  (the folder's bounds, re-exported)
    DEFAULT_MAX_MB,
    MAX_ENTRIES,
    STALE_TEMP_SECONDS,
    CacheUsage,
    clear,
    content_digest,
    mark_used,
    max_bytes,
    prune,
    usage,
    write_entry,
)
from beleidstheorie.graph.locate import cache_dir
from beleidstheorie.resources import PACKAGE

CACHE_FORMAT = "1"
# The modules whose code decides the triples of a YAML theory: a change to any of
# them changes the key, so a development checkout never reads a stale store.
_BUILDERS = (
    "authoring/models.py",
    "authoring/vocab.py",
    "authoring/checks.py",
    "io/theory_yaml.py",
    "io/yamltext.py",
    "graph/build.py",
    "namespaces.py",
)


# The files whose content decides whether a theory passes validation: the shapes,
# the ontology and the code that runs them. A change to any of them re-validates.
_VALIDATORS = (
    "data/ontology/shapes.ttl",
    "data/ontology/beleidstheorie.ttl",
    "graph/shacl.py",
    "graph/shacl_sparql.py",
    "graph/integrity.py",
)


def _code_hash(names: Sequence[str] = _BUILDERS) -> bytes:
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    root = PACKAGE
    for name in names:
        part = root.joinpath(*name.split("/"))
        digest.update(name.encode())
        digest.update(part.read_bytes() if part.is_file() else b"-")
    return digest.digest()


def key_of(paths: Sequence[Path]) -> str:
    """The cache key of a theory made of the YAML files ``paths`` (in reading order)."""
    digest = hashlib.sha256(_code_hash())
    from beleidstheorie.io.files import read_bytes_file

    for path in paths:
        data = read_bytes_file(path)  # a FIFO, a device or an oversized file is refused here
        digest.update(str(path.name).encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def file_key(path: Path) -> str:
    """The content key of one RDF file (its content's SHA-256, computed once per process).

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = pathlib.Path(d) / "t.nt"
    ...     _ = f.write_text("<urn:a> <urn:b> <urn:c> .\\n")
    ...     len(file_key(f))
    64
    """
    return hashlib.sha256(b"rdf\0" + CACHE_FORMAT.encode() + content_digest(path)).hexdigest()


def lookup(key: str) -> Path | None:
    """The cached N-Quads file of ``key``, when there is one."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{key}.nq"
    if not path.is_file():
        return None
    mark_used(path)
    return path


def remember(key: str, nquads: bytes) -> None:
    """Keep ``nquads`` under ``key``; a cache that cannot be written is silently skipped."""
    folder = cache_dir()
    if folder is None:
        return
    write_entry(folder / f"{key}.nq", nquads)


def _derived_path(key: str, name: str, code: Sequence[str]) -> Path | None:
    folder = cache_dir()
    if folder is None or not key:
        return None
    return folder / f"{key}-{name}-{hashlib.sha256(_code_hash(code)).hexdigest()[:16]}.json"


def lookup_derived(key: str, name: str, code: Sequence[str]) -> bytes | None:
    """What :func:`remember_derived` kept as ``name`` for ``key`` by today's ``code``, if anything.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     os.environ["BELEIDSTHEORIE_CACHE_DIR"] = d
    ...     remember_derived("abc", "outline", ["graph/outline.py"], b"{}")
    ...     found = lookup_derived("abc", "outline", ["graph/outline.py"]), lookup_derived("x", "outline", [])
    ...     del os.environ["BELEIDSTHEORIE_CACHE_DIR"]
    >>> found
    (b'{}', None)
    """
    path = _derived_path(key, name, code)
    try:
        if path is None or not path.is_file():
            return None
        data = path.read_bytes()
    except OSError:
        return None
    mark_used(path)
    return data


def remember_derived(key: str, name: str, code: Sequence[str], data: bytes) -> None:
    """Keep ``data`` derived from the theory of ``key`` by the modules ``code`` (their hash names it).

    A change to the theory's files changes ``key``; a change to one of the modules in
    ``code`` changes the file's name: either way a stale entry is never read.
    """
    path = _derived_path(key, name, code)
    if path is not None:
        write_entry(path, data)


def _valid_marker(key: str, suffix: str = "valid") -> Path | None:
    folder = cache_dir()
    if folder is None or not key:
        return None
    return folder / f"{key}-{hashlib.sha256(_code_hash(_VALIDATORS)).hexdigest()[:32]}.{suffix}"


def is_valid(key: str) -> bool:
    """True when the theory of cache key ``key`` passed validation by today's shapes before.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     os.environ["BELEIDSTHEORIE_CACHE_DIR"] = d
    ...     before = is_valid("abc")
    ...     remember_valid("abc")
    ...     after = is_valid("abc"), is_valid("abd")
    ...     del os.environ["BELEIDSTHEORIE_CACHE_DIR"]
    >>> before, after
    (False, (True, False))
    """
    return _has_marker(key, "valid")


def remember_valid(key: str) -> None:
    """Note that the theory of ``key`` passed validation; skipped when the cache cannot be written."""
    _write_marker(key, "valid")


def _has_marker(key: str, suffix: str) -> bool:
    marker = _valid_marker(key, suffix)
    if marker is None or not marker.is_file():
        return False
    mark_used(marker)
    return True


def _write_marker(key: str, suffix: str) -> None:
    marker = _valid_marker(key, suffix)
    if marker is not None:
        write_entry(marker, b"")


def is_checked(key: str) -> bool:
    """True when the theory of ``key`` passed the whole check of an RDF theory before
    (:func:`~beleidstheorie.graph.integrity.check_theory`: SHACL, cycles, non-numbers) by
    today's shapes and code.

    A theory that fails is never marked, so it is checked, and refused, every time.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     os.environ["BELEIDSTHEORIE_CACHE_DIR"] = d
    ...     remember_valid("abc")  # SHACL alone passed: not the whole check
    ...     before = is_checked("abc")
    ...     remember_checked("abc")
    ...     after = is_checked("abc"), is_checked("abd")
    ...     del os.environ["BELEIDSTHEORIE_CACHE_DIR"]
    >>> before, after
    (False, (True, False))
    """
    return _has_marker(key, "checked")


def remember_checked(key: str) -> None:
    """Note that the theory of ``key`` passed the whole check; skipped when the cache cannot be written."""
    _write_marker(key, "checked")
