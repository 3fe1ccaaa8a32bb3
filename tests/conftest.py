"""Shared helpers: run the extractors over one invented sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import extract_document
from kg.model import Document, Kind, RelKind
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
