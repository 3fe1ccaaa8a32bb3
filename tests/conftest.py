"""Shared helpers: run the extractors over one invented sentence; and no
silent skips: a skipped test fails the run (after listing why) unless
KG_ALLOW_SKIPS=1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.model import Document, Kind, RelKind
from kg.pipeline import extract_document
from kg.resolve.pages import DocResult

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def run(text: str, *, home: str | None = None) -> DocResult:
    """Every extractor over ``text`` as one article."""
    return extract_document(Document("t", text, text), home=home)


def names(result: DocResult, kind: Kind) -> set[str]:
    return {m.name for m in result.mentions if m.kind is kind}


def label(key: str | None) -> str | None:
    """``Organization:江阴市总工会`` → 江阴市总工会; districts by code stay codes."""
    return key.split(":", 1)[1] if key else None


def posts(result: DocResult) -> set[tuple[str, str | None, tuple[str, ...]]]:
    return {
        (label(r.subject) or "", label(r.object), r.roles)
        for r in result.relations
        if r.kind is RelKind.POST
    }


def pairs(result: DocResult, kind: RelKind) -> set[tuple[str, str]]:
    return {
        (label(r.subject) or "", label(r.object) or "")
        for r in result.relations
        if r.kind is kind
    }


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


# ------------------------------------------------------------- no silent skips

ALLOW_SKIPS = "KG_ALLOW_SKIPS"
_skipped: list[str] = []


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if report.skipped:
        _skipped.append(f"{report.nodeid}: {_reason(report)}")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append(f"{report.nodeid}: {_reason(report)}")


def _reason(report: pytest.CollectReport | pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _skipped:
        return
    allowed = os.environ.get(ALLOW_SKIPS) == "1"
    terminalreporter.section("skipped tests", sep="=", red=not allowed, bold=True)
    for line in _skipped:
        terminalreporter.write_line(line)
    if allowed:
        terminalreporter.write_line(
            f"{len(_skipped)} skipped; allowed by {ALLOW_SKIPS}=1"
        )
    else:
        terminalreporter.write_line(
            f"{len(_skipped)} tests skipped, so the run fails: install what they need "
            f"(make system-deps, as root) or allow it with {ALLOW_SKIPS}=1"
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped and os.environ.get(ALLOW_SKIPS) != "1" and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
