"""Writing a contract graph in other formats, one module per format.

``EXPORTERS`` is the one registry: adding a format is one module with an
``Exporter`` (``kg/export/base.py``) and one line here.  ``export_graph``
renders the whole file first, then writes it atomically.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.errors import OutputError
from kg.graph.files import write_atomically
from kg.publish.export.base import Exporter, ExportOptions
from kg.publish.export.gexf import GEXF
from kg.publish.export.graphml import GraphML
from kg.publish.export.jsonld import JSONLD
from kg.publish.export.nquads import NQuads

EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter for exporter in (GraphML(), GEXF(), JSONLD(), NQuads())
}

__all__ = ["EXPORTERS", "ExportOptions", "Exporter", "export_graph"]


def export_graph(
    graph: Graph,
    fmt: str,
    path: Path,
    *,
    options: ExportOptions | None = None,
) -> Path:
    """Write ``graph`` as ``fmt`` (a key of ``EXPORTERS``) to ``path``."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise OutputError(
            f"{path}: unknown export format {fmt!r}; "
            f"choose one of {', '.join(EXPORTERS)}"
        )
    write_atomically(path, exporter.render(graph, options or ExportOptions()))
    return path
