"""Graph analytics over a contract graph: ``kg stats`` and ``kg path``.

``graph_stats`` counts entities and relations and finds the most central
people and organisations, the communities and the connected components;
``find_paths`` finds the shortest chains of relations between two entities,
with the evidence of each hop.  ``report`` presents both as text or JSON.
"""

from kg.analytics.paths import Chain, Entity, Hop, Link, Paths, find_paths
from kg.analytics.report import format_paths, format_stats, paths_to_dict, stats_to_dict
from kg.analytics.stats import (
    METHODS,
    AnalyticsError,
    Central,
    Community,
    Stats,
    graph_stats,
    network_stats,
)

__all__ = [
    "METHODS",
    "AnalyticsError",
    "Central",
    "Chain",
    "Community",
    "Entity",
    "Hop",
    "Link",
    "Paths",
    "Stats",
    "find_paths",
    "format_paths",
    "format_stats",
    "graph_stats",
    "network_stats",
    "paths_to_dict",
    "stats_to_dict",
]
