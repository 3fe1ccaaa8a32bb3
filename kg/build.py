"""The main job: documents in, an extraction and its graph files out."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from pathlib import Path

from kg.errors import OutputError
from kg.extract import EXTRACTORS
from kg.extract.base import Context, Found
from kg.extract.districts import find_places, home_place
from kg.extract.gazetteer import Gazetteer
from kg.model import Document, Extraction, Kind, Mention, Relation
from kg.read.records import Notice, Skipped
from kg.resolve.identity import Overrides
from kg.resolve.overrides import load_overrides
from kg.resolve.pages import DocResult, resolve

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
"""Called with the number of articles extracted so far."""


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


def extract_documents(
    docs: Iterable[Document],
    *,
    progress: Progress | None = None,
    overrides: Overrides | None = None,
) -> Extraction:
    """Extract every document; an article that names no city takes its page's.

    Pages (the articles of one file) are taken one at a time, so the places
    found while choosing the page's city are still cached for extraction.
    ``progress`` is called with the number of articles done after each one.
    """
    results: list[DocResult] = []
    for page in _pages(docs):
        home = _page_home(page)
        for doc in page:
            results.append(extract_document(doc, page_home=home))
            if progress is not None:
                progress(len(results))
    return resolve(results, overrides=overrides)


def _pages(docs: Iterable[Document]) -> Iterator[list[Document]]:
    """Consecutive articles of one file, as lists."""
    for _, page in groupby(docs, key=lambda doc: doc.path):
        yield list(page)


def _page_home(page: Sequence[Document]) -> str | None:
    """The home city of a page, from the unambiguous places of all its articles."""
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


@dataclass(frozen=True)
class BuildSummary:
    """What a build read and wrote, for the CLI to print."""

    files: int
    documents: int
    entities: Counter[str]
    relations: Counter[str]
    seconds: float
    outputs: tuple[Path, ...] = field(default=())
    triples: int = 0
    undecided: tuple[str, ...] = ()
    """Places named in the text that the gazetteer holds several of and the
    context could not decide, each with its candidates: kept without a code."""
    skipped: tuple[Skipped, ...] = ()
    """Inputs not read (a bad file or jsonl line), each with reason and fix."""
    notices: tuple[Notice, ...] = ()
    """What was read with a caveat or passed over on purpose (README.md …)."""


def summarise(
    extraction: Extraction, seconds: float, outputs: tuple[Path, ...], triples: int
) -> BuildSummary:
    entities = Counter(e.kind.value for e in extraction.entities)
    relations = Counter(r.kind.value for r in extraction.relations)
    relations["mentions"] = len(extraction.mentions)
    return BuildSummary(
        files=len({doc.path for doc in extraction.documents}),
        documents=len(extraction.documents),
        entities=entities,
        relations=relations,
        seconds=seconds,
        outputs=outputs,
        triples=triples,
        undecided=tuple(_undecided(extraction)),
    )


def _undecided(extraction: Extraction) -> Iterator[str]:
    gaz = Gazetteer.default()
    for entity in extraction.entities:
        if entity.kind is Kind.DISTRICT and entity.place is None:
            parents = [gaz.parent(p) for p in gaz.lookup(entity.name)]
            where = "、".join(p.name for p in parents if p is not None)
            yield f"{entity.name} (in {where})" if where else entity.name


def build(
    paths: Sequence[str | Path],
    out_dir: Path,
    *,
    encoding: str | None = None,
    base_iri: str | None = None,
    html: bool = True,
    store: Path | None = None,
    validate: bool = True,
    strict: bool = False,
    on_start: Callable[[int], None] | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Read ``paths``, extract, and write graph.ttl and graph.html in ``out_dir``.

    ``on_start`` is told how many articles were read; ``progress`` how many
    are done as extraction goes.  The graph is checked against the contract's
    SHACL shapes before anything is written (``validate``); outputs are
    replaced only when complete.  A file or line that cannot be read is
    skipped and listed in the summary (``strict``: an InputError instead).
    """
    from kg.graph.files import write_turtle
    from kg.graph.triples import build_graph
    from kg.publish.page import write_html
    from kg.read.clean import check_base_iri
    from kg.read.files import read_all

    started = time.perf_counter()
    if base_iri is not None:
        check_base_iri(base_iri)
    reading = read_all(paths, encoding=encoding, strict=strict)
    docs = list(reading.documents)
    if on_start is not None:
        on_start(len(docs))
    overrides = load_overrides(out_dir) if out_dir.is_dir() else None
    extraction = extract_documents(docs, progress=progress, overrides=overrides)
    graph = build_graph(extraction, **({"base_iri": base_iri} if base_iri else {}))
    if validate:
        from kg.graph.shacl import check_graph

        check_graph(graph, what=str(out_dir / "graph.ttl"))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{out_dir}: cannot create the output folder ({exc.strerror}); "
            "choose another with -o"
        ) from exc
    outputs = [write_turtle(graph, out_dir / "graph.ttl")]
    if store is not None:
        from kg.corpus.store import write_store

        write_store(graph, store)
        outputs.append(store)
    if html:
        write_html(graph, out_dir / "graph.html")
        outputs.append(out_dir / "graph.html")
    seconds = time.perf_counter() - started
    summary = summarise(extraction, seconds, tuple(outputs), len(graph))
    return replace(summary, skipped=reading.skipped, notices=reading.notices)
