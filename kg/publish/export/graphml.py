"""GraphML (Cytoscape, Gephi, yEd) from the flat network."""

from __future__ import annotations

import io

import networkx as nx
from rdflib import Graph

from kg.publish.export.base import ExportOptions
from kg.publish.export.network import flat_network


class GraphML:
    name = "graphml"
    suffix = ".graphml"
    description = "GraphML network for Cytoscape, Gephi or yEd"

    def render(self, graph: Graph, options: ExportOptions) -> bytes:
        buffer = io.BytesIO()
        nx.write_graphml_xml(flat_network(graph, options), buffer, encoding="utf-8")
        return buffer.getvalue()
