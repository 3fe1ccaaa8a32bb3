"""launchedBy: the actor, the launch verb and the initiative in one sentence."""

from __future__ import annotations

import pytest

from conftest import pairs, run
from kg.model import RelKind

CASES = [
    # the body that leads it, after 由, the initiative a clause later
    (
        "德清县召开常务会议。会议决定，由县应急管理局牵头，即日起在全县开展"
        "“消防除患”专项行动。",
        {("消防除患专项行动", "德清县应急管理局")},
    ),
    (
        "这是洛社镇总工会新推出的“车间课堂”特色服务活动。",
        {("车间课堂", "洛社镇总工会")},
    ),
    (
        "无锡市总工会联合市委党校等8家单位，成立“无锡市职工思想引领新探索联盟”。",
        {
            ("无锡市职工思想引领新探索联盟", "无锡市总工会"),
            ("无锡市职工思想引领新探索联盟", "无锡市委党校"),
        },
    ),
    (
        "红豆集团“一线岗位星级员工评定”、SK海力士“职群管理”“职位转换”鼓励职工创新。",
        {
            ("一线岗位星级员工评定", "红豆集团"),
            ("职群管理", "SK海力士"),
            ("职位转换", "SK海力士"),
        },
    ),
    (
        "2020年，无锡市在全省率先出台《关于加强新时代产业工人队伍建设的实施方案》。",
        {("关于加强新时代产业工人队伍建设的实施方案", "320200")},
    ),
    # the passive before the initiative: 由甲、乙联合主办的某区第六届…大赛
    (
        "由秀英区总工会、区人社局联合主办的秀英区第六届职工职业技能大赛落幕。",
        {
            ("秀英区第六届职工职业技能大赛", "秀英区总工会"),
            ("秀英区第六届职工职业技能大赛", "秀英区人社局"),
        },
    ),
    # the passive after it, with a verb of naming
    (
        "以他名字命名的“秦予帆劳模创新工作室”由兰州市总工会命名挂牌。",
        {("秦予帆劳模创新工作室", "兰州市总工会")},
    ),
    # co-issuers of a document named by its count of articles
    (
        "兰州市总工会联合市人社局、市妇联出台《兰州市新就业形态劳动者关爱服务十条》。",
        {
            ("兰州市新就业形态劳动者关爱服务十条", "兰州市总工会"),
            ("兰州市新就业形态劳动者关爱服务十条", "兰州市人社局"),
            ("兰州市新就业形态劳动者关爱服务十条", "兰州市妇联"),
        },
    ),
]

NOTHING = [
    # the organisation is where the speaker works, not who launched it
    "江阴市总工会党组书记、主席张忠表示，要在“六攻坚六突破”3年行动中发光发热。",
    # no actor at all
    "出台“高技能人才培养补贴实施办法”，明确补贴标准。",
    "",
]


@pytest.mark.parametrize("text, expected", CASES)
def test_launched_by(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(run(text), RelKind.LAUNCHED_BY) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_launch(text: str) -> None:
    assert pairs(run(text), RelKind.LAUNCHED_BY) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        # actors joined by 还将联合; a year between actor and initiative
        (
            "据介绍，闵行区总工会还将联合区人社局开展“职业伤害保障进站点”行动。",
            {
                ("职业伤害保障进站点行动", "闵行区总工会"),
                ("职业伤害保障进站点行动", "闵行区人社局"),
            },
        ),
        (
            "延边州总工会2024年“金秋助学”金发放仪式在延吉市举行。",
            {("金秋助学", "延边朝鲜族自治州总工会")},
        ),
        # 以…为抓手, 深化, 建成
        (
            "近年来，狮山镇总工会以“15分钟职工服务圈”建设为抓手布设站点。",
            {("15分钟职工服务圈", "狮山镇总工会")},
        ),
        # 该公司 / 集团 stand for the company last named
        (
            "记者走进山东鲁岳能源集团有限公司。下一步，集团将实施“金蓝领培育工程”。",
            {("金蓝领培育工程", "山东鲁岳能源集团有限公司")},
        ),
        # a place after 在 is where it happens, not who runs it
        (
            "无锡市总工会在洛社镇召开推进会，正式启动“技能强企”三年行动。",
            {("技能强企三年行动", "无锡市总工会")},
        ),
    ],
)
def test_launch_shapes(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(run(text), RelKind.LAUNCHED_BY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a subjectless sentence continues the body that opened the one before
        (
            "延边州总工会高度重视职工子女就学。今年以来，开展“金秋助学”活动。",
            {("金秋助学活动", "延边朝鲜族自治州总工会")},
        ),
        # not when someone else speaks in between
        ("延边州总工会召开会议。张三说，要开展“金秋助学”活动。", set()),
        # not across paragraphs
        ("延边州总工会召开会议。\n今年以来，开展“金秋助学”活动。", set()),
    ],
)
def test_subjectless_sentences(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(run(text), RelKind.LAUNCHED_BY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # who holds the event an initiative is launched or honoured at
        (
            "6月7日，桂林市总工会、市人力资源和社会保障局联合召开2023年度“漓江工匠”发布会。",
            {("漓江工匠", "桂林市总工会"), ("漓江工匠", "桂林市人力资源和社会保障局")},
        ),
        # 评选 and 上线 launch
        (
            "秦安县总工会实施“职工素质提升工程”，评选“陇原工匠”。",
            {("职工素质提升工程", "秦安县总工会"), ("陇原工匠", "秦安县总工会")},
        ),
        # 对公司推行: the company the article is about
        (
            "芜湖青城汽车配件股份有限公司召开职代会。区总工会副主席戴明对公司推行"
            "“职工议事日”制度给予肯定。",
            {("职工议事日制度", "芜湖青城汽车配件股份有限公司")},
        ),
    ],
)
def test_events_awards_and_anaphors(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= pairs(run(text), RelKind.LAUNCHED_BY)


def test_no_launch_by_who_attends_an_event() -> None:
    text = "桂林市总工会主席出席了市人社局举办的“漓江工匠”发布会，会上宣读了名单。"
    launched = pairs(run(text), RelKind.LAUNCHED_BY)
    assert ("漓江工匠", "桂林市总工会") not in launched


def test_the_body_that_lists_a_subject_under_an_initiative_runs_it() -> None:
    """被某总工会列为“某某行动”试点企业: that union runs the initiative; 列为 with
    no 被 before its actor says nothing of who runs it."""
    listed = pairs(
        run("今年，公司还被柳州市总工会列为“技能强企行动”试点企业。"),
        RelKind.LAUNCHED_BY,
    )
    assert ("技能强企行动", "柳州市总工会") in listed
    plain = pairs(
        run("柳州市总工会工作人员介绍，公司列为“技能强企行动”试点企业。"),
        RelKind.LAUNCHED_BY,
    )
    assert ("技能强企行动", "柳州市总工会") not in plain


def test_a_policy_adopted_at_a_bodys_meeting() -> None:
    """会议审议通过了《…》 in the report of a body's meeting: the body whose
    meeting it is launched it; with no such meeting, nobody."""
    text = (
        "邵阳市第十七届人民代表大会常务委员会第九次会议闭幕。"
        "会议审议通过了《邵阳市城市户外劳动者休息场所管理规定》。"
    )
    assert pairs(run(text), RelKind.LAUNCHED_BY) == {
        ("邵阳市城市户外劳动者休息场所管理规定", "邵阳市人大常委会")
    }
    county = (
        "县长主持召开县政府第12次常务会议，县总工会负责人列席会议。"
        "会议审议并原则通过了《隆回县技能人才培育实施方案》。"
    )
    assert ("隆回县技能人才培育实施方案", "隆回县人民政府") in pairs(
        run(county), RelKind.LAUNCHED_BY
    )
    assert not pairs(
        run("隆回县召开座谈会。大家认为，《隆回县技能人才培育实施方案》通过了。"),
        RelKind.LAUNCHED_BY,
    )
    # a bare 通过 is "by means of": no adoption
    by_means = (
        "邵阳市人大常委会第九次会议召开。职工通过《邵阳市职工维权指南》了解权益。"
    )
    assert ("邵阳市职工维权指南", "邵阳市人大常委会") not in pairs(
        run(by_means), RelKind.LAUNCHED_BY
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause that opens with the partner: the subject of the clause
        # before it (who leads, after 由) launches too
        (
            "会议要求，要由县总工会牵头实施“乡匠培育”工程，"
            "联合县人社局开展“千名职工技能提升”行动。",
            {
                ("千名职工技能提升行动", "嘉鱼县总工会"),
                ("千名职工技能提升行动", "嘉鱼县人社局"),
            },
        ),
        (
            "去年，市总工会牵头实施“职工素质提升”工程，"
            "会同市人社局开展“江城工匠”选树行动。",
            {
                ("江城工匠选树行动", "咸宁市总工会"),
                ("江城工匠选树行动", "咸宁市人社局"),
            },
        ),
    ],
)
def test_a_partner_clause_keeps_the_subject(
    text: str, expected: set[tuple[str, str]]
) -> None:
    home = "421221" if "县" in text else "421200"
    assert expected <= pairs(run(text, home=home), RelKind.LAUNCHED_BY)


def test_this_association_is_the_one_named_last() -> None:
    """该会推出“…”计划: the association named before (not 该会议)."""
    text = (
        "港九物流业职工总会会长陈某介绍，该会去年起推出“骑手加油站”计划。"
        "该会议还通过了“工友之家”项目。"
    )
    launched = pairs(run(text), RelKind.LAUNCHED_BY)
    assert ("骑手加油站计划", "港九物流业职工总会") in launched
    assert ("工友之家项目", "港九物流业职工总会") not in launched


def test_a_clause_after_a_semicolon_continues_the_sentences_subject() -> None:
    """……；在全省率先推出“…”: no subject of its own (全省 is a scope), so the
    body the sentence opens with launched it; a clause with its own actor
    keeps it."""
    text = (
        "柯明在报告中说，2023年，市总工会牵头实施“职工素质提升”工程，"
        "全年命名工匠50名；在全省率先推出“职工服务一码通”。"
    )
    launched = pairs(run(text, home="421200"), RelKind.LAUNCHED_BY)
    assert ("职工服务一码通", "咸宁市总工会") in launched
    own = "2023年，市总工会牵头实施“职工素质提升”工程；市人社局推出“技能培训券”。"
    launched = pairs(run(own, home="421200"), RelKind.LAUNCHED_BY)
    assert ("技能培训券", "咸宁市总工会") not in launched


def test_the_body_whose_congress_or_standing_committee_meets_adopts() -> None:
    """A company's workers' congress (its name then 第…届职工代表大会第…次会议,
    or 召开…, or 三届二次职工代表大会) adopts for the company, every title
    listed after 审议通过; a Party committee's standing committee (县委常委会
    会议) for the committee; 会议提出…实施“…” too."""
    company = (
        "3月5日，鹤鸣精工机械有限公司（以下简称“鹤鸣精工”）第四届职工代表大会第二次会议召开。"
        "会议审议通过了《鹤鸣精工职工福利管理办法》和《鹤鸣精工工资集体协议》。"
        "会议提出，今年将在全公司实施“精工匠心培育计划”。"
    )
    found = pairs(run(company), RelKind.LAUNCHED_BY)
    for initiative in (
        "鹤鸣精工职工福利管理办法",
        "鹤鸣精工工资集体协议",
        "精工匠心培育计划",
    ):
        assert (initiative, "鹤鸣精工机械有限公司") in found
    held = (
        "2月6日，鹤鸣精工机械有限公司召开三届二次职工代表大会暨2025年工作会议。"
        "会议审议通过了《职工年度奖励分配方案》。"
    )
    assert ("职工年度奖励分配方案", "鹤鸣精工机械有限公司") in pairs(
        run(held), RelKind.LAUNCHED_BY
    )
    county = (
        "9月3日，会宁县委书记周启明主持召开县委常委会（扩大）会议，传达学习市委有关"
        "会议精神。会议审议并原则通过《会宁县一村一品产业培育实施方案》。"
    )
    launchers = {o for i, o in pairs(run(county), RelKind.LAUNCHED_BY)}
    assert "会宁县委" in launchers and not any("常委会" in o for o in launchers)


@pytest.mark.parametrize(
    "text, expected",
    [
        # 两部门 in the sentence before the initiative
        (
            "会泽县人社局与会泽县总工会对全县企业进行了摸排，两部门据此列出了培训清单。"
            "“会泽技工”培育行动启动半年来，已培训1300余人次。",
            {
                ("会泽技工培育行动", "会泽县人社局"),
                ("会泽技工培育行动", "会泽县总工会"),
            },
        ),
        # 双方 in the initiative's sentence, the pair in the sentence before
        (
            "会泽县总工会与会泽县妇联签署合作协议。双方合办的“巧手技能培训计划”将于六月开班。",
            {
                ("巧手技能培训计划", "会泽县总工会"),
                ("巧手技能培训计划", "会泽县妇联"),
            },
        ),
    ],
)
def test_two_bodies_named_as_a_pair_launch_it(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(run(text), RelKind.LAUNCHED_BY) == expected


def test_a_pair_word_with_three_bodies_before_it_names_none() -> None:
    text = (
        "会泽县总工会、会泽县妇联和会泽县人社局开展调研，两部门据此起草了文件。"
        "“巧手技能培训计划”将于六月开班。"
    )
    assert not pairs(run(text), RelKind.LAUNCHED_BY)


def test_a_station_the_text_calls_by_its_kind_is_launched_by_the_passive() -> None:
    text = (
        "会泽县今年建成“巧手驿站”，面积60平方米。"
        "这个驿站由会泽县总工会和会泽县妇联共同建设。"
    )
    found = pairs(run(text), RelKind.LAUNCHED_BY)
    assert {("巧手驿站", "会泽县总工会"), ("巧手驿站", "会泽县妇联")} <= found


def test_a_named_service_point_launched_by_a_union_and_a_residents_committee() -> None:
    """这处名为“某驿”的服务点，由某街道总工会联合某社区居委会打造: the passive
    after a descriptor; the community and its committee are one launcher."""
    text = (
        "在南坪街道江畔社区党群服务中心一楼，骑手们在休息。"
        "这处名为“江畔暖新驿”的服务点，由南坪街道总工会联合江畔社区居委会打造，"
        "5月1日正式投用。"
    )
    assert pairs(run(text), RelKind.LAUNCHED_BY) == {
        ("江畔暖新驿", "南坪街道总工会"),
        ("江畔暖新驿", "江畔社区居委会"),
    }


def test_the_body_that_unveils_a_studio_launches_it() -> None:
    """集团工会为“某某劳模创新工作室”揭牌: the union unveiled it; 授牌 (a plaque
    for something that exists) names no launcher."""
    text = (
        "安徽宏泰锻压集团有限公司召开职代会。会后，集团工会为“许承志劳模创新工作室”揭牌。"
        "市总工会为“职工书屋”授牌。"
    )
    got = pairs(run(text), RelKind.LAUNCHED_BY)
    assert ("许承志劳模创新工作室", "安徽宏泰锻压集团有限公司工会") in got
    assert not any(initiative == "职工书屋" for initiative, _ in got)


def test_a_policy_revised_by_a_department() -> None:
    text = (
        "安徽宏泰锻压集团有限公司召开职代会，审议通过了《职工技能等级认定管理办法》。"
        "该办法由集团人力资源部修订，明确技能等级与薪酬挂钩。"
    )
    got = pairs(run(text), RelKind.LAUNCHED_BY)
    assert ("职工技能等级认定管理办法", "安徽宏泰锻压集团有限公司人力资源部") in got
