"""The cache folder is bounded: least recently used entries go, the newest and others' files stay."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from beleidstheorie.cli import main
from beleidstheorie.graph.stores import cache as store_cache
from tests.conftest import EXAMPLE


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_DIR", str(where))
    monkeypatch.delenv("BELEIDSTHEORIE_NO_CACHE", raising=False)
    monkeypatch.delenv("BELEIDSTHEORIE_CACHE_MAX_MB", raising=False)
    return where


def _entry(folder: Path, letter: str, size: int, used: float) -> Path:
    store_cache.remember(letter * 64, b"x" * size)
    path = folder / f"{letter * 64}.nq"
    os.utime(path, (used, used))
    return path


def test_pruning_removes_the_least_recently_used_first(folder):
    a, b, c = (_entry(folder, k, 100, t) for k, t in (("a", 1000), ("b", 3000), ("c", 2000)))
    assert store_cache.prune(limit=250) == 1
    assert not a.exists() and b.exists() and c.exists()
    assert store_cache.prune(limit=150) == 1
    assert b.exists() and not c.exists()


def test_the_entry_just_written_stays_even_beyond_the_bound(folder):
    old = _entry(folder, "a", 100, 5000)
    big = _entry(folder, "b", 1000, 1)  # older and larger than the bound
    assert store_cache.prune(keep=big, limit=10) == 1
    assert big.exists() and not old.exists()


def test_every_write_prunes_to_the_bound(folder, monkeypatch):
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_MAX_MB", "0.00025")  # 250 bytes
    for n, letter in enumerate("abcd"):
        _entry(folder, letter, 100, 1000 + n)
    names = sorted(p.name[0] for p in folder.iterdir())
    assert names == ["c", "d"]
    assert store_cache.usage().bytes == 200


def test_a_hit_marks_the_entry_used(folder):
    old = _entry(folder, "a", 100, 1000)
    newer = _entry(folder, "b", 100, 2000)
    assert store_cache.lookup("a" * 64) == old  # read now: the most recently used
    store_cache.prune(limit=150)
    assert old.exists() and not newer.exists()


def test_the_count_bound(folder):
    for n, letter in enumerate("abcde"):
        _entry(folder, letter, 1, 1000 + n)
    assert store_cache.prune(max_entries=2) == 3
    assert sorted(p.name[0] for p in folder.iterdir()) == ["d", "e"]


def test_files_the_cache_did_not_write_are_never_counted_nor_removed(folder):
    folder.mkdir(parents=True)
    mine = [folder / "notes.txt", folder / ("f" * 64 + ".nq.bak"), folder / "a.nq"]
    for path in mine:
        path.write_bytes(b"y" * 500)
    (folder / "sub").mkdir()
    _entry(folder, "a", 100, 1000)
    assert store_cache.usage().entries == 1
    store_cache.prune(limit=0)
    store_cache.clear()
    assert all(p.read_bytes() == b"y" * 500 for p in mine) and (folder / "sub").is_dir()


def test_a_stale_temporary_file_is_removed_and_a_fresh_one_kept(folder):
    folder.mkdir(parents=True)
    stale, fresh = folder / "tmpabc123.tmp", folder / "tmpdef456.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"half")
    hour_ago = time.time() - store_cache.STALE_TEMP_SECONDS - 60
    os.utime(stale, (hour_ago, hour_ago))
    assert store_cache.prune() == 1
    assert not stale.exists() and fresh.exists()


def test_a_reader_that_opened_an_entry_reads_it_whole_while_it_is_pruned(folder):
    path = _entry(folder, "a", 1 << 20, 1000)
    with open(path, "rb") as reading:
        head = reading.read(10)
        store_cache.prune(limit=0)
        assert not path.exists()
        assert len(head + reading.read()) == 1 << 20


WRITER = """
import sys
from beleidstheorie.graph.stores import cache
for n in range(int(sys.argv[1])):
    cache.remember("a" * 64, bytes([65 + n % 26]) * (1 << 18))
    cache.remember("b" * 64, bytes([65 + n % 26]) * (1 << 18))
"""


def test_a_concurrent_reader_never_sees_a_half_written_entry(folder, monkeypatch):
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_MAX_MB", "0.3")  # room for one entry: every write prunes
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, "300"], env=env)
    seen = 0
    try:
        while writer.poll() is None:
            for letter in "ab":
                found = store_cache.lookup(letter * 64)
                if found is None:
                    continue
                try:
                    data = found.read_bytes()
                except FileNotFoundError:
                    continue  # pruned between lookup and read: a miss, as the loader treats it
                assert len(data) == 1 << 18 and data == data[:1] * len(data)
                seen += 1
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0
    assert seen > 0
    assert store_cache.usage().entries == 1


@pytest.mark.parametrize("raw", ["", "abc", "nan", "inf", "-5"])
def test_an_unusable_bound_falls_back_to_the_default(monkeypatch, raw):
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_MAX_MB", raw)
    assert store_cache.max_bytes() == store_cache.DEFAULT_MAX_MB * 1_000_000


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_pruned_entry_is_simply_made_again(folder, monkeypatch):
    first = _cli("--quiet", "score", str(EXAMPLE))
    assert store_cache.usage().entries >= 3  # the store, its validity, the output
    monkeypatch.setenv("BELEIDSTHEORIE_CACHE_MAX_MB", "0")  # keep only the entry just written
    assert _cli("--quiet", "score", "--format", "json", str(EXAMPLE))
    assert store_cache.usage().entries == 1
    assert _cli("--quiet", "score", str(EXAMPLE)) == first
    monkeypatch.delenv("BELEIDSTHEORIE_CACHE_MAX_MB")
    assert _cli("--quiet", "score", str(EXAMPLE)) == first


def test_the_cache_command_shows_and_clears(folder):
    _cli("--quiet", "score", str(EXAMPLE))
    held = store_cache.usage()
    shown = _cli("cache")
    assert f"cache {folder}: {held.entries} entries" in shown and "1024.0 MB" in shown
    cleared = _cli("cache", "--clear")
    assert f"cleared cache {folder}: {held.entries} entries" in cleared
    assert store_cache.usage().entries == 0
    assert f"cache {folder}: 0 entries, 0.0 MB" in _cli("cache")


def test_the_cache_command_when_it_is_off(monkeypatch):
    monkeypatch.setenv("BELEIDSTHEORIE_NO_CACHE", "1")
    assert "switched off" in _cli("cache") and "switched off" in _cli("cache", "--clear")


def test_a_replayed_output_imports_the_cache_folder_not_the_stores():
    code = (
        "import sys\n"
        "import beleidstheorie.cli, beleidstheorie.cli.result_cache\n"
        "print(sorted(m for m in ('pyoxigraph', 'beleidstheorie.graph.stores') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
