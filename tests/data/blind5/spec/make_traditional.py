"""One-off helper: write the Traditional-character versions of four articles.

The Simplified drafts live in spec/src/NN_slug.draft (plain UTF-8 text; not .txt so
that nothing pairs them with gold files); the published texts in blind5/.
Simplified articles are copied as they are; the four Traditional ones are
converted with OpenCC (s2tw = Taiwan style, s2hk = Hong Kong style) and then
read through by hand.  OpenCC is only needed to re-create the texts; the gold
builder and the checker use the small Traditional->Simplified table in
check_gold.py and the standard library only.
"""

import pathlib
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent
TRADITIONAL = {
    "02_mianyang_gongshi": "s2tw",
    "06_jinjiang_zuotanhui": "s2hk",
    "10_yichang_zhidaihui": "s2tw",
    "15_yangshuo_xingping": "s2hk",
}

# Hand corrections after conversion: the place name 游仙区 keeps 游 in
# Traditional usage, and the Hong Kong style reprints use corner quotes.
POST_EDITS = {
    "02_mianyang_gongshi": [("遊仙", "游仙")],
    "06_jinjiang_zuotanhui": [("“", "「"), ("”", "」")],
    "15_yangshuo_xingping": [("“", "「"), ("”", "」")],
}


def main():
    for src in sorted((HERE / "src").glob("*.draft")):
        dst = OUT / (src.stem + ".txt")
        cfg = TRADITIONAL.get(src.stem)
        if cfg is None:
            shutil.copyfile(src, dst)
            continue
        import opencc  # only for the four Traditional texts

        text = src.read_text(encoding="utf-8")
        text = opencc.OpenCC(cfg).convert(text)
        for old, new in POST_EDITS.get(src.stem, []):
            text = text.replace(old, new)
        dst.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
