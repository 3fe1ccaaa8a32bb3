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
    help="Folder for graph.ttl and graph.html.",
)
@click.option("--encoding", help="Force the input encoding (e.g. gb18030, utf-16).")
@click.option(
    "--base-iri",
    callback=lambda _ctx, _param, value: _base_iri(value),
    help="Base IRI of the resources (default https://w3id.org/kgzh/resource/).",
)
@click.option("--no-html", is_flag=True, help="Write only graph.ttl.")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write the graph into an embedded Oxigraph store in this folder.",
)
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of the graph.")
@click.option(
    "--strict", is_flag=True, help="Stop at the first file or line that cannot be read."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar on stderr.")
def build(
    paths: tuple[Path, ...],
    out_dir: Path,
    encoding: str | None,
    base_iri: str | None,
    no_html: bool,
    store_dir: Path | None,
    no_validate: bool,
    strict: bool,
    quiet: bool,
) -> None:
    """Read articles (files or folders of .txt, .md, .jsonl, .html) and write
    OUTPUT/graph.ttl and OUTPUT/graph.html."""
    from kg.build import build as run_build

    bar = _ProgressBar(enabled=not quiet)
    try:
        summary = run_build(
            list(paths),
            out_dir,
            encoding=encoding,
            base_iri=base_iri,
            html=not no_html,
            store=store_dir,
            validate=not no_validate,
            strict=strict,
            on_start=bar.start,
            progress=bar.update,
        )
    except KGError as exc:
        raise fail(exc) from exc
    finally:
        bar.close()
    echo(f"documents: {summary.documents} (from {summary.files} files)")
    echo("entities:  " + _counts(summary.entities))
    echo("relations: " + _counts(summary.relations))
    echo(f"triples:   {summary.triples}")
    if summary.undecided:
        echo(
            "districts without a code (the text did not decide among "
            "places of that name): " + "; ".join(summary.undecided)
        )
    for path in summary.outputs:
        echo(f"wrote {path}")
    echo(f"seconds:   {summary.seconds:.2f}")
    _report_inputs(summary)


SKIPPED_EXIT = 3
"""``kg build`` finished, but some inputs were skipped (README: Exit codes)."""


def _report_inputs(summary: Any) -> None:
    """Notices on stderr, then the skipped inputs; exit 3 if any was skipped."""
    for notice in summary.notices:
        echo(f"note: {notice}", err=True)
    if not summary.skipped:
        return
    count = len(summary.skipped)
    echo(f"skipped {count} input{'s' if count > 1 else ''} (exit {SKIPPED_EXIT}):")
    for skipped in summary.skipped:
        echo(f"  {skipped}")
    sys.exit(SKIPPED_EXIT)


def _base_iri(value: str | None) -> str | None:
    from kg.read.clean import check_base_iri

    if value is None:
        return None
    try:
        return check_base_iri(value)
    except KGError as exc:
        raise click.BadParameter(str(exc)) from exc


class _ProgressBar:
    """Articles extracted, with rate, on stderr; nothing when quiet or tiny."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.bar: Any = None
        self.done = 0
        self.started = 0.0

    def start(self, total: int) -> None:
        if self.enabled and total > 1:
            self.started = time.perf_counter()
            self.bar = click.progressbar(
                length=total,
                label="articles",
                file=sys.stderr,
                show_pos=True,
                item_show_func=lambda rate: rate,
            )
            self.bar.__enter__()

    def update(self, done: int) -> None:
        if self.bar is not None:
            rate = done / max(time.perf_counter() - self.started, 1e-6)
            self.bar.update(done - self.done, f"{rate:.0f}/s")
            self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


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
    from kg.cli.identity import explain, merge, split
    from kg.cli.query import query, validate
    from kg.cli.report import report
    from kg.cli.store import push, serve
    from kg.cli.view import view

    commands = [validate, query, view, stats, path, export, report, explain]
    commands += [merge, split, serve, push]
    for command in commands:
        main.add_command(command)


_register()
