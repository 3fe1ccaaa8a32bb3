"""Reading and writing graph files: errors name the file, writes are atomic."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.atomic import write_atomically
from kg.errors import GraphError

_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".rdf": "xml",
}
_QUAD_FORMATS = ("nquads", "trig")


def parse_graph_file(path: Path) -> Graph:
    """Parse a graph file (format from its extension; Turtle by default).
    Quads in named graphs (.nq, .trig) are merged into one graph.
    """
    if not path.is_file():
        raise GraphError(
            f"{path}: no such graph file; run `kg build` first or pass --graph"
        )
    rdf_format = _FORMATS.get(path.suffix.lower(), "turtle")
    graph = Graph()
    try:
        if rdf_format in _QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(path, format=rdf_format)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
            for prefix, namespace in dataset.namespaces():
                graph.bind(prefix, namespace)
        else:
            graph.parse(path, format=rdf_format)
    except Exception as exc:  # rdflib raises many kinds of parse error
        raise GraphError(
            f"{path}: not a readable RDF graph ({exc}); is it {rdf_format}?"
        ) from exc
    return graph


def write_turtle(graph: Graph, path: Path) -> Path:
    """Serialise ``graph`` as Turtle to ``path`` (replaced only when complete)."""
    data = graph.serialize(format="turtle", encoding="utf-8")
    write_atomically(path, data)
    return path
