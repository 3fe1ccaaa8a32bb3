"""Convert the Simplified drafts in spec/src/*.simp to the Traditional articles.

Run with the throw-away OpenCC venv (never installed in the project):
    /tmp/occ/bin/python spec/convert_trad.py
HK reprints use s2hk, TW reprints s2tw; then hand fixes (quotes and the
variants that HK/TW newspapers actually print).  The conversion must stay
length-preserving so that build_gold.py can align the two texts.
"""
import os

import opencc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DOCS = {
    "08_chongqing_zhengxie": "s2tw",
    "14_suzhou_jiangzhang": "s2tw",
    "15_shenzhen_haihui": "s2hk",
    "16_minhang_renmian": "s2hk",
}
COMMON = [("“", "「"), ("”", "」"), ("‘", "『"), ("’", "』"),
          ("鬱志平", "郁志平")]
HK = [("户", "戶"), ("温", "溫"), ("衞", "衛"), ("説", "說"), ("啓", "啟"),
      ("綫", "線"), ("爲", "為"), ("僞", "偽"), ("着", "著")]
TW = [("發佈", "發布"), ("宣佈", "宣布"), ("臺", "台")]

for stem, cfg in DOCS.items():
    src = open(os.path.join(HERE, "src", stem + ".simp"), encoding="utf-8").read()
    out = opencc.OpenCC(cfg).convert(src)
    for a, b in COMMON + (HK if cfg == "s2hk" else TW):
        out = out.replace(a, b)
    assert len(out) == len(src), (stem, len(out), len(src))
    with open(os.path.join(ROOT, stem + ".txt"), "w", encoding="utf-8") as f:
        f.write(out)
    print(stem, cfg, len(out))
