"""What reading found besides articles: inputs skipped and notices, as data.

:func:`kg.read.files.read_inputs` yields a :class:`~kg.model.Document` for
every article and one of these for everything else, so a caller decides what
to print, count or refuse: ``kg build`` lists them in its summary and exits
3 when an input was skipped (``--strict`` makes a skip fatal).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import Document


def _where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


@dataclass(frozen=True)
class Skipped:
    """An input that was not read: a whole file, or one line of a ``.jsonl``.

    ``reason`` says what is wrong with it, ``hint`` what to do.
    """

    path: str
    line: int | None
    reason: str
    hint: str

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {self.reason}; {self.hint}"


@dataclass(frozen=True)
class Notice:
    """Something read with a caveat, or passed over on purpose: a note such as
    README.md in a folder, a field dropped, a huge article read in parts."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {self.message}"


Record = Document | Skipped | Notice
"""What :func:`kg.read.files.read_inputs` yields."""


@dataclass(frozen=True)
class Reading:
    """Everything read from a set of paths."""

    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    notices: tuple[Notice, ...] = ()
