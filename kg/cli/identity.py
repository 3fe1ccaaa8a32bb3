"""``kg explain``, ``kg merge``, ``kg split``: parse, call the library, format."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.terminal import echo, fail
from kg.errors import KGError

CORPUS = click.Path(path_type=Path, file_okay=False)


@click.command()
@click.argument("name")
@click.argument("graph_path", metavar="GRAPH", type=click.Path(path_type=Path))
def explain(name: str, graph_path: Path) -> None:
    """Why the mentions of NAME became the person nodes they are: each node's
    articles, posts and merge reasons."""
    from kg.analytics.explain import explain as run_explain
    from kg.analytics.explain import format_explanation
    from kg.sparql.oxigraph import open_graph_or_store

    try:
        found = run_explain(open_graph_or_store(graph_path), name)
    except KGError as exc:
        raise fail(exc) from exc
    echo(format_explanation(found))


@click.command()
@click.argument("corpus", type=CORPUS)
@click.argument("mentions", nargs=-1, required=True)
@click.option("--note", default="", help="Why, for whoever reads the file later.")
def merge(corpus: Path, mentions: tuple[str, ...], note: str) -> None:
    """Record that MENTIONS (ARTICLE:NAME, as kg explain prints them) are one
    person; the next build of CORPUS applies it."""
    _write(corpus, "same", mentions, note=note, least=2)


@click.command()
@click.argument("corpus", type=CORPUS)
@click.argument("mentions", nargs=-1)
@click.option("--not-person", "name", help="Record that NAME is no person at all.")
@click.option("--note", default="", help="Why, for whoever reads the file later.")
def split(corpus: Path, mentions: tuple[str, ...], name: str | None, note: str) -> None:
    """Record that two MENTIONS (ARTICLE:NAME) are two people, or with
    --not-person that a name is no person; the next build of CORPUS applies it."""
    if name is not None:
        if mentions:
            raise click.UsageError("give either two mentions or --not-person NAME")
        _write(corpus, "not_person", (), name=name)
        return
    if len(mentions) != 2:
        raise click.UsageError("give exactly two mentions, one of each person")
    _write(corpus, "different", mentions, note=note, least=2)


def _write(
    corpus: Path,
    kind: str,
    mentions: tuple[str, ...],
    *,
    note: str = "",
    name: str | None = None,
    least: int = 0,
) -> None:
    from kg.resolve.overrides import add_override, parse_mention

    if len(mentions) < least:
        raise click.UsageError(f"give at least {least} mentions (ARTICLE:NAME)")
    try:
        parsed = [parse_mention(m) for m in mentions]
        path = add_override(corpus, kind, parsed, name=name, note=note)
    except KGError as exc:
        raise fail(exc) from exc
    echo(f"wrote {path}; rebuild the corpus (kg build … -o {corpus}) to apply")
