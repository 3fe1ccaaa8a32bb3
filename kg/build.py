"""The main job: articles in, a corpus generation out.

``build`` streams the articles of ``paths`` page by page (the articles of
one .txt, .md or .html file; each JSONL record is a page of its own), skips
pages whose articles the corpus already holds unchanged, extracts the rest
in batches (in this process, ``jobs`` local processes or a Dask cluster:
:mod:`kg.engines`), resolves each page, and writes each article's graph into
the next generation of the corpus (:mod:`kg.corpus.generations`), replacing
the facts of articles with the same id or URL.  Then it writes the exports
and switches the corpus to the new generation in one step.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import groupby
from pathlib import Path, PurePath
from typing import Any

from kg.corpus.generations import (
    CURRENT,
    EXPORTS,
    check_folder,
    clean_leftovers,
    crash_point,
    locked,
    next_generation,
    switch,
)
from kg.corpus.writer import CorpusWriter, Exported, PageWriter
from kg.extract import EXTRACTORS
from kg.extract.base import Context, Found
from kg.extract.districts import find_places, home_place
from kg.extract.gazetteer import Gazetteer
from kg.model import ArticleFacts, Document, Extraction, Kind, Mention, Relation
from kg.read.records import Notice, Skipped
from kg.resolve.overrides import load_overrides
from kg.resolve.pages import DocResult, resolve, resolve_page

log = logging.getLogger(__name__)

BATCH_ARTICLES = 256
"""Articles extracted and written together (one SHACL check each)."""

Progress = Callable[[int], None]
"""Called with the number of articles done so far."""


def extract_document(
    doc: Document, *, home: str | None = None, page_home: str | None = None
) -> DocResult:
    """Run every extractor over one document, in registry order.

    The home city (for 市总工会, 我市) is the one the article names most, else
    ``page_home``, the one its page names most; ``home`` forces one.
    """
    mentions: list[Mention] = []
    relations: list[Relation] = []
    sentences = Context(doc).sentences
    for name, extractor in EXTRACTORS.items():
        hint = home or (page_home if name == "districts" else None)
        found: Found = extractor(Context(doc, tuple(mentions), hint, sentences))
        mentions.extend(found.mentions)
        relations.extend(found.relations)
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
    """Its named graph, as N-Quads."""
    ntriples: bytes
    """The same triples, for the default graph."""
    problem: str | None = None
    """Why its graph was left out (it breaks the contract: a bug in kg)."""


def extract_chunk(
    chunk: Sequence[Sequence[Document]],
    *,
    base_iri: str,
    validate: bool = True,
    not_people: frozenset[str] = frozenset(),
) -> list[list[ArticleOut]]:
    """Extract pages and make their article graphs: what one worker does.

    The graphs are checked against every rule that an article graph can be
    checked on alone (:func:`kg.graph.rules.check_articles`) here, in
    parallel; the build checks the rules that span the corpus.  Graphs travel
    back serialised, so the build loads them without building a Python
    object per triple.  People are drawn as one placeholder node per name;
    the build gives them their nodes (:mod:`kg.corpus.identities`); names an
    analyst said are no person (``not_people``) are left out of the graphs.
    """
    from kg.graph.rules import check_articles
    from kg.graph.triples import IRIs, article_quads, name_based, serialise_article
    from kg.resolve.people import without_people

    iris = IRIs(base_iri)
    out: list[list[ArticleOut]] = []
    for page in chunk:
        done = []
        for facts in extract_page(page):
            shown = without_people(facts, not_people)
            quads = article_quads(shown, name_based(shown.entities, iris), iris)
            graph_iri = iris.article_graph(facts.article.id)
            nquads, ntriples = serialise_article(quads, graph_iri)
            done.append(ArticleOut(facts, nquads, ntriples))
        out.append(done)
    if validate:
        out = _checked(out, check_articles)
    return out


def _checked(
    out: list[list[ArticleOut]], check: Callable[..., None]
) -> list[list[ArticleOut]]:
    """The chunk's graphs checked together, and one by one when that fails:
    an article whose graph breaks the contract is left out with the reason,
    and the others go on (one bad article never stops a corpus)."""
    from kg.graph.shacl import ContractError

    try:
        check(b"".join(a.ntriples for p in out for a in p), what="the articles")
        return out
    except ContractError:
        pass
    kept: list[list[ArticleOut]] = []
    for page in out:
        kept.append([])
        for article in page:
            try:
                check(article.ntriples, what=f"the graph of {article.facts.article.id}")
            except ContractError as error:
                article = ArticleOut(article.facts, b"", b"", problem=str(error))
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


def _warm() -> None:
    """Load jieba and the gazetteer once, before worker processes fork."""
    extract_page(
        [Document("warm", "南京市总工会主席王某表示。", "南京市总工会主席王某表示。")]
    )


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
    files += [root / "model.py", root / "graph" / "triples.py"]
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


# ---------------------------------------------------------------- summaries


@dataclass(frozen=True)
class BuildSummary:
    """What a build or removal changed and what the corpus now holds."""

    added: int
    replaced: int
    unchanged: int
    removed: int
    documents: int
    """Articles in the corpus after the change."""
    entities: dict[str, int]
    relations: dict[str, int]
    triples: int
    undecided: tuple[tuple[str, int], ...]
    """The most frequent districts the text did not decide, with counts."""
    undecided_more: int
    """How many other undecided names there are (all in undecided.txt)."""
    outputs: tuple[Path, ...]
    seconds: float
    generation: str = ""
    files: int = 0
    skipped: tuple[Skipped, ...] = ()
    """Inputs not read (a bad file or jsonl line), each with reason and fix."""
    notices: tuple[Notice, ...] = ()
    """What was read with a caveat or passed over on purpose (README.md …)."""


@dataclass
class _Tally:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    files: set[str] = field(default_factory=set)
    read: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


# ---------------------------------------------------------------- the build


def build(
    paths: Sequence[str | Path],
    out_dir: Path,
    *,
    encoding: str | None = None,
    base_iri: str | None = None,
    html: bool = True,
    exports: bool = True,
    validate: bool = True,
    strict: bool = False,
    jobs: int = 1,
    dask: object | None = None,
    batch_articles: int = BATCH_ARTICLES,
    wait: bool = False,
    progress: Progress | None = None,
) -> BuildSummary:
    """Add the articles under ``paths`` to the corpus in ``out_dir`` (made if
    missing) and switch it to the new generation.

    Unchanged articles (same id, same content) are skipped; an article with
    the id or URL of one the corpus holds replaces it.  Each batch's triples
    are checked against the contract's SHACL rules (``validate``);
    ``exports=False`` writes no graph.ttl, graph.trig or graph.html (for
    frequent small additions to a big corpus: the exports of the whole corpus
    cost more than the addition).  A file or
    line that cannot be read is skipped and listed in the summary (``strict``:
    an InputError instead).  Raises ``KGError`` subclasses; on any failure the
    corpus stays as it was.
    """
    from kg.engines import engine
    from kg.read.clean import check_base_iri

    started = time.perf_counter()
    if base_iri is not None:
        check_base_iri(base_iri)
    check_folder(out_dir)
    with locked(out_dir, wait=wait):
        clean_leftovers(out_dir)
        generation = next_generation(out_dir)
        try:
            overrides = load_overrides(out_dir)
            writer = CorpusWriter(
                generation, base_iri=base_iri, validate=validate, overrides=overrides
            )
            tally = _Tally()
            docs = _documents(paths, encoding, strict, tally)
            work = partial(
                extract_chunk,
                base_iri=writer.base_iri,
                validate=validate,
                not_people=overrides.not_person,
            )
            with engine(work, jobs=jobs, dask=dask, warm=_warm) as run:
                # Workers run two batches ahead of the writer, so that none
                # waits while the writer loads a batch or reads the next.
                ahead = 2 if run.parallel > 1 else 1
                pending: deque[tuple[list[list[Document]], Any]] = deque()
                for batch in _batches(pages(docs), writer, tally, batch_articles):
                    pending.append((batch, run.submit(_chunks(batch, run.parallel))))
                    while len(pending) > ahead:
                        _write(writer, *pending.popleft(), tally, progress)
                while pending:
                    _write(writer, *pending.popleft(), tally, progress)
            exported = writer.finish(
                page=_page_writer(html and exports), graphs=exports
            )
            crash_point("exports-written")
            switch(out_dir, generation)
        except BaseException:
            _discard(generation)
            raise
    return _summary(exported, tally, out_dir, started)


def _documents(
    paths: Sequence[str | Path], encoding: str | None, strict: bool, tally: _Tally
) -> Iterator[Document]:
    """The articles under ``paths``; skipped inputs and notices go to the
    tally (``strict``: the first skip is an InputError); nothing to read at
    all is an InputError."""
    from kg.errors import InputError
    from kg.read.files import nothing_read, read_inputs

    for record in read_inputs(paths, encoding=encoding):
        if isinstance(record, Document):
            tally.read += 1
            yield record
        elif isinstance(record, Notice):
            tally.notices.append(record)
        elif strict:
            raise InputError(f"{record} (--strict stops at the first bad input)")
        else:
            tally.skipped.append(record)
    if not tally.read:
        raise InputError(nothing_read(paths, tally.skipped, tally.notices))


def _batches(
    stream: Iterable[list[Document]],
    writer: CorpusWriter,
    tally: _Tally,
    size: int,
) -> Iterator[list[list[Document]]]:
    """Pages to extract, in batches of about ``size`` articles; pages whose
    articles the corpus holds unchanged are left out."""
    batch: list[list[Document]] = []
    count = 0
    for page in stream:
        tally.files.update(doc.path for doc in page)
        if all(writer.unchanged(doc.id, content_hash(doc)) for doc in page):
            tally.unchanged += len(page)
            continue
        batch.append(page)
        count += len(page)
        if count >= size:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


def _chunks(batch: list[list[Document]], parts: int) -> list[list[list[Document]]]:
    """The batch's pages in ``parts`` runs of about as many articles each."""
    total = sum(len(page) for page in batch)
    size = max(1, -(-total // max(parts, 1)))
    chunks: list[list[list[Document]]] = [[]]
    count = 0
    for page in batch:
        if count >= size:
            chunks.append([])
            count = 0
        chunks[-1].append(page)
        count += len(page)
    return chunks


def _write(
    writer: CorpusWriter,
    batch: list[list[Document]],
    handle: Any,
    tally: _Tally,
    progress: Progress | None,
) -> None:
    results = [page for chunk in handle.result() for page in chunk]
    for page, done in zip(batch, results, strict=True):
        for doc, out in zip(page, done, strict=True):
            if out.problem is not None:
                tally.skipped.append(_contract_skip(doc, out.problem))
                continue
            change = writer.put(out.facts, content_hash(doc), out.nquads, out.ntriples)
            if change == "added":
                tally.added += 1
            elif change == "unchanged":
                tally.unchanged += 1
            else:
                tally.replaced += 1
    writer.end_batch()
    crash_point("batch-written")
    if progress is not None:
        progress(tally.added + tally.replaced + tally.unchanged)


def _contract_skip(doc: Document, problem: str) -> Skipped:
    """An article left out because kg made a graph that breaks the contract."""
    detail = " ".join(line.strip() for line in problem.splitlines()[1:] if line.strip())
    return Skipped(
        doc.path,
        None,
        f"article {doc.id} was left out: its graph breaks the graph contract "
        f"({detail})",
        "this is a bug in kg: please report it with this article; "
        "the rest of the corpus was built",
    )


def remove(
    ids: Sequence[str],
    out_dir: Path,
    *,
    html: bool = True,
    exports: bool = True,
    validate: bool = True,
    wait: bool = False,
) -> BuildSummary:
    """Retract the articles ``ids`` from the corpus in ``out_dir``: their
    graphs, index rows and their share of the default graph; then export
    (``exports=False``: no graph files or page) and switch.  Raises
    ``OutputError`` naming any id the corpus does not hold (and changes
    nothing)."""
    from kg.corpus.generations import is_corpus
    from kg.errors import OutputError

    started = time.perf_counter()
    if not is_corpus(out_dir):
        raise OutputError(f"{out_dir}: not a corpus folder; build one with kg build")
    with locked(out_dir, wait=wait):
        clean_leftovers(out_dir)
        generation = next_generation(out_dir)
        try:
            writer = CorpusWriter(
                generation,
                base_iri=None,
                validate=validate,
                overrides=load_overrides(out_dir),
            )
            missing = [i for i in ids if not writer.holds(i)]
            if missing:
                raise OutputError(
                    f"{out_dir}: holds no article with id {', '.join(missing)}; "
                    "see the ids with kg query OUT "
                    "'SELECT ?id {?a schema:identifier ?id}'"
                )
            for article_id in dict.fromkeys(ids):
                writer.retract(article_id)
            writer.end_batch()
            exported = writer.finish(
                page=_page_writer(html and exports), graphs=exports
            )
            switch(out_dir, generation)
        except BaseException:
            _discard(generation)
            raise
    return _summary(exported, _Tally(removed=len(set(ids))), out_dir, started)


def _page_writer(html: bool) -> PageWriter | None:
    """graph.html, and report.html beside it (the report page of the
    corpus), drawn from the store; none with ``--no-html``."""
    if not html:
        return None
    return _write_pages


def _write_pages(store: Any, path: Path) -> Path:
    from kg.publish.overview import write_store_page
    from kg.publish.report import write_report
    from kg.sparql.oxigraph import OxigraphBackend

    written = write_store_page(store, path)
    write_report(OxigraphBackend(store), path.with_name("report.html"))
    return written


def _discard(generation: Path) -> None:
    import shutil

    shutil.rmtree(generation, ignore_errors=True)


def _summary(
    exported: Exported, tally: _Tally, out_dir: Path, started: float
) -> BuildSummary:
    shown = exported.undecided[:10]
    return BuildSummary(
        added=tally.added,
        replaced=tally.replaced,
        unchanged=tally.unchanged,
        removed=tally.removed + exported.removed,
        documents=exported.documents,
        entities=exported.counts.entities,
        relations=exported.counts.relations,
        triples=exported.counts.triples,
        undecided=tuple(shown),
        undecided_more=len(exported.undecided) - len(shown),
        outputs=tuple(
            out_dir / path.name
            if path.name in EXPORTS
            else out_dir / CURRENT / path.name
            for path in exported.outputs
        ),
        seconds=time.perf_counter() - started,
        generation=exported.generation,
        files=len(tally.files),
        skipped=tuple(tally.skipped),
        notices=tuple(tally.notices),
    )
