"""The network page of a corpus store, selected with SPARQL.

A corpus may hold millions of triples; the page draws at most ``max_nodes``
of its best-connected nodes.  Rather than loading the store into rdflib,
:func:`overview_graph` asks the store for the nodes and the edges the page
draws, picks the same nodes :func:`kg.graph.view.central_nodes` would, and
fetches only their triples (labels, types, posts with their roles and
evidence, facts with their statements, those of the articles it does not
draw folded into one a fact) into a small graph (rdflib's API
over an in-memory Oxigraph store, :mod:`kg.publish.from_store`), which
:func:`kg.publish.page.write_html` draws as before.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Collection, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from kg.corpus.names import find_store_entity
from kg.corpus.store import open_store
from kg.corpus.texts import text_reader
from kg.graph.namespaces import KGO, PROV, STANDARD_PREFIXES
from kg.graph.select import select
from kg.graph.view import FACT_PREDICATES, KINDS, Kind, central_nodes
from kg.publish.articles import Texts
from kg.publish.from_store import store_graph
from kg.publish.page import MAX_NODES, PageSummary, corpus_title, write_html

_KIND_OF = {str(t): kind for kind in KINDS for t in (kind.base, *kind.finer)}
_EDGES = (
    "SELECT ?s ?o WHERE {\n  { ?s org:memberOf ?o }"
    + "".join(f" UNION {{ ?s <{p}> ?o }}" for p in FACT_PREDICATES)
    + " %s\n}"
)
_MENTIONS = "UNION { ?s schema:mentions ?o }"
_NODES = "SELECT ?s ?t WHERE { VALUES ?t { %s } ?s a ?t }"
_OWN = """
CONSTRUCT { ?n ?p ?o } WHERE {
  VALUES ?n { %s }
  ?n ?p ?o .
}"""
_ENDS = """
SELECT ?x ?b WHERE {
  VALUES ?a { %s }
  { ?x org:member ?a ; org:organization ?b } UNION { ?x rdf:subject ?a ; rdf:object ?b }
}"""
_ABOUT_FACTS = "CONSTRUCT { ?x ?p ?o } WHERE { VALUES ?x { %s } ?x ?p ?o }"
_STATED = """SELECT ?x ?s ?p ?o WHERE { VALUES ?x { %s }
  ?x rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }"""
_TEXTS = "SELECT ?x ?t WHERE { VALUES ?x { %s } ?x kgo:evidenceText ?t }"
_FROM = "SELECT ?x ?src WHERE { VALUES ?x { %s } ?x prov:wasDerivedFrom ?src }"
_PARTS = tuple(ox.NamedNode(str(p)) for p in (RDF.subject, RDF.predicate, RDF.object))
_TYPE, _STATEMENT = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RDF.Statement))
_TEXT = ox.NamedNode(str(KGO.evidenceText))
_SOURCE = ox.NamedNode(str(PROV.wasDerivedFrom))
_ROLES = """
CONSTRUCT { ?r a org:Role ; skos:prefLabel ?l ; rdfs:label ?l } WHERE {
  VALUES ?x { %s } ?x org:role ?r . ?r skos:prefLabel ?l
}"""
_SOURCES = """
CONSTRUCT { ?src rdfs:label ?l ; skos:prefLabel ?l } WHERE {
  VALUES ?x { %s } ?x prov:wasDerivedFrom ?src . ?src skos:prefLabel|rdfs:label ?l
}"""


def _values(nodes: Iterable[Node | str]) -> str:
    return " ".join(f"<{node}>" for node in sorted(nodes, key=str))


def overview_graph(
    store: ox.Store, max_nodes: int = MAX_NODES
) -> tuple[Graph, set[URIRef], int]:
    """The best-connected ``max_nodes`` nodes of the store with what the page
    needs of them, as an rdflib graph; those nodes; and how many nodes the
    store has."""
    chosen, total = _central(store, max_nodes)
    return _subgraph(store, chosen), {URIRef(node) for node in chosen}, total


def _central(store: ox.Store, max_nodes: int) -> tuple[set[str], int]:
    """The nodes the overview draws and how many the store has.  (The kinds
    and edges of the whole store are read here and dropped before the
    chosen nodes' triples are: on a big corpus they are most of the page's
    memory.)"""
    kinds = _kinds(store)
    if len(kinds) <= max_nodes:
        return set(kinds), len(kinds)
    own = {node: node for node in kinds}  # each IRI's text held once
    edges = (
        (own[row[0].value], own[row[1].value])
        for row in select(store, _EDGES % "", prefixes=dict(STANDARD_PREFIXES))
        if row[0].value in own and row[1].value in own
    )
    # central_nodes only counts each node's edges, in any order, and orders
    # nodes by their text: the IRIs' text gives the nodes an rdflib graph would
    return central_nodes(edges, kinds, max_nodes), len(kinds)


_STEP = "SELECT DISTINCT ?x { VALUES ?n { %s } ?n ?p ?x FILTER (?p IN (%s)) }"
_ABOUT = """
CONSTRUCT { ?x ?p ?o } WHERE {
  VALUES ?x { %s }
  ?x ?p ?o
  FILTER (?p IN (rdf:type, kgo:locatedIn, org:memberOf, kgo:launchedBy,
                 schema:containedInPlace, skos:prefLabel, rdfs:label))
}"""
# (Two VALUES blocks in one pattern make Oxigraph join them first: 200 times
# slower than one VALUES and a FILTER.)
_POSTS = "org:memberOf, kgo:launchedBy"
_CHUNK = 2000


def _step(store: ox.Store, nodes: set[str], predicates: str, query: str) -> set[str]:
    """The nodes one step from ``nodes`` along ``predicates``."""
    found: set[str] = set()
    ordered = sorted(nodes)
    for start in range(0, len(ordered), _CHUNK):
        text = query % (_values(ordered[start : start + _CHUNK]), predicates)
        for row in select(store, text, prefixes=dict(STANDARD_PREFIXES)):
            if isinstance(row[0], ox.NamedNode):
                found.add(row[0].value)
    return found


def _context(store: ox.Store, chosen: set[str]) -> set[str]:
    """The districts that place the chosen nodes: where they lie and every
    district above.  (The page of a whole graph also places people through
    their organisations and articles through what they mention; an
    overview places them through the chosen nodes only, so that drawing it
    reads about as much as it draws.)"""
    near = chosen | _step(store, chosen, _POSTS, _STEP)
    near |= _step(store, near, "kgo:locatedIn", _STEP)
    frontier = near
    while frontier:
        above = _step(store, frontier, "schema:containedInPlace", _STEP) - near
        near |= above
        frontier = above
    return near


def _subgraph(store: ox.Store, chosen: Iterable[str]) -> Graph:
    """The triples of ``chosen``, of the posts and facts between them (with
    their roles and sources), and of the districts that place them (drawn
    only if chosen: pass ``keep``)."""
    chosen = set(chosen)
    prefixes = dict(STANDARD_PREFIXES)
    facts = sorted(
        {
            row[0].value
            for row in select(store, _ENDS % _values(chosen), prefixes=prefixes)
            if row[1].value in chosen
        }
    )
    merged, folded = _folded_statements(store, facts, chosen)
    whole = [fact for fact in facts if fact not in folded]
    queries = [_OWN % _values(chosen)]
    for template, nodes in (
        (_ABOUT_FACTS, whole),
        (_ROLES, whole),
        (_SOURCES, facts),
        (_ABOUT, sorted(_context(store, chosen) - chosen)),
    ):
        queries += [
            template % _values(nodes[start : start + _CHUNK])
            for start in range(0, len(nodes), _CHUNK)
        ]
    found = (
        triple
        for query in queries
        for triple in store.query(query, prefixes=prefixes)  # type: ignore[union-attr]
    )
    return store_graph(chain(found, merged))


def _chunks(store: ox.Store, template: str, nodes: list[str]) -> Iterator[Any]:
    for start in range(0, len(nodes), _CHUNK):
        query = template % _values(nodes[start : start + _CHUNK])
        yield from select(store, query, prefixes=dict(STANDARD_PREFIXES))


def _folded_statements(
    store: ox.Store, facts: list[str], drawn: set[str]
) -> tuple[Iterator[Any], set[str]]:
    """The statements among ``facts`` that no drawn article is a source of,
    folded into one statement a fact (the least of their IRIs) with all
    their sentences and sources; and which statements were folded.

    A fact read from a thousand articles is a thousand statements.  The
    page shows of a fact only its sentences and sources (how many, and the
    first few), and pairs a sentence with its article only for the articles
    it draws, whose statements are kept whole: so the page is the same,
    from fewer triples (graph.html alone at 100k articles: 3,159 -> 2,712 MB)."""
    fact_of: dict[str, tuple[Any, Any, Any]] = {}
    for row in _chunks(store, _STATED, facts):
        fact_of[row[0].value] = (row[1], row[2], row[3])
    sources: dict[str, list[Any]] = defaultdict(list)
    for row in _chunks(store, _FROM, sorted(fact_of)):
        sources[row[0].value].append(row[1])
    folded = {
        statement
        for statement in fact_of
        if not any(source.value in drawn for source in sources.get(statement, ()))
    }
    node: dict[tuple[Any, Any, Any], str] = {}
    for statement in sorted(folded):
        node.setdefault(fact_of[statement], statement)
    extra: dict[str, set[tuple[Any, Any]]] = defaultdict(set)
    for statement in folded:
        into = node[fact_of[statement]]
        extra[into].update((_SOURCE, source) for source in sources.get(statement, ()))
    del sources
    for row in _chunks(store, _TEXTS, sorted(folded)):
        extra[node[fact_of[row[0].value]]].add((_TEXT, row[1]))
    return _statements(node, extra), folded


def _statements(
    node: dict[tuple[Any, Any, Any], str], extra: dict[str, set[tuple[Any, Any]]]
) -> Iterator[Any]:
    """The triples of the folded statements, made as they are read (at 100k
    articles they carry about a million sentences and sources)."""
    for fact, iri in node.items():
        subject = ox.NamedNode(iri)
        yield ox.Triple(subject, _TYPE, _STATEMENT)
        parts = zip(_PARTS, fact, strict=True)
        for predicate, term in chain(parts, extra.pop(iri, ())):
            yield ox.Triple(subject, predicate, term)


def _kinds(store: ox.Store, *, articles: bool = True) -> dict[str, Kind]:
    order = {kind.key: n for n, kind in enumerate(KINDS)}
    kinds: dict[str, Kind] = {}
    query = _NODES % _values(_KIND_OF)
    for row in select(store, query, prefixes=dict(STANDARD_PREFIXES)):
        node, kind = row[0].value, _KIND_OF[row[1].value]
        known = kinds.get(node)
        if known is None or order[kind.key] < order[known.key]:
            kinds[node] = kind
    if not articles:
        kinds = {n: k for n, k in kinds.items() if k.key != "Article"}
    return kinds


def ego_in_store(
    store: ox.Store, focus: str, depth: int, *, articles: bool, mentions: bool
) -> dict[str, int]:
    """:func:`kg.graph.view.ego_nodes` on a store: nodes within ``depth``
    edges of ``focus``, with their distance."""
    kinds = _kinds(store, articles=articles)
    neighbours: dict[str, set[str]] = defaultdict(set)
    query = _EDGES % (_MENTIONS if mentions else "")
    for row in select(store, query, prefixes=dict(STANDARD_PREFIXES)):
        source, target = row[0].value, row[1].value
        if source in kinds and target in kinds:
            neighbours[source].add(target)
            neighbours[target].add(source)
    distance = {focus: 0}
    queue = deque([focus])
    while queue:
        node = queue.popleft()
        if distance[node] == depth:
            continue
        for other in sorted(neighbours[node]):
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    return distance


_IN_DISTRICT = """
SELECT DISTINCT ?n WHERE {
  { ?n schema:containedInPlace* <%(d)s> }
  UNION { ?d schema:containedInPlace* <%(d)s> . ?n kgo:locatedIn ?d }
  UNION { ?d schema:containedInPlace* <%(d)s> . ?o kgo:locatedIn ?d .
          ?n org:memberOf ?o }
  UNION { ?d schema:containedInPlace* <%(d)s> . ?n kgo:launchedBy ?d }
  UNION { ?d schema:containedInPlace* <%(d)s> . ?o kgo:locatedIn ?d .
          ?n kgo:launchedBy ?o }
  UNION { ?d schema:containedInPlace* <%(d)s> . ?o kgo:locatedIn ?d .
          ?p org:memberOf ?o . ?n kgo:launchedBy ?p }
}"""
_MENTIONING = "SELECT DISTINCT ?a WHERE { VALUES ?e { %s } ?a schema:mentions ?e }"


def district_in_store(store: ox.Store, district: str, *, articles: bool) -> set[str]:
    """:func:`kg.graph.view.district_nodes` on a store."""
    prefixes = dict(STANDARD_PREFIXES)
    inside = {
        row[0].value
        for row in select(store, _IN_DISTRICT % {"d": district}, prefixes=prefixes)
    }
    if articles and inside:
        query = _MENTIONING % _values(inside)
        inside |= {row[0].value for row in select(store, query, prefixes=prefixes)}
    kinds = _kinds(store, articles=articles)
    return {node for node in inside if node in kinds}


def write_store_page(
    store: ox.Store,
    path: Path,
    *,
    title: str | None = None,
    max_nodes: int = MAX_NODES,
    texts: Texts | None = None,
) -> Path:
    """graph.html of a corpus store: the whole graph or its overview, titled
    by what the corpus holds; ``texts`` gives the articles' texts."""
    graph, chosen, total = overview_graph(store, max_nodes)
    title = title or store_title(store)
    write_html(
        graph,
        path,
        title=title,
        max_nodes=max_nodes,
        keep=chosen,
        total_nodes=total,
        texts=texts,
    )
    return path


_SPAN = """
SELECT ?n ?first ?last {
  { SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a schema:NewsArticle } }
  OPTIONAL {
    SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) {
      ?a schema:datePublished ?date BIND (SUBSTR(STR(?date), 1, 10) AS ?d)
    }
  }
}"""


def store_title(store: ox.Store) -> str:
    """The title of a corpus's page: its articles and the dates they span."""
    solutions = store.query(_SPAN, prefixes=dict(STANDARD_PREFIXES))
    for count, first, last in solutions:  # type: ignore[union-attr]
        return corpus_title(
            int(count.value), first.value if first else "", last.value if last else ""
        )
    return corpus_title(0, "", "")


def write_store_view(
    folder: Path,
    path: Path,
    *,
    name: str | None = None,
    district: str | None = None,
    depth: int = 2,
    max_nodes: int = MAX_NODES,
    articles: bool = True,
    mentions: bool = False,
) -> PageSummary:
    """``kg view`` of a corpus or store folder, read in place."""
    store = open_store(folder)
    texts = text_reader(folder)
    if name is None and district is None:
        graph, chosen, total = overview_graph(store, max_nodes)
        return write_html(
            graph,
            path,
            title=folder.name,
            articles=articles,
            mentions=mentions,
            max_nodes=max_nodes,
            keep=chosen,
            total_nodes=total,
            texts=texts,
        )
    kinds = _kinds(store)
    if name is not None:
        focus = find_store_entity(store, name, _keys(kinds), source=str(folder))
        keep: Collection[str] = ego_in_store(
            store, focus, depth, articles=articles, mentions=mentions
        )
        label = _label(store, focus)
        title = f"{label} · {depth} 步以内"
        scope = f"以“{label}”为中心、{depth} 步以内的实体与关系"
    else:
        places = {n: k for n, k in kinds.items() if k.key == "District"}
        focus = find_store_entity(
            store, district or "", _keys(places), source=str(folder)
        )
        keep = district_in_store(store, focus, articles=articles)
        label = _label(store, focus)
        title = f"{label} · 行政区"
        scope = f"{label}及其下辖行政区，以及位于其中的组织、人物、倡议和文章"
    graph = _subgraph(store, keep)
    kept = (
        {URIRef(n): d for n, d in keep.items()}
        if isinstance(keep, dict)
        else {URIRef(n) for n in keep}
    )
    return write_html(
        graph,
        path,
        title=title,
        articles=articles,
        mentions=mentions,
        max_nodes=max_nodes,
        keep=kept,
        focus=URIRef(focus),
        scope=scope,
        texts=texts,
    )


def _keys(kinds: dict[str, Kind]) -> dict[str, str]:
    return {node: kind.key for node, kind in kinds.items()}


def _label(store: ox.Store, node: str) -> str:
    query = (
        f"SELECT ?h ?l {{ OPTIONAL {{ <{node}> schema:headline ?h }} "
        f"OPTIONAL {{ <{node}> skos:prefLabel ?l }} }}"
    )
    found = sorted(
        (row[0] or row[1]).value
        for row in select(store, query, prefixes=dict(STANDARD_PREFIXES))
        if row[0] is not None or row[1] is not None
    )
    return found[0] if found else node.rsplit("/", 1)[-1]
