"""Extracting many articles at once, in order, on all cores."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .api import extract
from .model import Article

__all__ = ["extract_many"]


def _one(item: str | Mapping[str, Any]) -> Article:
    if isinstance(item, str):
        return extract(item)
    if not isinstance(item, Mapping):
        raise TypeError(
            f"extract_many() takes str texts or dicts with a 'text' key, not {type(item).__name__}"
        )
    record = dict(item)
    try:
        text = record.pop("text")
    except KeyError:
        raise TypeError("a record passed to extract_many() needs a 'text' key") from None
    ident = record.pop("id", None)
    return extract(text, id=None if ident is None else str(ident), **record)


def extract_many(
    items: Iterable[str | Mapping[str, Any]], processes: int | None = None, chunksize: int = 8
) -> Iterator[Article]:
    """Extract every text or record of ``items``, yielding articles in input order.

    Args:
        items: Texts, or dicts with ``text`` and optionally ``id`` (other keys
            become metadata).
        processes: Worker processes; ``None`` uses every core, ``1`` runs in
            this process.
        chunksize: Items sent to a worker at a time.
    """
    n = processes if processes is not None else (os.cpu_count() or 1)
    if n < 1:
        raise ValueError(f"processes must be at least 1, not {n}")
    if n == 1:
        for item in items:
            yield _one(item)
        return
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(n) as pool:
        yield from pool.imap(_one, items, chunksize)
