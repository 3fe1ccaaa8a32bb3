"""The exports of a generation, written from its store by Oxigraph's serialisers.

``graph.ttl`` is the default graph (the union of the article graphs),
``graph.trig`` the named graphs: each article's graph (and the identity
notes' graph) in its own.  The store's default graph is their union, so
it is not written to the TriG a second time (a third of the store's quads,
40 % of the file and of its writing time at 10k articles); a tool that
merges a TriG file's graphs, as ``kg`` does, gets graph.ttl.  Oxigraph
writes the quads of each graph in its index order, which depends only on
the content, and the graphs go in the order of their IRIs, so the same
corpus always gives the same bytes.  ``undecided.txt`` lists every district
the text did not decide, ``inputs.txt`` (when there are any) every input
this build skipped or read with a note, ``build.json`` what the corpus
holds.

Oxigraph's serialiser holds the GIL, so when the page is drawn too, the two
dumps run in a process of their own (reading the flushed store read-only)
while this one draws the page: the two take about as long on a big corpus.
A build with ``exports=False`` writes neither (``kg build --no-exports``).
"""

from __future__ import annotations

import ctypes
import json
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.corpus.store import DEFAULT_PREFIXES, turtle_prefixes
from kg.errors import OutputError

DEFAULT = ox.DefaultGraph()
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
GRAPH_FILES = ("graph.ttl", "graph.trig")


def write_exports(
    store: ox.Store,
    folder: Path,
    *,
    base_iri: str,
    undecided: list[tuple[str, int]],
    summary: Mapping[str, Any],
    page: Callable[[ox.Store, Path], Path] | None = None,
    store_path: Path | None = None,
    graphs: bool = True,
    inputs: Sequence[str] = (),
) -> tuple[Path, ...]:
    """Every export of a generation in ``folder``; the paths written.

    ``store_path``, the folder of ``store`` (flushed), lets the graph files
    be written by another process while this one draws the page;
    ``graphs=False`` writes neither graph file; ``inputs`` are the lines of
    inputs.txt (none: no file).
    """
    prefixes = turtle_prefixes({**DEFAULT_PREFIXES, "kgr": base_iri})
    outputs = [folder / name for name in GRAPH_FILES] if graphs else []
    dumper = None
    if graphs and page is not None and store_path is not None:
        dumper = multiprocessing.get_context("spawn").Process(
            target=_dump_beside,
            args=(os.getpid(), str(store_path), str(folder), prefixes),
        )
        dumper.start()
    elif graphs:
        dump_graphs(store, folder, prefixes)
    try:
        if page is not None:
            outputs.append(page(store, folder / "graph.html"))
            report = folder / "report.html"  # drawn beside the page
            outputs.extend([report] if report.exists() else [])
    finally:
        if dumper is not None:
            dumper.join()
    if dumper is not None and dumper.exitcode != 0:
        raise OutputError(
            f"{folder}: writing graph.ttl and graph.trig failed (exit code "
            f"{dumper.exitcode}); check free disk space and build again"
        )
    listing = folder / "undecided.txt"
    listing.write_text("".join(f"{n}\t{name}\n" for name, n in undecided), "utf-8")
    outputs.append(listing)
    if inputs:
        noted = folder / "inputs.txt"
        noted.write_text("".join(f"{line}\n" for line in inputs), "utf-8")
        outputs.append(noted)
    manifest = folder / "build.json"
    text = json.dumps(dict(summary), ensure_ascii=False, indent=1, sort_keys=True)
    manifest.write_text(text + "\n", "utf-8")
    outputs.append(manifest)
    return tuple(outputs)


def _dump_beside(
    build: int, store_path: str, folder: str, prefixes: dict[str, str]
) -> None:
    """:func:`dump_graphs` in the dump process, which ends with the build."""
    end_with_parent(build)
    dump_graphs(store_path, folder, prefixes)


def end_with_parent(parent: int) -> None:
    """Have the system end this process when ``parent``, which started it,
    ends: a build killed while it writes its exports leaves no dump running
    (one ran on for half an hour, on a generation the next build discards).
    Linux only (``prctl``); elsewhere nothing changes."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the call
        os._exit(1)


def dump_graphs(
    store: ox.Store | str, folder: Path | str, prefixes: dict[str, str]
) -> None:
    """graph.ttl and graph.trig of ``store`` (or of the store folder, opened
    read-only) in ``folder``."""
    if isinstance(store, str):
        store = ox.Store.read_only(store)
    folder = Path(folder)
    turtle, trig = (folder / name for name in GRAPH_FILES)
    store.dump(turtle, ox.RdfFormat.TURTLE, from_graph=DEFAULT, prefixes=prefixes)
    ox.serialize(named_quads(store), trig, ox.RdfFormat.TRIG, prefixes=prefixes)


def named_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """The quads of every named graph of ``store``, graph by graph in the
    order of their IRIs."""
    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        yield from store.quads_for_pattern(None, None, None, graph)
