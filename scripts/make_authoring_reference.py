"""Regenerate docs/authoring.md from the pydantic models.

    python scripts/make_authoring_reference.py           # print it
    python scripts/make_authoring_reference.py --write   # write docs/authoring.md

tests/authoring/test_schema.py checks that the committed file is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

from beleidstheorie.authoring.schema import authoring_reference

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    text = authoring_reference()
    if "--write" in sys.argv:
        (ROOT / "docs" / "authoring.md").write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
