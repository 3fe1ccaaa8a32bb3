"""Giving freed memory back to the system between the steps of a build.

CPython and RocksDB free memory into the C allocator, which keeps it for
the process; glibc's ``malloc_trim`` returns the free pages to the system.
The build calls :func:`release_memory` after the writing phase, before the
page and the report, its memory peak, allocate their own (about 35 MB less
at the peak of a 10k build).  Elsewhere than glibc it only collects garbage.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Callable
from functools import cache
from typing import cast


def release_memory() -> None:
    """Collect garbage, then return the allocator's free pages to the system."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        trim = getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    except OSError:
        return None
    return cast("Callable[[int], int] | None", trim)
