"""Government, Party, congress and CPPCC bodies: one name for each (issue 8)."""

from __future__ import annotations

import pytest

from conftest import names, posts, run
from kg.model import Document, Kind
from kg.pipeline import extract_documents

BODIES = [
    # the Party committee in full, with its session: the 县委
    ("中国共产党静乐县第十四届委员会第七次全体会议召开。", {"静乐县委"}),
    # a people's organisation written in full is named as the genre names it
    ("汾阳市妇女联合会印发通知。", {"汾阳市妇联"}),
    # Hong Kong, Macau and Taiwan bodies that are no government organ keep
    # the place as they write it; a government takes the region's full name
    ("澳门工会联合总会会长表示。", {"澳门工会联合总会"}),
    ("香港工会联合会理事长出席。", {"香港工会联合会"}),
    ("台湾省总工会理事长出席。", {"台湾省总工会"}),
    ("香港特别行政区政府发布公告。", {"香港特别行政区政府"}),
    # 市政府 and 市人民政府 are one body, the people's government
    ("淮安市政府印发通知。", {"淮安市人民政府"}),
    # and its office is the 人民政府办公室 (its official name)
    (
        "淮安市人民政府印发通知，淮安市政府办公室转发。",
        {"淮安市人民政府", "淮安市人民政府办公室"},
    ),
    # outside the mainland a 市政府 keeps its name
    ("香港特别行政区政府发表声明。", {"香港特别行政区政府"}),
    # 县委县政府, 市委市政府: both bodies
    ("宁陵县召开大会。县委县政府高度重视。", {"宁陵县委", "宁陵县人民政府"}),
    ("平凉市委市政府出台意见。", {"平凉市委", "平凉市人民政府"}),
    ("宁陵县召开县委全会。", {"宁陵县委"}),
    # congresses: sessions are no part of the name
    (
        "江西省萍乡市第十六届人民代表大会常务委员会召开会议。",
        {"萍乡市人大常委会"},
    ),
    ("萍乡市十六届人大常委会举行会议。", {"萍乡市人大常委会"}),
    ("报萍乡市人民代表大会备案。", {"萍乡市人大"}),
    # CPPCC committees and their standing committees
    ("政协萍乡市委员会主席刘某主持会议。", {"萍乡市政协"}),
    ("政协萍乡市第十届委员会常务委员会召开会议。", {"萍乡市政协常委会"}),
    ("政协第十届萍乡市委员会第二次会议开幕。", {"萍乡市政协"}),
    ("萍乡市召开会议。市政协常委会审议报告。", {"萍乡市政协常委会"}),
    ("萍乡市召开会议。市政协常务委员会审议报告。", {"萍乡市政协常委会"}),
    # a body named after another place is where it stands: 某市台湾事务办公室
    ("漳州市台湾事务办公室组织座谈。", {"漳州市台湾事务办公室"}),
    # bureaus whose names end like ordinary words (财政局, 政局), and 会同
    (
        "荆州市召开会议。市总工会联合市人社局、市财政局出台办法。",
        {"荆州市总工会", "荆州市人社局", "荆州市财政局"},
    ),
    ("荆州市发改委会同荆州市财政局制定措施。", {"荆州市发改委", "荆州市财政局"}),
    # a bureau's full name holds a generic word (国有)
    (
        "转任湘潭市国有资产监督管理委员会专职外部董事。",
        {"湘潭市国有资产监督管理委员会"},
    ),
    # 任 before a short form is the verb, not 任县
    (
        "湘乡市召开大会。李某任市公安局局长，王某任市财政局局长。",
        {"湘乡市公安局", "湘乡市财政局"},
    ),
    # public services and associations
    ("宁陵县召开大会。会议充分肯定县人民医院的做法。", {"宁陵县人民医院"}),
    ("澳门职工联谊会组织代表团。", {"澳门职工联谊会"}),
    ("张某现任海口台湾青年联谊会会长。", {"海口台湾青年联谊会"}),
    ("宁陵县石桥镇瓜果专业合作社 李某", {"宁陵县石桥镇瓜果专业合作社"}),
]

NO_BODIES = [
    # collective words for several bodies
    "“一府两院”负责同志列席会议。",
    "“一府一委两院”负责同志表示赞同。",
    "市四套班子领导出席开幕会。",
    # generic words
    "要服从全局，顾全大局。",
    # every zone's union, no one body; the unions of several provinces
    "湘潭高新区召开会议。各县区、开发区工会主席参加会议。",
    "甘肃、宁夏、青海三省区总工会座谈会在西宁召开。",
]


@pytest.mark.parametrize("text, expected", BODIES)
def test_public_bodies(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.ORGANIZATION) == expected


@pytest.mark.parametrize("text", NO_BODIES)
def test_collective_words_give_no_body(text: str) -> None:
    result = run(text)
    assert names(result, Kind.ORGANIZATION) == set()
    assert names(result, Kind.INITIATIVE) == set()


def test_both_forms_of_a_government_are_one_entity() -> None:
    text = "德州市人民政府印发意见。德州市政府将加大投入。"
    extraction = extract_documents([Document("t", text, text, path="p.txt")])
    governments = [e for e in extraction.entities if e.kind is Kind.ORGANIZATION]
    assert [(e.name, e.aliases) for e in governments] == [
        ("德州市人民政府", ("德州市政府",))
    ]


def test_cppcc_full_and_short_forms_are_one_entity() -> None:
    text = "政协德州市委员会召开会议。市政协主席王某主持。"
    extraction = extract_documents([Document("t", text, text, path="p.txt")])
    bodies = {
        e.name: e.aliases for e in extraction.entities if e.kind is Kind.ORGANIZATION
    }
    assert set(bodies) == {"德州市政协"}
    assert "政协德州市委员会" in bodies["德州市政协"]


def test_ren_before_a_title_is_the_verb() -> None:
    """张某任县长: 任 is appointed, not the county 任县."""
    assert names(run("湘阴县召开大会。张某任县长。"), Kind.DISTRICT) == {"湘阴县"}


def test_courts_and_procuratorates_are_named_in_full() -> None:
    text = "海东市乐都区法院副院长杜宏伟和乐都区检察院检察长王明出席。"
    found = names(run(text), Kind.ORGANIZATION)
    assert {"乐都区人民法院", "乐都区人民检察院"} <= found
    assert not found & {"乐都区法院", "乐都区检察院"}


def test_a_cppcc_committee_named_with_its_province_or_city_first() -> None:
    text = "政协重庆市渝北区委员会副主席秦予帆应邀列席。"
    assert ("秦予帆", "渝北区政协", ("副主席",)) in posts(run(text))


def test_a_township_congress_presidium_and_its_chair() -> None:
    """乡镇人大主席团主席: the presidium is the township congress's standing
    body, and its 主席 holds the post there (no post was read before)."""
    found = posts(
        run("掌政镇人大主席团主席韩建平主持会议，月牙湖乡人大主席团副主席马玉山出席。")
    )
    assert ("韩建平", "掌政镇人大主席团", ("主席",)) in found
    assert ("马玉山", "月牙湖乡人大主席团", ("副主席",)) in found


def test_a_government_office_is_named_in_full() -> None:
    """县政府办公室 is the 人民政府办公室 of the county, as 县政府 is its 人民政府."""
    found = names(
        run("汝城县召开会议。县政府办公室主任欧阳锋出席。"), Kind.ORGANIZATION
    )
    assert "汝城县人民政府办公室" in found


def test_a_short_form_before_the_only_county_the_article_names() -> None:
    """县政府召开常务会议 in a headline, the county named later only once: the
    short form is that county's body."""
    text = (
        "县政府召开第12次常务会议\n"
        "县长蒲志远主持召开县政府常务会议。会议通过了《汝城县茶产业扶持办法》。"
    )
    result = run(text)
    assert ("蒲志远", "汝城县人民政府", ("县长",)) in posts(result)
    two = run("县政府召开常务会议。汝城县与宜章县签订协议。")
    assert not any(n.endswith("县人民政府") for n in names(two, Kind.ORGANIZATION))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("邵东市网约车司机工会成立。", {"邵东市网约车司机工会"}),
        ("邵东市快递行业工会委员会成立。", {"邵东市快递行业工会委员会"}),
        ("邵东市外卖配送行业联合工会揭牌。", {"邵东市外卖配送行业联合工会"}),
        ("邵东市货车司机工会联合会召开大会。", {"邵东市货车司机工会联合会"}),
        # a time, a verb, a pronoun in the words: no trade's union
        ("邵东市日前成立快递行业工会。", set()),
        ("邵东市直各产业工会参加。", set()),
    ],
)
def test_unions_of_a_trade_or_a_job(text: str, expected: set[str]) -> None:
    """A union of a trade's workers (快递行业工会) or of a job's (货车司机工会
    联合会) in a place is a body of its own."""
    assert names(run(text), Kind.ORGANIZATION) == expected


def test_a_level_character_that_opens_a_word_is_no_short_form() -> None:
    """区市场监管局 is the district's 市场监管局 (市场 is a word, not the city);
    市场监管局 alone names no city's bureau."""
    text = "成都市武侯区召开会议。区总工会联合区市场监管局开展检查。"
    assert "武侯区市场监管局" in names(run(text), Kind.ORGANIZATION)
    alone = run("成都市召开会议。市场监管局局长戴文清出席。")
    assert not any(n.startswith("成都市场") for n in names(alone, Kind.ORGANIZATION))


def test_words_of_leadership_before_a_government_are_no_body() -> None:
    """在区委领导下做好政府工作: 区委, and no body named 区委领导下…政府."""
    found = names(
        run("上海市徐汇区召开会议。他表示，将在区委领导下全力做好政府各项工作。"),
        Kind.ORGANIZATION,
    )
    assert not any("领导" in n for n in found)
