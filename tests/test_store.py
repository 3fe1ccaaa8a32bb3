"""The embedded store: written atomically, opened read-only, queried like rdflib."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from conftest import ROOT
from kg.build import build
from kg.corpus.open import load_graph
from kg.corpus.store import (
    import_file,
    is_store,
    load_store_graph,
    open_store,
    read_prefixes,
    read_triples,
    sorted_turtle,
    write_store,
)
from kg.errors import GraphError, StoreError
from kg.sparql.oxigraph import (
    OxigraphBackend,
    looks_like_update,
    open_graph_or_store,
    query_form,
    query_store,
    substitute,
)
from kg.sparql.query import QueryError, QueryResult, QuerySyntaxError, run_query

SAMPLE = """\
@prefix kgo: <https://w3id.org/kgzh/ontology#> .
@prefix kgr: <https://w3id.org/kgzh/resource/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix person: <https://w3id.org/kgzh/resource/person/> .
@prefix unit: <https://w3id.org/kgzh/resource/org/> .
@prefix place: <https://w3id.org/kgzh/resource/place/> .
@prefix role: <https://w3id.org/kgzh/resource/role/> .
@prefix article: <https://w3id.org/kgzh/resource/article/> .

person:wang a schema:Person ; skos:prefLabel "王大明"@zh ;
    rdfs:label "王大明"@zh ; skos:altLabel "wang da ming"@zh-Latn-pinyin .
person:li a schema:Person ; skos:prefLabel "李小红"@zh .
unit:union a org:Organization, kgo:TradeUnion ;
    skos:prefLabel "南京市总工会"@zh ; kgo:locatedIn place:320100 .
unit:gov a org:Organization ; skos:prefLabel "南京市人民政府"@zh ;
    kgo:locatedIn place:320100 .
place:320100 a schema:AdministrativeArea ; skos:prefLabel "南京市"@zh ;
    kgo:adminCode "320100" .
role:chair a org:Role ; skos:prefLabel "主席"@zh .
role:secretary a org:Role ; skos:prefLabel "党组书记"@zh .
kgr:membership-1 a org:Membership ; org:member person:wang ;
    org:organization unit:union ; org:role role:chair, role:secretary ;
    prov:wasDerivedFrom article:a1 ;
    kgo:evidenceText "南京市总工会党组书记、主席王大明表示，要推出“暖心驿站”服务。"@zh .
person:wang org:memberOf unit:union .
article:a1 a schema:NewsArticle ; schema:author person:li ;
    schema:datePublished "2024-05-01" ; schema:wordCount 42 ;
    schema:mentions person:wang, unit:union, place:320100 .
"""

QUERIES = {
    "join": """
        SELECT ?person ?org ?role WHERE {
          ?m org:member/skos:prefLabel ?person ;
             org:organization/skos:prefLabel ?org ; org:role/skos:prefLabel ?role }""",
    "contains": """
        SELECT ?s ?label WHERE {
          ?s skos:prefLabel ?label FILTER(CONTAINS(?label, "南京")) }""",
    "group by": """
        SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type }
        GROUP BY ?type ORDER BY ?type""",
    "optional": """
        SELECT ?s ?alt WHERE {
          ?s a schema:Person OPTIONAL { ?s skos:altLabel ?alt } }""",
    "typed and plain literals": """
        SELECT ?code ?date ?count WHERE {
          ?p kgo:adminCode ?code . ?a schema:datePublished ?date ;
          schema:wordCount ?count }""",
    "ask": "ASK { ?s org:memberOf <https://w3id.org/kgzh/resource/org/union> }",
    "construct": """
        CONSTRUCT { ?o kgo:locatedIn ?d } WHERE { ?o kgo:locatedIn ?d }""",
}


@pytest.fixture
def graph() -> Graph:
    return Graph().parse(data=SAMPLE, format="turtle")


@pytest.fixture
def store_dir(graph: Graph, tmp_path: Path) -> Path:
    write_store(graph, tmp_path / "store")
    return tmp_path / "store"


def answers(result: QueryResult) -> object:
    """A query result as comparable plain data."""
    if result.graph is not None:
        return result.form, set(result.graph)
    if result.boolean is not None:
        return result.boolean
    return result.variables, sorted(result.rows, key=lambda row: [str(t) for t in row])


def test_write_store_keeps_every_triple(graph: Graph, store_dir: Path) -> None:
    assert is_store(store_dir)
    assert len(open_store(store_dir)) == len(graph)
    assert set(load_store_graph(store_dir)) == set(graph)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_store_answers_like_rdflib(name: str, graph: Graph, store_dir: Path) -> None:
    backend = open_graph_or_store(store_dir)
    assert isinstance(backend, OxigraphBackend)
    expected = answers(run_query(graph, QUERIES[name]))
    assert answers(run_query(backend, QUERIES[name])) == expected


def test_parameters_are_bound_not_pasted(graph: Graph, store_dir: Path) -> None:
    text = "SELECT ?p WHERE { ?p skos:prefLabel ?l FILTER(STR(?l) = ?name) }"
    backend = open_graph_or_store(store_dir)
    for name in ("王大明", '王" } UNION { ?p ?x ?y'):
        found = run_query(backend, text, params={"name": name})
        assert found.rows == run_query(graph, text, params={"name": name}).rows
    assert len(run_query(backend, text, params={"name": "王大明"}).rows) == 1


def test_plain_strings_come_back_plain(store_dir: Path) -> None:
    result = query_store(
        open_store(store_dir), "SELECT ?c WHERE { ?p kgo:adminCode ?c }"
    )
    assert result.rows == ((Literal("320100"),),)
    code = result.rows[0][0]
    assert isinstance(code, Literal) and code.datatype is None


def test_select_gives_variables_and_rdflib_terms(store_dir: Path) -> None:
    result = query_store(open_store(store_dir), QUERIES["join"])
    assert result.form == "SELECT"
    assert result.variables == ("person", "org", "role")
    assert {str(row[2]) for row in result.rows} == {"主席", "党组书记"}


def test_the_graph_prefixes_are_kept(graph: Graph, tmp_path: Path) -> None:
    graph.bind("kgr", Namespace("https://example.org/kg/"), replace=True)
    write_store(graph, tmp_path / "store")
    assert read_prefixes(tmp_path / "store")["kgr"] == "https://example.org/kg/"
    backend = open_graph_or_store(tmp_path / "store")
    assert isinstance(backend, OxigraphBackend)
    assert backend.prefixes()["kgr"] == "https://example.org/kg/"


def test_open_graph_or_store_reads_a_file(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(SAMPLE, encoding="utf-8")
    opened = open_graph_or_store(path)
    assert isinstance(opened, Graph) and set(opened) == set(graph)


def test_rewriting_replaces_the_store(graph: Graph, store_dir: Path) -> None:
    smaller = Graph().parse(data=SAMPLE, format="turtle")
    smaller.remove((None, URIRef("http://www.w3.org/ns/org#memberOf"), None))
    assert write_store(smaller, store_dir) == len(graph) - 1
    assert len(open_store(store_dir)) == len(graph) - 1
    assert sorted(p.name for p in store_dir.parent.iterdir()) == ["store"]


def test_a_failed_write_leaves_the_old_store(graph: Graph, store_dir: Path) -> None:
    def broken() -> Iterator[tuple[Node, Node, Node]]:
        yield from list(graph)[:3]
        raise StoreError("input broke off")

    with pytest.raises(StoreError, match="broke off"):
        write_store(broken(), store_dir)
    assert len(open_store(store_dir)) == len(graph)
    assert sorted(p.name for p in store_dir.parent.iterdir()) == ["store"]


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p.write_text("x"), "is a file"),
        (lambda p: (p.mkdir(), (p / "notes.txt").write_text("x")), "not empty"),
    ],
)
def test_write_store_refuses_to_clobber(
    make: Callable[[Path], object], message: str, tmp_path: Path
) -> None:
    target = tmp_path / "target"
    make(target)
    with pytest.raises(StoreError, match=message) as caught:
        write_store([], target)
    assert str(target) in str(caught.value)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: None, "no such store"),
        (lambda p: p.mkdir(), "not an Oxigraph store"),
    ],
)
def test_open_store_names_the_folder(
    make: Callable[[Path], object], message: str, tmp_path: Path
) -> None:
    target = tmp_path / "target"
    make(target)
    with pytest.raises(StoreError, match=message) as caught:
        open_store(target)
    assert str(target) in str(caught.value) and "kg build --store" in str(caught.value)


@pytest.mark.parametrize(
    "sparql, message",
    [
        ("INSERT DATA { kgr:a kgr:b kgr:c }", "read-only"),
        ("PREFIX x: <urn:x:>\nDELETE WHERE { ?s ?p ?o }", "read-only"),
    ],
)
def test_updates_are_refused(sparql: str, message: str, store_dir: Path) -> None:
    with pytest.raises(QueryError, match=message):
        query_store(open_store(store_dir), sparql)


@pytest.mark.parametrize(
    "sparql, line, reason",
    [
        ("SELEC ?s WHERE { ?s ?p ?o }", 1, "expected"),
        ("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?s = ) }", 3, "expected one of"),
        ("SELECT ?s WHERE { ?s foo:bar ?o }", 1, "unknown prefix foo:; declare it"),
    ],
)
def test_syntax_errors_name_the_line(
    sparql: str, line: int, reason: str, store_dir: Path
) -> None:
    with pytest.raises(QuerySyntaxError, match=reason) as caught:
        query_store(open_store(store_dir), sparql)
    assert caught.value.line == line
    assert sparql.splitlines()[line - 1] in str(caught.value)


@pytest.mark.parametrize(
    "sparql, expected",
    [
        ("SELECT ?s WHERE { ?s ?p ?v }", 'SELECT ?s WHERE { ?s ?p  "王"@zh  }'),
        ("ASK { FILTER(!BOUND( ?v )) }", "ASK { FILTER(!true) }"),
        ("ASK { FILTER(BOUND(?w)) }", "ASK { FILTER(BOUND(?w)) }"),
        ('SELECT * WHERE { ?s ?p "?v" } # ?v', 'SELECT * WHERE { ?s ?p "?v" } # ?v'),
        ("ASK { <urn:x:?v> ?p $v }", 'ASK { <urn:x:?v> ?p  "王"@zh  }'),
        ("ASK { ?s ?p '''?v''' . ?s ?p ?vv }", "ASK { ?s ?p '''?v''' . ?s ?p ?vv }"),
    ],
)
def test_substitute_binds_variables_only(sparql: str, expected: str) -> None:
    assert substitute(sparql, {"v": Literal("王", lang="zh")}) == expected


def test_a_bad_iri_parameter_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="not a valid RDF term"):
        substitute("ASK { ?s ?p ?v }", {"v": URIRef("urn:x> } UNION {")})


@pytest.mark.parametrize(
    "sparql, expected",
    [
        ("SELECT * WHERE { ?s ?p ?o }", False),
        ("  insert data { <a:b> <a:c> <a:d> }", True),
        ("PREFIX s: <https://schema.org/>\nBASE <urn:x:>\nDELETE WHERE {}", True),
        ("# a comment\nCLEAR ALL", True),
        ("DESCRIBE <urn:x:deleted>", False),
        ("CONSTRUCT WHERE { ?s ?p ?o }", False),
    ],
)
def test_looks_like_update(sparql: str, expected: bool) -> None:
    assert looks_like_update(sparql) is expected
    assert (query_form(sparql) in {"SELECT", "CONSTRUCT", "DESCRIBE"}) is not expected


def test_import_file_and_read_triples_agree(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(SAMPLE, encoding="utf-8")
    assert import_file(path, tmp_path / "store") == len(graph)
    from_file = set(read_triples(path))
    assert from_file == set(read_triples(tmp_path / "store"))
    assert len(from_file) == len(graph)


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("bad.ttl", "<a> <b> .", "not readable as Turtle"),
        ("graph.xyz", "", "unknown graph file extension"),
    ],
)
def test_bad_graph_files_are_named(
    name: str, text: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GraphError, match=message) as caught:
        import_file(path, tmp_path / "store")
    assert name in str(caught.value)
    assert not (tmp_path / "store").exists()


def test_sorted_turtle_is_deterministic(graph: Graph) -> None:
    triples = list(ox.parse(SAMPLE.encode(), format=ox.RdfFormat.TURTLE))
    forwards, backwards = sorted_turtle(triples), sorted_turtle(triples[::-1])
    assert forwards == backwards
    header = [ln for ln in forwards.splitlines() if ln.startswith(b"@prefix")]
    assert header == sorted(header)
    assert set(Graph().parse(data=forwards, format="turtle")) == set(graph)


BUNDLED = [
    ("facts", {"entity": "江阴市总工会"}),
    ("find", {"text": "总工会"}),
    ("initiatives", {}),
    ("initiatives", {"launcher": "江阴市总工会"}),
    ("mentions", {"entity": "江阴市总工会"}),
    ("orgs-in-district", {"district": "无锡市"}),
    ("posts", {}),
    ("posts", {"org": "江阴市总工会", "district": "无锡市"}),
]


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, Path]:
    """The bundled examples as a parsed graph.ttl and as a store."""
    out = tmp_path_factory.mktemp("examples")
    build([ROOT / "examples"], out, html=False)
    graph = load_graph(out / "graph.ttl")
    write_store(graph, out / "store")
    return graph, out / "store"


def cells(result: QueryResult) -> list[tuple[tuple[str, ...], ...]]:
    """Rows as text; GROUP_CONCAT lists as sorted parts (their order, and
    whether they keep @zh, differ between engines; SPARQL leaves both open)."""
    return sorted(
        tuple(tuple(sorted(str(term or "").split("、"))) for term in row)
        for row in result.rows
    )


@pytest.mark.parametrize("name, params", BUNDLED)
def test_bundled_queries_agree_on_the_store(
    name: str, params: dict[str, str], examples: tuple[Graph, Path]
) -> None:
    graph, store = examples
    expected = run_query(graph, name, params=params)
    found = run_query(open_graph_or_store(store), name, params=params)
    assert found.variables == expected.variables
    assert cells(found) == cells(expected)
    assert expected.rows, "the examples should answer this query"


# ------------------------------------------------------------ ordering in Python


def engine_ordered(sparql: str) -> str:
    """The same query with a LIMIT after its ORDER BY: Oxigraph orders it."""
    return sparql.rstrip() + "\nLIMIT 100000000\n"


@pytest.mark.parametrize("name, params", [*BUNDLED, ("find", {"text": "市"})])
def test_python_ordering_gives_the_engines_order(
    name: str,
    params: dict[str, str],
    examples: tuple[Graph, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kg.sparql.oxigraph

    backend = open_graph_or_store(examples[1])
    ours = run_query(backend, name, params=params)
    monkeypatch.setattr(kg.sparql.oxigraph, "split_order", lambda sparql: None)
    theirs = run_query(backend, name, params=params)
    assert ours.variables == theirs.variables
    assert ours.rows == theirs.rows
    assert ours.rows, "the examples should answer this query"


MIXED = """\
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:v "乙" . ex:b ex:v ex:z . ex:c ex:v "甲" . ex:d ex:w 10 .
ex:e ex:v ex:y . ex:f ex:v "丙" . ex:g ex:w 9 . ex:h ex:w -3 .
ex:i ex:t "2021-03-04"^^xsd:date . ex:j ex:t "2020-12-31"^^xsd:date .
ex:k ex:t "2021-01-05"^^xsd:date . ex:l ex:u "乙"@zh . ex:m ex:u "甲"@en .
"""


@pytest.mark.parametrize(
    "select, sorted_here",
    [
        ("SELECT ?s ?v { ?s ?p ?o OPTIONAL { ?s ex:v ?v } }", True),
        ("SELECT ?s ?v { ?s ?p ?o OPTIONAL { ?s ex:v|ex:w ?v } }", False),
        ("SELECT ?s ?v { ?s ex:v ?v FILTER (isLiteral(?v)) }", True),
        ("SELECT ?s ?v { ?s ?p ?o OPTIONAL { ?s ex:w ?v } }", True),
        ("SELECT ?s ?v { ?s ?p ?o OPTIONAL { ?s ex:t ?v } }", True),
        ("SELECT ?s ?v { ?s ?p ?o OPTIONAL { ?s ex:t|ex:v ?v } }", False),
        ("SELECT ?s ?v { ?s ?p ?o OPTIONAL { ?s ex:u ?v } }", False),
    ],
)
def test_unbound_then_iris_then_strings_as_the_engine_orders(
    select: str, sorted_here: bool, tmp_path: Path
) -> None:
    """Oxigraph's order across kinds (unbound, IRIs, literals) and within
    strings, dates and integers is the order :mod:`kg.sparql.ordering`
    gives; a column it cannot order (numbers or dates beside strings,
    strings of two languages) goes back to the engine, with the same
    answer."""
    from kg.sparql.ordering import sort_rows, split_order

    store = ox.Store(str(tmp_path / "store"))
    store.load(MIXED.encode(), ox.RdfFormat.TURTLE)
    prefixes = {"ex": "http://example.org/"}
    sparql = select + " ORDER BY ?v ?s"
    ours = query_store(store, sparql, prefixes=prefixes)
    theirs = query_store(store, engine_ordered(sparql), prefixes=prefixes)
    assert ours.rows == theirs.rows
    split = split_order(sparql)
    assert split is not None and split[1] == ("v", "s")
    answer = store.query(split[0], prefixes=prefixes)
    rows = [tuple(row) for row in answer]  # type: ignore[union-attr]
    assert (sort_rows(rows, ["s", "v"], split[1]) is not None) == sorted_here


@pytest.mark.parametrize(
    "sparql, order",
    [
        ("SELECT ?a ?b { ?a ?p ?b } ORDER BY ?a ?b", ("a", "b")),
        ("SELECT ?a { ?a ?p ?b } ORDER BY ASC(?a) $b\n# a comment\n\n", ("a", "b")),
        ("SELECT ?a { ?a ?p ?b } ORDER BY DESC(?a)", None),
        ("SELECT ?a { ?a ?p ?b } ORDER BY ?a LIMIT 3", None),
        ("SELECT ?a { ?a ?p ?b } ORDER BY STR(?a)", None),
        ("SELECT ?a { { SELECT ?a { ?a ?p ?b } ORDER BY ?a } }", None),
        ("SELECT ?a { ?a ?p ?b }", None),
    ],
)
def test_split_order_takes_only_a_final_order_of_variables(
    sparql: str, order: tuple[str, ...] | None
) -> None:
    from kg.sparql.ordering import split_order

    found = split_order(sparql)
    assert (found[1] if found else None) == order
    if found:
        assert "ORDER" not in found[0]
