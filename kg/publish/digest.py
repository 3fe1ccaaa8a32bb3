"""The report's figures, read a query at a time without holding the corpus.

report.html shows counts, the most mentioned and most connected entities,
articles and entities per month, a district tree, the launchers of
initiatives and the latest :data:`POST_ROWS` posts.  None of this needs the
corpus's rows at once.  :class:`Digest` streams each query's rows and folds
them into counters keyed by entity numbers (the entities' IRIs in sorted
order), then looks up only what the page shows: the labels of the entities
it names, and the evidence and sources of the posts it lists, with
``VALUES`` queries.  (Holding every row, as the spreadsheet tables of
:mod:`kg.publish.tables` must, took 594 MB at 10,000 articles, and 6.4 GB
in a 100,000-article build.)

The figures are those the tables give (a test compares them): a post's
dates are its source articles' dates and its ``kgo:attestedOn`` dates; an
entity's kind is its first base type in IRI order; a label is the greatest
``skos:prefLabel``, else the greatest ``rdfs:label``, else the IRI's tail.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from kg.publish.tables import (
    KIND_TYPES,
    QUERIES,
    RELATIONS,
    Article,
    _join,
    _multi,
    _ordered_roles,
    articles_from,
    read_strings,
    year_month,
)

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.sparql.query import SparqlBackend

POST_ROWS = 5000
"""Most posts the report's table carries: the latest; ``kg export`` has all
(a 100,000-article corpus has 770,000 posts, 266 MB of page)."""
TOP = 15
CHUNK = 2000
"""IRIs in one ``VALUES`` lookup."""

_TYPES = " ".join(f"<{t}>" for t in KIND_TYPES)
_KINDS = f"SELECT ?e ?t WHERE {{ VALUES ?t {{ {_TYPES} }} ?e a ?t }}"
_MEMBERS = """SELECT ?m ?person ?org WHERE {
    ?m a org:Membership ; org:member ?person .
    OPTIONAL { ?m org:organization ?org } }"""
# the same rows for the memberships given: the type checked last, in FILTER
# EXISTS (as a pattern beside the VALUES, Oxigraph read every membership of
# the corpus for each chunk: 5.3 s a chunk of 2,000 at 10k, against 0.06 s)
_MEMBERS_OF = """SELECT ?m ?person ?org WHERE { VALUES ?m { %s }
    ?m org:member ?person . OPTIONAL { ?m org:organization ?org }
    FILTER EXISTS { ?m a org:Membership } }"""
_POST_SOURCES = """SELECT ?m ?src WHERE {
    ?m a org:Membership ; prov:wasDerivedFrom ?src }"""
# looked up for the nodes the page names, CHUNK at a time
_LABELS = """SELECT ?e ?p ?l WHERE { VALUES ?e { %s } ?e ?p ?l
    FILTER (?p IN (skos:prefLabel, rdfs:label)) }"""
_ROLES = "SELECT ?m ?role WHERE { VALUES ?m { %s } ?m org:role/skos:prefLabel ?role }"
_TEXTS = "SELECT ?m ?text WHERE { VALUES ?m { %s } ?m kgo:evidenceText ?text }"
_SOURCES = "SELECT ?m ?src WHERE { VALUES ?m { %s } ?m prov:wasDerivedFrom ?src }"
_DURING = """PREFIX time: <http://www.w3.org/2006/time#>
    SELECT ?m ?begin ?end WHERE { VALUES ?m { %s } ?m org:memberDuring ?i .
    OPTIONAL { ?i time:hasBeginning/time:inXSDDate ?begin }
    OPTIONAL { ?i time:hasEnd/time:inXSDDate ?end } }"""
_NEAR = """SELECT ?e ?place WHERE { VALUES ?e { %s }
    ?e kgo:locatedIn|schema:containedInPlace ?place }"""
_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"

Row = tuple[str, ...]


def is_iri(value: str) -> bool:
    """Whether a row's text is an IRI (else a literal, such as a name)."""
    return value.startswith(("http:", "https:"))


class Digest:
    """The corpus read once, as counters; labels and posts looked up after."""

    def __init__(self, source: Graph | SparqlBackend) -> None:
        self.source = source
        first: dict[str, str] = {}  # entity -> its first base type
        for entity, rdf_type in read_strings(source, _KINDS):
            known = first.get(entity)
            if known is None or rdf_type < known:
                first[entity] = rdf_type
        self.entities = sorted(first)
        self.ids = {entity: n for n, entity in enumerate(self.entities)}
        self.kinds = [KIND_TYPES[first[e]] for e in self.entities]
        del first
        self._labels: dict[str, str] = {}  # the nodes that have one
        self._fetched: set[str] = set()
        self.articles = self._articles()

    # ------------------------------------------------------------ lookups

    def _each(self, template: str, nodes: Iterable[str]) -> Iterator[Row]:
        ordered = sorted({n for n in nodes if is_iri(n)})
        for start in range(0, len(ordered), CHUNK):
            chunk = " ".join(f"<{n}>" for n in ordered[start : start + CHUNK])
            yield from read_strings(self.source, template % chunk)

    def fetch_labels(self, nodes: Iterable[str]) -> None:
        """Look up the labels of ``nodes`` not looked up yet."""
        wanted = {n for n in nodes if n not in self._fetched}
        pref: dict[str, str] = {}
        other: dict[str, str] = {}
        for node, predicate, label in self._each(_LABELS, wanted):
            found = pref if predicate == _PREF else other
            if label > found.get(node, ""):
                found[node] = label
            found.setdefault(node, label)
        self._labels.update(other)
        self._labels.update(pref)
        self._fetched |= wanted

    def label(self, node: str) -> str:
        if node not in self._fetched:
            self.fetch_labels([node])
        return self._labels.get(node, node.rsplit("/", 1)[-1])

    def _articles(self) -> dict[str, Article]:
        found = list(read_strings(self.source, QUERIES["articles"]))
        untitled = [row[0] for row in found if not row[1]]
        self.fetch_labels(untitled + [row[6] for row in found if row[6]])
        return articles_from(found, lambda node: self._labels.get(node, ""))

    # ------------------------------------------------------------- passes

    def mentions(self) -> tuple[list[int], dict[tuple[str, str], int], int]:
        """Articles mentioning each entity; distinct entities of each kind
        per month; and how many mentions there are."""
        month_of = {
            iri: month
            for iri, a in self.articles.items()
            if a.date and (month := year_month(a.date))
        }
        months = sorted(set(month_of.values()))
        number = {m: n for n, m in enumerate(months)}
        month_index = {iri: number[m] for iri, m in month_of.items()}
        del month_of
        count = [0] * len(self.entities)
        seen: set[int] = set()
        total = 0
        for article, entity in read_strings(self.source, QUERIES["mentions"]):
            total += 1
            found = self.ids.get(entity)
            if found is None:
                continue
            count[found] += 1
            index = month_index.get(article)
            if index is not None:
                seen.add(index << 32 | found)
        per_month: Counter[tuple[str, str]] = Counter()
        for key in seen:
            per_month[self.kinds[key & 0xFFFFFFFF], months[key >> 32]] += 1
        return count, dict(per_month), total


def _threshold(keys: Counter[tuple[str, str]], limit: int) -> tuple[str, str]:
    """The least key among the ``limit`` greatest (counted with repeats)."""
    left = limit
    for key in sorted(keys, reverse=True):
        left -= keys[key]
        if left <= 0:
            return key
    return ("", "")


def top_by_count(
    digest: Digest, counts: Sequence[int], kind: str
) -> list[dict[str, Any]]:
    """The :data:`TOP` entities of ``kind`` with the greatest (non-zero)
    count, ties by label."""
    best = heapq.nlargest(
        TOP, (c for n, c in enumerate(counts) if c and digest.kinds[n] == kind)
    )
    if not best:
        return []
    least = best[-1]
    chosen = [n for n, c in enumerate(counts) if c >= least and digest.kinds[n] == kind]
    digest.fetch_labels(digest.entities[n] for n in chosen)
    ranked = sorted(
        ((digest.label(digest.entities[n]), counts[n]) for n in chosen),
        key=lambda p: (-p[1], p[0]),
    )[:TOP]
    return [{"name": name, "value": value} for name, value in ranked]


class Links:
    """The facts of the corpus (posts with an organisation, and statements
    of the relations the tables show) as distinct pairs of node numbers."""

    def __init__(self, digest: Digest) -> None:
        self.digest = digest
        self.others: dict[str, int] = {}  # nodes that are not entities
        self.facts: dict[str, set[int]] = defaultdict(set)
        self.launched: set[tuple[str, str]] = set()
        self.parents: dict[int, str] = {}
        self.located: Counter[int] = Counter()

    def number(self, node: str) -> int:
        found = self.digest.ids.get(node)
        if found is None:
            found = self.others.setdefault(
                node, len(self.digest.ids) + len(self.others)
            )
        return found

    def add(self, relation: str, subject: str, obj: str) -> None:
        self.facts[relation].add(self.number(subject) << 32 | self.number(obj))

    def read_statements(self) -> None:
        ids = self.digest.ids
        statements = read_strings(self.digest.source, QUERIES["statements"])
        for _, subject, predicate, obj in statements:
            relation = RELATIONS.get(predicate)
            if relation is not None:
                self.add(relation, subject, obj)
                if relation == "launchedBy":
                    self.launched.add((subject, obj))
            if predicate.endswith("containedInPlace") and subject in ids:
                child = ids[subject]
                if obj < self.parents.get(child, "\U0010ffff"):
                    self.parents[child] = obj
            elif predicate.endswith("locatedIn") and obj in ids:
                self.located[ids[obj]] += 1

    def settle(self) -> tuple[dict[str, int], list[int]]:
        """Distinct facts of each relation, and the distinct nodes each
        entity shares a fact with; the facts are let go as they are read."""
        counts = dict(sorted((r, len(pairs)) for r, pairs in self.facts.items()))
        pairs: set[int] = set()
        while self.facts:
            _, found = self.facts.popitem()
            for pair in found:
                a, b = pair >> 32, pair & 0xFFFFFFFF
                pairs.add(a << 32 | b if a <= b else b << 32 | a)
            del found
        count = [0] * len(self.digest.entities)
        size = len(count)
        for pair in pairs:
            a, b = pair >> 32, pair & 0xFFFFFFFF
            if a < size:
                count[a] += 1
            if b < size and b != a:
                count[b] += 1
        return counts, count


class Posts:
    """Posts: how many, and the latest :data:`POST_ROWS` as table rows."""

    def __init__(self, digest: Digest, links: Links) -> None:
        self.digest = digest
        articles = digest.articles
        dates: dict[str, tuple[str, str]] = {}
        interned: dict[str, str] = {}

        def widen(node: str, date: str) -> None:
            date = interned.setdefault(date, date)
            known = dates.get(node)
            if known is None:
                dates[node] = (date, date)
            elif date < known[0] or date > known[1]:
                dates[node] = (min(known[0], date), max(known[1], date))

        for membership, source in read_strings(digest.source, _POST_SOURCES):
            article = articles.get(source)
            if article is not None and article.date:
                widen(membership, article.date)
        for membership, date in read_strings(digest.source, QUERIES["attested"]):
            if date:
                widen(membership, date)
        keys: Counter[tuple[str, str]] = Counter()
        self.total = 0
        for membership, person, org in read_strings(digest.source, _MEMBERS):
            self.total += 1
            first, last = dates.get(membership, ("", ""))
            keys[last, first] += 1
            if org:
                links.add("post", person, org)
        self.titles = sorted(set(read_strings(digest.source, QUERIES["titles"])))
        self.total += len(self.titles)
        keys["", ""] += len(self.titles)
        self.least = _threshold(keys, POST_ROWS)
        self.dates = {
            m: (first, last)
            for m, (first, last) in dates.items()
            if (last, first) >= self.least
        }
        if self.least == ("", ""):  # every post, dated or not
            self.dates = dates

    def latest(self) -> list[Row]:
        """The latest POST_ROWS rows of the posts table (all of them, in the
        table's order, when there are no more)."""
        found = self._rows()
        if self.total <= POST_ROWS:
            return sorted(found)
        return sorted(found, key=_recency, reverse=True)[:POST_ROWS]

    def _rows(self) -> list[Row]:
        digest = self.digest
        if self.least == ("", ""):
            members = sorted(set(read_strings(digest.source, _MEMBERS)))
        else:
            members = sorted(set(digest._each(_MEMBERS_OF, self.dates)))
        chosen = [m for m, _, _ in members]
        roles = _multi(digest._each(_ROLES, chosen))
        texts = _multi(
            (m, " ".join(t.split())) for m, t in digest._each(_TEXTS, chosen)
        )
        sources = _multi(digest._each(_SOURCES, chosen))
        during = {m: (b, e) for m, b, e in sorted(digest._each(_DURING, chosen))}
        orgs = {org for _, _, org in members if org}
        places = _multi(digest._each(_NEAR, orgs))
        digest.fetch_labels(
            [n for _, person, org in members for n in (person, org) if n]
            + [p for found in places.values() for p in found]
            + [s for found in sources.values() for s in found]
            + [person for person, _ in self.titles]
        )
        label = digest.label
        found: list[Row] = []
        for membership, person, org in members:
            first, last = self.dates.get(membership, ("", ""))
            titles, urls = self._source_text(sources.get(membership, ()))
            began, ended = during.get(membership, ("", ""))
            found.append(
                (
                    label(person),
                    _ordered_roles(
                        roles.get(membership, ()), texts.get(membership, ())
                    ),
                    label(org) if org else "",
                    _join(label(p) for p in places.get(org, ())) if org else "",
                    first,
                    last,
                    began,
                    ended,
                    _join(texts.get(membership, ())),
                    titles,
                    urls,
                    person,
                    org,
                )
            )
        if self.least == ("", ""):
            for person, title in self.titles:
                found.append((label(person), title, *[""] * 9, person, ""))
        return found

    def _source_text(self, sources: Iterable[str]) -> tuple[str, str]:
        articles = self.digest.articles
        titles = [
            articles[s].title if s in articles else self.digest.label(s)
            for s in sorted(sources)
        ]
        urls = [articles[s].url for s in sorted(sources) if s in articles]
        return _join(titles), _join(u for u in urls if u)


def _recency(row: Row) -> tuple[str, ...]:
    """Last date, first date, then the whole row: one order, always."""
    return (row[5] or "", row[4] or "", *(str(x or "") for x in row))
