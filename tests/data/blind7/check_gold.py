#!/usr/bin/env python3
"""Check the blind7 gold files against their texts and GUIDELINES.md.

Standard library only.  Usage:
    python3 check_gold.py [DIR] [--notes]
DIR defaults to the folder of this script.  Prints ERROR / WARN lines (and
NOTE lines with --notes) and a summary; exit status 1 when there are errors.

Rules
  text   article length 400-1200 characters, title line, 来源/來源 line,
         发布时间 date; Traditional articles have a Simplified draft
         spec/src/<stem>.simp of the same length.
  format top-level keys; entity keys/types/aliases/optional; relation keys per
         type; optional/ended booleans; roles a list of strings.
  dup    no label (name or alias, normalised as the scorer does) names two
         entities; no duplicate relations.
  text-presence
         every alias occurs in the text (or in the Simplified draft of a
         Traditional article); a canonical name that does not occur is a NOTE
         when an alias occurs (completed from context) or the entity is
         optional, else an ERROR.
  trad   canonical names are Simplified (a name found in the Traditional text
         but not in the draft is an error); every Simplified label found in
         the draft has its Traditional surface form as an alias.
  ends   relation ends name existing entities of the right type (post:
         Person -> Organization|null; locatedIn: Organization -> District;
         partOf: District -> District; launchedBy: Initiative ->
         Organization|District|Person; author: Person); a required relation
         may not end at an optional entity; ended posts are optional; at most
         one required parent per district, no partOf cycles.
  identity
         identity.json: every Person of every gold file is exactly one
         mention; mentions name Persons of that document, organisations of
         that document and roles of a post of that person; dates are ISO;
         ids unique; every two clusters with the same name are a homonym pair
         and homonym pairs share a name.
"""
import itertools
import json
import os
import re
import sys
import unicodedata

QUOTES = set("“”‘’「」『』\"'")
TYPES = {"Person", "Organization", "District", "Initiative"}
REL_KEYS = {
    "post": ({"type", "person", "organization", "roles"}, {"optional", "ended"}),
    "locatedIn": ({"type", "subject", "object"}, {"optional"}),
    "partOf": ({"type", "subject", "object"}, {"optional"}),
    "launchedBy": ({"type", "subject", "object"}, {"optional"}),
    "author": ({"type", "person"}, {"optional"}),
}
ENDS = {
    "locatedIn": ({"Organization"}, {"District"}),
    "partOf": ({"District"}, {"District"}),
    "launchedBy": ({"Initiative"}, {"Organization", "District", "Person"}),
}


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if ch not in QUOTES and not ch.isspace())


class Report:
    def __init__(self, show_notes):
        self.show_notes = show_notes
        self.counts = {"ERROR": 0, "WARN": 0, "NOTE": 0}

    def __call__(self, level, where, msg):
        self.counts[level] += 1
        if level != "NOTE" or self.show_notes:
            print(f"{level} {where}: {msg}")


def etypes(e):
    if "types" in e:
        return set(e["types"]) if isinstance(e["types"], list) else set()
    return {e.get("type")}


def check_text(stem, text, simp, rep):
    n = len(text)
    if not 400 <= n <= 1200:
        rep("ERROR", stem, f"article has {n} characters (400-1200 expected)")
    lines = [l for l in text.split("\n")]
    if not lines or not lines[0].strip() or lines[0].startswith(("来源", "來源")):
        rep("ERROR", stem, "first line must be the title")
    if not any(l.startswith(("来源：", "來源：")) for l in lines[1:4]):
        rep("ERROR", stem, "no 来源/來源 line after the title")
    if not re.search(r"(发布时间|發布時間|發佈時間)：\d{4}年\d{1,2}月\d{1,2}日", text):
        rep("ERROR", stem, "no 发布时间 date")
    if simp is not None and len(simp) != n:
        rep("ERROR", stem, f"Simplified draft has {len(simp)} characters, article {n}")


def check_gold(stem, gold, text, simp, rep):
    where = stem + ".gold.json"
    if not isinstance(gold, dict) or set(gold) != {"document", "entities", "relations"}:
        rep("ERROR", where, "top-level keys must be exactly document, entities, relations")
        return None
    if gold["document"] != stem + ".txt":
        rep("ERROR", where, f"document is {gold['document']!r}, expected {stem + '.txt'!r}")
    ntext = norm(text)
    nsimp = norm(simp) if simp is not None else None

    def in_text(label):
        l = norm(label)
        return l in ntext or (nsimp is not None and l in nsimp)

    labels = {}
    ents = []
    for i, e in enumerate(gold["entities"]):
        w = f"{where} entity #{i} {e.get('name')!r}"
        if not isinstance(e, dict):
            rep("ERROR", w, "not an object")
            continue
        extra = set(e) - {"type", "types", "name", "aliases", "optional"}
        if extra:
            rep("ERROR", w, f"unknown keys {sorted(extra)}")
        if ("type" in e) == ("types" in e):
            rep("ERROR", w, "exactly one of type / types is required")
        if "type" in e and e["type"] not in TYPES:
            rep("ERROR", w, f"bad type {e['type']!r}")
        if "types" in e:
            t = e["types"]
            if not isinstance(t, list) or len(t) < 2 or len(set(t)) != len(t) or not set(t) <= TYPES:
                rep("ERROR", w, f"bad types {t!r}")
        name = e.get("name")
        if not isinstance(name, str) or not norm(name):
            rep("ERROR", w, "name must be a non-empty string")
            continue
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and norm(a) for a in aliases):
            rep("ERROR", w, "aliases must be a list of non-empty strings")
            aliases = []
        if "aliases" in e and not aliases:
            rep("ERROR", w, "empty aliases list")
        if len({norm(a) for a in aliases}) != len(aliases) or norm(name) in {norm(a) for a in aliases}:
            rep("ERROR", w, "repeated alias (or alias equal to the name)")
        if "optional" in e and e["optional"] is not True:
            rep("ERROR", w, "optional must be true when present")
        opt = e.get("optional") is True
        for lab in [name] + aliases:
            k = norm(lab)
            if k in labels and labels[k] is not e:
                rep("ERROR", w, f"label {lab!r} also names {labels[k]['name']!r} (duplicate entity)")
            labels[k] = e
        # presence in the text
        for a in aliases:
            if not in_text(a):
                rep("ERROR", w, f"alias {a!r} does not occur in the text")
        if not in_text(name):
            if any(in_text(a) for a in aliases):
                rep("NOTE", w, "canonical name completed from context (an alias occurs in the text)")
            elif opt:
                rep("NOTE", w, "optional entity not named in the text (gazetteer / inferred)")
            else:
                rep("ERROR", w, "required entity: neither the name nor an alias occurs in the text")
        # Traditional articles
        if simp is not None:
            if norm(name) in ntext and norm(name) not in nsimp:
                rep("ERROR", w, "canonical name is Traditional; it must be Simplified")
            have = {norm(x) for x in [name] + aliases}
            for lab in [name] + aliases:
                start = 0
                while True:
                    j = simp.find(lab, start)
                    if j < 0:
                        break
                    t = text[j:j + len(lab)]
                    if norm(t) not in have:
                        rep("ERROR", w, f"Traditional form {t!r} of {lab!r} missing from aliases")
                        have.add(norm(t))
                    start = j + 1
        ents.append(e)

    def resolve(label, w, allowed, what):
        if not isinstance(label, str):
            rep("ERROR", w, f"{what} must be a string")
            return None
        e = labels.get(norm(label))
        if e is None:
            rep("ERROR", w, f"{what} {label!r} names no entity")
            return None
        if label != e["name"]:
            rep("NOTE", w, f"{what} {label!r} given by alias of {e['name']!r}")
        if not (etypes(e) & allowed):
            rep("ERROR", w, f"{what} {label!r} has types {sorted(etypes(e))}, expected one of {sorted(allowed)}")
        return e

    seen = set()
    parents = {}
    for i, r in enumerate(gold["relations"]):
        w = f"{where} relation #{i}"
        if not isinstance(r, dict) or r.get("type") not in REL_KEYS:
            rep("ERROR", w, f"bad relation type {r.get('type') if isinstance(r, dict) else r!r}")
            continue
        need, allow = REL_KEYS[r["type"]]
        keys = set(r)
        if not need <= keys or keys - need - allow:
            rep("ERROR", w, f"{r['type']} keys must be {sorted(need)} (+{sorted(allow)}), got {sorted(keys)}")
            continue
        for flag in ("optional", "ended"):
            if flag in r and r[flag] is not True:
                rep("ERROR", w, f"{flag} must be true when present")
        opt = r.get("optional") is True
        w = f"{w} {r['type']} " + " / ".join(
            str(r.get(k)) for k in ("person", "organization", "subject", "object") if k in r)
        ends = []
        if r["type"] in ("post", "author"):
            ends.append(resolve(r["person"], w, {"Person"}, "person"))
        if r["type"] == "post":
            if r["organization"] is not None:
                ends.append(resolve(r["organization"], w, {"Organization"}, "organization"))
            roles = r["roles"]
            if not isinstance(roles, list) or not all(isinstance(x, str) and x.strip() for x in roles) \
                    or len(set(roles)) != len(roles):
                rep("ERROR", w, "roles must be a list of distinct non-empty strings")
                roles = []
            for role in roles:
                if not in_text(role):
                    rep("WARN", w, f"role {role!r} does not occur in the text")
            if r["organization"] is None and not roles:
                rep("ERROR", w, "post with neither organisation nor role")
            if r.get("ended") and not opt:
                rep("ERROR", w, "ended post must be optional (GUIDELINES: optional in gold)")
            key = ("post", norm(r["person"]), norm(r["organization"] or ""),
                   tuple(sorted(roles)), bool(r.get("ended")))
        elif r["type"] == "author":
            key = ("author", norm(r["person"]))
        else:
            st, ot = ENDS[r["type"]]
            s = resolve(r["subject"], w, st, "subject")
            o = resolve(r["object"], w, ot, "object")
            ends += [s, o]
            key = (r["type"], norm(r["subject"]), norm(r["object"]))
            if s is not None and o is not None and s is o:
                rep("ERROR", w, "relation from an entity to itself")
            if r["type"] == "partOf" and not opt and s is not None and o is not None:
                if s["name"] in parents and parents[s["name"]] != o["name"]:
                    rep("ERROR", w, f"{s['name']} has two required parents "
                        f"({parents[s['name']]}, {o['name']}); only the direct parent is gold")
                parents[s["name"]] = o["name"]
        if key in seen:
            rep("ERROR", w, "duplicate relation")
        seen.add(key)
        if not opt:
            for e in ends:
                if e is not None and e.get("optional"):
                    rep("ERROR", w, f"required relation ends at optional entity {e['name']!r}")
    # partOf cycles
    for start in parents:
        cur, path = start, {start}
        while cur in parents:
            cur = parents[cur]
            if cur in path:
                rep("ERROR", where, f"partOf cycle through {start}")
                break
            path.add(cur)
    # soft checks
    related = set()
    for r in gold["relations"]:
        for k in ("person", "subject", "object", "organization"):
            if isinstance(r.get(k), str) and norm(r[k]) in labels:
                related.add(id(labels[norm(r[k])]))
    for e in ents:
        if e.get("optional"):
            continue
        t = etypes(e)
        if "Person" in t and id(e) not in related:
            rep("WARN", f"{where} {e['name']!r}", "required Person without any relation")
        if t == {"District"} and e["name"] not in parents:
            rep("NOTE", f"{where} {e['name']!r}", "required District without a required partOf parent")
    header = "\n".join(text.split("\n")[:4])
    for r in gold["relations"]:
        if r.get("type") == "author" and isinstance(r.get("person"), str):
            e = labels.get(norm(r["person"]))
            forms = [e["name"]] + e.get("aliases", []) if e else [r["person"]]
            if not any(f in header or re.search(r"[（(][^（）()]*" + re.escape(f), text) for f in forms):
                rep("WARN", f"{where} author {r['person']!r}", "not found in a byline")
    return ents


def check_identity(path, golds, rep):
    where = "identity.json"
    try:
        ident = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as exc:
        rep("ERROR", where, f"cannot read: {exc}")
        return
    if not isinstance(ident, dict) or set(ident) - {"people", "homonym_pairs"} or "people" not in ident:
        rep("ERROR", where, "top-level keys must be people (+ homonym_pairs)")
        return
    persons = {}
    for stem, (gold, _ents) in golds.items():
        for e in gold["entities"]:
            if "Person" in etypes(e):
                persons[(stem, norm(e["name"]))] = e
    seen = {}
    ids = {}
    for p in ident["people"]:
        w = f"{where} {p.get('id')}"
        if set(p) - {"id", "name", "note", "mentions"} or not {"id", "name", "mentions"} <= set(p):
            rep("ERROR", w, "person keys must be id, name, mentions (+ note)")
            continue
        if p["id"] in ids:
            rep("ERROR", w, "duplicate id")
        ids[p["id"]] = p
        if not p["mentions"]:
            rep("ERROR", w, "cluster without mentions")
        for m in p["mentions"]:
            mw = f"{w} {m.get('doc')}:{m.get('name')}"
            if set(m) - {"doc", "name", "roles", "organization", "date"} or not {"doc", "name"} <= set(m):
                rep("ERROR", mw, "mention keys must be doc, name (+ roles, organization, date)")
                continue
            key = (m["doc"], norm(m["name"]))
            if m["doc"] not in golds:
                rep("ERROR", mw, "unknown document")
                continue
            if key not in persons:
                rep("ERROR", mw, "no Person of that name in that gold file")
                continue
            if key in seen:
                rep("ERROR", mw, f"mention listed twice ({seen[key]} and {p['id']})")
            seen[key] = p["id"]
            gold = golds[m["doc"]][0]
            lab = {}
            for e in gold["entities"]:
                for l in [e["name"]] + e.get("aliases", []):
                    lab[norm(l)] = e
            org = m.get("organization")
            if org is not None and (norm(org) not in lab or "Organization" not in etypes(lab[norm(org)])):
                rep("ERROR", mw, f"organization {org!r} is not an Organization of that gold file")
            posts = [r for r in gold["relations"] if r.get("type") == "post"
                     and norm(r["person"]) == key[1]
                     and norm(r["organization"] or "") == norm(org or "")]
            for role in m.get("roles", []):
                if not any(role in r["roles"] for r in posts):
                    rep("WARN", mw, f"role {role!r} @ {org!r} is not a post of this person in that gold file")
            d = m.get("date")
            if d is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d):
                rep("ERROR", mw, f"date {d!r} is not ISO")
        if norm(p["name"]) not in {norm(m.get("name", "")) for m in p["mentions"]}:
            rep("WARN", w, "cluster name is not the name of any of its mentions")
    for key in persons:
        if key not in seen:
            rep("ERROR", where, f"Person {key[1]} of {key[0]} is in no cluster")
    pairs = ident.get("homonym_pairs", [])
    listed = set()
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and all(x in ids for x in pair) and pair[0] != pair[1]):
            rep("ERROR", where, f"bad homonym pair {pair!r}")
            continue
        if norm(ids[pair[0]]["name"]) != norm(ids[pair[1]]["name"]):
            rep("WARN", where, f"homonym pair {pair} has different names")
        listed.add(frozenset(pair))
    for a, b in itertools.combinations(ids.values(), 2):
        if norm(a["name"]) == norm(b["name"]) and frozenset((a["id"], b["id"])) not in listed:
            rep("ERROR", where, f"clusters {a['id']} and {b['id']} share the name {a['name']} "
                "but are not a homonym pair")


def main(argv):
    show_notes = "--notes" in argv
    args = [a for a in argv if not a.startswith("--")]
    root = os.path.abspath(args[0]) if args else os.path.dirname(os.path.abspath(__file__))
    rep = Report(show_notes)
    stems = sorted(f[:-4] for f in os.listdir(root)
                   if f.endswith(".txt") and re.match(r"\d\d_", f))
    golds = {}
    for stem in stems:
        text = open(os.path.join(root, stem + ".txt"), encoding="utf-8").read()
        sp = os.path.join(root, "spec", "src", stem + ".simp")
        simp = open(sp, encoding="utf-8").read() if os.path.exists(sp) else None
        if simp is None and re.search("[們這說與會區縣廠領導參協議]", text):
            rep("ERROR", stem, "Traditional article without a Simplified draft in spec/src/")
        check_text(stem, text, simp, rep)
        gp = os.path.join(root, stem + ".gold.json")
        try:
            gold = json.load(open(gp, encoding="utf-8"))
        except (OSError, ValueError) as exc:
            rep("ERROR", stem + ".gold.json", f"cannot read: {exc}")
            continue
        ents = check_gold(stem, gold, text, simp, rep)
        if ents is not None:
            golds[stem] = (gold, ents)
    for f in sorted(os.listdir(root)):
        if f.endswith(".gold.json") and f[:-10] not in stems:
            rep("ERROR", f, "gold file without article")
    check_identity(os.path.join(root, "identity.json"), golds, rep)
    n_ent = sum(len(g["entities"]) for g, _ in golds.values())
    n_ent_req = sum(1 for g, _ in golds.values() for e in g["entities"] if not e.get("optional"))
    n_rel = sum(len(g["relations"]) for g, _ in golds.values())
    n_rel_req = sum(1 for g, _ in golds.values() for r in g["relations"] if not r.get("optional"))
    print(f"{len(golds)} articles; entities {n_ent} ({n_ent_req} required, {n_ent - n_ent_req} optional); "
          f"relations {n_rel} ({n_rel_req} required, {n_rel - n_rel_req} optional)")
    print(f"{rep.counts['ERROR']} errors, {rep.counts['WARN']} warnings, {rep.counts['NOTE']} notes")
    return 1 if rep.counts["ERROR"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
