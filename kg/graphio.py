"""Reading graph files, with errors that name the file."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.errors import GraphError

_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".rdf": "xml",
}


def load_graph(path: Path) -> Graph:
    """Parse a graph file (format from its extension; Turtle by default)."""
    if not path.is_file():
        raise GraphError(
            f"{path}: no such graph file; run `kg build` first or pass --graph"
        )
    graph = Graph()
    try:
        graph.parse(path, format=_FORMATS.get(path.suffix.lower(), "turtle"))
    except Exception as exc:  # rdflib raises many kinds of parse error
        raise GraphError(
            f"{path}: not a readable RDF graph ({exc}); is it Turtle?"
        ) from exc
    return graph
