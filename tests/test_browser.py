"""The network page in a real headless Chromium, with the network cut off.

Each page must draw without script errors and without asking for anything
but its own file; search, filters and the side panel must work; text from
documents must stay text.  Screenshots are kept under pytest's tmp_path.
Skips only when no Chromium is installed (Debian: apt-get install chromium).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import Graph

from conftest import ROOT
from kg.publish.browser import find_chromium, launch_offline

CHROMIUM = find_chromium()
if CHROMIUM is None:
    pytest.skip(
        "chromium is not installed (apt-get install chromium fonts-noto-cjk)",
        allow_module_level=True,
    )

from playwright.sync_api import BrowserContext, Page, Route, sync_playwright  # noqa: E402
from test_html import (  # noqa: E402
    EVIL_LABEL,
    LAUNCH_SENTENCE,
    sample_graph,
    star_graph,
)

from kg.build import build  # noqa: E402
from kg.publish.page import write_html, write_view  # noqa: E402

READY = "body[data-state=ready]"


@dataclass
class Browser:
    """A Chromium context that lets only file: URLs through and remembers
    every other request it refused."""

    context: BrowserContext
    refused: list[str] = field(default_factory=list)

    def route(self, route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()


@dataclass
class Opened:
    page: Page
    errors: list[str]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as driver:
        context = launch_offline(driver, profile, CHROMIUM, width=1280, height=800)
        wrapper = Browser(context)
        context.route("**/*", wrapper.route)
        yield wrapper
        context.close()
    assert wrapper.refused == [], "the page asked for something off the machine"


def open_page(browser: Browser, path: Path) -> Opened:
    page = browser.context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on(
        "console",
        lambda msg: (
            errors.append(f"console: {msg.text}") if msg.type == "error" else None
        ),
    )
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.goto(path.as_uri())
    page.wait_for_selector(READY, timeout=30_000)
    return Opened(page, errors)


def _console(kind: str, text: str, errors: list[str]) -> None:
    if kind == "error":
        errors.append(f"console: {text}")


@pytest.fixture(scope="module")
def example_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example")
    build([ROOT / "examples"], out)
    return out / "graph.html"


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "graph.html"
    write_html(sample_graph(), path)
    return path


@pytest.fixture
def sample(browser: Browser, sample_page: Path) -> Iterator[Opened]:
    opened = open_page(browser, sample_page)
    yield opened
    assert opened.errors == []
    opened.page.close()


WEBGL_STATS = """() => {
  kgExplorer.renderer.refresh();  // draw now, so the buffers can be read
  let painted = 0, size = 0; const colours = new Set();
  for (const name of ['edges', 'nodes']) {
    const canvas = kgExplorer.renderer.getCanvases()[name];
    const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
    const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
    const pixels = new Uint8Array(w * h * 4);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
    size = w * h;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) continue;
      painted++;
      const [r, g, b] = [pixels[i] >> 4, pixels[i + 1] >> 4, pixels[i + 2] >> 4];
      colours.add(r * 256 + g * 16 + b);
    }
  }
  return {painted: painted, colours: colours.size, size: size};
}"""


def test_example_page_draws_offline(
    browser: Browser, example_page: Path, tmp_path: Path
) -> None:
    opened = open_page(browser, example_page)
    stats = opened.page.evaluate(WEBGL_STATS)
    opened.page.screenshot(path=str(tmp_path / "example.png"))
    assert opened.errors == []
    assert stats["painted"] > stats["size"] // 200, stats
    assert stats["colours"] >= 5, "nodes of several kinds should be drawn"
    assert (tmp_path / "example.png").stat().st_size > 10_000
    opened.page.close()


def test_example_page_search_in_pinyin(browser: Browser, example_page: Path) -> None:
    opened = open_page(browser, example_page)
    opened.page.fill("#kg-search", "wu jin qu")
    results = opened.page.locator("#kg-results li").all_inner_texts()
    assert results and results[0].startswith("武进区"), results
    opened.page.close()


@pytest.mark.parametrize(
    "query, first",
    [
        ("林小远", "林小远"),
        ("lin xiao", "林小远"),
        ("LXY", "林小远"),
        ("区总工会", "青禾区总工会"),
        ("石桥", "石桥镇"),
    ],
)
def test_search_finds_and_selects(sample: Opened, query: str, first: str) -> None:
    page = sample.page
    page.fill("#kg-search", query)
    assert page.locator("#kg-results li").first.inner_text().startswith(first)
    page.press("#kg-search", "Enter")
    selected = page.evaluate("kgExplorer.data.nodes[kgExplorer.selected()].label")
    assert selected == first
    assert page.locator("#kg-panel-title").inner_text() == first


@pytest.mark.parametrize(
    "action, shown, status",
    [
        ("#kg-legend input[data-kind=Person]", 7, "显示 7 / 9 个节点"),
        ("#kg-legend input[data-kind=District]", 6, "显示 6 / 9 个节点"),
        ("district=2", 3, "显示 3 / 9 个节点，2 / 8 条边"),
        ("district=1", 8, "显示 8 / 9 个节点"),
    ],
)
def test_filters_hide_nodes(
    sample: Opened, action: str, shown: int, status: str
) -> None:
    page = sample.page
    assert page.evaluate("kgExplorer.shownCount()") == 9
    if action.startswith("district="):
        page.select_option("#kg-district", action.split("=")[1])
    else:
        page.uncheck(action)
    assert page.evaluate("kgExplorer.shownCount()") == shown
    assert page.locator("#kg-status").inner_text().startswith(status)
    page.click("#kg-reset")
    assert page.evaluate("kgExplorer.shownCount()") == 9


def test_side_panel_lists_facts_and_follows_links(sample: Opened) -> None:
    page = sample.page
    page.fill("#kg-search", "林小远")
    page.press("#kg-search", "Enter")
    facts = page.locator("#kg-facts li").all_inner_texts()
    assert any(f.startswith("→ 党组书记、主席 青禾区总工会") for f in facts), facts
    assert any("青禾区总工会党组书记、主席林小远表示" in f for f in facts), facts
    page.locator("#kg-facts button", has_text="青禾区总工会").click()
    assert page.locator("#kg-panel-title").inner_text() == "青禾区总工会"
    assert page.locator("#kg-panel-iri").inner_text().endswith("org/qinghe-union")


HOVER = """(label) => kgExplorer.viewportOf(
  kgExplorer.data.nodes.findIndex(n => n.label === label))"""


def test_tooltip_shows_evidence_and_sources(sample: Opened) -> None:
    page = sample.page
    x, y = page.evaluate(HOVER, "青禾区总工会")
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=4)
    tooltip = page.locator("#kg-tooltip")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert text.startswith("青禾区总工会") and LAUNCH_SENTENCE in text
    assert "来源（1 篇）" in text and "青禾区工会召开年度大会" in text


def test_size_by_centrality(sample: Opened) -> None:
    page = sample.page
    before = page.evaluate("kgExplorer.size(0)")
    page.select_option("#kg-size", "rank")
    after = page.evaluate("kgExplorer.size(0)")
    rank = page.evaluate("kgExplorer.data.nodes[0].rank")
    assert after != before and after == pytest.approx(2 + 4 * rank**0.5)


def test_markup_in_documents_stays_text(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "evil.html"
    write_html(sample_graph(evil=True), path, title="<img src=x onerror=alert(1)>")
    opened = open_page(browser, path)
    page = opened.page
    page.fill("#kg-search", "lin xiao yuan")
    page.press("#kg-search", "Enter")
    page.locator("#kg-facts button", has_text="青禾区总工会").click()
    assert page.locator("img, #kg-panel script").count() == 0
    assert EVIL_LABEL in page.locator("#kg-facts").inner_text()
    assert opened.errors == []
    page.close()


def test_policy_stops_markup_that_slipped_in(
    browser: Browser, sample_page: Path, tmp_path: Path
) -> None:
    planted = '<script>document.title = "pwned"</script><img src=x onerror="alert(1)">'
    path = tmp_path / "planted.html"
    text = sample_page.read_text(encoding="utf-8")
    path.write_text(text.replace("</body>", planted + "</body>"), encoding="utf-8")
    opened = open_page(browser, path)
    assert opened.page.title() != "pwned"
    assert not any(e.startswith("dialog") for e in opened.errors)
    assert any("Content Security Policy" in e for e in opened.errors), opened.errors
    opened.page.close()


@pytest.mark.parametrize("leaves, shown", [(-1, 0), (0, 2)])
def test_tiny_graphs_draw(
    browser: Browser, tmp_path: Path, leaves: int, shown: int
) -> None:
    path = tmp_path / "tiny.html"
    write_html(Graph() if leaves < 0 else star_graph(leaves), path)
    opened = open_page(browser, path)
    assert opened.page.evaluate("kgExplorer.shownCount()") == shown
    assert opened.errors == []
    opened.page.close()


def test_overview_says_so(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    write_html(star_graph(60), path, max_nodes=20)
    opened = open_page(browser, path)
    note = opened.page.locator("#kg-note")
    assert note.is_visible() and "概览" in note.inner_text()
    assert opened.page.evaluate("kgExplorer.shownCount()") == 20
    assert opened.errors == []
    opened.page.close()


def test_neighbourhood_page_opens_on_its_entity(
    browser: Browser, tmp_path: Path
) -> None:
    graph_file, path = tmp_path / "g.ttl", tmp_path / "ego.html"
    sample_graph().serialize(graph_file, format="turtle")
    write_view(graph_file, path, name="王明", depth=2)
    opened = open_page(browser, path)
    assert opened.page.locator("#kg-panel-title").inner_text() == "王明"
    assert "以“王明”为中心" in opened.page.locator("#kg-scope").inner_text()
    assert opened.errors == []
    opened.page.close()


OVERLAPS = """() => {
  const rects = kgExplorer.labels();
  let overlaps = 0;
  for (let a = 0; a < rects.length; a++)
    for (let b = a + 1; b < rects.length; b++) {
      const [x0, y0, x1, y1] = rects[a], [u0, v0, u1, v1] = rects[b];
      if (x0 < u1 && u0 < x1 && y0 < v1 && v0 < y1) overlaps++;
    }
  return [rects.map(r => r[4]), overlaps];
}"""
ZOOM_IN = """() => new Promise(done => {
  const camera = kgExplorer.renderer.getCamera();
  camera.setState({ratio: camera.ratio / 4});
  kgExplorer.renderer.refresh();
  requestAnimationFrame(() => done(0));
})"""


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page of every invented article the project has (about 900 nodes)."""
    out = tmp_path_factory.mktemp("corpus")
    data = ROOT / "tests" / "data"
    inputs = [ROOT / "examples", *sorted(data.glob("*/*.txt"))]
    build(inputs, out)
    return out / "graph.html"


def test_labels_never_overlap_and_more_appear_on_zoom(
    browser: Browser, corpus_page: Path
) -> None:
    opened = open_page(browser, corpus_page)
    page = opened.page
    assert page.evaluate("kgExplorer.data.colorBy") == "community"
    drawn, overlaps = page.evaluate(OVERLAPS)
    assert len(drawn) >= 20 and overlaps == 0
    assert len(drawn) < page.evaluate("kgExplorer.data.nodes.length") / 4
    page.evaluate(ZOOM_IN)
    zoomed, overlaps = page.evaluate(OVERLAPS)
    assert set(zoomed) - set(drawn), "zooming in should label nodes not labelled"
    assert overlaps == 0
    assert opened.errors == []
    page.close()


def test_filters_refit_the_view(sample: Opened) -> None:
    page = sample.page
    before = page.evaluate("kgExplorer.renderer.getCustomBBox()")
    page.select_option("#kg-district", "2")
    box = page.evaluate("kgExplorer.renderer.getCustomBBox()")
    shown = page.evaluate(
        """() => kgExplorer.data.nodes.filter((n, i) =>
             !kgExplorer.renderer.getNodeDisplayData(String(i)).hidden)"""
    )
    assert box != before and len(shown) == 3
    xs, ys = [n["x"] for n in shown], [n["y"] for n in shown]
    assert box["x"][0] <= min(xs) and box["x"][1] >= max(xs)
    assert box["x"][1] - box["x"][0] <= max(xs) - min(xs) + 2
    assert box["y"][0] <= min(ys) and box["y"][1] >= max(ys)


def test_time_range_hides_what_no_article_in_it_supports(
    browser: Browser, example_page: Path
) -> None:
    opened = open_page(browser, example_page)
    page = opened.page
    dates = page.evaluate("kgExplorer.data.dates")
    assert dates == ["2023-06-08", "2023-09-15", "2023-09-20"]
    total = page.evaluate("kgExplorer.shownCount()")
    page.evaluate("kgExplorer.setTime(1, 2)")
    assert page.locator("#kg-time-label").inner_text() == "2023-09-15 至 2023-09-20"
    later = page.evaluate(
        "kgExplorer.data.nodes.filter((n, i) => "
        "!kgExplorer.renderer.getNodeDisplayData(String(i)).hidden).map(n => n.label)"
    )
    assert 0 < len(later) < total
    assert "严振华" in later and "钱卫东" not in later
    page.click("#kg-reset")
    assert page.evaluate("kgExplorer.shownCount()") == total
    assert opened.errors == []
    page.close()


def test_article_panel_shows_date_source_and_sentences(
    browser: Browser, example_page: Path
) -> None:
    opened = open_page(browser, example_page)
    page = opened.page
    page.fill("#kg-search", "昆山市总工会发布")
    page.press("#kg-search", "Enter")
    meta = page.locator("#kg-article-meta").inner_text()
    assert "2023-09-15" in meta and "玉峰新闻网" in meta
    link = page.locator("#kg-article-meta a")
    assert link.get_attribute("href") == "https://news.example.org/ks/20230915.html"
    sentences = page.locator("#kg-article-sentences li").all_inner_texts()
    assert any("严振华介绍" in s for s in sentences), sentences
    assert "kunshan-2023-0915" in meta  # the id kg article takes
    page.click("#kg-article-body summary")  # the text, as the source wrote it
    text = page.locator("#kg-article-text").inner_text()
    assert text.startswith("昆山市总工会发布") and len(text) > 200
    marked = page.locator("#kg-article-text mark").all_inner_texts()
    assert any("严振华介绍" in m for m in marked) and set(marked) <= set(sentences)
    page.wait_for_timeout(500)  # the camera moves to the article in 300 ms
    x, y = page.evaluate("kgExplorer.viewportOf(kgExplorer.selected())")
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=4)
    tooltip = page.locator("#kg-tooltip")
    tooltip.wait_for(state="visible")
    assert "日期：2023-09-15" in tooltip.inner_text()
    assert opened.errors == []
    page.close()


def test_big_page_is_ready_quickly(browser: Browser, tmp_path: Path) -> None:
    import sys
    import time

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_html import invented_graph

    path = tmp_path / "big.html"
    summary = write_html(invented_graph(5000), path)
    assert summary.nodes == 5000 and not summary.overview
    started = time.perf_counter()
    opened = open_page(browser, path)
    seconds = time.perf_counter() - started
    assert opened.page.evaluate("kgExplorer.shownCount()") == 5000
    assert opened.errors == []
    assert seconds < 15, f"a 5,000-node page took {seconds:.1f} s to be ready"
    opened.page.close()
