"""Answering SPARQL queries in worker processes, each a fresh interpreter.

Oxigraph cannot interrupt a query inside a process, so a query that outlasts
the time limit has its worker killed: the client gets 503 with a message, a
fresh worker takes its place, and other queries are not disturbed.  Whatever
a query does inside a worker (a syntax error, a federated call answered with
garbage, a panic inside the store, a result too large) becomes a 4xx or 5xx
:class:`Reply`; the worker goes on to the next query.
"""

from __future__ import annotations

import io
import json
import logging
import multiprocessing
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from fnmatch import fnmatch
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.corpus.store import (
    DEFAULT_PREFIXES,
    import_file,
    open_store,
    read_prefixes,
    turtle_prefixes,
)
from kg.errors import KGError, StoreError
from kg.sparql.federation import RemoteAccessError, check_remote_access
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
MAX_RESULT_BYTES = 64_000_000
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


@dataclass(frozen=True)
class Limits:
    """What a worker allows: SERVICE hosts, and the size of a result."""

    allow_service: tuple[str, ...] = ()
    max_result_bytes: int = MAX_RESULT_BYTES


# --- answering one query (runs inside a worker process) ------------------------


def answer(
    store: ox.Store,
    sparql: str,
    accept: str,
    short: str | None,
    prefixes: Mapping[str, str] | None = None,
    limits: Limits = Limits(),
) -> Reply:
    """Run ``sparql`` on ``store`` and serialise it as ``accept``/``short`` asks.

    Never raises: every failure is a 4xx or 5xx reply that says why.
    """
    try:
        return _answer(store, sparql, accept, short, prefixes, limits)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # pyoxigraph's PanicException is one
        log.warning("query failed inside the store: %r", exc)
        return Reply.text(500, f"the query failed inside the store ({exc}); retry")


def _answer(
    store: ox.Store,
    sparql: str,
    accept: str,
    short: str | None,
    prefixes: Mapping[str, str] | None,
    limits: Limits,
) -> Reply:
    prefixes = DEFAULT_PREFIXES if prefixes is None else prefixes
    if looks_like_update(sparql):
        return Reply.text(403, READ_ONLY)
    try:
        check_remote_access(sparql, limits.allow_service)
        result = execute(store, sparql, prefixes=prefixes)
        is_graph = isinstance(result, ox.QueryTriples)
        media = negotiate(accept, short, GRAPH_FORMATS if is_graph else RESULT_FORMATS)
        if media is None:
            return _not_acceptable(accept or short or "", is_graph)
        body = _serialise(result, media, prefixes, limits.max_result_bytes)
        return Reply(200, _content_type(media), body)
    except RemoteAccessError as exc:
        return Reply.text(403, str(exc))
    except QuerySyntaxError as exc:
        return Reply.text(400, f"SPARQL syntax error at {exc}")
    except QueryError as exc:
        return Reply.text(400, str(exc))
    except ResultTooLarge as exc:
        return Reply.text(413, str(exc))
    except RuntimeError as exc:  # a SERVICE answered with something unreadable
        return Reply.text(502, f"a federated service answered badly ({exc})")
    except (OSError, StoreError) as exc:
        return Reply.text(500, f"the store failed while answering: {exc}")


class ResultTooLarge(Exception):
    """A result grew past the endpoint's limit while being written."""


class _Capped(io.RawIOBase):
    """A buffer that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit, self.buffer = limit, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer += data
        if len(self.buffer) > self.limit:
            raise ResultTooLarge(
                f"the result is over {self.limit:,} bytes; add LIMIT or select "
                "fewer variables (kg serve --max-result-mb raises the limit)"
            )
        return len(data)


def _serialise(
    result: Any, media: str, prefixes: Mapping[str, str], limit: int
) -> bytes:
    out = _Capped(limit)
    if isinstance(result, ox.QueryTriples):
        used = turtle_prefixes(prefixes) if media == "text/turtle" else None
        ox.serialize(
            result,
            out,  # type: ignore[arg-type]
            format=GRAPH_FORMATS[media],
            prefixes=used,
        )
    else:
        result.serialize(out, format=RESULT_FORMATS[media])
    return bytes(out.buffer)


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
    for part in accept.lower().replace(" ", "").split(",")[:32]:
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
    "import sys, kg.sparql.workers as w; "
    "w.worker_main(sys.argv[1], int(sys.argv[2]), sys.argv[3])"
)


def worker_main(store_path: str, fd: int, limits_json: str = "{}") -> None:
    """A worker process: open the store read-only, answer queries until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers
    conn = Connection(fd)
    settings = json.loads(limits_json)
    limits = Limits(
        tuple(settings.get("allow_service", ())),
        int(settings.get("max_result_bytes", MAX_RESULT_BYTES)),
    )
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
            conn.send(answer(store, sparql, accept, short, prefixes, limits))


class _Worker:
    """One worker process (a fresh interpreter, so no state is forked) and its pipe."""

    def __init__(
        self, store_path: Path, limits: Limits, start_timeout: float = 120.0
    ) -> None:
        self.conn, child = multiprocessing.Pipe()
        fd = child.fileno()
        settings = json.dumps(
            {
                "allow_service": list(limits.allow_service),
                "max_result_bytes": limits.max_result_bytes,
            }
        )
        command = [sys.executable, "-c", WORKER_CODE, str(store_path), str(fd)]
        self.process = subprocess.Popen(
            [*command, settings], pass_fds=(fd,), stdin=subprocess.DEVNULL
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
        self,
        source: Path,
        *,
        timeout: float = 30.0,
        workers: int = 2,
        allow_service: Sequence[str] = (),
        max_result_bytes: int = MAX_RESULT_BYTES,
    ) -> None:
        if workers < 1 or timeout <= 0:
            raise ServeError("--workers must be at least 1 and --timeout positive")
        self.source, self.timeout = source, timeout
        self.limits = Limits(tuple(allow_service), max_result_bytes)
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self.store_path = self._store_path(source)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: list[_Worker] = []
        self._lock, self._closed = threading.Lock(), False
        self.replaced = 0
        """Workers stopped and replaced (a query past the time limit, a crash)."""
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
        worker = _Worker(self.store_path, self.limits)
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
            self.replaced += 1

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

    def pids(self) -> list[int]:
        """The process ids of the current workers (for tests and benchmarks)."""
        with self._lock:
            return [w.process.pid for w in self._workers]

    def close(self) -> None:
        with self._lock:
            workers, self._workers, self._closed = self._workers, [], True
        for worker in workers:
            worker.stop()
        if self._temp is not None:
            self._temp.cleanup()
