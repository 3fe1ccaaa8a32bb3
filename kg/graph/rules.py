"""The contract's SHACL shapes compiled into SPARQL, run by Oxigraph.

``kg validate`` runs pySHACL (:mod:`kg.graph.shacl`) over a whole graph.  A
corpus build checks each batch of article graphs instead, and pySHACL is too
slow for that (286 s on a 10k-article graph, more than the whole build may
take): this module reads ``ontology/shapes.ttl`` and turns every constraint
it uses into one SPARQL SELECT that lists the culprits, which Oxigraph runs
over the batch in milliseconds.  The rules are the shapes file's, not a copy:
a shape added there is checked here too, and a constraint component this
compiler does not know stops it (:class:`~kg.graph.shacl.ShapesError`)
rather than being skipped.  ``tests/test_validate.py`` breaks each rule and
checks that both engines catch it.

Each article graph is checked on its own where it was extracted, by every
rule (:func:`check_articles`): an article graph holds every node it refers
to, and the nodes minted for one article (the article, its memberships and
statements) live in its graph alone.  What it cannot see is the nodes that
several articles describe (people, organisations, districts, initiatives,
roles): two articles may give one of them two preferred labels or two
parents.  So once a batch is in the corpus, :func:`check_touched` runs the
rules on how many values a node has over those nodes, with all their values
in the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import cast

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kg.graph.namespaces import KGO, ORG, SCHEMA
from kg.graph.select import select
from kg.graph.shacl import (
    GRAPH_NODE,
    ContractError,
    ShapesError,
    ValidationReport,
    Violation,
    format_report,
    load_shapes,
)
from kg.graph.triples import rdflib_graph, to_rdflib

_KNOWN = {
    SH.path, SH.minCount, SH.maxCount, SH.languageIn, SH.equals, SH["class"],
    SH.datatype, SH.pattern, SH.nodeKind, SH.message, SH.property, SH.sparql,
    SH.targetClass, SH.targetSubjectsOf, SH.targetNode, RDF.type,
}  # fmt: skip
_IGNORED = {
    URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
    URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
}


@dataclass(frozen=True)
class Rule:
    """One compiled constraint: its shape, message and SPARQL."""

    rule: Node
    message: str
    sparql: str
    whole: bool = False
    """Run over the batch's own graphs only (graph-wide SPARQL rules)."""
    path: URIRef | None = None
    single: bool = False
    """A rule on how many values a node has (maxCount, equals): checked with
    the node's values from the whole corpus."""


def _shape(rule: Rule) -> URIRef | BNode:
    """The shape (or property shape) a rule comes from."""
    if not isinstance(rule.rule, URIRef | BNode):
        raise ValueError(f"ontology/shapes.ttl: {rule.rule!r} names no shape")
    return rule.rule


def _n3(term: Node) -> str:
    """A shapes graph term as SPARQL writes it (IRIs and literals only)."""
    if not isinstance(term, URIRef | Literal):
        raise ValueError(f"ontology/shapes.ttl: {term!r} is no IRI or literal here")
    return term.n3()


def _targets(shapes: Graph, shape: URIRef) -> str | None:
    parts = [f"{{ ?this a {_n3(c)} }}" for c in shapes.objects(shape, SH.targetClass)]
    parts += [
        f"{{ ?this {_n3(p)} ?target_any }}"
        for p in shapes.objects(shape, SH.targetSubjectsOf)
    ]
    parts += [
        f"{{ VALUES ?this {{ {_n3(n)} }} }}"
        for n in shapes.objects(shape, SH.targetNode)
        if n != GRAPH_NODE
    ]
    return " UNION ".join(parts) if parts else None


def _check_known(shapes: Graph, node: Node) -> None:
    for predicate in set(shapes.predicates(node)):
        if predicate not in _KNOWN and predicate not in _IGNORED:
            raise ShapesError(
                f"{node}: uses {predicate}, which kg.graph.rules cannot compile into "
                "SPARQL; teach it the constraint or drop it from the shapes"
            )


def _property_rules(shapes: Graph, prop: Node, target: str) -> Iterable[Rule]:
    _check_known(shapes, prop)
    path = shapes.value(prop, SH.path)
    if not isinstance(path, URIRef):
        raise ShapesError(f"{prop}: sh:path must be one IRI for kg.graph.rules")
    p = _n3(path)
    message = str(shapes.value(prop, SH.message) or "")
    select = "SELECT DISTINCT ?this ?value WHERE {"

    def rule(body: str) -> Rule:
        return Rule(prop, message, f"{select} {{ {target} }} {body} }}", path=path)

    def counted(pattern: str, test: str) -> Rule:
        sparql = (
            f"SELECT ?this WHERE {{ {{ {target} }} {pattern} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) {test})"
        )
        return Rule(prop, message, sparql, path=path, single=test.startswith(">"))

    low = shapes.value(prop, SH.minCount)
    if isinstance(low, Literal) and int(low) > 0:
        yield counted(f"OPTIONAL {{ ?this {p} ?v }}", f"< {int(low)}")
    high = shapes.value(prop, SH.maxCount)
    if isinstance(high, Literal):
        yield counted(f"?this {p} ?v", f"> {int(high)}")
    languages = shapes.value(prop, SH.languageIn)
    if languages is not None:
        ranges = " || ".join(
            f'langMatches(lang(?value), "{lit}")'
            for lit in Collection(shapes, languages)
        )
        yield rule(f"?this {p} ?value . FILTER (!isLiteral(?value) || !({ranges}))")
    other = shapes.value(prop, SH.equals)
    if other is not None:
        o = _n3(other)
        equal = rule(
            f"{{ ?this {p} ?value FILTER NOT EXISTS {{ ?this {o} ?value }} }} UNION "
            f"{{ ?this {o} ?value FILTER NOT EXISTS {{ ?this {p} ?value }} }}"
        )
        yield Rule(equal.rule, equal.message, equal.sparql, path=path, single=True)
    cls = shapes.value(prop, SH["class"])
    if cls is not None:
        yield rule(f"?this {p} ?value FILTER NOT EXISTS {{ ?value a {_n3(cls)} }}")
    datatype = shapes.value(prop, SH.datatype)
    if datatype is not None:
        yield rule(
            f"?this {p} ?value FILTER (!isLiteral(?value) || lang(?value) != '' "
            f"|| datatype(?value) != {_n3(datatype)})"
        )
    pattern = shapes.value(prop, SH.pattern)
    if pattern is not None:
        yield rule(
            f"?this {p} ?value FILTER (isBlank(?value) || "
            f"!regex(str(?value), {_n3(Literal(str(pattern)))}))"
        )
    kind = shapes.value(prop, SH.nodeKind)
    if kind is not None:
        if kind != SH.IRI:
            raise ShapesError(f"{prop}: kg.graph.rules knows only sh:nodeKind sh:IRI")
        yield rule(f"?this {p} ?value FILTER (!isIRI(?value))")


_NOT_EXISTS = re.compile(r"FILTER\s+NOT\s+EXISTS\s*\{([^{}]*)\}", re.IGNORECASE)


def as_anti_join(select: str) -> str:
    """``FILTER NOT EXISTS { … }`` as ``MINUS { … }`` where that is faster.

    SHACL-SPARQL forbids MINUS, so the shapes say FILTER NOT EXISTS; but
    Oxigraph plans a NOT EXISTS block without the outer bindings, and for a
    block that joins three or more triple patterns it scans the join for
    every row (FactHasEvidence: 45 s instead of 0.08 s on a batch of 256
    articles).  MINUS is one anti-join there; on a block of one or two
    patterns NOT EXISTS is the faster (0.1 s against 4 s).  Where the outer
    pattern binds every variable the block shares with it, as in every kg
    constraint, the two mean the same.
    """

    def rewrite(match: re.Match[str]) -> str:
        block = match[1]
        patterns = block.count(";") + len(re.findall(r"\.\s", block + " "))
        if "FILTER" in block.upper() or patterns < 3:
            return match[0]
        return "MINUS {" + block + "}"

    return _NOT_EXISTS.sub(rewrite, select)


def _sparql_rules(shapes: Graph, shape: URIRef) -> Iterable[Rule]:
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for d in shapes.objects(None, SH.declare)
    )
    for constraint in shapes.objects(shape, SH.sparql):
        select = shapes.value(constraint, SH.select)
        if not isinstance(constraint, URIRef) or select is None:
            raise ShapesError(f"{shape}: its SPARQL constraints must be named IRIs")
        message = str(shapes.value(constraint, SH.message) or "")
        yield Rule(
            constraint, message, prefixes + as_anti_join(str(select)), whole=True
        )


@cache
def compiled_rules() -> tuple[Rule, ...]:
    """Every constraint of the contract's shapes, as SPARQL (once a process)."""
    return compile_shapes(load_shapes())


def compile_shapes(shapes: Graph) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        if not isinstance(shape, URIRef):
            raise ShapesError(f"{shape}: kg.graph.rules needs named shapes")
        _check_known(shapes, shape)
        rules.extend(_sparql_rules(shapes, shape))
        target = _targets(shapes, shape)
        if target is None:
            continue
        cls = shapes.value(shape, SH["class"])
        if cls is not None:
            message = str(shapes.value(shape, SH.message) or "")
            rules.append(
                Rule(
                    shape,
                    message,
                    f"SELECT DISTINCT ?this WHERE {{ {{ {target} }} "
                    f"FILTER NOT EXISTS {{ ?this a {_n3(cls)} }} }}",
                )
            )
        for prop in shapes.objects(shape, SH.property):
            rules.extend(_property_rules(shapes, prop, target))
    return tuple(rules)


def violations(store: ox.Store, rules: Sequence[Rule] | None = None) -> list[Violation]:
    """Run every rule over ``store``'s default graph."""
    found = []
    for rule in rules if rules is not None else compiled_rules():
        answer = select(store, rule.sparql)
        names = [v.value for v in answer.variables]
        for row in answer:
            values = {n: row[n] for n in names if row[n] is not None}
            found.append(_violation(rule, values))
    return sorted(found, key=lambda v: (str(v.rule), str(v.focus), str(v.value)))


def _violation(rule: Rule, values: dict[str, object]) -> Violation:
    terms = {name: to_rdflib(term) for name, term in values.items()}
    if rule.whole:
        focus = terms.get("value", GRAPH_NODE)
        message = rule.message
        for name, term in terms.items():
            message = message.replace(f"{{?{name}}}", str(term))
        return Violation(_shape(rule), focus, message, SH.SPARQLConstraintComponent)
    return Violation(
        _shape(rule),
        terms["this"],
        rule.message,
        SH.ConstraintComponent,
        path=rule.path,
        value=terms.get("value"),
    )


def check_store(store: ox.Store, *, what: str = "the graph") -> ValidationReport:
    """Validate a whole store's default graph; raise ContractError if broken."""
    return _checked(store, compiled_rules(), len(store), what)


def check_articles(ntriples: bytes, *, what: str = "the corpus") -> None:
    """Check article graphs (their triples, as N-Triples) on their own, by
    every rule; :func:`check_touched` checks the shared nodes again once
    they are in the corpus."""
    check = ox.Store()
    check.load(ntriples, ox.RdfFormat.N_TRIPLES, lenient=True)
    _checked(check, compiled_rules(), len(check), what)


def check_touched(
    corpus: ox.Store, graphs: Iterable[str], *, what: str = "the corpus"
) -> None:
    """Check the rules on how many values a node has (one preferred label, one
    parent …) on the shared nodes of the article graphs ``graphs`` (IRIs),
    with every value the corpus's default graph gives them."""
    check = ox.Store()
    check.load(_values(corpus, _shared(corpus, graphs)), ox.RdfFormat.N_TRIPLES)
    rules = [rule for rule in compiled_rules() if rule.single]
    _checked(check, rules, len(check), what)


def _checked(
    store: ox.Store, rules: Sequence[Rule], triples: int, what: str
) -> ValidationReport:
    report = _report(violations(store, rules), triples)
    if not report.conforms:
        _raise(report, store, what)
    return report


@cache
def _single_valued() -> frozenset[str]:
    """Properties whose count or equality a rule checks per node."""
    return frozenset(
        str(rule.path) for rule in compiled_rules() if rule.single and rule.path
    )


_SHARED = frozenset(
    ox.NamedNode(str(cls))
    for cls in (SCHEMA.Person, ORG.Organization, SCHEMA.AdministrativeArea,
                KGO.Initiative, ORG.Role)
)  # fmt: skip
"""Classes of the nodes that several articles may describe.  An article's
own node, its memberships and statements are minted from its id and live in
its graph alone; a gazetteer statement's IRI is minted from the triple it
describes, so every article that holds it holds the same triples of it."""
_A = ox.NamedNode(str(RDF.type))
_SHARED_IN = (
    "SELECT DISTINCT ?s WHERE { VALUES ?g { %s } GRAPH ?g { ?s a ?c } "
    "FILTER (isIRI(?s) && ?c IN (%s)) }"
)
"""The shared nodes the named graphs describe, read by Oxigraph (which lets
go of the GIL while it reads, unlike a loop over the graphs' type quads;
the classes as a VALUES instead of a FILTER take 80 times as long)."""
_VALUES_OF = (
    "CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { %s } ?s ?p ?o FILTER (?p IN (%s)) }"
)
"""The nodes' types and values of the properties (a VALUES of the properties
too makes Oxigraph read the whole store: 200 s a batch instead of 0.04 s)."""
_SUBJECTS_A_QUERY = 2000


def _shared(corpus: ox.Store, graphs: Iterable[str]) -> list[str]:
    """The shared nodes (see ``_SHARED``) the named graphs describe."""
    classes = ", ".join(f"<{cls.value}>" for cls in sorted(_SHARED, key=str))
    names = [f"<{iri}>" for iri in graphs]
    found: set[str] = set()
    for start in range(0, len(names), _SUBJECTS_A_QUERY):
        chunk = " ".join(names[start : start + _SUBJECTS_A_QUERY])
        answer = cast(ox.QuerySolutions, corpus.query(_SHARED_IN % (chunk, classes)))
        found.update(row[0].value for row in answer)
    return sorted(found)


def _values(corpus: ox.Store, nodes: Sequence[str]) -> bytes:
    """The nodes' types and single-valued properties' values (N-Triples) in
    the corpus's default graph; one query for many nodes, answered and
    serialised by Oxigraph."""
    wanted = ", ".join(f"<{p}>" for p in sorted({*_single_valued(), _A.value}))
    found = []
    for start in range(0, len(nodes), _SUBJECTS_A_QUERY):
        chunk = " ".join(
            f"<{node}>" for node in nodes[start : start + _SUBJECTS_A_QUERY]
        )
        answer = corpus.query(_VALUES_OF % (chunk, wanted))
        found.append(
            cast(ox.QueryTriples, answer).serialize(format=ox.RdfFormat.N_TRIPLES)
        )
    return b"".join(cast(bytes, data) for data in found)


def _report(found: list[Violation], triples: int) -> ValidationReport:
    conforms = not any(v.severity == SH.Violation for v in found)
    return ValidationReport(conforms, tuple(found), triples, 0.0, "ontology/shapes.ttl")


def _raise(report: ValidationReport, store: ox.Store, what: str) -> None:
    graph = rdflib_graph(store.quads_for_pattern(None, None, None))
    raise ContractError(
        f"{what} breaks the graph contract; this is a bug in kg, please report it "
        "with the input that caused it.\n" + format_report(report, graph, name=what)
    )
