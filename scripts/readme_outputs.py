"""Regenerate the real command output shown in README.md.

    python scripts/readme_outputs.py           # print README.md with the sections regenerated
    python scripts/readme_outputs.py --check   # exit 1 if README.md is not current
    python scripts/readme_outputs.py --write   # replace the sections in README.md

Sections sit between <!-- BEGIN name --> and <!-- END name --> markers.
tests/test_readme.py checks that the command outputs are current; the
benchmark table is copied from benchmarks/results.md (written by `make bench`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _markers import main, replace_sections

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).with_name("beleidstheorie")
EXPLAIN_LINES = 17

COMMANDS = {
    "score": (["score", "intensiveringsaanpak"], None),
    "explain": (["explain", "knelpunten-agenderen", "intensiveringsaanpak"], EXPLAIN_LINES),
}


def command_block(args: list[str], lines: int | None) -> str:
    out = subprocess.run([str(EXE), *args], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    text = out.rstrip("\n").splitlines()
    if lines is not None and len(text) > lines:
        text = [*text[:lines], "..."]
    return "```text\n$ beleidstheorie " + " ".join(args) + "\n" + "\n".join(text) + "\n```"


def sections(include_bench: bool = True) -> dict[str, str]:
    """The generated README sections by name."""
    out = {name: command_block(args, lines) for name, (args, lines) in COMMANDS.items()}
    if include_bench:
        out["bench"] = (ROOT / "benchmarks" / "results.md").read_text(encoding="utf-8").rstrip("\n")
        out["bench-inference"] = (
            (ROOT / "benchmarks" / "inference_results.md").read_text(encoding="utf-8").rstrip("\n")
        )
    return out


update = replace_sections


if __name__ == "__main__":
    sys.exit(main(__doc__, ROOT / "README.md", lambda text: replace_sections(text, sections())))
