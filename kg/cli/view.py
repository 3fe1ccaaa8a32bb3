"""``kg view``: the network page of a whole graph, of one entity's
neighbourhood or of one district.  ``kg/cli.py`` adds it to ``kg``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import span_of, span_options
from kg.cli.terminal import echo, fail
from kg.errors import KGError

DEFAULT_DEPTH = 2


@click.command("view")
@click.argument("args", nargs=-1, required=True, metavar="[NAME] GRAPH")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    help=f"With NAME: draw what lies this many edges from it [default: "
    f"{DEFAULT_DEPTH}].",
)
@click.option(
    "--district", help="Draw this district, its sub-districts and what lies in them."
)
@click.option(
    "-o",
    "--output",
    default=Path("view.html"),
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The page to write.",
)
@click.option(
    "--max-nodes",
    default=20000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Above this many nodes, draw an overview of the most central ones.",
)
@click.option("--mentions", is_flag=True, help="Also draw article→entity mentions.")
@click.option("--no-articles", is_flag=True, help="Leave news articles out.")
@span_options
def view(
    args: tuple[str, ...],
    depth: int | None,
    district: str | None,
    output: Path,
    max_nodes: int,
    mentions: bool,
    no_articles: bool,
    since: str | None,
    until: str | None,
) -> None:
    """Write an interactive page of GRAPH (e.g. output/graph.ttl): all of it,
    the neighbourhood of the entity NAME (a name, alias, pinyin or IRI), or
    a --district."""
    from kg.publish.views import write_any_view

    name, graph_path = _name_and_graph(args)
    span = span_of(since, until)
    if name is not None and district is not None:
        raise click.UsageError("give NAME or --district, not both")
    if depth is not None and name is None:
        raise click.UsageError("--depth needs NAME")
    try:
        summary = write_any_view(
            Path(graph_path),
            output,
            name=name,
            district=district,
            depth=DEFAULT_DEPTH if depth is None else depth,
            max_nodes=max_nodes,
            articles=not no_articles,
            mentions=mentions,
            span=span,
        )
    except KGError as exc:
        raise fail(exc) from exc
    echo(f"wrote {summary.path}: {summary.nodes} nodes, {summary.edges} edges")
    if summary.overview:
        echo(
            f"overview: the {summary.nodes} most central of {summary.total_nodes} "
            "nodes; raise --max-nodes to draw more"
        )


def _name_and_graph(args: tuple[str, ...]) -> tuple[str | None, str]:
    if len(args) == 1:
        return None, args[0]
    if len(args) == 2:
        return args[0], args[1]
    raise click.UsageError("give at most NAME and GRAPH; quote a NAME with spaces")
