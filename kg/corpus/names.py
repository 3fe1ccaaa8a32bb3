"""Finding an entity by name in a store, as :func:`kg.graph.view.find_entity`
finds it in an rdflib graph: an indexed exact match on the Chinese or pinyin
label first, a scan of the labels only when that finds nothing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from kg.errors import GraphError
from kg.graph.names import MAX_SUGGESTIONS
from kg.graph.namespaces import STANDARD_PREFIXES
from kg.graph.select import select
from kg.graph.view import normalise

PREFIXES = dict(STANDARD_PREFIXES)


def _rows(store: ox.Store, sparql: str) -> Iterable[tuple[str, ...]]:
    for row in select(store, sparql, prefixes=PREFIXES):
        yield tuple("" if term is None else term.value for term in row)


_EXACT = """
SELECT DISTINCT ?e { VALUES ?l { %s } ?e skos:prefLabel|skos:altLabel|rdfs:label ?l }"""
_SCAN = """
SELECT DISTINCT ?e ?l {
  ?e skos:prefLabel|skos:altLabel|rdfs:label|schema:headline ?l .
  FILTER (CONTAINS(LCASE(STR(?l)), %s))
}"""


def find_store_entity(
    store: ox.Store, name: str, kinds: Mapping[str, str], *, source: str
) -> str:
    """The one node of ``kinds`` named ``name`` (label, alias, pinyin, IRI),
    compared as :func:`kg.graph.view.find_entity` does."""
    if name in kinds:
        return name
    terms = " ".join(
        str(ox.Literal(name, language=lang)) for lang in ("zh", "zh-latn-pinyin")
    )
    found = sorted({e for (e,) in _rows(store, _EXACT % terms) if e in kinds})
    wanted = normalise(name)
    near: dict[str, set[str]] = defaultdict(set)
    if not found and wanted:
        probe = wanted[:2] if wanted.isascii() else wanted[:1]
        for node, label in _rows(store, _SCAN % str(ox.Literal(probe.lower()))):
            if node in kinds:
                near[node].add(label)
        found = sorted(n for n, ls in near.items() if wanted in map(normalise, ls))
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(f"{node} ({kinds[node]})" for node in found)
        raise GraphError(
            f"{source}: {name!r} names {len(found)} entities: {listed}; "
            "pass one of these IRIs instead"
        )
    close = sorted(
        {
            min(labels)
            for labels in near.values()
            if any(wanted in normalise(x) or normalise(x) in wanted for x in labels)
        },
        key=lambda label: (len(label), label),
    )[:MAX_SUGGESTIONS]
    hint = "give a whole name in Chinese or pinyin, or an entity's IRI"
    tail = f"; did you mean {'、'.join(close)}? ({hint})" if close else f"; {hint}"
    raise GraphError(f"{source}: no entity named {name!r}{tail}")
