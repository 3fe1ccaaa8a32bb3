"""Write the blind15 articles, gold files and identity.json from spec/.

Run from the blind15 folder:  python3 spec/build.py
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

SPEC = Path(__file__).resolve().parent
OUT = SPEC.parent
sys.path.insert(0, str(SPEC))

import dsl  # noqa: E402
import identity_spec  # noqa: E402

MODULES = sorted(p.stem for p in SPEC.glob("a[0-9][0-9]_*.py"))


def load_articles() -> list:
    arts = [importlib.import_module(name) for name in MODULES]
    docs = [a.DOC for a in arts]
    if len(set(docs)) != len(docs):
        raise SystemExit("duplicate DOC names")
    return arts


def write_json(path: Path, data: object) -> None:
    path.write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def mention_for(gold: dict, person: str, date: str, doc: str) -> dict:
    """The person's main post in the article: first required post with an
    organisation, else first required post, else first optional one."""
    posts = [
        r for r in gold["relations"] if r["type"] == "post" and r["person"] == person
    ]
    ranked = sorted(
        posts,
        key=lambda r: (bool(r.get("optional")), r["organization"] is None),
    )
    best = ranked[0] if ranked else None
    return {
        "doc": doc,
        "name": person,
        "roles": list(best["roles"]) if best else [],
        "organization": best["organization"] if best else None,
        "date": date,
    }


def build_identity(arts: list, golds: dict[str, dict]) -> dict:
    same_of: dict[tuple[str, str], int] = {}
    for idx, (_note, members) in enumerate(identity_spec.SAME):
        for member in members:
            same_of[member] = idx
    people: list[dict] = []
    cluster_of: dict[tuple[str, str], str] = {}
    group_id: dict[int, str] = {}
    for art in arts:
        gold = golds[art.DOC]
        for ent in gold["entities"]:
            if ent.get("type") != "Person":
                continue
            key = (art.DOC, ent["name"])
            mention = mention_for(gold, ent["name"], art.DATE, art.DOC)
            if key in same_of and same_of[key] in group_id:
                pid = group_id[same_of[key]]
                next(p for p in people if p["id"] == pid)["mentions"].append(mention)
            else:
                pid = f"P{len(people) + 1}"
                person = {"id": pid, "name": ent["name"]}
                if key in same_of:
                    group_id[same_of[key]] = pid
                    person["note"] = identity_spec.SAME[same_of[key]][0]
                elif key in identity_spec.NOTES:
                    person["note"] = identity_spec.NOTES[key]
                person["mentions"] = [mention]
                people.append(person)
            cluster_of[key] = pid
    for members in (m for _n, m in identity_spec.SAME):
        for member in members:
            if member not in cluster_of:
                raise SystemExit(f"identity: unknown mention {member}")
    pairs = []
    for a, b in identity_spec.HOMONYMS:
        if a not in cluster_of or b not in cluster_of:
            raise SystemExit(f"identity: unknown homonym {a} / {b}")
        pairs.append([cluster_of[a], cluster_of[b]])
    return {"people": people, "homonym_pairs": pairs}


def main() -> None:
    arts = load_articles()
    golds: dict[str, dict] = {}
    for art in arts:
        text = art.TEXT
        (OUT / f"{art.DOC}.txt").write_text(text, encoding="utf-8")
        gold = dsl.parse(art.GOLD, f"{art.DOC}.txt")
        write_json(OUT / f"{art.DOC}.gold.json", gold)
        golds[art.DOC] = gold
        n_ent = len(gold["entities"])
        n_rel = len(gold["relations"])
        size = len("".join(text.split()))
        print(f"{art.DOC}: {size} chars, {n_ent} entities, {n_rel} relations")
    identity = build_identity(arts, golds)
    write_json(OUT / "identity.json", identity)
    print(
        f"identity.json: {len(identity['people'])} people,"
        f" {len(identity['homonym_pairs'])} homonym pairs"
    )


if __name__ == "__main__":
    main()
