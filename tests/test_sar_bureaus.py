"""Hong Kong's and Macau's bureaus, named with no place in their own press
(invented sentences)."""

from __future__ import annotations

from conftest import names, pairs, posts, run
from kg.model import Kind, RelKind

MACAU = (
    "经行政长官批示，澳门特别行政区政府公布任免事项：委任黄婉仪为社会工作局局长。"
    "续任赖振邦为旅游局副局长。据悉，社会工作局下一阶段将优化服务。"
)


def test_a_macau_bureau_keeps_its_own_name() -> None:
    result = run(MACAU)
    assert {"社会工作局", "旅游局"} <= names(result, Kind.ORGANIZATION)
    assert ("社会工作局", "820000") in pairs(result, RelKind.LOCATED_IN)
    assert ("赖振邦", "旅游局", ("副局长",)) in posts(result)


def test_a_hong_kong_bureau_after_the_government() -> None:
    text = "香港特别行政区政府劳工及福利局局长叶伟成出席香港工会联合会的活动。"
    result = run(text)
    assert "劳工及福利局" in names(result, Kind.ORGANIZATION)
    assert "福利局" not in names(result, Kind.ORGANIZATION)


def test_no_bare_bureau_in_a_mainland_story() -> None:
    text = "无锡市召开会议，体育局局长王明说，要办实事。江阴市也派员参加。"
    assert "体育局" not in names(run(text), Kind.ORGANIZATION)


def test_no_bare_bureau_after_a_place() -> None:
    text = (
        "澳门特别行政区与横琴粤澳深度合作区合作。澳门特别行政区政府表示支持。"
        "澳门特别行政区旅游局局长赖振邦出席。"
    )
    assert "旅游局" not in names(run(text), Kind.ORGANIZATION)


def test_the_zone_a_short_form_names_not_the_sar_in_focus() -> None:
    """合作区执行委员会 after 澳门 is named again: the 区 is the 合作区 the
    article names, not 澳门特别行政区."""
    text = (
        "澳门职工代表赴珠海横琴粤澳深度合作区考察。澳门青年对此很关心。"
        "合作区执行委员会民生事务局副局长黄伟杰介绍了情况。"
    )
    result = run(text)
    body = "横琴粤澳深度合作区执行委员会民生事务局"
    assert ("黄伟杰", body, ("副局长",)) in posts(result)
    assert "澳门特别行政区执行委员会" not in names(result, Kind.ORGANIZATION)


def test_a_macau_paper_names_its_own_bureau_in_a_mainland_visit() -> None:
    """本澳 says the paper is Macau's: its bureau is Macau's, however many
    mainland places the visiting delegation names."""
    text = (
        "【本报消息】江门市总工会代表团抵澳访问，拜会本澳工会团体。"
        "劳工事务局副局长麦慧琳会见代表团。江门市、台山市、开平市的工会负责人同行。"
    )
    result = run(text)
    assert ("劳工事务局", "820000") in pairs(result, RelKind.LOCATED_IN)
    assert ("麦慧琳", "劳工事务局", ("副局长",)) in posts(result)


def test_bureaus_before_a_definition_a_spokesman_or_a_chief_executive() -> None:
    text = (
        "本港职工培训日昨日举行。职业训练局（下称“职训局”）行政总裁邝嘉敏致辞。"
        "协会已向屋宇署提交建议书，屋宇署发言人表示会研究。"
    )
    result = run(text)
    assert {"职业训练局", "屋宇署"} <= names(result, Kind.ORGANIZATION)
    assert ("邝嘉敏", "职业训练局", ("行政总裁",)) in posts(result)


def test_the_regions_own_legislature_and_government_and_a_bureau_after_yu() -> None:
    """立法会议员甲 in a Macau story: the region's 立法会; 特区政府, and
    与社会工作局加强合作: a bureau named after 与."""
    text = (
        "澳门职工互助联合会昨日在黑沙环会址举行启动仪式。立法会议员何敏仪出席。"
        "劳工局将与社会工作局加强转介合作，与特区政府形成合力。"
        "劳工局与职工协会签署合作协议。"
    )
    result = run(text)
    assert {"澳门特别行政区立法会", "社会工作局", "澳门特别行政区政府"} <= names(
        result, Kind.ORGANIZATION
    )
    assert "职工协会签署" not in names(result, Kind.ORGANIZATION)
    assert ("何敏仪", "澳门特别行政区立法会", ("议员",)) in posts(result)
