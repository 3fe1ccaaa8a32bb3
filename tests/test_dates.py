"""Dates of posts that began or ended (CONTRACT.md, "Time")."""

from __future__ import annotations

import pytest

from kg.extract import dates
from kg.model import Change, Document, RelKind
from kg.pipeline import extract_document


@pytest.mark.parametrize(
    "text, article, expected",
    [
        ("2024年3月26日，会议召开", None, "2024-03-26"),
        ("3月26日，会议召开", "2024-03-27", "2024-03-26"),
        ("12月28日，会议召开", "2024-01-05", "2023-12-28"),  # the year before
        ("今年一月，甲新任主席", "2024-06-12", "2024-01"),
        ("去年3月，甲当选主席", "2024-06-12", "2023-03"),
        ("2020年，甲任县长", None, "2020"),
        ("3月26日，会议召开", None, None),  # no year to be had
        ("会议召开", "2024-03-27", None),
    ],
)
def test_last_date(text: str, article: str | None, expected: str | None) -> None:
    assert dates.last_date(text, 0, len(text), article) == expected


def changes(
    text: str, date: str | None = None
) -> set[tuple[str, Change | None, str | None]]:
    doc = Document("t", text, text, date=date)
    return {
        (r.subject.split(":", 1)[1], r.change, r.date)
        for r in extract_document(doc).relations
        if r.kind is RelKind.POST
    }


def test_a_decision_is_dated_by_its_sentence() -> None:
    text = "澄江市召开会议。去年3月，秦予帆当选为澄江市总工会主席。"
    assert changes(text, "2024-06-12") == {("秦予帆", Change.BEGAN, "2023-03")}


def test_a_decision_is_dated_by_the_article_lead() -> None:
    text = (
        "澄江市召开人大常委会会议\n\n1月18日，澄江市人大常委会会议召开。\n"
        "会议决定任命秦予帆为澄江市财政局局长。"
    )
    assert ("秦予帆", Change.BEGAN, "2024-01-18") in changes(text, "2024-01-19")


def test_a_career_is_not_dated_by_the_lead() -> None:
    text = "1月18日，澄江市召开会议。\n秦予帆曾任澄江市财政局局长。"
    assert changes(text, "2024-01-19") == {("秦予帆", Change.ENDED, None)}


def test_a_held_post_has_no_date() -> None:
    text = "1月18日，澄江市召开会议，澄江市财政局局长秦予帆出席。"
    assert changes(text, "2024-01-19") == {("秦予帆", None, None)}
