"""The per-page step of a build: extract, resolve and draw each article.

:func:`extract_document` runs the extractors over one article,
:func:`extract_page` resolves the articles of one page together, and
:func:`extract_chunk` is what a worker does: pages in, each article's facts
and graph (serialised, checked on its own) out.  :func:`content_hash` and
:func:`pipeline_version` tell the build which articles it must extract
again.  :mod:`kg.build` streams pages through these.
"""

from __future__ import annotations

import gc
import hashlib
import traceback
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from kg.extract import EXTRACTORS
from kg.extract.base import Context, Found, by_kind
from kg.extract.districts import find_places, home_place
from kg.extract.gazetteer import Gazetteer
from kg.model import (
    ArticleFacts,
    ArticleMeta,
    Document,
    Extraction,
    Kind,
    Mention,
    Relation,
)
from kg.resolve.pages import DocResult, resolve, resolve_page

if TYPE_CHECKING:
    from kg.graph.iris import IRIs

Progress = Callable[[int], None]
"""Called with the number of articles done so far."""
EXTRACTION_FAILED = "kg failed on it"
"""The first line of :attr:`ArticleOut.problem` when an extractor failed."""


def extract_document(
    doc: Document, *, home: str | None = None, page_home: str | None = None
) -> DocResult:
    """Run every extractor over one document, in registry order.

    The home city (for 市总工会, 我市) is the one the article names most, else
    ``page_home``, the one its page names most; ``home`` forces one.
    """
    mentions: list[Mention] = []
    relations: list[Relation] = []
    kinds: dict[Kind, tuple[Mention, ...]] = {}
    sentences = Context(doc).sentences
    for name, extractor in EXTRACTORS.items():
        hint = home or (page_home if name == "districts" else None)
        ctx = Context(doc, tuple(mentions), hint, sentences, dict(kinds))
        found: Found = extractor(ctx)
        mentions.extend(found.mentions)
        relations.extend(found.relations)
        for kind, more in by_kind(found.mentions).items():
            kinds[kind] = (*kinds.get(kind, ()), *more)
        if name == "districts" and home is None:
            home = home_place(Gazetteer.default(), found.mentions) or page_home
    return DocResult(doc, tuple(mentions), tuple(relations))


def extract_page(page: Sequence[Document]) -> list[ArticleFacts]:
    """Extract and resolve one page: each article's facts, in page order."""
    home = _page_home(page)
    return resolve_page([extract_document(doc, page_home=home) for doc in page])


@dataclass(frozen=True)
class ArticleOut:
    """One article extracted: its facts and its graph, serialised."""

    facts: ArticleFacts
    nquads: bytes
    """Its named graph, as N-Quads (zlib-compressed if ``packed``)."""
    problem: str | None = None
    """Why its graph was left out (it breaks the contract: a bug in kg)."""
    packed: bool = False

    def graph(self) -> bytes:
        """Its named graph, as N-Quads."""
        return zlib.decompress(self.nquads) if self.packed else self.nquads


def extract_chunk(
    chunk: Sequence[Sequence[Document]],
    *,
    base_iri: str,
    validate: bool = True,
    not_people: frozenset[str] = frozenset(),
    pack: bool = False,
) -> list[list[ArticleOut]]:
    """Extract pages and make their article graphs: what one worker does.

    The graphs are checked against every rule of the contract here, in
    parallel (:func:`kg.graph.rules.check_articles`); the build checks the
    nodes that several articles share again, with all their values in the
    corpus.  Graphs travel back serialised, so the build loads them without
    building a Python object per triple; ``pack`` compresses them for the
    way back from another process (N-Quads shrink about fourteen-fold; the
    gigabyte a 10k build's pipes carried cost its reader some 20 s).  People
    are drawn as one placeholder node per name; the build gives them their
    nodes (:mod:`kg.corpus.identities`); names an analyst said are no person
    (``not_people``) are left out of the graphs.
    """
    from kg.graph.iris import IRIs, name_based
    from kg.graph.rules import check_articles
    from kg.graph.triples import article_quads, serialise_article
    from kg.resolve.people import without_people

    iris = IRIs(base_iri)
    out: list[list[ArticleOut]] = []
    for page in chunk:
        done = []
        for facts, failure in _extracted(page):
            if failure is not None:
                done.append(ArticleOut(facts, b"", problem=failure))
                continue
            shown = without_people(facts, not_people)
            quads = article_quads(shown, name_based(shown.entities, iris), iris)
            done.append(ArticleOut(facts, serialise_article(quads)))
        out.append(done)
    if validate:
        out = _checked(out, check_articles, iris)
    if pack:
        out = [[_packed(article) for article in page] for page in out]
    return out


def _extracted(page: Sequence[Document]) -> list[tuple[ArticleFacts, str | None]]:
    """The page's articles extracted, each with why kg failed on it (None:
    it did not).  An extractor that fails on a page is a bug in kg; the page's
    articles are then extracted one by one, so only the article it fails on
    is left out, with the error (one bad article never stops a corpus)."""
    try:
        return [(facts, None) for facts in extract_page(page)]
    except Exception:
        if len(page) > 1:
            return [one for doc in page for one in _extracted([doc])]
        (doc,) = page
        meta = ArticleMeta(doc.id, doc.path, doc.title, doc.date, doc.source, doc.url)
        failure = traceback.format_exc(limit=-3).strip()
        return [(ArticleFacts(meta, (), (), ()), f"{EXTRACTION_FAILED}\n{failure}")]


def _packed(article: ArticleOut) -> ArticleOut:
    """The article with its graph compressed, to travel to another process."""
    return ArticleOut(
        article.facts, zlib.compress(article.nquads, 1), article.problem, True
    )


def _checked(
    out: list[list[ArticleOut]], check: Callable[..., None], iris: IRIs
) -> list[list[ArticleOut]]:
    """The chunk's graphs checked together, and one by one when that fails:
    an article whose graph breaks the contract is left out with the reason,
    and the others go on (one bad article never stops a corpus)."""
    from kg.graph.shacl import ContractError
    from kg.graph.triples import as_triples

    def triples(article: ArticleOut) -> bytes:
        return as_triples(article.nquads, iris.article_graph(article.facts.article.id))

    try:
        check(b"".join(triples(a) for p in out for a in p), what="the articles")
        return out
    except ContractError:
        pass
    kept: list[list[ArticleOut]] = []
    for page in out:
        kept.append([])
        for article in page:
            try:
                check(triples(article), what=f"the graph of {article.facts.article.id}")
            except ContractError as error:
                article = ArticleOut(article.facts, b"", problem=str(error))
            kept[-1].append(article)
    return kept


def extract_documents(
    docs: Iterable[Document], *, progress: Progress | None = None
) -> Extraction:
    """Extract documents into one extraction (for tests and small graphs);
    each page resolved on its own, as a corpus build does."""
    results: list[DocResult] = []
    for page in pages(docs):
        home = _page_home(page)
        for doc in page:
            results.append(extract_document(doc, page_home=home))
            if progress is not None:
                progress(len(results))
    return resolve(results)


def pages(docs: Iterable[Document]) -> Iterator[list[Document]]:
    """The articles of one file, as lists; each JSONL record is its own page."""
    for path, page in groupby(docs, key=lambda doc: doc.path):
        if PurePath(path).suffix.lower() == ".jsonl":
            yield from ([doc] for doc in page)
        else:
            yield list(page)


def _page_home(page: Sequence[Document]) -> str | None:
    """The home city of a page, from the unambiguous places of its articles.

    ``find_places`` keeps its last 1,024 answers, so the districts extractor
    that runs next finds them again without reading the text twice.
    """
    mentions = [
        Mention(
            Kind.DISTRICT,
            m.start,
            m.end,
            m.surface,
            m.candidates[0].name,
            code=m.candidates[0].id,
        )
        for doc in page
        for m in find_places(doc.text)
        if len(m.candidates) == 1
    ]
    return home_place(Gazetteer.default(), mentions)


def warm() -> None:
    """Load jieba, the gazetteer and the pinyin tables once, before worker
    processes fork (they then share those pages), and move them out of the
    garbage collector's sight (``gc.freeze``): its full collections no longer
    walk them (extraction runs about 1 % faster) nor write to their pages (which
    would give each worker its own copy)."""
    from kg.text.pinyin import to_pinyin

    extract_page(
        [Document("warm", "南京市总工会主席王某表示。", "南京市总工会主席王某表示。")]
    )
    to_pinyin("南京")
    gc.freeze()


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A digest of the code that decides an article's facts (reading,
    extraction, resolution, triples, the gazetteer): when it changes, every
    article counts as changed and is extracted again."""
    root = Path(__file__).parent
    files = sorted(
        path
        for folder in ("read", "text", "extract", "resolve")
        for path in (root / folder).rglob("*.py")
    )
    files += [root / "model.py", root / "pipeline.py"]
    files += [root / "graph" / "triples.py", root / "graph" / "iris.py"]
    files += [root / "data" / "gazetteer.tsv"]
    digest = hashlib.sha1()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def content_hash(doc: Document) -> str:
    """What decides whether an article changed: its text and metadata, and
    the code that reads it (:func:`pipeline_version`)."""
    fields = (
        pipeline_version(),
        doc.original,
        doc.title or "",
        doc.date or "",
        doc.url or "",
        doc.source or "",
        PurePath(doc.path).name,
    )
    return hashlib.sha1("\x1f".join(fields).encode("utf-8")).hexdigest()
