"""Files replaced only when complete: written beside, then renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import OutputError


def write_atomically(path: Path, data: bytes, *, what: str = "") -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over
    ``path``; on any failure (Ctrl-C included) the temporary file is removed
    and ``path`` is left as it was.  ``what`` names the file in errors."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise _error(path, what, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _error(path, what, exc) from exc
        raise


def _error(path: Path, what: str, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(
        f"{path}: cannot write {what or 'the file'} ({reason}); make sure the "
        "folder is writable or choose another output folder"
    )
