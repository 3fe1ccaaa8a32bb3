"""SPARQL over an Oxigraph store: the store's :class:`kg.sparql.query.SparqlBackend`.

:class:`OxigraphBackend` lets ``kg.sparql.query.run_query`` run the same
queries on a store as on a graph file and get the same
:class:`kg.sparql.query.QueryResult` of rdflib terms back.  Parameters are
substituted as escaped RDF terms (:func:`substitute`), updates are refused.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node

from kg.corpus.generations import resolve_store
from kg.corpus.store import (
    DEFAULT_PREFIXES,
    XSD_STRING,
    open_store,
    read_prefixes,
    to_oxigraph,
    to_rdflib,
    triple_to_rdflib,
)
from kg.errors import StoreError
from kg.graph.files import parse_graph_file
from kg.sparql.findindex import answer_find, open_names
from kg.sparql.ordering import sort_rows, split_order
from kg.sparql.query import ABSENT, QueryError, QueryResult, QuerySyntaxError


class OxigraphBackend:
    """Runs queries with Oxigraph over a store: a ``kg.sparql.query.SparqlBackend``."""

    def __init__(
        self,
        store: ox.Store,
        prefixes: Mapping[str, str] | None = None,
        *,
        names: sqlite3.Connection | None = None,
    ):
        self.store = store
        self._prefixes = dict(prefixes or {})
        self.names = names
        """The corpus's label table (:mod:`kg.sparql.findindex`), if it has one."""

    def prefixes(self) -> dict[str, str]:
        return dict(self._prefixes)

    def query(
        self, text: str, *, bindings: Mapping[str, Node], prefixes: Mapping[str, str]
    ) -> QueryResult:
        if self.names is not None:
            found = answer_find(self.names, text, bindings)
            if found is not None:
                return _select_result(*found, prefixes)
        return query_store(self.store, text, prefixes=prefixes, bindings=bindings)


def query_store(
    store: ox.Store,
    sparql: str,
    *,
    prefixes: Mapping[str, str] | None = None,
    bindings: Mapping[str, Node] | None = None,
) -> QueryResult:
    """Run a SPARQL query on ``store``: a ``QueryResult`` of rdflib terms.

    ``prefixes`` default to :data:`DEFAULT_PREFIXES`; ``bindings`` pre-bind
    variables (never pasted into the text).  Updates are refused.
    """
    used = dict(DEFAULT_PREFIXES if prefixes is None else prefixes)
    try:
        form = query_form(sparql)
        if form == "SELECT":
            ordered = _sorted_here(store, sparql, used, bindings)
            if ordered is not None:
                return ordered
        answer = execute(store, sparql, prefixes=used, bindings=bindings)
        return _to_result(answer, form, used)
    except OSError as exc:
        raise StoreError(f"the store failed while answering ({exc})") from exc


def _sorted_here(
    store: ox.Store,
    sparql: str,
    prefixes: Mapping[str, str],
    bindings: Mapping[str, Node] | None,
) -> QueryResult | None:
    """The answer of a query ending in ``ORDER BY ?a ?b …``, ordered in
    Python (:mod:`kg.sparql.ordering`: several times faster than Oxigraph on
    stored strings); None when the engine must order it."""
    text = substitute(sparql, bindings) if bindings else sparql
    split = split_order(text)
    if split is None:
        return None
    body, order = split
    try:
        answer = execute(store, body, prefixes=prefixes)
    except QueryError:
        return None  # the query as written says what is wrong
    if not isinstance(answer, ox.QuerySolutions):
        return None
    names = tuple(v.value for v in answer.variables)
    rows = sort_rows([tuple(row) for row in answer], names, order)
    return None if rows is None else _select_result(names, rows, prefixes)


def select_strings(
    store: ox.Store,
    sparql: str,
    *,
    prefixes: Mapping[str, str] | None = None,
    interned: dict[str, str] | None = None,
) -> Iterator[tuple[str, ...]]:
    """The rows of a SELECT as ``str`` of the rdflib terms :func:`query_store`
    would give ("" for an unbound value), one row at a time: a report of a
    big corpus reads every label and mention, and holding them all as rdflib
    terms first took about 1 GB at 10k articles.  Plain and language-tagged
    literals are their text, other literals go through rdflib (which
    normalises some forms).  IRIs are interned in ``interned`` when it is
    given (each appears in many rows; calls that share it share their
    IRIs); a one-pass read passes none and keeps no IRI table."""
    used = dict(DEFAULT_PREFIXES if prefixes is None else prefixes)

    def text(term: Any) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            value = term.value
            return value if interned is None else interned.setdefault(value, value)
        if isinstance(term, ox.Literal) and (
            term.language or term.datatype.value == XSD_STRING
        ):
            return term.value
        return str(to_rdflib(term))

    try:
        answer = store.query(sparql, prefixes=used)
    except SyntaxError as exc:
        raise _syntax_error(sparql, str(exc)) from exc
    except OSError as exc:
        raise StoreError(f"the store failed while answering ({exc})") from exc
    for row in answer:  # type: ignore[union-attr]
        yield tuple(text(term) for term in row)


def execute(
    store: ox.Store,
    sparql: str,
    *,
    prefixes: Mapping[str, str] | None = None,
    bindings: Mapping[str, Node] | None = None,
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a SPARQL query; the raw, lazy Oxigraph answer (for fast serialising)."""
    if looks_like_update(sparql):
        form = query_form(sparql)
        raise QueryError(
            f"{form} …: an update; the store is read-only, updates are refused"
        )
    text = substitute(sparql, bindings) if bindings else sparql
    try:
        return store.query(
            text, prefixes=dict(DEFAULT_PREFIXES if prefixes is None else prefixes)
        )
    except SyntaxError as exc:
        raise _syntax_error(sparql, str(exc)) from exc
    except OSError as exc:
        raise StoreError(f"the store failed while answering ({exc})") from exc


_STRINGS = (
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n]|\\.)*"',
    r"'(?:[^'\\\n]|\\.)*'",
)
_TOKEN = re.compile(
    "(?P<keep>#[^\\n]*|"
    + "|".join(_STRINGS)
    + r"|<[^<>\"{}|^`\\\x00-\x20]*>)"
    + r"|(?P<bound>\bBOUND\s*\(\s*[?$](?P<bname>\w+)\s*\))"
    + r"|[?$](?P<name>\w+)",
    re.IGNORECASE,
)


def substitute(sparql: str, bindings: Mapping[str, Node]) -> str:
    """``sparql`` with each bound variable replaced by its term, as rdflib's
    ``initBindings`` would bind it: everywhere, nested groups and EXISTS too.

    Oxigraph's own substitutions act only on projected variables, after the
    query.  Each value goes in as one escaped RDF term (no value can change
    the query), outside strings, IRIs and comments; ``BOUND(?x)`` becomes
    ``true``.
    """
    absent = {name for name, term in bindings.items() if term == ABSENT}
    terms = {
        name: f" {_term_text(name, term)} "
        for name, term in bindings.items()
        if name not in absent
    }

    def replace(match: re.Match[str]) -> str:
        if match["bound"] and match["bname"] in absent:
            return "false"  # an optional parameter left out: prunes its branches
        if match["bound"] and match["bname"] in terms:
            return "true"
        if match["name"] in terms:
            return terms[match["name"]]
        return match[0]

    return _TOKEN.sub(replace, sparql)


def _term_text(name: str, term: Node) -> str:
    try:
        return str(to_oxigraph(term))
    except ValueError as exc:  # Oxigraph checks IRIs and language tags
        raise QueryError(f"?{name} = {term!r}: not a valid RDF term ({exc})") from exc


_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?:PREFIX|BASE)\s[^>]*>)*", re.IGNORECASE)
_KEYWORD = re.compile(r"[A-Za-z]+")
_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE"}
_UPDATES |= {"ADD", "WITH"}


def query_form(sparql: str) -> str:
    """The first keyword after the PREFIX and BASE lines, upper-cased."""
    start = _PROLOGUE.match(sparql)
    found = _KEYWORD.match(sparql, start.end() if start else 0)
    return found.group(0).upper() if found else ""


def looks_like_update(sparql: str) -> bool:
    """Whether ``sparql`` is a SPARQL Update rather than a query."""
    return query_form(sparql) in _UPDATES


_WHERE = re.compile(r"error at (\d+):(\d+)(?:-\d+:\d+)?: (.*)", re.DOTALL)


def _syntax_error(sparql: str, message: str) -> QueryError:
    """Oxigraph's parse error as a ``QuerySyntaxError`` pointing into the text."""
    where = _WHERE.match(message)
    if where is None:
        return QueryError(f"the query is not valid SPARQL: {message}")
    line, column, reason = int(where[1]), int(where[2]), " ".join(where[3].split())
    lines = sparql.splitlines() or [""]
    text = lines[min(line, len(lines)) - 1]
    if "Prefix not found" in reason:
        prefix = re.search(r"([A-Za-z][\w.-]*)?:[\w.-]*$", text[: column - 1])
        name = prefix.group(1) or "" if prefix else ""
        known = ", ".join(sorted(DEFAULT_PREFIXES))
        reason = f"unknown prefix {name}:; declare it (PREFIX {name}: <…>) or use one"
        reason += f" of {known}"
    elif len(reason) > 160:
        reason = reason[:157] + "…"
    return QuerySyntaxError(reason, line, column, text)


def _to_result(answer: Any, form: str, prefixes: Mapping[str, str]) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(answer), prefixes=prefixes)
    if isinstance(answer, ox.QueryTriples):
        graph = Graph()
        for triple in answer:
            graph.add(triple_to_rdflib(triple))
        form = form if form in ("CONSTRUCT", "DESCRIBE") else "CONSTRUCT"
        return QueryResult(form, graph=graph, prefixes=prefixes)
    names = tuple(v.value for v in answer.variables)
    return _select_result(names, answer, prefixes)


def _select_result(
    names: tuple[str, ...], rows: Iterable[Any], prefixes: Mapping[str, str]
) -> QueryResult:
    """A SELECT's rows (of Oxigraph terms) as a result of rdflib terms."""
    converted = tuple(
        tuple(None if term is None else to_rdflib(term) for term in row) for row in rows
    )
    return QueryResult("SELECT", names, converted, prefixes=prefixes)


def open_graph_or_store(path: Path) -> Graph | OxigraphBackend:
    """What ``kg.sparql.query.run_query`` takes: a store folder opened in place, or a
    graph file parsed by :func:`kg.graph.files.parse_graph_file`."""
    if path.is_dir():
        store = resolve_store(path)  # a corpus's current generation, once
        return OxigraphBackend(
            open_store(store), read_prefixes(store), names=open_names(store)
        )
    return parse_graph_file(path)
