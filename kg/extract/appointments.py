"""Appointments and removals: who was given or relieved of which post.

Title chains before a name are read by :mod:`kg.extract.posts`; this
extractor reads the posts that a verb confers or takes away, with the same
chain parser (:func:`kg.extract.chains.parse_chain`) for what follows the verb:

* verb, names, 为, post: ``任命甲为某某局局长``, ``决定乙为代理县长``,
  ``选举``/``补选``/``增补``/``聘任``…, ``免去丙的某某局局长职务``;
* names, verb, post: ``甲当选为主席``, ``乙、丙任集团党委委员``, ``丁辞去某某
  职务``, ``戊不再担任某某职务``, ``己曾任……；现任……``;
* ``某某职务一职由庚兼任``; ``当选常务委员的有：甲 乙 丙``.

Posts conferred are marked :attr:`Change.BEGAN`, posts taken away or told as
past (免去, 辞去, 不再担任, 曾任, 此前任, 任…以来) :attr:`Change.ENDED`
(CONTRACT.md, "Time"); 现任 and 担任 are simply held.  A verb with no name
before it continues the person of the sentence (``甲不再担任某职务，转任某职``),
``其`` is that person, and a résumé (``甲简历：……曾任……``) speaks of its
person.  A post with no organisation of its own is in the body the sentence
named last (``补选甲为委员``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract import chains, dates, names, roles
from kg.extract.appointees import CLAUSE_BREAK, DATED, PRONOUN, people_at, subject
from kg.extract.base import Context, Found
from kg.extract.electing_bodies import electing_body, meeting_body
from kg.extract.gazetteer import Gazetteer
from kg.model import Change, Kind, Mention, Relation
from kg.text.marks import THIS_SESSION
from kg.text.scan import Anchored

# Verbs before the names: 任命甲为……, 免去甲的……职务.
_VERB_FIRST = {
    "决定任命": Change.BEGAN,
    "提请任命": Change.BEGAN,
    "任命": Change.BEGAN,
    "委任": Change.BEGAN,
    "续任": Change.BEGAN,
    "决定": Change.BEGAN,
    "选举": Change.BEGAN,
    "补选": Change.BEGAN,
    "递补": Change.BEGAN,
    "增补": Change.BEGAN,
    "增选": Change.BEGAN,
    "推选": Change.BEGAN,
    "聘任": Change.BEGAN,
    "聘请": Change.BEGAN,
    "免去": Change.ENDED,
    "解聘": Change.ENDED,
    "撤销": Change.ENDED,
}
# Verbs after the names: 甲当选为……, 乙辞去……职务, 丙任……
_VERB_AFTER: dict[str, Change | None] = {
    "当选为": Change.BEGAN,
    "当选": Change.BEGAN,
    "出任": Change.BEGAN,
    "转任": Change.BEGAN,
    "接任": Change.BEGAN,
    "升任": Change.BEGAN,
    "调任": Change.BEGAN,
    "就任": Change.BEGAN,
    "新任": Change.BEGAN,
    "起任": Change.BEGAN,  # 2021年9月起任……: began then, held since
    "任": Change.BEGAN,
    "现任": None,
    "已任": None,
    "担任": None,
    "兼任": None,
    "连任": None,
    "辞去": Change.ENDED,
    "不再担任": Change.ENDED,
    "不再兼任": Change.ENDED,
    "曾任": Change.ENDED,
    "此前任": Change.ENDED,
    "原任": Change.ENDED,
    "历任": Change.ENDED,
    "是": None,
    "系": None,  # 甲系某某公司副总经理: is
}
_CAREER = frozenset(("曾任", "此前任", "历任", "现任"))
_PAST = frozenset(("原任", "已任"))
"""Verbs that tell a post, not a decision that changes it."""
_COPULAS = frozenset(("是", "系"))
"""甲是某某公司车间主任, 甲系某某公司副总经理: a post told, read only when
the post names its body (甲是我们的好班长 is praise, not a post)."""
_LEAD_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚间?)?[，,]")
_LEAD_OPENING = re.compile(
    r"\s*(?:[【\[]?[^，。（(\s]{0,8}?讯[】\]]?\s*(?:[（(][^）)]*[）)])?\s*)?"
)
"""Verbs that may list several posts, clause after clause."""


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_VERB_FIRST_RE = re.compile(_alternation(_VERB_FIRST))
_VERB_AFTER_RE = re.compile(_alternation(_VERB_AFTER))
_NOTE = re.compile(r"[（(][^（）()\n]{1,12}[)）]")
"""A note in brackets: on a person (甲（女，回族）为) or on a post
(副主任（试用期一年）)."""
_PERSON_NOTE = r"[（(][^（）()\n]{1,30}[)）]"
_JOINT = {
    Change.BEGAN: re.compile(f"(?:{_PERSON_NOTE})?(?:同志)?(?:等)?为"),
    Change.ENDED: re.compile(f"(?:{_PERSON_NOTE})?(?:同志)?(?:等)?的?"),
}
"""What stands between a verb's names and the post: 任命甲为……, 免去甲的……,
选举甲、乙等为副主任, 任命丙（女，回族）为……, 丁（某某局四级主任科员）为……."""
_BY = Anchored(r"(?:一职)?由", "一由")
_BY_VERB = re.compile(r"(?:兼任|担任|出任|接任)")
_ELECTED_LIST = re.compile(r"当选(?:为)?")
_LIST_LEAD = re.compile(r"的(?:还)?有(?:[（(][^（）()\n]{1,20}[)）])?[：:]?\s*")
_LIST_OPENING = re.compile(r"[：:]?[ \u3000]*\n?[ \u3000]*")
"""After a verb that opens a list of pairs: 决定任命：(line break)."""
_TITLED_LIST = re.compile(
    r"(委员|常务委员|常委|理事|常务理事|执委)(?:[（(][^（）()\n]{1,12}[)）])?[：:]"
    r"[ \u3000]*\n[ \u3000]*"
)
"""A heading that ends in a members' title and a colon, the names below it."""
_SESSION = re.compile(rf"\s*{THIS_SESSION}?")
_FULL_STOP = "。！？!?\n"
_STOPS = re.compile(f"[{_FULL_STOP}]")
_ENDING = re.compile(r"(?:的)?(?:职务|一职)")
_SINCE = re.compile(r"以来|期间")
_NOT_A_POST = re.compile(r"候选人|人选|提名")
_PROPOSED = re.compile(r"拟|提名|推荐")
# Characters before 任 that make it part of a word, not the verb.
_NOT_BEFORE_REN = frozenset(
    "主责信担现曾兼出转接升调就新历原留连续离卸继前首专聘委选常"
)
# Characters after 任 that make it part of a word (任命, 任务, 任职).
_REN_WORDS = frozenset("命务职期")


@dataclass
class _Reading:
    """What the extractor keeps while it reads one document."""

    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    subject: dict[int, list[names.Named]] = field(default_factory=dict)
    """The people the latest appointment of each full sentence spoke of."""
    body: dict[int, Mention] = field(default_factory=dict)
    """The organisation the latest post of each full sentence was in."""
    skipped: list[tuple[int, int]] = field(default_factory=list)
    """Notes a list of pairs a line stepped over (甲系……), read afterwards."""


def extract(ctx: Context) -> Found:
    text = ctx.doc.text
    reading = _Reading()
    stops = [m.start() for m in _STOPS.finditer(text)]
    events = sorted(
        [(m.start(), m, True) for m in _VERB_FIRST_RE.finditer(text)]
        + [(m.start(), m, False) for m in _VERB_AFTER_RE.finditer(text)],
        key=lambda event: (event[0], -len(event[1].group())),
    )
    done = -1
    for start, match, first in events:
        if start < done:
            continue
        sentence = bisect_right(stops, start)
        read = (_verb_first if first else _verb_after)(ctx, match, sentence, reading)
        done = read if read is not None else done
    for start, match, first in events:
        if not first and any(a <= start < b for a, b in reading.skipped):
            _verb_after(ctx, match, bisect_right(stops, start), reading)
    for match in _BY.finditer(text):
        _held_by(ctx, match, bisect_right(stops, match.start()), reading)
    for match in _ELECTED_LIST.finditer(text):
        _elected_list(ctx, match, bisect_right(stops, match.start()), reading)
    for match in _TITLED_LIST.finditer(text):
        _titled_list(ctx, match, bisect_right(stops, match.start()), reading)
    return Found(mentions=tuple(reading.mentions), relations=tuple(reading.relations))


def _verb_first(
    ctx: Context, match: re.Match[str], sentence: int, reading: _Reading
) -> int | None:
    """任命甲、乙为某某, 免去丙的某某职务; 聘任甲为某、乙为某 (several pairs)."""
    text = ctx.doc.text
    verb = match.group()
    change = _VERB_FIRST[verb]
    opening = _LIST_OPENING.match(text, match.end())  # 决定任命：\n甲为……
    position = opening.end() if opening else match.end()
    lined = "\n" in text[match.end() : position]  # a pair a line below the verb
    if lined:  # 一、任命\n1. 甲为……
        position = _item_end(text, position)
    end = None
    while True:
        people = people_at(ctx, position, reading.subject.get(sentence, []))
        if not people and lined and end is not None:
            position = _next_line(text, end)  # ……（挂职），自某月起。甲系……；
            reading.skipped.append((end, position))
            people = people_at(ctx, position, reading.subject.get(sentence, []))
        if not people:
            return end
        joint = _JOINT[change].match(text, people[-1].end)
        if (
            end is not None
            and change is Change.ENDED
            and joint is not None
            and not joint[0].endswith("的")
        ):
            return end  # ……职务；(line break) 乙同志任……: no pair of 免去
        chain_end = _post_end(text, joint.end()) if joint else None
        if joint is None or chain_end is None:
            line_end = text.find("\n", position) if lined and end is not None else -1
            if line_end < 0:
                return end
            reading.skipped.append((position, line_end))  # 甲（某职）兼任某职；
            end, position = line_end, _next_line(text, line_end)
            continue
        _confer(ctx, people, joint.end(), chain_end, change, sentence, reading)
        end = chain_end
        following = _next_pair(text, chain_end)
        if following is None and not lined:
            return end
        position = following if following is not None else chain_end


def _verb_after(
    ctx: Context, match: re.Match[str], sentence: int, reading: _Reading
) -> int | None:
    """甲当选为主席, 乙、丙任集团党委委员, 丁辞去某某职务, 戊曾任……；现任……"""
    text = ctx.doc.text
    verb = match.group()
    change = _VERB_AFTER[verb]
    if verb == "任" and text[match.start() - 1 : match.start()] in _NOT_BEFORE_REN:
        return None  # 主任, 责任, 信任 …
    if verb == "起任" and text[match.end() : match.end() + 1] in _REN_WORDS:
        return None  # 起任命, 起任职: 任 opens a word
    if _post_end(text, match.end()) is None:
        described = _described(text, match.end()) if verb in _ELECTED else None
        if described is None:
            return None
        named, post_end = described  # 刚当选为县总工会主席的甲
        _confer(ctx, named, match.end(), post_end, change, sentence, reading)
        return post_end
    if verb in _COPULAS and not _names_body(ctx, match.end()):
        return None
    people = subject(ctx, match.start(), reading.subject.get(sentence, []), verb)
    if not people:
        return None
    position = match.end()
    end = None
    while True:
        chain_end = _post_end(text, position)
        if chain_end is None:
            return end
        since = _SINCE.match(text, chain_end)
        ended = Change.ENDED if since else change
        told = verb in _CAREER or verb in _PAST or verb in _COPULAS or since is not None
        _confer(
            ctx, people, position, chain_end, ended, sentence, reading, decided=not told
        )
        end = chain_end
        if verb not in _CAREER or text[chain_end : chain_end + 1] not in "，,、":
            return end
        position = chain_end + 1
        dated = DATED.match(text, position)
        if _VERB_AFTER_RE.match(text, dated.end() if dated else position) or (
            _PROPOSED.match(text, position)
        ):
            return end  # ……，(2023年5月起)任……: the next verb reads on; 拟任 is no post


_ELECTED = frozenset(("当选为", "当选", "新任", "出任", "接任", "升任", "调任"))
"""Verbs of a post that begins, which may describe the person after 的."""


def _described(text: str, start: int) -> tuple[list[names.Named], int] | None:
    """刚刚当选为县总工会主席的甲（苗族）: the person a post that begins
    describes, named after 的; and where the post ends."""
    stop = _clause_end(text, start, 40)
    for _, end in roles.role_spans(text[start:stop]):
        if text.startswith("的", start + end):
            named = names.read_name_list(text, start + end + 1, strict=True)[:1]
            return (named, start + end) if named else None
    return None


def _names_body(ctx: Context, start: int) -> bool:
    """The post that starts at ``start`` names an organisation."""
    text = ctx.doc.text
    end = _post_end(text, start)
    if end is not None and text.startswith(_STANDING_FOR_COMPANY, start):
        return True  # 甲是公司数控铣工: the company the article speaks of
    return end is not None and any(
        start <= org.start and org.end <= end for org in ctx.of_kind(Kind.ORGANIZATION)
    )


_STANDING_FOR_COMPANY = ("公司", "集团", "该公司", "该集团", "本公司")


def _held_by(
    ctx: Context, match: re.Match[str], sentence: int, reading: _Reading
) -> None:
    """某某公司董事会主席一职由甲兼任, 经费审查委员会主任由乙担任."""
    text = ctx.doc.text
    window = text[max(0, match.start() - 8) : match.start()]
    spans = roles.role_spans(window)
    if not spans or spans[-1][1] != len(window):
        return  # a title must end where 由 starts
    people = names.read_name_list(text, match.end(), strict=True)
    if not people or not _BY_VERB.match(text, people[-1].end):
        return
    _confer(ctx, people, 0, match.start(), None, sentence, reading, whole=True)


def _elected_list(
    ctx: Context, match: re.Match[str], sentence: int, reading: _Reading
) -> None:
    """当选市总工会常务委员的有（按姓氏笔画为序）：甲 乙 丙."""
    text = ctx.doc.text
    lead = _LIST_LEAD.search(text, match.end(), match.end() + 40)
    if lead is None or any(c in CLAUSE_BREAK for c in text[match.end() : lead.start()]):
        return
    people = names.read_name_list(text, lead.end())
    if people and roles.role_spans(text[match.end() : lead.start()]):
        _confer(ctx, people, match.end(), lead.start(), Change.BEGAN, sentence, reading)


def _titled_list(
    ctx: Context, match: re.Match[str], sentence: int, reading: _Reading
) -> None:
    """某某总工会第十五届委员会委员（按姓氏笔画为序）：(line break) 甲　乙　丙:
    the members a heading names, each a post of the body it names."""
    text = ctx.doc.text
    people = names.read_name_list(text, match.end())
    if len(people) < 2:
        return
    line = text.rfind("\n", 0, match.start()) + 1
    session = _SESSION.match(text, line)  # 新一届公司党委委员: the company's
    start = session.end() if session else line
    _confer(ctx, people, start, match.end(1), None, sentence, reading)


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause from ``start`` ends, at most ``limit`` characters on."""
    stop = start
    while stop < len(text) and text[stop] not in CLAUSE_BREAK and stop - start < limit:
        stop += 1
    return stop


def _post_end(text: str, start: int) -> int | None:
    """Where the post after a verb ends: the last title before the clause
    ends, 职务, or the next pair (、乙为…); ``None`` if no title ends there or
    it is a nomination (……县长候选人)."""
    stop = _clause_end(text, start, 60)
    window = text[start:stop]
    pair = re.search(r"、(?=[^、]{1,4}?为)", window)
    if pair is not None and names.read_one(text, start + pair.end()) is not None:
        stop, window = start + pair.start(), window[: pair.start()]
    ending = None
    for match in _ENDING.finditer(window):
        ending = match
        break
    if ending is not None:
        stop, window = start + ending.start(), window[: ending.start()]
    spans = roles.role_spans(window)
    if not spans:
        return None
    end = start + spans[-1][1]
    if _NOT_A_POST.match(text, end):
        return None
    note = _NOTE.match(text, end)  # 副主任（试用期一年）: a note on the post
    if note is not None and note.end() == stop:
        return end
    if text[end : end + 1] in ("（", "(") and _LONG_NOTE.match(text, end):
        return end  # 副局长（挂职，挂职期两年，原单位：某局）: a longer note
    if end != stop and not _SINCE.match(text, end) and text[end : end + 1] != "后":
        return None
    return end


_LONG_NOTE = re.compile(r"[（(][^（）()\n]{1,60}[)）][；;。，,]?(?:\n|$)")
"""A note in brackets that ends the line of a list."""
_ITEM = re.compile(r"(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）])[ \u3000]*")
"""The number of an item that opens a line of a list (1. 甲为……；)."""


def _item_end(text: str, position: int) -> int:
    item = _ITEM.match(text, position)
    return position if item is None else item.end()


def _next_line(text: str, position: int) -> int:
    """Where the next line's pair starts: its text after blanks and a number."""
    end = text.find("\n", position)
    if end < 0:
        return len(text)
    while text[end : end + 1] in ("\n", " ", "\u3000"):
        end += 1
    return _item_end(text, end)


def _next_pair(text: str, end: int) -> int | None:
    """聘任甲为总工程师、乙为总经理助理; 选举甲为主任，乙、丙等为副主任; a list
    of pairs one a line (决定任命：\n甲为……；\n乙为……。): where the next pair
    may start (the caller reads names and 为 there, else stops)."""
    if text.startswith("职务", end):  # 免去甲的某某局局长职务；(line break) 乙的……
        end += 2
    note = _NOTE.match(text, end)  # ……副院长（试用期一年）；……职务（退休）；
    if note is not None:
        end = note.end()
    if text[end : end + 1] not in ("、", "，", ",", "；", ";"):
        return None
    position = end + 1
    while text[position : position + 1] in ("\n", " ", "\u3000"):
        position += 1
    if "\n" in text[end:position]:  # ……；\n2. 乙为……
        position = _item_end(text, position)
    if _VERB_FIRST_RE.match(text, position):
        return None  # ……职务；任命乙为……: the next verb reads its own pairs
    return position


def _confer(
    ctx: Context,
    people: list[names.Named],
    start: int,
    end: int,
    change: Change | None,
    sentence: int,
    reading: _Reading,
    *,
    whole: bool = False,
    decided: bool = True,
) -> None:
    """The posts of the chain ``[start, end)`` for every person of ``people``;
    a decision (not a career told) is dated by the article's lead when its
    sentence gives no date."""
    text = ctx.doc.text
    reading.subject[sentence] = people
    for person in people:
        surface = text[person.start : person.end]
        if person.end > person.start and surface != PRONOUN:
            reading.mentions.append(
                Mention(Kind.PERSON, person.start, person.end, surface, person.name)
            )
    floor = 0 if whole else start
    evidence = ctx.evidence(end - 1)
    inherited = reading.body.get(sentence)
    if inherited is None:
        inherited = meeting_body(ctx, start) or electing_body(ctx, start)
        if inherited is not None:
            reading.mentions.append(inherited)
            if inherited.place:
                home = Gazetteer.default().get(inherited.place)
                reading.relations.append(chains.located(inherited, home, evidence))
    chain = chains.parse_chain(ctx, end, inherited=inherited, floor=floor)
    if chain is None or not chain.posts:
        return
    for body, place in chain.new_orgs:
        reading.mentions.append(body)
        if place is not None:
            reading.relations.append(chains.located(body, place, evidence))
    for org, _, _ in chain.posts:
        if org is not None:
            reading.body[sentence] = org
    date = _event_date(ctx, start, decided=decided)
    for person in people:
        reading.relations.extend(
            chains.post_relations(person.name, chain, evidence, change, date)
        )


def _event_date(ctx: Context, at: int, *, decided: bool) -> str | None:
    """When the text says a post changed: a date in the sentence before
    ``at``; for a decision, else the date its paragraph or the article's lead
    opens with (``1月18日，某某县人大常委会会议召开……会议决定任命……``)."""
    text = ctx.doc.text
    sentence = ctx.sentence_at(at)
    found = dates.last_date(text, sentence.start, at, ctx.doc.date)
    if found is None and decided:
        paragraph = text.rfind("\n", 0, at) + 1
        found = dates.opening_date(text, paragraph, ctx.doc.date)
        found = found or _lead_date(ctx)
    return found


def _lead_date(ctx: Context) -> str | None:
    """The date the article's first paragraph opens with (本报讯 may precede)."""
    text = ctx.doc.text
    for line in text[ctx.doc.body_start :].split("\n", 4)[:4]:
        opening = _LEAD_OPENING.match(line)
        start = opening.end() if opening else 0
        if _LEAD_DATE.match(line, start):
            return dates.opening_date(line, start, ctx.doc.date)
    return None
