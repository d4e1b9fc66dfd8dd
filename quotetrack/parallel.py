"""Extracting many articles at once, in input order, on all cores.

Work is sent to the workers a chunk at a time with only a few chunks in flight,
so an input of any length (a generator over a huge file) is never held in
memory whole.

With more than one process, call :func:`extract_many` from code that runs
under ``if __name__ == "__main__":`` when the start method is ``spawn`` (the
default on macOS and Windows).
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable, Iterator, Mapping
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from .api import extract

if TYPE_CHECKING:
    from concurrent.futures import Future

    from .model import Article

__all__ = ["extract_many"]

# Chunks in flight per worker: enough to keep every worker busy while the
# caller consumes results, few enough that memory stays bounded.
_IN_FLIGHT = 2

# A job is an article's text, id and metadata, checked in the caller's process.
_Job = tuple[str, "str | None", dict[str, Any]]


def _describe(index: int, item: object) -> str:
    ident = item.get("id") if isinstance(item, Mapping) else None
    return f"item {index}" + ("" if ident is None else f" (id {ident!r})")


def _job(index: int, item: object) -> _Job:
    """Check one input item and split it into text, id and metadata."""
    if isinstance(item, str):
        return item, None, {}
    if not isinstance(item, Mapping):
        raise TypeError(
            f"extract_many() takes str texts or dicts with a 'text' key; "
            f"{_describe(index, item)} is a {type(item).__name__}"
        )
    metadata = dict(item)
    if "text" not in metadata:
        raise TypeError(f"{_describe(index, item)} has no 'text' key: give every record its article text")
    text = metadata.pop("text")
    if not isinstance(text, str):
        raise TypeError(
            f"the 'text' of {_describe(index, item)} is a {type(text).__name__}, not a str"
            + (": decode bytes first" if isinstance(text, (bytes, bytearray)) else "")
        )
    bad = [k for k in metadata if not isinstance(k, str)]
    if bad:
        raise TypeError(f"{_describe(index, item)} has non-str keys {bad!r}: metadata keys must be str")
    ident = metadata.pop("id", None)
    return text, None if ident is None else str(ident), metadata


def _extract(job: _Job) -> Article:
    text, ident, metadata = job
    return extract(text, id=ident, **metadata)


def _extract_chunk(jobs: list[_Job]) -> list[Article]:
    return [_extract(j) for j in jobs]


def _warm() -> None:
    """Load the lexicons and the sentence splitter once per worker, before any work arrives."""
    extract("“We will not give up,” Jane Doe said. The mayor said that she agreed.")


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def extract_many(
    items: Iterable[str | Mapping[str, Any]],
    processes: int | None = None,
    chunksize: int = 8,
    *,
    start_method: str | None = None,
) -> Generator[Article, None, None]:
    """Extract every text or record of ``items``, yielding articles in input order.

    Args:
        items: Texts, or dicts with ``text`` and optionally ``id`` (other keys
            become metadata). Any iterable: it is read as the work proceeds.
        processes: Worker processes; ``None`` uses every core available to
            this process, ``1`` runs here, in this process.
        chunksize: Items sent to a worker at a time.
        start_method: ``"fork"``, ``"spawn"`` or ``"forkserver"``; ``None``
            uses the default of :mod:`multiprocessing`.

    Yields:
        One :class:`~quotetrack.Article` per item, in the order of ``items``.
        Closing the generator early stops the workers.

    Raises:
        TypeError: An item is neither a str nor a dict with a str ``text``
            (the message names the item's index and id).
        ValueError: ``processes`` or ``chunksize`` is less than 1.
    """
    n = _cores() if processes is None else processes
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"processes must be None or an int of at least 1, not {processes!r}")
    if not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be an int of at least 1, not {chunksize!r}")
    return _generate(items, n, chunksize, start_method)


def _jobs(items: Iterable[object]) -> Iterator[_Job | TypeError]:
    """The checked jobs of ``items``; a bad item ends the stream with its error, in its place."""
    for i, item in enumerate(items):
        try:
            yield _job(i, item)
        except TypeError as e:
            yield e
            return


def _generate(
    items: Iterable[str | Mapping[str, Any]], n: int, chunksize: int, start_method: str | None
) -> Generator[Article, None, None]:
    jobs = _jobs(items)
    first = list(islice(jobs, chunksize + 1))
    if n > 1 and len(first) > chunksize and not isinstance(first[-1], TypeError):
        head = [j for j in first if not isinstance(j, TypeError)]  # all of them: an error ends the stream
        yield from _pooled(head[:chunksize], chain(head[chunksize:], jobs), n, chunksize, start_method)
        return
    # One process, or too little work to be worth starting a pool for.
    for job in chain(first, jobs):
        if isinstance(job, TypeError):
            raise job
        yield _extract(job)


def _pooled(
    first: list[_Job], jobs: Iterator[_Job | TypeError], n: int, chunksize: int, start_method: str | None
) -> Iterator[Article]:
    import gc
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    pending: deque[Future[list[Article]]] = deque()
    error: TypeError | None = None
    context = multiprocessing.get_context(start_method)
    fork = context.get_start_method() == "fork"
    if fork:
        _warm()  # forked workers share what this process has loaded; others load it themselves
    pool = ProcessPoolExecutor(n, mp_context=context, initializer=_warm)
    try:
        if fork:
            # The workers fork at the first submit. Frozen, the collector leaves the inherited
            # objects alone, so their memory stays shared instead of being copied on write.
            gc.freeze()
        try:
            pending.append(pool.submit(_extract_chunk, first))
        finally:
            if fork:
                gc.unfreeze()
        while error is None:
            chunk = list(islice(jobs, chunksize))
            if not chunk:
                break
            good = [j for j in chunk if not isinstance(j, TypeError)]
            error = next((j for j in chunk if isinstance(j, TypeError)), None)
            if good:
                pending.append(pool.submit(_extract_chunk, good))
            while len(pending) >= _IN_FLIGHT * n:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # On an error, or when the caller stops early, drop the work not yet started.
        pool.shutdown(wait=True, cancel_futures=True)
    if error is not None:
        raise error
