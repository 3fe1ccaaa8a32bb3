"""Short names an article gives a body in brackets (invented sentences)."""

from __future__ import annotations

import pytest

import kg.pipeline
from conftest import posts, run


@pytest.mark.parametrize(
    "text, expected",
    [
        # the short name after the full one: a title after it is a post there
        (
            "澄江职工互助联合会（职联会）组团考察。职联会理事长秦予帆带队。",
            {("秦予帆", "澄江职工互助联合会", ("理事长",))},
        ),
        (
            "澄江市青年企业家协会（简称“青企协”）召开年会。青企协秘书长沈晓岚致辞。",
            {("沈晓岚", "澄江市青年企业家协会", ("秘书长",))},
        ),
        # a common word the article defines stands for the body where it
        # opens a phrase, not inside another word (行业协会)
        (
            "澄江物流从业员协会（下称“协会”）举行嘉许礼。协会主席秦予帆致辞，"
            "各行业协会会长沈晓岚出席。",
            {
                ("秦予帆", "澄江物流从业员协会", ("主席",)),
                ("沈晓岚", None, ("会长",)),
            },
        ),
    ],
)
def test_a_short_name_in_brackets_stands_for_the_body(
    text: str, expected: set[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert posts(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a second name, a common word, a place in brackets: no short name
        "澄江市总工会（澄江市职工服务中心）召开会议。中心主任秦予帆说。",
        "澄江青禾纺织有限公司（下称“公司”）召开职代会。公司总经理秦予帆说。",
        "澄江市总工会（江阴）召开会议。江阴工人文化宫主任秦予帆说。",
    ],
)
def test_no_short_name_from_other_brackets(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = run(text)
    monkeypatch.delitem(kg.pipeline.EXTRACTORS, "short_names")
    assert run(text) == found
