"""Validate the blind15 gold files and identity.json.

Run from this folder:  python3 check_gold.py

Checks, per ``NN_name.gold.json``:
  * well-formed JSON with exactly the fields GUIDELINES.md defines;
  * the article exists, is UTF-8 and has 600-1400 non-space characters;
  * every required entity has a surface in the text (its name or an alias),
    every alias of an entity that has a surface occurs in the text, or is the
    fuller form of a surface obtained by spelling out its place (``勞工局``
    -> ``澳門勞工局``, ``合作區…局`` -> ``橫琴粵澳深度合作區…局``);
    Traditional articles are also searched after a character-level
    Traditional -> Simplified mapping, so Simplified aliases of Traditional
    surfaces count;
  * canonical names and roles are Simplified;
  * no two entities share a label; relation ends are entities of the file of
    the right type; required relations do not hang on optional entities;
    ``ended`` only on posts, and ended posts are optional;
and for ``identity.json``: every Person of every gold file is exactly one
mention of exactly one cluster; homonym pairs join two clusters of one name.
Errors make the exit status 1; notes are informational.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

ENTITY_TYPES = {"Person", "Organization", "District", "Initiative"}
ENTITY_KEYS = {"type", "types", "name", "aliases", "optional"}
RELATION_KEYS = {
    "post": ({"type", "person", "organization", "roles"}, {"optional", "ended"}),
    "locatedIn": ({"type", "subject", "object"}, {"optional"}),
    "partOf": ({"type", "subject", "object"}, {"optional"}),
    "launchedBy": ({"type", "subject", "object"}, {"optional"}),
    "author": ({"type", "person"}, {"optional"}),
}
END_TYPES = {
    ("post", "person"): {"Person"},
    ("post", "organization"): {"Organization"},
    ("author", "person"): {"Person"},
    ("locatedIn", "subject"): {"Organization", "Initiative"},
    ("locatedIn", "object"): {"District"},
    ("partOf", "subject"): {"District"},
    ("partOf", "object"): {"District"},
    ("launchedBy", "subject"): {"Initiative"},
    ("launchedBy", "object"): {"Organization", "District", "Person"},
}
TOP_LEVEL = ("省", "自治区", "特别行政区", "北京市", "天津市", "上海市", "重庆市")
QUOTES = re.compile(r"[“”‘’「」『』\"'\s]")

# Traditional -> Simplified, for the characters of this set's Traditional
# articles (08, Macau, and 09, Taiwan) and their gold labels, derived once
# with OpenCC (t2s, and hk2s / tw2s for Hong Kong and Taiwan variants) and
# frozen here. Characters outside GB2312 that are missing here are reported,
# so the table cannot silently fall behind the texts; UNCHANGED would list
# such characters that are the same in both scripts (none in this set).
T2S = dict(
    zip(
        "並來個偉傳僱儀優內兩則劃劉動務勞勢區協參吳員問啟單嘖國團執報場壓學實將對導屆"
        "層崗師廳張強後恆慶應揮據數斷於時書會東業構樓樣機橫歡歲決溝濟濱灣為營獲現環產"
        "畢畫異當疇發禮稱穎範粵紹組結統經維線總續羅習聯職臨臺與舉華著蓋藝蘇術裝製見視"
        "親覺計訓記訪設評詞詢該說課調請諮證議讓貼資質車軸輕轉辦辭這週進過達還鄭銜長門"
        "開間關陳陸難電題類顧飛體黃點黨",
        "并来个伟传雇仪优内两则划刘动务劳势区协参吴员问启单啧国团执报场压学实将对导届"
        "层岗师厅张强后恒庆应挥据数断于时书会东业构楼样机横欢岁决沟济滨湾为营获现环产"
        "毕画异当畴发礼称颖范粤绍组结统经维线总续罗习联职临台与举华着盖艺苏术装制见视"
        "亲觉计训记访设评词询该说课调请咨证议让贴资质车轴轻转办辞这周进过达还郑衔长门"
        "开间关陈陆难电题类顾飞体黄点党",
        strict=True,
    )
)
UNCHANGED: set[str] = set()


def norm(s: str) -> str:
    return QUOTES.sub("", unicodedata.normalize("NFKC", s))


def t2s(s: str) -> str:
    return "".join(T2S.get(ch, ch) for ch in s)


def types_of(ent: dict) -> list[str]:
    return ent.get("types") or [ent.get("type")]


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.notes: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"ERROR {where}: {msg}")

    def note(self, where: str, msg: str) -> None:
        self.notes.append(f"note  {where}: {msg}")


def check_entity_shape(ent: object, where: str, rep: Report) -> bool:
    if not isinstance(ent, dict):
        rep.err(where, f"entity is not an object: {ent!r}")
        return False
    extra = set(ent) - ENTITY_KEYS
    if extra:
        rep.err(where, f"unknown entity fields {sorted(extra)} in {ent}")
    if ("type" in ent) == ("types" in ent):
        rep.err(where, f"exactly one of type/types expected: {ent}")
        return False
    tys = types_of(ent)
    if not isinstance(tys, list) or not tys or any(t not in ENTITY_TYPES for t in tys):
        rep.err(where, f"bad type(s) {tys!r}")
        return False
    if "types" in ent and (len(tys) < 2 or len(set(tys)) != len(tys)):
        rep.err(where, f"'types' must list several distinct types: {ent}")
    if not isinstance(ent.get("name"), str) or not ent["name"].strip():
        rep.err(where, f"entity without a name: {ent}")
        return False
    aliases = ent.get("aliases", [])
    if "aliases" in ent and (
        not isinstance(aliases, list)
        or not aliases
        or any(not isinstance(a, str) or not a.strip() for a in aliases)
    ):
        rep.err(where, f"aliases must be a non-empty list of strings: {ent}")
        return False
    if "optional" in ent and ent["optional"] is not True:
        rep.err(where, f"'optional' must be true when present: {ent}")
    return True


def surfaces_ok(
    ent: dict, texts: list[str], districts: list[dict], where: str, rep: Report
) -> None:
    labels = [ent["name"], *ent.get("aliases", [])]
    occurs = {lab: any(norm(lab) in t for t in texts) for lab in labels}
    found = [norm(lab) for lab, ok in occurs.items() if ok]
    if not found:
        if ent.get("optional"):
            rep.note(where, f"optional {ent['name']} has no surface in the text")
        else:
            rep.err(where, f"required entity {ent['name']} has no surface in the text")
        return
    # fuller forms: a district label followed by an occurring surface, the
    # surface's own short place prefix (a district label or its level
    # character, 市/县/区/州/…) dropped; 政府 may be spelt out as 人民政府
    stems = set(found)
    stems |= {s.replace("政府", "人民政府") for s in found if "人民政府" not in s}
    derived: set[str] = set()
    for d in districts:
        dl = [norm(x) for x in [d["name"], *d.get("aliases", [])]]
        prefixes = [*dl, norm(d["name"])[-1]]
        for stem in stems:
            for lab in dl:
                derived.add(lab + stem)
                for p in prefixes:
                    if stem.startswith(p) and len(stem) > len(p):
                        derived.add(lab + stem[len(p) :])
    for lab in labels:
        if occurs[lab] or norm(lab) in derived:
            continue
        if lab == ent["name"]:
            continue  # a canonical form (e.g. Simplified) backed by an occurring alias
        rep.err(
            where,
            f"alias {lab!r} of {ent['name']} neither occurs"
            " nor is a fuller form of a surface",
        )


def check_gold(path: Path, rep: Report) -> dict | None:
    where = path.name
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        rep.err(where, f"not well-formed: {exc}")
        return None
    if not isinstance(gold, dict) or set(gold) != {"document", "entities", "relations"}:
        rep.err(where, "top level must have exactly document, entities, relations")
        return None
    stem = path.name[: -len(".gold.json")]
    if gold["document"] != f"{stem}.txt":
        rep.err(where, f"document {gold['document']!r} should be {stem}.txt")
    txt_path = HERE / f"{stem}.txt"
    try:
        raw = txt_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        rep.err(where, f"article unreadable: {exc}")
        return None
    size = len("".join(raw.split()))
    if not 600 <= size <= 1400:
        rep.err(where, f"article has {size} non-space characters (600-1400 expected)")
    traditional = sum(ch in T2S for ch in raw) > 20
    texts = [norm(raw)] + ([norm(t2s(raw))] if traditional else [])
    if traditional:
        missing = set()
        for ch in raw:
            if ch in T2S or ch in UNCHANGED:
                continue
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                if unicodedata.category(ch).startswith("L"):
                    missing.add(ch)
        if missing:
            rep.err(
                where,
                f"Traditional characters missing from T2S: {''.join(sorted(missing))}",
            )

    ents = gold["entities"]
    rels = gold["relations"]
    if not isinstance(ents, list) or not isinstance(rels, list):
        rep.err(where, "entities and relations must be lists")
        return None
    good = [
        e
        for i, e in enumerate(ents)
        if check_entity_shape(e, f"{where} entity {i}", rep)
    ]
    label_of: dict[str, dict] = {}
    for ent in good:
        for lab in [ent["name"], *ent.get("aliases", [])]:
            key = norm(lab)
            if key in label_of and label_of[key] is not ent:
                rep.err(where, f"label {lab!r} names two entities")
            if key in label_of and label_of[key] is ent and lab != ent["name"]:
                rep.err(where, f"label {lab!r} repeated within {ent['name']}")
            label_of[key] = ent
        if any(ch in T2S for ch in ent["name"]):
            rep.err(where, f"canonical name {ent['name']!r} is not Simplified")
    districts = [e for e in good if "District" in types_of(e)]
    for ent in good:
        surfaces_ok(ent, texts, districts, where, rep)

    seen: set[str] = set()
    parents: set[str] = set()
    for i, rel in enumerate(rels):
        rw = f"{where} relation {i}"
        if not isinstance(rel, dict) or rel.get("type") not in RELATION_KEYS:
            rep.err(rw, f"unknown relation {rel!r}")
            continue
        need, allowed = RELATION_KEYS[rel["type"]]
        if not need <= set(rel) or set(rel) - need - allowed:
            rep.err(
                rw,
                f"fields of {rel['type']} should be {sorted(need)}"
                f" (+{sorted(allowed)}): {rel}",
            )
            continue
        for flag in ("optional", "ended"):
            if flag in rel and rel[flag] is not True:
                rep.err(rw, f"{flag!r} must be true when present: {rel}")
        if rel.get("ended") and not rel.get("optional"):
            rep.err(rw, f"an ended post is optional in gold: {rel}")
        key = json.dumps(rel, ensure_ascii=False, sort_keys=True)
        if key in seen:
            rep.err(rw, f"duplicate relation {rel}")
        seen.add(key)
        if rel["type"] == "post":
            roles = rel["roles"]
            if not isinstance(roles, list) or any(
                not isinstance(r, str) or not r for r in roles
            ):
                rep.err(rw, f"roles must be a list of non-empty strings: {rel}")
            elif any(ch in T2S for r in roles for ch in r):
                rep.err(rw, f"roles must be Simplified: {roles}")
        for field in ("person", "organization", "subject", "object"):
            if field not in rel:
                continue
            value = rel[field]
            if value is None and (rel["type"], field) == ("post", "organization"):
                continue
            if not isinstance(value, str):
                rep.err(rw, f"{field} must be a name: {rel}")
                continue
            ent = label_of.get(norm(value))
            if ent is None:
                rep.err(rw, f"{field} {value!r} is not an entity of the file")
                continue
            if not END_TYPES[(rel["type"], field)] & set(types_of(ent)):
                rep.err(rw, f"{field} {value!r} has type {types_of(ent)}: {rel}")
            if (
                ent.get("optional")
                and not rel.get("optional")
                and rel["type"] != "author"
            ):
                rep.err(rw, f"required relation ends on optional entity {value!r}")
            if rel["type"] == "partOf" and field == "subject":
                parents.add(ent["name"])
    for ent in districts:
        if ent.get("optional") or ent["name"] in parents:
            continue
        if not ent["name"].endswith(TOP_LEVEL):
            rep.note(where, f"district {ent['name']} has no partOf")
    if not any(r.get("type") == "author" for r in rels if isinstance(r, dict)):
        rep.note(where, "no author")
    return gold


def check_identity(golds: dict[str, dict], rep: Report) -> None:
    where = "identity.json"
    path = HERE / where
    try:
        ident = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        rep.err(where, f"unreadable: {exc}")
        return
    if not isinstance(ident, dict) or set(ident) != {"people", "homonym_pairs"}:
        rep.err(where, "top level must have exactly people, homonym_pairs")
        return
    persons = {
        (doc, e["name"]): e
        for doc, g in golds.items()
        for e in g["entities"]
        if isinstance(e, dict) and e.get("type") == "Person"
    }
    orgs = {
        doc: {
            e["name"]
            for e in g["entities"]
            if isinstance(e, dict) and "Organization" in types_of(e)
        }
        for doc, g in golds.items()
    }
    used: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    for person in ident["people"]:
        pid = person.get("id")
        extra = set(person) - {"id", "name", "note", "mentions"}
        if extra or not pid or not person.get("name") or not person.get("mentions"):
            rep.err(where, f"bad cluster {person}")
            continue
        if pid in names:
            rep.err(where, f"duplicate id {pid}")
        names[pid] = person["name"]
        for m in person["mentions"]:
            if set(m) != {"doc", "name", "roles", "organization", "date"}:
                rep.err(where, f"{pid}: mention fields {sorted(m)}")
                continue
            key = (m["doc"], m["name"])
            if key not in persons:
                rep.err(where, f"{pid}: {key} is not a Person of a gold file")
                continue
            if key in used:
                rep.err(where, f"{key} is in both {used[key]} and {pid}")
            used[key] = pid
            if (
                m["organization"] is not None
                and m["organization"] not in orgs[m["doc"]]
            ):
                rep.err(
                    where,
                    f"{pid}: organization {m['organization']!r} not in {m['doc']}",
                )
            if not isinstance(m["roles"], list):
                rep.err(where, f"{pid}: roles must be a list")
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(m["date"])):
                rep.err(where, f"{pid}: bad date {m['date']!r}")
    for key in persons:
        if key not in used:
            rep.err(where, f"Person {key} is in no cluster")
    for pair in ident["homonym_pairs"]:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or pair[0] == pair[1]
            or any(p not in names for p in pair)
        ):
            rep.err(where, f"bad homonym pair {pair}")
        elif names[pair[0]] != names[pair[1]]:
            rep.err(where, f"homonym pair {pair} joins different names")
    merged = sum(
        1 for p in ident["people"] if len({m["doc"] for m in p.get("mentions", [])}) > 1
    )
    rep.note(
        where,
        f"{len(ident['people'])} clusters, {merged} across articles,"
        f" {len(ident['homonym_pairs'])} homonym pairs",
    )


def main() -> int:
    rep = Report()
    golds: dict[str, dict] = {}
    files = sorted(HERE.glob("*.gold.json"))
    if not files:
        rep.err(str(HERE), "no gold files")
    for path in files:
        gold = check_gold(path, rep)
        if gold is not None:
            golds[path.name[: -len(".gold.json")]] = gold
    for txt in sorted(HERE.glob("*.txt")):
        if not (HERE / f"{txt.stem}.gold.json").exists():
            rep.err(txt.name, "article without gold")
    check_identity(golds, rep)
    for line in rep.notes + rep.errors:
        print(line)
    n_ent = sum(len(g["entities"]) for g in golds.values())
    n_rel = sum(len(g["relations"]) for g in golds.values())
    print(
        f"{len(golds)} gold files, {n_ent} entities, {n_rel} relations:"
        f" {len(rep.errors)} errors"
    )
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
