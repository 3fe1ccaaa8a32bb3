#!/usr/bin/env python3
"""Expand the compact specs (spec/NN_slug.spec) into NN_slug.gold.json and
identity.json.  Standard library only:  python3 spec/build_gold.py

Spec lines (a leading '?' marks an optional entity or relation):
  P|O|D|I|OI  name [| alias | alias ...]      OI = types Organization+Initiative
  post person @ organisation|- : role, role   '-' = organisation null; roles may be empty
  ~post ...                                   ended post (ended: true, optional: true)
  loc  organisation > district                locatedIn
  part district > parent                      partOf (direct parent only)
  launch initiative > organisation|district   launchedBy
  author person
Relation ends may be written with the canonical name or any alias; the gold
file always uses the canonical name.

Traditional articles: the Simplified draft spec/src/<stem>.simp and the
article <stem>.txt have the same length (the conversion is character by
character), so every Simplified name/alias found in the draft is mapped to
the Traditional surface form at the same offsets, which is added as alias.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TYPES = {"P": "Person", "O": "Organization", "D": "District", "I": "Initiative"}
QUOTES = "“”‘’「」『』\"'"


def strip_quotes(s):
    return "".join(ch for ch in s if ch not in QUOTES and not ch.isspace())


def parse_spec(path):
    ents, rels = [], []
    for lineno, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        opt = ended = False
        if line.startswith("?"):
            opt, line = True, line[1:]
        if line.startswith("~"):
            ended, opt, line = True, True, line[1:]
        head, _, rest = line.partition(" ")
        rest = rest.strip()
        if head in ("P", "O", "D", "I", "OI"):
            parts = [p.strip() for p in rest.split("|")]
            ents.append({"kind": head, "name": parts[0],
                         "aliases": [p for p in parts[1:] if p], "optional": opt,
                         "line": lineno})
        elif head == "post":
            m = re.fullmatch(r"(.+?)\s*@\s*(.+?)\s*:\s*(.*)", rest)
            if not m:
                sys.exit(f"{path}:{lineno}: bad post line")
            roles = [r.strip() for r in re.split(r"[,，、]", m.group(3)) if r.strip()]
            org = None if m.group(2) == "-" else m.group(2)
            rels.append({"type": "post", "person": m.group(1), "organization": org,
                         "roles": roles, "optional": opt, "ended": ended,
                         "line": lineno})
        elif head in ("loc", "part", "launch"):
            a, sep, b = rest.partition(" > ")
            if not sep:
                sys.exit(f"{path}:{lineno}: bad {head} line")
            typ = {"loc": "locatedIn", "part": "partOf", "launch": "launchedBy"}[head]
            rels.append({"type": typ, "subject": a.strip(), "object": b.strip(),
                         "optional": opt, "line": lineno})
        elif head == "author":
            rels.append({"type": "author", "person": rest, "optional": opt,
                         "line": lineno})
        else:
            sys.exit(f"{path}:{lineno}: unknown line {line!r}")
    return ents, rels


def trad_forms(simp_text, trad_text, form):
    """Traditional surface forms aligned with the occurrences of `form`."""
    out = []
    start = 0
    while True:
        i = simp_text.find(form, start)
        if i < 0:
            break
        t = trad_text[i:i + len(form)]
        if t != form and t not in out:
            out.append(t)
        start = i + 1
    return out


def build_doc(stem):
    ents, rels = parse_spec(os.path.join(HERE, stem + ".spec"))
    text = open(os.path.join(ROOT, stem + ".txt"), encoding="utf-8").read()
    simp_path = os.path.join(HERE, "src", stem + ".simp")
    simp = open(simp_path, encoding="utf-8").read() if os.path.exists(simp_path) else None
    if simp is not None and len(simp) != len(text):
        sys.exit(f"{stem}: Simplified draft and article differ in length")
    lookup = {}
    for e in ents:
        for label in [e["name"]] + e["aliases"]:
            key = strip_quotes(label)
            if key in lookup and lookup[key] is not e:
                sys.exit(f"{stem}: label {label!r} used by two entities")
            lookup[key] = e

    def canon(label, line):
        e = lookup.get(strip_quotes(label))
        if e is None:
            sys.exit(f"{stem}.spec:{line}: unknown entity {label!r}")
        return e["name"]

    out_ents = []
    for e in ents:
        aliases = list(e["aliases"])
        if simp is not None:
            for form in [e["name"]] + e["aliases"]:
                for t in trad_forms(simp, text, form):
                    if t not in aliases and t != e["name"]:
                        aliases.append(t)
        d = {}
        if e["kind"] == "OI":
            d["types"] = ["Organization", "Initiative"]
        else:
            d["type"] = TYPES[e["kind"]]
        d["name"] = e["name"]
        if aliases:
            d["aliases"] = aliases
        if e["optional"]:
            d["optional"] = True
        out_ents.append(d)

    out_rels = []
    for r in rels:
        if r["type"] == "post":
            d = {"type": "post", "person": canon(r["person"], r["line"]),
                 "organization": None if r["organization"] is None
                 else canon(r["organization"], r["line"]),
                 "roles": r["roles"]}
            if r["ended"]:
                d["ended"] = True
        elif r["type"] == "author":
            d = {"type": "author", "person": canon(r["person"], r["line"])}
        else:
            d = {"type": r["type"], "subject": canon(r["subject"], r["line"]),
                 "object": canon(r["object"], r["line"])}
        if r["optional"]:
            d["optional"] = True
        out_rels.append(d)

    gold = {"document": stem + ".txt", "entities": out_ents, "relations": out_rels}
    with open(os.path.join(ROOT, stem + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return gold, text




def doc_date(text):
    m = re.search(r"(?:发布时间|發布時間|發佈時間)：(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if not m:
        return None
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def mention_of(gold, person):
    posts = [r for r in gold["relations"] if r["type"] == "post" and r["person"] == person]
    order = ([r for r in posts if not r.get("optional") and r["organization"]] +
             [r for r in posts if not r.get("optional") and not r["organization"]] +
             [r for r in posts if r.get("optional") and not r.get("ended")])
    if order:
        return order[0]["roles"], order[0]["organization"]
    return [], None


def build_identity(golds):
    same, notes, overrides = [], {}, {}
    for raw in open(os.path.join(HERE, "identity.spec"), encoding="utf-8"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        body, _, note = line.partition("|")
        kind, *refs = body.split()
        refs = [tuple(r.split(":", 1)) for r in refs]
        if kind == "same":
            same.append((refs, note.strip()))
        elif kind == "note":
            notes[refs[0]] = note.strip()
        elif kind == "role":
            # role <doc>:<name> | role, role @ organisation|-
            roles, _, org = note.partition("@")
            overrides[refs[0]] = ([r.strip() for r in re.split(r"[,，、]", roles) if r.strip()],
                                  None if org.strip() in ("", "-") else org.strip())
    clusters, seen = [], {}
    for refs, note in same:
        clusters.append({"refs": refs, "note": note})
        for ref in refs:
            seen[ref] = True
    for stem, (gold, _text) in golds.items():
        for e in gold["entities"]:
            if e.get("type") == "Person" and (stem, e["name"]) not in seen:
                clusters.append({"refs": [(stem, e["name"])],
                                 "note": notes.get((stem, e["name"]))})
                seen[(stem, e["name"])] = True
    clusters.sort(key=lambda c: (c["refs"][0][0],
                                 [e["name"] for e in golds[c["refs"][0][0]][0]["entities"]].index(c["refs"][0][1])))
    people = []
    for i, c in enumerate(clusters, 1):
        name = c["refs"][0][1]
        p = {"id": f"P{i:03d}", "name": name}
        if c["note"]:
            p["note"] = c["note"]
        p["mentions"] = []
        for stem, pname in c["refs"]:
            gold, text = golds[stem]
            if not any(e.get("type") == "Person" and e["name"] == pname for e in gold["entities"]):
                sys.exit(f"identity.spec: {stem}:{pname} is not a Person of that gold file")
            roles, org = overrides.get((stem, pname)) or mention_of(gold, pname)
            p["mentions"].append({"doc": stem, "name": pname, "roles": roles,
                                  "organization": org, "date": doc_date(text)})
        people.append(p)
    pairs = []
    for i in range(len(people)):
        for j in range(i + 1, len(people)):
            if people[i]["name"] == people[j]["name"]:
                pairs.append([people[i]["id"], people[j]["id"]])
    ident = {"people": people, "homonym_pairs": pairs}
    with open(os.path.join(ROOT, "identity.json"), "w", encoding="utf-8") as f:
        json.dump(ident, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return ident


def main():
    stems = sorted(f[:-5] for f in os.listdir(HERE) if f.endswith(".spec") and f != "identity.spec")
    golds = {}
    for stem in stems:
        golds[stem] = build_doc(stem)
    ident = build_identity(golds)
    ne = sum(len(g["entities"]) for g, _ in golds.values())
    nr = sum(len(g["relations"]) for g, _ in golds.values())
    print(f"{len(golds)} gold files, {ne} entities, {nr} relations, "
          f"{len(ident['people'])} identity clusters, {len(ident['homonym_pairs'])} homonym pairs")


if __name__ == "__main__":
    main()
