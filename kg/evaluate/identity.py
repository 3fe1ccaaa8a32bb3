"""Score person identity across articles against an identity file.

An identity file (``../shared/gold/GUIDELINES.md``, "Identity files") lists
which person mentions, across the articles of a corpus, are one real person
(a cluster) and which clusters share a name (homonym pairs).  Scoring, as the
guidelines define it:

- a mention ``(doc, name)`` is *linked* when an article of ``doc`` mentions
  (or is written by) a person node labelled ``name``;
- gold merges are the pairs of mentions in one cluster; predicted merges the
  pairs of linked mentions that share a node; merge precision and recall are
  computed over those pairs (a gold pair with an unlinked mention is missed);
- a homonym pair is *kept apart* when no node holds mentions of both clusters.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path, PurePath
from typing import Any

import rdflib
from rdflib import RDF, SKOS, Literal
from rdflib.term import Node

from kg.errors import GoldError
from kg.evaluate.gold import normalize_name
from kg.graph.namespaces import KGO, SCHEMA


@dataclass(frozen=True)
class IdentityMention:
    doc: str
    name: str
    roles: tuple[str, ...] = ()
    organization: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Cluster:
    id: str
    name: str
    mentions: tuple[IdentityMention, ...]
    note: str = ""


@dataclass(frozen=True)
class IdentityGold:
    path: str
    clusters: tuple[Cluster, ...]
    homonym_pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class IdentityScore:
    """Merge pairs, homonyms kept apart, linked mentions; and what went wrong."""

    mentions: int
    linked: int
    gold_pairs: int
    predicted_pairs: int
    true_pairs: int
    homonym_pairs: int
    homonyms_apart: int
    wrong_merges: tuple[tuple[str, str], ...]
    """Cluster ids whose mentions share a node (merged people)."""
    split_clusters: tuple[tuple[str, int], ...]
    """Clusters whose linked mentions lie on several nodes, with the count."""
    unlinked: tuple[IdentityMention, ...]

    @property
    def merge_precision(self) -> float | None:
        return _ratio(self.true_pairs, self.predicted_pairs)

    @property
    def merge_recall(self) -> float | None:
        return _ratio(self.true_pairs, self.gold_pairs)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def is_identity_file(path: Path) -> bool:
    """Whether ``path`` holds an identity file rather than a per-article gold."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "people" in data and "document" not in data


def load_identity(path: Path) -> IdentityGold:
    """Read and check an identity file; GoldError names the file and entry."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise GoldError(f"{path}: cannot read identity file ({err.strerror})") from err
    except ValueError as err:
        raise GoldError(f"{path}: not valid JSON ({err}); fix the file") from err
    if not isinstance(data, dict) or not isinstance(data.get("people"), list):
        raise GoldError(f'{path}: an identity file is an object with a "people" list')
    clusters = tuple(
        _cluster(f"{path}: people[{i}]", item) for i, item in enumerate(data["people"])
    )
    ids = {c.id for c in clusters}
    if len(ids) != len(clusters):
        raise GoldError(f"{path}: cluster ids repeat; give each person its own id")
    pairs = []
    for i, pair in enumerate(data.get("homonym_pairs", [])):
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(p in ids for p in pair)
        ):
            raise GoldError(
                f"{path}: homonym_pairs[{i}]: must be two cluster ids of people"
            )
        pairs.append((str(pair[0]), str(pair[1])))
    return IdentityGold(str(path), clusters, tuple(pairs))


def _cluster(where: str, item: Any) -> Cluster:
    if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
        raise GoldError(f'{where}: a person needs an "id", a "name" and "mentions"')
    mentions = item.get("mentions")
    if not isinstance(mentions, list) or not mentions:
        raise GoldError(f'{where}: "mentions" must be a non-empty list')
    return Cluster(
        str(item["id"]),
        str(item["name"]),
        tuple(_mention(f"{where}.mentions[{j}]", m) for j, m in enumerate(mentions)),
        str(item.get("note", "")),
    )


def _mention(where: str, item: Any) -> IdentityMention:
    if not isinstance(item, dict) or not item.get("doc") or not item.get("name"):
        raise GoldError(f'{where}: a mention needs a "doc" and a "name"')
    roles = item.get("roles") or []
    return IdentityMention(
        str(item["doc"]),
        str(item["name"]),
        tuple(str(r) for r in roles),
        item.get("organization"),
        item.get("date"),
    )


# ------------------------------------------------------------------ scoring


def score_identity(gold: IdentityGold, graph: rdflib.Graph) -> IdentityScore:
    """Score the person nodes of ``graph`` against ``gold``."""
    people = _people_by_article(graph)
    node_of: dict[tuple[str, int], Node] = {}
    unlinked = []
    for cluster in gold.clusters:
        for index, mention in enumerate(cluster.mentions):
            node = _linked_node(people, mention)
            if node is None:
                unlinked.append(mention)
            else:
                node_of[(cluster.id, index)] = node
    cluster_of = {
        (cluster.id, i): cluster.id
        for cluster in gold.clusters
        for i in range(len(cluster.mentions))
    }
    gold_pairs = sum(
        len(c.mentions) * (len(c.mentions) - 1) // 2 for c in gold.clusters
    )
    predicted = 0
    true = 0
    for a, b in combinations(sorted(node_of), 2):
        if node_of[a] == node_of[b]:
            predicted += 1
            true += cluster_of[a] == cluster_of[b]
    clusters_on: dict[Node, set[str]] = defaultdict(set)
    nodes_of: dict[str, set[Node]] = defaultdict(set)
    for key, node in node_of.items():
        clusters_on[node].add(key[0])
        nodes_of[key[0]].add(node)
    apart = sum(
        not any(a in held and b in held for held in clusters_on.values())
        for a, b in gold.homonym_pairs
    )
    wrong = sorted(
        {
            tuple(sorted(pair))
            for held in clusters_on.values()
            for pair in combinations(sorted(held), 2)
        }
    )
    split = sorted((cid, len(n)) for cid, n in nodes_of.items() if len(n) > 1)
    mentions = sum(len(c.mentions) for c in gold.clusters)
    return IdentityScore(
        mentions=mentions,
        linked=len(node_of),
        gold_pairs=gold_pairs,
        predicted_pairs=predicted,
        true_pairs=true,
        homonym_pairs=len(gold.homonym_pairs),
        homonyms_apart=apart,
        wrong_merges=tuple((a, b) for a, b in wrong),
        split_clusters=tuple(split),
        unlinked=tuple(unlinked),
    )


def _people_by_article(graph: rdflib.Graph) -> Mapping[str, dict[str, list[Node]]]:
    """For each article key (its identifier and its file's stem): the person
    nodes it mentions, by each of their normalised Chinese labels."""
    persons = set(graph.subjects(RDF.type, SCHEMA.Person))
    labels: dict[Node, set[str]] = defaultdict(set)
    for node in persons:
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(node, prop):
                if (
                    isinstance(label, Literal)
                    and (label.language or "").startswith("zh")
                    and "latn" not in (label.language or "").lower()
                ):
                    labels[node].add(normalize_name(str(label)))
    out: dict[str, dict[str, list[Node]]] = defaultdict(lambda: defaultdict(list))
    for article in graph.subjects(RDF.type, SCHEMA.NewsArticle):
        keys = {str(i) for i in graph.objects(article, SCHEMA.identifier)}
        keys |= {PurePath(str(s)).stem for s in graph.objects(article, KGO.sourceFile)}
        for prop in (SCHEMA.mentions, SCHEMA.author):
            for person in graph.objects(article, prop):
                if person in persons:
                    for key in keys:
                        for name in labels[person]:
                            out[key][name].append(person)
    return out


def _linked_node(
    people: Mapping[str, Mapping[str, list[Node]]], mention: IdentityMention
) -> Node | None:
    found = people.get(mention.doc, {}).get(normalize_name(mention.name), [])
    return sorted(set(found), key=str)[0] if found else None


# --------------------------------------------------------------- reporting


def format_identity(score: IdentityScore, *, gold: IdentityGold) -> str:
    """The identity figures, then what went wrong, for the terminal."""

    def fig(value: float | None) -> str:
        return "—" if value is None else f"{value:.3f}"

    names = {c.id: c for c in gold.clusters}
    lines = [
        f"identity ({PurePath(gold.path).name})",
        f"mentions linked   {score.linked}/{score.mentions}",
        f"merge precision   {fig(score.merge_precision)}"
        f"  ({score.true_pairs}/{score.predicted_pairs} predicted pairs)",
        f"merge recall      {fig(score.merge_recall)}"
        f"  ({score.true_pairs}/{score.gold_pairs} gold pairs)",
        f"homonyms apart    {score.homonyms_apart}/{score.homonym_pairs}",
    ]
    if score.wrong_merges:
        lines += ["", "merged people (clusters sharing a node):"]
        lines += [
            f"  {a} + {b}: {names[a].name} ({names[a].note or '—'} / "
            f"{names[b].note or '—'})"
            for a, b in score.wrong_merges
        ]
    if score.split_clusters:
        lines += ["", "one person on several nodes:"]
        lines += [
            f"  {cid}: {names[cid].name} on {count} nodes"
            for cid, count in score.split_clusters
        ]
    if score.unlinked:
        lines += ["", "unlinked mentions (no person node of that name in the article):"]
        lines += [f"  {m.doc}: {m.name}" for m in score.unlinked]
    return "\n".join(lines)


def identity_to_dict(score: IdentityScore) -> dict[str, Any]:
    return {
        "mentions": score.mentions,
        "linked": score.linked,
        "merge_precision": score.merge_precision,
        "merge_recall": score.merge_recall,
        "gold_pairs": score.gold_pairs,
        "predicted_pairs": score.predicted_pairs,
        "true_pairs": score.true_pairs,
        "homonym_pairs": score.homonym_pairs,
        "homonyms_apart": score.homonyms_apart,
        "wrong_merges": [list(p) for p in score.wrong_merges],
        "split_clusters": [list(s) for s in score.split_clusters],
        "unlinked": [[m.doc, m.name] for m in score.unlinked],
    }


def all_mentions(gold: IdentityGold) -> Iterable[tuple[Cluster, IdentityMention]]:
    for cluster in gold.clusters:
        for mention in cluster.mentions:
            yield cluster, mention
