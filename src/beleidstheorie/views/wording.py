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

from beleidstheorie.reasoning.model.likelihood import RULES
from beleidstheorie.reasoning.verdict import VERDICTS

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
    # verdicts: the one vocabulary of reasoning.verdict (merged in below)
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


WORDS.update({code: (label.nl, label.en) for code, label in VERDICTS.items()})
# Headers, kinds, notes and messages of the tables (text, CSV labels, xlsx headers).
TABLE_WORDS: dict[str, tuple[str, str]] = {
    "theory": ("Theorie", "Theory"),
    "bundled": ("meegeleverde dataset", "bundled dataset"),
    "kind_action_line": ("Actielijn", "Action line"),
    "kind_indicator": ("Indicator", "Indicator"),
    "kind_round": ("Meting", "Measurement round"),
    "col_parent": ("hoort bij", "belongs to"),
    "col_detail": ("detail", "detail"),
    "notes": ("Opmerkingen", "Notes"),
    # columns
    "col_kind": ("soort", "kind"),
    "col_id": ("id", "id"),
    "col_label": ("naam", "label"),
    "col_round": ("meting", "round"),
    "col_score": ("score", "score"),
    "col_prior": ("a-priori", "prior"),
    "col_evidence_weight": ("bewijsgewicht", "evidence weight"),
    "col_verdict": ("oordeel", "verdict"),
    "col_subgoal": ("subdoel", "sub-goal"),
    "col_initiatives": ("initiatieven", "initiatives"),
    "col_indicators_with_evidence": ("indicatoren met bewijs", "indicators with evidence"),
    "col_direct_indicators_with_evidence": (
        "waarvan direct",
        "of which direct",
    ),
    "col_note": ("opmerking", "note"),
    "no_evidence_by_rule": (
        "Waarnemingen zonder bewijskracht volgens een regel",
        "Observations that carry no evidence by a rule",
    ),
    "col_direct_log_bf": ("direct ln BF", "direct ln BF"),
    "col_direct_in_favour": ("direct bewijs voor (ln)", "direct evidence for (ln)"),
    "col_direct_against": ("direct bewijs tegen (ln)", "direct evidence against (ln)"),
    "col_coverage_informative": (
        "initiatieven met informatief antwoord",
        "initiatives answering informatively",
    ),
    "col_coverage_targeted": ("initiatieven gericht op dit onderdeel", "initiatives targeting the node"),
    "col_interval_low": ("interval laag", "interval low"),
    "col_interval_high": ("interval hoog", "interval high"),
    "col_robust": ("robuust", "robust"),
    "col_minority": ("rust op minderheid", "rests on a minority"),
    "col_p_contribution": ("P(eigen paden)", "P(own paths)"),
    "col_p_rival": ("P(rivaal)", "P(rival)"),
    "col_prior_deviation": ("afwijking a-priori", "prior deviation"),
    "col_basis": ("grondslag", "basis"),
    "col_source": ("bron van het cijfer", "source of the figure"),
    "col_rule": ("regel", "rule"),
    "col_levels": ("niveaus", "levels"),
    "col_initiatives_stated": ("initiatieven vermeld", "initiatives stated"),
    "col_initiatives_inferred": ("initiatieven afgeleid", "initiatives inferred"),
    "col_observing_indicators": ("waarnemende indicatoren", "observing indicators"),
    "col_delivery_indicators": ("leveringsindicatoren", "delivery indicators"),
    "col_status": ("status", "status"),
    "col_impact": ("effect op score", "impact on score"),
    "col_ln_lr": ("ln LR (gewogen)", "ln LR (weighted)"),
    "col_weight": ("gewicht", "weight"),
    "col_likelihood_ratio": ("aannemelijkheidsratio", "likelihood ratio"),
    "col_evidence_kind": ("soort bewijs", "evidence kind"),
    "col_level": ("niveau", "level"),
    "col_indicator": ("indicator", "indicator"),
    "col_initiative": ("initiatief", "initiative"),
    "col_bears_on": ("betreft", "bears on"),
    "col_reference": ("bron", "source"),
    "col_path": ("pad", "path"),
    "col_text": ("tekst", "text"),
    "col_score_from": ("score van", "score from"),
    "col_score_to": ("score naar", "score to"),
    "col_delta": ("verschil", "change"),
    "col_verdict_from": ("oordeel van", "verdict from"),
    "col_verdict_to": ("oordeel naar", "verdict to"),
    "col_status_from": ("status van", "status from"),
    "col_status_to": ("status naar", "status to"),
    "col_score_min": ("laagste score", "lowest score"),
    "col_score_max": ("hoogste score", "highest score"),
    "col_range": ("bereik", "range"),
    "col_flips_in_range": ("kantelt binnen bereik", "flips within range"),
    "col_flip_parameter": ("kantelparameter", "flip parameter"),
    "col_flip_relative_change": ("kantelpunt (relatief)", "flip point (relative)"),
    "col_flip_value": ("kantelwaarde", "flip value"),
    "col_flips_to": ("kantelt naar", "flips to"),
    "col_flip_point": ("kantelpunt", "flip point"),
    "col_reason": ("reden", "reason"),
    "col_gap": ("leemte", "gap"),
    "col_from": ("van", "from"),
    "col_to": ("naar", "to"),
    "col_mechanism_a": ("mechanisme a", "mechanism a"),
    "col_mechanism_b": ("mechanisme b", "mechanism b"),
    "col_parameter": ("parameter", "parameter"),
    # units
    "unit_probability": ("kans 0–1", "probability 0–1"),
    "unit_ln": ("ln", "ln"),
    "unit_count": ("aantal", "count"),
    "unit_share": ("fractie", "fraction"),
    "unit_ratio": ("ratio", "ratio"),
    # sheet names (at most 31 characters)
    "sheet_score": ("Scores", "Scores"),
    "sheet_coverage": ("Dekking", "Coverage"),
    "sheet_gaps": ("Leemten", "Gaps"),
    "sheet_explain": ("Uitleg", "Explanation"),
    "sheet_compare": ("Vergelijking", "Comparison"),
    "sheet_observations": ("Nieuwe waarnemingen", "New observations"),
    "sheet_sensitivity": ("Gevoeligheid", "Sensitivity"),
    "sheet_order_flips": ("Volgordewissels", "Order swaps"),
    "sheet_query": ("Resultaat", "Result"),
    "sheet_list": ("Lijst", "List"),
    # gaps and reasons
    "untargeted_mechanisms": ("Mechanismen zonder initiatief", "Mechanisms no initiative targets"),
    "unobserved_mechanisms": (
        "Mechanismen zonder waarnemende indicator",
        "Mechanisms no indicator observes",
    ),
    "initiatives_without_evidence": (
        "Initiatieven zonder bruikbaar bewijs",
        "Initiatives without usable evidence",
    ),
    "unmeasurable_indicators": ("Niet meetbare indicatoren", "Indicators that cannot be measured"),
    "no-indicators": ("geen indicatoren", "no indicators"),
    "no-usable-observation": (
        "geen meting met (geen) progressie en bewijs",
        "no observation with (no) progress and evidence",
    ),
    "geen meting": ("geen meting", "no measurement"),
    "operationeel": ("operationeel", "operational"),
    "tactisch": ("tactisch", "tactical"),
    "strategisch": ("strategisch", "strategic"),
    "outcome": ("outcome", "outcome"),
    "quantitative": ("kwantitatief", "quantitative"),
    "qualitative": ("kwalitatief", "qualitative"),
    "anecdotal": ("anekdotisch", "anecdotal"),
    "none": ("geen", "none"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    # verdicts of the v2 vocabulary (docs/design/v2-data-model.md)
    "indications": ("aanwijzingen", "indications"),
    "conflicting": ("tegenstrijdig", "conflicting"),
    "not-supported": ("niet ondersteund", "not supported"),
    "insufficient": ("onvoldoende bewijs", "insufficient evidence"),
    "undecided": ("onbeslist", "undecided within the error"),
    # sentences
    "status_legend": (
        "status: + progressie geboekt, − (nog) geen progressie, ? nog niet bekend, "
        "× niet meetbaar, ∅ geen meting",
        "status: + progress made, − no progress (yet), ? not yet known, × not measurable, ∅ no measurement",
    ),
    "level_legend": (
        "niveaus: op operationeel, ta tactisch, st strategisch, ou outcome",
        "levels: op operational, ta tactical, st strategic, ou outcome",
    ),
    "explain_head": (
        "score {score} (a-priori {prior}), bewijsgewicht {weight}, oordeel: {verdict}",
        "score {score} (prior {prior}), evidence weight {weight}, verdict: {verdict}",
    ),
    "explain_item": (
        "{status}, {kind}, {level}; LR {lr} × gewicht {weight} → ln LR {lnlr} op {node}",
        "{status}, {kind}, {level}; LR {lr} × weight {weight} → ln LR {lnlr} on {node}",
    ),
    "path": ("pad", "path"),
    "no_evidence_moves": ("Geen bewijs beweegt deze score.", "No evidence moves this score."),
    "more_items": (
        "… nog {n} bewijsstukken (--top 0 toont alles)",
        "… {n} more evidence items (--top 0 shows all)",
    ),
    "verdicts_changed": ("Oordelen die veranderden: {n}", "Verdicts that changed: {n}"),
    "new_observations": (
        "Indicatoren met een nieuwe waarneming: {n}",
        "Indicators with a new observation: {n}",
    ),
    "sensitivity_head": (
        "Elk van {n} parameters met maximaal ±{range} verschoven (kantelpunten gezocht tot ±95%); "
        "gezamenlijk bereik: alle parameters en drempels samen over hun gedocumenteerde bereik; "
        "meting {round}.",
        "Each of {n} parameters moved by up to ±{range} (flip points searched up to ±95%); "
        "joint range: all parameters and thresholds together over their documented ranges; round {round}.",
    ),
    "no_flip": ("geen tot ±95%", "none up to ±95%"),
    "sheet_coding": ("Codering", "Coding"),
    "col_joint_min": ("laagste score (gezamenlijk)", "lowest score (joint)"),
    "col_joint_max": ("hoogste score (gezamenlijk)", "highest score (joint)"),
    "col_joint_range": ("gezamenlijk bereik", "joint range"),
    "fragile_mark": ("fragiel", "fragile"),
    "outside_range": ("(buiten bereik)", "(outside range)"),
    # next: what to measure in the next round
    "col_node": ("onderdeel", "node"),
    "col_rank": ("rang", "rank"),
    "col_measurement": ("meting", "measurement"),
    "col_observes": ("neemt waar", "observes"),
    "col_by": ("door", "by"),
    "col_p_flip": ("kans op kanteling", "probability of a flip"),
    "col_p_supported": ("kans op ondersteund", "probability of supported"),
    "col_expected_change": ("verwachte verandering", "expected change"),
    "col_delta_score": ("Δ score", "Δ score"),
    "col_flipping_kinds": ("soorten bewijs die kantelen", "evidence kinds that flip"),
    "new-indicator": ("nieuwe indicator", "new indicator"),
    "existing-indicator": ("bestaande indicator", "existing indicator"),
    "all_decided": ("Alle oordelen zijn beslist.", "Every verdict is decided."),
    "not_robust": ("niet robuust", "not robust"),
    "new_prefix": ("nieuw: {name}", "new: {name}"),
    "the_evaluator": ("de evaluator", "the evaluator"),
    "a_new_indicator": ("een nieuwe indicator", "a new indicator"),
    "next_sentence": (
        "een gerealiseerde kwantitatieve meting van {what} ({new}, door {who}) maakt "
        "{label} ondersteund met kans {p}",
        "a realised quantitative measurement of {what} ({new}, by {who}) would make "
        "{label} supported with probability {p}",
    ),
    "next_weak": (
        "; {kinds} bewijs verandert het oordeel niet",
        "; {kinds} evidence would not change the verdict",
    ),
    "or": ("of", "or"),
    "order_flips": (
        "Mechanismeparen waarvan de volgorde binnen het bereik wisselt: {n}",
        "Mechanism pairs whose order swaps within the range: {n}",
    ),
}
WORDS.update({k: v for k, v in TABLE_WORDS.items() if k not in WORDS})

RULE_WORDS_NL: dict[str, str] = {
    "measured": "soort bewijs, niveau van de indicator, basis en bron (method.md §3.1–3.3)",
    "elicited": "sensitiviteit en fout-positieve kans door de evaluator geschat (§3.4)",
    "description-is-delivery": "een beschrijving van outputs onder een vraag over een mechanisme of doel "
    "gaat over levering, niet over het mechanisme of doel (§3.2)",
    "expectation": "een verwachting, visie of streefwaarde is geen bewijs dat er iets gebeurde: LR 1 (§3.2)",
    "restatement": "herhaalt een andere waarneming: het feit telt één keer, daar (§3.5)",
    "no-evidence-kind": "geen bewijs achter het antwoord (soort bewijs 'none'): LR 1 (§3.1)",
    "non-response-neutral": "nog geen antwoord; het neutrale responsmodel geeft LR 1 (§3.6)",
    "non-response-informative": "nog geen antwoord; het informatieve responsmodel (§3.6)",
}
"""What each likelihood rule says, in Dutch (the English is the rule's own text in ``RULES``)."""
WORDS.update({f"rule_{code}": (RULE_WORDS_NL[code], text) for code, text in RULES.items()})


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
