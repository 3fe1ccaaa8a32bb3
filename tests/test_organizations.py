"""Organisations: place-anchored bodies, short forms, companies, media."""

from __future__ import annotations

import pytest

from conftest import names, pairs, posts, run
from kg.model import Document, Kind, RelKind
from kg.pipeline import extract_document

CASES = [
    ("梁溪区总工会要进一步强化党建引领。", {"梁溪区总工会"}),
    ("洛社镇总工会新推出了服务项目。", {"洛社镇总工会"}),
    ("无锡市总工会联合市委党校等8家单位成立联盟。", {"无锡市总工会", "无锡市委党校"}),
    ("中共无锡市委党校举办培训班。", {"无锡市委党校"}),
    # verbs and generic words before a company are not part of its name
    ("希望天合光能集团继续发挥龙头作用。", {"天合光能集团"}),
    ("代表集团发言的是一名老党员。", set()),
    ("习近平总书记给郑州圆方集团全体职工回信。", {"郑州圆方集团"}),
    (
        "在无锡威卡威汽车零部件有限公司的车间里，女工们做起了瑜伽操。",
        {"无锡威卡威汽车零部件有限公司"},
    ),
    # media and brands without a suffix word
    ("据人民网报道，新华客户端发布消息。", {"人民网", "新华客户端"}),
    ("5月11日，《工人日报》头版刊发报道。", {"工人日报"}),
    (
        "红豆集团“一线岗位星级员工评定”、SK海力士“职群管理”鼓励职工创新。",
        {"红豆集团", "SK海力士"},
    ),
    ("海康威视控股宣布成立职工书屋。", {"海康威视控股"}),
    # departments and bureaus under a short place form
    (
        "新乡县召开会议。县委办、县发改局负责人参加座谈。",
        {"新乡县委办", "新乡县发改局"},
    ),
    (
        "洛阳市总工会联合市人社局、市教育局举办技能比赛。",
        {"洛阳市总工会", "洛阳市人社局", "洛阳市教育局"},
    ),
    # the union of a company, and the company
    (
        "近日，中国石化江苏石油分公司工会开展送清凉活动。",
        {"中国石化江苏石油分公司工会", "中国石化江苏石油分公司"},
    ),
    # the province from the gazetteer, in a city article
    ("常州市召开会议，省总工会有关负责人出席。", {"江苏省总工会"}),
    # a body stationed in another place is its sender's
    ("会宁县驻苏州劳务工作站开展岗前培训。", {"会宁县驻苏州劳务工作站"}),
    (
        "贵州省人民政府驻上海办事处主任出席。",
        {"贵州省人民政府", "贵州省人民政府驻上海办事处"},
    ),
]

NOTHING = [
    "在全市工会干部中激起热烈反响。",
    "滨湖区各级工会及时传达学习精神。",
    "在无锡工会干部中引发热烈反响。",
    "企业工会要发挥作用，城市的发展离不开职工。",
    "我们走进车间，看到职工们正在忙碌。",
    "这项工作由市里统一举办。",
    "",
]


@pytest.mark.parametrize("text, expected", CASES)
def test_organisations(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.ORGANIZATION) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_organisation(text: str) -> None:
    assert names(run(text), Kind.ORGANIZATION) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("梁溪区总工会要进一步强化党建引领。", {("梁溪区总工会", "320213")}),
        ("江阴市总工会开展活动。", {("江阴市总工会", "320281")}),
        ("郑州圆方集团的职工收到回信。", {("郑州圆方集团", "410100")}),
        ("红豆集团开展评定。", set()),
        # where the sender is, not where the station is
        (
            "会宁县驻苏州劳务工作站开展岗前培训。",
            {("会宁县驻苏州劳务工作站", "620422")},
        ),
    ],
)
def test_located_in_from_name(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(run(text), RelKind.LOCATED_IN) == expected


def test_short_form_takes_the_paragraphs_district() -> None:
    text = "滨湖区各级工会及时传达。区总工会组织全区职工学习讨论。"
    result = run(text)
    short = [m for m in result.mentions if m.text == "区总工会"]
    assert [m.name for m in short] == ["滨湖区总工会"]


def test_the_outlet_of_a_byline_is_a_media_organisation() -> None:
    text = "某镇总工会开展活动。\n来源：澄江日报"
    doc = Document("t", text, text, source="澄江日报")
    found = [m for m in extract_document(doc).mentions if m.kind is Kind.ORGANIZATION]
    assert [(m.name, m.subtype) for m in found] == [("澄江日报", "Media")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a company's union and the company: two bodies
        (
            "晋江KVN体育用品有限公司工会主席许某某介绍，公司推出家庭开放日。",
            {"晋江KVN体育用品有限公司工会", "晋江KVN体育用品有限公司"},
        ),
        ("VLK照明（佛山）有限公司参加招聘会。", {"VLK照明（佛山）有限公司"}),
        ("福建恒泰鞋业集团有限公司签约。", {"福建恒泰鞋业集团有限公司"}),
        # a person and a verb before a company are not its name
        ("书记蔡明辉来到晋江安踏鞋业有限公司调研。", {"晋江安踏鞋业有限公司"}),
        # a generic head is not a name; a count stops the name
        ("技术中心、文体中心开放。全州1275名考入大学的学生受助。", set()),
        (
            "鹿邑县召开大会。县工商联、县妇联负责人出席。",
            {"鹿邑县工商联", "鹿邑县妇联"},
        ),
        (
            "宜昌高新区工会工作委员会召开会议。",
            {"宜昌高新技术产业开发区工会工作委员会"},
        ),
        ("延边州召开大会。延边州总工会开展活动。", {"延边朝鲜族自治州总工会"}),
    ],
)
def test_organisation_names_in_the_genre(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.ORGANIZATION) == expected


def test_anaphora_points_to_the_last_company() -> None:
    text = (
        "记者走进山东鲁岳能源集团有限公司。该公司工会主席邵某某介绍，集团将实施新工程。"
    )
    found = {
        (m.text, m.name) for m in run(text).mentions if m.kind is Kind.ORGANIZATION
    }
    assert ("该公司工会", "山东鲁岳能源集团有限公司工会") in found
    assert ("集团", "山东鲁岳能源集团有限公司") in found


def test_coordinated_places_share_the_suffix() -> None:
    text = (
        "渭滨区、金台区、陈仓区总工会负责人参加会议，凤翔区和岐山县总工会也派员参加。"
    )
    assert names(run(text), Kind.ORGANIZATION) == {
        "渭滨区总工会",
        "金台区总工会",
        "陈仓区总工会",
        "凤翔区总工会",
        "岐山县总工会",
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # 和 joins two bodies of the county; it is no 和县
        (
            "互助县召开大会。县总工会和县妇联负责人参加。",
            {"互助土族自治县总工会", "互助土族自治县妇联"},
        ),
        # 自治区 short for the article's autonomous region
        (
            "乌鲁木齐市召开大会。自治区总工会副主席阿依古丽·肉孜说，要办实事。",
            {"新疆维吾尔自治区总工会"},
        ),
        # 盟 short for the league the article is in; 联盟 is no league
        (
            "兴安盟召开会议。盟总工会和盟妇联负责人参加。",
            {"兴安盟总工会", "兴安盟妇联"},
        ),
        ("长三角产业联盟召开会议，联盟秘书处负责人发言。", set()),
        # a body, then words, is no longer a body's name
        ("大同市召开大会，市人民政府作政府工作报告。", {"大同市人民政府"}),
        ("这几年公司工会发展很快。", set()),
    ],
)
def test_bodies_in_context(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.ORGANIZATION) == expected


def test_national_bodies() -> None:
    text = "中华全国总工会开展活动，国务院国资委发布通知，国家发展改革委印发方案。"
    assert names(run(text), Kind.ORGANIZATION) == {
        "中华全国总工会",
        "国务院国资委",
        "国家发展改革委",
    }


@pytest.mark.parametrize(
    "text",
    [
        "公司党委召开理论学习中心组扩大学习会。",
        "邓启明此前在佛山市南海区桂城街道担任党工委副书记。",
    ],
)
def test_no_body_from_a_verb_or_a_study_session(text: str) -> None:
    found = names(run(text), Kind.ORGANIZATION)
    assert not {n for n in found if "担任" in n or n.endswith("扩大学")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a brand holding 之 or 都 after one character, after a place
        ("位于龙岭镇的江西木之韵家居有限公司获评先进。", {"江西木之韵家居有限公司"}),
        (
            "稻田镇和山东菜都农业发展集团有限公司作了发言。",
            {"山东菜都农业发展集团有限公司"},
        ),
        # a trade verb after a quality, after a brand the dictionary splits
        ("集团下属吉林裕丰精密铸造有限公司参加。", {"吉林裕丰精密铸造有限公司"}),
        # subsidiaries described, not named
        ("此次新设的三家子公司各有侧重，集团子公司负责人发言。", set()),
        ("赤源能源集团新设子公司揭牌，旗下5家子公司参加。", {"赤源能源集团"}),
        # 的 after a province is no brand
        ("江苏省的澄江热电有限公司参加。", {"澄江热电有限公司"}),
        # a works before a company's name says what it is
        (
            "彰化的精密齿轮厂鼎泰精工股份有限公司表示，将与家电大厂澄美集团合作。",
            {"鼎泰精工股份有限公司", "澄美集团"},
        ),
        # a trade association: 行业 or 产业 before 协会 is its trade
        ("澄江市精密机械行业协会召开年会。", {"澄江市精密机械行业协会"}),
        # 设厂, 进厂: a verb of the works
        ("鼎泰精工2015年进驻昆山开发区设厂，律师进厂服务。", set()),
    ],
)
def test_brands_trades_and_subsidiaries(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.ORGANIZATION) == expected


def test_bodies_of_a_zone_no_gazetteer_holds() -> None:
    result = run("苏南硅谷科技园区党工委委员、管委会副主任秦予帆出席。")
    assert {"苏南硅谷科技园区党工委", "苏南硅谷科技园区管委会"} <= names(
        result, Kind.ORGANIZATION
    )
    assert names(run("各园区管委会负责人参加。"), Kind.ORGANIZATION) == set()


def test_a_plant_named_after_its_company_and_the_company_it_belongs_to() -> None:
    """某某有限公司炼钢厂 names two bodies, the plant and its company; a bare
    公司 later is the company, not the plant."""
    text = (
        "包头钢联特钢有限公司炼钢厂主控室里，高占山盯着大屏。"
        "公司党委书记、董事长任海涛说，公司正在推广新工法。"
    )
    result = run(text)
    assert {"包头钢联特钢有限公司炼钢厂", "包头钢联特钢有限公司"} <= names(
        result, Kind.ORGANIZATION
    )
    assert ("任海涛", "包头钢联特钢有限公司", ("党委书记", "董事长")) in posts(result)


def test_enforcement_and_fire_brigades_of_a_place() -> None:
    text = "黄山市屯溪区消防救援大队、马鞍山市雨山区城市管理行政执法大队获得表彰。"
    assert {"屯溪区消防救援大队", "雨山区城市管理行政执法大队"} <= names(
        run(text), Kind.ORGANIZATION
    )


def test_a_citys_union_congress_is_held_by_its_federation_of_unions() -> None:
    """包头市工会第十四次代表大会: the congress of the city's unions; the body
    is the city's 总工会, not a 包头市工会 of its own."""
    text = (
        "为期两天的包头市工会第十四次代表大会闭幕。"
        "大会选举产生了市总工会第十四届委员会。"
    )
    assert names(run(text), Kind.ORGANIZATION) == {"包头市总工会"}
