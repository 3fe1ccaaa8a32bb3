"""``kg stats`` and ``kg path`` on a corpus store, without loading it into rdflib.

:func:`store_projection` builds the same networkx projection as
:func:`kg.analytics.projection.project` from a handful of SPARQL SELECTs
(nodes with their kind and label, then one query per relation), without
the evidence of each fact; :func:`find_paths_in_store` walks it and asks the
store for the roles and evidence of the hops it returns only.  Entity names
are looked up with an indexed exact match first and a scan of the labels
only when that finds nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from kg.analytics.paths import (
    DEFAULT_LIMIT,
    Paths,
    _chain,
    _entity,
    _shortest_walks,
)
from kg.analytics.projection import MENTIONS, _ordered_roles, _Trace, span_of
from kg.analytics.stats import (
    DEFAULT_SAMPLE,
    DEFAULT_SEED,
    DEFAULT_TOP,
    AnalyticsError,
    Stats,
    network_stats,
    undirected,
)
from kg.corpus.counts import count_store
from kg.corpus.names import find_store_entity
from kg.corpus.store import open_store
from kg.errors import GraphError
from kg.graph.namespaces import STANDARD_PREFIXES
from kg.graph.select import select
from kg.graph.timespan import TimeSpan
from kg.graph.view import EDGE_PREDICATES, FACT_PREDICATES, KINDS, POST

PREFIXES = dict(STANDARD_PREFIXES)
_KIND_OF = {str(t): kind.key for kind in KINDS for t in (kind.base, *kind.finer)}
_ORDER = {kind.key: n for n, kind in enumerate(KINDS)}
RELATION_QUERIES = {
    POST: "SELECT DISTINCT ?s ?o { { ?s org:memberOf ?o } UNION "
    "{ ?m org:member ?s ; org:organization ?o } }",
    **{key: f"SELECT ?s ?o {{ ?s <{p}> ?o }}" for p, key in EDGE_PREDICATES.items()},
}
_NODES = "SELECT ?s ?t { VALUES ?t { %s } ?s a ?t }"
_LABELS = """
SELECT ?s ?h ?l { { ?s schema:headline ?h } UNION { ?s skos:prefLabel ?l } }"""


def _rows(store: ox.Store, sparql: str) -> Iterable[tuple[str, ...]]:
    for row in select(store, sparql, prefixes=PREFIXES):
        yield tuple("" if term is None else term.value for term in row)


def _kinds(store: ox.Store) -> dict[str, str]:
    types = " ".join(f"<{t}>" for t in _KIND_OF)
    kinds: dict[str, str] = {}
    for node, rdf_type in _rows(store, _NODES % types):
        kind = _KIND_OF[rdf_type]
        if node not in kinds or _ORDER[kind] < _ORDER[kinds[node]]:
            kinds[node] = kind
    return kinds


def _labels(store: ox.Store, nodes: Mapping[str, str]) -> dict[str, str]:
    """Headline, else the preferred label (smallest, for determinism)."""
    return _labels_of(_rows(store, _LABELS), nodes)


def _labels_of(
    rows: Iterable[tuple[str, ...]], nodes: Mapping[str, str] | set[str]
) -> dict[str, str]:
    headline: dict[str, str] = {}
    label: dict[str, str] = {}
    for node, head, pref in rows:
        if node not in nodes:
            continue
        if head and (node not in headline or head < headline[node]):
            headline[node] = head
        if pref and (node not in label or pref < label[node]):
            label[node] = pref
    return {n: headline.get(n) or label.get(n) or _local(n) for n in nodes}


def _local(iri: str) -> str:
    text = iri.rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def store_projection(
    store: ox.Store, *, articles: bool = True, mentions: bool = False
) -> nx.MultiDiGraph:
    """The projection of :mod:`kg.analytics.projection`, read from a store;
    edges carry no roles or evidence (see :func:`find_paths_in_store`)."""
    kinds = _kinds(store)
    if not articles:
        kinds = {n: k for n, k in kinds.items() if k != "Article"}
    labels = _labels(store, kinds)
    nxg = nx.MultiDiGraph()
    for node in sorted(kinds):
        nxg.add_node(node, label=labels[node], type=kinds[node])
    edges = []
    for relation, sparql in RELATION_QUERIES.items():
        if relation == MENTIONS and not mentions:
            continue
        for source, target in _rows(store, sparql):
            if source in kinds and target in kinds:
                edges.append((source, relation, target))
    for source, relation, target in sorted(set(edges)):
        nxg.add_edge(
            source,
            target,
            key=relation,
            relation=relation,
            roles=(),
            evidence=(),
            sources=(),
        )
    return nxg


def store_stats(
    store: ox.Store,
    *,
    top: int = DEFAULT_TOP,
    sample: int = DEFAULT_SAMPLE,
    method: str = "louvain",
    seed: int = DEFAULT_SEED,
    mentions: bool = False,
) -> Stats:
    """``kg stats`` of a store: counts by :mod:`kg.corpus.counts`, the network
    from :func:`store_projection`."""
    nxg = store_projection(store, mentions=mentions)
    counts = count_store(store)
    return network_stats(
        nxg,
        top=top,
        sample=sample,
        method=method,
        seed=seed,
        mentions=mentions,
        counts=(counts.entities, counts.relations),
    )


# ---------------------------------------------------------------- paths

_POST_TRACES = """
SELECT ?s ?o ?role ?text ?src ?date {
  VALUES (?s ?o) { %s }
  ?m org:member ?s ; org:organization ?o .
  OPTIONAL { ?m org:role/skos:prefLabel ?role }
  OPTIONAL { ?m kgo:attestedOn ?date }
  OPTIONAL { ?m kgo:evidenceText ?text }
  OPTIONAL { ?m prov:wasDerivedFrom ?src }
}"""
_FACT_TRACES = """
SELECT ?s ?p ?o ?text ?src {
  VALUES (?s ?o) { %s }
  ?st rdf:subject ?s ; rdf:object ?o ; rdf:predicate ?p .
  OPTIONAL { ?st kgo:evidenceText ?text }
  OPTIONAL { ?st prov:wasDerivedFrom ?src }
}"""
_PREDICATES = {str(p): key for p, key in FACT_PREDICATES.items()}


_NEIGHBOURS = """
SELECT DISTINCT ?n ?p ?m ?out ?t WHERE {
  VALUES ?n { %s }
  { ?n ?p ?m BIND (true AS ?out) } UNION { ?m ?p ?n BIND (false AS ?out) }
  FILTER (?p IN (%s))
  ?m a ?t .
  FILTER (?t IN (%s))
}"""
_TYPES = "SELECT ?n ?t { VALUES ?n { %s } ?n a ?t }"
_EDGE_PREDICATES = {
    "http://www.w3.org/ns/org#memberOf": POST,
    **{str(p): key for p, key in EDGE_PREDICATES.items()},
}
MAX_BALL = 200_000
"""Nodes the search may read before it gives up widening."""


class _Kinds(dict[str, str]):
    """Node → kind key, asking the store for nodes not seen yet."""

    def __init__(self, store: ox.Store) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, node: str) -> str:
        kinds = (
            [
                _KIND_OF[t]
                for (n, t) in _rows(self.store, _TYPES % f"<{node}>")
                if t in _KIND_OF
            ]
            if node.startswith(("http://", "https://", "urn:"))
            else []
        )
        if not kinds:
            raise KeyError(node)
        kind = min(kinds, key=_ORDER.__getitem__)
        self[node] = kind
        return kind

    def __contains__(self, node: object) -> bool:
        try:
            self[str(node)]
        except KeyError:
            return False
        return True


def find_paths_in_store(
    store: ox.Store,
    first: str,
    second: str,
    *,
    limit: int = DEFAULT_LIMIT,
    mentions: bool = False,
    source: str = "the corpus",
) -> Paths:
    """:func:`kg.analytics.paths.find_paths` on a store: the network is read
    outwards from both ends, a ring at a time (the smaller side first), until
    ``limit`` chains are found within the rings read; every chain of that
    length or shorter lies inside them, so they are the shortest."""
    if limit < 1:
        raise AnalyticsError(f"limit must be 1 or more, not {limit}")
    kinds = _Kinds(store)
    ends = [find_store_entity(store, n, kinds, source=source) for n in (first, second)]
    if ends[0] == ends[1]:
        raise GraphError(
            f"{source}: {first!r} and {second!r} are the same entity "
            f"({ends[0]}); name two different entities"
        )
    search = _Search(store, ends, kinds, mentions=mentions)
    walks: list[list[str]] = []
    while True:
        met = search.meets()
        if met:
            nxg = search.projection()
            network = undirected(nxg, mentions=mentions)
            network.add_nodes_from(ends)
            reach = search.reach()
            walks = [
                w
                for w in _shortest_walks(network, ends[0], ends[1], limit + 1)
                if len(w) - 1 <= reach
            ][:limit]
            if len(walks) >= limit or not search.can_grow():
                break
        elif not search.can_grow() or search.apart():
            nxg = search.projection()
            break
        search.grow()
    _label(store, nxg, {node for walk in walks for node in walk} | set(ends))
    _add_traces(store, nxg, walks)
    return Paths(
        source=_entity(nxg, ends[0]),
        target=_entity(nxg, ends[1]),
        chains=tuple(_chain(nxg, walk, mentions=mentions) for walk in walks),
        mentions=mentions,
    )


class _Search:
    """Rings of the network around both ends (see :func:`find_paths_in_store`)."""

    def __init__(
        self, store: ox.Store, ends: list[str], kinds: _Kinds, *, mentions: bool
    ) -> None:
        self.store, self.ends, self.kinds = store, ends, kinds
        self.balls: list[dict[str, int]] = [{end: 0} for end in ends]
        self.frontiers: list[set[str]] = [{end} for end in ends]
        self.radius = [0, 0]
        self.edges: set[tuple[str, str, str]] = set()
        predicates = [
            p for p, r in _EDGE_PREDICATES.items() if mentions or r != MENTIONS
        ]
        self.predicates = ", ".join(f"<{p}>" for p in predicates)
        self.types = ", ".join(f"<{t}>" for t in _KIND_OF)

    def meets(self) -> bool:
        return bool(self.balls[0].keys() & self.balls[1].keys())

    def reach(self) -> int:
        """Chains up to this long lie wholly inside the rings read."""
        return self.radius[0] + self.radius[1]

    def apart(self) -> bool:
        """One end's whole component is read and the other end is not in
        it: no chain joins them (without this, the search went on reading
        the other end's component, the whole corpus: 10 s at 10k)."""
        return not self.meets() and not all(self.frontiers)

    def can_grow(self) -> bool:
        size = len(self.balls[0]) + len(self.balls[1])
        return any(self.frontiers) and size < MAX_BALL

    def grow(self) -> None:
        """Read one more ring on the side whose edge is smaller."""
        open_sides = [i for i in (0, 1) if self.frontiers[i]]
        side = min(open_sides, key=lambda i: (len(self.frontiers[i]), i))
        frontier = sorted(self.frontiers[side])
        ball, new = self.balls[side], set()
        for start in range(0, len(frontier), 2000):
            values = " ".join(f"<{n}>" for n in frontier[start : start + 2000])
            query = _NEIGHBOURS % (values, self.predicates, self.types)
            for node, predicate, other, out, rdf_type in _rows(self.store, query):
                kind = _KIND_OF[rdf_type]
                known = self.kinds.get(other)
                if known is None or _ORDER[kind] < _ORDER[known]:
                    dict.__setitem__(self.kinds, other, kind)
                relation = _EDGE_PREDICATES[predicate]
                edge = (
                    (node, relation, other)
                    if out == "true"
                    else (other, relation, node)
                )
                self.edges.add(edge)
                if other not in ball:
                    ball[other] = self.radius[side] + 1
                    new.add(other)
        self.frontiers[side] = new
        self.radius[side] += 1

    def projection(self) -> nx.MultiDiGraph:
        nodes = set(self.balls[0]) | set(self.balls[1])
        nxg = nx.MultiDiGraph()
        for node in sorted(nodes):
            nxg.add_node(node, label=_local(node), type=self.kinds[node])
        for source, relation, target in sorted(self.edges):
            nxg.add_edge(
                source, target, key=relation, relation=relation,
                roles=(), evidence=(), sources=(),
            )  # fmt: skip
        return nxg


def _label(store: ox.Store, nxg: nx.MultiDiGraph, nodes: set[str]) -> None:
    """Labels (headline, else preferred label) of the nodes shown."""
    if not nodes:
        return
    values = " ".join(f"<{n}>" for n in sorted(nodes))
    query = (
        f"SELECT ?s ?h ?l {{ VALUES ?s {{ {values} }} "
        "{ ?s schema:headline ?h } UNION { ?s skos:prefLabel ?l } }"
    )
    found = _labels_of(_rows(store, query), nodes)
    for node, label in found.items():
        if node in nxg:
            nxg.nodes[node]["label"] = label


def _add_traces(store: ox.Store, nxg: nx.MultiDiGraph, walks: list[list[str]]) -> None:
    """Roles, evidence and sources of the edges on ``walks``, from the store."""
    pairs = {
        (u, v)
        for walk in walks
        for a, b in pairwise(walk)
        for u, v in ((a, b), (b, a))
        if nxg.has_edge(u, v)
    }
    if not pairs:
        return
    values = " ".join(f"(<{u}> <{v}>)" for u, v in sorted(pairs))
    traces: dict[tuple[str, str, str], _Trace] = defaultdict(_Trace)
    for s, o, role, text, src, date in _rows(store, _POST_TRACES % values):
        trace = traces[(s, POST, o)]
        if role:
            trace.roles.setdefault(role)
        if date:
            trace.dates.add(date)
        _note(trace, text, src)
    for s, p, o, text, src in _rows(store, _FACT_TRACES % values):
        if p in _PREDICATES:
            _note(traces[(s, _PREDICATES[p], o)], text, src)
    for (s, relation, o), trace in traces.items():
        if nxg.has_edge(s, o, key=relation):
            data = nxg.edges[s, o, relation]
            data["roles"] = _ordered_roles(_sorted_roles(trace))
            data["evidence"] = tuple(sorted(trace.evidence))
            data["sources"] = tuple(sorted(trace.sources))
            data["dates"] = span_of(trace.dates)


def _sorted_roles(trace: _Trace) -> _Trace:
    """Roles in name order first, as the rdflib projection meets them."""
    ordered = _Trace(
        dict.fromkeys(sorted(trace.roles)), trace.evidence, trace.sources, trace.dates
    )
    return ordered


def _note(trace: _Trace, text: str, src: str) -> None:
    if text:
        trace.evidence.add(" ".join(text.split()))
    if src:
        trace.sources.add(src)


# ---------------------------------------------------------------- by path


def stats_at(path: Path, *, span: TimeSpan | None = None, **options: Any) -> Stats:
    """``kg stats`` of a corpus or store folder (read in place) or a graph file;
    with a time ``span``, of the part of it that span keeps."""
    if path.is_dir() and (span is None or span.open):
        return store_stats(open_store(path), **options)
    from kg.analytics.stats import graph_stats

    return graph_stats(_graph(path, span), **options)


def paths_at(
    path: Path, first: str, second: str, *, span: TimeSpan | None = None, **options: Any
) -> Paths:
    """``kg path`` in a corpus or store folder (read in place) or a graph file;
    with a time ``span``, in the part of it that span keeps."""
    if path.is_dir() and (span is None or span.open):
        return find_paths_in_store(open_store(path), first, second, **options)
    from kg.analytics.paths import find_paths

    return find_paths(_graph(path, span), first, second, **options)


def _graph(path: Path, span: TimeSpan | None) -> Graph:
    from kg.corpus.open import load_graph
    from kg.sparql.timeslice import load_slice

    return load_slice(path, span) if span is not None else load_graph(path)
