"""kg.text.scan.Anchored: the same matches as finditer, tried only where one
can begin; checked for every anchored pattern of the extractors."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import kg.extract
from kg.text.scan import Anchored
from kg.text.script import to_simplified

DATA = Path(__file__).parent / "data"


def _anchored() -> list[tuple[str, Anchored]]:
    found = []
    for info in pkgutil.iter_modules(kg.extract.__path__):
        module = importlib.import_module(f"kg.extract.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, Anchored):
                found.append((f"{info.name}.{name}", value))
    return found


def _texts() -> list[str]:
    texts = [to_simplified(p.read_text("utf-8")) for p in DATA.glob("*/*.txt")]
    return [
        *texts,
        "，该公司将推出“暖心”行动。本集团工会将开展",
        "同志总书记，县上推出“春风”计划。全市正在实施，在园区一职由",
    ]


@pytest.mark.parametrize("name, anchored", _anchored())
def test_anchored_finds_what_finditer_finds(name: str, anchored: Anchored) -> None:
    for text in _texts():
        got = [(m.span(), m.groups()) for m in anchored.finditer(text)]
        expected = [(m.span(), m.groups()) for m in anchored.pattern.finditer(text)]
        assert got == expected, name


def test_near_tries_only_before_the_literal() -> None:
    """``near``: the same matches as finditer, offsets far from the literal
    left untried."""
    from kg.extract.launch_actors import _BARE_UNION
    from kg.extract.launches import _ANAPHORIC_INITIATIVE

    texts = [
        "该活动由市总工会主办。这项计划由区委牵头。该措施，由",
        "开展活动。本次大赛由县工会、团县委联合举办，该平台由",
        "，工会推出“春风行动”。支持工会开展“暖心”服务，工人工会",
    ]
    for anchored in (_ANAPHORIC_INITIATIVE, _BARE_UNION):
        hits = 0
        for text in texts:
            got = [m.span() for m in anchored.finditer(text)]
            assert got == [m.span() for m in anchored.pattern.finditer(text)]
            hits += len(got)
        assert hits >= 2
    from kg.extract.initiatives import _UNQUOTED_RE

    far = "建立了一二三四五六七八九十百千联席会议制度，推出甲乙丙工作法"
    got = [m.span() for m in _UNQUOTED_RE.finditer(far)]
    assert got == [m.span() for m in _UNQUOTED_RE.pattern.finditer(far)]
    assert len(got) == 2  # a head 15 characters on is found
    near = Anchored(r"[甲乙]{1,3}由", "甲乙", near=("由", 3))
    assert [m.span() for m in near.finditer("甲乙甲由乙由甲甲")] == [(0, 4), (4, 6)]


@pytest.mark.parametrize(
    "pattern, first, text, expected",
    [
        (r"(?<=[，])工会", "工", "工会，工会", [(3, 5)]),
        (r"(?:同志)?总理", "同总", "同志总理总理", [(0, 4), (4, 6)]),
        (r"^该区", "该", "该区该区", [(0, 2)]),
    ],
)
def test_anchored_table(
    pattern: str, first: str, text: str, expected: list[tuple[int, int]]
) -> None:
    assert [m.span() for m in Anchored(pattern, first).finditer(text)] == expected


def _with_bodies() -> list[str]:
    return [
        *_texts(),
        "俞某和银坑村网格员朱某，青禾社区党委、和平村村委会",
        "，新华村党支部，东村党委，甲乙丙丁戊村党委，、长江社区居委会",
        "村党委，社区网格长",
        "，东方红星村党委，和平社区居委会",  # names of four and two characters
    ]


def test_names_before_a_body_are_those_finditer_finds() -> None:
    """communities._before_bodies tries the pattern only before a 社区 or 村
    that a body follows: the same matches as finditer over every offset."""
    from kg.extract.communities import _BEFORE_ITS_BODY, _before_bodies

    seen = 0
    for text in _with_bodies():
        got = [(m.span(), m.groups()) for m in _before_bodies(text)]
        expected = [(m.span(), m.groups()) for m in _BEFORE_ITS_BODY.finditer(text)]
        assert got == expected
        seen += len(got)
    assert seen >= 4  # the texts do name communities before their bodies


def test_lines_are_the_runs_without_a_line_break() -> None:
    import re

    from kg.text.lines import lines

    for text in [*_texts(), "", "\n", "甲\n\n乙\n", "\n丙", "丁"]:
        expected = [m.span() for m in re.finditer(r"[^\n]+", text)]
        assert list(lines(text)) == expected


def test_the_lines_above_a_point_nearest_first() -> None:
    from kg.text.lines import lines_above

    text = "甲甲\n\n乙\n丙丙丙"
    assert list(lines_above(text, text.index("丙") + 1)) == [(4, 5), (3, 3), (0, 2)]
    assert list(lines_above(text, 1)) == []


def test_a_line_may_hold_a_list_as_one_regex_said() -> None:
    """name_lists._may_list: two guarded searches, the same answers as the
    one regex of both alternatives (behind a bracket-or-space test)."""
    import re

    from kg.extract.name_lists import _may_list
    from kg.text.lines import lines as _lines

    both = re.compile(r"[（(][^（）()]{2,40}[)）]|\S[ \u3000]+\S")
    made = [
        "张三（某公司）",
        "张三 李四",
        "（）",
        " 甲",
        "甲 ",
        "甲\u3000\u3000乙",
        "(ab)",
    ]
    lines = [text[a:b] for text in _texts() for a, b in _lines(text)] + made
    answers = {_may_list(line) for line in lines}
    assert answers == {True, False}
    for line in lines:
        assert _may_list(line) == bool(both.search(line)), line


def test_the_shared_marks_read_terms_numbers_and_notes() -> None:
    import re

    from kg.text.marks import NOTE_OPENING, NUMERAL, SESSION, THIS_SESSION

    for term in ("第十四届", "第3届", "第一百零一届"):
        assert re.fullmatch(SESSION, term)
    assert not re.fullmatch(SESSION, "第届")
    assert not re.fullmatch(SESSION, "第十二三四五届")  # longer than any term
    for term in ("新一届", "本届", "第二届"):
        assert re.fullmatch(THIS_SESSION, term)
    assert re.fullmatch(NUMERAL, "二〇") and not re.fullmatch(NUMERAL, "两")
    opening = re.compile(NOTE_OPENING)
    for note, rest in [("女，布依族，质检员", "质检员"), ("蒙古族、护士", "护士")]:
        assert note[opening.match(note).end() :] == rest
    assert opening.match("质检员").end() == 0
