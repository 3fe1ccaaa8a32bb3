"""``kg report``: the report page of a corpus.  ``kg/cli/main.py`` adds it."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import span_of, span_options
from kg.cli.terminal import echo, fail
from kg.errors import KGError


@click.command("report")
@click.argument("source", metavar="CORPUS_OR_GRAPH", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    default=Path("report.html"),
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The page to write.",
)
@click.option("--title", help="The page's title [default: says what it covers].")
@span_options
def report(
    source: Path, output: Path, title: str | None, since: str | None, until: str | None
) -> None:
    """Write a self-contained report page of CORPUS_OR_GRAPH (a build folder,
    a store folder or a graph file): articles and entities over time, the
    most connected and most mentioned people and organisations, districts,
    initiatives by launcher, a sortable table of posts and quality notes."""
    from kg.publish.report import write_report

    span = span_of(since, until)
    try:
        summary = write_report(source, output, title=title, span=span)
    except KGError as exc:
        raise fail(exc) from exc
    echo(
        f"wrote {summary.path}: {summary.articles} articles, {summary.entities} "
        f"entities, {summary.posts} posts, {summary.notes} quality notes"
    )
