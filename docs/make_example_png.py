"""Regenerate docs/example.png: the example articles' page in headless Chromium.

    python docs/make_example_png.py [--select 武进区总工会]

Builds ``examples/`` into a temporary folder, opens its graph.html offline,
selects one entity (so the side panel shows its facts), zooms back out to
the whole network and saves the screenshot.  Needs playwright and Debian's
chromium (``/usr/bin/chromium``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.build import build
from kg.publish.browser import find_chromium, launch_offline

ROOT = Path(__file__).resolve().parent.parent


def screenshot(page_path: Path, out: Path, select: str, profile: Path) -> None:
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("chromium not found: apt-get install chromium fonts-noto-cjk")
    with sync_playwright() as driver:
        context = launch_offline(driver, profile, chromium, width=1400, height=860)
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-state=ready]")
        if select:
            page.fill("#kg-search", select)
            page.press("#kg-search", "Enter")
            page.wait_for_timeout(600)  # the focus animation takes 300 ms
            page.evaluate("kgExplorer.network.fit({animation: false})")
            page.wait_for_timeout(100)
        page.screenshot(path=str(out))
        context.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="武进区总工会")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs/example.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build([ROOT / "examples"], Path(tmp) / "out")
        page = Path(tmp) / "out" / "graph.html"
        screenshot(page, args.output, args.select, Path(tmp) / "profile")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
