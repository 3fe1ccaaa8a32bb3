"""CSV for spreadsheets: a folder of entities.csv, posts.csv, relations.csv
and articles.csv (``kg.publish.tables``).

UTF-8 with a byte-order mark, which Excel needs to read Chinese from a CSV
(LibreOffice and pandas take it too), RFC 4180 quoting and CRLF line ends.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from rdflib import Graph

from kg.publish.export.base import ExportOptions
from kg.publish.tables import Table, graph_tables

if TYPE_CHECKING:
    from kg.sparql.query import SparqlBackend

BOM = "\ufeff"


class CSV:
    name = "csv"
    suffix = ".csv"
    description = "a folder of CSV tables (entities, posts, relations, articles)"
    folder = True
    reads_store = True  # the tables come from SPARQL: a store is read in place

    def render(self, graph: Graph | SparqlBackend, options: ExportOptions) -> bytes:
        """The tables one after another (``files`` is what the folder holds)."""
        return b"".join(self.files(graph, options).values())

    def files(
        self, graph: Graph | SparqlBackend, options: ExportOptions
    ) -> dict[str, bytes]:
        return {f"{t.name}.csv": table_csv(t) for t in graph_tables(graph)}


def table_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return (BOM + buffer.getvalue()).encode("utf-8")
