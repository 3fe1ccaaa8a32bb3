"""N-Quads: every triple in one named graph, lines sorted.

A store is written by Oxigraph's serialiser, quad by quad from its default
graph (no rdflib graph of the whole corpus: that took 5 GB at 10k
articles); a graph file's graph by rdflib's.  Both give the same lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, URIRef

from kg.graph.namespaces import BASE_IRI
from kg.publish.export.base import ExportOptions, resource_base

if TYPE_CHECKING:
    from kg.sparql.oxigraph import OxigraphBackend
    from kg.sparql.query import SparqlBackend


class NQuads:
    name = "nquads"
    suffix = ".nq"
    description = "N-Quads, every triple in one named graph (--graph-iri)"
    reads_store = True  # an Oxigraph store is written by Oxigraph

    def render(self, graph: Graph | SparqlBackend, options: ExportOptions) -> bytes:
        from kg.sparql.oxigraph import OxigraphBackend
        from kg.sparql.query import as_graph

        if isinstance(graph, OxigraphBackend):
            text = _store_lines(graph, options)
        else:
            text = _rdflib_lines(as_graph(graph), options)
        lines = [line for line in text.splitlines() if line.strip()]
        del text  # (a 10k corpus: 580 MB of N-Quads, held once at a time)
        lines.sort()
        lines.append(b"")
        return b"\n".join(lines)


def _rdflib_lines(graph: Graph, options: ExportOptions) -> bytes:
    name = URIRef(options.graph_iri or f"{resource_base(graph)}graph")
    dataset = Dataset()
    dataset.addN((s, p, o, dataset.graph(name)) for s, p, o in graph)
    return dataset.serialize(format="nquads", encoding="utf-8")


def _store_lines(backend: OxigraphBackend, options: ExportOptions) -> bytes:
    import pyoxigraph as ox

    store = backend.store
    base = backend.prefixes().get("kgr", BASE_IRI)
    name = ox.NamedNode(options.graph_iri or f"{base}graph")
    quads = (
        ox.Quad(q.subject, q.predicate, q.object, name)
        for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    )
    return ox.serialize(quads, None, ox.RdfFormat.N_QUADS) or b""
