"""Person identity across articles: which mentions of a name are one person.

A person mention is a record (:class:`PersonMention`): the name, the
organisations the article gives the person posts in, the places of those
organisations, the article's own places, its date, and the other people it
names.  Mentions are blocked by name (two different names are never one
person, so a successor is never merged with a predecessor, nor two holders
of one post), then linked within a name by evidence, strongest first:

1. **same organisation**: posts in one body (湖州市总工会 in 2019 and 2023);
2. **related organisations**: a body and its department (湖州市总工会 and
   湖州市总工会办公室), or a company and its subsidiary (the same company
   core: 瀚岳路桥 and 瀚岳建工集团);
3. **same place**: posts in bodies of one district (三台县人民政府 and
   中共三台县委: a 副县长 who becomes 县委副书记);
4. **same sole office**: an office one person holds at a time in the whole
   country, named with no body (习近平总书记 in two articles).

Linked mentions form clusters (connected components, so the result does not
depend on the order articles arrive in).  A mention with no post at all
joins the one cluster of its name whose places lie in the article's places
(the only 王建国 of 吴兴区), or, when several do, the one that shares the
most co-mentioned people; otherwise it stays a person of its own.  Same name
in unrelated bodies and places: different people.

Each cluster keeps the reasons for every link it was built from
(:attr:`PersonCluster.reasons`), so an analyst can see and overrule a merge
(:class:`Overrides`).  The module is pure: no rdflib, no store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

SOLE_OFFICES = frozenset({"总书记", "国家主席", "国务院总理", "总理", "委员长"})
"""Offices one person holds at a time in the whole country: one name with
one of them is one person (the name's successor has another name)."""
PlaceTest = Callable[[str, str], bool]
"""``within(a, b)``: whether place ``a`` is ``b`` or lies inside it."""
CoreOf = Callable[[str], str]
"""The core of an organisation's name (瀚岳 for 山东瀚岳建工集团有限公司)."""


@dataclass(frozen=True)
class PersonMention:
    """What one article says about a person of this name."""

    doc: str
    name: str
    date: str = ""
    orgs: frozenset[str] = frozenset()
    """Canonical names of the organisations the person holds posts in here."""
    org_places: frozenset[str] = frozenset()
    """Gazetteer ids of the places whose bodies those organisations are
    (湖州市 for 湖州市总工会; not a company's seat)."""
    seats: frozenset[str] = frozenset()
    """Gazetteer ids of the places every one of those organisations stands in,
    companies too."""
    roles: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    """Gazetteer ids of the places the article names (city level or below)."""
    companions: frozenset[str] = frozenset()
    """The other people the article names."""
    context: frozenset[str] = frozenset()
    """Every organisation the article names."""

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc, self.name)

    @property
    def anchored(self) -> bool:
        """Whether the article ties the person to an organisation or place;
        a bare title (副主任, with no body) does not."""
        return bool(self.orgs or self.org_places)


@dataclass(frozen=True)
class PersonCluster:
    """One person: the mentions that are them, and why."""

    name: str
    mentions: tuple[PersonMention, ...]
    reasons: tuple[str, ...] = ()
    anchor: str = ""
    """What the first evidence said of them (organisation, place, or the
    article): with the name, what the person's IRI is minted from."""

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(m.doc for m in self.mentions)


@dataclass(frozen=True)
class Overrides:
    """An analyst's corrections (``identities.toml``): each set of mentions
    in ``same`` is one person, each pair in ``different`` two people, and a
    name in ``not_person`` no person at all."""

    same: tuple[frozenset[tuple[str, str]], ...] = ()
    different: tuple[tuple[tuple[str, str], tuple[str, str]], ...] = ()
    not_person: frozenset[str] = field(default_factory=frozenset)


def cluster_people(
    mentions: Iterable[PersonMention],
    *,
    within: PlaceTest,
    core_of: CoreOf | None = None,
    overrides: Overrides | None = None,
) -> list[PersonCluster]:
    """Every person the mentions name, in a deterministic order (by name,
    then first date and article)."""
    overrides = overrides or Overrides()
    by_name: dict[str, list[PersonMention]] = defaultdict(list)
    for mention in mentions:
        if mention.name not in overrides.not_person:
            by_name[mention.name].append(mention)
    clusters: list[PersonCluster] = []
    for name in sorted(by_name):
        block = sorted(by_name[name], key=_when)
        clusters.extend(
            _cluster_name(block, within=within, core_of=core_of, overrides=overrides)
        )
    return clusters


def _when(mention: PersonMention) -> tuple[str, str]:
    return (mention.date or "9999", mention.doc)


class _Links:
    """Union–find over mention keys that remembers why each union was made."""

    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        self.parent = {key: key for key in keys}
        self.reasons: dict[tuple[str, str], list[str]] = defaultdict(list)

    def find(self, key: tuple[str, str]) -> tuple[str, str]:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: tuple[str, str], b: tuple[str, str], reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        keep, drop = sorted((ra, rb))
        self.parent[drop] = keep
        self.reasons[keep].extend(self.reasons.pop(drop, []))
        self.reasons[keep].append(reason)


def _cluster_name(
    block: Sequence[PersonMention],
    *,
    within: PlaceTest,
    core_of: CoreOf | None,
    overrides: Overrides,
) -> list[PersonCluster]:
    apart = _apart(overrides)
    links = _Links(m.key for m in block)
    anchored = [m for m in block if m.anchored]
    orgs = {org for m in anchored for org in m.orgs}
    rules: list[tuple[str, Callable[[PersonMention], Iterable[str]]]] = [
        ("same organisation", lambda m: m.orgs),
        ("related organisations", lambda m: {_root(o, orgs) for o in m.orgs}),
    ]
    if core_of is not None:
        rules.append(
            (
                "related organisations",
                lambda m: {f"{c}…" for o in m.orgs if len(c := core_of(o)) >= 2},
            )
        )
    rules.append(("posts in the same place", lambda m: m.org_places))
    for rule, tokens in rules:
        _link_by(links, apart, anchored, rule, tokens)
    _link_by(links, apart, block, "the same office", lambda m: m.roles & SOLE_OFFICES)
    for group in overrides.same:
        keys = sorted(k for k in group if k in links.parent)
        for a_key, b_key in pairwise(keys):
            links.union(a_key, b_key, f"analyst: {a_key[0]} and {b_key[0]} are one")
    _attach_unanchored(block, links, within=within, apart=apart)
    groups: dict[tuple[str, str], list[PersonMention]] = defaultdict(list)
    for mention in block:
        groups[links.find(mention.key)].append(mention)
    out = []
    for root, members in groups.items():
        members.sort(key=_when)
        out.append(
            PersonCluster(
                name=members[0].name,
                mentions=tuple(members),
                reasons=tuple(dict.fromkeys(links.reasons.get(root, []))),
                anchor=_anchor(members[0]),
            )
        )
    out.sort(key=lambda c: _when(c.mentions[0]))
    return _explain_splits(out, apart)


def _link_by(
    links: _Links,
    apart: set[frozenset[tuple[str, str]]],
    mentions: Sequence[PersonMention],
    rule: str,
    tokens: Callable[[PersonMention], Iterable[str]],
) -> None:
    """Link the mentions that share a token (an organisation, a place …),
    in linear time: each to the first mention of the token."""
    first: dict[str, PersonMention] = {}
    for mention in mentions:
        for token in sorted(tokens(mention)):
            other = first.setdefault(token, mention)
            if other is mention or links.find(other.key) == links.find(mention.key):
                continue
            if _kept_apart(links, apart, other.key, mention.key):
                continue
            links.union(
                other.key, mention.key, f"{rule} {token} ({other.doc}, {mention.doc})"
            )


def _root(org: str, orgs: set[str]) -> str:
    """The shortest name among ``orgs`` that ``org`` starts with (a body for
    its department: 湖州市总工会 for 湖州市总工会办公室)."""
    for cut in range(4, len(org)):
        if org[:cut] in orgs:
            return org[:cut]
    return org


def _explain_splits(
    clusters: list[PersonCluster], apart: set[frozenset[tuple[str, str]]]
) -> list[PersonCluster]:
    """Each of several people of one name says why it is not the others."""
    if len(clusters) < 2:
        return clusters
    out = []
    for cluster in clusters:
        others = [c.anchor for c in clusters if c is not cluster]
        why = [
            f"kept apart from {len(others)} other {cluster.name}: no shared "
            f"organisation, related body or place ({'; '.join(others)})"
        ]
        mine = {m.key for m in cluster.mentions}
        for pair in sorted(sorted(p) for p in apart):
            if len(mine & set(pair)) == 1:
                why.append(f"analyst: {pair[0][0]} and {pair[1][0]} are two people")
        out.append(replace(cluster, reasons=(*cluster.reasons, *why)))
    return out


def _apart(overrides: Overrides) -> set[frozenset[tuple[str, str]]]:
    return {frozenset(pair) for pair in overrides.different}


def _kept_apart(
    links: _Links,
    apart: set[frozenset[tuple[str, str]]],
    a: tuple[str, str],
    b: tuple[str, str],
) -> bool:
    """Whether an analyst said some mention of a's cluster and some of b's are
    different people."""
    if not apart:
        return False
    ra, rb = links.find(a), links.find(b)
    side_a = [k for k in links.parent if links.find(k) == ra]
    side_b = [k for k in links.parent if links.find(k) == rb]
    return any(frozenset((x, y)) in apart for x in side_a for y in side_b)


def _attach_unanchored(
    block: Sequence[PersonMention],
    links: _Links,
    *,
    within: PlaceTest,
    apart: set[frozenset[tuple[str, str]]],
) -> None:
    """A mention with no post in a named body joins the one cluster its
    article speaks of: the one whose organisations the article names, else
    the one whose places are the article's; among several, the one that
    shares its title, then its co-mentioned people."""
    roots = sorted({links.find(m.key) for m in block if m.anchored})
    orgs_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    seats_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    companions_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    roles_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in block:
        if mention.anchored:
            root = links.find(mention.key)
            orgs_of[root] |= mention.orgs
            seats_of[root] |= mention.seats | mention.org_places
            companions_of[root] |= mention.companions
            roles_of[root] |= mention.roles
    for mention in block:
        if mention.anchored:
            continue
        open_roots = [r for r in roots if not _kept_apart(links, apart, mention.key, r)]
        by_org = [r for r in open_roots if orgs_of[r] & mention.context]
        by_place = [
            r
            for r in open_roots
            if any(
                within(p, q) or within(q, p)
                for p in seats_of[r]
                for q in mention.places
            )
        ]
        for fits, why in (
            (by_org, "whose organisation the article names"),
            (by_place, "of the article's places"),
        ):
            if len(fits) > 1:
                shared = {
                    r: (
                        len(roles_of[r] & mention.roles),
                        len(companions_of[r] & mention.companions),
                    )
                    for r in fits
                }
                best = max(shared.values())
                if best > (0, 0):
                    fits = [r for r in fits if shared[r] == best]
            if len(fits) == 1:
                links.union(
                    mention.key,
                    fits[0],
                    f"no post in {mention.doc}; the only {mention.name} {why}",
                )
                break
            if fits:
                break


def _anchor(first: PersonMention) -> str:
    if first.orgs:
        return min(first.orgs)
    if first.org_places:
        return min(first.org_places)
    return f"article {first.doc}"


def keep_identities(
    clusters: Sequence[PersonCluster],
    previous: Mapping[tuple[str, str], str],
) -> dict[int, str]:
    """Which earlier node each cluster continues, so that adding articles
    never renames a person who keeps their identity.

    ``previous`` maps mention keys to the node ids they had.  A cluster
    continues the node most of its earlier mentions were on (ties: the
    smallest id); a node is continued by one cluster only (the one holding
    most of its mentions, then the earliest).  Returns cluster index →
    node id for the clusters that continue one.
    """
    votes: dict[int, dict[str, int]] = {}
    for index, cluster in enumerate(clusters):
        counts: dict[str, int] = defaultdict(int)
        for mention in cluster.mentions:
            node = previous.get(mention.key)
            if node is not None:
                counts[node] += 1
        votes[index] = counts
    claims = sorted(
        (-count, index, node)
        for index, counts in votes.items()
        for node, count in counts.items()
    )
    taken_nodes: set[str] = set()
    out: dict[int, str] = {}
    for _, index, node in claims:
        if index in out or node in taken_nodes:
            continue
        out[index] = node
        taken_nodes.add(node)
    return out
