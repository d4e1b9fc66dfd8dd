"""Text with lone surrogates (broken feeds) is written by the CLI and kept by the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import quotetrack
from quotetrack.cli import main

TEXT = "“We rebuilt the \ud800 pier in a week,” said Marta Ilves, the harbour master."


def test_cli_jsonl_writes_lone_surrogates_as_escapes(tmp_path: Path) -> None:
    """A JSONL batch whose text holds a lone surrogate is written, and reads back equal."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", "--jsonl", str(src), "-o", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    [quote] = record["quotes"]
    assert quote["text"] == "We rebuilt the \ud800 pier in a week,"
    assert quote["speaker"]["name"] == "Marta Ilves"


def test_corpus_keeps_an_article_with_a_lone_surrogate(tmp_path: Path) -> None:
    """A persisted corpus stores such an article whole and finds its quote by speaker."""
    with quotetrack.Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.add(TEXT, id="a", outlet="Harbour News")
    with quotetrack.Corpus(tmp_path / "c.sqlite") as corpus:
        assert corpus["a"].text == TEXT
        [record] = corpus.quotes(speaker="Marta Ilves")
        assert record.quote.text == "We rebuilt the \ud800 pier in a week,"
