"""The graphviz diagrams: rendered by the real ``dot``, with the structure the report draws."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

import pytest

from beleidstheorie.errors import NotFoundError
from beleidstheorie.graph.generate import generate_theory
from beleidstheorie.graph.load import theory_from_model
from beleidstheorie.namespaces import BT
from beleidstheorie.views import grammar
from beleidstheorie.views.diagram import UNLINKED, build_diagram, diagram_source, render_diagram
from beleidstheorie.views.initiative_column import COLUMN
from beleidstheorie.views.palette import LINK_STYLES, SCORE_SCALE
from beleidstheorie.views.samenhang_key import KEY, LETTERS
from beleidstheorie.views.structure import read_structure
from tests.views.conftest import HOSTILE
from tests.views.dotparse import parse_dot
from tests.views.svggeom import parse_layout

PREFIX = f"PREFIX bt: <{BT}>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
SVG = "{http://www.w3.org/2000/svg}"
MAGIC = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}
THEORIES = ["example_theory", "flagship_theory"]
FOCUS = {"example_theory": "buurtkamer", "flagship_theory": "schuldenlabnl"}


def count(theory, pattern: str) -> int:
    """How many distinct ?x match a SPARQL pattern, asked of the theory's store directly."""
    rows = theory.store.query(PREFIX + f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}")
    return int(rows[0]["n"])


def local(iri) -> str:
    return str(iri).rsplit("/", 1)[-1]


def column_ports(dot) -> set[str]:
    """The initiatives drawn as cells of the schema's column table (their ports)."""
    return set(re.findall(r'PORT="([^"]+)"', dot.nodes[COLUMN]["label"]))


def cell_text(label: str, port: str) -> str:
    """The text of one cell of the column table, its lines joined by spaces."""
    cell = re.search(rf'PORT="{re.escape(port)}"[^>]*>(.*?)</TD>', label).group(1)
    return " ".join(html.unescape(line) for line in cell.split("<BR/>"))


def svg_texts_by_y(svg: str, node: str) -> list[str]:
    """The text lines of one node of a rendered SVG, from top to bottom."""
    root = ET.fromstring(svg)
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node" and g.findtext(f"{SVG}title") == node:
            texts = [(float(t.get("y")), float(t.get("x")), t.text or "") for t in g.iter(f"{SVG}text")]
            return [text for _, _, text in sorted(texts)]
    raise AssertionError(f"no node {node} in the SVG")


def drawn_links(edges) -> dict[str, tuple[str, str, dict[str, str], dict[str, str]]]:
    """Each numbered link of the samenhang as drawn, by its number's node: (drawn tail, drawn head,
    the first half's attributes, the last half's). Each link is two edges through its number."""
    into = {h: (t, a) for t, h, a in edges if h.startswith("link/")}
    out = {t: (h, a) for t, h, a in edges if t.startswith("link/")}
    assert set(into) == set(out), "every number has one edge in and one edge out"
    return {n: (into[n][0], out[n][0], into[n][1], out[n][1]) for n in into}


def linked_ends(edges) -> list[tuple[str, str]]:
    """(drawn tail, drawn head) of every numbered link of a rendered samenhang's edge list."""
    into = {h: t for t, h, _ in edges if h.startswith("link/")}
    out = {t: h for t, h, _ in edges if t.startswith("link/")}
    assert set(into) == set(out), "every number has one edge in and one edge out"
    return [(into[n], out[n]) for n in sorted(into)]


# -- every diagram renders ---------------------------------------------------------------
@pytest.mark.parametrize("name", THEORIES)
@pytest.mark.parametrize("kind", ["schema", "samenhang", "initiative"])
@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_every_diagram_renders_with_dot_to_a_non_empty_file(request, tmp_path, name, kind, fmt):
    theory = request.getfixturevalue(name)
    out = render_diagram(theory, kind, tmp_path / f"d.{fmt}", initiative=FOCUS[name])
    data = out.read_bytes()
    assert len(data) > 1000
    assert data.startswith(MAGIC[fmt])


@pytest.mark.parametrize("kind", ["schema", "samenhang", "initiative"])
def test_evidence_diagrams_render_with_dot(tmp_path, flagship_theory, flagship_result, kind):
    out = render_diagram(flagship_theory, kind, tmp_path / "d.svg", result=flagship_result, initiative="2.1")
    ET.fromstring(out.read_bytes())  # well-formed SVG


def test_dot_suffix_writes_the_dot_source(tmp_path, example_theory):
    out = render_diagram(example_theory, "samenhang", tmp_path / "d.dot")
    assert out.read_text(encoding="utf-8") == diagram_source(example_theory, "samenhang")


# -- schema ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", THEORIES)
def test_schema_has_a_column_per_layer_in_report_order(request, name):
    dot = parse_dot(diagram_source(request.getfixturevalue(name), "schema"))
    headers = [
        dot.cluster_attrs[f"cluster_col_{c}"]["label"]
        for c in ("input", "initiatives", "mechanisms", "subgoals", "main_goal")
    ]
    assert headers == ["Input", "Activiteiten", "Werkzame mechanismen", "Subdoelen", "Hoofddoel"]
    columns = [set(dot.clusters[f"cluster_col_{c}"]) for c in ("input", "initiatives", "mechanisms")]
    for column in columns:  # each column is one rank
        assert any(column <= set(rank) for rank in dot.ranks)


@pytest.mark.parametrize("name", THEORIES)
def test_schema_draws_every_node_of_the_graph_once(request, name):
    theory = request.getfixturevalue(name)
    dot = parse_dot(diagram_source(theory, "schema"))
    assert len(dot.kind("input")) == count(theory, "?t bt:hasInput ?x")
    assert len(column_ports(dot)) == count(theory, "?t bt:hasInitiative/(^bt:actionLineOf)? ?x")
    assert not dot.kind("initiative")  # drawn once, as cells of the column, not as nodes too
    assert len(dot.kind("mechanism")) == count(theory, "?x a bt:Mechanism")
    assert len(dot.kind("subgoal")) == count(theory, "?x a bt:SubGoal")
    assert len(dot.kind("main_goal")) == 1
    assert len(dot.kind("context")) == count(theory, "?x a bt:ContextFactor")


def test_schema_groups_mechanisms_by_subgoal_and_context_by_level(flagship_theory):
    s = read_structure(flagship_theory.store)
    dot = parse_dot(diagram_source(flagship_theory, "schema"))
    for sg in s.subgoals:
        inside = set(dot.clusters[f"cluster_mechanisms_{sg.key}"])
        assert inside == {f"mechanism/{m.key}" for m in s.mechanisms_of(sg)}
    # Section 1.3's table puts 4, 5 and 3 factors on the levels; section 1.1 adds 4 in society.
    for level, size in (("samenleving", 8), ("organisaties", 5), ("individuen", 3)):
        assert len(dot.clusters[f"cluster_context_{level}"]) == size
        assert set(dot.clusters[f"cluster_context_{level}"]) <= set(dot.clusters["cluster_context"])


def test_schema_draws_sub_lines_inside_their_initiatives_box(flagship_theory):
    label = parse_dot(diagram_source(flagship_theory, "schema")).nodes[COLUMN]["label"]
    framed = re.findall(r'<TD BORDER="1" STYLE="rounded" COLOR="#7f9fbf"[^>]*><TABLE(.*?)</TABLE>', label)
    assert [re.findall(r'PORT="([^"]+)"', box) for box in framed] == [
        ["corona-activiteiten", "collectief-schuldregelen", "schuldenrust", "convenant-vroegsignalering"]
    ]
    assert cell_text(label, "schuldenrust") == "2.2 Schuldenrust"


@pytest.mark.parametrize("name", THEORIES)
def test_schema_draws_the_initiatives_top_to_bottom_in_number_order(request, tmp_path, name):
    theory = request.getfixturevalue(name)
    svg = render_diagram(theory, "schema", tmp_path / "s.svg").read_text(encoding="utf-8")
    codes = [line.split(" ")[0] for line in svg_texts_by_y(svg, COLUMN) if re.match(r"\d+(\.\d+)? ", line)]
    wanted = sorted(
        (i.code for i in read_structure(theory.store).initiatives),
        key=lambda c: [int(p) for p in c.split(".")],
    )
    assert codes == wanted
    if name == "flagship_theory":
        assert codes[:7] == ["1", "2", "2.1", "2.2", "2.3", "3", "4"] and codes[-1] == "19"


def test_above_the_threshold_the_schema_draws_one_counted_group_per_subgoal(flagship_theory):
    s = read_structure(flagship_theory.store)
    dot = parse_dot(build_diagram(flagship_theory, "schema", group_above=10).source)
    assert COLUMN not in dot.nodes and not dot.kind("initiative")
    for sg in s.subgoals:
        feeding = count(
            flagship_theory,
            f"?c bt:fromInitiative ?x ; bt:toMechanism/bt:contributesTo <{sg.iri}>",
        )
        label = html.unescape(re.sub(r"<BR/>", " ", dot.nodes[f"group/{sg.key}"]["label"]))
        assert label.startswith(f"<{feeding} initiatieven voor {sg.label} nrs. ")
        for t, h, a in dot.edges:
            if t == f"group/{sg.key}" and a.get("style") != "invis":
                mech = s.node(by_mechanism(s, h))
                assert int(a["label"]) == count(
                    flagship_theory, f"?c bt:fromInitiative ?x ; bt:toMechanism <{mech.iri}>"
                )
    contributing = {c.mechanism for c in s.contributions}
    drawn = [t for t, _, a in dot.edges if t.startswith("group/") and a.get("style") != "invis"]
    assert len(drawn) == len(contributing)
    expanded = parse_dot(build_diagram(flagship_theory, "schema", group_above=10, expand=True).source)
    assert len(column_ports(expanded)) == len(s.initiatives)


def by_mechanism(s, name: str) -> str:
    return next(m.iri for m in s.mechanisms if f"mechanism/{m.key}" == name)


def test_schema_draws_stated_contributions_solid_and_inferred_dashed(flagship_theory):
    dot = parse_dot(diagram_source(flagship_theory, "schema"))
    styles = [
        a["style"] for t, h, a in dot.edges if t.startswith(f"{COLUMN}:") and h.startswith("mechanism/")
    ]
    drawn = [(t, h) for t, h, a in dot.edges if h.startswith("mechanism/") and a.get("style") != "invis"]
    assert {t.split(":")[1] for t, _ in drawn} <= column_ports(dot)
    assert styles.count("solid") == count(
        flagship_theory, "?x a bt:Contribution ; bt:provenance bt:provenance-stated"
    )
    assert styles.count("dashed") == count(
        flagship_theory, "?x a bt:Contribution ; bt:provenance bt:provenance-inferred"
    )


def test_schema_links_input_to_the_initiatives_column_and_goals_upward(example_theory):
    dot = parse_dot(diagram_source(example_theory, "schema"))
    edges = {(t, h): a for t, h, a in dot.edges}
    assert any(
        t == "input/buurtbudget" and a.get("lhead") == "cluster_col_initiatives"
        for (t, _), a in edges.items()
    )
    assert ("mechanism/wederkerigheid", "subgoal/netwerk-versterkt") in edges
    assert ("subgoal/netwerk-versterkt", "main_goal/minder-eenzaamheid") in edges


@pytest.mark.parametrize("kind", ["schema", "samenhang", "initiative"])
def test_every_diagram_has_a_legend(example_theory, kind):
    dot = parse_dot(diagram_source(example_theory, kind, initiative="buurtkamer"))
    assert dot.cluster_attrs["cluster_legend"]["label"] == "Legenda"
    assert dot.clusters["cluster_legend"]


def test_without_evidence_no_score_colours_are_used(flagship_theory):
    source = diagram_source(flagship_theory, "schema")
    assert not any(colour in source for colour in SCORE_SCALE)


def test_evidence_fills_only_nodes_whose_own_evidence_suffices_and_never_insufficient_ones(
    flagship_theory, flagship_result
):
    dot = parse_dot(diagram_source(flagship_theory, "schema", result=flagship_result))
    scored = (flagship_result.main_goal, *flagship_result.subgoals, *flagship_result.mechanisms)
    for ns in scored:
        node = dot.nodes[f"{ns.kind}/{ns.key}"]
        insufficient = ns.verdict == "insufficient"
        if ns.verdict in ("supported", "indications", "not-supported"):
            assert node["fillcolor"] == SCORE_SCALE[min(int(ns.score * 5), 4)]
            assert f"{ns.score:.2f}".replace(".", ",") in node["label"]
        else:
            assert node["fillcolor"] not in SCORE_SCALE
        assert ("dashed" in node["style"]) == insufficient
        assert ("onvoldoende bewijs" in node["label"]) == insufficient
    legend = dot.nodes["legend/scale"]["label"]
    assert all(colour in legend for colour in SCORE_SCALE)
    assert flagship_result.round_label in legend


def test_the_evidence_legend_explains_exactly_the_verdicts_the_figure_uses(flagship_theory, flagship_result):
    dot = parse_dot(diagram_source(flagship_theory, "schema", result=flagship_result))
    scored = (flagship_result.main_goal, *flagship_result.subgoals, *flagship_result.mechanisms)
    used = {ns.verdict for ns in scored}
    shown = {name.split("/")[-1] for name in dot.nodes if name.startswith("legend/verdict/")} - {"extra"}
    assert shown == used
    # scored kinds get no type swatch: their look is the verdict's
    assert not any(f"legend/kind/{k}" in dot.nodes for k in ("mechanism", "subgoal", "main_goal"))


def test_engine_notes_become_numbered_footnotes_on_the_figure(flagship_theory, flagship_result):
    dot = parse_dot(diagram_source(flagship_theory, "schema", result=flagship_result))
    scored = (flagship_result.main_goal, *flagship_result.subgoals, *flagship_result.mechanisms)
    noted = [ns for ns in scored if ns.note]
    assert noted
    notes = dot.nodes["legend/footnotes"]["label"]
    for ns in noted:
        marker = grammar.footnote_marker(ns)
        assert dot.nodes[f"{ns.kind}/{ns.key}"]["label"].endswith(marker)
        assert f"{marker} " in notes


def test_english_schema_has_english_headers_and_labels(example_theory):
    dot = parse_dot(diagram_source(example_theory, "schema", lang="en"))
    assert dot.cluster_attrs["cluster_col_mechanisms"]["label"] == "Working mechanisms"
    assert dot.nodes["mechanism/wederkerigheid"]["label"] == "Reciprocity"


# -- samenhang ---------------------------------------------------------------------------
def initiatives_without_links(theory) -> set[str]:
    """Top-level initiatives none of whose lines (itself or its sub-lines) has a typed link."""
    rows = theory.store.query(
        PREFIX
        + """
        SELECT ?ini ?top WHERE {
          ?t bt:hasInitiative/(^bt:actionLineOf)? ?ini .
          OPTIONAL { ?ini bt:actionLineOf ?parent }
          BIND(COALESCE(?parent, ?ini) AS ?top)
        }"""
    )
    linked = {
        str(r[k])
        for r in theory.store.query(
            PREFIX
            + """
        SELECT ?s ?o WHERE { ?l a bt:InitiativeLink ; bt:linkSource ?s ; bt:linkTarget ?o }"""
        )
        for k in ("s", "o")
    }
    top_of = {str(r["ini"]): str(r["top"]) for r in rows}
    linked_tops = {top_of[i] for i in linked}
    return {f"initiative/{local(i)}" for i, top in top_of.items() if top not in linked_tops}


@pytest.mark.parametrize("name", THEORIES)
def test_unlinked_box_holds_exactly_the_initiatives_without_links(request, name):
    theory = request.getfixturevalue(name)
    dot = parse_dot(diagram_source(theory, "samenhang"))
    assert set(dot.clusters[UNLINKED]) == initiatives_without_links(theory)
    assert dot.cluster_attrs[UNLINKED]["label"] == "Geen directe samenhang"


def test_flagship_unlinked_box_names_the_initiatives_of_section_2_3(flagship_theory):
    dot = parse_dot(diagram_source(flagship_theory, "samenhang"))
    assert "initiative/geldplan-werkloosheid" in dot.clusters[UNLINKED]
    assert "initiative/minder-regeldruk" in dot.clusters[UNLINKED]
    assert "initiative/schuldenlabnl" not in dot.clusters[UNLINKED]


def test_samenhang_draws_every_initiative_and_every_link_in_the_style_of_its_type(flagship_theory):
    theory = flagship_theory
    dot = parse_dot(diagram_source(theory, "samenhang"))
    assert len(dot.kind("initiative")) == count(theory, "?t bt:hasInitiative/(^bt:actionLineOf)? ?x")
    links = theory.store.query(
        PREFIX + "SELECT ?s ?o ?type WHERE { ?l a bt:InitiativeLink ; "
        "bt:linkSource ?s ; bt:linkTarget ?o ; bt:linkType ?type }"
    )
    edges = set()
    for tail, head, first, last in drawn_links(dot.edges).values():
        assert first["color"] == last["color"] and first["style"] == last["style"]
        assert first["dir"] in ("none", "back") and last["dir"] in (
            "none",
            "forward",
        )  # no arrow at the number
        if last["dir"] == "forward":
            edges.add((tail, head, last["color"], last["arrowhead"]))
        if first["dir"] == "back":
            edges.add((head, tail, first["color"], first["arrowtail"]))
    for r in links:
        style = LINK_STYLES[str(r["type"]).rsplit("linktype-", 1)[1]]
        assert (
            f"initiative/{local(r['s'])}",
            f"initiative/{local(r['o'])}",
            style.colour,
            style.arrowhead,
        ) in edges


def test_samenhang_boxes_linked_initiatives_by_their_penvoerder(flagship_theory):
    s = read_structure(flagship_theory.store)
    dot = parse_dot(diagram_source(flagship_theory, "samenhang"))
    by_key = {f"initiative/{i.key}": i for i in s.initiatives}
    org_boxes = [c for c in dot.clusters if c.startswith("cluster_org_")]
    assert org_boxes
    for box in org_boxes:
        header, *names = dot.clusters[box]  # the penvoerder's name is a header node, not the label
        members = [by_key[n] for n in names]
        tops = {s.family(i)[0].penvoerder_label for i in members}
        assert tops == {dot.nodes[header]["label"].replace("\\n", " ")}
        assert dot.cluster_attrs[box]["label"] == ""


def test_link_styles_differ_in_more_than_colour():
    looks = {(style.style, style.arrowhead) for style in LINK_STYLES.values()}
    assert len(looks) == len(LINK_STYLES)


def test_every_link_type_has_its_own_letter_and_arrowhead():
    assert sorted(LETTERS.values()) == [chr(ord("A") + i) for i in range(len(LINK_STYLES))]
    assert len({style.arrowhead for style in LINK_STYLES.values()}) == len(LINK_STYLES)


GENERATED = {"generated-80": (80, 5), "generated-200": (200, 9), "generated-250": (250, 13)}
"""Generated theories (size, seed) whose samenhang once had edges through a box or a penvoerder's
name (80, 250) or made dot fail (200: "lost ... edge" from an invisible flat edge)."""


@pytest.fixture(scope="module", params=[*THEORIES, *GENERATED])
def samenhang_theory(request):
    if request.param in THEORIES:
        return request.getfixturevalue(request.param)
    size, seed = GENERATED[request.param]
    model = generate_theory(initiatives=size, mechanisms=12, indicators_per_initiative=1, rounds=1, seed=seed)
    return theory_from_model(model)


@pytest.fixture(scope="module")
def samenhang_layout(samenhang_theory, tmp_path_factory):
    out = tmp_path_factory.mktemp("samenhang") / "s.svg"
    return parse_layout(render_diagram(samenhang_theory, "samenhang", out).read_text())


def test_samenhang_edges_run_through_no_box_and_no_cluster_label(samenhang_theory, samenhang_layout):
    s = read_structure(samenhang_theory.store)
    links = {(k.source, k.target) for k in s.links}
    drawn = set(linked_ends(samenhang_layout.edges))
    assert len(drawn) >= len(links) > 0
    assert samenhang_layout.crossings(tolerance=2.0, edge_labels=False) == []
    assert samenhang_layout.hidden_arrows(tolerance=2.0) == []


@pytest.mark.parametrize("name", THEORIES)
def test_samenhang_edges_run_through_no_other_edge_number(request, tmp_path, name):
    svg = render_diagram(request.getfixturevalue(name), "samenhang", tmp_path / "s.svg").read_text()
    layout = parse_layout(svg)
    numbers = [n for n in layout.nodes if n.startswith("link/")]
    assert len(numbers) == len(read_structure(request.getfixturevalue(name).store).links)
    assert layout.crossings(tolerance=2.0) == []


@pytest.mark.parametrize(("size", "seed"), [(80, 5), (120, 7), (200, 9)])
def test_at_scale_samenhang_edges_run_through_no_other_edge_number(tmp_path, size, seed):
    """Drawn as edge labels, 1 (80), 7 (120) and 7 (200) edges of these theories ran through
    another edge's number: dot's router keeps edges out of nodes, not out of edge labels."""
    model = generate_theory(initiatives=size, mechanisms=12, indicators_per_initiative=1, rounds=1, seed=seed)
    theory = theory_from_model(model)
    layout = parse_layout(render_diagram(theory, "samenhang", tmp_path / "s.svg").read_text())
    numbers = [n for n in layout.nodes if n.startswith("link/")]
    assert len(numbers) == len(read_structure(theory.store).links) > 0
    assert layout.crossings(tolerance=2.0) == []
    assert layout.hidden_arrows(tolerance=2.0) == []


@pytest.mark.parametrize("name", THEORIES)
def test_samenhang_legend_is_compact_its_sample_lines_no_longer_than_three_inches(request, tmp_path, name):
    # the key beneath the figure once shared the legend's ranks, whose width then stretched
    # every sample line across it (540-580 pt for the flagship)
    svg = render_diagram(request.getfixturevalue(name), "samenhang", tmp_path / "s.svg").read_text()
    samples = [path for t, _, path in parse_layout(svg).edges if t.startswith("legend/edge/")]
    assert samples
    assert max(max(x for x, _ in p) - min(x for x, _ in p) for p in samples) <= 3 * 72


@pytest.mark.parametrize("with_evidence", [False, True])
def test_initiative_legend_is_compact_beside_its_evidence_tables(
    tmp_path, flagship_theory, flagship_result, with_evidence
):
    # in the result column's ranks its evidence tables stretched every sample line (590-730 pt)
    result = flagship_result if with_evidence else None
    out = render_diagram(
        flagship_theory,
        "initiative",
        tmp_path / "i.svg",
        result=result,
        initiative="samenwerken-kinderarmoede",
    )
    samples = [path for t, _, path in parse_layout(out.read_text()).edges if t.startswith("legend/edge/")]
    assert samples
    assert max(max(x for x, _ in p) - min(x for x, _ in p) for p in samples) <= 3 * 72


def test_samenhang_puts_each_penvoerder_name_above_its_first_initiative(samenhang_theory, samenhang_layout):
    dot = parse_dot(diagram_source(samenhang_theory, "samenhang"))
    boxes = [c for c in dot.clusters if c.startswith("cluster_org_")]
    assert boxes
    for box in boxes:
        header, first, *_ = dot.clusters[box]
        top, below = samenhang_layout.nodes[header], samenhang_layout.nodes[first]
        assert top.y1 <= below.y0 + 1  # SVG y grows downwards
        assert below.x0 <= top.x0 + 1 and top.x1 <= below.x1 + 1  # no overhang beside the box


def test_a_cycle_of_links_is_drawn_with_every_edge_to_a_later_column(example_theory, tmp_path):
    model = example_theory.model
    first, second, *rest = model.initiatives
    back = {"target": first.id, "type": "supports", "quote": "q", "ref": {"section": "s", "page": 1}}
    two = second.model_copy(update={"links": [*second.links, type(first.links[0]).model_validate(back)]})
    first_links = [k for k in first.links if k.target == second.id]
    assert first_links, "the example's first initiative links to its second"
    theory = theory_from_model(model.model_copy(update={"initiatives": [first, two, *rest]}))
    layout = parse_layout(render_diagram(theory, "samenhang", tmp_path / "s.svg").read_text())
    assert layout.crossings(tolerance=2.0) == [] and layout.hidden_arrows(tolerance=2.0) == []
    ends = linked_ends(layout.edges)
    assert len(ends) == 2
    for tail, head in ends:
        assert layout.nodes[tail].x1 < layout.nodes[head].x0


def test_samenhang_numbers_each_link_at_its_edge_and_explains_it_in_the_key(flagship_theory):
    s = read_structure(flagship_theory.store)
    dot = parse_dot(diagram_source(flagship_theory, "samenhang"))
    labelled = {
        re.search(r"<FONT[^>]*>(\w+)</FONT>", dot.nodes[number]["label"]).group(1): (tail, head)
        for number, (tail, head, _, _) in drawn_links(dot.edges).items()
    }
    labelled = dict(sorted(labelled.items(), key=lambda item: int(re.match(r"\d+", item[0]).group())))
    assert len(labelled) == len(s.links) == 14
    assert labelled["1H"] == ("initiative/inzet-ervaringsdeskundigen", "initiative/samenwerken-kinderarmoede")
    rows = [
        [
            html.unescape(re.sub(r"<[^>]+>", " ", cell)).split()
            for cell in re.findall(r"<TD[^>]*>(.*?)</TD>", row)
        ]
        for row in re.findall(r"<TR>(.*?)</TR>", dot.nodes[KEY]["label"])
    ]
    body = [[" ".join(words) for words in row] for row in rows[2:]]
    assert [row[0] for row in body] == list(labelled)
    assert body[0] == [
        "1H",
        "1 Inzet ervaringsdeskundigen armoede bij SZW",
        "10 Samenwerken in de aanpak van kinderarmoede",
        "H levert inbreng aan",
        "2.3 Samenhang tussen initiatieven, p. 17",
    ]
    for number, (tail, head) in labelled.items():
        row = body[[r[0] for r in body].index(number)]
        assert row[1].startswith(s.node(by_node(s, tail)).code + " ")
        assert row[2].startswith(s.node(by_node(s, head)).code + " ")


def by_node(s, name: str) -> str:
    return next(i.iri for i in s.initiatives if f"initiative/{i.key}" == name)


# -- one initiative ----------------------------------------------------------------------
def test_initiative_diagram_has_the_four_appendix_columns(flagship_theory):
    dot = parse_dot(diagram_source(flagship_theory, "initiative", initiative="schuldenlabnl"))
    headers = [
        dot.cluster_attrs[f"cluster_col_{c}"]["label"]
        for c in ("initiative", "result", "mechanisms", "subgoals")
    ]
    assert headers == [
        "Initiatief en links met andere initiatieven",
        "Beoogd resultaat",
        "Werkzame mechanismen",
        "Subdoelen",
    ]
    linked = {"collectief-schuldregelen", "nederlandse-schuldhulproute", "voorzieningenwijzer"}
    assert {f"initiative/{k}" for k in linked} <= set(dot.clusters["cluster_col_initiative"])
    assert "SchuldenlabNL probeert de versnippering" in dot.nodes["result/schuldenlabnl/effect"]["label"]


def test_initiative_diagram_draws_stated_and_inferred_contributions_differently(flagship_theory):
    s = read_structure(flagship_theory.store)
    ini = s.find_initiative("schuldenlabnl")
    dot = parse_dot(diagram_source(flagship_theory, "initiative", initiative="schuldenlabnl"))
    drawn = {h: a for t, h, a in dot.edges if t == "result/schuldenlabnl/effect"}
    assert len(drawn) == len(s.contributions_of(ini))
    for c in s.contributions_of(ini):
        attrs = drawn[f"mechanism/{s.node(c.mechanism).key}"]
        assert attrs["style"] == ("solid" if c.stated else "dashed")
        assert attrs["label"].startswith("vermeld" if c.stated else "afgeleid")


def test_initiative_diagram_of_an_initiative_with_sub_lines_shows_them(flagship_theory):
    dot = parse_dot(diagram_source(flagship_theory, "initiative", initiative="corona-activiteiten"))
    subs = {
        "initiative/collectief-schuldregelen",
        "initiative/schuldenrust",
        "initiative/convenant-vroegsignalering",
    }
    assert subs <= set(dot.clusters["cluster_col_initiative"])
    assert {f"cluster_result_{n.split('/')[1]}" for n in subs} <= set(dot.clusters)


def test_unknown_initiative_raises_not_found_listing_close_matches(flagship_theory):
    with pytest.raises(NotFoundError, match="did you mean: schuldenlabnl"):
        diagram_source(flagship_theory, "initiative", initiative="schuldenlab")


def test_unknown_kind_or_suffix_raises_not_found(tmp_path, example_theory):
    with pytest.raises(NotFoundError, match="kinds: schema, samenhang, initiative"):
        diagram_source(example_theory, "overview")
    with pytest.raises(NotFoundError, match="svg"):
        render_diagram(example_theory, "schema", tmp_path / "d.jpeg")


# -- hostile labels ----------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["schema", "samenhang", "initiative"])
def test_hostile_label_is_kept_literally_in_dot_and_svg(tmp_path, hostile_theory, kind):
    source = diagram_source(hostile_theory, kind, initiative="buurtkamer")
    dot = parse_dot(source)
    if kind == "schema":
        label = cell_text(dot.nodes[COLUMN]["label"], "buurtkamer")
    else:
        label = dot.nodes["initiative/buurtkamer"]["label"]
    assert label.replace("\\n", "").replace(" ", "") == ("1" + HOSTILE).replace(" ", "")
    svg = render_diagram(hostile_theory, kind, tmp_path / "h.svg", initiative="buurtkamer").read_text()
    root = ET.fromstring(svg)  # still well-formed XML
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "alert(1)" in texts and '"quote"' in texts and "\\ back" in texts


def test_hostile_label_survives_the_title_of_the_initiative_diagram(hostile_theory):
    source = diagram_source(hostile_theory, "initiative", initiative="buurtkamer")
    dot = parse_dot(source)
    assert dot.nodes["initiative/buurtkamer"]["label"].startswith("1 <script>alert(1)</script>")
    title = source.splitlines()[1]  # the graph's own attributes: its label is the title
    assert 'label="1 <script>alert(1)</script> \\"quote\\" \\\\ back"' in title


def test_only_insufficient_evidence_is_drawn_with_a_dashed_border(flagship_theory, flagship_result):
    dot = parse_dot(diagram_source(flagship_theory, "initiative", initiative="12", result=flagship_result))
    dashed = {
        n for n, a in dot.nodes.items() if "dashed" in a.get("style", "") and not n.startswith("legend/")
    }
    insufficient = {f"{n.kind}/{n.key}" for n in (*flagship_result.mechanisms, *flagship_result.subgoals,
                    *flagship_result.initiatives) if n.verdict == "insufficient"}  # fmt: skip
    assert dashed and dashed <= insufficient


def test_english_evidence_legend_names_the_round_in_english(flagship_theory, flagship_result):
    dot = parse_dot(diagram_source(flagship_theory, "schema", result=flagship_result, lang="en"))
    assert "2022 evaluation (second measurement)" in dot.nodes["legend/scale"]["label"]
