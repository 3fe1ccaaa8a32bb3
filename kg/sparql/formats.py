"""A query result as text: an aligned table, CSV, TSV, SPARQL JSON or Turtle."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.graph.namespaces import compact
from kg.sparql.query import QueryError, QueryResult
from kg.tables import char_width, display_width

FORMATS = ("table", "csv", "tsv", "json", "turtle")


def format_result(
    result: QueryResult, fmt: str = "table", *, max_width: int | None = None
) -> str:
    """``result`` as text: an aligned table, csv, tsv, json, or turtle.

    A CONSTRUCT or DESCRIBE result is Turtle whatever ``fmt`` is, unless
    ``fmt`` names a tabular format, which is an error.
    """
    if result.graph is not None:
        if fmt not in ("table", "turtle"):
            raise QueryError(
                f"{result.form} gives a graph, which has no {fmt} form; "
                "use --format turtle"
            )
        return _turtle(result.graph, result.prefixes)
    if fmt == "turtle":
        raise QueryError(
            f"{result.form} gives a table, not a graph; use --format table, csv, "
            "tsv or json, or write a CONSTRUCT query"
        )
    if fmt == "table":
        return _table(result, max_width)
    if fmt == "json":
        return _json(result)
    if fmt in ("csv", "tsv"):
        return _delimited(result, fmt)
    raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _table(result: QueryResult, max_width: int | None) -> str:
    if result.boolean is not None:
        return ("true" if result.boolean else "false") + "\n"
    cells = [
        [_fit(compact(term, result.prefixes), max_width) for term in row]
        for row in result.rows
    ]
    header = list(result.variables)
    widths = [
        max([display_width(h)] + [display_width(row[i]) for row in cells])
        for i, h in enumerate(header)
    ]
    rule = ["-" * width for width in widths]
    lines = [_align(header, widths), _align(rule, widths)]
    lines += [_align(row, widths) for row in cells]
    count = len(cells)
    lines.append(f"({count} row{'s' * (count != 1)})")
    return "\n".join(lines) + "\n"


def _fit(text: str, max_width: int | None) -> str:
    """One line, cut to ``max_width`` columns with an ellipsis."""
    text = " ".join(text.split())
    if max_width is None or display_width(text) <= max_width:
        return text
    used = 0
    for end, char in enumerate(text):
        used += char_width(char)
        if used > max_width - 1:
            return text[:end] + "…"
    return text


def _align(cells: list[str], widths: list[int]) -> str:
    padded = (
        c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True)
    )
    return "  ".join(padded).rstrip()


def _delimited(result: QueryResult, fmt: str) -> str:
    """SPARQL 1.1 CSV (plain values) or TSV (terms in Turtle syntax)."""
    if result.boolean is not None:
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "tsv":
        rows = [["?" + name for name in result.variables]]
        rows += [[_tsv_term(term) for term in row] for row in result.rows]
        return "".join("\t".join(row) + "\n" for row in rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_term(term) for term in row])
    return buffer.getvalue()


def _csv_term(term: Node | None) -> str:
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    text = term.n3() if isinstance(term, URIRef | BNode | Literal) else str(term)
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.boolean is not None:
        doc: dict[str, object] = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [
            {
                name: _json_term(term)
                for name, term in zip(result.variables, row, strict=True)
                if term is not None
            }
            for row in result.rows
        ]
        doc = {
            "head": {"vars": list(result.variables)},
            "results": {"bindings": bindings},
        }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        found: dict[str, str] = {"type": "literal", "value": str(term)}
        if term.language:
            found["xml:lang"] = term.language
        elif term.datatype is not None:
            found["datatype"] = str(term.datatype)
        return found
    return {"type": "literal", "value": str(term)}


def _turtle(graph: Graph, prefixes: Mapping[str, str]) -> str:
    for prefix, namespace in prefixes.items():
        graph.bind(prefix, namespace, override=False)
    return graph.serialize(format="turtle")
