"""N-Quads: every triple in one named graph, lines sorted."""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

from kg.publish.export.base import ExportOptions, resource_base


class NQuads:
    name = "nquads"
    suffix = ".nq"
    description = "N-Quads, every triple in one named graph (--graph-iri)"

    def render(self, graph: Graph, options: ExportOptions) -> bytes:
        name = URIRef(options.graph_iri or f"{resource_base(graph)}graph")
        dataset = Dataset()
        dataset.addN((s, p, o, dataset.graph(name)) for s, p, o in graph)
        text = dataset.serialize(format="nquads", encoding="utf-8").decode("utf-8")
        lines = sorted(line for line in text.splitlines() if line.strip())
        return "".join(f"{line}\n" for line in lines).encode("utf-8")
