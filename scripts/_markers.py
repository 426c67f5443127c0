"""Replace generated sections of a Markdown file, marked <!-- BEGIN name --> ... <!-- END name -->."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path


def replace_sections(text: str, generated: dict[str, str]) -> str:
    """``text`` with every named section replaced by its generated content."""
    for name, content in generated.items():
        pattern = re.compile(rf"(<!-- BEGIN {name} -->\n).*?(<!-- END {name} -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"no section {name!r} to replace")
        text = pattern.sub(lambda m, c=content: m.group(1) + c + "\n" + m.group(2), text)
    return text


def main(doc: str | None, path: Path, render: Callable[[str], str], argv: list[str] | None = None) -> int:
    """The command line of a generator script: print, ``--check`` or ``--write`` ``path``.

    ``render`` maps the file's current text to the text it should have (a whole generated
    file ignores its argument; a file with generated sections replaces only those).
    ``--check`` exits 1 naming the file when it is out of date, and writes nothing.
    """
    summary, _, usage = (doc or "").partition("\n\n")
    parser = argparse.ArgumentParser(
        description=summary.strip(),
        epilog=usage.rstrip() or None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"write {path.name}")
    mode.add_argument("--check", action="store_true", help=f"exit 1 if {path.name} is not current")
    args = parser.parse_args(argv)
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    wanted = render(current)
    if args.write:
        path.write_text(wanted, encoding="utf-8")
    elif args.check:
        if wanted != current:
            print(f"{path}: out of date; run: python {Path(sys.argv[0]).name} --write", file=sys.stderr)
            return 1
        print(f"{path}: current")
    else:
        sys.stdout.write(wanted)
    return 0
