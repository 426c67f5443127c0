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
import math
import os
import re
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from beleidstheorie.graph.locate import cache_dir

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
    root = files("beleidstheorie")
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
    """The content key of one RDF file (read in chunks: RDF files may be large).

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = pathlib.Path(d) / "t.nt"
    ...     _ = f.write_text("<urn:a> <urn:b> <urn:c> .\\n")
    ...     len(file_key(f))
    64
    """
    digest = hashlib.sha256(b"rdf\0" + CACHE_FORMAT.encode())
    with open(path, "rb") as data:
        while chunk := data.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


DEFAULT_MAX_MB = 1024
"""The cache's default size bound in megabytes (``BELEIDSTHEORIE_CACHE_MAX_MB`` sets another)."""
MAX_ENTRIES = 5000
"""At most this many entries are kept (validity markers are empty files, but they count)."""
STALE_TEMP_SECONDS = 3600
"""A temporary file this old is left over from a writer that was stopped; pruning removes it."""

ENTRY_NAME = re.compile(
    r"[0-9a-f]{64}(?:\.nq|-output\.json|-[a-z]+-[0-9a-f]{16}\.json|-[0-9a-f]{32}\.valid)|tmp[\w-]+\.tmp"
)
"""The names of the files the cache writes: stores, remembered outputs, derived data,
validity markers (all keyed by a SHA-256), and the temporary files of a write in progress."""


def max_bytes() -> int:
    """The size bound in bytes: ``BELEIDSTHEORIE_CACHE_MAX_MB`` (a number of megabytes) or the default.

    >>> os.environ["BELEIDSTHEORIE_CACHE_MAX_MB"] = "2.5"
    >>> max_bytes()
    2500000
    >>> del os.environ["BELEIDSTHEORIE_CACHE_MAX_MB"]
    """
    raw = os.environ.get("BELEIDSTHEORIE_CACHE_MAX_MB", "").strip()
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    if not math.isfinite(megabytes) or megabytes < 0:
        megabytes = DEFAULT_MAX_MB  # an unusable bound never stops a command; `cache` shows the one in force
    return int(megabytes * 1_000_000)


@dataclass(frozen=True)
class CacheUsage:
    """What the cache folder holds: its entries and their bytes, and the bounds in force."""

    folder: Path | None
    entries: int
    bytes: int
    max_bytes: int
    max_entries: int = MAX_ENTRIES


def _entries(folder: Path) -> list[tuple[float, int, Path]]:
    """(last use, size, path) of every file of the cache in ``folder``; nothing when it is absent."""
    found = []
    try:
        with os.scandir(folder) as listing:
            for item in listing:
                if not ENTRY_NAME.fullmatch(item.name):
                    continue
                try:
                    info = item.stat(follow_symlinks=False)
                except OSError:
                    continue  # removed meanwhile by another command's pruning
                if item.is_file(follow_symlinks=False):
                    found.append((info.st_mtime, info.st_size, Path(item.path)))
    except OSError:
        return []
    return found


def usage() -> CacheUsage:
    """The entries of the cache folder now (an absent or switched-off cache holds none)."""
    folder = cache_dir()
    entries = _entries(folder) if folder is not None else []
    return CacheUsage(folder, len(entries), sum(size for _, size, _ in entries), max_bytes())


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False  # another command removed it first
    except OSError:
        return False
    return True


def prune(keep: Path | None = None, limit: int | None = None, max_entries: int = MAX_ENTRIES) -> int:
    """Remove the least recently used entries beyond the bounds; the number removed.

    ``keep`` (the entry just written) is never removed; ``limit`` defaults to
    :func:`max_bytes`. Temporary files of a stopped writer older than an hour go first.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     os.environ["BELEIDSTHEORIE_CACHE_DIR"] = d
    ...     for n, key in enumerate("abc"):
    ...         remember(key * 64, b"x" * 10)
    ...         os.utime(Path(d) / f"{key * 64}.nq", (n, n))
    ...     removed = prune(limit=25)
    ...     left = sorted(p.name[:1] for p in Path(d).iterdir())
    ...     del os.environ["BELEIDSTHEORIE_CACHE_DIR"]
    >>> removed, left
    (1, ['b', 'c'])
    """
    folder = cache_dir()
    if folder is None:
        return 0
    limit = max_bytes() if limit is None else limit
    now = time.time()
    removed = 0
    entries = []
    for used, size, path in _entries(folder):
        if path.suffix == ".tmp":
            if now - used > STALE_TEMP_SECONDS and _remove(path):
                removed += 1
            continue  # a write in progress: not an entry yet
        entries.append((used, size, path))
    total, count = sum(size for _, size, _ in entries), len(entries)
    for _, size, path in sorted(entries, key=lambda e: e[0]):  # least recently used first
        if total <= limit and count <= max_entries:
            break
        if keep is not None and path == keep:
            continue
        if _remove(path):
            removed += 1
        total, count = total - size, count - 1
    return removed


def clear() -> CacheUsage:
    """Remove every entry of the cache folder; what was removed (entries and bytes)."""
    folder = cache_dir()
    entries = _entries(folder) if folder is not None else []
    gone = [(size, path) for _, size, path in entries if _remove(path)]
    return CacheUsage(folder, len(gone), sum(size for size, _ in gone), max_bytes())


def mark_used(path: Path) -> None:
    """Note that the entry ``path`` was just read, so pruning keeps it over older ones."""
    try:
        os.utime(path)
    except OSError:
        return  # removed meanwhile, or a read-only cache: it is only a hint


def write_entry(path: Path, data: bytes) -> None:
    """Write the entry ``path`` atomically, then prune the cache; skipped when it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)  # atomic: a reader sees the old file or the whole new one
    except OSError:
        return
    prune(keep=path)


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


def _valid_marker(key: str) -> Path | None:
    folder = cache_dir()
    if folder is None or not key:
        return None
    return folder / f"{key}-{hashlib.sha256(_code_hash(_VALIDATORS)).hexdigest()[:32]}.valid"


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
    marker = _valid_marker(key)
    if marker is None or not marker.is_file():
        return False
    mark_used(marker)
    return True


def remember_valid(key: str) -> None:
    """Note that the theory of ``key`` passed validation; skipped when the cache cannot be written."""
    marker = _valid_marker(key)
    if marker is None:
        return
    write_entry(marker, b"")
