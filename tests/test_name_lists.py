"""Name lists: attendees after an announcing phrase, honour lists with units."""

from __future__ import annotations

import pytest

from conftest import names, pairs, posts, run
from kg.model import Kind, RelKind

ATTENDEES = [
    # 、 lists, 等 at the end, padded names, names with no listed surname
    (
        "澄江市召开大会。出席会议的有：秦予帆、乌兰其其格、沈　岚、缪振宇等。",
        {"秦予帆", "乌兰其其格", "沈岚", "缪振宇"},
    ),
    ("澄江市召开大会。参加活动的还有姚青、邝家乐等。", {"姚青", "邝家乐"}),
    # a list spaced out, two-character names padded with a space
    (
        "交流团成员还有 谭家乐 吴咏琪 邓　宁 等。",
        {"谭家乐", "吴咏琪", "邓宁"},
    ),
    ("随团的还有缪振宇和姚青。", {"缪振宇", "姚青"}),
    ("澄江市召开会议。出席会议的市领导有秦予帆、沈晓岚等。", {"秦予帆", "沈晓岚"}),
    # the leaders of a delegation
    ("以秦予帆为团长、沈晓岚为副团长的澄江市代表团一行来访。", {"秦予帆", "沈晓岚"}),
    # names before 同志
    ("澄江市召开会议。秦予帆、沈晓岚同志出席会议。", {"秦予帆", "沈晓岚"}),
    # leaders: 市领导, 县领导, spaced or not
    ("市领导秦予帆、沈晓岚出席。", {"秦予帆", "沈晓岚"}),
    (
        "县领导 宋　霖 任晓峰 柴国庆 白建设 出席会议。",
        {"宋霖", "任晓峰", "柴国庆", "白建设"},
    ),
]

NOBODY = [
    "出席会议的有关部门负责同志作了发言。",
    "参加活动的还有来自各行业的职工代表四百余人。",
    "交流团成员还有来自香港的青年技工。",
    "市领导高度重视，各部门积极配合。",
    "以高质量发展为主题的代表团交流活动。",
    "他说，同志们辛苦了。全体同志要团结一心，有关部门负责同志作了发言。",
]


@pytest.mark.parametrize("text, expected", ATTENDEES)
def test_attendees(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.PERSON) == expected


@pytest.mark.parametrize("text", NOBODY)
def test_no_attendees(text: str) -> None:
    assert names(run(text), Kind.PERSON) == set()


HONOURS = [
    # 姓名（单位）, one a line
    (
        "大会表彰了一批劳动模范：\n秦予帆（澄江精密机械有限公司）\n"
        "沈 岚（澄江市华庄街道社区卫生服务中心）\n",
        {
            ("秦予帆", "澄江精密机械有限公司", ()),
            ("沈岚", "澄江市华庄街道社区卫生服务中心", ()),
        },
    ),
    # 单位 姓名, one a line; transliterated and padded names
    (
        "获得五一劳动奖章的有：\n采油三厂 帕尔哈提·买买提\n第二工程公司 姚　青\n"
        "澄江云岭茶业专业合作社 缪振宇\n",
        {
            ("帕尔哈提·买买提", "采油三厂", ()),
            ("姚青", "第二工程公司", ()),
            ("缪振宇", "澄江云岭茶业专业合作社", ()),
        },
    ),
    # a note on the person opens the brackets: （女，布依族，unit）
    (
        "获奖名单如下：\n秦予帆（女，布依族，澄江纺织有限公司）\n"
        "沈晓岚（水族，澄江市第一中学）\n",
        {("秦予帆", "澄江纺织有限公司", ()), ("沈晓岚", "澄江市第一中学", ())},
    ),
    # several on one line
    (
        "获奖名单：秦予帆（澄江纺织有限公司）、沈晓岚（澄江热电有限公司）",
        {("秦予帆", "澄江纺织有限公司", ()), ("沈晓岚", "澄江热电有限公司", ())},
    ),
    # inside a sentence, after 包括 or 是：, ending in 等
    (
        "10名职工入选，入选者包括秦予帆（澄江精密机械有限公司）、缪振宇（澄江热电"
        "有限公司）等。",
        {("秦予帆", "澄江精密机械有限公司", ()), ("缪振宇", "澄江热电有限公司", ())},
    ),
    (
        "获得“澄江工匠”称号的职工是：姚青（澄江云岭茶业专业合作社）。",
        {("姚青", "澄江云岭茶业专业合作社", ())},
    ),
    # 单位的姓名 in a list
    (
        "经过两轮角逐，澄江精密机械有限公司的秦予帆、澄江热电有限公司的沈晓岚等"
        "12名选手获得一等奖。",
        {("秦予帆", "澄江精密机械有限公司", ()), ("沈晓岚", "澄江热电有限公司", ())},
    ),
]

NO_HONOURS = [
    # a unit with no name, a bracket that is no unit, a byline
    "澄江精密机械有限公司 二〇二四年度\n",
    "秦予帆（右一）在车间查看设备。\n",
    "（记者 秦予帆 通讯员 沈晓岚）\n",
    "澄江市总工会（澄江市职工服务中心）召开会议。\n",
    # a name and a bracket inside running text, a unit's person with no list
    "他说秦予帆（澄江热电有限公司的老师傅）很认真。\n",
    "澄江热电有限公司的秦予帆说，设备运行良好。\n",
]


@pytest.mark.parametrize("text, expected", HONOURS)
def test_honour_lists(
    text: str, expected: set[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert {p for p in posts(run(text)) if p[2] == ()} == expected


@pytest.mark.parametrize("text", NO_HONOURS)
def test_no_honour_list(text: str) -> None:
    assert {p for p in posts(run(text)) if p[2] == ()} == set()


# A post with no title is an org:Membership with no org:role (ontology/shapes.ttl).
def test_an_honour_list_builds_a_valid_graph() -> None:
    from kg.graph.shacl import check_graph
    from kg.graph.triples import build_graph
    from kg.model import Document
    from kg.pipeline import extract_documents

    text = "大会表彰了一批劳动模范：\n秦予帆（澄江精密机械有限公司）\n"
    graph = build_graph(extract_documents([Document("t", text, text)]))
    check_graph(graph)


def test_an_honour_list_with_words_after_it_keeps_its_items() -> None:
    text = (
        "获评的8人分别是：桂林鸿图汽车零部件有限公司 蓝海波、柳州青城钢铁股份有限公司"
        " 黄秋菊，以及来自鱼峰区、柳南区等地的覃永康、韦春兰等6名职工。"
    )
    result = run(text)
    assert {
        ("蓝海波", "桂林鸿图汽车零部件有限公司", ()),
        ("黄秋菊", "柳州青城钢铁股份有限公司", ()),
    } <= posts(result)
    assert {"覃永康", "韦春兰"} <= names(result, Kind.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        # one item, then words: no list
        "获奖的是：桂林鸿图汽车零部件有限公司 蓝海波，他说很高兴。",
        # a count after words, not names
        "参会的有各单位负责人等20人。",
        # one name before the count: no list of names
        "来自鱼峰区的覃永康等6名职工获奖。",
    ],
)
def test_no_list_from_one_item_or_from_words(text: str) -> None:
    found = names(run(text), Kind.PERSON)
    assert not found & {"各单位", "覃永康"}
    assert ("蓝海波", "桂林鸿图汽车零部件有限公司", ()) not in posts(run(text))


def test_an_inline_list_with_unit_and_title_in_brackets() -> None:
    text = (
        "会议表彰了先进个人。获评“优秀职工”的有：秦予帆（澄江精密机械有限公司"
        "工会主席）、缪振宇（澄江市华庄街道总工会副主席）。他说秦予帆（右一）很认真。"
    )
    assert posts(run(text)) == {
        ("秦予帆", "澄江精密机械有限公司工会", ("主席",)),
        ("缪振宇", "华庄街道总工会", ("副主席",)),
    }


def test_a_list_of_names_with_their_unit_and_title_after_a_space() -> None:
    text = (
        "本届共表彰先进个人12名，名单如下：\n\n"
        "秦予帆　澄江精密机械有限公司装配车间主任\n\n"
        "沈晓岚（女）　澄江市华庄街道社区卫生服务中心护士长\n\n"
        "缪振宇　澄江市周庄镇人民政府\n\n"
        "邝家乐（男，回族）　澄江热电有限公司叉车司机\n"
    )
    assert {
        ("秦予帆", "澄江精密机械有限公司装配车间", ("主任",)),
        ("沈晓岚", "澄江市华庄街道社区卫生服务中心", ("护士长",)),
        ("缪振宇", "澄江市周庄镇人民政府", ()),
        ("邝家乐", "澄江热电有限公司", ("叉车司机",)),
    } <= posts(run(text))


@pytest.mark.parametrize(
    "text",
    [
        # one line is no list
        "表彰名单：\n秦予帆　澄江精密机械有限公司装配车间主任\n",
        # a name, a space and words that are no unit
        "秦予帆　今天很高兴\n沈晓岚　明天再来\n",
    ],
)
def test_no_list_of_names_with_units_from_one_line_or_from_words(text: str) -> None:
    assert not {p for p in posts(run(text)) if p[0] in ("秦予帆", "沈晓岚")}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "会上，来自澄江精密机械有限公司的代表秦予帆建议完善评价体系。",
            ("秦予帆", "澄江精密机械有限公司", ()),
        ),
        (
            "来自澄江热电有限公司的沈晓岚是一名电工。",
            ("沈晓岚", "澄江热电有限公司", ()),
        ),
    ],
)
def test_a_person_who_came_from_a_unit(
    text: str, expected: tuple[str, str, tuple[str, ...]]
) -> None:
    assert expected in posts(run(text))


def test_no_person_came_from_a_unit_when_none_is_named() -> None:
    text = "来自澄江热电有限公司的职工代表说，食堂饭菜更可口了。"
    assert not any(p[1] == "澄江热电有限公司" for p in posts(run(text)))


def test_a_unit_with_several_names_and_workshops_of_the_company() -> None:
    text = (
        "澄江精密机械集团有限公司举办技能大赛。部分获奖职工名单如下：\n\n"
        "焊装车间 秦予帆\n涂装车间 沈晓岚\n澄江热电有限公司 缪振宇　姚青\n"
    )
    assert {
        ("秦予帆", "澄江精密机械集团有限公司焊装车间", ()),
        ("沈晓岚", "澄江精密机械集团有限公司涂装车间", ()),
        ("缪振宇", "澄江热电有限公司", ()),
        ("姚青", "澄江热电有限公司", ()),
    } <= posts(run(text))


def test_names_then_how_many_they_are() -> None:
    """甲、乙两位副县长: each a person holding the title; 甲、乙、丙三位职工: each a
    person (职工 is no title); no names from 两位 alone."""
    result = run(
        "县委书记韦振东陪同，覃家宝、蒙立新两位副县长分别汇报。"
        "另据了解，黎秀英、蒋春生、闭宇三位柳城县企业职工被列为培养对象。"
    )
    assert {"覃家宝", "蒙立新", "黎秀英", "蒋春生", "闭宇"} <= names(
        result, Kind.PERSON
    )
    assert {("覃家宝", None, ("副县长",)), ("蒙立新", None, ("副县长",))} <= posts(
        result
    )
    assert not any(p == "黎秀英" for p, _, _ in posts(result))
    assert not names(run("他们两位都很好，三位老人也来了。"), Kind.PERSON)


def test_a_unit_then_a_trade_kg_does_not_know() -> None:
    """姓名　某某有限公司品酒师: the person holds that word in the unit, as a
    title; a line of districts then a word gives the word with no body."""
    text = (
        "获得命名的工匠如下：\n"
        "　　韦德全　柳州龙城酒业有限公司制酒车间主任\n"
        "　　覃家明　柳州龙城酒业有限公司首席勾调师\n"
        "　　莫美玲　柳城县沙埔镇农民工\n"
    )
    found = posts(run(text))
    assert ("覃家明", "柳州龙城酒业有限公司", ("首席勾调师",)) in found
    assert ("莫美玲", None, ("农民工",)) in found


def test_names_with_their_unit_and_title_in_brackets() -> None:
    """姓名（单位职务）, a line each: the posts of the title chain, or the
    unit's with the trade kg does not know as a title."""
    text = (
        "荣获市级劳动模范称号人员名单：\n"
        "伍家栋（宁波甬舟船舶修造有限公司船坞车间主任）\n"
        "柏思琪（宁波海曙明湖实验中学教师）\n"
        "邬启航（宁波北仑港渝物流有限公司叉车司机）\n"
    )
    result = run(text)
    assert {"伍家栋", "柏思琪", "邬启航"} <= names(result, Kind.PERSON)
    found = posts(result)
    assert ("伍家栋", "宁波甬舟船舶修造有限公司船坞车间", ("主任",)) in found
    assert ("柏思琪", "宁波海曙明湖实验中学", ("教师",)) in found
    assert ("邬启航", "宁波北仑港渝物流有限公司", ("叉车司机",)) in found
    # one such line among words is no list
    assert not names(run("会上，伍家栋（甬舟公司职工）发了言。\n"), Kind.PERSON)


def test_names_no_surname_list_knows_open_lines_of_an_honour_list() -> None:
    """次仁旺堆（单位职务）: a Tibetan, Mongolian or Hui name at the start of an
    honour list's line, before the brackets of its unit, is a person; the
    same name among words is not read without a title before it."""
    text = (
        "获得五一劳动奖章的职工：\n"
        "洛桑丹增（玛曲县阿万仓镇卫生院医生）\n"
        "纳春梅（临夏八坊民族服饰有限公司高级技师）\n"
        "其木格（巴林右旗索博日嘎镇中心校教师）\n"
    )
    result = run(text)
    assert {"洛桑丹增", "纳春梅", "其木格"} <= names(result, Kind.PERSON)
    found = posts(result)
    assert ("洛桑丹增", "阿万仓镇卫生院", ("医生",)) in found
    assert ("纳春梅", "临夏八坊民族服饰有限公司", ("高级技师",)) in found
    # not a line of a list: no title or list announces the name
    assert not names(run("洛桑丹增（玛曲县阿万仓镇卫生院医生）发了言。"), Kind.PERSON)


def test_frontline_jobs_after_a_spaced_unit() -> None:
    """姓名　单位职务 lines whose jobs are services' and the police's."""
    text = (
        "五一劳动奖章获得者：\n"
        "柯强　咸宁顺邦快递有限公司快递员\n"
        "符永福　咸宁市公安局交通警察支队咸安大队民警\n"
    )
    found = posts(run(text))
    assert ("柯强", "咸宁顺邦快递有限公司", ("快递员",)) in found
    assert ("符永福", "咸宁市公安局交通警察支队咸安大队", ("民警",)) in found


def test_dotted_names_before_how_many_they_are() -> None:
    """甲·乙、丙、丁·戊等10人: transliterated names in a counted list, whole
    (not their last part after the dot, which may open with a surname)."""
    text = (
        "会议表彰了优秀职工代表，努尔江·哈斯木、柯秀兰、帕提古丽·吐尔洪等10人受到表彰。"
    )
    found = names(run(text), Kind.PERSON)
    assert {"努尔江·哈斯木", "柯秀兰", "帕提古丽·吐尔洪"} <= found
    assert "哈斯木" not in found


def test_a_forest_job_after_a_station_in_an_honour_line() -> None:
    """姓名（女）　单位职务, the job one of a forest or a village: the
    station (林业工作站) is the unit, 护林员 the job held there."""
    text = (
        "获奖名单：\n金英顺（女，朝鲜族）　和龙市第一中学教师\n"
        "柏秀芹（女）　安图县两江镇林业工作站护林员\n"
    )
    assert ("柏秀芹", "安图县两江镇林业工作站", ("护林员",)) in posts(run(text))


AWARDS_UNDER_UNITS = (
    "澄江市总工会关于表彰五一劳动奖章获得者的决定\n\n"
    "一、玉溪市\n\n"
    "（一）云岭精密铸造有限公司\n"
    "秦予帆（女）　装配车间主任\n"
    "缪振宇　首席技师\n\n"
    "（二）澄江市人民医院\n"
    "闻雅琪（女）　急诊科护士长\n\n"
    "二、昆明市\n\n"
    "（一）昆明市盘龙区环境卫生管理所\n"
    "沈晓岚（女）　环卫工人\n"
    "（二）滇池智联科技有限公司\n"
    "者布阿依（彝族）　教师\n"
)


def test_listed_people_under_a_unit_heading_hold_their_titles_there() -> None:
    result = run(AWARDS_UNDER_UNITS)
    found = posts(result)
    assert {
        ("秦予帆", "云岭精密铸造有限公司装配车间", ("主任",)),
        ("缪振宇", "云岭精密铸造有限公司", ("首席技师",)),  # a trade, in its unit
        ("闻雅琪", "澄江市人民医院急诊科", ("护士长",)),  # the unit's department
        ("沈晓岚", "昆明市盘龙区环境卫生管理所", ("环卫工人",)),
        ("者布阿依", "滇池智联科技有限公司", ("教师",)),  # a name up to its note
    } <= found
    # the unit of a heading no other extractor read, where its name says
    assert ("昆明市盘龙区环境卫生管理所", "530103") in pairs(result, RelKind.LOCATED_IN)
    # a company under a city's heading lies in that city
    assert ("滇池智联科技有限公司", "530100") in pairs(result, RelKind.LOCATED_IN)
    assert not any(org and org.startswith("澄江市急诊科") for _, org, _ in found)


AWARDS_UNDER_CITIES = (
    "云南省总工会决定授予下列同志五一劳动奖章。现将部分获奖名单刊登如下：\n\n"
    "昆明市\n"
    "谢国华　昆明滇通冷链物流有限公司运输部经理\n"
    "林　慧（女）　昆明滇岳精工机械有限公司高级技师\n\n"
    "曲靖市\n"
    "曲靖港联物流服务有限公司：陈海峰（引航员）、吴　丹（女，调度员）\n"
)


def test_a_city_heading_places_the_companies_listed_under_it() -> None:
    result = run(AWARDS_UNDER_CITIES)
    located = pairs(result, RelKind.LOCATED_IN)
    assert ("昆明滇通冷链物流有限公司", "530100") in located
    assert ("曲靖港联物流服务有限公司", "530300") in located
    # a unit before a colon, each person with a title in brackets
    found = posts(result)
    assert ("陈海峰", "曲靖港联物流服务有限公司", ("引航员",)) in found
    assert ("吴丹", "曲靖港联物流服务有限公司", ("调度员",)) in found


def test_a_note_on_the_person_opens_the_brackets_before_the_unit() -> None:
    """合肥市：甲（某公司车间主任）、乙（女，某医院心内科护士长）: the second
    item's brackets open with its sex, then the chain that fills them."""
    text = (
        "安徽省五一劳动奖章获得者（部分）\n\n"
        "合肥市：周文涛（安徽科鸿新能源汽车有限公司总装车间主任）、"
        "李秀兰（女，合肥市第二人民医院心内科护士长）\n"
    )
    assert ("李秀兰", "合肥市第二人民医院心内科", ("护士长",)) in posts(run(text))
