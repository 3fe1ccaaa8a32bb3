"""Departments and organs named under a parent body (issue 8)."""

from __future__ import annotations

import pytest

from conftest import names, pairs, posts, run
from kg.model import Kind, RelKind

DEPARTMENTS = [
    # a Party committee's departments and their offices
    ("德阳市召开会议。请向市委组织部反映。", {"德阳市委", "德阳市委组织部"}),
    (
        "中共德阳市委统战部发布通知。",
        {"德阳市委", "德阳市委统战部"},
    ),
    (
        "德阳市召开会议。王某 市委组织部干部二处处长",
        {"德阳市委", "德阳市委组织部", "德阳市委组织部干部二处"},
    ),
    # in a title chain the committee is the segment before
    ("德阳市召开会议，市委常委、宣传部部长何某出席。", {"德阳市委", "德阳市委宣传部"}),
    # a company's departments, under the company an anaphor stands for
    (
        "四川蜀岭建设集团有限公司召开职代会。集团工会联合集团人力资源部发布通知。",
        {
            "四川蜀岭建设集团有限公司",
            "四川蜀岭建设集团有限公司工会",
            "四川蜀岭建设集团有限公司人力资源部",
        },
    ),
    (
        "四川蜀岭建设集团有限公司召开会议，任命周某为安全环保部副经理。",
        {"四川蜀岭建设集团有限公司", "四川蜀岭建设集团有限公司安全环保部"},
    ),
    # a union's funds-review committee
    (
        "德阳市总工会召开代表大会，选举产生委员会和经费审查委员会。",
        {"德阳市总工会", "德阳市总工会经费审查委员会"},
    ),
    # an office of the union or bureau named right before it
    (
        "天水市召开会议。具体工作由市总工会劳动和经济工作部承办。",
        {"天水市总工会", "天水市总工会劳动和经济工作部"},
    ),
    ("（宝鸡市总工会办公室供稿）", {"宝鸡市总工会", "宝鸡市总工会办公室"}),
    (
        "李某 重庆市民政局基层政权建设和社区治理处处长",
        {"重庆市民政局", "重庆市民政局基层政权建设和社区治理处"},
    ),
    # a zone's administrative committee after its Party working committee
    (
        "李某 德阳经济技术开发区党工委委员、管委会副主任",
        {"德阳经济技术开发区党工委", "德阳经济技术开发区管委会"},
    ),
]

NO_DEPARTMENTS = [
    "公司干部全部到岗，集团总部在成都。",
    "集团内部管理不断加强。",
    "天水市民政局处长李某出席。",
    "经费审查委员会主任由谭某担任。",  # no union named: whose?
    "管委会副主任李某出席。",  # no working committee before it
    # a department in a zone's title chain is no company's
    "郑州圆方集团职工收到回信。德阳经济开发区党工委委员、党群工作部部长王某出席。",
]


@pytest.mark.parametrize("text, expected", DEPARTMENTS)
def test_departments(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.ORGANIZATION) == expected


@pytest.mark.parametrize("text", NO_DEPARTMENTS)
def test_no_department(text: str) -> None:
    found = names(run(text), Kind.ORGANIZATION)
    assert not {n for n in found if "集团" in n and n.endswith("部")}
    assert not {n for n in found if n.endswith(("经费审查委员会", "管委会"))}


def test_departments_are_where_their_parent_is() -> None:
    text = "德阳市召开会议。请向市委组织部反映。"
    assert ("德阳市委组织部", "510600") in pairs(run(text), RelKind.LOCATED_IN)


UNITS_IN_CHAINS = [
    # a workshop, a brigade, a court's division: the post goes to the unit
    (
        "澄江精密机械有限公司装配车间主任秦予帆介绍了经验。",
        ("秦予帆", "澄江精密机械有限公司装配车间", ("主任",)),
    ),
    (
        "澄江市应急管理局执法大队副大队长姚青参加检查。",
        ("姚青", "澄江市应急管理局执法大队", ("副大队长",)),
    ),
    (
        "澄江市公安局交通警察支队指导员柯平讲课。",
        ("柯平", "澄江市公安局交通警察支队", ("指导员",)),
    ),
    (
        "澄江市人民法院刑事审判庭庭长甘雨作报告。",
        ("甘雨", "澄江市人民法院刑事审判庭", ("庭长",)),
    ),
    # a word that qualifies the title: one title in the company
    (
        "澄江热电有限公司安全总监邝家乐表示，安全无小事。",
        ("邝家乐", "澄江热电有限公司", ("安全总监",)),
    ),
    (
        "澄江热电有限公司叉车司机缪振宇说，培训很实用。",
        ("缪振宇", "澄江热电有限公司", ("叉车司机",)),
    ),
    # the company an anaphor stands for, then its workshop
    (
        "澄江精密机械集团有限公司召开职代会，集团铸造车间主任柯平发言。",
        ("柯平", "澄江精密机械集团有限公司铸造车间", ("主任",)),
    ),
    # the title alone after the company: no workshop named
    (
        "澄江热电有限公司车间主任闻雅琪说，产量提高了。",
        ("闻雅琪", "澄江热电有限公司", ("车间主任",)),
    ),
]


@pytest.mark.parametrize("text, expected", UNITS_IN_CHAINS)
def test_a_unit_inside_a_company_or_bureau_holds_the_post(
    text: str, expected: tuple[str, str, tuple[str, ...]]
) -> None:
    assert expected in posts(run(text))


def test_a_workshop_is_no_body_of_a_place() -> None:
    result = run(
        "澄江市召开表彰会。车间班长柯平说，大家干劲很足。熔炼车间主任甘雨发言。"
    )
    orgs = names(result, Kind.ORGANIZATION)
    assert not any(org.endswith("车间") for org in orgs)


def test_a_workshop_named_alone_is_the_articles_one_companys() -> None:
    text = "澄江精密机械股份有限公司举行表彰会。精密加工车间主任柯平说，大家干劲很足。"
    assert ("柯平", "澄江精密机械股份有限公司精密加工车间", ("主任",)) in posts(
        run(text)
    )


def test_a_workshop_with_no_company_keeps_its_title() -> None:
    assert ("甘雨", None, ("车间主任",)) in posts(run("熔炼车间主任甘雨发言。"))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "澄江市实验中学语文教师秦予帆获评优秀教师。",
            ("秦予帆", "澄江市实验中学", ("语文教师",)),
        ),
        (
            "澄江市人民医院心内科医生沈晓岚介绍了经验。",
            ("沈晓岚", "澄江市人民医院心内科", ("医生",)),
        ),
    ],
)
def test_a_teacher_or_a_doctor_in_a_named_unit(
    text: str, expected: tuple[str, str, tuple[str, ...]]
) -> None:
    assert expected in posts(run(text))


def test_a_team_named_in_quotes_before_its_heads_title() -> None:
    """“巧手”班组班组长甲: the team is a body (巧手班组) and 甲 heads it; a quoted
    word before 班组 with no title after it is no body."""
    result = run("装配车间“银梭”班组班组长韦春梅代表受表彰职工发言。")
    assert ("韦春梅", "银梭班组", ("班组长",)) in posts(result)
    assert not names(run("开展“安全”班组建设。"), Kind.ORGANIZATION)


def test_a_numbered_works_of_the_group_and_its_workshop() -> None:
    """集团第二炼钢厂连铸车间主任: the group's second works and that works'
    workshop, not a company named 炼钢厂; 第三机械厂 alone, after the group is
    named, is the group's too."""
    text = (
        "攀枝花钒钛钢铁集团有限公司召开大会。集团第二炼钢厂连铸车间主任尤启明汇报，"
        "第三机械厂厂长宓振华发言。"
    )
    found = posts(run(text))
    group = "攀枝花钒钛钢铁集团有限公司"
    assert ("尤启明", f"{group}第二炼钢厂连铸车间", ("主任",)) in found
    assert ("宓振华", f"{group}第三机械厂", ("厂长",)) in found
    assert "炼钢厂" not in names(run(text), Kind.ORGANIZATION)


COMPANY_NEWS = (
    "3月14日，昆明滇岳精密机械股份有限公司（以下简称“滇岳精机”）职代会召开。"
    "滇岳精机（玉溪）有限公司总经理华志诚介绍了玉溪基地的情况。"
    "公司党委副书记、工会主席邱婉作工作报告。安全环保部部长周沐作了答复，"
    "财务部副部长唐雨介绍了经费使用情况。该公司今年还将启动“千人技能”工程。"
    "市人社局发布新规。该局局长秦予帆说，要做好服务。"
)


def test_a_company_news_story_keeps_its_departments_in_its_company() -> None:
    result = run(COMPANY_NEWS, home="530100")
    main = "昆明滇岳精密机械股份有限公司"
    found = posts(result)
    assert {
        ("华志诚", "滇岳精机（玉溪）有限公司", ("总经理",)),
        # 公司 is the company named most (its short name counts), not the
        # subsidiary named last
        ("邱婉", main, ("党委副书记",)),
        ("邱婉", main + "工会", ("主席",)),
        # bare departments are the article's company's, not the city's
        ("周沐", main + "安全环保部", ("部长",)),
        ("唐雨", main + "财务部", ("副部长",)),
        # 该局: the bureau named last
        ("秦予帆", "昆明市人社局", ("局长",)),
    } <= found
    # 该公司: the company named last, 公司 included
    assert ("千人技能工程", main) in pairs(result, RelKind.LAUNCHED_BY)


def test_a_kind_of_body_written_alone_is_the_one_the_paragraph_named() -> None:
    text = (
        "每逢周三，由昆明市总工会法律服务中心的律师轮流坐镇。"
        "中心主任秦予帆说，去年接待咨询两千人次。"
    )
    assert ("秦予帆", "昆明市总工会法律服务中心", ("主任",)) in posts(run(text))
