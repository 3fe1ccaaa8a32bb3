"""The article text of a web page: scripts, styles, navigation, header, footer
and asides dropped; only ``<article>`` or ``<main>`` when the page has one;
``<h1>``–``<h6>`` as markdown headings; the ``<h1>`` (else ``<title>``) as
headline; date, source and url from the page's meta tags."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kg.read.pages import normalise_date


def _tags(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SKIP = _tags(
    "script style noscript nav header footer aside form iframe svg template "
    "button select textarea head"
)
_VOID = _tags("area base br col embed hr img input link meta source track wbr")
_BLOCK = _tags(
    "p div br li tr section article main blockquote pre table ul ol dl dd dt "
    "figure figcaption address hr td th"
)
_LINE_BREAK = re.compile(r"\s*\n\s*")
_SPACES = re.compile(r"[^\S\n]+")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_DATE_META = ("article:published_time", "publishdate", "pubdate", "date", "dc.date")


class _PageText(HTMLParser):
    """The visible article text of a page, headings as markdown ``#`` lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.focus: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.skip = 0
        self.in_title = False
        self.focus_depth = 0
        self.has_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" or tag == "link":
            self._meta(dict(attrs))
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            self._emit("\n" if tag in _BLOCK else "")
            return
        if tag in _SKIP or self.skip:
            self.skip += 1
            return
        if tag in ("article", "main"):
            self.focus_depth += 1
        self.has_h1 = self.has_h1 or tag == "h1"
        heading = _HEADINGS.get(tag)
        self._emit(f"\n{'#' * heading} " if heading else "\n" if tag in _BLOCK else "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _VOID:
            return
        if self.skip:
            self.skip -= 1
            return
        if tag in _BLOCK or tag in _HEADINGS:
            self._emit("\n")
        if tag in ("article", "main") and self.focus_depth:
            self.focus_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self._emit(_soften(data))

    def _emit(self, text: str) -> None:
        self.parts.append(text)
        if self.focus_depth:
            self.focus.append(text)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if attrs.get("rel") == "canonical":
            key = "og:url"
        value = attrs.get("content") or attrs.get("href")
        if key and value:
            self.meta.setdefault(key, value.strip())


def _soften(data: str) -> str:
    """Whitespace in HTML source: a line break becomes a soft-break mark."""
    return _SPACES.sub(" ", _LINE_BREAK.sub("\x00", data))


def _resolve_soft_breaks(text: str) -> str:
    out = []
    for i, char in enumerate(text):
        if char != "\x00":
            out.append(char)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        out.append("" if _is_cjk(before) and _is_cjk(after) else " ")
    return "".join(out)


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def html_text(page: str) -> tuple[str, dict[str, str]]:
    """The article text of an HTML page, and date/source/url from its meta."""
    parser = _PageText()
    parser.feed(page)
    parser.close()
    body = "".join(parser.focus if "".join(parser.focus).strip() else parser.parts)
    body = "\n".join(
        " ".join(line.split()) for line in _resolve_soft_breaks(body).split("\n")
    )
    title = " ".join("".join(parser.title).split())
    if title and not parser.has_h1:
        body = f"# {_strip_site(title)}\n\n{body}"
    fields = {
        "url": parser.meta.get("og:url"),
        "source": parser.meta.get("og:site_name"),
    }
    date = next((parser.meta[k] for k in _DATE_META if k in parser.meta), None)
    fields["date"] = normalise_date(date) if date else None
    return body, {k: v for k, v in fields.items() if v}


def _strip_site(title: str) -> str:
    """``江阴召开会议_江阴日报`` → ``江阴召开会议``: drop the site suffix."""
    for mark in ("_", " - ", " | ", "｜", " — "):
        head = title.split(mark)[0].strip()
        if head and head != title:
            return head
    return title
