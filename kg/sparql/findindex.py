"""The bundled ``find`` query answered from a corpus's label table.

A text inside a name has no index in Oxigraph, so ``find`` reads every label
of the store; a corpus keeps its names in ``index.sqlite`` as well
(:mod:`kg.corpus.labels`), where the same search takes a few hundredths of a
second.  :func:`answer_find` gives the rows the query itself would give —
same terms, same order — or None when it cannot: another query, other
parameters, an index that does not mirror its store, or an order only the
engine knows (:mod:`kg.sparql.ordering`); the caller then asks the store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Literal
from rdflib.term import Node

from kg.corpus import labels
from kg.corpus.generations import INDEX
from kg.corpus.store import XSD_STRING
from kg.sparql.ordering import sort_rows, split_order
from kg.sparql.query import bundled_queries

KIND_NAMES = dict(
    zip(labels.KINDS, ("Person", "Organization", "District", "Initiative"), strict=True)
)
"""Each class ``find`` reports, with the kind it calls it (find.rq's BIND)."""
VARIABLES = ("name", "kind", "iri")


def open_names(store_path: Path) -> sqlite3.Connection | None:
    """The label table of the generation a store folder lies in, read-only;
    None when there is none that mirrors the store."""
    path = store_path.parent / INDEX
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    if labels.mirrored(db):
        return db
    db.close()
    return None


@cache
def _find_text() -> str:
    return bundled_queries()["find"].text


def answer_find(
    db: sqlite3.Connection, sparql: str, bindings: Mapping[str, Node]
) -> tuple[tuple[str, ...], list[tuple[Any, ...]]] | None:
    """The variables and ordered rows of the bundled ``find`` (``sparql`` its
    text, ``bindings`` its one parameter), read from the label table; None
    when this is another query or the table cannot answer it."""
    if sparql != _find_text() or set(bindings) != {"text"}:
        return None
    text = bindings["text"]
    if not isinstance(text, Literal) or text.language is not None:
        return None
    if text.datatype is not None and str(text.datatype) != XSD_STRING:
        return None
    try:
        found = labels.find(db, str(text))
    except sqlite3.Error:
        return None
    rows: list[tuple[Any, ...]] = [
        (_literal(name, lang, datatype), ox.Literal(KIND_NAMES[cls]), ox.NamedNode(iri))
        for name, lang, datatype, cls, iri in found
    ]
    split = split_order(sparql)
    if split is None:
        return None
    ordered = sort_rows(rows, VARIABLES, split[1])
    return None if ordered is None else (VARIABLES, [tuple(r) for r in ordered])


def _literal(text: str, lang: str, datatype: str) -> ox.Literal:
    if lang:
        return ox.Literal(text, language=lang)
    if datatype:
        return ox.Literal(text, datatype=ox.NamedNode(datatype))
    return ox.Literal(text)
