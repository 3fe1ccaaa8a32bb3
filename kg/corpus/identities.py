"""Person identity in a corpus: kept in the index, updated batch by batch.

Workers draw each article's graph with a placeholder node per person name
(the name-based IRI of :func:`kg.graph.triples.name_based`).  Before a batch
is loaded, :class:`Identities` clusters every mention of each name the batch
touches — the stored mentions of that name in earlier articles (the
``people`` table of ``index.sqlite``, found by name: no all-pairs, no
re-reading) and the batch's own — with :func:`kg.resolve.people.assign`.
Then the batch's placeholders become the people's nodes, earlier articles
whose people changed node (a new article joined two people, or gave a
post-less mention a second candidate) get their graphs drawn again from
their stored facts, and the identity graph's ``kgo:mergeReason`` notes of
the touched names are replaced.  A person keeps their node as long as most
of their mentions stay together (:func:`kg.resolve.identity.keep_identities`).

Analyst overrides (``identities.toml``) apply in every build; when the file
changed since the last build, every name it names is clustered again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields
from typing import Any

import pyoxigraph as ox

from kg.corpus import increments
from kg.corpus.index import CorpusIndex
from kg.graph.iris import IRIs, name_based
from kg.graph.triples import (
    MERGE_REASON,
    article_quads,
    identity_quads,
    serialise_article,
)
from kg.model import ArticleFacts, Kind
from kg.resolve.identity import Overrides, PersonCluster, PersonMention
from kg.resolve.people import assign, naming_of, records_of, without_people

MentionKey = tuple[str, str]
_FIELDS = tuple(f.name for f in fields(PersonMention))
HIDDEN = ""
"""The node of a mention an analyst said is no person."""


class Identities:
    """The person step of one generation's writer (see the module doc)."""

    def __init__(self, index: CorpusIndex, iris: IRIs, overrides: Overrides) -> None:
        self.index = index
        self.iris = iris
        self.overrides = overrides
        self.db = index.db
        self.touched: set[str] = set()
        self.pending: dict[str, list[PersonMention]] = {}
        prefix = iris.of_kind(Kind.PERSON).encode()
        self._person_iri = re.compile(b"<" + re.escape(prefix) + b"[^>]*>")
        self._note_override_changes()

    # ------------------------------------------------------------ collecting

    def forget(self, doc: str) -> None:
        """An article leaves (retracted or replaced): its names are touched."""
        rows = self.db.execute("SELECT name FROM people WHERE doc = ?", (doc,))
        self.touched.update(name for (name,) in rows)
        self.db.execute("DELETE FROM people WHERE doc = ?", (doc,))
        self.pending.pop(doc, None)

    def add(self, facts: ArticleFacts) -> None:
        """An article of this batch: its people wait for :meth:`settle`."""
        records = records_of(facts)
        self.pending[facts.article.id] = records
        self.touched.update(r.name for r in records)

    # ------------------------------------------------------------ settling

    def settle(self, store: ox.Store, graphs: dict[str, bytes]) -> None:
        """Cluster the touched names; give the batch's graphs (``graphs``:
        N-Quads, by graph IRI) their people's nodes; draw the
        earlier articles whose people moved again into the batch; replace the
        touched names' notes in the identity graph."""
        if not self.touched:  # the batch's articles name nobody
            self.pending.clear()
            return
        stored = dict(self._stored(self.touched))
        previous = {key: node for key, (_, node) in stored.items() if node != HIDDEN}
        records = [record for record, _ in stored.values()]
        records += [r for rs in self.pending.values() for r in rs]
        people = assign(
            records,
            mint=lambda key, name: self.iris.entity(key, Kind.PERSON, name),
            previous=previous,
            overrides=self.overrides,
        )
        nodes = {r.key: people.nodes.get(r.key, HIDDEN) for r in records}
        for doc, records_here in self.pending.items():
            iri = self.iris.article_graph(doc)
            graphs[iri] = self._swap(graphs[iri], records_here, nodes)
        moved = sorted(
            {
                doc
                for (doc, name), (_, node) in stored.items()
                if nodes[(doc, name)] != node
            }
        )
        for doc in moved:
            self._redraw(store, doc, nodes, graphs)
        self._notes(store, {node for _, node in stored.values()}, people.clusters)
        self._save(stored, nodes)
        self.touched.clear()
        self.pending.clear()

    def _swap(
        self,
        data: bytes,
        records: Iterable[PersonMention],
        nodes: Mapping[MentionKey, str],
    ) -> bytes:
        """An article graph (N-Quads) with each person's placeholder node
        replaced by the person's node (one pass over the graph; a mention an
        analyst said is no person keeps its placeholder)."""
        iris = self.iris
        swaps = {
            f"<{iris.entity(f'Person:{r.name}', Kind.PERSON, r.name)}>".encode(): (
                f"<{nodes[r.key]}>".encode()
            )
            for r in records
            if nodes[r.key] != HIDDEN
        }
        if not swaps:
            return data
        return self._person_iri.sub(lambda m: swaps.get(m[0], m[0]), data)

    def _redraw(
        self,
        store: ox.Store,
        doc: str,
        nodes: Mapping[MentionKey, str],
        graphs: dict[str, bytes],
    ) -> None:
        """Draw an earlier article's graph again with its people's new nodes."""
        facts = self.index.facts(doc)
        if facts is None:
            return
        all_nodes = {
            (doc, name): node
            for name, node in self.db.execute(
                "SELECT name, node FROM people WHERE doc = ?", (doc,)
            )
        }
        all_nodes.update({k: v for k, v in nodes.items() if k[0] == doc})
        shown = without_people(facts, self._hidden(all_nodes))
        naming = naming_of(shown, name_based(shown.entities, self.iris), all_nodes)
        iri = self.iris.article_graph(doc)
        self.index.retracted(increments.retract(store, [iri]))
        quads = article_quads(shown, naming, self.iris)
        graphs[iri] = serialise_article(quads)

    @staticmethod
    def _hidden(nodes: Mapping[MentionKey, str]) -> frozenset[str]:
        return frozenset(name for (_, name), node in nodes.items() if node == HIDDEN)

    def _notes(
        self,
        store: ox.Store,
        old_nodes: Iterable[str],
        clusters: Iterable[tuple[PersonCluster, str]],
    ) -> None:
        """Replace the identity graph's notes on the touched people (only
        the notes that changed are written: most people keep theirs)."""
        graph = ox.NamedNode(self.iris.identity_graph())
        old = {
            quad
            for node in sorted(set(old_nodes) - {HIDDEN})
            for quad in store.quads_for_pattern(
                ox.NamedNode(node), MERGE_REASON, None, graph
            )
        }
        new = identity_quads(
            ((iri, cluster.reasons) for cluster, iri in clusters), self.iris
        )
        for quad in old.difference(new):
            store.remove(quad)
            store.remove(ox.Quad(quad.subject, quad.predicate, quad.object))
        increments.add(store, [quad for quad in new if quad not in old])

    def _save(
        self,
        stored: Mapping[MentionKey, tuple[PersonMention, str]],
        nodes: Mapping[MentionKey, str],
    ) -> None:
        """Write the batch's mentions and the new nodes of stored ones that
        moved; a stored mention that kept its node is left as it is (writing
        every mention of each touched name again made each batch cost more
        than the one before)."""
        moved = [
            (nodes[(doc, name)], name, doc)
            for (doc, name), (_, node) in sorted(stored.items())
            if nodes[(doc, name)] != node
        ]
        self.db.executemany(
            "UPDATE people SET node = ? WHERE name = ? AND doc = ?", moved
        )
        new = sorted(
            (r for rs in self.pending.values() for r in rs), key=lambda r: r.key
        )
        self.db.executemany(
            "DELETE FROM people WHERE name = ? AND doc = ?",
            [(r.name, r.doc) for r in new],
        )
        self.db.executemany(
            "INSERT INTO people VALUES (?, ?, ?, ?)",
            [(r.doc, r.name, nodes[r.key], _encode(r)) for r in new],
        )

    def _stored(
        self, names: Iterable[str]
    ) -> Iterator[tuple[MentionKey, tuple[PersonMention, str]]]:
        for chunk in _chunks(sorted(names), 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT doc, name, node, record FROM people WHERE name IN ({marks})",
                chunk,
            )
            for doc, name, node, record in rows:
                if doc not in self.pending:
                    yield (doc, name), (_decode(record), node)

    # ------------------------------------------------------------ overrides

    def _note_override_changes(self) -> None:
        """Touch every name the overrides name now or named at the last build."""
        text = _overrides_text(self.overrides)
        before = self.index.get_meta("overrides")
        if before == text:
            return
        for data in (before, text):
            if data:
                self.touched.update(json.loads(data)["names"])
        self.index.set_meta("overrides", text)


def _overrides_text(overrides: Overrides) -> str:
    names = {name for group in overrides.same for _, name in group}
    names |= {name for pair in overrides.different for _, name in pair}
    names |= set(overrides.not_person)
    data = {
        "same": sorted(sorted(map(list, g)) for g in overrides.same),
        "different": sorted(sorted(map(list, p)) for p in overrides.different),
        "names": sorted(names),
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _encode(record: PersonMention) -> str:
    # every field is a str or a frozenset of str: read them as they are
    # (dataclasses.asdict copies each value: most of the cost of saving)
    data = {
        k: sorted(v) if isinstance(v, frozenset) else v
        for k in _FIELDS
        for v in [getattr(record, k)]
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _decode(text: str) -> PersonMention:
    data: dict[str, Any] = json.loads(text)
    fields: dict[str, Any] = {
        k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()
    }
    return PersonMention(**fields)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
