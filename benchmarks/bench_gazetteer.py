"""Time the district gazetteer: loading, matching speed, and its share of a build.

Run ``python benchmarks/bench_gazetteer.py [PATH...] [--no-html]`` (default:
the bundled ``examples/``); a report, not a test.  Targets: loading under
0.3 s, and gazetteer matching (``Gazetteer.find``, building its matcher
included) under 10 % of the time ``kg build`` takes on the examples.

The share is measured twice, each time in a fresh process so that no cache
is warm: by timing every ``find`` call inside a normal build (``wrapped``),
and with cProfile (cumulative time under ``find`` over the whole profiled
build).  jieba's dictionary is loaded before either build, since every build
pays for it whether or not it matches places; the gazetteer's own loading
happens inside the build and counts in its time, not in ``find``'s.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from unittest.mock import patch

from kg.build import build
from kg.extract.gazetteer import DATA, Gazetteer, PlaceMatch
from kg.text.segmenter import words

ROOT = Path(__file__).resolve().parent.parent
LOAD_TARGET = 0.3
SHARE_TARGET = 0.10
SAMPLE = (
    "江阴市总工会党组书记、主席表示，全市各级工会要聚焦职工急难愁盼。"
    "梁溪区总工会、新吴区总工会和洛社镇总工会联合开展送清凉活动，"
    "无锡经济开发区党工委委员出席。活动现场，来宾们参观了示范县级企业展厅。"
)


def time_load(repeat: int = 5) -> tuple[float, float, Gazetteer]:
    """First and best of ``repeat`` loads of the bundled file, and a gazetteer."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        gaz = Gazetteer.load(DATA)
        times.append(time.perf_counter() - start)
    return times[0], min(times), gaz


def time_find(gaz: Gazetteer) -> tuple[float, float, int]:
    """First find (builds the matcher), then throughput in chars/s."""
    start = time.perf_counter()
    gaz.find(SAMPLE)
    first = time.perf_counter() - start
    text = SAMPLE * 2000
    start = time.perf_counter()
    matches = gaz.find(text)
    return first, len(text) / (time.perf_counter() - start), len(matches)


@contextmanager
def timed_find() -> Iterator[list[float]]:
    """Accumulate the seconds spent in ``Gazetteer.find`` while active."""
    spent: list[float] = []
    original = Gazetteer.find

    def find(self: Gazetteer, text: str) -> list[PlaceMatch]:
        start = time.perf_counter()
        try:
            return original(self, text)
        finally:
            spent.append(time.perf_counter() - start)

    with patch.object(Gazetteer, "find", find):
        yield spent


def share_wrapped(paths: Sequence[str], html: bool) -> list[float]:
    """[build seconds, seconds in find, find calls] for one build."""
    with tempfile.TemporaryDirectory() as out, timed_find() as spent:
        start = time.perf_counter()
        build(paths, Path(out), html=html)
        total = time.perf_counter() - start
    return [total, sum(spent), len(spent)]


def share_profiled(paths: Sequence[str], html: bool) -> list[float]:
    """[profiled build seconds, cumulative seconds under find]."""
    profile = cProfile.Profile()
    with tempfile.TemporaryDirectory() as out:
        profile.runcall(build, paths, Path(out), html=html)
    stats = pstats.Stats(profile)
    total = stats.total_tt  # type: ignore[attr-defined]
    find = sum(
        row[3]
        for func, row in stats.stats.items()  # type: ignore[attr-defined]
        if func[2] == "find" and func[0].endswith("gazetteer.py")
    )
    return [total, find]


def in_fresh_process(how: str, paths: Sequence[str], html: bool) -> list[float]:
    """Run :func:`measure` in a new interpreter and return its figures."""
    command = [sys.executable, __file__, "--measure", how, *paths]
    command += [] if html else ["--no-html"]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return [float(x) for x in json.loads(done.stdout.splitlines()[-1])]


def measure(how: str, paths: Sequence[str], html: bool) -> None:
    """Print one measurement as a JSON list (run by :func:`in_fresh_process`)."""
    words("预热")  # load jieba's dictionary outside the measurement
    if how == "wrapped":
        print(json.dumps(share_wrapped(paths, html)))
    else:
        print(json.dumps(share_profiled(paths, html)))


def verdict(value: float, target: float) -> str:
    return "ok" if value < target else "OVER TARGET"


def report(paths: Sequence[str], html: bool) -> None:
    first_load, best_load, gaz = time_load()
    levels = dict(sorted(Counter(place.level for place in gaz).items()))
    print(f"load {DATA.name}: first {first_load:.3f} s, best {best_load:.3f} s")
    print(f"  target < {LOAD_TARGET} s: {verdict(first_load, LOAD_TARGET)}")
    print(f"  {len(gaz)} places {levels}")
    words("预热")  # load jieba's dictionary outside every measurement
    first, rate, found = time_find(gaz)
    print(f"first find (builds the matcher): {first:.3f} s")
    print(f"find: {rate / 1000:.0f}k chars/s, {found} mentions")
    total, spent, calls = in_fresh_process("wrapped", paths, html)
    share = spent / total
    print(f"build {' '.join(paths)}: {total:.2f} s; find {spent:.3f} s in ", end="")
    print(f"{calls:.0f} calls = {share:.1%} of it")
    print(f"  target < {SHARE_TARGET:.0%}: {verdict(share, SHARE_TARGET)}")
    total, spent = in_fresh_process("profiled", paths, html)
    print(f"cProfile: build {total:.2f} s, under find {spent:.3f} s ", end="")
    print(f"= {spent / total:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--no-html", action="store_true", help="build without HTML")
    parser.add_argument("--measure", choices=["wrapped", "profiled"], help="internal")
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.paths, not args.no_html)
    else:
        report(args.paths, not args.no_html)


if __name__ == "__main__":
    main()
