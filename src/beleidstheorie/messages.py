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
from collections.abc import Callable, Mapping
from typing import Any

from beleidstheorie.messages_of_libraries import (
    CLICK_SAID,
    DUTCH_OS_CAUSES,
    INVALID_FOR,
    LIBRARY_MESSAGES,
    PARSER_CAUSES,
)

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
    "cache_usage": (
        "cache {folder}: {entries} items, {size} (grens {limit} of {max_entries} items; "
        "de langst ongebruikte gaan eerst)",
        "cache {folder}: {entries} entries, {size} (bound {limit} or {max_entries} entries; "
        "the least recently used go first)",
    ),
    "cache_cleared": (
        "cache {folder} geleegd: {entries} items, {size}",
        "cleared cache {folder}: {entries} entries, {size}",
    ),
    "cache_off": (
        "de cache staat uit (BELEIDSTHEORIE_NO_CACHE)",
        "the cache is switched off (BELEIDSTHEORIE_NO_CACHE)",
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
    # reading files (io.files)
    "os_error": ("{cause}", "{cause}"),
    "path_too_long": ("het pad is te lang voor dit systeem", "the path is too long for this system"),
    "path_nul": ("het pad bevat een NUL-byte", "the path contains a NUL byte"),
    "not_regular": ("geen gewoon bestand ({kind})", "not a regular file ({kind})"),
    "not_regular_kept": (
        "geen gewoon bestand ({kind}); niet vervangen",
        "not a regular file ({kind}); not replaced",
    ),
    "kind_directory": ("een map", "a directory"),
    "kind_character_device": ("een tekenapparaat", "a character device"),
    "kind_block_device": ("een blokapparaat", "a block device"),
    "kind_fifo": ("een named pipe (FIFO)", "a named pipe (FIFO)"),
    "kind_socket": ("een socket", "a socket"),
    "kind_other": ("geen gewoon bestand", "not a regular file"),
    "too_big": (
        "het bestand is groter dan de grens van {limit} MiB ({size} bytes of meer)",
        "the file is larger than the limit of {limit} MiB ({size} bytes or more)",
    ),
    "not_utf8": ("geen UTF-8-tekst ({reason} 0x{byte})", "not UTF-8 text ({reason} 0x{byte})"),
    "busy": (
        "bezet: een ander proces schrijft hier; probeer het zo opnieuw",
        "busy: another process is writing here; try again",
    ),
    # reading YAML (io.yamltext)
    "file_empty": ("het bestand is leeg", "the file is empty"),
    "yaml_many_aliases": (
        "meer dan {n} aliassen (*naam) in één document",
        "more than {n} aliases (*name) in one document",
    ),
    "yaml_too_deep": ("dieper genest dan {n} niveaus", "nested deeper than {n} levels"),
    "yaml_alias_too_deep": (
        "aliassen nesten waarden dieper dan {n} niveaus",
        "aliases nest values deeper than {n} levels",
    ),
    "yaml_recursive_alias": (
        "een alias verwijst naar een waarde waar hij zelf in staat (recursief)",
        "an alias refers to a value that contains it (recursive)",
    ),
    "yaml_many_values": (
        "meer dan {n} waarden als de aliassen zijn uitgeschreven",
        "more than {n} values once aliases are expanded",
    ),
    "yaml_character": (
        "onjuiste YAML: het teken U+{code} is niet toegestaan",
        "malformed YAML: character U+{code} is not allowed",
    ),
    "yaml_value": (
        "onjuiste YAML: de waarde {value} is niet te lezen ({why})",
        "malformed YAML: cannot read the value {value} ({why})",
    ),
    "yaml_long_number": ("een getal van meer dan 4300 cijfers", "a number of more than 4300 digits"),
    "yaml_malformed": ("onjuiste YAML: {cause}", "malformed YAML: {cause}"),
    "yaml_nested": ("te diep genest", "nested too deeply"),
    "duplicate_key": ("sleutel {name} staat er twee keer", "duplicate key {name}"),
    # reading a theory (io.theory_yaml) and its authoring model
    "theory_not_mapping": ("een theorie moet een YAML-mapping zijn", "a theory must be a YAML mapping"),
    "initiative_not_mapping": (
        "een initiatief moet een YAML-mapping zijn",
        "an initiative must be a YAML mapping",
    ),
    "no_theory_yaml": ("geen theory.yaml in deze map", "no theory.yaml in this directory"),
    "no_such_file": ("bestand of map bestaat niet", "no such file or directory"),
    "unknown_field": ("onbekend veld {field}", "unknown field {field}"),
    "missing_field": ("verplicht veld {field} ontbreekt", "missing required field {field}"),
    "missing_any_field": ("er ontbreekt een verplicht veld", "missing required field"),
    "invalid_value": ("{said}", "{said}"),
    "got": ("{said} (gegeven: {value})", "{said} (got {value})"),
    "use_date": ("{said}; gebruik JJJJ-MM-DD", "{said}; use YYYY-MM-DD"),
    "organisation_differs": (
        "organisatie {id} is elders gedeclareerd met andere namen",
        "organisation {id} is declared elsewhere with other labels",
    ),
    "first_defined": (
        "{said} (eerst gedefinieerd in {first}: {at})",
        "{said} (first defined in {first}: {at})",
    ),
    # the authoring model's own validators (authoring.models; pydantic's words are in messages_of_libraries)
    "pd_period_order": (
        "een periode kan niet eindigen voor ze begint",
        "a period cannot end before it starts",
    ),
    "pd_respondents": (
        "er kunnen niet meer initiatieven reageren dan er gevraagd zijn",
        "respondents cannot exceed the population of initiatives",
    ),
    "pd_evidence_for": (
        "een indicator moet bewijs zijn voor levering, een mechanisme, een doel of haar contextfactor",
        "an indicator must be evidence for delivery, a mechanism, a goal or its context factor",
    ),
    # cross-references and uniqueness (authoring.checks)
    "missing_source": (
        "verplicht veld 'source' ontbreekt: het document waaruit de theorie is gecodeerd "
        "(source: {{title: ..., date: JJJJ-MM-DD}}); de herkomst van elk onderdeel verwijst ernaar",
        "missing required field 'source': the document the theory is encoded from "
        "(source: {{title: ..., date: YYYY-MM-DD}}); every node's provenance points to it",
    ),
    "duplicate_id": ("{what} {id} komt twee keer voor", "duplicate {what} id {id}"),
    "builtin_type": (
        "{id} is een ingebouwd indicatortype; kies een ander id",
        "{id} is a built-in indicator type; choose another id",
    ),
    "unknown_id": ("{what} {id} bestaat niet{hint}", "unknown {what} {id}{hint}"),
    "did_you_mean_ids": ("; bedoelt u {names}?", "; did you mean {names}?"),
    "serves_itself": ("een subdoel kan zichzelf niet dienen", "a sub-goal cannot serve itself"),
    "serves_cycle": (
        "subdoel {id} dient zichzelf via een kringloop",
        "sub-goal {id} serves itself through a cycle",
    ),
    "second_contribution": ("tweede bijdrage aan {id}", "second contribution to {id}"),
    "links_itself": ("een initiatief kan niet naar zichzelf linken", "an initiative cannot link to itself"),
    "context_only": (
        "alleen een indicator van een contextfactor kan bewijs zijn voor haar context",
        "only an indicator of a context factor can be evidence for its context",
    ),
    "second_observation": (
        "tweede waarneming in meting {id}: één per indicator en meting",
        "second observation in round {id}: one per indicator and round",
    ),
    "derived_from_itself": (
        "een waarneming kan niet van zichzelf zijn afgeleid",
        "an observation cannot be derived from itself",
    ),
    "unstated_fields": ("{fields} vermeld", "{fields} stated"),
    "no_field": ("geen {field}", "no {field}"),
    "and": ("en", "and"),
    # RDF files (io.rdf, graph.load, graph.integrity)
    "context_refused": (
        "de context {url} wordt niet opgehaald: contexten worden nooit van het netwerk of uit bestanden "
        "gelezen; zet de context in het bestand zelf",
        "the context {url} is not fetched: contexts are never read from the network or from "
        "files; put the context inline",
    ),
    "context_not_loaded": (
        "een JSON-LD-@context of -@import die een ander document noemt, wordt niet geladen "
        "(geen netwerk, geen bestanden)",
        "a JSON-LD @context or @import that names another document is not loaded (no network, no files)",
    ),
    "no_bundled_graph": ("geen meegeleverde graaf met deze naam", "no bundled graph of this name"),
    "unknown_rdf_format": ("onbekend RDF-formaat {suffix}", "unknown RDF format {suffix}"),
    "unknown_format": (
        "onbekend formaat: verwacht een map, .yaml, .ttl, .jsonld, .nt, .nq, .trig of .rdf",
        "unknown format: expected a directory, .yaml, .ttl, .jsonld, .nt, .nq, .trig or .rdf",
    ),
    "one_theory": ("verwacht één bt:PolicyTheory, gevonden: {n}", "expected one bt:PolicyTheory, found {n}"),
    "no_named_graph": ("de theorie heeft geen benoemde graaf", "the theory has no named graph"),
    "no_base_iri": ("de theorie heeft geen bt:baseIri", "the theory has no bt:baseIri"),
    "cycle": ("een kringloop in {name}: {shown}", "a cycle in {name}: {shown}"),
    "not_finite": ("geen eindig getal: {value}", "not a finite number: {value}"),
    "rdf_malformed": ("onjuiste {format}: {cause}", "malformed {format}: {cause}"),
    "rdf_nested": ("onjuiste {format}: te diep genest", "malformed {format}: nested too deeply"),
    "json_malformed": ("onjuiste JSON-LD: {cause}", "malformed JSON-LD: {cause}"),
    "json_too_deep": ("JSON dieper genest dan {n} niveaus", "JSON nested deeper than {n} levels"),
    "too_many_triples": ("meer dan {n} triples", "more than {n} triples"),
    "bad_iri": ("geen geldige IRI: er staat {bad} in", "not a valid IRI: it contains {bad}"),
    "rdf_suffix": ("onbekende extensie van een RDF-bestand: {suffix}", "unknown RDF file suffix {suffix}"),
    # queries and stores (graph.query, graph.stores)
    "param_form": ("--param {text}: verwacht naam=waarde", "--param {text}: expected name=value"),
    "param_name": (
        "--param {text}: {name} is geen naam van een SPARQL-variabele",
        "--param {text}: {name} is not a SPARQL variable name",
    ),
    "param_iri": (
        "--param {name}: {value} is geen geldige IRI",
        "--param {name}: {value} is not a valid IRI",
    ),
    "term_iri": ("{value} is geen geldige IRI", "{value} is not a valid IRI"),
    "term_lang": ("{value} is geen taaltag", "{value} is not a language tag"),
    "term_bind": (
        "{value} kan niet worden ingevuld: alleen IRI's en literals kunnen dat",
        "cannot bind {value}: only IRIs and literals can be bound",
    ),
    "service_disabled": (
        "SERVICE staat uit: een query leest alleen de geladen theorie",
        "SERVICE is disabled: a query reads the loaded theory only",
    ),
    "query_timeout": (
        "de query liep langer dan {seconds} s en is gestopt (--timeout)",
        "the query ran longer than {seconds} s and was stopped (--timeout)",
    ),
    "query_no_answer": ("de query stopte zonder antwoord", "the query stopped without an answer"),
    "select_only": ("hier kunnen alleen SELECT-query's draaien", "only SELECT queries can be run here"),
    "sparql_malformed": (
        "onjuiste SPARQL op regel {line}, kolom {column}",
        "malformed SPARQL at line {line}, column {column}",
    ),
    "store_busy": (
        "{path}: de store is bezet: een ander proces laadt erin; probeer het later opnieuw",
        "{path}: store is busy: another process is loading into it; try again later",
    ),
    "no_store": (
        "{path}: hier is geen store; maak er een met `beleidstheorie load GRAPH --store {path}`",
        "{path}: no store here; create one with `beleidstheorie load GRAPH --store {path}`",
    ),
    "not_a_store_file": (
        "{path}: geen store van beleidstheorie (het is een bestand, geen map)",
        "{path}: not a beleidstheorie store (it is a file, not a directory)",
    ),
    "not_a_store": (
        "{path}: geen store van beleidstheorie (geen {marker}); geef een lege of nieuwe map "
        "om er een te maken",
        "{path}: not a beleidstheorie store (no {marker}); give an empty or new directory to create one",
    ),
    "server_refused": (
        "{name}: de server weigerde de {what} (HTTP {code}: {detail})",
        "{name}: the server refused the {what} (HTTP {code}: {detail})",
    ),
    "server_failed": (
        "{name}: de server faalde bij de {what} (HTTP {code}: {detail})",
        "{name}: the server failed on the {what} (HTTP {code}: {detail})",
    ),
    "server_timeout": (
        "{name}: geen antwoord op de {what} binnen {seconds} s "
        "(zet BELEIDSTHEORIE_SPARQL_TIMEOUT hoger voor trage servers)",
        "{name}: no answer to the {what} within {seconds} s "
        "(raise BELEIDSTHEORIE_SPARQL_TIMEOUT for slow servers)",
    ),
    "server_unreachable": (
        "{name}: de server is niet bereikbaar ({reason}) na {n} pogingen",
        "{name}: cannot reach the server ({reason}) after {n} attempts",
    ),
    "query": ("query", "query"),
    "update": ("update", "update"),
    "graph upload": ("upload van de graaf", "graph upload"),
    "store_unreadable": (
        "{name}: de theorie in de store voldoet niet aan de vormen en is niet te lezen ({cause}); "
        "`beleidstheorie validate --store {name}` wijst de plaats aan",
        "{name}: the theory in the store breaks the shapes and cannot be read ({cause}); "
        "`beleidstheorie validate --store {name}` shows where",
    ),
    "store_empty": (
        "{name}: de store bevat geen theorie; voeg er een toe met `beleidstheorie load`",
        "{name}: the store holds no theory; add one with `beleidstheorie load`",
    ),
    "store_many": (
        "{name}: de store bevat {n} theorieën ({ids}); noem er één",
        "{name}: the store holds {n} theories ({ids}); name one",
    ),
    "store_no_theory": (
        "{name}: geen theorie {ref} in de store (theorieën: {ids})",
        "{name}: no theory {ref} in the store (theories: {ids})",
    ),
    # reasoning configuration (reasoning.config)
    "config_key": ("onbekende sleutel van de configuratie", "unknown configuration key"),
    "config_table": (
        "[{table}] moet een tabel van {what} zijn, geen losse waarde",
        "[{table}] must be a table of {what}, not a single value",
    ),
    "config_name": ("onbekende {what} {name} (bekend: {known})", "unknown {what} {name} (known: {known})"),
    "toml_malformed": ("onjuiste TOML: {cause}", "malformed TOML: {cause}"),
    "toml_at_end": ("aan het einde van het bestand: {cause}", "at the end of the file: {cause}"),
    "toml_nested": ("onjuiste TOML: te diep genest", "malformed TOML: nested too deeply"),
    "config_se_alpha": (
        "se moet groter zijn dan alpha, anders telt progressie als bewijs tegen",
        "se must exceed alpha, or progress would count as evidence against",
    ),
    "config_negligible": (
        "negligible mag niet groter zijn dan support",
        "negligible must not exceed support",
    ),
    "config_version": (
        "onbekende versie {version} van de configuratie (deze engine leest versie 2)",
        "unknown configuration version {version} (this engine reads version 2)",
    ),
    "config_missing_evidence": (
        "parameters van het bewijs ontbreken voor {kinds}",
        "evidence parameters missing for {kinds}",
    ),
    "config_missing_source": (
        "parameters van de bron ontbreken voor {kinds}",
        "source parameters missing for {kinds}",
    ),
    # reasoning
    "contradictory": (
        "het bewijs is tegenstrijdig: het heeft kans nul onder het netwerk",
        "the evidence is contradictory: it has probability zero under the network",
    ),
    "no_rounds": ("de theorie heeft geen metingen", "the theory has no measurement rounds"),
    "no_round": ("geen meting {ref} (metingen: {names})", "no measurement round {ref} (rounds: {names})"),
    # init and the views' own refusals
    "folder_has_theory": (
        "hier staat al een theory.yaml; kies een lege map",
        "already holds a theory.yaml; choose an empty folder",
    ),
    "needs_initiative": (
        "het diagram van een initiatief vraagt om de naam van een initiatief",
        "the initiative diagram needs the name of an initiative",
    ),
    "no_diagram_kind": (
        "geen diagramsoort {kind} (soorten: {kinds})",
        "no diagram kind {kind} (kinds: {kinds})",
    ),
    "cannot_write": (
        "{name} kan niet worden geschreven: gebruik {known}",
        "cannot write {name}: use one of {known}",
    ),
    "unknown_paper": (
        "onbekend papierformaat {paper}: gebruik {known}",
        "unknown paper {paper}: use one of {known}",
    ),
    "paper_formats": (
        "{name} kan niet op papier: --paper schrijft .pdf of .svg",
        "cannot print {name} on paper: --paper writes .pdf or .svg",
    ),
    "no_initiative_named": ("geen initiatief met de naam {name}{hint}", "no initiative named {name}{hint}"),
    "did_you_mean_plain": ("; bedoelt u: {names}?", "; did you mean: {names}?"),
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
    # drawing (views: diagram, matrix, paper)
    "dot_failed": (
        "dot kon het diagram niet tekenen (melding van dot: {cause})",
        "dot could not draw the diagram (dot's message: {cause})",
    ),
    "dot_no_viewbox": ("dot schreef een SVG zonder viewBox", "dot wrote an SVG without a viewBox"),
    "generate_format": (
        "{output}: onbekend formaat; gebruik .yaml of .nt",
        "{output}: unknown format; use .yaml or .nt",
    ),
    # the network and the structure read from a store (reasoning.network, views.structure)
    "too_many_conditions": (
        "{name}: meer dan {n} contextvoorwaarden op één knoop",
        "{name}: more than {n} context conditions on one node",
    ),
    "subgoal_cycle": (
        "subdoelen dienen elkaar in een kringloop: {names}",
        "sub-goals serve each other in a cycle: {names}",
    ),
    "unexpected_concept": ("onverwacht begrip {iri} ({scheme})", "unexpected {scheme} concept {iri}"),
    "store_one_theory": (
        "verwacht één bt:PolicyTheory in de store, gevonden: {n}",
        "expected one bt:PolicyTheory in the store, found {n}",
    ),
    "no_policy_theory": (
        "geen beleidstheorie {theory} in de store",
        "no policy theory {theory} in the store",
    ),
    "one_main_goal": ("verwacht één hoofddoel, gevonden: {n}", "expected one main goal, found {n}"),
    "no_node": ("geen knoop {iri} in de theorie", "no node {iri} in the theory"),
    # store internals (graph.stores)
    "no_where": (
        "variabelen kunnen niet worden ingevuld: de query heeft geen WHERE",
        "cannot bind variables: the query has no WHERE clause",
    ),
    "cannot_store_term": ("de term {term} kan niet worden opgeslagen", "cannot store term {term}"),
    "unexpected_term": ("onverwachte term {term}", "unexpected term {term}"),
    "query_failed": ("SPARQL-query mislukt: {cause}", "SPARQL query failed: {cause}"),
    "graph_not_loaded": (
        "graaf {name} kon niet worden geladen: {cause}",
        "could not load graph {name}: {cause}",
    ),
    "marker_damaged": (
        "{marker}: de markering van de store is beschadigd ({cause})",
        "{marker}: damaged store marker ({cause})",
    ),
    "marker_no_version": (
        "{marker}: de markering van de store is beschadigd (geen versie {current})",
        "{marker}: damaged store marker (no version {current})",
    ),
    "store_newer": (
        "{path}: de store heeft formaat {fmt}, nieuwer dan deze beleidstheorie leest ({known}); "
        "werk beleidstheorie bij om hem te lezen",
        "{path}: store format {fmt} is newer than this beleidstheorie reads ({known}); "
        "upgrade beleidstheorie to read it",
    ),
    "store_not_opened": (
        "{path}: de store kan niet worden geopend ({cause})",
        "{path}: cannot open the store ({cause})",
    ),
    "store_not_created": (
        "{path}: de store kan niet worden gemaakt ({cause})",
        "{path}: cannot create the store ({cause})",
    ),
    "version_not_prepared": (
        "{path}: een nieuwe versie kan niet worden voorbereid ({cause})",
        "{path}: cannot prepare a new version ({cause})",
    ),
    "credentials_unreadable": (
        "{path}: de inloggegevens zijn niet te lezen ({cause})",
        "{path}: cannot read credentials ({cause})",
    ),
    "credentials_in_url": (
        "inloggegevens in de URL van een store worden geweigerd (ze zouden in de proceslijst staan); "
        "zet BELEIDSTHEORIE_SPARQL_USER en BELEIDSTHEORIE_SPARQL_PASSWORD of gebruik credentials.toml",
        "credentials in a store URL are refused (they would show in the process list); "
        "set BELEIDSTHEORIE_SPARQL_USER and BELEIDSTHEORIE_SPARQL_PASSWORD or use credentials.toml",
    ),
    "expected_number": ("{name}={text}: verwacht een getal", "{name}={text}: expected a number"),
    "not_graph_iri": (
        "{name} is geen IRI waarmee een graaf een naam kan krijgen",
        "{name} is not an IRI a graph can be named with",
    ),
    "sparql_scheme": (
        "{spec}: een SPARQL-store begint met sparql+http:// of sparql+https://",
        "{spec}: a SPARQL store starts with sparql+http:// or sparql+https://",
    ),
    "no_host": ("{spec}: geen host in de URL van de store", "{spec}: no host in the store URL"),
    "not_sparql_results": (
        "{name}: het antwoord is geen SPARQL-resultaat in JSON ({cause}; het begint met {start})",
        "{name}: the answer is not SPARQL JSON results ({cause}; it starts with {start})",
    ),
}
MESSAGES.update(LIBRARY_MESSAGES)
"""Every message: key -> (Dutch, English), with ``{name}`` for its values."""

MODEL_VALIDATORS = {MESSAGES[k][1]: k for k in ("pd_period_order", "pd_respondents", "pd_evidence_for")}
"""The authoring model's own validators (their ``ValueError`` texts) -> their message keys."""

KIND_WORDS: dict[str, tuple[str, str]] = {
    "goal": ("doel", "goal"),
    "mechanism": ("mechanisme", "mechanism"),
    "contextfactor": ("contextfactor", "context factor"),
    "context factor": ("contextfactor", "context factor"),
    "round": ("meting", "round"),
    "sub-goal": ("subdoel", "sub-goal"),
    "evidence kind": ("soort bewijs", "evidence kind"),
    "evidence source": ("bron van bewijs", "evidence source"),
    "evidence kinds": ("soorten bewijs", "evidence kinds"),
    "evidence sources": ("bronnen van bewijs", "evidence sources"),
    "goal or sub-goal": ("doel of subdoel", "goal or sub-goal"),
    "indicator type": ("indicatortype", "indicator type"),
    "initiative number": ("initiatiefnummer", "initiative number"),
    "indicator of this initiative": ("indicator van dit initiatief", "indicator of this initiative"),
    "indicator type (declare it in indicator_types)": (
        "indicatortype (declareer het in indicator_types)",
        "indicator type (declare it in indicator_types)",
    ),
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


def pydantic_said(err: Mapping[str, Any], own: Mapping[str, str] | None = None) -> Texts:
    """What pydantic said about one value: its English text, and the catalogue's Dutch by error type.

    ``own`` maps the English texts of a model's own validators (``ValueError``) to their keys;
    an error the catalogue does not know stays English only.

    >>> pydantic_said({"type": "greater_than", "msg": "Input should be greater than 0", "ctx": {"gt": 0}})
    Texts({'en': 'Input should be greater than 0', 'nl': 'de waarde moet groter zijn dan 0'})
    """
    english = str(err["msg"])
    kind = str(err["type"])
    ctx = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
    key = f"pd_{kind}"
    if kind.startswith(("date_", "datetime_")):
        key = "pd_date"
    elif kind == "value_error":
        key = (own or {}).get(str(ctx.get("error", "")), "")
    if key not in MESSAGES:
        return Texts({"en": english})
    if "expected" in ctx:
        ctx["expected"] = ctx["expected"].replace(" or ", " of ")
    try:
        dutch = message(key, "nl", **ctx)
    except KeyError:  # a context value this wording does not know of
        return Texts({"en": english})
    return Texts({"en": english, "nl": dutch})


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


def parser_said(cause: str) -> tuple[str, tuple[tuple[str, object], ...]]:
    """A cause worded by a parser, as a message value: the catalogue's wording where the cause is known
    (:data:`~beleidstheorie.messages_of_libraries.PARSER_CAUSES`), then the parser's own text, marked as its.

    >>> print(message("rdf_malformed", "nl", format="N3", cause=parser_said("Unexpected end of file")))
    onjuiste N3: het bestand houdt onverwacht op (melding van de parser: Unexpected end of file)
    >>> message("rdf_malformed", "en", format="Turtle", cause=parser_said("Something new"))
    "malformed Turtle: parser's message: Something new"
    """
    cause = cause.strip()
    for pattern, key in PARSER_CAUSES:
        found = pattern.fullmatch(cause)
        if found:
            said = (key, tuple(found.groupdict().items()))
            return ("parser_known", (("said", said), ("cause", cause)))
    return ("parser_own", (("cause", cause),))


def os_cause(exc: OSError) -> Texts:
    """The operating system's cause of ``exc``: its own (English) text, and Dutch where known.

    >>> os_cause(FileNotFoundError(2, "No such file or directory")).in_language("nl")
    'bestand of map bestaat niet'
    """
    english = exc.strerror or str(exc)
    return Texts({"en": english, "nl": DUTCH_OS_CAUSES.get(exc.errno or 0, english)})


def click_said(text: str, lang: str) -> str:
    """Click's refusal ``text`` in ``lang``: each known part reworded, the values kept.

    >>> click_said("No such option '--rond'. Did you mean '--round'?", "nl")
    "Onbekende optie '--rond'. Bedoelt u '--round'?"
    >>> click_said("Invalid value for '--lang': 'de' is not one of 'nl', 'en'.", "nl")
    "Ongeldige waarde voor '--lang': 'de' is geen van 'nl', 'en'."
    """
    if lang == "en":
        return text
    prefix = ""
    found = INVALID_FOR.match(text)
    if found:  # the value's own refusal follows: worded on its own
        key = "cl_invalid_for" if found["name"] else "cl_invalid"
        prefix = message(key, lang, **({"name": found["name"]} if found["name"] else {}))
        text = text[found.end() :]
    for pattern, key in CLICK_SAID:
        text = pattern.sub(lambda m, key=key: message(key, lang, **m.groupdict()), text)
    return prefix + text
