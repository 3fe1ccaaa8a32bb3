"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint on a store or graph file.

``GET``/``POST /sparql`` with ``query=…`` (or a POST body of type
``application/sparql-query``) answers in the format the ``Accept`` header
asks for: SPARQL JSON (the default), XML, CSV or TSV for SELECT and ASK;
Turtle (the default), N-Triples, RDF/XML or JSON-LD for CONSTRUCT and
DESCRIBE.  ``/`` is a query page that needs no network.  Updates are refused
with 403, so is ``SERVICE`` unless ``--allow-service`` names the host
(:mod:`kg.sparql.federation`); HEAD, PUT, DELETE, PATCH, OPTIONS, TRACE and
CONNECT get 405, unknown methods 501.

HTTP is spoken by waitress (a WSGI server): it parses requests strictly
(``Content-Length`` must be digits, chunked bodies are counted), refuses
headers over 64 KB and bodies over 1 MB with 4xx, closes idle connections,
bounds the number of connections and listens with a normal backlog; a slow
sender cannot hold a thread, since requests are read by one event loop and
only complete ones reach a thread.  This module adds a deadline for a whole
request to arrive.  Queries run in worker processes (:mod:`kg.sparql.workers`)
with a time limit and a result size limit.  A graph file is first loaded
into a temporary store, removed when the server stops.
"""

from __future__ import annotations

import functools
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.server import TcpWSGIServer

from kg.sparql.workers import (
    GRAPH_FORMATS,
    MAX_RESULT_BYTES,
    READ_ONLY,
    RESULT_FORMATS,
    Endpoint,
    Reply,
    ServeError,
    answer,
    negotiate,
)

__all__ = [
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "Endpoint",
    "ServeError",
    "ServeOptions",
    "SparqlServer",
    "answer",
    "negotiate",
    "running_server",
    "serve",
]

log = logging.getLogger(__name__)
# waitress warns of its task queue depth under load: the queue is bounded by
# --max-connections, so it is the expected state, not news for the operator.
logging.getLogger("waitress.queue").setLevel(logging.ERROR)

MAX_QUERY_BYTES = 1_000_000
MAX_HEADER_BYTES = 65_536
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1", "[::1]"}
ALLOWED = "GET, POST"
KNOWN_METHODS = {"HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}
PAGE_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "connect-src 'self'"
)


@dataclass(frozen=True)
class ServeOptions:
    """Where to listen, how long a query may run, how many run at once, what
    it may reach and return, and how patient the server is with clients."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 30.0
    workers: int = 2
    allow_service: tuple[str, ...] = ()
    max_result_bytes: int = MAX_RESULT_BYTES
    max_connections: int = 100
    idle_timeout: int = 10
    """Seconds a connection may stay silent before it is closed."""
    request_timeout: float = 15.0
    """Seconds a request (headers and body) may take to arrive."""
    backlog: int = 1024


# --- the WSGI application ------------------------------------------------------


class SparqlApp:
    """The endpoint as a WSGI application."""

    def __init__(self, endpoint: Endpoint, bound_host: str) -> None:
        self.endpoint, self.bound_host = endpoint, bound_host

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        reply, extra = self._reply(environ)
        headers = {"Content-Type": reply.content_type, **extra}
        headers["Content-Length"] = str(len(reply.body))
        headers["X-Content-Type-Options"] = "nosniff"
        if reply.content_type.startswith("text/html"):
            headers["Content-Security-Policy"] = PAGE_POLICY
        start_response(_status(reply.status), list(headers.items()))
        return [reply.body]

    def _reply(self, environ: dict[str, Any]) -> tuple[Reply, dict[str, str]]:
        method = environ.get("REQUEST_METHOD", "")
        if method not in ("GET", "POST"):
            if method in KNOWN_METHODS:
                message = f"{method} is not allowed: the endpoint is read-only"
                return Reply.text(405, message), {"Allow": ALLOWED}
            return Reply.text(
                501, f"{method!r} is not implemented; use GET or POST"
            ), {}
        refusal = self._host_refusal(environ.get("HTTP_HOST", ""))
        if refusal is not None:
            return refusal, {}
        try:
            reply = self._get(environ) if method == "GET" else self._post(environ)
        except ValueError as exc:  # too many parameters, a bad length
            reply = Reply.text(400, f"a malformed request ({exc}); check it")
        return reply, {}

    def _get(self, environ: dict[str, Any]) -> Reply:
        path = environ.get("PATH_INFO", "")
        if path == "/":
            return Reply(200, "text/html; charset=utf-8", _page())
        if path == "/sparql":
            return self._sparql(environ, _params(environ.get("QUERY_STRING", "")))
        return Reply.text(404, f"{path}: not found; the endpoint is /sparql")

    def _post(self, environ: dict[str, Any]) -> Reply:
        path = environ.get("PATH_INFO", "")
        if path != "/sparql":
            return Reply.text(404, f"{path}: not found; POST to /sparql")
        if not environ.get("CONTENT_LENGTH"):
            return Reply.text(411, "a POST needs a Content-Length (or chunked body)")
        length = int(environ["CONTENT_LENGTH"])
        if length > MAX_QUERY_BYTES:
            return Reply.text(413, f"query over {MAX_QUERY_BYTES} bytes; shorten it")
        body = environ["wsgi.input"].read(length).decode("utf-8", "replace")
        media = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        params = _params(environ.get("QUERY_STRING", ""))
        if media == "application/sparql-update":
            params["update"] = [body]
        elif media == "application/sparql-query":
            params["query"] = [body]
        else:
            params.update(_params(body))
        return self._sparql(environ, params)

    def _sparql(self, environ: dict[str, Any], params: dict[str, list[str]]) -> Reply:
        queries = params.get("query", [])
        if "update" in params:
            return Reply.text(403, READ_ONLY)
        if len(queries) != 1 or not queries[0].strip():
            return Reply.text(400, "pass exactly one query=… (a SPARQL query)")
        short = params["format"][0] if params.get("format") else None
        accept = environ.get("HTTP_ACCEPT", "")
        return self.endpoint.query(queries[0], accept, short)

    def _host_refusal(self, host_header: str) -> Reply | None:
        """A refusal of other host names on a loopback server (DNS rebinding)."""
        bound = self.bound_host
        host = host_header.rsplit(":", 1)[0].lower()
        if bound not in LOOPBACK_NAMES or host in LOOPBACK_NAMES or host == bound:
            return None
        return Reply.text(403, f"Host {host!r} refused; use http://{bound!s}/")


def _params(text: str) -> dict[str, list[str]]:
    return parse_qs(text, keep_blank_values=True, max_num_fields=100)


_REASONS = {
    200: "OK",
    400: "Bad Request",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    411: "Length Required",
    413: "Content Too Large",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


def _status(code: int) -> str:
    return f"{code} {_REASONS.get(code, 'Error')}"


@functools.cache
def _page() -> bytes:
    """The offline query page (kg/assets/sparql.html)."""
    return (resources.files("kg") / "assets" / "sparql.html").read_bytes()


# --- the HTTP server -----------------------------------------------------------


class _Waitress(TcpWSGIServer):
    """waitress, plus a deadline for a whole request to arrive: a client that
    sends a byte now and then is never idle, but is closed all the same."""

    request_timeout = 15.0

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        started: dict[int, tuple[object, float]] = getattr(self, "_started", {})
        current: dict[int, tuple[object, float]] = {}
        for fd, channel in list(self.active_channels.items()):
            request = getattr(channel, "request", None)
            if request is None:
                continue
            seen, since = started.get(fd, (None, now))
            since = since if seen is request else now
            current[fd] = (request, since)
            if now - since > self.request_timeout:
                channel.will_close = True
        self._started = current


class SparqlServer:
    """A bound endpoint: ``serve_forever`` answers until ``shutdown``."""

    def __init__(self, options: ServeOptions) -> None:
        self.options = options
        self.endpoint: Endpoint | None = None
        adjustments = Adjustments(
            host=options.host,
            port=options.port,
            threads=max(4, options.workers * 2),
            connection_limit=options.max_connections,
            channel_timeout=options.idle_timeout,
            cleanup_interval=1,
            backlog=options.backlog,
            max_request_body_size=MAX_QUERY_BYTES,
            max_request_header_size=MAX_HEADER_BYTES,
            ident="kg-sparql",
            expose_tracebacks=False,
        )
        self._map: dict[int, Any] = {}
        self._server = _Waitress(self._app, map=self._map, adj=adjustments)
        self._server.request_timeout = options.request_timeout

    def _app(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        if self.endpoint is None:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"starting\n"]
        return SparqlApp(self.endpoint, self.options.host)(environ, start_response)

    @property
    def url(self) -> str:
        host, port = self._server.effective_host, self._server.effective_port
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/"

    def serve_forever(self) -> None:
        self._server.run()

    def shutdown(self) -> None:
        self._server.task_dispatcher.shutdown()
        wasyncore.close_all(self._map)
        time.sleep(0.05)

    def server_close(self) -> None:
        wasyncore.close_all(self._map)


@contextmanager
def running_server(
    source: Path, options: ServeOptions = ServeOptions()
) -> Iterator[SparqlServer]:
    """A bound endpoint on ``source`` (a store folder or graph file), then stopped.

    Call ``serve_forever`` on it (or in a thread, as the tests do).
    """
    try:
        server = SparqlServer(options)
    except OSError as exc:
        raise ServeError(
            f"{options.host}:{options.port}: cannot listen ({exc.strerror}); "
            "choose another --port"
        ) from exc
    with ExitStack() as stack:
        stack.callback(server.server_close)
        server.endpoint = Endpoint(
            source,
            timeout=options.timeout,
            workers=options.workers,
            allow_service=options.allow_service,
            max_result_bytes=options.max_result_bytes,
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


def parse_hosts(values: Sequence[str]) -> tuple[str, ...]:
    """``--allow-service`` values: host names, comma- or space-separated."""
    return tuple(h for v in values for h in v.replace(",", " ").split() if h)
