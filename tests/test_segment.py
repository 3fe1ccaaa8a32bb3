"""Layout repair, meta lines and splitting pages into articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.read.bylines import MetaLine, normalise_date, parse_meta_line
from kg.read.pages import read_article, repair_layout, split_page
from kg.text.script import to_simplified

SEED = Path(__file__).resolve().parents[1] / "../shared/seeds/000_800d7f6a987cfa3a.txt"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("(曹某某)", MetaLine(authors=("曹某某",))),
        ("（记者 孙明远 通讯员 姚青）", MetaLine(authors=("孙明远", "姚青"))),
        ("(记者 王 立 通讯员 李 晓岚)", MetaLine(authors=("王立", "李晓岚"))),
        ("（本报记者 陶立群）", MetaLine(authors=("陶立群",))),
        ("(记者陶立群 通讯员沈晓岚)", MetaLine(authors=("陶立群", "沈晓岚"))),
        ("（记者 陶立群、缪振宇）", MetaLine(authors=("陶立群", "缪振宇"))),
        # a layout's mark before the byline
        ("□ 本报记者 陶立群　通讯员 缪振宇", MetaLine(authors=("陶立群", "缪振宇"))),
        ("作者:钱卫东", MetaLine(authors=("钱卫东",))),
        ("作者：钱卫东", MetaLine(authors=("钱卫东",))),
        ("文/蒋慧敏", MetaLine(authors=("蒋慧敏",))),
        ("文/图 蒋慧敏", MetaLine(authors=("蒋慧敏",))),
        ("记者 徐嘉航", MetaLine(authors=("徐嘉航",))),
        ("徐嘉航 摄", MetaLine(authors=("徐嘉航",))),
        ("（阿依古丽·买买提）", MetaLine(authors=("阿依古丽·买买提",))),
        ("来源: 澄江新闻网", MetaLine(source="澄江新闻网")),
        ("来源：澄江日报", MetaLine(source="澄江日报")),
        ("2023年5月12日", MetaLine(date="2023-05-12")),
        (
            "2023年6月8日 星期四  来源：澄江日报",
            MetaLine(source="澄江日报", date="2023-06-08"),
        ),
        ("发布时间：2023-06-08 10:30", MetaLine(date="2023-06-08")),
        ("责任编辑：殷小芸", MetaLine(editors=("殷小芸",))),
        ("（记者 华颖 编辑 殷小芸）", MetaLine(authors=("华颖",), editors=("殷小芸",))),
        # rare surnames need no surname list, also outside the basic CJK block
        ("（记者 隗明远 通讯员 禚晓岚）", MetaLine(authors=("隗明远", "禚晓岚"))),
        ("（记者 𬱖若川）", MetaLine(authors=("𬱖若川",))),
        ("（上官晓蕾 摄）", MetaLine(authors=("上官晓蕾",))),
        ("（陶立群 报道）", MetaLine(authors=("陶立群",))),
        # a top byline after its dispatch lead, on a line of its own
        (
            "本报讯（记者 隗明远 通讯员 禚晓岚）",
            MetaLine(authors=("隗明远", "禚晓岚")),
        ),
        ("澄江网讯 (记者 陶立群)", MetaLine(authors=("陶立群",))),
        ("新华社南京6月8日电（记者 钱卫东）", MetaLine(authors=("钱卫东",))),
        # an outlet or organisation before the names, spaced or glued to the role
        (
            "（澄江区融媒体中心 记者 秦予帆）",
            MetaLine(
                authors=("秦予帆",),
                outlet="澄江区融媒体中心",
                outlets=("澄江区融媒体中心",),
            ),
        ),
        (
            "（澄江市总工会 欧阳明川）",
            MetaLine(
                authors=("欧阳明川",), outlet="澄江市总工会", outlets=("澄江市总工会",)
            ),
        ),
        (
            "（甬江日报记者 郭晓雯 通讯员 澄工轩）",
            MetaLine(
                authors=("郭晓雯", "澄工轩"), outlet="甬江日报", outlets=("甬江日报",)
            ),
        ),
        (
            "（澎湃新闻记者 陶立群）",
            MetaLine(authors=("陶立群",), outlet="澎湃新闻", outlets=("澎湃新闻",)),
        ),
        (
            "澄江区融媒体中心记者 秦予帆",
            MetaLine(
                authors=("秦予帆",),
                outlet="澄江区融媒体中心",
                outlets=("澄江区融媒体中心",),
            ),
        ),
        # an organisation after a name is skipped, not the outlet
        (
            "（记者 陶立群 通讯员 澄江市总工会 沈晓岚）",
            MetaLine(authors=("陶立群", "沈晓岚")),
        ),
        (
            "（甬江日报记者 郭晓雯 来源：澄江新闻网）",
            MetaLine(
                authors=("郭晓雯",),
                source="澄江新闻网",
                outlet="甬江日报",
                outlets=("甬江日报",),
            ),
        ),
        # a lead in brackets of its own, a dateline, brackets of Taiwan papers
        ("【本报讯】（记者 邝家朗）", MetaLine(authors=("邝家朗",))),
        ("【本报讯】记者黎嘉欣昆明报道", MetaLine(authors=("黎嘉欣",))),
        ("（记者 区志伟 苏州报道）", MetaLine(authors=("区志伟",))),
        ("记者 王伟北京报道", MetaLine(authors=("王伟",))),
        ("〔记者林怡君／综合报导〕", MetaLine(authors=("林怡君",))),
        (
            "2024-06-28　来源：海峡新报　记者林俊宏／综合报导",
            MetaLine(authors=("林俊宏",), source="海峡新报", date="2024-06-28"),
        ),
        # every outlet before the names; 全媒体记者; a source and a byline
        (
            "工人日报-中工网记者 范以宁 通讯员 屠海燕 应 军",
            MetaLine(
                authors=("范以宁", "屠海燕", "应军"),
                outlet="工人日报",
                outlets=("工人日报", "中工网"),
            ),
        ),
        (
            "三峡日报全媒体记者 覃 晴 通讯员 向国华",
            MetaLine(
                authors=("覃晴", "向国华"), outlet="三峡日报", outlets=("三峡日报",)
            ),
        ),
        (
            "来源：人民网-内蒙古频道  包头日报全媒体记者 苏日娜 武 斌",
            MetaLine(
                authors=("苏日娜", "武斌"),
                source="人民网-内蒙古频道",
                outlet="包头日报",
                outlets=("包头日报",),
            ),
        ),
        # the authors' unit after their names; a note after a source
        (
            "作者：邱 婷 黄 斌（赣州市总工会）",
            MetaLine(authors=("邱婷", "黄斌"), affiliation="赣州市总工会"),
        ),
        ("（稿件来源：佛山日报，本报略有删节）", MetaLine(source="佛山日报")),
        (
            "香江商报 2024年5月8日",
            MetaLine(date="2024-05-08", outlet="香江商报", outlets=("香江商报",)),
        ),
        # a top byline with padded names; a photo credit
        (
            "记者 秦予帆 通讯员 褚 琳 缪振宇",
            MetaLine(authors=("秦予帆", "褚琳", "缪振宇")),
        ),
        ("摄影 韦小川", MetaLine(authors=("韦小川",))),
        ("（记者 许咏恩 摄影 郑子轩）", MetaLine(authors=("许咏恩", "郑子轩"))),
        ("江阴市总工会（市职工服务中心）", None),
        ("钱卫东", None),
        ("(完)", None),
        ("（待续）", None),
        ("(下转第二版)", None),
        ("（新华社）", None),
        ("（澄江日报）", None),
        ("(据新华社)", None),
        ("（图片由江阴市总工会提供）", None),
        ("（图片由澄江区融媒体中心提供）", None),
        ("（完）", None),
        ("（下同）", None),
        ("（会议由陶立群主持）", None),
        ("（澄江区融媒体中心）", None),
        ("（澄江区总工会 供稿）", None),
        ("（甬江日报 澄江新闻网）", None),
        ("本报讯（澄江日报）", None),
        ("本报讯（完）", None),
        ("市民来电（陶立群）", None),
        ("本报讯（记者 陶立群）江阴市总工会日前召开会议。", None),
        ("澄江区融媒体中心召开会议", None),
        ("江阴市总工会召开全委会议", None),
        ("2023年5月12日，江阴市总工会召开全委会议。", None),
        ("2023年2月30日", None),
        ("", None),
        (  # a web page's own controls on the header line
            "澄江职工网　2024-07-09　【字号：大 中 小】　作者：韦小川",
            MetaLine(
                authors=("韦小川",),
                date="2024-07-09",
                outlet="澄江职工网",
                outlets=("澄江职工网",),
            ),
        ),
        ("【打印】【关闭】", None),
        (  # an outlet named 某某观察
            "澄江产经观察　2024年12月3日　特约记者 韦小川",
            MetaLine(
                authors=("韦小川",),
                date="2024-12-03",
                outlet="澄江产经观察",
                outlets=("澄江产经观察",),
            ),
        ),
        ("澄江观察", None),
        (  # the page's section is no one's name
            "澄江时报　2024年9月28日　中国版　记者 韦小川",
            MetaLine(
                authors=("韦小川",),
                date="2024-09-28",
                outlet="澄江时报",
                outlets=("澄江时报",),
            ),
        ),
        # a feature's interviewer and photographer, no person called 采访
        ("采访／谢宜真　摄影／林冠宇", MetaLine(authors=("谢宜真", "林冠宇"))),
    ],
)
def test_parse_meta_line(line: str, expected: MetaLine | None) -> None:
    assert parse_meta_line(line) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2023年5月12日", "2023-05-12"),
        ("2023-5-2", "2023-05-02"),
        ("2023/05/12", "2023-05-12"),
        ("2023-05-12T08:00:00+08:00", "2023-05-12"),
        ("5月12日", None),
        ("2023-13-01", None),
    ],
)
def test_normalise_date(text: str, expected: str | None) -> None:
    assert normalise_date(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a sentence broken by the layout is joined back
        (
            "以“办法”促提升。实行直补个人、直补企业、直\n\n补培训机构三种补贴方式。",
            "以“办法”促提升。实行直补个人、直补企业、直补培训机构三种补贴方式。",
        ),
        (
            "充分体现了为民情怀，如沐春风，催人奋\n\n进。区总工会要进一步强化党建引领。",
            "充分体现了为民情怀，如沐春风，催人奋进。区总工会要进一步强化党建引领。",
        ),
        (
            "多家企业鼓励职工创新创造，先进典型纷纷涌现，无\n\n锡市产业工人建设改革由点到面。",
            "多家企业鼓励职工创新创造，先进典型纷纷涌现，无锡市产业工人建设改革由点到面。",
        ),
        # a break across several lines, and a single newline
        (
            "# 标题\n江阴市总工会近日召开全委\n会议，部署下半年\n\n重点工作任务。",
            "# 标题\n\n江阴市总工会近日召开全委会议，部署下半年重点工作任务。",
        ),
        # Latin words keep a space
        (
            "# 标题\n\n这家企业推行精益生产与SK\n\nhynix的管理经验相结合。",
            "# 标题\n\n这家企业推行精益生产与SK hynix的管理经验相结合。",
        ),
        # without markdown headings, a short line before more text is a heading
        ("江阴市总工会近日召开全委\n会议，部署下半年工作。", None),
        # finished sentences stay apart
        (
            "江阴市总工会召开全委会议。\n\n会议部署了下半年工作。",
            "江阴市总工会召开全委会议。\n\n会议部署了下半年工作。",
        ),
        (
            "钱卫东说：“要把好事办实。”\n\n各镇街负责人作了交流发言。",
            "钱卫东说：“要把好事办实。”\n\n各镇街负责人作了交流发言。",
        ),
        # headings and bylines are never joined
        (
            "# 江阴召开推进会\n\n会议部署下半年的重点工作任务，要求各级\n\n（陶立群）",
            "# 江阴召开推进会\n\n会议部署下半年的重点工作任务，要求各级\n\n（陶立群）",
        ),
        (
            "会议部署了下半年的重点工作任务，要求各级工会\n\n## 周庄镇职工驿站上岗",
            "会议部署了下半年的重点工作任务，要求各级工会\n\n## 周庄镇职工驿站上岗",
        ),
        # a numbered section head stands alone
        (
            "一、提高政治站位\n\n各级工会要把思想统一到部署上来。",
            "一、提高政治站位\n\n各级工会要把思想统一到部署上来。",
        ),
    ],
)
def test_repair_layout(text: str, expected: str | None) -> None:
    if expected is None:
        expected = text.replace("\n", "\n\n")
    assert repair_layout(text) == expected


MARKDOWN_PAGE = """# 江阴召开产改推进会

## 三年培养千名高技能人才

6月7日，江阴市总工会召开推进会。江阴市总工会党组书记、主席钱卫东讲话，要求各级工会
把技能提升作为服务职工的头号工程。

（记者 陶立群 通讯员 沈 晓岚）

### 车间里的“书香角”

周庄镇总工会在企业车间设立“书香角”，方便职工工间阅读。

(徐嘉航)

## 华士镇举办职工运动会

华士镇总工会近日举办第三届职工运动会。

(蒋 慧敏)
"""

PLAIN_PAGE = """2023年6月8日 星期四  来源：澄江日报

江阴召开产改推进会
三年培养千名高技能人才
（记者 陶立群）
6月7日，江阴市总工会召开推进会，部署产业工人队伍建设改革工作。
会议要求各级工会把技能提升作为服务职工的头号工程。

周庄镇职工驿站暖心上岗
周庄镇首批12家“职工驿站”日前投入使用。
（顾 文涛）
华士镇总工会近日举办第三届职工运动会，1200余名职工参赛。
（蒋慧敏）
"""


@pytest.mark.parametrize(
    "page, expected",
    [
        (
            MARKDOWN_PAGE,
            [
                ("江阴召开产改推进会 三年培养千名高技能人才", ("陶立群", "沈晓岚")),
                ("车间里的“书香角”", ("徐嘉航",)),
                ("华士镇举办职工运动会", ("蒋慧敏",)),
            ],
        ),
        (
            PLAIN_PAGE,
            [
                ("江阴召开产改推进会 三年培养千名高技能人才", ("陶立群",)),
                ("周庄镇职工驿站暖心上岗", ("顾文涛",)),
                (None, ("蒋慧敏",)),
            ],
        ),
        ("江阴市总工会召开全委会议。", [(None, ())]),
        ("江阴市总工会召开全委会议", [(None, ())]),
        ("# 只有标题\n\n## 也只有标题\n", []),
        ("", []),
    ],
)
def test_split_page_titles_and_authors(
    page: str, expected: list[tuple[str | None, tuple[str, ...]]]
) -> None:
    articles = split_page(page)
    assert [(a.title, a.authors) for a in articles] == expected


def test_split_page_layout_of_an_article() -> None:
    first = split_page(MARKDOWN_PAGE)[0]
    assert first.text.startswith("江阴召开产改推进会\n三年培养千名高技能人才\n\n6月7日")
    assert first.body_start == len("江阴召开产改推进会\n三年培养千名高技能人才\n\n")
    assert first.body.endswith("头号工程。\n（记者 陶立群 通讯员 沈 晓岚）")
    assert (
        first.text[first.byline.start : first.byline.end]
        == "（记者 陶立群 通讯员 沈 晓岚）"
    )
    assert "要求各级工会把技能提升" in first.text


@pytest.mark.parametrize(
    "page, index, date, source",
    [
        (PLAIN_PAGE, 0, "2023-06-08", "澄江日报"),
        (PLAIN_PAGE, 2, "2023-06-08", "澄江日报"),
        (
            "# 标题一行\n\n来源：澄江新闻网\n\n2023年5月12日\n\n正文写在这里。",
            0,
            "2023-05-12",
            "澄江新闻网",
        ),
        ("# 标题一行\n\n正文写在这里。", 0, None, None),
    ],
)
def test_split_page_date_and_source(
    page: str, index: int, date: str | None, source: str | None
) -> None:
    article = split_page(page)[index]
    assert (article.date, article.source) == (date, source)


@pytest.mark.parametrize(
    "page, authors, quoted",
    [
        (
            "本报讯（记者 陶立群 通讯员 沈晓岚）江阴市总工会日前召开会议。",
            ("陶立群", "沈晓岚"),
            "（记者 陶立群 通讯员 沈晓岚）",
        ),
        (
            "新华社南京6月8日电（记者 钱卫东）江苏省总工会日前召开会议。",
            ("钱卫东",),
            "（记者 钱卫东）",
        ),
        ("江阴市总工会（市职工服务中心）日前召开会议。", (), None),
        # the lead in brackets of its own
        (
            "【本报讯】（记者 滕子昂）澄江市总工会日前召开会议。",
            ("滕子昂",),
            "（记者 滕子昂）",
        ),
        # no lead: the bracket opens the paragraph and says who wrote
        (
            "（记者 滕子昂 通讯员 郜雨桐）5月15日上午，澄江市总工会召开会议。",
            ("滕子昂", "郜雨桐"),
            "（记者 滕子昂 通讯员 郜雨桐）",
        ),
        # Taiwan's 〔记者某某／综合报导〕 opening the paragraph
        (
            "〔记者滕子昂／综合报导〕据陆媒报导，澄江市总工会日前召开会议。",
            ("滕子昂",),
            "〔记者滕子昂／综合报导〕",
        ),
        # a bracket that names no writer is no byline
        ("（滕子昂）5月15日上午，澄江市总工会召开会议。", (), None),
        ("（一）澄江市总工会召开会议，滕子昂记者参加。", (), None),
    ],
)
def test_inline_byline(page: str, authors: tuple[str, ...], quoted: str | None) -> None:
    article = split_page(page)[0]
    assert article.authors == authors
    span = article.byline
    assert (article.text[span.start : span.end] if span else None) == quoted


@pytest.mark.parametrize(
    "page, authors, source",
    [
        # a top byline line after its lead is no part of the headline
        (
            "澄江召开推进会\n本报讯（记者 隗明远 通讯员 禚晓岚）\n"
            "6月7日，澄江市总工会召开推进会。",
            ("隗明远", "禚晓岚"),
            None,
        ),
        # the outlet a byline names is the source when none is given
        (
            "# 标题一行\n\n（澄江区融媒体中心 记者 秦予帆）\n\n正文写在这里。",
            ("秦予帆",),
            "澄江区融媒体中心",
        ),
        (
            "本报讯（澄江市总工会 欧阳明川）澄江市总工会日前召开会议。",
            ("欧阳明川",),
            "澄江市总工会",
        ),
        # a source given by the page or the article wins
        (
            "来源：澄江日报\n\n# 标题一行\n\n（澄江区融媒体中心 记者 秦予帆）\n\n"
            "正文写在这里。",
            ("秦予帆",),
            "澄江日报",
        ),
        (
            "# 标题一行\n\n（澄江区融媒体中心 记者 秦予帆）\n\n正文写在这里。\n\n"
            "来源：澄江新闻网",
            ("秦予帆",),
            "澄江新闻网",
        ),
    ],
)
def test_byline_authors_and_outlet(
    page: str, authors: tuple[str, ...], source: str | None
) -> None:
    (article,) = split_page(page)
    assert (article.authors, article.source) == (authors, source)


def test_traditional_byline_with_outlet() -> None:
    page = "# 標題一行\n\n（甬江日報記者 郭曉雯 通訊員 澄工軒）\n\n正文寫在這裡。"
    (article,) = split_page(to_simplified(page), original=page)
    assert article.authors == ("郭晓雯", "澄工轩")
    assert article.source == "甬江日报"
    span = article.byline
    assert article.original[span.start : span.end] == (
        "（甬江日報記者 郭曉雯 通訊員 澄工軒）"
    )


def test_original_shares_offsets_with_simplified() -> None:
    page = (
        "# 武進區總工會開展慰問活動\n\n（記者 華穎 通訊員 過 立新）\n\n"
        "區總工會黨組書記鄒明德帶隊走進湖塘\n\n鎮的建築工地。"
    )
    (article,) = split_page(to_simplified(page), original=page)
    assert len(article.text) == len(article.original)
    assert article.title == "武进区总工会开展慰问活动"
    assert article.authors == ("华颖", "过立新")
    assert "走进湖塘镇的建筑工地" in article.text
    assert "走進湖塘鎮的建築工地" in article.original
    span = article.byline
    assert article.original[span.start : span.end] == "（記者 華穎 通訊員 過 立新）"


def test_read_article_keeps_one_article() -> None:
    text = (
        "# 江阴召开推进会\n\n会议部署了下半年工作。\n\n（陶立群）\n\n"
        "## 链接\n\n周庄镇职工驿站上岗。"
    )
    article = read_article(text)
    assert article is not None
    assert article.title == "江阴召开推进会"
    assert article.authors == ("陶立群",)
    assert article.text.endswith("链接\n周庄镇职工驿站上岗。")
    assert read_article("") is None


@pytest.mark.skipif(not SEED.exists(), reason="seed page not available")
def test_seed_page() -> None:
    articles = split_page(SEED.read_text(encoding="utf-8"))
    assert [a.authors for a in articles] == [("曹仪婕",), ("丁佳莉",), ("吴锡工",)]
    assert articles[1].title == "车间里的“瑜伽课”"
    text = "".join(a.text for a in articles)
    for joined in (
        "直补培训机构",
        "催人奋进。",
        "无锡市产业工人",
        "不负韶华",
        "专业规划",
    ):
        assert joined in text
    for article in articles:
        assert article.text[article.byline.start : article.byline.end].startswith("(")
        assert article.text[article.body_start - 2 : article.body_start] == "\n\n"


@given(st.text(alphabet="江阴市总工会。，、：“”（）()#记者 \n\t王李12A", max_size=200))
def test_split_page_never_raises_and_keeps_offsets(page: str) -> None:
    for article in split_page(page, original=page):
        assert len(article.text) == len(article.original)
        assert 0 <= article.body_start <= len(article.text)
        if article.byline:
            assert article.byline.end <= len(article.text)
    repair_layout(page)


@pytest.mark.parametrize(
    "body, date",
    [
        ("2022年7月12日上午，某某县召开防汛工作会议。", "2022-07-12"),
        ("本报讯 2023年6月8日，某某市总工会举行表彰大会。", "2023-06-08"),
        ("6月8日，某某市总工会举行表彰大会。", None),
        ("某某市总工会举行表彰大会。会上回顾了2019年3月5日以来的工作。", None),
        ("", None),
    ],
)
def test_a_body_that_opens_with_a_date_dates_the_article(body, date):
    from kg.read.pages import lead_date

    assert lead_date(body) == date


@pytest.mark.parametrize(
    "page, title, lines",
    [
        # the lines a colon announces are a list: no headings, no joins
        (
            "澄江表彰劳动模范\n（记者 陶立群）\n\n大会表彰了一批劳动模范，名单如下：\n"
            "秦予帆（澄江精密机械有限公司）\n沈 岚（澄江市华庄街道社区卫生服务中心）\n"
            "\n获得五一劳动奖章的有：\n澄江纺织有限公司 缪振宇\n"
            "澄江热电有限公司 姚 青\n"
            "\n会议还通报了有关情况。",
            "澄江表彰劳动模范",
            [
                "秦予帆（澄江精密机械有限公司）",
                "沈 岚（澄江市华庄街道社区卫生服务中心）",
                "澄江纺织有限公司 缪振宇",
            ],
        ),
        # list lines with a note in brackets (女，布依族，…): neither joined nor
        # headlines of a new article, after a numbered head too
        (
            "澄江表彰劳动模范\n（记者 陶立群）\n\n大会表彰了一批劳动模范，名单如下：\n"
            "一、劳动模范（2名）\n秦予帆（女，布依族，澄江精密机械有限公司技术员）\n"
            "沈晓岚（水族，澄江市华庄街道社区卫生服务中心）\n"
            "二、工匠（1名）\n缪振宇（澄江热电有限公司电工）\n"
            "姚青（女，苗族，澄江纺织有限公司）\n",
            "澄江表彰劳动模范",
            [
                "秦予帆（女，布依族，澄江精密机械有限公司技术员）",
                "沈晓岚（水族，澄江市华庄街道社区卫生服务中心）",
                "缪振宇（澄江热电有限公司电工）",
            ],
        ),
        # rows of a table, split by tabs or runs of spaces, stay rows
        (
            "澄江市管干部任前公示\n来源：澄江日报\n\n现予以公示。\n"
            "姓名\t性别\t出生年月\t现任职务\n秦予帆\t男\t1978.09\t澄江市委副书记\n"
            "沈　岚  女    1981.03   澄江市发展和改革委员会副主任\n"
            "\n公示期间欢迎反映。",
            "澄江市管干部任前公示",
            [
                "秦予帆\t男\t1978.09\t澄江市委副书记",
                "沈　岚  女    1981.03   澄江市发展和改革委员会副主任",
            ],
        ),
        # a headline ending in a quoted word, and a long one, before a byline
        (
            "澄江集团召开职代会 聚力建设“百亿强企”\n澄江日报客户端记者 冯一帆\n\n"
            "2月22日，澄江集团召开职代会。",
            "澄江集团召开职代会 聚力建设“百亿强企”",
            [],
        ),
        (
            "澄江能源集团举办第五届职工职业技能大赛 二十名选手获评“澄江能源工匠”\n"
            "工人日报-中工网记者 秦予帆\n\n9月22日，大赛闭幕。",
            "澄江能源集团举办第五届职工职业技能大赛 二十名选手获评“澄江能源工匠”",
            [],
        ),
    ],
)
def test_lists_tables_and_top_headlines_stay_in_one_article(
    page: str, title: str, lines: list[str]
) -> None:
    (article,) = split_page(page)
    assert article.title == title
    for line in lines:
        assert f"\n{line}\n" in article.text


NOTICE_PAGE = """鹤鸣县人民政府关于周启明等同志职务任免的通知

鹤政任〔2025〕3号

经县政府常务会议研究，决定：

一、任命

1. 周启明为鹤鸣县水利局副局长；
2. 钱晓岚为鹤鸣县统计局副局长。

鹤鸣县人民政府
2025年3月2日

抄送：县委办公室，县人大常委会办公室。

附件1

鹤鸣县先进集体名单

一、城关镇

（一）鹤鸣县城关镇中心小学
孙丽萍（女）　教师
吴国栋　总务主任

附：选举结果
主　席：郑和平
"""


def test_a_notice_with_signature_appendix_and_lists_is_one_article() -> None:
    """A signature above a date line, 附件1 / 附： and their lists, and the
    short lines of numbered sections (甲（女）　教师) stay in the notice
    instead of starting articles of their own."""
    (article,) = split_page(NOTICE_PAGE)
    assert (
        article.title
        == "鹤鸣县人民政府关于周启明等同志职务任免的通知 鹤政任〔2025〕3号"
    )
    assert "孙丽萍（女）　教师" in article.body
    assert article.body.rstrip().endswith("主　席：郑和平")


def test_a_page_of_two_articles_is_still_split() -> None:
    """A headline after a finished article still starts the next one."""
    page = (
        "鹤鸣县总工会召开全委会议\n\n"
        "5月8日，鹤鸣县总工会召开全委会议，部署全年工作。会议由县总工会主席主持。\n\n"
        "城关镇新建职工书屋\n\n"
        "近日，城关镇总工会新建的职工书屋正式开放，可供职工借阅图书两千余册。\n"
    )
    titles = [a.title for a in split_page(page)]
    assert titles == ["鹤鸣县总工会召开全委会议", "城关镇新建职工书屋"]


def test_the_closing_lines_of_a_notice_stay_in_it() -> None:
    """（此件公开发布） and 抄送：… after the signature and date close the
    notice; they start no article of their own."""
    page = (
        "鹤鸣县人民政府\n关于周启明等同志任免职务的通知\n\n"
        "经县人民政府常务会议研究，决定：任命周启明为县教育局副局长。\n\n"
        "鹤鸣县人民政府\n2025年3月17日\n\n"
        "（此件公开发布）\n\n"
        "抄送：县委组织部，县人大常委会办公室，县政协办公室。\n"
    )
    (article,) = split_page(page)
    assert article.body.rstrip().endswith("县政协办公室。")


def test_the_lines_under_a_list_title_stay_lines() -> None:
    """某某获得者（部分） inside an article titles a list: its lines (合肥市：甲
    （…）、乙（…）; a unit a line) are items, neither joined into one
    paragraph nor headlines of articles of their own."""
    page = (
        "我省表彰一批五一劳动奖和工人先锋号获得者\n\n"
        "本报讯　省总工会日前印发表彰决定。本报今日刊登部分获奖名单。\n\n"
        "安徽省五一劳动奖章获得者（部分）\n\n"
        "合肥市：周文涛（某某汽车有限公司总装车间主任）、李秀兰（女，某医院护士长）\n"
        "省直单位：何　平（援藏工作队队员，挂职任某医院副院长）\n\n"
        "安徽省工人先锋号获得者（部分）\n\n"
        "某某新能源汽车有限公司电池包装配班组\n"
        "黄山市屯溪区消防救援大队\n\n"
        "据介绍，今年的评选继续向基层一线倾斜。\n"
    )
    (article,) = split_page(page)
    assert "副院长）\n安徽省工人先锋号获得者（部分）\n某某新能源" in article.body
    assert "班组\n黄山市" in article.body
