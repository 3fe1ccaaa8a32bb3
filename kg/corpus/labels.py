"""The corpus's names as a table: what ``find`` searches, kept beside the store.

Oxigraph has no index on the text inside a literal, so the bundled ``find``
query reads every label of the store (about 360,000 at 10k articles: 0.8 to
1.3 s, ten times that at 100k).  The ``labels`` and ``kinds`` tables of a
generation's ``index.sqlite`` hold the same names as rows: every
``skos:prefLabel`` and ``skos:altLabel`` triple of the default graph, and
every ``rdf:type`` triple naming one of :data:`KINDS`.  SQLite's ``instr``
reads them in a few hundredths of a second.

The tables mirror the default graph exactly: a batch's graphs add their
rows when they are loaded (:func:`rows_of_nquads`, read from the N-Quads
the loader reads), and a retraction drops the rows of the triples that left
the default graph (:func:`rows_of_triples`).  A corpus written before the
tables existed gets them from its store on its next build (:func:`fill`);
until then its index does not say ``labels`` in ``meta``, and ``find`` asks
the store.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib.namespace import RDF, SKOS, XSD

from kg.graph.namespaces import KGO, ORG, SCHEMA

PREF, ALT = str(SKOS.prefLabel), str(SKOS.altLabel)
RDF_TYPE, XSD_STRING = str(RDF.type), str(XSD.string)
KINDS = tuple(
    str(kind)
    for kind in (
        SCHEMA.Person,
        ORG.Organization,
        SCHEMA.AdministrativeArea,
        KGO.Initiative,
    )
)
"""The classes ``find`` reports (its kinds)."""
META_KEY = "labels"
"""Set in the index's ``meta`` once the tables mirror the store."""

TABLES = """
CREATE TABLE IF NOT EXISTS labels (
    iri TEXT NOT NULL,
    pref INTEGER NOT NULL,
    label TEXT NOT NULL,
    lang TEXT NOT NULL,
    datatype TEXT NOT NULL,
    PRIMARY KEY (iri, pref, label, lang, datatype)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kinds (
    iri TEXT NOT NULL,
    class TEXT NOT NULL,
    PRIMARY KEY (iri, class)
) WITHOUT ROWID;
"""

LabelRow = tuple[str, int, str, str, str]
"""(iri, 1 for prefLabel / 0 for altLabel, text, language or "", datatype or
"" for a string of either kind)."""
KindRow = tuple[str, str]
"""(iri, class)."""
Row = LabelRow | KindRow

_PREDICATE = re.compile(
    rb"> <http://www\.w3\.org/(?:2004/02/skos/core#(?:pref|alt)Label> "
    rb"|1999/02/22-rdf-syntax-ns#type> <(?:"
    + b"|".join(re.escape(kind.encode()) for kind in KINDS)
    + rb")>)"
)
"""Where a line of interest may be: a literal start the regex engine finds
fast, and no line typing a node as anything but :data:`KINDS`."""
_LINE = re.compile(
    rb"<([^>]*)> <http://www\.w3\.org/(?:2004/02/skos/core#(pref|alt)Label> "
    rb'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?'
    rb"|1999/02/22-rdf-syntax-ns#type> <([^>]*)>) (?:<[^>]*> )?\.$"
)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f"}
_KINDS = frozenset(KINDS)
_LABELS = (PREF, ALT)


def rows_of_nquads(chunks: Iterable[bytes]) -> Iterator[Row]:
    """The rows of N-Quads or N-Triples as Oxigraph writes them (one
    statement a line, IRIs and literals in full)."""
    for data in chunks:
        done = -1  # the start of the last line read
        for found in _PREDICATE.finditer(data):
            start = data.rfind(b"\n", 0, found.start()) + 1
            if start == done:
                continue  # the predicate's text inside this line's literal
            done = start
            end = data.find(b"\n", found.end())
            line = _LINE.match(data, start, len(data) if end < 0 else end)
            if line is None:
                continue  # the predicate's text inside a literal
            subject, which, text, lang, datatype, cls = line.groups()
            if cls is not None:
                kind = cls.decode()
                if kind in _KINDS:
                    yield subject.decode(), kind
                continue
            yield (
                subject.decode(),
                int(which == b"pref"),
                _unescape(text.decode()),
                (lang or b"").decode(),
                _datatype((datatype or b"").decode()),
            )


def rows_of_triples(triples: Iterable[ox.Triple]) -> Iterator[Row]:
    """The rows of Oxigraph triples (labels and kinds of named subjects)."""
    for triple in triples:
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode):
            continue
        if predicate == RDF_TYPE:
            if isinstance(obj, ox.NamedNode) and obj.value in _KINDS:
                yield subject.value, obj.value
        elif predicate in _LABELS and isinstance(obj, ox.Literal):
            yield (
                subject.value,
                int(predicate == PREF),
                obj.value,
                obj.language or "",
                "" if obj.language else _datatype(obj.datatype.value),
            )


def add(db: sqlite3.Connection, rows: Iterable[Row]) -> None:
    """Insert rows (each once, whatever holds it already)."""
    labels, kinds = _split(rows)
    db.executemany("INSERT OR IGNORE INTO labels VALUES (?, ?, ?, ?, ?)", labels)
    db.executemany("INSERT OR IGNORE INTO kinds VALUES (?, ?)", kinds)


def remove(db: sqlite3.Connection, rows: Iterable[Row]) -> None:
    """Delete rows."""
    labels, kinds = _split(rows)
    db.executemany(
        "DELETE FROM labels WHERE iri = ? AND pref = ? AND label = ? AND lang = ? "
        "AND datatype = ?",
        labels,
    )
    db.executemany("DELETE FROM kinds WHERE iri = ? AND class = ?", kinds)


def fill(db: sqlite3.Connection, store: ox.Store) -> None:
    """Make the tables from the store's default graph (a corpus written
    before they existed) and mark them as mirroring it."""
    db.execute("DELETE FROM labels")
    db.execute("DELETE FROM kinds")
    default = ox.DefaultGraph()
    for predicate in (*_LABELS, RDF_TYPE):
        quads = store.quads_for_pattern(None, ox.NamedNode(predicate), None, default)
        add(db, rows_of_triples(quad.triple for quad in quads))
    mark(db)


def mark(db: sqlite3.Connection) -> None:
    """Record that the tables mirror the store."""
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", (META_KEY,))


def mirrored(db: sqlite3.Connection) -> bool:
    """Whether the index's tables mirror its store (see the module doc)."""
    try:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,))
        return row.fetchone() == ("1",)
    except sqlite3.Error:  # an index of an older kg: no meta, no tables
        return False


FIND = """
WITH hit AS (
    SELECT DISTINCT iri FROM labels WHERE datatype = '' AND instr(label, ?) > 0
)
SELECT DISTINCT n.label, n.lang, n.datatype, k.class, hit.iri
FROM hit JOIN kinds AS k ON k.iri = hit.iri
JOIN labels AS n ON n.iri = hit.iri AND n.pref = 1
"""


def find(db: sqlite3.Connection, text: str) -> list[tuple[str, str, str, str, str]]:
    """Entities with a label containing ``text``: (name, its language, its
    datatype, class, IRI) for each of their preferred labels and kinds, in
    no order."""
    return db.execute(FIND, (text,)).fetchall()


def _split(rows: Iterable[Row]) -> tuple[set[LabelRow], set[KindRow]]:
    labels: set[LabelRow] = set()
    kinds: set[KindRow] = set()
    for row in rows:
        if len(row) == 2:
            kinds.add(row)  # type: ignore[arg-type]
        else:
            labels.add(row)  # type: ignore[arg-type]
    return labels, kinds


def _datatype(iri: str) -> str:
    """The datatype column: empty for a plain string, else the IRI."""
    return "" if iri in ("", XSD_STRING) else iri


def _unescape(text: str) -> str:
    """An N-Triples string's escapes (``\\"``, ``\\n``, ``\\u00e9`` …) undone."""
    if "\\" not in text:
        return text

    def one(found: re.Match[str]) -> str:
        short, long, char = found.groups()
        if char is not None:
            return _ECHAR.get(char, char)
        return chr(int(short or long, 16))

    return _ESCAPE.sub(one, text)
