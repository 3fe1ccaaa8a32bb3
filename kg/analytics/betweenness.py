"""Betweenness centrality by igraph: networkx's sampled estimate, in C.

``networkx.betweenness_centrality`` (and a Brandes search on integer
lists, which this module held before) spent most of ``kg stats`` on a
corpus: 100 sampled breadth-first searches over the 175,625 nodes of the
10k corpus took about 40 s in Python.  igraph's subset betweenness
(``sources=``: every shortest path from the sampled sources to every node)
runs the same searches in C, in about 2 s with the graph's copy.
:func:`sampled_betweenness` draws networkx's sample from the same seed and
rescales igraph's counts as networkx does, so the values are networkx's to
the last bit or two (igraph sums in another order; a test checks them to
1e-12, and ``kg stats`` ranks on values rounded to 12 digits).  Only what
``kg stats`` asks is offered: unweighted, undirected, normalised,
endpoints left out.
"""

from __future__ import annotations

import math
import random
from typing import Any

import igraph
import networkx as nx


def sampled_betweenness(
    network: nx.Graph, *, k: int | None = None, seed: int = 0
) -> dict[Any, float]:
    """``nx.betweenness_centrality(network, k=k, normalized=True, seed=seed)``."""
    nodes = list(network)
    if k == len(nodes):
        k = None
    index = {node: i for i, node in enumerate(nodes)}
    graph = igraph.Graph(
        n=len(nodes), edges=[(index[u], index[v]) for u, v in network.edges()]
    )
    sources = (
        None if k is None else [index[v] for v in random.Random(seed).sample(nodes, k)]
    )
    # igraph counts each pair of an undirected graph once, networkx's
    # searches once from each end: twice igraph's count before rescaling
    counts = graph.betweenness(directed=False, sources=sources) if nodes else []
    scale = _scales(len(nodes), k) or (1.0, 1.0)
    chosen = set(sources or ())
    return {
        node: 2 * counts[i] * (scale[0] if i in chosen else scale[1])
        for i, node in enumerate(nodes)
    }


def _scales(n: int, k: int | None) -> tuple[float, float] | None:
    """Factors for sources and other nodes (networkx's ``_rescale``, normalised,
    endpoints left out); ``None``: no rescaling."""
    pairs = n - 1
    if pairs < 2:
        return None
    if k is None:
        scale = 1 / (pairs * (pairs - 1))
        return None if scale == 1 else (scale, scale)
    source = 1 / ((k - 1) * (pairs - 1)) if k > 1 else math.nan
    return source, 1 / (k * (pairs - 1))
