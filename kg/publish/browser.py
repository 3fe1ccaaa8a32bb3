"""Debian's headless Chromium as the tests, benchmarks and docs drive it.

The page is checked in a real browser with no network (browser downloads are
not reachable here, so Playwright is pointed at the system's ``chromium``).
Playwright is a development dependency and is imported by the callers.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

LAUNCH_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""Without the background-networking flags Chromium keeps dialling out."""


def find_chromium() -> str | None:
    """Path of the system's Chromium, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch_offline(
    driver: Any, profile: Path, chromium: str, *, width: int, height: int
) -> Any:
    """An offline Playwright context of ``chromium`` with a fresh profile."""
    return driver.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium,
        args=list(LAUNCH_ARGS),
        offline=True,
        viewport={"width": width, "height": height},
    )
