"""Which place a short form means: 市总工会, 区总工会, 县委, 我市.

Short forms in the genre drop the place name and keep its level character:
``市`` is the article's home city, ``区``/``县``/``镇``/``盟`` the district of
that level the text last spoke of, ``省`` the home city's province.
"""

from __future__ import annotations

from kg.extract.base import Context
from kg.extract.gazetteer import Gazetteer, Place
from kg.model import LOCAL_AREAS, Kind

LEVEL_CHARS = "省市县区镇乡州旗盟"
LEVEL_WORDS = ("市场", "市民", "区域", "县城", "县域", "镇区")
"""Words that open with a level character and stand for no place (市场监管局)."""


def place_for(ctx: Context, offset: int, char: str) -> Place | None:
    """The place that the level character ``char`` at ``offset`` stands for."""
    gaz = Gazetteer.default()
    home = gaz.get(ctx.home) if ctx.home else None
    if char == "省":
        return gaz.province_of(home) if home else _last(ctx, offset, "省")
    if char == "市":
        if home is not None and home.name.endswith("市"):
            return home
        return _last(ctx, offset, "市")
    found = _last(ctx, offset, char)
    if found is None and home is not None and home.name.endswith(char):
        return home
    return found


_ZONE_WORDS = ("合作区", "开发区", "示范区", "试验区", "实验区", "新区", "园区")
"""Words for a kind of zone that end in 区: the 区 of 合作区执行委员会 is the
合作区 the article names, not the district in focus."""


def _last(ctx: Context, offset: int, char: str) -> Place | None:
    """The nearest district before ``offset`` whose name ends in ``char``.

    A district later in the same sentence is taken when none comes before
    (区总工会 … 滨湖区 in one sentence is rare but happens), and else the one
    the article names later, when it names only one (县政府召开常务会议 in a
    headline, 安吉县 first named in the fourth paragraph).
    """
    gaz = Gazetteer.default()
    districts = [
        m
        for m in ctx.of_kind(Kind.DISTRICT)
        if m.code and m.name.endswith(char) and m.subtype not in LOCAL_AREAS
    ]
    text = ctx.doc.text
    word = next(
        (
            w
            for w in _ZONE_WORDS
            if offset + 1 >= len(w) and text.startswith(w, offset + 1 - len(w))
        ),
        "",
    )
    zones = [m for m in districts if word and m.name.endswith(word)]
    divisions = [m for m in districts if m.subtype != "DevelopmentZone"]
    # 区 is 滨海新区 before 经济技术开发区, but 合作区 is the 合作区 named before
    districts = zones or divisions or districts
    before = [m for m in districts if m.end <= offset]
    if before:
        return gaz.get(max(before, key=lambda m: m.end).code or "")
    sentence = ctx.sentence_at(offset)
    after = [m for m in districts if offset < m.start < sentence.end]
    if after:
        return gaz.get(min(after, key=lambda m: m.start).code or "")
    later = {m.code for m in districts}
    return gaz.get(later.pop() or "") if len(later) == 1 else None
