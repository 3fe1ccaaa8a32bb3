"""One Excel workbook with a sheet per table (``kg.publish.tables``).

Written with XlsxWriter, whose files are byte-reproducible once the
document's creation date is fixed (it stamps ZIP members with 1980-01-01):
the same graph always gives the same bytes.  Header row bold and frozen,
columns sized to their contents (capped), an autofilter on every sheet.
"""

from __future__ import annotations

import datetime
import io
from typing import TYPE_CHECKING

from rdflib import Graph

from kg.publish.export.base import ExportOptions
from kg.publish.tables import Table, graph_tables
from kg.tables import display_width

if TYPE_CHECKING:
    from kg.sparql.query import SparqlBackend

FIXED_DATE = datetime.datetime(2000, 1, 1)
MAX_WIDTH = 60


class XLSX:
    name = "xlsx"
    suffix = ".xlsx"
    description = "an Excel workbook, one sheet per table"
    reads_store = True  # the tables come from SPARQL: a store is read in place

    def render(self, graph: Graph | SparqlBackend, options: ExportOptions) -> bytes:
        import xlsxwriter

        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        book.set_properties({"created": FIXED_DATE, "title": "kg tables"})
        bold = book.add_format({"bold": True})
        for table in graph_tables(graph):
            _sheet(book, table, bold)
        book.close()
        return buffer.getvalue()


def _sheet(book: object, table: Table, bold: object) -> None:
    sheet = book.add_worksheet(table.name)  # type: ignore[attr-defined]
    sheet.write_row(0, 0, table.columns, bold)
    for number, row in enumerate(table.rows, start=1):
        sheet.write_row(number, 0, row)
    for column, name in enumerate(table.columns):
        widest = max(
            [display_width(name)] + [display_width(r[column]) for r in table.rows]
        )
        sheet.set_column(column, column, min(widest + 2, MAX_WIDTH))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.columns) - 1)
