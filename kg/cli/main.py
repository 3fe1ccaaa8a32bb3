"""The command line: parse, call one library function, format.

Exit codes: 0 success, 1 a ``KGError`` (bad input, gold or graph file,
unwritable output), 2 bad usage, 3 a build that finished with inputs skipped.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

import click

from kg.cli.terminal import VisibleFormatter, echo, fail
from kg.errors import KGError


@click.group()
@click.version_option(package_name="kg")
@click.option(
    "-v", "--verbose", is_flag=True, help="Log what the library does to stderr."
)
def main(verbose: bool) -> None:
    """kg: knowledge graphs of people, organisations, districts and
    initiatives from Chinese news, offline."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(VisibleFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, handlers=[handler]
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    default=Path("output"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The corpus folder: made on the first build, updated by later ones.",
)
@click.option("--encoding", help="Force the input encoding (e.g. gb18030, utf-16).")
@click.option(
    "--base-iri",
    callback=lambda _ctx, _param, value: _base_iri(value),
    help="Base IRI of the resources (default https://w3id.org/kgzh/resource/).",
)
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option(
    "--no-exports",
    is_flag=True,
    help="Update the store and index only: no graph.ttl, graph.trig or "
    "graph.html (a later build without it writes them).",
)
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of the graph.")
@click.option(
    "--strict", is_flag=True, help="Stop at the first file or line that cannot be read."
)
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Extract with this many local processes (same output as 1).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Extract on the Dask cluster whose scheduler is at ADDRESS "
    "(e.g. tcp://10.0.0.5:8786); needs kg[dask].",
)
@click.option("--wait", is_flag=True, help="Wait for another build of OUTPUT to end.")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
def build(
    paths: tuple[Path, ...],
    out_dir: Path,
    encoding: str | None,
    base_iri: str | None,
    no_html: bool,
    no_exports: bool,
    no_validate: bool,
    strict: bool,
    jobs: int,
    dask_address: str | None,
    wait: bool,
    quiet: bool,
) -> None:
    """Add articles (files or folders of .txt, .md, .jsonl, .html) to the
    corpus in OUTPUT and write OUTPUT/graph.ttl, graph.trig and graph.html.
    Unchanged articles are skipped; an article with a known id or URL
    replaces the old one."""
    from kg.build import build as run_build

    bar = _Progress(enabled=not quiet)
    try:
        summary = run_build(
            list(paths),
            out_dir,
            encoding=encoding,
            base_iri=base_iri,
            html=not no_html,
            exports=not no_exports,
            validate=not no_validate,
            strict=strict,
            jobs=jobs,
            dask=dask_address,
            wait=wait,
            progress=bar.update,
        )
    except KGError as exc:
        raise fail(exc) from exc
    finally:
        bar.close()
    _echo_summary(summary)


@main.command()
@click.argument("ids", nargs=-1, required=True)
@click.option(
    "--from",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The corpus folder.",
)
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option(
    "--no-exports",
    is_flag=True,
    help="Update the store and index only: no graph.ttl, graph.trig or "
    "graph.html (a later build without it writes them).",
)
@click.option("--wait", is_flag=True, help="Wait for a build of the corpus to end.")
def remove(
    ids: tuple[str, ...], out_dir: Path, no_html: bool, no_exports: bool, wait: bool
) -> None:
    """Retract the articles IDS from a corpus: their graphs and every fact
    that only they supported."""
    from kg.build import remove as run_remove

    try:
        summary = run_remove(
            list(ids), out_dir, html=not no_html, exports=not no_exports, wait=wait
        )
    except KGError as exc:
        raise fail(exc) from exc
    _echo_summary(summary)


def _echo_summary(summary: Any) -> None:
    echo(
        f"documents: {summary.documents} in the corpus (added {summary.added}, "
        f"replaced {summary.replaced}, unchanged {summary.unchanged}, "
        f"removed {summary.removed})"
    )
    echo("entities:  " + _counts(summary.entities))
    echo("relations: " + _counts(summary.relations))
    echo(f"triples:   {summary.triples}")
    if summary.undecided:
        shown = "; ".join(f"{_short(name)} ×{n}" for name, n in summary.undecided)
        more = f" … and {summary.undecided_more} more" if summary.undecided_more else ""
        echo(
            "districts without a code (the text did not decide among places of "
            f"that name): {shown}{more} (all in undecided.txt)"
        )
    for path in summary.outputs:
        echo(f"wrote {path}")
    echo(f"seconds:   {summary.seconds:.2f}")
    _report_inputs(summary)


SKIPPED_EXIT = 3
"""``kg build`` finished, but some inputs were skipped (README: Exit codes)."""


LISTED = 10
"""Skipped inputs and notes shown on the console; all are in inputs.txt."""


def _report_inputs(summary: Any) -> None:
    """Notes on stderr, then the skipped inputs (the first ``LISTED`` of
    each); exit 3 if any was skipped."""
    listing = next((p for p in summary.outputs if p.name == "inputs.txt"), None)
    rest = f" (all in {listing})" if listing else ""
    for notice in summary.notices[:LISTED]:
        echo(f"note: {notice}", err=True)
    if len(summary.notices) > LISTED:
        echo(f"note: … and {len(summary.notices) - LISTED} more{rest}", err=True)
    if not summary.skipped:
        return
    count = len(summary.skipped)
    echo(f"skipped {count} input{'s' if count > 1 else ''} (exit {SKIPPED_EXIT}):")
    for skipped in summary.skipped[:LISTED]:
        echo(f"  {skipped}")
    if count > LISTED:
        echo(f"  … and {count - LISTED} more{rest}")
    sys.exit(SKIPPED_EXIT)


def _base_iri(value: str | None) -> str | None:
    from kg.read.clean import check_base_iri

    if value is None:
        return None
    try:
        return check_base_iri(value)
    except KGError as exc:
        raise click.BadParameter(str(exc)) from exc


def _short(undecided: str, places: int = 3) -> str:
    """``城关镇 (in 武清区、和林格尔县、…)``: at most ``places`` candidates."""
    name, sep, where = undecided.partition(" (in ")
    candidates = where.rstrip(")").split("、") if sep else []
    if len(candidates) <= places:
        return undecided
    return f"{name} (in {'、'.join(candidates[:places])}、…)"


class _Progress:
    """Articles done, with rate, on one line of stderr; nothing when quiet."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.perf_counter()
        self.shown = False

    def update(self, done: int) -> None:
        if self.enabled:
            rate = done / max(time.perf_counter() - self.started, 1e-6)
            echo(f"\rarticles: {done} ({rate:.0f}/s)", nl=False, err=True)
            self.shown = True

    def close(self) -> None:
        if self.shown:
            echo("", err=True)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counts.items())) or "none"


@main.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--graph",
    "graph_path",
    default=Path("output/graph.ttl"),
    show_default=True,
    type=click.Path(path_type=Path),
    help="The graph to score.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold: tuple[Path, ...], graph_path: Path, as_json: bool) -> None:
    """Score a graph against gold files (gold/GUIDELINES.md): precision,
    recall and F1 per entity and relation type, misses and false positives;
    for an identity file, merge precision and recall and homonyms kept apart."""
    from kg.corpus.open import load_graph
    from kg.evaluate.run import evaluate, evaluation_to_dict, format_evaluation

    try:
        result = evaluate(gold, load_graph(graph_path))
    except KGError as exc:
        raise fail(exc) from exc
    if as_json:
        data = evaluation_to_dict(result)
        echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        echo(format_evaluation(result))


def _register() -> None:
    """Commands that live in their own modules, each a thin click wrapper."""
    from kg.cli.analytics import export, path, stats
    from kg.cli.article import article
    from kg.cli.identity import explain, merge, split
    from kg.cli.query import query, validate
    from kg.cli.report import report
    from kg.cli.store import push, serve
    from kg.cli.view import view

    commands = [validate, query, view, stats, path, export, report, article, explain]
    commands += [merge, split, serve, push]
    for command in commands:
        main.add_command(command)


_register()
