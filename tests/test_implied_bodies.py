"""Bodies a post implies without naming them in its chain: the body whose
congress elects, 该会, a bare 集团, the one company of a list of its trades;
acting heads (代局长) and 委任 / 续任 (invented sentences)."""

from __future__ import annotations

import pytest

from conftest import names, posts, run
from kg.model import Kind

ELECTED = [
    (
        "珠海市建筑业工会召开第三次会员代表大会，选举产生新一届委员会："
        "王强当选为主席，李丽、赵刚当选为副主席。",
        {
            ("王强", "珠海市建筑业工会", ("主席",)),
            ("李丽", "珠海市建筑业工会", ("副主席",)),
            ("赵刚", "珠海市建筑业工会", ("副主席",)),
        },
    ),
    (  # 该会: the association named most, not the guest's named last
        "澳门酒店业职工总会举行就职典礼。澳门酒店业职工总会成立二十年，"
        "澳门工会联合总会理事长叶志豪出席。\n"
        "该会早前举行会员大会，选出新一届理监事会：陈美玲当选为理事长。",
        {("陈美玲", "澳门酒店业职工总会", ("理事长",))},
    ),
]


@pytest.mark.parametrize("text, expected", ELECTED)
def test_the_body_whose_congress_elects(
    text: str, expected: set[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    assert expected <= posts(run(text))


def test_no_electing_body_without_a_congress() -> None:
    text = "珠海市建筑业工会主席王强出席活动，李丽当选为主席。"
    assert ("李丽", None, ("主席",)) in posts(run(text))


@pytest.mark.parametrize(
    "text, body",
    [
        ("澳门酒店业职工总会举行会员大会。", "澳门酒店业职工总会"),
        ("拉萨市慈善总会向困难职工捐款。", "拉萨市慈善总会"),
        ("珠海市建筑业工人联合会成立。", "珠海市建筑业工人联合会"),
    ],
)
def test_associations_of_a_trade_and_federations(text: str, body: str) -> None:
    assert body in names(run(text), Kind.ORGANIZATION)


@pytest.mark.parametrize("text", ["大家总会记得那一天。", "全市职工总会记得。"])
def test_no_federation_from_an_adverb(text: str) -> None:
    assert not names(run(text), Kind.ORGANIZATION)


def test_acting_heads_and_appointments_outside_the_mainland() -> None:
    found = posts(run("会议决定任命王明为无锡市人民政府代市长。"))
    assert ("王明", "无锡市人民政府", ("代市长",)) in found
    found = posts(run("经行政长官批示，澳门特别行政区政府委任黄婉仪为社会工作局局长。"))
    assert ("黄婉仪", "社会工作局", ("局长",)) in found


def test_a_bare_group_is_the_one_the_article_is_about() -> None:
    # the résumé names another group last; 集团 is still the article's
    text = (
        "内蒙古青原钢铁集团有限公司（以下简称青原钢铁集团）召开干部大会，青原钢铁集团宣布决定。"
        "苏德胜此前任鄂尔多斯市能源集团有限公司党委副书记。\n"
        "集团党委副书记、总经理吉雅图主持会议。"
    )
    found = {p for p in posts(run(text)) if p[0] == "吉雅图"}
    assert found and all("能源" not in (org or "") for _, org, _ in found)


def test_a_bare_group_is_no_subsidiary_named_more_often() -> None:
    text = (
        "山东青岳建工集团有限公司召开会议：原潍坊青岳路桥工程有限公司总经理张伟"
        "调任集团副总经理；高鹏任潍坊青岳路桥工程有限公司总经理。"
        "集团党委书记、董事长孙立军主持会议。"
    )
    orgs = {org for name, org, _ in posts(run(text)) if name == "孙立军"}
    assert orgs and all("路桥" not in (org or "") for org in orgs)


def test_trades_in_an_award_list_of_the_one_company() -> None:
    text = (
        "芜湖青城汽车配件股份有限公司召开职代会。会上表彰了“青城好工匠”，"
        "焊接工艺员陶志强、模具钳工齐晓军、质检员吴芳等10人获评。"
    )
    found = posts(run(text))
    company = "芜湖青城汽车配件股份有限公司"
    assert {
        ("陶志强", company, ("焊接工艺员",)),
        ("齐晓军", company, ("模具钳工",)),
        ("吴芳", company, ("质检员",)),
    } <= found


def test_no_company_for_trades_when_the_article_names_several() -> None:
    text = (
        "芜湖青城汽车配件股份有限公司与安徽徽源物流有限公司联合表彰，"
        "焊接工艺员陶志强、质检员吴芳获评。"
    )
    assert {org for name, org, _ in posts(run(text)) if name == "吴芳"} <= {None}


def test_a_visitors_grade_is_no_post_in_the_company() -> None:
    text = (
        "交流团参观苏州澄湖精密机械有限公司。交流团成员、电工技师何俊与公司技师"
        "许志刚现场切磋技艺。"
    )
    orgs = {org for name, org, _ in posts(run(text)) if name == "何俊"}
    assert "苏州澄湖精密机械有限公司" not in orgs


def test_a_visitor_walks_into_a_company_not_into_its_name() -> None:
    text = "在陈仓区阳平镇，秦川走进宝鸡秦岭钛材科技有限公司生产车间。"
    assert names(run(text), Kind.ORGANIZATION) == {"宝鸡秦岭钛材科技有限公司"}


def test_a_streets_bodies_named_short() -> None:
    text = (
        "重庆市涪陵区江北街道召开大会。江北街道党工委副书记、街道总工会主席冉小琴"
        "宣读了批复文件。"
    )
    assert ("冉小琴", "江北街道总工会", ("主席",)) in posts(run(text))


def test_a_streets_body_is_the_one_street_named_before_it() -> None:
    text = (
        "骑手在海口市龙华区金贸街道的驿站里歇脚。街道党工委书记吴振邦介绍了情况。"
        "今年还将在滨海街道、中山街道新建5个驿站。"
    )
    assert ("吴振邦", "金贸街道党工委", ("书记",)) in posts(run(text))


def test_no_street_body_when_the_article_names_several_streets() -> None:
    text = "在杭州市余杭区仁和街道、良渚街道试点，由骑手代表和街道工会共同协商。"
    assert not {n for n in names(run(text), Kind.ORGANIZATION) if "工会" in n}


def test_a_bare_union_is_the_companys_not_the_citys() -> None:
    text = (
        "在昆明市官渡区，有这样一家民营企业：云南滇青生物科技有限公司。"
        "工会主席普丽华是从一线质检员成长起来的。"
    )
    found = posts(run(text))
    assert ("普丽华", "云南滇青生物科技有限公司工会", ("主席",)) in found
    assert not {p for p in found if p[1] == "昆明市工会"}


def test_no_union_of_a_place_for_a_bare_union() -> None:
    found = posts(run("银川市召开会议。工会主席杨静说，要办实事。"))
    assert ("杨静", None, ("主席",)) in found


INSTITUTIONS = [
    (  # 医院党委书记, 院长: the hospital named before; its Party roles stay in it
        "黔南州都匀市杉木湖医院开展义诊。医院党委书记罗春明说，医院工会主席"
        "蒙晓兰组织志愿者。",
        {
            ("罗春明", "黔南州都匀市杉木湖医院", ("党委书记",)),
            ("蒙晓兰", "黔南州都匀市杉木湖医院工会", ("主席",)),
        },
    ),
    (  # 学校, 该校: the school last named, not the hospital named before it
        "赤峰市松山区人民医院医生走进赤峰市松山区穆家营子中学。学校党支部书记"
        "包玉兰、该校副校长白志强陪同。",
        {
            ("包玉兰", "赤峰市松山区穆家营子中学", ("党支部书记",)),
            ("白志强", "赤峰市松山区穆家营子中学", ("副校长",)),
        },
    ),
    (  # 医院 is the hospital, not the health centre named after it; 该院 may be one
        "黔南州都匀市杉木湖医院专家来到都匀市墨冲镇卫生院义诊。医院党委书记罗春明说，"
        "该院院长陆明带队。",
        {
            ("罗春明", "黔南州都匀市杉木湖医院", ("党委书记",)),
        },
    ),
    (
        "都匀市墨冲镇卫生院开展体检，该院院长陆明说，群众满意。",
        {("陆明", "墨冲镇卫生院", ("院长",))},
    ),
    (  # a named hospital's Party committee
        "会议决定，赵德明任海口市第三人民医院党委书记。",
        {("赵德明", "海口市第三人民医院", ("党委书记",))},
    ),
]


@pytest.mark.parametrize("text, expected", INSTITUTIONS)
def test_a_hospital_or_school_named_before(
    text: str, expected: set[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    assert expected <= posts(run(text))


def test_a_hospital_word_with_no_hospital_named_is_no_hospital() -> None:
    """医院党委 after a company only: no company's or made-up hospital's post
    (the title alone)."""
    found = posts(run("江阴市精工集团有限公司开展活动。医院党委书记罗春明说。"))
    assert ("罗春明", None, ("书记",)) in found
    assert not any(org and ("集团" in org or "医院" in org) for _, org, _ in found)


def test_a_studio_named_after_its_head_and_its_head() -> None:
    """某某劳模创新工作室 (unquoted) is an organisation; 工作室领衔人 is the head
    of the studio last named; 某市劳模创新工作室 is an honour."""
    result = run("在韦振山劳模创新工作室，全国劳动模范、工作室领衔人韦振山介绍经验。")
    assert "韦振山劳模创新工作室" in names(result, Kind.ORGANIZATION)
    assert ("韦振山", "韦振山劳模创新工作室", ("领衔人",)) in posts(result)
    assert not names(run("全市建成劳模创新工作室58家。"), Kind.ORGANIZATION)
    honour = run("该室荣获柳州市劳模创新工作室称号。")  # an honour, not a studio
    assert not any("工作室" in n for n in names(honour, Kind.ORGANIZATION))


def test_a_hospital_named_only_with_its_party_body_is_kept() -> None:
    """某某医院党委书记甲、院长乙: the hospital, named only inside its Party
    body's name, is an organisation of the resolved article, holding both
    posts (they were dropped with no node to hold them)."""
    from kg.model import Document
    from kg.pipeline import extract_documents

    text = "琼海市椰林医院党委书记符永坚、院长黎明远带领医疗队开展义诊。"
    extraction = extract_documents([Document("a", text, text)])
    orgs = {e.key: e.name for e in extraction.entities if e.kind is Kind.ORGANIZATION}
    held = {
        orgs.get(r.object or "") for r in extraction.relations if r.kind.value == "post"
    }
    assert held == {"琼海市椰林医院"}


def test_an_association_named_by_a_level_word() -> None:
    """州劳动模范协会会长甲: the prefecture's association, as 州总工会 is its
    union; with no prefecture in the article, no body."""
    text = "恩施州召开会议。州劳动模范协会会长谭德明出席。"
    assert ("谭德明", "恩施土家族苗族自治州劳动模范协会", ("会长",)) in posts(run(text))
    alone = posts(run("州劳动模范协会会长谭德明出席。"))
    assert not any(o for p, o, _ in alone if p == "谭德明")
