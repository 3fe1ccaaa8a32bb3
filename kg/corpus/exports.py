"""The exports of a generation, written from its store by Oxigraph's serialisers.

``graph.ttl`` is the default graph (the union of the article graphs),
``graph.trig`` the whole dataset: the article graphs, each in its named
graph, and the default graph (their union; a tool that merges a TriG file's
graphs, as ``kg`` does, gets the same graph either way); Oxigraph writes
them in its index order, which depends only on the content, so the same
corpus always gives the same bytes.  ``undecided.txt`` lists every district
the text did not decide, ``build.json`` what the corpus holds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.corpus.store import DEFAULT_PREFIXES, turtle_prefixes

DEFAULT = ox.DefaultGraph()


def write_exports(
    store: ox.Store,
    folder: Path,
    *,
    base_iri: str,
    undecided: list[tuple[str, int]],
    summary: Mapping[str, Any],
    page: Callable[[ox.Store, Path], Path] | None = None,
) -> tuple[Path, ...]:
    """Every export of a generation in ``folder``; the paths written."""
    prefixes = turtle_prefixes({**DEFAULT_PREFIXES, "kgr": base_iri})
    turtle, trig = folder / "graph.ttl", folder / "graph.trig"
    store.dump(turtle, ox.RdfFormat.TURTLE, from_graph=DEFAULT, prefixes=prefixes)
    store.dump(trig, ox.RdfFormat.TRIG, prefixes=prefixes)
    outputs = [turtle, trig]
    if page is not None:
        outputs.append(page(store, folder / "graph.html"))
    listing = folder / "undecided.txt"
    listing.write_text("".join(f"{n}\t{name}\n" for name, n in undecided), "utf-8")
    outputs.append(listing)
    manifest = folder / "build.json"
    text = json.dumps(dict(summary), ensure_ascii=False, indent=1, sort_keys=True)
    manifest.write_text(text + "\n", "utf-8")
    outputs.append(manifest)
    return tuple(outputs)
