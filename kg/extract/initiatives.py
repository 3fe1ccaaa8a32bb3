"""Initiatives: named policies, programmes, campaigns, mechanisms, alliances.

Three sources, most reliable first (gold/GUIDELINES.md, *Initiative*):

1. Titles in 《…》 that end like a document (办法, 方案, 意见 …) are policies;
   newspapers (《工人日报》) and report titles (以《…》为题) are not.
2. Quoted names “…”.  A quote directly followed by a head word joins it
   (“关爱·圆梦”工程 → 关爱·圆梦工程, 职工“三创”星级示范岗 → 三创星级示范岗);
   a quote standing alone is kept unless a small classifier calls it a
   slogan, a figure of speech, quoted speech, an honour or a bare label
   (“娘家人”, “双胜利”, “遍地开花”, “联盟”).
3. Unquoted names ending in a head word (产改联席会议制度, 张三工作法),
   only right after a verb that sets something up (建立, 出台, 实施 …).

Mention offsets cover the marks: ``text`` is the surface as written, quotes
and all; ``name`` drops them.  Nothing is read in the headline area (before
``Document.body_start``) or on Markdown heading lines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import replace

from kg.extract import lexicon
from kg.extract.base import Context, Found
from kg.extract.projects import plan_name
from kg.model import Kind, Mention
from kg.text.scan import Anchored
from kg.text.segmenter import plain_tag

_CJK = r"\u4e00-\u9fff"

# -- head words -------------------------------------------------------------

_POLICY_HEADS = (
    "实施细则", "办法", "方案", "意见", "措施", "规定", "条例", "制度", "细则",
    "通知", "决定", "纲要", "准则", "指引", "指南", "规划", "公约", "守则",
    "章程", "清单", "决议", "倡议书", "要点", "法", "协议", "合同", "备忘录",
    "协定", "议定书",
)  # fmt: skip
_CAMPAIGN_HEADS = (
    "行动", "活动", "竞赛", "大赛", "评选", "评定", "选评", "评比", "比武",
    "擂台赛", "技能赛",
)  # fmt: skip
_PROGRAMME_HEADS = (
    "工程", "项目", "品牌", "计划", "课堂", "讲堂", "服务", "工作法", "示范岗",
    "模式", "平台", "体系", "驿站", "突击队", "服务队", "宣讲团", "之家",
)  # fmt: skip
_SUBTYPES = (
    ("Mechanism", ("机制",)),
    ("Alliance", ("联盟",)),
    ("Policy", _POLICY_HEADS),
    ("Campaign", _CAMPAIGN_HEADS),
)

# Head words that may follow a quote directly (“X”工程) ...
_DIRECT_HEADS = (
    *(h for h in _POLICY_HEADS if h != "法"),
    *_CAMPAIGN_HEADS,
    *_PROGRAMME_HEADS,
    "机制",
    "联盟",
)
# A head word followed by one of these is part of a longer noun (活动中心).
_NOT_AFTER_HEAD = r"(?!中心|室|站|阵地|场所|员|者|费|经费)"
# ... and those that may end a longer tail (“四互五共”沟通联系机制).
_TAIL_HEADS = (
    "机制", "联盟", "工程", "行动", "活动", "项目", "品牌", "计划", "方案",
    "制度", "工作法", "示范岗", "竞赛", "大赛", "评选", "选评", "评定", "规划",
    "突击队", "服务队", "宣讲团", "课堂", "讲堂",
)  # fmt: skip
# A tail starting with one of these describes the quoted name instead of
# extending it: “车间课堂”特色服务活动 is the programme 车间课堂.
_DESCRIPTORS = ("特色", "系列", "主题", "品牌", "等", "这", "该")
# Characters that never occur inside a tail between a quote and its head.
_TAIL_STOP = set("的了在是为和与及或等将把被")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


_DIRECT_RE = re.compile(
    rf"(?:\d+年|[一二三四五六七八九十百]年)?(?:{_alternation(_DIRECT_HEADS)}){_NOT_AFTER_HEAD}"
)
_TAIL_RE = re.compile(
    rf"((?:[{_CJK}0-9A-Za-z·]|“[^“”\n]{{1,3}}”){{1,8}}?)(?:{_alternation(_TAIL_HEADS)}){_NOT_AFTER_HEAD}"
)
_QUOTE_RE = re.compile(r"[“「『]([^“”「」『』\n]{1,80})[”」』]")
_FROM_QUOTE_RE = re.compile(r"[由从][“「『][^“”「」『』]{1,10}[”」』]$")
_TITLE_RE = re.compile(r"《([^《》\n]{1,80})》")

# -- context words ----------------------------------------------------------

_MEDIA_ENDS = (
    "报", "日报", "晚报", "时报", "杂志", "网", "周刊", "月刊", "画报", "频道",
    "电视台", "新闻", "客户端", "专刊",
)  # fmt: skip
_REPORT_AFTER = ("为题", "一文", "文章", "报道", "栏目", "专栏", "节目", "一书", "一节")
_SPEECH_BEFORE = (
    "说", "道", "称", "表示", "指出", "强调", "写道", "认为", "那句", "这句", "一句",
    "告诉记者", "介绍",
)  # fmt: skip
_SPEECH_AFTER = (
    "说", "表示", "指出", "强调", "认为", "介绍", "告诉", "坦言", "感慨", "笑着",
    "这句", "的话", "道",
)  # fmt: skip
_SLOGAN_BEFORE = (
    "做好", "当好", "争当", "争做", "甘当", "甘做", "成为", "实现", "夺取", "确保",
    "做到", "争取", "打赢", "赢得", "成了", "誉为", "称为", "堪称", "号称", "化身",
    "变成", "唱响", "叫响", "弘扬", "践行", "树立", "牢记", "坚持", "做", "当",
    "接过", "扛起", "传好", "拿到", "让", "使",
)  # fmt: skip
_HONOUR_BEFORE = ("荣获", "获得", "获评", "评为", "授予", "荣膺", "获", "入选", "入围")
_HONOUR_AFTER = ("称号", "荣誉", "奖章", "奖状", "殊荣", "奖", "之称", "美誉", "岗位")
_HONOUR_ENDS = ("奖章", "奖状", "勋章", "称号")
"""A quoted honour (『劳动奖章』): no initiative; its activity may be one."""
# “大学校”作用, “风向标”意义: a figure of what something does.
_FIGURE_AFTER = ("作用", "角色", "意义", "效应")
_FIGURE_ENDS = tuple("人者兵军雁员手匠星娘哥姐嫂妈叔车口桥")
_ABSTRACT_ENDS = (
    "精神", "理念", "经验", "思想", "意识", "作风", "情怀", "力量", "氛围", "热潮",
    "效应", "现象", "难题", "问题", "短板", "瓶颈", "痛点", "堵点", "难点", "红利",
    "底线", "红线", "高地", "名片", "窗口", "引擎", "标杆", "样板", "典范", "榜样",
    "一公里", "心声",
)  # fmt: skip
_LABEL_ENDS = ("型", "式", "化", "性")
# Negation, degree and particles make a quote a phrase, not a name.
_PHRASE_CHARS = set("不没都最很之的了吗呢吧我你他她们啥么—？?")
_COUNTED = re.compile(
    r"零|[一二两三四五六七八九十几]+[份个次张条件项场批句]|[\d百千万亿]+[百千万亿]"
)
_BLOOM_ENDS = ("开花", "出彩", "结果", "生根", "落地", "见效", "发力", "用力", "突破")
_SENTENCE_PUNCT = set("，。！？,!?；;：:、…")
_SENTENCE_FINAL = tuple("了吗呢吧啊呀哦啦嘛")
_NUMERALS = set("0123456789一二三四五六七八九十百千万两")
_MAX_PLAIN = 25

# Verbs that set something up, and so may open an unquoted name.
_ESTABLISH = (
    "建立", "出台", "制定", "印发", "颁布", "实施", "推出", "推行", "推广", "启动",
    "成立", "组建", "创建", "首创", "探索", "发起", "举办", "承办", "打造",
    "开展", "实行", "设立",
)  # fmt: skip
# Any verb; none may occur inside an unquoted name.
_VERBS = (
    *_ESTABLISH, "健全", "完善", "推进", "深化", "加强", "强化", "落实", "构建",
    "发挥", "参与", "参加", "形成", "按照", "依据", "围绕", "宣布", "举行", "召开",
)  # fmt: skip
_UNQUOTED_HEADS = (
    "联席会议制度", "工作法", "联盟", "工程", "大赛", "竞赛", "制度", "机制", "行动",
)  # fmt: skip
_GENERIC = (
    "和", "与", "及", "或", "等", "、", "的", "各", "并", "仪式", "相关", "有关",
    "一系列", "这", "该", "此", "其", "多项", "若干", "工作", "管理", "长效", "常态",
)  # fmt: skip
_UNQUOTED_RE = Anchored(
    rf"(?:{_alternation(_ESTABLISH)})[了起]?"
    rf"((?:(?!{_alternation(_VERBS)})[{_CJK}0-9A-Za-z·]){{3,12}}?"
    rf"(?:{_alternation(_UNQUOTED_HEADS)}))",
    "".join(verb[0] for verb in _ESTABLISH),
    near=(_UNQUOTED_HEADS, 2 + 1 + 12),  # a verb, 了 or 起, 3 to 12 characters
)

_log = logging.getLogger(__name__)


def extract(ctx: Context) -> Found:
    """Initiative mentions in the body of ``ctx.doc``, in text order."""
    text = ctx.doc.text
    skip = _skipped_zones(text, ctx.doc.body_start)
    found: list[Mention] = []
    for mention in _title_mentions(text):
        if not _inside(mention.start, skip):
            found.append(mention)
    titles = [match.span() for match in _TITLE_RE.finditer(text)]
    taken = titles + skip
    persons = {m.name for m in ctx.of_kind(Kind.PERSON)}
    found += _quote_mentions(text, taken, persons)
    taken = [(m.start, m.end) for m in found] + skip
    found += _unquoted_mentions(text, taken)
    found.sort(key=lambda m: (m.start, m.end))
    found = [_local(ctx, m) for m in found]
    return Found(mentions=tuple(found))


def _local(ctx: Context, mention: Mention) -> Mention:
    """A numbered plan or 一X一Y practice, named as the place's own."""
    name = plan_name(ctx, mention.start, mention.name)
    return mention if name == mention.name else replace(mention, name=name)


# -- zones ------------------------------------------------------------------


def _skipped_zones(text: str, body_start: int) -> list[tuple[int, int]]:
    """The headline area and Markdown heading lines: report titles, not names."""
    zones = [(0, body_start)] if body_start > 0 else []
    for line in re.finditer(r"^[ \t]*#[^\n]*", text, flags=re.MULTILINE):
        zones.append((line.start(), line.end()))
    return zones


def _inside(offset: int, zones: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in zones)


def _overlaps(start: int, end: int, zones: list[tuple[int, int]]) -> bool:
    return any(start < z_end and z_start < end for z_start, z_end in zones)


def _mention(text: str, start: int, end: int, name: str) -> Mention:
    return Mention(
        kind=Kind.INITIATIVE,
        start=start,
        end=end,
        text=text[start:end],
        name=name,
        subtype=_subtype(name),
    )


def _subtype(name: str) -> str:
    """Policy, Mechanism, Alliance, Campaign or Programme, from the head word."""
    for subtype, heads in _SUBTYPES:
        if name.endswith(heads):
            return subtype
    return "Programme"


def _clean(name: str) -> str:
    """The name without quote marks and white space."""
    return re.sub(r"[“”「」『』‘’\"'\s]", "", name)


# -- 《…》 titles -------------------------------------------------------------


def _title_mentions(text: str) -> Iterator[Mention]:
    for match in _TITLE_RE.finditer(text):
        name = _clean(match.group(1))
        if _is_document_title(text, match, name):
            yield Mention(
                kind=Kind.INITIATIVE,
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                name=name,
                subtype="Policy",
            )


def _is_document_title(text: str, match: re.Match[str], name: str) -> bool:
    """A policy document, not a newspaper, an article or a book."""
    after = text[match.end() : match.end() + 4]
    if name.endswith(_MEDIA_ENDS) or after.startswith(_REPORT_AFTER):
        return False
    bare = re.sub(r"[(（][^()（）]*[)）]$", "", name)  # (试行), (2021—2025年)
    if _ISSUED.search(text[max(0, match.start() - 4) : match.start()]):
        return True  # 出台《某区关爱服务十条》: what is issued is a document
    return (
        bare.startswith("关于")
        or bare.endswith((*_POLICY_HEADS, "机制", "工程", "行动", "计划", "政策"))
        or _NUMBERED_ARTICLES.search(bare) is not None
    )


_ISSUED = re.compile(r"(?:出台|印发|制定|颁布|修订|下发|公布)了?$")
_NUMBERED_ARTICLES = re.compile(r"[一二三四五六七八九十百]+条$")
"""关爱服务十条, 稳就业二十条: a policy named by its count of articles."""


# -- “…” quotes -------------------------------------------------------------


def _quote_mentions(
    text: str, taken: list[tuple[int, int]], persons: set[str]
) -> list[Mention]:
    quotes = [
        (match, _head_tail(text, match.end()))
        for match in _QUOTE_RE.finditer(text)
        if not _overlaps(match.start(), match.end(), taken)
    ]
    cores = _cores(quotes)
    found: list[Mention] = []
    for match, tail in quotes:
        if found and match.start() < found[-1].end:
            continue  # a short quote already swallowed by a tail
        inner = _clean(match.group(1))
        if not tail and inner in cores and not _is_speech(text, match, inner):
            found.append(_mention(text, match.start(), match.end(), cores[inner]))
            continue
        mention = _quote_mention(text, match, tail, persons)
        if mention is not None:
            found.append(mention)
    return found


def _cores(quotes: list[tuple[re.Match[str], str]]) -> dict[str, str]:
    """Quoted cores of joined names: “三创” alone later means 三创星级示范岗."""
    cores: dict[str, str] = {}
    for match, tail in quotes:
        inner = _clean(match.group(1))
        if tail and inner not in _DIRECT_HEADS:
            cores.setdefault(inner, inner + _clean(tail))
    return cores


def _quote_mention(
    text: str, match: re.Match[str], tail: str, persons: set[str]
) -> Mention | None:
    inner = match.group(1).strip()
    if not inner or inner in _DIRECT_HEADS or inner in persons:
        return None  # 以“联盟”树品牌: a bare head word is a label
    if inner in lexicon.COLLECTIVE_BODIES:
        return None  # “一府两院”: several bodies, no initiative
    if _is_speech(text, match, inner) or _is_honour(text, match):
        return None
    bare = _clean(inner)
    if tail in _COMMON_HEADS and _is_plain_label(text, match, inner):
        return None  # “一站式”服务, “娘家人”服务: a label before a common noun
    if tail == "品牌" and bare.endswith(_DIRECT_HEADS):
        tail = ""  # “委员讲堂”品牌: the brand is the programme itself
    if tail:
        end = match.end() + len(tail)
        return _mention(text, match.start(), end, _clean(inner + tail))
    if _is_plain_label(text, match, inner):
        return None
    return _mention(text, match.start(), match.end(), bare)


def _head_tail(text: str, offset: int) -> str:
    """What follows a quote up to its head word (“X”工程, “X”沟通联系机制)."""
    window = text[offset : offset + 20]
    direct = _DIRECT_RE.match(window)
    if direct:
        return _compound_head(window, direct.group(0))
    if window.startswith(_DESCRIPTORS):
        return ""
    tail = _TAIL_RE.match(window)
    if not tail or _TAIL_STOP & set(_clean(tail.group(1))):
        return ""
    return _compound_head(window, tail.group(0))


def _compound_head(window: str, head: str) -> str:
    """Extend a head by a second one directly after it (行动 + 方案)."""
    rest = _DIRECT_RE.match(window, len(head))
    if rest and not re.match(r"\d|[一二三四五六七八九十百]年", rest.group(0)):
        return head + rest.group(0)
    return head


def _is_speech(text: str, match: re.Match[str], inner: str) -> bool:
    """A quoted sentence: punctuation inside, or a verb of saying around."""
    if _SENTENCE_PUNCT & set(inner) and not inner.endswith(_POLICY_HEADS):
        return True
    if len(inner) > _MAX_PLAIN and not inner.endswith(_DIRECT_HEADS):
        return True
    if inner.endswith(_SENTENCE_FINAL) and len(inner) >= 4:
        return True
    before = text[max(0, match.start() - 4) : match.start()].rstrip()
    after = text[match.end() : match.end() + 4]
    return before.endswith(("：", ":")) or _says(before, after)


def _says(before: str, after: str) -> bool:
    return before.endswith(_SPEECH_BEFORE) or after.startswith(_SPEECH_AFTER)


def _is_honour(text: str, match: re.Match[str]) -> bool:
    """An award or title: 荣获“全国工人先锋号”称号."""
    before = text[max(0, match.start() - 4) : match.start()]
    after = text[match.end() : match.end() + 4]
    after = re.sub(r"^(?:荣誉|等)", "", after) if after.startswith("等") else after
    if _clean(match.group(1)).endswith(_HONOUR_ENDS):
        return True
    return before.endswith(_HONOUR_BEFORE) or after.startswith(_HONOUR_AFTER)


def _is_plain_label(text: str, match: re.Match[str], inner: str) -> bool:
    """A quote with no head word that reads as a label, slogan or figure."""
    bare = inner.replace("·", "")
    if len(bare) <= 2 or set(bare) <= _NUMERALS:
        return True
    if not bare.endswith((*_DIRECT_HEADS, *_TAIL_HEADS)) and (
        any(c in _PHRASE_CHARS for c in bare) or _COUNTED.match(bare)
    ):
        return True  # “一次都不跑”, “零跑腿”, “一份健康礼包”: phrases, not names
    if bare.endswith(_ABSTRACT_ENDS) or _is_slogan(bare) or _is_clause(bare):
        return True
    before = text[max(0, match.start() - 4) : match.start()]
    if before.endswith("以") and text.startswith("的", match.end()):
        return True  # 以“某某一家亲”的情谊: a manner, not a name
    if before.endswith(_SLOGAN_BEFORE) or _in_from_to(text, match):
        return True
    if len(bare) <= 4 and _is_attributive(before):
        return True  # 企业发展的“加速器”, but 新推出的“车间课堂”
    if text.startswith(_FIGURE_AFTER, match.end()):
        return True
    if len(bare) <= 4 and bare.endswith(_LABEL_ENDS):
        return True  # 由“操作型”向“技能型”转变
    if len(bare) <= 5 and bare.endswith(("人", "者")):
        return True  # “娘家人”, “贴心人”, “追梦者”
    return len(bare) == 3 and bare.endswith(_FIGURE_ENDS)  # “排头兵”


def _is_attributive(before: str) -> bool:
    """“X” after a noun and 的: a figure of speech describing that noun."""
    return before.endswith("的") and not before[:-1].endswith(_ESTABLISH)


_COMMON_HEADS = ("服务", "模式", "平台", "体系")
_CLAUSE_PREPOSITIONS = frozenset("把为被让使")
_MODALS = frozenset("要 会 能 应 该 得 应该 需要 必须".split())
_ADVERB_MODAL = re.compile(r"[也就都才还][能要会可]")


def _is_clause(bare: str) -> bool:
    """A clause, not a name: a preposition inside (把服务做到心坎上, 项目为王),
    a long quote that opens with a verb or holds a modal (加快建设某某城市,
    年轻人要看清楚某某), or a verb with a quality after it (劳动创造幸福)."""
    if bare.endswith((*_DIRECT_HEADS, *_TAIL_HEADS)):
        return False
    words = plain_tag(bare)
    if len(words) < 2:
        return False
    if any(flag == "p" and word in _CLAUSE_PREPOSITIONS for word, flag in words):
        return True
    if _ADVERB_MODAL.search(bare):
        return True  # 技能也能当高管, 一毕业就能上岗: a clause
    if len(bare) >= 8 and (
        words[0][1] == "v" or any(word in _MODALS for word, _ in words)
    ):
        return True
    return any(
        flag == "v" and len(word) >= 2 and 0 < index == len(words) - 2
        for index, (word, flag) in enumerate(words)
    ) and words[-1][1] in ("a", "ad", "d")


def _is_slogan(bare: str) -> bool:
    """Slogan shapes: 双胜利, 两个维护, 点上出彩, 从严从实, and idioms; but
    一镇一品, 一村一品 name a practice."""
    if re.fullmatch(r"一[^一]一[^一]", bare) and not _is_idiom(bare):
        return False
    if re.fullmatch(r"(.)[对把](\1)", bare):
        return True  # 一对一, 手把手, 面对面: a manner
    if re.match(r"[双两][^个]{2}$", bare) or re.match(
        r"[一二三四五六七八九十两]个", bare
    ):
        return True
    if len(bare) == 4 and bare[1] in "上中里" and bare.endswith(_BLOOM_ENDS):
        return True
    if len(bare) == 4 and (bare[0] == bare[2] or bare[1] == bare[3]):
        return True
    return len(bare) == 4 and _is_idiom(bare)


def _in_from_to(text: str, match: re.Match[str]) -> bool:
    """由“点上出彩”到“面上开花”: a before-and-after pair of slogans."""
    before = text[max(0, match.start() - 1) : match.start()]
    after = text[match.end() : match.end() + 2]
    if before in ("由", "从"):
        return len(after) == 2 and after[0] in "到向" and after[1] in "“「『"
    if before not in ("到", "向"):
        return False
    earlier = text[max(0, match.start() - 14) : match.start() - 1]
    return _FROM_QUOTE_RE.search(earlier) is not None


def _is_idiom(word: str) -> bool:
    """jieba's dictionary tags the whole word as an idiom (i) or set phrase (l)."""
    pairs = plain_tag(word)
    return len(pairs) == 1 and pairs[0][1] in ("i", "l")


def _unquoted_mentions(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    found = []
    for match in _UNQUOTED_RE.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if _overlaps(start, end, taken) or _is_generic(name):
            continue
        found.append(_mention(text, start, end, name))
    return found


def _is_generic(name: str) -> bool:
    """建立健全制度, 开展劳动竞赛, 完善各项机制: a kind of thing, not a name."""
    head = min((h for h in _UNQUOTED_HEADS if name.endswith(h)), key=len)
    modifier = name[: -len(head)]
    shortest = 2 if head in ("工作法", "制度") else 3
    return len(modifier) < shortest or any(word in modifier for word in _GENERIC)
