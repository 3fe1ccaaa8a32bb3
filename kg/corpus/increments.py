"""Adding, replacing and retracting article graphs in a corpus store.

Each article's quads live in its own named graph; the default graph is the
materialised union of them all, kept up to date here so that queries run on
the default graph without union overhead: adding an article inserts its
triples into the default graph too; retracting one deletes each of its
triples from the default graph unless another named graph still holds it.
The store is a fresh generation (:mod:`kg.corpus.generations`) that nobody
reads until the build switches to it, so writes go through Oxigraph's bulk
loader, without transactions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

DEFAULT = ox.DefaultGraph()


def retract(store: ox.Store, graphs: Iterable[str]) -> int:
    """Remove the named graphs and their share of the default graph; the
    number of triples that left the default graph."""
    gone = 0
    for iri in graphs:
        graph = ox.NamedNode(iri)
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
        store.remove_graph(graph)
        for triple in triples:
            if not _held_elsewhere(store, triple):
                store.remove(ox.Quad(triple.subject, triple.predicate, triple.object))
                gone += 1
    return gone


def _held_elsewhere(store: ox.Store, triple: ox.Triple) -> bool:
    """Whether some named graph still holds ``triple``."""
    for quad in store.quads_for_pattern(
        triple.subject, triple.predicate, triple.object
    ):
        if quad.graph_name != DEFAULT:
            return True
    return False


def add(store: ox.Store, quads: Sequence[ox.Quad]) -> None:
    """Insert article quads into their named graphs and the default graph."""
    union = {ox.Quad(q.subject, q.predicate, q.object) for q in quads}
    store.bulk_extend([*quads, *union])


def load(store: ox.Store, nquads: bytes, ntriples: bytes) -> None:
    """Insert serialised article graphs (N-Quads) and the same triples
    (N-Triples) into the default graph, parsed by Oxigraph's bulk loader."""
    if nquads:
        store.bulk_load(nquads, ox.RdfFormat.N_QUADS)
    if ntriples:
        store.bulk_load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=DEFAULT)
