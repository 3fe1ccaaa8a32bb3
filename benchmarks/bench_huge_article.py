"""One article on one line, 10 KB to 10 MB: build time per character.

Issue 11: build time grew with the square of one article's length (0.25 /
0.5 / 1 MB: 12 / 41 / 137 s; 50 MB never finished).  Now a long article is
read in parts of at most 5,000 characters and a file over 10 million
characters is refused, so time per character should be flat, and the 50 MB
file should be refused within seconds.

    python benchmarks/bench_huge_article.py [--max-mb 10] [--validate]

The text is invented: sentences of the genre, drawn at random (fixed seed),
every one naming bodies, people, districts or initiatives (denser than real
news, so slower per character).  The whole of ``kg build`` is timed (no
page; SHACL check only with --validate).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kg.build import build
from kg.errors import InputError

SENTENCES = (
    "青石县总工会党组书记、主席周晓东表示，",
    "要深入开展“技能强企”三年行动，",
    "云岭市人民政府副市长林国栋参加会议。",
    "江阴市总工会举办职工书屋读书分享活动，",
    "澄远精密机械有限公司工会主席许文静说，",
    "全市职工技能提升补贴实施细则正式发布。",
    "今年以来，昆山市总工会累计走访慰问一线职工三千余人次。",
    "活动现场气氛热烈，",
)


def article(size_bytes: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts, size = [], 0
    while size < size_bytes:
        sentence = rng.choice(SENTENCES)
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    return "".join(parts) + "\n"


def run(size_bytes: int, folder: Path, *, validate: bool) -> tuple[int, float, str]:
    path = folder / f"one_line_{size_bytes}.txt"
    text = article(size_bytes)
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    try:
        summary = build(
            [path], folder / "out", html=False, validate=validate, strict=False
        )
        outcome = f"{summary.documents} parts, {summary.triples} triples"
    except InputError as exc:
        outcome = f"refused: {str(exc)[:90]}…"
    return len(text), time.perf_counter() - started, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-mb", type=float, default=10)
    parser.add_argument("--validate", action="store_true")
    args = parser.parse_args()
    sizes = [10_000, 100_000, 1_000_000, 10_000_000]
    sizes = [s for s in sizes if s <= args.max_mb * 1_000_000]
    with tempfile.TemporaryDirectory() as tmp:
        run(2_000, Path(tmp), validate=False)  # load jieba and the gazetteer
        print("| size | characters | seconds | µs per character | outcome |")
        print("| --- | --- | --- | --- | --- |")
        for size in [*sizes, 50_000_000]:
            chars, seconds, outcome = run(size, Path(tmp), validate=args.validate)
            per_char = (
                f"{seconds / chars * 1e6:.1f}" if "refused" not in outcome else "—"
            )
            print(
                f"| {size / 1e6:g} MB | {chars:,} | {seconds:.1f} | {per_char} "
                f"| {outcome} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
