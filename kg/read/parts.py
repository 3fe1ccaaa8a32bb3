"""Articles too long to read whole: read in parts, or refused.

Extraction looks around each mention within its article, and a few of its
steps still look at every mention of the article, so its time would grow
faster than an article's length past some tens of thousands of characters
(per character, it is flat to 20,000); news articles are rarely over a few
thousand.  An article over :data:`PART_CHARS` characters is read as parts of
at most that many, cut at a line break, else at a sentence end, else
anywhere — so time grows with length, never with its square.  A file
(or jsonl line) over :data:`MAX_CHARS` characters is not read at all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.model import Span
from kg.read.pages import ArticleText

PART_CHARS = 20_000
MAX_CHARS = 10_000_000
_SENTENCE_END = re.compile(r"[。！？!?；;]")


def cut_points(text: str, size: int = PART_CHARS) -> list[int]:
    """Where to cut ``text`` into pieces of at most ``size`` characters."""
    cuts, start = [], 0
    while len(text) - start > size:
        cuts.append(start := _cut(text, start, start + size))
    return cuts


def _cut(text: str, start: int, end: int) -> int:
    floor = start + (end - start) // 2
    line = text.rfind("\n", floor, end)
    if line >= 0:
        return line + 1
    window = text[floor:end]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return floor + ends[-1] if ends else end


def in_parts(article: ArticleText, size: int = PART_CHARS) -> list[ArticleText]:
    """``article`` as parts of at most ``size`` characters (itself if short)."""
    cuts = cut_points(article.text, size)
    if not cuts:
        return [article]
    bounds = list(zip([0, *cuts], [*cuts, len(article.text)], strict=True))
    title = article.title or ""
    return [
        _part(article, start, end, f"{title} ({n}/{len(bounds)})".strip())
        for n, (start, end) in enumerate(bounds, start=1)
    ]


def _part(article: ArticleText, start: int, end: int, title: str) -> ArticleText:
    byline = article.byline
    has_byline = byline is not None and start <= byline.start and byline.end <= end
    first = start == 0
    return replace(
        article,
        text=article.text[start:end],
        original=article.original[start:end],
        title=title,
        body_start=article.body_start if first else 0,
        byline=Span(byline.start - start, byline.end - start)
        if has_byline and byline
        else None,
        authors=article.authors if has_byline or (first and byline is None) else (),
    )
