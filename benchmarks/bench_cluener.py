"""How the extractors do on CLUENER2020 dev sentences they were not written for.

CLUENER2020 (../shared/benchmarks/cluener2020) labels short Sina News
sentences; its categories map loosely onto ours: name → Person,
government/company/organization → Organization, address → District.  Our
extractors read people where the genre names them (after titles, in bylines,
before 表示), so low recall on arbitrary news is expected; precision is the
figure to watch.  Spans are compared exactly, by surface.  Nothing derived
from the data ships in the project (see the data README's terms).

    python benchmarks/bench_cluener.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from kg.model import Document, Kind
from kg.pipeline import extract_document

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "cluener2020"
CATEGORIES = {
    "name": Kind.PERSON,
    "government": Kind.ORGANIZATION,
    "company": Kind.ORGANIZATION,
    "organization": Kind.ORGANIZATION,
    "address": Kind.DISTRICT,
}


def gold_spans(record: dict) -> set[tuple[Kind, str]]:
    out = set()
    for category, surfaces in record.get("label", {}).items():
        if category in CATEGORIES:
            out.update((CATEGORIES[category], surface) for surface in surfaces)
    return out


def predicted(text: str) -> set[tuple[Kind, str]]:
    result = extract_document(Document("c", text, text))
    return {(m.kind, m.text) for m in result.mentions if m.kind in CATEGORIES.values()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N lines")
    args = parser.parse_args()
    lines = (DATA / "dev.json").read_text("utf-8").splitlines()
    if args.limit:
        lines = lines[: args.limit]
    counts: dict[Kind, Counter[str]] = {
        kind: Counter() for kind in set(CATEGORIES.values())
    }
    chars = 0
    started = time.perf_counter()
    for line in lines:
        record = json.loads(line)
        chars += len(record["text"])
        gold, pred = gold_spans(record), predicted(record["text"])
        for kind in counts:
            g = {s for k, s in gold if k is kind}
            p = {s for k, s in pred if k is kind}
            counts[kind]["tp"] += len(g & p)
            counts[kind]["fp"] += len(p - g)
            counts[kind]["fn"] += len(g - p)
    seconds = time.perf_counter() - started
    rate = chars / seconds
    print(f"{len(lines)} sentences, {chars} chars, {seconds:.1f} s, {rate:.0f} chars/s")
    print(f"{'kind':<14}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for kind, c in sorted(counts.items(), key=lambda kv: kv[0].value):
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        f = 2 * p * r / max(p + r, 1e-9)
        print(
            f"{kind.value:<14}{c['tp']:>6}{c['fp']:>6}{c['fn']:>6}{p:>8.3f}{r:>8.3f}{f:>8.3f}"
        )


if __name__ == "__main__":
    main()
