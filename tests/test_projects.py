"""Named projects, numbered plans, practices and slogans (issue 8)."""

from __future__ import annotations

import pytest

from conftest import names, run
from kg.model import Document, Kind
from kg.pipeline import extract_documents

FOUND = [
    # named construction projects, led by their place
    (
        "公司承建的株洲高新区智能装备产业园建设项目获评优质工程。",
        {"株洲高新区智能装备产业园建设项目"},
    ),
    (
        "益阳市投资布局的资江益阳段综合治理建设项目完成主体工程。",
        {"资江益阳段综合治理建设项目"},
    ),
    (
        "承建的岳麓区梅溪湖科创中心建设项目、雨花区洞井街道保障性住房项目按期完工。",
        {"岳麓区梅溪湖科创中心建设项目", "雨花区洞井街道保障性住房项目"},
    ),
    ("下一步将依托湘潭九华经开区建设项目开展竞赛。", {"湘潭九华经开区建设项目"}),
    # a numbered contest with the place written before it
    ("德清县第三届职工职业技能大赛开幕。", {"德清县第三届职工职业技能大赛"}),
    # numbered plans, of the place written before them
    ("娄底是湖南省“十四五”规划确定的重点城市。", {"湖南省十四五规划"}),
    ("会议围绕娄底市十四五规划纲要实施建言献策。", {"娄底市十四五规划纲要"}),
    # practices named 一X一Y are no slogans; each place has its own
    ("全县推行“一乡一品”特色产业工程。", {"娄底市一乡一品"}),
    ("“一村一业”覆盖全县八成行政村。", {"娄底市一村一业"}),
    # a brand whose quoted name already ends in a head word
    ("工会推出“职工讲堂”品牌。", {"职工讲堂"}),
    # a head word after a quote joins it; 之家 is a head
    ("工会推广“班前五分钟”安全微课堂。", {"班前五分钟安全微课堂"}),
    ("工会新设10处「新市民职工之家」。", {"新市民职工之家"}),
]

NOTHING = [
    # kinds of project, not names
    "双方的协作项目已达37个。",
    "今年全市重点项目进展顺利。",
    "贵州在建重点项目进展顺利。",
    "他在亚洲锦标赛上夺得中国首个团体项目的冠军。",
    "因为望江世家这个项目紧邻三里河地区。",
    "在贵州黔山建设工程有限公司项目工地察看。",
    # slogans, clauses and figures of speech in quotes
    "会议围绕“加快建设生态文明示范城市”开展协商。",
    "把“奋斗创造美好”落到实处。",
    pytest.param(
        "希望每个技工都有“上升通道”。",
        marks=pytest.mark.xfail(reason="a noun figure of speech with no cue"),
    ),
    "他提醒，“年轻人要看清楚合同条款”。",
    "要“把服务做到心坎上”。",
    "以“湘黔一家亲”的情谊推动协作。",
    "围绕市委“发展为要”工作导向。",
    "将提供“一站式”服务。",
    "推动“贴心人”服务走深走实。",
    # several bodies together
    "“一府两院”负责同志列席会议。",
]


@pytest.mark.parametrize("text, expected", FOUND)
def test_named_projects_and_plans(text: str, expected: set[str]) -> None:
    assert names(run(text, home="431300"), Kind.INITIATIVE) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_initiative(text: str) -> None:
    assert names(run(text), Kind.INITIATIVE) == set()


def test_a_plan_without_an_owner_is_the_home_places() -> None:
    assert names(
        run("为全市“十四五”规划顺利推进提供支撑。", home="431300"), Kind.INITIATIVE
    ) == {"娄底市十四五规划"}


def test_a_plan_given_in_full_is_the_short_forms_plan() -> None:
    text = (
        "推进《冷水江市国民经济和社会发展第十四个五年规划纲要》各项任务。"
        "确保“十四五”规划目标如期完成。"
    )
    extraction = extract_documents([Document("t", text, text, path="p.txt")])
    plans = {
        e.name: e.aliases for e in extraction.entities if e.kind is Kind.INITIATIVE
    }
    assert list(plans) == ["冷水江市国民经济和社会发展第十四个五年规划纲要"]
    assert "“十四五”规划" in plans["冷水江市国民经济和社会发展第十四个五年规划纲要"]
