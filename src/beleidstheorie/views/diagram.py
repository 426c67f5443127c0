"""Graphviz diagrams of a policy theory, as the evaluation report draws them.

Three kinds of diagram, each a function of the theory's structure (read with
SPARQL, see :mod:`beleidstheorie.views.structure`) and optionally a score result:

``schema``
    the beleidstheorie of section 1.3: Input → Activiteiten → Werkzame
    mechanismen (grouped per sub-goal) → Subdoelen → Hoofddoel, with the context
    factors of the three levels in a band beneath.
``samenhang``
    figure 2.2: initiatives and their typed links. Linked initiatives are
    grouped in one box per penvoerder (lead organisation) of their top-level
    initiative; an initiative with sub-lines counts as one unit, linked when any
    of its lines has a link. Units without any link sit apart in the box
    "Geen directe samenhang", as in the report.
``initiative``
    the appendix figure of one initiative: the initiative and its links →
    beoogd resultaat → werkzame mechanismen → subdoelen.

With a :class:`~beleidstheorie.reasoning.result.ScoreResult` mechanisms,
sub-goals and the main goal (in samenhang: the initiatives) are drawn in the
one grammar of verdicts (:mod:`beleidstheorie.views.grammar`): filled by score
only where the own evidence suffices, a mark of their own otherwise, the
engine's notes as numbered footnotes in the legend.

>>> from beleidstheorie.graph.load import load_theory
>>> source = diagram_source(load_theory(EXAMPLE), "schema")
>>> "cluster_col_mechanisms" in source and "cluster_context" in source
True
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import graphviz

from beleidstheorie.errors import NotFoundError, RenderError, problem
from beleidstheorie.graph.load import Theory
from beleidstheorie.io.files import atomic_write, os_problem
from beleidstheorie.messages import message
from beleidstheorie.reasoning.result import NodeScore, ScoreResult
from beleidstheorie.views import grammar, paper
from beleidstheorie.views.dotparts import (
    EvidenceLegend,
    add_legend,
    chain,
    column_attrs,
    dot_text,
    edge_attrs,
    kind_attrs,
    new_graph,
    node_attrs,
    same_rank,
    wrapped,
)
from beleidstheorie.views.initiative_column import (
    COLUMN,
    GROUP_ABOVE,
    column_label,
    endpoint,
    feeding_initiatives,
    group_edges,
    group_of,
    grouped_label,
)
from beleidstheorie.views.palette import CONTRIBUTION_STYLES, LINK_STYLES, STRUCTURE_EDGE
from beleidstheorie.views.samenhang_key import (
    KEY,
    forward_links,
    key_table,
    link_mark,
    link_node,
    link_segments,
    numbered_links,
    type_name,
)
from beleidstheorie.views.sheet import evidence_rows, evidence_table, sheet_word, target_rows, targets_table
from beleidstheorie.views.structure import (
    CONTEXT_LEVELS,
    Contribution,
    Initiative,
    Node,
    Structure,
    read_structure,
)
from beleidstheorie.views.wording import word, wrap

DIAGRAM_KINDS = ("schema", "samenhang", "initiative")
FORMATS = ("svg", "png", "pdf", "dot")
UNLINKED = "cluster_unlinked"
PORTS = {"tailport": "e", "headport": "w"}  # samenhang edges: out east, in west (rankdir LR)
GRID = 3  # columns of the "Geen directe samenhang" box

Scores = dict[str, NodeScore]


def node_id(node: Node) -> str:
    """The DOT name of a node: its kind and key (unique within a theory).

    >>> node_id(Node(iri="x", key="maatwerk", kind="mechanism", label="Maatwerk"))
    'mechanism/maatwerk'
    """
    return f"{node.kind}/{node.key}"


def _scores(result: ScoreResult | None) -> Scores:
    if result is None:
        return {}
    nodes = (result.main_goal, *result.subgoals, *result.mechanisms, *result.initiatives)
    return {n.id: n for n in nodes}


def _round(s: Structure, result: ScoreResult | None) -> str | None:
    return None if result is None else s.round_label(result.round, result.round_label)


def _evidence(
    s: Structure, result: ScoreResult | None, scores: Scores, drawn: list[Node]
) -> EvidenceLegend | None:
    """The legend of the verdicts and engine notes on the ``drawn`` nodes."""
    if result is None:
        return None
    nodes = [scores[n.iri] for n in drawn if n.iri in scores]
    return EvidenceLegend.of(s.round_label(result.round, result.round_label), nodes, grammar.footnotes(nodes))


def _ini_lines(ini: Initiative, width: int = 28) -> list[str]:
    return wrap(f"{ini.code} {ini.label}", width)


def _add(
    g: graphviz.Digraph, node: Node, lines: list[str], score: NodeScore | None, lang: str, **extra: str
) -> str:
    name = node_id(node)
    g.node(name, **{**node_attrs(node.kind, lines, score, lang), **extra})
    return name


def _contribution_edge(
    g: graphviz.Digraph, tail: str, head: str, c: Contribution, lang: str, labelled: bool, **extra: str
) -> None:
    attrs = edge_attrs(CONTRIBUTION_STYLES[c.provenance])
    if labelled:
        attrs["label"] = dot_text([f"{word(c.provenance + '_short', lang)}, {word(c.strength, lang)}"])
    g.edge(tail, head, **attrs, **extra)


def _draws(s: Structure, kind: str) -> bool:
    return bool({"input": s.inputs, "context": s.context_factors}.get(kind, True))


def _contribution_legend(s: Structure, lang: str) -> list:
    used = sorted({c.provenance for c in s.contributions}, key=["stated", "inferred"].index)
    return [(CONTRIBUTION_STYLES[p], word(p, lang)) for p in used]


# -- schema ----------------------------------------------------------------------------
def _schema(
    s: Structure,
    scores: Scores,
    result: ScoreResult | None,
    lang: str,
    expand: bool = False,
    group_above: int = GROUP_ABOVE,
) -> graphviz.Digraph:
    g = new_graph("schema", s.label)
    columns: list[list[str]] = []
    # dot stacks unconnected parts bottom-up in the order they are declared:
    # declared first, the context band ends up beneath and the legend under the goals
    _context_band(g, s, lang)
    evidence = _evidence(s, result, scores, [s.main_goal, *s.subgoals, *s.mechanisms])
    kinds = ["input", "initiative", "context"]
    if evidence is None:
        kinds[2:2] = ["mechanism", "subgoal", "main_goal"]
    left, right = add_legend(
        g,
        lang,
        kinds=[k for k in kinds if _draws(s, k)],
        edges=_contribution_legend(s, lang),
        evidence=evidence,
    )

    with g.subgraph(name="cluster_col_input") as c:
        c.attr(**column_attrs(word("input", lang)))
        columns.append([_add(c, n, wrap(n.label), None, lang) for n in s.inputs])

    grouped = not expand and len(s.initiatives) > group_above
    with g.subgraph(name="cluster_col_initiatives") as c:
        c.attr(**column_attrs(word("initiatives", lang)))
        if grouped:  # one counted group per sub-goal: 200 boxes are not readable
            names = [group_of(sg.key) for sg in s.subgoals if feeding_initiatives(s, sg)]
            for sg in s.subgoals:
                if feeding_initiatives(s, sg):
                    label = f"<{grouped_label(s, sg, lang)}>"
                    c.node(group_of(sg.key), label=label, **{**kind_attrs("initiative"), "shape": "box"})
            columns.append(names)
        elif s.initiatives:  # one table, so that the column reads in number order
            c.node(COLUMN, label=column_label(s, s.initiatives), shape="plaintext", margin="0")
            columns.append([COLUMN])
        else:
            columns.append([])

    with g.subgraph(name="cluster_col_mechanisms") as c:
        c.attr(**column_attrs(word("mechanisms", lang)))
        names = []
        for sg in s.subgoals:
            with c.subgraph(name=f"cluster_mechanisms_{sg.key}") as m:
                m.attr(
                    label=dot_text(wrap(sg.label, 30)),
                    fontsize="11",
                    style="rounded",
                    color="#a15c00",
                    margin="8",
                )
                names += [_add(m, n, wrap(n.label), scores.get(n.iri), lang) for n in s.mechanisms_of(sg)]
        columns.append(names)

    with g.subgraph(name="cluster_col_subgoals") as c:
        c.attr(**column_attrs(word("subgoals", lang)))
        columns.append([_add(c, n, wrap(n.label), scores.get(n.iri), lang) for n in s.subgoals])

    with g.subgraph(name="cluster_col_main_goal") as c:
        c.attr(**column_attrs(word("main_goal", lang)))
        goal = s.main_goal
        columns.append([_add(c, goal, wrap(goal.label, 34), scores.get(goal.iri), lang)])

    columns = [col for col in columns if col]
    for col in columns:
        same_rank(g, col)
    chain(g, [col[0] for col in columns])  # keeps the columns in order even without edges

    for n in s.inputs:
        if columns[1:] and s.initiatives:
            head = columns[1][len(columns[1]) // 2] if grouped else COLUMN
            g.edge(node_id(n), head, lhead="cluster_col_initiatives", **edge_attrs(STRUCTURE_EDGE))
    if grouped:
        for sg in s.subgoals:
            for mech, n, stated in group_edges(s, sg):
                style = CONTRIBUTION_STYLES["stated" if stated else "inferred"]
                width = f"{min(1.0 + n / 8, 6.0):.1f}"
                g.edge(
                    group_of(sg.key),
                    node_id(s.node(mech)),
                    label=str(n),
                    **{**edge_attrs(style), "penwidth": width},
                )
    else:
        for con in s.contributions:
            tail = endpoint(s.node(con.initiative))  # type: ignore[arg-type]
            _contribution_edge(g, tail, node_id(s.node(con.mechanism)), con, lang, labelled=False)
    for m in s.mechanisms:
        g.edge(node_id(m), node_id(s.node(m.subgoal)), **edge_attrs(STRUCTURE_EDGE))
    for sg in s.subgoals:
        g.edge(node_id(sg), node_id(s.main_goal), **edge_attrs(STRUCTURE_EDGE))

    if len(columns) >= 2:
        same_rank(g, [*columns[-2], *left])
        same_rank(g, [*columns[-1], *right])
    return g


def _context_band(g: graphviz.Digraph, s: Structure, lang: str) -> None:
    """The context factors in three rows (one per level) beneath the columns."""
    if not s.context_factors:
        return
    with g.subgraph(name="cluster_context") as c:
        c.attr(**column_attrs(word("context", lang)))
        c.attr(style="rounded,filled", fillcolor="#fbf9f3")
        for level in CONTEXT_LEVELS:
            factors = s.context_at(level)
            if not factors:
                continue
            with c.subgraph(name=f"cluster_context_{level}") as row:
                row.attr(
                    label=dot_text([word(level, lang)]),
                    labelloc="t",
                    labeljust="l",
                    fontsize="12",
                    style="rounded",
                    color="#b5a582",
                )
                names = [_add(row, f, wrap(f.label, 30), None, lang) for f in factors]
                chain(row, names)


# -- samenhang ---------------------------------------------------------------------------
def linked_units(s: Structure) -> tuple[list[Initiative], list[Initiative]]:
    """Top-level initiatives split in (linked, unlinked) units.

    A unit is an initiative with its sub-lines; it is linked when a typed link
    touches any of its lines.

    >>> from beleidstheorie.graph.load import load_theory
    >>> linked, unlinked = linked_units(read_structure(load_theory(EXAMPLE).store))
    >>> [i.key for i in linked], [i.key for i in unlinked]
    (['buurtkamer', 'belcirkel'], ['burenhulp-training'])
    """
    touched = {k.source for k in s.links} | {k.target for k in s.links}
    linked: list[Initiative] = []
    unlinked: list[Initiative] = []
    for ini in (i for i in s.initiatives if i.parent is None):
        unit = s.family(ini)
        (linked if any(i.iri in touched for i in unit) else unlinked).append(ini)
    return linked, unlinked


def header_width(lines: list[str], fontsize: float = 11) -> float:
    """A generous width in inches of a plaintext node of these lines (0.6 em a character).

    >>> round(header_width(["Nibud"]), 2)
    0.68
    """
    return (0.6 * fontsize * max(len(line) for line in lines) + 16) / 72


def _samenhang(s: Structure, scores: Scores, result: ScoreResult | None, lang: str) -> graphviz.Digraph:
    g = new_graph("samenhang", s.label)
    g.attr(ranksep="0.7")
    linked, unlinked = linked_units(s)
    subs = [i for i in s.initiatives if i.parent]
    types = [t for t in LINK_STYLES if any(k.type == t for k in s.links)]
    if subs:
        types.append("part-of")
    # declared first, so that dot stacks the legend beneath the rest (see _schema)
    evidence = _evidence(s, result, scores, list(s.initiatives))
    numbered = numbered_links(s)
    if numbered:
        g.node(KEY, label=key_table(s, lang), shape="plaintext")
    _, legend_right = add_legend(
        g,
        lang,
        kinds=[] if evidence else ["initiative"],
        edges=[(LINK_STYLES[t], type_name(t, lang)) for t in types],
        evidence=evidence,
        notes=[word("cluster_penvoerder", lang)],
    )
    if numbered and legend_right:
        # the key in a rank of its own, right of the legend: in the legend's ranks its width would
        # set theirs, and stretch every sample line of the legend across it
        g.edge(legend_right[0], KEY, style="invis")

    def draw(target: graphviz.Digraph, top: Initiative, **extra: str) -> list[str]:
        return [_add(target, i, _ini_lines(i, 24), scores.get(i.iri), lang, **extra) for i in s.family(top)]

    if unlinked:
        with g.subgraph(name=UNLINKED) as c:
            c.attr(**column_attrs(word("no_links", lang)))
            names = [name for unit in unlinked for name in draw(c, unit)]
            for row in range(0, len(names), GRID):
                chain(c, names[row : row + GRID])

    by_org: dict[str, list[Initiative]] = {}
    for ini in linked:
        by_org.setdefault(ini.penvoerder or "", []).append(ini)
    for k, (org, units) in enumerate(by_org.items()):
        if not org:
            for unit in units:
                draw(g, unit)
            continue
        with g.subgraph(name=f"cluster_org_{k}") as c:
            # the penvoerder's name is a node, not the cluster's label: dot routes
            # edges around nodes, but straight through a cluster's label
            c.attr(label="", style="rounded,filled", fillcolor="#f4f7fb", color="#7f9fbf", margin="8")
            header = f"org/{k}"
            lines = wrap(units[0].penvoerder_label, 24)
            c.node(header, label=dot_text(lines), shape="plaintext", fontsize="11", height="0.2")
            # members at least as wide as the header: a header that overhangs the box beneath it
            # lies in the way of an edge to that box's west side
            wide = {"width": f"{header_width(lines):.2f}"}
            names = [name for unit in units for name in draw(c, unit, **wide)]
            # declared first in its rank, the header sits above the first member; an invisible
            # flat edge to say so made dot's router fail at 200 initiatives ("lost ... edge")
            same_rank(c, [header, names[0]])

    # every edge leaves its tail's east side and enters its head's west side (LR), so dot routes
    # it between the columns, never through a box or a penvoerder's header; an edge that would
    # close a cycle is drawn backwards with its arrow at the tail, so each edge runs to a later rank
    forward = forward_links(s, [link for _, _, link in numbered])
    for (number, letter, link), ahead in zip(numbered, forward, strict=True):
        style = LINK_STYLES.get(link.type, LINK_STYLES["supports"])
        ends = (node_id(s.node(link.source)), node_id(s.node(link.target)))
        if not ahead:
            ends = ends[::-1]
        # the number is a node of its own that splits the edge in two: dot's router keeps every
        # edge out of a node's box, but not out of another edge's label (it did at 80+ initiatives)
        mark = link_node(number)
        g.node(mark, **link_mark(number, letter, style.colour))
        first, last = link_segments(style, ahead)
        g.edge(ends[0], mark, **PORTS, **first)
        g.edge(mark, ends[1], **PORTS, **last)
    for sub in subs:
        parent = node_id(s.node(sub.parent))  # type: ignore[arg-type]
        g.edge(node_id(sub), parent, **PORTS, **edge_attrs(LINK_STYLES["part-of"]))

    return g


# -- one initiative --------------------------------------------------------------------
def _initiative(
    s: Structure,
    name: str,
    scores: Scores,
    lang: str,
    result: ScoreResult | None,
    theory: Theory | None = None,
) -> graphviz.Digraph:
    focal = s.find_initiative(name)
    members = (focal, *s.action_lines(focal))
    g = new_graph("initiative", f"{focal.code} {focal.label}")
    columns: list[list[str]] = [[], [], [], []]
    shown_iris = {m.iri for m in members} | ({focal.parent} if focal.parent else set())
    shown_iris |= {x for m in members for k in s.links_of(m) for x in (k.source, k.target)}
    types = {k.type for k in s.links if k.source in shown_iris and k.target in shown_iris}
    if any(i.parent in shown_iris and i.iri in shown_iris for i in s.initiatives):
        types.add("part-of")
    used = {c.provenance for m in members for c in s.contributions_of(m)}
    edges = [(CONTRIBUTION_STYLES[p], word(p, lang)) for p in ("stated", "inferred") if p in used]
    edges += [(LINK_STYLES[t], word(t, lang)) for t in LINK_STYLES if t in types]
    notes = [word("linked_initiative", lang)] if len(shown_iris) > len(members) else []
    mechs = [
        m for m in s.mechanisms if any(c.mechanism == m.iri for i in members for c in s.contributions_of(i))
    ]
    subgoals = [sg for sg in s.subgoals if any(m.subgoal == sg.iri for m in mechs)]
    evidence = _evidence(s, result, scores, [*members, *mechs, *subgoals])
    _, legend_right = add_legend(g, lang, edges=edges, evidence=evidence, notes=notes)  # first: beneath

    with g.subgraph(name="cluster_col_initiative") as c:
        c.attr(**column_attrs(word("initiative_links", lang)))
        for i in members:
            columns[0].append(
                _add(c, i, _ini_lines(i), scores.get(i.iri), lang, penwidth="2.6" if i is focal else "1.2")
            )
        for other in (i for i in s.initiatives if i.iri in shown_iris and i not in members):
            # a pale box, not a dashed one: dashes mean 'onvoldoende bewijs'
            columns[0].append(
                _add(c, other, _ini_lines(other), None, lang, fillcolor="#ffffff", fontcolor="#444444")
            )

    with g.subgraph(name="cluster_col_result") as c:
        c.attr(**column_attrs(word("result", lang)))
        for i in members:
            with c.subgraph(name=f"cluster_result_{i.key}") as r:
                r.attr(
                    label=dot_text(wrap(i.label, 40)) if len(members) > 1 else "",
                    style="rounded" if len(members) > 1 else "invis",
                    color="#aaaaaa",
                    fontsize="10",
                )
                lines = [f"result/{i.key}/effect"]
                r.node(
                    lines[0],
                    label=wrapped(i.description or i.label, 44),
                    shape="box",
                    style="filled",
                    fillcolor="#ffffff",
                    color="#555555",
                )
                for j, out in enumerate(i.outputs):
                    lines.append(f"result/{i.key}/output/{j}")
                    r.node(
                        lines[-1],
                        label=wrapped(f"• {out}", 44),
                        shape="box",
                        style="rounded",
                        color="#999999",
                        fontsize="10",
                    )
                columns[1] += lines
        if theory is not None and result is not None:
            rows = evidence_rows(theory, result, focal.key, lang)
            if rows:
                c.node(
                    "sheet/evidence",
                    label=evidence_table(rows, _round(s, result) or "", lang),
                    shape="plaintext",
                )
                columns[1].append("sheet/evidence")
            targets = target_rows(theory, focal.key, lang)
            if targets:
                c.node("sheet/targets", label=targets_table(targets, lang), shape="plaintext")
                columns[1].append("sheet/targets")

    with g.subgraph(name="cluster_col_mechanisms") as c:
        # with evidence the verdicts are the programme's, not this initiative's: say so
        c.attr(**column_attrs(sheet_word("programme", lang) if result else word("mechanisms", lang)))
        columns[2] = [_add(c, m, wrap(m.label), scores.get(m.iri), lang) for m in mechs]
    with g.subgraph(name="cluster_col_subgoals") as c:
        c.attr(**column_attrs(word("subgoals", lang)))
        columns[3] = [_add(c, sg, wrap(sg.label), scores.get(sg.iri), lang) for sg in subgoals]

    columns = [col for col in columns if col]
    # the legend's texts in the rank of the initiatives (its sample lines start one rank before):
    # in the ranks of the result column its evidence tables would stretch every sample line
    for k, col in enumerate(columns):
        same_rank(g, [*col, *legend_right] if k == 0 and legend_right else col)
    chain(g, [col[0] for col in columns])

    for i in members:
        g.edge(
            node_id(i),
            f"result/{i.key}/effect",
            lhead=f"cluster_result_{i.key}",
            **edge_attrs(STRUCTURE_EDGE),
        )
        for con in s.contributions_of(i):
            _contribution_edge(
                g,
                f"result/{i.key}/effect",
                node_id(s.node(con.mechanism)),
                con,
                lang,
                labelled=True,
                ltail=f"cluster_result_{i.key}",
            )
    for m in mechs:
        g.edge(node_id(m), node_id(s.node(m.subgoal)), **edge_attrs(STRUCTURE_EDGE))
    for link in s.links:
        if link.source in shown_iris and link.target in shown_iris:
            style = LINK_STYLES.get(link.type, LINK_STYLES["supports"])
            g.edge(node_id(s.node(link.source)), node_id(s.node(link.target)), **edge_attrs(style))
    for i in s.initiatives:
        if i.parent in shown_iris and i.iri in shown_iris:
            g.edge(node_id(i), node_id(s.node(i.parent)), **edge_attrs(LINK_STYLES["part-of"]))  # type: ignore[arg-type]
    return g


# -- public API ------------------------------------------------------------------------
def build_diagram(
    theory: Theory,
    kind: str,
    *,
    result: ScoreResult | None = None,
    lang: str = "nl",
    initiative: str | None = None,
    expand: bool = False,
    group_above: int = GROUP_ABOVE,
) -> graphviz.Digraph:
    """The graphviz graph of a diagram (see the module docstring for the kinds).

    Above ``group_above`` initiatives (default
    :data:`~beleidstheorie.views.initiative_column.GROUP_ABOVE`) the schema draws
    one counted group per sub-goal; ``expand=True`` draws every initiative.
    """
    structure = read_structure(theory.store, lang)
    scores = _scores(result)
    if kind == "schema":
        return _schema(structure, scores, result, lang, expand, group_above)
    if kind == "samenhang":
        return _samenhang(structure, scores, result, lang)
    if kind == "initiative":
        if not initiative:
            raise NotFoundError([problem("needs_initiative")])
        return _initiative(structure, initiative, scores, lang, result, theory)
    raise NotFoundError([problem("no_diagram_kind", kind=repr(kind), kinds=", ".join(DIAGRAM_KINDS))])


def diagram_source(
    theory: Theory,
    kind: str,
    *,
    result: ScoreResult | None = None,
    lang: str = "nl",
    initiative: str | None = None,
) -> str:
    """The DOT text of a diagram (no I/O).

    >>> from beleidstheorie.graph.load import load_theory
    >>> dot = diagram_source(load_theory(EXAMPLE), "initiative", initiative="belcirkel")
    >>> dot.startswith("digraph initiative {")
    True
    """
    return build_diagram(theory, kind, result=result, lang=lang, initiative=initiative).source


DOT_MISSING = message("dot_missing", "en")  # the wording lives in beleidstheorie.messages


def split_per_subgoal(s: Structure, lang: str = "nl") -> list[Structure]:
    """The schema's structure split in one part per sub-goal, and one for the context band.

    Each part has the sub-goal's mechanisms, the initiatives that contribute to
    them (with the initiative an action line belongs to), the sub-goal and the
    main goal; the last part has the context factors and the main goal.

    >>> from beleidstheorie.graph.load import load_theory
    >>> parts = split_per_subgoal(read_structure(load_theory(EXAMPLE).store))
    >>> [(len(p.subgoals), len(p.mechanisms), len(p.context_factors)) for p in parts]
    [(1, 2, 0), (1, 2, 0), (0, 0, 2)]
    """
    parts = []
    for n, sg in enumerate(s.subgoals, start=1):
        mechs = s.mechanisms_of(sg)
        iris = {m.iri for m in mechs}
        cons = tuple(c for c in s.contributions if c.mechanism in iris)
        feeding = {c.initiative for c in cons}
        feeding |= {i.parent for i in s.initiatives if i.iri in feeding and i.parent}
        title = f"{s.label} — {word('subgoal_n', lang, n=n)}: {sg.label}"
        parts.append(
            replace(
                s,
                label=title,
                initiatives=tuple(i for i in s.initiatives if i.iri in feeding),
                mechanisms=mechs,
                subgoals=(sg,),
                contributions=cons,
                context_factors=(),
            )
        )
    if s.context_factors:
        title = f"{s.label} — {word('context', lang)}"
        parts.append(
            replace(s, label=title, inputs=(), initiatives=(), mechanisms=(), subgoals=(), contributions=())
        )
    return parts


def diagram_pages(
    theory: Theory,
    kind: str,
    paper_name: str,
    *,
    landscape: bool = False,
    result: ScoreResult | None = None,
    lang: str = "nl",
    initiative: str | None = None,
    expand: bool = False,
) -> list[graphviz.Digraph]:
    """The graphs to print a diagram on ``paper_name``: the whole when it fits, else one per sub-goal.

    Only the schema splits (per sub-goal, each part with its title and legend);
    a part that still does not fit is tiled by :func:`beleidstheorie.views.paper.sheets`.
    """
    whole = build_diagram(theory, kind, result=result, lang=lang, initiative=initiative, expand=expand)
    if kind != "schema" or not paper.needs_split(whole, paper_name, landscape):
        return [whole]
    structure = read_structure(theory.store, lang)
    scores = _scores(result)
    # a grouped schema stays grouped on each page, however few initiatives a part has
    above = 0 if not expand and len(structure.initiatives) > GROUP_ABOVE else GROUP_ABOVE
    return [_schema(part, scores, result, lang, expand, above) for part in split_per_subgoal(structure, lang)]


def render_diagram(
    theory: Theory,
    kind: str,
    output: Path,
    *,
    result: ScoreResult | None = None,
    lang: str = "nl",
    initiative: str | None = None,
    paper_name: str | None = None,
    landscape: bool = False,
    expand: bool = False,
) -> Path:
    """Write a diagram to ``output``; the suffix picks the format (.svg .png .pdf .dot).

    ``.dot`` writes the DOT source; the others run graphviz's ``dot``. With
    ``paper_name`` (A4, A3) the figure is fitted to that paper (.pdf or .svg)
    with its text never below :data:`beleidstheorie.views.paper.MIN_FONT_PT`.

    >>> import tempfile
    >>> from beleidstheorie.graph.load import load_theory
    >>> out = Path(tempfile.mkdtemp()) / "schema.svg"
    >>> render_diagram(load_theory(EXAMPLE), "schema", out).read_text()[:5]
    '<?xml'
    """
    output = Path(output)
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise NotFoundError([problem("cannot_write", name=output.name, known="." + ", .".join(FORMATS))])
    if paper_name is not None:
        pages = diagram_pages(
            theory,
            kind,
            paper_name,
            landscape=landscape,
            result=result,
            lang=lang,
            initiative=initiative,
            expand=expand,
        )
        paper.write_on_paper(pages, output, paper_name, landscape)
        return output
    graph = build_diagram(theory, kind, result=result, lang=lang, initiative=initiative, expand=expand)
    try:
        data = graph.source.encode("utf-8") if fmt == "dot" else paper.pipe(graph, fmt)
    except graphviz.ExecutableNotFound:
        raise RenderError([problem("dot_missing")]) from None
    except graphviz.CalledProcessError as exc:
        raise RenderError([paper.dot_failed(str(output), exc)]) from None
    except OSError as exc:
        raise RenderError([os_problem(str(output), exc)]) from None
    atomic_write(output, data)  # the old file or the whole new one, whatever happens
    return output
