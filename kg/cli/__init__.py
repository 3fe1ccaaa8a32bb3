"""The command line: parses, calls one library function, formats."""

from kg.cli.main import main

__all__ = ["main"]
