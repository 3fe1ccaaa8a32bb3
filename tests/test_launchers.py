"""launchedBy beyond one clause: subjects, partners, the passive (issue 8)."""

from __future__ import annotations

import pytest

from conftest import pairs, run
from kg.model import RelKind

LAUNCHERS = [
    # 该局 / 该处 as a later sentence's subject: the bureau or office named last
    (
        "荆州市人力资源和社会保障局副局长柯振东出席。该局去年推出“技能荆州”培训计划。",
        {("技能荆州培训计划", "荆州市人力资源和社会保障局")},
    ),
    # a trade association, then 协会 as the subject of a later clause; 推动
    (
        "荆州市模具行业协会会长柯振东指出，协会今年将推动“荆楚模具人才培育计划”。",
        {("荆楚模具人才培育计划", "荆州市模具行业协会")},
    ),
    # the subject several clauses back; a guiding body in 在…领导下 is none
    (
        "他指出，五年来，荆州市总工会在市委市政府坚强领导下，深入实施“荆工惠”服务工程。",
        {("荆工惠服务工程", "荆州市总工会")},
    ),
    (
        "荆州市总工会每年安排专项资金，实施“暖蜂行动”，在全市布局建设“骑手驿站”。",
        {("暖蜂行动", "荆州市总工会"), ("骑手驿站", "荆州市总工会")},
    ),
    # co-issuers joined by 联合, 会同, 、 and written against each other
    (
        "荆州市总工会联合市人社局、市财政局出台《荆州市职工技能提升办法》。",
        {
            ("荆州市职工技能提升办法", "荆州市总工会"),
            ("荆州市职工技能提升办法", "荆州市人社局"),
            ("荆州市职工技能提升办法", "荆州市财政局"),
        },
    ),
    (
        "荆州市委市政府近年实施“荆楚工匠”培养工程。",
        {("荆楚工匠培养工程", "荆州市委"), ("荆楚工匠培养工程", "荆州市人民政府")},
    ),
    (
        "沙市区总工会联合区人社局，在辖区企业中推行“首席技师”制度。",
        {("首席技师制度", "沙市区总工会"), ("首席技师制度", "沙市区人社局")},
    ),
    # 与某某共同建立的: the subject and its partner
    (
        "会上介绍了荆州市总工会近年推出的“职工服务季”活动，以及与市中级人民法院"
        "共同建立的“工会+法院”调解机制。",
        {
            ("职工服务季活动", "荆州市总工会"),
            ("工会+法院调解机制", "荆州市总工会"),
            ("工会+法院调解机制", "荆州市中级人民法院"),
        },
    ),
    # the passive: 由某某联合某某实施, and 该措施由…制定
    (
        "今年推出“青年就业计划”，由荆州市人社局联合荆州市总工会实施。",
        {("青年就业计划", "荆州市人社局"), ("青年就业计划", "荆州市总工会")},
    ),
    (
        "荆州市人民政府公布《荆州市支持青年创业若干措施》。"
        "该措施由荆州市发改委会同荆州市财政局制定。",
        {
            ("荆州市支持青年创业若干措施", "荆州市人民政府"),
            ("荆州市支持青年创业若干措施", "荆州市发改委"),
            ("荆州市支持青年创业若干措施", "荆州市财政局"),
        },
    ),
    # a partner joined by 与 before 共同: the two of them, not the sentence's
    # first body
    (
        "沙市区委区政府高度重视，区总工会与区人社局共同建立“工会+人社”协调机制。",
        {("工会+人社协调机制", "沙市区总工会"), ("工会+人社协调机制", "沙市区人社局")},
    ),
    (
        "湖北荆江建设集团有限公司召开会议。公司与荆州职业技术学院合作开设“荆江工匠班”。",
        {
            ("荆江工匠班", "湖北荆江建设集团有限公司"),
            ("荆江工匠班", "荆州职业技术学院"),
        },
    ),
    # the initiative named in the sentence before: 大赛由…主办, 该制度由…制定
    (
        "荆州市第三届职工技能大赛开幕。大赛由荆州市总工会联合市人社局主办。",
        {
            ("荆州市第三届职工技能大赛", "荆州市总工会"),
            ("荆州市第三届职工技能大赛", "荆州市人社局"),
        },
    ),
    # words standing for a body or place: 集团, 该区, 县上
    (
        "湖北荆江建设集团有限公司召开职代会。2024年集团将持续推进“荆江匠心”培养工程。",
        {("荆江匠心培养工程", "湖北荆江建设集团有限公司")},
    ),
    (
        "市领导赴沙市区调研该区推行的“一街一品”特色工程。",
        {("荆州市一街一品", "421002")},
    ),
    (
        "公安县召开大会。年初，县上提出实施“一乡一业”培育工程。",
        {("一乡一业培育工程", "421022")},
    ),
    # 工会 as a subject, or the one supported: the union last named
    (
        "荆州市总工会召开代表大会。市委市政府将全力支持工会打造“荆工暖心”服务品牌。",
        {("荆工暖心服务品牌", "荆州市总工会")},
    ),
    (
        "沙市区总工会主席王某说，工会下一步将在各园区推广“班前五分钟”安全课堂。",
        {("班前五分钟安全课堂", "沙市区总工会")},
    ),
    # a place that invests in a project
    (
        "荆州市投资布局的长江荆州段生态治理建设项目完成主体工程。",
        {("长江荆州段生态治理建设项目", "421000")},
    ),
    # a numbered contest, directly after its organiser
    (
        "湖北荆江建设集团有限公司第三届职工技能大赛闭幕。",
        {("湖北荆江建设集团有限公司第三届职工技能大赛", "湖北荆江建设集团有限公司")},
    ),
]

NO_LAUNCHERS = [
    # the one supported launches it, never the supporter
    "市委市政府将全力支持工会打造“暖心驿站”服务品牌。",
    # objects of an earlier clause are no subjects
    "今年将推动甲区发展，支持公安县、监利市做大产业，在全市推行“一窗通办”改革。",
    # a clause with a subject of its own
    "荆州市总工会召开会议。他介绍，支部推行“安全无事故”活动。",
    # a verb that governs another initiative
    "荆州市总工会推出“荆楚工匠”培育计划，选树工匠320名，为全市“十四五”规划提供支撑。",
    # a place inside another name
    "会上通过了《荆州市关于加强职工权益保障的十条措施》。",
    # 工会 with no union named before it
    "工会下一步将在各园区推广“班前五分钟”安全课堂。",
    # 该局长 is a person, not the bureau; 该办法 is a measure, not an office
    "荆州市人社局召开会议。该局长推出“技能荆州”培训计划。",
    "荆州市文明办召开会议。该办法推出“文明荆州”积分制度。",
    # 协会 with no association named before it
    "协会今年将推动“模具人才培育计划”。",
    # every level's unions are no one union
    "荆州市总工会召开会议。各级工会要开展“金秋助学”活动。",
]


@pytest.mark.parametrize("text, expected", LAUNCHERS)
def test_launchers(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(run(text, home="421000"), RelKind.LAUNCHED_BY) == expected


@pytest.mark.parametrize("text", NO_LAUNCHERS)
def test_no_launchers(text: str) -> None:
    found = pairs(run(text, home="421000"), RelKind.LAUNCHED_BY)
    assert not {p for p in found if p[0] not in ("荆楚工匠培育计划",)}
