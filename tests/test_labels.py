"""The corpus's label table: it mirrors the store, and ``find`` read from it
answers what the query answers on the store.

The articles are the invented ones of test_corpus and test_corpus_identity:
batches, a changed article, a removal, and a bridging article that moves
people to other nodes and back (old nodes lose their labels).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal
from test_corpus import ARTICLES, write
from test_corpus_identity import ARTICLES as NAMESAKES
from test_corpus_identity import BRIDGE

from kg.build import build, remove
from kg.corpus import labels
from kg.corpus.generations import current_generation
from kg.sparql.findindex import answer_find
from kg.sparql.oxigraph import OxigraphBackend, open_graph_or_store
from kg.sparql.query import load_query, run_query

TEXTS = ["总工会", "王建国", "江阴", "区", "", "zz", "陶文彬", "匠心"]


def tables(db: sqlite3.Connection) -> tuple[list[tuple], list[tuple]]:
    return (
        db.execute("SELECT * FROM labels ORDER BY 1, 2, 3, 4, 5").fetchall(),
        db.execute("SELECT * FROM kinds ORDER BY 1, 2").fetchall(),
    )


def assert_mirrors(out: Path) -> None:
    """The index's tables hold what :func:`labels.fill` reads from the store."""
    live = current_generation(out)
    assert live is not None
    db = sqlite3.connect(live / "index.sqlite")
    assert labels.mirrored(db)
    fresh = sqlite3.connect(":memory:")
    fresh.executescript(labels.TABLES + "CREATE TABLE meta (key, value);")
    labels.fill(fresh, ox.Store.read_only(str(live / "store")))
    assert tables(db) == tables(fresh)
    assert tables(db)[0] and tables(db)[1]


def assert_find_as_the_store(out: Path) -> None:
    source = open_graph_or_store(out)
    assert isinstance(source, OxigraphBackend) and source.names is not None
    names, source.names = source.names, None
    for text in TEXTS:
        source.names = None
        engine = run_query(source, "find", params={"text": text})
        source.names = names
        table = run_query(source, "find", params={"text": text})
        assert table == engine, text
    hits = run_query(source, "find", params={"text": "总工会"})
    assert len(hits.rows) >= 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every change a build makes: batches, a replacement, removals, and
    people moving between nodes."""
    base = tmp_path_factory.mktemp("labels")
    out = base / "out"
    build([write(base / "a", ARTICLES[:3] + NAMESAKES[:2])], out, html=False)
    changed = dict(ARTICLES[2], text=ARTICLES[2]["text"].replace("聂远航", "池映雪"))
    build([write(base / "b", [changed, *ARTICLES[3:], NAMESAKES[2]])], out, html=False)
    build([write(base / "c", [BRIDGE])], out, html=False)  # one 王建国 now
    remove(["x25", "t01"], out, html=False)  # two again; 陶文彬 in t02, t06
    return out


def test_the_tables_mirror_the_store_after_every_kind_of_change(corpus: Path) -> None:
    assert_mirrors(corpus)


def test_find_from_the_tables_is_find_on_the_store(corpus: Path) -> None:
    assert_find_as_the_store(corpus)


def test_the_tables_follow_each_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([write(tmp_path / "a", NAMESAKES)], out, html=False)
    build([write(tmp_path / "b", [BRIDGE])], out, html=False)
    assert_mirrors(out)
    assert_find_as_the_store(out)
    remove(["x25"], out, html=False)
    assert_mirrors(out)
    assert_find_as_the_store(out)


def test_a_corpus_of_an_older_kg_gets_its_tables_on_the_next_build(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    build([write(tmp_path / "a", ARTICLES[:4])], out, html=False)
    live = current_generation(out)
    assert live is not None
    db = sqlite3.connect(live / "index.sqlite")
    db.execute("DROP TABLE labels")
    db.execute("DROP TABLE kinds")
    db.execute("DELETE FROM meta WHERE key = 'labels'")
    db.commit()
    db.close()
    older = open_graph_or_store(out)
    assert isinstance(older, OxigraphBackend)
    assert older.names is None  # the store answers
    assert run_query(older, "find", params={"text": "总工会"}).rows
    build([write(tmp_path / "b", ARTICLES[4:])], out, html=False)
    assert_mirrors(out)
    assert_find_as_the_store(out)


def test_only_the_bundled_find_with_its_text_is_answered(corpus: Path) -> None:
    source = open_graph_or_store(corpus)
    assert isinstance(source, OxigraphBackend) and source.names is not None
    text = load_query("find").text
    assert answer_find(source.names, text, {"text": Literal("区")}) is not None
    assert answer_find(source.names, text, {"text": Literal("区", lang="zh")}) is None
    assert answer_find(source.names, text + " LIMIT 3", {"text": Literal("区")}) is None
    assert answer_find(source.names, text, {}) is None


LITERALS = [
    ox.Literal("江阴市总工会", language="zh"),
    ox.Literal('引号"和\\反斜杠', language="zh-Hant"),
    ox.Literal("两行\n文字\t制表\r回车"),
    ox.Literal("控制\x01字符"),
    ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
    ox.Literal("xsd", datatype=ox.NamedNode(labels.XSD_STRING)),
    ox.Literal('> <http://www.w3.org/2004/02/skos/core#prefLabel> "x" .'),
]


def test_rows_read_from_nquads_are_those_of_the_triples() -> None:
    graph = ox.NamedNode("https://example.org/graph/1")
    subject = ox.NamedNode("https://example.org/e/1")
    pref, alt = ox.NamedNode(labels.PREF), ox.NamedNode(labels.ALT)
    note = ox.NamedNode("http://www.w3.org/2004/02/skos/core#note")
    rdf_type = ox.NamedNode(labels.RDF_TYPE)
    quads = [ox.Quad(subject, p, o, graph) for o in LITERALS for p in (pref, alt, note)]
    quads += [
        ox.Quad(subject, rdf_type, ox.NamedNode(cls), graph)
        for cls in (*labels.KINDS, "https://example.org/Other")
    ]
    quads.append(ox.Quad(ox.BlankNode("b"), pref, LITERALS[0], graph))
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert nquads is not None
    read = sorted(labels.rows_of_nquads([nquads]), key=repr)
    expected = sorted(labels.rows_of_triples(q.triple for q in quads), key=repr)
    assert read == expected
    assert len(expected) == 2 * len(LITERALS) + len(labels.KINDS)
    assert (subject.value, 1, "两行\n文字\t制表\r回车", "", "") in read
    assert (subject.value, 0, "12", "", LITERALS[4].datatype.value) in read
