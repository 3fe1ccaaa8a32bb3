"""Helper: convert a Simplified draft (spec/src/NN.simp) to Traditional with
OpenCC (run with the throw-away venv /tmp/occ/bin/python), then apply the
hand fixes listed below, and write NN.txt beside the gold files.
Usage: /tmp/occ/bin/python spec/make_trad.py 04_qionghai_yizhan s2hk
"""
import os
import sys

from opencc import OpenCC

HERE = os.path.dirname(os.path.abspath(__file__))
# hand fixes after machine conversion (regional usage, wrong one-to-many picks)
FIXES = {
    's2hk': [('户', '戶'), ('温', '溫'), ('衞', '衛'), ('説', '說'), ('啓', '啟'),
             ('併為', '並為'), ('瞭解', '了解'), ('“', '「'), ('”', '」'),
             ('‘', '『'), ('’', '』'), ('綫', '線'), ('着', '著'), ('裏', '裡')],
    's2tw': [('“', '「'), ('”', '」'), ('‘', '『'), ('’', '』')],
}

def main():
    stem, cfg = sys.argv[1], sys.argv[2]
    extra = [tuple(x.split('=', 1)) for x in sys.argv[3:]]
    src = open(os.path.join(HERE, 'src', stem + '.simp'), encoding='utf-8').read()
    out = OpenCC(cfg).convert(src)
    for a, b in FIXES[cfg] + extra:
        out = out.replace(a, b)
    if len(out) != len(src):
        sys.exit('length changed: %d -> %d' % (len(src), len(out)))
    open(os.path.join(HERE, '..', stem + '.txt'), 'w', encoding='utf-8').write(out)
    print(out)

main()
