"""Cleaning what files contain before anything reads it.

* :func:`clean_text`: NUL and other control characters out (tabs and line
  breaks kept; form feeds and vertical tabs become line breaks), lone
  surrogates (possible in JSON's ``\\ud800``) replaced by U+FFFD.
* :func:`web_address`: a ``url`` field checked to be an absolute http(s) IRI
  that both Oxigraph and rdflib accept; anything else is dropped with a
  reason, never minted into an IRI.
* :func:`check_base_iri`: the ``--base-iri`` option checked likewise.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import UsageError

_BREAKS = str.maketrans({"\f": "\n", "\v": "\n", "\u0085": "\n"})
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SCHEMES = ("http", "https")


def clean_text(text: str) -> tuple[str, int]:
    """``text`` without control characters, and how many were dropped."""
    text = text.translate(_BREAKS)
    text = _SURROGATE.sub("\ufffd", text)
    cleaned, dropped = _CONTROL.subn("", text)
    return cleaned, dropped


def iri_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute IRI both Oxigraph and rdflib write and
    read back, or ``None`` when it is one."""
    scheme, colon, _ = value.partition(":")
    if not colon or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        return "not an absolute address (it needs a scheme such as https://)"
    if any(c in value for c in ' <>"{}|^`\\') or _CONTROL.search(value):
        return "it holds a space, quote, bracket or control character"
    try:
        ox.NamedNode(value)
    except ValueError as exc:
        return f"not a valid IRI ({exc})"
    return None


def web_address(value: str) -> tuple[str | None, str | None]:
    """``(url, None)`` for a usable http(s) address, ``(None, reason)`` if not."""
    value = value.strip()
    problem = iri_problem(value)
    if problem is None and value.partition(":")[0].lower() not in _SCHEMES:
        problem = "not an http or https address"
    return (None, problem) if problem else (value, None)


def check_base_iri(value: str) -> str:
    """``value`` if it can be the base of the graph's IRIs; else UsageError."""
    problem = iri_problem(value)
    if problem is None and not value.endswith(("/", "#")):
        problem = "it must end with / or #"
    if problem is None:
        problem = iri_problem(value + "place/110000")
    if problem:
        raise UsageError(
            f"--base-iri {value!r}: {problem}; give an absolute IRI ending in / "
            "or #, such as https://example.org/kg/"
        )
    return value
