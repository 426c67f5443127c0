"""The numbered links of the samenhang figure and the key beneath it.

Every typed link between initiatives gets a number, drawn on the edge together
with the letter of its type (``3B``: link 3, type B). The number is a small node
of its own that splits the edge in two, so that ``dot`` routes every other edge
around it as around any box. The key under the figure
lists each number with its initiatives, its type (letter and name) and where
the report says so, so no reader has to tell ten link types apart by colour or
dash, or follow a line through the figure.

>>> from beleidstheorie.graph.load import load_theory
>>> from beleidstheorie.views.structure import read_structure
>>> s = read_structure(load_theory(EXAMPLE).store)
>>> [(n, letter, link.type) for n, letter, link in numbered_links(s)]
[(1, 'D', 'refers-to')]
"""

from __future__ import annotations

from beleidstheorie.views.dotparts import edge_attrs, html_text
from beleidstheorie.views.initiative_column import number_key
from beleidstheorie.views.palette import LINK_STYLES, LineStyle
from beleidstheorie.views.structure import Initiative, Link, Structure
from beleidstheorie.views.wording import word, wrap

KEY = "samenhang/key"
LABEL_PT = "9"  # the point size of a link's number
LETTERS = {t: chr(ord("A") + i) for i, t in enumerate(LINK_STYLES)}
"""One letter per link type, in the legend's order (A ondersteunt, B volgt op, ...)."""

HEADERS = {
    "nl": ("Nr.", "Van", "Naar", "Soort", "Bron"),
    "en": ("No.", "From", "To", "Type", "Source"),
}
TITLE = {"nl": "Sleutel bij de genummerde verbanden", "en": "Key to the numbered links"}


def numbered_links(s: Structure) -> list[tuple[int, str, Link]]:
    """(number, type letter, link) for every typed link, by source then target in number order."""
    links = sorted(
        s.links,
        key=lambda k: (number_key(s.node(k.source)), number_key(s.node(k.target)), k.type),  # type: ignore[arg-type]
    )
    return [(n, LETTERS.get(k.type, "?"), k) for n, k in enumerate(links, start=1)]


def forward_links(s: Structure, links: list[Link]) -> list[bool]:
    """For each link in turn: whether it can be drawn from source to target without closing a cycle.

    The samenhang figure draws every link from the east side of its tail to the west side of its
    head, so that ``dot`` routes it between the columns and never through a box; that holds only
    when each edge runs to a later rank. A link that would close a cycle with the links before it
    (and the sub-lines' part-of edges) is drawn from target to source with its arrow at the tail.

    >>> from beleidstheorie.graph.load import load_theory
    >>> from dataclasses import replace
    >>> from beleidstheorie.views.structure import read_structure
    >>> s = read_structure(load_theory(EXAMPLE).store)
    >>> link = s.links[0]
    >>> forward_links(s, [link, replace(link, source=link.target, target=link.source)])
    [True, False]
    """
    after: dict[str, set[str]] = {}
    for i in s.initiatives:
        if i.parent:
            after.setdefault(i.iri, set()).add(i.parent)

    def reaches(a: str, b: str) -> bool:
        todo, seen = [a], {a}
        while todo:
            here = todo.pop()
            if here == b:
                return True
            for nxt in after.get(here, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    out = []
    for k in links:
        forward = not reaches(k.target, k.source)
        tail, head = (k.source, k.target) if forward else (k.target, k.source)
        after.setdefault(tail, set()).add(head)
        out.append(forward)
    return out


def edge_label(number: int, letter: str, colour: str) -> str:
    """The small framed label at an edge: its number and its type's letter."""
    return (
        f'<<TABLE BORDER="1" STYLE="rounded" CELLBORDER="0" CELLPADDING="1" CELLSPACING="0" '
        f'COLOR="{colour}" BGCOLOR="#ffffff"><TR><TD>'
        f'<FONT POINT-SIZE="{LABEL_PT}">{number}{letter}</FONT></TD></TR></TABLE>>'
    )


def link_node(number: int) -> str:
    """The DOT name of the node that carries link ``number``'s label.

    >>> link_node(3)
    'link/3'
    """
    return f"link/{number}"


def link_mark(number: int, letter: str, colour: str) -> dict[str, str]:
    """Attributes of the node that carries a link's number: just its framed label, no margin.

    Its ``fontsize`` is the label's own point size, which the print presets read as the
    smallest text of the figure.
    """
    label = edge_label(number, letter, colour)
    return {
        "label": label,
        "shape": "plaintext",
        "margin": "0",
        "width": "0",
        "height": "0",
        "fontsize": LABEL_PT,
    }


def link_segments(style: LineStyle, ahead: bool) -> tuple[dict[str, str], dict[str, str]]:
    """Attributes of the two edges of one numbered link: tail → number and number → head.

    The link is drawn from tail to head (``ahead``) or, where that would close a cycle, from head
    to tail with its arrow at the drawn tail; a symmetric type has its mark at both ends. The
    number between the two halves carries no arrow.

    >>> first, last = link_segments(LINK_STYLES["supports"], ahead=True)
    >>> first["dir"], last["dir"], last["arrowhead"]
    ('none', 'forward', 'normal')
    >>> first, last = link_segments(LINK_STYLES["supports"], ahead=False)
    >>> first["dir"], first["arrowtail"], last["dir"]
    ('back', 'normal', 'none')
    """
    line = {k: v for k, v in edge_attrs(style).items() if k not in ("arrowhead", "arrowtail", "dir")}
    at_tail, at_head = style.both_ends or not ahead, style.both_ends or ahead
    first = {**line, "dir": "back" if at_tail else "none", "arrowtail": style.arrowhead}
    last = {**line, "dir": "forward" if at_head else "none", "arrowhead": style.arrowhead}
    return first, last


def type_name(link_type: str, lang: str) -> str:
    """'B volgt op': the letter and the name of a link type."""
    return f"{LETTERS.get(link_type, '?')} {word(link_type, lang)}"


def _ini(node: Initiative) -> str:
    return "<BR/>".join(html_text(line) for line in wrap(f"{node.code} {node.label}", 30))


def key_table(s: Structure, lang: str = "nl") -> str:
    """The HTML-like label of the key: number, from, to, type and source of every link."""
    heads = HEADERS["en" if lang == "en" else "nl"]
    cells = "".join(f'<TD ALIGN="LEFT"><B>{html_text(h)}</B></TD>' for h in heads)
    title = html_text(TITLE["en" if lang == "en" else "nl"])
    rows = [f'<TR><TD COLSPAN="5" ALIGN="LEFT"><B>{title}</B></TD></TR>', f"<TR>{cells}</TR>"]
    for n, letter, link in numbered_links(s):
        values = (
            f"{n}{letter}",
            _ini(s.node(link.source)),  # type: ignore[arg-type]
            _ini(s.node(link.target)),  # type: ignore[arg-type]
            html_text(type_name(link.type, lang)),
            html_text(link.reference),
        )
        first = f'<TD ALIGN="RIGHT">{values[0]}</TD>'
        rest = "".join(f'<TD ALIGN="LEFT">{v}</TD>' for v in values[1:])
        rows.append(f"<TR>{first}{rest}</TR>")
    return (
        '<<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" COLOR="#999999">'
        f"{''.join(rows)}</TABLE>>"
    )
