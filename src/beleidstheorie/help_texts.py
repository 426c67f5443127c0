"""The command line's help in Dutch: every command's and option's help text, by its English text.

The English help stays where it is written (the commands' docstrings and options);
this table gives its Dutch, keyed by the English text as click shows it (after
``inspect.cleandoc``). A help text without an entry here fails
``tests/cli/test_one_language.py``, so a new option cannot stay English only.
Metavars (``FILE``, ``GRAPH``) are placeholders the user reads; they are translated too.

>>> help_in("Show this message and exit.", "nl")
'Toon deze hulp en stop.'
>>> metavar_in("[OPTIONS] [GRAPH]", "nl"), metavar_in("-o, --output FILE", "en")
('[OPTIES] [GRAAF]', '-o, --output FILE')
"""

from __future__ import annotations

import re

METAVARS: dict[str, str] = {
    "OPTIONS": "OPTIES",
    "COMMAND": "COMMANDO",
    "ARGS": "ARGUMENTEN",
    "GRAPH": "GRAAF",
    "FILE": "BESTAND",
    "FOLDER": "MAP",
    "DIR": "MAP",
    "DIRECTORY": "MAP",
    "PATH": "PAD",
    "TEXT": "TEKST",
    "INTEGER": "GETAL",
    "FLOAT": "GETAL",
    "NAME": "NAAM",
    "KIND": "SOORT",
    "NODE": "KNOOP",
    "WHAT": "WAT",
    "VALUE": "WAARDE",
    "STORE": "STORE",
    "SPARQL": "SPARQL",
    "SECONDS": "SECONDEN",
    "MECHANISMS": "MECHANISMEN",
    "N": "N",
    "RANGE": "BEREIK",
}
"""Metavars of the usage line and the options, in Dutch (the same word in help texts)."""

_METAVAR = re.compile(r"\b(" + "|".join(sorted(METAVARS, key=len, reverse=True)) + r")\b")


def metavar_in(text: str, lang: str) -> str:
    """``text`` (a usage line, an option's names) with its metavars in ``lang``."""
    if lang == "en":
        return text
    return _METAVAR.sub(lambda m: METAVARS[m[1]], text)


def help_in(text: str, lang: str) -> str:
    """The help ``text`` in ``lang``: its Dutch entry under nl, else the text as written."""
    if lang == "en":
        return text
    return HELP.get(text, text)


HELP: dict[str, str] = {
    "Show this message and exit.": "Toon deze hulp en stop.",
    (
        "Theory-based policy evaluation on an RDF knowledge graph.\n"
        "\n"
        "A policy theory (beleidstheorie) links inputs and initiatives through werkzame\n"
        "mechanismen to sub-goals and a main goal, with indicators observed per\n"
        "measurement round. Commands find the theory as git finds its repository: the\n"
        "theory.yaml of the current folder or of one of its parents. Or name one as\n"
        "GRAPH: a theory folder, a theory.yaml, a YAML or RDF file (.ttl, .jsonld, .nt),\n"
        "or a bundled dataset (`beleidstheorie datasets`). Start your own with\n"
        "`beleidstheorie init DIR`.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie init mijn-theorie && cd mijn-theorie\n"
        "  beleidstheorie validate\n"
        "  beleidstheorie score -o scores.xlsx\n"
        "  beleidstheorie score intensiveringsaanpak\n"
        "  beleidstheorie --lang en --quiet score -o scores.csv"
    ): (
        "Theorie-gestuurde beleidsevaluatie op een RDF-kennisgraaf.\n"
        "\n"
        "Een beleidstheorie verbindt inputs en initiatieven via werkzame mechanismen\n"
        "met subdoelen en een hoofddoel, met indicatoren die per meting worden\n"
        "waargenomen. Commando's vinden de theorie zoals git zijn repository vindt: de\n"
        "theory.yaml van de huidige map of van een map erboven. Of noem er een als\n"
        "GRAAF: een theoriemap, een theory.yaml, een YAML- of RDF-bestand (.ttl, "
        ".jsonld,\n"
        ".nt), of een meegeleverde dataset (`beleidstheorie datasets`). Begin uw eigen "
        "met\n"
        "`beleidstheorie init MAP`.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie init mijn-theorie && cd mijn-theorie\n"
        "  beleidstheorie validate\n"
        "  beleidstheorie score -o scores.xlsx\n"
        "  beleidstheorie score intensiveringsaanpak\n"
        "  beleidstheorie --lang en --quiet score -o scores.csv"
    ),
    "Show the version and exit.": "Toon de versie en stop.",
    "Language of every table, note and message of the command: Dutch unless en (its own --lang wins).": (
        "Taal van elke tabel, noot en melding van het commando: Nederlands, tenzij en "
        "(de --lang van het commando zelf gaat voor)."
    ),
    "No progress line and no status lines on stderr (errors are still printed).": (
        "Geen voortgangsregel en geen statusregels op stderr (fouten worden wel getoond)."
    ),
    (
        "Write a commented starter theory into FOLDER that validates and scores.\n"
        "\n"
        "The starter has a main goal, two sub-goals, two mechanisms, a context factor,\n"
        "two measurement rounds and two initiatives (in initiatives/) with indicators,\n"
        "and the JSON Schemas its files name for editor completion. Replace the\n"
        "content with your own programme.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie init mijn-theorie\n"
        "  cd mijn-theorie && beleidstheorie validate && beleidstheorie score"
    ): (
        "Schrijf een starttheorie met toelichting in MAP die valideert en scoort.\n"
        "\n"
        "De starttheorie heeft een hoofddoel, twee subdoelen, twee mechanismen, een\n"
        "contextfactor, twee metingen en twee initiatieven (in initiatives/) met\n"
        "indicatoren, en de JSON Schema's die haar bestanden noemen voor aanvulling in "
        "de\n"
        "editor. Vervang de inhoud door uw eigen programma.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie init mijn-theorie\n"
        "  cd mijn-theorie && beleidstheorie validate && beleidstheorie score"
    ),
    "Language of headers, notes, labels and messages (Dutch unless --lang en).": (
        "Taal van koppen, noten, namen en meldingen (Nederlands, tenzij --lang en)."
    ),
    (
        "Print the JSON Schema of a theory.yaml or of one initiative file.\n"
        "\n"
        "Editors with the YAML language server complete and check fields when a file\n"
        "starts with `# yaml-language-server: $schema=PATH` (the starter's files do).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie schema -o theory.schema.json\n"
        "  beleidstheorie schema initiative"
    ): (
        "Druk het JSON Schema af van een theory.yaml of van één initiatiefbestand.\n"
        "\n"
        "Editors met de YAML-taalserver vullen velden aan en controleren ze wanneer een\n"
        "bestand begint met `# yaml-language-server: $schema=PAD` (de bestanden van de\n"
        "starttheorie doen dat).\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie schema -o theory.schema.json\n"
        "  beleidstheorie schema initiative"
    ),
    "File to write (default: stdout); its extension chooses the format.": (
        "Te schrijven bestand (standaard: stdout); de extensie kiest het formaat."
    ),
    (
        "List the ids and labels of the theory's mechanisms, goals, initiatives, "
        "indicators or rounds.\n"
        "\n"
        "Every command that takes a name accepts the id, the label, or a piece of\n"
        "exactly one label.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie list mechanisms\n"
        "  beleidstheorie list indicators intensiveringsaanpak --format csv"
    ): (
        "Toon de ids en namen van de mechanismen, doelen, initiatieven, indicatoren of "
        "metingen van de theorie.\n"
        "\n"
        "Elk commando dat een naam vraagt, neemt het id, de naam, of een stuk van\n"
        "precies één naam.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie list mechanisms\n"
        "  beleidstheorie list indicators intensiveringsaanpak --format csv"
    ),
    (
        "GRAPH is a theory folder (with theory.yaml and initiatives/), a theory.yaml "
        "(its folder is read), a single-file YAML theory, an RDF file (.ttl, .jsonld, "
        ".nt) or the name of a bundled dataset (see `beleidstheorie datasets`). Without "
        "GRAPH, the theory of the current folder or of one of its parents is used."
    ): (
        "GRAAF is een theoriemap (met theory.yaml en initiatives/), een theory.yaml (de "
        "map ervan wordt gelezen), een YAML-theorie in één bestand, een RDF-bestand "
        "(.ttl, .jsonld, .nt) of de naam van een meegeleverde dataset (zie "
        "`beleidstheorie datasets`). Zonder GRAAF geldt de theorie van de huidige map of "
        "van een map erboven."
    ),
    (
        "Read the theory from a store: a directory made by `beleidstheorie load`, or "
        "sparql+http(s)://host/path of a SPARQL 1.1 server. GRAPH then names a theory in "
        "it (id, IRI or label)."
    ): (
        "Lees de theorie uit een store: een map gemaakt door `beleidstheorie load`, of "
        "sparql+http(s)://host/pad van een SPARQL 1.1-server. GRAAF noemt dan een "
        "theorie daarin (id, IRI of naam)."
    ),
    "table, json, csv or xlsx (default: from the extension of -o, else table).": (
        "table, json, csv of xlsx (standaard: volgens de extensie van -o, anders table)."
    ),
    (
        "CSV dialect: rfc (commas, decimal points) or excel-nl (semicolons, decimal "
        "commas, byte-order mark: opens correctly in Dutch Excel)."
    ): (
        "CSV-dialect: rfc (komma's, decimale punten) of excel-nl (puntkomma's, decimale "
        "komma's, BOM aan het begin: opent goed in Nederlandse Excel)."
    ),
    (
        "For every undecided mechanism and goal, the measurements that would most change "
        "it.\n"
        "\n"
        "Candidates are existing indicators without an informative observation and\n"
        "mechanisms or goals no indicator observes; each is ranked by the probability "
        "that\n"
        "its outcome flips the verdict, with who would measure it and which evidence "
        "kinds\n"
        "would matter.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie next --format csv -o volgende-meting.csv"
    ): (
        "Voor elk onbeslist mechanisme en doel: de metingen die het oordeel het meest "
        "zouden veranderen.\n"
        "\n"
        "Kandidaten zijn bestaande indicatoren zonder informatieve waarneming en\n"
        "mechanismen of doelen die geen indicator waarneemt; elk staat op volgorde van "
        "de\n"
        "kans dat de uitkomst het oordeel omslaat, met wie het zou meten en welke "
        "soorten\n"
        "bewijs ertoe doen.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie next --format csv -o volgende-meting.csv"
    ),
    "Measurement round (id, number or label); default: the latest.": (
        "Meting (id, nummer of naam); standaard: de laatste."
    ),
    "TOML file overriding the reasoning parameters (see docs/method.md).": (
        "TOML-bestand dat de parameters van de redenering overschrijft (zie docs/method.md)."
    ),
    "Measurements listed per undecided node.": "Aantal metingen per onbeslist onderdeel.",
    (
        "Score every mechanism, sub-goal and the main goal, grouped by sub-goal.\n"
        "\n"
        "Each score is the posterior probability that the node is active given the\n"
        "evidence; the verdict (supported, indications, conflicting, not supported,\n"
        "insufficient) rests on the node's own evidence, net of evidence against.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie score --round monitor-2021 --format json\n"
        "  beleidstheorie score -o scores.xlsx"
    ): (
        "Scoor elk mechanisme, elk subdoel en het hoofddoel, gegroepeerd per subdoel.\n"
        "\n"
        "Elke score is de a-posteriorikans dat het onderdeel werkzaam is gegeven het\n"
        "bewijs; het oordeel (ondersteund, aanwijzingen, tegenstrijdig, niet "
        "ondersteund,\n"
        "onvoldoende bewijs) rust op het eigen bewijs van het onderdeel, min het bewijs\n"
        "ertegen.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie score --round monitor-2021 --format json\n"
        "  beleidstheorie score -o scores.xlsx"
    ),
    (
        "The evaluator's tally: initiatives and indicators per mechanism, and the gaps.\n"
        "\n"
        "The gaps include the observations that carry no evidence by a rule (an\n"
        "expectation, a restatement, a missing answer), each with its rule.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie coverage --format csv --csv excel-nl -o coverage.csv"
    ): (
        "De telling van de evaluator: initiatieven en indicatoren per mechanisme, en de "
        "lacunes.\n"
        "\n"
        "De lacunes omvatten de waarnemingen die volgens een regel geen bewijs dragen\n"
        "(een verwachting, een herhaling, een ontbrekend antwoord), elk met haar regel.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie coverage --format csv --csv excel-nl -o coverage.csv"
    ),
    (
        "The evidence trail behind one score, strongest effect first.\n"
        "\n"
        "NODE is a mechanism, sub-goal, main goal or initiative: its id, its label, or a\n"
        "piece of exactly one label (`beleidstheorie list` shows them all).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie explain kortere-doorlooptijden --top 5\n"
        "  beleidstheorie explain Maatwerk intensiveringsaanpak"
    ): (
        "Het bewijsspoor achter één score, sterkste effect eerst.\n"
        "\n"
        "KNOOP is een mechanisme, subdoel, hoofddoel of initiatief: het id, de naam, of "
        "een\n"
        "stuk van precies één naam (`beleidstheorie list` toont ze allemaal).\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie explain kortere-doorlooptijden --top 5\n"
        "  beleidstheorie explain Maatwerk intensiveringsaanpak"
    ),
    "Show only the N strongest items (0: all).": "Toon alleen de N sterkste onderdelen (0: alle).",
    (
        "What changed between two measurement rounds: scores, verdicts, observations.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie compare --from monitor-2021 --to evaluatie-2022 -o "
        "verschil.xlsx"
    ): (
        "Wat er veranderde tussen twee metingen: scores, oordelen, waarnemingen.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie compare --from monitor-2021 --to evaluatie-2022 -o "
        "verschil.xlsx"
    ),
    "The earlier round (id, number or label).": "De eerdere meting (id, nummer of naam).",
    "The later round (id, number or label).": "De latere meting (id, nummer of naam).",
    (
        "How robust the verdicts are: perturb each parameter within its range.\n"
        "\n"
        "Reports each node's score range, the flip point of its verdict (the smallest\n"
        "one-parameter change that flips it) and mechanism pairs whose order swaps.\n"
        "With --coding also the coding sensitivity: per verdict, the smallest set of\n"
        "one-step recodings of observations (status, basis, evidence kind) that changes\n"
        "it, with the observations. Shows progress on a terminal: this takes a while on\n"
        "a large theory.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie sensitivity --format json"
    ): (
        "Hoe robuust de oordelen zijn: varieer elke parameter binnen haar bereik.\n"
        "\n"
        "Toont per onderdeel het bereik van de score, het omslagpunt van het oordeel (de\n"
        "kleinste wijziging van één parameter die het omslaat) en paren mechanismen\n"
        "waarvan de volgorde wisselt. Met --coding ook de gevoeligheid voor de codering:\n"
        "per oordeel de kleinste verzameling hercoderingen van waarnemingen met één stap\n"
        "(status, basis, soort bewijs) die het verandert, met de waarnemingen. Toont\n"
        "voortgang op een terminal: dit duurt even bij een grote theorie.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie sensitivity --format json"
    ),
    "Also the coding sensitivity: the smallest set of one-step recodings that flips each verdict.": (
        "Ook de gevoeligheid voor de codering: de kleinste verzameling hercoderingen met "
        "één stap die elk oordeel omslaat."
    ),
    (
        "Run a SPARQL SELECT query on the theory (prefixes bt:, skos:, dcterms: ... "
        "predeclared).\n"
        "\n"
        "With --store and no GRAPH the query runs over every theory in the store.\n"
        "\n"
        "SPARQL is the query text, or @FILE to read it from a file. Values given with\n"
        "--param are bound as RDF terms, never pasted into the query. SERVICE\n"
        "(federated queries) is disabled.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie query 'SELECT ?m ?l WHERE { ?m a bt:Mechanism ; skos:prefLabel "
        "?l }'\n"
        "  beleidstheorie query 'SELECT ?i WHERE { ?c bt:toMechanism ?m ; "
        "bt:fromInitiative ?i }' \\\n"
        "      --param "
        "m=<https://w3id.org/beleidstheorie/id/intensiveringsaanpak/mechanism/maatwerk>"
    ): (
        "Voer een SPARQL SELECT-query uit op de theorie (prefixen bt:, skos:, dcterms: "
        "... zijn al gedeclareerd).\n"
        "\n"
        "Met --store en zonder GRAAF loopt de query over elke theorie in de store.\n"
        "\n"
        "SPARQL is de tekst van de query, of @BESTAND om die uit een bestand te lezen.\n"
        "Waarden die met --param worden gegeven, worden als RDF-termen ingevuld, nooit "
        "in\n"
        "de query geplakt. SERVICE (gefedereerde query's) staat uit.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie query 'SELECT ?m ?l WHERE { ?m a bt:Mechanism ; skos:prefLabel "
        "?l }'\n"
        "  beleidstheorie query 'SELECT ?i WHERE { ?c bt:toMechanism ?m ; "
        "bt:fromInitiative ?i }' \\\n"
        "      --param "
        "m=<https://w3id.org/beleidstheorie/id/intensiveringsaanpak/mechanism/maatwerk>"
    ),
    "Bind ?NAME to VALUE: <iri>, bt:Term, 42, text@nl or text. Repeatable.": (
        "Vul ?NAAM in met WAARDE: <iri>, bt:Term, 42, tekst@nl of tekst. Herhaalbaar."
    ),
    "Stop the query after this many seconds.": "Stop de query na zoveel seconden.",
    (
        "Load a theory (YAML, Turtle, JSON-LD, N-Triples, N-Quads) into a store.\n"
        "\n"
        "The theory goes into its own named graph, its observations into one graph per\n"
        "measurement round; a theory loaded before is replaced, other theories stay.\n"
        "Every reading command then takes --store STORE.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie load graphs/intensiveringsaanpak --store data/theories\n"
        "  beleidstheorie score --store data/theories intensiveringsaanpak"
    ): (
        "Laad een theorie (YAML, Turtle, JSON-LD, N-Triples, N-Quads) in een store.\n"
        "\n"
        "De theorie komt in haar eigen benoemde graaf, haar waarnemingen in één graaf "
        "per\n"
        "meting; een eerder geladen theorie wordt vervangen, andere theorieën blijven.\n"
        "Elk lezend commando neemt daarna --store STORE.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie load graphs/intensiveringsaanpak --store data/theories\n"
        "  beleidstheorie score --store data/theories intensiveringsaanpak"
    ),
    "A store directory (created when new) or sparql+http(s)://host/path of a SPARQL 1.1 server.": (
        "Een map van een store (gemaakt als die nieuw is) of sparql+http(s)://host/pad "
        "van een SPARQL 1.1-server."
    ),
    "Seconds to wait when another process is loading into the same store directory.": (
        "Seconden wachten wanneer een ander proces in dezelfde map van de store laadt."
    ),
    (
        "Write a seeded synthetic theory of realistic shape, for benchmarks and scale "
        "tests.\n"
        "\n"
        "3–5 sub-goals, MECHANISMS mechanisms, contributions of 1–4 mechanisms per\n"
        "initiative, every status, basis and source. The same options give the same "
        "file.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie generate --initiatives 2000 --indicators-per-initiative 6 "
        "--rounds 4 -o big.nt"
    ): (
        "Schrijf een synthetische theorie met een vaste seed en een realistische vorm, "
        "voor benchmarks en schaaltests.\n"
        "\n"
        "3–5 subdoelen, MECHANISMEN mechanismen, bijdragen aan 1–4 mechanismen per\n"
        "initiatief, elke status, basis en bron. Dezelfde opties geven hetzelfde "
        "bestand.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie generate --initiatives 2000 --indicators-per-initiative 6 "
        "--rounds 4 -o big.nt"
    ),
    "File to write: .yaml (authoring format) or .nt (N-Triples).": (
        "Te schrijven bestand: .yaml (het formaat om in te schrijven) of .nt (N-Triples)."
    ),
    (
        "Check a theory: authoring model, references and SHACL shapes.\n"
        "\n"
        "Every problem is printed with its file, its place (line and YAML path, or node\n"
        "and property) and a plain-language message. Exit status 1 on any problem. A "
        "valid\n"
        "theory's report ends with the width of its network and the inference method "
        "that\n"
        "scoring will run (exact elimination, or importance sampling beyond the budget).\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie validate graphs/intensiveringsaanpak"
    ): (
        "Controleer een theorie: het model van de YAML, de verwijzingen en de "
        "SHACL-vormregels.\n"
        "\n"
        "Elk probleem wordt getoond met zijn bestand, zijn plaats (regel en YAML-pad, of\n"
        "knoop en eigenschap) en een melding in gewone taal. Afsluitstatus 1 bij elk\n"
        "probleem. Bij een geldige theorie eindigt het verslag met de breedte van haar\n"
        "netwerk en de inferentiemethode die het scoren gebruikt (exacte eliminatie, of\n"
        "importance sampling boven het budget).\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie validate graphs/intensiveringsaanpak"
    ),
    (
        "Write the theory's graph as Turtle, JSON-LD, N-Triples, YAML or GraphML.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie export examples/buurtbudget -o buurtbudget.jsonld"
    ): (
        "Schrijf de graaf van de theorie als Turtle, JSON-LD, N-Triples, YAML of "
        "GraphML.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie export examples/buurtbudget -o buurtbudget.jsonld"
    ),
    "ttl, jsonld, nt, yaml or graphml (default: from the extension of -o, else ttl).": (
        "ttl, jsonld, nt, yaml of graphml (standaard: volgens de extensie van -o, anders ttl)."
    ),
    "Remove every entry; the next commands make them again.": (
        "Verwijder alle items; de volgende commando's maken ze opnieuw."
    ),
    (
        "Show where the cache is, what it holds and its bounds, or clear it.\n"
        "\n"
        "The cache keeps each YAML theory's store, the validity of its files and the\n"
        "output of score and sensitivity, so an unchanged theory answers at once. It is\n"
        "bounded: every write removes the least recently used entries beyond\n"
        "BELEIDSTHEORIE_CACHE_MAX_MB megabytes (default 1024) or 5000 entries; a removed\n"
        "entry is simply made again. BELEIDSTHEORIE_CACHE_DIR moves it and\n"
        "BELEIDSTHEORIE_NO_CACHE=1 switches it off.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie cache\n"
        "  beleidstheorie cache --clear"
    ): (
        "Toon waar de cache staat, wat erin zit en de grenzen ervan, of leeg hem.\n"
        "\n"
        "De cache bewaart de store van elke YAML-theorie, de geldigheid van de bestanden\n"
        "en de uitvoer van score en sensitivity, zodat een ongewijzigde theorie meteen\n"
        "antwoordt. Hij is begrensd: elke schrijfactie verwijdert de langst ongebruikte\n"
        "items boven BELEIDSTHEORIE_CACHE_MAX_MB megabyte (standaard 1024) of 5000 items;\n"
        "een verwijderd item wordt gewoon opnieuw gemaakt. BELEIDSTHEORIE_CACHE_DIR\n"
        "verplaatst hem en BELEIDSTHEORIE_NO_CACHE=1 zet hem uit.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie cache\n"
        "  beleidstheorie cache --clear"
    ),
    (
        "List the theories bundled with beleidstheorie, to name as GRAPH.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie datasets\n"
        "  beleidstheorie score intensiveringsaanpak"
    ): (
        "Toon de theorieën die met beleidstheorie worden meegeleverd, om als GRAAF te "
        "noemen.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie datasets\n"
        "  beleidstheorie score intensiveringsaanpak"
    ),
    (
        "Draw a diagram with graphviz: the schema, the samenhang, or one initiative.\n"
        "\n"
        "KIND is schema (the whole theory: input, initiatives, werkzame mechanismen,\n"
        "sub-goals, main goal and context), samenhang (initiatives and their links),\n"
        "initiative NAME (one initiative's own theory; NAME is its id, label or a piece "
        "of one)\n"
        "or matrix (initiatives x mechanisms: each contribution and the state of its\n"
        "evidence in the round; always scored). The format follows the suffix of -o.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie render schema --evidence -o schema.svg\n"
        "  beleidstheorie render initiative schuldenknooppunt -o skp.png\n"
        "  beleidstheorie render matrix -o matrix.xlsx\n"
        "  beleidstheorie render schema --evidence --paper A3 --landscape -o schema.pdf"
    ): (
        "Teken een diagram met graphviz: het schema, de samenhang, of één initiatief.\n"
        "\n"
        "SOORT is schema (de hele theorie: input, initiatieven, werkzame mechanismen,\n"
        "subdoelen, hoofddoel en context), samenhang (initiatieven en hun links),\n"
        "initiative NAAM (de eigen theorie van één initiatief; NAAM is het id, de naam "
        "of\n"
        "een stuk daarvan) of matrix (initiatieven x mechanismen: elke bijdrage en de\n"
        "stand van haar bewijs in de meting; altijd gescoord). Het formaat volgt de\n"
        "extensie van -o.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie render schema --evidence -o schema.svg\n"
        "  beleidstheorie render initiative schuldenknooppunt -o skp.png\n"
        "  beleidstheorie render matrix -o matrix.xlsx\n"
        "  beleidstheorie render schema --evidence --paper A3 --landscape -o schema.pdf"
    ),
    "File to write: .svg, .png, .pdf or .dot (DOT source); matrix also .xlsx.": (
        "Te schrijven bestand: .svg, .png, .pdf of .dot (DOT-bron); matrix ook .xlsx."
    ),
    "Draw mechanisms and goals with their verdicts and scores.": (
        "Teken mechanismen en doelen met hun oordelen en scores."
    ),
    "Fit to this paper (.pdf or .svg), text never below 7 pt; the schema splits per sub-goal if needed.": (
        "Pas op dit papier (.pdf of .svg), tekst nooit kleiner dan 7 pt; het schema "
        "splitst zo nodig per subdoel."
    ),
    "With --paper: landscape instead of portrait.": "Met --paper: liggend in plaats van staand.",
    "Schema: draw every initiative, also above 60 (then one counted group per sub-goal).": (
        "Schema: teken elk initiatief, ook boven de 60 (anders één getelde groep per subdoel)."
    ),
    (
        "Write an interactive graph (one self-contained HTML file, works offline).\n"
        "\n"
        "Hover a node for its score, verdict and evidence; click it for a panel with the\n"
        "evidence, its impact and what to measure next; filter by sub-goal, initiative,\n"
        "round or insufficient evidence.\n"
        "\n"
        "\b\n"
        "Example:\n"
        "  beleidstheorie interactive -o intensiveringsaanpak.html"
    ): (
        "Schrijf een interactieve graaf (één zelfstandig HTML-bestand, werkt offline).\n"
        "\n"
        "Wijs een knoop aan voor zijn score, oordeel en bewijs; klik erop voor een paneel met\n"
        "het bewijs, het effect ervan en wat nu te meten; filter op subdoel, initiatief,\n"
        "meting of onvoldoende bewijs.\n"
        "\n"
        "\b\n"
        "Voorbeeld:\n"
        "  beleidstheorie interactive -o intensiveringsaanpak.html"
    ),
    "The HTML file to write.": "Het te schrijven HTML-bestand.",
    "Free physics layout instead of left-to-right columns.": (
        "Vrije, fysische opmaak in plaats van kolommen van links naar rechts."
    ),
    "Say in each undecided node's panel what to measure next (as `beleidstheorie next`).": (
        "Zeg in het paneel van elke onbesliste knoop wat nu te meten (zoals `beleidstheorie next`)."
    ),
}
"""Every help text of the command line: English (as click shows it) -> Dutch."""
