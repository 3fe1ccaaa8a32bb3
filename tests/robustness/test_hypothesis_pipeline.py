"""Any text, title, url and id through the whole pipeline: never raises, and the
graph parses in both rdflib and Oxigraph.

Articles go in as jsonl lines (the format that carries all four fields), are
read, extracted, resolved and turned into triples, and the Turtle written by
``kg.graph.files.write_turtle`` is parsed back.  Bounded and derandomised so
CI stays fast and repeatable.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.graph.files import write_turtle
from kg.graph.triples import build_graph
from kg.pipeline import extract_documents
from kg.read.files import read_inputs
from kg.read.records import Notice, Skipped

# Text of the genre mixed with anything at all: control characters, NUL, lone
# surrogates, markup, quotes, emoji, bidi overrides, line breaks.
GENRE = st.sampled_from(
    [
        "青石县总工会主席周晓东表示，",
        "云岭市人民政府副市长林国栋",
        "“技能强企”行动",
        "（记者 林小雨）",
        "《职工书屋管理办法》",
        "\n",
        "。",
        "# ",
    ]
)
ANY = st.text(st.characters(codec=None, exclude_categories=()), min_size=0, max_size=40)
TEXT = st.lists(st.one_of(GENRE, ANY), min_size=0, max_size=12).map("".join)
URL = st.one_of(
    st.none(),
    ANY,
    st.builds(lambda path: f"https://news.example.org/{path}", ANY),
    st.sampled_from(["/rel/1.html", "a b", 'http://x/"', "javascript:1", ""]),
)
FIELD = st.one_of(st.none(), ANY, st.integers(), st.booleans())
ARTICLE = st.fixed_dictionaries(
    {"text": st.one_of(TEXT, FIELD)},
    optional={"title": st.one_of(ANY, FIELD), "url": URL, "id": FIELD},
)


def _line(record: dict[str, object]) -> str:
    return json.dumps(record, ensure_ascii=bool(len(record) % 2))


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(ARTICLE, min_size=1, max_size=4))
def test_any_article_makes_a_graph_both_parsers_read(
    records: list[dict[str, object]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feed.jsonl"
        path.write_text(
            "\n".join(_line(r) for r in records) + "\n",
            encoding="utf-8",
            errors="surrogatepass",
        )
        found = list(read_inputs([path]))
        docs = [r for r in found if not isinstance(r, Skipped | Notice)]
        assert all(isinstance(r, Skipped | Notice) for r in found if r not in docs)
        graph = build_graph(extract_documents(docs))
        written = write_turtle(graph, Path(tmp) / "graph.ttl")
        data = written.read_bytes()
    quads = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    parsed = Graph().parse(data=data, format="turtle")
    assert len(quads) == len(parsed) == len(graph)
    for doc in docs:
        assert "\x00" not in doc.text and "\x1b" not in doc.text
        if doc.url is not None:
            ox.NamedNode(doc.url)
