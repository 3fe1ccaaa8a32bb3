"""People named outside title chains: bylines, 习近平总书记, 某某表示, 市领导某某.

Title chains (江阴市总工会主席张忠) are read by :mod:`kg.extract.posts`; this
extractor adds the other places the genre names people:

* bylines, from the segmenter (``Document.authors``), giving ``author``;
* a name before a national title: ``习近平总书记`` (post with no
  organisation) and the short form ``习总书记`` as an alias of that person;
* a tagged personal name before a speech verb: ``某某表示``/``说``/``指出``;
* a list after ``领导``: ``市领导张某、李某出席``.
"""

from __future__ import annotations

import re

from kg.extract import lexicon, name_shapes, names, roles
from kg.extract.base import Context, Found
from kg.model import Evidence, Kind, Mention, Relation, RelKind, entity_key
from kg.text.literals import Literals
from kg.text.scan import Anchored
from kg.text.segmenter import tag

_HIGH = "|".join(sorted(lexicon.HIGH_TITLES, key=len, reverse=True))
_BEFORE_TITLE = Anchored(
    rf"(?:同志)?(?:{_HIGH})",
    "同" + "".join(t[0] for t in lexicon.HIGH_TITLES),
    near=(tuple(sorted(lexicon.HIGH_TITLES)), len("同志")),
)
_SPEECH = re.compile(r"表示|说|指出|强调|介绍|认为|坦言|谈到")
_LEADERS = Anchored(r"[省市县区镇]?领导", "省市县区镇领")
_DESCRIBERS = lexicon.INTRODUCERS - lexicon.PROFESSIONAL_ROLES
_DESCRIBED = Literals(_DESCRIBERS)
_PERSON_NOUN = re.compile(r"(?<=[\u4e00-\u9fff])(?:员|生|艺人|传承人|手|匠)")
"""How nouns of people end (客房服务员, 应届毕业生, 石雕艺人, 农机手): one
before a name introduces it as a descriptor does."""
_NOT_PERSON_NOUNS = frozenset(
    "动员 发生 产生 出生 民生 卫生 人生 携手 联手 出手 着手 入手 动手 高手".split()
)
"""Words with those endings that are no noun of people (动员, 携手 are verbs)."""
_NAME_FLAGS = ("nr",)
_CLAUSE_OPENERS = frozenset("，,。；;：:！？!?“”\n 　")
_SPEAKER_OPENERS = _CLAUSE_OPENERS | {"的"}
"""What may stand before a speaker's name: 三年级的甲说."""
# Surnames that are far more often adverbs after a noun (职工都能, 员工还说).
_ADVERBS = frozenset("都还也就又再才共同和向于将把被给从应但常")
# The title chain that ends where a name starts (no clause break inside).
_CHAIN_BEFORE = re.compile(r"[^，,。；;：:！？!?“”\n]{1,40}$")


def extract(ctx: Context) -> Found:
    mentions: list[Mention] = []
    relations: list[Relation] = []
    _bylines(ctx, mentions, relations)
    _titled(ctx, mentions, relations)
    _speakers(ctx, mentions)
    _leaders(ctx, mentions)
    _addressed(ctx, mentions)
    return Found(mentions=tuple(mentions), relations=tuple(relations))


def _person(start: int, end: int, text: str, name: str | None = None) -> Mention:
    return Mention(Kind.PERSON, start, end, text, name or text)


def _bylines(ctx: Context, mentions: list[Mention], relations: list[Relation]) -> None:
    doc = ctx.doc
    span = doc.byline
    line = doc.text[span.start : span.end] if span else ""
    evidence = (
        Evidence(doc.id, doc.original[span.start : span.end].strip()) if span else None
    )
    for author in doc.authors:
        where = line.find(author[:1]) if line else -1
        start = span.start + max(where, 0) if span else 0
        mentions.append(_person(start, start + len(author), author))
        relations.append(
            Relation(
                RelKind.AUTHOR,
                doc.id,
                entity_key(Kind.PERSON, author),
                evidence=evidence or ctx.evidence(0),
            )
        )


def _titled(ctx: Context, mentions: list[Mention], relations: list[Relation]) -> None:
    """习近平总书记 (a person, a title, no organisation) and 习总书记 after it."""
    text = ctx.doc.text
    full: dict[tuple[str, str], str] = {}
    for match in _BEFORE_TITLE.finditer(text):
        title = match.group().removeprefix("同志")
        start = _tagged_name_before(text, match.start())
        if start is not None:
            name = text[start : match.start()]
            full.setdefault((name[0], title), name)
            mentions.append(_person(start, match.start(), name))
            relations.append(
                Relation(
                    RelKind.POST,
                    entity_key(Kind.PERSON, name),
                    None,
                    roles=(title,),
                    evidence=ctx.evidence(match.start()),
                )
            )
    for match in _BEFORE_TITLE.finditer(text):
        title = match.group()
        surname = text[match.start() - 1 : match.start()]
        known = full.get((surname, title))
        if known and text[match.start() - len(known) : match.start()] != known:
            mentions.append(
                _person(match.start() - 1, match.end(), surname + title, known)
            )


def _tagged_name_before(text: str, end: int) -> int | None:
    """Start of a personal name (tagged nr by jieba) that ends at ``end``."""
    window_start = max(0, end - 6)
    sizes = range(2, min(4, end - window_start) + 1)
    if not any(name_shapes.plausible(text[end - size : end]) for size in sizes):
        return None  # no name could end here, whatever the tagger says (quick)
    words = tag(text[window_start:end])
    if not words:
        return None
    word, flag = words[-1]
    if not flag.startswith(_NAME_FLAGS) or not name_shapes.plausible(word):
        return None
    return end - len(word)


def _may_open_clause(text: str, end: int) -> bool:
    """Could a name of two to four characters that opens a clause end at
    ``end`` (a surname right after a clause break or 的)?"""
    for size in (2, 3, 4):
        start = end - size
        if start < 0:
            break
        opens = start == 0 or text[start - 1] in _SPEAKER_OPENERS
        if opens and name_shapes.surname_length(text[start:end]):
            return True
    return False


def _speakers(ctx: Context, mentions: list[Mention]) -> None:
    text = ctx.doc.text
    taken = {(m.start, m.end) for m in ctx.of_kind(Kind.PERSON)}
    for match in _SPEECH.finditer(text):
        if not _may_open_clause(text, match.start()):
            continue  # no tagging where no name could stand
        start = _tagged_name_before(text, match.start())
        if start is None or (start, match.start()) in taken:
            continue
        if start > 0 and text[start - 1] not in _SPEAKER_OPENERS:
            continue
        mentions.append(_person(start, match.start(), text[start : match.start()]))


def _leaders(ctx: Context, mentions: list[Mention]) -> None:
    """Names after 市领导 or a descriptor: 环卫工人白某某, 快递小哥祁某某,
    客房服务员王某某."""
    text = ctx.doc.text
    taken = {m.start for m in (*ctx.of_kind(Kind.PERSON), *mentions)}
    leads = [match.span() for match in _LEADERS.finditer(text)]
    byline = ctx.doc.byline
    nouns = {
        match.span()
        for match in _PERSON_NOUN.finditer(text)
        if text[match.start() - 1 : match.end()] not in _NOT_PERSON_NOUNS
        and name_shapes.surname_length(text[match.end() : match.end() + 2])
    }
    spans = (*leads, *_DESCRIBED.spans(text), *sorted(nouns))
    opening = {start for start, _ in spans}
    for lead_start, lead_end in spans:
        if lead_end in taken or lead_end in opening or _title_at(text, lead_end):
            continue  # 青年|技师|甲: the name follows the last descriptor or title
        if byline is not None and byline.start <= lead_start < byline.end:
            continue  # 记者 某某 综合报道: the byline's names are its authors
        strict = not text[lead_start:lead_end].endswith("领导")
        found = names.read_name_list(text, lead_end, strict=strict)
        if not found and not strict:  # 市领导洛桑旺堆、周某: a first name no
            found = _unlisted_first(text, lead_end)  # surname list holds
        if found and text[found[0].start] in _ADVERBS:
            continue  # 职工们都能……: an adverb, not the surname 都
        after = text[found[0].end : found[0].end + 1] if found else ""
        if len(found) == 1 and (lead_start, lead_end) in nouns and after in _ADVERBS:
            continue  # 护边员那仁满|都拉: a name no surname list holds
        for start, end, name in found:
            mentions.append(_person(start, end, text[start:end], name))
            taken.add(start)  # 网格员甲: a descriptor and a noun of people


def _title_at(text: str, start: int) -> bool:
    """Whether a title opens at ``start`` (its name is read after it)."""
    return any(at == 0 for at, _ in roles.role_spans(text[start : start + 6]))


_NOT_A_NAME_START = frozenset("有是为和与及的在对向把被从到由等将也还")


def _unlisted_first(text: str, start: int) -> list[names.Named]:
    """A list after 领导 that opens with a name no surname list holds."""
    first = names.read_unlisted(text, start)
    if first is None or text[first.end : first.end + 1] != "、":
        return []
    if text[first.start] in _NOT_A_NAME_START:
        return []  # 市领导有秦某、…: a verb before a listed name
    rest = names.read_name_list(text, first.end + 1)
    return [first, *rest] if rest else []


def _addressed(ctx: Context, mentions: list[Mention]) -> None:
    """王书记, 钱主席: a surname and title standing for the one person of the
    article with that surname who holds that title."""
    text = ctx.doc.text
    holders: dict[tuple[str, str], set[str]] = {}
    for person in (*ctx.of_kind(Kind.PERSON), *mentions):
        before = _chain_before(text, person.start)
        for start, end in roles.role_spans(before):
            title = _short_title(before[start:end])
            holders.setdefault((person.name[0], title), set()).add(person.name)
    taken = {(m.start, m.end) for m in (*ctx.of_kind(Kind.PERSON), *mentions)}
    for (surname, title), people in sorted(holders.items()):
        if len(people) != 1 or len(surname + title) < 3:
            continue
        (name,) = people
        address = surname + title
        at = text.find(address)
        while at >= 0:
            span = (at, at + len(address))
            if span not in taken and not text.startswith(name, at):
                mentions.append(_person(*span, address, name))
            at = text.find(address, at + len(address))


def _chain_before(text: str, end: int) -> str:
    """What ``_CHAIN_BEFORE.search(text, end - 40, end)`` finds ("" if it
    finds nothing), walked back from ``end`` instead of tried from every
    offset: up to 40 characters with no clause break, before ``end`` or
    before a line break that ends ``text[:end]`` (where ``$`` matches too)."""
    low = max(0, end - 40)
    if end > low and text[end - 1] == "\n":
        end -= 1
    start = end
    while start > low and text[start - 1] not in _CLAUSE_BREAKS:
        start -= 1
    return text[start:end]


_CLAUSE_BREAKS = frozenset("，,。；;：:！？!?“”\n")


def _short_title(title: str) -> str:
    """How a title is used in address: 党组书记 → 书记, 常务副主席 → 主席."""
    bare = title.removeprefix("常务").removeprefix("副").removeprefix("执行")
    return bare[-2:] if len(bare) > 2 else bare
