"""kg query: bundled queries, safe parameters, errors with positions, formats."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.sparql import prepareQuery

from conftest import ROOT
from kg.cli.query import query as query_command
from kg.graph.triples import build_graph
from kg.model import (
    GAZETTEER,
    Document,
    Entity,
    Evidence,
    Extraction,
    Kind,
    Relation,
    RelKind,
)
from kg.pipeline import extract_documents
from kg.read.files import read_paths
from kg.sparql.formats import format_result
from kg.sparql.query import (
    STANDARD_PREFIXES,
    QueryError,
    QueryResult,
    QuerySyntaxError,
    bundled_queries,
    run_query,
)
from kg.tables import display_width

PER, ORG, DIS, INI = Kind.PERSON, Kind.ORGANIZATION, Kind.DISTRICT, Kind.INITIATIVE
SAID = "惠山区总工会党组书记、副主席杨卫中说，洛社镇总工会推出“车间课堂”。"


def ent(
    kind: Kind, name: str, code: str | None = None, subtype: str | None = None
) -> Entity:
    return Entity(
        f"{kind.value}:{code or name}", kind, name, subtype=subtype, code=code
    )


ENTITIES = (
    ent(PER, "杨卫中"),
    ent(PER, "王勇"),
    ent(PER, "习近平"),
    ent(ORG, "无锡市总工会", subtype="TradeUnion"),
    ent(ORG, "惠山区总工会", subtype="TradeUnion"),
    ent(ORG, "洛社镇总工会", subtype="TradeUnion"),
    ent(DIS, "无锡市", "320200", subtype="City"),
    ent(DIS, "惠山区", "320206", subtype="County"),
    ent(DIS, "洛社镇", subtype="Town"),
    ent(INI, "车间课堂", subtype="Programme"),
    ent(INI, "思想引领联盟", subtype="Alliance"),
    ent(INI, "职工驿站"),
)
KEY = {e.name: e.key for e in ENTITIES}


def rel(kind: RelKind, subject: str, obj: str | None, *roles: str) -> Relation:
    return Relation(
        kind,
        KEY.get(subject, subject),
        KEY.get(obj or "", obj),
        roles,
        Evidence("a1", SAID),
    )


def part_of(child: str, parent: str) -> Relation:
    return Relation(RelKind.PART_OF, KEY[child], KEY[parent], source=GAZETTEER)


HAND = Extraction(
    documents=(
        Document("a1", SAID, SAID, path="a1.txt", title="标题", date="2024-05-01"),
    ),
    entities=ENTITIES,
    relations=(
        rel(RelKind.POST, "杨卫中", "惠山区总工会", "党组书记", "副主席"),
        rel(RelKind.POST, "王勇", "惠山区总工会", "委员"),
        rel(RelKind.POST, "王勇", "洛社镇总工会", "主席"),
        rel(RelKind.POST, "习近平", None, "总书记"),
        rel(RelKind.LOCATED_IN, "无锡市总工会", "无锡市"),
        rel(RelKind.LOCATED_IN, "惠山区总工会", "惠山区"),
        rel(RelKind.LOCATED_IN, "洛社镇总工会", "洛社镇"),
        part_of("惠山区", "无锡市"),
        part_of("洛社镇", "惠山区"),
        rel(RelKind.LAUNCHED_BY, "车间课堂", "洛社镇总工会"),
        rel(RelKind.LAUNCHED_BY, "思想引领联盟", "无锡市总工会"),
        rel(RelKind.LAUNCHED_BY, "思想引领联盟", "惠山区总工会"),
        rel(RelKind.AUTHOR, "a1", "杨卫中"),
    ),
    mentions=tuple(("a1", e.key) for e in ENTITIES),
)


@pytest.fixture(scope="module")
def hand() -> Graph:
    return build_graph(HAND)


def local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def rows(result: QueryResult) -> list[tuple[str, ...]]:
    return [tuple("" if t is None else str(t) for t in row) for row in result.rows]


# ---------------------------------------------------------------- catalogue


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_bundled_query_is_documented_and_parses(name: str) -> None:
    query = bundled_queries()[name]
    assert query.title != name and query.description
    for param in query.params:
        assert f"?{param.name}" in query.text, param.name
        assert "e.g." in param.doc or not param.required
    prepareQuery(query.text)


def test_the_catalogue_holds_what_analysts_ask() -> None:
    assert set(bundled_queries()) >= {
        "posts",
        "orgs-in-district",
        "initiatives",
        "org-links",
        "facts",
        "mentions",
    }


# ---------------------------------------------------------------- semantics


@pytest.mark.parametrize(
    "name, params, expected",
    [
        (
            "posts",
            {},
            [
                ("习近平", "总书记", "", ""),
                ("杨卫中", "党组书记、副主席", "惠山区总工会", "惠山区"),
                ("王勇", "委员", "惠山区总工会", "惠山区"),
                ("王勇", "主席", "洛社镇总工会", "洛社镇"),
            ],
        ),
        (
            "posts",
            {"org": "洛社镇总工会"},
            [("王勇", "主席", "洛社镇总工会", "洛社镇")],
        ),
        (
            "posts",
            {"district": "惠山区"},
            [
                ("杨卫中", "党组书记、副主席", "惠山区总工会", "惠山区"),
                ("王勇", "委员", "惠山区总工会", "惠山区"),
                ("王勇", "主席", "洛社镇总工会", "洛社镇"),
            ],
        ),
        ("posts", {"district": "无锡市", "org": "无锡市总工会"}, []),
        (
            "orgs-in-district",
            {"district": "惠山区"},
            [
                ("惠山区总工会", "TradeUnion", "惠山区"),
                ("洛社镇总工会", "TradeUnion", "洛社镇"),
            ],
        ),
        (
            "orgs-in-district",
            {"district": "320200"},
            [
                ("惠山区总工会", "TradeUnion", "惠山区"),
                ("无锡市总工会", "TradeUnion", "无锡市"),
                ("洛社镇总工会", "TradeUnion", "洛社镇"),
            ],
        ),
        ("orgs-in-district", {"district": "洛社"}, []),
        (
            "initiatives",
            {},
            [
                ("思想引领联盟", "Alliance", "惠山区总工会"),
                ("思想引领联盟", "Alliance", "无锡市总工会"),
                ("职工驿站", "", ""),
                ("车间课堂", "Programme", "洛社镇总工会"),
            ],
        ),
        (
            "initiatives",
            {"launcher": "洛社镇总工会"},
            [("车间课堂", "Programme", "洛社镇总工会")],
        ),
        ("org-links", {}, [("王勇", "惠山区总工会", "洛社镇总工会")]),
        (
            "org-links",
            {"org": "洛社镇总工会"},
            [("王勇", "洛社镇总工会", "惠山区总工会")],
        ),
        ("org-links", {"org": "洛社镇总工会", "other": "无锡市总工会"}, []),
        (
            "mentions",
            {"entity": "车间课堂"},
            [("标题", "2024-05-01", "a1.txt")],
        ),
        ("mentions", {"entity": "车间"}, []),
        (
            "find",
            {"text": "洛社"},
            [
                ("洛社镇", "District", ""),
                ("洛社镇总工会", "Organization", ""),
            ],
        ),
    ],
)
def test_bundled_query_answers(
    hand: Graph, name: str, params: Mapping[str, str], expected: list[tuple[str, ...]]
) -> None:
    got = rows(run_query(hand, name, params=params))
    if name == "find":  # IRIs hold a digest of the name
        got = [(n, k, "") for n, k, i in got]
    assert got == expected


def test_facts_give_each_fact_with_its_evidence(hand: Graph) -> None:
    result = run_query(hand, "facts", params={"entity": "洛社镇总工会"})
    facts = {(s, local(r), o, roles) for s, r, o, roles, _, _ in rows(result)}
    assert facts == {
        ("王勇", "memberOf", "洛社镇总工会", "主席"),
        ("洛社镇总工会", "locatedIn", "洛社镇", ""),
        ("车间课堂", "launchedBy", "洛社镇总工会", ""),
    }
    assert {row[4] for row in rows(result)} == {SAID}
    assert {row[5] for row in rows(result)} == {"标题"}


@pytest.mark.parametrize(
    "entity",
    [
        "惠山区",
        "320206",
        "https://w3id.org/kgzh/resource/place/320206",
        "kgr:place/320206",
    ],
)
def test_an_entity_is_named_by_label_or_iri(hand: Graph, entity: str) -> None:
    result = run_query(hand, "facts", params={"entity": entity})
    if entity == "320206":  # a code is not a name
        assert rows(result) == []
        return
    assert {local(row[1]) for row in rows(result)} == {"containedInPlace", "locatedIn"}
    assert any(row[5] == "kg district gazetteer (GB/T 2260)" for row in rows(result))


# ---------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    "value",
    [
        '") || true || ("',
        '惠山区" } UNION { ?p ?q ?r } #',
        "'; DROP ALL ; #",
        "?district",
    ],
)
def test_values_cannot_change_the_query(hand: Graph, value: str) -> None:
    before = len(hand)
    assert run_query(hand, "posts", params={"org": value}).rows == ()
    assert run_query(hand, "find", params={"text": value}).rows == ()
    assert len(hand) == before


@pytest.mark.parametrize(
    "name, params, message",
    [
        ("orgs-in-district", {}, "needs --param district=…"),
        ("posts", {"place": "x"}, "has no parameter 'place'; it takes: org, district"),
        ("postz", {}, "postz: no bundled query of that name"),
        (
            "SELECT ?x WHERE { ?x a ?y }",
            {"name": "x"},
            "the query has no variable ?name to bind",
        ),
        ("SELECT ?x WHERE { ?x a ?y }", {"two words": "x"}, "not a SPARQL variable"),
    ],
)
def test_parameter_errors(
    hand: Graph, name: str, params: Mapping[str, str], message: str
) -> None:
    with pytest.raises(QueryError, match=message.replace("?", r"\?")):
        run_query(hand, name, params=params)


def test_a_query_string_takes_parameters(hand: Graph) -> None:
    text = "SELECT ?p WHERE { ?p skos:prefLabel ?l FILTER (STR(?l) = ?name) }"
    result = run_query(hand, text, params={"name": "王勇"})
    assert [compact_iri(row[0]) for row in rows(result)] == ["person"]


def compact_iri(iri: str) -> str:
    return iri.removeprefix(STANDARD_PREFIXES["kgr"]).split("/")[0]


def test_a_query_file_runs(hand: Graph, tmp_path: Path) -> None:
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:Person }\n")
    assert rows(run_query(hand, str(path))) == [("3",)]


def test_a_missing_query_file_is_named(hand: Graph, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"nope\.rq: cannot read"):
        run_query(hand, str(tmp_path / "nope.rq"))


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "text, line, column, reason",
    [
        ("SELECT ?x WHERE {\n  ?x a ?y .\n  FILTER (?x = }", 3, 3, "Expected"),
        ("SELECT ?x WHERE {\n  ?x foo:bar ?y }", 2, 6, "unknown prefix foo:"),
        ("SELECT ?x WHERE { ?x a ?y } ORDER", 1, 29, "Expected end of text"),
    ],
)
def test_syntax_errors_give_line_and_column(
    hand: Graph, text: str, line: int, column: int, reason: str
) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(hand, text)
    cause = caught.value.__cause__
    assert isinstance(cause, QuerySyntaxError)
    assert (cause.line, cause.column) == (line, column)
    assert f"line {line}, column {column}: " in str(caught.value)
    assert reason in str(caught.value)


# ---------------------------------------------------------------- formats


@pytest.mark.parametrize(
    "text, width",
    [("abc", 3), ("江阴", 4), ("ＡＢ", 4), ("e\u0301", 1), ("SK海力士", 8), ("", 0)],
)
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


KGR = STANDARD_PREFIXES["kgr"]
RESULT = QueryResult(
    "SELECT",
    ("person", "org", "n"),
    (
        (Literal("王勇", lang="zh"), URIRef(KGR + "org/x"), Literal(3)),
        (Literal('Li, "Lee"'), None, Literal("a\tb")),
    ),
    prefixes={"kgr": KGR},
)


def test_table_aligns_double_width_text() -> None:
    lines = format_result(RESULT).splitlines()
    assert lines[0] == "person     org        n"
    assert lines[1] == "---------  ---------  ---"
    assert lines[2] == "王勇       kgr:org/x  3"
    assert lines[3] == 'Li, "Lee"             a b'
    assert lines[-1] == "(2 rows)"


def test_table_cuts_wide_cells() -> None:
    result = QueryResult("SELECT", ("s",), ((Literal("江阴市总工会党组书记"),),))
    assert format_result(result, max_width=7).splitlines()[2] == "江阴市…"


@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("csv", 'person,org,n\r\n王勇,KGRorg/x,3\r\n"Li, ""Lee""",,a\tb\r\n'),
        (
            "tsv",
            '?person\t?org\t?n\n"王勇"@zh\t<KGRorg/x>\t'
            '"3"^^<http://www.w3.org/2001/XMLSchema#integer>\n'
            '"Li, \\"Lee\\""\t\t"a\\tb"\n',
        ),
    ],
)
def test_csv_and_tsv_follow_sparql_results(fmt: str, expected: str) -> None:
    assert format_result(RESULT, fmt) == expected.replace("KGR", KGR)


def test_json_follows_sparql_results() -> None:
    doc = json.loads(format_result(RESULT, "json"))
    assert doc["head"] == {"vars": ["person", "org", "n"]}
    first, second = doc["results"]["bindings"]
    assert first["person"] == {"type": "literal", "value": "王勇", "xml:lang": "zh"}
    assert first["org"] == {"type": "uri", "value": KGR + "org/x"}
    assert first["n"]["datatype"].endswith("#integer")
    assert "org" not in second


@pytest.mark.parametrize(
    "fmt, expected", [("table", "true\n"), ("csv", "true\n"), ("json", None)]
)
def test_ask(hand: Graph, fmt: str, expected: str | None) -> None:
    result = run_query(hand, "ASK { ?p a schema:Person }")
    text = format_result(result, fmt)
    if expected is None:
        assert json.loads(text) == {"head": {}, "boolean": True}
    else:
        assert text == expected


def test_construct_gives_turtle(hand: Graph) -> None:
    query = (
        "CONSTRUCT { ?o kgo:locatedIn ?d } WHERE "
        "{ ?o kgo:locatedIn ?d ; skos:prefLabel '洛社镇总工会'@zh }"
    )
    text = format_result(run_query(hand, query))
    got = Graph().parse(data=text, format="turtle")
    expected = hand.query(
        "CONSTRUCT { ?o kgo:locatedIn ?d } WHERE { ?o kgo:locatedIn ?d ;"
        " skos:prefLabel '洛社镇总工会'@zh }",
        initNs=dict(STANDARD_PREFIXES),
    ).graph
    assert expected is not None and isomorphic(got, expected)
    assert "kgo:locatedIn" in text


@pytest.mark.parametrize(
    "query, fmt, message",
    [
        ("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }", "csv", "use --format turtle"),
        ("SELECT ?s WHERE { ?s a ?t }", "turtle", "not a graph"),
        ("SELECT ?s WHERE { ?s a ?t }", "xml", "unknown format 'xml'"),
    ],
)
def test_format_errors(hand: Graph, query: str, fmt: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        format_result(run_query(hand, query), fmt)


# ---------------------------------------------------------------- backends


class Recorder:
    """A stand-in store: records what it is asked to run."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Literal]]] = []

    def prefixes(self) -> dict[str, str]:
        return {"kgr": "https://example.org/"}

    def query(
        self, text: str, *, bindings: Mapping[str, Literal], prefixes: Mapping[str, str]
    ) -> QueryResult:
        self.calls.append((text, dict(bindings)))
        assert prefixes["kgr"] == "https://example.org/"
        return QueryResult("ASK", boolean=False)


def test_any_backend_runs_bundled_queries_with_bindings() -> None:
    store = Recorder()
    run_query(store, "posts", params={"district": "惠山区"})
    text, bindings = store.calls[0]
    assert text == bundled_queries()["posts"].text
    assert bindings["district"] == Literal("惠山区")
    # the name forms a store looks the value up by; a parameter left out
    # binds forms that match nothing
    assert bindings["district_zh"] == Literal("惠山区", lang="zh")
    assert bindings["district_text"] == Literal("惠山区")
    assert bindings["org_zh"] == Literal(" unbound ", lang="zh")
    from kg.sparql.query import ABSENT

    assert bindings["org"] == ABSENT  # a store reads BOUND(?org) as false


# ---------------------------------------------------------------- real builds


def built(paths: list[Path]) -> Graph:
    graph = build_graph(extract_documents(read_paths(paths)))
    return Graph().parse(data=graph.serialize(format="turtle"), format="turtle")


@pytest.fixture(scope="module")
def example() -> Graph:
    return built([ROOT / "examples"])


@pytest.fixture(scope="module")
def seed(shared: Path) -> Graph:
    return built([shared / "seeds" / "000_800d7f6a987cfa3a.txt"])


EXAMPLE_PARAMS = {
    "orgs-in-district": {"district": "苏州市"},
    "facts": {"entity": "钱卫东"},
    "mentions": {"entity": "江阴市总工会"},
    "find": {"text": "总工会"},
    "post-holders": {"role": "主席", "org": "江阴市总工会", "date": "2023-07-01"},
}
UNDATED = {"post-holders"}
"""Queries that need dated posts: the seed page's articles have no date."""
SEED_PARAMS = {
    "orgs-in-district": {"district": "无锡市"},
    "facts": {"entity": "王勇"},
    "mentions": {"entity": "惠山区"},
    "find": {"text": "总工会"},
    "post-holders": {"role": "主席", "org": "江阴市总工会", "date": "2023-07-01"},
}


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_every_bundled_query_runs_on_the_example_build(
    example: Graph, name: str
) -> None:
    result = run_query(example, name, params=EXAMPLE_PARAMS.get(name, {}))
    assert result.form == "SELECT"
    assert result.rows or name == "org-links"  # nobody holds two posts there
    assert format_result(result).endswith((" rows)\n", " row)\n"))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_every_bundled_query_runs_on_the_seed_build(seed: Graph, name: str) -> None:
    result = run_query(seed, name, params=SEED_PARAMS.get(name, {}))
    assert result.rows or name in UNDATED  # the seed page gives no year


def test_the_example_posts_hold_the_readme_example(example: Graph) -> None:
    result = run_query(example, "posts", params={"org": "江阴市总工会"})
    assert rows(result) == [("钱卫东", "党组书记、主席", "江阴市总工会", "江阴市")]


# ---------------------------------------------------------------- command


@pytest.fixture
def graph_file(hand: Graph, tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    hand.serialize(path, format="turtle")
    return path


@pytest.mark.parametrize(
    "args, code, expected",
    [
        (["--list"], 0, "orgs-in-district: Organisations in a district"),
        (["--show", "posts"], 0, "# title: People and their posts"),
        (["GRAPH", "posts", "--param", "org=洛社镇总工会"], 0, "王勇    主席"),
        (["GRAPH", "mentions", "--param", "entity=王勇", "-f", "csv"], 0, "标题,"),
        (["GRAPH", "posts", "--param", "org"], 2, "is not NAME=VALUE"),
        (["GRAPH"], 2, "give GRAPH and QUERY"),
        (["--show", "nope"], 2, "no bundled query 'nope'"),
        (["GRAPH", "orgs-in-district"], 1, "needs --param district="),
        (["GRAPH", "SELECT ?x WHERE {"], 1, "line 1, column"),
        (["missing.ttl", "posts"], 1, "missing.ttl"),
    ],
)
def test_query_command(
    graph_file: Path, args: list[str], code: int, expected: str
) -> None:
    args = [str(graph_file) if a == "GRAPH" else a for a in args]
    result = CliRunner().invoke(query_command, args)
    assert result.exit_code == code, result.output
    assert expected in result.output
