"""Writing graphs to disk: atomically, so a failure never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

from kg.errors import OutputError


def write_turtle(graph: Graph, path: Path) -> Path:
    """Serialise ``graph`` as Turtle to ``path`` (replaced only when complete)."""
    data = graph.serialize(format="turtle", encoding="utf-8")
    write_atomically(path, data)
    return path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise OutputError(
            f"{path}: cannot write ({exc.strerror}); choose another output folder"
        ) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(
            f"{path}: cannot write ({exc.strerror}); choose another output folder"
        ) from exc
