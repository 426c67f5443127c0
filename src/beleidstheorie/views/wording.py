"""The words the diagrams and the interactive view put on screen, in Dutch and English.

Dutch is the default: the source reports are Dutch and policymakers read them
in Dutch. Unknown keys are shown as they are, so a new vocabulary value never
breaks a view.

>>> word("mechanisms"), word("mechanisms", "en")
('Werkzame mechanismen', 'Working mechanisms')
>>> format_score(0.9594, "nl"), format_score(0.9594, "en")
('0,96', '0.96')
>>> wrap("Lokale en landelijke (beleidsmatige) knelpunten naar boven halen")
['Lokale en landelijke', '(beleidsmatige) knelpunten', 'naar boven halen']
"""

from __future__ import annotations

import textwrap

WORDS: dict[str, tuple[str, str]] = {
    # columns and groups
    "input": ("Input", "Input"),
    "initiatives": ("Activiteiten", "Activities"),
    "mechanisms": ("Werkzame mechanismen", "Working mechanisms"),
    "subgoals": ("Subdoelen", "Sub-goals"),
    "main_goal": ("Hoofddoel", "Main goal"),
    "context": ("Contextfactoren", "Context factors"),
    "samenleving": ("Samenleving", "Society"),
    "organisaties": ("Betrokken organisaties", "Organisations involved"),
    "individuen": ("Individuen", "Individuals"),
    "subgoal_n": ("Subdoel {n}", "Sub-goal {n}"),
    "no_links": ("Geen directe samenhang", "No direct links"),
    "no_penvoerder": ("Penvoerder onbekend", "Lead organisation unknown"),
    "initiative_links": (
        "Initiatief en links met andere initiatieven",
        "Initiative and links with other initiatives",
    ),
    "result": ("Beoogd resultaat", "Intended result"),
    "outputs": ("Beoogde output", "Intended outputs"),
    # node kinds (singular)
    "kind_input": ("Input", "Input"),
    "kind_initiative": ("Initiatief", "Initiative"),
    "kind_sub_line": ("Actielijn van een initiatief", "Action line of an initiative"),
    "kind_mechanism": ("Werkzaam mechanisme", "Working mechanism"),
    "kind_subgoal": ("Subdoel", "Sub-goal"),
    "kind_main_goal": ("Hoofddoel", "Main goal"),
    "kind_context": ("Contextfactor", "Context factor"),
    # legend
    "legend": ("Legenda", "Legend"),
    "stated": ("bijdrage vermeld in het rapport", "contribution stated in the report"),
    "inferred": ("bijdrage afgeleid (niet vermeld)", "contribution inferred (not stated)"),
    "stated_short": ("vermeld", "stated"),
    "inferred_short": ("afgeleid", "inferred"),
    "structure_edge": ("draagt bij aan", "contributes to"),
    "score_scale": ("Score (kans dat het werkt)", "Score (probability it works)"),
    "round": ("Meting", "Measurement round"),
    "insufficient_sample": (
        "gestreepte rand: onvoldoende bewijs",
        "dashed border: insufficient evidence",
    ),
    "penvoerder": ("Penvoerder", "Lead organisation"),
    "cluster_penvoerder": ("kader = penvoerder", "box = lead organisation"),
    "linked_initiative": (
        "wit vlak: ander initiatief met een link; dikke rand: dit initiatief",
        "white box: another, linked initiative; thick border: this initiative",
    ),
    # verdicts
    "supported": ("ondersteund", "supported"),
    "contested": ("betwist", "contested"),
    "insufficient evidence": ("onvoldoende bewijs", "insufficient evidence"),
    "undecided": ("onbeslist binnen de fout", "undecided within the error"),
    # contribution strength
    "strong": ("sterk", "strong"),
    "moderate": ("matig", "moderate"),
    "weak": ("zwak", "weak"),
    # link types: 'source <phrase> target'
    "supports": ("ondersteunt", "supports"),
    "succeeds": ("volgt op", "succeeds"),
    "shares-consortium": ("zelfde consortium", "same consortium"),
    "refers-to": ("verwijst door naar", "refers to"),
    "accredits": ("accrediteert", "accredits"),
    "embraces-in-pact": ("omarmt in pact", "embraces in its pact"),
    "has-partner": ("heeft als partner", "has as partner"),
    "contributes-to": ("levert inbreng aan", "contributes to"),
    "agenda-setting": ("agendeerde", "put on the agenda"),
    "part-of": ("is actielijn van", "is an action line of"),
    # progress statuses
    "progressie-geboekt": ("progressie geboekt", "progress made"),
    "geen-progressie": ("geen progressie", "no progress"),
    "nog-niet-bekend": ("nog niet bekend", "not yet known"),
    "niet-meetbaar": ("niet meetbaar", "not measurable"),
    # interactive view
    "filter_subgoal": ("Subdoel", "Sub-goal"),
    "filter_initiative": ("Initiatief", "Initiative"),
    "filter_round": ("Meting", "Measurement round"),
    "filter_insufficient": ("alleen onvoldoende bewijs", "only insufficient evidence"),
    "all_subgoals": ("alle subdoelen", "all sub-goals"),
    "all_initiatives": ("alle initiatieven", "all initiatives"),
    "no_rounds": ("geen scores", "no scores"),
    "visible": ("{n} van {total} onderdelen zichtbaar", "{n} of {total} items shown"),
    "score": ("Score", "Score"),
    "evidence": ("Belangrijkste bewijs", "Main evidence"),
    "reference": ("Bron", "Source"),
    "help": (
        "Beweeg over een onderdeel voor uitleg; klik om de verbindingen te zien.",
        "Hover over an item for details; click it to see its connections.",
    ),
}


def word(key: str, lang: str = "nl", **values: object) -> str:
    """The text for ``key`` in ``lang`` (nl or en), with ``{name}`` fields filled in."""
    pair = WORDS.get(key)
    text = key if pair is None else pair[1 if lang == "en" else 0]
    return text.format(**values) if values else text


def format_score(score: float, lang: str = "nl") -> str:
    """A score with two decimals; Dutch uses a decimal comma."""
    text = f"{score:.2f}"
    return text if lang == "en" else text.replace(".", ",")


def wrap(text: str, width: int = 28, max_lines: int | None = None) -> list[str]:
    """Split ``text`` into lines of at most ``width`` characters (long words are split).

    >>> wrap("een twee drie vier", 9, max_lines=1)
    ['een twee…']
    """
    text = " ".join(text.split())
    lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = textwrap.wrap(text, width, max_lines=max_lines, placeholder="…", break_on_hyphens=False)
    return lines
