"""Quote marks: which characters are marks, and how the quote finder pairs them."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotetrack.quotes import Quoted, find_quoted
from quotetrack.tokenize import classify_marks, paragraphs

STYLES = {
    "curly": ("“", "”"),
    "straight": ('"', '"'),
    "curly single": ("‘", "’"),
    "straight single": ("'", "'"),
    "guillemets": ("«", "»"),
    "reversed guillemets": ("»", "«"),
    "German": ("„", "“"),
    "German single": ("‚", "‘"),
    "CJK corner": ("「", "」"),
    "CJK white corner": ("『", "』"),
    "doubled ASCII": ("``", "''"),
    "doubled ASCII both ends": ("''", "''"),
}


def quoted(text: str) -> list[Quoted]:
    return find_quoted(text, paragraphs(text))


def texts_of(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quoted(text)]


@pytest.mark.parametrize(("opener", "closer"), STYLES.values(), ids=STYLES.keys())
@pytest.mark.parametrize(
    "layout", ["{o}We will rebuild the pier,{c} Ana Silva said.", "Ana Silva said {o}we will rebuild it{c}."]
)
def test_each_style_pairs_into_one_quotation(opener: str, closer: str, layout: str) -> None:
    """Every supported pair of marks yields one closed quotation without its marks."""
    text = layout.format(o=opener, c=closer)
    (q,) = quoted(text)
    assert text[q.open_at : q.start] == opener
    assert text[q.end : q.close_at] == closer
    assert text[q.start : q.end].lower().startswith("we will rebuild")
    assert (q.closed, q.depth, q.fragments) == (True, 0, ((q.start, q.end),))


@pytest.mark.parametrize(("opener", "closer"), STYLES.values(), ids=STYLES.keys())
def test_marks_are_classified_as_opening_then_closing(opener: str, closer: str) -> None:
    """The opening mark may open and the closing mark may close, in every style."""
    text = f"Ana Silva said {opener}we will rebuild the pier{closer}."
    first, second = classify_marks(text)
    assert (first.mark, second.mark) == (opener, closer)
    assert first.role in ("open", "either")
    assert second.role in ("close", "either")
    assert first.family == second.family


APOSTROPHES = [
    "We don't know yet",
    "We don’t know yet",
    "The soldiers' boots were wet",
    "The soldiers’ boots were wet",
    "In the '90s the pier was new",
    "In the ’90s the pier was new",
    "They played rock 'n' roll",
    "They played rock ’n’ roll",
    "It is Ana's pier and Ana’s boat",
    "It is Ana‘s pier, mis-typed",
]


@pytest.mark.parametrize("phrase", APOSTROPHES)
def test_apostrophes_are_not_quotation_marks(phrase: str) -> None:
    """Apostrophes neither open a quotation nor split one."""
    text = f"{phrase}, Ana Silva said."
    assert quoted(text) == []
    assert all(m.role == "close" for m in classify_marks(text))
    inside = f"“{phrase},” Ana Silva said."
    assert texts_of(inside) == [phrase + ","]


def test_left_single_mark_as_elision_is_not_a_quotation() -> None:
    """Word processors often turn the apostrophe of '90s into ‘; that is no quotation."""
    assert quoted("In the ‘90s the pier was new.") == []
    assert quoted("She was elected in ‘08 and the pier opened in ‘09.") == []
    # a closing-looking mark later in the line does not make "in ‘08" a quotation
    assert quoted("She said in ‘08 that the ferry would run. The sailors’ union agreed.") == []
    assert texts_of("He called it ‘20 years of neglect,’ and left.") == ["20 years of neglect,"]


@pytest.mark.parametrize("text", ["Ana is 6'2\" tall.", "The pier is 12' wide and 8\" thick."])
def test_primes_are_not_quotation_marks(text: str) -> None:
    """Marks after digits (feet and inches) are primes, not quotations."""
    assert quoted(text) == []
    assert all(m.role == "prime" for m in classify_marks(text))


@pytest.mark.xfail(
    strict=True,
    reason='a straight prime may close a curly quotation (marks.py lets “ close with "), so 6\'2" ends it',
)
def test_prime_inside_a_quotation_does_not_close_it() -> None:
    """A straight inch mark inside a curly quotation leaves the quotation whole."""
    text = "“The new pier is 6'2\" above the water,” Ana Silva said."
    assert texts_of(text) == ["The new pier is 6'2\" above the water,"]


def test_straight_quotation_may_end_after_a_digit() -> None:
    """A straight mark after a digit still closes an open straight quotation."""
    text = 'Ana Silva said "the score was 3-2" after the game.'
    assert texts_of(text) == ["the score was 3-2"]


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        ("“He told me ‘never’ twice,” Ana said.", "He told me ‘never’ twice,", "never"),
        ("\"He told me 'never' twice,\" Ana said.", "He told me 'never' twice,", "never"),
        ("„Er sagte ‚nie‘ zweimal“, sagte Ana.", "Er sagte ‚nie‘ zweimal", "nie"),
        ("「彼は『決して』と言った」", "彼は『決して』と言った", "決して"),
    ],
)
def test_single_quotation_nests_inside_double(text: str, outer: str, inner: str) -> None:
    """A quotation inside a quotation is found at depth 1, inside the outer one."""
    out, inn = quoted(text)
    assert (text[out.start : out.end], out.depth) == (outer, 0)
    assert (text[inn.start : inn.end], inn.depth) == (inner, 1)
    assert out.start < inn.open_at and inn.close_at < out.end


@pytest.mark.parametrize(
    "text", ["« Nous reconstruirons le port », a dit Ana.", "Ana a dit : « nous reconstruirons le port »."]
)
def test_french_guillemets_with_inner_spaces(text: str) -> None:
    """French sets a space inside guillemets; the quotation excludes it."""
    assert [t.lower() for t in texts_of(text)] == ["nous reconstruirons le port"]


def test_two_quotations_in_one_sentence() -> None:
    """Marks pair up in order: two quotations in a sentence stay two."""
    text = "Ana called it “a start” and “only a start” on Monday."
    assert texts_of(text) == ["a start", "only a start"]


@pytest.mark.parametrize(
    "text",
    [
        "“We will rebuild the pier.\nThe council meets on Friday.",
        "Ana Silva said “we will rebuild the pier.\n\nThe council meets on Friday.",
        "Ana Silva said “we will rebuild the pier.",
    ],
)
def test_unclosed_quotation_ends_with_its_paragraph(text: str) -> None:
    """A quotation that never closes ends at the end of its paragraph, not of the article."""
    (q,) = quoted(text)
    first = paragraphs(text)[0]
    assert not q.closed
    assert q.end == first.end
    assert text[q.start : q.end].lower() == "we will rebuild the pier."


def test_quotation_over_several_paragraphs() -> None:
    """A quotation reopened at the head of each paragraph is one quotation with a fragment each."""
    parts = ["The pier came first.", "The boats came next.", "The market comes last,"]
    text = "“" + "\n\n“".join(parts) + "” Ana Silva said."
    (q,) = quoted(text)
    assert q.closed
    assert [text[s:e] for s, e in q.fragments] == parts
    assert (q.start, q.end) == (q.fragments[0][0], q.fragments[-1][1])


def test_quotation_not_reopened_ends_in_its_paragraph() -> None:
    """When the next paragraph does not reopen the quotation, it ends unclosed in the first."""
    text = "“The pier came first.\n\nThe council agreed, “on one condition,” Ana said."
    assert texts_of(text) == ["The pier came first.", "on one condition,"]


marky = st.lists(
    st.one_of(st.sampled_from(list("“”‘’\"'«»„‚「」『』` \n.,x9")), st.sampled_from(["``", "''", "\n\n"])),
    max_size=60,
).map("".join)


@given(marky)
def test_quotations_of_any_text_are_trimmed_spans_inside_paragraphs(text: str) -> None:
    """Whatever the marks, quotations are ordered, trimmed spans with each fragment inside one paragraph."""
    paras = paragraphs(text)
    found = find_quoted(text, paras)
    assert [q.open_at for q in found] == sorted(q.open_at for q in found)
    for q in found:
        assert 0 <= q.open_at < q.start <= q.end <= q.close_at <= len(text)
        assert (q.start, q.end) == (q.fragments[0][0], q.fragments[-1][1])
        for s, e in q.fragments:
            assert s < e and text[s:e] == text[s:e].strip()
            assert any(p.start <= s and e <= p.end for p in paras)
        assert all(a[1] < b[0] for a, b in pairwise(q.fragments))


def test_mark_before_a_transcript_label_opens_no_quotation() -> None:
    """``"HOST: …`` opening each paragraph marks a quoted transcript's turns; inner quotations still pair."""
    text = (
        '"HOST: Were you warned?\n\n"OKONJO: Twice, and we called it “a scandal” then.\n\n"We will rebuild.'
    )
    assert texts_of(text) == ["a scandal", "We will rebuild."]
