"""The network page of a corpus store, selected with SPARQL.

A corpus may hold millions of triples; the page draws at most ``max_nodes``
of its best-connected nodes.  Rather than loading the store into rdflib,
:func:`overview_graph` asks the store for the nodes and the edges the page
draws, picks the same nodes :func:`kg.graph.view.central_nodes` would, and
fetches only their triples (labels, types, posts with their roles and
evidence, facts with their statements) into a small rdflib graph, which
:func:`kg.publish.page.write_html` draws as before.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Collection, Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.corpus.names import find_store_entity
from kg.corpus.store import open_store
from kg.graph.namespaces import STANDARD_PREFIXES
from kg.graph.triples import rdflib_graph
from kg.graph.view import KINDS, Kind, central_nodes
from kg.publish.page import MAX_NODES, PageSummary, write_html

_KIND_OF = {str(t): kind for kind in KINDS for t in (kind.base, *kind.finer)}
_EDGES = """
SELECT ?s ?o WHERE {
  { ?s org:memberOf ?o } UNION { ?s kgo:locatedIn ?o }
  UNION { ?s schema:containedInPlace ?o } UNION { ?s kgo:launchedBy ?o }
  UNION { ?s schema:author ?o } %s
}"""
_MENTIONS = "UNION { ?s schema:mentions ?o }"
_NODES = "SELECT ?s ?t WHERE { VALUES ?t { %s } ?s a ?t }"
_OWN = """
CONSTRUCT { ?n ?p ?o } WHERE {
  VALUES ?n { %s }
  ?n ?p ?o .
}"""
_LINKS = """
CONSTRUCT { ?x ?p ?o . ?r skos:prefLabel ?rl ; rdfs:label ?rl ; a org:Role .
            ?src rdfs:label ?sl ; skos:prefLabel ?sp }
WHERE {
  VALUES ?a { %s }
  { ?x org:member ?a } UNION { ?x org:organization ?a }
  UNION { ?x rdf:subject ?a } UNION { ?x rdf:object ?a }
  ?x ?p ?o .
  OPTIONAL { ?x org:role ?r . ?r skos:prefLabel ?rl }
  OPTIONAL { ?x prov:wasDerivedFrom ?src .
             OPTIONAL { ?src rdfs:label ?sl } OPTIONAL { ?src skos:prefLabel ?sp } }
}"""


def _values(nodes: Iterable[Node | str]) -> str:
    return " ".join(f"<{node}>" for node in sorted(nodes, key=str))


def overview_graph(
    store: ox.Store, max_nodes: int = MAX_NODES
) -> tuple[Graph, set[URIRef], int]:
    """The best-connected ``max_nodes`` nodes of the store with what the page
    needs of them, as an rdflib graph; those nodes; and how many nodes the
    store has."""
    prefixes = dict(STANDARD_PREFIXES)
    kinds = _kinds(store)
    chosen: set[str] = set(kinds)
    if len(kinds) > max_nodes:
        pairs = []
        for row in store.query(_EDGES % "", prefixes=prefixes):
            source, target = row[0].value, row[1].value
            if source in kinds and target in kinds:
                pairs.append((source, target))
        chosen = central_nodes(sorted(pairs), kinds, max_nodes)
    return _subgraph(store, chosen), {URIRef(node) for node in chosen}, len(kinds)


_CONTEXT = """
CONSTRUCT { ?x a ?t ; kgo:locatedIn ?d ; org:memberOf ?o ; kgo:launchedBy ?l }
WHERE {
  VALUES ?n { %s }
  ?n (org:memberOf|kgo:launchedBy|schema:mentions|schema:author)?/
     (org:memberOf|kgo:launchedBy)? ?x .
  ?x a ?t .
  OPTIONAL { ?x kgo:locatedIn ?d } OPTIONAL { ?x org:memberOf ?o }
  OPTIONAL { ?x kgo:launchedBy ?l }
}"""
_PLACES = """
CONSTRUCT { ?up a ?t ; skos:prefLabel ?l ; rdfs:label ?l ;
            schema:containedInPlace ?above }
WHERE {
  VALUES ?n { %s }
  ?n (org:memberOf|kgo:launchedBy|schema:mentions)?/(org:memberOf|kgo:launchedBy)? ?x .
  ?x kgo:locatedIn?/schema:containedInPlace* ?up .
  ?up a schema:AdministrativeArea , ?t ; skos:prefLabel ?l .
  OPTIONAL { ?up schema:containedInPlace ?above }
}"""
_NEAR = """
CONSTRUCT { ?y ?p ?n . ?y a ?t }
WHERE {
  VALUES ?n { %s }
  VALUES ?p { org:memberOf kgo:locatedIn schema:containedInPlace kgo:launchedBy
              schema:author }
  ?y ?p ?n ; a ?t .
}"""
"""What the page needs to place the chosen nodes in districts
(:func:`kg.graph.view.district_index`) and to count their edges: the types,
posts, launchers and locations one or two steps from them, every district
above those, and the nodes that link to them."""


def _subgraph(store: ox.Store, chosen: Iterable[str]) -> Graph:
    """The triples of ``chosen``, of the posts and facts between them, and of
    what places them in districts (drawn only if chosen: pass ``keep``)."""
    quads: list[ox.Quad] = []
    values = _values(chosen)
    for query in (_OWN, _LINKS, _CONTEXT, _PLACES, _NEAR):
        for triple in store.query(query % values, prefixes=dict(STANDARD_PREFIXES)):
            quads.append(ox.Quad(triple.subject, triple.predicate, triple.object))
    return rdflib_graph(quads)


def _kinds(store: ox.Store, *, articles: bool = True) -> dict[str, Kind]:
    order = {kind.key: n for n, kind in enumerate(KINDS)}
    kinds: dict[str, Kind] = {}
    query = _NODES % _values(_KIND_OF)
    for row in store.query(query, prefixes=dict(STANDARD_PREFIXES)):
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
    for row in store.query(query, prefixes=dict(STANDARD_PREFIXES)):
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
        for row in store.query(_IN_DISTRICT % {"d": district}, prefixes=prefixes)
    }
    if articles and inside:
        query = _MENTIONING % _values(inside)
        inside |= {row[0].value for row in store.query(query, prefixes=prefixes)}
    kinds = _kinds(store, articles=articles)
    return {node for node in inside if node in kinds}


def write_store_page(
    store: ox.Store, path: Path, *, title: str = "kg", max_nodes: int = MAX_NODES
) -> Path:
    """graph.html of a corpus store: the whole graph or its overview."""
    graph, chosen, total = overview_graph(store, max_nodes)
    write_html(
        graph, path, title=title, max_nodes=max_nodes, keep=chosen, total_nodes=total
    )
    return path


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
        for row in store.query(query, prefixes=dict(STANDARD_PREFIXES))
        if row[0] is not None or row[1] is not None
    )
    return found[0] if found else node.rsplit("/", 1)[-1]
