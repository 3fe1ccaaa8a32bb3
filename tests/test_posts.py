"""Title chains: who holds which post where (invented sentences)."""

from __future__ import annotations

import pytest

from conftest import names, pairs, posts, run
from kg.model import Document, Kind, RelKind
from kg.pipeline import extract_page

CASES = [
    # a Party committee written in full with its session is the 县委
    (
        "中共疏附县第十五届委员会委员王建国出席。",
        {("王建国", "疏附县委", ("委员",))},
    ),
    # one union of a city, counted, is no named body: the title alone
    (
        "对此，高雄市一名航运业工会理事长陈文雄受访时提醒。",
        {("陈文雄", None, ("理事长",))},
    ),
    # a union's committee of a session: a post in the union
    (
        "江阴市总工会第十四届委员会常委王某某出席。",
        {("王某某", "江阴市总工会", ("常委",))},
    ),
    # the heads of a mine and a kindergarten; a union's 干事
    (
        "澄江煤矿矿长秦予帆、澄江实验幼儿园园长沈晓岚出席。",
        {("秦予帆", "澄江煤矿", ("矿长",)), ("沈晓岚", "澄江实验幼儿园", ("园长",))},
    ),
    (
        "澄江市总工会干事缪振宇介绍了情况。",
        {("缪振宇", "澄江市总工会", ("干事",))},
    ),
    # 集团公司 stands for the group named before: its Party titles stay in it;
    # a company's 安全总监
    (
        "澄江青禾集团有限公司召开职代会。集团公司党委委员、副总经理、安全总监"
        "秦予帆作部署，集团公司工会主席沈晓岚主持。",
        {
            ("秦予帆", "澄江青禾集团有限公司", ("党委委员", "副总经理", "安全总监")),
            ("沈晓岚", "澄江青禾集团有限公司工会", ("主席",)),
        },
    ),
    # a name before 赴 (goes to): the chain before it is the person's
    (
        "今年3月，闽兴能源集团副总经理林志勇赴宁夏挂职。",
        {("林志勇", "闽兴能源集团", ("副总经理",))},
    ),
    # one organisation, two roles
    (
        "江阴市总工会党组书记、主席张忠表示，要做好服务。",
        {("张忠", "江阴市总工会", ("党组书记", "主席"))},
    ),
    # three posts in three organisations; bare bodies take the chain's place
    (
        "无锡经济开发区党工委委员、党群工作部部长、总工会主席王勇说，要抓好落实。",
        {
            ("王勇", "无锡经济开发区党工委", ("委员",)),
            ("王勇", "无锡经济开发区党群工作部", ("部长",)),
            ("王勇", "无锡经济开发区总工会", ("主席",)),
        },
    ),
    # the chain changes organisation midway
    (
        "在常州调研时，常州市人大常委会副主任、市总工会主席周国平指出，要加强引领。",
        {
            ("周国平", "常州市人大常委会", ("副主任",)),
            ("周国平", "常州市总工会", ("主席",)),
        },
    ),
    (
        "沭阳县召开大会。县委副书记、县人民政府县长陈立新作报告。",
        {
            ("陈立新", "沭阳县委", ("副书记",)),
            ("陈立新", "沭阳县人民政府", ("县长",)),
        },
    ),
    # a head of government implies the city's people's government
    (
        "南阳市召开会议，市长韩永明出席并讲话，市委书记朱志强主持。",
        {
            ("韩永明", "南阳市人民政府", ("市长",)),
            ("朱志强", "南阳市委", ("书记",)),
        },
    ),
    # several names share one title
    (
        "鹤壁市召开大会，副市长陆晓峰、黄建国、汪明等参加活动。",
        {
            ("陆晓峰", "鹤壁市人民政府", ("副市长",)),
            ("黄建国", "鹤壁市人民政府", ("副市长",)),
            ("汪明", "鹤壁市人民政府", ("副市长",)),
        },
    ),
    # a department under a body written out in full
    (
        "记者从宜宾市总工会获悉，市总工会基层工作部部长刘佳介绍了情况。",
        {("刘佳", "宜宾市总工会基层工作部", ("部长",))},
    ),
    # a short form expanded with the district the paragraph speaks of
    (
        "滨湖区各级工会认真学习。区总工会党组书记、副主席黄鸿表示，要加强宣传。",
        {("黄鸿", "滨湖区总工会", ("党组书记", "副主席"))},
    ),
    # three-character names kept whole
    (
        "惠山区总工会党组书记、副主席杨卫中主动请缨参加突击队。",
        {("杨卫中", "惠山区总工会", ("党组书记", "副主席"))},
    ),
    (
        "宜兴市总工会党组书记、副主席王赛军说，要宣传好劳模事迹。",
        {("王赛军", "宜兴市总工会", ("党组书记", "副主席"))},
    ),
    # a famous three-character name that jieba knows is still a name
    (
        "常州市召开会议。省总工会党组书记、常务副主席王晓东来到常州调研。",
        {("王晓东", "江苏省总工会", ("党组书记", "常务副主席"))},
    ),
    # a title with no organisation
    ("五一前夕，习近平总书记给劳动模范回信。", {("习近平", None, ("总书记",))}),
    # a town's Party committee from 镇党委书记
    (
        "在洛社镇，镇党委书记吴海涛介绍了经验。",
        {("吴海涛", "洛社镇党委", ("书记",))},
    ),
    # a company's Party body stays in the company (GUIDELINES, "Party bodies of
    # a company stay in the company"): its titles carry the body; a union is a
    # body of its own
    (
        "徐工集团党委书记、董事长杨东升表示，要弘扬工匠精神。",
        {("杨东升", "徐工集团", ("党委书记", "董事长"))},
    ),
    (
        "山东鲁岳能源集团有限公司党委副书记、工会主席邵明臻说，要办实事。",
        {
            ("邵明臻", "山东鲁岳能源集团有限公司", ("党委副书记",)),
            ("邵明臻", "山东鲁岳能源集团有限公司工会", ("主席",)),
        },
    ),
    (
        "记者走进红星机械厂。集团党委书记、董事长周明德出席。",
        {("周明德", "红星机械厂", ("党委书记", "董事长"))},
    ),
    # bare Party titles after a company's chain are the company's too
    (
        "澄江精工集团有限公司召开职代会。集团党委书记、董事长秦予帆，"
        "党委副书记、总经理沈晓岚，党委委员、副总经理缪振宇出席。",
        {
            ("秦予帆", "澄江精工集团有限公司", ("党委书记", "董事长")),
            ("沈晓岚", "澄江精工集团有限公司", ("党委副书记", "总经理")),
            ("缪振宇", "澄江精工集团有限公司", ("党委委员", "副总经理")),
        },
    ),
    (
        "澄江路桥公司党总支书记、经理姚 青作交流发言。",
        {("姚青", "澄江路桥公司", ("党总支书记", "经理"))},
    ),
    # enterprise titles: 总经理助理, 董事会主席, 总会计师; padded names
    (
        "澄江精工集团有限公司召开会议。集团党委书记、董事会主席秦予帆，"
        "总会计师郝 岚，总经理助理杜 鹏出席会议。",
        {
            ("秦予帆", "澄江精工集团有限公司", ("党委书记", "董事会主席")),
            ("郝岚", "澄江精工集团有限公司", ("总会计师",)),
            ("杜鹏", "澄江精工集团有限公司", ("总经理助理",)),
        },
    ),
    # titles with no body of their own continue the body before them in the
    # sentence
    (
        "澄江市人大常委会主任秦予帆主持会议，副主任沈晓岚、缪振宇，"
        "秘书长姚青出席会议。",
        {
            ("秦予帆", "澄江市人大常委会", ("主任",)),
            ("沈晓岚", "澄江市人大常委会", ("副主任",)),
            ("缪振宇", "澄江市人大常委会", ("副主任",)),
            ("姚青", "澄江市人大常委会", ("秘书长",)),
        },
    ),
    # ... but not across sentences
    (
        "澄江市总工会主席秦予帆出席。副主任沈晓岚主持。",
        {("秦予帆", "澄江市总工会", ("主席",)), ("沈晓岚", None, ("副主任",))},
    ),
    # 组织部长: the department and its head share 部
    (
        "沭阳县召开大会。县委常委、组织部长罗 欣列席会议。",
        {("罗欣", "沭阳县委", ("常委",)), ("罗欣", "沭阳县委组织部", ("部长",))},
    ),
    # an acting head of government is the government's
    (
        "沭阳县召开大会，县委副书记、代县长祁永康主持会议。",
        {
            ("祁永康", "沭阳县委", ("副书记",)),
            ("祁永康", "沭阳县人民政府", ("代县长",)),
        },
    ),
    # names spaced out after a title, padded two-character names among them
    (
        "沭阳县召开大会。县委常委 马立新 周　岚 侯建伟，县纪委负责同志参加。",
        {
            ("马立新", "沭阳县委", ("常委",)),
            ("周岚", "沭阳县委", ("常委",)),
            ("侯建伟", "沭阳县委", ("常委",)),
        },
    ),
    # names with no surname from the list, in a list a known name opened
    (
        "包头市召开大会，市委副书记郭振宇、乌兰图雅、高俊峰出席。",
        {
            ("郭振宇", "包头市委", ("副书记",)),
            ("乌兰图雅", "包头市委", ("副书记",)),
            ("高俊峰", "包头市委", ("副书记",)),
        },
    ),
    # 兼 joins two titles of one body
    (
        "澄江精工集团有限公司召开会议。集团党委委员、副总经理兼总工程师冯 晨介绍情况。",
        {("冯晨", "澄江精工集团有限公司", ("党委委员", "副总经理", "总工程师"))},
    ),
    # a body written after its districts, that no other extractor read
    (
        "绍兴市召开大会。受到表彰的还有上虞区曹娥街道环卫所所长金国强等。",
        {("金国强", "上虞区曹娥街道环卫所", ("所长",))},
    ),
    # the non-Party titles after a department's Party committee are the
    # department's
    (
        "柳州市召开会议。柳州市国资委党委委员、副主任黄丽萍出席会议。",
        {
            ("黄丽萍", "柳州市国资委党委", ("委员",)),
            ("黄丽萍", "柳州市国资委", ("副主任",)),
        },
    ),
    # 集团公司党委: the group named before
    (
        "澄江能源化工集团有限公司召开大会。集团公司党委书记、董事长秦予帆讲话。",
        {("秦予帆", "澄江能源化工集团有限公司", ("党委书记", "董事长"))},
    ),
    # a trade with no unit is no post; 公司 after 与 is the company named before
    (
        "在澄江精密机械有限公司，交流团成员、电工技师何俊与公司技师许志刚切磋技艺。",
        {("许志刚", "澄江精密机械有限公司", ("技师",))},
    ),
    # names that no surname list knows, right after a title
    (
        "包头市召开会议。包头市总工会副主席那顺孟和主持会议，"
        "市委副书记孟和巴雅尔在主席台就座。",
        {
            ("那顺孟和", "包头市总工会", ("副主席",)),
            ("孟和巴雅尔", "包头市委", ("副书记",)),
        },
    ),
    # a transliterated name ending in 都
    (
        "拉萨市召开会议。新疆维吾尔自治区总工会副主席热合曼·阿不都，西藏自治区总工会"
        "副主席次仁多吉出席。",
        {
            ("热合曼·阿不都", "新疆维吾尔自治区总工会", ("副主席",)),
            ("次仁多吉", "西藏自治区总工会", ("副主席",)),
        },
    ),
    # 自治区 short for the region the text names, with no home city or
    # with one outside every region
    (
        "广西壮族自治区总工会召开会议。自治区总工会党组书记、常务副主席韦小明讲话。",
        {("韦小明", "广西壮族自治区总工会", ("党组书记", "常务副主席"))},
    ),
    (
        "杭州市总工会接待宁夏回族自治区总工会考察团。自治区总工会副主席马文表示感谢。",
        {("马文", "宁夏回族自治区总工会", ("副主席",))},
    ),
    # 盟, Inner Mongolia's prefecture level, in a short form
    (
        "锡林郭勒盟总工会召开会议。盟总工会副主席巴特尔主持。",
        {("巴特尔", "锡林郭勒盟总工会", ("副主席",))},
    ),
    # the head of a league (盟长) or banner (旗长) implies its government: a
    # league's is its 行政公署, a banner's its 人民政府
    (
        "阿拉善盟召开会议。盟委副书记、盟长王海峰讲话。",
        {
            ("王海峰", "阿拉善盟委", ("副书记",)),
            ("王海峰", "阿拉善盟行政公署", ("盟长",)),
        },
    ),
    (
        "鄂温克族自治旗召开会议。副旗长巴图主持。",
        {("巴图", "鄂温克族自治旗人民政府", ("副旗长",))},
    ),
    # a list after a title opened by a name no surname list holds
    (
        "锡林郭勒盟召开会议。盟总工会副主席阿拉坦仓、孟根图雅参加慰问。",
        {
            ("阿拉坦仓", "锡林郭勒盟总工会", ("副主席",)),
            ("孟根图雅", "锡林郭勒盟总工会", ("副主席",)),
        },
    ),
    # 报告 and 早前 follow a name; they are no part of it
    (
        "澄江天山棉纺有限公司召开职代会。公司工会主席帕尔哈提·买买提报告了提案落实情况，"
        "澄江市总工会主席姚青早前表示支持。",
        {
            ("帕尔哈提·买买提", "澄江天山棉纺有限公司工会", ("主席",)),
            ("姚青", "澄江市总工会", ("主席",)),
        },
    ),
    # a delegation led by a titled person: 以…为团长的…代表团一行, …一行
    (
        "以湖州市委副书记、市长秦予帆为团长的湖州市党政代表团一行来我市考察。",
        {
            ("秦予帆", "湖州市委", ("副书记",)),
            ("秦予帆", "湖州市人民政府", ("市长",)),
        },
    ),
    (
        "澄江市召开座谈会。澄江市总工会党组书记、主席姚青一行走访企业。",
        {("姚青", "澄江市总工会", ("党组书记", "主席"))},
    ),
    # an association named by its place and members holds its president's post
    (
        "澄江市召开座谈会。澄江台湾青年联谊会会长赖宏恩发言。",
        {("赖宏恩", "澄江台湾青年联谊会", ("会长",))},
    ),
    # a title standing alone after a verb
    (
        "澄江市召开人大常委会会议，审议了市长秦予帆提请的人事任免议案。",
        {("秦予帆", "澄江市人民政府", ("市长",))},
    ),
    # a union's audit committee is the union's
    (
        "澄江市总工会第十四次代表大会闭幕。经费审查委员会主任由谭伟明担任。",
        {("谭伟明", "澄江市总工会经费审查委员会", ("主任",))},
    ),
    # a Party body of a public body is a body of its own
    ("遵义市国资委党委书记陈光明出席。", {("陈光明", "遵义市国资委党委", ("书记",))}),
]

NOTHING = [
    "中秋佳节，主席祝福大家，书记关怀职工。",
    "澄江市总工会号召职工干事创业，广大干部干事创业热情高涨。",
    "金秋时节，委员们走进车间。",
    "主席台上坐满了劳模代表。",
    "他当选为工会委员会委员。",
    # a title, then spaced words that are no names
    "县委常委 会议 研究 部署了工作。",
    "副主任 委员 代表们出席。",
    "",
]


@pytest.mark.parametrize("text, expected", CASES)
def test_title_chains(
    text: str, expected: set[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    assert posts(run(text)) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_post(text: str) -> None:
    assert posts(run(text)) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        # job titles inside a company (GUIDELINES, "Grades and trades")
        (
            "青禾精密机械有限公司车间主任苗青、质检员姜华分别发言。",
            {
                ("苗青", "青禾精密机械有限公司", ("车间主任",)),
                ("姜华", "青禾精密机械有限公司", ("质检员",)),
            },
        ),
        (
            "青禾纺织有限公司挡车工洪晓燕、装配工邢立新受到表彰。",
            {
                ("洪晓燕", "青禾纺织有限公司", ("挡车工",)),
                ("邢立新", "青禾纺织有限公司", ("装配工",)),
            },
        ),
        # frontline jobs of services and works, a craft before a job, and
        # the 的 (and the person's nationality) that links a job to its unit
        (
            "青禾速运有限公司快递员苗青、青禾茶业有限公司制茶师岩罕在会上宣誓。",
            {
                ("苗青", "青禾速运有限公司", ("快递员",)),
                ("岩罕", "青禾茶业有限公司", ("制茶师",)),
            },
        ),
        (
            "青禾精密机械有限公司数控车工柯明发言。",
            {("柯明", "青禾精密机械有限公司", ("数控车工",))},
        ),
        (
            "来自青禾酒店有限公司的黎族客房服务员符青说，驿站很暖心。",
            {("符青", "青禾酒店有限公司", ("客房服务员",))},
        ),
        # 原 opening the company is no part of its name
        (
            "原青禾物流有限公司总经理柯明出席。",
            {("柯明", "青禾物流有限公司", ("总经理",))},
        ),
        # but 原 inside a name is (秦原)
        (
            "陕西秦原重型机械有限公司总经理柯明出席。",
            {("柯明", "陕西秦原重型机械有限公司", ("总经理",))},
        ),
    ],
)
def test_job_titles_in_a_company(
    text: str, expected: set[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    assert posts(run(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare trade, then the person works in the company named before
        (
            "青禾针织有限公司的车间里机器运转。挡车工苗青在公司工作了12年。",
            {("苗青", "青禾针织有限公司", ("挡车工",))},
        ),
        # no company named: no post
        ("挡车工苗青在公司工作了12年。", set()),
        # the one company the article names (tests/test_implied_bodies.py)
        (
            "青禾针织有限公司的车间里机器运转。挡车工苗青说，收入提高了。",
            {("苗青", "青禾针织有限公司", ("挡车工",))},
        ),
    ],
)
def test_a_trade_in_the_company_the_person_works_in(
    text: str, expected: set[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    assert posts(run(text)) == expected


@pytest.mark.parametrize(
    "text, people",
    [
        # a job inside a longer word is no title (土木工程, 环卫工人 is one)
        ("他获得青禾大学土木工程学士学位。", set()),
        # a verb after a job is no name (检修工|成长为, 快递员|送去)
        ("他从一名普通检修工成长为首席技师。", set()),
        ("工会为环卫工人、快递员送去藏茶、酥油。", set()),
    ],
)
def test_no_name_from_a_job_inside_a_word_or_before_a_verb(
    text: str, people: set[str]
) -> None:
    result = run(text)
    assert names(result, Kind.PERSON) == people
    assert not posts(result)


def test_a_job_holds_no_post_in_a_body_named_before_it() -> None:
    """副主席甲看望了环卫工人乙: the union's vice-chair, not its job."""
    text = "区总工会副主席柯明看望了环卫工人洛桑丹增一家。"
    result = run(text)
    assert {"柯明", "洛桑丹增"} <= names(result, Kind.PERSON)
    assert ("洛桑丹增", "区总工会", ("环卫工人",)) not in posts(result)
    assert not any(p[0] == "洛桑丹增" and p[1] for p in posts(result))


@pytest.mark.parametrize(
    "text, name, post",
    [
        # a name of two characters no surname list knows, after a title,
        # before a clause break or a word that follows names
        (
            "嘉鱼县人大常委会主任宝音，县政协主席柯明出席。",
            "宝音",
            ("宝音", "嘉鱼县人大常委会", ("主任",)),
        ),
        (
            "嘉鱼县人大常委会主任宝音主持闭幕会。",
            "宝音",
            ("宝音", "嘉鱼县人大常委会", ("主任",)),
        ),
    ],
)
def test_two_character_names_no_surname_list_knows(
    text: str, name: str, post: tuple[str, str, tuple[str, ...]]
) -> None:
    result = run(text)
    assert name in names(result, Kind.PERSON)
    assert post in posts(result)


@pytest.mark.parametrize(
    "text", ["局长一行，参观了展馆。", "主任亲自主持会议。", "副主任委员出席。"]
)
def test_no_two_character_name_from_words_after_a_title(text: str) -> None:
    assert not names(run(text), Kind.PERSON)


def test_hong_kong_titles_with_assistant_before_them() -> None:
    """劳工处助理处长: Hong Kong puts 助理 before the title it assists."""
    result = run("香港运输署助理署长欧阳慧芬出席座谈。")
    assert ("欧阳慧芬", "香港运输署", ("助理署长",)) in posts(result)


def test_professional_title_in_a_company() -> None:
    text = "新泰热电有限公司首席技师亓永刚带领团队攻关。"
    assert posts(run(text)) == {("亓永刚", "新泰热电有限公司", ("首席技师",))}


def test_a_supervisor_of_a_department_before_the_name() -> None:
    """主管 is a title only between a department and a name: not in 主管部门
    or 主管副县长, where it is the verb "in charge of"."""
    text = "华兴科技有限公司市场部主管李明说，销量很好。"
    assert posts(run(text)) == {("李明", "华兴科技有限公司市场部", ("主管",))}
    text = "华兴科技有限公司主管部门负责人王五和主管副县长张三出席。"
    assert not any("主管" in roles for _, _, roles in posts(run(text)))


def test_head_of_district_government_is_located_there() -> None:
    result = run("海淀区召开会议，区长李明出席。")
    assert posts(result) == {("李明", "海淀区人民政府", ("区长",))}
    assert ("海淀区人民政府", "110108") in pairs(result, RelKind.LOCATED_IN)


def test_transliterated_names_after_a_title() -> None:
    text = "乌鲁木齐市召开大会。自治区总工会党组书记、主席艾尔肯·吐尔逊出席。"
    assert posts(run(text)) == {
        ("艾尔肯·吐尔逊", "新疆维吾尔自治区总工会", ("党组书记", "主席"))
    }


def test_titles_after_an_unread_body_are_not_an_earlier_bodys() -> None:
    text = (
        "澳门特别行政区政府劳工事务局局长黄嘉敏，工联总会会长何洁雯、副会长梁志辉、"
        "理事长李振邦等出席主礼。"
    )
    found = posts(run(text))
    assert ("黄嘉敏", "劳工事务局", ("局长",)) in found
    assert not {p for p in found if p[0] in ("梁志辉", "李振邦") and p[1]}


def test_names_after_a_title_a_note_and_a_colon() -> None:
    text = "理事（排名不分先后）：何嘉欣、蔡志明、黎　宝、麦咏诗。"
    found = posts(run(text))
    assert {
        (n, None, ("理事",)) for n in ("何嘉欣", "蔡志明", "黎宝", "麦咏诗")
    } <= found


def test_no_list_after_a_colon_with_one_name_or_words() -> None:
    assert not posts(run("会议主持：王明。"))
    assert not posts(run("理事（排名不分先后）：要求大家认真履职。"))


def test_two_posts_joined_by_jian() -> None:
    found = posts(run("宁波甬青智能装备股份有限公司副总经理兼工会主席胡海燕说。"))
    assert {
        ("胡海燕", "宁波甬青智能装备股份有限公司", ("副总经理",)),
        ("胡海燕", "宁波甬青智能装备股份有限公司工会", ("主席",)),
    } <= found


def test_a_college_named_before_its_party_committee_and_president() -> None:
    """学院党委书记甲、院长乙 after a college is named: the college's posts."""
    text = (
        "调研组走进常州龙城智造职业技术学院，参观实训中心。"
        "学院党委书记尹东来、院长车雅琴介绍了办学情况。"
    )
    found = posts(run(text))
    assert ("尹东来", "常州龙城智造职业技术学院", ("党委书记",)) in found
    assert ("车雅琴", "常州龙城智造职业技术学院", ("院长",)) in found


def test_a_city_job_is_not_held_in_the_one_company_named() -> None:
    """An article about one company that visits a sanitation worker: 环卫工人
    is no job in that company, as 挡车工 would be."""
    text = "青禾乳业有限公司向职工发放慰问品。随后，慰问组看望了环卫工人洛桑丹增一家。"
    result = run(text)
    assert "洛桑丹增" in names(result, Kind.PERSON)
    assert not any(p[0] == "洛桑丹增" and p[1] for p in posts(result))


def test_a_party_branch_of_a_mine_stays_in_the_mine() -> None:
    """某某煤矿矿长甲、党总支书记乙: 党总支 is a Party body as 党委 is, of the
    unit the chain is about (GUIDELINES, "Party bodies of a company")."""
    text = "青禾沟煤矿矿长柯海生、党总支书记符红旗和200余名职工代表参加会议。"
    found = posts(run(text))
    assert ("柯海生", "青禾沟煤矿", ("矿长",)) in found
    assert ("符红旗", "青禾沟煤矿", ("党总支书记",)) in found


def test_a_numbered_team_of_a_mine_is_its_unit() -> None:
    """某煤矿综采一队队长甲: the numbered team (一队, 二队) is a unit of the mine
    named before it, where the 队长 holds the post."""
    found = posts(run("青禾沟煤矿综采一队队长柯二虎发言。"))
    assert ("柯二虎", "青禾沟煤矿综采一队", ("队长",)) in found


def test_a_workshop_of_the_company_last_named_when_several_are() -> None:
    """With two companies in the story, a bare workshop is the one named last
    before it; 由 before the workshop opens no body."""
    text = (
        "广东澄美电器集团有限公司举办技能节。注塑车间班组长温志强获评工匠。"
        "澄美集团与台湾鼎泰精工股份有限公司签约。"
        "鼎泰精工宣布设立首席技能官，由装配车间班组长朱丽萍担任。"
    )
    found = posts(run(text))
    assert ("温志强", "广东澄美电器集团有限公司注塑车间", ("班组长",)) in found
    assert ("朱丽萍", "台湾鼎泰精工股份有限公司装配车间", ("班组长",)) in found


def test_a_numbered_division_of_a_court() -> None:
    """某某法院民事审判第二庭庭长: the court's numbered division."""
    found = posts(run("任命：\n祁德胜为澄江市人民法院民事审判第二庭庭长；"))
    assert ("祁德胜", "澄江市人民法院民事审判第二庭", ("庭长",)) in found


def test_a_company_title_with_no_company_is_held_in_its_sentence_subject() -> None:
    """某某有限公司（下称某某）近年布局大陆，董事长甲表示: the company the
    sentence is about, even when the article names other companies."""
    text = (
        "台中的鼎泰精工股份有限公司（下称鼎泰精工）近年加速布局大陆，"
        "董事长许文彬昨天受访表示，将与澄美集团扩大合作。"
        "澄美集团与长沙华湘机械有限公司是其客户，总经理何俊杰未到场。"
    )
    found = posts(run(text))
    assert ("许文彬", "鼎泰精工股份有限公司", ("董事长",)) in found
    assert not any(p == "何俊杰" and o for p, o, _ in found)


def test_a_section_of_a_works_and_its_head() -> None:
    """模具课课长甲: 课 is a section of a works (as Taiwan's firms name them),
    课长 its head; 党课 is a Party lecture, no section."""
    found = posts(run("鼎泰精工长沙厂模具课课长陈雅君获评劳动模范。"))
    assert any(p == "陈雅君" and (o or "").endswith("模具课") for p, o, _ in found)


def test_a_prefecture_body_named_by_its_level_word() -> None:
    """地区总工会 after 阿克苏地区 is named: the prefecture's union, as 市总工会
    is the city's; with no 地区 named, no body."""
    text = (
        "阿克苏地区总工会举办技能大赛。地区总工会党组书记、常务副主席"
        "艾力·买买提出席并讲话。"
    )
    assert ("艾力·买买提", "阿克苏地区总工会", ("党组书记", "常务副主席")) in posts(
        run(text)
    )
    alone = posts(run("地区总工会党组书记、常务副主席艾力·买买提出席并讲话。"))
    assert not any(o for p, o, _ in alone if p == "艾力·买买提")


def test_a_note_on_the_post_between_the_title_and_the_name() -> None:
    """副主席（挂职）甲, 助理处长（职业安全）乙: the note says how the post is
    held; the name follows it."""
    text = "澄江市总工会副主席（挂职）范志强、办公室主任（兼）许雅文出席。"
    found = posts(run(text))
    assert ("范志强", "澄江市总工会", ("副主席",)) in found


def test_a_dotted_name_after_where_the_person_comes_from() -> None:
    """来自阿克苏的甲·乙（女，维吾尔族）是某公司检测员: the name starts after
    的, and the note on the person stands before 是."""
    text = (
        "来自新疆阿克苏的热依拉·吐尔逊（女，维吾尔族）"
        "是上海澄江检测技术有限公司检测员。"
    )
    result = run(text)
    assert "热依拉·吐尔逊" in names(result, Kind.PERSON)
    assert ("热依拉·吐尔逊", "上海澄江检测技术有限公司", ("检测员",)) in posts(result)


def test_a_company_head_does_not_inherit_a_ministry() -> None:
    """由某部次长甲颁奖，董事长乙领奖: the 董事长 is no officer of the ministry
    named before him in the sentence; the company the sentence names is his."""
    text = (
        "鼎泰精工股份有限公司获奖，由劳动部政务次长陈建文颁奖，董事长黄俊义上台领奖。"
    )
    found = posts(run(text))
    assert not any(p == "黄俊义" and (o or "").endswith("劳动部") for p, o, _ in found)
    assert ("黄俊义", "鼎泰精工股份有限公司", ("董事长",)) in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # 兼 opens the second post, never a name; the office is the union's
        (
            "澄江市总工会副主席兼办公室主任缪海燕出席。",
            {
                ("缪海燕", "澄江市总工会", ("副主席",)),
                ("缪海燕", "澄江市总工会办公室", ("主任",)),
            },
        ),
        (
            "澄江市人民政府副市长、办公室主任缪海燕出席。",
            {("缪海燕", "澄江市人民政府办公室", ("主任",))},
        ),
        # 原 before a level character: the former post of that level's body
        (
            "恩施州召开会议。州劳动模范协会会长、原州总工会副主席谭德明出席。",
            {("谭德明", "恩施土家族苗族自治州总工会", ("副主席",))},
        ),
    ],
)
def test_offices_and_former_posts_in_a_chain(
    text: str, expected: set[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert expected <= posts(run(text))


def test_jian_opens_no_name_after_a_title() -> None:
    text = "协会会长张伟、副会长兼培训中心主任司徒嘉欣带领交流团参观。"
    assert names(run(text), Kind.PERSON) == {"张伟", "司徒嘉欣"}


def test_a_title_after_the_short_form_its_body_is_given() -> None:
    """……，区人力资源和社会保障局（以下简称“区人社局”）局长甲: the 局长 is
    the bureau's, not the union the sentence named before it."""
    text = (
        "出席会议的还有江阴市总工会常务副主席赵敏，江阴市人力资源和社会保障局"
        "（以下简称“市人社局”）局长方立新等。"
    )
    found = posts(run(text))
    assert ("方立新", "江阴市人力资源和社会保障局", ("局长",)) in found
    assert ("方立新", "江阴市总工会", ("局长",)) not in found


def test_a_department_after_what_describes_the_person() -> None:
    """来自台南的生产部经理甲: 的 ends what describes her; the 部 of a 经理 is
    the company's, not the city's."""
    text = (
        "走进厦门澄丰精密机械有限公司，车间里机声隆隆。"
        "来自台南的生产部经理许雅文说，公司工会就是第二个家。"
    )
    found = posts(run(text))
    assert ("许雅文", "厦门澄丰精密机械有限公司生产部", ("经理",)) in found


def test_a_team_and_its_leader_in_an_honour_line() -> None:
    """某某有限公司检修班班长甲: the 班 is a unit of the company (not 值班,
    not 领导班子)."""
    text = (
        "获奖名单：\n田光亮　湖北硒峰茶业有限公司制茶车间主任\n"
        "冉启明（土家族）　恩施清泉水电运维有限公司检修班班长\n"
    )
    found = posts(run(text))
    assert ("冉启明", "恩施清泉水电运维有限公司检修班", ("班长",)) in found


def test_a_ministry_in_a_chain_is_no_place_s() -> None:
    """台南讯：由劳动部政务次长甲颁奖: the ministry is national, not the home
    city's (no 台南市劳动部)."""
    text = (
        "台南市表彰幸福职场。由劳动部政务次长陈建文颁奖，台南市劳工局局长刘冠廷致辞。"
    )
    found = posts(run(text))
    assert ("陈建文", "劳动部", ("政务次长",)) in found
    assert not any((o or "").endswith("市劳动部") for _, o, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "闽兴能源集团副总经理林志鹏赴宁夏瀚泽能源集团挂职副总经理。",
            ("林志鹏", "宁夏瀚泽能源集团", ("副总经理",)),
        ),
        (
            "北京工业大学机械与能源工程学院副院长邵启航到佳木斯大学挂职，"
            "任学校党委常委、副校长（挂职）。",
            ("邵启航", "佳木斯大学", ("党委常委", "副校长")),
        ),
        (
            "市总工会副主席王建军到贵州省毕节市挂职副市长。",
            ("王建军", "毕节市人民政府", ("副市长",)),
        ),
    ],
)
def test_a_secondment_is_a_post_in_the_host(
    text: str, expected: tuple[str, str, tuple[str, ...]]
) -> None:
    """赴/到 a host 挂职 titles: the titles are held in the host, a body or
    the government of a place (kg/extract/secondments.py)."""
    assert expected in posts(run(text))


def test_no_secondment_without_a_host_or_a_person() -> None:
    text = "挂职干部座谈会在县委召开，会议听取了挂职副县长的发言。"
    assert posts(run(text)) == set()


def test_a_chain_after_le_and_a_name_before_suo_zuo() -> None:
    """审议通过了市总工会党组书记赵永刚所作的工作报告: jieba reads 了市 as a
    word and 所作 follows the name."""
    text = "包头市总工会召开会议。大会审议通过了市总工会党组书记赵永刚所作的工作报告。"
    assert posts(run(text)) == {("赵永刚", "包头市总工会", ("党组书记",))}


def test_a_title_after_where_a_person_comes_from_is_no_body_of_that_place() -> None:
    """来自台南的生产部经理许某: 台南 is where she comes from; the 生产部 is
    the company's, not a 台南的生产部."""
    text = (
        "晟丰精密（厦门）有限公司生产部很忙。来自台南的生产部经理许雅婷说，订单很多。"
    )
    got = posts(run(text))
    assert not any(org and org.startswith("台南") for _, org, _ in got)


def test_a_division_of_the_bureau_named_before_it_in_the_sentence() -> None:
    """勞工事務局副局長甲、職業培訓廳廳長乙: the 厅 after the bureau is its
    division (a 厅 is a body, as 省人社厅 is)."""
    text = (
        "澳门职工互助联合会昨日举行启动仪式。"
        "劳工事务局副局长罗嘉敏、职业培训厅厅长苏颖仪出席。"
        "互助联上月组团到重庆市考察，重庆市的做法让本澳社团很受启发。"
    )
    result = run(text)
    assert ("苏颖仪", "劳工事务局职业培训厅", ("厅长",)) in posts(result)
    assert ("劳工事务局职业培训厅", "820000") in pairs(
        result, RelKind.LOCATED_IN
    )  # where its bureau is (Macau), not the city the story names most


def test_a_work_area_of_a_plant_and_its_head_and_the_plant_named_again() -> None:
    """某某有限公司炼钢厂连铸作业区作业长甲: the 作业区 is a unit with its head;
    炼钢厂 later on the page is the company's plant, not a works of its own."""
    text = (
        "包头钢联特钢有限公司炼钢厂连铸作业区作业长高占山当选为兼职副主席。"
        "今年3月，高占山调任炼钢厂副厂长。"
    )
    facts = extract_page([Document("t", text, text)])[0]
    got = {
        (r.subject.split(":", 1)[1], (r.object or ":").split(":", 1)[1], r.roles)
        for r in facts.relations
        if r.kind is RelKind.POST
    }
    assert ("高占山", "包头钢联特钢有限公司炼钢厂连铸作业区", ("作业长",)) in got
    assert ("高占山", "包头钢联特钢有限公司炼钢厂", ("副厂长",)) in got


def test_an_association_named_by_its_kind_and_by_the_sentence_before() -> None:
    """中华两岸技职交流协会成立于2016年。理事长甲表示: the association; 协会秘书长乙
    paragraphs later: the one 协会 the article names."""
    text = (
        "总部设在台中的中华两岸技职交流协会成立于2016年。理事长陈俊宏表示，交流很重要。\n"
        "天津市总工会副主席刘雅琴致词。\n"
        "协会秘书长黄淑芬指出，报名人数是去年的两倍。\n"
    )
    got = posts(run(text))
    assert ("陈俊宏", "中华两岸技职交流协会", ("理事长",)) in got
    assert ("黄淑芬", "中华两岸技职交流协会", ("秘书长",)) in got


def test_a_person_described_by_the_post_held_in_a_body_named_after_zai() -> None:
    """在某公司担任设备工程师的台湾女生甲: the title, with the word that
    qualifies it, in the company after 在."""
    text = "在厦门晶屿微电子有限公司担任设备工程师的台湾女生陈静拿下电工组第二名。"
    assert posts(run(text)) == {("陈静", "厦门晶屿微电子有限公司", ("设备工程师",))}


def test_an_executive_director_of_a_company() -> None:
    """执行董事: the one director a company without a board has."""
    text = "宏泰锻压（济宁）机床有限公司执行董事、总经理葛长青通报了工程进展。"
    assert posts(run(text)) == {
        ("葛长青", "宏泰锻压（济宁）机床有限公司", ("执行董事", "总经理"))
    }
