"""What every exporter is: a name, a file suffix and a ``render`` method."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from rdflib import Graph

from kg.graph.namespaces import BASE_IRI


@dataclass(frozen=True)
class ExportOptions:
    """Choices that some formats use and the others ignore.

    ``mentions``: network formats (GraphML, GEXF) also draw schema:mentions
    edges.  ``graph_iri``: the named graph of N-Quads (default: ``graph`` under
    the graph's ``kgr:`` base, else under the default base).
    """

    mentions: bool = False
    graph_iri: str | None = None


class Exporter(Protocol):
    """One output format: ``render`` turns a contract graph into file bytes,
    the same bytes for the same graph every time."""

    name: str
    suffix: str
    description: str

    def render(self, graph: Graph, options: ExportOptions) -> bytes: ...


def resource_base(graph: Graph) -> str:
    """The ``kgr:`` namespace the graph binds, else the default base IRI."""
    bound = dict(graph.namespaces()).get("kgr")
    return str(bound) if bound is not None else BASE_IRI
