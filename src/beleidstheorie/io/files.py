"""Safe file access: reading refuses special files and caps size; writing is atomic.

Every reader of user input goes through :func:`read_text_file`, so a FIFO, a
device such as ``/dev/zero``, a directory, a file larger than the limit, a path
too long for the system or text that is not UTF-8 ends in one clear
:class:`~beleidstheorie.errors.LoadError` naming the file, never a hang or a
traceback. Every writer goes through :func:`atomic_write`: the new content is
written to a temporary file in the target's directory, flushed and fsynced,
then renamed over the target, so a kill at any moment leaves either the old
file or the complete new one.

>>> import tempfile
>>> from pathlib import Path
>>> target = Path(tempfile.mkdtemp()) / "out.txt"
>>> atomic_write(target, "hallo\\n")
>>> read_text_file(target)
'hallo\\n'
>>> read_text_file("/dev/zero")
Traceback (most recent call last):
...
beleidstheorie.errors.LoadError: /dev/zero: not a regular file (a character device)
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from pathlib import Path

from beleidstheorie.errors import LoadError, Problem, RenderError, problem
from beleidstheorie.messages import Texts, os_cause

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest input file read (64 MiB): the flagship is well under 1 MiB."""
LOCK_WAIT_SECONDS = 10.0
"""How long a writer waits for another writer of the same directory before giving up."""

_KINDS = {
    stat.S_IFDIR: "kind_directory",
    stat.S_IFCHR: "kind_character_device",
    stat.S_IFBLK: "kind_block_device",
    stat.S_IFIFO: "kind_fifo",
    stat.S_IFSOCK: "kind_socket",
}


def os_problem(name: str, exc: OSError) -> Problem:
    """A :class:`Problem` for the file ``name`` that the operating system refused with ``exc``."""
    if exc.errno == errno.ENAMETOOLONG:
        return problem("path_too_long", name)
    return problem("os_error", name, cause=os_cause(exc))


def _kind(mode: int) -> tuple[str, tuple]:
    return (_KINDS.get(stat.S_IFMT(mode), "kind_other"), ())


def _short_name(path: str | os.PathLike[str]) -> str:
    text = os.fspath(path)
    return text if len(text) <= 200 else text[:100] + "…" + text[-60:]


def read_bytes_file(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else is a LoadError.

    The file is opened without blocking, so a FIFO is refused instead of waited on.
    """
    name = _short_name(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise LoadError([os_problem(name, exc)]) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError([problem("not_regular", name, kind=_kind(info.st_mode))])
        if info.st_size > limit:
            raise LoadError([_too_big(name, info.st_size, limit)])
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:  # the file grew while being read
                raise LoadError([_too_big(name, size, limit)])
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise LoadError([os_problem(name, exc)]) from None
    finally:
        os.close(fd)


MAX_RDF_FILE_BYTES = 16 * 1024**3
"""Largest RDF file handed to the native bulk loader (16 GiB: about 10^8 N-Triples)."""


def check_regular_file(path: str | os.PathLike[str], *, limit: int = MAX_RDF_FILE_BYTES) -> Path:
    """``path`` if it is a regular file of at most ``limit`` bytes, for readers that open it themselves.

    Opened without blocking, so a FIFO, a device or a directory is refused, never waited on.
    """
    name = _short_name(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise LoadError([os_problem(name, exc)]) from None
    try:
        info = os.fstat(fd)
    finally:
        os.close(fd)
    if not stat.S_ISREG(info.st_mode):
        raise LoadError([problem("not_regular", name, kind=_kind(info.st_mode))])
    if info.st_size > limit:
        raise LoadError([_too_big(name, info.st_size, limit)])
    return Path(path)


def _too_big(name: str, size: int, limit: int) -> Problem:
    return problem("too_big", name, limit=limit // (1024 * 1024), size=size)


_DUTCH_REASONS = {
    "invalid start byte": "ongeldige beginbyte",
    "invalid continuation byte": "ongeldige vervolgbyte",
    "unexpected end of data": "onverwacht einde van de tekst",
}


def _reason(reason: str) -> Texts:
    return Texts({"en": reason, "nl": _DUTCH_REASONS.get(reason, reason)})


def read_text_file(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes.

    A byte that is not UTF-8 is reported with its line. A leading byte order mark is dropped.

    >>> import tempfile
    >>> bad = Path(tempfile.mkdtemp()) / "bad.yaml"
    >>> _ = bad.write_bytes(b"a: 1\\nb: \\xff\\n")
    >>> read_text_file(bad)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    beleidstheorie.errors.LoadError: ...bad.yaml: line 2: not UTF-8 text (invalid start byte 0xff)
    """
    data = read_bytes_file(path, limit=limit)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        said = problem(
            "not_utf8", _short_name(path), f"line {line}", reason=_reason(exc.reason), byte=f"{byte:02x}"
        )
        raise LoadError([said]) from None
    return text.removeprefix("\ufeff")


@contextlib.contextmanager
def _directory_lock(directory: str, target: str, wait: float):
    """Serialise writers in one directory (flock; released when the process dies)."""
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        yield  # cannot lock (e.g. no read permission): the rename is still atomic
        return
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise RenderError([problem("busy", target)]) from None
                time.sleep(0.05)
            except OSError:
                break  # the file system does not lock directories
        yield
    finally:
        os.close(fd)


def atomic_write(path: str | os.PathLike[str], data: str | bytes, *, wait: float = LOCK_WAIT_SECONDS) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8) all at once.

    A temporary file in the same directory is written, flushed and fsynced, then
    renamed over the target with ``os.replace``; the directory is fsynced too.
    A symbolic link is followed (the file it points to is replaced); an existing
    target that is not a regular file (a device, a FIFO, a directory) is refused.
    Two processes writing one target are serialised; after ``wait`` seconds
    of waiting for the other the write gives up with "busy".
    Raises :class:`~beleidstheorie.errors.RenderError`.
    """
    name = _short_name(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target = os.path.realpath(path)
        directory = os.path.dirname(target) or "."
        try:
            info = os.stat(target)
        except FileNotFoundError:
            info = None
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise RenderError([problem("not_regular_kept", name, kind=_kind(info.st_mode))])
        if info is not None:
            mode = stat.S_IMODE(info.st_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        import tempfile  # only where a file is written: reading commands need none

        with _directory_lock(directory, name, wait):
            fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(tmp, mode)
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        _fsync_directory(directory)
    except OSError as exc:
        raise RenderError([os_problem(name, exc)]) from None


def _fsync_directory(directory: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def check_input_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path, refusing one the system cannot even look up (too long, NUL byte).

    >>> check_input_path("a" * 100_000)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    beleidstheorie.errors.LoadError: aaa...: the path is too long for this system
    """
    text = os.fspath(path)
    name = _short_name(text)
    if "\x00" in text:
        raise LoadError([problem("path_nul", name.replace("\x00", "\\0"))])
    try:
        os.stat(text)
    except FileNotFoundError:
        pass
    except OSError as exc:
        if exc.errno in (errno.ENAMETOOLONG, errno.ELOOP):
            raise LoadError([os_problem(name, exc)]) from None
    return Path(text)
