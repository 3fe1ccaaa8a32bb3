#!/usr/bin/env python3
"""Expand the hand-written specs (spec/NN_slug.spec) into NN_slug.gold.json.

Spec lines (one item a line, '#' starts a comment):
    P|O|D|I NAME | ALIAS | ALIAS ...   entity (Person, Organization, District,
                                       Initiative); OI = Organization+Initiative,
                                       DO = District+Organization
    ?<entity line>                     optional entity
    post PERSON @ ORG : ROLE, ROLE     ORG '-' means null; roles may be empty
    ?post ...                          optional post
    ~post ...                          ended post (optional, "ended": true)
    loc ORG > AREA                     locatedIn          (?loc optional)
    part AREA > PARENT                 partOf             (?part optional)
    launch INITIATIVE > ORG|AREA       launchedBy         (?launch optional)
    author PERSON                      author
    @traditional                       the text is in Traditional characters:
                                       the Traditional surface form of every
                                       name and alias is added as an alias

Relation ends may be written as a name or an alias; they are resolved to the
canonical name.  Standard library only (the T->S table is in check_gold.py).
"""

import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent
sys.path.insert(0, str(OUT))
from check_gold import QUOTES, T2S  # noqa: E402

TYPES = {
    "P": ["Person"],
    "O": ["Organization"],
    "D": ["District"],
    "I": ["Initiative"],
    "OI": ["Organization", "Initiative"],
    "DO": ["District", "Organization"],
}


def split_names(s):
    return [x.strip() for x in s.split("|") if x.strip()]


def build(spec_path):
    stem = spec_path.stem
    text_path = OUT / (stem + ".txt")
    text = text_path.read_text(encoding="utf-8")
    entities, relations = [], []
    trad = False
    for lineno, raw in enumerate(spec_path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.strip() == "@traditional":
            trad = True
            continue
        opt = ended = False
        if line.startswith("?"):
            opt, line = True, line[1:]
        elif line.startswith("~"):
            opt = ended = True
            line = line[1:]
        head, _, rest = line.partition(" ")
        rest = rest.strip()
        where = f"{spec_path.name}:{lineno}"
        if head in TYPES:
            names = split_names(rest)
            entities.append(
                {
                    "types": TYPES[head],
                    "name": names[0],
                    "aliases": names[1:],
                    "optional": opt,
                }
            )
        elif head == "post":
            person, _, tail = rest.partition("@")
            org, _, roles = tail.partition(":")
            org = org.strip()
            relations.append(
                {
                    "type": "post",
                    "person": person.strip(),
                    "organization": None if org == "-" else org,
                    "roles": [r.strip() for r in roles.split(",") if r.strip()],
                    "ended": ended,
                    "optional": opt,
                    "where": where,
                }
            )
        elif head in ("loc", "part", "launch"):
            sub, _, obj = rest.partition(">")
            rtype = {"loc": "locatedIn", "part": "partOf", "launch": "launchedBy"}[head]
            relations.append(
                {
                    "type": rtype,
                    "subject": sub.strip(),
                    "object": obj.strip(),
                    "optional": opt,
                    "where": where,
                }
            )
        elif head == "author":
            relations.append(
                {"type": "author", "person": rest, "optional": opt, "where": where}
            )
        else:
            raise SystemExit(f"{where}: cannot read {raw!r}")

    # Traditional surface forms: for each name and alias, the spans of the
    # text (quotation marks and white space removed) that read as that form
    # after Traditional->Simplified conversion; when a form does not occur
    # but all its characters do, each character takes the Traditional
    # character this text uses most for it.
    if trad:
        flat = "".join(ch for ch in text if ch not in QUOTES and not ch.isspace())
        simp = "".join(T2S.get(ch, ch) for ch in flat)
        counts = {}
        for ch in flat:
            if ch in T2S:
                counts.setdefault(T2S[ch], {}).setdefault(ch, 0)
                counts[T2S[ch]][ch] += 1
        s2t = {s: max(c, key=c.get) for s, c in counts.items()}
        for ent in entities:
            for form in [ent["name"], *list(ent["aliases"])]:
                found = set()
                start = simp.find(form)
                while start >= 0:
                    found.add(flat[start : start + len(form)])
                    start = simp.find(form, start + 1)
                if not found and all(ch in s2t or ch in simp for ch in form):
                    # only when the text shows how each character is written
                    found = {"".join(s2t.get(ch, ch) for ch in form)}
                for t in sorted(found):
                    if t != form and t not in ent["aliases"]:
                        ent["aliases"].append(t)

    lookup = {}
    for ent in entities:
        for form in [ent["name"]] + ent["aliases"]:
            lookup.setdefault(form, ent["name"])

    def canon(name, where):
        if name is None:
            return None
        if name not in lookup:
            raise SystemExit(f"{where}: unknown entity {name!r}")
        return lookup[name]

    out_entities = []
    for ent in entities:
        e = {}
        if len(ent["types"]) == 1:
            e["type"] = ent["types"][0]
        else:
            e["types"] = ent["types"]
        e["name"] = ent["name"]
        if ent["aliases"]:
            e["aliases"] = ent["aliases"]
        if ent["optional"]:
            e["optional"] = True
        out_entities.append(e)

    out_relations = []
    for rel in relations:
        where = rel.pop("where")
        r = {"type": rel["type"]}
        if rel["type"] == "post":
            r["person"] = canon(rel["person"], where)
            r["organization"] = canon(rel["organization"], where)
            r["roles"] = rel["roles"]
            if rel["ended"]:
                r["ended"] = True
        elif rel["type"] == "author":
            r["person"] = canon(rel["person"], where)
        else:
            r["subject"] = canon(rel["subject"], where)
            r["object"] = canon(rel["object"], where)
        if rel["optional"]:
            r["optional"] = True
        out_relations.append(r)

    gold = {
        "document": text_path.name,
        "entities": out_entities,
        "relations": out_relations,
    }
    (OUT / (stem + ".gold.json")).write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def main():
    for spec in sorted(HERE.glob("*.spec")):
        build(spec)
    return 0


if __name__ == "__main__":
    sys.exit(main())
