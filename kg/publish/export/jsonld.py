"""JSON-LD: every triple, compacted with the contract's prefixes.

rdflib lists nodes and values in no fixed order; they are sorted (nodes by
``@id``, each property's values by their JSON text) so the output is stable.
"""

from __future__ import annotations

import json
from typing import Any

from rdflib import RDF, Graph

from kg.graph.triples import PREFIXES
from kg.publish.export.base import ExportOptions, resource_base


class JSONLD:
    name = "jsonld"
    suffix = ".jsonld"
    description = "JSON-LD, every triple, compacted with the graph's prefixes"

    def render(self, graph: Graph, options: ExportOptions) -> bytes:
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        context |= {"rdf": str(RDF), "kgr": resource_base(graph)}
        text = graph.serialize(format="json-ld", context=context, auto_compact=True)
        document = _sorted(json.loads(text))
        dumped = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
        return (dumped + "\n").encode("utf-8")


def _sorted(document: Any) -> Any:
    """The document with its nodes and property values in a fixed order."""
    if not isinstance(document, dict):
        return document
    nodes = document.get("@graph")
    if isinstance(nodes, list):
        document["@graph"] = sorted(
            (_sorted_node(node) for node in nodes), key=lambda n: str(n.get("@id"))
        )
    else:
        document = _sorted_node(document)
    return document


def _sorted_node(node: dict[str, Any]) -> dict[str, Any]:
    return {
        key: sorted(value, key=_json) if isinstance(value, list) else value
        for key, value in node.items()
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
