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

import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.graph.triples import as_triples

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

DEFAULT = ox.DefaultGraph()


def retract(store: ox.Store, graphs: Iterable[str]) -> list[ox.Triple]:
    """Remove the named graphs and their share of the default graph; the
    triples that left the default graph."""
    gone = []
    for iri in graphs:
        graph = ox.NamedNode(iri)
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
        store.remove_graph(graph)
        for triple in triples:
            if not _held_elsewhere(store, triple):
                store.remove(ox.Quad(triple.subject, triple.predicate, triple.object))
                gone.append(triple)
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


def load(store: ox.Store, graphs: Mapping[str, bytes]) -> None:
    """Insert serialised article graphs (N-Quads, by graph IRI) into their
    named graphs and the default graph, parsed by Oxigraph's bulk loader.

    The loader reads them as one stream: nothing is joined or copied whole.
    They were written by Oxigraph's serialiser, so it need not check them
    again (``lenient``).
    """
    if not graphs:
        return
    store.bulk_load(stream(graphs.values()), ox.RdfFormat.N_QUADS, lenient=True)
    store.bulk_load(
        stream(triples(graphs)), ox.RdfFormat.N_TRIPLES, to_graph=DEFAULT, lenient=True
    )


def triples(graphs: Mapping[str, bytes]) -> Iterator[bytes]:
    """Each graph's triples (N-Triples), one graph at a time."""
    return (as_triples(data, iri) for iri, data in graphs.items())


def stream(chunks: Iterable[bytes]) -> io.BufferedReader:
    """A binary file that reads ``chunks`` one after the other."""
    return io.BufferedReader(_Chunks(iter(chunks)), buffer_size=1 << 20)


class _Chunks(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.left = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        while not self.left:
            chunk = next(self.chunks, None)
            if chunk is None:
                return 0
            self.left = memoryview(chunk)
        target = memoryview(buffer)
        size = min(len(target), len(self.left))
        target[:size] = self.left[:size]
        self.left = self.left[size:]
        return size
