"""Regenerate the README's screenshots in headless Chromium, offline.

    python docs/make_screenshots.py [--only example,corpus,report,page5k]

- ``docs/example.png``: the page of ``examples/`` with one article selected
  (its id, date, outlet, URL, the sentences read from it and its text, those
  sentences marked, in the panel);
- ``docs/corpus.png``: the page of every invented article the project has
  (``examples/`` and ``tests/data/*/*.txt``), coloured by community;
- ``docs/report.png``: the report page of that same build (top of the page);
- ``docs/page-5k.png``: the page of a real build of 220 articles made by
  ``benchmarks/generate_corpus.py`` (seed 0): about 5,000 nodes (the
  project's hand-written articles make about 1,500).

Needs playwright and Debian's chromium (``make system-deps``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from kg.build import build
from kg.publish.browser import find_chromium, launch_offline
from kg.publish.report import write_report

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SHOTS = ("example", "corpus", "report", "page5k")


def corpus_inputs() -> list[Path]:
    return [ROOT / "examples", *sorted((ROOT / "tests" / "data").glob("*/*.txt"))]


def open_page(page: Page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-state=ready]", timeout=60_000)
    page.wait_for_timeout(300)


def shoot(which: list[str], tmp: Path) -> None:
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("chromium not found: make system-deps")
    example, corpus = tmp / "example", tmp / "corpus"
    if "example" in which:
        build([ROOT / "examples"], example)
    if {"corpus", "report"} & set(which):
        build(corpus_inputs(), corpus)
    with sync_playwright() as driver:
        context = launch_offline(
            driver, tmp / "profile", chromium, width=1400, height=860
        )
        page = context.new_page()
        if "example" in which:
            open_page(page, example / "graph.html")
            page.fill("#kg-search", "昆山市总工会发布")
            page.press("#kg-search", "Enter")
            page.wait_for_timeout(600)
            page.click("#kg-article-body summary")  # its text, sentences marked
            page.evaluate("kgExplorer.fit()")
            page.wait_for_timeout(200)
            page.screenshot(path=str(DOCS / "example.png"))
        if "corpus" in which:
            open_page(page, corpus / "graph.html")
            page.screenshot(path=str(DOCS / "corpus.png"))
        if "report" in which:
            write_report(corpus, tmp / "report.html")
            page.set_viewport_size({"width": 1400, "height": 1500})
            open_page(page, tmp / "report.html")
            page.screenshot(path=str(DOCS / "report.png"))
            page.set_viewport_size({"width": 1400, "height": 860})
        if "page5k" in which:
            generated = tmp / "generated"
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "benchmarks" / "generate_corpus.py"),
                    "--articles",
                    "220",
                    "--seed",
                    "0",
                    "-o",
                    str(generated),
                ],
                check=True,
                capture_output=True,
            )
            built = tmp / "built5k"
            build([generated], built)
            open_page(page, built / "graph.html")
            nodes = page.evaluate("kgExplorer.data.nodes.length")
            print(f"docs/page-5k.png: {nodes} nodes")
            page.screenshot(path=str(DOCS / "page-5k.png"))
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SHOTS))
    which = [name for name in parser.parse_args().only.split(",") if name]
    with tempfile.TemporaryDirectory() as tmp:
        shoot(which, Path(tmp))
    for name in which:
        print(f"wrote docs/{'page-5k' if name == 'page5k' else name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
