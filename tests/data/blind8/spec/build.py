"""Writes the article texts, gold files and identity.json of blind8 from the spec modules."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from articles_a import A
from articles_b import B
from gold_a import DOCS_A
from gold_b import DOCS_B

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
texts = {**A, **B}
docs = [f() for f in DOCS_A + DOCS_B]
assert sorted(texts) == sorted(d.stem for d in docs)

for d in docs:
    with open(os.path.join(OUT, d.stem + ".txt"), "w", encoding="utf-8") as fh:
        fh.write(texts[d.stem])
    with open(os.path.join(OUT, d.stem + ".gold.json"), "w", encoding="utf-8") as fh:
        json.dump(d.gold(), fh, ensure_ascii=False, indent=1)
        fh.write("\n")

# identity: one cluster per (doc, person) except the declared merges
MERGE = {
    ("05_aksu_workers_congress", "司马文博"): "司马文博@全总",
    ("10_tianjin_binhai_research", "司马文博"): "司马文博@全总",
}
NOTES = {
    "司马文博@全总": "全国总工会书记处书记 (invented), visits 阿克苏 and 天津",
    ("01_qiqihar_union_plenary", "王建华"): "齐齐哈尔 company union chairman",
    ("09_yudu_appointments", "王建华"): "于都县副县长 (appointed)",
    ("05_aksu_workers_congress", "刘建军"): "阿克苏地区总工会党组书记",
    ("10_tianjin_binhai_research", "刘建军"): "天津 correspondent (byline)",
}
clusters, order = {}, []
for d in docs:
    for e in d.entities:
        if e.get("type") != "Person":
            continue
        key = MERGE.get((d.stem, e["name"]), (d.stem, e["name"]))
        if key not in clusters:
            clusters[key] = []
            order.append(key)
        posts = [
            r
            for r in d.relations
            if r["type"] == "post"
            and r["person"] == e["name"]
            and not r.get("optional")
        ]
        withorg = [r for r in posts if r["organization"]] or posts
        m = {"doc": d.stem, "name": e["name"]}
        if withorg:
            m["roles"] = withorg[0]["roles"]
            m["organization"] = withorg[0]["organization"]
        m["date"] = d.date
        clusters[key].append(m)
people, ids = [], {}
for i, key in enumerate(order, 1):
    pid = "P%d" % i
    ids[key] = pid
    p = {"id": pid, "name": clusters[key][0]["name"]}
    if key in NOTES:
        p["note"] = NOTES[key]
    p["mentions"] = clusters[key]
    people.append(p)
homonyms = [
    [
        ids[("01_qiqihar_union_plenary", "王建华")],
        ids[("09_yudu_appointments", "王建华")],
    ],
    [
        ids[("05_aksu_workers_congress", "刘建军")],
        ids[("10_tianjin_binhai_research", "刘建军")],
    ],
]
with open(os.path.join(OUT, "identity.json"), "w", encoding="utf-8") as fh:
    json.dump(
        {"people": people, "homonym_pairs": homonyms}, fh, ensure_ascii=False, indent=1
    )
    fh.write("\n")
print("wrote", len(docs), "articles,", len(people), "person clusters")
