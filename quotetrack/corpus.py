"""A corpus: who said what across many articles, in memory or kept in an SQLite file.

>>> from quotetrack import Corpus
>>> with Corpus() as corpus:
...     _ = corpus.add("“The pool opens in June,” Jane Doe said.", id="a1", outlet="Gazette")
...     _ = corpus.add("“The pool opens in June,” Mrs. Doe said.", id="a2", outlet="Post")
...     [(s.name, s.quote_count) for s in corpus.speakers()]
[('Jane Doe', 2)]
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from contextlib import contextmanager
from types import TracebackType
from typing import IO, Any

from ._text import dumps
from .api import extract
from .clusters import RECORD_KEYS, QuoteCluster, QuoteRecord, cluster_records
from .model import KINDS, Article, Quote
from .parallel import extract_many
from .sources import Source, SourceIndex
from .store import QuoteRow, Store

__all__ = ["Corpus", "QuoteCluster", "QuoteRecord", "Source"]


# A year, a month or a day, and perhaps a time: ISO strings compare in date order.
_ISO_DATE = re.compile(r"\d{4}(-[01]\d(-[0-3]\d)?)?([T ].*)?")


def _date(value: object, name: str) -> str | None:
    """``value`` as an ISO date string, checked."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"{name} must be an ISO date string such as '2016-05-01', not {type(value).__name__}")
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(
            f"{name} must be an ISO date string such as '2016-05-01' or '2016-05', not {value!r}"
        )
    return value


def _metadata(metadata: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(metadata)
    if "published" in out:
        out["published"] = _date(out["published"], "published")
    return out


def _check_id(article_id: object) -> str:
    if not isinstance(article_id, str) or not article_id:
        raise TypeError(f"an article in a corpus needs a non-empty str id, not {article_id!r}")
    return article_id


class _Progress:
    """A one-line count of articles on stderr: always with ``progress=True``; with ``None``,
    on a terminal once the run has lasted a couple of seconds."""

    def __init__(self, enabled: bool | None, total: int | None) -> None:
        self.stream = sys.stderr
        self.forced = bool(enabled)
        self.enabled = enabled is not False and (self.forced or getattr(self.stream, "isatty", bool)())
        self.total = total
        self.start = self.last = time.monotonic()
        self.shown = False

    def update(self, n: int, *, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if final:
            if not (self.shown or self.forced):
                return
        elif now - self.last < 0.5 or (not self.forced and now - self.start < 2.0):
            return
        self.last, self.shown = now, True
        of = f"/{self.total}" if self.total is not None else ""
        rate = n / max(now - self.start, 1e-9)
        self.stream.write(f"\rquotetrack: {n}{of} articles, {rate:.1f}/s" + ("\n" if final else ""))
        self.stream.flush()


class Corpus:
    """Many articles, their quotes and their sources.

    Args:
        path: An SQLite file to keep the corpus in (created if missing, reopened
            with the same content); ``None`` keeps it in memory.
        aliases: Spelling variants of source names, ``{"Olga Petrenko":
            ["Petrenco", "Petrenkova"]}``; kept in the database.

    Use it as a context manager, or call :meth:`close`.

    Raises:
        ValueError: ``path`` is not a quotetrack database, or a newer quotetrack wrote it.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        aliases: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        pairs = [(name, alias) for name, variants in (aliases or {}).items() for alias in variants]
        SourceIndex(aliases=aliases)  # checks the table before anything is written
        self._store = Store(path)
        if pairs:
            self._store.add_aliases(pairs)
        self._index: tuple[tuple[int, int], SourceIndex] | None = None

    @property
    def path(self) -> str | None:
        """The database file, or ``None`` in memory."""
        return self._store.path

    # -- adding -----------------------------------------------------------------------------------

    def add(self, text: str, *, id: str, **metadata: Any) -> Article:
        """Extract the quotes of one article and keep it, replacing any article with this id.

        Args:
            text: The article text.
            id: The article's id in the corpus.
            **metadata: ``outlet``, ``published`` (an ISO date string or a date),
                ``title``, ``url``... (kept as JSON; other values as strings).

        Returns:
            The extracted article.
        """
        article = extract(text, id=_check_id(id), **_metadata(metadata))
        self._store.put(article)
        return article

    def add_article(self, article: Article) -> Article:
        """Keep an already extracted article (it needs an id), replacing any with the same id."""
        if not isinstance(article, Article):
            raise TypeError(f"add_article() takes an Article, not {type(article).__name__}")
        if article.id is None:
            raise ValueError(
                "the article has no id: extract it with extract(text, id=...) or use corpus.add()"
            )
        _check_id(article.id)
        _metadata(article.metadata)
        self._store.put(article)
        return article

    def add_many(
        self, records: Iterable[Mapping[str, Any]], processes: int | None = 1, progress: bool | None = None
    ) -> int:
        """Extract and keep many articles; each is written in one transaction.

        An interrupted run leaves whole articles only, and running it again
        completes it without duplicates (an id added again replaces its article).

        Args:
            records: Dicts with ``id`` and ``text``; other keys are metadata.
            processes: Worker processes for extraction (``None``: every core).
            progress: Show a count on stderr: ``True`` always, ``False`` never,
                ``None`` on a terminal when the run is long.

        Returns:
            How many articles were added.
        """
        bar = _Progress(progress, len(records) if isinstance(records, Sized) else None)
        n = 0
        for article in extract_many(self._checked(records), processes=processes):
            self._store.put(article)
            n += 1
            bar.update(n)
        bar.update(n, final=True)
        return n

    @staticmethod
    def _checked(records: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
        for i, record in enumerate(records):
            if not isinstance(record, Mapping):
                raise TypeError(
                    f"add_many() takes dicts with 'id' and 'text'; record {i} is a {type(record).__name__}"
                )
            if record.get("id") is None:
                raise TypeError(f"record {i} has no 'id': every article in a corpus needs one")
            yield {**_metadata(record), "id": _check_id(str(record["id"]))}

    # -- articles ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._store.count()[0]

    def __iter__(self) -> Iterator[Article]:
        """The articles, in insertion order, read as they are consumed."""
        return (article for _, article in self._store.articles())

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self._store.has(article_id)

    def __getitem__(self, article_id: str) -> Article:
        article = self._store.get(article_id)
        if article is None:
            raise KeyError(article_id)
        return article

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or ``None``."""
        return self._store.get(article_id)

    # -- sources ----------------------------------------------------------------------------------

    def _sources(self) -> SourceIndex:
        state = self._store.state()
        if self._index is None or self._index[0] != state:
            index = SourceIndex(edits=self._store.edits())
            for name, alias in self._store.aliases():
                index.alias(name, alias)
            for article_id, name, kind, mention, role, count in self._store.speaker_rows():
                index.add(article_id, name, kind=kind, mention=mention, role=role, count=count)
            self._index = (state, index)
        return self._index[1]

    def speakers(self) -> list[Source]:
        """The canonical sources, most quoted first."""
        return self._sources().sources()

    def merge(self, a: str, b: str) -> None:
        """Make the sources named (or aliased) ``a`` and ``b`` one source named ``a``; kept."""
        self._sources().merge(a, b)
        self._store.add_edit("merge", a, b)

    def split(self, alias: str, *, into: str) -> None:
        """Move the quotes whose speaker is named or mentioned as ``alias`` to the source ``into``; kept."""
        self._sources().split(alias, into)
        self._store.add_edit("split", alias, into)

    # -- quotes -----------------------------------------------------------------------------------

    def quotes(
        self,
        speaker: str | None = None,
        outlet: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        kind: str | None = None,
    ) -> list[QuoteRecord]:
        """The quote occurrences that pass every filter given, in insertion order.

        Args:
            speaker: A source's canonical name or one of its aliases.
            outlet: The outlet (any case).
            since: The first publication date included (ISO string or date; ``"2016-05"``
                starts on May 1st).
            until: The last publication date included (``"2016-05"`` includes all of May).
            kind: ``direct``, ``indirect`` or ``mixed``.
        """
        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        rows = self._store.quote_rows(
            kind=kind, outlet=outlet, since=_date(since, "since"), until=_date(until, "until")
        )
        index = self._sources()
        if speaker is not None:
            source = index.source(speaker)
            if source is None:
                return []
            rows = [r for r in rows if _canonical(index, r) == source.name]
        return self._records(rows, index)

    def _records(self, rows: Sequence[QuoteRow], index: SourceIndex) -> list[QuoteRecord]:
        wanted: dict[int, set[int]] = defaultdict(set)
        for r in rows:
            wanted[r.article_pk].add(r.n)
        quotes: dict[tuple[int, int], Quote] = {}
        for pk, article in self._store.articles(wanted):
            for n in wanted[pk]:
                quotes[pk, n] = article.quotes[n]
        return [
            QuoteRecord(
                r.article_id,
                quotes[r.article_pk, r.n],
                _canonical(index, r),
                r.outlet,
                r.published,
                r.title,
            )
            for r in rows
        ]

    def clusters(self, min_size: int = 2) -> list[QuoteCluster]:
        """The quotations reported by at least ``min_size`` articles, however outlets rewrote them.

        Largest first; see :mod:`quotetrack.clusters` for how quotations are matched.
        """
        if not isinstance(min_size, int) or min_size < 1:
            raise ValueError(f"min_size must be an int of at least 1, not {min_size!r}")
        return cluster_records(self.quotes(), min_size)

    def search(self, query: str) -> list[QuoteRecord]:
        """The quotes whose text matches ``query``.

        With SQLite's FTS5 (most builds) the query is FTS5 syntax (words, ``"exact
        phrases"``, ``prefix*``, ``AND``/``OR``/``NOT``), best match first; without
        it, quotes holding every word and quoted phrase, in insertion order.

        Raises:
            ValueError: The query cannot be read; the message says how to quote terms.
        """
        if not isinstance(query, str):
            raise TypeError(f"search() takes a str query, not {type(query).__name__}")
        return self._records(self._store.search(query), self._sources())

    # -- export -----------------------------------------------------------------------------------

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per quote occurrence, with the keys of ``quotetrack.clusters.RECORD_KEYS``."""
        return [r.to_row() for r in self.quotes()]

    def to_dataframe(self) -> Any:
        """The records as a ``pandas.DataFrame`` (needs ``pip install "quotetrack[pandas]"``)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError(
                'Corpus.to_dataframe() needs pandas: pip install "quotetrack[pandas]"'
            ) from None
        return pd.DataFrame(self.to_records(), columns=list(RECORD_KEYS))

    def to_jsonl(self, path_or_file: str | os.PathLike[str] | IO[str]) -> int:
        """Write the records as JSON lines to a path or an open text file; returns how many."""
        records = self.to_records()
        with _writing(path_or_file) as f:
            for r in records:
                f.write(dumps(r) + "\n")
        return len(records)

    def to_csv(self, path_or_file: str | os.PathLike[str] | IO[str]) -> int:
        """Write the records as CSV with a header to a path or an open text file; returns how many."""
        records = self.to_records()
        with _writing(path_or_file) as f:
            writer = csv.DictWriter(f, fieldnames=RECORD_KEYS)
            writer.writeheader()
            writer.writerows(records)
        return len(records)

    # -- lifetime and display ---------------------------------------------------------------------

    def close(self) -> None:
        """Close the database (a file corpus keeps its content)."""
        self._store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        where = "in memory" if self.path is None else repr(self.path)
        return f"<Corpus {where}: {len(self)} articles>"

    def _repr_html_(self) -> str:
        from .display import render_corpus

        articles, quotes = self._store.count()
        return render_corpus(articles, quotes, self.speakers())


def _canonical(index: SourceIndex, row: QuoteRow) -> str | None:
    """The canonical source name of a stored quote's speaker (``None`` when nobody is named)."""
    return None if row.speaker is None else index.resolve(row.article_id, row.speaker, row.mention)


@contextmanager
def _writing(target: str | os.PathLike[str] | IO[str]) -> Iterator[IO[str]]:
    if not isinstance(target, (str, os.PathLike)):
        yield target
        return
    with open(target, "w", encoding="utf-8", newline="") as f:
        yield f
