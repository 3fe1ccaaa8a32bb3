"""Contract tests over every registered extractor, and properties of the pipeline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from kg.extract import EXTRACTORS
from kg.extract.base import Context, Found
from kg.graph.triples import build_graph
from kg.model import Document, Mention, Relation
from kg.pipeline import extract_documents

SAMPLE = (
    "无锡市召开大会。江阴市总工会党组书记、主席张忠表示，要推出“车间课堂”服务活动。"
    "市长韩某某出席。\n（记者 王某某）"
)
GENRE_CHARS = (
    "市区县镇总工会党组书记主席副长委办局集团公司“”《》、，。"
    "的在和张王李表示说推出活动机制无锡江阴南京 "
)


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_returns_model_values_only(name: str) -> None:
    found = EXTRACTORS[name](Context(Document("t", SAMPLE, SAMPLE)))
    assert isinstance(found, Found)
    assert all(isinstance(m, Mention) for m in found.mentions)
    assert all(isinstance(r, Relation) for r in found.relations)
    for mention in found.mentions:
        assert 0 <= mention.start <= mention.end <= len(SAMPLE)


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_copes_with_empty_text(name: str) -> None:
    assert EXTRACTORS[name](Context(Document("t", "", ""))) == Found()


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_is_deterministic(name: str) -> None:
    doc = Document("t", SAMPLE, SAMPLE)
    assert EXTRACTORS[name](Context(doc)) == EXTRACTORS[name](Context(doc))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(GENRE_CHARS) | st.characters(), max_size=80))
def test_any_text_builds_a_graph_with_valid_iris(text: str) -> None:
    graph = build_graph(extract_documents([Document("h", text, text)]))
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                iri = str(term)
                assert " " not in iri and iri.startswith(("http://", "https://"))


def test_each_extractor_sees_the_mentions_by_kind_it_would_sort_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """extract_document hands each extractor the earlier mentions already
    grouped by kind (``Context.kinds``): the same groups, in the same order,
    as a context sorting ``ctx.mentions`` itself."""
    from kg.model import Kind
    from kg.pipeline import extract_document

    seen: list[int] = []

    def spy(ctx: Context) -> Found:
        assert ctx.kinds is not None
        again = Context(ctx.doc, ctx.mentions)
        for kind in Kind:
            assert ctx.of_kind(kind) == again.of_kind(kind)
        seen.append(len(ctx.mentions))
        return Found()

    registry = dict(EXTRACTORS)
    monkeypatch.setattr("kg.pipeline.EXTRACTORS", {**registry, "spy": spy})
    extract_document(Document("t", SAMPLE, SAMPLE))
    assert seen and seen[0] >= 4  # the spy ran last, after mentions were found
