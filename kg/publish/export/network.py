"""The flat network that GraphML and GEXF write: plain string attributes only.

Nodes are keyed by IRI with ``label`` and ``type``; edges carry ``relation``
and ``roles`` (the titles of a post joined by "、", else empty).  Edge keys are
``e0``, ``e1`` … in the projection's sorted order, so ids are stable.
"""

from __future__ import annotations

import networkx as nx
from rdflib import Graph

from kg.analytics.projection import project
from kg.publish.export.base import ExportOptions

ROLE_SEPARATOR = "、"


def flat_network(graph: Graph, options: ExportOptions) -> nx.MultiDiGraph:
    """The projection of ``graph`` with only the attributes tools can read."""
    nxg = project(graph, mentions=options.mentions)
    flat = nx.MultiDiGraph()
    for node, data in nxg.nodes(data=True):
        flat.add_node(node, label=str(data["label"]), type=str(data["type"]))
    for number, (source, target, data) in enumerate(nxg.edges(data=True)):
        flat.add_edge(
            source,
            target,
            key=f"e{number}",
            relation=str(data["relation"]),
            roles=ROLE_SEPARATOR.join(data["roles"]),
        )
    return flat
