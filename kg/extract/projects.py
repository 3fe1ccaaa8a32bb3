"""Named projects and numbered plans written without quotes or title marks.

* A construction project is named by its place and what it builds:
  ``郑州航空港经济综合实验区智能终端产业园建设项目``, ``翠亨新区建设项目``,
  ``某区某镇保障性住房项目``.  The name runs from the last boundary before
  ``建设项目``/``项目`` (的, 、, 和, a clause break, or the verb that governs
  it: 依托, 推进) and must hold a place; ``重点项目``, ``协作项目`` are kinds of
  project, not names.
* A numbered contest (``第五届职工职业技能大赛``) is named without marks.
* A numbered five-year plan (``十四五规划``, ``第十四个五年规划纲要``) is the
  plan of the place or body written right before it (江西省“十四五”规划), of
  the home city for 全市, else of the article's home place, so that one
  city's plan is not another's: :func:`plan_name`; so is a practice named
  ``一X一Y`` (一镇一品).
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.base import Context, Found
from kg.extract.gazetteer import Gazetteer
from kg.extract.org_names import CLAUSE_BREAK, FUNCTION_CHARS
from kg.model import Kind, Mention
from kg.text.segmenter import plain_tag

_PROJECT = re.compile(r"建设项目|项目(?![部组办])")
_NOMINAL_BOUNDARY = set("的、和与及了")
_LEAD_FLAGS = ("v", "d", "p", "t", "c", "u", "r", "f", "m", "q", "ad")
_INNER_STOPS = ("p", "r", "u", "c", "y", "e", "f")
_MAX_NAME = 30
_MIN_BODY = 4
_NUMBERED_PLAN = re.compile(
    r"(?:“|「)?(十[一二三四五六七八九]五)(?:”|」)?((?:发展)?规划(?:纲要)?)"
)
_PLAN_NAME = re.compile(r"^十[一二三四五六七八九]五(?:发展)?规划(?:纲要)?$|^一.一.$")
_WHOLE = ("全市", "全区", "全县", "全州", "全省", "我市", "本市")
_NATIONAL = ("国家", "全国", "我国")


def extract(ctx: Context) -> Found:
    taken = [(m.start, m.end) for m in ctx.of_kind(Kind.INITIATIVE)]
    found = [
        m
        for m in (
            *(_projects(ctx) if "项目" in ctx.doc.text else ()),
            *(_plans(ctx) if "五" in ctx.doc.text else ()),
            *(_contests(ctx) if "届" in ctx.doc.text else ()),
        )
        if not any(m.start < end and start < m.end for start, end in taken)
        and m.start >= ctx.doc.body_start
    ]
    return Found(mentions=tuple(found))


def _projects(ctx: Context) -> list[Mention]:
    text = ctx.doc.text
    out: list[Mention] = []
    for match in _PROJECT.finditer(text):
        start = _project_start(ctx, match.start())
        if start is None:
            continue
        name = text[start : match.end()]
        out.append(
            Mention(Kind.INITIATIVE, start, match.end(), name, name, "Programme")
        )
    return out


def _project_start(ctx: Context, end: int) -> int | None:
    """Where the project's name starts, if it holds a place."""
    text = ctx.doc.text
    start = end
    while start > 0 and end - start < _MAX_NAME:
        char = text[start - 1]
        if char in CLAUSE_BREAK or char in _NOMINAL_BOUNDARY:
            break
        start -= 1
    words = list(plain_tag(text[start:end]))
    while words and (
        words[0][1].startswith(_LEAD_FLAGS)
        or words[0][0] in lexicon.GENERIC_HEADS
        or words[0][0] in lexicon.VERBS_TAGGED_AS_NOUNS
    ):
        start += len(words.pop(0)[0])
    body = "".join(word for word, _ in words).removesuffix("建设")
    if len(body) < _MIN_BODY or any(w in lexicon.GENERIC_HEADS for w, _ in words):
        return None
    if any(w in lexicon.PROJECT_KINDS for w, _ in words):
        return None  # 西藏在建重点项目: a kind of project
    if any(
        flag.startswith(_INNER_STOPS) or w == "是" or w.endswith(("个", "批", "些"))
        for w, flag in words
    ):
        return None  # 在某赛上夺得首个某某项目, 这个项目: a clause, not a name
    if any(m.end == end and start <= m.start for m in ctx.of_kind(Kind.ORGANIZATION)):
        return None  # 某某有限公司项目: the firm's projects
    return start if _holds_place(ctx, words, start, end) else None


def _holds_place(
    ctx: Context, words: list[tuple[str, str]], start: int, end: int
) -> bool:
    if any(
        start <= m.start < end and m.code
        for m in ctx.of_kind(Kind.DISTRICT)
        if m.text not in _WHOLE
    ):
        return True
    gaz = Gazetteer.default()
    return any(
        flag.startswith("ns") or (len(word) > 1 and gaz.lookup(word))
        for word, flag in words
    )


_CONTEST = re.compile(
    r"第[一二三四五六七八九十]{1,3}届[\u4e00-\u9fff]{2,12}?(?:大赛|竞赛|技能赛|运动会)"
)


def _contests(ctx: Context) -> list[Mention]:
    """第五届职工职业技能大赛: a numbered contest is named even without marks,
    with the place or body written right before it (德清县第三届…大赛 is the
    county's contest, not one the county launched)."""
    text = ctx.doc.text
    out = []
    for m in _CONTEST.finditer(text):
        if any(c in FUNCTION_CHARS for c in m.group()[3:]):
            continue
        owners = [
            o
            for o in (*ctx.of_kind(Kind.ORGANIZATION), *ctx.of_kind(Kind.DISTRICT))
            if o.end == m.start() and o.text not in _WHOLE
        ]
        start = min((o.start for o in owners), default=m.start())
        name = text[start : m.end()]
        out.append(Mention(Kind.INITIATIVE, start, m.end(), name, name, "Campaign"))
    return out


def _plans(ctx: Context) -> list[Mention]:
    """十四五规划 written without quotes or title marks."""
    text = ctx.doc.text
    out: list[Mention] = []
    for match in _NUMBERED_PLAN.finditer(text):
        if text[match.start() : match.start() + 1] in "“「":
            continue  # quoted: the initiatives extractor reads it
        name = match.group(1) + match.group(2)
        out.append(
            Mention(
                Kind.INITIATIVE,
                match.start(),
                match.end(),
                match.group(),
                plan_name(ctx, match.start(), name),
                "Policy",
            )
        )
    return out


def plan_name(ctx: Context, start: int, name: str) -> str:
    """十四五规划 as the plan of the place or body written right before it,
    else of the home place: 江西省十四五规划, 某市十四五规划.  A practice named
    一X一Y (一镇一品) is named likewise: every county has its own."""
    if not _PLAN_NAME.match(name):
        return name
    text = ctx.doc.text
    before = text[max(0, start - 4) : start]
    if before.endswith(_NATIONAL):
        return "国家" + name
    owners = [
        m
        for m in (*ctx.of_kind(Kind.ORGANIZATION), *ctx.of_kind(Kind.DISTRICT))
        if m.end == start and m.text not in _WHOLE
    ]
    if owners:
        return max(owners, key=lambda m: m.end - m.start).name + name
    title = _titled_plan(text, name) if name.startswith("十") else None
    if title is not None:
        return title + name
    if ctx.home:
        return Gazetteer.default().get(ctx.home).name + name
    return name


_TITLED_PLAN = re.compile(
    r"《([\u4e00-\u9fff]{2,12}?)国民经济和社会发展第十([一二三四五六七八九])个五年规划"
)


def _titled_plan(text: str, name: str) -> str | None:
    """The place whose plan the article gives in full (《某县国民经济和社会发展
    第十四个五年规划…纲要》): “十四五”规划 elsewhere in it is that plan."""
    for match in _TITLED_PLAN.finditer(text):
        if name[1] == match.group(2):
            return match.group(1)
    return None
