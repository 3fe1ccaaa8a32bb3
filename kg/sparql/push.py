"""``kg push``: load a graph into an external triple store.

It speaks the SPARQL 1.1 Graph Store HTTP Protocol, which Virtuoso, Fuseki,
GraphDB, Stardog, Blazegraph and Oxigraph's server all implement: the graph
goes as N-Triples in batches, the first by ``PUT`` (replacing the target
graph), the rest by ``POST`` (adding to it), to ``ENDPOINT?graph=IRI`` (or
``ENDPOINT?default`` without an IRI).

Authentication: a bearer token, or a user and password answered with the
scheme the server asks for (Basic or Digest; Virtuoso's
``/sparql-graph-crud-auth`` asks for Digest).  A ``HEAD`` request learns the
scheme first, so no batch is ever sent twice or cut off by a 401.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pyoxigraph as ox

from kg.corpus.store import read_triples
from kg.errors import KGError

BATCH_TRIPLES = 50_000
CONTENT_TYPE = "application/n-triples"
ENDPOINT_HINT = (
    "Virtuoso: http://HOST:8890/sparql-graph-crud-auth, "
    "Fuseki: http://HOST:3030/DATASET/data, "
    "GraphDB: http://HOST:7200/repositories/REPO/rdf-graphs/service, "
    "Oxigraph: http://HOST:7878/store"
)


class PushError(KGError):
    """The target store refused the graph or cannot be reached."""


@dataclass(frozen=True)
class Credentials:
    """How to authenticate: a user and password, or a bearer token."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class PushProgress:
    """Where a push stands after a batch was accepted."""

    batch: int
    triples: int
    seconds: float


@dataclass(frozen=True)
class PushSummary:
    """What a push sent, and where."""

    url: str
    triples: int
    batches: int
    seconds: float


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """``endpoint`` with ``graph=IRI`` (or ``default``) added to its query string."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{endpoint}: not an http(s) URL; pass e.g. {ENDPOINT_HINT}")
    params = [
        (k, v) for k, v in parse_qsl(parts.query) if k not in ("graph", "default")
    ]
    query = urlencode([*params, ("graph", graph)]) if graph else urlencode(params)
    if not graph:
        query = f"{query}&default" if query else "default"
    return urlunsplit(parts._replace(query=query))


def push_graph(
    source: Path,
    endpoint: str,
    *,
    graph: str | None = None,
    credentials: Credentials = Credentials(),
    batch_size: int = BATCH_TRIPLES,
    timeout: float = 300.0,
    progress: Callable[[PushProgress], None] | None = None,
) -> PushSummary:
    """Send the triples of ``source`` (a graph file or store folder) to ``endpoint``.

    The target graph is replaced: the first batch is ``PUT``, the rest
    ``POST``; ``progress`` hears of each accepted batch.
    """
    if batch_size < 1:
        raise PushError(f"batch size {batch_size}: must be at least 1")
    client = GraphStoreClient(graph_store_url(endpoint, graph), credentials, timeout)
    started, sent, batches = time.perf_counter(), 0, 0
    for number, batch in enumerate(_batches(read_triples(source), batch_size), 1):
        client.send("PUT" if number == 1 else "POST", _ntriples(batch), number)
        sent, batches = sent + len(batch), number
        if progress is not None:
            progress(PushProgress(number, sent, time.perf_counter() - started))
    return PushSummary(client.url, sent, batches, time.perf_counter() - started)


def _batches(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    """Lists of ``size`` triples; one empty list for an empty graph (PUT clears)."""
    iterator = iter(triples)
    first = list(islice(iterator, size))
    yield first
    while batch := list(islice(iterator, size)):
        yield batch


def _ntriples(batch: list[ox.Triple]) -> bytes:
    return bytes(ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES) or b"")


class GraphStoreClient:
    """Sends bodies to one Graph Store URL, authenticating as the server asks."""

    def __init__(self, url: str, credentials: Credentials, timeout: float) -> None:
        self.url, self.credentials, self.timeout = url, credentials, timeout
        self._challenge: dict[str, str] | None = None
        self._count = 0
        self._probed = False

    def send(self, method: str, body: bytes, batch: int) -> None:
        """Send one batch; raise :class:`PushError` saying why it was refused.

        A 401 with a new challenge is answered once (a Digest nonce may go stale).
        """
        if not self._probed:
            self._probe()
        for attempt in (1, 2):
            try:
                self._request(method, body)
                return
            except urllib.error.HTTPError as exc:
                challenge = exc.headers.get("WWW-Authenticate")
                if attempt == 2 or exc.code != 401 or not self._learn(challenge):
                    raise self._refused(exc, batch) from exc
            except (urllib.error.URLError, OSError) as exc:
                raise self._unreachable(exc) from exc

    def _probe(self) -> None:
        """Learn the authentication scheme with a bodiless ``HEAD``."""
        self._probed = True
        if self.credentials.user is None:
            return
        try:
            self._request("HEAD", None)
        except urllib.error.HTTPError as exc:
            if exc.code == 401:
                self._learn(exc.headers.get("WWW-Authenticate"))
        except (urllib.error.URLError, OSError) as exc:
            raise self._unreachable(exc) from exc

    def _request(self, method: str, body: bytes | None) -> None:
        headers = {"Content-Type": CONTENT_TYPE} if body is not None else {}
        authorization = self._authorization(method)
        if authorization:
            headers["Authorization"] = authorization
        request = urllib.request.Request(
            self.url, data=body, method=method, headers=headers
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()

    def _learn(self, header: str | None) -> bool:
        """Take a 401's challenge; whether there is now something new to answer."""
        if self.credentials.user is None or not header:
            return False
        scheme, _, rest = header.strip().partition(" ")
        challenge = {k.lower(): a or b for k, a, b in _PARAM.findall(rest)}
        challenge["scheme"] = scheme.lower()
        self._challenge, self._count = challenge, 0
        return challenge["scheme"] in ("basic", "digest")

    def _authorization(self, method: str) -> str | None:
        if self.credentials.token:
            return f"Bearer {self.credentials.token}"
        if self._challenge is None or self.credentials.user is None:
            return None
        user, password = self.credentials.user, self.credentials.password or ""
        if self._challenge["scheme"] == "basic":
            return basic_authorization(user, password)
        self._count += 1
        uri = urlunsplit(urlsplit(self.url)._replace(scheme="", netloc=""))
        return digest_authorization(
            self._challenge, user, password, method, uri, self._count
        )

    def _refused(self, exc: urllib.error.HTTPError, batch: int) -> PushError:
        detail = _text(exc.read())
        hint = _HINTS.get(exc.code, "see the server's message")
        if self.url.endswith("default") and exc.code not in (401, 403):
            hint = "pass --graph IRI: some stores (Virtuoso) take no default graph"
        return PushError(
            f"{self.url}: batch {batch} refused with HTTP {exc.code} {exc.reason}"
            f"{': ' + detail if detail else ''}; {hint}"
        )

    def _unreachable(self, exc: Exception) -> PushError:
        reason = getattr(exc, "reason", exc)
        return PushError(
            f"{self.url}: cannot reach the server ({reason}); is it running, "
            "and is --endpoint its Graph Store URL?"
        )


_HINTS = {
    401: "the credentials were refused; check --user/--password or --token",
    403: "the account may not write here; grant it update rights",
    404: f"no Graph Store service at this URL; try {ENDPOINT_HINT}",
    405: f"this URL does not take PUT/POST; try {ENDPOINT_HINT}",
    501: f"this URL does not take PUT/POST; try {ENDPOINT_HINT}",
}
_PARAM = re.compile(r'([\w-]+)=(?:"([^"]*)"|([^,\s]*))')


def basic_authorization(user: str, password: str) -> str:
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def digest_authorization(
    challenge: dict[str, str],
    user: str,
    password: str,
    method: str,
    uri: str,
    count: int,
    cnonce: str | None = None,
) -> str:
    """An RFC 7616 ``Digest`` answer (MD5 or SHA-256, qop ``auth`` or none)."""
    algorithm = challenge.get("algorithm", "MD5").upper()
    digest = hashlib.sha256 if algorithm.startswith("SHA-256") else hashlib.md5

    def h(text: str) -> str:
        return digest(text.encode("utf-8")).hexdigest()

    realm, nonce = challenge.get("realm", ""), challenge.get("nonce", "")
    cnonce, nc = cnonce or os.urandom(8).hex(), f"{count:08x}"
    ha1 = h(f"{user}:{realm}:{password}")
    if algorithm.endswith("-SESS"):
        ha1 = h(f"{ha1}:{nonce}:{cnonce}")
    ha2 = h(f"{method}:{uri}")
    offered = [q.strip() for q in challenge.get("qop", "").split(",")]
    qop = "auth" if "auth" in offered else None
    fields = {"username": user, "realm": realm, "nonce": nonce, "uri": uri}
    if qop:
        fields["response"] = h(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}")
    else:
        fields["response"] = h(f"{ha1}:{nonce}:{ha2}")
    if "opaque" in challenge:
        fields["opaque"] = challenge["opaque"]
    quoted = ", ".join(f'{k}="{v}"' for k, v in fields.items())
    extra = f', qop={qop}, nc={nc}, cnonce="{cnonce}"' if qop else ""
    return f"Digest {quoted}, algorithm={algorithm}{extra}"


def _text(body: bytes) -> str:
    """A server's error page as one short line of text."""
    text = re.sub(r"<[^>]+>", " ", body.decode("utf-8", "replace"))
    return " ".join(text.split())[:300]
