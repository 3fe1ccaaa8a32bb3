"""Districts in text: resolution by context, home city, words that are not places."""

from __future__ import annotations

import pytest

from conftest import run
from kg.model import Kind


def codes(text: str) -> set[tuple[str, str | None]]:
    return {(m.text, m.code) for m in run(text).mentions if m.kind is Kind.DISTRICT}


CASES = [
    (
        "梁溪区总工会和新吴区总工会联合开展活动。",
        {("梁溪区", "320213"), ("新吴区", "320214")},
    ),
    # a county's short form counts when its province is named too
    (
        "无锡召开会议，江阴“六攻坚六突破”行动进展顺利。",
        {("无锡", "320200"), ("江阴", "320281")},
    ),
    # ambiguous names decided by the other places of the article
    ("南京市鼓楼区总工会举办讲座。", {("南京市", "320100"), ("鼓楼区", "320106")}),
    ("福州市鼓楼区开展活动。", {("福州市", "350100"), ("鼓楼区", "350102")}),
    ("长春市朝阳区召开会议。", {("长春市", "220100"), ("朝阳区", "220104")}),
    # a town under its county
    ("洛社镇总工会推出新举措。", {("洛社镇", "320206/洛社镇")}),
    # Hong Kong's districts and Macau's parishes, which GB/T 2260 does not divide
    (
        "香港工联会在沙田区设立服务站。",
        {("香港", "810000"), ("沙田区", "810000/沙田区")},
    ),
    (
        "澳门工联在花地玛堂区举办讲座。",
        {("澳门", "820000"), ("花地玛堂区", "820000/花地玛堂区")},
    ),
    ("香港东区区议会召开会议。", {("香港", "810000"), ("东区", "810000/东区")}),
    # Hong Kong writes its districts without 区; 大埔 in Meizhou stays there
    (
        "香港工联会在观塘、荃湾、屯门三区设立休息站。",
        {
            ("香港", "810000"),
            ("观塘", "810000/观塘区"),
            ("荃湾", "810000/荃湾区"),
            ("屯门", "810000/屯门区"),
        },
    ),
    ("梅州市大埔县召开会议。", {("梅州市", "441400"), ("大埔县", "441422")}),
    # 港九 (Hong Kong Island and Kowloon) opens Hong Kong unions' names
    ("港九物流业职工总会召开会员大会。", {("港九", "810000")}),
    ("攀枝花市东区总工会召开会议。", {("攀枝花市", "510400"), ("东区", "510402")}),
    # Taiwan's cities and counties; their short forms are no matches alone
    (
        "苗栗县政府与平潭综合实验区签约。",
        {("苗栗县", "710000/苗栗县"), ("平潭综合实验区", "350100/平潭综合实验区")},
    ),
    ("舞台中央站着两名演员。", set()),
    # zones of their own
    (
        "平潭综合实验区总工会召开会议。",
        {("平潭综合实验区", "350100/平潭综合实验区")},
    ),
    (
        "横琴粤澳深度合作区执行委员会发布计划。",
        {("横琴粤澳深度合作区", "440400/横琴粤澳深度合作区")},
    ),
    # a street named 某某街街道 is written 某某街道
    (
        "武汉市江汉区民意街道召开会议。",
        {("武汉市", "420100"), ("江汉区", "420103"), ("民意街道", "420103/民意街街道")},
    ),
    # development zones
    ("无锡经济开发区党工委召开会议。", {("无锡经济开发区", "320200/无锡经济开发区")}),
]

NOTHING = [
    "园区今年新建“职工书屋”15家。",
    "江阴“六攻坚六突破”行动进展顺利。",
    "这个示范县的来宾们参观了车间。",
    "和平年代更要弘扬劳模精神。",
    "他穿着中山装出席仪式。",
    "",
]


@pytest.mark.parametrize("text, expected", CASES)
def test_districts(text: str, expected: set[tuple[str, str]]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_district(text: str) -> None:
    assert codes(text) == set()


def test_ambiguous_name_without_context_gets_no_code() -> None:
    assert codes("鼓楼区总工会举办讲座。") == {("鼓楼区", None)}


def test_former_name_resolves_to_its_successor() -> None:
    assert codes("无锡市崇安区总工会成立于上世纪。") == {
        ("无锡市", "320200"),
        ("崇安区", "320213"),
    }


def test_my_city_is_the_home_city() -> None:
    text = "无锡市召开大会。我市产业工人队伍建设改革走在前列，全市职工积极参与。"
    found = {(m.text, m.code) for m in run(text).mentions if m.kind is Kind.DISTRICT}
    assert ("我市", "320200") in found and ("全市", "320200") in found


def test_short_form_after_the_full_name() -> None:
    assert codes("江阴市召开大会。江阴职工踊跃参与。") == {
        ("江阴市", "320281"),
        ("江阴", "320281"),
    }


def test_place_written_after_its_parent() -> None:
    text = "延吉市、珲春市召开会议，延吉市河南街道总工会开展活动。"
    assert ("河南街道", "222401/河南街道") in codes(text)


def test_a_county_stem_that_is_a_word_after_a_modal_is_that_word() -> None:
    """要会同县总工会: 会同 is "together with" after 要; 湖南省会同县 is the county."""
    assert not any(
        code == "431225" for _, code in codes("县人社局要会同县总工会抓好落实。")
    )
    assert ("会同县", "431225") in codes("湖南省会同县总工会召开会议。")
