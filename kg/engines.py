"""Where pages are extracted: in this process, in N local processes, or on a
Dask cluster.  Every engine returns each batch's results in input order, so
the corpus is the same whichever runs it.

An engine is used as ``with engine(...) as run:``; ``run.submit(items)``
starts working on a batch and returns a handle whose ``result()`` is the
list of results, one per item (a chunk of pages).  The build submits the
next batch before it writes the last, so extraction and writing overlap.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, Protocol, TypeVar

from kg.errors import KGError

log = logging.getLogger(__name__)

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)
R = TypeVar("R")


class EngineError(KGError):
    """An engine cannot start (Dask missing, cluster unreachable)."""


class Pending(Protocol[R]):
    def result(self) -> list[R]: ...


class Engine(Protocol[T_contra, R]):
    parallel: int
    """How many items it works on at once: the build cuts batches into as
    many chunks."""

    def submit(self, items: Sequence[T_contra]) -> Pending[R]: ...


class _Done(Generic[R]):
    def __init__(self, value: list[R]) -> None:
        self.value = value

    def result(self) -> list[R]:
        return self.value


class Serial(Generic[T, R]):
    """In this process, one item after another."""

    parallel = 1

    def __init__(self, work: Callable[[T], R]) -> None:
        self.work = work

    def submit(self, items: Sequence[T]) -> _Done[R]:
        return _Done([self.work(item) for item in items])


class _Async(Generic[R]):
    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def result(self) -> list[R]:
        return list(self.handle.get())


class Processes(Generic[T, R]):
    """N local processes (forked after the parent loaded jieba and the
    gazetteer, so each starts warm); results in input order."""

    def __init__(self, work: Callable[[T], R], pool: Any, jobs: int) -> None:
        self.work, self.pool, self.parallel = work, pool, jobs

    def submit(self, items: Sequence[T]) -> _Async[R]:
        return _Async(self.pool.map_async(self.work, items, chunksize=1))


class _Futures(Generic[R]):
    def __init__(self, client: Any, futures: list[Any]) -> None:
        self.client, self.futures = client, futures

    def result(self) -> list[R]:
        return list(self.client.gather(self.futures))


class Dask(Generic[T, R]):
    """A ``dask.distributed`` cluster: one task per page, gathered in order."""

    def __init__(self, work: Callable[[T], R], client: Any) -> None:
        self.work, self.client = work, client
        workers = client.scheduler_info().get("workers", {})
        self.parallel = 4 * max(1, sum(w.get("nthreads", 1) for w in workers.values()))

    def submit(self, items: Sequence[T]) -> _Futures[R]:
        futures = self.client.map(self.work, list(items), pure=False)
        return _Futures(self.client, futures)


@contextmanager
def engine(
    work: Callable[[T], R],
    *,
    jobs: int = 1,
    dask: str | Any | None = None,
    warm: Callable[[], None] | None = None,
) -> Iterator[Engine[T, R]]:
    """The engine for ``jobs`` local processes, or the Dask scheduler at
    ``dask`` (an address such as ``tcp://10.0.0.5:8786``, or a Client)."""
    if dask is not None:
        with _dask_client(dask) as client:
            yield Dask(work, client)
        return
    if warm is not None:
        warm()
    if jobs <= 1:
        yield Serial(work)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        yield Processes(work, pool, jobs)


@contextmanager
def _dask_client(address: str | Any) -> Iterator[Any]:
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise EngineError(
            "--dask needs dask.distributed; install it with pip install 'kg[dask]'"
        ) from exc
    if isinstance(address, Client):
        yield address
        return
    try:
        client = Client(address, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise EngineError(
            f"{address}: no Dask scheduler answers there ({exc}); start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS`"
        ) from exc
    try:
        yield client
    finally:
        client.close()
