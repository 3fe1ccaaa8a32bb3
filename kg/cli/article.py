"""``kg article``: read one article of a corpus, as the index keeps it."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.terminal import echo, fail
from kg.errors import KGError
from kg.model import GAZETTEER, ArticleFacts, RelKind


@click.command()
@click.argument("article_id", metavar="ID")
@click.argument(
    "corpus", metavar="CORPUS", type=click.Path(path_type=Path, file_okay=False)
)
@click.option(
    "--facts", is_flag=True, help="Also list the facts read from it, with sentences."
)
def article(article_id: str, corpus: Path, facts: bool) -> None:
    """Print the article ID of CORPUS (the folder kg build wrote): its title,
    date, outlet, URL, file and text (the ids are on the page's article
    panel and in kg export's articles table)."""
    from kg.corpus.texts import read_article

    try:
        found = read_article(corpus, article_id)
    except KGError as exc:
        raise fail(exc) from exc
    meta = found.facts.article
    for label, value in (
        ("article", meta.id),
        ("title", meta.title),
        ("date", meta.date),
        ("source", meta.source),
        ("url", meta.url),
        ("file", meta.path),
    ):
        if value:
            echo(f"{label + ':':9}{value}")
    echo()
    if found.text is None:
        echo("(no text kept: build the corpus again from the article's file)")
    else:
        echo(found.text.rstrip("\n"), data=True)
    if facts:
        echo()
        _echo_facts(found.facts)


def _echo_facts(facts: ArticleFacts) -> None:
    """Each fact read from the text (not the gazetteer's), with its sentence."""
    names = {e.key: e.name for e in facts.entities}
    read = [r for r in facts.relations if r.source != GAZETTEER]
    echo(f"facts read from it: {len(read)}")
    for r in read:
        left = names.get(r.subject, r.subject)  # an author's subject: the article
        right = names.get(r.object, r.object) if r.object else "—"
        roles = f" ({'、'.join(r.roles)})" if r.roles else ""
        when = f" [{r.change} {r.date or ''}]".replace(" ]", "]") if r.change else ""
        arrow = "wrote" if r.kind is RelKind.AUTHOR else r.kind.value
        echo(f"  {left} —{arrow}{roles}{when}→ {right}")
        if r.evidence is not None:
            echo(f"      «{r.evidence.sentence}»", data=True)
