"""Changing one generation of a corpus: its store and its index together.

:class:`CorpusWriter` opens a new generation's store and index (copies of
the current ones), adds, replaces and retracts article graphs
(:mod:`kg.corpus.increments`), checks each batch against the contract's
rules, and at the end writes the exports (:mod:`kg.corpus.exports`).  It
never touches the live generation.

A batch's graphs go into the store on a thread of their own, and are
checked there against the rules that span the corpus: Oxigraph's bulk
loader and query engine release the GIL, so while one batch is parsed,
written and checked (a third of the writer's work) this thread takes in
the next batch's articles.  Whatever reads or changes the store first
waits for the load and its check, then commits the batch
(:meth:`CorpusWriter._settle`), so every check and every change sees the
store as it would without the thread, and the corpus is the same.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from kg.corpus import increments, labels
from kg.corpus.counts import Counts
from kg.corpus.generations import INDEX, STORE
from kg.corpus.identities import Identities
from kg.corpus.index import CorpusIndex
from kg.corpus.memory import release_memory
from kg.corpus.store import PREFIX_FILE
from kg.errors import OutputError
from kg.extract.gazetteer import Gazetteer
from kg.graph.iris import IRIs
from kg.graph.namespaces import BASE_IRI
from kg.model import ArticleFacts
from kg.resolve.identity import Overrides

log = logging.getLogger(__name__)

Change = Literal["added", "replaced", "unchanged"]
COMPACT_AFTER_BATCHES = 4
"""A build that wrote this many batches compacts the store at the end."""
PageWriter = Callable[[ox.Store, Path], Path]
"""Writes graph.html of a store to a path (kg.publish.overview)."""


@dataclass(frozen=True)
class Exported:
    """What :meth:`CorpusWriter.finish` wrote and counted."""

    generation: str
    outputs: tuple[Path, ...]
    counts: Counts
    documents: int
    undecided: list[tuple[str, int]]
    removed: int = 0


@dataclass
class _Batch:
    """Article graphs waiting to be loaded (N-Quads), by graph IRI."""

    nquads: dict[str, bytes] = field(default_factory=dict)


@dataclass
class _Loading:
    """A batch being loaded on the loader thread, checked and committed once
    it is in."""

    graphs: dict[str, bytes]
    done: Future[None]


class CorpusWriter:
    """The store and index of one new generation (see the module doc)."""

    def __init__(
        self,
        generation: Path,
        *,
        base_iri: str | None,
        validate: bool = True,
        overrides: Overrides | None = None,
    ) -> None:
        self.generation = generation
        self.index = CorpusIndex(generation / INDEX)
        kept = self.index.get_meta("base_iri")
        if kept is not None and base_iri is not None and kept != base_iri:
            raise OutputError(
                f"{generation.parent}: this corpus uses --base-iri {kept}; pass the "
                "same base, or build into a new folder"
            )
        self.base_iri = base_iri or kept or BASE_IRI
        self.index.set_meta("base_iri", self.base_iri)
        self.iris = IRIs(self.base_iri)
        self.store = ox.Store(str(generation / STORE))
        if not labels.mirrored(self.index.db):  # a corpus of an older kg
            labels.fill(self.index.db, self.store)
        self.validate = validate
        self.batch = _Batch()
        self.batches = 0
        self.people = Identities(self.index, self.iris, overrides or Overrides())
        self._loader = ThreadPoolExecutor(1, thread_name_prefix="kg-load")
        self._loading: _Loading | None = None

    # ---------------------------------------------------------------- asking

    def unchanged(self, article_id: str, content_hash: str) -> bool:
        """Whether the corpus holds this article as it is (its text too: a
        corpus built before texts were kept reads the article again)."""
        known = self.index.get(article_id)
        if known is None or known.content_hash != content_hash:
            return False
        return self.index.has_text(article_id)

    def holds(self, article_id: str) -> bool:
        return self.index.get(article_id) is not None

    # ---------------------------------------------------------------- changing

    def put(
        self,
        facts: ArticleFacts,
        content_hash: str,
        nquads: bytes,
        *,
        text: str | None = None,
    ) -> Change:
        """Add an article's graph (serialised by :func:`serialise_article`)
        and its ``text`` as the source wrote it, replacing the article with
        its id or URL."""
        meta = facts.article
        known = self.index.get(meta.id)
        change: Change = "added"
        if known is not None:
            change = "unchanged" if known.content_hash == content_hash else "replaced"
            self._retract_graph(known.graph_iri)
            self.people.forget(known.id)
        if meta.url:
            other = self.index.by_url(meta.url)
            if other is not None and other.id != meta.id:
                self._retract_graph(other.graph_iri)
                self.people.forget(other.id)
                self.index.delete(other.id)
                change = "replaced"
        graph_iri = self.iris.article_graph(meta.id)
        self.batch.nquads[graph_iri] = nquads
        self.index.put(
            facts,
            content_hash=content_hash,
            graph_iri=graph_iri,
            undecided=_undecided(facts),
            text=text,
        )
        self.people.add(facts)
        return change

    def retract(self, article_id: str) -> None:
        known = self.index.get(article_id)
        if known is not None:
            self._retract_graph(known.graph_iri)
            self.people.forget(article_id)
            self.index.delete(article_id)

    def _retract_graph(self, graph_iri: str) -> None:
        if graph_iri in self.batch.nquads:  # written earlier in this batch
            del self.batch.nquads[graph_iri]
        else:
            self._settle()
            self.index.retracted(increments.retract(self.store, [graph_iri]))

    def end_batch(self) -> None:
        """Give the batch's people their nodes (:mod:`kg.corpus.identities`),
        then start loading its graphs; the load is checked against the rules
        that span the corpus (each chunk was checked on its own where it was
        extracted) and committed by :meth:`_settle`."""
        self._settle()
        graphs = self.batch.nquads
        self.people.settle(self.store, graphs)
        done = self._loader.submit(self._load, graphs)
        self._loading = _Loading(graphs, done)
        self.index.loaded(graphs.values())
        self.batch = _Batch()
        self.batches += 1

    def _load(self, graphs: dict[str, bytes]) -> None:
        """Load a batch and check it (on the loader thread)."""
        increments.load(self.store, graphs)
        if self.validate and graphs:
            from kg.graph.rules import check_touched

            check_touched(self.store, graphs, what=str(self.generation))

    def _settle(self) -> None:
        """Wait for the batch being loaded and checked, commit it."""
        loading, self._loading = self._loading, None
        if loading is None:
            return
        loading.done.result()
        self.index.commit()

    def close(self) -> None:
        """Stop the loader thread (after :meth:`finish`, or on a failure:
        a batch still loading is waited for, not checked)."""
        self._loader.shutdown(wait=True)

    # ---------------------------------------------------------------- exports

    def finish(
        self,
        *,
        page: PageWriter | None = None,
        graphs: bool = True,
        inputs: Sequence[str] = (),
    ) -> Exported:
        """Write the exports into the generation (``page`` draws graph.html
        from the store; ``graphs=False``: no graph.ttl and graph.trig;
        ``inputs``: the lines of inputs.txt); close store and index."""
        from kg.corpus.counts import count_store
        from kg.corpus.exports import write_exports

        if self.people.touched:  # overrides changed, no article did
            self.end_batch()
        self._settle()
        self.close()

        prefixes = {"kgr": self.base_iri}
        (self.generation / STORE / PREFIX_FILE).write_text(json.dumps(prefixes))
        # Each batch's bulk load leaves its own files; compacting them makes
        # every later read (exports, queries) several times faster.  A small
        # addition leaves few, which RocksDB's own compaction takes care of.
        if self.batches >= COMPACT_AFTER_BATCHES:
            self.store.optimize()
        undecided = self.index.undecided()
        documents = len(self.index)
        counts = count_store(self.store)
        # The exports read the store as the dump process does: read-only,
        # without the writer's buffers (about 80 MB less at 10k articles,
        # where the page and report.html are the build's memory peak).
        self.store.flush()
        del self.store
        release_memory()
        store = ox.Store.read_only(str(self.generation / STORE))
        outputs = write_exports(
            store,
            self.generation,
            base_iri=self.base_iri,
            undecided=undecided,
            page=page,
            store_path=self.generation / STORE,
            graphs=graphs,
            inputs=inputs,
            summary={
                "articles": documents,
                "entities": counts.entities,
                "relations": counts.relations,
                "triples": counts.triples,
                "base_iri": self.base_iri,
            },
        )
        self.index.close()
        return Exported(self.generation.name, outputs, counts, documents, undecided)


def _undecided(facts: ArticleFacts) -> list[tuple[str, str]]:
    """Districts of the article the text did not decide, with where they may lie."""
    gaz = Gazetteer.default()
    found = []
    for entity in facts.entities:
        if entity.undecided:
            parents = [gaz.parent(p) for p in gaz.lookup(entity.name)]
            where = "、".join(p.name for p in parents if p is not None)
            found.append((entity.name, where))
    return found
