"""Reading the articles' texts a corpus keeps in its index.

``kg build`` stores each article's text, as its source wrote it, in the
generation's ``index.sqlite`` (:class:`~kg.corpus.index.CorpusIndex`).  The
page's article panel and ``kg article`` read it from there; the graph itself
carries no text but the evidence sentences.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from kg.corpus.generations import INDEX, STORE, current_generation, is_corpus
from kg.corpus.index import decode_facts
from kg.errors import StoreError
from kg.model import ArticleFacts

_CHUNK = 500
"""Ids per query (SQLite allows 999 parameters in older builds)."""


def index_of(folder: Path) -> Path | None:
    """The index of a corpus folder (its current generation's), of a
    generation, or of the generation a store folder lies in; None if none."""
    if is_corpus(folder):
        live = current_generation(folder)
        folder = live if live is not None else folder
    elif folder.name == STORE:
        folder = folder.parent
    path = folder / INDEX
    return path if path.is_file() else None


def text_reader(folder: Path) -> Callable[[Collection[str]], dict[str, str]] | None:
    """A lookup from article ids to their texts (those the index holds),
    for the folders :func:`index_of` knows; None when there is no index."""
    path = index_of(folder)
    if path is None:
        return None

    def read(ids: Collection[str]) -> dict[str, str]:
        return read_texts(path, ids)

    return read


def read_texts(path: Path, ids: Collection[str]) -> dict[str, str]:
    """The texts of these articles that the index at ``path`` holds."""
    wanted = sorted(set(ids))
    found: dict[str, str] = {}
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the corpus index ({exc})") from exc
    try:
        if not _has_texts(db):
            return found  # a corpus built before texts were kept
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id, body FROM texts WHERE id IN ({marks})"
            rows = db.execute(query, chunk)
            for article, body in rows:
                found[article] = zlib.decompress(body).decode("utf-8")
    except sqlite3.Error as exc:
        raise StoreError(
            f"{path}: cannot read the articles' texts ({exc}); run kg build again"
        ) from exc
    finally:
        db.close()
    return found


def _has_texts(db: sqlite3.Connection) -> bool:
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'texts'"
    ).fetchone()
    return row is not None


@dataclass(frozen=True)
class ArticleText:
    """One article of a corpus as ``kg article`` prints it."""

    facts: ArticleFacts
    text: str | None
    """None when the corpus was built before texts were kept."""


def read_article(folder: Path, article_id: str) -> ArticleText:
    """The article ``article_id`` of the corpus at ``folder``: what the
    index holds of it (metadata, facts) and its text.  Raises StoreError
    naming the folder, with the closest ids, when there is no such article."""
    path = index_of(folder)
    if path is None:
        raise StoreError(
            f"{folder}: not a corpus folder (no {INDEX}); pass the folder "
            "kg build wrote (-o OUT)"
        )
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute(
                "SELECT facts FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            ids = [] if row else [i for (i,) in db.execute("SELECT id FROM articles")]
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot read the corpus index ({exc})") from exc
    if row is None:
        raise StoreError(f"{folder}: no article {article_id!r}{_near(article_id, ids)}")
    return ArticleText(
        decode_facts(row[0]), read_texts(path, [article_id]).get(article_id)
    )


def _near(wanted: str, ids: list[str]) -> str:
    from rapidfuzz import fuzz, process

    close = process.extract(wanted, ids, scorer=fuzz.WRatio, limit=3, score_cutoff=70)
    hint = "the page's article panel and `kg export --format csv` list the ids"
    if not close:
        return f" ({len(ids)} articles; {hint})"
    return f"; did you mean {'、'.join(c[0] for c in close)}? ({hint})"
