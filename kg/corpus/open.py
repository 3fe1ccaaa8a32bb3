"""Opening what a build wrote: a store folder or a graph file, as one graph."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.corpus.store import load_store_graph
from kg.graph.files import parse_graph_file


def load_graph(path: Path) -> Graph:
    """A corpus folder, a store folder or a graph file as an rdflib graph
    (the whole graph in memory: for small graphs and the commands that need
    rdflib's Graph API)."""
    if path.is_dir():
        return load_store_graph(path)
    return parse_graph_file(path)
