"""A corpus folder as a sequence of generations, switched atomically.

Layout of a corpus folder OUT::

    OUT/current -> gen-000007        the live generation (a relative symlink)
    OUT/gen-000007/store/            Oxigraph (RocksDB)
    OUT/gen-000007/index.sqlite      the corpus index (kg.corpus.index)
    OUT/gen-000007/graph.ttl, graph.trig, graph.html, undecided.txt, build.json
                                     (and inputs.txt when an input was noted)
    OUT/graph.ttl -> current/graph.ttl   (and graph.trig, graph.html; no
                                         link when the generation has none)
    OUT/.lock                        held by the one build that may run

A build takes the lock, removes what an earlier failed or killed build left
(generations that are not current, temporary links and files), makes the
next generation from the current one (the store by a RocksDB checkpoint of
hard links, the index by sqlite's backup API), changes and exports it, and
then switches ``current`` in one ``os.replace`` of a symlink.  Readers
resolve ``current`` once when they open, so they see one whole generation;
a build that fails or is killed before the switch leaves the corpus as it
was.  After a switch only the current generation is kept.

``KG_CRASH_AT=NAME`` (for the kill test in ``benchmarks/``) makes a build
die at the named point; ``KG_PAUSE_AT=NAME`` makes it sleep there.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from kg.corpus.index import copy_index
from kg.errors import OutputError

log = logging.getLogger(__name__)

CURRENT = "current"
LOCK = ".lock"
STORE = "store"
INDEX = "index.sqlite"
EXPORTS = ("graph.ttl", "graph.trig", "graph.html", "report.html")
"""Files of the current generation that OUT links to under the same name."""
_GENERATION = re.compile(r"gen-(\d{6})")
_OLD_STYLE = {"graph.ttl", "graph.html", "graph.trig", "lib"}
"""What an output folder of earlier kg versions holds, replaced on first build."""
_TEMP = re.compile(r"\..*\.tmp(-\d+)?$|.*\.tmp$")


class CorpusBusy(OutputError):
    """Another build holds the corpus."""


def crash_point(name: str) -> None:
    """Die or pause here if ``KG_CRASH_AT`` / ``KG_PAUSE_AT`` names this point."""
    if os.environ.get("KG_PAUSE_AT") == name:
        time.sleep(float(os.environ.get("KG_PAUSE_SECONDS", "30")))
    if os.environ.get("KG_CRASH_AT") == name:
        log.warning("KG_CRASH_AT=%s: dying here", name)
        os._exit(99)


def is_corpus(path: Path) -> bool:
    """Whether ``path`` is a corpus folder (it has a ``current`` link)."""
    return (path / CURRENT).is_symlink()


def current_generation(root: Path) -> Path | None:
    """The generation ``current`` points to, resolved once; None before the
    first build."""
    link = root / CURRENT
    if not link.is_symlink():
        return None
    target = root / os.readlink(link)
    return target if target.is_dir() else None


@contextmanager
def locked(root: Path, *, wait: bool = False) -> Iterator[None]:
    """Hold the corpus's lock; raise :class:`CorpusBusy` if another build has it
    (or wait for it, with ``wait``)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        handle = open(root / LOCK, "a+")  # noqa: SIM115 (held until the end)
    except OSError as exc:
        raise OutputError(
            f"{root}: cannot create the corpus folder ({exc.strerror}); "
            "choose another with -o"
        ) from exc
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise CorpusBusy(
                f"{root}: another kg build or kg remove is running on this corpus; "
                "wait for it to finish (or pass --wait)"
            ) from None
        yield
    finally:
        handle.close()


def check_folder(root: Path) -> None:
    """Refuse a folder that is neither a corpus, empty, nor an old-style output."""
    if root.exists() and not root.is_dir():
        raise OutputError(f"{root}: is a file; a corpus is a folder, choose another")
    if not root.exists() or is_corpus(root):
        return
    strangers = sorted(
        entry.name
        for entry in root.iterdir()
        if not entry.name.startswith(".")
        and entry.name not in _OLD_STYLE
        and not _GENERATION.fullmatch(entry.name)
    )
    if strangers:
        shown = ", ".join(strangers[:5]) + (" …" if len(strangers) > 5 else "")
        raise OutputError(
            f"{root}: holds files that are not kg's ({shown}); refusing to make a "
            "corpus there, choose a new or empty folder with -o"
        )


def clean_leftovers(root: Path) -> list[str]:
    """Remove what failed or killed builds left: generations that are not
    current, temporary links and files.  Returns what was removed."""
    live = current_generation(root)
    removed = []
    for entry in sorted(root.iterdir()):
        if entry.name in (CURRENT, LOCK):
            continue
        stale_generation = _GENERATION.fullmatch(entry.name) and (
            live is None or entry.name != live.name
        )
        if stale_generation or _TEMP.fullmatch(entry.name):
            _remove(entry)
            removed.append(entry.name)
    if live is not None:
        for entry in sorted(live.iterdir()):
            if _TEMP.fullmatch(entry.name):
                _remove(entry)
                removed.append(f"{live.name}/{entry.name}")
    if removed:
        log.info("removed leftovers of an interrupted build: %s", ", ".join(removed))
    return removed


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def next_generation(root: Path) -> Path:
    """A new generation folder holding a copy of the current one's store and
    index (empty for a first build)."""
    live = current_generation(root)
    numbers = [
        int(m[1]) for e in root.iterdir() if (m := _GENERATION.fullmatch(e.name))
    ]
    folder = root / f"gen-{max(numbers, default=0) + 1:06d}"
    folder.mkdir()
    crash_point("generation-made")
    if live is not None:
        store = ox.Store.read_only(str(live / STORE))
        store.backup(str(folder / STORE))
        del store
        crash_point("store-copied")
        copy_index(live / INDEX, folder / INDEX)
        crash_point("index-copied")
    return folder


def switch(root: Path, generation: Path) -> None:
    """Make ``generation`` current in one step, then drop the others."""
    _fsync_tree(generation)
    temp = root / f".{CURRENT}.tmp-{os.getpid()}"
    temp.unlink(missing_ok=True)
    os.symlink(generation.name, temp)
    crash_point("link-written")
    os.replace(temp, root / CURRENT)
    _fsync_dir(root)
    crash_point("switched")
    for name in EXPORTS:
        _link_export(root, name)
    crash_point("exports-linked")
    for entry in sorted(root.iterdir()):
        if _GENERATION.fullmatch(entry.name) and entry.name != generation.name:
            shutil.rmtree(entry, ignore_errors=True)
            crash_point("old-generation-removed")


def _link_export(root: Path, name: str) -> None:
    """``OUT/name`` → ``current/name``, replacing an old-style file; no link
    when the current generation has no such export (``--no-exports``)."""
    path = root / name
    want = f"{CURRENT}/{name}"
    if not (root / want).exists():
        if path.is_symlink() or path.is_file():
            path.unlink()
        return
    if path.is_symlink() and os.readlink(path) == want:
        return
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    temp = root / f".{name}.tmp-{os.getpid()}"
    temp.unlink(missing_ok=True)
    os.symlink(want, temp)
    os.replace(temp, path)


def _fsync_tree(folder: Path) -> None:
    """Flush the generation's files to disk before it goes live."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def resolve_store(path: Path) -> Path:
    """The store a path names: a corpus folder's current store, else itself."""
    if is_corpus(path):
        live = current_generation(path)
        if live is None:
            raise OutputError(
                f"{path}: the corpus's current generation is missing; "
                "run kg build again to repair it"
            )
        return live / STORE
    return path
