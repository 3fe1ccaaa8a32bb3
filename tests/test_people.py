"""People outside title chains: national titles, speakers, leader lists, bylines."""

from __future__ import annotations

import pytest

from conftest import names, run
from kg.model import Document, Kind, RelKind, Span
from kg.pipeline import extract_document

CASES = [
    ("五一前夕，习近平总书记给劳动模范回信。", {"习近平"}),
    ("市领导张卫东、李红出席仪式。", {"张卫东", "李红"}),
    # a list that opens with a name no surname list holds
    ("市领导洛桑旺堆、张卫东、格桑卓玛出席仪式。", {"洛桑旺堆", "张卫东", "格桑卓玛"}),
    ("会上，刘建国表示，要把好事办好。", {"刘建国"}),
    # 率 after a name: the one who leads the delegation
    ("市总工会主席黎振雄率江门市总工会代表团抵澳访问。", {"黎振雄"}),
]

NOTHING = [
    "中秋佳节，送上祝福与关怀，金秋时节，职工们满怀喜悦。",
    "总书记在信中写道，大家辛苦了。",
    "高度重视职工权益，关心关爱一线职工。",
    # 和 joins two bodies: no 和市 or 和市总 after a title
    "各县级市总工会主席、市各产业工会主席和市总工会机关干部参加会议。",
    "去年以来与县里合作培养电工、焊工和化工操作工136人。",
    "",
]


def test_a_naxi_name_with_the_surname_he_stays_a_name() -> None:
    text = "丽江市玉龙县总工会主席和建国出席。"
    assert "和建国" in names(run(text), Kind.PERSON)


@pytest.mark.parametrize("text, expected", CASES)
def test_people(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.PERSON) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_no_person(text: str) -> None:
    assert names(run(text), Kind.PERSON) == set()


def test_surname_and_title_is_an_alias_of_the_full_name() -> None:
    text = "习近平总书记回信。大家表示，要牢记习总书记嘱托。"
    short = [m for m in run(text).mentions if m.text == "习总书记"]
    assert [m.name for m in short] == ["习近平"]


def test_byline_authors() -> None:
    text = "某市总工会开展活动。\n（记者 孙晓陵 通讯员 姚超）"
    start = text.index("（")
    doc = Document(
        "a", text, text, authors=("孙晓陵", "姚超"), byline=Span(start, len(text))
    )
    result = extract_document(doc)
    authors = {
        (r.subject, r.object) for r in result.relations if r.kind is RelKind.AUTHOR
    }
    assert authors == {("a", "Person:孙晓陵"), ("a", "Person:姚超")}
    assert {"孙晓陵", "姚超"} <= names(result, Kind.PERSON)


def test_surname_and_title_in_address() -> None:
    text = (
        "江阴市总工会党组书记、主席钱卫东出席会议。"
        "会后，钱书记来到车间，钱主席说要办实事。"
    )
    found = {(m.text, m.name) for m in run(text).mentions if m.kind is Kind.PERSON}
    assert ("钱书记", "钱卫东") in found and ("钱主席", "钱卫东") in found


def test_address_is_not_guessed_between_two_holders() -> None:
    text = "市总工会主席王大明、区总工会主席王小明出席。王主席说，要办实事。"
    assert "王主席" not in {m.text for m in run(text).mentions}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("环卫工人白凤英和快递小哥祁东东也来了。", {"白凤英", "祁东东"}),
        ("检修班长禚立新说，要保证安全。", {"禚立新"}),
        # nouns of people by how they end: 服务员, 毕业生, 艺人, 议员 (a list)
        ("酒店客房服务员秦晓花作为职工代表发言。", {"秦晓花"}),
        ("参加考察的应届毕业生缪咏琪表示，此行很有收获。", {"缪咏琪"}),
        ("走访石雕艺人刘满仓的工作室。", {"刘满仓"}),
        ("市议员陈文斌、李佳茹也到场祝贺。", {"陈文斌", "李佳茹"}),
        # ... but not verbs that end so
        ("动员王某参加培训，双方携手李家村共建。", set()),
        # a surname that is an adverb after a descriptor gives nobody
        ("让每一位职工都成为企业的合伙人，员工都能感受到温暖。", set()),
        # a descriptor before an ordinary word gives nobody
        ("劳模工匠和先进职工、产业工人和新就业形态劳动者、职工普惠服务。", set()),
    ],
)
def test_descriptors_anchor_names(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.PERSON) == expected


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a surname's name, then what the person does: no longer name
        ("桥吊司机林海燕正操作着吊臂。", "林海燕正操"),
        ("经费审查委员会主任由谭伟明担任。", "由谭伟明担"),
        # a two-character name, then the verb of a new post
        ("会上宣布，副县长柯明调任县委常委。", "柯明调"),
        ("原镇长邝宁升任县人大常委会副主任。", "邝宁升"),
        ("副厂长苗青接任厂长。", "苗青接"),
        ("车间班长姜华受到表彰。", "姜华受"),
        # a name no surname list holds runs on after the adverb-like 都
        ("护边员那仁满都拉、包金花巡边归来。", "那仁满"),
    ],
)
def test_no_name_runs_into_the_verb(text: str, wrong: str) -> None:
    assert wrong not in names(run(text), Kind.PERSON)


def test_a_title_opens_no_name_of_a_list() -> None:
    text = "青禾纺织有限公司焊工洪晓燕、电工邢立新受到表彰。"
    assert names(run(text), Kind.PERSON) == {"洪晓燕", "邢立新"}


def test_a_mongolian_name_the_dictionary_tags_as_a_place() -> None:
    text = "金鼎煤业有限责任公司工会主席乌云其木格告诉记者，工会把工作做实。"
    assert "乌云其木格" in names(run(text), Kind.PERSON)


def test_a_six_character_mongolian_name_after_a_title() -> None:
    text = "自治区国资委党委委员、副主任额尔敦巴特尔出席会议并宣布决定。"
    assert "额尔敦巴特尔" in names(run(text), Kind.PERSON)
    assert not {
        n for n in names(run("该职务一职由覃志远兼任。"), Kind.PERSON) if "由" in n
    }


@pytest.mark.parametrize(
    "text", ["2022年3月被选派到花茂村任第一书记。", "他被派到柳湾镇任副镇长。"]
)
def test_a_place_that_opens_with_a_surname_is_no_person(text: str) -> None:
    assert not names(run(text), Kind.PERSON)


def test_a_uyghur_name_ending_in_ti_before_chuxi() -> None:
    text = "县委常委王丽、陈志刚、阿依古丽·买买提出席会议。"
    assert "阿依古丽·买买提" in names(run(text), Kind.PERSON)


def test_a_given_name_that_is_also_a_noun() -> None:
    result = run("县交通运输局局长韦海军出席会议。海军某部官兵参加活动。")
    assert names(result, Kind.PERSON) == {"韦海军"}


def test_he_before_a_frequent_word_is_a_conjunction_not_a_surname() -> None:
    assert names(run("澄江市表彰一批优秀教师和优秀班主任。"), Kind.PERSON) == set()
    assert names(run("澄江市总工会主任和建华出席。"), Kind.PERSON) == {"和建华"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("区总工会副主席扎西平措一道看望了环卫工人。", "扎西平措"),
        ("工会主席扎西顿珠一起看望职工。", "扎西顿珠"),
        ("副县长洛桑次仁带队检查。", "洛桑次仁"),
        ("慰问了困难职工莫小明一家。", "莫小明"),
        ("会议通过了关于接受拓宏亮辞去区人大常委会委员职务的决定。", "拓宏亮"),
        # 座谈 after a name no surname list holds (其 opens it)
        ("与公司党支部书记、总经理其木格座谈，了解生产情况。", "其木格"),
    ],
)
def test_words_that_follow_a_name_in_visits_and_decisions(text: str, name: str) -> None:
    """一道, 一起, 带队, 一家, 辞去, 座谈 end a name as 表示 does; 拓 is a
    surname."""
    assert name in names(run(text), Kind.PERSON)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a Dai name of two characters after a title: 岩 (men), 玉 (women)
        ("勐海县总工会副主席岩罕，县委常委沈晓岚出席。", {"岩罕", "沈晓岚"}),
        # ... but not a word that opens with one
        ("勐海县总工会副主席岩土工程专家出席。", set()),
        ("勐海县总工会副主席玉米种植能手出席。", set()),
    ],
)
def test_a_dai_name_after_a_title(text: str, expected: set[str]) -> None:
    assert names(run(text), Kind.PERSON) == expected


def test_a_word_for_a_group_is_no_name() -> None:
    """宣讲团 after 工匠 (宣 is a surname): a group, however rare the word."""
    text = "市总工会组建劳模工匠宣讲团，当天，宣讲团成员走进学校。"
    assert "宣讲团" not in names(run(text), Kind.PERSON)


def test_a_byline_marker_after_the_reporter_is_no_person() -> None:
    """记者 某某 综合报道: the byline's names are its authors; 综合报道 says how
    the report was made."""
    text = "标题\n本报记者 邝嘉文 综合报道\n\n会议召开。"
    start = text.index("本报")
    doc = Document(
        "a",
        text,
        text,
        authors=("邝嘉文",),
        byline=Span(start, text.index("\n", start)),
    )
    assert names(extract_document(doc), Kind.PERSON) == {"邝嘉文"}


@pytest.mark.parametrize("name", ["傅新民", "赖小红", "钭国平", "竺红", "綦立东"])
def test_rarer_surnames_open_names(name: str) -> None:
    """Surnames outside the common list (傅, 赖 among the most frequent; 钭,
    竺, 綦 rare) still open a name after a title."""
    text = f"重庆市九龙坡区政协召开会议。区政协秘书长{name}出席会议。"
    assert name in names(run(text), Kind.PERSON)


def test_yi_after_a_name_is_the_adverb_also() -> None:
    """陆某亦介绍 (Hong Kong and Taiwan write 亦 for 也): the name ends before
    it, though 亦 stands in given names too (王亦凡)."""
    result = run("江苏省总工会权益保障部副部长陆慧亦介绍了做法。王亦凡表示支持。")
    assert {"陆慧", "王亦凡"} <= names(result, Kind.PERSON)
    assert "陆慧亦" not in names(result, Kind.PERSON)


@pytest.mark.parametrize(
    "text, person",
    [
        ("慰问组看望了因病致困职工家属巴图孟和，为他们送去慰问金。", "巴图孟和"),
        ("牧民柯强说，草场一年比一年好。", "柯强"),
    ],
)
def test_names_after_nouns_of_families_and_herders(text: str, person: str) -> None:
    """职工家属甲, 牧民乙: nouns of people that introduce the name after them."""
    assert person in names(run(text), Kind.PERSON)


def test_a_padded_name_whose_given_name_is_a_function_word() -> None:
    """苏　和、刘丽娟（女）、巴特尔当选为副主席: padded 苏　和 before 、 is a
    name, 和 and all."""
    text = "赵永刚当选为市总工会主席，苏　和、刘丽娟（女）、巴特尔当选为副主席。"
    assert {"苏和", "刘丽娟", "巴特尔"} <= names(run(text), Kind.PERSON)
    assert "苏和" not in names(run("他把苏　和李四的材料交了。"), Kind.PERSON)


def test_a_padded_name_before_a_verb_and_a_name_before_lai_zi() -> None:
    """外卖骑手杨　帆推门进来: the padding ends the name before a verb; 杨帆
    来自贵州: 来自 follows names."""
    assert "杨帆" in names(run("外卖骑手杨　帆推门进来，接了一杯水。"), Kind.PERSON)
    assert "杨帆" in names(run("外卖骑手杨帆来自贵州遵义。"), Kind.PERSON)


def test_a_pseudonym_is_a_person_a_polite_form_is_not() -> None:
    text = (
        "在某博企任职荷官十八年的陈志强（化名）是首期学员之一。"
        "记者采访了李女士（化名）。"
    )
    found = names(run(text), Kind.PERSON)
    assert "陈志强" in found
    assert not any(name.startswith("李女") for name in found)


def test_a_descriptor_before_a_title_reads_the_name_after_the_title() -> None:
    """阿美族青年技师拉飞·巴奈: 青年 then the title 技师; the name is 拉飞·巴奈."""
    found = names(run("来自台东的阿美族青年技师拉飞·巴奈说，很好。"), Kind.PERSON)
    assert found == {"拉飞·巴奈"}
