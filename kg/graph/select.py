"""SELECT results from an Oxigraph store, typed as solutions.

``pyoxigraph.Store.query`` returns solutions, a boolean or triples by the
query's form; every caller here runs a SELECT, and this says so once.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox


def select(store: ox.Store, query: str, **options: Any) -> ox.QuerySolutions:
    """The solutions of a SELECT query (TypeError for any other form)."""
    result = store.query(query, **options)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError(f"not a SELECT query: {query[:60]!r}")
    return result
