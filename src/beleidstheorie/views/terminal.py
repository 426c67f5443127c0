"""Text for a terminal: control characters from the data are shown, never obeyed.

A label holding an escape sequence (``\\x1b]0;…``, ``\\x1b[2J``), a carriage
return that overwrites the line, a backspace, or a bidirectional override that
reorders what is shown could make a terminal print something other than the
data. :func:`printable` writes each such character as a visible escape;
newlines and tabs stay.

>>> printable("Maatwerk\\x1b[2J\\rnep\\u202e")
'Maatwerk\\\\x1b[2J\\\\rnep\\\\u202e'
>>> printable("regel 1\\n\\tregel 2")
'regel 1\\n\\tregel 2'
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\r": "\\r", "\b": "\\b", "\f": "\\f", "\v": "\\v", "\x00": "\\0"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control and direction-override character written as an escape."""
    return _UNSAFE.sub(_escape, text)
