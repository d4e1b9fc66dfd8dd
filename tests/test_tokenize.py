"""The tokenizer layer: paragraphs, sentences and words as spans of the unmodified text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotetrack.lexicon import load
from quotetrack.tokenize import paragraphs, sentences, split, words

# Text with the characters that matter to the tokenizer showing up often.
_PIECES = [*" \n\r\t\u2028.!?,;:\"'“”‘’«»-—…()", "Mr.", "U.S.", "Dr. ", " Ann", "\r\n", "\n\n"]
texts = st.lists(st.one_of(st.characters(), st.sampled_from(_PIECES)), max_size=120).map("".join)


def _check_spans(spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    prev = lo
    for s, e in spans:
        assert prev <= s < e <= hi
        prev = e


@given(texts)
def test_paragraphs_are_ordered_trimmed_spans_covering_all_text(text: str) -> None:
    """Paragraphs lie in bounds, in order, do not overlap, are trimmed and miss no visible character."""
    paras = paragraphs(text)
    _check_spans([(p.start, p.end) for p in paras], 0, len(text))
    assert [p.number for p in paras] == list(range(len(paras)))
    for p in paras:
        chunk = text[p.start : p.end]
        assert chunk == chunk.strip()
        assert len(chunk.splitlines()) == 1
    inside = {i for p in paras for i in range(p.start, p.end)}
    assert all(ch.isspace() for i, ch in enumerate(text) if i not in inside)


@given(texts)
def test_sentences_are_ordered_spans_inside_their_paragraph(text: str) -> None:
    """Sentences lie in bounds, in order, are non-empty and never cross their paragraph."""
    paras, sents = split(text)
    _check_spans([(s.start, s.end) for s in sents], 0, len(text))
    assert [s.number for s in sents] == list(range(len(sents)))
    for s in sents:
        p = paras[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
        assert text[s.start : s.end].strip()
    assert [s.paragraph for s in sents] == sorted(s.paragraph for s in sents)
    assert sents == sentences(text)


@given(texts, st.data())
def test_words_leave_out_only_white_space(text: str, data: st.DataObject) -> None:
    """Words of any range lie inside it, in order, without blanks, and leave out only white space."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = words(text, start, end)
    _check_spans(spans, start, end)
    for s, e in spans:
        assert not any(ch in " \t\r\n\xa0\u2028" for ch in text[s:e])
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(text[i].isspace() for i in range(start, end) if i not in covered)


@pytest.mark.parametrize(
    "first",
    [
        "Mr. Brand met the mayor.",
        "Dr. Okafor signed it.",
        "Sen. Alvarez voted against it.",
        "The U.S. Navy sent two ships.",
        "On Jan. 12 the vote was held.",
        "Fennel Inc. CEO Dana Ruiz resigned.",
        "Walter Ames Jr. High School reopened.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(first: str) -> None:
    """A known abbreviation's period does not split the sentence; the real sentence end still does."""
    text = first + " The council met on Friday."
    assert [text[s.start : s.end] for s in sentences(text)] == [first, "The council met on Friday."]


def test_number_abbreviation_holds_only_before_a_number() -> None:
    """ "No." before a number does not end a sentence; "no." at the end of a sentence still does."""
    text = "She is the No. 2 candidate in the race. The answer was no. Then the vote began."
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "She is the No. 2 candidate in the race.",
        "The answer was no.",
        "Then the vote began.",
    ]


def test_abbreviations_of_the_tests_are_in_the_lexicon() -> None:
    """The abbreviations exercised above come from the lexicon, not from luck."""
    assert {"mr", "dr", "sen", "u.s", "jan", "inc", "jr"} <= load("abbreviations")


@pytest.mark.parametrize("brk", ["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n\t\n"])
def test_single_and_blank_line_breaks_both_split_paragraphs(brk: str) -> None:
    """A single line break splits paragraphs just as a blank line does."""
    text = brk.join(["The first one.", "The second one.", "The third one."])
    paras = paragraphs(text)
    assert [text[p.start : p.end] for p in paras] == ["The first one.", "The second one.", "The third one."]
    assert [s.paragraph for s in sentences(text)] == [0, 1, 2]
