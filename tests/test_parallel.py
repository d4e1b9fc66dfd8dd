"""extract_many: same results as extract, in input order, streamed, with clear errors."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future
from itertools import islice
from typing import Any, ClassVar

import pytest

import quotetrack.parallel
from quotetrack import extract
from quotetrack.parallel import extract_many

METHODS = [m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()]

TEXTS = [
    f"“The ferry number {i} will sail at dawn,” Ana Silva said. Tom Reed said that the port was ready."
    for i in range(12)
]


def records() -> list[dict[str, Any]]:
    """Records with ids of several types and some metadata."""
    return [{"id": i, "text": t, "outlet": "The Harbour Post", "n": i} for i, t in enumerate(TEXTS)]


@pytest.mark.parametrize("processes", [1, 2])
def test_texts_give_the_same_articles_as_extract_in_order(processes: int) -> None:
    """Plain texts come back as extract() would make them, in input order."""
    assert list(extract_many(TEXTS, processes=processes, chunksize=2)) == [extract(t) for t in TEXTS]


@pytest.mark.parametrize("method", METHODS)
def test_records_keep_id_and_metadata_with_each_start_method(method: str) -> None:
    """Records keep their id (as a str) and other keys as metadata under fork and spawn alike."""
    got = list(extract_many(records(), processes=2, chunksize=3, start_method=method))
    want = [extract(r["text"], id=str(r["id"]), outlet=r["outlet"], n=r["n"]) for r in records()]
    assert got == want
    assert [a.metadata for a in got] == [{"outlet": "The Harbour Post", "n": i} for i in range(len(TEXTS))]


def test_input_is_read_as_the_work_proceeds() -> None:
    """A long generator is not read ahead beyond a few chunks in flight."""
    pulled = 0

    def long_input() -> Iterator[str]:
        nonlocal pulled
        for i in range(2000):
            pulled += 1
            yield TEXTS[i % len(TEXTS)]

    stream = extract_many(long_input(), processes=2, chunksize=2)
    first = list(islice(stream, 3))
    stream.close()  # shuts the pool down
    assert len(first) == 3
    # 3 articles taken, at most 2 chunks per worker in flight, plus the chunk that was being filled.
    assert pulled <= 3 + 2 * 2 * 2 + 2 + 1


@pytest.mark.parametrize("processes", [1, 2])
def test_a_record_without_text_is_named_after_the_articles_before_it(processes: int) -> None:
    """A record without 'text' raises a TypeError naming its index and id, once earlier ones are out."""
    recs = records()
    recs[9] = {"id": "pier-9", "body": "The text is under another key."}
    got = []
    with pytest.raises(TypeError, match=r"item 9 \(id 'pier-9'\) has no 'text' key"):
        for a in extract_many(recs, processes=processes, chunksize=2):
            got.append(a.id)
    assert got == [str(i) for i in range(9)]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (42, "item 1 is a int"),
        ({"id": "b", "text": b"bytes"}, r"'text' of item 1 \(id 'b'\) is a bytes.*decode"),
        ({"text": None}, "'text' of item 1 is a NoneType"),
        ({"text": "ok", 3: "x"}, "non-str keys"),
    ],
)
def test_bad_items_raise_type_errors_that_say_what_is_wrong(item: object, message: str) -> None:
    """Items that are not texts or records with a str text are refused with their index."""
    with pytest.raises(TypeError, match=message):
        list(extract_many([TEXTS[0], item], processes=1))  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("kwargs", "message"), [({"processes": 0}, "processes"), ({"chunksize": 0}, "chunksize")]
)
def test_bad_arguments_raise_at_the_call(kwargs: dict[str, Any], message: str) -> None:
    """processes or chunksize below 1 raise ValueError before any work, at the call itself."""
    with pytest.raises(ValueError, match=message):
        extract_many(TEXTS, **kwargs)


@pytest.mark.skipif("fork" not in METHODS, reason="needs the fork start method to patch the workers")
def test_an_error_in_a_worker_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception raised while extracting in a worker is raised again by the generator."""

    def broken(text: str, **kwargs: Any) -> Any:
        if "number 7" in text:
            raise RuntimeError("worker failed on purpose")
        return extract(text, **kwargs)

    monkeypatch.setattr(quotetrack.parallel, "extract", broken)  # forked workers inherit it
    with pytest.raises(RuntimeError, match="worker failed on purpose"):
        list(extract_many(TEXTS, processes=2, chunksize=2, start_method="fork"))


class _InlinePool:
    """Stands in for ProcessPoolExecutor: records how it was built and runs work inline."""

    built: ClassVar[list[int]] = []

    def __init__(self, workers: int, **kwargs: Any) -> None:
        _InlinePool.built.append(workers)

    def submit(self, fn: Any, *args: Any) -> Future[Any]:
        f: Future[Any] = Future()
        f.set_result(fn(*args))
        return f

    def shutdown(self, **kwargs: Any) -> None:
        pass


@pytest.fixture
def inline_pool(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Replace the process pool with _InlinePool and return the list of worker counts it was built with."""
    import concurrent.futures

    _InlinePool.built = []
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _InlinePool)
    return _InlinePool.built


def test_default_uses_every_available_core(inline_pool: list[int]) -> None:
    """processes=None starts one worker per core this process may run on."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    out = list(extract_many(TEXTS, chunksize=1))
    if cores == 1:
        assert inline_pool == []
    else:
        assert inline_pool == [cores]
    assert out == [extract(t) for t in TEXTS]


def test_one_chunk_of_work_starts_no_pool(inline_pool: list[int]) -> None:
    """Input that fits in one chunk is extracted in this process, without a pool."""
    assert list(extract_many(TEXTS[:4], processes=2, chunksize=4)) == [extract(t) for t in TEXTS[:4]]
    assert inline_pool == []


def test_importing_the_module_starts_no_multiprocessing() -> None:
    """quotetrack.parallel loads multiprocessing only when a pool is needed (imports stay fast)."""
    code = (
        "import sys, quotetrack, quotetrack.parallel; "
        "print(sorted(m for m in ('multiprocessing', 'concurrent.futures') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
