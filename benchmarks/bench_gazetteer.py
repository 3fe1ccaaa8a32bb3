"""Time the district gazetteer: load, first match, and find() throughput.

Run ``python benchmarks/bench_gazetteer.py``; a report, not a test.
"""

from __future__ import annotations

import time
from collections import Counter

from kg.gazetteer import DATA, Gazetteer

SAMPLE = (
    "江阴市总工会党组书记、主席表示，全市各级工会要聚焦职工急难愁盼。"
    "梁溪区总工会、新吴区总工会和洛社镇总工会联合开展送清凉活动，"
    "无锡经济开发区党工委委员出席。活动现场，来宾们参观了示范县级企业展厅。"
)


def main() -> None:
    start = time.perf_counter()
    gaz = Gazetteer.load(DATA)
    loaded = time.perf_counter() - start
    levels = Counter(place.level for place in gaz)
    start = time.perf_counter()
    gaz.find(SAMPLE)
    first = time.perf_counter() - start
    text = SAMPLE * 2000
    start = time.perf_counter()
    matches = gaz.find(text)
    rate = len(text) / (time.perf_counter() - start)
    print(f"load {DATA.name}: {loaded:.3f} s, {len(gaz)} places {dict(levels)}")
    print(f"first find (builds the matcher, initialises jieba): {first:.2f} s")
    print(f"find: {rate / 1000:.0f}k chars/s, {len(matches)} mentions")


if __name__ == "__main__":
    main()
