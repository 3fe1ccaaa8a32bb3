"""The page's graph kept in Oxigraph: an rdflib ``Graph`` that reads an
in-memory Oxigraph store.

The network page of a corpus (:mod:`kg.publish.overview`) draws a few
hundred thousand triples chosen from the store; :func:`kg.publish.page.write_html`
reads them through rdflib's ``Graph`` API.  Held in rdflib's own memory store
(three nested-dict indexes and a context map per triple) they took about
1.3 KB a triple, several hundred megabytes on a 10k-article corpus, on top
of the build process.  :func:`store_graph` keeps them in an in-memory
Oxigraph store instead and turns each answer into rdflib terms when asked
(terms are made once and kept): the same triples, a fraction of the memory,
and lookups about as fast.  The graph is read-only; the page reads it in no
particular order, so the page is the same bytes either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Namespace, URIRef
from rdflib.store import Store
from rdflib.term import Node

from kg.corpus.store import to_oxigraph
from kg.graph.namespaces import BASE_IRI
from kg.graph.triples import PREFIXES, to_rdflib

_DEFAULT = ox.DefaultGraph()


class OxigraphMemory(Store):
    """A read-only rdflib store over an in-memory Oxigraph store."""

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        super().__init__()
        self._store = ox.Store()
        self._store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        self._rdflib: dict[Any, Node] = {}
        self._oxigraph: dict[Node, Any] = {}
        self._prefixes: dict[str, URIRef] = {}

    def _to_rdflib(self, term: Any) -> Node:
        found = self._rdflib.get(term)
        if found is None:
            found = self._rdflib[term] = to_rdflib(term)
        return found

    def _to_oxigraph(self, term: Node | None) -> Any:
        if term is None:
            return None
        found = self._oxigraph.get(term)
        if found is None:
            found = self._oxigraph[term] = to_oxigraph(term)
        return found

    def triples(  # type: ignore[override]
        self, triple_pattern: tuple[Any, Any, Any], context: Any = None
    ) -> Iterator[tuple[tuple[Node, Node, Node], Iterator[Any]]]:
        subject, predicate, obj = triple_pattern
        try:
            s, p, o = (self._to_oxigraph(t) for t in (subject, predicate, obj))
        except Exception:  # a term Oxigraph cannot hold matches nothing
            return
        term = self._to_rdflib
        for quad in self._store.quads_for_pattern(s, p, o, _DEFAULT):
            found = (term(quad.subject), term(quad.predicate), term(quad.object))
            yield found, iter(())

    def __len__(self, context: Any = None) -> int:
        return len(self._store)

    def add(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("the page's graph is read-only")

    def remove(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("the page's graph is read-only")

    def bind(self, prefix: str, namespace: Any, override: bool = True) -> None:
        if override or prefix not in self._prefixes:
            self._prefixes[prefix] = URIRef(namespace)

    def namespace(self, prefix: str) -> URIRef | None:
        return self._prefixes.get(prefix)

    def prefix(self, namespace: Any) -> str | None:
        for prefix, known in self._prefixes.items():
            if known == namespace:
                return prefix
        return None

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        yield from self._prefixes.items()


def store_graph(triples: Iterable[ox.Triple], base_iri: str = BASE_IRI) -> Graph:
    """An rdflib ``Graph`` of ``triples`` held in Oxigraph (see the module doc)."""
    graph = Graph(store=OxigraphMemory(triples))
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("kgr", Namespace(base_iri))
    return graph
