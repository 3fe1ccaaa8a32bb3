#!/usr/bin/env python3
"""Sanity checks for the blind3 gold files (run: python3 check_gold.py)."""
import json, sys, glob, os, unicodedata, re

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"Person", "Organization", "District", "Initiative"}
RELS = {"post", "locatedIn", "partOf", "launchedBy", "author"}
QUOTES = "“”‘’「」『』\"'"
# Characters that only occur in Traditional writing; canonical names and roles must not use them.
TRAD_ONLY = set("會長書記師職務區縣鎮鄉處協聯總與資產號獎狀廠黨團組織電話廣東華灣雲貴陝遼蘇閩贛魯湘粵瓊門澳氣業國際員們這個來時對開關車馬鳥魚說請讀寫見貝頁風飛龍齊麥黃葉劉陳張楊趙吳鄭馮韋衛鄧盧蕭歐陽鍾羅謝蔣錢孫陸顧譚賴鄒萬龔賈藍韓溫傑偉麗濤遠樂綺詠儀潔輝銘簡嵐島峽創計劃領導屆當選議經濟發展專窗稅審條訊報環態節綠檢學") - set("湘澳展窗")  # shared by both scripts

def norm(s):
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if ch not in QUOTES and not ch.isspace())

def check(path):
    errs, warns = [], []
    g = json.load(open(path, encoding="utf-8"))
    base = os.path.basename(path)
    stem = base[:-len(".gold.json")]
    txt_path = os.path.join(HERE, stem + ".txt")
    if g.get("document") != stem + ".txt":
        errs.append("document field %r != %r" % (g.get("document"), stem + ".txt"))
    if not os.path.exists(txt_path):
        errs.append("missing text file " + txt_path); return errs, warns
    text = open(txt_path, encoding="utf-8").read()
    n = len(text.strip())
    if not 300 <= n <= 1200:
        errs.append("text length %d outside 300-1200" % n)
    ntext = norm(text)
    canon, surface, optional_ent, types_of = {}, {}, set(), {}
    for e in g["entities"]:
        ts = e.get("types") or [e.get("type")]
        if not ts or any(t not in TYPES for t in ts):
            errs.append("bad entity type %r" % e)
        name = e["name"]
        if name in canon:
            errs.append("duplicate entity name " + name)
        canon[name] = e
        types_of[name] = set(ts)
        if e.get("optional"):
            optional_ent.add(name)
        if TRAD_ONLY & set(name):
            errs.append("canonical name has Traditional chars: " + name)
        for s in [name] + e.get("aliases", []):
            k = norm(s)
            if k in surface and surface[k] != name:
                errs.append("surface form %r shared by %r and %r" % (s, surface[k], name))
            surface[k] = name
        if not e.get("optional") and not any(norm(s) in ntext for s in [name] + e.get("aliases", [])):
            errs.append("required entity not found in text: " + name)
    def ref(x, want=None, where=""):
        if x is None:
            return None
        if x not in canon:
            if norm(x) in surface:
                warns.append("%s refers by alias %r" % (where, x))
                x = surface[norm(x)]
            else:
                errs.append("%s: %r is not an entity" % (where, x)); return None
        if want and not (types_of[x] & want):
            errs.append("%s: %r has types %s, expected %s" % (where, x, types_of[x], want))
        return x
    seen = set()
    for r in g["relations"]:
        t = r.get("type")
        if t not in RELS:
            errs.append("bad relation type %r" % r); continue
        opt = bool(r.get("optional"))
        if t == "post":
            p = ref(r["person"], {"Person"}, "post.person")
            o = ref(r["organization"], {"Organization"}, "post.organization") if r["organization"] is not None else None
            if not isinstance(r.get("roles"), list):
                errs.append("post without roles list %r" % r)
            for role in r.get("roles", []):
                if TRAD_ONLY & set(role):
                    errs.append("role has Traditional chars: " + role)
            if r.get("ended") and not opt:
                errs.append("ended post must be optional: %r" % r)
            ends = [p, o]
            key = (t, p, o, tuple(r.get("roles", [])))
        elif t == "author":
            p = ref(r["person"], {"Person"}, "author"); ends = [p]; key = (t, p)
        else:
            want_s = {"Organization", "Initiative"} if t == "locatedIn" else {"District"} if t == "partOf" else {"Initiative", "Organization"}
            want_o = {"District"} if t in ("locatedIn", "partOf") else {"Organization", "District", "Person"}
            s_ = ref(r["subject"], want_s, t + ".subject"); o_ = ref(r["object"], want_o, t + ".object")
            ends = [s_, o_]; key = (t, s_, o_)
        if key in seen:
            errs.append("duplicate relation %r" % (key,))
        seen.add(key)
        if not opt and any(x in optional_ent for x in ends if x):
            errs.append("required relation uses optional entity: %r" % r)
    return errs, warns

def main():
    files = sorted(glob.glob(os.path.join(HERE, "*.gold.json")))
    txts = sorted(glob.glob(os.path.join(HERE, "*.txt")))
    bad = 0
    for f in files:
        try:
            errs, warns = check(f)
        except Exception as ex:  # invalid JSON or missing keys
            errs, warns = ["cannot check: %r" % ex], []
        for w in warns: print("WARN", os.path.basename(f), w)
        for e in errs: print("ERROR", os.path.basename(f), e)
        bad += bool(errs)
    print("%d gold files, %d texts, %d with errors" % (len(files), len(txts), bad))
    sys.exit(1 if bad or len(files) != len(txts) else 0)

if __name__ == "__main__":
    main()
