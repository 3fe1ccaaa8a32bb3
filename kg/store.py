"""The embedded triple store: an Oxigraph (RocksDB) folder beside graph.ttl.

``kg build --store DIR`` writes one with :func:`write_store`; ``kg query``,
``kg serve`` and ``kg push`` open it without parsing Turtle again.
:class:`OxigraphBackend` is the :class:`kg.query.SparqlBackend` of a store,
so ``kg.query.run_query`` runs the same queries on a store as on a graph and
gets the same :class:`kg.query.QueryResult` of rdflib terms back.

Oxigraph differs from rdflib in two small ways that this module hides or
documents: it types plain strings ``xsd:string`` (given back as plain
literals here) and keeps language tags in lower case (``@zh-latn-pinyin``;
tags are case-insensitive in RDF, so ``langMatches`` finds them, but
``LANG(?x) = "zh-Latn-pinyin"`` does not).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import GraphError, KGError
from kg.query import STANDARD_PREFIXES, QueryError, QueryResult, QuerySyntaxError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
DEFAULT_PREFIXES: dict[str, str] = dict(STANDARD_PREFIXES)
"""Prefixes every store query may use without declaring them."""
PREFIX_FILE = "kg-prefixes.json"
"""Beside RocksDB's files: the graph's own prefixes (its ``kgr:`` base)."""
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}

Triple = tuple[Node, Node, Node]


class StoreError(KGError):
    """A store folder cannot be written, opened or read."""


# --- writing -----------------------------------------------------------------


def is_store(path: Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store."""
    return (path / "CURRENT").is_file() and any(path.glob("OPTIONS-*"))


def write_store(
    triples: Iterable[Triple], path: Path, *, prefixes: Mapping[str, str] | None = None
) -> int:
    """Write rdflib triples (a ``Graph`` will do) as a new store at ``path``.

    The store is built in a folder beside ``path`` and renamed into place, so
    a failure never leaves half a store; an older store at ``path`` is
    replaced.  ``prefixes`` (by default a graph's own bindings of the usual
    prefixes, such as a ``--base-iri`` ``kgr:``) are kept with the store.
    Returns the number of triples in the store.
    """
    if prefixes is None and isinstance(triples, Graph):
        bound = {name: str(ns) for name, ns in triples.namespaces()}
        prefixes = {k: v for k, v in bound.items() if k in DEFAULT_PREFIXES}
    converter = _ToOxigraph()
    quads = (converter.quad(triple) for triple in triples)

    def fill(store: ox.Store, folder: Path) -> None:
        store.bulk_extend(quads)
        (folder / PREFIX_FILE).write_text(json.dumps(prefixes or {}, indent=1))

    return _build_atomically(path, fill)


def import_file(source: Path, path: Path) -> int:
    """Load an RDF file (format from its extension) as a new store at ``path``."""
    fmt = rdf_format(source)

    def fill(store: ox.Store, folder: Path) -> None:
        try:
            store.bulk_load(path=source, format=fmt, to_graph=ox.DefaultGraph())
        except SyntaxError as exc:
            raise GraphError(
                f"{source}: not readable as {fmt.name} ({exc}); fix the file"
            ) from exc

    return _build_atomically(path, fill)


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format a graph file's extension names."""
    try:
        return RDF_FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(RDF_FORMATS))
        raise GraphError(
            f"{path}: unknown graph file extension; use one of {known}"
        ) from None


Fill = Callable[[ox.Store, Path], None]


def _build_atomically(path: Path, fill: Fill) -> int:
    _check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot create the store ({exc.strerror}); choose another folder"
        ) from exc
    try:
        count = _fill(temp, fill)
        _swap_into_place(temp, path)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return count


def _fill(folder: Path, fill: Fill) -> int:
    try:
        store = ox.Store(str(folder))
        fill(store, folder)
        store.optimize()
        count = len(store)
        del store  # closes RocksDB before the folder is renamed
    except OSError as exc:
        raise StoreError(
            f"{folder}: cannot write the store ({exc}); check free disk space"
        ) from exc
    return count


def _check_target(path: Path) -> None:
    if path.is_file():
        raise StoreError(f"{path}: is a file; a store is a folder, choose another")
    if path.is_dir() and any(path.iterdir()) and not is_store(path):
        raise StoreError(
            f"{path}: folder is not empty and holds no store; "
            "refusing to replace it, choose a new or empty folder"
        )


def _swap_into_place(temp: Path, path: Path) -> None:
    old = path.with_name(f".{path.name}.old")
    try:
        if path.exists():
            shutil.rmtree(old, ignore_errors=True)
            path.rename(old)
        temp.rename(path)
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot move the new store into place ({exc.strerror}); "
            f"it is left at {temp}"
        ) from exc
    shutil.rmtree(old, ignore_errors=True)


class _ToOxigraph:
    """rdflib terms to Oxigraph terms, IRIs cached (they repeat a lot)."""

    def __init__(self) -> None:
        self._iris: dict[str, ox.NamedNode] = {}

    def quad(self, triple: Triple) -> ox.Quad:
        s, p, o = triple
        return ox.Quad(self.term(s), self.iri(p), self.term(o))

    def iri(self, term: Any) -> ox.NamedNode:
        node = self._iris.get(term)
        if node is None:
            node = self._iris[term] = ox.NamedNode(term)
        return node

    def term(self, term: Node) -> Any:
        if isinstance(term, URIRef):
            return self.iri(term)
        if isinstance(term, BNode):
            return ox.BlankNode(term)
        if isinstance(term, Literal):
            datatype = self.iri(term.datatype) if term.datatype else None
            return ox.Literal(str(term), language=term.language, datatype=datatype)
        raise StoreError(f"{term!r}: not an IRI, blank node or literal; cannot store")


def to_oxigraph(term: Node) -> Any:
    """One rdflib term as an Oxigraph term."""
    return _ToOxigraph().term(term)


def sorted_turtle(
    source: ox.Store | Iterable[ox.Triple],
    *,
    prefixes: Mapping[str, str] | None = None,
) -> bytes:
    """Byte-deterministic Turtle from Oxigraph: triples in sorted order.

    Oxigraph writes triples in the order given (grouping a subject's runs
    with ``;`` and ``,``), so sorting them by their N-Triples form makes the
    output depend only on the graph; the ``@prefix`` lines are sorted too.
    """
    if isinstance(source, ox.Store):
        source = (q.triple for q in source.quads_for_pattern(None, None, None))
    triples = sorted(
        source, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
    )
    data = ox.serialize(
        triples,
        format=ox.RdfFormat.TURTLE,
        prefixes=turtle_prefixes(DEFAULT_PREFIXES if prefixes is None else prefixes),
    )
    data = cast(bytes, data)  # no output file given: the bytes come back
    end = 0
    while data.startswith(b"@prefix", end):
        end = data.index(b"\n", end) + 1
    return b"".join(sorted(data[:end].splitlines(keepends=True))) + data[end:]


def turtle_prefixes(prefixes: Mapping[str, str]) -> dict[str, str]:
    """Prefixes for Oxigraph's Turtle writer, less ``kgr:``: its local names
    hold slashes, which Oxigraph writes as ``\\/``; full IRIs read better."""
    return {name: iri for name, iri in prefixes.items() if name != "kgr"}


# --- reading -----------------------------------------------------------------


def open_store(path: Path) -> ox.Store:
    """Open the store at ``path`` read-only (several readers may share it)."""
    if not path.exists():
        raise StoreError(f"{path}: no such store; make one with `kg build --store`")
    if not is_store(path):
        raise StoreError(
            f"{path}: not an Oxigraph store (no CURRENT or OPTIONS file); "
            "pass a folder written by `kg build --store`, or a graph file"
        )
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot open the store ({exc}); rebuild it with --store"
        ) from exc


def read_triples(path: Path) -> Iterator[ox.Triple]:
    """Every triple of a store folder or graph file, streamed as Oxigraph triples."""
    if path.is_dir():
        store = open_store(path)
        for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield quad.triple
        return
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file or store; check the path")
    fmt = rdf_format(path)
    try:
        for item in ox.parse(path=path, format=fmt):
            yield item.triple if isinstance(item, ox.Quad) else item
    except SyntaxError as exc:
        raise GraphError(
            f"{path}: not readable as {fmt.name} ({exc}); fix the file"
        ) from exc


def read_prefixes(path: Path) -> dict[str, str]:
    """The prefixes kept with the store at ``path`` (none for an imported file)."""
    try:
        kept = json.loads((path / PREFIX_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in kept.items()} if isinstance(kept, dict) else {}


def open_graph_or_store(path: Path) -> Graph | OxigraphBackend:
    """What ``kg.query.run_query`` takes: a store folder opened in place, or a
    graph file parsed by :func:`kg.graphio.load_graph`."""
    if path.is_dir():
        return OxigraphBackend(open_store(path), read_prefixes(path))
    from kg.graphio import load_graph

    return load_graph(path)


def load_store_graph(path: Path) -> Graph:
    """A store's triples as an in-memory rdflib ``Graph`` (for the Graph API)."""
    graph = Graph()
    for name, namespace in {**DEFAULT_PREFIXES, **read_prefixes(path)}.items():
        graph.bind(name, namespace, override=True, replace=True)
    for triple in read_triples(path):
        graph.add(_triple_to_rdflib(triple))
    return graph


# --- querying ------------------------------------------------------------------


class OxigraphBackend:
    """Runs queries with Oxigraph over a store: a ``kg.query.SparqlBackend``."""

    def __init__(self, store: ox.Store, prefixes: Mapping[str, str] | None = None):
        self.store = store
        self._prefixes = dict(prefixes or {})

    def prefixes(self) -> dict[str, str]:
        return dict(self._prefixes)

    def query(
        self, text: str, *, bindings: Mapping[str, Node], prefixes: Mapping[str, str]
    ) -> QueryResult:
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
    answer = execute(store, sparql, prefixes=used, bindings=bindings)
    try:
        return _to_result(answer, query_form(sparql), used)
    except OSError as exc:
        raise StoreError(f"the store failed while answering ({exc})") from exc


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
    terms = {name: f" {_term_text(name, term)} " for name, term in bindings.items()}

    def replace(match: re.Match[str]) -> str:
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
            graph.add(_triple_to_rdflib(triple))
        form = form if form in ("CONSTRUCT", "DESCRIBE") else "CONSTRUCT"
        return QueryResult(form, graph=graph, prefixes=prefixes)
    names = tuple(v.value for v in answer.variables)
    rows = tuple(
        tuple(None if term is None else to_rdflib(term) for term in row)
        for row in answer
    )
    return QueryResult("SELECT", names, rows, prefixes=prefixes)


def _triple_to_rdflib(triple: ox.Triple) -> Triple:
    return (
        to_rdflib(triple.subject),
        to_rdflib(triple.predicate),
        to_rdflib(triple.object),
    )


def to_rdflib(term: Any) -> Node:
    """One Oxigraph term as an rdflib term; ``xsd:string`` literals become plain."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise StoreError(f"{term!r}: an RDF-star triple term; kg graphs have none")
