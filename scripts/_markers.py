"""Replace generated sections of a Markdown file, marked <!-- BEGIN name --> ... <!-- END name -->."""

from __future__ import annotations

import re


def replace_sections(text: str, generated: dict[str, str]) -> str:
    """``text`` with every named section replaced by its generated content."""
    for name, content in generated.items():
        pattern = re.compile(rf"(<!-- BEGIN {name} -->\n).*?(<!-- END {name} -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"no section {name!r} to replace")
        text = pattern.sub(lambda m, c=content: m.group(1) + c + "\n" + m.group(2), text)
    return text
