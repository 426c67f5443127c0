"""The SHACL shapes compiled to SPARQL and run by the store itself: validation at scale.

rudof (:mod:`.shacl`) validates a copy of the data in its own memory, and its cost
grows with shapes × triples: at 10^6 triples it passed 16 GiB. Here every
constraint of the shapes actually used (``ontology/shapes.ttl``) becomes one
SELECT query whose answers are the violations — focus node, and the offending
value where SHACL reports one — so Oxigraph (or any SPARQL 1.1 store) does the
joins over the data where it lies and only violations come back.

The ontology is not copied into the store: the few ontology facts the shapes need
(class hierarchy, instances of classes, ``bt:level`` of indicator types) are
written into the queries as VALUES blocks. Problems are worded exactly as
:func:`.shacl.validate_ntriples` words rudof's, so either engine gives the same
messages (``tests/graph/test_shacl_sparql.py`` compares them whole).

Supported: targets ``sh:targetClass`` and ``sh:targetSubjectsOf``; paths of
predicates, ``sh:inversePath``, sequences and ``sh:alternativePath``; the
components ``minCount``, ``maxCount``, ``datatype``, ``nodeKind``, ``class``,
``minLength``, ``pattern``, ``languageIn``, ``uniqueLang``, ``in``, ``hasValue``,
``min/maxInclusive``, ``min/maxExclusive``, ``equals``, ``disjoint``,
``lessThanOrEquals``, ``or``, ``qualifiedValueShape`` with ``qualifiedMin/MaxCount``
and SPARQL-based constraints. A shape using anything else is refused at compile
time, so the compiler can never silently skip a constraint.

>>> import pyoxigraph as ox
>>> from beleidstheorie.graph.stores import OxigraphStore
>>> validate_store(OxigraphStore(ox.Store()))
[]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import attrgetter

import pyoxigraph as ox

from beleidstheorie.errors import Problem, StoreError, ValidationError, problem
from beleidstheorie.graph.shacl import _shape_messages, _text, shapes_store, short
from beleidstheorie.graph.stores import OxigraphStore, Store, to_ox
from beleidstheorie.iris import RDF_IRI as RDF
from beleidstheorie.iris import RDFS_IRI as RDFS
from beleidstheorie.iris import XSD_IRI as XSD
from beleidstheorie.messages import Texts, parser_said

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = f"<{RDF}type>"
SUBCLASS = f"{RDFS}subClassOf"

# datatypes whose lexical form SPARQL can check by casting (an ill-typed literal fails the cast)
_CASTS = {
    f"{XSD}integer",
    f"{XSD}decimal",
    f"{XSD}double",
    f"{XSD}float",
    f"{XSD}boolean",
    f"{XSD}date",
    f"{XSD}dateTime",
    f"{XSD}gYear",
}

# components a property or node shape may carry; anything else is refused
_KNOWN = {
    f"{SH}{name}"
    for name in [
        *("path", "targetClass", "targetSubjectsOf", "property", "severity", "message"),
        *("minCount", "maxCount", "datatype", "nodeKind", "class", "minLength", "pattern", "flags"),
        *("languageIn", "uniqueLang", "in", "hasValue", "minInclusive", "maxInclusive"),
        *("minExclusive", "maxExclusive", "equals", "disjoint", "lessThanOrEquals", "or"),
        *("qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount", "sparql", "name", "description"),
    ]
} | {f"{RDF}type", f"{RDFS}comment", f"{RDFS}label"}


_UNNAMED = Texts(
    {"en": "violates a constraint of a shape", "nl": "voldoet niet aan een voorwaarde van een shape"}
)
"""The text of a violation whose shape has no sh:message (none of the bundled shapes)."""


@dataclass(frozen=True)
class Check:
    """One constraint as a query: its rows are violations (``?this``, optional ``?value``)."""

    shape: str  # the shape whose message the violation carries
    path: str  # the path as rudof prints it ("" for a node constraint)
    message: Texts | None  # the shape's sh:message, one per language tag
    query: str
    value_from_query: bool = True  # False: the component reports no value (counts, uniqueLang)
    # What an embedded store may run instead of ``query``, with the same rows (:class:`_Embedded`):
    focus: tuple[tuple[str, str], ...] = ()  # the target: ("class", iri) or ("subjects", iri), a union
    step: tuple[str, bool] | None = None  # a path of one predicate (its IRI, inverse or not)
    count: tuple[str, int] | None = None  # ("min" or "max", n): a cardinality of ``step``
    scan: str = ""  # ``query`` without its target: its rows, kept where ?this is a focus node


class _Shapes:
    """The shapes graph, read with Oxigraph, and the ontology facts queries need."""

    def __init__(self) -> None:
        self.g = shapes_store()
        self.onto = ox.Store()
        self.onto.load(_text("beleidstheorie.ttl"), format=ox.RdfFormat.TURTLE)
        self.messages = _shape_messages()

    def objects(self, s: ox.NamedNode | ox.BlankNode, p: str) -> list:
        return [q.object for q in self.g.quads_for_pattern(s, ox.NamedNode(p), None)]

    def one(self, s, p: str):
        values = self.objects(s, p)
        return values[0] if values else None

    def rdf_list(self, head) -> list:
        out = []
        while head is not None and not (isinstance(head, ox.NamedNode) and head.value == f"{RDF}nil"):
            out.append(self.one(head, f"{RDF}first"))
            head = self.one(head, f"{RDF}rest")
        return out


def _term(t) -> str:
    """A term as SPARQL text (Oxigraph's own serialisation, so nothing can be injected)."""
    return str(t)


class _Compiler:
    def __init__(self, shapes: _Shapes, data_subclasses: list[tuple[str, str]]) -> None:
        self.s = shapes
        self.fresh = 0
        onto = shapes.onto
        self.onto_preds: dict[str, list[tuple[str, str]]] = {}
        for q in onto:
            self.onto_preds.setdefault(q.predicate.value, []).append((_term(q.subject), _term(q.object)))
        edges: dict[str, set[str]] = {}
        for sub, sup in [*((s, o) for s, o in self.onto_preds.get(SUBCLASS, [])), *data_subclasses]:
            edges.setdefault(sup, set()).add(sub)
        self.sub_edges = edges
        self.types = self.onto_preds.get(f"{RDF}type", [])

    def var(self) -> str:
        self.fresh += 1
        return f"?_v{self.fresh}"

    # -- classes ----------------------------------------------------------------------
    def closure(self, cls: str) -> list[str]:
        """``cls`` (SPARQL text) and every subclass of it, in the ontology or the data."""
        seen, todo = {cls}, [cls]
        while todo:
            for sub in self.sub_edges.get(todo.pop(), ()):
                if sub not in seen:
                    seen.add(sub)
                    todo.append(sub)
        return sorted(seen)

    def instance_of(self, v: str, cls: str) -> str:
        """A SPARQL expression: ``v`` is an instance of ``cls`` (data or ontology)."""
        classes = self.closure(cls)
        onto = sorted({s for s, o in self.types if o in classes})
        # one EXISTS per class, each a lookup of a fixed (node, rdf:type, class) triple: with
        # the classes in a VALUES block Oxigraph scanned every rdf:type triple per value
        in_data = "(" + " || ".join(f"EXISTS {{ {v} {RDF_TYPE} {c} }}" for c in classes) + ")"
        if not onto:
            return in_data
        return f"({in_data} || {v} IN ({', '.join(onto)}))"

    # -- paths ------------------------------------------------------------------------
    def path_pattern(self, node, s: str, o: str, from_focus: bool = True) -> str:
        """A group pattern binding ``o`` to the values of path ``node`` from ``s``.

        A step that starts or ends at the focus node reads the data only: focus nodes are
        nodes of the data, and the ontology says nothing about them. A later step (the
        ``bt:level`` of an indicator's type) also reads the ontology's facts, inlined.
        """
        if isinstance(node, ox.NamedNode):
            step = f"{s} {_term(node)} {o} ."
            facts = None if from_focus else self.onto_preds.get(node.value)
            if facts and node.value != f"{RDF}type":
                rows = " ".join(f"({a} {b})" for a, b in facts)
                return f"{{ {step} }} UNION {{ VALUES ({s} {o}) {{ {rows} }} }}"
            return step
        inverse = self.s.one(node, f"{SH}inversePath")
        if inverse is not None:
            return self.path_pattern(inverse, o, s, from_focus)
        alternatives = self.s.one(node, f"{SH}alternativePath")
        if alternatives is not None:
            branches = self.s.rdf_list(alternatives)
            return " UNION ".join(f"{{ {self.path_pattern(p, s, o, from_focus)} }}" for p in branches)
        steps = self.s.rdf_list(node)
        if not steps:
            raise ValidationError([Problem("shapes.ttl", str(node), "unsupported SHACL path")])
        parts, left = [], s
        for i, step in enumerate(steps):
            right = o if i == len(steps) - 1 else self.var()
            parts.append(self.path_pattern(step, left, right, from_focus and i == 0))
            left = right
        return " ".join(f"{{ {p} }}" for p in parts)

    def path_text(self, node) -> str:
        """The path as rudof prints it (then shortened by :func:`.shacl.short`)."""
        if isinstance(node, ox.NamedNode):
            return node.value
        inverse = self.s.one(node, f"{SH}inversePath")
        if inverse is not None:
            return f"^({self.path_text(inverse)})"
        alternatives = self.s.one(node, f"{SH}alternativePath")
        if alternatives is not None:
            return "(" + " | ".join(self.path_text(p) for p in self.s.rdf_list(alternatives)) + ")"
        return "(" + " / ".join(self.path_text(p) for p in self.s.rdf_list(node)) + ")"

    # -- value conditions ---------------------------------------------------------------
    def value_ok(self, comp: str, arg, v: str, shape) -> str | None:
        """A SPARQL expression true when value ``v`` satisfies the value component, else None."""
        name = comp.removeprefix(SH)
        if name == "datatype":
            dt = arg.value
            if dt == f"{RDF}langString":
                return f'(isLiteral({v}) && lang({v}) != "")'
            ok = f'(isLiteral({v}) && datatype({v}) = {_term(arg)} && lang({v}) = "")'
            if dt in _CASTS:
                ok = f"({ok} && COALESCE(isLiteral({_term(arg)}(STR({v}))), false))"
            return ok
        if name == "nodeKind":
            kind = arg.value.removeprefix(SH)
            return {
                "IRI": f"isIRI({v})",
                "BlankNode": f"isBlank({v})",
                "Literal": f"isLiteral({v})",
                "BlankNodeOrIRI": f"(isIRI({v}) || isBlank({v}))",
                "BlankNodeOrLiteral": f"(isBlank({v}) || isLiteral({v}))",
                "IRIOrLiteral": f"(isIRI({v}) || isLiteral({v}))",
            }[kind]
        if name == "class":
            return f"(!isLiteral({v}) && {self.instance_of(v, _term(arg))})"
        if name == "minLength":
            return f"(!isBlank({v}) && STRLEN(STR({v})) >= {arg.value})"
        if name == "pattern":
            flags = self.s.one(shape, f"{SH}flags")
            extra = f", {_term(ox.Literal(flags.value))}" if flags is not None else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {_term(ox.Literal(arg.value))}{extra}))"
        if name == "languageIn":
            tags = self.s.rdf_list(arg)
            tests = " || ".join(f"langMatches(lang({v}), {_term(ox.Literal(t.value))})" for t in tags)
            return f"(isLiteral({v}) && COALESCE({tests or 'false'}, false))"
        if name == "in":
            members = self.s.rdf_list(arg)
            return "(" + (" || ".join(f"sameTerm({v}, {_term(m)})" for m in members) or "false") + ")"
        if name in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
            op = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}[name]
            return f"COALESCE({v} {op} {_term(arg)}, false)"
        if name == "or":
            return "(" + " || ".join(self.conforms(m, v) for m in self.s.rdf_list(arg)) + ")"
        return None

    def conforms(self, shape, v: str) -> str:
        """A SPARQL expression: node ``v`` conforms to ``shape`` (value or property constraints)."""
        path = self.s.one(shape, f"{SH}path")
        tests = []
        if path is not None:
            w = self.var()
            pattern = self.path_pattern(path, v, w)
            for q in self.s.g.quads_for_pattern(shape, None, None):
                comp, arg = q.predicate.value, q.object
                if comp in (f"{SH}path", f"{SH}severity", f"{SH}message"):
                    continue
                if comp == f"{SH}minCount":
                    if int(arg.value) > 1:
                        why = "minCount > 1 inside sh:or"
                        raise ValidationError([Problem("shapes.ttl", str(shape), why)])
                    tests.append(f"EXISTS {{ {pattern} }}")
                elif comp == f"{SH}maxCount" and int(arg.value) <= 1:
                    if int(arg.value) == 0:
                        tests.append(f"NOT EXISTS {{ {pattern} }}")
                    else:
                        w2 = self.var()
                        twice = f"{pattern} {self.path_pattern(path, v, w2)} FILTER(!sameTerm({w}, {w2}))"
                        tests.append(f"NOT EXISTS {{ {twice} }}")
                elif comp == f"{SH}hasValue":
                    tests.append(f"EXISTS {{ {pattern} FILTER(sameTerm({w}, {_term(arg)})) }}")
                else:
                    ok = self.value_ok(comp, arg, w, shape)
                    if ok is None:
                        raise ValidationError([Problem("shapes.ttl", str(shape), f"unsupported {comp} here")])
                    tests.append(f"NOT EXISTS {{ {pattern} FILTER(!({ok})) }}")
        else:
            for q in self.s.g.quads_for_pattern(shape, None, None):
                comp, arg = q.predicate.value, q.object
                if comp in (f"{SH}severity", f"{SH}message", f"{RDF}type"):
                    continue
                if comp == f"{SH}property":
                    tests.append(self.conforms(arg, v))
                    continue
                ok = self.value_ok(comp, arg, v, shape)
                if ok is None:
                    raise ValidationError([Problem("shapes.ttl", str(shape), f"unsupported {comp} here")])
                tests.append(ok)
        return "(" + (" && ".join(tests) or "true") + ")"

    # -- targets ------------------------------------------------------------------------
    def target(self, shape) -> str | None:
        parts = []
        for cls in self.s.objects(shape, f"{SH}targetClass"):
            classes = " ".join(self.closure(_term(cls)))
            parts.append(f"{{ ?this {RDF_TYPE} ?_t . VALUES ?_t {{ {classes} }} }}")
        for p in self.s.objects(shape, f"{SH}targetSubjectsOf"):
            parts.append(f"{{ SELECT DISTINCT ?this WHERE {{ ?this {_term(p)} ?_any }} }}")
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(parts) + " } }"

    def focus(self, shape) -> tuple[tuple[str, str], ...]:
        """The target as (kind, IRI) pairs, or () when a class or predicate is not an IRI."""
        parts = []
        for cls in self.s.objects(shape, f"{SH}targetClass"):
            parts.extend(("class", c) for c in self.closure(_term(cls)))
        parts.extend(("subjects", _term(p)) for p in self.s.objects(shape, f"{SH}targetSubjectsOf"))
        if not all(t.startswith("<") and t.endswith(">") for _, t in parts):
            return ()
        return tuple((kind, t[1:-1]) for kind, t in parts)

    def step(self, path) -> tuple[str, bool] | None:
        """A path of one predicate, or the inverse of one, as (IRI, inverse); else None."""
        if isinstance(path, ox.NamedNode):
            return (path.value, False)
        inverse = self.s.one(path, f"{SH}inversePath")
        if isinstance(inverse, ox.NamedNode):
            return (inverse.value, True)
        return None

    # -- checks ---------------------------------------------------------------------------
    def message(self, shape, fallback_shape=None) -> Texts | None:
        said = {m.language or "en": m.value for m in self.s.objects(shape, f"{SH}message")}
        if said:
            return Texts(said)
        named = shape if isinstance(shape, ox.NamedNode) else fallback_shape
        return self.s.messages.get(named.value) if isinstance(named, ox.NamedNode) else None

    def node_checks(self, shape) -> list[Check]:
        for q in self.s.g.quads_for_pattern(shape, None, None):
            if q.predicate.value not in _KNOWN:
                raise ValidationError([Problem("shapes.ttl", str(shape), f"unsupported {q.predicate.value}")])
        target = self.target(shape)
        if target is None:
            return []
        checks = []
        msg = self.message(shape)
        for q in self.s.g.quads_for_pattern(shape, None, None):
            comp, arg = q.predicate.value, q.object
            if comp == f"{SH}property":
                checks.extend(self.property_checks(arg, target, shape, self.focus(shape)))
            elif comp == f"{SH}sparql":
                checks.append(self.sparql_check(arg, target, shape))
            else:
                ok = self.value_ok(comp, arg, "?this", shape)
                if ok is None:
                    continue  # targets, messages, severity
                query = (
                    f"SELECT DISTINCT ?this ?value WHERE {{ {target} FILTER(!({ok})) BIND(?this AS ?value) }}"
                )
                checks.append(Check(str(shape), "", msg, query))
        return checks

    def sparql_check(self, node, target: str, shape) -> Check:
        select = self.s.one(node, f"{SH}select").value
        prefixes = self.prefixes(self.s.one(node, f"{SH}prefixes"))
        select = select.replace("$this", "?this")
        match = re.search(r"\bWHERE\s*\{", select, flags=re.I)
        if match is None:
            raise ValidationError([Problem("shapes.ttl", str(shape), "a SPARQL constraint without WHERE")])
        query = prefixes + select[: match.end()] + f" {target} " + select[match.end() :]
        msg = self.message(node, shape)
        return Check(str(shape), "", msg, query)

    def prefixes(self, node) -> str:
        out = []
        for decl in self.s.objects(node, f"{SH}declare") if node is not None else []:
            prefix = self.s.one(decl, f"{SH}prefix").value
            namespace = self.s.one(decl, f"{SH}namespace").value
            out.append(f"PREFIX {prefix}: <{namespace}>\n")
        return "".join(out)

    def property_checks(self, prop, target: str, node_shape, focus: tuple = ()) -> list[Check]:
        for q in self.s.g.quads_for_pattern(prop, None, None):
            if q.predicate.value not in _KNOWN:
                raise ValidationError([Problem("shapes.ttl", str(prop), f"unsupported {q.predicate.value}")])
        path = self.s.one(prop, f"{SH}path")
        text = self.path_text(path)
        msg = self.message(prop, node_shape)
        values = self.path_pattern(path, "?this", "?value")
        named = str(prop)
        step = self.step(path) if focus else None
        checks = []

        def check(
            query: str, with_value: bool = True, count: tuple[str, int] | None = None, scannable: bool = False
        ) -> None:
            # a count of a one-predicate path is counted by an embedded store from its index; a
            # query whose rows are each about one focus node can run without its target
            counted = count if step is not None else None
            opening = f"WHERE {{ {target} "
            scan = query.replace(opening, "WHERE { ", 1) if scannable and step is not None else ""
            if scan and query.count(opening) != 1:
                raise ValueError(f"the target of {query!r} is not where a scan expects it")
            checks.append(Check(named, text, msg, query, with_value, focus, step, counted, scan))

        value_tests: list[str] = []

        for q in self.s.g.quads_for_pattern(prop, None, None):
            comp, arg = q.predicate.value, q.object
            name = comp.removeprefix(SH)
            if name == "minCount":
                n = int(arg.value)
                if n == 1:
                    check(
                        f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ {values} }} }}",
                        False,
                        ("min", n),
                    )
                else:
                    check(
                        f"SELECT ?this WHERE {{ {target} OPTIONAL {{ {values} }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {n})",
                        False,
                        ("min", n),
                    )
            elif name == "maxCount":
                check(
                    f"SELECT ?this WHERE {{ {target} {values} }} "
                    f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {int(arg.value)})",
                    False,
                    ("max", int(arg.value)),
                )
            elif name == "uniqueLang":
                if arg.value != "true":
                    continue
                other = values.replace("?value", "?_other")
                check(
                    f"SELECT DISTINCT ?this WHERE {{ {target} {values} {other} "
                    f'FILTER(!sameTerm(?value, ?_other) && lang(?value) != "" '
                    f"&& LCASE(lang(?value)) = LCASE(lang(?_other))) }}",
                    False,
                    scannable=True,
                )
            elif name == "hasValue":
                check(
                    f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS "
                    f"{{ {values} FILTER(sameTerm(?value, {_term(arg)})) }} }}",
                    False,
                )
            elif name in ("equals", "disjoint", "lessThanOrEquals"):
                other = f"?this {_term(arg)} ?_other ."
                if name == "equals":
                    check(
                        f"SELECT DISTINCT ?this ?value WHERE {{ {target} {{ {values} "
                        f"FILTER NOT EXISTS {{ ?this {_term(arg)} ?_o FILTER(sameTerm(?_o, ?value)) }} }} "
                        f"UNION {{ ?this {_term(arg)} ?value "
                        f"FILTER NOT EXISTS {{ {values.replace('?value', '?_o')} "
                        "FILTER(sameTerm(?_o, ?value)) } } }"
                    )
                elif name == "disjoint":
                    check(
                        f"SELECT DISTINCT ?this ?value WHERE {{ {target} {values} {other} "
                        "FILTER(sameTerm(?value, ?_other)) }"
                    )
                else:
                    check(
                        f"SELECT DISTINCT ?this ?value WHERE {{ {target} {values} {other} "
                        "FILTER(!COALESCE(?value <= ?_other, false)) }"
                    )
            elif name in ("qualifiedMinCount", "qualifiedMaxCount"):
                qshape = self.s.one(prop, f"{SH}qualifiedValueShape")
                ok = self.conforms(qshape, "?value")
                n = int(arg.value)
                if name == "qualifiedMinCount":
                    check(
                        f"SELECT ?this WHERE {{ {target} OPTIONAL {{ {values} FILTER({ok}) }} }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {n})",
                        False,
                    )
                else:
                    check(
                        f"SELECT ?this WHERE {{ {target} {values} FILTER({ok}) }} "
                        f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {n})",
                        False,
                        scannable=True,
                    )
            else:
                ok = self.value_ok(comp, arg, "?value", prop)
                if ok is not None:  # else path, message, severity, qualifiedValueShape (with its counts)
                    value_tests.append(ok)
        if value_tests:
            # every value component of a shape in one query: the same message, focus and value
            # are reported whichever of them a value fails, and the data is joined once
            ok = " && ".join(value_tests)
            query = f"SELECT DISTINCT ?this ?value WHERE {{ {target} {values} FILTER(!({ok})) }}"
            check(query, scannable=True)
        return checks

    def compile(self) -> list[Check]:
        node_shape = ox.NamedNode(f"{SH}NodeShape")
        shapes = sorted(
            {q.subject for q in self.s.g.quads_for_pattern(None, ox.NamedNode(f"{RDF}type"), node_shape)},
            key=str,
        )
        checks = []
        for shape in shapes:
            checks.extend(self.node_checks(shape))
        return checks


@cache
def _shapes() -> _Shapes:
    return _Shapes()


Q_SUBCLASSES = f"SELECT ?s ?o WHERE {{ ?s <{SUBCLASS}> ?o }}"


def compile_shapes(store: Store | None = None) -> list[Check]:
    """The checks of the shapes; subclasses the data of ``store`` declares are included.

    >>> len(compile_shapes()) > 250
    True
    """
    data = [] if store is None else [(f"<{r['s']}>", f"<{r['o']}>") for r in store.query(Q_SUBCLASSES)]
    return _Compiler(_shapes(), data).compile()


def _solutions(store: Store, query: str):
    """Rows of pyoxigraph terms: straight from Oxigraph when the store is embedded."""
    if isinstance(store, OxigraphStore):
        try:
            yield from store.oxigraph.query(query, **store._dataset())
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            raise StoreError([problem("query_failed", cause=parser_said(str(exc)))]) from None
        return
    for row in store.query(query):
        yield {k: to_ox(v) for k, v in row.items()}


SCAN_FACTOR = 4
"""A value check reads its predicate's triples, instead of following each focus node's, when the
predicate has at most this many triples per focus node. Both give the same rows; which is cheaper
depends on how much of the predicate the focus nodes use (a label of every kind of node, or one
only observations have)."""


_SUBJECT = attrgetter("subject")


def _node_key(term) -> str | None:
    """A node's N-Triples text (``<iri>``, ``_:label``), None for a literal (never a focus node).

    Not the bare IRI or label: pyoxigraph lets a program make ``BlankNode("urn:x")``.
    """
    return None if isinstance(term, ox.Literal) else str(term)


class _Embedded:
    """The checks an embedded Oxigraph store answers from its indexes, with the queries' rows.

    Every check is still run; only the plan changes. The focus nodes of a target are read
    once per validation, and the values per node of a one-predicate path are counted in one
    pass over that predicate's triples, for all the shapes counting it. At 10^6 triples the
    cardinality queries (a join of each focus node, then a GROUP BY) were half of SHACL's time.
    Nodes are keyed by their N-Triples text (:func:`_node_key`): a Python string keeps its
    hash, a pyoxigraph term computes it again at every lookup, and sets of strings are
    subtracted without Python loops.
    """

    def __init__(self, store: OxigraphStore) -> None:
        self.ox = store.oxigraph
        scope = store._scope  # the queries' dataset: the union of these graphs, or of all
        self.graphs: list[ox.NamedNode | None] = [None] if scope is None else [ox.NamedNode(g) for g in scope]
        self.focus_sets: dict[tuple, dict[str, object]] = {}
        self.counts: dict[tuple[str, bool], Counter] = {}
        self.several: dict[tuple[str, bool], dict[str, int]] = {}
        self.sizes: dict[str, int] = {}

    def quads(self, s, p, o) -> Iterator[ox.Quad]:
        return chain.from_iterable(self.ox.quads_for_pattern(s, p, o, g) for g in self.graphs)

    def focus(self, spec: tuple[tuple[str, str], ...]) -> dict[str, object]:
        """The focus nodes of a target, by :func:`_node_key`."""
        if spec not in self.focus_sets:
            rdf_type = ox.NamedNode(f"{RDF}type")
            nodes: list = []
            for kind, iri in spec:
                if kind == "class":
                    nodes.extend(map(_SUBJECT, self.quads(None, rdf_type, ox.NamedNode(iri))))
                else:
                    nodes.extend(map(_SUBJECT, self.quads(None, ox.NamedNode(iri), None)))
            self.focus_sets[spec] = dict(zip(map(str, nodes), nodes, strict=True))
        return self.focus_sets[spec]

    def size(self, store: Store, predicate: str) -> int:
        """How many triples have ``predicate`` (one aggregate in the store)."""
        if predicate not in self.sizes:
            query = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s {_term(ox.NamedNode(predicate))} ?o }}"
            self.sizes[predicate] = int(next(iter(_solutions(store, query)))["n"].value)
        return self.sizes[predicate]

    def values_of(self, step: tuple[str, bool], node) -> int:
        """How many distinct values ``node`` has on the path ``step``, by a lookup of its own."""
        predicate, inverse = ox.NamedNode(step[0]), step[1]
        if inverse:
            return len({q.subject for q in self.quads(None, predicate, node)})
        return len({q.object for q in self.quads(node, predicate, None)})

    def count(self, step: tuple[str, bool]) -> Counter:
        """The number of quads per node on ``step``, counted in one pass over the predicate."""
        if step not in self.counts:
            predicate, inverse = step
            quads = self.quads(None, ox.NamedNode(predicate), None)
            if inverse:  # the nodes are objects: a literal is never a focus node
                counted = Counter(str(q.object) for q in quads if not isinstance(q.object, ox.Literal))
            else:  # subjects: no Python frame per triple, at 10^6 a million of them
                counted = Counter(map(str, map(_SUBJECT, quads)))
            self.sizes[predicate] = counted.total()
            self.counts[step] = counted
            self.several[step] = {k: c for k, c in counted.items() if c > 1}
        return self.counts[step]

    def violations(self, step: tuple[str, bool], bound: str, n: int, focus: dict[str, object]) -> list:
        """The focus nodes with fewer (``min``) or more (``max``) than ``n`` distinct values on ``step``.

        The predicate's triples are counted in one pass, kept for the next shape counting it.
        """
        counted = self.count(step)
        # a triple in two graphs of the union is one value: a node with more than one quad
        # is counted again by a lookup of its own before it is judged
        several = self.several[step]
        if bound == "min" and n == 1:
            return [focus[k] for k in focus.keys() - counted.keys()]
        if bound == "max" and n >= 1:
            candidates = [k for k, c in several.items() if c > n and k in focus]
            return [focus[k] for k in candidates if self.values_of(step, focus[k]) > n]
        exact = {k: (self.values_of(step, focus[k]) if k in several else counted.get(k, 0)) for k in focus}
        return [focus[k] for k, c in exact.items() if (c < n if bound == "min" else c > n)]

    def rows(self, store: Store, check: Check):
        """The rows of ``check``: counted, scanned or queried."""
        if check.count is not None and check.step is not None and check.focus:
            focus = self.focus(check.focus)
            if not focus:
                return []
            # counted in one pass over the predicate, whatever the focus set's size: at 10^4,
            # 10^5 and 10^6 triples and on the flagship no slower than a query per small set
            bound, n = check.count
            return [{"this": term} for term in self.violations(check.step, bound, n, focus)]
        if check.scan and check.step is not None and check.focus:
            focus = self.focus(check.focus)
            if not focus:
                return []
            if self.size(store, check.step[0]) <= SCAN_FACTOR * len(focus):
                rows = _solutions(store, check.scan)
                return [row for row in rows if _node_key(row["this"]) in focus]
        return _solutions(store, check.query)


def _get(row, name: str):
    try:
        return row[name]
    except (KeyError, IndexError):
        return None


def validate_store(store: Store, file: str = "") -> list[Problem]:
    """Every SHACL violation of the data in ``store``, found by SPARQL queries on the store."""
    problems = set()
    embedded = _Embedded(store) if isinstance(store, OxigraphStore) else None
    for check in compile_shapes(store):
        for row in embedded.rows(store, check) if embedded is not None else _solutions(store, check.query):
            focus = _get(row, "this")
            path = _get(row, "path")
            path_text = path.value if isinstance(path, ox.NamedNode) else check.path
            place = " ".join(x for x in (short(rudof_text(focus)), short(path_text)) if x)
            texts = check.message or _UNNAMED
            english = texts.in_language("en")
            value = _get(row, "value") if check.value_from_query else None
            shown = short(rudof_text(value)) if value is not None else ""
            if shown and shown not in english and rudof_text(value) not in english:
                problems.add(problem("shape_value", file, place, text=texts, value=shown))
            else:
                problems.add(problem("shape", file, place, text=texts))
    return sorted(problems, key=lambda p: (p.place, p.message))


def rudof_text(term) -> str:
    """A pyoxigraph term as rudof prints it in a validation result.

    >>> rudof_text(ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")))
    '"3"^^xsd:integer'
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        text = _term(ox.Literal(term.value))
        if term.language:
            return f"{text}@{term.language}"
        dt = term.datatype.value
        if dt == f"{XSD}string":
            return text
        if dt == f"{XSD}boolean":
            return term.value
        return f"{text}^^xsd:{dt[len(XSD) :]}" if dt.startswith(XSD) else f"{text}^^<{dt}>"
    return str(term)
