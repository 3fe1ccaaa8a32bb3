"""Reading graph files, with errors that name the file."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

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


def load_graph(path: Path) -> Graph:
    """Parse a graph file (format from its extension; Turtle by default), or
    load a store folder.  Quads in named graphs (.nq, .trig) are merged into
    one graph.
    """
    if path.is_dir():  # an embedded store written by `kg build --store`
        from kg.store import load_store_graph

        return load_store_graph(path)
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
