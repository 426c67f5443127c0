"""Replace generated sections of a Markdown file, marked <!-- BEGIN name --> ... <!-- END name -->."""

from __future__ import annotations

import re
from pathlib import Path


def replace_sections(text: str, generated: dict[str, str]) -> str:
    """``text`` with every named section replaced by its generated content."""
    for name, content in generated.items():
        pattern = re.compile(rf"(<!-- BEGIN {name} -->\n).*?(<!-- END {name} -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"no section {name!r} to replace")
        text = pattern.sub(lambda m, c=content: m.group(1) + c + "\n" + m.group(2), text)
    return text


def write_or_print(path: Path, generated: dict[str, str], argv: list[str]) -> None:
    """With ``--write`` in ``argv`` replace the sections in ``path``, else print them."""
    if "--write" in argv:
        path.write_text(replace_sections(path.read_text(encoding="utf-8"), generated), encoding="utf-8")
    else:
        for name, content in generated.items():
            print(f"== {name}\n{content}\n")
