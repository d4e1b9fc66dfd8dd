"""The public entry point: quotetrack.extract and the package's names."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotetrack
from quotetrack import Article, extract

JANE = "“We will not give up,” Jane Doe, a spokeswoman for the city, said on Monday."


def test_direct_quote_with_speaker_role_and_cue() -> None:
    """The simplest layout gives one direct quote with its speaker, role and cue."""
    (q,) = extract(JANE).quotes
    assert (q.kind, q.text) == ("direct", "We will not give up,")
    assert q.speaker is not None and q.cue is not None and q.mention is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.kind) == (
        "Jane Doe",
        "a spokeswoman for the city",
        "person",
    )
    assert (q.cue.text, q.mention.text) == ("said", "Jane Doe")
    assert 0 < q.confidence <= 1 and q.rule


def test_article_keeps_id_and_metadata() -> None:
    """The id and keyword metadata are kept on the article and its properties."""
    a = extract(JANE, id="doc-1", title="Pier", outlet="The Harbour Post", url="https://example.org/1")
    assert (a.id, a.title, a.outlet, a.url, a.published) == (
        "doc-1",
        "Pier",
        "The Harbour Post",
        "https://example.org/1",
        None,
    )
    assert a.text == JANE and a.metadata == {
        "title": "Pier",
        "outlet": "The Harbour Post",
        "url": "https://example.org/1",
    }


LAYOUTS = [
    JANE,
    "Ana Silva said that the pier would reopen in May.",
    "“The pier is safe,” said Tom Reed. “We checked it twice,” he added.",
    "“The pier is safe,” Tom Reed said, “and we checked it twice.”",
    "Ana Silva, the harbour master, said: “The pier reopens in May.”\n\nTom Reed said he agreed.",
    "The mayor told reporters that “nothing is decided” about the pier.",
    "",
    "No quotation here at all.",
]


def check_spans(article: Article) -> None:
    """Every span of ``article`` slices back to its text and lies inside its quote where it should."""
    text = article.text
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
        assert q.fragments and all(q.start <= f.start < f.end <= q.end for f in q.fragments)
        for piece in (q.mention, q.cue):
            assert piece is None or text[piece.start : piece.end] == piece.text
    for s in article.speakers:
        assert all(text[m.start : m.end] == m.text for m in s.mentions)
    assert [q.start for q in article.quotes] == sorted(q.start for q in article.quotes)


@pytest.mark.parametrize("text", LAYOUTS)
def test_every_span_slices_back(text: str) -> None:
    """Quotes, fragments, mentions and cues all point into the unmodified text."""
    check_spans(extract(text))


def test_split_quote_is_one_quote_with_two_fragments() -> None:
    """A quotation interrupted by its attribution is one quote with a fragment on each side."""
    text = LAYOUTS[3]
    (q,) = extract(text).quotes
    assert [f.slice(text) for f in q.fragments] == ["The pier is safe,", "and we checked it twice."]


messy = st.lists(
    st.one_of(
        st.characters(),
        st.sampled_from(["“", "”", '"', "'", "\n", "\n\n", " said ", " Ana Silva", " he ", ", ", ". ", ": "]),
    ),
    max_size=60,
).map("".join)


@given(messy)
def test_messy_text_never_raises_and_keeps_offsets(text: str) -> None:
    """Any string gives an article whose spans all slice back."""
    check_spans(extract(text))


@pytest.mark.parametrize(
    ("value", "hint"),
    [(None, "str"), (3, "str"), (b"bytes", "decode"), (bytearray(b"x"), "decode"), (["x"], "str")],
)
def test_non_str_text_raises_type_error_saying_what_to_pass(value: Any, hint: str) -> None:
    """Passing anything but a str fails early with a message that says what to pass."""
    with pytest.raises(TypeError, match=hint):
        extract(value)


def test_non_str_id_raises_type_error() -> None:
    """An id that is not a str is refused with a TypeError."""
    with pytest.raises(TypeError, match="id"):
        extract(JANE, id=3)  # type: ignore[arg-type]


def test_all_is_the_pinned_list() -> None:
    """quotetrack.__all__ is exactly the list written in __init__.py, and every name resolves."""
    source = Path(quotetrack.__file__).read_text(encoding="utf-8")
    pinned = next(
        ast.literal_eval(node.value)
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets)
    )
    assert quotetrack.__all__ == pinned
    assert sorted(pinned) == pinned and len(set(pinned)) == len(pinned)
    assert set(pinned) <= set(dir(quotetrack))


def test_medium_aside_between_speaker_and_cue_is_no_role() -> None:
    """'The mayor, in a statement, said …': the aside is the medium, not the mayor's role."""
    q = quotetrack.extract("The mayor, in a statement, said the pier would stay closed.").quotes[0]
    assert q.medium == "a statement"
    assert q.speaker is not None
    assert q.speaker.role is None
