"""Reading and writing graph files: errors name the file, writes are atomic."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import GraphError, OutputError

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


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise OutputError(
            f"{path}: cannot write ({exc.strerror}); choose another output folder"
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(
            f"{path}: cannot write ({exc.strerror}); choose another output folder"
        ) from exc
