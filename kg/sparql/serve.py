"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint on a store or graph file.

``GET``/``POST /sparql`` with ``query=…`` (or a POST body of type
``application/sparql-query``) answers in the format the ``Accept`` header
asks for: SPARQL JSON (the default), XML, CSV or TSV for SELECT and ASK;
Turtle (the default), N-Triples, RDF/XML or JSON-LD for CONSTRUCT and
DESCRIBE.  ``/`` is a query page that needs no network.  Updates are refused
with 403, other methods with 405.

Queries run in worker processes that open the store read-only.  Oxigraph
cannot interrupt a query inside a process, so a query that outlasts the time
limit has its worker killed: the client gets 503 with a message, a fresh
worker takes its place, and other queries are not disturbed.  A graph file
is first loaded into a temporary store, removed when the server stops.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from fnmatch import fnmatch
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox

from kg.corpus.store import (
    DEFAULT_PREFIXES,
    import_file,
    open_store,
    read_prefixes,
    turtle_prefixes,
)
from kg.errors import KGError, StoreError
from kg.sparql.oxigraph import execute, looks_like_update
from kg.sparql.query import QueryError, QuerySyntaxError

log = logging.getLogger(__name__)

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
SHORT_NAMES = {  # format=… instead of an Accept header
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
TEXT = "text/plain; charset=utf-8"
READ_ONLY = "updates are refused: this endpoint is read-only"
MAX_QUERY_BYTES = 1_000_000
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1", "[::1]"}
TIMEOUT_MESSAGE = (
    "query cancelled: it ran longer than the {limit:g} s limit; add LIMIT, make "
    "the patterns more selective, or restart kg serve with a larger --timeout"
)


class ServeError(KGError):
    """The endpoint cannot start: its store or its address is unusable."""


@dataclass(frozen=True)
class Reply:
    """One HTTP answer: status, content type and body."""

    status: int
    content_type: str
    body: bytes

    @classmethod
    def text(cls, status: int, message: str) -> Reply:
        return cls(status, TEXT, (message.rstrip() + "\n").encode("utf-8"))


# --- answering one query (runs inside a worker process) ------------------------


def answer(
    store: ox.Store,
    sparql: str,
    accept: str,
    short: str | None,
    prefixes: Mapping[str, str] | None = None,
) -> Reply:
    """Run ``sparql`` on ``store`` and serialise it as ``accept``/``short`` asks."""
    prefixes = DEFAULT_PREFIXES if prefixes is None else prefixes
    if looks_like_update(sparql):
        return Reply.text(403, READ_ONLY)
    try:
        result = execute(store, sparql, prefixes=prefixes)
        is_graph = isinstance(result, ox.QueryTriples)
        media = negotiate(accept, short, GRAPH_FORMATS if is_graph else RESULT_FORMATS)
        if media is None:
            return _not_acceptable(accept or short or "", is_graph)
        return Reply(200, _content_type(media), _serialise(result, media, prefixes))
    except QuerySyntaxError as exc:
        return Reply.text(400, f"SPARQL syntax error at {exc}")
    except QueryError as exc:
        return Reply.text(400, str(exc))
    except (OSError, StoreError) as exc:
        return Reply.text(500, f"the store failed while answering: {exc}")


def _serialise(result: Any, media: str, prefixes: Mapping[str, str]) -> bytes:
    if isinstance(result, ox.QueryTriples):
        used = turtle_prefixes(prefixes) if media == "text/turtle" else None
        data = ox.serialize(result, format=GRAPH_FORMATS[media], prefixes=used)
    else:
        data = result.serialize(format=RESULT_FORMATS[media])
    return bytes(data or b"")


def _content_type(media: str) -> str:
    return media if "json" in media or "xml" in media else f"{media}; charset=utf-8"


def _not_acceptable(asked: str, is_graph: bool) -> Reply:
    offered = ", ".join(GRAPH_FORMATS if is_graph else RESULT_FORMATS)
    kind = "a graph (CONSTRUCT/DESCRIBE)" if is_graph else "results (SELECT/ASK)"
    return Reply.text(
        406, f"cannot answer {kind} as {asked!r}; ask for one of {offered}"
    )


def negotiate(accept: str, short: str | None, offered: dict[str, Any]) -> str | None:
    """The offered media type that a ``format=`` name or ``Accept`` prefers.

    No preference gives the first offered type; ``None`` means none fits.
    """
    if short:
        named = SHORT_NAMES.get(short.lower(), short.lower())
        return named if named in offered else None
    choices = sorted(_accept_ranges(accept), key=lambda item: -item[1])
    if not choices:
        return next(iter(offered))
    for pattern, quality in choices:
        media = next((m for m in offered if fnmatch(m, pattern)), None)
        if media is not None and quality > 0:
            return media
    return None


def _accept_ranges(accept: str) -> Iterator[tuple[str, float]]:
    for part in accept.lower().replace(" ", "").split(","):
        media, *params = part.split(";")
        if not media:
            continue
        weights = [p[2:] for p in params if p.startswith("q=")] or ["1"]
        try:
            yield media, float(weights[0])
        except ValueError:
            yield media, 0.0


# --- worker processes ------------------------------------------------------------


WORKER_CODE = (
    "import sys, kg.sparql.serve as s; s.worker_main(sys.argv[1], int(sys.argv[2]))"
)


def worker_main(store_path: str, fd: int) -> None:
    """A worker process: open the store read-only, answer queries until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers
    conn = Connection(fd)
    try:
        store = open_store(Path(store_path))
        prefixes = {**DEFAULT_PREFIXES, **read_prefixes(Path(store_path))}
        conn.send(("ready", len(store)))
    except (KGError, OSError) as exc:
        with suppress(OSError):  # the server may be gone already
            conn.send(("error", str(exc)))
        return
    with suppress(EOFError, OSError):  # the server closed the pipe: stop
        while True:
            sparql, accept, short = conn.recv()
            conn.send(answer(store, sparql, accept, short, prefixes))


class _Worker:
    """One worker process (a fresh interpreter, so no state is forked) and its pipe."""

    def __init__(self, store_path: Path, start_timeout: float = 120.0) -> None:
        self.conn, child = multiprocessing.Pipe()
        fd = child.fileno()
        command = [sys.executable, "-c", WORKER_CODE, str(store_path), str(fd)]
        self.process = subprocess.Popen(
            command, pass_fds=(fd,), stdin=subprocess.DEVNULL
        )
        child.close()
        try:
            started = self.conn.poll(start_timeout)
            status, value = self.conn.recv() if started else ("error", "no answer")
        except (EOFError, OSError) as exc:
            status, value = "error", f"it stopped ({exc})"
        if status != "ready":
            self.stop()
            raise ServeError(f"{store_path}: the query worker did not start: {value}")
        self.triples = int(value)

    def ask(self, request: tuple[str, str, str | None], timeout: float) -> Reply | None:
        """The worker's reply, or ``None`` if it took longer than ``timeout``."""
        self.conn.send(request)
        if not self.conn.poll(timeout):
            return None
        reply: Reply = self.conn.recv()
        return reply

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.conn.close()


class Endpoint:
    """A pool of query workers over one store, with a per-query time limit."""

    def __init__(
        self, source: Path, *, timeout: float = 30.0, workers: int = 2
    ) -> None:
        if workers < 1 or timeout <= 0:
            raise ServeError("--workers must be at least 1 and --timeout positive")
        self.source, self.timeout = source, timeout
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self.store_path = self._store_path(source)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: list[_Worker] = []
        self._lock, self._closed = threading.Lock(), False
        try:
            for _ in range(workers):
                self._idle.put(self._start_worker())
        except BaseException:
            self.close()
            raise
        self.triples = self._workers[0].triples

    def _store_path(self, source: Path) -> Path:
        if source.is_dir():
            open_store(source)  # a clear error now rather than from each worker
            return source
        if not source.is_file():
            raise ServeError(f"{source}: no such graph file or store; check the path")
        self._temp = tempfile.TemporaryDirectory(prefix="kg-serve.")
        started = time.perf_counter()
        count = import_file(source, Path(self._temp.name) / "store")
        seconds = time.perf_counter() - started
        log.info("loaded %s: %d triples in %.1f s", source, count, seconds)
        return Path(self._temp.name) / "store"

    def _start_worker(self) -> _Worker:
        worker = _Worker(self.store_path)
        with self._lock:
            if self._closed:
                worker.stop()
                raise ServeError("the endpoint is closed")
            self._workers.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._workers.remove(worker)

        def restart() -> None:
            try:
                self._idle.put(self._start_worker())
            except ServeError as exc:
                log.info("no new query worker: %s", exc)

        threading.Thread(target=restart, daemon=True).start()

    def query(self, sparql: str, accept: str = "", short: str | None = None) -> Reply:
        """Answer one query within the time limit (503 past it)."""
        started = time.perf_counter()
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Reply.text(503, f"all workers busy for {self.timeout:g} s; retry")
        left = max(self.timeout - (time.perf_counter() - started), 0.001)
        try:
            reply = worker.ask((sparql, accept, short), left)
        except (EOFError, OSError) as exc:
            self._replace(worker)
            return Reply.text(500, f"the query worker stopped ({exc}); retry")
        if reply is None:
            self._replace(worker)
            log.warning("query cancelled after %.1f s", self.timeout)
            return Reply.text(503, TIMEOUT_MESSAGE.format(limit=self.timeout))
        self._idle.put(worker)
        return reply

    def close(self) -> None:
        with self._lock:
            workers, self._workers, self._closed = self._workers, [], True
        for worker in workers:
            worker.stop()
        if self._temp is not None:
            self._temp.cleanup()


# --- HTTP ------------------------------------------------------------------------


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; one thread per request, queries in the endpoint's workers."""

    daemon_threads = True
    endpoint: Endpoint

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/1"

    def do_GET(self) -> None:
        self._send(self._host_refusal() or self._get())

    def do_POST(self) -> None:
        self._send(self._host_refusal() or self._post())

    def _refuse_method(self) -> None:
        message = f"{self.command} is not allowed: the endpoint is read-only"
        self._send(Reply.text(405, message), extra={"Allow": "GET, POST"})

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    def _get(self) -> Reply:
        path, _, query_string = self.path.partition("?")
        if path == "/":
            return Reply(200, "text/html; charset=utf-8", _page())
        if path == "/sparql":
            return self._sparql(parse_qs(query_string, keep_blank_values=True))
        return Reply.text(404, f"{path}: not found; the endpoint is /sparql")

    def _post(self) -> Reply:
        path, _, query_string = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        if path != "/sparql":
            return Reply.text(404, f"{path}: not found; POST to /sparql")
        if length > MAX_QUERY_BYTES:
            return Reply.text(413, f"query over {MAX_QUERY_BYTES} bytes; shorten it")
        body = self.rfile.read(length).decode("utf-8", "replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(query_string, keep_blank_values=True)
        if media == "application/sparql-update":
            params["update"] = [body]
        elif media == "application/sparql-query":
            params["query"] = [body]
        else:
            params.update(parse_qs(body, keep_blank_values=True))
        return self._sparql(params)

    def _sparql(self, params: dict[str, list[str]]) -> Reply:
        queries = params.get("query", [])
        if "update" in params:
            return Reply.text(403, READ_ONLY)
        if len(queries) != 1 or not queries[0].strip():
            return Reply.text(400, "pass exactly one query=… (a SPARQL query)")
        short = params["format"][0] if params.get("format") else None
        accept = self.headers.get("Accept") or ""
        return self.server.endpoint.query(queries[0], accept, short)

    def _host_refusal(self) -> Reply | None:
        """A refusal of other host names on a loopback server (DNS rebinding)."""
        bound = self.server.server_address[0]
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
        if bound not in LOOPBACK_NAMES or host in LOOPBACK_NAMES or host == bound:
            return None
        return Reply.text(403, f"Host {host!r} refused; use http://{bound!s}/")

    def _send(self, reply: Reply, extra: dict[str, str] | None = None) -> None:
        self.send_response(reply.status)
        headers = {"Content-Type": reply.content_type, **(extra or {})}
        headers["Content-Length"] = str(len(reply.body))
        headers["X-Content-Type-Options"] = "nosniff"
        if reply.content_type.startswith("text/html"):
            headers["Content-Security-Policy"] = PAGE_POLICY
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)


PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'"
)


# --- running ---------------------------------------------------------------------


@dataclass(frozen=True)
class ServeOptions:
    """Where to listen, how long a query may run, how many run at once."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    workers: int = 2


@contextmanager
def running_server(
    source: Path, options: ServeOptions = ServeOptions()
) -> Iterator[SparqlServer]:
    """A bound endpoint on ``source`` (a store folder or graph file), then stopped.

    Call ``serve_forever`` on it (or in a thread, as the tests do).
    """
    try:
        server = SparqlServer((options.host, options.port))
    except OSError as exc:
        raise ServeError(
            f"{options.host}:{options.port}: cannot listen ({exc.strerror}); "
            "choose another --port"
        ) from exc
    with ExitStack() as stack:
        stack.callback(server.server_close)
        server.endpoint = Endpoint(
            source, timeout=options.timeout, workers=options.workers
        )
        stack.callback(server.endpoint.close)
        yield server


def serve(
    source: Path,
    options: ServeOptions = ServeOptions(),
    *,
    on_ready: Callable[[SparqlServer], None] | None = None,
) -> None:
    """Serve ``source`` until Ctrl-C or SIGTERM, then stop the workers and
    remove any temporary store."""
    with running_server(source, options) as server, _stop_on(signal.SIGTERM):
        if on_ready is not None:
            on_ready(server)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            log.info("stopped")


@contextmanager
def _stop_on(signum: int) -> Iterator[None]:
    """Turn ``signum`` into KeyboardInterrupt while serving (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signum, interrupt)
    try:
        yield
    finally:
        signal.signal(signum, previous)


@functools.cache
def _page() -> bytes:
    """The offline query page (kg/assets/sparql.html)."""
    return (resources.files("kg") / "assets" / "sparql.html").read_bytes()
