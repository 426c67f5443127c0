"""The words of the libraries beleidstheorie uses, in Dutch and English: its parsers, click, the OS.

A part of the catalogue of :mod:`beleidstheorie.messages` (which merges
:data:`LIBRARY_MESSAGES` into its ``MESSAGES``): the causes Oxigraph, rdflib, PyYAML,
tomllib and json give, click's own words and refusals, and the operating system's
causes, and pydantic's errors, each by its English wording. :func:`beleidstheorie.messages.parser_said`,
:func:`~beleidstheorie.messages.click_said` and :func:`~beleidstheorie.messages.os_cause`
use them.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator

LIBRARY_MESSAGES: dict[str, tuple[str, str]] = {
    # pydantic's errors by type (messages.pydantic_said)
    "pd_string_type": ("de waarde moet een tekst zijn", "Input should be a valid string"),
    "pd_int_parsing": (
        "de waarde moet een geheel getal zijn; deze tekst is geen getal",
        "Input should be a valid integer, unable to parse string as an integer",
    ),
    "pd_int_type": ("de waarde moet een geheel getal zijn", "Input should be a valid integer"),
    "pd_int_from_float": (
        "de waarde moet een geheel getal zijn, zonder cijfers achter de komma",
        "Input should be a valid integer, got a number with a fractional part",
    ),
    "pd_float_parsing": (
        "de waarde moet een getal zijn; deze tekst is geen getal",
        "Input should be a valid number, unable to parse string as a number",
    ),
    "pd_float_type": ("de waarde moet een getal zijn", "Input should be a valid number"),
    "pd_finite_number": ("de waarde moet een eindig getal zijn", "Input should be a finite number"),
    "pd_bool_parsing": (
        "de waarde moet true of false zijn",
        "Input should be a valid boolean, unable to interpret input",
    ),
    "pd_bool_type": ("de waarde moet true of false zijn", "Input should be a valid boolean"),
    "pd_literal_error": ("de waarde moet {expected} zijn", "Input should be {expected}"),
    "pd_enum": ("de waarde moet {expected} zijn", "Input should be {expected}"),
    "pd_greater_than_equal": (
        "de waarde moet minstens {ge} zijn",
        "Input should be greater than or equal to {ge}",
    ),
    "pd_greater_than": ("de waarde moet groter zijn dan {gt}", "Input should be greater than {gt}"),
    "pd_less_than_equal": (
        "de waarde moet hoogstens {le} zijn",
        "Input should be less than or equal to {le}",
    ),
    "pd_less_than": ("de waarde moet kleiner zijn dan {lt}", "Input should be less than {lt}"),
    "pd_too_short": (
        "hier horen minstens {min_length} onderdelen, niet {actual_length}",
        "List should have at least {min_length} items after validation, not {actual_length}",
    ),
    "pd_string_too_short": (
        "de tekst moet minstens {min_length} teken(s) hebben",
        "String should have at least {min_length} characters",
    ),
    "pd_string_pattern_mismatch": (
        "de tekst moet passen bij het patroon {pattern}",
        "String should match pattern {pattern}",
    ),
    "pd_date": ("de waarde moet een geldige datum zijn", "Input should be a valid date"),
    "pd_dict_type": (
        "hier hoort een mapping (sleutel: waarde)",
        "Input should be a valid dictionary",
    ),
    "pd_list_type": ("hier hoort een lijst", "Input should be a valid list"),
    # click's own words in --help and in its refusals of a command line (cli.language)
    "cl_usage": ("Gebruik:", "Usage:"),
    "cl_options": ("Opties", "Options"),
    "cl_commands": ("Commando's", "Commands"),
    "cl_arguments": ("Argumenten", "Positional arguments"),
    "cl_required": ("verplicht", "required"),
    "cl_default": ("standaard: {default}", "default: {default}"),
    "cl_env_var": ("omgevingsvariabele: {var}", "env var: {var}"),
    "cl_try": ("Zie '{command} {option}' voor hulp.", "Try '{command} {option}' for help."),
    "cl_error": ("Fout: {message}", "Error: {message}"),
    "cl_version": ("{prog}, versie {version}", "{prog}, version {version}"),
    "cl_no_option": ("Onbekende optie {name}.", "No such option {name}."),
    "cl_no_command": ("Onbekend commando {name}.", "No such command {name}."),
    "cl_did_you_mean_one_of": ("(Bedoelt u een van: {names}?)", "(Did you mean one of: {names}?)"),
    "cl_did_you_mean": ("Bedoelt u {names}?", "Did you mean {names}?"),
    "cl_missing_argument": ("Het argument {name} ontbreekt.", "Missing argument {name}."),
    "cl_missing_option": ("De optie {name} ontbreekt.", "Missing option {name}."),
    "cl_missing_command": ("Er ontbreekt een commando.", "Missing command."),
    "cl_invalid_for": ("Ongeldige waarde voor {name}: ", "Invalid value for {name}: "),
    "cl_invalid": ("Ongeldige waarde: ", "Invalid value: "),
    "cl_not_one_of": ("{value} is geen van {choices}.", "{value} is not one of {choices}."),
    "cl_choose_from": ("Kies uit:", "Choose from:"),
    "cl_not_integer": ("{value} is geen geheel getal.", "{value} is not a valid integer."),
    "cl_not_float": ("{value} is geen getal.", "{value} is not a valid float."),
    "cl_not_in_range": ("{value} ligt niet in het bereik {range}.", "{value} is not in the range {range}."),
    "cl_path_missing": ("{name} bestaat niet.", "Path {name} does not exist."),
    "cl_path_directory": ("{name} is een map.", "File {name} is a directory."),
    "cl_path_file": ("{name} is een bestand.", "Directory {name} is a file."),
    "cl_path_unreadable": ("{name} is niet leesbaar.", "File {name} is not readable."),
    "cl_path_unwritable": ("{name} is niet schrijfbaar.", "File {name} is not writable."),
    "cl_needs_value": ("De optie {name} vraagt om een waarde.", "Option {name} requires an argument."),
    "cl_takes_no_value": ("De optie {name} neemt geen waarde.", "Option {name} does not take a value."),
    "cl_extra_arguments": (
        "Onverwachte extra argumenten ({args})",
        "Got unexpected extra arguments ({args})",
    ),
    "cl_extra_argument": ("Onverwacht extra argument ({args})", "Got unexpected extra argument ({args})"),
    # a cause worded by a parser beleidstheorie uses (Oxigraph, rdflib, PyYAML, tomllib, json):
    # the catalogue's wording, then the parser's own text, marked as its own
    "parser_known": ("{said} (melding van de parser: {cause})", "{said} (parser's message: {cause})"),
    "parser_own": ("melding van de parser: {cause}", "parser's message: {cause}"),
    # RDF (Oxigraph's Turtle, N-Triples and N-Quads readers)
    "pc_iri_char": (
        "een IRI mag het teken {char} niet bevatten",
        "an IRI may not contain the character {char}",
    ),
    "pc_not_object": (
        "{token} staat waar een object hoort (een IRI, een literal of [ … ])",
        "{token} stands where an object belongs (an IRI, a literal or [ … ])",
    ),
    "pc_not_subject": (
        "{token} staat waar een subject of graafnaam hoort",
        "{token} stands where a subject or graph name belongs",
    ),
    "pc_not_predicate": (
        "{token} staat waar een predicaat hoort",
        "{token} stands where a predicate belongs",
    ),
    "pc_prefix": (
        "het prefix {prefix} is niet gedeclareerd (een regel @prefix ontbreekt)",
        "the prefix {prefix} is not declared (an @prefix line is missing)",
    ),
    "pc_end": ("het bestand houdt onverwacht op", "the file ends unexpectedly"),
    "pc_end_verb": (
        "het bestand houdt op waar nog een predicaat hoort",
        "the file ends where a predicate should follow",
    ),
    "pc_line": ("ongeldige regel: {line}", "an invalid line: {line}"),
    "pc_dot": ("een uitspraak moet met een punt eindigen", "a statement must end with a dot"),
    "pc_language_tag": (
        "een taaltag moet met een letter beginnen",
        "a language tag must start with a letter",
    ),
    "pc_escape": ("onbekende escape {char}", "unknown escape {char}"),
    "pc_object_kind": (
        "het object van een triple moet een IRI, een blank node of een literal zijn",
        "the object of a triple must be an IRI, a blank node or a literal",
    ),
    # JSON (Oxigraph's JSON-LD reader and Python's json)
    "pc_closing_brace": ("onverwachte sluitende accolade '}}'", "unexpected closing brace '}}'"),
    "pc_closing_bracket": ("onverwachte sluitende blokhaak ']'", "unexpected closing square bracket ']'"),
    "pc_trailing_comma": (
        "na de laatste waarde mag geen komma staan",
        "no comma may follow the last value",
    ),
    "pc_object_comma": (
        "na een waarde in een object hoort een komma of een '}}'",
        "a value in an object must be followed by a comma or a '}}'",
    ),
    "pc_array_comma": (
        "na een waarde in een lijst hoort een komma of een ']'",
        "a value in a list must be followed by a comma or a ']'",
    ),
    "pc_key_string": (
        "een sleutel moet tekst tussen dubbele aanhalingstekens zijn",
        "a key must be text in double quotes",
    ),
    "pc_char": ("onverwacht teken {char}", "unexpected character {char}"),
    "pc_keyword_string": ("de waarde van {keyword} moet tekst zijn", "the value of {keyword} must be text"),
    "pc_value": ("hier hoort een waarde", "a value belongs here"),
    "pc_property_name": (
        "hier hoort een sleutel tussen dubbele aanhalingstekens",
        "a key in double quotes belongs here",
    ),
    "pc_delimiter": ("hier hoort een {char}", "a {char} belongs here"),
    "pc_unterminated": (
        "een tekst zonder afsluitend aanhalingsteken",
        "a text without its closing quote",
    ),
    "pc_extra": ("na het einde van het document staat nog iets", "something follows the end of the document"),
    # TOML (tomllib)
    "pc_table_header": (
        "aan het eind van een tabelkop ontbreekt {char}",
        "a table header lacks its closing {char}",
    ),
    "pc_invalid_value": ("ongeldige of ontbrekende waarde", "an invalid or missing value"),
    "pc_overwrite": (
        "een sleutel krijgt een tweede waarde",
        "a key is given a second value",
    ),
    "pc_expected": ("hier ontbreekt {char}", "{char} is missing here"),
    "pc_inline_table": ("een inline tabel {{ … }} is niet gesloten", "an inline table {{ … }} is not closed"),
    "pc_newline": (
        "na een toekenning (sleutel = waarde) hoort een nieuwe regel",
        "an assignment (key = value) must be followed by a new line",
    ),
    "pc_statement": (
        "ongeldige regel: verwacht sleutel = waarde of [tabel]",
        "an invalid line: expected key = value or [table]",
    ),
    # YAML (PyYAML)
    "pc_yaml_tag": ("onbekende tag (alleen gewone YAML): {rest}", "unknown tag (plain YAML only): {rest}"),
    "pc_yaml_mapping": (
        "hier mag geen 'sleutel: waarde' staan (klopt de inspringing?)",
        "no 'key: value' may stand here (is the indentation right?)",
    ),
    "pc_yaml_colon": ("na een sleutel ontbreekt de ':'", "the ':' after a key is missing"),
    "pc_yaml_indent": (
        "de inspringing klopt niet; gevonden: {rest}",
        "the indentation is wrong; found: {rest}",
    ),
    "pc_yaml_quote": ("een aanhalingsteken is niet gesloten", "a quote is not closed"),
    "pc_yaml_tab": ("een tab mag niet: spring in met spaties", "a tab is not allowed: indent with spaces"),
    "pc_yaml_alias": ("onbekende alias {rest}", "unknown alias {rest}"),
}
"""The libraries' words: key -> (Dutch, English), like ``messages.MESSAGES``."""


class Patterns:
    """(compiled pattern, message key) pairs, compiled on first use.

    Most commands never word a library's refusal; compiling the sixty-odd patterns at
    import cost every fresh process about 5 ms.

    >>> pairs = Patterns(((r"a(?P<n>\\d)", "k"),))
    >>> [(p.fullmatch("a1")["n"], key) for p, key in pairs]
    [('1', 'k')]
    """

    def __init__(self, pairs: tuple[tuple[str, str], ...], flags: int = 0) -> None:
        self._pairs = pairs
        self._flags = flags
        self._compiled: tuple[tuple[re.Pattern[str], str], ...] | None = None

    def __iter__(self) -> Iterator[tuple[re.Pattern[str], str]]:
        if self._compiled is None:
            self._compiled = tuple((re.compile(p, self._flags), key) for p, key in self._pairs)
        return iter(self._compiled)


PARSER_CAUSES = Patterns(
    (
        (r"Invalid IRI code point (?P<char>.+)", "pc_iri_char"),
        (r"(?P<token>.+) is not a valid RDF object", "pc_not_object"),
        (r"(?P<token>.+) is not a valid subject or graph name", "pc_not_subject"),
        (r"(?P<token>.+) is not a valid predicate", "pc_not_predicate"),
        (r"The prefix (?P<prefix>\S*) has not been declared", "pc_prefix"),
        (r'Prefix "(?P<prefix>[^"]*)" not bound', "pc_prefix"),
        (r"Unexpected end(?: of file)?", "pc_end"),
        (r"EOF found when expected verb in property list", "pc_end_verb"),
        (r"Invalid line: (?P<line>.*)", "pc_line"),
        (r"A dot is expected at the end of statements|(?:Triples|Quads) must be followed by a dot", "pc_dot"),
        (r"A language code should always start with a letter", "pc_language_tag"),
        (r"Unexpected escape character (?P<char>.+)", "pc_escape"),
        (r"The object of a triple must be an IRI, a blank node or a literal", "pc_object_kind"),
        (r"Unexpected closing curly bracket, no array to close", "pc_closing_brace"),
        (r"Unexpected closing square bracket, no array to close", "pc_closing_bracket"),
        (r"Trailing commas are not allowed", "pc_trailing_comma"),
        (r"Object values must be followed by a comma .*", "pc_object_comma"),
        (r"Array values must be followed by a comma .*", "pc_array_comma"),
        (r"Object keys must be strings", "pc_key_string"),
        (r"Unexpected char: (?P<char>.+)", "pc_char"),
        (r"(?P<keyword>@\w+) value must be a string", "pc_keyword_string"),
        (r"Expecting value", "pc_value"),
        (r"Expecting property name enclosed in double quotes", "pc_property_name"),
        (r"Expecting (?P<char>'.') delimiter", "pc_delimiter"),
        (r"Unterminated string starting at", "pc_unterminated"),
        (r"Extra data", "pc_extra"),
        (r"Expected (?P<char>'.') at the end of a table declaration", "pc_table_header"),
        (r"Invalid value", "pc_invalid_value"),
        (r"Cannot overwrite a value", "pc_overwrite"),
        (r"Expected (?P<char>\"[^\"]*\"|'[^']*')", "pc_expected"),
        (r"Unclosed inline table", "pc_inline_table"),
        (r"Expected newline or end of document after a statement", "pc_newline"),
        (r"Invalid statement", "pc_statement"),
        (r"could not determine a constructor for the tag (?P<rest>.*)", "pc_yaml_tag"),
        (r"mapping values are not allowed here", "pc_yaml_mapping"),
        (r"while scanning a simple key could not find expected ':'", "pc_yaml_colon"),
        (
            r"while parsing a block (?:mapping|collection) expected <block end>, but found (?P<rest>.*)",
            "pc_yaml_indent",
        ),
        (r"while scanning a quoted scalar found unexpected end of stream", "pc_yaml_quote"),
        (r"found character '\\t' that cannot start any token", "pc_yaml_tab"),
        (r"found undefined alias (?P<rest>.*)", "pc_yaml_alias"),
    ),
    re.DOTALL,
)
"""The causes the parsers beleidstheorie uses are known to give, by their whole English text."""


DUTCH_OS_CAUSES = {
    errno.ENOENT: "bestand of map bestaat niet",
    errno.EACCES: "geen toegang",
    errno.EPERM: "niet toegestaan",
    errno.EISDIR: "is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "bestaat al",
    errno.ENOSPC: "geen ruimte meer op het apparaat",
    errno.EFBIG: "bestand te groot",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.ELOOP: "te veel symbolische links",
    errno.EBUSY: "apparaat of bron bezet",
    errno.EIO: "invoer-/uitvoerfout",
    errno.EDQUOT: "schijfquotum overschreden",
    errno.EPIPE: "verbroken pipe: het andere programma is gestopt",
}
"""The operating system's causes in Dutch (its own text, in its locale, is the English one)."""


_Q = r"'[^']*'"
CLICK_SAID = Patterns(
    (
        (rf"No such option (?P<name>{_Q})\.", "cl_no_option"),
        (rf"No such command (?P<name>{_Q})\.", "cl_no_command"),
        (r"\(Did you mean one of: (?P<names>[^?]*)\?\)", "cl_did_you_mean_one_of"),
        (r"Did you mean (?P<names>[^?]*)\?", "cl_did_you_mean"),
        (rf"Missing argument (?P<name>{_Q})\.", "cl_missing_argument"),
        (rf"Missing option (?P<name>{_Q}(?: / {_Q})*)\.", "cl_missing_option"),
        (r"Missing command\.", "cl_missing_command"),
        (r"^(?P<value>'.*') is not one of (?P<choices>.*)\.$", "cl_not_one_of"),
        (r"^(?P<value>'.*') is not a valid integer(?: range)?\.$", "cl_not_integer"),
        (r"^(?P<value>'.*') is not a valid float(?: range)?\.$", "cl_not_float"),
        (r"Choose from:", "cl_choose_from"),
        (r"^(?P<value>\S+) is not in the range (?P<range>.*)\.$", "cl_not_in_range"),
        (r"^(?:File|Directory|Path) (?P<name>'.*') does not exist\.$", "cl_path_missing"),
        (r"^(?:File|Directory|Path) (?P<name>'.*') is a directory\.$", "cl_path_directory"),
        (r"^(?:File|Directory|Path) (?P<name>'.*') is a file\.$", "cl_path_file"),
        (r"^(?:File|Directory|Path) (?P<name>'.*') is not readable\.$", "cl_path_unreadable"),
        (r"^(?:File|Directory|Path) (?P<name>'.*') is not writable\.$", "cl_path_unwritable"),
        (rf"Option (?P<name>{_Q}) requires an argument\.", "cl_needs_value"),
        (rf"Option (?P<name>{_Q}) does not take a value\.", "cl_takes_no_value"),
        (r"Got unexpected extra arguments \((?P<args>.*)\)", "cl_extra_arguments"),
        (r"Got unexpected extra argument \((?P<args>.*)\)", "cl_extra_argument"),
    )
)
"""Click's refusals of a command line, by their English wording; the values in them are kept."""

INVALID_FOR = re.compile(rf"Invalid value(?: for (?P<name>{_Q}(?: / {_Q})*))?: ")
"""Click's prefix of a refused value (``Invalid value for '--x': ``), worded apart from the value."""
