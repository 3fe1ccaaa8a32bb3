"""Meta lines: bylines, sources, datelines and editor lines.

A meta line is a byline ``（记者 王 某 通讯员 李某）``, ``(曹某某)``,
``作者：某某``, ``文/某某``, ``记者 某某``, ``本报讯（记者 某某）``, possibly
naming the outlet first ``（某某日报记者 某某）``; a source ``来源：某某日报``;
a dateline ``2023年5月12日``; or an editor line ``责任编辑：某某``.
:func:`parse_meta_line` reads one, :func:`normalise_date` finds a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

_MAX_META = 80


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class MetaLine:
    """What a byline, source or date line says.

    ``source`` is what a ``来源：…`` says; ``outlet`` the organisation a byline
    prints before its names (``（某某日报记者 某某）``), a stand-in for the
    source when none is given.
    """

    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    source: str | None = None
    date: str | None = None
    outlet: str | None = None
    outlets: tuple[str, ...] = ()
    """Every outlet named before the first name (``工人日报-中工网记者 某某``
    names two); ``outlet`` is the first."""
    affiliation: str | None = None
    """The unit printed after the names: ``作者：某某（某某市总工会）``."""


# CJK unified ideographs with extensions A–H and compatibility ideographs: rare
# surnames such as 𬱖 lie outside the basic block.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# 本报讯、某某网讯、新华社北京6月8日电: the dispatch lead before a top byline.
_NO_PUNCT = r"[^\s。，！？；：,!?;:（）()]"
_LEAD = (
    rf"(?:{_NO_PUNCT}{{0,24}}?讯|{_NO_PUNCT}{{0,24}}?[日社网报]{_NO_PUNCT}{{0,8}}?电)"
)
# The lead may stand in brackets of its own: 【本报讯】（记者 某某）.
_LEAD_BRACKETED = rf"(?:{_LEAD}|[【\[]{_LEAD}[】\]])"
_BRACKETED = re.compile(rf"(?:{_LEAD_BRACKETED}\s*)?[(（【\[〔](.*)[)）】\]〕]")
_LEAD_ONLY = re.compile(rf"[【\[]{_LEAD}[】\]]\s*")
# A unit after the names of an unbracketed credit: 作者：某某（某某市总工会）.
_AFFILIATION = re.compile(r"(.*\S)\s*[(（]([^()（）]{2,30})[)）]")
_DATE = re.compile(
    r"(?:(?:发布|更新|出版)?(?:时间|日期)\s*[:：]?\s*)?"
    r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?"
)
_SOURCE = re.compile(
    r"(?:稿件来源|来源|稿源|出处)\s*[:：]\s*([^\s:：()（），,；;。]+)"
    r"(?:[，,；;。][^\s()（）]*)?"  # a note after it: （来源：某某日报，有删节）
)
_AUTHOR_ROLES = _words(
    "本报记者 本报通讯员 特约记者 见习记者 首席记者 摄影记者 融媒体记者 "
    "全媒体记者 融媒记者 全媒记者 新媒体记者 视觉记者 特派记者 主任记者 "
    "记者 通讯员 实习生 摄影 作者 撰文 撰稿 采访 采写 文字 文图 图文"
)
_EDITOR_ROLES = _words("责任编辑 值班编辑 责编 编辑 校对 审核 审校 编审")
# Markers standing after or before names: 王某 摄, 文/王某, 王某 报道.
_MARKERS = frozenset(_words("文 图 摄 报道 报导 综合报道 综合报导 供稿"))
# A dateline glued to its marker: 记者某某昆明报道, （记者 某某 苏州报道）.
_DATELINE = re.compile(rf"([{_HAN}]+?)(?:报道|报导)")
_ROLE_WORD = re.compile(
    "(" + "|".join(sorted(_AUTHOR_ROLES + _EDITOR_ROLES, key=len, reverse=True)) + ")"
)
_SEPARATORS = re.compile(r"[\s:：/／|｜、，,;；\-－–—]+")
_NAME = re.compile(rf"[{_HAN}]{{2,4}}|[{_HAN}]{{1,8}}(?:[·•‧・][{_HAN}]{{1,8}})+")
_NOT_NAMES = frozenset(
    _words(
        "待续 未完 未完待续 全文完 本文完 下同 同上 有删节 上图 下图 图片 资料图 "
        "资料图片 供图 本报讯 专稿 综合 整理 编译"
    )
)
# An outlet or organisation: 新华社、某某日报、某某区融媒体中心、某某区总工会.
_OUTLET = re.compile(
    rf"[{_HAN}A-Za-z0-9]{{2,20}}[社报网台站刊部局厅委办院会]"
    rf"|[{_HAN}A-Za-z0-9]{{1,20}}(?:中心|新闻|频道|杂志|客户端|公司|集团"
    r"|观察|在线|之声|视点|资讯)"
)
_SECTION = re.compile(rf"[{_HAN}]{{1,4}}版")
# A web page's own controls on its header line: 【字号：大 中 小】, 【打印】.
_PAGE_CONTROLS = re.compile(
    r"[【\[]\s*(?:字号|字体)\s*[：:]\s*大\s*中\s*小\s*[】\]]"
    r"|(?:字号|字体)\s*[：:]\s*大\s*中\s*小"
    r"|[【\[](?:打印|关闭|收藏|分享|打印本页|关闭窗口)[】\]]"
)


_DECORATION = re.compile(r"^\s*[□■◇◆○●◎★☆]+\s*")
"""A mark a layout puts before a byline: □ 本报记者 某某."""


class _Credits(NamedTuple):
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    outlets: tuple[str, ...]
    labelled: bool


def parse_meta_line(line: str) -> MetaLine | None:
    """Read a byline, source, date or editor line; ``None`` if it is none.

    The whole line must be made of what is recognised: role words
    (记者、通讯员、实习生、摄影、作者、文/图…), person names (2–4 Han
    characters, a space between surname and given name allowed, or a
    transliterated name with ``·``; no list of surnames), outlets and
    organisations (words ending in 社、报、网、台、中心、总工会…), ``来源：…``,
    a date, a dateline (``昆明报道``).  A byline may follow a dispatch lead
    (``本报讯``, ``【本报讯】``, ``新华社北京6月8日电``).  Without brackets the
    line needs a role word, a source or a date, so a bare name is not a byline;
    an outlet alone is none either.  The outlets named before any name are the
    ``outlets`` (``工人日报-中工网记者``), the first of them the ``outlet``; a
    unit in brackets after the names is their ``affiliation``.  Editors
    (责任编辑、编辑…) are kept apart from authors.
    """
    line = _DECORATION.sub("", _PAGE_CONTROLS.sub(" ", line)).strip()
    if not line or len(line) > _MAX_META:
        return None
    bracketed = _BRACKETED.fullmatch(line)
    affiliation = None
    if bracketed:
        rest = bracketed.group(1)
    else:
        lead = _LEAD_ONLY.match(line)
        rest = line[lead.end() :] if lead else line
        rest, affiliation = _take_affiliation(rest)
    date, rest = _take_date(rest)
    source, rest = _take_source(rest)
    credits = _credits(rest)
    if credits is None:
        return None
    authors, editors, outlets, labelled = credits
    if not (authors or editors or source or date):
        return None
    if not bracketed and not (labelled or source or date):
        return None
    if affiliation and not authors:
        return None
    outlet = outlets[0] if outlets else None
    return MetaLine(authors, editors, source, date, outlet, outlets, affiliation)


def _take_affiliation(text: str) -> tuple[str, str | None]:
    match = _AFFILIATION.fullmatch(text)
    if match is None or not _is_outlet(match.group(2)):
        return text, None
    return match.group(1), match.group(2)


def _take_date(text: str) -> tuple[str | None, str]:
    match = _DATE.search(text)
    if not match:
        return None, text
    date = _iso_date(*match.groups())
    if date is None:
        return None, text
    return date, text[: match.start()] + " " + text[match.end() :]


def _take_source(text: str) -> tuple[str | None, str]:
    match = _SOURCE.search(text)
    if not match:
        return None, text
    return match.group(1), text[: match.start()] + " " + text[match.end() :]


def _credits(text: str) -> _Credits | None:
    """Authors, editors, outlets and whether a role word was seen; ``None`` if junk."""
    tokens = [t for t in _SEPARATORS.split(_ROLE_WORD.sub(r" \1 ", text)) if t]
    authors: list[str] = []
    editors: list[str] = []
    outlets: list[str] = []
    run: list[str] = []
    target, labelled = authors, False
    for token in [*_datelines(tokens), ""]:
        is_role = token in _AUTHOR_ROLES or token in _EDITOR_ROLES
        if token and not is_role and token not in _MARKERS:
            run.append(token)
            continue
        for word in _merge_split_names(run):
            if _SECTION.fullmatch(word):
                continue  # 中国版, 要闻版: the page's section, no one's name
            if _is_outlet(word):
                if not (authors or editors):
                    outlets.append(word)
            elif not _is_name(word):
                return None
            elif word not in target:
                target.append(word)
        run = []
        if token:
            labelled = True
            target = editors if token in _EDITOR_ROLES else authors
    return _Credits(tuple(authors), tuple(editors), tuple(outlets), labelled)


def _datelines(tokens: list[str]) -> list[str]:
    """A dateline glued to its marker is dropped: ``苏州报道`` after a name;
    ``某某昆明报道`` read as a name and a two-character city, the way datelines
    name them (no gazetteer here: reading comes before extraction)."""
    out: list[str] = []
    for token in tokens:
        match = _DATELINE.fullmatch(token)
        if match is None or token in _MARKERS:
            out.append(token)
            continue
        head = match.group(1)
        after_name = bool(out) and _NAME.fullmatch(out[-1]) is not None
        if after_name and out[-1] not in _AUTHOR_ROLES:
            out.append("报道")  # 记者 某某 苏州报道
            continue
        if len(head) >= 4:
            head = head[:-2]  # 记者某某昆明报道
        out.extend((head, "报道"))
    return out


def _merge_split_names(tokens: list[str]) -> list[str]:
    """``王 某某`` → ``王某某``: a lone surname joins the next token."""
    names: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if len(token) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) <= 2:
            names.append(token + tokens[i + 1])
            i += 2
        else:
            names.append(token)
            i += 1
    return names


def _is_outlet(token: str) -> bool:
    return bool(_OUTLET.fullmatch(token)) and not token.startswith("据")


def _is_name(token: str) -> bool:
    return (
        bool(_NAME.fullmatch(token))
        and token not in _NOT_NAMES
        and not token.startswith("据")
    )


def normalise_date(text: str) -> str | None:
    """The first ``2023年5月12日``/``2023-05-12``/``2023/5/12`` in ``text``, ISO."""
    match = _DATE.search(text)
    return _iso_date(*match.groups()) if match else None


def _iso_date(year: str, month: str, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
