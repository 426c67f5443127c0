"""One language: under ``--lang nl`` no English word of the tool's own wording reaches the user, and
under ``--lang en`` no Dutch one — on every command, on the flagship and on the bad inputs.

The word lists are the catalogues themselves (:mod:`beleidstheorie.messages`, the table and diagram
words of :mod:`beleidstheorie.views.wording`, the table notes): a word of one language's texts that
never occurs in the other language's. Words the theory's own data contains (its labels, quotes and
ids, Dutch with some English) are left out of both lists: those are the theory's, not the tool's.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import SH

from beleidstheorie.cli import main
from beleidstheorie.help_texts import HELP, METAVARS
from beleidstheorie.messages import KIND_WORDS, MESSAGES
from beleidstheorie.views.tables import NOTES
from beleidstheorie.views.wording import WORDS
from tests.conftest import EXAMPLE, FLAGSHIP, ROOT
from tests.io.test_bad_corpus import BAD, EXPECTED, MINIMAL

_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ_-]*")


def _tokens(text: str) -> set[str]:
    """The words of four letters or more; codes (``exact-elimination``, ``p_flip``) are not words."""
    return {t.casefold() for t in _TOKEN.findall(text) if len(t) >= 4 and not re.search(r"[_-]", t)}


def _strings(data: object, key: str = "") -> list[tuple[str, str]]:
    if isinstance(data, dict):
        return [pair for k, v in data.items() for pair in _strings(v, str(k))]
    if isinstance(data, list):
        return [pair for v in data for pair in _strings(v, key)]
    return [(key, str(data))]


def _data_words(with_english_labels: bool) -> set[str]:
    """The words of the theories' own texts; their English labels (``en:``, ``*_en``) only when asked for."""
    words: set[str] = set()
    for folder in (FLAGSHIP, EXAMPLE, BAD, ROOT / "src" / "beleidstheorie" / "authoring"):
        for path in folder.rglob("*"):
            text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
            if path.suffix in (".yaml", ".yml") and folder != BAD:  # the bad corpus is not read as YAML
                pairs = _strings(yaml.safe_load(text))
                words |= _tokens(
                    " ".join(
                        v for k, v in pairs if with_english_labels or not (k == "en" or k.endswith("_en"))
                    )
                )
            elif path.suffix in (".yaml", ".ttl", ".jsonld", ".nt", ".rq", ".toml"):
                words |= _tokens(text)
    return words


@cache
def word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(English-only words, Dutch-only words) of the tool's catalogues, without the data's words."""
    pairs = [*MESSAGES.values(), *KIND_WORDS.values(), *WORDS.values()]
    pairs += [(NOTES["nl"][k], NOTES["en"].get(k, "")) for k in NOTES["nl"]]
    pairs += [(nl, en) for en, nl in HELP.items()] + [(nl, en) for en, nl in METAVARS.items()]
    dutch = set().union(*(_tokens(nl) for nl, _ in pairs))
    english = set().union(*(_tokens(en) for _, en in pairs))
    # under nl a theory's Dutch texts and ids are shown, under en also its English labels
    return frozenset(english - dutch - _data_words(False)), frozenset(dutch - english - _data_words(True))


def test_the_word_lists_are_long_enough_to_mean_something():
    english, dutch = word_lists()
    assert len(english) > 150 and len(dutch) > 150
    assert {"error", "wrote", "missing", "malformed", "warning"} <= english
    assert {"fout", "geschreven", "ontbreekt", "onbekende", "kolom"} <= dutch


# A parser's own text (Oxigraph's, PyYAML's, tomllib's) is quoted after the frame that says so; it is
# the parser's, English whatever the language, and the tool's wording before it is checked.
_PARSER_OWN = re.compile(r"(?:melding van (?:de parser|dot)|(?:parser|dot)'s message): .*$", re.MULTILINE)


def _foreign(text: str, lang: str, *erase: str) -> list[str]:
    for part in erase:
        text = text.replace(part, " ")
    text = _PARSER_OWN.sub(" ", text)
    text = re.sub(r"\b[a-z]+:[A-Za-z]\w*", " ", text)  # RDF terms (xsd:decimal, bt:Mechanism) are names
    english, dutch = word_lists()
    return sorted(_tokens(text) & (english if lang == "nl" else dutch))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("taal")


def _run(args: list[str], lang: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result
    return result.exit_code, result.stdout + result.stderr


F = str(FLAGSHIP)
E = str(EXAMPLE)
# every command, with what it prints: (arguments, exit status); {out} is a temporary folder
COMMANDS = [
    (["score", F], 0),
    (["coverage", F], 0),
    (["compare", F, "--from", "1", "--to", "2"], 0),
    (["explain", "maatwerk", F, "--top", "3"], 0),
    (["next", F], 0),
    (["list", "mechanisms", F], 0),
    (["list", "rounds", F], 0),
    (["query", "SELECT ?m ?l WHERE { ?m a bt:Mechanism ; skos:prefLabel ?l }", F], 0),
    (["validate", F], 0),
    (["validate", E], 0),  # its observations without basis or source: a warning with an example
    (["datasets"], 0),
    (["cache"], 0),
    (["sensitivity", E], 0),
    (["sensitivity", E, "--coding"], 0),
    (["score", F, "-o", "{out}/s.csv"], 0),
    (["render", "schema", F, "-o", "{out}/s.dot"], 0),
    (["interactive", F, "-o", "{out}/p.html"], 0),
    (["init", "{out}/nieuw-{lang}"], 0),
    (["explain", "Nope", F], 1),
    (["explain", "signalering", F], 1),
    (["score", F, "--round", "zeven"], 1),
    (["score", F, "-o", "{out}/x.foo"], 1),
    (["render", "schema", F, "--landscape", "-o", "{out}/x.svg"], 1),
    (["score", "{out}/geen-theorie"], 1),
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("args", "status"), COMMANDS, ids=[" ".join(a[:2]) for a, _ in COMMANDS])
def test_every_command_speaks_one_language(folder, args, status, lang):
    argv = [a.replace("{out}", str(folder)).replace("{lang}", lang) for a in args]
    code, said = _run(argv, lang)
    assert code == status, said
    assert _foreign(said, lang, str(folder), F, E) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_bad_input_is_refused_in_one_language(name, lang):
    path = BAD / name
    argv = EXPECTED[name][0].format(path=path, minimal=MINIMAL).split()
    code, said = _run(argv, lang)
    assert code == 1
    assert said.startswith("fout: " if lang == "nl" else "error: ")
    assert _foreign(said, lang, str(path), str(MINIMAL)) == []


K = "https://example.org/beleidstheorie/klein/"


@pytest.mark.parametrize(
    ("name", "nl", "en"),
    [
        (
            "ttl-round-number-text.ttl",
            f"fout: {{path}}: <{K}round/ronde-1> bt:number: Een meting moet precies één bt:number "
            '(het nummer) hebben, een xsd:integer van minstens 1 (waarde: "een")',
            f"error: {{path}}: <{K}round/ronde-1> bt:number: A measurement round needs exactly one bt:number "
            '(its number), an xsd:integer of at least 1 (value: "een")',
        ),
        (
            "ttl-ispartof-cycle.ttl",
            f"fout: {{path}}: <{K}initiative/ini>: een kringloop in dcterms:isPartOf: <{K}initiative/ini> → "
            f"<{K}initiative/ini>",
            f"error: {{path}}: <{K}initiative/ini>: a cycle in dcterms:isPartOf: <{K}initiative/ini> → "
            f"<{K}initiative/ini>",
        ),
        (
            "yaml-round-number-text.yaml",
            "fout: {path}: regel 15 (rounds[0].number): de waarde moet een geheel getal zijn; deze tekst is "
            "geen getal (gegeven: 'een')",
            "error: {path}: line 15 (rounds[0].number): Input should be a valid integer, unable to parse "
            "string as an integer (got 'een')",
        ),
        (
            "yaml-impossible-date.yaml",
            "fout: {path}: regel 15, kolom 58: onjuiste YAML: de waarde '2024-13-45' is niet te lezen "
            "(de maand moet tussen 1 en 12 liggen)",
            "error: {path}: line 15, column 58: malformed YAML: cannot read the value '2024-13-45' "
            "(month must be in 1..12)",
        ),
        ("yaml-empty.yaml", "fout: {path}: het bestand is leeg", "error: {path}: the file is empty"),
        (
            "yaml-not-utf8.yaml",
            "fout: {path}: regel 4: geen UTF-8-tekst (ongeldige vervolgbyte 0xe9)",
            "error: {path}: line 4: not UTF-8 text (invalid continuation byte 0xe9)",
        ),
        (
            "query-service.rq",
            "fout: {path}: SERVICE staat uit: een query leest alleen de geladen theorie",
            "error: {path}: SERVICE is disabled: a query reads the loaded theory only",
        ),
    ],
)
def test_whole_messages_of_readers_and_shapes_in_both_languages(name, nl, en):
    path = BAD / name
    argv = EXPECTED[name][0].format(path=path, minimal=MINIMAL).split()
    for lang, expected in (("nl", nl), ("en", en)):
        result = CliRunner().invoke(main, ["--lang", lang, *argv])
        assert result.stderr == expected.format(path=path) + "\n"


def test_a_missing_source_in_yaml_is_said_at_its_line_in_dutch(example_copy):
    theory = example_copy / "theory.yaml"
    text = theory.read_text(encoding="utf-8")
    theory.write_text(text[: text.index("source:")] + text[text.index("inputs:") :], encoding="utf-8")
    nl = CliRunner().invoke(main, ["--lang", "nl", "validate", str(example_copy)]).stderr.splitlines()
    en = CliRunner().invoke(main, ["--lang", "en", "validate", str(example_copy)]).stderr.splitlines()
    line = re.match(rf"fout: {re.escape(str(theory))}: regel (\d+): ", nl[0])
    assert line is not None, nl[0]
    assert nl[0][line.end() :] == (
        "verplicht veld 'source' ontbreekt: het document waaruit de theorie is gecodeerd "
        "(source: {title: ..., date: JJJJ-MM-DD}); de herkomst van elk onderdeel verwijst ernaar"
    )
    assert en[0] == (
        f"error: {theory}: line {line[1]}: missing required field 'source': the document the theory is "
        "encoded from (source: {title: ..., date: YYYY-MM-DD}); every node's provenance points to it"
    )
    assert len(nl) == len(en)


def test_every_shape_message_is_given_in_english_and_dutch():
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    by_shape: dict[object, list[Literal]] = {}
    for shape, said in shapes.subject_objects(SH.message):
        by_shape.setdefault(shape, []).append(said)
    assert len(by_shape) > 250
    for shape, messages in by_shape.items():
        assert sorted(str(m.language) for m in messages) == ["en", "nl"], (shape, messages)
        nl = next(str(m) for m in messages if m.language == "nl")
        en = next(str(m) for m in messages if m.language == "en")
        terms = re.compile(r"\b(?:bt|xsd|prov|skos|dcterms|rdfs):\w+")
        assert nl != en and sorted(terms.findall(nl)) == sorted(terms.findall(en)), (shape, nl, en)


CSV_COMMANDS = [
    ["score"],
    ["coverage"],
    ["compare", "--from", "1", "--to", "2"],
    ["explain", "vaste-contacten"],
    ["next"],
    ["list", "mechanisms"],
    ["sensitivity"],
]


@pytest.mark.parametrize("args", CSV_COMMANDS, ids=[a[0] for a in CSV_COMMANDS])
def test_csv_codes_are_the_same_in_both_languages_with_labels_beside_them(args):
    import csv
    import io

    tables = {}
    for lang in ("nl", "en"):
        result = CliRunner().invoke(main, ["--lang", lang, *args, E, "--format", "csv"])
        assert result.exit_code == 0, result.stderr
        tables[lang] = list(csv.reader(io.StringIO(result.stdout)))
    nl, en = tables["nl"], tables["en"]
    assert nl[0] == en[0] and len(nl) == len(en) > 1  # the header is codes, the same in both
    worded = ("_label", "_text", "_nl", "_en")
    words = [i for i, name in enumerate(nl[0]) if name == "label" or name.endswith(worded)]
    codes = [i for i in range(len(nl[0])) if i not in words and nl[0][i] not in ("note", "reason", "text")]
    assert [[row[i] for i in codes] for row in nl] == [[row[i] for i in codes] for row in en]
    assert words, "a table of codes only: no label beside them"


@pytest.mark.parametrize(
    ("toml", "nl", "en"),
    [
        (
            "version = 3\n",
            "fout: {path}: version: onbekende versie 3 van de configuratie (deze engine leest versie 2)",
            "error: {path}: version: unknown configuration version 3 (this engine reads version 2)",
        ),
        (
            '[evidence.quantitative]\nalpha = "x"\n',
            "fout: {path}: evidence.quantitative.alpha: de waarde moet een getal zijn; deze tekst is "
            "geen getal",
            "error: {path}: evidence.quantitative.alpha: Input should be a valid number, unable to parse "
            "string as a number",
        ),
    ],
    ids=["version", "type"],
)
def test_whole_messages_of_the_configuration_in_both_languages(tmp_path, toml, nl, en):
    path = tmp_path / "cfg.toml"
    path.write_text(toml, encoding="utf-8")
    for lang, expected in (("nl", nl), ("en", en)):
        result = CliRunner().invoke(main, ["--lang", lang, "score", F, "--config", str(path)])
        assert result.exit_code == 1
        assert result.stderr == expected.format(path=path) + "\n"


# The files whose cause a parser words: the catalogue's wording in the language asked for, then the
# parser's own text after a frame that says whose it is.
PARSER_CAUSES = {
    "nt-nul-in-iri.nt": (
        "een IRI mag het teken '\\0' niet bevatten",
        "an IRI may not contain the character '\\0'",
        "Invalid IRI code point '\\0'",
    ),
    "ttl-space-in-iri.ttl": (
        "een IRI mag het teken ' ' niet bevatten",
        "an IRI may not contain the character ' '",
        "Invalid IRI code point ' '",
    ),
    "ttl-deep-nesting.ttl": (
        "] staat waar een object hoort (een IRI, een literal of [ … ])",
        "] stands where an object belongs (an IRI, a literal or [ … ])",
        "] is not a valid RDF object",
    ),
    "jsonld-malformed.jsonld": (
        "onverwachte sluitende accolade '}'",
        "unexpected closing brace '}'",
        "Unexpected closing curly bracket, no array to close",
    ),
    "config-malformed.toml": (
        "aan het eind van een tabelkop ontbreekt ']'",
        "a table header lacks its closing ']'",
        "Expected ']' at the end of a table declaration",
    ),
    "yaml-python-tag.yaml": (
        "onbekende tag (alleen gewone YAML): 'tag:yaml.org,2002:python/object/apply:os.system'",
        "unknown tag (plain YAML only): 'tag:yaml.org,2002:python/object/apply:os.system'",
        "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
}


@pytest.mark.parametrize("name", sorted(PARSER_CAUSES))
def test_a_parser_s_cause_is_explained_in_both_languages_with_its_own_text_after_it(name):
    nl, en, own = PARSER_CAUSES[name]
    argv = EXPECTED[name][0].format(path=BAD / name, minimal=MINIMAL).split()
    said = {lang: CliRunner().invoke(main, ["--lang", lang, *argv]).stderr for lang in ("nl", "en")}
    assert said["nl"].endswith(f": {nl} (melding van de parser: {own})\n"), said["nl"]
    assert said["en"].endswith(f": {en} (parser's message: {own})\n"), said["en"]


def test_an_unknown_parser_cause_is_quoted_as_the_parser_s_own(tmp_path):
    path = tmp_path / "vreemd.jsonld"
    path.write_text(
        '{"@id": "urn:a", "urn:p": {"@value": "x", "@language": "nl", "@type": "urn:t"}}', encoding="utf-8"
    )
    said = {
        lang: CliRunner().invoke(main, ["--lang", lang, "score", str(path)]).stderr for lang in ("nl", "en")
    }
    cause = said["en"].split("parser's message: ", 1)[1]
    assert said["en"] == f"error: {path}: malformed JSON-LD: parser's message: {cause}"
    assert said["nl"] == f"fout: {path}: onjuiste JSON-LD: melding van de parser: {cause}"


def test_every_known_parser_cause_has_its_wording_in_both_languages():
    from beleidstheorie.messages import PARSER_CAUSES as KNOWN

    for pattern, key in KNOWN:
        nl, en = MESSAGES[key]
        names = set(pattern.groupindex)
        assert set(re.findall(r"{(\w+)}", nl)) == names == set(re.findall(r"{(\w+)}", en)), key


def _store_with_a_damaged_marker(folder: Path) -> str:
    store = folder / "kapotte-store"
    store.mkdir(exist_ok=True)
    (store / "beleidstheorie-store.json").write_text("{niet json", encoding="utf-8")
    return str(store)


def _stores_and_files(folder: Path) -> None:
    """The odd stores and files the refusals below read, made once in ``folder``."""
    markers = {"nieuwere-store": '{"format": 99, "current": "v000001"}', "zonder-versie": '{"format": 1}'}
    markers["verloren-versie"] = '{"format": 1, "current": "v000009"}'
    for name, marker in markers.items():
        (folder / name).mkdir(exist_ok=True)
        (folder / name / "beleidstheorie-store.json").write_text(marker, encoding="utf-8")
    (folder / "latin1.toml").write_bytes("[prior]\n# één\n".encode("latin-1"))
    (folder / "config").mkdir(exist_ok=True)
    (folder / "config" / "credentials.toml").write_text("[stores\n", encoding="utf-8")


# Refusals reached only with a particular environment or store: (arguments, environment), each
# worded by the catalogue in both languages; {out} is a temporary folder
REFUSALS = {
    "dot missing (render)": (["render", "schema", F, "-o", "{out}/s.svg"], {"PATH": ""}),
    "dot missing (matrix)": (["render", "matrix", F, "-o", "{out}/m.svg"], {"PATH": ""}),
    # a real dot that cannot find its plugins fails, and says why in English on stderr
    "dot fails (render)": (["render", "schema", E, "-o", "{out}/s.svg"], {"GVBINDIR": "{out}/geen-plugins"}),
    "dot fails (paper)": (
        ["render", "schema", E, "--paper", "a4", "-o", "{out}/s.pdf"],
        {"GVBINDIR": "{out}/geen-plugins"},
    ),
    "damaged store marker": (["score", "--store", "{store}"], {}),
    "store url without host": (["score", "--store", "sparql+http:///x"], {}),
    "credentials in a store url": (["score", "--store", "sparql+http://u:p@localhost:9/x"], {}),
    "timeout not a number": (
        ["score", "--store", "sparql+http://localhost:9/x"],
        {"BELEIDSTHEORIE_SPARQL_TIMEOUT": "snel"},
    ),
    "generate format": (["generate", "-o", "{out}/g.txt"], {}),
    "configuration not utf-8": (["score", F, "--config", "{out}/latin1.toml"], {}),
    "store format newer": (["score", "--store", "{out}/nieuwere-store"], {}),
    "store marker without a field": (["score", "--store", "{out}/zonder-versie"], {}),
    "store marker without its version": (["score", "--store", "{out}/verloren-versie"], {}),
    "credentials unreadable": (
        ["score", "--store", "sparql+http://localhost:9/x"],
        {"BELEIDSTHEORIE_CONFIG_DIR": "{out}/config"},
    ),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refusals_of_drawing_stores_and_files_speak_one_language(folder, case, lang, monkeypatch):
    args, env = REFUSALS[case]
    for name, value in env.items():
        monkeypatch.setenv(name, value.replace("{out}", str(folder)))
    store = _store_with_a_damaged_marker(folder)
    _stores_and_files(folder)
    argv = [a.replace("{out}", str(folder)).replace("{store}", store) for a in args]
    code, said = _run(argv, lang)
    assert code == 1, said
    assert re.search("^fout: " if lang == "nl" else "^error: ", said, re.MULTILINE), said
    assert _foreign(said, lang, str(folder), F, E) == []
    other = _run(argv, "en" if lang == "nl" else "nl")[1]
    assert said != other  # the message itself changes with the language, not only its prefix


def _commands() -> list[list[str]]:
    import click

    return [[], *([name] for name in sorted(main.commands) if isinstance(main.commands[name], click.Command))]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "beleidstheorie")
def test_the_help_of_every_command_speaks_one_language(command, lang):
    said = CliRunner().invoke(main, ["--lang", lang, *command, "--help"])
    assert said.exit_code == 0, said.output
    heading = {"nl": ("Gebruik: ", "Opties:"), "en": ("Usage: ", "Options:")}[lang]
    assert said.stdout.startswith(heading[0]) and heading[1] in said.stdout
    # what the user types is code in every language: option names, choices, the examples' lines
    typed = re.findall(r"--?[a-z][a-z-]*|\{[^}]*\}|\[[a-z0-9|-]*\]|^ +beleidstheorie .*$", said.stdout, re.M)
    assert _foreign(said.stdout, lang, *sorted(typed, key=len, reverse=True)) == []


@pytest.mark.parametrize("where", ["after", "env"])
def test_the_language_of_help_is_known_before_click_parses(where, monkeypatch):
    if where == "env":
        monkeypatch.setenv("BELEIDSTHEORIE_LANG", "en")
        argv = ["score", "--help"]
    else:  # --help is eager: it runs before the --lang that follows it is parsed
        argv = ["score", "--help", "--lang", "en"]
    said = CliRunner().invoke(main, argv, prog_name="beleidstheorie").stdout
    assert said.startswith("Usage: beleidstheorie score [OPTIONS] [GRAPH]")
    assert "\nOptions:\n" in said and "Opties" not in said and "Measurement round" in said


def test_every_help_text_has_its_dutch_and_no_dutch_is_left_over():
    import inspect

    import click

    written = set()
    for command in [main, *main.commands.values()]:
        for text in (command.help, command.epilog):
            if text:
                written.add(inspect.cleandoc(text).partition("\f")[0])
        written |= {p.help for p in command.params if isinstance(p, click.Option) and p.help}
    written.add("Show this message and exit.")
    assert sorted(written - set(HELP)) == []  # English only: a Dutch entry is missing
    assert sorted(set(HELP) - written) == []  # an entry for a text no longer written


@pytest.mark.parametrize(
    ("argv", "nl", "en"),
    [
        (
            ["score", "--rond", "1"],
            "Fout: Onbekende optie '--rond'. Bedoelt u '--round'?",
            "Error: No such option '--rond'. Did you mean '--round'?",
        ),
        (
            ["score", "--timeout", "1"],
            "Fout: Onbekende optie '--timeout'.",
            "Error: No such option '--timeout'.",
        ),
        (
            ["scoor"],
            "Fout: Onbekend commando 'scoor'. Bedoelt u 'score'?",
            "Error: No such command 'scoor'. Did you mean 'score'?",
        ),
        (
            ["query", "--timeout", "snel", "SELECT * {}"],
            "Fout: Ongeldige waarde voor '--timeout': 'snel' is geen getal.",
            "Error: Invalid value for '--timeout': 'snel' is not a valid float range.",
        ),
        (
            ["score", "--format", "pdf"],
            "Fout: Ongeldige waarde voor '--format': 'pdf' is geen van 'table', 'json', 'csv', 'xlsx'.",
            "Error: Invalid value for '--format': 'pdf' is not one of 'table', 'json', 'csv', 'xlsx'.",
        ),
        (
            ["score", "--round"],
            "Fout: De optie '--round' vraagt om een waarde.",
            "Error: Option '--round' requires an argument.",
        ),
        (
            ["score", "a", "b"],
            "Fout: Onverwacht extra argument (b)",
            "Error: Got unexpected extra argument (b)",
        ),
        (
            ["render", "schema"],
            "Fout: De optie '-o' / '--output' ontbreekt.",
            "Error: Missing option '-o' / '--output'.",
        ),
    ],
    ids=["option", "no-option", "command", "number", "choice", "no-value", "extra", "missing"],
)
def test_click_s_refusals_of_a_command_line_in_both_languages(argv, nl, en):
    for lang, expected in (("nl", nl), ("en", en)):
        said = CliRunner().invoke(main, ["--lang", lang, *argv], prog_name="beleidstheorie")
        assert said.exit_code == 2
        assert said.stderr.rstrip("\n").splitlines()[-1] == expected
        usage = {"nl": "Gebruik: beleidstheorie", "en": "Usage: beleidstheorie"}[lang]
        lines = said.stderr.splitlines()
        assert len(lines) == 1 or said.stderr.startswith(usage), said.stderr  # usage when click knows it
        assert _foreign(said.stderr, lang, *re.findall(r"'[^']*'", said.stderr)) == []  # the values typed


def test_the_version_line_follows_the_language():
    from beleidstheorie import __version__

    nl = CliRunner().invoke(main, ["--lang", "nl", "--version"]).stdout
    en = CliRunner().invoke(main, ["--lang", "en", "--version"]).stdout
    assert (nl, en) == (f"beleidstheorie, versie {__version__}\n", f"beleidstheorie, version {__version__}\n")


def test_a_failing_dot_is_said_in_both_languages_with_its_own_message_after(folder, monkeypatch):
    monkeypatch.setenv("GVBINDIR", str(folder / "geen-plugins"))  # a real dot without its plugins
    argv = ["render", "schema", E, "-o", str(folder / "s.svg")]
    nl, en = (_run(argv, lang)[1].splitlines()[-1] for lang in ("nl", "en"))
    assert nl.startswith(f"fout: {folder / 's.svg'}: dot kon het diagram niet tekenen (melding van dot: ")
    assert en.startswith(f"error: {folder / 's.svg'}: dot could not draw the diagram (dot's message: ")
    assert nl.split("(melding van dot: ")[1] == en.split("(dot's message: ")[1]  # dot's own words, kept


def test_validate_s_example_of_an_unstated_observation_is_in_the_chosen_language():
    # the example comes from the theory's outline, which the cache keeps: the second run reads it back
    for _ in range(2):
        _, nl = _run(["validate", E], "nl")
        _, en = _run(["validate", E], "en")
        assert "observations[0]: geen basis en geen source vermeld" in nl and "no basis" not in nl
        assert "observations[0]: no basis and no source stated" in en and "geen basis" not in en


def test_validate_s_example_from_an_rdf_file_is_in_the_chosen_language(folder):
    # an RDF file's counts come from its store, its example named by the observation's id
    code, said = _run(["export", E, "-o", str(folder / "unstated.nt")], "nl")
    assert code == 0, said
    _, nl = _run(["validate", str(folder / "unstated.nt")], "nl")
    _, en = _run(["validate", str(folder / "unstated.nt")], "en")
    assert ": geen basis en geen source vermeld" in nl and "no basis" not in nl
    assert ": no basis and no source stated" in en and "geen basis" not in en
