"""The embedded triple store: an Oxigraph (RocksDB) folder beside graph.ttl.

``kg build --store DIR`` writes one with :func:`write_store`; ``kg query``,
``kg serve`` and ``kg push`` open it without parsing Turtle again
(:mod:`kg.sparql.oxigraph` queries it).

Oxigraph differs from rdflib in two small ways that this module hides or
documents: it types plain strings ``xsd:string`` (given back as plain
literals here) and keeps language tags in lower case (``@zh-latn-pinyin``;
tags are case-insensitive in RDF, so ``langMatches`` finds them, but
``LANG(?x) = "zh-Latn-pinyin"`` does not).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.corpus.generations import resolve_store
from kg.errors import GraphError, StoreError
from kg.graph.namespaces import STANDARD_PREFIXES

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


# --- writing -----------------------------------------------------------------


def is_store(path: Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store, or a
    corpus folder (whose current generation holds one)."""
    path = resolve_store(path)
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
    """Load an RDF file (format from its extension) as a new store at ``path``.
    The named graphs of a quads file (graph.trig) are kept, and their union
    is the default graph that queries read, as it is in a corpus store."""
    fmt = rdf_format(source)

    def fill(store: ox.Store, folder: Path) -> None:
        try:
            if fmt.supports_datasets:  # each quad, and its triple in the union
                store.bulk_extend(
                    copy
                    for q in ox.parse(path=source, format=fmt)
                    for copy in (q, ox.Quad(q.subject, q.predicate, q.object))
                )
            else:
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
    """Open the store at ``path`` read-only (several readers may share it);
    a corpus folder's current generation's store."""
    path = resolve_store(path)
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
    path = resolve_store(path)
    try:
        kept = json.loads((path / PREFIX_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in kept.items()} if isinstance(kept, dict) else {}


def load_store_graph(path: Path) -> Graph:
    """A store's triples as an in-memory rdflib ``Graph`` (for the Graph API)."""
    graph = Graph()
    for name, namespace in {**DEFAULT_PREFIXES, **read_prefixes(path)}.items():
        graph.bind(name, namespace, override=True, replace=True)
    for triple in read_triples(path):
        graph.add(triple_to_rdflib(triple))
    return graph


def triple_to_rdflib(triple: ox.Triple) -> Triple:
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
