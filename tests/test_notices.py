"""任前公示 tables: the person of each row and the post held now."""

from __future__ import annotations

import pytest

from conftest import names, posts, run
from kg.model import Kind

TABBED = (
    "澄江市委管理干部任前公示\n\n现予以公示。\n\n"
    "姓名\t性别\t出生年月\t现任职务\t拟任职务\n"
    "秦予帆\t男\t1978.09\t澄江市委副书记、市长\t澄江市委书记\n"
    "沈　岚\t女\t1981.03\t澄江市发展和改革委员会副主任\t澄江市人民政府副市长人选\n"
    "\n公示期间欢迎反映情况。"
)
SPACED = (
    "澄江市管领导干部任职前公示\n\n"
    "姓名    性别  出生年月  现任职务                  拟任职务\n"
    "缪振宇  男    1976.04   澄江市委组织部干部一处处长   澄江市委组织部副部长\n"
    "白 雪   女    1984.02   澄江市财政局副局长          澄江市审计局局长\n"
    "\n公示时间：五个工作日。"
)

BARRED = (
    "澄江市管领导干部任前公示\n\n"
    "姓名｜性别｜出生年月｜现任职务｜拟任职务\n"
    "缪振宇｜男｜1976.04｜澄江市财政局副局长｜澄江市审计局局长\n"
    "乔 慧｜女｜1983.07｜澄江市发展和改革委员会副主任｜澄江市能源局局长\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            BARRED,
            {
                ("缪振宇", "澄江市财政局", ("副局长",)),
                ("乔慧", "澄江市发展和改革委员会", ("副主任",)),
            },
        ),
        (
            TABBED,
            {
                ("秦予帆", "澄江市委", ("副书记",)),
                ("秦予帆", "澄江市人民政府", ("市长",)),
                ("沈岚", "澄江市发展和改革委员会", ("副主任",)),
            },
        ),
        (
            SPACED,
            {
                ("缪振宇", "澄江市委组织部干部一处", ("处长",)),
                ("白雪", "澄江市财政局", ("副局长",)),
            },
        ),
    ],
)
def test_current_posts_of_a_notice(
    text: str, expected: set[tuple[str, str, tuple[str, ...]]]
) -> None:
    found = posts(run(text))
    assert expected <= found
    # the proposed post (拟任) is not held yet
    assert not {p for p in found if p[2] in {("书记",), ("副部长",), ("局长",)}}


@pytest.mark.parametrize(
    "text",
    [
        # a header with no current post column, rows that are no table
        "姓名\t性别\t籍贯\n秦予帆\t男\t澄江\n",
        "姓名：秦予帆，现任职务：无。",
        "会议通报了现任职务和拟任职务的情况。",
    ],
)
def test_no_notice(text: str) -> None:
    assert not {p for p in posts(run(text)) if p[1]}


def test_people_of_a_notice() -> None:
    assert {"秦予帆", "沈岚"} <= names(run(TABBED), Kind.PERSON)
    assert {"缪振宇", "白雪"} <= names(run(SPACED), Kind.PERSON)


def test_a_notice_in_paragraphs() -> None:
    text = (
        "澄江市委管理干部任前公示。\n刘国华，男，1975年3月出生，"
        "现任澄江市财政局副局长，拟任澄江市审计局局长。"
    )
    found = posts(run(text))
    assert ("刘国华", "澄江市财政局", ("副局长",)) in found
    assert not {p for p in found if p[1] == "澄江市审计局"}


ONE_SPACE = (
    "姓名\u3000性别\u3000出生年月\u3000学历\u3000现任职务\u3000拟任职务\n"
    "柯海滨\u3000男\u30001981.07\u3000研究生\u3000羊口镇党委副书记、镇长\u3000羊口镇党委书记\n"
    "姜\u3000珊\u3000女\u30001985.11\u3000大学\u3000寿光市审计局副局长\u3000侯镇党委副书记\n"
)


def test_a_table_split_by_one_full_width_space(tmp_path) -> None:
    """Rows stay rows when the file is read (the reader used to join them to
    the line before: 羊口镇党委书记姜珊), and each row's current post is read."""
    from kg.read.files import read_paths

    source = tmp_path / "notice.txt"
    source.write_text("中共寿光市委组织部干部任前公示\n\n" + ONE_SPACE, "utf-8")
    (doc,) = read_paths([source])
    assert "羊口镇党委书记\n姜" in doc.text
    found = posts(run(doc.text))
    assert ("柯海滨", "羊口镇党委", ("副书记",)) in found
    assert ("姜珊", "寿光市审计局", ("副局长",)) in found
    assert not {p for p in found if p[0] == "姜珊" and p[1] == "羊口镇党委"}


def test_a_barred_row_is_not_joined_to_the_paragraph_after(tmp_path) -> None:
    from kg.read.files import read_paths

    source = tmp_path / "notice.txt"
    source.write_text(
        "干部任前公示\n\n姓名｜性别｜出生年月｜现任职务｜拟任职务\n"
        "牛建斌｜男｜1978.05｜中共大同市委办公室副主任｜云冈区委常委\n"
        "乔　慧｜女｜1983.07｜大同市审计局副局长｜大同市能源局副局长\n"
        "贺志勇｜男｜1976.09｜广灵县人民政府副县长｜中共广灵县委副书记\n\n"
        "公示期为2024年9月3日至9月9日。\n",
        "utf-8",
    )
    (doc,) = read_paths([source])
    assert "副局长\n贺志勇" in doc.text and "副书记\n公示期" in doc.text
    found = run(doc.text)
    assert "公示期" not in names(found, Kind.PERSON)
    assert ("贺志勇", "广灵县人民政府", ("副县长",)) in posts(found)
