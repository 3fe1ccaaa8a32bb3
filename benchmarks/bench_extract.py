"""Extraction throughput, against a plain ``jieba.posseg`` pass over the same text.

Run ``python benchmarks/bench_extract.py [--chars N] [--rounds R]``; a report,
not a test.  The articles of ``examples/`` and ``tests/data/{devset,heldout,
heldout2,structures}`` are read once, then extracted over and over until about
``N`` characters (default 1M) have gone through every extractor
(:func:`kg.build.extract_document`, the per-article step of ``kg build``; the
page-level merge is not timed).  The same Simplified text, the same number of
times, then goes through ``jieba.posseg.cut`` in the same process.  The ratio
extraction time / posseg time is the figure to keep: it does not depend on
the machine.

Repeating the articles would let the extractors' caches (word and tag caches
of :mod:`kg.text.segmenter`, title spans) answer for all but the first pass;
real input is text never seen before, so every bounded cache of ``kg`` is
emptied before each pass.  Loaders (``@cache``: jieba, the gazetteer) stay.
The best of ``R`` rounds (default 3) is reported for both sides, in CPU time
of this process (``time.process_time``), so that other work on the machine
does not skew the ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from kg.build import _page_home, _pages, extract_document
from kg.model import Document
from kg.read.files import read_paths
from kg.text.segmenter import _jieba

ROOT = Path(__file__).resolve().parent.parent
SETS = ("examples", *(f"tests/data/{s}" for s in ("devset", "heldout", "heldout2")))
SETS = (*SETS, "tests/data/structures")


def load() -> list[Document]:
    paths = [p for s in SETS for p in sorted((ROOT / s).glob("*.txt"))]
    return list(read_paths(paths))


def clear_caches() -> None:
    """Empty every bounded ``lru_cache`` of a ``kg`` module (loaders stay)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("kg.") or module is None:
            continue
        for value in vars(module).values():
            params = getattr(value, "cache_parameters", None)
            if params is not None and params()["maxsize"] is not None:
                value.cache_clear()


def extract_pass(docs: Sequence[Document], repeats: int) -> float:
    pages = [(page, _page_home(page)) for page in _pages(docs)]
    started = time.process_time()
    for _ in range(repeats):
        clear_caches()
        for page, home in pages:
            for doc in page:
                extract_document(doc, page_home=home)
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


def best(run: Callable[[], float], rounds: int) -> float:
    return min(run() for _ in range(rounds))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    docs = load()
    size = sum(len(doc.text) for doc in docs)
    repeats = max(1, round(args.chars / size))
    chars = size * repeats
    _jieba()
    extract_pass(docs, 1)  # warm up: the gazetteer and lexicons load once
    extract = best(lambda: extract_pass(docs, repeats), args.rounds)
    posseg = best(lambda: posseg_pass(docs, repeats), args.rounds)
    print(f"articles:   {len(docs)} ({size:,} characters) x {repeats} = {chars:,}")
    print(f"extraction: {extract:6.2f} s  {chars / extract / 1000:6.1f}k chars/s")
    print(f"posseg:     {posseg:6.2f} s  {chars / posseg / 1000:6.1f}k chars/s")
    print(f"ratio:      {extract / posseg:.2f} (extraction time / posseg time)")


if __name__ == "__main__":
    main()
