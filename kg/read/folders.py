"""Which files to read: paths given, folders walked.

A folder is walked recursively in sorted order.  Hidden files and folders
are passed over; a link to a folder is followed once (a link back into a
folder already walked is not); notes (README, CHANGELOG, LICENSE, NOTICE,
AUTHORS, … whatever their extension), gold files (``*.gold.json``),
identity files (``identity*.json``) and files of unknown type are passed over
with a :class:`Notice`.  A broken or looping link and a folder that cannot be
read are :class:`Skipped`: never silently.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.read.records import Notice, Skipped

SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")
NOTES = frozenset(
    "README CHANGELOG CHANGES LICENSE LICENCE COPYING NOTICE AUTHORS "
    "CONTRIBUTORS CONTRIBUTING CODE_OF_CONDUCT SECURITY MAINTAINERS".split()
)

Found = Path | Skipped | Notice


def find_files(paths: Iterable[str | Path]) -> list[Found]:
    """The files to read under ``paths`` and what was passed over, in order.

    Every path given is checked first: a missing one, or a file named
    explicitly whose type is unknown, raises :class:`InputError`.
    """
    found: list[Found] = []
    seen: set[Path] = set()
    for given in paths:
        for item in _expand(Path(given)):
            if isinstance(item, Path):
                real = item.resolve()
                if real in seen:
                    continue
                seen.add(real)
            found.append(item)
    return found


def _expand(path: Path) -> list[Found]:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        why = "a symbolic link that loops" if exc.errno == errno.ELOOP else None
        raise InputError(
            f"{path}: {why or 'no such file or folder'}; check the path"
        ) from None
    if stat.S_ISDIR(mode):
        return list(_walk(path, {path.resolve()}))
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(
            f"{path}: unknown file type {path.suffix or '(no extension)'!r}; "
            f"use one of {', '.join(SUFFIXES)}"
        )
    return [path]


def _walk(folder: Path, walked: set[Path]) -> Iterator[Found]:
    try:
        with os.scandir(folder) as scan:
            names = sorted(entry.name for entry in scan)
    except OSError as exc:
        yield Skipped(
            folder.as_posix(),
            None,
            f"the folder cannot be read ({exc.strerror})",
            "check its permissions, or leave it out",
        )
        return
    for name in names:
        if not name.startswith("."):
            yield from _entry(folder / name, walked)


def _entry(path: Path, walked: set[Path]) -> Iterator[Found]:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        yield _unreadable(path, exc)
        return
    if stat.S_ISDIR(mode):
        real = path.resolve()
        if real in walked:
            yield Notice(path.as_posix(), None, "a link to a folder already read")
            return
        walked.add(real)
        yield from _walk(path, walked)
    elif not stat.S_ISREG(mode):
        yield Notice(path.as_posix(), None, "not a regular file; not read")
    else:
        kind = not_article(path)
        yield Notice(path.as_posix(), None, kind) if kind else path


def _unreadable(path: Path, exc: OSError) -> Skipped:
    name = path.as_posix()
    if exc.errno == errno.ELOOP:
        return Skipped(name, None, "a symbolic link that loops", "fix or remove it")
    if path.is_symlink():
        target = os.readlink(path)
        return Skipped(
            name, None, f"a broken link (to {target})", "fix or remove the link"
        )
    return Skipped(
        name, None, f"cannot be read ({exc.strerror})", "check its permissions"
    )


def not_article(path: Path) -> str | None:
    """Why a file found in a folder is not read as news, or ``None``."""
    name = path.name.lower()
    if name.endswith(".gold.json"):
        return "a gold file (for kg eval), not an article; not read"
    if name.startswith("identity") and name.endswith(".json"):
        return "an identity file, not an article; not read"
    stem = path.name.split(".")[0].upper()
    if stem in NOTES or any(stem.startswith(f"{note}_") for note in NOTES):
        return "a note, not an article; not read (name the file itself to read it)"
    if path.suffix.lower() not in SUFFIXES:
        shown = path.suffix or "(no extension)"
        return f"unknown file type {shown!r}; not read (use {', '.join(SUFFIXES)})"
    return None
