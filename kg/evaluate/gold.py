"""Gold files: their format, as gold/GUIDELINES.md gives it, and reading them.

``load_gold`` reads and validates a ``*.gold.json`` file; GoldError names the
file and the entry at fault.  Names are compared by :func:`normalize_name`.
``ENTITY_TYPES`` and ``RELATION_KINDS`` are the categories a score counts.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import GoldError
from kg.model import Kind

ENTITY_TYPES: tuple[str, ...] = tuple(kind.value for kind in Kind)
POST_ORG, POST_ROLE = "post(person,org)", "post(person,role)"
RELATION_KINDS = (POST_ORG, POST_ROLE, "locatedIn", "partOf", "launchedBy", "author")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_QUOTES = frozenset("“”‘’「」『』\"'")
_ENTITY_KEYS = {"type", "types", "name", "aliases", "optional"}
_RELATION_KEYS = {
    "post": (
        {"person", "organization", "roles", "ended", "start", "end"},
        {"person"},
    ),
    "locatedIn": ({"subject", "object"}, {"subject", "object"}),
    "partOf": ({"subject", "object"}, {"subject", "object"}),
    "launchedBy": ({"subject", "object"}, {"subject", "object"}),
    "author": ({"person"}, {"person"}),
}


def normalize_name(name: str) -> str:
    """NFKC, then drop every quotation mark and all white space."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in text if ch not in _QUOTES and not ch.isspace())


@dataclass(frozen=True)
class GoldEntity:
    types: tuple[str, ...]
    name: str
    aliases: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class GoldRelation:
    """One gold relation; ``post`` uses person/organization/roles, the pair
    relations subject/object, ``author`` person."""

    type: str
    person: str | None = None
    organization: str | None = None
    roles: tuple[str, ...] = ()
    subject: str | None = None
    object: str | None = None
    optional: bool = False
    ended: bool = False
    """A post the text says has ended (CONTRACT.md, "Time")."""
    start: str | None = None
    end: str | None = None
    """For a post: the dates the text gives for its beginning and end."""


@dataclass(frozen=True)
class Gold:
    path: str
    document: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]


def load_gold(path: Path) -> Gold:
    """Read and validate one gold file; GoldError names the file and entry."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise GoldError(f"{path}: cannot read gold file ({err.strerror})") from err
    except UnicodeDecodeError as err:
        raise GoldError(f"{path}: not UTF-8; save the gold file as UTF-8") from err
    except json.JSONDecodeError as err:
        raise GoldError(
            f"{path}: not valid JSON (line {err.lineno}, column {err.colno}: "
            f"{err.msg}); fix the syntax"
        ) from err
    return _parse_gold(str(path), data)


def _parse_gold(path: str, data: Any) -> Gold:
    if not isinstance(data, dict):
        raise GoldError(f"{path}: top level must be a JSON object")
    _check_keys(path, "top level", data, {"document", "entities", "relations"})
    for key in ("document", "entities", "relations"):
        if key not in data:
            raise GoldError(f'{path}: missing "{key}"; see gold/GUIDELINES.md')
    document = _string(path, "document", data["document"])
    entities = tuple(
        _parse_entity(f"{path}: entities[{i}]", item)
        for i, item in enumerate(_list(path, "entities", data["entities"]))
    )
    relations = tuple(
        _parse_relation(f"{path}: relations[{i}]", item)
        for i, item in enumerate(_list(path, "relations", data["relations"]))
    )
    _check_unique(path, entities)
    return Gold(path, document, entities, relations)


def _parse_entity(where: str, item: Any) -> GoldEntity:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: must be a JSON object")
    _check_keys(where, "entity", item, _ENTITY_KEYS)
    if ("type" in item) == ("types" in item):
        raise GoldError(f'{where}: give exactly one of "type" or "types"')
    raw = [item["type"]] if "type" in item else _list(where, "types", item["types"])
    if not raw or len(set(raw)) != len(raw):
        raise GoldError(f'{where}: "types" must list distinct types')
    for kind in raw:
        if kind not in ENTITY_TYPES:
            raise GoldError(
                f"{where}: unknown type {kind!r}; use one of {', '.join(ENTITY_TYPES)}"
            )
    return GoldEntity(
        types=tuple(raw),
        name=_string(where, "name", item.get("name")),
        aliases=_strings(where, "aliases", item.get("aliases", [])),
        optional=_flag(where, item),
    )


def _parse_relation(where: str, item: Any) -> GoldRelation:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: must be a JSON object")
    kind = item.get("type")
    if kind not in _RELATION_KEYS:
        raise GoldError(
            f"{where}: unknown relation type {kind!r}; "
            f"use one of {', '.join(_RELATION_KEYS)}"
        )
    allowed, required = _RELATION_KEYS[kind]
    _check_keys(where, kind, item, allowed | {"type", "optional"})
    for key in sorted(required):
        _string(where, key, item.get(key))
    organization = item.get("organization")
    if organization is not None:
        _string(where, "organization", organization)
    roles = _strings(where, "roles", item.get("roles", []))
    if kind == "post" and organization is None and not roles:
        raise GoldError(f'{where}: a post needs an "organization" or some "roles"')
    return GoldRelation(
        type=kind,
        person=item.get("person"),
        organization=organization,
        roles=roles,
        subject=item.get("subject"),
        object=item.get("object"),
        optional=_flag(where, item),
        ended=_flag(where, item, "ended"),
        start=_date(where, "start", item.get("start")),
        end=_date(where, "end", item.get("end")),
    )


def _date(where: str, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise GoldError(f'{where}: "{key}" must be a date such as "2023-06-08"')
    return value


def _check_keys(where: str, what: str, item: dict, allowed: set[str]) -> None:
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise GoldError(
            f"{where}: unknown key {unknown[0]!r} in {what}; "
            f"allowed: {', '.join(sorted(allowed))}"
        )


def _check_unique(path: str, entities: Sequence[GoldEntity]) -> None:
    seen: dict[tuple[str, str], int] = {}
    for i, ent in enumerate(entities):
        for kind in ent.types:
            key = (normalize_name(ent.name), kind)
            if key in seen:
                raise GoldError(
                    f"{path}: entities[{i}]: {ent.name!r} ({kind}) repeats "
                    f"entities[{seen[key]}]; merge them"
                )
            seen[key] = i


def _string(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not normalize_name(value):
        raise GoldError(f'{where}: "{key}" must be a non-empty string')
    return value


def _strings(where: str, key: str, value: Any) -> tuple[str, ...]:
    return tuple(_string(where, key, v) for v in _list(where, key, value))


def _list(where: str, key: str, value: Any) -> list:
    if not isinstance(value, list):
        raise GoldError(f'{where}: "{key}" must be a JSON list')
    return value


def _flag(where: str, item: dict, key: str = "optional") -> bool:
    value = item.get(key, False)
    if not isinstance(value, bool):
        raise GoldError(f'{where}: "{key}" must be true or false')
    return value
