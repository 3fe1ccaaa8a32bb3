"""The interface every extractor implements, and the context it reads."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from kg.model import Document, Evidence, Kind, Mention, Relation, Span

_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』)）]*|\n+")


@dataclass(frozen=True)
class Found:
    """What one extractor found in one document."""

    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Context:
    """A document and what the extractors before this one found in it.

    ``home`` is the id of the gazetteer place the article is about (its
    city, for 我市/市委/市总工会), when one could be told.
    """

    doc: Document
    mentions: tuple[Mention, ...] = ()
    home: str | None = None
    sentences: tuple[Span, ...] = field(default=())
    kinds: dict[Kind, tuple[Mention, ...]] | None = field(default=None, repr=False)
    """``mentions`` by kind, in order, when the caller keeps them so
    (:func:`kg.pipeline.extract_document` does: else each extractor's context
    sorts them again)."""

    def __post_init__(self) -> None:
        if not self.sentences:
            object.__setattr__(self, "sentences", tuple(split_sentences(self.doc.text)))

    # Looked up once per mention: kept by kind and by sentence start, so a long
    # article costs time in proportion to its length, not its square; built on
    # first use, as most extractors ask for a few kinds only.
    @cached_property
    def _by_kind(self) -> dict[Kind, tuple[Mention, ...]]:
        if self.kinds is not None:
            return self.kinds
        return by_kind(self.mentions)

    @cached_property
    def _starts(self) -> list[int]:
        return [span.start for span in self.sentences]

    def of_kind(self, kind: Kind) -> tuple[Mention, ...]:
        return self._by_kind.get(kind, ())

    @cached_property
    def _by_start(self) -> dict[Kind, tuple[list[int], list[int]]]:
        """For each kind, its mentions' starts in order, and where each
        stands in :meth:`of_kind`."""
        index: dict[Kind, tuple[list[int], list[int]]] = {}
        for kind, found in self._by_kind.items():
            order = sorted(range(len(found)), key=lambda i: found[i].start)
            index[kind] = ([found[i].start for i in order], order)
        return index

    def starting_in(self, kind: Kind, start: int, end: int) -> list[Mention]:
        """The mentions of ``kind`` that start in ``[start, end]``, in the
        order of :meth:`of_kind`, found by bisection."""
        starts, order = self._by_start.get(kind, ([], []))
        at = order[bisect_left(starts, start) : bisect_right(starts, end)]
        found = self.of_kind(kind)
        return [found[i] for i in sorted(at)]

    def districts_from(
        self, start: int, end: int | None = None, *, coded: bool = True
    ) -> Mention | None:
        """The last of the districts named one after another from ``start``
        (包头市|昆都仑区 → 昆都仑区), each ending before ``end``; only those
        with a gazetteer code if ``coded``; None if none starts there."""
        last = None
        while True:
            here = next(
                (
                    m
                    for m in self.starting_in(Kind.DISTRICT, start, start)
                    if (m.code or not coded) and (end is None or m.end < end)
                ),
                None,
            )
            if here is None:
                return last
            last, start = here, here.end

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding ``offset`` (the whole text if none does)."""
        at = bisect_right(self._starts, offset) - 1
        if at >= 0 and offset < self.sentences[at].end:
            return self.sentences[at]
        return Span(0, len(self.doc.text))

    def sentence_before(self, sentence: Span) -> Span | None:
        """The sentence before ``sentence`` in its paragraph, if any."""
        text = self.doc.text
        if sentence.start == 0 or text[sentence.start - 1] == "\n":
            return None
        before = self.sentence_at(sentence.start - 1)
        if "\n" in text[before.start : sentence.start].rstrip("\n"):
            return None
        return before if before.end <= sentence.start else None

    def evidence(self, offset: int) -> Evidence:
        """Evidence for a fact read at ``offset``: its sentence, as written."""
        span = self.sentence_at(offset)
        sentence = self.doc.original[span.start : span.end].strip()
        return Evidence(self.doc.id, sentence, span.start, span.end)


class Extractor(Protocol):
    """An extractor: reads one document, returns model values only."""

    def __call__(self, ctx: Context) -> Found: ...


def by_kind(mentions: Iterable[Mention]) -> dict[Kind, tuple[Mention, ...]]:
    """``mentions`` grouped by kind, each group in order."""
    found: dict[Kind, list[Mention]] = {}
    for mention in mentions:
        found.setdefault(mention.kind, []).append(mention)
    return {kind: tuple(group) for kind, group in found.items()}


def split_sentences(text: str) -> Iterator[Span]:
    """Sentences of ``text`` as spans, ending at 。！？； or a line break."""
    start = 0
    for end in map(_END, _SENTENCE_END.finditer(text)):
        if end > start and not text[start:end].isspace():  # not blank
            yield Span(start, end)
        start = end
    if len(text) > start and not text[start:].isspace():
        yield Span(start, len(text))


_END = re.Match.end
