"""The corpus: adding articles, sources, quote queries, clusters, search, export, persistence, crashes."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import quotetrack
from quotetrack import Corpus
from quotetrack.clusters import RECORD_KEYS


def _ferry(i: int) -> dict[str, str]:
    """A record with three quotes by three speakers."""
    return {
        "id": f"f{i}",
        "text": f"“The ferry number {i} leaves at dawn,” Jane Doe said. “It comes back at dusk,” John Roe said. "
        f"“Tickets cost {i} dollars,” Ann Lee said.",
        "outlet": "Harbour News",
        "published": f"2021-06-{i + 1:02d}",
    }


@pytest.fixture
def towns() -> Corpus:
    """Three outlets reporting the mayor's library promise, rewritten, plus other quotes."""
    corpus = Corpus()
    corpus.add(
        "“We will not close the Elm Street library, not this year and not next year,” "
        "Mayor Jane Doe said on Tuesday. “Prices will rise,” the Acme Corp said.",
        id="gazette-1",
        outlet="Riverside Gazette",
        published="2021-03-02",
        title="Library stays",
    )
    corpus.add(
        '"We will not close the Elm Street library ... not next year," Doe said. '
        "“We will paint the old bridge green,” said John Roe, the city engineer.",
        id="post-1",
        outlet="Valley Post",
        published="2021-03-01",
        title="Mayor on books",
    )
    corpus.add(
        "“We will not close the [Elm Street] library, not this year,” Ms. Doe told reporters. "
        "“We will paint the old bridge green before the festival,” said John Roe, a former mayor.",
        id="herald-1",
        outlet="Hill Herald",
        published="2021-03-01",
    )
    return corpus


def test_cluster_of_outlet_rewrites_and_its_first_occurrence(towns: Corpus) -> None:
    """The library promise in three outlets' versions is one cluster first reported by the Valley Post."""
    clusters = towns.clusters()
    library = next(c for c in clusters if "library" in c.text)
    assert library.articles == ("gazette-1", "post-1", "herald-1")
    assert library.text.startswith("We will not close the Elm Street library, not this year and")
    assert (library.first.article_id, library.first.outlet, library.first.published) == (
        "post-1",
        "Valley Post",
        "2021-03-01",
    )
    assert {o.speaker for o in library.occurrences} == {"Jane Doe"}
    assert towns.clusters(min_size=4) == []


def test_speakers_are_canonical_across_articles(towns: Corpus) -> None:
    """Mayor Jane Doe, Doe and Ms. Doe are one source with every alias and article."""
    doe = towns.speakers()[0]
    assert (doe.name, doe.quote_count, doe.kind) == ("Jane Doe", 3, "person")
    assert {"Doe", "Ms. Doe", "Mayor Jane Doe"} <= set(doe.aliases)
    assert doe.articles == ("gazette-1", "post-1", "herald-1")


def test_roles_stay_with_their_occurrence(towns: Corpus) -> None:
    """Each quote keeps the role its own article gave; the source lists the distinct roles."""
    records = towns.quotes(speaker="John Roe")
    roles = [r.to_row()["role"] for r in records]
    assert roles == [r.quote.speaker.role for r in records if r.quote.speaker]
    assert len(set(roles)) == 2
    [roe] = [s for s in towns.speakers() if s.name == "John Roe"]
    assert set(roe.roles) == set(roles)


def test_quote_filters(towns: Corpus) -> None:
    """speaker (by name or alias), outlet, date range and kind filter the occurrences."""
    assert [r.article_id for r in towns.quotes(speaker="Ms. Doe")] == ["gazette-1", "post-1", "herald-1"]
    assert [r.speaker for r in towns.quotes(outlet="valley post")] == ["Jane Doe", "John Roe"]
    assert {r.article_id for r in towns.quotes(since="2021-03-02")} == {"gazette-1"}
    assert {r.article_id for r in towns.quotes(until="2021-03-01")} == {"post-1", "herald-1"}
    assert towns.quotes(kind="indirect") == []
    towns.add("“Stay calm and carry on.”", id="sign")
    assert [r.speaker for r in towns.quotes(outlet=None)][-1] is None
    assert towns.quotes(speaker="Nobody Atall") == []
    assert [r.speaker for r in towns.quotes(speaker="acme corp")] == ["Acme Corp"]


def test_quote_filters_reject_bad_arguments(towns: Corpus) -> None:
    """A kind or date the corpus cannot use is a clear error."""
    with pytest.raises(ValueError, match="direct, indirect, mixed"):
        towns.quotes(kind="quoted")
    with pytest.raises(ValueError, match="ISO date"):
        towns.quotes(since="March 1st")


def test_adding_an_id_again_replaces(towns: Corpus) -> None:
    """add() with an existing id replaces the article and its quotes, never duplicates them."""
    before = len(towns.to_records())
    towns.add("“Nothing to add,” Jane Doe said.", id="post-1", outlet="Valley Post")
    assert len(towns) == 3
    assert len(towns.to_records()) == before - 1
    assert towns["post-1"].quotes[0].text == "Nothing to add,"


def test_articles_come_back_equal(towns: Corpus) -> None:
    """get(), [] and iteration return the stored articles unchanged, in insertion order."""
    article = quotetrack.extract(
        "“Soup is ready,” Ann Lee said.", id="x", outlet="Kitchen", published="2021-01-01"
    )
    assert towns.add_article(article) is article
    assert towns["x"] == article == towns.get("x")
    assert [a.id for a in towns] == ["gazette-1", "post-1", "herald-1", "x"]
    assert "x" in towns and "y" not in towns and towns.get("y") is None
    with pytest.raises(KeyError):
        towns["y"]


def test_add_checks_its_arguments() -> None:
    """Missing ids, bad ids and unreadable dates are refused with a message that says what to do."""
    corpus = Corpus()
    with pytest.raises(ValueError, match="has no id"):
        corpus.add_article(quotetrack.extract("“Hi,” Ann Lee said."))
    with pytest.raises(TypeError, match="str id"):
        corpus.add("“Hi,” Ann Lee said.", id=7)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ISO date"):
        corpus.add("“Hi,” Ann Lee said.", id="a", published="yesterday")
    with pytest.raises(TypeError, match="no 'id'"):
        corpus.add_many([{"text": "“Hi,” Ann Lee said."}])
    assert len(corpus) == 0


def test_dates_become_iso_strings() -> None:
    """A date object given as published is kept as its ISO string."""
    import datetime

    corpus = Corpus()
    article = corpus.add("“Hi,” Ann Lee said.", id="a", published=datetime.date(2021, 2, 3))
    assert article.published == "2021-02-03" == corpus["a"].published


def test_persisted_corpus_reopens_with_the_same_content(tmp_path: Path) -> None:
    """A file corpus closed and reopened gives the same articles, sources, records and edits."""
    path = tmp_path / "towns.db"
    with Corpus(path, aliases={"Jane Doe": ["J. Doe"]}) as corpus:
        corpus.add_many([_ferry(i) for i in range(3)])
        corpus.merge("John Roe", "Ann Lee")
        speakers, records = corpus.speakers(), corpus.to_records()
    with Corpus(path) as corpus:
        assert corpus.speakers() == speakers
        assert corpus.to_records() == records
        assert [a.id for a in corpus] == ["f0", "f1", "f2"]
        assert corpus.path == str(path)


def test_merge_split_and_aliases_persist(tmp_path: Path) -> None:
    """Hand merges, splits and alias tables made in one session hold in the next."""
    path = tmp_path / "c.db"
    with Corpus(path, aliases={"Jane Doe": ["Janey Dough"]}) as corpus:
        corpus.add("“The pool is open,” Janey Dough said.", id="a")
        corpus.add("“The pool is warm,” Mr. Doe said.", id="b")
        corpus.add("“The pool is deep,” Jane Doe said.", id="c")
        corpus.split("Mr. Doe", into="John Doe")
    with Corpus(path) as corpus:
        assert {s.name: s.quote_count for s in corpus.speakers()} == {"Jane Doe": 2, "John Doe": 1}
        corpus.merge("Jane Doe", "John Doe")
    with Corpus(path) as corpus:
        assert [(s.name, s.quote_count) for s in corpus.speakers()] == [("Jane Doe", 3)]
        with pytest.raises(ValueError, match="no source"):
            corpus.merge("Jane Doe", "Nobody Atall")


def test_search_finds_quotes_and_survives_injection(towns: Corpus) -> None:
    """search() returns matching occurrences; an SQL injection attempt raises ValueError and changes nothing."""
    assert {r.article_id for r in towns.search("library")} == {"gazette-1", "post-1", "herald-1"}
    assert [r.speaker for r in towns.search('"old bridge" festival')] == ["John Roe"]
    records = towns.to_records()
    with pytest.raises(ValueError, match="double quotes"):
        towns.search('"; DROP TABLE quotes; --')
    assert towns.to_records() == records
    with pytest.raises(TypeError):
        towns.search(None)  # type: ignore[arg-type]


def test_records_and_exports(towns: Corpus, tmp_path: Path) -> None:
    """to_records, to_jsonl and to_csv give one row per occurrence with the documented keys."""
    records = towns.to_records()
    assert len(records) == 6
    assert all(tuple(r) == RECORD_KEYS for r in records)
    assert records[0]["speaker"] == "Jane Doe" and records[0]["outlet"] == "Riverside Gazette"
    assert towns.to_jsonl(tmp_path / "q.jsonl") == 6
    lines = (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records
    buffer = io.StringIO()
    assert towns.to_csv(buffer) == 6
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [r["text"] for r in rows] == [r["text"] for r in records]
    assert rows[0]["start"] == str(records[0]["start"])


def test_to_dataframe(towns: Corpus) -> None:
    """to_dataframe() has a row per occurrence and the record keys as columns."""
    pd = pytest.importorskip("pandas")
    frame = towns.to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(RECORD_KEYS)
    assert frame["speaker"].tolist() == [r["speaker"] for r in towns.to_records()]


def test_to_dataframe_without_pandas_says_what_to_install(
    towns: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pandas, to_dataframe() raises ImportError naming the extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "quotetrack\[pandas\]"'):
        towns.to_dataframe()


def test_add_many_in_processes_matches_one_process() -> None:
    """Extraction in worker processes stores the same articles in the same order."""
    records = [_ferry(i) for i in range(10)]
    one, two = Corpus(), Corpus()
    assert one.add_many(records) == two.add_many(records, processes=2) == 10
    assert list(one) == list(two)


def test_add_many_progress(capsys: pytest.CaptureFixture[str]) -> None:
    """progress=True reports the count on stderr; progress=False and a non-terminal stay silent."""
    Corpus().add_many([_ferry(i) for i in range(2)], progress=True)
    assert "2/2 articles" in capsys.readouterr().err
    Corpus().add_many([_ferry(i) for i in range(2)])
    Corpus().add_many(iter([_ferry(1)]), progress=False)
    assert capsys.readouterr().err == ""


def test_closed_corpus_refuses_work(tmp_path: Path) -> None:
    """After the with-block the corpus is closed."""
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add("“Hi,” Ann Lee said.", id="a")
    with pytest.raises(sqlite3.ProgrammingError):
        len(corpus)
    assert repr(Corpus()) == "<Corpus in memory: 0 articles>"


def _run(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args], stdout=subprocess.PIPE, text=True, env=env
    )


def test_readers_query_while_another_process_writes(tmp_path: Path) -> None:
    """With a reader in the middle of a query, another process adds and commits; the reader sees it next."""
    path = tmp_path / "c.db"
    reader = Corpus(path)
    reader.add_many([_ferry(i) for i in range(3)])
    articles = iter(reader)
    next(articles)  # a read is in progress
    writer = _run(
        """
        import sys, quotetrack
        with quotetrack.Corpus(sys.argv[1]) as c:
            c.add("“The ferry is late,” Jane Doe said.", id="late")
        print("committed")
        """,
        str(path),
    )
    out, _ = writer.communicate(timeout=120)
    assert writer.returncode == 0 and out.strip() == "committed"
    assert len(list(articles)) == 2  # the read in progress kept its snapshot
    assert len(reader) == 4 and "late" in reader


_KILLED_WRITER = """
    import json, sqlite3, sys, time

    connect, added = sqlite3.connect, []

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)

        def trace(sql):
            if sql.startswith("INSERT INTO articles"):
                added.append(sql)
            elif sql.startswith("INSERT INTO quotes (") and len(added) == int(sys.argv[3]):
                print("inside article", len(added), flush=True)
                time.sleep(600)

        conn.set_trace_callback(trace)
        return conn

    sqlite3.connect = traced
    import quotetrack

    with quotetrack.Corpus(sys.argv[1]) as corpus:
        corpus.add_many(json.loads(sys.argv[2]))
"""


def test_sigkill_in_add_many_leaves_whole_articles(tmp_path: Path) -> None:
    """A writer killed with SIGKILL inside an article's transaction leaves whole articles; a rerun completes."""
    path = tmp_path / "c.db"
    records = [_ferry(i) for i in range(8)]
    writer = _run(_KILLED_WRITER, str(path), json.dumps(records), "5")
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "inside article 5"
    with Corpus(path) as reader:  # opens and reads while the writer holds its transaction
        assert len(reader) == 4
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=60)
    assert writer.returncode == -signal.SIGKILL

    with Corpus(path) as corpus:
        assert [a.id for a in corpus] == ["f0", "f1", "f2", "f3"]
        assert all(len(a.quotes) == 3 for a in corpus)
        assert len(corpus.to_records()) == 12
        corpus.add_many(records)
        assert [a.id for a in corpus] == [r["id"] for r in records]
        assert len(corpus.to_records()) == 24
        assert [s.quote_count for s in corpus.speakers()] == [8, 8, 8]
        assert len(corpus.search("ferry")) == 8
