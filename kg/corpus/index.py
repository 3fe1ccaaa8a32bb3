"""The corpus index: one row per article, in ``index.sqlite`` beside the store.

Each row keeps what a later build needs to decide about the article without
reading the store: its id, URL and content hash (skip, replace), the named
graph that holds its facts, and the facts themselves as compact JSON
(:class:`~kg.model.ArticleFacts`, zlib-compressed), so the article's graph
can be derived again (a new naming of its entities) without reading or
extracting the article again; each person mention with the node it was given
(``people``, kept by :mod:`kg.corpus.identities`); the districts the text
did not decide, per article, for the build's summary; the article's text
as the source wrote it (``texts``, zlib-compressed), for ``kg article`` and
the page's article panel; and the store's names and kinds (``labels``,
``kinds``: :mod:`kg.corpus.labels`), which ``find`` searches.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.corpus import labels
from kg.errors import StoreError
from kg.model import (
    ArticleFacts,
    ArticleMeta,
    Change,
    Entity,
    Evidence,
    Kind,
    Relation,
    RelKind,
)

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    content_hash TEXT NOT NULL,
    path TEXT,
    date TEXT,
    title TEXT,
    graph_iri TEXT NOT NULL,
    facts BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_url ON articles (url);
CREATE TABLE IF NOT EXISTS undecided (
    article TEXT NOT NULL,
    name TEXT NOT NULL,
    candidates TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS undecided_article ON undecided (article);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS people (
    doc TEXT NOT NULL,
    name TEXT NOT NULL,
    node TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (doc, name)
);
CREATE INDEX IF NOT EXISTS people_name ON people (name);
CREATE TABLE IF NOT EXISTS texts (id TEXT PRIMARY KEY, body BLOB NOT NULL);
"""


@dataclass(frozen=True)
class Known:
    """What the index holds of one article."""

    id: str
    url: str | None
    content_hash: str
    graph_iri: str


class CorpusIndex:
    """The ``index.sqlite`` of one generation (see the module doc)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.executescript(_SCHEMA + labels.TABLES)
            # A generation is published only once complete (kg.corpus.generations):
            # a crash leaves nothing to recover, so no journal is needed.
            self.db.execute("PRAGMA synchronous = OFF")
            self.db.execute("PRAGMA journal_mode = OFF")
            self.db.execute("BEGIN")
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the corpus index ({exc})") from exc

    def close(self) -> None:
        """Commit and close."""
        self.db.execute("COMMIT")
        self.db.close()

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    # --------------------------------------------------------------- reading

    def get(self, article_id: str) -> Known | None:
        row = self.db.execute(
            "SELECT id, url, content_hash, graph_iri FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        return Known(*row) if row else None

    def by_url(self, url: str) -> Known | None:
        row = self.db.execute(
            "SELECT id, url, content_hash, graph_iri FROM articles WHERE url = ? "
            "ORDER BY id LIMIT 1",
            (url,),
        ).fetchone()
        return Known(*row) if row else None

    def facts(self, article_id: str) -> ArticleFacts | None:
        row = self.db.execute(
            "SELECT facts FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return decode_facts(row[0]) if row else None

    def has_text(self, article_id: str) -> bool:
        """Whether the index holds the article's text (read by
        :mod:`kg.corpus.texts`)."""
        row = self.db.execute("SELECT 1 FROM texts WHERE id = ?", (article_id,))
        return row.fetchone() is not None

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def ids(self) -> Iterator[str]:
        for (article_id,) in self.db.execute("SELECT id FROM articles ORDER BY id"):
            yield article_id

    def undecided(self) -> list[tuple[str, int]]:
        """Undecided district names (with their candidates), most frequent first."""
        rows = self.db.execute(
            "SELECT name, candidates, COUNT(*) AS n FROM undecided "
            "GROUP BY name, candidates ORDER BY n DESC, name, candidates"
        )
        return [(_undecided_text(name, where), n) for name, where, n in rows]

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # --------------------------------------------------------------- writing

    def put(
        self,
        facts: ArticleFacts,
        *,
        content_hash: str,
        graph_iri: str,
        undecided: Iterable[tuple[str, str]] = (),
        text: str | None = None,
    ) -> None:
        meta = facts.article
        self.delete(meta.id)
        if text is not None:
            body = zlib.compress(text.encode("utf-8"), 6)
            self.db.execute("INSERT INTO texts VALUES (?, ?)", (meta.id, body))
        self.db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                meta.id,
                meta.url,
                content_hash,
                meta.path,
                meta.date,
                meta.title,
                graph_iri,
                encode_facts(facts),
            ),
        )
        self.db.executemany(
            "INSERT INTO undecided VALUES (?, ?, ?)",
            [(meta.id, name, where) for name, where in undecided],
        )

    def delete(self, article_id: str) -> None:
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        self.db.execute("DELETE FROM people WHERE doc = ?", (article_id,))
        self.db.execute("DELETE FROM undecided WHERE article = ?", (article_id,))
        self.db.execute("DELETE FROM texts WHERE id = ?", (article_id,))

    def loaded(self, nquads: Iterable[bytes]) -> None:
        """Graphs (N-Quads) went into the store: their names and kinds into
        the ``labels`` and ``kinds`` tables (:mod:`kg.corpus.labels`)."""
        labels.add(self.db, labels.rows_of_nquads(nquads))

    def retracted(self, triples: Iterable[ox.Triple]) -> None:
        """Triples left the store's default graph: their rows leave the tables."""
        labels.remove(self.db, labels.rows_of_triples(triples))

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def copy_index(source: Path, target: Path) -> None:
    """Copy an index with sqlite's backup API (consistent, page by page)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _undecided_text(name: str, where: str) -> str:
    return f"{name} (in {where})" if where else name


# ---------------------------------------------------------------- facts as JSON


def encode_facts(facts: ArticleFacts) -> bytes:
    """Compact JSON of an article's facts, zlib-compressed."""
    meta = facts.article
    data = {
        "a": [meta.id, meta.path, meta.title, meta.date, meta.source, meta.url],
        "e": [_entity(e) for e in facts.entities],
        "r": [_relation(r) for r in facts.relations],
        "m": list(facts.mentions),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 1)


def decode_facts(blob: bytes) -> ArticleFacts:
    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    return ArticleFacts(
        ArticleMeta(*data["a"]),
        tuple(_to_entity(e) for e in data["e"]),
        tuple(_to_relation(r) for r in data["r"]),
        tuple(data["m"]),
    )


def _entity(e: Entity) -> list[Any]:
    return [
        e.key,
        e.kind.value,
        e.name,
        list(e.aliases),
        e.subtype,
        e.code,
        e.level,
        e.place,
        list(e.former_names),
    ]


def _to_entity(row: list[Any]) -> Entity:
    key, kind, name, aliases, subtype, code, level, place, former = row
    return Entity(
        key,
        Kind(kind),
        name,
        tuple(aliases),
        subtype,
        code,
        level,
        place,
        tuple(former),
    )


def _relation(r: Relation) -> list[Any]:
    ev = r.evidence
    evidence = None if ev is None else [ev.doc_id, ev.sentence, ev.start, ev.end]
    row = [r.kind.value, r.subject, r.object, list(r.roles), evidence, r.source]
    if r.change is not None or r.date is not None:
        row += [r.change.value if r.change else None, r.date]
    return row


def _to_relation(row: list[Any]) -> Relation:
    kind, subject, obj, roles, evidence, source = row[:6]
    change, date = row[6:8] if len(row) > 6 else (None, None)
    return Relation(
        RelKind(kind),
        subject,
        obj,
        tuple(roles),
        Evidence(*evidence) if evidence is not None else None,
        source,
        Change(change) if change else None,
        date,
    )
