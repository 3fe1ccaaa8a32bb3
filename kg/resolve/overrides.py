"""Analyst overrides of person identity: ``identities.toml`` in the corpus.

Every build applies the file; ``kg merge`` and ``kg split`` write it.  A
mention is written ``ARTICLE:NAME`` (the article's id, as ``kg explain``
prints it)::

    # kg identity overrides: every build of this corpus applies them.
    [[same]]                     # these mentions are one person
    mentions = ["c01:王建国", "c18:王建国"]
    note = "the same 王建国, who moved to 武进"

    [[different]]                # these two mentions are two people
    mentions = ["c02:刘洋", "c06:刘洋"]

    [not_person]                 # names that are no person at all
    names = ["金秋"]

The file lives beside the generations of the corpus, so it survives every
incremental build; it is replaced only when completely written.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from kg.atomic import write_atomically
from kg.errors import InputError
from kg.resolve.identity import Overrides

FILE_NAME = "identities.toml"
_HEADER = "# kg identity overrides: every build of this corpus applies them.\n"

Mention = tuple[str, str]


def parse_mention(text: str) -> Mention:
    """``ARTICLE:NAME`` → (article, name); the name is after the last colon."""
    article, sep, name = text.strip().rpartition(":")
    if not sep or not article or not name:
        raise InputError(
            f"{text!r}: a mention is ARTICLE:NAME, as `kg explain NAME` prints it"
        )
    return article, name


def load_overrides(folder: Path) -> Overrides:
    """The overrides in ``folder/identities.toml`` (none if there is no file)."""
    path = folder / FILE_NAME
    if not path.is_file():
        return Overrides()
    data = _read(path)
    same = tuple(
        frozenset(_mentions(path, f"same[{i}]", entry))
        for i, entry in enumerate(_tables(path, data, "same"))
    )
    different = []
    for i, entry in enumerate(_tables(path, data, "different")):
        pair = _mentions(path, f"different[{i}]", entry)
        if len(pair) != 2:
            raise InputError(
                f"{path}: different[{i}]: give exactly two mentions, one of each person"
            )
        different.append((pair[0], pair[1]))
    names = data.get("not_person", {}).get("names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise InputError(f"{path}: not_person.names must be a list of names")
    return Overrides(same, tuple(different), frozenset(names))


def add_override(
    folder: Path,
    kind: str,
    mentions: list[Mention] | None = None,
    *,
    name: str | None = None,
    note: str = "",
) -> Path:
    """Add one override (``same``, ``different`` or ``not_person``) to the file."""
    path = folder / FILE_NAME
    data = _read(path) if path.is_file() else {}
    if kind == "not_person":
        names = data.setdefault("not_person", {}).setdefault("names", [])
        if name and name not in names:
            names.append(name)
    else:
        entry: dict[str, Any] = {"mentions": [f"{a}:{n}" for a, n in mentions or []]}
        if note:
            entry["note"] = note
        data.setdefault(kind, []).append(entry)
    write_atomically(path, (_HEADER + tomli_w.dumps(data)).encode("utf-8"))
    return path


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{path}: not valid TOML ({exc}); fix it or remove the entry"
        ) from exc


def _tables(path: Path, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    tables = data.get(key, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise InputError(f"{path}: {key} must be [[{key}]] tables")
    return tables


def _mentions(path: Path, where: str, entry: dict[str, Any]) -> list[Mention]:
    items = entry.get("mentions")
    if not isinstance(items, list) or len(items) < 2:
        raise InputError(f"{path}: {where}: mentions must list at least two mentions")
    try:
        return [parse_mention(str(item)) for item in items]
    except InputError as exc:
        raise InputError(f"{path}: {where}: {exc}") from exc
