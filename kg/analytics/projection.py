"""A contract graph as a networkx multigraph: entities as nodes, facts as edges.

``project`` reads an rdflib graph that follows ``CONTRACT.md`` and returns a
``networkx.MultiDiGraph`` for analytics and export:

- one node per entity (and per article), keyed by its IRI, with the
  attributes ``label`` (the Chinese preferred label) and ``type`` (``Person``,
  ``Organization``, ``District``, ``Initiative`` or ``Article``);
- one edge per fact, keyed by its relation name, with the attributes
  ``relation``, ``roles`` (the titles of a post, in the order the evidence
  gives them), ``evidence`` (the sentences it was read from) and ``sources``
  (the IRIs it was derived from: articles or the gazetteer).

Edges run as the triples do: post person → organisation, locatedIn
organisation → district, partOf district → parent, launchedBy initiative →
actor, author article → person, mentions article → entity.  Nodes and edges
are added in sorted order, so everything computed from the projection is
deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from kg.graph.namespaces import KGO, ORG, PROV
from kg.graph.view import (
    EDGE_PREDICATES,
    POST,
    RELATIONS,
    label_of,
    network_edges,
    node_kinds,
)

MENTIONS = "mentions"
RELATION_KEYS: tuple[str, ...] = tuple(r.key for r in RELATIONS)

EdgeKey = tuple[Node, str, Node]


@dataclass
class _Trace:
    """What one fact was read from: sentences, sources and (for posts) roles."""

    roles: dict[str, None] = field(default_factory=dict)
    evidence: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    """The dates of the articles that state a post (kgo:attestedOn)."""


def project(
    graph: Graph, *, articles: bool = True, mentions: bool = False
) -> nx.MultiDiGraph:
    """The contract graph as a networkx ``MultiDiGraph`` (see the module doc).

    ``articles`` keeps schema:NewsArticle nodes and their author edges;
    ``mentions`` adds the schema:mentions edges (many, so off by default).
    """
    kinds = node_kinds(graph, articles=articles)
    traces = _post_traces(graph)
    _statement_traces(graph, traces)
    nxg = nx.MultiDiGraph()
    for node in sorted(kinds, key=str):
        nxg.add_node(str(node), label=label_of(graph, node), type=kinds[node].key)
    for source, relation, target in network_edges(graph, kinds, mentions=mentions):
        trace = traces.get((source, relation, target), _Trace())
        nxg.add_edge(
            str(source),
            str(target),
            key=relation,
            relation=relation,
            roles=_ordered_roles(trace),
            evidence=tuple(sorted(trace.evidence)),
            sources=tuple(sorted(trace.sources)),
            dates=span_of(trace.dates),
        )
    return nxg


def span_of(dates: set[str]) -> tuple[str, ...]:
    """The first and last date a post is stated on (one date if only one)."""
    if not dates:
        return ()
    first, last = min(dates), max(dates)
    return (first,) if first == last else (first, last)


def _post_traces(graph: Graph) -> dict[EdgeKey, _Trace]:
    """Roles and evidence of each (person, post, organisation), over memberships."""
    traces: dict[EdgeKey, _Trace] = defaultdict(_Trace)
    for membership in sorted(graph.subjects(RDF.type, ORG.Membership), key=str):
        person = graph.value(membership, ORG.member)
        org = graph.value(membership, ORG.organization)
        if person is None or org is None:
            continue
        trace = traces[(person, POST, org)]
        for role in sorted(graph.objects(membership, ORG.role), key=str):
            trace.roles.setdefault(label_of(graph, role))
        trace.dates.update(str(d) for d in graph.objects(membership, KGO.attestedOn))
        _add_evidence(graph, membership, trace)
    return traces


def _statement_traces(graph: Graph, traces: dict[EdgeKey, _Trace]) -> None:
    """Evidence of the other facts, from their rdf:Statement nodes."""
    for statement in graph.subjects(RDF.type, RDF.Statement):
        predicate = graph.value(statement, RDF.predicate)
        relation = (
            EDGE_PREDICATES.get(predicate) if isinstance(predicate, URIRef) else None
        )
        subject = graph.value(statement, RDF.subject)
        obj = graph.value(statement, RDF.object)
        if relation is None or subject is None or obj is None:
            continue
        _add_evidence(graph, statement, traces[(subject, relation, obj)])


def _add_evidence(graph: Graph, node: Node, trace: _Trace) -> None:
    for text in graph.objects(node, KGO.evidenceText):
        trace.evidence.add(" ".join(str(text).split()))
    for source in graph.objects(node, PROV.wasDerivedFrom):
        trace.sources.add(str(source))


def _ordered_roles(trace: _Trace) -> tuple[str, ...]:
    """Roles in the order the evidence names them (党组书记 before 主席)."""
    text = "\n".join(sorted(trace.evidence))

    def position(role: str) -> tuple[int, str]:
        found = text.find(role)
        return (found if found >= 0 else len(text), role)

    return tuple(sorted(trace.roles, key=position))
