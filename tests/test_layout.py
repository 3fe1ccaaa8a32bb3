"""Where the page puts nodes: communities apart, lone nodes below, seeded."""

from __future__ import annotations

import networkx as nx

from kg.publish.layout import GAP, community_layout


def _two_cliques_and_loners() -> tuple[int, list[tuple[int, int]]]:
    edges = [(a, b) for a in range(6) for b in range(a + 1, 6)]
    edges += [(a, b) for a in range(6, 12) for b in range(a + 1, 12)]
    edges.append((0, 6))  # one bridge
    return 15, edges  # nodes 12, 13, 14 have no edge


def test_same_input_same_layout() -> None:
    count, edges = _two_cliques_and_loners()
    assert community_layout(count, edges) == community_layout(count, list(edges))


def test_communities_are_found_and_drawn_apart() -> None:
    count, edges = _two_cliques_and_loners()
    at = community_layout(count, edges)
    assert len({at.community[i] for i in range(6)}) == 1
    assert len({at.community[i] for i in range(6, 12)}) == 1
    assert at.community[0] != at.community[6]
    boxes = []
    for members in (range(6), range(6, 12)):
        xs, ys = [at.x[i] for i in members], [at.y[i] for i in members]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    (a0, b0, a1, b1), (c0, d0, c1, d1) = boxes
    apart = a1 + GAP <= c0 or c1 + GAP <= a0 or b1 + GAP <= d0 or d1 + GAP <= b0
    assert apart, boxes


def test_lone_nodes_wait_below_everything() -> None:
    count, edges = _two_cliques_and_loners()
    at = community_layout(count, edges)
    assert [at.community[i] for i in (12, 13, 14)] == [-1, -1, -1]
    lowest_linked = max(at.y[i] for i in range(12))
    assert all(at.y[i] > lowest_linked for i in (12, 13, 14))


def test_big_communities_are_split_and_every_node_placed() -> None:
    graph = nx.barabasi_albert_graph(1500, 2, seed=3)
    at = community_layout(1500, list(graph.edges()))
    assert len(at.x) == 1500 and -1 not in at.community
    sizes = {c: at.community.count(c) for c in set(at.community)}
    assert max(sizes.values()) <= 300
    points = set(zip(at.x, at.y, strict=True))
    assert len(points) > 1400  # nodes do not pile up on one spot


def test_empty_and_tiny_graphs() -> None:
    assert community_layout(0, []).x == ()
    assert community_layout(1, []).community == (-1,)
    at = community_layout(2, [(0, 1)])
    assert at.community == (0, 0) and at.x[0] != at.x[1]
