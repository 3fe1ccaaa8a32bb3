"""GEXF 1.2 (Gephi) from the flat network.

networkx stamps ``lastmodifieddate`` with today's date; it is dropped so the
same graph always gives the same bytes.
"""

from __future__ import annotations

import io

from networkx.readwrite.gexf import GEXFWriter
from rdflib import Graph

from kg.publish.export.base import ExportOptions
from kg.publish.export.network import flat_network


class GEXF:
    name = "gexf"
    suffix = ".gexf"
    description = "GEXF network for Gephi"

    def render(self, graph: Graph, options: ExportOptions) -> bytes:
        writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
        meta = writer.xml.find("meta")
        if meta is not None:
            meta.attrib.pop("lastmodifieddate", None)
        writer.add_graph(flat_network(graph, options))
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()
