"""The messages the tool prints outside its tables, in Dutch and English: one catalogue.

A message has a key and named values; :func:`message` renders it in a language.
Errors carry the key and values on their :class:`~beleidstheorie.errors.Problem`
(see :func:`beleidstheorie.errors.problem`), so the layer that raises them needs no
language and the command line, which knows ``--lang``, picks one. The English text
is also the problem's plain ``str()``, as before. Table words live in
``beleidstheorie.views.wording``.

>>> message("no_named", "en", what=Kind("mechanism"), name="'x'", hint="")
"no mechanism named 'x' (`beleidstheorie list` shows them all)"
>>> message("no_named", "nl", what=Kind("mechanism"), name="'x'", hint="")
"geen mechanisme met de naam 'x' (`beleidstheorie list` toont ze allemaal)"
>>> place_in("line 40 (mechanisms[1])", "nl"), place_in("line 4, column 1", "nl")
('regel 40 (mechanisms[1])', 'regel 4, kolom 1')
"""

from __future__ import annotations

import re
from collections.abc import Callable

MESSAGES: dict[str, tuple[str, str]] = {
    # prefixes and status lines of the command line
    "error": ("fout", "error"),
    "warning": ("waarschuwing", "warning"),
    "wrote": ("geschreven: {path}", "wrote {path}"),
    "next_steps": ("verder: {command}", "next: {command}"),
    "valid": (
        "ok: {label}: {triples} triples, {initiatives} initiatieven, {mechanisms} mechanismen, "
        "{indicators} indicatoren, {observations} waarnemingen",
        "ok: {label}: {triples} triples, {initiatives} initiatives, {mechanisms} mechanisms, "
        "{indicators} indicators, {observations} observations",
    ),
    "unstated": (
        "{source}: {n} waarnemingen zeggen niet wat ze laten zien (basis, bron); de voorzichtige "
        "standaardwaarden gelden (zie docs/method.md §3.5), bijv. {example}",
        "{source}: {n} observations do not say what they show (basis, source); the conservative "
        "defaults apply (see docs/method.md §3.5), e.g. {example}",
    ),
    "inference_sampled": (
        "inferentie: {method} — de breedte overschrijdt het exacte budget van {budget} tabelcellen; "
        "elke score heeft een standaardfout",
        "inference: {method} — the width exceeds the exact budget of {budget} table entries; "
        "every score carries its standard error",
    ),
    "inference_exact": (
        "inferentie: {method}, breedte {width} (grootste tabel {entries} cellen)",
        "inference: {method}, width {width} (largest table {entries} entries)",
    ),
    "loaded": (
        "{theory} geladen in {store}: {triples} triples in {graphs} grafen",
        "loaded {theory} into {store}: {triples} triples in {graphs} graphs",
    ),
    # errors of the command line
    "too_deep": ("de invoer is te diep genest om te lezen", "the input is nested too deeply to read"),
    "out_of_memory": ("geheugen vol: de invoer is te groot", "out of memory: the input is too large"),
    "binary_format": (
        "dit formaat is binair: schrijf het naar een bestand met -o BESTAND",
        "this format is binary: write it to a file with -o FILE",
    ),
    "no_format_for_extension": (
        "{output}: geen formaat voor de extensie {suffix}; gebruik een van {known}, of --format",
        "{output}: no format for the extension {suffix}; use one of {known}, or --format",
    ),
    "format_mismatch": (
        "{output}: --format {fmt} past niet bij de extensie {suffix}",
        "{output}: --format {fmt} does not match the extension {suffix}",
    ),
    "landscape_needs_paper": (
        "--landscape vraagt om --paper A4 of A3",
        "--landscape needs --paper A4 or A3",
    ),
    "unknown_diagram_format": (
        "{output}: onbekend diagramformaat; gebruik een van {known}",
        "{output}: unknown diagram format; use one of {known}",
    ),
    "initiative_needs_name": (
        "render initiative vraagt om de NAAM van een initiatief",
        "render initiative needs the NAME of an initiative",
    ),
    "dot_missing": (
        "het programma `dot` van Graphviz is niet geïnstalleerd of staat niet op PATH; het is het "
        "enige systeemprogramma dat beleidstheorie nodig heeft. Installeer Graphviz "
        "(https://graphviz.org/download/: Debian/Ubuntu `apt-get install graphviz`, "
        "macOS `brew install graphviz`, Windows `winget install graphviz`), of schrijf de DOT-bron "
        "met -o BESTAND.dot",
        "graphviz's `dot` program is not installed or not on PATH; it is the only system program "
        "beleidstheorie needs. Install Graphviz (https://graphviz.org/download/: Debian/Ubuntu "
        "`apt-get install graphviz`, macOS `brew install graphviz`, Windows `winget install graphviz`), "
        "or write the DOT source with -o FILE.dot",
    ),
    "unexpected_arguments": ("onverwachte argumenten: {args}", "unexpected arguments: {args}"),
    # finding a theory (graph.locate)
    "theory_not_found": (
        "{cause}. Noem een theoriemap, een theory.yaml of een RDF-bestand (.ttl, .jsonld, .nt), "
        "of een meegeleverde dataset bij naam (`beleidstheorie datasets` toont ze: {names})",
        "{cause}. Name a theory folder, a theory.yaml or an RDF file (.ttl, .jsonld, .nt), "
        "or a bundled dataset by name (`beleidstheorie datasets` lists them: {names})",
    ),
    "no_theory_here": (
        "geen theory.yaml in deze map of de mappen erboven",
        "no theory.yaml in this directory or its parents",
    ),
    "no_such_path": (
        "geen bestand of map met deze naam, en geen meegeleverde dataset{hint}",
        "no such file or directory, and no bundled dataset of this name{hint}",
    ),
    "did_you_mean_dataset": (
        " (bedoelt u de meegeleverde dataset {names}?)",
        " (did you mean the bundled dataset {names}?)",
    ),
    "none": ("geen", "none"),
    # finding a node (authoring.names)
    "no_list": ("geen lijst {kind}; kies een van {kinds}", "no list of {kind}; choose one of {kinds}"),
    "ambiguous": (
        "{name} past bij meer dan één {what}: {listed}{more}; noem er één bij zijn id",
        "{name} matches more than one {what}: {listed}{more}; name one by its id",
    ),
    "and_more": (" en nog {n}", " and {n} more"),
    "no_named": (
        "geen {what} met de naam {name}{hint} (`beleidstheorie list` toont ze allemaal)",
        "no {what} named {name}{hint} (`beleidstheorie list` shows them all)",
    ),
    "did_you_mean": ("; bedoelt u: {names}?", "; did you mean: {names}?"),
    "or": ("of", "or"),
    # SHACL violations (graph.shacl): the shape's own message in the language asked for
    "shape": ("{text}", "{text}"),
    "shape_value": ("{text} (waarde: {value})", "{text} (value: {value})"),
    "shape_component": (
        "voldoet niet aan de {component}-voorwaarde van een shape",
        "violates the {component} constraint of a shape",
    ),
    "shacl_failed": ("SHACL-validatie mislukt: {cause}", "SHACL validation failed: {cause}"),
    # a graph problem put back at its place in the YAML (graph.places)
    "at_node": ("{kind} {local}: {problem}", "{kind} {local}: {problem}"),
    "at_field": ("{kind} {local}, veld {field}: {problem}", "{kind} {local}, field {field}: {problem}"),
}
"""Every message: key -> (Dutch, English), with ``{name}`` for its values."""

KIND_WORDS: dict[str, tuple[str, str]] = {
    "goal": ("doel", "goal"),
    "mechanism": ("mechanisme", "mechanism"),
    "contextfactor": ("contextfactor", "context factor"),
    "context factor": ("contextfactor", "context factor"),
    "round": ("meting", "round"),
    "organisation": ("organisatie", "organisation"),
    "input": ("input", "input"),
    "indicator": ("indicator", "indicator"),
    "initiative": ("initiatief", "initiative"),
    "observation": ("waarneming", "observation"),
    "contribution": ("bijdrage", "contribution"),
    "link": ("link", "link"),
    "target": ("beoogd effect", "target"),
    "theory": ("theorie", "theory"),
}
"""The kinds of node a message names, in Dutch and English."""


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def kind_word(kind: str, lang: str = "en") -> str:
    """The word for a kind of node (``mechanism``) in ``lang``; unknown kinds as they are.

    >>> kind_word("mechanism", "nl"), kind_word("goal", "en"), kind_word("new-kind", "nl")
    ('mechanisme', 'goal', 'new-kind')
    """
    pair = KIND_WORDS.get(kind)
    return kind if pair is None else _pick(pair, lang)


def _translated(value: object, lang: str) -> object:
    """A value that is itself a message (a ``(key, values)`` pair) rendered in ``lang``."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and value[0] in MESSAGES:
        key, values = value
        return message(key, lang, **dict(values))
    if isinstance(value, Kind):
        return kind_word(value.kind, lang)
    if isinstance(value, Texts):
        return value.in_language(lang)
    if isinstance(value, Kinds):
        words = [kind_word(k, lang) for k in value.kinds]
        if len(words) == 1:
            return words[0]
        return ", ".join(words[:-1]) + f" {_pick(MESSAGES['or'], lang)} " + words[-1]
    return value


class Kind:
    """A kind of node as a message value: rendered as its word in the message's language."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"Kind({self.kind!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Kind) and other.kind == self.kind

    def __hash__(self) -> int:
        return hash(("Kind", self.kind))


class Kinds:
    """Several kinds of node as one message value: ``goal, mechanism or initiative``."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.kinds = tuple(kinds)

    def __repr__(self) -> str:
        return f"Kinds({self.kinds!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Kinds) and other.kinds == self.kinds

    def __hash__(self) -> int:
        return hash(("Kinds", self.kinds))


class Texts:
    """A text that comes in several languages (a shape's ``sh:message`` per language tag).

    Rendered in the message's language, else in English, else in any language it has.

    >>> t = Texts({"en": "needs a label", "nl": "moet een naam hebben"})
    >>> t.in_language("nl"), Texts({"en": "x"}).in_language("nl")
    ('moet een naam hebben', 'x')
    """

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = dict(texts)

    def in_language(self, lang: str) -> str:
        """The text in ``lang``, else in English, else the first there is."""
        return self.texts.get(lang) or self.texts.get("en") or next(iter(self.texts.values()), "")

    def map(self, change: Callable[[str, str], str]) -> Texts:
        """The same texts, each changed by ``change(text, lang)``."""
        return Texts({lang: change(text, lang) for lang, text in self.texts.items()})

    def __repr__(self) -> str:
        return f"Texts({self.texts!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Texts) and other.texts == self.texts

    def __hash__(self) -> int:
        return hash(("Texts", tuple(sorted(self.texts.items()))))


def message(key: str, lang: str = "en", **values: object) -> str:
    """The message ``key`` in ``lang`` (``nl`` or ``en``) with its values filled in.

    A value may itself be a message, given as ``(key, values)``, or a :class:`Kind`.

    >>> message("wrote", "nl", path="s.csv")
    'geschreven: s.csv'
    >>> message("no_named", "nl", what=Kinds(("goal", "mechanism")), name="'x'",
    ...         hint=("did_you_mean", (("names", "maatwerk"),)))
    "geen doel of mechanisme met de naam 'x'; bedoelt u: maatwerk? (`beleidstheorie list` toont ze allemaal)"
    """
    text = _pick(MESSAGES[key], lang)
    return text.format(**{k: _translated(v, lang) for k, v in values.items()})


_LINE = re.compile(r"^line (\d+)(, column (\d+))?")


def place_in(place: str, lang: str) -> str:
    """A place (``line 40 (mechanisms[1])``) in ``lang``: YAML paths stay as written."""
    if lang != "nl":
        return place
    return _LINE.sub(lambda m: f"regel {m[1]}" + (f", kolom {m[3]}" if m[3] else ""), place)
