"""Where a body stands, as the text says it (invented sentences)."""

from __future__ import annotations

import pytest

from conftest import pairs, run
from kg.model import RelKind


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "抚顺恒达重工机械有限公司召开大会。据悉，恒达重工集团位于抚顺市顺城区，"
            "现有职工3000人。",
            ("恒达重工集团", "210411"),  # 顺城区 (the page merges the short form)
        ),
        (
            "广西龙城糖业有限公司地处柳州市柳城县沙埔镇，是当地龙头企业。",
            ("广西龙城糖业有限公司", "450222/沙埔镇"),
        ),
    ],
)
def test_a_body_where_the_text_says_it_stands(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in pairs(run(text), RelKind.LOCATED_IN)


def test_no_site_without_a_body_right_before_the_verb() -> None:
    """位于 after words that are no body, or before no district, says nothing."""
    found = pairs(
        run("会场位于抚顺市顺城区。抚顺恒达重工机械有限公司位于城东。"),
        RelKind.LOCATED_IN,
    )
    assert not any(place == "210411" for _, place in found)


def test_the_run_of_districts_from_a_place() -> None:
    """Context.districts_from: the last of the districts named one after
    another (抚顺市|顺城区 → 顺城区), within a bound, coded ones unless asked."""
    from kg.extract.base import Context
    from kg.model import Document, Kind, Mention

    text = "抚顺市顺城区某某公司"
    city = Mention(Kind.DISTRICT, 0, 3, "抚顺市", "抚顺市", code="210400")
    county = Mention(Kind.DISTRICT, 3, 6, "顺城区", "顺城区", code="210411")
    ctx = Context(Document("a", text, text), (city, county))
    assert ctx.districts_from(0) == county
    assert ctx.districts_from(0, 6) == city  # each ends before the bound
    assert ctx.districts_from(1) is None
    uncoded = Mention(Kind.DISTRICT, 3, 6, "顺城区", "顺城区")
    loose = Context(Document("a", text, text), (city, uncoded))
    assert loose.districts_from(0) == city
    assert loose.districts_from(0, coded=False) == uncoded
