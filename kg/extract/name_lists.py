"""Name lists: who attended, who else came, who was honoured and where from.

Title chains (``副市长甲、乙``) are read by :mod:`kg.extract.posts` and
``市领导 甲、乙`` by :mod:`kg.extract.people`; this extractor reads the lists
the genre prints without a title before each name:

* after a phrase that announces attendees: ``出席会议的有：甲、乙、丙等``,
  ``出席会议的市领导有甲、乙``, ``参加活动的还有甲、乙``, ``交流团成员还有
  甲 乙 丙 等`` — people;
* before 同志: ``甲、乙同志出席`` — people; the leader of a delegation:
  ``以甲为团长的代表团一行``;
* honour lists, one person a line or one after another: ``张三（某某公司）``
  and ``某某公司 张三`` (``某某公司 张三　李四``: each) — a person, the unit
  as an organisation, and a post with no title (GUIDELINES, "Name lists": a
  person listed with a unit but no title is a person–organisation pair);
  ``焊装车间 张三``: the workshop of the company last named;
* lines of ``张三（女）　某某公司装配车间主任``, two or more: the posts of
  the title chain after the name, or the unit with no title;
* ``来自某某公司的(代表)张三``: a person–organisation pair.
"""

from __future__ import annotations

import re

from kg.extract import lexicon, list_headings, list_posts, names, roles
from kg.extract.base import Context, Found
from kg.model import Kind, Mention, Relation
from kg.text.lines import lines
from kg.text.marks import ETHNICITY, NOTE_OPENING, SEX
from kg.text.scan import Anchored

_ATTENDING = Anchored(
    r"(?:出席|参加|参与|列席|陪同)(?:会议|活动|仪式|大会|开幕式|闭幕式|典礼|考察|调研"
    r"|座谈会?|交流|参观|颁奖)?的[^，。；：:、\n]{0,6}?(?:还)?有"
    r"|(?:代表团|交流团|考察团|访问团)?(?:成员|随团人员)(?:还)?有"
    r"|随团的(?:还)?有",
    "出参列陪代交考访成随",
    near=("有", 13),  # 出席开幕式 的 six more 还 有: 有 at most 13 on
)
# After the announcing phrase: a note in brackets, a colon, a line break.
_LEAD_IN = re.compile(r"(?:[（(][^（）()\n]{1,20}[)）])?[：:]?\s*")
_NAME_THEN_UNIT = re.compile(r"[（(]([^（）()\n]{2,40})[)）]")
_UNIT_THEN_NAME = re.compile(r"([^\s（）()，。、；：:]{3,40}?)[ \u3000]+")
_ITEM_END = frozenset("\n、，,；;")
_COMRADE = re.compile("同志")
_PSEUDONYM = re.compile(r"[（(]化名[)）]")
"""陈某某（化名）: the name a report gives a person it does not identify."""
_NO_NAME = ("女士", "先生", "师傅", "某")
_COUNTED = re.compile(r"等[\d一二三四五六七八九十百]+(?:名|人|位)")
_SO_MANY = re.compile(r"(?:两|二|三|四|五|六|七|八|九|十|几)位")
"""甲、乙两位副县长: names, then how many they are."""
# 以甲为团长、乙为副团长的代表团: the leaders of a delegation (a title before
# a name is read by posts).
_DELEGATION = re.compile(
    r"以[^，。；\n]{2,60}?为(?:副)?(?:团长|组长|领队)的[^，。；\n]{0,16}?"
    r"(?:代表团|考察团|交流团|访问团|工作组|调研组)"
)
_LEADS = re.compile(r"以|、")
_CLAUSE_BREAK = frozenset("，,。；;：:、！？!? \u3000\n“”")
# A line, and the list after a short lead that ends in a colon (获奖名单：……).
_LINE = re.compile(r"([^\n：:]{1,20}[：:])?([^\n]+)")
# An honour list has a unit in brackets or set off by a space.
_BRACKETED = re.compile(r"[（(][^（）()]{2,40}[)）]")
_SPACED = re.compile(r"\S[ \u3000]+\S")
_LIST_AT_LEAST = 2
"""Items in a row that make a line an honour list though words follow; and
``姓名　单位职务`` lines that make a list."""
_PERSON_NOTE = re.compile(f"[（(]{SEX}?[，,、]?(?:{ETHNICITY})?[)）]")
"""（女）, （男，回族）, （满族）: a note after a listed name."""
_NOTE_OPENING = re.compile(NOTE_OPENING)
"""女，布依族，某某公司质检员: the note that may open the brackets after a
listed name, before the unit."""


def _after_note(text: str, start: int, end: int) -> int:
    """Where the unit starts in brackets that open at ``start``."""
    note = _NOTE_OPENING.match(text, start, end)
    return note.end() if note and note.end() < end else start


_TRAILING = frozenset(" \u3000\t；;，,。")


def extract(ctx: Context) -> Found:
    mentions: list[Mention] = []
    relations: list[Relation] = []
    text = ctx.doc.text
    taken = {m.start for m in ctx.of_kind(Kind.PERSON)}
    for match in _ATTENDING.finditer(text):
        start = _LEAD_IN.match(text, match.end())
        at = start.end() if start else match.end()
        for named in names.read_name_list(text, at, strict=True):
            if named.start not in taken:
                mentions.append(list_posts.person(text, named))
    for match in _DELEGATION.finditer(text):
        for lead in _LEADS.finditer(text, match.start(), match.end()):
            leader = names.read_one(text, lead.end(), strict=True)
            if leader is None or not text.startswith("为", leader.end):
                continue
            if leader.start not in taken:
                mentions.append(list_posts.person(text, leader))
    for match in _COMRADE.finditer(text):
        for named in _names_before(text, match.start()):
            if named.start not in taken:
                mentions.append(list_posts.person(text, named))
    for match in _PSEUDONYM.finditer(text):
        pseudonym = _name_that_ends(text, match.start())
        if pseudonym is None or pseudonym.name.endswith(_NO_NAME):
            continue  # 李女士（化名）: no name
        if pseudonym.start not in taken:
            mentions.append(list_posts.person(text, pseudonym))
    for match in _COUNTED.finditer(text):  # 来自某区的甲、乙、丙等13名职工
        counted = _names_before(text, match.start(), _CLAUSE_BREAK | {"的"})
        for named in counted if len(counted) >= _LIST_AT_LEAST else ():
            if named.start not in taken:
                mentions.append(list_posts.person(text, named))
    for match in _SO_MANY.finditer(text):  # 甲、乙两位副县长
        counted = _names_before(text, match.start())
        for named in counted if len(counted) >= _LIST_AT_LEAST else ():
            if named.start not in taken:
                mentions.append(list_posts.person(text, named))
                relations.extend(list_posts.bare_title(ctx, named, match.end()))
    listed: set[int] = set()
    titled: list[list_posts.Titled] = []
    for line_start, line_end in lines(text):
        if not _may_list(text[line_start:line_end]):
            continue
        line = _LINE.match(text, line_start, line_end)
        if line is None:  # never: a line holds a character or more
            continue
        opening = line.start(2) if line.group(1) else line.start()
        items = _items(ctx, opening, line.end())
        for item in items:
            listed.add(item[0].start)
            list_posts.unit_post(ctx, *item, mentions, relations)
        led = (
            []
            if items
            else list_headings.lead_titles(
                ctx, line_start, line_end, mentions, relations
            )
        )
        listed.update(named.start for named in led)
        if not items and not led:
            found = _name_then_spaced_unit(ctx, line_start, line_end)
            titled.extend([found] if found else [])
    if len(titled) >= _LIST_AT_LEAST:
        listed.update(entry[0].start for entry in titled)
        list_headings.titled_lines(ctx, titled, mentions, relations)
    bracketed, titled_inline = _in_brackets(ctx)
    for item in (*bracketed, *_after_units(ctx)):
        if item[0].start not in listed:
            listed.add(item[0].start)
            list_posts.unit_post(ctx, *item, mentions, relations)
    for entry in titled_inline:
        if entry[0].start not in listed:
            listed.add(entry[0].start)
            list_posts.titled_posts(ctx, entry, mentions, relations)
    return Found(mentions=tuple(mentions), relations=tuple(relations))


def _may_list(line: str) -> bool:
    """Does ``line`` hold a unit in brackets or words set off by a space?
    (Two searches, each only when its bracket or space is there at all: one
    regex of both tries the second at every character.)"""
    if ("（" in line or "(" in line) and _BRACKETED.search(line):
        return True
    return (" " in line or "\u3000" in line) and _SPACED.search(line) is not None


# Where an inline list item may start: after a list mark or a word that
# announces a list (包括甲（某某公司）、乙（某某厂）等; 是：甲（…）).
_ITEM_OPENS = (*"、，,：:；;\n", "包括", "是", "有", "为", "如下", "以及", "和")
_UNIT_IN_BRACKETS = re.compile(f"[（(]{NOTE_OPENING}([^（）()\\n，。、]{{3,40}})[)）]")
"""（某某公司）, （女，某某医院护士长）: the unit or the chain after a name."""


def _in_brackets(
    ctx: Context,
) -> tuple[list[tuple[names.Named, int, int]], list[list_posts.Titled]]:
    """Honour lists inside a sentence, a unit in brackets after each name:
    入选者包括甲（某某公司）、乙（某某公司）等, 获奖职工是：丙（某某厂） — a person
    and a unit with no title (GUIDELINES, "Name lists"); and 获评的有：甲（某某公司
    工会主席）、乙（某某区总工会副主席） — the posts of the title chain that fills
    the brackets."""
    text = ctx.doc.text
    units: list[tuple[names.Named, int, int]] = []
    titled: list[list_posts.Titled] = []
    for unit in _UNIT_IN_BRACKETS.finditer(text):
        named = _name_ending(text, unit.start())
        if named is None:
            continue
        if list_posts.is_unit(unit.group(1)):
            units.append((named, unit.start(1), unit.end(1)))
            continue
        chain = list_posts.filling_chain(ctx, unit.start(1), unit.end(1))
        if chain is not None:
            titled.append((named, unit.start(1), unit.end(1), chain))
    return units, titled


def _after_units(ctx: Context) -> list[tuple[names.Named, int, int]]:
    """某某公司的甲、某某厂的乙等, 来自某公司的代表甲: a person and the unit
    before the name, with no title."""
    text = ctx.doc.text
    items = []
    for org in ctx.of_kind(Kind.ORGANIZATION):
        if not text.startswith("的", org.end):
            continue
        if text.startswith("来自", org.start - 2):  # 来自某公司的代表甲
            came = _came_from(text, org.end + 1)
            if came is not None:
                items.append((came, org.start, org.end))
                continue
        named = names.read_one(text, org.end + 1, strict=True)
        if named is None or text[named.end : named.end + 1] not in ("、", "等"):
            continue
        if org.start == 0 or text[org.start - 1] in _CLAUSE_BREAK:
            items.append((named, org.start, org.end))
    return items


def _came_from(text: str, start: int) -> names.Named | None:
    """The one person after 来自某公司的: 甲, or 代表甲, 职工代表甲 (a word that
    introduces a person first), followed by what follows a name."""
    for word in ("", *_INTRODUCING):
        if text.startswith(word, start):
            named = names.read_one(text, start + len(word), strict=not word)
            if named is not None and not text.startswith(("、", "等"), named.end):
                return named
    return None


_INTRODUCING = tuple(sorted(lexicon.INTRODUCERS | {"职工代表"}, key=len, reverse=True))


def _name_ending(text: str, end: int) -> names.Named | None:
    """The list item's name that ends at ``end``: 、张伟（, 包括欧阳晓峰（."""
    for size in (4, 3, 2):
        start = end - size
        if start < 0 or not text[:start].endswith(_ITEM_OPENS):
            continue
        named = names.read_one(text, start, strict=True)
        if named is not None and named.end == end:
            return named
    return None


def _names_before(
    text: str, end: int, openers: frozenset[str] = _CLAUSE_BREAK
) -> list[names.Named]:
    """甲、乙同志: the names that end where 同志 starts, back along 、, after
    one of ``openers``."""
    found: list[names.Named] = []
    while True:
        named = _name_that_ends(text, end)
        if named is None:
            break
        found.insert(0, named)
        if named.start == 0 or text[named.start - 1] != "、":
            break
        end = named.start - 1
    opening = found[0].start if found else 0
    if opening > 0 and text[opening - 1] not in openers:
        return []  # 有关部门负责同志: a word before, not a name
    return found


def _name_that_ends(text: str, end: int) -> names.Named | None:
    """The name that ends at ``end``: a dotted one from its item's start
    (……、帕提古丽·吐尔洪等10人; not its last part, 哈斯木), else one of two to
    four characters."""
    start = end
    while start > max(0, end - _DOTTED_AT_MOST) and text[start - 1] not in _BREAKS:
        start -= 1
    if names.DOTS.intersection(text[start:end]):
        named = names.read_one(text, start, strict=True)
        return named if named is not None and named.end == end else None
    for size in (4, 3, 2):
        if end - size >= 0:
            named = names.read_one(text, end - size, strict=True)
            if named is not None and named.end == end:
                return named
    return None


_DOTTED_AT_MOST = 16
_BREAKS = _CLAUSE_BREAK | {"的"}


def _items(ctx: Context, start: int, end: int) -> list[tuple[names.Named, int, int]]:
    """Each (person, unit start, unit end) of a line that is an honour list:
    ``甲（某某公司）``, ``某某公司 甲``, several joined by 、 or ；; a line
    with other words after two items or more keeps them (某某公司 甲、某某厂
    乙，以及……)."""
    text = ctx.doc.text
    items: list[tuple[names.Named, int, int]] = []
    position = _skip_space(text, start, end)
    while position < end:
        item = _name_then_unit(text, position) or _unit_then_name(text, position)
        if item is None:
            return items if len(items) >= _LIST_AT_LEAST else []
        named, unit_start, unit_end, item_end = item
        items.append((named, unit_start, unit_end))
        position = _skip_space(text, item_end, end)
        while unit_end < named.start and position < end:  # 某某公司 甲　乙
            more = names.read_one(text, position, strict=True)
            if more is None or not _item_ends(text, more.end):
                break
            items.append((more, unit_start, unit_end))
            position = _skip_space(text, more.end, end)
        if position < end and text[position] in _ITEM_END:
            position = _skip_space(text, position + 1, end)
    return items


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position] in " \u3000\t":
        position += 1
    return position


def _name_then_unit(text: str, start: int) -> tuple[names.Named, int, int, int] | None:
    named = names.read_one(text, start, strict=True)
    if named is None:
        return None
    unit = _NAME_THEN_UNIT.match(text, named.end)
    if unit is None:
        return None
    unit_start = _after_note(text, unit.start(1), unit.end(1))
    if not list_posts.is_unit(text[unit_start : unit.end(1)]):
        return None
    return named, unit_start, unit.end(1), unit.end()


def _unit_then_name(text: str, start: int) -> tuple[names.Named, int, int, int] | None:
    unit = _UNIT_THEN_NAME.match(text, start)
    if unit is None or not list_posts.is_unit(unit.group(1)):
        return None
    named = names.read_one(text, unit.end(), strict=True)
    if named is None or not _item_ends(text, named.end):
        return None
    return named, unit.start(1), unit.end(1), named.end


def _name_then_spaced_unit(
    ctx: Context, start: int, end: int
) -> list_posts.Titled | None:
    """A line ``姓名　单位职务`` or ``姓名（单位职务）`` (a note such as （女）
    may follow the name): the person and where the unit and titles stand,
    when they are a title chain that fills the rest of the line or a unit on
    its own."""
    text = ctx.doc.text
    opening = _skip_space(text, start, end)
    named = names.read_one(text, opening, strict=True)
    unlisted = _unlisted(text, opening)
    if unlisted is not None and (named is None or named.end < unlisted.end):
        named = unlisted
    if named is None:
        return None
    named = _up_to_ethnicity(text, named)
    note = _PERSON_NOTE.match(text, named.end, end)
    at = note.end() if note else named.end
    unit_start = _skip_space(text, at, end)
    unit_end = end
    while unit_end > unit_start and text[unit_end - 1] in _TRAILING:
        unit_end -= 1
    bracketed = _WHOLE_BRACKET.fullmatch(text, at, unit_end)
    if bracketed is not None:
        unit_start, unit_end = bracketed.span(1)
        unit_start = _after_note(text, unit_start, unit_end)
    elif unit_start == at:
        return None  # no space after the name
    if unit_end - unit_start >= 3:
        chain = list_posts.filling_chain(ctx, unit_start, unit_end)
        if (
            chain is not None
            or list_posts.is_unit(text[unit_start:unit_end])
            or list_posts.unit_and_word(ctx, unit_start, unit_end) is not None
        ):
            return named, unit_start, unit_end, chain
    spans = roles.role_spans(text[unit_start:unit_end])
    if spans and spans[-1][1] == unit_end - unit_start:
        return named, unit_start, unit_end, None  # 甲　站长: a title, no body
    return None


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_WHOLE_BRACKET = re.compile(r"[（(]([^（）()\n]{3,40})[)）]")
"""The rest of a line in brackets: （某某公司车间主任）."""


_ETHNICITY = re.compile(f"[（(](?:{SEX}[，,、])?{ETHNICITY}[)）]")


def _up_to_ethnicity(text: str, named: names.Named) -> names.Named:
    """沙马拉则（彝族）: a name read short (沙马拉) runs to a note that gives
    the person's ethnicity, a character or two on."""
    note = _ETHNICITY.search(text, named.end, named.end + 12)
    if note is None or not 0 < note.start() - named.end <= 2:
        return named
    if note.start() - named.start > 6:
        return named
    if not _HAN_ONLY.fullmatch(text, named.start, note.start()):
        return named
    return names.Named(named.start, note.start(), text[named.start : note.start()])


def _unlisted(text: str, start: int) -> names.Named | None:
    """A name no surname list knows (次仁旺堆, 尕藏才让) opening a line of an
    honour list, right before the brackets of its unit: the line's shape
    stands for the title that announces such a name elsewhere."""
    named = names.read_unlisted(text, start)
    if named is None or text[named.end : named.end + 1] not in ("（", "("):
        return None
    return named


def _item_ends(text: str, end: int) -> bool:
    return end == len(text) or text[end] in _ITEM_END or text[end] in " \u3000\t"
