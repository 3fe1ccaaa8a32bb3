"""The part of a graph that a time span keeps: ``--since`` / ``--until``.

One definition, used by ``kg view``, ``stats``, ``path``, ``export``,
``report`` and the page:

- an **article** is kept when its ``schema:datePublished`` meets the span
  (an article without a date is left out of any span);
- a **fact** (an ``org:Membership`` or the ``rdf:Statement`` of another
  relation) is kept when an article it was derived from is kept, or, for a
  post, when one of its ``kgo:attestedOn`` dates or its ``org:memberDuring``
  interval meets the span;
- an **entity** is kept when a kept article mentions it or a kept fact
  names it; a district is also kept when a kept district lies in it (its
  gazetteer parents), with the gazetteer facts between them.

``allowed_articles`` and ``allowed_facts`` answer through SPARQL
(``kg.sparql.query.run_query``) and so work on a store as on a graph file;
a store-reading command can restrict its own queries with them (as
``VALUES``) or with ``TimeSpan.sparql_filter``.  ``time_slice`` returns the
kept part of an rdflib graph as a new graph, for the commands that read one.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.term import Node

from kg.graph.namespaces import KGO, ORG, PROV, SCHEMA
from kg.graph.timespan import TimeSpan, days_of
from kg.graph.view import FACT_PREDICATES
from kg.sparql.query import SparqlBackend, run_query

TIME = Namespace("http://www.w3.org/2006/time#")

_ARTICLE_DATES = """
SELECT ?article ?date WHERE {
  ?article a schema:NewsArticle .
  OPTIONAL { ?article schema:datePublished ?date }
}"""

_FACT_SOURCES = """
SELECT ?fact ?article WHERE {
  { ?fact a org:Membership } UNION { ?fact a rdf:Statement }
  ?fact prov:wasDerivedFrom ?article .
  ?article a schema:NewsArticle .
}"""

_POST_DATES = """
PREFIX time: <http://www.w3.org/2006/time#>
SELECT ?fact ?attested ?begin ?end WHERE {
  ?fact a org:Membership .
  { ?fact kgo:attestedOn ?attested }
  UNION
  { ?fact org:memberDuring ?interval .
    OPTIONAL { ?interval time:hasBeginning/time:inXSDDate ?begin }
    OPTIONAL { ?interval time:hasEnd/time:inXSDDate ?end } }
}"""


def article_dates(source: Graph | SparqlBackend) -> dict[str, str]:
    """Article IRI → its date literal ("" when it has none)."""
    rows = run_query(source, _ARTICLE_DATES).rows
    dates: dict[str, str] = {}
    for article, date in rows:
        text = "" if date is None else str(date)
        dates[str(article)] = min(dates.get(str(article), text) or text, text) or text
    return dates


def allowed_articles(source: Graph | SparqlBackend, span: TimeSpan) -> set[str]:
    """IRIs of the articles whose date meets ``span`` (all when it is open)."""
    dates = article_dates(source)
    if span.open:
        return set(dates)
    return {article for article, date in dates.items() if span.contains(date)}


def allowed_facts(
    source: Graph | SparqlBackend, span: TimeSpan, articles: set[str] | None = None
) -> set[str]:
    """IRIs (or blank-node ids) of the facts ``span`` keeps: derived from an
    allowed article, or a post attested or held in the span."""
    articles = allowed_articles(source, span) if articles is None else articles
    kept = {
        str(fact)
        for fact, article in run_query(source, _FACT_SOURCES).rows
        if str(article) in articles
    }
    for fact, attested, begin, end in run_query(source, _POST_DATES).rows:
        held = _held_in(span, begin, end)
        if span.contains(str(attested)) if attested is not None else held:
            kept.add(str(fact))
    return kept


def _held_in(span: TimeSpan, begin: Node | None, end: Node | None) -> bool:
    first = days_of(str(begin)) if begin is not None else None
    last = days_of(str(end)) if end is not None else None
    if first is None and last is None:
        return False
    return span.overlaps(
        first.first if first else "0000-01-01", last.last if last else "9999-12-31"
    )


def time_slice(graph: Graph, span: TimeSpan) -> Graph:
    """The part of ``graph`` that ``span`` keeps (see the module docstring),
    as a new graph with the same prefixes; ``graph`` itself when the span
    is open."""
    if span.open:
        return graph
    articles = {URIRef(a) for a in allowed_articles(graph, span)}
    facts = _fact_nodes(graph)
    allowed = allowed_facts(graph, span, _s(articles))
    kept_facts = {n for n in facts if str(n) in allowed}
    every_entity = _entities_of(graph)
    entities = _kept_entities(graph, articles, kept_facts, every_entity)
    kept_facts |= _gazetteer_facts(graph, facts, entities)
    supported = _supported(graph, kept_facts)
    every_article = set(graph.subjects(RDF.type, SCHEMA.NewsArticle))
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace)
    for s, p, o in graph:
        known = (every_article, every_entity, facts)
        if _keep(s, p, o, known, articles, kept_facts, entities):
            if p in _RELATIONS and (s, p, o) not in supported and s not in articles:
                continue
            out.add((s, p, o))
    return out


_RELATIONS = {ORG.memberOf, SCHEMA.jobTitle, *FACT_PREDICATES} - {SCHEMA.author}
_ENTITY_TYPES = (
    SCHEMA.Person,
    ORG.Organization,
    SCHEMA.AdministrativeArea,
    KGO.Initiative,
)


def _s(nodes: set[URIRef]) -> set[str]:
    return {str(n) for n in nodes}


def _fact_nodes(graph: Graph) -> set[Node]:
    return set(graph.subjects(RDF.type, ORG.Membership)) | set(
        graph.subjects(RDF.type, RDF.Statement)
    )


def _entities_of(graph: Graph) -> set[Node]:
    found: set[Node] = set()
    for base in _ENTITY_TYPES:
        found.update(graph.subjects(RDF.type, base))
    for subject, rdf_type in graph.subject_objects(RDF.type):
        if str(rdf_type).startswith(str(KGO._NS)) and rdf_type != KGO.Gazetteer:
            found.add(subject)
    return found


def _kept_entities(
    graph: Graph, articles: set[URIRef], kept_facts: set[Node], every: set[Node]
) -> set[Node]:
    kept = {o for a in articles for o in graph.objects(a, SCHEMA.mentions)}
    kept |= {o for a in articles for o in graph.objects(a, SCHEMA.author)}
    for fact in kept_facts:
        for p in (ORG.member, ORG.organization, RDF.subject, RDF.object):
            kept.update(graph.objects(fact, p))
    parents = defaultdict(set)
    for child, parent in graph.subject_objects(SCHEMA.containedInPlace):
        parents[child].add(parent)
    stack = [n for n in kept if n in parents]
    while stack:
        for parent in parents[stack.pop()]:
            if parent not in kept:
                kept.add(parent)
                stack.append(parent)
    return {n for n in kept if n in every}


def _gazetteer_facts(graph: Graph, facts: set[Node], entities: set[Node]) -> set[Node]:
    """Facts derived from no article (the gazetteer's) whose ends are kept."""
    kept = set()
    for fact in facts:
        sources = set(graph.objects(fact, PROV.wasDerivedFrom))
        if any((s, RDF.type, SCHEMA.NewsArticle) in graph for s in sources):
            continue
        ends = set(graph.objects(fact, RDF.subject)) | set(
            graph.objects(fact, RDF.object)
        )
        if ends and ends <= entities:
            kept.add(fact)
    return kept


def _supported(graph: Graph, kept_facts: set[Node]) -> set[tuple[Node, Node, Node]]:
    """The direct triples that kept facts stand behind."""
    triples = set()
    for fact in kept_facts:
        for s in graph.objects(fact, RDF.subject):
            for p in graph.objects(fact, RDF.predicate):
                for o in graph.objects(fact, RDF.object):
                    triples.add((s, p, o))
        for person in graph.objects(fact, ORG.member):
            for org in graph.objects(fact, ORG.organization):
                triples.add((person, ORG.memberOf, org))
    return triples


def _keep(
    s: Node,
    p: Node,
    o: Node,
    known: tuple[set[Node], set[Node], set[Node]],
    articles: set[URIRef],
    kept_facts: set[Node],
    entities: set[Node],
) -> bool:
    every_article, every_entity, facts = known
    if s in every_article:
        return s in articles and (p != SCHEMA.mentions or o in entities)
    if s in facts:
        return s in kept_facts
    if s in every_entity:
        return s in entities
    return True


def load_slice(path: Path, span: TimeSpan) -> Graph:
    """A graph file or store folder as an rdflib graph, cut to ``span``."""
    from kg.corpus.open import load_graph

    return time_slice(load_graph(path), span)
