"""Writing a contract graph in other formats, one module per format.

``EXPORTERS`` is the one registry: adding a format is one module with an
``Exporter`` (``kg/export/base.py``) and one line here.  ``export_graph``
renders the whole file first, then writes it atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from kg.atomic import write_atomically
from kg.errors import OutputError
from kg.publish.export.base import Exporter, ExportOptions
from kg.publish.export.csv import CSV
from kg.publish.export.gexf import GEXF
from kg.publish.export.graphml import GraphML
from kg.publish.export.jsonld import JSONLD
from kg.publish.export.nquads import NQuads
from kg.publish.export.xlsx import XLSX

EXPORTERS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (GraphML(), GEXF(), JSONLD(), NQuads(), CSV(), XLSX())
}

if TYPE_CHECKING:
    from kg.sparql.query import SparqlBackend

__all__ = ["EXPORTERS", "ExportOptions", "Exporter", "export_graph"]


def export_graph(
    graph: Graph | SparqlBackend,
    fmt: str,
    path: Path,
    *,
    options: ExportOptions | None = None,
) -> Path:
    """Write ``graph`` as ``fmt`` (a key of ``EXPORTERS``) to ``path``; an
    exporter with ``folder = True`` writes its ``files`` into the folder
    ``path``, each replaced only when complete.  A store (a SPARQL backend)
    is read in place by an exporter with ``reads_store = True`` (the
    tables), and loaded into an rdflib graph for the others."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise OutputError(
            f"{path}: unknown export format {fmt!r}; "
            f"choose one of {', '.join(EXPORTERS)}"
        )
    options = options or ExportOptions()
    if not isinstance(graph, Graph) and not getattr(exporter, "reads_store", False):
        from kg.sparql.query import as_graph

        graph = as_graph(graph)
    if getattr(exporter, "folder", False):
        if path.exists() and not path.is_dir():
            raise OutputError(
                f"{path}: is a file; --format {fmt} writes a folder of tables, "
                "give a folder name with -o"
            )
        for name, data in exporter.files(graph, options).items():  # type: ignore[attr-defined]
            write_atomically(path / name, data)
        return path
    write_atomically(path, exporter.render(graph, options))  # type: ignore[arg-type]
    return path
