"""An interactive, self-contained HTML view of a theory (vis-network via pyvis).

The package, one module per question: :mod:`~beleidstheorie.views.page.network` (nodes and
edges), :mod:`~beleidstheorie.views.page.filters` (what each filter keeps),
:mod:`~beleidstheorie.views.page.groups` (grouping the initiatives),
:mod:`~beleidstheorie.views.page.rounds` (the matrix and the round comparison),
:mod:`~beleidstheorie.views.page.data` (everything the page shows, as JSON-ready data) and
:mod:`~beleidstheorie.views.page.build` (the one HTML file). The page's own HTML, CSS and
JavaScript are in ``assets/``.

One HTML file that works offline: vis-network's JavaScript and CSS (shipped
with pyvis) are inlined, there are no requests to any server and a
Content-Security-Policy forbids them. The theory is laid out left to right in
columns (input, initiatives, mechanisms, sub-goals, main goal) with the
context factors in a band beneath, as in the report (positions from
:mod:`beleidstheorie.views.columns`); ``physics=True`` lets the nodes float
instead.

Nodes are drawn in the one grammar of verdicts (:mod:`beleidstheorie.views.grammar`).
Hovering a node shows its description, verdict (with the engine's note), score and
main evidence; clicking it (or finding it with the type-ahead search ``bt-search``)
traces its paths along the theory's edges to the main goal and back to the
initiatives that feed it, dims the rest, and opens a persistent details panel
(``bt-details``: the same facts, the quotes from the report and the contributing
initiatives with their strength). Zoom and fit buttons, a table alternative of
every node (``bt-table``, each row a keyboard-reachable button that opens the
panel) and the view in the URL hash (round, filters, focused node, the samenhang layer, the
hidden link types, the open tables, both groupings and their expanded groups; Back undoes a
step) complete the page. At scale the initiatives' column is grouped (``bt-group``: per
sub-goal or per penvoerder, :mod:`~beleidstheorie.views.page.groups`; a large theory opens
grouped per sub-goal), each group collapsed into one box that a click, or its button in
``bt-groups``, expands; the mechanisms' column groups per sub-goal the same way
(``bt-mgroup``; from 24 mechanisms the page opens with each sub-goal's mechanisms in one box
beside it), grouped columns stacked and centred so the page is a few rows high, with a
legend row for a group box while one is drawn; and labels follow the zoom level
(:data:`~beleidstheorie.views.page.network.LABEL_FROM_PX`). The first view shows the goals
columns with every label at
least 10.5 px on screen, and tracing zooms to the traced part (as far as legible
text allows). The samenhang is a layer that switches off, with a counted filter per
link type; in the column layout each link is drawn as a route beside the initiatives'
column (out of the left side of one box, along its own lane, into the left side of the
other), never through a box; hovering a route shows its type, its ends, the report's words
and where they are (every link it stands for, into a collapsed group), and a table below the
graph lists every link the same way; PNG (the canvas) and SVG (drawn from the current view's positions) export
the current view; the evidence matrix of the chosen round
(:func:`beleidstheorie.views.matrix.build_matrix`) and what changed since the round
before it (:func:`round_changes`) are HTML tables below the graph. A panel above
the graph has four filters that combine (a node stays when every active filter keeps it):

sub-goal (``bt-filter-subgoal``)
    the sub-goal, its mechanisms, the initiatives contributing to them (with
    the initiative a sub-line belongs to), the main goal and the inputs.
initiative (``bt-filter-initiative``)
    the initiative with its sub-lines (or the initiative it is a sub-line of),
    the initiatives it has typed links with, the mechanisms it and its
    sub-lines contribute to, their sub-goals, the main goal and the inputs.
measurement round (``bt-filter-round``)
    switches scores, colours and tooltips between the results given.
"alleen onvoldoende bewijs" (``bt-filter-insufficient``)
    the initiatives, mechanisms, sub-goals and main goal whose verdict is
    'insufficient evidence' in the chosen round, plus the sub-goal and main
    goal that each kept mechanism or sub-goal leads to, so every kept node
    still shows where it leads, and the initiatives that feed each kept
    mechanism, so the page answers whose job it is to measure it.

Every text from the data reaches the page as JSON inside a
``<script type="application/json">`` block (with ``<``, ``>`` and ``&``
escaped) and is put on screen with ``textContent``; tooltips are DOM elements,
never HTML strings.

>>> from beleidstheorie.graph.load import load_theory
>>> page = interactive_html(load_theory(EXAMPLE))
>>> "<script src" in page or "<link" in page
False
"""

from beleidstheorie.views.page.build import interactive_html, write_interactive
from beleidstheorie.views.page.data import page_data
from beleidstheorie.views.page.filters import keep_for_initiative, keep_for_subgoal, keep_insufficient
from beleidstheorie.views.page.network import build_network
from beleidstheorie.views.page.rounds import round_changes

__all__ = [
    "build_network",
    "interactive_html",
    "keep_for_initiative",
    "keep_for_subgoal",
    "keep_insufficient",
    "page_data",
    "round_changes",
    "write_interactive",
]
