"""A small line-based DSL for gold files.

One item per line; ``#`` starts a comment.

Entities (a trailing ``?`` marks the entity optional)::

    P  name | alias | alias      Person
    O  name | alias              Organization
    D  name | alias              District
    I  name | alias              Initiative
    OI name | alias              types [Organization, Initiative]
    DI name | alias              types [District, Initiative]
    OD name | alias              types [Organization, District]

Relations (``?`` = optional; ``post~`` = an ended post, always optional)::

    post PERSON @ ORG : role, role      (ORG ``-`` = null; no roles = [])
    in   SUBJECT > DISTRICT             locatedIn
    part DISTRICT > PARENT              partOf
    by   INITIATIVE > ORG/DISTRICT      launchedBy
    author PERSON
"""

from __future__ import annotations

TYPES = {
    "P": ["Person"],
    "O": ["Organization"],
    "D": ["District"],
    "I": ["Initiative"],
    "OI": ["Organization", "Initiative"],
    "DI": ["District", "Initiative"],
    "OD": ["Organization", "District"],
}
PAIR_RELATIONS = {"in": "locatedIn", "part": "partOf", "by": "launchedBy"}


class DslError(ValueError):
    pass


def _split_names(rest: str) -> list[str]:
    return [s.strip() for s in rest.split("|") if s.strip()]


def parse(source: str, document: str) -> dict:
    entities: list[dict] = []
    relations: list[dict] = []
    for lineno, raw in enumerate(source.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, _, rest = line.partition(" ")
        rest = rest.strip()
        optional = head.endswith("?")
        ended = head.endswith("~")
        key = head.rstrip("?~")
        where = f"{document}:{lineno}: {raw.strip()}"
        if key in TYPES:
            names = _split_names(rest)
            if not names:
                raise DslError(f"no name: {where}")
            ent: dict = {}
            types = TYPES[key]
            if len(types) == 1:
                ent["type"] = types[0]
            else:
                ent["types"] = list(types)
            ent["name"] = names[0]
            if len(names) > 1:
                ent["aliases"] = names[1:]
            if optional:
                ent["optional"] = True
            entities.append(ent)
        elif key == "post":
            person, sep, tail = rest.partition("@")
            if not sep:
                raise DslError(f"post without @: {where}")
            org, sep, roles = tail.partition(":")
            if not sep:
                raise DslError(f"post without ':': {where}")
            org = org.strip()
            rel: dict = {
                "type": "post",
                "person": person.strip(),
                "organization": None if org == "-" else org,
                "roles": [
                    r.strip() for r in roles.replace("、", ",").split(",") if r.strip()
                ],
            }
            if ended:
                rel["ended"] = True
            if optional or ended:
                rel["optional"] = True
            relations.append(rel)
        elif key in PAIR_RELATIONS:
            subj, sep, obj = rest.partition(">")
            if not sep:
                raise DslError(f"relation without '>': {where}")
            rel = {
                "type": PAIR_RELATIONS[key],
                "subject": subj.strip(),
                "object": obj.strip(),
            }
            if optional:
                rel["optional"] = True
            relations.append(rel)
        elif key == "author":
            rel = {"type": "author", "person": rest}
            if optional:
                rel["optional"] = True
            relations.append(rel)
        else:
            raise DslError(f"unknown item {head!r}: {where}")
    _resolve(entities, relations, document)
    return {"document": document, "entities": entities, "relations": relations}


def _types(ent: dict) -> list[str]:
    return ent.get("types") or [ent["type"]]


def _resolve(entities: list[dict], relations: list[dict], document: str) -> None:
    """Relation ends must be canonical names of entities of the right type."""
    by_name = {}
    for ent in entities:
        if ent["name"] in by_name:
            raise DslError(f"{document}: duplicate entity {ent['name']}")
        by_name[ent["name"]] = ent

    def need(name: str | None, wanted: set[str], rel: dict) -> None:
        if name is None:
            return
        ent = by_name.get(name)
        if ent is None:
            raise DslError(f"{document}: unknown end {name!r} in {rel}")
        if not wanted & set(_types(ent)):
            raise DslError(f"{document}: {name!r} is not {wanted} in {rel}")
        if not rel.get("optional") and ent.get("optional") and rel["type"] != "author":
            raise DslError(f"{document}: required relation to optional {name!r}: {rel}")

    seen = set()
    for rel in relations:
        key = repr(sorted(rel.items()))
        if key in seen:
            raise DslError(f"{document}: duplicate relation {rel}")
        seen.add(key)
        t = rel["type"]
        if t in ("post", "author"):
            need(rel["person"], {"Person"}, rel)
        if t == "post":
            need(rel["organization"], {"Organization"}, rel)
        elif t == "locatedIn":
            need(rel["subject"], {"Organization", "Initiative"}, rel)
            need(rel["object"], {"District"}, rel)
        elif t == "partOf":
            need(rel["subject"], {"District"}, rel)
            need(rel["object"], {"District"}, rel)
        elif t == "launchedBy":
            need(rel["subject"], {"Initiative"}, rel)
            need(rel["object"], {"Organization", "District", "Person"}, rel)
