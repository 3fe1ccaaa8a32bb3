"""Entities by name on a graph file or a store: exact matches, near misses,
and the check that a query's ``--param`` names an entity that exists.

Everything goes through ``kg.sparql.query.run_query``, so it works the same
on an rdflib graph and on an Oxigraph store; the matching itself is
``kg.graph.names``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import Graph

from kg.graph.names import Named, did_you_mean, find_named, from_rows, names_query
from kg.sparql.query import QueryError, SparqlBackend, load_query, run_query

ENTITY_PARAMS: dict[str, dict[str, tuple[str, ...]]] = {
    "posts": {"org": ("Organization",), "district": ("District",)},
    "orgs-in-district": {"district": ("District",)},
    "initiatives": {"launcher": ("Organization", "District", "Person")},
    "org-links": {"org": ("Organization",), "other": ("Organization",)},
    "facts": {"entity": ()},
    "mentions": {"entity": ()},
}
"""Parameters of the bundled queries that name an entity, with the kinds
it may be (empty: any kind)."""


class UnknownEntityError(QueryError):
    """A name given for an entity matches none; the message suggests some."""


def entity_names(
    source: Graph | SparqlBackend, kinds: Iterable[str] | None = None
) -> list[Named]:
    """Every entity of ``kinds`` (all when None) with its names, by IRI."""
    return from_rows(run_query(source, names_query(kinds)).rows)


def check_params(
    source: Graph | SparqlBackend, query: str, params: Mapping[str, str]
) -> None:
    """Raise UnknownEntityError when a bundled query's entity parameter
    names no entity of its kind (``--param district=苏州`` → ``no district
    named '苏州'; did you mean 苏州市?``).  Other queries pass unchecked."""
    loaded = load_query(query)
    if loaded.bundled is None:
        return
    wanted = ENTITY_PARAMS.get(loaded.bundled.name, {})
    for name, value in sorted(params.items()):
        if name not in wanted or value.startswith(("http://", "https://", "kgr:")):
            continue
        kinds = wanted[name] or None
        entities = entity_names(source, kinds)
        if not find_named(value, entities):
            kind = kinds[0] if kinds and len(kinds) == 1 else ""
            raise UnknownEntityError(
                f"--param {name}={value}: {did_you_mean(value, entities, kind=kind)}"
            )


def near_misses(
    source: Graph | SparqlBackend, query: str, params: Mapping[str, str]
) -> list[str]:
    """For a query of one's own that returned nothing: one line per
    parameter value that is no entity's name but comes near some (a hint,
    not an error).  Bundled queries are checked before they run instead
    (``check_params``)."""
    if load_query(query).bundled is not None:
        return []
    hints = []
    entities: list[Named] | None = None
    for name, value in sorted(params.items()):
        entities = entity_names(source) if entities is None else entities
        if find_named(value, entities):
            continue
        message = did_you_mean(value, entities)
        if "did you mean" in message:
            hints.append(f"--param {name}={value}: {message}")
    return hints
