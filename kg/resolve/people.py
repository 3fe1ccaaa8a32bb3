"""From what the extractors found to person mention records, and back.

:func:`person_mentions` reads one article's result into
:class:`~kg.resolve.identity.PersonMention` records (the evidence identity
needs); :func:`person_keys` clusters the records of many articles and says
which entity key each mention takes.  A person's key is ``Person:<name>@<anchor>``,
the anchor being what the first evidence said of them (an organisation, a
place, or the article), so it never changes while the person keeps their
identity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.gazetteer import Gazetteer
from kg.model import Kind, Relation, RelKind
from kg.resolve.identity import (
    Overrides,
    PersonCluster,
    PersonMention,
    PlaceTest,
    cluster_people,
)

PERSON_PREFIX = f"{Kind.PERSON.value}:"
BYLINE = "byline"
"""Pseudo-organisation of a byline: the article's outlet, when it has one."""
_LOCAL_LEVELS = frozenset({"City", "County", "Town", "DevelopmentZone"})


@dataclass(frozen=True)
class Identities:
    """Which entity key each (article, name) of a person takes, and the
    clusters behind them."""

    keys: Mapping[tuple[str, str], str]
    clusters: tuple[PersonCluster, ...]

    def key(self, doc_id: str, key: str) -> str:
        """The identity key of an entity key read in article ``doc_id``."""
        if not key.startswith(PERSON_PREFIX):
            return key
        return self.keys.get((doc_id, key[len(PERSON_PREFIX) :]), key)


def person_key(name: str, anchor: str) -> str:
    return f"{PERSON_PREFIX}{name}@{anchor}"


def name_of(key: str) -> str:
    """The name in an entity key (``Person:王勇@X`` → 王勇)."""
    ident = key.split(":", 1)[1]
    if key.startswith(PERSON_PREFIX):
        return ident.split("@", 1)[0]
    return ident


def person_keys(
    records: Iterable[PersonMention], *, overrides: Overrides | None = None
) -> Identities:
    """Cluster the records and give each mention its person key."""
    gaz = Gazetteer.default()
    clusters = cluster_people(
        records, within=_within_test(gaz), core_of=company_core, overrides=overrides
    )
    keys = {
        mention.key: person_key(cluster.name, cluster.anchor)
        for cluster in clusters
        for mention in cluster.mentions
    }
    return Identities(keys, tuple(clusters))


def person_mentions(
    doc_id: str,
    *,
    date: str | None,
    source: str | None,
    mentions: Sequence[tuple[Kind, str, str | None]],
    posts: Sequence[tuple[str, str | None, tuple[str, ...]]],
    authors: Sequence[str],
    org_place: Mapping[str, str | None],
    public: frozenset[str] = frozenset(),
) -> list[PersonMention]:
    """The person records of one article.

    ``mentions`` are (kind, name, code) of every entity the article names;
    ``posts`` (person name, organisation name or None, roles); ``authors``
    the bylined names; ``org_place`` the gazetteer place of each organisation;
    ``public`` the organisations that are bodies of their place (a
    government, Party body or union; not a company, whose place says only
    where it stands).
    """
    gaz = Gazetteer.default()
    people = sorted({name for kind, name, _ in mentions if kind is Kind.PERSON})
    places = frozenset(
        code
        for kind, _, code in mentions
        if kind is Kind.DISTRICT and code and _local(gaz, code)
    )
    context = frozenset(name for kind, name, _ in mentions if kind is Kind.ORGANIZATION)
    orgs: dict[str, set[str]] = {p: set() for p in people}
    roles: dict[str, set[str]] = {p: set() for p in people}
    for person, org, titles in posts:
        if person not in orgs:
            continue
        if org:
            orgs[person].add(org)
        roles[person].update(titles)
    for author in authors:
        if author in orgs and not orgs[author]:
            orgs[author].add(f"{BYLINE}:{source or ''}")
    return [
        PersonMention(
            doc=doc_id,
            name=person,
            date=date or "",
            orgs=frozenset(orgs[person]),
            org_places=frozenset(
                place
                for org in orgs[person]
                if org in public
                and (place := org_place.get(org))
                and _local(gaz, place)
            ),
            seats=frozenset(
                place
                for org in orgs[person]
                if (place := org_place.get(org)) and _local(gaz, place)
            ),
            roles=frozenset(roles[person]),
            places=places,
            companions=frozenset(p for p in people if p != person),
            context=context,
        )
        for person in people
    ]


def post_tuples(
    relations: Iterable[Relation],
) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """(person name, organisation name, roles) of the post relations."""
    return [
        (name_of(rel.subject), name_of(rel.object) if rel.object else None, rel.roles)
        for rel in relations
        if rel.kind is RelKind.POST
    ]


def _local(gaz: Gazetteer, place_id: str) -> bool:
    try:
        return gaz.get(place_id).level in _LOCAL_LEVELS
    except Exception:  # an id the gazetteer no longer holds
        return False


def _within_test(gaz: Gazetteer) -> PlaceTest:
    @lru_cache(maxsize=65536)
    def within(a: str, b: str) -> bool:
        try:
            return any(p.id == b for p in gaz.chain(gaz.get(a)))
        except Exception:
            return False

    return within


_LEGAL_FORMS = (
    "集团股份有限公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团公司",
    "集团",
    "公司",
)
_TRADES = (
    "建工",
    "建设",
    "路桥",
    "工程",
    "科技",
    "实业",
    "控股",
    "投资",
    "发展",
    "贸易",
    "物流",
    "供应链管理",
    "食品",
    "机械",
    "重工",
    "精密机械",
    "电子",
    "化工",
    "能源",
    "材料",
    "新材料",
    "医药",
    "纺织",
    "服饰",
)


@lru_cache(maxsize=65536)
def company_core(name: str) -> str:
    """The brand of a company name: no place, no legal form, no trade word
    (瀚岳 for 山东瀚岳建工集团有限公司 and 潍坊瀚岳路桥工程有限公司); "" for
    anything not a company."""
    if not name.endswith(_LEGAL_FORMS):
        return ""
    gaz = Gazetteer.default()
    for form in _LEGAL_FORMS:
        if name.endswith(form):
            name = name[: -len(form)]
            break
    for cut in range(min(len(name) - 2, 8), 1, -1):
        if gaz.lookup(name[:cut]):
            name = name[cut:]
            break
    changed = True
    while changed:
        changed = False
        for trade in sorted(_TRADES, key=len, reverse=True):
            if name.endswith(trade) and len(name) > len(trade) + 1:
                name = name[: -len(trade)]
                changed = True
    return name
