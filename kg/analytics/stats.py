"""What a graph holds and how it hangs together: counts, centrality,
communities and connected components.

Everything runs on the projection of ``kg/projection.py``, seen as an
undirected simple graph (``network``): entities and articles as nodes, one
edge per linked pair weighted by the number of relations between them.
Mentions are left out unless asked for, as every article would otherwise be
a hub.  Results are deterministic: nodes are added in IRI order and the
random parts (sampled betweenness, Louvain) take a fixed seed.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph

from kg.analytics.betweenness import sampled_betweenness
from kg.analytics.projection import MENTIONS, RELATION_KEYS, project
from kg.errors import KGError
from kg.graph.view import BEYOND_CONTRACT, KINDS

log = logging.getLogger(__name__)

ARTICLE = "Article"
TYPE_KEYS: tuple[str, ...] = (
    *(k.key for k in KINDS if k.key != ARTICLE),
    ARTICLE,
)
CENTRAL_TYPES: tuple[str, ...] = ("Person", "Organization")
DEFAULT_TOP = 10
DEFAULT_SAMPLE = 100
DEFAULT_SEED = 0
MEMBERS_SHOWN = 5

Communities = list[set[str]]


@dataclass(frozen=True)
class Central:
    """One node's centrality: distinct neighbours and normalised betweenness."""

    iri: str
    label: str
    type: str
    degree: int
    betweenness: float


@dataclass(frozen=True)
class Community:
    """One community: its size, node types and best-linked members."""

    size: int
    types: dict[str, int]
    members: tuple[str, ...]
    """Labels of the members with most neighbours, at most ``MEMBERS_SHOWN``."""


@dataclass(frozen=True)
class Stats:
    """Everything ``kg stats`` reports about one graph."""

    types: dict[str, int]
    relations: dict[str, int]
    nodes: int
    edges: int
    mentions: bool
    central: dict[str, tuple[Central, ...]]
    betweenness_sample: int | None
    """Sources sampled for betweenness; ``None`` when it was computed exactly."""
    method: str
    seed: int
    community_count: int
    single_communities: int
    """Communities of one node (every isolated node is one)."""
    modularity: float | None
    communities: tuple[Community, ...]
    component_count: int
    component_sizes: tuple[int, ...]
    """Sizes of the largest components, largest first (at most ``top``)."""
    single_nodes: int


class AnalyticsError(KGError):
    """An analysis cannot run as asked (unknown method, bad parameter)."""


def louvain(network: nx.Graph, seed: int) -> Communities:
    """Louvain communities (networkx), edges weighted by relation count."""
    found = nx.community.louvain_communities(network, weight="weight", seed=seed)
    return [set(c) for c in found]


def label_propagation(network: nx.Graph, seed: int) -> Communities:
    """Asynchronous label propagation: much faster than Louvain, coarser."""
    found = nx.community.asyn_lpa_communities(network, weight="weight", seed=seed)
    return [set(c) for c in found]


METHODS: dict[str, Callable[[nx.Graph, int], Communities]] = {
    "louvain": louvain,
    "label-propagation": label_propagation,
}
NO_COMMUNITIES = "none"


def graph_stats(
    graph: Graph,
    *,
    top: int = DEFAULT_TOP,
    sample: int = DEFAULT_SAMPLE,
    method: str = "louvain",
    seed: int = DEFAULT_SEED,
    mentions: bool = False,
) -> Stats:
    """Counts, centrality, communities and components of a contract graph.

    Betweenness is exact on graphs of at most ``sample`` nodes (or when
    ``sample`` is 0) and estimated from ``sample`` random sources above that.
    ``method`` is a key of ``METHODS`` or ``"none"`` to skip communities.
    """
    return network_stats(
        project(graph, mentions=True),
        top=top,
        sample=sample,
        method=method,
        seed=seed,
        mentions=mentions,
    )


def network_stats(
    nxg: nx.MultiDiGraph,
    *,
    top: int = DEFAULT_TOP,
    sample: int = DEFAULT_SAMPLE,
    method: str = "louvain",
    seed: int = DEFAULT_SEED,
    mentions: bool = False,
    counts: tuple[dict[str, int], dict[str, int]] | None = None,
) -> Stats:
    """``graph_stats`` on a projection already made (``projection.project``);
    ``counts`` (entities by type, relations by kind) when they were counted
    elsewhere (a store: :mod:`kg.corpus.counts`)."""
    _check(top=top, sample=sample, method=method)
    network = undirected(nxg, mentions=mentions)
    degree, betweenness, sampled = centrality(network, sample=sample, seed=seed)
    found = communities(network, method=method, seed=seed)
    components = sorted(
        (len(c) for c in nx.connected_components(network)), reverse=True
    )
    return Stats(
        types=_type_counts(nxg) if counts is None else _keyed(counts[0], TYPE_KEYS),
        relations=_present(
            _relation_counts(nxg)
            if counts is None
            else _keyed(counts[1], RELATION_KEYS)
        ),
        nodes=network.number_of_nodes(),
        edges=network.number_of_edges(),
        mentions=mentions,
        central=_most_central(nxg, degree, betweenness, top),
        betweenness_sample=sampled,
        method=method,
        seed=seed,
        community_count=len(found),
        single_communities=sum(1 for c in found if len(c) == 1),
        modularity=_modularity(network, found),
        communities=_largest_communities(nxg, found, degree, top),
        component_count=len(components),
        component_sizes=tuple(components[:top]),
        single_nodes=sum(1 for _ in nx.isolates(network)),
    )


def _check(*, top: int, sample: int, method: str) -> None:
    if method != NO_COMMUNITIES and method not in METHODS:
        choices = ", ".join([*METHODS, NO_COMMUNITIES])
        raise AnalyticsError(
            f"unknown community method {method!r}; choose one of {choices}"
        )
    if top < 1:
        raise AnalyticsError(f"top must be 1 or more, not {top}")
    if sample < 0:
        raise AnalyticsError(
            f"sample must be 0 (exact betweenness) or more, not {sample}"
        )


def undirected(nxg: nx.MultiDiGraph, *, mentions: bool = False) -> nx.Graph:
    """Entities (and linked articles) with one weighted edge per linked pair.

    Articles join only through their edges (author, and mentions when asked
    for), so an article with no kept edge does not count as a component.
    """
    network = nx.Graph()
    network.add_nodes_from(
        node for node, kind in nxg.nodes(data="type") if kind != ARTICLE
    )
    for source, target, relation in nxg.edges(data="relation"):
        if source == target or (relation == MENTIONS and not mentions):
            continue
        if network.has_edge(source, target):
            network.edges[source, target]["weight"] += 1
        else:
            network.add_edge(source, target, weight=1)
    return network


def centrality(
    network: nx.Graph, *, sample: int = DEFAULT_SAMPLE, seed: int = DEFAULT_SEED
) -> tuple[dict[str, int], dict[str, float], int | None]:
    """Degree, normalised betweenness and the sample size (``None``: exact)."""
    degree = {node: int(d) for node, d in network.degree()}
    sampled = sample if 0 < sample < network.number_of_nodes() else None
    log.info(
        "betweenness on %d nodes (%s)",
        network.number_of_nodes(),
        f"{sampled} sampled sources" if sampled else "exact",
    )
    found = sampled_betweenness(network, k=sampled, seed=seed)
    return degree, found, sampled


def communities(network: nx.Graph, *, method: str, seed: int) -> Communities:
    """Communities by ``method`` (a key of ``METHODS``; ``"none"``: no search)."""
    if method == NO_COMMUNITIES or network.number_of_nodes() == 0:
        return []
    log.info("communities by %s on %d nodes", method, network.number_of_nodes())
    found = METHODS[method](network, seed)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def _keyed(counts: dict[str, int], keys: tuple[str, ...]) -> dict[str, int]:
    return {key: counts.get(key, 0) for key in keys}


def _present(counts: dict[str, int]) -> dict[str, int]:
    """Every kind of the contract, and the others the graph holds."""
    return {k: n for k, n in counts.items() if n or k not in BEYOND_CONTRACT}


def _type_counts(nxg: nx.MultiDiGraph) -> dict[str, int]:
    counts = Counter(kind for _, kind in nxg.nodes(data="type"))
    return {key: counts[key] for key in TYPE_KEYS}


def _relation_counts(nxg: nx.MultiDiGraph) -> dict[str, int]:
    counts = Counter(relation for *_, relation in nxg.edges(data="relation"))
    return {key: counts[key] for key in RELATION_KEYS}


def _most_central(
    nxg: nx.MultiDiGraph,
    degree: dict[str, int],
    betweenness: dict[str, float],
    top: int,
) -> dict[str, tuple[Central, ...]]:
    ranked = sorted(
        degree,
        key=lambda n: (-round(betweenness[n], 12), -degree[n], _label(nxg, n), n),
    )
    central: dict[str, tuple[Central, ...]] = {}
    for kind in CENTRAL_TYPES:
        nodes = [n for n in ranked if nxg.nodes[n]["type"] == kind][:top]
        central[kind] = tuple(
            Central(n, _label(nxg, n), kind, degree[n], betweenness[n]) for n in nodes
        )
    return central


def _modularity(network: nx.Graph, found: Communities) -> float | None:
    if not found or network.number_of_edges() == 0:
        return None
    return float(nx.community.modularity(network, found, weight="weight"))


def _largest_communities(
    nxg: nx.MultiDiGraph, found: Communities, degree: dict[str, int], top: int
) -> tuple[Community, ...]:
    return tuple(
        _community(nxg, members, degree) for members in found[:top] if len(members) > 1
    )


def _community(
    nxg: nx.MultiDiGraph, members: Iterable[str], degree: dict[str, int]
) -> Community:
    nodes = sorted(members, key=lambda n: (-degree[n], _label(nxg, n), n))
    kinds = Counter(nxg.nodes[n]["type"] for n in nodes)
    return Community(
        size=len(nodes),
        types={key: kinds[key] for key in TYPE_KEYS},
        members=tuple(_label(nxg, n) for n in nodes[:MEMBERS_SHOWN]),
    )


def _label(nxg: nx.MultiDiGraph, node: str) -> str:
    return str(nxg.nodes[node].get("label", node))
