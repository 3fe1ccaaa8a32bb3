"""Appointments and removals: posts a verb confers or takes away."""

from __future__ import annotations

import pytest

from conftest import label, names, posts, run
from kg.model import Change, Kind, RelKind

Post = tuple[str, str | None, tuple[str, ...], Change | None]


def changed_posts(text: str) -> set[Post]:
    return {
        (label(r.subject) or "", label(r.object), r.roles, r.change)
        for r in run(text).relations
        if r.kind is RelKind.POST
    }


B, E = Change.BEGAN, Change.ENDED

CASES: list[object] = [
    # a note in brackets after the post; 递补 fills a vacant seat
    (
        "任命滕子昂为汾阳市人民政府办公室副主任（试用期一年）。",
        {("滕子昂", "汾阳市人民政府办公室", ("副主任",), B)},
    ),
    (
        "全会递补艾合买提·阿布都拉为中共疏附县第十五届委员会委员。",
        {("艾合买提·阿布都拉", "疏附县委", ("委员",), B)},
    ),
    # 同志 after the names
    (
        "长兴县人民政府决定：聘任秦予帆同志为长兴县财政局副局长；免去沈晓岚同志的"
        "长兴县财政局局长职务；任命甘雨、闻雅琪同志为长兴县教育局副局长。",
        {
            ("秦予帆", "长兴县财政局", ("副局长",), B),
            ("沈晓岚", "长兴县财政局", ("局长",), E),
            ("甘雨", "长兴县教育局", ("副局长",), B),
            ("闻雅琪", "长兴县教育局", ("副局长",), B),
        },
    ),
    # 任命/决定任命 X 为 Y; several in a row
    (
        "澄江市召开人大常委会会议。会议决定任命秦予帆为澄江市人民政府副市长，"
        "任命沈晓岚为澄江市教育局局长。",
        {
            ("秦予帆", "澄江市人民政府", ("副市长",), B),
            ("沈晓岚", "澄江市教育局", ("局长",), B),
        },
    ),
    # 决定 X 为 acting head; 其 is the person just appointed
    (
        "沭阳县召开人大常委会会议，任命缪振宇为沭阳县人民政府副县长，决定其为代理县长。",
        {
            ("缪振宇", "沭阳县人民政府", ("副县长",), B),
            ("缪振宇", "沭阳县人民政府", ("代理县长",), B),
        },
    ),
    # 免去 X 的 Y 职务: an ended post
    (
        "澄江市召开会议。会议决定免去姚青的澄江市财政局局长职务。",
        {("姚青", "澄江市财政局", ("局长",), E)},
    ),
    # X 辞去 Y 职务, with a reason between; 接受 before
    (
        "澄江市召开会议。会议接受了秦予帆因工作变动辞去澄江市人民政府副市长职务的请求。",
        {("秦予帆", "澄江市人民政府", ("副市长",), E)},
    ),
    # X 不再担任 Y 职务; the next clause continues the same person (转任)
    (
        "澄江精工集团有限公司召开董事会。沈晓岚不再担任集团董事长职务，"
        "转任澄江市国资委专职外部董事。",
        {
            ("沈晓岚", "澄江精工集团有限公司", ("董事长",), E),
            ("沈晓岚", "澄江市国资委", ("专职外部董事",), B),
        },
    ),
    # elections: 选举/补选 X 为 Y, X、Z 当选为 Y; a bare title stays in the
    # body the sentence named
    (
        "澄江市总工会召开全委会议。会议选举秦予帆为澄江市总工会主席，"
        "补选沈晓岚、缪振宇为委员。",
        {
            ("秦予帆", "澄江市总工会", ("主席",), B),
            ("沈晓岚", "澄江市总工会", ("委员",), B),
            ("缪振宇", "澄江市总工会", ("委员",), B),
        },
    ),
    (
        "澄江市总工会召开代表大会。沈晓岚、姚　青当选为澄江市总工会副主席。",
        {
            ("沈晓岚", "澄江市总工会", ("副主席",), B),
            ("姚青", "澄江市总工会", ("副主席",), B),
        },
    ),
    # 聘任 X 为 Y、Z 为 W
    (
        "澄江精工集团有限公司召开董事会，聘任秦予帆为集团总工程师、沈晓岚为总经理助理。",
        {
            ("秦予帆", "澄江精工集团有限公司", ("总工程师",), B),
            ("沈晓岚", "澄江精工集团有限公司", ("总经理助理",), B),
        },
    ),
    # X 任 Y (a decision read out); a company's Party body stays in the company
    (
        "澄江精工集团有限公司召开大会，宣读了决定：秦予帆任集团党委书记。",
        {("秦予帆", "澄江精工集团有限公司", ("党委书记",), B)},
    ),
    (
        "澄江精工集团有限公司召开大会，宣读了决定：秦予帆任集团党委书记，"
        "沈晓岚、缪振宇任集团党委委员。",
        {
            ("秦予帆", "澄江精工集团有限公司", ("党委书记",), B),
            ("沈晓岚", "澄江精工集团有限公司", ("党委委员",), B),
            ("缪振宇", "澄江精工集团有限公司", ("党委委员",), B),
        },
    ),
    # the N-th board or committee of a body is the body
    (
        "澄江精工集团有限公司召开第五届董事会第一次会议，"
        "选举秦予帆为集团第五届董事会董事长。",
        {("秦予帆", "澄江精工集团有限公司", ("董事长",), B)},
    ),
    # a company's department, named after 集团
    (
        "澄江精工集团有限公司发布任前公示。沈晓岚现任集团财务部副部长。",
        {("沈晓岚", "澄江精工集团有限公司财务部", ("副部长",), None)},
    ),
    # a description between the verb and the name
    (
        "澄江海运集团有限公司已任命台籍员工蔡明哲为集团客运部副经理。",
        {("蔡明哲", "澄江海运集团有限公司客运部", ("副经理",), B)},
    ),
    # the body whose meeting elects, named at the head of the clause
    (
        "澄江市总工会召开代表大会。澄江市总工会经费审查委员会第一次会议选举姚青为主任。",
        {("姚青", "澄江市总工会经费审查委员会", ("主任",), B)},
    ),
    # Y 由 X 担任
    (
        "澄江市总工会召开全委会。澄江市总工会经费审查委员会主任由谭伟明担任。",
        {("谭伟明", "澄江市总工会经费审查委员会", ("主任",), None)},
    ),
    # 提请任命 lists read out as 甲任某职
    (
        "沭阳县召开会议。会议通过了县人民政府提请任命的干部名单：缪振宇任县公安局局长，"
        "姚青任县财政局局长。",
        {
            ("缪振宇", "沭阳县公安局", ("局长",), B),
            ("姚青", "沭阳县财政局", ("局长",), B),
        },
    ),
    # 原 Y X: ended; 新任 Y X: begun
    (
        "沭阳县召开会议。原县财政局局长姚青另有任用，新任代县长缪振宇作表态发言。",
        {
            ("姚青", "沭阳县财政局", ("局长",), E),
            ("缪振宇", "沭阳县人民政府", ("代县长",), B),
        },
    ),
    # a career: 曾任 (ended, several clauses), 现任 (held)
    (
        "缪振宇曾任沭阳县委常委、副县长，沭阳经济技术开发区管委会副主任；"
        "现任宿迁市总工会副主席。",
        {
            ("缪振宇", "沭阳县委", ("常委",), E),
            ("缪振宇", "沭阳县人民政府", ("副县长",), E),
            ("缪振宇", "沭阳经济技术开发区管委会", ("副主任",), E),
            ("缪振宇", "宿迁市总工会", ("副主席",), None),
        },
    ),
    # a résumé speaks of its person
    (
        "缪振宇简历：男，1979年10月生。曾任宿迁市总工会副主席。",
        {("缪振宇", "宿迁市总工会", ("副主席",), E)},
    ),
    # 任 Y 以来: a past post
    (
        "沭阳县召开大会。秦予帆同志任县长以来，较好完成了各项任务。",
        {("秦予帆", "沭阳县人民政府", ("县长",), E)},
    ),
    # Y 一职由 X 兼任
    (
        "澄江精工实业有限公司董事会主席一职由秦予帆兼任。",
        {("秦予帆", "澄江精工实业有限公司", ("董事会主席",), None)},
    ),
    # an election list after 的有
    (
        "澄江市总工会召开全委会。当选澄江市总工会常务委员的有（按姓氏笔画为序）：\n"
        "秦予帆　　沈晓岚　　姚　青\n",
        {
            ("秦予帆", "澄江市总工会", ("常务委员",), B),
            ("沈晓岚", "澄江市总工会", ("常务委员",), B),
            ("姚青", "澄江市总工会", ("常务委员",), B),
        },
    ),
]

CASES += [
    # a list of pairs one a line after the verb and a colon; a name no
    # surname list holds (扎西平措); a note inside a list of names
    (
        "澄江市人大常委会举行会议，通过了以下任免事项：\n一、决定任命：\n"
        "扎西平措为澄江市人民政府副市长；\n秦予帆为澄江市财政局局长。\n"
        "二、决定免去：\n沈晓岚的澄江市财政局局长职务。",
        {
            ("扎西平措", "澄江市人民政府", ("副市长",), B),
            ("秦予帆", "澄江市财政局", ("局长",), B),
            ("沈晓岚", "澄江市财政局", ("局长",), E),
        },
    ),
    (
        "澄江市总工会召开全委会。会上，秦予帆当选为市总工会主席，沈晓岚、"
        "缪振宇（兼职）、索南才让当选为副主席。",
        {
            ("秦予帆", "澄江市总工会", ("主席",), B),
            ("沈晓岚", "澄江市总工会", ("副主席",), B),
            ("缪振宇", "澄江市总工会", ("副主席",), B),
            ("索南才让", "澄江市总工会", ("副主席",), B),
        },
    ),
    # 已于某日当选为, 已调任; a sentence opened by the name and 因
    (
        "澄江市总工会召开会议。原市总工会主席秦予帆已于2月23日当选为市政协副主席，"
        "不再担任市总工会主席职务。",
        {
            ("秦予帆", "澄江市政协", ("副主席",), B),
            ("秦予帆", "澄江市总工会", ("主席",), E),
        },
    ),
    (
        "沭阳县召开会议。缪振宇因工作调动，已调任宿迁市发展和改革委员会副主任。",
        {("缪振宇", "宿迁市发展和改革委员会", ("副主任",), B)},
    ),
    (
        "沭阳县召开会议。据了解，沈晓岚已调任宿迁市教育局副局长。",
        {("沈晓岚", "宿迁市教育局", ("副局长",), B)},
    ),
    # 选举甲为某职，乙、丙等为副职: the next pair after a comma, ending in 等
    (
        "沭阳县第十八届人民代表大会第一次会议选举秦予帆为沭阳县人大常委会主任，"
        "沈晓岚、姚青等为副主任；选举缪振宇为沭阳县人民政府县长。",
        {
            ("秦予帆", "沭阳县人大常委会", ("主任",), B),
            ("沈晓岚", "沭阳县人大常委会", ("副主任",), B),
            ("姚青", "沭阳县人大常委会", ("副主任",), B),
            ("缪振宇", "沭阳县人民政府", ("县长",), B),
        },
    ),
    # 原 before the company: the former post ends, the company is named without
    # it; a two-character name before 调任
    (
        "青禾机械集团有限公司召开干部会议，宣布原青禾物流有限公司总经理柯明"
        "调任集团党委委员、副总经理。",
        {
            ("柯明", "青禾物流有限公司", ("总经理",), E),
            ("柯明", "青禾机械集团有限公司", ("党委委员", "副总经理"), B),
        },
    ),
    # pairs one a line: a note between the name and 为, a 免去 list whose
    # pairs end in 职务; the next verb reads its own pairs
    (
        "澄江市人大常委会任免名单\n任命：\n秦予帆为澄江市财政局局长；\n"
        "马晓岚（女，回族）为澄江市民族宗教事务委员会主任；\n"
        "缪振宇为澄江市中级人民法院副院长。\n免去：\n姚青的澄江市财政局局长职务；\n"
        "沈晓岚的澄江市民族宗教事务委员会主任职务。",
        {
            ("秦予帆", "澄江市财政局", ("局长",), B),
            ("马晓岚", "澄江市民族宗教事务委员会", ("主任",), B),
            ("缪振宇", "澄江市中级人民法院", ("副院长",), B),
            ("姚青", "澄江市财政局", ("局长",), E),
            ("沈晓岚", "澄江市民族宗教事务委员会", ("主任",), E),
        },
    ),
    (
        "会议决定：免去姚青的澄江市财政局局长职务；任命缪振宇为澄江市财政局局长。",
        {
            ("姚青", "澄江市财政局", ("局长",), E),
            ("缪振宇", "澄江市财政局", ("局长",), B),
        },
    ),
    # 是 with a post that names its body: a post held
    (
        "现年41岁的苗青是青禾精密机械有限公司车间主任，从学徒干起。",
        {("苗青", "青禾精密机械有限公司", ("车间主任",), None)},
    ),
    # 是公司 + title: the company the article speaks of
    (
        "走进青禾精密机械有限公司。苗青是公司数控铣工、高级技师，从业20年。",
        {("苗青", "青禾精密机械有限公司", ("数控铣工", "高级技师"), None)},
    ),
    # a dated clause after one that describes its person (甲是……，某年起任……)
    (
        "领衔人缪振宇是云南省劳动模范，2019年6月起任澄江青禾集团焊接车间主任。",
        {("缪振宇", "澄江青禾集团焊接车间", ("主任",), B)},
    ),
    # a clause that opens with 请求 continues the sentence's person
    (
        "缪振宇因工作变动，请求辞去澄江市人大常委会委员职务，会议决定接受其辞职。",
        {("缪振宇", "澄江市人大常委会", ("委员",), E)},
    ),
    # a pair a line under the verb; a line's notes after its post (挂职期,
    # 甲系……) end no list; in a company's own document (its name heads it),
    # 集团公司 and a bare department are that company's
    (
        "滇中恒泰能源集团有限公司文件\n\n关于人员聘任的决定\n\n一、聘任\n"
        "缪振宇为集团公司副总经理（挂职），挂职期两年。缪振宇系滇西永昌电力有限公司"
        "副总经理；\n秦予帆为集团公司总会计师；\n沈晓岚为财务管理部部长。\n\n"
        "二、解聘\n姚青的集团公司副总经理职务。\n",
        {
            ("缪振宇", "滇中恒泰能源集团有限公司", ("副总经理",), B),
            ("缪振宇", "滇西永昌电力有限公司", ("副总经理",), None),
            ("秦予帆", "滇中恒泰能源集团有限公司", ("总会计师",), B),
            ("沈晓岚", "滇中恒泰能源集团有限公司财务管理部", ("部长",), B),
            ("姚青", "滇中恒泰能源集团有限公司", ("副总经理",), E),
        },
    ),
]

NOTHING = [
    # a nomination is no post; 任务, 主任 and 责任 are no appointments
    "会议提名秦予帆为沭阳县人民政府县长候选人。",
    "秦予帆任务繁重，责任重大。",
    "会议决定于下月召开全会。",
    "市委关于调整领导班子的决定已经下发。",
    "免去了后顾之忧，职工们很高兴。",
    "会议由秦予帆主持。",
    # 是 with a title but no body is praise, not a post
    "苗青是大家公认的好班长。",
    "走进青禾精密机械有限公司。苗青是公司的老员工，也是公司的骄傲。",
    "",
]


@pytest.mark.parametrize("text, expected", CASES)
def test_appointments(text: str, expected: set[Post]) -> None:
    assert expected <= changed_posts(text)


@pytest.mark.parametrize("text", NOTHING)
def test_no_appointment(text: str) -> None:
    assert changed_posts(text) == set()


def test_an_appointment_is_not_also_read_as_a_held_post() -> None:
    text = "澄江市召开会议。会议决定免去姚青的澄江市财政局局长职务。"
    assert {p[3] for p in changed_posts(text)} == {Change.ENDED}


def test_a_comma_opens_no_pair_without_names_and_wei() -> None:
    text = "会议任命秦予帆为澄江市教育局局长，他表示将尽职尽责，沈晓岚为此鼓掌。"
    assert changed_posts(text) == {("秦予帆", "澄江市教育局", ("局长",), B)}


def test_a_heading_of_members_gives_each_name_below_a_post() -> None:
    text = (
        "澄江市总工会召开代表大会。\n市总工会第十五届委员会委员（按姓氏笔画为序）：\n"
        "马建国　秦予帆　白 雪\n"
    )
    assert posts(run(text)) == {
        (name, "澄江市总工会", ("委员",)) for name in ("马建国", "秦予帆", "白雪")
    }


def test_a_list_under_a_heading_with_no_title_gives_no_post() -> None:
    assert posts(run("会议通过了以下名单：\n马建国　秦予帆\n")) == set()


def test_a_name_never_opens_inside_a_title() -> None:
    """原总工程师甲: 程 is a surname, but not inside 总工程师."""
    text = "会议决定，原总工程师缪振宇因年龄原因，不再担任澄江市热电公司总工程师职务。"
    assert {p[0] for p in changed_posts(text)} == {"缪振宇"}


def test_a_heading_of_a_new_session_names_the_companys_party_members() -> None:
    text = (
        "宁夏瑞泰煤化有限公司召开党代会。\n新一届公司党委委员（按姓氏笔画排序）：\n"
        "马俊杰　余丽华　何昌盛\n"
    )
    assert posts(run(text)) == {
        (name, "宁夏瑞泰煤化有限公司", ("党委委员",))
        for name in ("马俊杰", "余丽华", "何昌盛")
    }


def test_the_successor_takes_the_post_not_the_one_succeeded() -> None:
    text = "原副校长柯雯接替符海，出任博鳌镇中心学校校长。"
    found = posts(run(text))
    assert ("柯雯", "博鳌镇中心学校", ("校长",)) in found
    assert not {p for p in found if p[0] == "符海"}


def test_a_move_told_with_when_it_was() -> None:
    """甲已于本月调任某职: 于本月 is when, not a person (于 is a surname too:
    县长于海洋 stays one), and the move is 甲's."""
    result = run("据悉，韦振华已于本月调任柳州市柳北区委书记。县长于海洋出席会议。")
    assert ("韦振华", "柳北区委", ("书记",)) in posts(result)
    assert "于本月" not in names(result, Kind.PERSON)
    assert "于海洋" in names(result, Kind.PERSON)


def test_a_profile_paragraph_gives_its_person_the_current_posts() -> None:
    """A pre-appointment notice profiles each person in a paragraph that
    opens with the name and the sex (甲，男，1978年生，……。现任……，拟任……):
    the posts held now are read; the proposed one (拟任) is no post yet."""
    text = (
        "现将拟任职干部情况公示如下：\n\n"
        "尉迟明远，男，1978年4月生，山东莒南人，大学学历，中共党员。"
        "现任莒南县委副书记、县长，拟任县（市）区党委书记。\n\n"
        "祁晓棠，女，1983年9月生，研究生学历。"
        "现任临沂市统计局党组成员、副局长，拟任临沂市审计局局长。\n"
    )
    found = posts(run(text))
    assert ("尉迟明远", "莒南县委", ("副书记",)) in found
    assert ("祁晓棠", "临沂市统计局", ("党组成员", "副局长")) in found
    assert not any(org == "临沂市审计局" for _, org, _ in found)
    # a name with no sex after it opens no profile
    assert not posts(run("莒南县召开会议。\n\n会议强调，现任干部要担当作为。\n"))


def test_a_post_held_since_a_date_in_a_profile() -> None:
    """甲，男，……。2021年9月起任某职: the profile's person began the post
    then and holds it; after 曾任 a clause that opens with such a date is the
    current post, not one more past one."""
    text = (
        "拟任职干部公示如下：\n\n"
        "柯文斌，男，汉族，1976年10月生，大学学历。"
        "2021年9月起任嘉鱼县委副书记、县长。拟任嘉鱼县委书记。\n\n"
        "符艳妮，女，汉族，1982年3月生，大学学历。"
        "曾任嘉鱼县妇联主席，2023年5月起任咸宁市总工会党组成员、副主席。\n"
    )
    result = run(text)
    found = {
        (label(r.subject), label(r.object), r.roles, r.change, r.date)
        for r in result.relations
        if r.kind is RelKind.POST
    }
    assert ("柯文斌", "嘉鱼县委", ("副书记",), Change.BEGAN, "2021-09") in found
    assert ("符艳妮", "嘉鱼县妇联", ("主席",), Change.ENDED, None) in found
    assert (
        "符艳妮",
        "咸宁市总工会",
        ("党组成员", "副主席"),
        Change.BEGAN,
        "2023-05",
    ) in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # names no surname list holds, a pair a line, a note before 为
        (
            "决定任命：\n吉克木呷为咸宁市农业农村局局长；\n"
            "阿苏拉达为咸宁市生态环境局局长。\n"
            "任命：\n格绒拉姆（女，藏族）为咸宁市中级人民法院审判员。",
            {
                ("吉克木呷", "咸宁市农业农村局", ("局长",)),
                ("阿苏拉达", "咸宁市生态环境局", ("局长",)),
                ("格绒拉姆", "咸宁市中级人民法院", ("审判员",)),
            },
        ),
        # a chief statistician, as a chief accountant or economist
        (
            "决定任命：\n柯雪梅（女）为咸宁市统计局总统计师；",
            {("柯雪梅", "咸宁市统计局", ("总统计师",))},
        ),
        # a note on the person inside a list of names (its comma ends no
        # clause), and a name of three characters a note makes one
        (
            "包晓岚（女，蒙古族）、柯国栋当选为嘉鱼县人大常委会委员。",
            {
                ("包晓岚", "嘉鱼县人大常委会", ("委员",)),
                ("柯国栋", "嘉鱼县人大常委会", ("委员",)),
            },
        ),
        (
            "会议增补柯春雷、娜仁图（女，蒙古族）为嘉鱼县政协委员。",
            {
                ("柯春雷", "嘉鱼县政协", ("委员",)),
                ("娜仁图", "嘉鱼县政协", ("委员",)),
            },
        ),
    ],
)
def test_names_no_surname_list_holds_and_notes_in_appointments(
    text: str, expected: set[tuple[str, str | None, tuple[str, ...]]]
) -> None:
    assert expected <= posts(run(text))


def test_a_date_opening_a_clause_takes_no_name_from_the_clause_before() -> None:
    """公司董事长甲是台商二代，2015年接任董事长: the sentence's person, not
    商二代 before the comma."""
    result = run("公司董事长许文彬是台商二代，2015年接任董事长。")
    assert "商二代" not in names(result, Kind.PERSON)


def test_a_title_that_opens_with_zhi_after_a_verb_of_posts() -> None:
    """担任职工董事: 任 before 职 is part of 任职 only after 起 (起任职); after
    担任 the title 职工董事 follows."""
    assert ("柯明", None, ("职工董事",)) in posts(run("柯明担任职工董事。"))


def test_a_list_of_pairs_a_line_reads_names_no_surname_list_holds() -> None:
    """任命：(line break) 甲为……；: at the head of a line of a list of pairs only
    the name stands before 为 or 的 — a Tibetan name with a word inside (东周),
    a Mongolian name that opens with 其, two characters in a list of 免去 —
    and a note after a post or after 职务 does not end the list."""
    text = (
        "经州人民政府常务会议研究决定：\n任命：\n"
        "才让东周为玉树州交通运输局局长；\n"
        "其其格（女，蒙古族）为玉树州人民医院副院长（试用期一年）；\n"
        "韩志远为玉树州审计局副局长。\n免去：\n"
        "才让东周的玉树州水利局局长职务（另有任用）；\n"
        "多杰的玉树州审计局副局长职务。"
    )
    found = changed_posts(text)
    assert {
        ("才让东周", "玉树藏族自治州交通运输局", ("局长",), B),
        ("其其格", "玉树藏族自治州人民医院", ("副院长",), B),
        ("韩志远", "玉树藏族自治州审计局", ("副局长",), B),
        ("才让东周", "玉树藏族自治州水利局", ("局长",), E),
        ("多杰", "玉树藏族自治州审计局", ("副局长",), E),
    } <= found


def test_qi_is_the_pronoun_when_no_name_reads_there() -> None:
    """任命甲为副县长，决定其为代理县长: 其 alone before 为 is the person."""
    found = changed_posts("任命缪振宇为沭阳县人民政府副县长，决定其为代理县长。")
    assert ("缪振宇", "沭阳县人民政府", ("代理县长",), B) in found


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a Dai name no surname list holds, before its sex
            "岩香罕，男，傣族，1982年4月生，云南景洪人。现任州林业和草原局副局长。",
            ("岩香罕", "林业和草原局", ("副局长",)),
        ),
        (  # a profile that opens with the year of birth; 今年3月起任
            "卞立军，1979年生，曾任邹平市财政局副局长。"
            "2021年至2023年，他挂职外地。今年3月起任邹平市总工会党组书记。",
            ("卞立军", "邹平市总工会", ("党组书记",)),
        ),
    ],
)
def test_a_profile_opened_by_a_name_and_its_sex_or_birth_year(
    text: str, expected: tuple[str, str, tuple[str, ...]]
) -> None:
    person, body, roles = expected
    assert any(
        p == person and (o or "").endswith(body) and r == roles
        for p, o, r in posts(run(text))
    )


def test_hiring_and_dismissing_an_expert() -> None:
    """聘任甲为……首席专家 / 解聘乙的……首席专家职务: a post that begins and
    one that ends."""
    found = changed_posts(
        "聘任丁守礼为固原市马铃薯产业发展中心首席专家，聘期三年；"
        "解聘白杰的固原市马铃薯产业发展中心首席专家职务。"
    )
    assert ("丁守礼", "固原市马铃薯产业发展中心", ("首席专家",), B) in found
    assert ("白杰", "固原市马铃薯产业发展中心", ("首席专家",), E) in found


def test_a_notice_of_posts_former_then_new_in_one_paragraph() -> None:
    """甲，男，……，原任某职，任某职；: the 任 after 原任 is the same person's
    new post; a Mongolian name of six characters opens the profile."""
    text = (
        "市委研究决定：\n"
        "额尔敦巴雅尔，男，蒙古族，1979年4月生，大学学历，原任乌审旗委常委、"
        "常务副旗长，任乌审旗委副书记；\n"
        "格桑卓玛，女，藏族，1984年1月生，原任拉孜县曲下镇党委书记，"
        "任拉孜县委常委、组织部部长；\n"
    )
    found = changed_posts(text)
    assert ("额尔敦巴雅尔", "乌审旗委", ("副书记",), B) in found
    assert ("格桑卓玛", "拉孜县委", ("常委",), B) in found
    assert ("格桑卓玛", "曲下镇党委", ("书记",), E) in found


def test_a_person_the_post_describes_after_de() -> None:
    """在代表大会上刚刚当选为县总工会主席的甲（苗族）: the person after 的."""
    text = (
        "座谈会上，在丹寨县总工会代表大会上刚刚当选为县总工会主席的杨国清（苗族）发言。"
    )
    assert ("杨国清", "丹寨县总工会", ("主席",)) in posts(run(text))


def test_numbered_lines_under_a_section_head_are_pairs() -> None:
    """一、任命 (line break) 1. 甲为……； (line break) 2. 乙为……（挂职，…）: each
    numbered line is a pair of the section's verb, a long note on the last
    post included."""
    text = (
        "经县政府常务会议研究，决定：\n一、任命\n"
        "1. 滕子昂为会宁县水务局副局长；\n"
        "2. 秦予帆为会宁县统计局副局长（挂职，挂职期两年，原单位：兰州市统计局）。\n"
        "二、免去\n1. 沈晓岚的会宁县统计局副局长职务。\n"
    )
    assert changed_posts(text) == {
        ("滕子昂", "会宁县水务局", ("副局长",), B),
        ("秦予帆", "会宁县统计局", ("副局长",), B),
        ("沈晓岚", "会宁县统计局", ("副局长",), E),
    }


def test_a_line_of_another_shape_does_not_end_a_list_of_pairs() -> None:
    """任命： then a pair a line; 甲（某职）兼任某职 is read on its own, and the
    pairs after it stay pairs, a long note on the person before 为 too."""
    text = (
        "湄潭县人民政府\n决定：\n任命：\n"
        "罗显文为县人民政府办公室副主任；\n"
        "田茂林（县农业农村局副局长）兼任县茶产业发展中心主任；\n"
        "杨光明为复兴镇人民政府副镇长；\n"
        "申　涛（遵义市人力资源和社会保障局四级主任科员）为湄江街道办事处副主任"
        "（挂职，挂职期限一年）。\n"
    )
    got = changed_posts(text)
    assert ("罗显文", "湄潭县人民政府办公室", ("副主任",), B) in got
    assert ("田茂林", "湄潭县茶产业发展中心", ("主任",), None) in got
    assert ("杨光明", "复兴镇人民政府", ("副镇长",), B) in got
    assert ("申涛", "湄江街道办事处", ("副主任",), B) in got


def test_a_name_that_opens_with_qi_is_no_pronoun_before_a_note_and_wei() -> None:
    """选举其木格（女）为……: a Mongolian name, not 其 (its, his); 免去其……职务
    stays the pronoun."""
    text = (
        "包头市总工会召开会议。经费审查委员会第一次会议选举其木格（女）为"
        "市总工会经费审查委员会主任。"
    )
    assert changed_posts(text) == {
        ("其木格", "包头市总工会经费审查委员会", ("主任",), B)
    }
