"""A contract graph as four flat tables: entities, posts, relations, articles.

What a spreadsheet user wants from the graph, read with a few plain SPARQL
SELECTs through ``kg.sparql.query.run_query`` (so a graph file and a store
give the same tables) and put together in Python, where the order is fixed:
rows sorted, multi-valued cells joined with ``；`` in sorted order.  The CSV
and XLSX exporters write these tables and the report page shows them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.graph.namespaces import STANDARD_PREFIXES
from kg.graph.timespan import days_of
from kg.graph.view import FACT_PREDICATES

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.sparql.query import SparqlBackend

JOIN = "；"
KIND_TYPES = {
    "https://schema.org/Person": "Person",
    "http://www.w3.org/ns/org#Organization": "Organization",
    "https://schema.org/AdministrativeArea": "District",
    "https://w3id.org/kgzh/ontology#Initiative": "Initiative",
}
RELATIONS = {
    **{str(p): key for p, key in FACT_PREDICATES.items()},
    "https://schema.org/jobTitle": "jobTitle",
}
KGO = "https://w3id.org/kgzh/ontology#"

QUERIES = {
    "typed": "SELECT ?e ?type WHERE { ?e a ?type }",
    "labels": "SELECT ?e ?label WHERE { ?e skos:prefLabel ?label }",
    "rdfs": "SELECT ?e ?label WHERE { ?e rdfs:label ?label }",
    "alts": "SELECT ?e ?alt (LANG(?alt) AS ?lang) WHERE { ?e skos:altLabel ?alt }",
    "codes": "SELECT ?e ?code WHERE { ?e kgo:adminCode ?code }",
    "places": """SELECT ?e ?place WHERE {
        ?e kgo:locatedIn|schema:containedInPlace ?place }""",
    "mentions": "SELECT ?a ?e WHERE { ?a schema:mentions ?e }",
    "articles": """SELECT ?a ?title ?date ?url ?file ?id ?publisher WHERE {
        ?a a schema:NewsArticle .
        OPTIONAL { ?a schema:headline ?title }
        OPTIONAL { ?a schema:datePublished ?date }
        OPTIONAL { ?a schema:url ?url }
        OPTIONAL { ?a kgo:sourceFile ?file }
        OPTIONAL { ?a schema:identifier ?id }
        OPTIONAL { ?a schema:publisher ?publisher } }""",
    "members": """SELECT ?m ?person ?org WHERE {
        ?m a org:Membership ; org:member ?person .
        OPTIONAL { ?m org:organization ?org } }""",
    "roles": "SELECT ?m ?role WHERE { ?m org:role/skos:prefLabel ?role }",
    "statements": """SELECT ?st ?s ?p ?o WHERE {
        ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }""",
    "sources": "SELECT ?n ?src WHERE { ?n prov:wasDerivedFrom ?src }",
    "texts": "SELECT ?n ?text WHERE { ?n kgo:evidenceText ?text }",
    "attested": "SELECT ?m ?date WHERE { ?m kgo:attestedOn ?date }",
    "during": """PREFIX time: <http://www.w3.org/2006/time#>
        SELECT ?m ?begin ?end WHERE { ?m org:memberDuring ?i .
        OPTIONAL { ?i time:hasBeginning/time:inXSDDate ?begin }
        OPTIONAL { ?i time:hasEnd/time:inXSDDate ?end } }""",
    "titles": "SELECT ?person ?title WHERE { ?person schema:jobTitle ?title }",
}


_READ_ONCE = ("typed", "labels", "rdfs", "articles", "sources", "texts", "places")
"""Rows read only to build the dicts above: dropped once built (at 10k
articles they are half of what the tables hold)."""


def read_strings(
    source: Graph | SparqlBackend,
    text: str,
    interned: dict[str, str] | None = None,
) -> Iterator[tuple[str, ...]]:
    """A query's rows as strings ("" for unbound), one at a time; from a
    store, without making rdflib terms, IRIs interned in ``interned`` when
    given (:func:`kg.sparql.oxigraph.select_strings`)."""
    from kg.sparql.oxigraph import OxigraphBackend, select_strings
    from kg.sparql.query import run_query

    if isinstance(source, OxigraphBackend):
        prefixes = {**STANDARD_PREFIXES, **source.prefixes()}
        yield from select_strings(
            source.store, text, prefixes=prefixes, interned=interned
        )
        return
    for row in run_query(source, text).rows:
        yield tuple("" if t is None else str(t) for t in row)


@dataclass(frozen=True)
class Table:
    """One sheet: a name, its column names and rows of plain strings."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Article:
    iri: str
    title: str
    date: str
    url: str
    file: str
    id: str
    publisher: str


def articles_from(
    rows: Iterable[tuple[str, ...]], label: Callable[[str], str]
) -> dict[str, Article]:
    """The articles of the ``articles`` query's rows, each from its first
    row in sorted order; an article without a headline is named by its
    label, its outlet by the publisher's (``label``: "" when none)."""
    found: dict[str, Article] = {}
    for iri, title, date, url, file, ident, publisher in sorted(rows):
        if iri not in found:
            name = title or label(iri)
            outlet = label(publisher) if publisher else ""
            found[iri] = Article(iri, name, date, url, file, ident, outlet)
    return found


class GraphTables:
    """The base facts of a graph, read once; the tables are built from them."""

    def __init__(self, source: Graph | SparqlBackend) -> None:
        iris: dict[str, str] = {}  # one str per IRI, whatever the query

        def read(name: str) -> list[tuple[str, ...]]:
            return list(read_strings(source, QUERIES[name], iris))

        # The rows read once are read one query at a time and let go once
        # kept in the form the tables use: holding them all at once was the
        # report's peak (report.html of a 10k corpus: 661 -> 592 MB).
        self.labels: dict[str, str] = {}
        for node, label in sorted(read("rdfs")) + sorted(read("labels")):
            self.labels[node] = label
        typed = read("typed")
        self.kinds = self._kinds(typed)
        self.finer = _multi(
            (e, t.rsplit("#", 1)[-1])
            for e, t in typed
            if t.startswith(KGO) and t not in KIND_TYPES
        )
        del typed
        self.articles = self._articles(read("articles"))
        self.sources = _multi(read("sources"))
        self.texts = _multi((n, " ".join(t.split())) for n, t in read("texts"))
        self.places = _multi(read("places"))
        self.rows = {name: read(name) for name in QUERIES if name not in _READ_ONCE}
        self.mentioned_in = _multi((e, a) for a, e in self.rows["mentions"])

    def _kinds(self, typed: Iterable[tuple[str, ...]]) -> dict[str, str]:
        kinds: dict[str, str] = {}
        for entity, rdf_type in sorted(typed):
            if rdf_type in KIND_TYPES:
                kinds.setdefault(entity, KIND_TYPES[rdf_type])
        return kinds

    def _articles(self, rows: Iterable[tuple[str, ...]]) -> dict[str, Article]:
        return articles_from(rows, lambda node: self.labels.get(node, ""))

    def label(self, node: str) -> str:
        return self.labels.get(node, node.rsplit("/", 1)[-1])

    def dates(self, node: str) -> list[str]:
        """Dates of the articles a fact was derived from, sorted."""
        return sorted(
            self.articles[s].date
            for s in self.sources.get(node, ())
            if s in self.articles and self.articles[s].date
        )

    def source_text(self, node: str) -> tuple[str, str, str]:
        """(article titles or the source's label, urls, files) of a fact."""
        sources = sorted(self.sources.get(node, ()))
        titles = [
            self.articles[s].title if s in self.articles else self.label(s)
            for s in sources
        ]
        urls = [self.articles[s].url for s in sources if s in self.articles]
        files = [self.articles[s].file for s in sources if s in self.articles]
        return _join(titles), _join(u for u in urls if u), _join(f for f in files if f)

    # ------------------------------------------------------------- tables

    def entities(self) -> Table:
        columns = (
            "iri", "kind", "types", "label", "aliases", "pinyin", "admin_code",
            "located_in", "articles", "first_date", "last_date",
        )  # fmt: skip
        alts: dict[str, list[str]] = defaultdict(list)
        pinyin: dict[str, list[str]] = defaultdict(list)
        for entity, alt, lang in self.rows["alts"]:
            (pinyin if lang.lower().startswith("zh-latn") else alts)[entity].append(alt)
        codes = _multi(self.rows["codes"])
        rows = []
        for iri, kind in sorted(self.kinds.items()):
            dates = sorted(
                self.articles[a].date
                for a in self.mentioned_in.get(iri, ())
                if a in self.articles and self.articles[a].date
            )
            rows.append(
                (
                    iri,
                    kind,
                    _join(self.finer.get(iri, ())),
                    self.label(iri),
                    _join(alts.get(iri, ())),
                    _join(pinyin.get(iri, ())),
                    _join(codes.get(iri, ())),
                    _join(self.label(p) for p in self.places.get(iri, ())),
                    str(len(self.mentioned_in.get(iri, ()))),
                    dates[0] if dates else "",
                    dates[-1] if dates else "",
                )
            )
        return Table("entities", columns, tuple(rows))

    def posts(self) -> Table:
        columns = (
            "person", "roles", "organization", "place", "first_date", "last_date",
            "began", "ended", "evidence", "sources", "urls", "person_iri",
            "organization_iri",
        )  # fmt: skip
        roles = _multi(self.rows["roles"])
        attested = _multi(self.rows["attested"])
        during = {m: (b, e) for m, b, e in sorted(self.rows["during"])}
        rows = []
        for membership, person, org in sorted(set(self.rows["members"])):
            dates = sorted(self.dates(membership) + list(attested.get(membership, ())))
            titles, urls, _ = self.source_text(membership)
            began, ended = during.get(membership, ("", ""))
            rows.append(
                (
                    self.label(person),
                    _ordered_roles(
                        roles.get(membership, ()), self.texts.get(membership, ())
                    ),
                    self.label(org) if org else "",
                    _join(self.label(p) for p in self.places.get(org, ()))
                    if org
                    else "",
                    dates[0] if dates else "",
                    dates[-1] if dates else "",
                    began,
                    ended,
                    _join(self.texts.get(membership, ())),
                    titles,
                    urls,
                    person,
                    org,
                )
            )
        for person, title in sorted(set(self.rows["titles"])):
            rows.append(
                (
                    self.label(person),
                    title,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    person,
                    "",
                )
            )
        rows.sort()
        return Table("posts", columns, tuple(rows))

    def relations(self) -> Table:
        columns = (
            "subject", "subject_kind", "relation", "object", "object_kind", "roles",
            "evidence", "source", "date", "url", "file", "subject_iri", "object_iri",
        )  # fmt: skip
        roles = _multi(self.rows["roles"])
        facts: list[tuple[str, str, str, str, str]] = []
        for membership, person, org in sorted(set(self.rows["members"])):
            if org:
                facts.append(
                    (
                        membership,
                        person,
                        "post",
                        org,
                        _ordered_roles(
                            roles.get(membership, ()), self.texts.get(membership, ())
                        ),
                    )
                )
        for statement, s, p, o in sorted(set(self.rows["statements"])):
            if p in RELATIONS:
                facts.append((statement, s, RELATIONS[p], o, ""))
        rows = []
        for node, subject, relation, obj, role_text in facts:
            titles, urls, files = self.source_text(node)
            dates = self.dates(node)
            rows.append(
                (
                    self.label(subject),
                    self.kinds.get(
                        subject, "Article" if subject in self.articles else ""
                    ),
                    relation,
                    self.label(obj) if obj.startswith(("http:", "https:")) else obj,
                    self.kinds.get(obj, ""),
                    role_text,
                    _join(self.texts.get(node, ())),
                    titles,
                    _join(dict.fromkeys(dates)),
                    urls,
                    files,
                    subject,
                    obj,
                )
            )
        rows.sort(key=lambda r: (r[2], r[0], r[3], r[11], r[12]))
        return Table("relations", columns, tuple(rows))

    def article_table(self) -> Table:
        columns = (
            "iri", "headline", "date", "publisher", "url", "file", "identifier",
            "authors", "mentions",
        )  # fmt: skip
        authors: dict[str, list[str]] = defaultdict(list)
        for _, s, p, o in self.rows["statements"]:
            if p == "https://schema.org/author":
                authors[s].append(self.label(o))
        mentions = _multi(self.rows["mentions"])
        rows = tuple(
            (
                a.iri,
                a.title,
                a.date,
                a.publisher,
                a.url,
                a.file,
                a.id,
                _join(authors.get(a.iri, ())),
                str(len(mentions.get(a.iri, ()))),
            )
            for a in sorted(self.articles.values(), key=lambda a: (a.date, a.iri))
        )
        return Table("articles", columns, rows)

    def all(self) -> tuple[Table, ...]:
        return (self.entities(), self.posts(), self.relations(), self.article_table())


def graph_tables(source: Graph | SparqlBackend) -> tuple[Table, ...]:
    """Entities, posts, relations (with evidence and source) and articles."""
    return GraphTables(source).all()


def _multi(pairs: Iterable[Sequence[str]]) -> dict[str, list[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for key, value in pairs:
        if value:
            found[key].add(value)
    return {key: sorted(values) for key, values in found.items()}


def _join(values: Iterable[str]) -> str:
    return JOIN.join(sorted(dict.fromkeys(v for v in values if v)))


def _ordered_roles(roles: Iterable[str], texts: Iterable[str]) -> str:
    """Roles in the order the evidence names them (党组书记 before 主席)."""
    text = "\n".join(sorted(texts))

    def position(role: str) -> tuple[int, str]:
        found = text.find(role)
        return (found if found >= 0 else len(text), role)

    return "、".join(sorted(set(roles), key=position))


def year_month(date: str) -> str:
    """``2023-06`` for any date literal ("" when it is none)."""
    days = days_of(date) if date else None
    return days.first[:7] if days else ""
