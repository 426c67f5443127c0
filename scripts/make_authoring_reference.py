"""Regenerate docs/authoring.md from the pydantic models.

    python scripts/make_authoring_reference.py           # print it
    python scripts/make_authoring_reference.py --check   # exit 1 if docs/authoring.md is not current
    python scripts/make_authoring_reference.py --write   # write docs/authoring.md

tests/authoring/test_schema.py checks that the committed file is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

from beleidstheorie.authoring.schema import authoring_reference

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _markers import main

    sys.exit(main(__doc__, ROOT / "docs" / "authoring.md", lambda _current: authoring_reference()))
