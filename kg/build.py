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

import logging
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
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
from kg.model import Document
from kg.pipeline import (
    EXTRACTION_FAILED,
    Progress,
    content_hash,
    extract_chunk,
    pages,
    warm,
)
from kg.read.records import Notice, Skipped
from kg.resolve.overrides import load_overrides

log = logging.getLogger(__name__)

BATCH_ARTICLES = 256
"""Articles extracted and written together (one SHACL check each)."""


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
        writer: CorpusWriter | None = None
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
                pack=jobs > 1 or dask is not None,
            )
            with engine(work, jobs=jobs, dask=dask, warm=warm) as run:
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
                page=_page_writer(html and exports),
                graphs=exports,
                inputs=_input_lines(tally),
            )
            crash_point("exports-written")
            switch(out_dir, generation)
        except BaseException:
            if writer is not None:
                writer.close()  # its loader thread lets go of the store
            _discard(generation)
            raise
    return _summary(exported, tally, out_dir, started)


def _input_lines(tally: _Tally) -> list[str]:
    """inputs.txt: each skipped input, then each note, as the summary says them."""
    return [f"skipped: {s}" for s in tally.skipped] + [
        f"note: {n}" for n in tally.notices
    ]


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
            change = writer.put(
                out.facts,
                content_hash(doc),
                out.graph(),
                text=doc.original,
            )
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
    """An article left out because kg failed on it or made a graph that
    breaks the contract."""
    first, *rest = problem.splitlines()
    detail = " ".join(line.strip() for line in rest if line.strip())
    why = first if first == EXTRACTION_FAILED else "its graph breaks the graph contract"
    return Skipped(
        doc.path,
        None,
        f"article {doc.id} was left out: {why} ({detail})",
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
        writer: CorpusWriter | None = None
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
            if writer is not None:
                writer.close()  # its loader thread lets go of the store
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
    from kg.corpus.texts import text_reader
    from kg.publish.overview import write_store_page
    from kg.publish.report import write_report
    from kg.sparql.oxigraph import OxigraphBackend

    written = write_store_page(store, path, texts=text_reader(path.parent))
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
