"""The graph's IRIs, minted under one base.

IRIs are stable: an entity's IRI depends only on its kind and canonical name
(a district's on its gazetteer id), never on the order of the input, so an
entity keeps its IRI when more documents are added.  Articles, their named
graphs, roles, memberships and statements get IRIs from digests of what
they are, so the same input always names them the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from kg.graph.namespaces import BASE_IRI
from kg.model import Entity, Kind
from kg.text.pinyin import slug

KIND_SEGMENTS = {
    Kind.PERSON: "person",
    Kind.ORGANIZATION: "org",
    Kind.DISTRICT: "place",
    Kind.INITIATIVE: "initiative",
}


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


class IRIs:
    """Mints the graph's IRIs (as strings) under one base."""

    def __init__(self, base_iri: str = BASE_IRI) -> None:
        self.base = base_iri
        self.gazetteer = f"{base_iri}source/gazetteer"

    def entity(self, key: str, kind: Kind, name: str) -> str:
        ident = key.split(":", 1)[1]
        if kind is Kind.DISTRICT and ident.isdigit():
            return f"{self.base}place/{ident}"
        return f"{self.of_kind(kind)}{slug(name)}-{_digest(key)[:6]}"

    def of_kind(self, kind: Kind) -> str:
        """The start of every IRI :meth:`entity` mints for ``kind`` but a
        district's with a code."""
        return f"{self.base}{KIND_SEGMENTS[kind]}/"

    def article(self, doc_id: str) -> str:
        return f"{self.base}article/{self._article_tail(doc_id)}"

    def article_graph(self, doc_id: str) -> str:
        """The named graph that holds an article's facts."""
        return f"{self.base}graph/article/{self._article_tail(doc_id)}"

    def identity_graph(self) -> str:
        """The named graph that holds why person nodes are who they are."""
        return f"{self.base}graph/identity"

    def role(self, role: str) -> str:
        return f"{self.base}role/{slug(role)}-{_digest(role)[:6]}"

    def membership(
        self, person: str, org: str | None, doc_id: str, change: str = ""
    ) -> str:
        parts = (person, org or "", doc_id, *([change] if change else []))
        return f"{self.base}membership/{_digest(*parts)}"

    def statement(self, *parts: str) -> str:
        return f"{self.base}statement/{_digest(*parts)}"

    @staticmethod
    def _article_tail(doc_id: str) -> str:
        return f"{slug(doc_id)}-{_digest(doc_id)[:6]}"


Naming = Mapping[str, str]
"""Entity key → IRI: who an entity is, decided outside this module."""


def name_based(entities: Iterable[Entity], iris: IRIs) -> dict[str, str]:
    """Today's naming: an entity's IRI from its kind and canonical name."""
    return {e.key: iris.entity(e.key, e.kind, e.name) for e in entities}
