"""The cache folder's files and bounds: atomic writes, least-recently-used pruning, clearing.

Shared by the store cache (:mod:`beleidstheorie.graph.stores.cache`) and the remembered
outputs (:mod:`beleidstheorie.cli.result_cache`), and light on purpose: a replayed output
imports this module, not the stores (pyoxigraph).

Every write prunes the least recently used entries (a hit marks an entry used) until the
cache's entries take at most ``BELEIDSTHEORIE_CACHE_MAX_MB`` megabytes (default
:data:`DEFAULT_MAX_MB`) and number at most :data:`MAX_ENTRIES`; the entry just written is
always kept. Only files named as the cache names them are counted or removed.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from beleidstheorie.graph.locate import cache_dir

DEFAULT_MAX_MB = 1024
"""The cache's default size bound in megabytes (``BELEIDSTHEORIE_CACHE_MAX_MB`` sets another)."""
MAX_ENTRIES = 5000
"""At most this many entries are kept (validity markers are empty files, but they count)."""
STALE_TEMP_SECONDS = 3600
"""A temporary file this old is left over from a writer that was stopped; pruning removes it."""

ENTRY_NAME = re.compile(
    r"[0-9a-f]{64}(?:\.nq|-output\.json|-[a-z]+-[0-9a-f]{16}\.json|-[0-9a-f]{32}\.(?:valid|checked))"
    r"|tmp[\w-]+\.tmp"
)
"""The names of the files the cache writes: stores, remembered outputs, derived data,
validity markers (SHACL passed; the whole check passed), all keyed by a SHA-256, and the
temporary files of a write in progress."""


_DIGESTS: dict[tuple[int, int, int, int], bytes] = {}


def content_digest(path: Path) -> bytes:
    """The SHA-256 of the content of the file ``path``, read in chunks (RDF files may be large).

    Computed once per process for a file as it is (device, inode, size, modification time):
    the remembered output's key and the store cache's key of an RDF file both need it, and at
    10^6 triples one pass over the file is 0.2 s.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     f = Path(d) / "t.nt"
    ...     _ = f.write_bytes(b"x")
    ...     content_digest(f) == hashlib.sha256(b"x").digest() == content_digest(f)
    True
    """
    info = os.stat(path)
    version = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
    known = _DIGESTS.get(version)
    if known is not None:
        return known
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        while chunk := data.read(1 << 22):
            digest.update(chunk)
    _DIGESTS[version] = digest.digest()
    return _DIGESTS[version]


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
    ...         write_entry(Path(d) / f"{key * 64}.nq", b"x" * 10)
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
    import tempfile  # only where an entry is written: a read of the cache needs none

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)  # atomic: a reader sees the old file or the whole new one
    except OSError:
        return
    prune(keep=path)
