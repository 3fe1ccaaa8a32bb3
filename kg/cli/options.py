"""Options several commands share: ``--since`` / ``--until``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from kg.graph.timespan import TimeSpan

F = TypeVar("F", bound=Callable[..., Any])


def span_options(command: F) -> F:
    """Add ``--since`` and ``--until`` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    command = click.option(
        "--until",
        metavar="DATE",
        help="Only what articles dated up to DATE (YYYY[-MM[-DD]]) support.",
    )(command)
    return click.option(
        "--since",
        metavar="DATE",
        help="Only what articles dated from DATE (YYYY[-MM[-DD]]) support.",
    )(command)


def span_of(since: str | None, until: str | None) -> TimeSpan:
    """The span the options give; bad dates are bad usage (exit 2)."""
    from kg.graph.timespan import SpanError, parse_span

    try:
        return parse_span(since, until)
    except SpanError as exc:
        raise click.UsageError(str(exc)) from exc
