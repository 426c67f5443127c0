"""The page as one self-contained HTML file: the data, vis-network and the page's own assets inlined.

The page's JavaScript is several files in ``assets/js`` (see ``JS_PARTS``), joined at build time
into one function scope, so the page stays one file with one application script under its CSP.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from beleidstheorie.graph.load import Theory
from beleidstheorie.io.files import atomic_write
from beleidstheorie.reasoning.analysis.next import NextResult
from beleidstheorie.reasoning.result import ScoreResult
from beleidstheorie.resources import package_path
from beleidstheorie.views.page.data import page_data
from beleidstheorie.views.page.network import vis_asset

JS_PARTS = ("core", "url", "layers", "groups", "routes", "controls", "export", "tables", "panel", "main")
"""The page's script files in the order they are joined (``assets/js/<name>.js``)."""


def _asset(name: str) -> str:
    return package_path("views", "page", "assets", name).read_text(encoding="utf-8")


def app_script() -> str:
    """The page's JavaScript: every part of ``JS_PARTS`` inside one strict function scope.

    >>> script = app_script()
    >>> script.startswith("(function () {") and script.rstrip().endswith("})();")
    True
    """
    parts = [f"// -- {name}.js\n" + _asset(f"js/{name}.js") for name in JS_PARTS]
    return '(function () {\n  "use strict";\n' + "\n".join(parts) + "})();\n"


def _json_for_html(data: Any) -> str:
    """JSON that is safe inside a <script> block: no '<', '>' or '&' survive literally.

    >>> _json_for_html({"a": "</script><b>&"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def interactive_html(
    theory: Theory,
    *,
    result: ScoreResult | None = None,
    results_by_round: dict[str, ScoreResult] | None = None,
    lang: str = "nl",
    physics: bool = False,
    next_result: NextResult | None = None,
) -> str:
    """The interactive page as one self-contained HTML text (no I/O besides package files).

    ``next_result`` (one round's ``next_measurements``) adds what to measure next to the panels.
    """
    data = page_data(
        theory,
        result=result,
        results_by_round=results_by_round,
        lang=lang,
        physics=physics,
        next_result=next_result,
    )
    parts = {
        "LANG": "en" if lang == "en" else "nl",
        "TITLE": html.escape(data["title"]),
        "VIS_CSS": vis_asset("vis-network.css"),
        "PAGE_CSS": _asset("page.css"),
        "DATA": _json_for_html(data),
        "VIS_JS": vis_asset("vis-network.min.js"),
        "APP_JS": app_script(),
    }
    # one pass, so nothing inserted is ever scanned for markers again
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _asset("page.html"))


def write_interactive(
    theory: Theory,
    output: Path,
    *,
    result: ScoreResult | None = None,
    results_by_round: dict[str, ScoreResult] | None = None,
    lang: str = "nl",
    physics: bool = False,
    next_result: NextResult | None = None,
) -> Path:
    """Write the interactive page to ``output`` (one offline HTML file); see :func:`interactive_html`.

    >>> import tempfile
    >>> from beleidstheorie.graph.load import load_theory
    >>> out = write_interactive(load_theory(EXAMPLE), Path(tempfile.mkdtemp()) / "t.html")
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    output = Path(output)
    text = interactive_html(
        theory,
        result=result,
        results_by_round=results_by_round,
        lang=lang,
        physics=physics,
        next_result=next_result,
    )
    atomic_write(output, text)
    return output
