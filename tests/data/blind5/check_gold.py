#!/usr/bin/env python3
"""Validate the blind5 gold files (standard library only).

Usage:  python3 check_gold.py [--stats] [DIR]

Checks, for every NN_slug.gold.json beside this script (or in DIR):
  * valid JSON with exactly the keys document / entities / relations;
  * `document` names the article's own text file, which exists;
  * the text has a headline, a blank line, a body, and 350-1000 characters;
  * entity and relation types are valid, fields are well formed;
  * relation ends are canonical entity names of the right types, and a
    required relation never hangs on an optional entity;
  * every required entity has a surface form (name or alias) in the text,
    compared after NFKC, with quotation marks and white space removed; for
    Traditional texts also after the small Traditional->Simplified table
    below, and then the Traditional surface form must be listed as an alias;
  * roles are written in Simplified characters;
  * no duplicate entities, aliases or relations.
Errors make the exit status 1.  Notes (aliases not found literally in the
text, canonical names built from a short form) are printed for review.
"""

import json
import pathlib
import sys
import unicodedata

# Traditional -> Simplified, for the characters used in the Traditional
# articles of this set (made once for this set; see spec/make_traditional.py).
_TRAD = (
    "並來個傑億優兩剛劃劉動務勢勵區參吳員問啓國圍團執堅報場壓學實審將專對導屆層峽崗師"
    "幹廠強後恆應掛據擬於時晉曉書會條楊業標機歷況漢濟濤為營牽現產當發監碩簽糾紅級紛紡"
    "紹組結給經網綿縣總織繞繫續聯職聽臺與興華萬蘭處術衛補見規訂訊記訪設許訴試話誌說説"
    "調談諾講議護讓負財責費貼賀資質賬蹤車軍輝辦這進遊過遠選鄉鄧鄭鈎鎮鏈鑄長門開間關陳"
    "陽電韋項預領頭題願類風餘馬體鳴鴻鹽麗黃點黨"
)
_SIMP = (
    "并来个杰亿优两刚划刘动务势励区参吴员问启国围团执坚报场压学实审将专对导届层峡岗师"
    "干厂强后恒应挂据拟于时晋晓书会条杨业标机历况汉济涛为营牵现产当发监硕签纠红级纷纺"
    "绍组结给经网绵县总织绕系续联职听台与兴华万兰处术卫补见规订讯记访设许诉试话志说说"
    "调谈诺讲议护让负财责费贴贺资质账踪车军辉办这进游过远选乡邓郑钩镇链铸长门开间关陈"
    "阳电韦项预领头题愿类风余马体鸣鸿盐丽黄点党"
)

T2S = dict(zip(_TRAD, _SIMP, strict=False))
assert len(_TRAD) == len(_SIMP)

ENTITY_TYPES = {"Person", "Organization", "District", "Initiative"}
RELATION_KEYS = {
    "post": {"person", "organization", "roles"},
    "locatedIn": {"subject", "object"},
    "partOf": {"subject", "object"},
    "launchedBy": {"subject", "object"},
    "author": {"person"},
}
QUOTES = "\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f\"'"
MIN_LEN, MAX_LEN = 350, 1000


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if ch not in QUOTES and not ch.isspace())


def t2s(s):
    return "".join(T2S.get(ch, ch) for ch in s)


def is_traditional(text):
    return sum(ch in T2S for ch in text) >= 20


def types_of(ent):
    if "types" in ent:
        return set(ent["types"])
    return {ent.get("type")}


class Report:
    def __init__(self, name):
        self.name = name
        self.errors = []
        self.notes = []

    def err(self, msg):
        self.errors.append(msg)

    def note(self, msg):
        self.notes.append(msg)


def check_entities(rep, gold, text_n, text_s, trad):
    names = {}
    surface_owner = {}
    for i, ent in enumerate(gold.get("entities", [])):
        where = f"entity #{i}"
        if not isinstance(ent, dict):
            rep.err(f"{where}: not an object")
            continue
        extra = set(ent) - {"type", "types", "name", "aliases", "optional"}
        if extra:
            rep.err(f"{where}: unknown keys {sorted(extra)}")
        if ("type" in ent) == ("types" in ent):
            rep.err(f"{where}: needs exactly one of type / types")
            continue
        if "type" in ent and ent["type"] not in ENTITY_TYPES:
            rep.err(f"{where}: bad type {ent['type']!r}")
        if "types" in ent:
            ts = ent["types"]
            if (
                not isinstance(ts, list)
                or len(ts) < 2
                or len(set(ts)) != len(ts)
                or not set(ts) <= ENTITY_TYPES
            ):
                rep.err(f"{where}: bad types {ts!r}")
        name = ent.get("name")
        if not isinstance(name, str) or not name.strip():
            rep.err(f"{where}: missing name")
            continue
        where = f"entity {name!r}"
        if name in names:
            rep.err(f"{where}: duplicate entity name")
        names[name] = ent
        aliases = ent.get("aliases", [])
        if "aliases" in ent and (not isinstance(aliases, list) or not aliases):
            rep.err(f"{where}: aliases must be a non-empty list when present")
            aliases = []
        if len(set(aliases)) != len(aliases):
            rep.err(f"{where}: repeated alias")
        if name in aliases:
            rep.err(f"{where}: alias equal to the name")
        if "optional" in ent and ent["optional"] is not True:
            rep.err(f"{where}: optional must be true when present")
        forms = [name] + [a for a in aliases if isinstance(a, str)]
        for f in forms:
            key = (norm(f), frozenset(types_of(ent)))
            if key in surface_owner and surface_owner[key] != name:
                rep.err(
                    f"{where}: surface form {f!r} also names {surface_owner[key]!r}"
                )
            surface_owner[key] = name
        # surface forms in the text
        raw_hits = [f for f in forms if norm(f) and norm(f) in text_n]
        conv_hits = [f for f in forms if norm(f) and norm(f) in text_s]
        optional = ent.get("optional") is True
        if not raw_hits and not conv_hits:
            if optional:
                rep.note(
                    f"optional {where}: no surface form in the text "
                    "(gazetteer / implied)"
                )
            else:
                rep.err(
                    f"required {where}: no surface form (name or alias) "
                    "occurs in the text"
                )
        elif trad and not raw_hits and not optional:
            rep.err(
                f"required {where}: occurs only after Traditional->Simplified "
                "conversion; "
                f"add the Traditional surface form as an alias"
            )
        if not optional and norm(name) not in text_s:
            rep.note(f"{where}: canonical name built from a shorter form in the text")
        for a in aliases:
            if isinstance(a, str) and norm(a) not in text_n and norm(a) not in text_s:
                rep.note(f"{where}: alias {a!r} not literally in the text")
        if trad:
            for a in aliases:
                if (
                    isinstance(a, str)
                    and norm(a) in text_n
                    and t2s(a) != a
                    and t2s(a) not in forms
                ):
                    rep.err(
                        f"{where}: Traditional alias {a!r} has no Simplified form "
                        "among name/aliases"
                    )
    return names


def check_relations(rep, gold, names):
    def ent_ok(label, name, want, where, required):
        if name not in names:
            rep.err(f"{where}: {label} {name!r} is not a canonical entity name")
            return
        ent = names[name]
        if not (types_of(ent) & want):
            rep.err(
                f"{where}: {label} {name!r} has type {sorted(types_of(ent))}, "
                f"want {sorted(want)}"
            )
        if required and ent.get("optional") is True:
            rep.err(f"{where}: required relation uses optional entity {name!r}")

    seen = {}
    post_pairs = {}
    for i, rel in enumerate(gold.get("relations", [])):
        where = f"relation #{i}"
        if not isinstance(rel, dict):
            rep.err(f"{where}: not an object")
            continue
        rtype = rel.get("type")
        if rtype not in RELATION_KEYS:
            rep.err(f"{where}: bad relation type {rtype!r}")
            continue
        allowed = (
            RELATION_KEYS[rtype]
            | {"type", "optional"}
            | ({"ended"} if rtype == "post" else set())
        )
        extra = set(rel) - allowed
        missing = RELATION_KEYS[rtype] - set(rel)
        if extra:
            rep.err(f"{where}: unknown keys {sorted(extra)}")
        if missing:
            rep.err(f"{where}: missing keys {sorted(missing)}")
            continue
        optional = rel.get("optional") is True
        if "optional" in rel and rel["optional"] is not True:
            rep.err(f"{where}: optional must be true when present")
        required = not optional
        if rtype == "post":
            where = f"post({rel['person']}, {rel['organization']})"
            ent_ok("person", rel["person"], {"Person"}, where, required)
            if rel["organization"] is not None:
                ent_ok(
                    "organization",
                    rel["organization"],
                    {"Organization"},
                    where,
                    required,
                )
            roles = rel["roles"]
            if not isinstance(roles, list) or not all(
                isinstance(r, str) and r for r in roles
            ):
                rep.err(f"{where}: roles must be a list of non-empty strings")
                roles = []
            if len(set(roles)) != len(roles):
                rep.err(f"{where}: repeated role")
            for r in roles:
                if t2s(r) != r:
                    rep.err(f"{where}: role {r!r} is not in Simplified characters")
            if rel["organization"] is None and not roles:
                rep.err(f"{where}: a post without organisation needs a role")
            if "ended" in rel:
                if rel["ended"] is not True:
                    rep.err(f"{where}: ended must be true when present")
                elif not optional:
                    rep.err(f"{where}: an ended post is optional in gold")
            key = (rtype, rel["person"], rel["organization"], tuple(sorted(roles)))
            pair = (rel["person"], rel["organization"], optional)
            if pair in post_pairs and rel["organization"] is not None:
                rep.err(
                    f"{where}: same person-organisation post listed twice; "
                    "merge the roles"
                )
            post_pairs[pair] = i
        elif rtype == "author":
            where = f"author({rel['person']})"
            ent_ok("person", rel["person"], {"Person"}, where, required)
            key = (rtype, rel["person"])
        else:
            where = f"{rtype}({rel['subject']} -> {rel['object']})"
            if rtype == "locatedIn":
                ent_ok("subject", rel["subject"], {"Organization"}, where, required)
                ent_ok("object", rel["object"], {"District"}, where, required)
            elif rtype == "partOf":
                ent_ok("subject", rel["subject"], {"District"}, where, required)
                ent_ok("object", rel["object"], {"District"}, where, required)
            else:
                ent_ok("subject", rel["subject"], {"Initiative"}, where, required)
                ent_ok(
                    "object",
                    rel["object"],
                    {"Organization", "District", "Person"},
                    where,
                    required,
                )
            if rel["subject"] == rel["object"]:
                rep.err(f"{where}: relation to itself")
            key = (rtype, rel["subject"], rel["object"])
        if key in seen:
            rep.err(f"{where}: duplicate relation")
        seen[key] = i
    # partOf: one direct parent per area among required relations
    parents = {}
    for rel in gold.get("relations", []):
        if rel.get("type") == "partOf" and rel.get("optional") is not True:
            parents.setdefault(rel["subject"], []).append(rel["object"])
    for sub, objs in parents.items():
        if len(objs) > 1:
            rep.err(
                f"partOf({sub}): several required parents {objs}; "
                "only the direct parent is gold"
            )


def check_file(path):
    rep = Report(path.name)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        rep.err(f"not valid JSON: {exc}")
        return rep, None
    if not isinstance(gold, dict) or set(gold) != {"document", "entities", "relations"}:
        rep.err(
            "top level must be an object with exactly document / entities / relations"
        )
        return rep, None
    stem = path.name[: -len(".gold.json")]
    if gold["document"] != stem + ".txt":
        rep.err(f"document is {gold['document']!r}, want {stem + '.txt'!r}")
    txt = path.with_name(stem + ".txt")
    if not txt.exists():
        rep.err(f"text file {txt.name} missing")
        return rep, gold
    text = txt.read_text(encoding="utf-8")
    lines = text.split("\n")
    if (
        len(lines) < 3
        or not lines[0].strip()
        or lines[1].strip()
        or not lines[2].strip()
    ):
        rep.err("text must be: headline, blank line, body")
    n = len(text.strip())
    if not MIN_LEN <= n <= MAX_LEN:
        rep.err(f"text length {n} outside {MIN_LEN}-{MAX_LEN}")
    trad = is_traditional(text)
    text_n = norm(text)
    text_s = t2s(text_n)
    names = check_entities(rep, gold, text_n, text_s, trad)
    check_relations(rep, gold, names)
    return rep, gold


def stats(golds):
    ent = {}
    rel = {}
    for gold in golds:
        for e in gold["entities"]:
            t = "+".join(e["types"]) if "types" in e else e["type"]
            k = "optional" if e.get("optional") else "required"
            ent.setdefault(t, {"required": 0, "optional": 0})[k] += 1
        for r in gold["relations"]:
            k = "optional" if r.get("optional") else "required"
            rel.setdefault(r["type"], {"required": 0, "optional": 0})[k] += 1
    out = ["", "entities      required  optional"]
    for t in sorted(ent):
        out.append(f"  {t:<24}{ent[t]['required']:>4}{ent[t]['optional']:>10}")
    out.append(
        f"  {'total':<24}{sum(v['required'] for v in ent.values()):>4}"
        f"{sum(v['optional'] for v in ent.values()):>10}"
    )
    out.append("relations     required  optional")
    for t in ["post", "locatedIn", "partOf", "launchedBy", "author"]:
        v = rel.get(t, {"required": 0, "optional": 0})
        out.append(f"  {t:<24}{v['required']:>4}{v['optional']:>10}")
    out.append(
        f"  {'total':<24}{sum(v['required'] for v in rel.values()):>4}"
        f"{sum(v['optional'] for v in rel.values()):>10}"
    )
    return "\n".join(out)


def main(argv):
    show_stats = "--stats" in argv
    verbose = "-v" in argv
    args = [a for a in argv if not a.startswith("-")]
    folder = pathlib.Path(args[0]) if args else pathlib.Path(__file__).resolve().parent
    golds = sorted(folder.glob("*.gold.json"))
    texts = sorted(folder.glob("*.txt"))
    errors = 0
    for t in texts:
        if not t.with_name(t.stem + ".gold.json").exists():
            print(f"{t.name}: ERROR no gold file")
            errors += 1
    loaded = []
    for g in golds:
        rep, gold = check_file(g)
        if gold is not None:
            loaded.append(gold)
        status = "ok" if not rep.errors else f"{len(rep.errors)} error(s)"
        print(f"{rep.name}: {status}, {len(rep.notes)} note(s)")
        for e in rep.errors:
            print(f"  ERROR {e}")
        if verbose:
            for nmsg in rep.notes:
                print(f"  note  {nmsg}")
        errors += len(rep.errors)
    print(f"{len(golds)} gold files, {len(texts)} texts, {errors} errors")
    if show_stats and loaded:
        print(stats(loaded))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
