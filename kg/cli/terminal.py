"""Everything the commands print goes through here: control characters made
visible, so text from articles and graphs can never drive the terminal.

An ESC (ANSI colour, cursor or title sequences), a carriage return, a bell,
C1 controls and bidirectional overrides are written as ``\\x1b``, ``\\r``,
``\\u202e`` …; line breaks and tabs stay.  Human output (tables, reports,
summaries, messages, logging) is always escaped; machine formats (CSV, TSV,
JSON, Turtle: ``data=True``) are escaped only when they go to a terminal, so
a file or pipe receives the data unchanged.
"""

from __future__ import annotations

import logging
import re
import sys

import click

from kg.errors import KGError

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def visible(text: str) -> str:
    """``text`` with every control character but line break and tab escaped."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def echo(
    message: str = "", *, err: bool = False, nl: bool = True, data: bool = False
) -> None:
    """``click.echo`` of ``message`` made safe for a terminal (see above)."""
    stream = sys.stderr if err else sys.stdout
    if not data or stream.isatty():
        message = visible(message)
    click.echo(message, err=err, nl=nl)


def fail(exc: KGError) -> click.ClickException:
    """The ClickException for a library error: its message made visible and
    its exit code kept (1, or 2 for an unusable option)."""
    error = click.ClickException(visible(str(exc)))
    error.exit_code = exc.exit_code  # type: ignore[misc]
    return error


class VisibleFormatter(logging.Formatter):
    """Log lines (file names, article text) made visible too."""

    def format(self, record: logging.LogRecord) -> str:
        return visible(super().format(record))
