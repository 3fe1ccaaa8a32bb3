"""``kg stats``, ``kg path`` and ``kg export``: parse, call the library, format.

Standalone click commands; ``kg/cli.py`` adds them to the ``kg`` group.
A ``KGError`` becomes exit 1 with its message, bad usage exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kg.cli.options import span_of, span_options
from kg.cli.terminal import echo, fail
from kg.errors import KGError

GRAPH = click.Path(path_type=Path)
FORMATS = ("graphml", "gexf", "jsonld", "nquads", "csv", "xlsx")
COMMUNITY_METHODS = ("louvain", "label-propagation", "none")


def _echo_json(data: dict[str, Any]) -> None:
    echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True), data=True)


@click.command()
@click.argument("graph_path", metavar="GRAPH", type=GRAPH)
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(min=1),
    help="Rows in each table.",
)
@click.option(
    "--sample",
    default=100,
    show_default=True,
    type=click.IntRange(min=0),
    help="Betweenness is exact up to this many nodes, estimated from this "
    "many sampled sources above (0: always exact, slow on big graphs).",
)
@click.option(
    "--communities",
    "method",
    default="louvain",
    show_default=True,
    type=click.Choice(COMMUNITY_METHODS),
    help="How to find communities; label-propagation is faster on big graphs.",
)
@click.option(
    "--seed", default=0, show_default=True, help="Seed of sampling and Louvain."
)
@click.option("--mentions", is_flag=True, help="Count article mentions as links.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@span_options
def stats(
    graph_path: Path,
    top: int,
    sample: int,
    method: str,
    seed: int,
    mentions: bool,
    as_json: bool,
    since: str | None,
    until: str | None,
) -> None:
    """Counts by type, the most central people and organisations, communities
    and connected components of GRAPH (a corpus folder, store or graph file)."""
    from kg.analytics import format_stats, stats_to_dict
    from kg.analytics.store import stats_at

    span = span_of(since, until)
    try:
        result = stats_at(
            graph_path,
            span=span,
            top=top,
            sample=sample,
            method=method,
            seed=seed,
            mentions=mentions,
        )
    except KGError as exc:
        raise fail(exc) from exc
    if as_json:
        _echo_json(stats_to_dict(result))
    else:
        echo(format_stats(result))


@click.command()
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@click.argument("graph_path", metavar="GRAPH", type=GRAPH)
@click.option(
    "--max",
    "limit",
    default=3,
    show_default=True,
    type=click.IntRange(min=1),
    help="Chains to show, shortest first.",
)
@click.option(
    "--mentions", is_flag=True, help="Also link through articles mentioning both."
)
@click.option("--json", "as_json", is_flag=True, help="Print the chains as JSON.")
@span_options
def path(
    first: str,
    second: str,
    graph_path: Path,
    limit: int,
    mentions: bool,
    as_json: bool,
    since: str | None,
    until: str | None,
) -> None:
    """The shortest chains of relations linking entities A and B in GRAPH,
    each hop with its relation and evidence sentence.  A and B are labels,
    aliases (pinyin too) or IRIs."""
    from kg.analytics import format_paths, paths_to_dict
    from kg.analytics.store import paths_at

    span = span_of(since, until)
    try:
        found = paths_at(
            graph_path,
            first,
            second,
            span=span,
            limit=limit,
            mentions=mentions,
            source=str(graph_path),
        )
    except KGError as exc:
        if not span.open:
            exc.args = (f"{exc} (looking only at {span.describe()})",)
        raise fail(exc) from exc
    if as_json:
        _echo_json(paths_to_dict(found))
    else:
        echo(format_paths(found))


@click.command("export")
@click.argument("graph_path", metavar="GRAPH", type=GRAPH)
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(FORMATS),
    help="graphml or gexf (a network for Gephi, Cytoscape), jsonld or nquads "
    "(every triple), csv (a folder of tables) or xlsx (a workbook).",
)
@click.option(
    "-o",
    "--output",
    "out_path",
    required=True,
    type=click.Path(path_type=Path),
    help="The file to write (replaced only when complete); a folder for csv.",
)
@click.option(
    "--mentions", is_flag=True, help="graphml/gexf: also draw mentions edges."
)
@click.option("--graph-iri", help="nquads: IRI of the named graph.")
@span_options
def export(
    graph_path: Path,
    fmt: str,
    out_path: Path,
    mentions: bool,
    graph_iri: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """Write GRAPH in another format for other tools."""
    from kg.publish.export import EXPORTERS, ExportOptions, export_graph
    from kg.sparql.oxigraph import open_graph_or_store
    from kg.sparql.timeslice import load_slice

    span = span_of(since, until)
    options = ExportOptions(mentions=mentions, graph_iri=graph_iri)
    reads_store = getattr(EXPORTERS.get(fmt), "reads_store", False)
    try:
        if reads_store and span.open and graph_path.is_dir():
            source = open_graph_or_store(graph_path)  # the tables, read in place
        else:
            source = load_slice(graph_path, span)
        written = export_graph(source, fmt, out_path, options=options)
    except KGError as exc:
        raise fail(exc) from exc
    echo(f"wrote {written}")
