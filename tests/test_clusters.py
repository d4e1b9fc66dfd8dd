"""Quote records and clusters of the same quotation across outlets' rewrites."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotetrack.clusters import (
    RECORD_KEYS,
    QuoteCluster,
    QuoteRecord,
    cluster_records,
    group_texts,
    segments,
)
from quotetrack.model import Cue, Quote, Speaker

BASE = "We don't want a taller fence, we want a library that stays open late on Sundays."


@pytest.mark.parametrize(
    "rewrite",
    [
        "We don’t want a taller fence, we want a library that stays open late on Sundays.",
        "we don't want a TALLER fence, we want a library that stays open late on Sundays,",
        "We don't want a taller fence, we want a library that stays open late on Sundays",
        "We don't want a taller fence ... a library that stays open late on Sundays.",
        "We don't want a taller fence…a library that stays open late on Sundays.",
        "We don't want a taller [garden] fence, we want a library that stays open late on Sundays.",
        "[They] want a library that stays open late on Sundays",
        "a library that stays open late",
    ],
)
def test_rewrites_join_the_original(rewrite: str) -> None:
    """Marks, case, end punctuation, cuts, bracketed words and partial quotes still match."""
    assert group_texts([BASE, rewrite]) == [[0, 1]]


@pytest.mark.parametrize(
    "other",
    [
        "We want a library, and we want it to open before the fence is built.",
        "open late",
        "stays open late on",
    ],
)
def test_different_or_too_short_quotes_stay_apart(other: str) -> None:
    """A different quotation sharing words, or a fragment under five tokens, is not the same quote."""
    assert group_texts([BASE, other]) == []


def test_a_shared_phrase_does_not_chain_different_quotes() -> None:
    """A short quote found inside two different long quotes joins one of them, never merging the two."""
    long_a = "The harbour board will meet on Friday to vote on the new ferry timetable for winter."
    long_b = "Nobody asked us about the new ferry timetable for winter, and we are angry about it."
    groups = group_texts([long_a, long_b, "the new ferry timetable for winter"])
    assert len(groups) == 1 and groups[0][-1] == 2 and len(groups[0]) == 2


def test_very_short_quotes_never_cluster() -> None:
    """Identical one- or two-word quotes ("yes", scare quotes) are not clustered."""
    assert group_texts(["Yes.", "yes", "fake trees", "Fake trees"]) == []
    assert group_texts(["a fine day", "A fine day!"]) == [[0, 1]]


def test_segments_cut_at_ellipses_and_brackets() -> None:
    """Segments are case-folded word tokens between cuts, bracketed words dropped."""
    assert segments("Go [home] now... Then REST…") == [["go"], ["now"], ["then", "rest"]]


def _quote(text: str, speaker: str = "Jane Doe") -> Quote:
    return Quote(
        start=0,
        end=len(text),
        text=text,
        fragments=[(0, len(text))],
        kind="direct",
        speaker=Speaker(speaker, "person", role="a librarian"),
        cue=Cue(0, 4, text[:4]),
    )


def _record(article: str, text: str, published: str | None, outlet: str = "Gazette") -> QuoteRecord:
    return QuoteRecord(article, _quote(text), "Jane Doe", outlet, published, f"Title {article}")


def test_cluster_first_is_earliest_then_inserted() -> None:
    """first is the earliest dated occurrence; equal dates go by insertion order; undated last."""
    records = [
        _record("a", BASE, None),
        _record("b", BASE.upper(), "2021-03-02"),
        _record("c", BASE.lower(), "2021-03-01"),
        _record("d", BASE, "2021-03-01"),
    ]
    [cluster] = cluster_records(records)
    assert cluster.first.article_id == "c"
    assert cluster.articles == ("a", "b", "c", "d")
    assert cluster_records(records[:1] + records[1:2])[0].first.article_id == "b"


def test_indirect_quotes_are_not_clustered() -> None:
    """The outlet's own wording (indirect quotes) is not a reported quotation."""
    records = [_record("a", BASE, None), _record("b", BASE, None)]
    indirect = [attrs.evolve(r, quote=attrs.evolve(r.quote, kind="indirect")) for r in records]
    assert len(cluster_records(records)) == 1
    assert cluster_records(indirect) == []


def test_min_size_counts_distinct_articles() -> None:
    """A quote repeated inside one article is not a cluster of several articles."""
    records = [_record("a", BASE, "2021-01-01"), _record("a", BASE, "2021-01-01")]
    assert cluster_records(records, min_size=2) == []
    assert len(cluster_records([*records, _record("b", BASE, None)], min_size=2)) == 1
    assert cluster_records([*records, _record("b", BASE, None)], min_size=3) == []


def test_cluster_text_is_the_longest_version() -> None:
    """A cluster is named by its most complete version, and larger clusters come first."""
    other = "The roof of the old station will be fixed before the first snow falls."
    records = [
        _record("a", "a library that stays open late", None),
        _record("b", other, None),
        _record("c", BASE, None),
        _record("d", other, None),
        _record("e", other.lower(), None),
    ]
    clusters = cluster_records(records)
    assert [c.text for c in clusters] == [other, BASE]


def test_record_row_has_the_export_keys() -> None:
    """to_row() gives exactly RECORD_KEYS with the speaker's kind and role and the cue text."""
    row = _record("a", BASE, "2021-01-01").to_row()
    assert tuple(row) == RECORD_KEYS
    assert (row["speaker_kind"], row["role"], row["cue"], row["end"]) == (
        "person",
        "a librarian",
        "We d",
        len(BASE),
    )


def test_cluster_and_record_round_trip() -> None:
    """QuoteCluster and QuoteRecord survive to_dict()/from_dict()."""
    cluster = cluster_records([_record("a", BASE, "2021-01-01"), _record("b", BASE, None, outlet="Post")])[0]
    assert QuoteCluster.from_dict(cluster.to_dict()) == cluster
    assert cluster.outlets == ("Gazette", "Post")


def test_cluster_needs_occurrences() -> None:
    """An empty cluster is refused."""
    with pytest.raises(ValueError, match="at least one"):
        QuoteCluster("x", [])


_words = st.lists(st.sampled_from(["we", "will", "open", "the", "new", "park", "soon", "today"]), min_size=3)


@given(st.lists(_words.map(" ".join), min_size=1, max_size=8), st.data())
def test_a_rewritten_copy_joins_its_original(texts: list[str], data: st.DataObject) -> None:
    """Upper-casing and wrapping a quote in marks and a period always lands it with its original."""
    i = data.draw(st.integers(0, len(texts) - 1))
    groups = group_texts([*texts, f"“{texts[i].upper()}.”"])
    assert any(i in g and len(texts) in g for g in groups)
    assert sorted(j for g in groups for j in g) == sorted({j for g in groups for j in g})
