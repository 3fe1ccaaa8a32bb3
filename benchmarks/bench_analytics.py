"""Time ``kg stats`` on a generated graph shaped like a news knowledge graph.

Run ``python benchmarks/bench_analytics.py`` (defaults: 50,000 nodes,
150,000 edges, betweenness sampled from 100 sources, Louvain, seed 0); a
report, not a test.  ``--rdf`` also times the rdflib → networkx projection
on the same graph written as contract triples.

The generator keeps the locality of real news: districts form a tree of
cities; organisations sit in a district; people hold posts, and initiatives
are launched, mostly (90 %) by organisations of their own city, popular
organisations more often; articles are written by one or two people.
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from collections.abc import Callable
from typing import Any

import networkx as nx
from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef

from kg.analytics.projection import project
from kg.analytics.stats import centrality, communities, undirected
from kg.graph.namespaces import KGO, ORG, SCHEMA

SHARES = {"District": 0.05, "Organization": 0.25, "Person": 0.45, "Initiative": 0.2}
PROVINCES = 10
CITIES = 100
LOCAL = 0.9
POST_SHARE = 0.75
KGR = Namespace("https://w3id.org/kgzh/resource/")


def generate(nodes: int, edges: int, seed: int) -> nx.MultiDiGraph:
    """A projection-shaped multigraph with ``nodes`` nodes and about ``edges``
    edges (relations post, locatedIn, partOf, launchedBy, author)."""
    rng = random.Random(seed)
    nxg = nx.MultiDiGraph()
    kinds = {
        kind: _add_nodes(nxg, kind, int(nodes * share), rng)
        for kind, share in SHARES.items()
    }
    kinds["Article"] = _add_nodes(nxg, "Article", nodes - len(nxg), rng)
    city = _districts(nxg, kinds["District"])
    for org in kinds["Organization"]:
        district = rng.choice(kinds["District"][PROVINCES:])
        city[org] = city[district]
        _edge(nxg, org, district, "locatedIn")
    for article in kinds["Article"]:
        for person in rng.sample(kinds["Person"], rng.choice((1, 2))):
            _edge(nxg, article, person, "author")
    _posts_and_launches(nxg, kinds, city, edges, rng)
    return nxg


def _add_nodes(
    nxg: nx.MultiDiGraph, kind: str, count: int, rng: random.Random
) -> list[str]:
    names = [str(KGR[f"{kind.lower()}/{i}"]) for i in range(count)]
    for name in names:
        nxg.add_node(name, label=f"{kind[:3]}{rng.randrange(10**6)}", type=kind)
    return names


def _districts(nxg: nx.MultiDiGraph, districts: list[str]) -> dict[str, int]:
    """Provinces, then cities (partOf a province), then counties (partOf a
    city); returns the city of each city and county."""
    city: dict[str, int] = {}
    for i, district in enumerate(districts[PROVINCES:]):
        if i < CITIES:
            _edge(nxg, district, districts[i % PROVINCES], "partOf")
        else:
            _edge(nxg, district, districts[PROVINCES + i % CITIES], "partOf")
        city[district] = i % CITIES
    return city


def _posts_and_launches(
    nxg: nx.MultiDiGraph,
    kinds: dict[str, list[str]],
    city: dict[str, int],
    edges: int,
    rng: random.Random,
) -> None:
    """Posts and launches up to ``edges``: mostly within the source's city,
    else anywhere with popular organisations (low index) more likely."""
    orgs = kinds["Organization"]
    by_city: dict[int, list[str]] = {}
    for org in orgs:
        by_city.setdefault(city[org], []).append(org)
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(orgs))))
    count = nxg.number_of_edges()
    while count < edges:
        relation = "post" if rng.random() < POST_SHARE else "launchedBy"
        source = rng.choice(kinds["Person" if relation == "post" else "Initiative"])
        home = city.setdefault(source, rng.randrange(CITIES))
        if rng.random() < LOCAL and by_city.get(home):
            target = rng.choice(by_city[home])
        else:
            target = rng.choices(orgs, cum_weights=weights)[0]
        if not nxg.has_edge(source, target, key=relation):
            _edge(nxg, source, target, relation)
            count += 1


def _edge(nxg: nx.MultiDiGraph, source: str, target: str, relation: str) -> None:
    attributes = {"relation": relation, "roles": (), "evidence": (), "sources": ()}
    nxg.add_edge(source, target, key=relation, **attributes)


PREDICATES = {
    "locatedIn": KGO.locatedIn,
    "partOf": SCHEMA.containedInPlace,
    "launchedBy": KGO.launchedBy,
    "author": SCHEMA.author,
    "post": ORG.memberOf,
}
TYPES = {
    "District": SCHEMA.AdministrativeArea,
    "Organization": ORG.Organization,
    "Person": SCHEMA.Person,
    "Initiative": KGO.Initiative,
    "Article": SCHEMA.NewsArticle,
}


def to_rdf(nxg: nx.MultiDiGraph) -> Graph:
    """The generated network as contract triples (types, labels, relations)."""
    graph = Graph()
    for node, data in nxg.nodes(data=True):
        graph.add((URIRef(node), RDF.type, TYPES[data["type"]]))
        graph.add((URIRef(node), SKOS.prefLabel, Literal(data["label"], lang="zh")))
    for source, target, relation in nxg.edges(data="relation"):
        graph.add((URIRef(source), PREDICATES[relation], URIRef(target)))
    return graph


def timed(what: str, call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - start
    print(f"{what:<44} {seconds:8.2f} s")
    return result, seconds


def main() -> None:
    args = _arguments()
    nxg = generate(args.nodes, args.edges, args.seed)
    print(f"generated: {len(nxg)} nodes, {nxg.number_of_edges()} edges")
    if args.rdf:
        graph, _ = timed(
            "contract triples (rdflib; not kg's cost)", lambda: to_rdf(nxg)
        )
        print(f"triples: {len(graph)}")
        timed("project (rdflib → networkx)", lambda: project(graph))
    network, total = timed("undirected network", lambda: undirected(nxg))
    how = f"sampled k={args.sample}" if 0 < args.sample < len(network) else "exact"
    _, spent = timed(
        f"degree + betweenness ({how}, seed {args.seed})",
        lambda: centrality(network, sample=args.sample, seed=args.seed),
    )
    total += spent
    found, spent = timed(
        f"communities ({args.method}, seed {args.seed})",
        lambda: communities(network, method=args.method, seed=args.seed),
    )
    total += spent
    _, spent = timed(
        "connected components", lambda: list(nx.connected_components(network))
    )
    total += spent
    print(f"communities found: {len(found)}")
    print(f"{'stats in all':<44} {total:8.2f} s")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=50_000)
    parser.add_argument("--edges", type=int, default=150_000)
    parser.add_argument("--sample", type=int, default=100, help="0: exact")
    parser.add_argument(
        "--method", default="louvain", help="louvain, label-propagation or none"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rdf", action="store_true", help="also time the projection")
    return parser.parse_args()


if __name__ == "__main__":
    main()
