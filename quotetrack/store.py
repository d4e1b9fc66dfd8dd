"""SQLite storage for a corpus (stdlib :mod:`sqlite3`).

One table of articles (each kept whole as its ``Article.to_dict()`` JSON), one
row per quote with the columns queries filter on, a full-text index over quote
texts (FTS5, where the SQLite build has it), the user's aliases and hand edits
of sources. A file database runs in WAL mode, so readers query while a writer
adds; every article is written in one transaction, so a process killed at any
point leaves whole articles only.

The schema is versioned with ``PRAGMA user_version``: a database written by an
older version is upgraded on opening by the functions in :data:`MIGRATIONS`.
All SQL is parameterised.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, NamedTuple

import regex

from ._text import dumps, encodable
from .model import Article

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "QuoteRow", "Store", "fts5_available"]

#: The version of the schema this code writes.
SCHEMA_VERSION = 1

#: ``{n: upgrade}``: ``upgrade(connection)`` turns a version ``n`` database into version ``n + 1``
#: (it runs inside the opening transaction).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}

_SCHEMA = """
CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    outlet TEXT,
    published TEXT,
    title TEXT,
    data TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE);
CREATE INDEX articles_published ON articles (published);
CREATE TABLE quotes (
    pk INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (pk),
    n INTEGER NOT NULL,
    speaker TEXT,
    speaker_kind TEXT,
    mention TEXT,
    role TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article, n)
);
CREATE TABLE aliases (
    name TEXT NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (name, alias)
);
CREATE TABLE edits (
    pk INTEGER PRIMARY KEY,
    op TEXT NOT NULL CHECK (op IN ('merge', 'split')),
    a TEXT NOT NULL,
    b TEXT NOT NULL
);
"""

_FTS = """
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content = 'quotes', content_rowid = 'pk', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.pk, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.pk, old.text);
END;
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
"""

_QUERY_HELP = (
    "put words with punctuation or operators in double quotes, e.g. search('\"well-known\" mayor'), "
    'and double a quote mark inside them ("say ""no""")'
)


@cache
def _fts_probe() -> sqlite3.Connection | None:
    """An empty in-memory FTS5 table to check queries on, or ``None`` without FTS5."""
    probe = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        probe.execute("CREATE VIRTUAL TABLE quotes_fts USING fts5 (text)")
    except sqlite3.OperationalError:
        return None
    return probe


def fts5_available() -> bool:
    """Whether this Python's SQLite has the FTS5 full-text extension."""
    return _fts_probe() is not None


def _check_fts_query(query: str) -> None:
    """Raise a ValueError that says how to quote terms when FTS5 cannot read ``query``."""
    probe = _fts_probe()
    assert probe is not None
    try:
        probe.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", (query,)).fetchall()
    except sqlite3.OperationalError as e:
        raise ValueError(f"cannot read the search query {query!r} ({e}): {_QUERY_HELP}") from None


class QuoteRow(NamedTuple):
    """Where one stored quote is, and what a query needs to know about it."""

    article_pk: int
    article_id: str
    outlet: str | None
    published: str | None
    title: str | None
    n: int
    speaker: str | None
    mention: str | None


_COLUMNS = "a.pk, a.id, a.outlet, a.published, a.title, q.n, q.speaker, q.mention"
_ROW_SQL = f"SELECT {_COLUMNS} FROM quotes q JOIN articles a ON a.pk = q.article"


def _text(value: Any) -> str | None:
    return None if value is None else encodable(str(value))


class Store:
    """A connection to a corpus database.

    Args:
        path: A file, created if missing; ``None`` keeps the database in memory.
        timeout: Seconds to wait for another process's write to finish.

    Raises:
        ValueError: The file is not a quotetrack database, or a newer version
            of quotetrack wrote it.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = 30.0) -> None:
        self.path = None if path is None else os.fspath(path)
        self._writes = 0
        self._conn = sqlite3.connect(self.path or ":memory:", timeout=timeout, isolation_level=None)
        try:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._open()
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise ValueError(f"{self.path} is not a quotetrack corpus database (SQLite: {e})") from e
        except BaseException:
            self._conn.close()
            raise

    def _open(self) -> None:
        # Only a new or older database, or one without its search index, needs the write lock:
        # opening an up-to-date one does not wait for a writer.
        if self._schema_ready(self._conn):
            self.fts = self._has_fts(self._conn)
            return
        with self._write() as c:
            if not self._schema_ready(c):
                version = c.execute("PRAGMA user_version").fetchone()[0]
                if version == 0:
                    if c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                        raise ValueError(f"{self.path} is an SQLite database but not a quotetrack corpus")
                    _script(c, _SCHEMA)
                else:
                    for v in range(version, SCHEMA_VERSION):
                        MIGRATIONS[v](c)
                c.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
                if not self._has_fts(c) and fts5_available():
                    _script(c, _FTS)
            self.fts = self._has_fts(c)

    def _schema_ready(self, c: sqlite3.Connection) -> bool:
        version = c.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ValueError(
                f"{self.path} has schema version {version} but this quotetrack reads up to "
                f"{SCHEMA_VERSION}: upgrade quotetrack (pip install -U quotetrack)"
            )
        return bool(version == SCHEMA_VERSION and (self._has_fts(c) or not fts5_available()))

    @staticmethod
    def _has_fts(c: sqlite3.Connection) -> bool:
        return c.execute("SELECT 1 FROM sqlite_master WHERE name = 'quotes_fts'").fetchone() is not None

    # -- transactions -----------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole or not at all."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        self._writes += 1

    def state(self) -> tuple[int, int]:
        """A value that changes whenever this or another connection commits a change."""
        return self._conn.execute("PRAGMA data_version").fetchone()[0], self._writes

    def close(self) -> None:
        """Close the connection (further use raises ``sqlite3.ProgrammingError``)."""
        self._conn.close()

    # -- articles ---------------------------------------------------------------------------------

    def put(self, article: Article) -> None:
        """Store ``article`` (it must have an id), replacing any article with the same id."""
        data = dumps(article.to_dict(), default=str)
        meta = (_text(article.outlet), _text(article.published), _text(article.title), data)
        with self._write() as c:
            row = c.execute("SELECT pk FROM articles WHERE id = ?", (article.id,)).fetchone()
            if row is None:
                pk = c.execute(
                    "INSERT INTO articles (id, outlet, published, title, data) VALUES (?, ?, ?, ?, ?)",
                    (article.id, *meta),
                ).lastrowid
            else:
                pk = row[0]
                c.execute("DELETE FROM quotes WHERE article = ?", (pk,))
                c.execute(
                    "UPDATE articles SET outlet = ?, published = ?, title = ?, data = ? WHERE pk = ?",
                    (*meta, pk),
                )
            c.executemany(
                "INSERT INTO quotes (article, n, speaker, speaker_kind, mention, role, kind, text) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        pk,
                        n,
                        encodable(q.speaker.name) if q.speaker else None,
                        q.speaker.kind if q.speaker else None,
                        encodable(q.mention.text) if q.mention else None,
                        encodable(q.speaker.role) if q.speaker else None,
                        q.kind,
                        encodable(q.text),
                    )
                    for n, q in enumerate(article.quotes)
                ],
            )

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or ``None``."""
        row = self._conn.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else _article(row[0])

    def articles(self, pks: Iterable[int] | None = None) -> Iterator[tuple[int, Article]]:
        """``(pk, article)`` for the given article keys (all when ``None``), in insertion order.

        Rows are read as they are consumed.
        """
        if pks is None:
            for pk, data in self._conn.execute("SELECT pk, data FROM articles ORDER BY pk"):
                yield pk, _article(data)
            return
        wanted = sorted(set(pks))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT pk, data FROM articles WHERE pk IN ({marks}) ORDER BY pk"
            for pk, data in self._conn.execute(sql, chunk).fetchall():
                yield pk, _article(data)

    def count(self) -> tuple[int, int]:
        """``(articles, quotes)`` stored."""
        articles = self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        quotes = self._conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
        return articles, quotes

    def has(self, article_id: str) -> bool:
        """Whether an article has this id."""
        return self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    # -- quotes -----------------------------------------------------------------------------------

    def quote_rows(
        self,
        *,
        kind: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[QuoteRow]:
        """The quotes that pass the filters, in insertion order.

        ``outlet`` ignores case; ``since`` and ``until`` compare ISO dates and
        include their day (``until="2016-05"`` takes all of May 2016).
        """
        where: list[str] = []
        params: list[str] = []
        if kind is not None:
            where.append("q.kind = ?")
            params.append(kind)
        if outlet is not None:
            where.append("a.outlet = ? COLLATE NOCASE")
            params.append(outlet)
        if since is not None:
            where.append("a.published >= ?")
            params.append(since)
        if until is not None:
            where.append("substr(a.published, 1, length(?)) <= ?")
            params += [until, until]
        sql = _ROW_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.pk, q.n"
        return [QuoteRow(*r) for r in self._conn.execute(sql, params)]

    def speaker_rows(self) -> list[tuple[str, str, str, str | None, str | None, int]]:
        """``(article_id, speaker, kind, mention, role, quotes)`` for every attributed quote group."""
        sql = (
            "SELECT a.id, q.speaker, q.speaker_kind, q.mention, q.role, count(*) "
            "FROM quotes q JOIN articles a ON a.pk = q.article WHERE q.speaker IS NOT NULL "
            "GROUP BY a.pk, q.speaker, q.speaker_kind, q.mention, q.role ORDER BY a.pk, min(q.n)"
        )
        return list(self._conn.execute(sql))

    def search(self, query: str) -> list[QuoteRow]:
        """The quotes whose text matches ``query``: best first with FTS5, else in insertion order.

        Raises:
            ValueError: The query cannot be read (unbalanced quote marks, a stray operator).
        """
        if self.fts:
            _check_fts_query(query)
            sql = f"{_ROW_SQL} JOIN quotes_fts f ON f.rowid = q.pk WHERE quotes_fts MATCH ?"
            sql += " ORDER BY f.rank, q.pk"
            return [QuoteRow(*r) for r in self._conn.execute(sql, (query,))]
        terms = _terms(query)
        sql = _ROW_SQL.replace(_COLUMNS, _COLUMNS + ", q.text") + " ORDER BY a.pk, q.n"
        return [QuoteRow(*r[:-1]) for r in self._conn.execute(sql) if _matches(terms, r[-1])]

    # -- sources ----------------------------------------------------------------------------------

    def aliases(self) -> list[tuple[str, str]]:
        """``(canonical name, alias)`` pairs the user gave."""
        return list(self._conn.execute("SELECT name, alias FROM aliases ORDER BY rowid"))

    def add_aliases(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Keep ``(canonical name, alias)`` pairs (pairs already kept are ignored)."""
        with self._write() as c:
            c.executemany("INSERT OR IGNORE INTO aliases (name, alias) VALUES (?, ?)", pairs)

    def edits(self) -> list[tuple[str, str, str]]:
        """The hand edits of sources ``(op, a, b)``, in the order they were made."""
        return list(self._conn.execute("SELECT op, a, b FROM edits ORDER BY pk"))

    def add_edit(self, op: str, a: str, b: str) -> None:
        """Keep one hand edit (``merge`` or ``split``)."""
        with self._write() as c:
            c.execute("INSERT INTO edits (op, a, b) VALUES (?, ?, ?)", (op, a, b))


def _script(c: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the open transaction; run statement by statement instead.
    for statement in _statements(script):
        c.execute(statement)


def _statements(script: str) -> Iterator[str]:
    buffer = ""
    for line in script.strip().splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""


def _article(data: str) -> Article:
    return Article.from_dict(json.loads(data))


# --- the search fallback, without FTS5 --------------------------------------------------------------

_TERM = regex.compile(r'"((?:[^"]|"")*)"|(\S+)')
_WORD = regex.compile(r"\w+\*?")


def _terms(query: str) -> list[tuple[str, ...]]:
    """The phrases of ``query``: each quoted phrase, each other word; a trailing ``*`` is a prefix."""
    if query.count('"') % 2:
        raise ValueError(f"cannot read the search query {query!r} (unbalanced quote marks): {_QUERY_HELP}")
    terms = []
    for phrase, word in _TERM.findall(query):
        words = tuple(w.casefold() for w in _WORD.findall(phrase or word))
        if words and word != "AND":
            terms.append(words)
    return terms


def _matches(terms: list[tuple[str, ...]], text: str) -> bool:
    tokens = [t.casefold() for t in regex.findall(r"\w+", text)]
    return bool(terms) and all(_contains(tokens, t) for t in terms)


def _contains(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    for i in range(len(tokens) - n + 1):
        if all(
            tokens[i + k] == p or (p.endswith("*") and tokens[i + k].startswith(p[:-1]))
            for k, p in enumerate(phrase)
        ):
            return True
    return False
