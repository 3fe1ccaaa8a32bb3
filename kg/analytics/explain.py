"""``kg explain NAME``: why the mentions of a name became the nodes they are.

Read from the graph (a graph file or a store, through SPARQL): every person
node labelled NAME, the articles that mention it with their dates, the posts
those articles give it, and the node's ``kgo:mergeReason`` notes (the rule
and evidence of each merge, and why it is kept apart from others of the
name).  Each mention is shown as ``ARTICLE:NAME``, the form ``kg merge`` and
``kg split`` take.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from kg.errors import KGError
from kg.graph.namespaces import STANDARD_PREFIXES, compact
from kg.sparql.query import SparqlBackend, run_query

_NODES = """
SELECT ?person ?reason WHERE {
  BIND(STRLANG(?name, "zh") AS ?label)
  ?person skos:prefLabel ?label ; a schema:Person .
  OPTIONAL { ?person kgo:mergeReason ?reason }
}"""
_MENTIONS = """
SELECT ?person ?id ?date WHERE {
  BIND(STRLANG(?name, "zh") AS ?label)
  ?person skos:prefLabel ?label ; a schema:Person .
  { ?article schema:mentions ?person } UNION { ?article schema:author ?person }
  ?article schema:identifier ?id .
  OPTIONAL { ?article schema:datePublished ?date }
}"""
_POSTS = """
SELECT ?person ?id ?org ?role WHERE {
  BIND(STRLANG(?name, "zh") AS ?label)
  ?person skos:prefLabel ?label ; a schema:Person .
  ?membership org:member ?person ; prov:wasDerivedFrom ?article .
  ?article schema:identifier ?id .
  OPTIONAL { ?membership org:organization/skos:prefLabel ?org }
  OPTIONAL { ?membership org:role/skos:prefLabel ?role }
}"""


class ExplainError(KGError):
    """No person of that name is in the graph."""


@dataclass(frozen=True)
class MentionView:
    article: str
    date: str
    posts: tuple[str, ...]
    """``组织（角色、角色）`` for each post the article gives."""


@dataclass(frozen=True)
class PersonView:
    iri: str
    mentions: tuple[MentionView, ...]
    reasons: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Explanation:
    name: str
    people: tuple[PersonView, ...]


def explain(source: Graph | SparqlBackend, name: str) -> Explanation:
    """Every person node called ``name``, its mentions, posts and reasons."""
    params = {"name": name}
    reasons: dict[str, list[str]] = {}
    for person, reason in run_query(source, _NODES, params=params).rows:
        held = reasons.setdefault(str(person), [])
        if reason is not None:
            held.append(str(reason))
    if not reasons:
        raise ExplainError(
            f"no person named {name!r} in the graph; check the name "
            "(kg query GRAPH find --param text=…)"
        )
    dates: dict[tuple[str, str], str] = {}
    for person, article, date in run_query(source, _MENTIONS, params=params).rows:
        dates[(str(person), str(article))] = str(date or "")
    posts: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for person, article, org, role in run_query(source, _POSTS, params=params).rows:
        held = posts[(str(person), str(article))][str(org or "—")]
        if role is not None and str(role) not in held:
            held.append(str(role))
    people = []
    for iri in sorted(reasons):
        mentions = sorted(
            (
                MentionView(
                    article,
                    date,
                    tuple(
                        f"{org}（{'、'.join(sorted(roles))}）" if roles else org
                        for org, roles in sorted(posts[(iri, article)].items())
                    ),
                )
                for (person, article), date in dates.items()
                if person == iri
            ),
            key=lambda m: (m.date or "9999", m.article),
        )
        people.append(PersonView(iri, tuple(mentions), tuple(sorted(reasons[iri]))))
    people.sort(key=lambda p: (p.mentions[0].date or "9999") if p.mentions else "")
    return Explanation(name, tuple(people))


def format_explanation(explanation: Explanation) -> str:
    name = explanation.name
    count = len(explanation.people)
    lines = [f"{name}: {count} {'person' if count == 1 else 'people'}"]
    for number, person in enumerate(explanation.people, 1):
        iri = compact(URIRef(person.iri), STANDARD_PREFIXES)
        lines += ["", f"{number}. {iri}"]
        for mention in person.mentions:
            where = "; ".join(mention.posts) or "no post"
            lines.append(f"   {mention.article}:{name}  {mention.date or '—'}  {where}")
        for reason in person.reasons:
            lines.append(f"   why: {reason}")
    lines += [
        "",
        "to correct: kg merge CORPUS ARTICLE:NAME ARTICLE:NAME  (one person)",
        "            kg split CORPUS ARTICLE:NAME ARTICLE:NAME  (two people)",
    ]
    return "\n".join(lines)
