"""Extraction throughput, against a plain ``jieba.posseg`` pass over the same text.

Run ``python benchmarks/bench_extract.py [--chars N] [--rounds R]
[--corpus PATH [--articles K]]``; a report, not a test.  The articles of
``examples/`` and ``tests/data/{devset,heldout,heldout2,structures}`` (or
the first ``K`` articles of ``PATH``, such as a corpus made by
``generate_corpus.py``) are read once, then extracted over and over until
about ``N`` characters (default 1M) have gone through
:func:`kg.pipeline.extract_page`, the per-page step of ``kg build``: the page's
home city, every extractor over each article, the page's resolution.  The
same Simplified text, the same number of times, then goes through
``jieba.posseg.cut`` in the same process.  The ratio is the figure to keep:
it does not depend on the machine.

Repeating the articles would let the extractors' caches (word and tag caches
of :mod:`kg.text.segmenter`, title spans) answer for all but the first pass;
real input is text never seen before, so every bounded cache of ``kg`` is
emptied before each pass.  Loaders (``@cache``: jieba, the gazetteer) stay.
The best of ``R`` rounds (default 3, each side in turn) is reported for both
sides, in CPU time of this process (``time.process_time``), so that other
work on the machine does not skew the ratio.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from kg.model import Document
from kg.pipeline import extract_page, pages
from kg.read.files import read_paths
from kg.text.segmenter import _jieba

ROOT = Path(__file__).resolve().parent.parent
SETS = ("examples", *(f"tests/data/{s}" for s in ("devset", "heldout", "heldout2")))
SETS = (*SETS, "tests/data/structures")


def load(corpus: Path | None = None, articles: int | None = None) -> list[Document]:
    if corpus is None:
        paths = [p for s in SETS for p in sorted((ROOT / s).glob("*.txt"))]
    else:
        paths = [corpus]
    return list(itertools.islice(read_paths(paths), articles))


def clear_caches() -> None:
    """Empty every bounded ``lru_cache`` of a ``kg`` module (loaders stay)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("kg.") or module is None:
            continue
        for value in vars(module).values():
            params = getattr(value, "__dict__", {}).get("cache_parameters")
            if params is not None and params()["maxsize"] is not None:
                value.cache_clear()


def extract_pass(docs: Sequence[Document], repeats: int) -> float:
    by_page = list(pages(docs))
    started = time.process_time()
    for _ in range(repeats):
        clear_caches()
        for page in by_page:
            extract_page(page)
    return time.process_time() - started


def posseg_pass(docs: Sequence[Document], repeats: int) -> float:
    _, posseg = _jieba()
    texts = [doc.text for doc in docs]
    started = time.process_time()
    for _ in range(repeats):
        for text in texts:
            for _pair in posseg.cut(text):
                pass
    return time.process_time() - started


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="a file or folder to read")
    parser.add_argument("--articles", type=int, help="only the first K articles")
    args = parser.parse_args(argv)
    docs = load(args.corpus, args.articles)
    size = sum(len(doc.text) for doc in docs)
    repeats = max(1, round(args.chars / size))
    chars = size * repeats
    _jieba()
    extract_pass(docs[:50], 1)  # warm up: the gazetteer and lexicons load once
    times = [
        (extract_pass(docs, repeats), posseg_pass(docs, repeats))
        for _ in range(args.rounds)
    ]  # alternating, so that a change of load on the machine hits both sides
    extract = min(e for e, _ in times)
    posseg = min(p for _, p in times)
    print(f"articles:   {len(docs)} ({size:,} characters) x {repeats} = {chars:,}")
    print(f"extraction: {extract:6.2f} s  {chars / extract / 1000:6.1f}k chars/s")
    print(f"posseg:     {posseg:6.2f} s  {chars / posseg / 1000:6.1f}k chars/s")
    print(f"speed:      {posseg / extract:.2f}x posseg's (its time / extraction's)")


if __name__ == "__main__":
    main()
