"""Names and posts in Traditional text: read on the Simplified text that
extractors see, roles and canonical names Simplified, people found where the
original spelling stands."""

from __future__ import annotations

import pytest

from conftest import label
from kg.model import Change, Document, Kind, RelKind
from kg.pipeline import extract_document
from kg.text.script import to_simplified


def read(
    text: str,
) -> tuple[set[str], set[tuple[str, str | None, tuple[str, ...], Change | None]]]:
    doc = Document("t", to_simplified(text), text)
    result = extract_document(doc)
    people = {m.name for m in result.mentions if m.kind is Kind.PERSON}
    found = {
        (label(r.subject) or "", label(r.object), r.roles, r.change)
        for r in result.relations
        if r.kind is RelKind.POST
    }
    return people, found


@pytest.mark.parametrize(
    "text, people, expected",
    [
        # an election and a removal
        (
            "澄江市總工會召開代表大會。會議選舉秦予帆為澄江市總工會主席，"
            "免去沈曉嵐的澄江市總工會副主席職務。",
            {"秦予帆", "沈晓岚"},
            {
                ("秦予帆", "澄江市总工会", ("主席",), Change.BEGAN),
                ("沈晓岚", "澄江市总工会", ("副主席",), Change.ENDED),
            },
        ),
        # a company's Party body stays in the company; 兼
        (
            "澄江灣潤智能裝備集團有限公司召開會議。集團黨委書記、董事會主席鄺國雄，"
            "副總經理兼總工程師錢立峯出席。",
            {"邝国雄", "钱立峰"},
            {
                (
                    "邝国雄",
                    "澄江湾润智能装备集团有限公司",
                    ("党委书记", "董事会主席"),
                    None,
                ),
                (
                    "钱立峰",
                    "澄江湾润智能装备集团有限公司",
                    ("副总经理", "总工程师"),
                    None,
                ),
            },
        ),
        # a list spaced out after an election list's colon
        (
            "澄江市總工會召開全委會。當選澄江市總工會常務委員的有：\n"
            "王　樂　　區志雄　　何　力\n",
            {"王乐", "区志雄", "何力"},
            {
                ("王乐", "澄江市总工会", ("常务委员",), Change.BEGAN),
                ("区志雄", "澄江市总工会", ("常务委员",), Change.BEGAN),
                ("何力", "澄江市总工会", ("常务委员",), Change.BEGAN),
            },
        ),
        # 原…主席 不再擔任
        (
            "澄江市總工會召開大會。原市總工會主席馮國棟因年齡原因不再擔任主席職務。",
            {"冯国栋"},
            {("冯国栋", "澄江市总工会", ("主席",), Change.ENDED)},
        ),
    ],
)
def test_traditional(
    text: str,
    people: set[str],
    expected: set[tuple[str, str | None, tuple[str, ...], Change | None]],
) -> None:
    found_people, found_posts = read(text)
    assert people <= found_people
    assert expected <= found_posts


def test_nothing_in_traditional() -> None:
    assert read("會議強調，要把職工的事情辦好，任務艱巨，責任重大。") == (set(), set())
