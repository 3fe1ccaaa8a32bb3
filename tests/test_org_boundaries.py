"""Where an organisation's name starts and ends (issue 8).

A name never swallows the verb, adverb, date or person before it, and never
ends inside an ordinary word; outlets are read from meta lines.
"""

from __future__ import annotations

import pytest

from conftest import names, run
from kg.model import Kind

BOUNDARIES = [
    # an adverb fused with its verb by the dictionary (全力支持, 充分肯定)
    ("区总工会将全力支持恒远集团建设职工书屋。", {"恒远集团"}),
    ("郭某某充分肯定鑫达集团的做法。", {"鑫达集团"}),
    ("会议高度评价金石集团在安全生产方面的成绩。", {"金石集团"}),
    # verbs the dictionary tags as nouns
    ("一批技术成果助力集团转型。", set()),
    ("力争瑞丰集团明年产值翻番。", {"瑞丰集团"}),
    ("报告明确集团今年的目标。", set()),
    # a person and a one-character verb before a company
    ("王某某任集团总经理。", set()),
    # a year or year-and-period before the name
    ("2022年博远集团营收增长一成。", {"博远集团"}),
    ("表彰2023年度集团先进个人。", set()),
    # places alone before 集团: where the company is, not its name
    ("大会在长沙市岳麓区集团总部召开。", set()),
    # descriptors before a listed company
    ("集团旗下港股上市公司鼎晟控股有限公司发布公告。", {"鼎晟控股有限公司"}),
    # ordinals inside a name
    ("华港集团北仑第三码头有限公司开展竞赛。", {"华港集团北仑第三码头有限公司"}),
    # an ordinal of time is no numbered unit
    ("遇到问题要第一时间到银行办理。", set()),
    ("第三工程公司 李某", {"第三工程公司"}),
    # a verb after a body is its predicate, not the trade of a name
    ("市妇联聚焦中心工作。", set()),
    # what a project builds is no organisation
    ("推进滨江科创中心建设项目。", set()),
    # a place in brackets inside the name, with the brand before it
    (
        "滇越华泰（玉溪）新材料有限公司召开职代会。",
        {"滇越华泰（玉溪）新材料有限公司"},
    ),
    (
        "滇越华泰（玉溪）新材料有限公司工会主席柯某某讲话。",
        {"滇越华泰（玉溪）新材料有限公司", "滇越华泰（玉溪）新材料有限公司工会"},
    ),
    # 产业 inside a company's name is its trade; alone it is generic
    ("赣州稀金产业集团有限公司召开会议。", {"赣州稀金产业集团有限公司"}),
    ("全市产业工会召开会议。", set()),
    ("古小军（江西赣南脐橙产业集团有限公司）", {"江西赣南脐橙产业集团有限公司"}),
    # a brand whose last character the dictionary reads alone, before a
    # trade it tags as a verb (顺达|通|快递); a count before one is no brand
    (
        "青岛顺达通快递服务有限公司快递员孙某某送件。",
        {"青岛顺达通快递服务有限公司"},
    ),
    (
        "百色顺邦快递有限公司开展培训。",
        {"百色顺邦快递有限公司"},
    ),
    ("全州1275名考入大学的职工子女获资助。", set()),
    # a bureau the government runs, written after it
    (
        "咸宁市人民政府国有资产监督管理委员会主任柯某出席。",
        {"咸宁市人民政府国有资产监督管理委员会"},
    ),
    ("3人成为公司技术骨干。", set()),
    # a numeral between a place and a character read alone opens a brand
    # (八坊, 九阡); before a measure word it counts bodies
    ("临夏八坊民族服饰有限公司召开职代会。", {"临夏八坊民族服饰有限公司"}),
    ("三都水族自治县九阡酒业有限公司扩产。", {"三都水族自治县九阡酒业有限公司"}),
    ("全市三家公司获评先进。", set()),
    # 作 before a company is the verb of the sentence (作…报告)
    ("工会主席赵某某作集团工会工作报告。", set()),
    # 和 inside a brand after a place (天和), a conjunction elsewhere
    (
        "长兴县天和新能源科技有限公司研发主管秦予帆说。",
        {"长兴县天和新能源科技有限公司"},
    ),
    ("他和瑞丰科技有限公司签约。", {"瑞丰科技有限公司"}),
    # a compass word inside a brand, and a trade after it (北方装备制造)
    ("龙江北方装备制造集团有限公司召开大会。", {"龙江北方装备制造集团有限公司"}),
    ("省国资委将全力支持北方重工集团深化改革。", {"北方重工集团"}),
    # a verb of posts, a session word, the Party's name before a company
    ("秦予帆担任公司总经理。", set()),
    ("根据决定，苏德胜任北方稀钢集团董事长。", {"北方稀钢集团"}),
    ("选举产生新一届公司党委。", set()),
    ("中国共产党宁夏瑞泰煤化有限公司第一次代表大会召开。", {"宁夏瑞泰煤化有限公司"}),
    # an adverb before a noun with a body's suffix
    ("“刚进厂时，连百分表都读不准。”", set()),
    # a school named after two fields; two bodies joined by 与 stay two
    (
        "滇南理工大学材料与化学工程学院副院长缪振宇出席。",
        {"滇南理工大学材料与化学工程学院"},
    ),
    ("公司与滇南机电职业技术学院签约。", {"滇南机电职业技术学院"}),
    # a preposition the dictionary tags a noun; a description, no name
    ("经滇南理工大学推荐，缪振宇到澄江市挂职。", {"滇南理工大学"}),
    ("滇南理工大学是云南省属综合性大学。", {"滇南理工大学"}),
    # tiers of unions: no body
    ("会泽县总工会召开会议。市、县两级工会推出帮扶行动。", {"会泽县总工会"}),
]

NOT_BODIES = [
    # a number and its measure word count bodies: no name
    "劳模们年内将走进全市100所中小学。",
    # ordinary words that end in a one-character suffix
    "汉阳区投资布局新兴产业。",
    "要服从全局，顾全大局。",
    "市民在服务大厅排队办理。",
]

OUTLETS = [
    ("来源：人民网-湖北频道  孝感日报全媒体记者 郑某某", {"人民网", "孝感日报"}),
    ("工人日报-中工网记者 何某某 通讯员 孙某某", {"工人日报", "中工网"}),
    ("据官媒新华网报道，大会开幕。", {"新华网"}),
    ("实况由新华网和包头日报客户端同步直播。", {"新华网", "包头日报客户端"}),
    ("2023年10月19日　来源：港湾日报", {"港湾日报"}),
    ("北江商报 2024年5月8日\n本报讯 记者某某", {"北江商报"}),
    # a weekly, and the paper a reprint came from
    ("来源：滇池职工周刊（转载自春城劳动时报）", {"滇池职工周刊", "春城劳动时报"}),
    ("（稿件来源：韶关日报，本报略有删节）", {"韶关日报"}),
    # national agencies without a media suffix
    ("新华社北京6月8日电 大会今天开幕。", {"新华社"}),
    ("据中新社报道，大会开幕。", {"中新社"}),
]


@pytest.mark.parametrize("text, expected", BOUNDARIES)
def test_name_boundaries(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.ORGANIZATION) == expected


@pytest.mark.parametrize("text", NOT_BODIES)
def test_words_ending_in_a_suffix_are_no_bodies(text: str) -> None:
    assert names(run(text), Kind.ORGANIZATION) == set()


@pytest.mark.parametrize("text, expected", OUTLETS)
def test_outlets_of_meta_lines(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.ORGANIZATION) == expected
