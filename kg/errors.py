"""The errors the library raises; the CLI maps each to an exit code.

Every message names the culprit (a file, a line, a value) and what to do.
"""


class KGError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 1


class InputError(KGError):
    """An input file cannot be read: missing, undecodable or malformed."""


class GoldError(KGError):
    """A gold file does not follow gold/GUIDELINES.md."""


class GraphError(KGError):
    """A graph file cannot be read or does not follow the contract."""


class OutputError(KGError):
    """An output cannot be written."""


class StoreError(KGError):
    """A store folder cannot be written, opened or read."""


class UsageError(KGError):
    """An option's value cannot be used (as click's bad usage: exit 2)."""

    exit_code = 2
