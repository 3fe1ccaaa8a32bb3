"""``kg view``: the page of a part of a corpus, a store or a graph file.

A corpus or store folder is read in place (:mod:`kg.publish.overview`); a
graph file, or a folder cut to a time span, is read into memory and drawn by
:func:`kg.publish.page.write_view`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.graph.timespan import TimeSpan
from kg.publish.overview import write_store_view
from kg.publish.page import PageSummary, write_view


def write_any_view(
    graph_path: Path, path: Path, *, span: TimeSpan | None = None, **options: Any
) -> PageSummary:
    """The page of one part of ``graph_path`` (see :func:`write_view`)."""
    if Path(graph_path).is_dir() and (span is None or span.open):
        return write_store_view(Path(graph_path), path, **options)
    return write_view(graph_path, path, span=span, **options)
