"""How ``kg stats`` and ``kg path`` present their results.

``format_stats`` and ``format_paths`` give plain-text tables whose columns
line up with Chinese labels (wide characters count two columns);
``stats_to_dict`` and ``paths_to_dict`` give JSON-ready dicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from kg.analytics.paths import Chain, Entity, Link, Paths
from kg.analytics.stats import NO_COMMUNITIES, Central, Stats
from kg.tables import aligned

TYPE_NAMES = {
    "Person": "people",
    "Organization": "organisations",
    "District": "districts",
    "Initiative": "initiatives",
    "Article": "articles",
}
MAX_LABEL = 16
METHOD_NAMES = {"louvain": "Louvain", "label-propagation": "label propagation"}


def stats_to_dict(stats: Stats) -> dict[str, Any]:
    """The stats as plain JSON-ready values."""
    return asdict(stats)


def paths_to_dict(paths: Paths) -> dict[str, Any]:
    """The chains as plain JSON-ready values."""
    return asdict(paths)


# ---------------------------------------------------------------- stats


def format_stats(stats: Stats) -> str:
    """Counts, most central people and organisations, communities and
    components as aligned plain-text tables."""
    blocks = [
        _summary(stats),
        aligned(["type", "count"], [[k, str(n)] for k, n in stats.types.items()]),
        aligned(
            ["relation", "count"], [[k, str(n)] for k, n in stats.relations.items()]
        ),
        *(_central_block(stats, kind, rows) for kind, rows in stats.central.items()),
        _communities_block(stats),
        _components_block(stats),
    ]
    return "\n\n".join("\n".join(block) for block in blocks if block)


def _summary(stats: Stats) -> list[str]:
    left_out = "" if stats.mentions else "; mentions left out (--mentions)"
    return [f"network: {stats.nodes} nodes, {stats.edges} linked pairs{left_out}"]


def _central_block(stats: Stats, kind: str, rows: Sequence[Central]) -> list[str]:
    if not rows:
        return [f"most central {TYPE_NAMES.get(kind, kind)}: none"]
    how = (
        "exact"
        if stats.betweenness_sample is None
        else f"estimated from {stats.betweenness_sample} sampled nodes, "
        f"seed {stats.seed}"
    )
    title = f"most central {TYPE_NAMES.get(kind, kind)} (betweenness {how})"
    body = [
        [str(i), row.label, str(row.degree), f"{row.betweenness:.4f}"]
        for i, row in enumerate(rows, 1)
    ]
    return [title, *aligned(["#", kind, "degree", "betweenness"], body, left={1})]


def _communities_block(stats: Stats) -> list[str]:
    if stats.method == NO_COMMUNITIES:
        return ["communities: not searched (--communities none)"]
    modularity = (
        "" if stats.modularity is None else f", modularity {stats.modularity:.3f}"
    )
    singles = (
        f", {stats.single_communities} of one node" if stats.single_communities else ""
    )
    title = (
        f"communities ({METHOD_NAMES.get(stats.method, stats.method)}, "
        f"seed {stats.seed}): {stats.community_count}{singles}{modularity}"
    )
    if not stats.communities:
        return [title]
    kinds = list(stats.communities[0].types)
    header = ["#", "size", *(TYPE_NAMES.get(k, k) for k in kinds), "best linked"]
    body = [
        [
            str(i),
            str(c.size),
            *(str(c.types[k]) for k in kinds),
            "、".join(map(_clip, c.members)),
        ]
        for i, c in enumerate(stats.communities, 1)
    ]
    return [title, *aligned(header, body, left={len(header) - 1})]


def _components_block(stats: Stats) -> list[str]:
    sizes = ", ".join(str(size) for size in stats.component_sizes)
    more = "" if len(stats.component_sizes) == stats.component_count else ", …"
    return [
        f"connected components: {stats.component_count} "
        f"(largest {sizes}{more}; {stats.single_nodes} single nodes)"
    ]


# ---------------------------------------------------------------- paths


def format_paths(paths: Paths) -> str:
    """Each chain as a line of labels, then one line per relation with its
    evidence sentence."""
    ends = f"{_name(paths.source)} and {_name(paths.target)}"
    if not paths.chains:
        hint = "" if paths.mentions else " (--mentions also links through articles)"
        return f"no chain of relations links {ends}{hint}"
    count = len(paths.chains)
    lines = [f"{count} shortest chain{'s' * (count > 1)} linking {ends}"]
    for i, chain in enumerate(paths.chains, 1):
        lines += ["", *_chain_lines(i, chain)]
    return "\n".join(lines)


def _chain_lines(number: int, chain: Chain) -> list[str]:
    hops = len(chain.hops)
    walk = " → ".join(node.label for node in chain.nodes)
    lines = [f"{number}. {walk}  ({hops} hop{'s' * (hops > 1)})"]
    for hop in chain.hops:
        for link in hop.links:
            lines.append(f"   {_arrow(hop.source.label, hop.target.label, link)}")
            lines += [f"     {line}" for line in _evidence_lines(link)]
    return lines


def _arrow(first: str, second: str, link: Link) -> str:
    told = ["、".join(link.roles)] if link.roles else []
    if link.dates:
        told.append(" – ".join(d[:10] for d in link.dates))
    relation = link.relation + (f"（{'; '.join(told)}）" if told else "")
    if link.forward:
        return f"{first} —{relation}→ {second}"
    return f"{first} ←{relation}— {second}"


def _evidence_lines(link: Link) -> list[str]:
    if link.evidence:
        more = len(link.evidence) - 1
        extra = [f"(+{more} more sentence{'s' * (more > 1)})"] if more else []
        return [f"evidence: {link.evidence[0]}", *extra]
    if link.sources:
        return [f"source: {', '.join(link.sources)}"]
    return []


def _clip(label: str) -> str:
    """At most ``MAX_LABEL`` characters, so one long headline keeps the table
    narrow."""
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def _name(entity: Entity) -> str:
    return f"{entity.label} ({entity.type})"


# ---------------------------------------------------------------- tables
