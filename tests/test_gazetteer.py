"""The district gazetteer: data, chains, matching and resolution.

Sentences are invented in the genre of the news the project reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.gazetteer import Gazetteer, GazetteerError, Place, PlaceMatch


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def ids(matches: list[PlaceMatch]) -> list[tuple[str, list[str]]]:
    return [(m.surface, [p.id for p in m.candidates]) for m in matches]


@pytest.mark.parametrize(
    "place_id, name, level, parent",
    [
        ("320000", "江苏省", "Province", None),
        ("320200", "无锡市", "City", "320000"),
        ("320213", "梁溪区", "County", "320200"),
        ("320214", "新吴区", "County", "320200"),
        ("320281", "江阴市", "County", "320200"),
        ("320282", "宜兴市", "County", "320200"),
        ("320205", "锡山区", "County", "320200"),
        ("320206", "惠山区", "County", "320200"),
        ("320211", "滨湖区", "County", "320200"),
        ("110105", "朝阳区", "County", "110000"),  # municipality: no city level
        ("429004", "仙桃市", "County", "420000"),  # province-administered
        ("710000", "台湾省", "Province", None),
        ("320206/洛社镇", "洛社镇", "Town", "320206"),
        ("320200/无锡经济开发区", "无锡经济开发区", "DevelopmentZone", "320200"),
    ],
)
def test_get(gaz: Gazetteer, place_id: str, name: str, level: str, parent: str) -> None:
    place = gaz.get(place_id)
    assert (place.name, place.level, place.parent) == (name, level, parent)
    assert place.code == (place_id if place_id.isdigit() else None)


@pytest.mark.parametrize(
    "place_id, chain",
    [
        ("320206/洛社镇", ["洛社镇", "惠山区", "无锡市", "江苏省"]),
        ("320281", ["江阴市", "无锡市", "江苏省"]),
        ("110105", ["朝阳区", "北京市"]),
        ("320000", ["江苏省"]),
    ],
)
def test_chain(gaz: Gazetteer, place_id: str, chain: list[str]) -> None:
    place = gaz.get(place_id)
    assert [p.name for p in gaz.chain(place)] == chain
    assert gaz.province_of(place).name == chain[-1]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("无锡", ["320200"]),
        ("江阴", ["320281"]),
        ("湘西州", ["433100"]),
        ("湘西土家族苗族自治州", ["433100"]),
        ("鼓楼区", ["320106", "320302", "350102", "410204"]),
        ("朝阳区", ["110105", "220104"]),
        ("合肥", ["340100"]),  # a prefecture's short form
        ("秀山县", ["500241"]),  # 秀山土家族苗族自治县
        ("清河区", ["211204", "320802"]),  # 铁岭's, and 淮安's former one
        ("不存在区", []),
    ],
)
def test_lookup(gaz: Gazetteer, name: str, expected: list[str]) -> None:
    assert [p.id for p in gaz.lookup(name)] == expected


def test_unknown_id_names_the_culprit(gaz: Gazetteer) -> None:
    with pytest.raises(GazetteerError, match="'999999'"):
        gaz.get("999999")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("江阴市总工会党组书记、主席表示", [("江阴市", ["320281"])]),
        ("梁溪区总工会开展送温暖活动", [("梁溪区", ["320213"])]),
        ("新吴区总工会组织职工体检", [("新吴区", ["320214"])]),
        ("洛社镇总工会新推出一批服务", [("洛社镇", ["320206/洛社镇"])]),
        ("宜兴市总工会召开全委会", [("宜兴市", ["320282"])]),
        (
            "锡山区、惠山区和滨湖区的职工",
            [
                ("锡山区", ["320205"]),
                ("惠山区", ["320206"]),
                ("滨湖区", ["320211"]),
            ],
        ),
        (
            "江苏省无锡市梁溪区",
            [
                ("江苏省", ["320000"]),
                ("无锡市", ["320200"]),
                ("梁溪区", ["320213"]),
            ],
        ),
        ("无锡市委党校举办培训班", [("无锡市", ["320200"])]),
        ("无锡市委召开会议", [("无锡市", ["320200"])]),
        ("无锡市政府发布通知", [("无锡市", ["320200"])]),
        ("锡山区委书记调研", [("锡山区", ["320205"])]),
        ("他长期在江阴工作", [("江阴", ["320281"])]),
        ("江阴市民踊跃参加", [("江阴", ["320281"])]),
        ("湘西州总工会慰问职工", [("湘西州", ["433100"])]),
        ("濮阳市范县总工会", [("濮阳市", ["410900"]), ("范县", ["410926"])]),
        ("合肥的新能源企业", [("合肥", ["340100"])]),
        ("来桂林旅游的游客", [("桂林", ["450300"])]),  # 来 is no surname here
        ("浙江义乌的商户", [("浙江", ["330000"]), ("义乌", ["330782"])]),
        ("河南开封的艺人", [("河南", ["410000"]), ("开封", ["410200"])]),
        ("三亚崖州湾科技城", [("三亚", ["460200"])]),  # a bay, not 崖州区
        ("重庆市秀山县", [("重庆市", ["500000"]), ("秀山县", ["500241"])]),
        ("雄安新区建设者之家", [("雄安新区", ["130000/雄安新区"])]),
        ("崇安区老城厢", [("崇安区", ["320202"])]),
        (
            "南京市鼓楼区",
            [
                ("南京市", ["320100"]),
                (
                    "鼓楼区",
                    [
                        "320106",
                        "320302",
                        "350102",
                        "410204",
                    ],
                ),
            ],
        ),
    ],
)
def test_find(gaz: Gazetteer, text: str, expected: list) -> None:
    assert ids(gaz.find(text)) == expected


@pytest.mark.parametrize(
    "text, surface, short",
    [("在江阴", "江阴", True), ("江阴市", "江阴市", False), ("湘西州", "湘西州", True)],
)
def test_find_short_flag(gaz: Gazetteer, text: str, surface: str, short: bool) -> None:
    (match,) = gaz.find(text)
    assert (match.surface, match.short) == (surface, short)
    assert text[match.start : match.end] == surface


@pytest.mark.parametrize(
    "text",
    [
        "这家示范县级医院引进了先进设备",
        "活动现场，来宾们参观了企业展厅",
        "和平与发展仍是时代主题",
        "他穿着一身中山装，精神矍铄",
        "长安汽车的工人们",  # a brand: 长安 alone is not matched
        "新华社记者从有关部门获悉",
        "城关一带的老街区正在改造",
        "朝阳产业发展迅速",
        "市委和县委高度重视",
        "县委书记在调研时指出，要扎实推进乡村振兴",
        "开发区管委会负责人介绍了招商引资情况",
        "义乌的商户",  # a county's quiet short form, no parent before it
        "记者刘桂林报道",  # a given name after a surname
        "公司董事长王金华表示",
        "未开封的食品",
        "社会长治久安",
        "",
    ],
)
def test_find_nothing(gaz: Gazetteer, text: str) -> None:
    assert gaz.find(text) == []


@pytest.mark.parametrize(
    "text, surface, zone_id, parent",
    [
        (
            "无锡经济开发区党工委委员",
            "无锡经济开发区",
            "320200/无锡经济开发区",
            "320200",
        ),
        ("无锡经开区举办招聘会", "无锡经开区", "320200/无锡经济开发区", "320200"),
        ("苏州工业园区的企业", "苏州工业园区", "320500/苏州工业园区", "320500"),
        ("吉首经开区新签项目", "吉首经开区", "433101/吉首经济开发区", "433101"),
        (
            "无锡高新区科技企业",
            "无锡高新区",
            "320214/无锡高新技术产业开发区",
            "320214",
        ),
        ("江阴高新区的企业", "江阴高新区", "320281/江阴高新技术产业开发区", "320281"),
        # the city wins over 长沙县; a city's zone is 经济技术开发区
        ("长沙经开区总工会", "长沙经开区", "430100/长沙经济技术开发区", "430100"),
        (
            "武汉东湖高新区的企业",
            "武汉东湖高新区",
            "420100/武汉东湖新技术开发区",
            "420100",
        ),
    ],
)
def test_find_development_zone(
    gaz: Gazetteer, text: str, surface: str, zone_id: str, parent: str
) -> None:
    (match,) = gaz.find(text)
    (zone,) = match.candidates
    assert (match.surface, zone.id, zone.level, zone.parent) == (
        surface,
        zone_id,
        "DevelopmentZone",
        parent,
    )
    assert gaz.get(zone.id) == zone  # synthetic zones can be fetched again


@pytest.mark.parametrize(
    "name, successor",
    [
        ("崇安区", "320213"),
        ("南长区", "320213"),
        ("北塘区", "320213"),
        ("无锡新区", "320214"),
        ("襄樊市", "420600"),  # from jionlp's list of renamings
        ("蓟县", "120119"),
        ("莱芜市", "370116"),
        ("思茅市", "530800"),
        ("那曲地区", "540600"),
    ],
)
def test_former_names(gaz: Gazetteer, name: str, successor: str) -> None:
    (former,) = gaz.lookup(name)
    assert former.successor == successor
    assert gaz.resolve(name) == gaz.get(successor)
    assert gaz.current(former) == gaz.get(successor)


@pytest.mark.parametrize(
    "name, context, expected",
    [
        ("梁溪区", [], "320213"),
        ("鼓楼区", [], None),
        ("鼓楼区", ["320100"], "320106"),  # 南京市
        ("鼓楼区", ["350000"], "350102"),  # 福建省
        ("鼓楼区", ["320102"], "320106"),  # 玄武区: same city beats same province
        ("鼓楼区", ["320000"], None),  # 江苏省 holds both 南京 and 徐州
        ("朝阳区", [], None),
        ("朝阳区", ["110000"], "110105"),
        ("朝阳区", ["220100"], "220104"),
        ("朝阳区", ["440000"], None),  # unrelated context: never guess
        ("洛社镇", [], "320206/洛社镇"),
        ("城关镇", [], None),
        ("清河区", [], None),
        ("清河区", ["320800"], "320812"),  # 淮安市: its former 清河区
        ("清河区", ["211200"], "211204"),  # 铁岭市
    ],
)
def test_resolve(
    gaz: Gazetteer, name: str, context: list[str], expected: str | None
) -> None:
    found = gaz.resolve(name, [gaz.get(pid) for pid in context])
    assert (found.id if found else None) == expected


def test_resolve_match_with_context(gaz: Gazetteer) -> None:
    text = "北京市朝阳区总工会"
    city, district = gaz.find(text)
    beijing = gaz.resolve(city)
    assert gaz.resolve(district) is None
    assert beijing is not None
    resolved = gaz.resolve(district, [beijing])
    assert resolved is not None
    assert resolved.id == "110105"


def test_small_gazetteer_from_places() -> None:
    places = [
        Place("320000", "江苏省", "Province", None, "320000", ("江苏",)),
        Place("320200", "无锡市", "City", "320000", "320200", ("无锡",)),
    ]
    gaz = Gazetteer(places)
    assert ids(gaz.find("江苏无锡")) == [("江苏", ["320000"]), ("无锡", ["320200"])]
    assert [p.name for p in gaz.chain(gaz.get("320200"))] == ["无锡市", "江苏省"]


def test_bundled_data_is_a_tree(gaz: Gazetteer) -> None:
    places = list(gaz)
    provinces = [p for p in places if p.level == "Province"]
    assert len(provinces) == 34
    orphans = [p.id for p in places if gaz.province_of(p).level != "Province"]
    assert not orphans
    dangling = [p.id for p in places if p.successor and gaz.current(p).successor]
    assert not dangling


@pytest.mark.parametrize(
    "content, message",
    [
        ("320000\tProvince\t江苏省\t\t江苏\tc\n", r"gaz\.tsv:1: expected 7"),
        ("# header\n320000\tState\t江苏省\t\t\tc\t\n", r"gaz\.tsv:2: .*State"),
    ],
)
def test_load_names_the_bad_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gaz.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        Gazetteer.load(path)


def test_load_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match=r"missing\.tsv.*build_gazetteer"):
        Gazetteer.load(tmp_path / "missing.tsv")


@pytest.mark.parametrize(
    "text, names",
    [
        ("来自台北、台中、高雄等地的技师", ["台北市", "台中市", "高雄市"]),
        ("来自台东的阿美族青年", ["台东县"]),
        ("站在舞台中央，平台东侧", []),  # 台中, 台东 inside other words
        ("常州新北区和新北的企业", ["常州市", "新北区"]),  # 新北 alone: quiet
    ],
)
def test_taiwan_short_forms_as_taiwan_press_writes_them(
    gaz: Gazetteer, text: str, names: list[str]
) -> None:
    found = [m.candidates[0].name for m in gaz.find(text) if len(m.candidates) == 1]
    assert found == names
