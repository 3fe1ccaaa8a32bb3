"""``kg serve``: the SPARQL 1.1 Protocol on a loopback port, read-only, time-limited."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from test_store import SAMPLE

from kg.cli.store import serve as serve_command
from kg.corpus.store import DEFAULT_PREFIXES as PREFIXES
from kg.corpus.store import open_store, write_store
from kg.sparql.oxigraph import query_store
from kg.sparql.serve import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    Endpoint,
    ServeError,
    ServeOptions,
    answer,
    negotiate,
    running_server,
)

JOIN = """SELECT ?person ?role WHERE {
  ?m org:member/skos:prefLabel ?person ; org:role/skos:prefLabel ?role }"""
CONSTRUCT = "CONSTRUCT { ?o kgo:locatedIn ?d } WHERE { ?o kgo:locatedIn ?d }"
SLOW = (
    "SELECT (COUNT(*) AS ?n) WHERE { "
    + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(7))
    + " }"
)


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: str
    headers: dict[str, str]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    write_store(Graph().parse(data=SAMPLE, format="turtle"), path)
    return path


@pytest.fixture(scope="module")
def url(store_dir: Path) -> Iterator[str]:
    options = ServeOptions(port=0, timeout=2.0, workers=2)
    with running_server(store_dir, options) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield server.url
        server.shutdown()


def call(
    url: str,
    path: str = "sparql",
    *,
    params: dict[str, str] | None = None,
    data: bytes | None = None,
    method: str | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    full = url + path + ("?" + urlencode(params) if params else "")
    request = urllib.request.Request(
        full, data=data, method=method, headers=headers or {}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return _answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return _answer(error.code, error.headers, error.read())


def _answer(status: int, headers: object, body: bytes) -> Answer:
    pairs = dict(headers.items())  # type: ignore[attr-defined]
    return Answer(status, pairs.get("Content-Type", ""), body.decode("utf-8"), pairs)


def local_rows(store_dir: Path, sparql: str) -> list[tuple[str, ...]]:
    result = query_store(open_store(store_dir), sparql)
    return sorted(tuple(str(term or "") for term in row) for row in result.rows)


def json_rows(body: str) -> list[tuple[str, ...]]:
    data = json.loads(body)
    names = data["head"]["vars"]
    return sorted(
        tuple(row.get(n, {}).get("value", "") for n in names)
        for row in data["results"]["bindings"]
    )


def form(query: str) -> bytes:
    return urlencode({"query": query}).encode()


def test_get_answers_json_like_the_local_store(url: str, store_dir: Path) -> None:
    got = call(url, params={"query": JOIN})
    assert got.status == 200
    assert got.content_type == "application/sparql-results+json"
    assert json_rows(got.body) == local_rows(store_dir, JOIN)
    assert ("王大明", "主席") in json_rows(got.body)


@pytest.mark.parametrize(
    "data, content_type",
    [
        (form(JOIN), "application/x-www-form-urlencoded"),
        (JOIN.encode("utf-8"), "application/sparql-query"),
    ],
)
def test_post_answers_the_same(
    data: bytes, content_type: str, url: str, store_dir: Path
) -> None:
    got = call(url, data=data, headers={"Content-Type": content_type})
    assert got.status == 200, got.body
    assert json_rows(got.body) == local_rows(store_dir, JOIN)


@pytest.mark.parametrize(
    "accept, params, expected_type",
    [
        ("text/csv", {}, "text/csv; charset=utf-8"),
        ("text/tab-separated-values", {}, "text/tab-separated-values; charset=utf-8"),
        ("application/sparql-results+xml", {}, "application/sparql-results+xml"),
        ("text/html, */*;q=0.8", {}, "application/sparql-results+json"),
        ("", {"format": "csv"}, "text/csv; charset=utf-8"),
    ],
)
def test_select_formats_follow_accept(
    accept: str, params: dict[str, str], expected_type: str, url: str
) -> None:
    got = call(url, params={"query": JOIN, **params}, headers={"Accept": accept})
    assert (got.status, got.content_type) == (200, expected_type)
    assert "王大明" in got.body


def test_csv_rows_match(url: str, store_dir: Path) -> None:
    got = call(url, params={"query": JOIN}, headers={"Accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(got.body)))
    assert rows[0] == ["person", "role"]
    assert sorted(map(tuple, rows[1:])) == local_rows(store_dir, JOIN)


@pytest.mark.parametrize(
    "accept, expected_type",
    [
        ("", "text/turtle; charset=utf-8"),
        ("application/n-triples", "application/n-triples; charset=utf-8"),
        ("application/ld+json", "application/ld+json"),
    ],
)
def test_construct_returns_a_graph(
    accept: str, expected_type: str, url: str, store_dir: Path
) -> None:
    got = call(url, params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert (got.status, got.content_type) == (200, expected_type)
    media = ox.RdfFormat.from_media_type(expected_type.split(";")[0])
    parsed = {q.triple for q in ox.parse(got.body.encode("utf-8"), format=media)}
    assert parsed == set(open_store(store_dir).query(CONSTRUCT, prefixes=PREFIXES))
    assert len(parsed) == 2


def test_ask(url: str) -> None:
    got = call(url, params={"query": "ASK { ?s a schema:Person }"})
    assert json.loads(got.body)["boolean"] is True


@pytest.mark.parametrize(
    "request_args, status, message",
    [
        ({"params": {"query": "SELEC ?s"}}, 400, "syntax error"),
        ({"params": {"other": "1"}}, 400, "query="),
        ({"params": {"query": "INSERT DATA { <a:b> <a:c> <a:d> }"}}, 403, "read-only"),
        ({"data": urlencode({"update": "CLEAR ALL"}).encode()}, 403, "read-only"),
        (
            {
                "data": b"CLEAR ALL",
                "headers": {"Content-Type": "application/sparql-update"},
            },
            403,
            "read-only",
        ),
        ({"method": "PUT", "data": b"<a:b> <a:c> <a:d> ."}, 405, "read-only"),
        ({"method": "DELETE"}, 405, "read-only"),
        (
            {"params": {"query": JOIN}, "headers": {"Accept": "text/turtle"}},
            406,
            "application/sparql-results+json",
        ),
        ({"params": {"query": JOIN}, "headers": {"Host": "evil.example"}}, 403, "Host"),
    ],
)
def test_refusals_say_why(
    request_args: dict[str, object], status: int, message: str, url: str
) -> None:
    got = call(url, **request_args)  # type: ignore[arg-type]
    assert got.status == status
    assert got.content_type.startswith("text/plain")
    assert message in got.body
    if status == 405:
        assert got.headers["Allow"] == "GET, POST"


def test_page_works_offline(url: str) -> None:
    got = call(url, "")
    assert got.status == 200 and got.content_type.startswith("text/html")
    assert "<textarea" in got.body and 'fetch("sparql"' in got.body
    assert "src=" not in got.body and "href=" not in got.body
    assert "default-src 'none'" in got.headers["Content-Security-Policy"]


def test_unknown_path_is_404(url: str) -> None:
    assert call(url, "nothing-here").status == 404


def test_a_slow_query_is_cancelled_and_the_next_one_answers(url: str) -> None:
    slow = call(url, params={"query": SLOW})
    assert slow.status == 503
    assert "cancelled" in slow.body and "--timeout" in slow.body
    assert call(url, params={"query": "ASK { ?s ?p ?o }"}).status == 200


def test_a_graph_file_is_served_from_a_temporary_store(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(SAMPLE, encoding="utf-8")
    endpoint = Endpoint(path, timeout=10, workers=1)
    try:
        reply = endpoint.query(JOIN, "text/csv")
        temporary = endpoint.store_path
        assert reply.status == 200 and "王大明" in reply.body.decode("utf-8")
        assert endpoint.triples == len(Graph().parse(data=SAMPLE, format="turtle"))
    finally:
        endpoint.close()
    assert not temporary.exists()


def test_a_busy_port_is_named(store_dir: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with (
            pytest.raises(ServeError, match=f"127.0.0.1:{port}.*--port"),
            running_server(store_dir, ServeOptions(port=port)),
        ):
            pass


@pytest.mark.parametrize(
    "name, message",
    [("nope.ttl", "no such graph file"), ("folder", "not an Oxigraph store")],
)
def test_cli_names_an_unusable_source(name: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    result = CliRunner().invoke(serve_command, [str(tmp_path / name)])
    assert result.exit_code == 1
    assert str(tmp_path / name) in result.output and message in result.output


@pytest.mark.parametrize(
    "accept, short, offered, expected",
    [
        ("", None, RESULT_FORMATS, "application/sparql-results+json"),
        (
            "text/csv;q=0.5, text/tab-separated-values",
            None,
            RESULT_FORMATS,
            "text/tab-separated-values",
        ),
        ("text/*", None, RESULT_FORMATS, "text/csv"),
        ("text/csv;q=0", None, RESULT_FORMATS, None),
        ("image/png", None, GRAPH_FORMATS, None),
        ("application/json", None, RESULT_FORMATS, "application/json"),
        ("*/*", None, GRAPH_FORMATS, "text/turtle"),
        ("text/csv", "tsv", RESULT_FORMATS, "text/tab-separated-values"),
        ("", "nt", GRAPH_FORMATS, "application/n-triples"),
        ("", "csv", GRAPH_FORMATS, None),
    ],
)
def test_negotiate(
    accept: str, short: str | None, offered: dict[str, object], expected: str | None
) -> None:
    assert negotiate(accept, short, offered) == expected


def test_answer_without_processes() -> None:
    store = ox.Store()
    store.load(SAMPLE.encode("utf-8"), ox.RdfFormat.TURTLE)
    reply = answer(store, JOIN, "text/csv", None)
    assert reply.status == 200
    assert "党组书记" in reply.body.decode("utf-8")
