"""--since / --until: what a span keeps, on a graph file and a store alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from conftest import ROOT
from kg.analytics import graph_stats
from kg.build import build
from kg.cli import main
from kg.corpus.store import write_store
from kg.graph.files import parse_graph_file
from kg.graph.namespaces import KGO, ORG, SCHEMA
from kg.graph.timespan import SpanError, TimeSpan, days_of, parse_span
from kg.sparql.oxigraph import open_graph_or_store
from kg.sparql.query import run_query
from kg.sparql.timeslice import allowed_articles, allowed_facts, time_slice


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("2023-06-08", "2023-06-08", "2023-06-08"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023", "2023-01-01", "2023-12-31"),
        ("2023-06-08T09:00:00", "2023-06-08", "2023-06-08"),
    ],
)
def test_days_of_a_date(text: str, first: str, last: str) -> None:
    days = days_of(text)
    assert days is not None and (days.first, days.last) == (first, last)


@pytest.mark.parametrize(
    "since, until, date, inside",
    [
        ("2023-06", None, "2023-06-08", True),
        ("2023-06", None, "2023-05-31", False),
        (None, "2023", "2023-12-31", True),
        (None, "2023-06", "2023-07-01", False),
        ("2023-06-01", "2023-06-30", "2023", True),  # a year meets the span
        ("2023-06-01", "2023-06-30", "2023-07", False),
        ("2023", "2023", "", False),  # undated: outside any span
    ],
)
def test_span_contains(
    since: str | None, until: str | None, date: str, inside: bool
) -> None:
    assert parse_span(since, until).contains(date) is inside


@pytest.mark.parametrize(
    "since, until", [("2023-13", None), ("June", None), ("2024", "2023")]
)
def test_bad_spans_are_refused(since: str | None, until: str | None) -> None:
    with pytest.raises(SpanError):
        parse_span(since, until)


@pytest.mark.parametrize("date", ["2023-06-08", "2023-06", "2023", "2023-05-31"])
@pytest.mark.parametrize("since, until", [("2023-06", None), (None, "2023-05-31")])
def test_sparql_filter_agrees_with_python(
    date: str, since: str | None, until: str | None
) -> None:
    span = parse_span(since, until)
    keep = span.sparql_filter()
    query = f'SELECT ?x WHERE {{ BIND("{date}" AS ?date) BIND(1 AS ?x) {keep} }}'
    rows = run_query(Graph(), query).rows
    assert bool(rows) is span.contains(date)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("span")
    build([ROOT / "examples"], out, html=False)
    write_store(parse_graph_file(out / "graph.ttl"), out / "store")
    return out


@pytest.mark.parametrize("where", ["graph.ttl", "store"])
def test_store_and_file_allow_the_same(example: Path, where: str) -> None:
    span = parse_span("2023-09", None)
    file_graph = parse_graph_file(example / "graph.ttl")
    source = open_graph_or_store(example / where)
    assert allowed_articles(source, span) == allowed_articles(file_graph, span)
    assert len(allowed_articles(source, span)) == 2
    assert allowed_facts(source, span) == allowed_facts(file_graph, span)


def test_slice_keeps_what_articles_in_span_support(example: Path) -> None:
    graph = parse_graph_file(example / "graph.ttl")
    sliced = time_slice(graph, parse_span("2023-09", None))
    stats = graph_stats(sliced, method="none")
    assert stats.types["Article"] == 2
    assert stats.relations["post"] == 3  # 昆山 and 苏州 posts, not 江阴's
    labels = {str(o) for o in sliced.objects(None, SCHEMA.headline)}
    assert all("江阴" not in label for label in labels)
    assert time_slice(graph, TimeSpan()) is graph
    assert len(time_slice(graph, parse_span("2030", None))) < 30


def test_posts_attested_or_held_in_span_are_kept() -> None:
    ex = Namespace("https://example.org/")
    time = Namespace("http://www.w3.org/2006/time#")
    graph = Graph()
    graph.add((ex.a, RDF.type, SCHEMA.NewsArticle))
    graph.add((ex.a, SCHEMA.datePublished, Literal("2024-01-05")))
    for post, person in ((ex.m1, ex.p1), (ex.m2, ex.p2)):
        graph.add((post, RDF.type, ORG.Membership))
        graph.add((post, ORG.member, person))
        graph.add((post, ORG.organization, ex.o))
        graph.add((person, RDF.type, SCHEMA.Person))
        graph.add((person, ORG.memberOf, ex.o))
    graph.add((ex.o, RDF.type, ORG.Organization))
    attested = URIRef(str(KGO._NS) + "attestedOn")  # CONTRACT.md "Time"
    graph.add((ex.m1, attested, Literal("2020-03-01")))
    interval, start = URIRef(ex.i), URIRef(ex.start)
    graph.add((ex.m2, ORG.memberDuring, interval))
    graph.add((interval, time.hasBeginning, start))
    graph.add((start, time.inXSDDate, Literal("2015-01-01")))
    assert allowed_facts(graph, parse_span("2020", "2020")) == {str(ex.m1), str(ex.m2)}
    assert allowed_facts(graph, parse_span("2014", "2014")) == set()
    sliced = time_slice(graph, parse_span("2020", "2020"))
    assert (ex.p1, ORG.memberOf, ex.o) in sliced


@pytest.mark.parametrize("command", ["stats", "view", "export", "path"])
def test_commands_take_a_span(example: Path, command: str, tmp_path: Path) -> None:
    graph = str(example / "graph.ttl")
    args = {
        "stats": ["stats", graph, "--json"],
        "view": ["view", graph, "-o", str(tmp_path / "v.html")],
        "export": ["export", graph, "--format", "gexf", "-o", str(tmp_path / "g")],
        "path": ["path", "严振华", "昆山市", graph],
    }[command]
    result = CliRunner().invoke(main, [*args, "--since", "2023-09"])
    assert result.exit_code == 0, result.output
    bad = CliRunner().invoke(main, [*args, "--until", "2023-99"])
    assert bad.exit_code == 2 and "not a date" in bad.output


def test_path_outside_the_span_says_so(example: Path) -> None:
    graph = str(example / "graph.ttl")
    result = CliRunner().invoke(
        main, ["path", "钱卫东", "江阴市", graph, "--since", "2023-09"]
    )
    assert result.exit_code == 1
    assert "looking only at 2023-09-01 – …" in result.output
