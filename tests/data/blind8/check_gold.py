#!/usr/bin/env python3
"""Standard-library checker for the blind8 gold set.

Checks every *.gold.json beside this script against the format of
/work/shared/gold/GUIDELINES.md, that every entity surface form occurs in its
article, that relation ends are declared entities of the right type, the
article file layout, and identity.json.  Prints errors, warnings, notes and
totals; exits 1 when there is any error.
Usage: python3 check_gold.py [folder]
"""

import glob
import json
import os
import sys
import unicodedata
from collections import Counter

TYPES = {"Person", "Organization", "District", "Initiative"}
RTYPES = {"post", "locatedIn", "partOf", "launchedBy", "author"}
QUOTES = "“”‘’「」『』\"'"
TRADITIONAL = {"07_liuzhou_hk_reprint", "08_jinjiang_tw_reprint"}


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if c not in QUOTES and not c.isspace())


errors, warnings, notes = [], [], []


def err(doc, msg):
    errors.append("%s: %s" % (doc, msg))


def warn(doc, msg):
    warnings.append("%s: %s" % (doc, msg))


def check_text(stem, path):
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    lines = raw.split("\n")
    if not lines[0].startswith("# ") or len(lines) < 3 or lines[1] != "":
        err(stem, "article must start with '# headline', then a blank line")
    n = len(raw)
    if not 300 <= n <= 900:
        err(stem, "article length %d outside 300-900 characters" % n)
    return raw


def types_of(e):
    return set(e["types"]) if "types" in e else {e.get("type")}


def check_gold(path, totals):
    stem = os.path.basename(path)[: -len(".gold.json")]
    try:
        with open(path, encoding="utf-8") as fh:
            g = json.load(fh)
    except Exception as ex:
        err(stem, "invalid JSON: %s" % ex)
        return None
    if not isinstance(g, dict) or set(g) != {"document", "entities", "relations"}:
        err(
            stem,
            "top level must be an object with exactly document, entities, relations",
        )
        return None
    if g["document"] != stem + ".txt":
        err(stem, "document is %r, expected %r" % (g["document"], stem + ".txt"))
    tpath = os.path.join(os.path.dirname(path), stem + ".txt")
    if not os.path.exists(tpath):
        err(stem, "article file missing")
        return None
    text = norm(check_text(stem, tpath))
    labels = {}  # normalised label -> entity
    persons = []
    for i, e in enumerate(g["entities"]):
        where = "entity #%d" % i
        if not isinstance(e, dict):
            err(stem, where + " is not an object")
            continue
        extra = set(e) - {"type", "types", "name", "aliases", "optional"}
        if extra:
            err(stem, "%s has unknown keys %s" % (where, sorted(extra)))
        if ("type" in e) == ("types" in e):
            err(stem, where + " needs exactly one of type / types")
            continue
        if "type" in e and e["type"] not in TYPES:
            err(stem, "%s bad type %r" % (where, e["type"]))
        if "types" in e and (
            not isinstance(e["types"], list)
            or len(e["types"]) < 2
            or not set(e["types"]) <= TYPES
            or len(set(e["types"])) != len(e["types"])
        ):
            err(stem, "%s bad types %r" % (where, e["types"]))
        name = e.get("name")
        if not isinstance(name, str) or not name.strip():
            err(stem, where + " needs a non-empty name")
            continue
        aliases = e.get("aliases", [])
        if "aliases" in e and (
            not isinstance(aliases, list)
            or not aliases
            or not all(isinstance(a, str) and a.strip() for a in aliases)
        ):
            err(
                stem,
                "%s (%s) aliases must be a non-empty list of strings" % (where, name),
            )
            aliases = []
        if "optional" in e and e["optional"] is not True:
            err(stem, "%s (%s) optional must be true when present" % (where, name))
        for lab in [name] + aliases:
            k = norm(lab)
            if k in labels:
                err(
                    stem,
                    "label %r names two entities (%s / %s)"
                    % (lab, labels[k]["name"], name),
                )
            labels[k] = e
        for a in aliases:
            if norm(a) not in text:
                err(stem, "alias %r of %s does not occur in the article" % (a, name))
        if norm(name) not in text:
            if any(norm(a) in text for a in aliases):
                notes.append(
                    "%s: canonical %r is derived (its aliases occur in the text)"
                    % (stem, name)
                )
            elif e.get("optional"):
                warn(
                    stem,
                    "optional %r has no surface form in the text (gazetteer/derived)"
                    % name,
                )
            else:
                err(
                    stem,
                    "required entity %r: neither name nor alias occurs in the article"
                    % name,
                )
        key = "/".join(sorted(types_of(e)))
        totals["ent", key, "optional" if e.get("optional") else "required"] += 1
        if types_of(e) == {"Person"}:
            persons.append(name)

    def ent(lab, allowed, where, req):
        e = labels.get(norm(lab)) if isinstance(lab, str) else None
        if e is None:
            err(stem, "%s: %r is not a declared entity" % (where, lab))
            return None
        if not types_of(e) & allowed:
            err(
                stem,
                "%s: %r has type %s, expected one of %s"
                % (where, lab, sorted(types_of(e)), sorted(allowed)),
            )
        if req and e.get("optional"):
            err(stem, "%s: required relation uses optional entity %r" % (where, lab))
        return e

    seen = Counter()
    for i, r in enumerate(g["relations"]):
        if not isinstance(r, dict) or r.get("type") not in RTYPES:
            err(stem, "relation #%d has a bad type" % i)
            continue
        t, req = r["type"], not r.get("optional")
        where = "relation #%d %s" % (i, t)
        if "optional" in r and r["optional"] is not True:
            err(stem, where + ": optional must be true when present")
        if t == "post":
            allowed_keys = {
                "type",
                "person",
                "organization",
                "roles",
                "optional",
                "ended",
            }
            if not {"person", "organization", "roles"} <= set(r):
                err(stem, where + ": needs person, organization, roles")
                continue
            ent(r["person"], {"Person"}, where, req)
            if r["organization"] is not None:
                ent(r["organization"], {"Organization"}, where, req)
            roles = r["roles"]
            if not isinstance(roles, list) or not all(
                isinstance(x, str) and x for x in roles
            ):
                err(stem, where + ": roles must be a list of non-empty strings")
            elif stem not in TRADITIONAL:
                for x in roles:
                    if norm(x) not in text:
                        warn(
                            stem, "%s: role %r not found verbatim in text" % (where, x)
                        )
            if r["organization"] is None and not roles:
                err(stem, where + ": a null-organisation post needs a role")
            if "ended" in r:
                if r["ended"] is not True:
                    err(stem, where + ": ended must be true when present")
                if req:
                    err(stem, where + ": ended posts are optional in gold (GUIDELINES)")
            tup = (
                t,
                norm(r["person"]),
                r["organization"],
                tuple(roles) if isinstance(roles, list) else (),
            )
        elif t == "author":
            allowed_keys = {"type", "person", "optional"}
            ent(r.get("person"), {"Person"}, where, req)
            tup = (t, r.get("person"))
        else:
            allowed_keys = {"type", "subject", "object", "optional"}
            sub_t = {
                "locatedIn": {"Organization"},
                "partOf": {"District"},
                "launchedBy": {"Initiative"},
            }[t]
            obj_t = {
                "locatedIn": {"District"},
                "partOf": {"District"},
                "launchedBy": {"Organization", "District", "Person"},
            }[t]
            ent(r.get("subject"), sub_t, where, req)
            ent(r.get("object"), obj_t, where, req)
            if r.get("subject") == r.get("object"):
                err(stem, where + ": subject equals object")
            tup = (t, r.get("subject"), r.get("object"))
        extra = set(r) - allowed_keys
        if extra:
            err(stem, "%s has unknown keys %s" % (where, sorted(extra)))
        seen[tup] += 1
        if seen[tup] == 2:
            err(stem, "duplicate relation %r" % (tup,))
        totals["rel", t, "required" if req else "optional"] += 1
    # partOf: only the direct parent, so each district has at most one required parent
    parents = Counter(
        r["subject"]
        for r in g["relations"]
        if r.get("type") == "partOf" and not r.get("optional")
    )
    for s, n in parents.items():
        if n > 1:
            err(stem, "district %r has %d required parents" % (s, n))
    return stem, persons


def check_identity(folder, doc_persons):
    path = os.path.join(folder, "identity.json")
    if not os.path.exists(path):
        err("identity.json", "missing")
        return
    with open(path, encoding="utf-8") as fh:
        idf = json.load(fh)
    if set(idf) - {"people", "homonym_pairs"} or "people" not in idf:
        err("identity.json", "top level must have people (and homonym_pairs)")
    ids, cluster_docs = {}, {}
    mentioned = Counter()
    for p in idf.get("people", []):
        pid = p.get("id")
        if not isinstance(pid, str) or pid in ids:
            err("identity.json", "bad or duplicate id %r" % pid)
            continue
        ids[pid] = p
        if not isinstance(p.get("name"), str) or not p.get("mentions"):
            err("identity.json", "%s needs name and mentions" % pid)
            continue
        extra = set(p) - {"id", "name", "note", "mentions"}
        if extra:
            err("identity.json", "%s unknown keys %s" % (pid, sorted(extra)))
        for m in p["mentions"]:
            d, n = m.get("doc"), m.get("name")
            if d not in doc_persons:
                err("identity.json", "%s: mention in unknown doc %r" % (pid, d))
                continue
            if n not in doc_persons[d]:
                err("identity.json", "%s: %r is not a Person of %s" % (pid, n, d))
            extra = set(m) - {"doc", "name", "roles", "organization", "date"}
            if extra:
                err(
                    "identity.json",
                    "%s: mention unknown keys %s" % (pid, sorted(extra)),
                )
            mentioned[(d, n)] += 1
        cluster_docs[pid] = [m.get("doc") for m in p["mentions"]]
    for d, names in doc_persons.items():
        for n in names:
            if mentioned[(d, n)] != 1:
                err(
                    "identity.json",
                    "%s/%s is in %d clusters (must be exactly 1)"
                    % (d, n, mentioned[(d, n)]),
                )
    multi = [pid for pid, ds in cluster_docs.items() if len(set(ds)) > 1]
    pairs = idf.get("homonym_pairs", [])
    for pr in pairs:
        if not (
            isinstance(pr, list)
            and len(pr) == 2
            and pr[0] in ids
            and pr[1] in ids
            and pr[0] != pr[1]
        ):
            err("identity.json", "bad homonym pair %r" % (pr,))
            continue
        if norm(ids[pr[0]]["name"]) != norm(ids[pr[1]]["name"]):
            warn("identity.json", "homonym pair %r has different names" % (pr,))
    if not multi:
        err("identity.json", "no person appears in two articles")
    if not pairs:
        err("identity.json", "no homonym pair")
    notes.append(
        "identity.json: %d clusters, %d mentions, cross-article clusters %s, homonym pairs %s"
        % (len(ids), sum(mentioned.values()), multi, pairs)
    )


def main():
    folder = (
        sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    )
    totals = Counter()
    doc_persons = {}
    golds = sorted(glob.glob(os.path.join(folder, "*.gold.json")))
    for path in golds:
        res = check_gold(path, totals)
        if res:
            doc_persons[res[0]] = res[1]
    for t in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        if not os.path.exists(t[:-4] + ".gold.json"):
            err(os.path.basename(t), "article without gold file")
    check_identity(folder, doc_persons)
    for n in notes:
        print("NOTE ", n)
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(
        "\n%d gold files, %d errors, %d warnings"
        % (len(golds), len(errors), len(warnings))
    )
    print("\nTotals (required / optional):")
    for kind in ("ent", "rel"):
        keys = sorted({k[1] for k in totals if k[0] == kind})
        for k in keys:
            print(
                "  %-6s %-24s %4d / %4d"
                % (kind, k, totals[kind, k, "required"], totals[kind, k, "optional"])
            )
        print(
            "  %-6s %-24s %4d / %4d"
            % (
                kind,
                "ALL",
                sum(totals[kind, k, "required"] for k in keys),
                sum(totals[kind, k, "optional"] for k in keys),
            )
        )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
