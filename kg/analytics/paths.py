"""The shortest chains of relations that link two entities, with evidence.

``find_paths`` names the two ends by label, alias or IRI (as ``kg view``
does), walks the projection of ``kg/projection.py`` without regard to edge
direction, and returns up to ``limit`` simple paths, shortest first.  Each
hop carries every relation between its two nodes, in the direction of the
triple, with the roles of a post and the sentences it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx
from rdflib import Graph

from kg.analytics.projection import MENTIONS, project
from kg.analytics.stats import AnalyticsError, undirected
from kg.errors import GraphError
from kg.graph.view import find_entity, node_kinds

DEFAULT_LIMIT = 3


@dataclass(frozen=True)
class Entity:
    """A node on a path: IRI, label and type key."""

    iri: str
    label: str
    type: str


@dataclass(frozen=True)
class Link:
    """One relation between the two nodes of a hop.

    ``forward`` is true when the triple runs from the hop's first node to its
    second (钱卫东 post 江阴市总工会), false when it runs the other way.
    """

    relation: str
    forward: bool
    roles: tuple[str, ...]
    evidence: tuple[str, ...]
    sources: tuple[str, ...]
    dates: tuple[str, ...] = ()
    """A post's first and last date in the articles (one if they agree)."""


@dataclass(frozen=True)
class Hop:
    """Two neighbouring nodes of a path and every relation between them."""

    source: Entity
    target: Entity
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Chain:
    """One path: its nodes, in order from the first entity to the second."""

    nodes: tuple[Entity, ...]
    hops: tuple[Hop, ...]


@dataclass(frozen=True)
class Paths:
    """The two entities asked about and the chains found, shortest first."""

    source: Entity
    target: Entity
    chains: tuple[Chain, ...]
    mentions: bool


def find_paths(
    graph: Graph,
    first: str,
    second: str,
    *,
    limit: int = DEFAULT_LIMIT,
    mentions: bool = False,
    source: str = "the graph",
) -> Paths:
    """Up to ``limit`` shortest chains between the entities named ``first``
    and ``second`` (label, alias or IRI).

    ``mentions`` lets chains run through the articles that mention both
    ends.  Raises ``GraphError`` naming ``source`` when a name matches no
    entity or several (listing them), or when both names are one entity.
    """
    if limit < 1:
        raise AnalyticsError(f"limit must be 1 or more, not {limit}")
    kinds = node_kinds(graph)
    ends = [
        str(find_entity(graph, n, kinds=kinds, source=source)) for n in (first, second)
    ]
    if ends[0] == ends[1]:
        raise GraphError(
            f"{source}: {first!r} and {second!r} are the same entity "
            f"({ends[0]}); name two different entities"
        )
    nxg = project(graph, mentions=mentions)
    network = undirected(nxg, mentions=mentions)
    network.add_nodes_from(ends)  # an article with no kept edge is still an end
    walks = _shortest_walks(network, ends[0], ends[1], limit)
    return Paths(
        source=_entity(nxg, ends[0]),
        target=_entity(nxg, ends[1]),
        chains=tuple(_chain(nxg, walk, mentions=mentions) for walk in walks),
        mentions=mentions,
    )


def _shortest_walks(
    network: nx.Graph, start: str, end: str, limit: int
) -> list[list[str]]:
    try:
        return list(islice(nx.shortest_simple_paths(network, start, end), limit))
    except nx.NetworkXNoPath:
        return []


def _chain(nxg: nx.MultiDiGraph, walk: list[str], *, mentions: bool) -> Chain:
    nodes = tuple(_entity(nxg, node) for node in walk)
    hops = tuple(
        Hop(nodes[i], nodes[i + 1], _links(nxg, walk[i], walk[i + 1], mentions))
        for i in range(len(walk) - 1)
    )
    return Chain(nodes, hops)


def _links(
    nxg: nx.MultiDiGraph, first: str, second: str, mentions: bool
) -> tuple[Link, ...]:
    links = [
        Link(
            relation=data["relation"],
            forward=forward,
            roles=tuple(data["roles"]),
            evidence=tuple(data["evidence"]),
            sources=tuple(data["sources"]),
            dates=tuple(data.get("dates", ())),
        )
        for forward, (u, v) in ((True, (first, second)), (False, (second, first)))
        for data in (nxg.get_edge_data(u, v) or {}).values()
        if mentions or data["relation"] != MENTIONS
    ]
    return tuple(sorted(links, key=lambda link: (link.relation, not link.forward)))


def _entity(nxg: nx.MultiDiGraph, node: str) -> Entity:
    data = nxg.nodes[node]
    return Entity(node, str(data["label"]), str(data["type"]))
