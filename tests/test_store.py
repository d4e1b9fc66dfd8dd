"""SQLite storage: schema versions and migrations, replacing articles, filters, full-text search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotetrack import store as store_module
from quotetrack.model import Article, Mention, Quote, Speaker
from quotetrack.store import SCHEMA_VERSION, Store


def _article(article_id: str, *texts: str, speaker: str = "Jane Doe", **metadata: str) -> Article:
    """An article whose text is its quotes, one per line, each by ``speaker``."""
    body, quotes = "", []
    for text in texts:
        start = len(body)
        body += text + "\n"
        who = Speaker(speaker, "person", mentions=[Mention(start, start + 1, text[0])])
        quotes.append(Quote(start, start + len(text), text, [(start, start + len(text))], "direct", who))
    return Article(body, article_id, quotes, metadata=metadata)


@pytest.fixture(params=["fts5", "fallback"])
def search_store(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A store with and without FTS5."""
    if request.param == "fallback":
        monkeypatch.setattr(store_module, "fts5_available", lambda: False)
    elif not store_module.fts5_available():
        pytest.skip("this SQLite has no FTS5")
    s = Store()
    s.put(_article("a", "The ferry leaves at dawn.", "Tickets are well-known to be cheap."))
    s.put(_article("b", "No ferry will leave tomorrow.", "The dawn chorus is loud."))
    return s


def test_file_store_uses_wal_and_the_current_schema_version(tmp_path: Path) -> None:
    """A file database is in WAL mode and stamped with SCHEMA_VERSION."""
    Store(tmp_path / "c.db").close()
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_reopened_store_holds_the_same_articles(tmp_path: Path) -> None:
    """Articles written to a file come back equal after reopening."""
    article = _article("a", "We sail at noon.", outlet="Gazette", published="2020-01-02", title="Boats")
    s = Store(tmp_path / "c.db")
    s.put(article)
    s.close()
    s = Store(tmp_path / "c.db")
    assert s.get("a") == article
    assert s.count() == (1, 1)


def test_put_replaces_an_article_with_the_same_id() -> None:
    """Storing an id again replaces the article, its quote rows and its search entries."""
    s = Store()
    s.put(_article("a", "Old words here.", "More old words."))
    s.put(_article("a", "New words here."))
    assert s.count() == (1, 1)
    assert [r.n for r in s.search("old")] == []
    assert [r.article_id for r in s.search("new")] == ["a"]


def test_migration_hook_upgrades_an_older_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a database of an older version runs each migration once and stamps the new version."""
    Store(tmp_path / "c.db").close()
    calls = []

    def upgrade(conn: sqlite3.Connection) -> None:
        calls.append(1)
        conn.execute("ALTER TABLE articles ADD COLUMN language TEXT")

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(store_module, "MIGRATIONS", {SCHEMA_VERSION: upgrade})
    Store(tmp_path / "c.db").close()
    Store(tmp_path / "c.db").close()
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert "language" in [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    assert calls == [1]


def test_newer_database_asks_for_an_upgrade(tmp_path: Path) -> None:
    """A database from a newer quotetrack is refused with advice to upgrade."""
    Store(tmp_path / "c.db").close()
    conn = sqlite3.connect(tmp_path / "c.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(ValueError, match="upgrade quotetrack"):
        Store(tmp_path / "c.db")


def test_foreign_files_are_refused(tmp_path: Path) -> None:
    """A file that is not SQLite, or another application's database, is refused and left alone."""
    (tmp_path / "notes.txt").write_text("not a database at all, just words " * 50)
    with pytest.raises(ValueError, match="not a quotetrack corpus"):
        Store(tmp_path / "notes.txt")
    other = sqlite3.connect(tmp_path / "other.db")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    with pytest.raises(ValueError, match="not a quotetrack corpus"):
        Store(tmp_path / "other.db")
    assert other.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]


def test_quote_rows_filter_by_outlet_dates_and_kind() -> None:
    """Filters combine; outlet ignores case; a partial until date includes its whole month."""
    s = Store()
    s.put(_article("a", "One fine day.", outlet="Gazette", published="2020-05-31T23:00"))
    s.put(_article("b", "Two fine days.", outlet="Post", published="2020-06-01"))
    s.put(_article("c", "Three fine days.", outlet="gazette", published="2020-04-30"))
    assert [r.article_id for r in s.quote_rows(outlet="GAZETTE")] == ["a", "c"]
    assert [r.article_id for r in s.quote_rows(since="2020-05", until="2020-05")] == ["a"]
    assert [r.article_id for r in s.quote_rows(since="2020-05-01")] == ["a", "b"]
    assert [r.article_id for r in s.quote_rows(kind="indirect")] == []


def test_search_matches_words_phrases_and_prefixes(search_store: Store) -> None:
    """Every word must match, quoted phrases in order, a trailing * as a prefix; case is ignored."""
    assert {r.article_id for r in search_store.search("FERRY dawn")} == {"a"}
    assert {(r.article_id, r.n) for r in search_store.search('"dawn chorus"')} == {("b", 1)}
    assert {(r.article_id, r.n) for r in search_store.search("tick*")} == {("a", 1)}
    assert {(r.article_id, r.n) for r in search_store.search('"well-known"')} == {("a", 1)}


@pytest.mark.parametrize("query", ['"; DROP TABLE quotes; --', 'say "no'])
def test_unreadable_query_says_how_to_quote_and_harms_nothing(search_store: Store, query: str) -> None:
    """A query that cannot be read raises a ValueError explaining quoting; the data stays intact."""
    with pytest.raises(ValueError, match="double quotes"):
        search_store.search(query)
    assert search_store.count() == (2, 4)
    assert len(search_store.search("ferry")) == 2


def test_injection_inside_a_phrase_is_just_words(search_store: Store) -> None:
    """SQL inside a well-formed phrase is searched for as words and changes nothing."""
    assert search_store.search('"DROP TABLE quotes"') == []
    assert search_store.count() == (2, 4)


def test_aliases_and_edits_are_kept_in_order() -> None:
    """User aliases and hand edits are stored once each and returned in the order given."""
    s = Store()
    s.add_aliases([("Jane Doe", "J. Doe"), ("Jane Doe", "J. Doe"), ("Jane Doe", "Janie Doe")])
    s.add_edit("merge", "A", "B")
    s.add_edit("split", "C", "D")
    assert s.aliases() == [("Jane Doe", "J. Doe"), ("Jane Doe", "Janie Doe")]
    assert s.edits() == [("merge", "A", "B"), ("split", "C", "D")]


def test_state_changes_when_another_connection_commits(tmp_path: Path) -> None:
    """state() moves on after a write by this connection or by another one."""
    a, b = Store(tmp_path / "c.db"), Store(tmp_path / "c.db")
    before = a.state()
    b.put(_article("x", "Hello there friends."))
    middle = a.state()
    a.put(_article("y", "Goodbye now friends."))
    assert len({before, middle, a.state()}) == 3
