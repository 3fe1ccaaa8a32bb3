"""What a corpus holds, counted one way for ``kg build``, ``kg stats`` and SPARQL.

An entity of a type is a node asserted to have that type's class; a relation
is a distinct triple of its predicate in the default graph (the union of the
article graphs): ``post`` counts person–organisation pairs (``org:memberOf``),
``locatedIn`` organisation–district pairs, and so on, however many articles
state them.  :data:`COUNT_QUERY` is that definition as one SPARQL query,
which any SPARQL tool can run on ``graph.ttl`` to get the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.graph.namespaces import STANDARD_PREFIXES
from kg.graph.select import select
from kg.graph.view import BEYOND_CONTRACT

ENTITY_CLASSES = {
    "Person": "schema:Person",
    "Organization": "org:Organization",
    "District": "schema:AdministrativeArea",
    "Initiative": "kgo:Initiative",
    "Article": "schema:NewsArticle",
}
RELATION_PREDICATES = {
    "post": "org:memberOf",
    "locatedIn": "kgo:locatedIn",
    "partOf": "schema:containedInPlace",
    "launchedBy": "kgo:launchedBy",
    "author": "schema:author",
    "renamedTo": "kgo:renamedTo",
    "mentions": "schema:mentions",
}


def _count_query() -> str:
    parts = [
        f'{{ ?x a {cls} . BIND ("{name}" AS ?what) }}'
        for name, cls in ENTITY_CLASSES.items()
    ] + [
        f'{{ ?x {predicate} ?y . BIND ("{name}" AS ?what) }}'
        for name, predicate in RELATION_PREDICATES.items()
    ]
    return (
        "SELECT ?what (COUNT(*) AS ?n) WHERE {\n  "
        + "\n  UNION ".join(parts)
        + "\n} GROUP BY ?what"
    )


COUNT_QUERY = _count_query()
"""Entities by type and relations by kind (see the module doc)."""
TRIPLES_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@dataclass(frozen=True)
class Counts:
    entities: dict[str, int] = field(default_factory=dict)
    """By type key (``Article`` included)."""
    relations: dict[str, int] = field(default_factory=dict)
    triples: int = 0


def count_store(store: ox.Store) -> Counts:
    """:data:`COUNT_QUERY` and the number of triples of the default graph."""
    found = {
        row[0].value: int(row[1].value)
        for row in select(store, COUNT_QUERY, prefixes=dict(STANDARD_PREFIXES))
    }
    triples = next(iter(select(store, TRIPLES_QUERY)))[0]
    return Counts(
        entities={name: found.get(name, 0) for name in ENTITY_CLASSES},
        relations={
            name: found.get(name, 0)
            for name in RELATION_PREDICATES
            if found.get(name) or name not in BEYOND_CONTRACT  # counted if held
        },
        triples=int(triples.value),
    )
