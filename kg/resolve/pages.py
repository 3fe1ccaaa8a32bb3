"""From per-document mentions to entities: one node per thing.

Within a page every surface form of a thing becomes one entity (aliases
become alternative labels): 圆方集团 after 郑州圆方集团, 双创双提升 after
双创双提升行动, an initiative also read as an organisation.  Across pages,
entities with the same canonical name (or district code) are one.  Districts
bring their parents from the gazetteer, up to the province, with partOf.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.gazetteer import Gazetteer
from kg.extract.spans import SpanIndex
from kg.model import (
    GAZETTEER,
    KEY_PREFIX,
    LOCAL_AREAS,
    ArticleFacts,
    ArticleMeta,
    Document,
    Entity,
    Extraction,
    Kind,
    Mention,
    Relation,
    RelKind,
    entity_key,
)
from kg.resolve.short_forms import (
    bureau_short_forms,
    company_short_forms,
    place_chain,
    plan_short_forms,
)
from kg.text.script import to_simplified

_ANAPHORS = frozenset(
    lead + body
    for lead in ("", "该", "本", "这家")
    for body in ("公司", "集团", "企业")
)
"""What ``(?:该|本|这家)?(?:公司|集团|企业)`` matches in full: a company
anaphor, no form of the company's name."""
"""Words that point back to a company (该公司): no alias of it.  Its bodies
(集团工会, 集团党委) are named only so in many articles: they stay aliases."""

_BARE_BODIES = frozenset("工会 总工会 党委 党组 党支部 党工委 纪委 政府".split())
"""Bodies named by their kind alone in a title chain: no alias."""

_INITIATIVE_TAILS = (
    "行动",
    "活动",
    "工程",
    "机制",
    "制度",
    "项目",
    "品牌",
    "计划",
    "建设",
    "评选",
    "选评活动",
    "沟通联系机制",
)


@dataclass(frozen=True)
class DocResult:
    """What the extractors found in one document."""

    doc: Document
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]


def key_of(mention: Mention) -> str:
    return entity_key(mention.kind, mention.name, mention.code)


def resolve(results: Sequence[DocResult]) -> Extraction:
    """Merge aliases, build entities, remap relations, add gazetteer parents."""
    results = [_without_glued_adverbs(_without_inner_places(r)) for r in results]
    page_aliases: dict[str, dict[str, str]] = {}
    for page in _pages(results):
        found = _page_aliases([m for r in page for m in r.mentions])
        page_aliases.update((r.doc.id, found) for r in page)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    samples: dict[str, Mention] = {}
    mentions: set[tuple[str, str]] = set()
    for result in results:
        aliases = page_aliases[result.doc.id]
        for mention in result.mentions:
            key = _follow(aliases, key_of(mention))
            if mention.text not in _ANAPHORS and mention.text not in _BARE_BODIES:
                surfaces[key][mention.text] += 1
            written = result.doc.original[mention.start : mention.end]
            if written != mention.text and _simplified(written) == mention.text:
                surfaces[key][written] += 1  # the Traditional form, as printed
            surfaces[key][mention.name] += 0
            if key not in samples or (
                key.startswith(KEY_PREFIX[mention.kind])
                and not key.startswith(KEY_PREFIX[samples[key].kind])
            ):
                samples[key] = mention  # 甬港工匠学院 read as both: the key's kind
            mentions.add((result.doc.id, key))
    entities = {key: _entity(key, samples[key], surfaces[key]) for key in samples}
    relations = _relations(results, page_aliases, entities)
    _add_parents(entities, relations)
    return Extraction(
        documents=tuple(r.doc for r in results),
        entities=tuple(sorted(entities.values(), key=lambda e: e.key)),
        relations=tuple(relations),
        mentions=tuple(sorted(mentions)),
    )


@lru_cache(maxsize=16384)
def _simplified(written: str) -> str:
    """A mention as printed, in Simplified (kept: the same names come back)."""
    return to_simplified(written)


def resolve_page(results: Sequence[DocResult]) -> list[ArticleFacts]:
    """The articles of one page, resolved together, each as the facts of its
    own graph."""
    return list(split_articles(resolve(results)))


def split_articles(extraction: Extraction) -> Iterator[ArticleFacts]:
    """Each document's share of an extraction, as the facts of its graph.

    A relation belongs to the article its evidence quotes (an author fact to
    its article); a district brings its gazetteer chain of parents.
    """
    entities = {e.key: e for e in extraction.entities}
    parents: dict[str, list[Relation]] = defaultdict(list)
    for rel in extraction.relations:
        if rel.source == GAZETTEER and rel.kind is RelKind.PART_OF:
            parents[rel.subject].append(rel)
    relations: dict[str, list[Relation]] = defaultdict(list)
    for rel in extraction.relations:
        if rel.source == GAZETTEER:
            continue
        if rel.evidence is not None:
            relations[rel.evidence.doc_id].append(rel)
        elif rel.kind is RelKind.AUTHOR:
            relations[rel.subject].append(rel)
    mentions: dict[str, list[str]] = defaultdict(list)
    for doc_id, key in extraction.mentions:
        mentions[doc_id].append(key)
    for doc in extraction.documents:
        own = relations.get(doc.id, [])
        keys = dict.fromkeys(mentions.get(doc.id, []))
        for rel in own:
            if rel.kind is not RelKind.AUTHOR:
                keys.setdefault(rel.subject)
            if rel.object is not None:
                keys.setdefault(rel.object)
        chain = _chains([k for k in keys if k in entities], parents)
        keys.update(dict.fromkeys(r.object or "" for r in chain))
        meta = ArticleMeta(doc.id, doc.path, doc.title, doc.date, doc.source, doc.url)
        yield ArticleFacts(
            meta,
            tuple(entities[k] for k in sorted(keys) if k in entities),
            (*own, *chain),
            tuple(sorted(dict.fromkeys(mentions.get(doc.id, [])))),
        )


def _chains(
    keys: Iterable[str], parents: Mapping[str, list[Relation]]
) -> list[Relation]:
    """The partOf facts up from each district in ``keys``, each once."""
    seen: dict[tuple[str, str | None], Relation] = {}
    todo = list(keys)
    while todo:
        key = todo.pop()
        for rel in parents.get(key, ()):
            if (rel.subject, rel.object) not in seen:
                seen[(rel.subject, rel.object)] = rel
                todo.append(rel.object or "")
    return [seen[pair] for pair in sorted(seen, key=lambda p: (p[0], p[1] or ""))]


def _without_inner_places(result: DocResult) -> DocResult:
    """Drop a place's short form read inside an organisation's name, past its
    start (长白 in 吉林长白林海食品有限公司 names a mountain brand, not a
    county), or inside a person's name (总经理许昌表示)."""
    orgs = SpanIndex(
        (m.start, m.end) for m in result.mentions if m.kind is Kind.ORGANIZATION
    )
    people = SpanIndex(
        (m.start, m.end) for m in result.mentions if m.kind is Kind.PERSON
    )
    kept = tuple(
        m
        for m in result.mentions
        if not (
            m.kind is Kind.DISTRICT
            and m.text != m.name
            and (
                orgs.reach_before(m.start) >= m.end  # an organisation before
                or people.reach_before(m.start + 1) >= m.end  # a person, or there
            )
        )
    )
    return DocResult(result.doc, kept, result.relations)


_GLUED = frozenset("刚正也都还就又才便曾已先再仍亦却更")
"""Adverbs that a name read one character too long swallows (李娜刚处理完)."""


def _without_glued_adverbs(result: DocResult) -> DocResult:
    """李娜刚 → 李娜 where the article also names 李娜: the third character
    is an adverb after the name (护士长李娜刚处理完), not its given name."""
    people = {m.name for m in result.mentions if m.kind is Kind.PERSON}
    cut = {
        name: name[:-1]
        for name in people
        if len(name) == 3 and name[-1] in _GLUED and name[:-1] in people
    }
    if not cut:
        return result
    mentions = tuple(
        replace(m, end=m.end - 1, text=m.text[:-1], name=cut[m.name])
        if m.kind is Kind.PERSON and m.name in cut and m.text == m.name
        else replace(m, name=cut[m.name])
        if m.kind is Kind.PERSON and m.name in cut
        else m
        for m in result.mentions
    )
    keys = {
        entity_key(Kind.PERSON, long): entity_key(Kind.PERSON, short)
        for long, short in cut.items()
    }
    relations = tuple(
        replace(
            r,
            subject=keys.get(r.subject, r.subject),
            object=keys.get(r.object, r.object) if r.object else r.object,
        )
        for r in result.relations
    )
    return DocResult(result.doc, mentions, relations)


def _pages(results: Sequence[DocResult]) -> list[list[DocResult]]:
    """The articles of one file; each JSONL record is a page of its own."""
    by_path: dict[str, list[DocResult]] = defaultdict(list)
    for result in results:
        path = result.doc.path
        own = not path or path.lower().endswith(".jsonl")
        by_path[f"\0{result.doc.id}" if own else path].append(result)
    return list(by_path.values())


def _follow(aliases: dict[str, str], key: str) -> str:
    seen = {key}
    while key in aliases:
        key = aliases[key]
        if key in seen:
            break
        seen.add(key)
    return key


def _page_aliases(mentions: Iterable[Mention]) -> dict[str, str]:
    """Short forms of the page's own longer names, mapped to them."""
    names: dict[Kind, set[str]] = defaultdict(set)
    for mention in mentions:
        names[mention.kind].add(mention.name)
    out: dict[str, str] = {}
    gaz = Gazetteer.default()
    orgs = names[Kind.ORGANIZATION]
    initiatives = names[Kind.INITIATIVE]
    for short in orgs:
        longer = [n for n in orgs if n != short and n.endswith(short)]
        longer = [
            n
            for n in longer
            if gaz.lookup(n[: -len(short)])
            or n[: -len(short)] in ("中华", "中共")
            or place_chain(n[: -len(short)], gaz)
            or _company_of_unit(n[: -len(short)], orgs)
        ]
        if len(longer) == 1:
            out[entity_key(Kind.ORGANIZATION, short)] = entity_key(
                Kind.ORGANIZATION, longer[0]
            )
    for name in orgs & initiatives:
        out[entity_key(Kind.ORGANIZATION, name)] = entity_key(Kind.INITIATIVE, name)
    for short, full in bureau_short_forms(orgs).items():
        out[entity_key(Kind.ORGANIZATION, short)] = entity_key(Kind.ORGANIZATION, full)
    for short, full in company_short_forms(orgs, gaz).items():
        out[entity_key(Kind.ORGANIZATION, short)] = entity_key(Kind.ORGANIZATION, full)
    for short in initiatives:
        ending = [n for n in initiatives if n != short and n.endswith(short)]
        if len(ending) == 1:
            out[entity_key(Kind.INITIATIVE, short)] = entity_key(
                Kind.INITIATIVE, ending[0]
            )
    for short, full in plan_short_forms(initiatives).items():
        out[entity_key(Kind.INITIATIVE, short)] = entity_key(Kind.INITIATIVE, full)
    for short in initiatives:
        longer = [
            n
            for n in initiatives
            if n.startswith(short) and n[len(short) :] in _INITIATIVE_TAILS
        ]
        if len(longer) == 1:
            out[entity_key(Kind.INITIATIVE, short)] = entity_key(
                Kind.INITIATIVE, longer[0]
            )
    return out


def _company_of_unit(prefix: str, orgs: set[str]) -> bool:
    """炼钢厂 for 某某有限公司炼钢厂: a unit named again without the company
    the page names it after."""
    return prefix in orgs and prefix.endswith(("公司", "集团"))


def _entity(key: str, sample: Mention, forms: Counter[str]) -> Entity:
    name = sample.name
    aliases = tuple(sorted(f for f in forms if f != name))
    gaz = Gazetteer.default()
    if sample.kind is Kind.DISTRICT and sample.code and gaz.holds(sample.code):
        place = gaz.get(sample.code)
        former = tuple(a for a in aliases if _is_former_name(gaz, a, place.id))
        return Entity(
            key,
            Kind.DISTRICT,
            place.name,
            aliases,
            place.level,
            place.code,
            place.level,
            place=place.id,
            former_names=former,
        )
    if key != key_of(sample):
        name = key.split(":", 1)[1]
        aliases = tuple(sorted(f for f in forms if f != name))
    return Entity(key, sample.kind, name, aliases, sample.subtype)


def _is_former_name(gaz: Gazetteer, name: str, place_id: str) -> bool:
    return any(p.successor == place_id for p in gaz.lookup(name))


def _relations(
    results: Sequence[DocResult],
    page_aliases: Mapping[str, dict[str, str]],
    entities: dict[str, Entity],
) -> list[Relation]:
    out: dict[tuple[object, ...], Relation] = {}
    articles = {r.doc.id for r in results}
    for result in results:
        aliases = page_aliases[result.doc.id]
        for rel in result.relations:
            subject = (
                rel.subject
                if rel.kind is RelKind.AUTHOR
                else _follow(aliases, rel.subject)
            )
            obj = _follow(aliases, rel.object) if rel.object else None
            if subject not in entities and subject not in articles:
                continue
            if obj is not None and obj not in entities:
                continue
            if not _fits(rel.kind, entities.get(subject), entities.get(obj or "")):
                continue  # a body merged into an initiative keeps no address
            if subject == rel.subject and obj == rel.object:
                fixed = rel  # most facts name no alias: no copy to make
            else:
                fixed = replace(rel, subject=subject, object=obj)
            key = (fixed.kind, subject, obj, fixed.roles, rel.evidence, rel.change)
            out.setdefault(key, fixed)
    return _without_bare_repeats(out.values())


def _without_bare_repeats(relations: Iterable[Relation]) -> list[Relation]:
    """Without a post of no organisation whose person holds the same titles
    in an organisation in the same article (副主席：甲 read as a bare title,
    and again under the heading that names the body)."""
    placed = {
        (r.evidence.doc_id if r.evidence else None, r.subject, r.roles)
        for r in relations
        if r.kind is RelKind.POST and r.object is not None
    }
    return [
        r
        for r in relations
        if r.kind is not RelKind.POST
        or r.object is not None
        or (r.evidence.doc_id if r.evidence else None, r.subject, r.roles) not in placed
    ]


_SUBJECT_KIND = {
    RelKind.LOCATED_IN: Kind.ORGANIZATION,
    RelKind.LAUNCHED_BY: Kind.INITIATIVE,
    RelKind.POST: Kind.PERSON,
    RelKind.RENAMED: Kind.ORGANIZATION,
}
_OBJECT_KIND = {RelKind.POST: Kind.ORGANIZATION, RelKind.RENAMED: Kind.ORGANIZATION}


def _fits(kind: RelKind, subject: Entity | None, obj: Entity | None) -> bool:
    """Whether a relation's ends, as resolved, are of the kinds it joins."""
    wanted = _SUBJECT_KIND.get(kind)
    if wanted is not None and subject is not None and subject.kind is not wanted:
        return False
    wanted = _OBJECT_KIND.get(kind)
    if kind is RelKind.POST and obj is not None and obj.subtype in LOCAL_AREAS:
        return True  # 网格员 of a community: the community as its own body
    return wanted is None or obj is None or obj.kind is wanted


def _add_parents(entities: dict[str, Entity], relations: list[Relation]) -> None:
    """Every district's chain of parents, as entities and partOf facts."""
    gaz = Gazetteer.default()
    seen: set[tuple[str, str]] = set()
    for entity in list(entities.values()):
        if entity.kind is not Kind.DISTRICT or entity.place is None:
            continue
        place = gaz.get(entity.place)
        for child, parent in zip(gaz.chain(place), gaz.chain(place)[1:], strict=False):
            child_key = entity_key(Kind.DISTRICT, child.name, child.id)
            parent_key = entity_key(Kind.DISTRICT, parent.name, parent.id)
            if parent_key not in entities:
                entities[parent_key] = Entity(
                    parent_key,
                    Kind.DISTRICT,
                    parent.name,
                    (),
                    parent.level,
                    parent.code,
                    parent.level,
                    place=parent.id,
                )
            if (child_key, parent_key) not in seen:
                seen.add((child_key, parent_key))
                relations.append(
                    Relation(RelKind.PART_OF, child_key, parent_key, source=GAZETTEER)
                )
