"""``kg validate`` and ``kg query``: parse, call the library, format.

Standalone click commands; ``kg/cli.py`` adds them to the ``kg`` group.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli.terminal import echo, fail
from kg.errors import KGError

if TYPE_CHECKING:
    from kg.sparql.query import BundledQuery


def _params(
    ctx: click.Context, option: click.Parameter, pairs: tuple[str, ...]
) -> dict[str, str]:
    """``--param name=value`` options as a dict (bad usage exits 2)."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(
                f"{pair!r} is not NAME=VALUE, e.g. --param district=惠山区",
                ctx=ctx,
                param=option,
            )
        params[name.strip()] = value
    return params


@click.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
@click.option(
    "--shapes",
    "shapes_path",
    type=click.Path(path_type=Path),
    help="SHACL shapes to check instead of the graph contract's.",
)
@click.option(
    "--all", "show_all", is_flag=True, help="List every culprit, not ten per rule."
)
def validate(graph_path: Path, shapes_path: Path | None, show_all: bool) -> None:
    """Check GRAPH against the SHACL shapes of the graph contract; exit 1
    and list each broken rule with its culprits if it does not conform."""
    from kg.corpus.open import load_graph
    from kg.graph.shacl import format_report, load_shapes, validate_graph

    try:
        graph = load_graph(graph_path)
        shapes = load_shapes(shapes_path) if shapes_path else None
        report = validate_graph(graph, shapes=shapes, source=str(shapes_path or ""))
    except KGError as exc:
        raise fail(exc) from exc
    text = format_report(
        report, graph, name=str(graph_path), limit=None if show_all else 10
    )
    echo(text, nl=False)
    if not report.conforms:
        raise SystemExit(1)


@click.command()
@click.argument(
    "graph_path", metavar="GRAPH", required=False, type=click.Path(path_type=Path)
)
@click.argument("query", required=False)
@click.option(
    "--param",
    "params",
    multiple=True,
    callback=_params,
    metavar="NAME=VALUE",
    help="Bind ?NAME to the string VALUE (repeatable).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "turtle"]),
    default="table",
    show_default=True,
    help="Output format; CONSTRUCT and DESCRIBE give Turtle.",
)
@click.option(
    "--max-width", type=click.IntRange(min=2), help="Cut table cells to N columns."
)
@click.option("--list", "list_queries", is_flag=True, help="List the bundled queries.")
@click.option("--show", metavar="NAME", help="Print a bundled query's SPARQL.")
def query(
    graph_path: Path | None,
    query: str | None,
    params: dict[str, str],
    fmt: str,
    max_width: int | None,
    list_queries: bool,
    show: str | None,
) -> None:
    """Run QUERY over GRAPH: the name of a bundled query (see --list), a .rq
    file, or SPARQL text.  Common prefixes (kgo: kgr: org: schema: skos: prov:
    rdf: rdfs: foaf: owl: xsd:) need no declaration."""
    from kg.sparql.formats import format_result
    from kg.sparql.query import bundled_queries, run_query

    if list_queries:
        echo(_catalogue(bundled_queries()), nl=False)
        return
    if show:
        queries = bundled_queries()
        if show not in queries:
            raise click.BadParameter(
                f"no bundled query {show!r}; one of {', '.join(queries)}",
                param_hint="--show",
            )
        echo(queries[show].text, nl=False)
        return
    if graph_path is None or query is None:
        raise click.UsageError("give GRAPH and QUERY, or --list")
    from kg.sparql.lookup import check_params, near_misses
    from kg.sparql.oxigraph import open_graph_or_store

    try:
        source = open_graph_or_store(graph_path)
        check_params(source, query, params)
        result = run_query(source, query, params=params)
        text = format_result(result, fmt, max_width=max_width)
        empty = params and result.graph is None and not result.rows
        hints = near_misses(source, query, params) if empty else []
    except KGError as exc:
        raise fail(exc) from exc
    echo(text, nl=False, data=fmt != "table")
    for hint in hints:
        echo(f"note: {hint}", err=True)


def _catalogue(queries: Mapping[str, BundledQuery]) -> str:
    """What ``kg query --list`` prints: name, title, description, parameters."""
    blocks = []
    for query in queries.values():
        lines = [f"{query.name}: {query.title}"]
        lines += textwrap.wrap(
            query.description, 78, initial_indent="  ", subsequent_indent="  "
        )
        for param in query.params:
            need = "" if param.required else " (optional)"
            lines += textwrap.wrap(
                f"--param {param.name}=…{need}: {param.doc}",
                78,
                initial_indent="  ",
                subsequent_indent="      ",
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
