"""Rosters: a title a line, the names after its colon, under a heading that
names the body."""

from __future__ import annotations

import pytest

from conftest import label, names, posts, run
from kg.model import Document, Kind, RelKind
from kg.pipeline import extract_page

ELECTION = (
    "澄江市瑞丰纺织有限公司（以下简称“瑞丰纺织”）工会召开第四次会员代表大会。\n\n"
    "附：选举结果\n\n"
    "瑞丰纺织工会第四届委员会\n"
    "主　席：秦予帆\n"
    "副主席：沈晓岚　甘　雨（女）\n"
    "委　员（按姓氏笔画为序）：\n"
    "甘　雨　闻雅琪（女）　秦予帆　缪振宇\n"
    "沈晓岚　滕子昂\n\n"
    "瑞丰纺织工会经费审查委员会\n"
    "主　任：姚　青\n"
)


def test_an_election_result_gives_each_title_in_the_body_its_heading_names() -> None:
    found = posts(run(ELECTION))
    union = "澄江市瑞丰纺织有限公司工会"
    assert {
        ("秦予帆", union, ("主席",)),
        ("沈晓岚", union, ("副主席",)),
        ("甘雨", union, ("副主席",)),
        ("姚青", union + "经费审查委员会", ("主任",)),
    } <= found
    members = {p for p, org, titles in found if org == union and titles == ("委员",)}
    # padded names, a note after a name, a list that goes on to the next line
    assert members == {"甘雨", "闻雅琪", "秦予帆", "缪振宇", "沈晓岚", "滕子昂"}
    assert {"甘雨", "闻雅琪", "姚青"} <= names(run(ELECTION), Kind.PERSON)


def test_a_heading_that_announces_a_list_names_its_body() -> None:
    text = (
        "澄江市总工会第十六届执行委员会主席、副主席名单\n"
        "主　席：秦予帆\n"
        "副主席：沈晓岚、闻雅琪\n"
    )
    found = posts(run(text))
    assert ("秦予帆", "澄江市总工会", ("主席",)) in found
    assert ("闻雅琪", "澄江市总工会", ("副主席",)) in found


@pytest.mark.parametrize(
    "text",
    [
        # no heading: a line of credits, not a body's roster
        "澄江市召开大会。\n\n主　持：秦予帆\n编　辑：沈晓岚\n",
        # a word that is no title before the colon
        "澄江市总工会\n联系人：秦予帆\n",
        # a sentence above, not a heading
        "澄江市总工会召开会议，部署全年工作。\n委　员：秦予帆　沈晓岚\n",
    ],
)
def test_lines_that_are_no_roster_give_no_post(text: str) -> None:
    assert not {p for p in posts(run(text)) if p[0] in ("秦予帆", "沈晓岚")}


def test_a_bare_title_read_again_under_its_heading_leaves_one_post() -> None:
    (facts,) = extract_page([Document("t", ELECTION, ELECTION)])
    held = {
        (label(r.subject), label(r.object), r.roles)
        for r in facts.relations
        if r.kind is RelKind.POST and label(r.subject) == "甘雨"
    }
    union = "澄江市瑞丰纺织有限公司工会"
    assert held == {("甘雨", union, ("副主席",)), ("甘雨", union, ("委员",))}
