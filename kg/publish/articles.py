"""What the network page shows of its news articles: id, date, outlet, URL,
file, the sentences read from each and its text, and the days that place
the page's nodes and edges in time.

A corpus keeps each article's text in its index (:mod:`kg.corpus.index`);
the page carries the texts of the articles it draws while they come to at
most :data:`TEXT_BUDGET` characters (a few megabytes of page), and beyond
that none: the panel then names the ``kg article`` command that prints one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.graph.namespaces import KGO, PROV, SCHEMA
from kg.graph.timespan import days_of
from kg.publish.netview import NetView, label_of

log = logging.getLogger(__name__)

TEXT_BUDGET = 1_500_000
"""Most characters of article text one page carries (about 4.5 MB)."""

Texts = Callable[[Collection[str]], Mapping[str, str]]
"""Article ids → their texts, for those that have one
(:func:`kg.corpus.index.read_texts`)."""


@dataclass(frozen=True)
class ArticleInfo:
    """What the side panel shows of an article besides its facts: ``body``
    is its text; ``held`` says the corpus holds a text the page left out
    (``kg article`` prints it)."""

    id: str = ""
    date: str = ""
    url: str = ""
    outlet: str = ""
    file: str = ""
    sentences: tuple[str, ...] = ()
    body: str = ""
    held: bool = False


def article_info(
    graph: Graph,
    view: NetView,
    texts: Texts | None = None,
    *,
    budget: int | None = None,
) -> dict[str, ArticleInfo]:
    """Id, date, URL, outlet, file, the sentences read from it and its text
    of each article drawn.  The text is what ``texts`` gives for the
    article's id (else ``schema:articleBody``, when the graph holds it); if
    the texts of the drawn articles come to more than ``budget`` characters
    (:data:`TEXT_BUDGET`), none is put on the page (each is marked ``held``)."""
    budget = TEXT_BUDGET if budget is None else budget
    drawn = {n.id for n in view.nodes if n.kind == "Article"}
    ids = {iri: _text(graph.value(URIRef(iri), SCHEMA.identifier)) for iri in drawn}
    bodies = dict(texts(sorted({i for i in ids.values() if i}))) if texts else {}
    total = sum(len(body) for body in bodies.values())
    embed = total <= budget
    if bodies and not embed:
        log.info(
            "article texts left off the page: %d characters, more than %d",
            total,
            budget,
        )
    said: dict[str, set[str]] = {a: set() for a in drawn}
    for fact, article in graph.subject_objects(PROV.wasDerivedFrom):
        if str(article) in drawn:
            for text in graph.objects(fact, KGO.evidenceText):
                said[str(article)].add(" ".join(str(text).split()))
    info = {}
    for iri in sorted(drawn):
        node = URIRef(iri)
        outlet = graph.value(node, SCHEMA.publisher)
        body = bodies.get(ids[iri], "")
        info[iri] = ArticleInfo(
            id=ids[iri],
            date=_text(graph.value(node, SCHEMA.datePublished)),
            url=_text(graph.value(node, SCHEMA.url)),
            outlet=label_of(graph, outlet) if outlet is not None else "",
            file=_text(graph.value(node, KGO.sourceFile)),
            sentences=tuple(sorted(said[iri])),
            body=(body if embed else "")
            or _text(graph.value(node, SCHEMA.articleBody)),
            held=bool(body) and not embed,
        )
    return info


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)


def article_dict(info: ArticleInfo) -> dict[str, Any]:
    """An article's entry in the page's data (empty fields left out)."""
    found: dict[str, Any] = {
        "id": info.id,
        "date": info.date,
        "url": info.url,
        "outlet": info.outlet,
        "file": info.file,
        "sentences": list(info.sentences),
        "body": info.body,
        "held": info.held,
    }
    return {key: value for key, value in found.items() if value}


def day_index(articles: Mapping[str, ArticleInfo]) -> list[str]:
    """Every article date on the page, as its first day, sorted."""
    days = set()
    for info in articles.values():
        found = days_of(info.date) if info.date else None
        if found is not None:
            days.add(found.first)
    return sorted(days)


def article_days(
    articles: Mapping[str, ArticleInfo], days: list[str]
) -> dict[str, int]:
    """Each dated article's position in ``days``."""
    position = {day: i for i, day in enumerate(days)}
    found = {}
    for iri, info in articles.items():
        date = days_of(info.date) if info.date else None
        if date is not None:
            found[iri] = position[date.first]
    return found


def days_of_sources(sources: Iterable[str], day_of: Mapping[str, int]) -> list[int]:
    """Positions in the page's days of the dates of these articles."""
    return sorted({day_of[source] for source in sources if source in day_of})


def node_days(
    view: NetView, articles: Mapping[str, ArticleInfo], day_of: Mapping[str, int]
) -> list[list[int]]:
    """Per node, the dates of the articles behind it; a district also takes
    those of the districts inside it."""
    found = []
    for n in view.nodes:
        own = (n.id,) if n.id in articles else n.sources
        found.append(set(days_of_sources(own, day_of)))
    where = {n.id: i for i, n in enumerate(view.nodes)}
    for i, n in enumerate(view.nodes):
        if n.kind == "District":
            for place in n.districts[1:]:
                if place in where:
                    found[where[place]] |= found[i]
    return [sorted(d) for d in found]
