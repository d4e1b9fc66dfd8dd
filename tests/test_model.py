"""The data model: validation, immutability and round trips through dicts, JSON and pickle."""

from __future__ import annotations

import json
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotetrack.model import KINDS, SPEAKER_KINDS, Article, Cue, Mention, Quote, Span, Speaker

TEXT = "“We will rebuild the pier,” Ana Silva, the harbour master, told reporters on Monday."


def make_quote(**changes: Any) -> Quote:
    """A valid quote of TEXT, with ``changes`` applied."""
    speaker = Speaker("Ana Silva", "person", "the harbour master", [Mention.at(TEXT, 28, 37)])
    fields: dict[str, Any] = {
        "start": 1,
        "end": 26,
        "text": TEXT[1:26],
        "fragments": [(1, 26)],
        "kind": "direct",
        "speaker": speaker,
        "mention": Mention.at(TEXT, 28, 37),
        "cue": Cue.at(TEXT, 59, 63),
        "audience": "reporters",
        "medium": None,
        "confidence": 0.9,
        "rule": "quote_speaker_cue",
    }
    fields.update(changes)
    return Quote(**fields)


def test_example_quote_is_valid_and_slices_back() -> None:
    """The fixture used below is itself a valid quote whose spans slice back."""
    q = make_quote()
    assert TEXT[q.start : q.end] == q.text == "We will rebuild the pier,"
    assert q.mention is not None and q.cue is not None
    assert (q.mention.span.slice(TEXT), q.cue.span.slice(TEXT)) == ("Ana Silva", "told")


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: Span(5, 3), ValueError),
        (lambda: Span(-1, 3), ValueError),
        (lambda: Span(0.0, 3), TypeError),
        (lambda: Mention(start=4, end=2, text=""), ValueError),
        (lambda: Mention(start=0, end=3, text="Ana Silva"), ValueError),
        (lambda: Cue(start=0, end=4, text=None), TypeError),
        (lambda: make_quote(end=20), ValueError),
        (lambda: make_quote(start=30, end=26, text=""), ValueError),
        (lambda: make_quote(kind="quoted"), ValueError),
        (lambda: make_quote(confidence=1.5), ValueError),
        (lambda: make_quote(confidence=-0.1), ValueError),
        (lambda: make_quote(confidence=float("nan")), ValueError),
        (lambda: make_quote(fragments=[(0, 10)]), ValueError),
        (lambda: make_quote(fragments=[(20, 30)]), ValueError),
        (lambda: make_quote(fragments=[(1, 10), (5, 20)]), ValueError),
        (lambda: make_quote(fragments=[(12, 20), (1, 10)]), ValueError),
        (lambda: make_quote(speaker="Ana Silva"), TypeError),
        (lambda: make_quote(paragraph=-1), ValueError),
        (lambda: Speaker("Ana Silva", kind="robot"), ValueError),
        (lambda: Speaker("Ana Silva", mentions=["Ana"]), TypeError),
        (lambda: Article(TEXT[:10], quotes=[make_quote()]), ValueError),
        (lambda: Article(TEXT, metadata=["title"]), TypeError),
        (lambda: Article(TEXT, id=7), TypeError),
    ],
)
def test_validators_reject_bad_values(build: Any, error: type[Exception]) -> None:
    """Every class refuses values that break its invariants."""
    with pytest.raises(error):
        build()


@pytest.mark.parametrize(
    ("obj", "name", "value"),
    [
        (Span(0, 1), "end", 2),
        (Mention.at(TEXT, 28, 37), "text", "Bob"),
        (Cue.at(TEXT, 59, 63), "start", 0),
        (Speaker("Ana Silva"), "name", "Bob"),
        (make_quote(), "kind", "indirect"),
        (Article(TEXT), "text", ""),
    ],
)
def test_objects_are_frozen(obj: Any, name: str, value: Any) -> None:
    """Assigning to a field of any model object raises."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, name, value)


# --- Hypothesis: valid objects of any shape ---------------------------------------------------------

short = st.text(max_size=12)
maybe = st.none() | short


@st.composite
def spans_in(draw: st.DrawFn, lo: int, hi: int) -> tuple[int, int]:
    start = draw(st.integers(lo, hi))
    return start, draw(st.integers(start, hi))


@st.composite
def located(draw: st.DrawFn, cls: type[Any], text: str) -> Any:
    return cls.at(text, *draw(spans_in(0, len(text))))


@st.composite
def speakers(draw: st.DrawFn, text: str) -> Speaker:
    return Speaker(
        name=draw(short),
        kind=draw(st.sampled_from(SPEAKER_KINDS)),
        role=draw(maybe),
        mentions=draw(st.lists(located(Mention, text), max_size=3)),
    )


@st.composite
def quotes(draw: st.DrawFn, text: str) -> Quote:
    start, end = draw(spans_in(0, len(text)))
    cuts = sorted(draw(st.lists(st.integers(start, end), max_size=6)))
    speaker = draw(st.none() | speakers(text))
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        fragments=list(zip(cuts[::2], cuts[1::2], strict=False)) or [(start, end)],
        kind=draw(st.sampled_from(KINDS)),
        speaker=speaker,
        # The JSON shape keeps the mention inside the speaker; see the xfail test below.
        mention=None if speaker is None else draw(st.none() | located(Mention, text)),
        cue=draw(st.none() | located(Cue, text)),
        audience=draw(maybe),
        medium=draw(maybe),
        confidence=draw(st.floats(0, 1)),
        rule=draw(short),
        paragraph=draw(st.integers(0, 99)),
        sentence=draw(st.integers(0, 999)),
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | short,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(short, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(max_size=60))
    return Article(
        text=text,
        id=draw(maybe),
        quotes=draw(st.lists(quotes(text), max_size=3)),
        speakers=draw(st.lists(speakers(text), max_size=3)),
        metadata=draw(st.dictionaries(short, json_values, max_size=3)),
    )


@given(articles())
def test_article_round_trips_through_dict_and_json(article: Article) -> None:
    """Article.from_dict inverts to_dict, also after a trip through JSON text."""
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


@given(articles())
def test_every_class_round_trips_through_its_dict(article: Article) -> None:
    """Quote, Speaker, Mention, Cue and Span each rebuild themselves from their own dict or list."""
    for q in article.quotes:
        assert Quote.from_dict(q.to_dict()) == q
        assert all(Span.from_list(f.to_list()) == f for f in q.fragments)
        if q.cue is not None:
            assert Cue.from_dict(q.cue.to_dict()) == q.cue
    for s in article.speakers:
        assert Speaker.from_dict(s.to_dict()) == s
        assert all(Mention.from_dict(m.to_dict()) == m for m in s.mentions)


@given(articles())
def test_objects_pickle(article: Article) -> None:
    """Pickling keeps every object equal (worker processes rely on it)."""
    assert pickle.loads(pickle.dumps(article)) == article


@given(articles())
def test_every_span_slices_back(article: Article) -> None:
    """Every object with a text is exactly the characters its span covers."""
    text = article.text
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
        assert all(q.start <= f.start <= f.end <= q.end for f in q.fragments)
        for piece in (q.mention, q.cue):
            assert piece is None or text[piece.start : piece.end] == piece.text
    for s in article.speakers:
        assert all(m.span.slice(text) == m.text for m in s.mentions)


@pytest.mark.xfail(strict=True, reason="Quote.to_dict keeps the mention only inside a speaker")
def test_mention_without_speaker_round_trips() -> None:
    """A quote whose mention names nobody resolved keeps that mention through its dict."""
    q = make_quote(speaker=None)
    assert Quote.from_dict(q.to_dict()) == q
