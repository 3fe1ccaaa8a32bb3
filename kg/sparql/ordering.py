"""A query's final ``ORDER BY ?a ?b …``, done in Python instead of by Oxigraph.

Oxigraph 0.5 compares two stored strings by looking both up in the store,
once per comparison: ordering the 8,405 rows of ``find`` on the 10k corpus
took 0.5–0.8 s of its 1.5 s, while sorting the same rows in Python takes
0.07 s.  :func:`split_order` takes a trailing ``ORDER BY``
of plain variables off a query; :func:`sort_rows` orders the answer's rows
as SPARQL would (unbound first, then IRIs, then literals: IRIs by their
text, and a column's literals when they are all of one kind: strings of one
language (kg's labels are ``@zh``) or all ``xsd:string`` by their text,
``xsd:date`` days by their text, integers by value).  Any other value in a
sorted column (strings of two languages, a date beside a string, a decimal,
a blank node) makes :func:`sort_rows` answer ``None``: the caller then runs
the query again as written, and the engine orders what only it knows how
to (kg's bundled queries never need that on kg's graphs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import XSD

from kg.corpus.store import XSD_STRING

_XSD_DATE, _XSD_INTEGER = str(XSD.date), str(XSD.integer)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_INTEGER = re.compile(r"[+-]?\d+\Z")

_TAIL = re.compile(
    r"\bORDER\s+BY((?:\s+(?:[?$]\w+|ASC\s*\(\s*[?$]\w+\s*\)))+)\s*\Z",
    re.IGNORECASE,
)
_VARIABLE = re.compile(r"[?$](\w+)")
_COMMENTS = re.compile(r"(?:\s*\n[ \t]*#[^\n]*)+\s*\Z")


def split_order(sparql: str) -> tuple[str, tuple[str, ...]] | None:
    """The query without its final ``ORDER BY`` and the variables it sorts
    on, or None when it does not end with one of plain variables (``DESC``,
    an expression, a ``LIMIT`` or ``OFFSET`` after it: the engine orders)."""
    text = _COMMENTS.sub("", sparql).rstrip()
    found = _TAIL.search(text)
    if found is None:
        return None
    return text[: found.start()], tuple(_VARIABLE.findall(found.group(1)))


def sort_rows(
    rows: Sequence[Sequence[Any]], names: Sequence[str], order: Sequence[str]
) -> list[Sequence[Any]] | None:
    """``rows`` (of Oxigraph terms, ``names`` their variables) in SPARQL's
    ascending order on ``order`` (ties keep their order); None when a sorted
    variable is not projected or holds a value this order does not cover."""
    try:
        columns = [names.index(name) for name in order]
    except ValueError:
        return None
    keys: list[tuple[tuple[int, Any], ...]] = []
    flavours: list[set[str]] = [set() for _ in columns]
    for row in rows:
        key = []
        for column, seen in zip(columns, flavours, strict=True):
            term = row[column]
            if term is None:
                key.append((0, ""))
            elif isinstance(term, ox.NamedNode):
                key.append((1, term.value))
            elif isinstance(term, ox.Literal):
                flavour, value = _literal_key(term)
                seen.add(flavour)
                if not flavour or len(seen) > 1:
                    return None
                key.append((2, value))
            else:
                return None
        keys.append(tuple(key))
    ordered = sorted(range(len(rows)), key=keys.__getitem__)  # stable
    return [rows[n] for n in ordered]


def _literal_key(term: ox.Literal) -> tuple[str, Any]:
    """The kind of a literal's order (a column's literals must share one) and
    its key: strings by language (``xsd:string`` as "@"), dates of four-digit
    years without a zone by their text, integers by value; ("", None): a
    literal left to the engine."""
    datatype = term.datatype.value
    if term.language is not None:
        return "@" + term.language, term.value
    if datatype == XSD_STRING:
        return "@", term.value
    if datatype == _XSD_DATE and _DAY.match(term.value):
        return "date", term.value
    if datatype == _XSD_INTEGER and _INTEGER.match(term.value):
        return "integer", int(term.value)
    return "", None
