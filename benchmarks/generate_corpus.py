"""Generate a corpus of invented news articles in the genre, as JSONL.

Run ``python benchmarks/generate_corpus.py --articles 10000 -o /tmp/c10k``;
the same seed always gives the same bytes.  Articles are trade-union,
government, enterprise and appointment news of about 1,150 characters, with
many distinct people (surname × given name), organisations (the bodies of real
districts from the bundled gazetteer, companies of invented brands, outlets)
and initiatives.  Each line holds ``id``, ``title``, ``date``, ``url``,
``source`` and ``text``; files hold ``--per-file`` articles each (a day's
feed), so a 100k corpus is a folder of files rather than one huge line list.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

GAZETTEER = Path(__file__).resolve().parents[1] / "kg" / "data" / "gazetteer.tsv"
TARGET_CHARS = 1230

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
    "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段"
    "雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红卫东志文海波宁斌辉"
    "鹏飞俊峰亮晨晓雪梅琳丹婷倩颖慧佳欣怡然振宇浩翔凯博睿哲瑞彬新春秋荣德富贵福禄"
    "永健康安定泽润清源远航启帆嘉诚毅恒松柏林森青云鸿雁锦绣思源立成树人兴旺庆祥"
)
BRANDS = (
    "恒通 华擎 澄远 楚峡 远航 瑞丰 鼎盛 博川 金桥 宏达 天润 新源 汇智 鑫达 腾跃 "
    "晟泰 嘉禾 永泰 众诚 方圆 致远 长青 华联 银河 海纳 星辰 东方 亿达 正泰 安信 "
    "万象 鸿运 天成 九州 锦程 润禾 聚能 凌云 泰和 信达"
).split()
INDUSTRIES = (
    "精密机械 新材料 电子科技 纺织 汽车零部件 智能装备 生物医药 食品 物流 建材 "
    "化工 光电 能源 软件 环保科技 船舶 钢构 家居 农业科技 电缆"
).split()
LEGAL = ("有限公司", "股份有限公司", "集团有限公司")
THEMES = (
    "匠心筑梦 技能强企 暖心驿站 金秋助学 夏送清凉 春风行动 安康杯 书香职工 "
    "工匠领航 强基固本 同心筑梦 巾帼建功 青春建功 劳动竞赛 关爱骑手 温暖回家 "
    "健康同行 筑梦工程 提质增效 产业工人 数字赋能 绿色发展 乡村振兴 营商环境"
).split()
INITIATIVE_KINDS = ("行动", "工程", "计划", "活动", "品牌建设")
POLICY_KINDS = ("实施细则", "实施办法", "工作方案", "若干措施", "管理办法")
TOPICS = (
    "职工技能提升补贴",
    "新就业形态劳动者权益保障",
    "劳模工匠人才创新工作室建设",
    "产业工人队伍建设改革",
    "困难职工帮扶",
    "职工疗休养",
    "户外劳动者服务站点建设",
    "企业民主管理",
    "集体协商",
    "职工互助保障",
)
UNION_ROLES = ("党组书记、主席", "主席", "常务副主席", "副主席", "党组成员、副主席")
GOV_ROLES = ("局长", "副局长", "党组书记、局长", "主任", "副主任")
COMPANY_ROLES = ("董事长", "总经理", "党委书记、董事长", "工会主席", "副总经理")
TOWN_ROLES = ("党委书记", "镇长", "副镇长")
VERBS = ("出席会议并讲话", "参加活动", "带队调研", "主持会议", "作工作部署")
SAYS = ("表示", "介绍说", "指出", "强调")
OPENERS = (
    "据了解，",
    "近年来，",
    "会议要求，",
    "今年以来，",
    "截至目前，",
    "下一步，",
    "与此同时，",
    "活动期间，",
    "记者了解到，",
    "此外，",
)
SUBJECTS = (
    "各级工会组织",
    "当地有关部门",
    "辖区重点企业",
    "基层工会干部",
    "广大职工群众",
    "各街道和园区",
    "劳模工匠代表",
    "志愿服务队伍",
    "企业经营管理者",
    "相关职能部门",
)
ACTIONS = (
    "持续深化产业工人队伍建设改革",
    "围绕职工权益保障开展走访调研",
    "组织开展劳动技能竞赛和岗位练兵",
    "扎实推进职工服务阵地建设",
    "积极参与职工文体活动和读书分享",
    "认真落实集体协商和厂务公开制度",
    "主动对接职工在就业培训方面的需求",
    "广泛开展法律援助和心理疏导服务",
    "把服务职工的各项举措落到实处",
    "着力解决职工急难愁盼问题",
)
RESULTS = (
    "职工技能水平稳步提升",
    "累计惠及一线职工两千余人次",
    "受到职工群众的广泛好评",
    "形成了一批可复制可推广的经验",
    "不断增强职工群众的获得感和幸福感",
    "为高质量发展注入了强劲动力",
    "培训班已开展三十余期",
    "覆盖企业一百余家",
    "职工队伍稳定和谐",
    "相关工作走在全市前列",
)


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    short: str


@dataclass(frozen=True)
class Area:
    """A city with its counties and each county's towns."""

    province: str
    city: Place
    counties: tuple[tuple[Place, tuple[str, ...]], ...]


def load_areas() -> list[Area]:
    """Cities of the gazetteer that have counties with towns."""
    names: dict[str, tuple[str, str, str, str]] = {}
    towns: dict[str, list[str]] = {}
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t") + [""] * 7
        ident, level, name, parent, aliases = fields[:5]
        if level == "Town":
            towns.setdefault(parent, []).append(name)
        elif level in ("Province", "City", "County") and ident.isdigit():
            short = next((a for a in aliases.split("|") if a and "~" not in a), name)
            names[ident] = (level, name, parent, short)
    counties: dict[str, list[tuple[Place, tuple[str, ...]]]] = {}
    for ident, (level, name, parent, short) in sorted(names.items()):
        if level == "County" and parent in names and names[parent][0] == "City":
            kept = tuple(t for t in towns.get(ident, ()) if len(t) <= 5)
            if kept:
                counties.setdefault(parent, []).append(
                    (Place(ident, name, short), kept)
                )
    areas = []
    for ident, members in sorted(counties.items()):
        _, name, province, short = names[ident]
        areas.append(
            Area(names[province][1], Place(ident, name, short), tuple(members))
        )
    return areas


class Writer:
    """Builds one article from a seeded random source."""

    def __init__(self, rng: random.Random, areas: list[Area]) -> None:
        self.rng = rng
        self.areas = areas

    def person(self) -> str:
        given = self.rng.choice(GIVEN)
        if self.rng.random() < 0.7:
            given += self.rng.choice(GIVEN)
        return self.rng.choice(SURNAMES) + given

    def company(self, area: Area) -> str:
        brand = self.rng.choice(BRANDS) + self.rng.choice(BRANDS)[:1]
        return (
            area.city.short
            + brand
            + self.rng.choice(INDUSTRIES)
            + self.rng.choice(LEGAL)
        )

    def initiative(self) -> str:
        theme = self.rng.choice(THEMES)
        if self.rng.random() < 0.5:
            return f"“{theme}”{self.rng.choice(INITIATIVE_KINDS)}"
        return f"“{theme}·{self.rng.choice(THEMES)}”{self.rng.choice(INITIATIVE_KINDS)}"

    def policy(self, place: Place) -> str:
        return (
            f"《{place.name}{self.rng.choice(TOPICS)}{self.rng.choice(POLICY_KINDS)}》"
        )

    def article(self, number: int, day: str) -> dict[str, str]:
        area = self.rng.choice(self.areas)
        county, towns = self.rng.choice(area.counties)
        town = self.rng.choice(towns)
        kind = self.rng.choice(("union", "government", "enterprise", "appointment"))
        title, paragraphs = getattr(self, f"_{kind}")(area, county, town)
        county, towns = self.rng.choice(area.counties)
        more = self.rng.choice(("union", "government", "enterprise"))
        paragraphs += getattr(self, f"_{more}")(area, county, self.rng.choice(towns))[1]
        while sum(len(p) for p in paragraphs) < TARGET_CHARS - 200:
            paragraphs.append(self._filler(area, county))
        reporter, helper = self.person(), self.person()
        outlet = f"{area.city.short}日报"
        paragraphs.append(f"（{outlet}记者 {reporter} 通讯员 {helper}）")
        return {
            "id": f"gen-{number:07d}",
            "title": title,
            "date": day,
            "url": f"https://news.example.org/{area.city.code}/{number:07d}.html",
            "source": outlet,
            "text": "\n\n".join(paragraphs),
        }

    def _filler(self, area: Area, county: Place) -> str:
        parts = [
            self.rng.choice(OPENERS)
            + self.rng.choice(SUBJECTS)
            + self.rng.choice(ACTIONS)
            + "，"
            + self.rng.choice(RESULTS)
            + "。"
            for _ in range(3)
        ]
        if self.rng.random() < 0.3:
            person = self.person()
            role = self.rng.choice(UNION_ROLES)
            parts.append(
                f"{county.name}总工会{role}{person}{self.rng.choice(SAYS)}，"
                f"要把{self.initiative()}办成职工满意的民心工程。"
            )
        return "".join(parts)

    def _union(self, area: Area, county: Place, town: str) -> tuple[str, list[str]]:
        chair, deputy, town_chair = self.person(), self.person(), self.person()
        act, policy = self.initiative(), self.policy(county)
        company = self.company(area)
        title = f"{county.name}总工会启动{act}"
        return title, [
            f"{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日，"
            f"{county.name}总工会在{town}召开推进会，正式启动{act}，并发布{policy}。",
            f"{county.name}总工会{self.rng.choice(UNION_ROLES)}{chair}"
            f"{self.rng.choice(VERBS)}，{area.city.name}总工会副主席{deputy}参加会议。"
            f"{chair}{self.rng.choice(SAYS)}，要以{act}为抓手，三年培养千名高技能人才。",
            f"{town}总工会主席{town_chair}介绍，{town}已建成职工服务站点十二个，"
            f"{company}等企业率先参与，新发展会员八百余人。",
        ]

    def _government(
        self, area: Area, county: Place, town: str
    ) -> tuple[str, list[str]]:
        head, deputy, mayor = self.person(), self.person(), self.person()
        bureau = f"{county.name}人力资源和社会保障局"
        policy = self.policy(county)
        title = f"{bureau}印发{policy}"
        return title, [
            f"近日，{bureau}会同{county.name}财政局印发{policy}，"
            f"明确职工取得职业资格证书后可申领技能提升补贴。",
            f"{bureau}{self.rng.choice(GOV_ROLES)}{head}{self.rng.choice(SAYS)}，"
            f"细则施行后预计每年惠及职工一万余人次。{area.city.name}人民政府副市长"
            f"{mayor}对此项工作作出批示。",
            f"{town}党委书记{deputy}{self.rng.choice(VERBS)}时要求，"
            f"各村（社区）要做好政策宣传，确保补贴应享尽享。",
        ]

    def _enterprise(
        self, area: Area, county: Place, town: str
    ) -> tuple[str, list[str]]:
        company = self.company(area)
        boss, union_chair, guest = self.person(), self.person(), self.person()
        act = self.initiative()
        title = f"{company}职工代表大会召开"
        return title, [
            f"日前，位于{county.name}{town}的{company}召开第三届职工代表大会，"
            f"审议通过了集体合同草案和{act}实施方案。",
            f"{company}{self.rng.choice(COMPANY_ROLES)}{boss}{self.rng.choice(SAYS)}，"
            f"公司将把职工技能提升作为发展的根本，今年投入培训经费三百万元。",
            f"公司工会主席{union_chair}介绍了{act}的具体安排。{county.name}总工会"
            f"{self.rng.choice(UNION_ROLES)}{guest}{self.rng.choice(VERBS)}。",
        ]

    def _appointment(
        self, area: Area, county: Place, town: str
    ) -> tuple[str, list[str]]:
        new, old, witness = self.person(), self.person(), self.person()
        title = f"{county.name}召开领导干部会议"
        return title, [
            f"{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日，"
            f"{county.name}召开领导干部会议，宣布有关人事任免决定。",
            f"经研究决定，任命{new}为{county.name}总工会党组书记，提名为主席人选；"
            f"免去{old}的{county.name}总工会主席职务。",
            f"{area.city.name}总工会{self.rng.choice(UNION_ROLES)}{witness}"
            f"{self.rng.choice(VERBS)}。{new}表示，将尽心尽力做好职工服务工作。",
            f"会议还听取了{town}关于{self.initiative()}的情况汇报。",
        ]


def generate(
    articles: int, out: Path, *, seed: int = 0, per_file: int = 1000, first_id: int = 0
) -> int:
    """Write ``articles`` articles as JSONL files in ``out``; total characters.
    Ids and URLs are numbered from ``first_id``."""
    rng = random.Random(seed)
    writer = Writer(rng, load_areas())
    out.mkdir(parents=True, exist_ok=True)
    chars = 0
    for first in range(0, articles, per_file):
        lines = []
        for number in range(first, min(first + per_file, articles)):
            day = f"20{18 + number * 7 // articles}-{rng.randint(1, 12):02d}-" + (
                f"{rng.randint(1, 28):02d}"
            )
            record = writer.article(first_id + number, day)
            chars += len(record["text"])
            lines.append(json.dumps(record, ensure_ascii=False))
        name = out / f"feed-{(first_id + first) // per_file:05d}.jsonl"
        name.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-file", type=int, default=1000)
    parser.add_argument("--first-id", type=int, default=0)
    args = parser.parse_args()
    chars = generate(
        args.articles,
        args.output,
        seed=args.seed,
        per_file=args.per_file,
        first_id=args.first_id,
    )
    print(f"wrote {args.articles} articles, {chars} characters, to {args.output}")


if __name__ == "__main__":
    main()
