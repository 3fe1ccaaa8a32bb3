"""The page's graph held compactly: an rdflib ``Graph`` over two plain
indexes of rdflib terms.

The network page of a corpus (:mod:`kg.publish.overview`) draws a few
hundred thousand triples chosen from the store (3.5 million at 100k
articles); :func:`kg.publish.page.write_html` reads them through rdflib's
``Graph`` API.  Held in rdflib's own memory store (three nested-dict
indexes and a context map per triple) they took about 1.3 KB a triple; in
an in-memory Oxigraph store, about 600 bytes.  :class:`CompactMemory`
keeps each term once, as the rdflib term the page reads, in a
subject → predicate → objects index and a predicate → object → subjects
index, with a lone object or subject held as itself rather than in a list:
about a third of that.  The graph is read-only; the page reads it in no
particular order, so the page is the same bytes either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Namespace, URIRef
from rdflib.store import Store
from rdflib.term import Node

from kg.graph.namespaces import BASE_IRI
from kg.graph.triples import PREFIXES, to_rdflib

_SET_FROM = 16  # a subject's objects of one predicate, listed up to this many
Held = Any  # a term, a list of terms or (from _SET_FROM on) a set of them


def _members(held: Held) -> Iterable[Node]:
    return held if isinstance(held, list | set) else (held,)


def _holds(held: Held, term: Node) -> bool:
    return term in held if isinstance(held, list | set) else held == term


class CompactMemory(Store):
    """A read-only rdflib store of ``triples`` (see the module doc)."""

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, triples: Iterable[ox.Triple]) -> None:
        super().__init__()
        self._spo: dict[Node, dict[Node, Held]] = {}
        self._pos: dict[Node, dict[Node, Held]] = {}
        self._size = 0
        self._prefixes: dict[str, URIRef] = {}
        terms: dict[Any, Node] = {}
        for triple in triples:
            s, p, o = (
                terms[t] if t in terms else terms.setdefault(t, to_rdflib(t))
                for t in (triple.subject, triple.predicate, triple.object)
            )
            if self._put(self._spo.setdefault(s, {}), p, o, check=True):
                self._put(self._pos.setdefault(p, {}), o, s, check=False)
                self._size += 1

    @staticmethod
    def _put(index: dict[Node, Held], key: Node, term: Node, *, check: bool) -> bool:
        """Add ``term`` under ``key``; whether it was new (checked only if asked)."""
        held = index.get(key)
        if held is None:
            index[key] = term
        elif isinstance(held, set):
            if check and term in held:
                return False
            held.add(term)
        elif isinstance(held, list):
            if check and term in held:
                return False
            if len(held) < _SET_FROM:
                held.append(term)
            else:
                index[key] = {*held, term}
        else:
            if check and held == term:
                return False
            index[key] = [held, term]
        return True

    def triples(  # type: ignore[override]
        self, triple_pattern: tuple[Any, Any, Any], context: Any = None
    ) -> Iterator[tuple[tuple[Node, Node, Node], Iterator[Any]]]:
        for found in self._match(*triple_pattern):
            yield found, iter(())

    def _match(self, s: Node | None, p: Node | None, o: Node | None) -> Iterator[Any]:
        if s is not None:
            by_p = self._spo.get(s, {})
            if p is None:
                pairs = list(by_p.items())
            else:
                pairs = [(p, by_p[p])] if p in by_p else []
            for predicate, held in pairs:
                if o is None:
                    yield from ((s, predicate, x) for x in _members(held))
                elif _holds(held, o):
                    yield s, predicate, o
            return
        predicates = [p] if p is not None else list(self._pos)
        for predicate in predicates:
            by_o = self._pos.get(predicate, {})
            if o is not None:
                if o in by_o:
                    yield from ((x, predicate, o) for x in _members(by_o[o]))
                continue
            for obj, held in by_o.items():
                yield from ((x, predicate, obj) for x in _members(held))

    def __len__(self, context: Any = None) -> int:
        return self._size

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
    """A read-only rdflib ``Graph`` of ``triples`` (see the module doc)."""
    graph = Graph(store=CompactMemory(triples))
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("kgr", Namespace(base_iri))
    return graph
