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

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.graph.namespaces import STANDARD_PREFIXES
from kg.graph.triples import rdflib_graph
from kg.graph.view import KINDS, Kind, central_nodes
from kg.publish.page import MAX_NODES, write_html

_KIND_OF = {str(t): kind for kind in KINDS for t in (kind.base, *kind.finer)}
_EDGES = """
SELECT ?s ?o WHERE {
  { ?s org:memberOf ?o } UNION { ?s kgo:locatedIn ?o }
  UNION { ?s schema:containedInPlace ?o } UNION { ?s kgo:launchedBy ?o }
  UNION { ?s schema:author ?o }
}"""
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
  { ?x org:member ?a } UNION { ?x rdf:subject ?a }
  ?x ?p ?o .
  OPTIONAL { ?x org:role ?r . ?r skos:prefLabel ?rl }
  OPTIONAL { ?x prov:wasDerivedFrom ?src .
             OPTIONAL { ?src rdfs:label ?sl } OPTIONAL { ?src skos:prefLabel ?sp } }
}"""


def _values(nodes: Iterable[Node | str]) -> str:
    return " ".join(f"<{node}>" for node in sorted(nodes, key=str))


def overview_graph(store: ox.Store, max_nodes: int = MAX_NODES) -> tuple[Graph, int]:
    """The best-connected ``max_nodes`` nodes of the store with what the page
    needs of them, as an rdflib graph; and how many nodes the store has."""
    prefixes = dict(STANDARD_PREFIXES)
    order = {kind.key: n for n, kind in enumerate(KINDS)}
    kinds: dict[str, Kind] = {}
    for row in store.query(_NODES % _values(_KIND_OF), prefixes=prefixes):
        node, kind = row[0].value, _KIND_OF[row[1].value]
        known = kinds.get(node)
        if known is None or order[kind.key] < order[known.key]:
            kinds[node] = kind
    chosen: set[str] = set(kinds)
    if len(kinds) > max_nodes:
        pairs = []
        for row in store.query(_EDGES, prefixes=prefixes):
            source, target = row[0].value, row[1].value
            if source in kinds and target in kinds:
                pairs.append((source, target))
        chosen = central_nodes(sorted(pairs), kinds, max_nodes)
    quads: list[ox.Quad] = []
    values = _values(chosen)
    for query in (_OWN, _LINKS):
        for triple in store.query(query % values, prefixes=prefixes):
            quads.append(ox.Quad(triple.subject, triple.predicate, triple.object))
    graph = rdflib_graph(quads)
    if len(kinds) > max_nodes:
        _drop_outside(graph, {URIRef(node) for node in chosen})
    return graph, len(kinds)


def _drop_outside(graph: Graph, chosen: set[Node]) -> None:
    """Keep the source articles' labels but not their types: the page draws
    only the chosen nodes."""
    from rdflib import RDF

    for node, kind in list(graph.subject_objects(RDF.type)):
        if node not in chosen and str(kind) in _KIND_OF:
            graph.remove((node, RDF.type, kind))


def write_store_page(
    store: ox.Store, path: Path, *, title: str = "kg", max_nodes: int = MAX_NODES
) -> Path:
    """graph.html of a corpus store: the whole graph or its overview."""
    graph, total = overview_graph(store, max_nodes)
    write_html(graph, path, title=title, max_nodes=max_nodes, total_nodes=total)
    return path
