"""How the file readers are called: the path by position or by name, the limit only by name.

The limit is keyword-only (a bare number after the path would not say what it limits at
the call site); the path is an ordinary parameter that a caller may name.
"""

from __future__ import annotations

import pytest

from beleidstheorie.errors import LoadError
from beleidstheorie.io.files import read_bytes_file, read_text_file


@pytest.mark.parametrize("read", [read_bytes_file, read_text_file])
def test_the_path_may_be_named(tmp_path, read):
    path = tmp_path / "t.yaml"
    path.write_bytes(b"a: 1\n")
    expected = b"a: 1\n" if read is read_bytes_file else "a: 1\n"
    assert read(path=path) == expected
    assert read(path=str(path), limit=5) == expected
    with pytest.raises(LoadError, match=r"t\.yaml"):
        read(path=path, limit=4)


@pytest.mark.parametrize("read", [read_bytes_file, read_text_file])
def test_the_limit_cannot_be_given_by_position(tmp_path, read):
    path = tmp_path / "t.yaml"
    path.write_bytes(b"a: 1\n")
    with pytest.raises(TypeError, match="positional argument"):
        read(path, 4)
