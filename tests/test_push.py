"""``kg push``: the Graph Store protocol against a fake server and a real Virtuoso."""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from test_store import SAMPLE

from kg.cli.store import push as push_command
from kg.corpus.store import DEFAULT_PREFIXES, open_store, write_store
from kg.sparql.push import (
    Credentials,
    PushError,
    PushProgress,
    digest_authorization,
    graph_store_url,
    push_graph,
)

# --- a fake Graph Store that records what it is sent ----------------------------


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeStore:
    """What the fake server answers: a status, and an auth scheme to demand."""

    status: int = 201
    demand: str | None = None  # "basic" or "bearer"
    received: list[Received] = field(default_factory=list)


class _FakeHandler(BaseHTTPRequestHandler):
    server: Any

    def _handle(self) -> None:
        fake: FakeStore = self.server.fake
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = dict(self.headers.items())
        fake.received.append(Received(self.command, self.path, headers, body))
        status = fake.status if self._authorised(fake, headers) else 401
        self.send_response(status)
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="fake"')
        message = b"<html><h1>Not here</h1></html>" if status >= 400 else b""
        self.send_header("Content-Length", str(len(message)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(message)

    def _authorised(self, fake: FakeStore, headers: dict[str, str]) -> bool:
        given = headers.get("Authorization")
        if fake.demand == "basic":
            return given == "Basic " + base64.b64encode(b"kg:secret").decode()
        if fake.demand == "bearer":
            return given == "Bearer t0ken"
        return True

    do_PUT = do_POST = do_HEAD = _handle

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def fake() -> Iterator[tuple[FakeStore, str]]:
    state = FakeStore()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeHandler)
    server.fake = state  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}/store"
    server.shutdown()
    server.server_close()


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def parse(data: bytes, fmt: ox.RdfFormat = ox.RdfFormat.N_TRIPLES) -> set[ox.Triple]:
    return {quad.triple for quad in ox.parse(data, format=fmt)}


def sample_triples() -> set[ox.Triple]:
    return parse(SAMPLE.encode(), ox.RdfFormat.TURTLE)


def test_batches_go_put_then_post(
    fake: tuple[FakeStore, str], sample_file: Path
) -> None:
    state, endpoint = fake
    steps: list[PushProgress] = []
    summary = push_graph(
        sample_file, endpoint, graph="urn:kg:g", batch_size=10, progress=steps.append
    )
    total = len(sample_triples())
    batches = -(-total // 10)
    assert [r.method for r in state.received] == ["PUT"] + ["POST"] * (batches - 1)
    assert {r.path for r in state.received} == {"/store?graph=urn%3Akg%3Ag"}
    assert {r.headers["Content-Type"] for r in state.received} == {
        "application/n-triples"
    }
    sent = [parse(r.body) for r in state.received]
    assert [len(batch) for batch in sent] == [10] * (batches - 1) + [total % 10 or 10]
    assert set().union(*sent) == sample_triples()
    assert [s.triples for s in steps] == [
        min(10 * n, total) for n in range(1, batches + 1)
    ]
    assert (summary.triples, summary.batches) == (total, batches)


def test_an_empty_graph_is_one_empty_put(
    fake: tuple[FakeStore, str], tmp_path: Path
) -> None:
    state, endpoint = fake
    empty = tmp_path / "empty.nt"
    empty.write_text("", encoding="utf-8")
    summary = push_graph(empty, endpoint)
    assert [(r.method, r.path, r.body) for r in state.received] == [
        ("PUT", "/store?default", b"")
    ]
    assert summary.triples == 0


def test_a_store_folder_can_be_pushed(
    fake: tuple[FakeStore, str], tmp_path: Path
) -> None:
    state, endpoint = fake
    write_store(Graph().parse(data=SAMPLE, format="turtle"), tmp_path / "store")
    push_graph(tmp_path / "store", endpoint, graph="urn:kg:g")
    (request,) = state.received
    assert parse(request.body) == sample_triples()


@pytest.mark.parametrize(
    "demand, credentials, methods",
    [
        ("basic", Credentials("kg", "secret"), ["HEAD", "PUT", "POST"]),
        ("bearer", Credentials(token="t0ken"), ["PUT", "POST"]),
    ],
)
def test_every_batch_is_authenticated(
    demand: str,
    credentials: Credentials,
    methods: list[str],
    fake: tuple[FakeStore, str],
    sample_file: Path,
) -> None:
    state, endpoint = fake
    state.demand = demand
    total = len(sample_triples())
    push_graph(sample_file, endpoint, credentials=credentials, batch_size=total - 1)
    assert [r.method for r in state.received] == methods
    assert all("Authorization" in r.headers for r in state.received if r.body)


@pytest.mark.parametrize(
    "status, demand, credentials, message",
    [
        (201, "basic", Credentials("kg", "wrong"), "check --user/--password"),
        (201, "basic", Credentials(), "HTTP 401"),
        (404, None, Credentials(), "sparql-graph-crud-auth"),
        (403, None, Credentials(), "grant it update rights"),
        (500, None, Credentials(), "Not here"),
    ],
)
def test_refusals_say_why(
    status: int,
    demand: str | None,
    credentials: Credentials,
    message: str,
    fake: tuple[FakeStore, str],
    sample_file: Path,
) -> None:
    state, endpoint = fake
    state.status, state.demand = status, demand
    with pytest.raises(PushError, match=message) as caught:
        push_graph(sample_file, endpoint, graph="urn:kg:g", credentials=credentials)
    assert "batch 1" in str(caught.value) and endpoint in str(caught.value)


def test_an_unreachable_server_is_named(sample_file: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(PushError, match="cannot reach the server"):
        push_graph(sample_file, f"http://127.0.0.1:{port}/store", graph="urn:kg:g")


@pytest.mark.parametrize(
    "endpoint, graph, expected",
    [
        ("http://h/store", "urn:kg:g", "http://h/store?graph=urn%3Akg%3Ag"),
        ("http://h/store", None, "http://h/store?default"),
        ("http://h/s?x=1&graph=old", "urn:g", "http://h/s?x=1&graph=urn%3Ag"),
        ("http://h/s?x=1", None, "http://h/s?x=1&default"),
    ],
)
def test_graph_store_url(endpoint: str, graph: str | None, expected: str) -> None:
    assert graph_store_url(endpoint, graph) == expected


def test_a_bad_endpoint_url_is_refused() -> None:
    with pytest.raises(PushError, match="not an http"):
        graph_store_url("localhost:8890/sparql-graph-crud-auth", None)


def test_digest_matches_the_rfc_2617_example() -> None:
    challenge = {
        "scheme": "digest",
        "realm": "testrealm@host.com",
        "qop": "auth,auth-int",
        "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093",
        "opaque": "5ccc069c403ebaf9f0171e9517f40e41",
    }
    header = digest_authorization(
        challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", 1, "0a4f113b"
    )
    assert 'response="6629fae49393a05397450978507c4ef1"' in header
    assert (
        "nc=00000001" in header
        and 'opaque="5ccc069c403ebaf9f0171e9517f40e41"' in header
    )


def test_cli_push_shows_progress(
    fake: tuple[FakeStore, str], sample_file: Path
) -> None:
    _, endpoint = fake
    result = CliRunner().invoke(
        push_command,
        [
            str(sample_file),
            "--endpoint",
            endpoint,
            "--graph",
            "urn:kg:g",
            "--batch-size",
            "20",
        ],
    )
    assert result.exit_code == 0, result.output
    total = len(sample_triples())
    assert f"pushed {total} triples in 2 batches" in result.stdout
    assert f"batch 2: {total} triples" in result.stderr


def test_cli_push_refuses_token_and_user(sample_file: Path) -> None:
    result = CliRunner().invoke(
        push_command,
        [str(sample_file), "--endpoint", "http://h/s", "--token", "t", "--user", "u"],
    )
    assert result.exit_code == 2


# --- a real Virtuoso -------------------------------------------------------------

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
"""
GRAPH = "urn:kg:test:sample"
QUERIES = {
    "join": """SELECT ?person ?org ?role WHERE {
        ?m org:member/skos:prefLabel ?person ;
           org:organization/skos:prefLabel ?org ; org:role/skos:prefLabel ?role }""",
    "contains": """SELECT ?s ?label WHERE {
        ?s skos:prefLabel ?label FILTER(CONTAINS(?label, "南京")) }""",
    "group by": """SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type }
        GROUP BY ?type""",
    "evidence": """SELECT ?m ?text WHERE { ?m kgo:evidenceText ?text }""",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for_http(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.25)
    tail = log.read_text(errors="replace")[-2000:]
    pytest.fail(f"Virtuoso did not answer at {url}:\n{tail}")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway Virtuoso on free loopback ports; its base URL."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(folder=folder, sql_port=free_port(), http_port=http_port)
    )
    log = folder / "console.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "+configfile", str(ini), "+foreground"],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{http_port}"
    try:
        _wait_for_http(f"{base}/sparql?query=ASK%7B%7D", process, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def remote_rows(base: str, sparql: str) -> list[tuple[str, ...]]:
    """Rows of a query on Virtuoso's /sparql, restricted to the pushed graph."""
    prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in DEFAULT_PREFIXES.items())
    query = prologue + sparql.replace("WHERE", f"FROM <{GRAPH}> WHERE", 1)
    request = urllib.request.Request(
        f"{base}/sparql?" + urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        data = json.load(response)
    names = data["head"]["vars"]
    return sorted(
        tuple(row.get(n, {}).get("value", "") for n in names)
        for row in data["results"]["bindings"]
    )


def local_rows(store: ox.Store, sparql: str) -> list[tuple[str, ...]]:
    solutions = store.query(sparql, prefixes=DEFAULT_PREFIXES)
    return sorted(
        tuple(term.value if term is not None else "" for term in row)
        for row in solutions
    )


@dataclass(frozen=True)
class Pushed:
    source: Path
    local: ox.Store


def push_to(virtuoso: str, source: Path, password: str = "dba") -> None:
    push_graph(
        source,
        f"{virtuoso}/sparql-graph-crud-auth",
        graph=GRAPH,
        credentials=Credentials("dba", password),
        batch_size=7,
    )


@pytest.fixture(scope="module")
def pushed(virtuoso: str, tmp_path_factory: pytest.TempPathFactory) -> Pushed:
    """The sample pushed to Virtuoso in batches of 7, and the same graph locally."""
    folder = tmp_path_factory.mktemp("pushed")
    (folder / "graph.ttl").write_text(SAMPLE, encoding="utf-8")
    push_to(virtuoso, folder / "graph.ttl")
    write_store(Graph().parse(data=SAMPLE, format="turtle"), folder / "store")
    return Pushed(folder / "graph.ttl", open_store(folder / "store"))


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_virtuoso_answers_like_the_local_store(
    name: str, virtuoso: str, pushed: Pushed
) -> None:
    expected = local_rows(pushed.local, QUERIES[name])
    assert expected, "the query should find something"
    assert remote_rows(virtuoso, QUERIES[name]) == expected


def test_pushing_again_replaces_the_graph(virtuoso: str, pushed: Pushed) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    push_to(virtuoso, pushed.source.parent / "store")
    assert remote_rows(virtuoso, count) == [(str(len(pushed.local)),)]


def test_virtuoso_refuses_a_wrong_password(virtuoso: str, pushed: Pushed) -> None:
    with pytest.raises(PushError, match="HTTP 401"):
        push_to(virtuoso, pushed.source, password="wrong")


def test_virtuoso_needs_a_graph_iri(virtuoso: str, pushed: Pushed) -> None:
    with pytest.raises(PushError, match="pass --graph"):
        push_graph(
            pushed.source,
            f"{virtuoso}/sparql-graph-crud-auth",
            credentials=Credentials("dba", "dba"),
        )
