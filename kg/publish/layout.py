"""Where each node of the page goes: communities laid out apart.

Computed once in Python when the page is written, so the browser only
draws (a 20,000-node page opens in about a second) and the same graph always
gets the same picture:

1. nodes with no edge are set aside, in a grid below everything else;
2. the rest is split into communities with Louvain (networkx, fixed seed;
   label propagation above ``LOUVAIN_MAX`` nodes, as Louvain is slow there);
   a community larger than ``BLOCK`` is split again the same way, so that
   no force layout runs on more than ``BLOCK`` nodes;
3. each community is laid out by Fruchterman–Reingold (numpy, fixed seed,
   ``O(m²)`` per step on its ``m ≤ BLOCK`` nodes);
4. the communities are packed in rows, biggest first, with a gap between
   them, so each stands apart as its own cluster.

Positions are in page units (about ``SPACING`` between neighbours) and
rounded, so the page's bytes do not depend on the last bits of a float.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

BLOCK = 300
SMALL = 16
"""A community this small is drawn as a ring around its best-linked node."""
SPACING = 10.0
GAP = 2 * SPACING
ITERATIONS = 50
LOUVAIN_MAX = 8000
"""Above this many linked nodes, label propagation finds the communities
(Louvain in networkx is pure Python: about 4 s at 20,000 nodes here)."""
SEED = 7


@dataclass(frozen=True)
class Layout:
    """Position and community of each node; community -1: no edges."""

    x: tuple[float, ...]
    y: tuple[float, ...]
    community: tuple[int, ...]


def community_layout(
    count: int, edges: Iterable[tuple[int, int]], *, seed: int = SEED
) -> Layout:
    """Lay out nodes ``0 … count-1`` joined by ``edges`` (see module doc)."""
    graph = nx.Graph()
    graph.add_nodes_from(range(count))
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    isolated = sorted(n for n in graph if graph.degree(n) == 0)
    linked = graph.subgraph(n for n in graph if graph.degree(n) > 0)
    communities = _communities(linked, seed)
    blocks = [_block(linked.subgraph(c), seed) for c in communities]
    x, y = [0.0] * count, [0.0] * count
    community = [-1] * count
    bottom = _pack(blocks, x, y)
    for number, members in enumerate(communities):
        for node in members:
            community[node] = number
    _grid(isolated, x, y, top=bottom + GAP)
    return Layout(
        tuple(round(v, 1) for v in x), tuple(round(v, 1) for v in y), tuple(community)
    )


def _communities(graph: nx.Graph, seed: int) -> list[list[int]]:
    """Louvain communities, big ones split again; biggest first."""
    if graph.number_of_nodes() == 0:
        return []
    if graph.number_of_nodes() > LOUVAIN_MAX:
        found = list(nx.community.fast_label_propagation_communities(graph, seed=seed))
    else:
        found = nx.community.louvain_communities(graph, seed=seed)
    result: list[list[int]] = []
    for part in found:
        result.extend(_split(graph.subgraph(part), seed))
    return sorted((sorted(c) for c in result), key=lambda c: (-len(c), c[0]))


def _split(graph: nx.Graph, seed: int, resolution: float = 1.0) -> list[list[int]]:
    nodes = sorted(graph)
    if len(nodes) <= BLOCK:
        return [nodes]
    parts = nx.community.louvain_communities(
        graph, seed=seed, resolution=resolution * 2
    )
    if len(parts) == 1:  # Louvain will not split it: cut in BFS order
        order = list(nx.bfs_tree(graph, nodes[0])) if graph else nodes
        order += [n for n in nodes if n not in set(order)]
        return [order[i : i + BLOCK] for i in range(0, len(order), BLOCK)]
    result = []
    for part in parts:
        result.extend(_split(graph.subgraph(part), seed, resolution * 2))
    return result


@dataclass
class _Block:
    """One community laid out around (0, 0): its nodes and their offsets."""

    nodes: list[int]
    x: np.ndarray
    y: np.ndarray
    width: float
    height: float


def _block(graph: nx.Graph, seed: int) -> _Block:
    nodes = sorted(graph)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array(
        sorted((index[a], index[b]) for a, b in graph.edges()), dtype=np.int64
    ).reshape(-1, 2)
    if len(nodes) <= SMALL:
        x, y = _ring(len(nodes), pairs)
    else:
        x, y = _force(len(nodes), pairs, seed)
    x, y = x - x.min(), y - y.min()
    return _Block(nodes, x, y, float(x.max()), float(y.max()))


def _ring(m: int, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The best-linked node in the middle, the others round it."""
    degree = np.bincount(pairs.ravel(), minlength=m) if len(pairs) else np.zeros(m)
    hub = int(np.argmax(degree))
    x, y = np.zeros(m), np.zeros(m)
    others = [i for i in range(m) if i != hub]
    radius = SPACING * max(1.0, len(others) / 6)
    for k, i in enumerate(others):
        angle = 2 * math.pi * k / len(others)
        x[i], y[i] = radius * math.cos(angle), radius * math.sin(angle)
    return x, y


def _force(m: int, pairs: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Fruchterman–Reingold on ``m`` nodes, neighbours about SPACING apart.

    Nodes start on a sunflower spiral in breadth-first order from the
    best-linked one, so neighbours start close and few steps are needed.
    """
    x, y = _spiral(m, pairs)
    a, b = pairs[:, 0], pairs[:, 1]
    k2 = SPACING * SPACING
    heat = SPACING * math.sqrt(m) / 4
    cooling = heat / (ITERATIONS + 1)
    for _ in range(ITERATIONS):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        force = k2 / np.maximum(dx * dx + dy * dy, 0.01)
        mx = (force * dx).sum(axis=1)
        my = (force * dy).sum(axis=1)
        ex, ey = x[a] - x[b], y[a] - y[b]
        pull = np.sqrt(ex * ex + ey * ey) / SPACING
        np.subtract.at(mx, a, ex * pull)
        np.subtract.at(my, a, ey * pull)
        np.add.at(mx, b, ex * pull)
        np.add.at(my, b, ey * pull)
        size = np.maximum(np.sqrt(mx * mx + my * my), 1e-9)
        step = np.minimum(size, heat) / size
        x += mx * step
        y += my * step
        heat -= cooling
    return x, y


def _spiral(m: int, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    neighbours: list[list[int]] = [[] for _ in range(m)]
    for a, b in pairs.tolist():
        neighbours[a].append(b)
        neighbours[b].append(a)
    ranked = sorted(range(m), key=lambda i: (-len(neighbours[i]), i))
    order, seen = [], [False] * m
    for root in ranked:
        if seen[root]:
            continue
        seen[root] = True
        queue = [root]
        while queue:
            node = queue.pop(0)
            order.append(node)
            for other in sorted(neighbours[node]):
                if not seen[other]:
                    seen[other] = True
                    queue.append(other)
    x, y = np.zeros(m), np.zeros(m)
    for i, node in enumerate(order):
        angle, radius = i * 2.399963229728653, SPACING * 0.6 * math.sqrt(i)
        x[node], y[node] = radius * math.cos(angle), radius * math.sin(angle)
    return x, y


def _pack(blocks: Sequence[_Block], x: list[float], y: list[float]) -> float:
    """Place blocks in rows, biggest first; return the bottom edge."""
    if not blocks:
        return -GAP
    area = sum((b.width + GAP) * (b.height + GAP) for b in blocks)
    row_width = max(max(b.width for b in blocks), math.sqrt(area) * 1.3)
    left = top = row_height = 0.0
    for block in blocks:
        if left > 0 and left + block.width > row_width:
            top += row_height + GAP
            left = row_height = 0.0
        for i, node in enumerate(block.nodes):
            x[node] = left + float(block.x[i])
            y[node] = top + float(block.y[i])
        left += block.width + GAP
        row_height = max(row_height, block.height)
    return top + row_height


def _grid(nodes: Sequence[int], x: list[float], y: list[float], *, top: float) -> None:
    """Nodes with no edge in a square grid starting at ``top``."""
    columns = max(1, math.ceil(math.sqrt(len(nodes)) * 2))
    for i, node in enumerate(nodes):
        x[node] = (i % columns) * SPACING * 1.5
        y[node] = top + (i // columns) * SPACING * 1.5
