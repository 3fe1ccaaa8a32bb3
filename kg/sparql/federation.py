"""Refusing federated queries: ``SERVICE`` makes the store fetch a URL.

Oxigraph answers ``SERVICE <http://host/…> { … }`` by sending the pattern to
that address, and pyoxigraph offers no switch to turn this off; an endpoint
that runs any query it is sent would fetch any URL for anyone who can reach
it (a web page, through the visitor's browser, included).  So the endpoint
checks the text of every query before running it:

* SPARQL's ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes are undone first, as
  Oxigraph's parser undoes them before reading the query;
* with no allowed host, the word ``service`` anywhere (any case, even inside
  a string, an IRI or a name) refuses the query: a deliberately blunt test
  that no spelling of the keyword can slip past;
* with ``--allow-service HOST…``, every ``service`` must be the keyword
  followed by a full ``<http(s)://HOST…>`` IRI of an allowed host (``SILENT``
  allowed in between); a variable, a prefixed name, a relative IRI or a
  comment there is refused.

Nothing else in SPARQL reads from outside the store: ``FROM``/``FROM NAMED``
name graphs of the store, and ``LOAD`` is an update, refused anyway.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import urlsplit

from kg.sparql.query import QueryError

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SERVICE = re.compile("service", re.IGNORECASE)
_TARGET = re.compile(
    r"service[ \t\r\n]+(?:silent[ \t\r\n]+)?<([^<>\"{}|^`\\\x00-\x20]*)>",
    re.IGNORECASE,
)
REFUSED = (
    "SERVICE (a federated query) is refused: this endpoint fetches nothing from "
    "other servers; start kg serve with --allow-service HOST to allow one.  "
    "(The check is textual: the word 'service' anywhere in the query counts; "
    'write such a string as CONCAT("serv", "ice").)'
)


class RemoteAccessError(QueryError):
    """A query would make the endpoint fetch from another server."""


def unescape_codepoints(sparql: str) -> str:
    """``sparql`` with ``\\u``/``\\U`` escapes undone, as SPARQL parsers do."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()

    return _CODEPOINT.sub(char, sparql)


def check_remote_access(sparql: str, allowed_hosts: Collection[str] = ()) -> None:
    """Raise :class:`RemoteAccessError` unless ``sparql`` reads only the store,
    or calls SERVICE only on ``allowed_hosts`` (``host`` or ``host:port``)."""
    text = unescape_codepoints(sparql)
    if _SERVICE.search(text) is None:
        return
    if not allowed_hosts:
        raise RemoteAccessError(REFUSED)
    allowed = {host.lower() for host in allowed_hosts}
    covered = 0
    for found in _SERVICE.finditer(text):
        if found.start() < covered:
            continue  # inside the IRI of the SERVICE just checked
        target = _TARGET.match(text, found.start())
        if target is None:
            raise RemoteAccessError(
                "SERVICE must be followed by a full IRI such as "
                f"<http://{sorted(allowed)[0]}/sparql> (no variable, prefixed "
                "name or comment), and 'service' may appear nowhere else"
            )
        _check_target(target.group(1), allowed)
        covered = target.end()


def _check_target(iri: str, allowed: set[str]) -> None:
    parts = urlsplit(iri)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    hosts = {host, f"{host}:{port}"} if port else {host}
    if parts.scheme.lower() not in ("http", "https") or not hosts & allowed:
        raise RemoteAccessError(
            f"SERVICE <{iri}> is refused: only http(s) services on "
            f"{', '.join(sorted(allowed))} are allowed (--allow-service)"
        )
