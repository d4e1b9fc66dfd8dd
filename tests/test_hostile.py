"""Hostile input: extract() never raises on a str and every span it returns stays sound.

Speed on the same inputs is measured by benchmarks/hostile.py, not here.
"""

from __future__ import annotations

import json
import random
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrack import Article, extract
from quotetrack.marks import MARKS

SAID = "“We will not give up,” Jane Doe said on Monday."
ALL_MARKS = "".join(sorted(set("".join(MARKS))))


def assert_sound(article: Article) -> None:
    """Every span of ``article`` slices back, quotes are ordered and share no character, and it survives JSON."""
    text = article.text
    starts = 0
    for q in article.quotes:
        assert 0 <= q.start <= q.end <= len(text) and text[q.start : q.end] == q.text
        assert q.start >= starts, "quotes out of order"
        starts = q.start
    pieces = sorted((f.start, f.end) for q in article.quotes for f in q.fragments)
    assert all(a[1] <= b[0] for a, b in pairwise(pieces)), "quotes overlap"
    for q in article.quotes:
        last = q.start
        for f in q.fragments:
            assert last <= f.start < f.end <= q.end, "fragments out of order or outside the quote"
            last = f.end
        for piece in (q.mention, q.cue):
            assert piece is None or text[piece.start : piece.end] == piece.text
        if q.speaker is not None:
            assert all(text[m.start : m.end] == m.text for m in q.speaker.mentions)
    for s in article.speakers:
        assert all(text[m.start : m.end] == m.text for m in s.mentions)
    data = article.to_dict()
    assert Article.from_dict(json.loads(json.dumps(data))) == article
    assert Article.from_dict(data) == article


def _mixture(seed: int, size: int) -> str:
    """Quote marks of every kind mixed with cue words, names and line breaks."""
    rnd = random.Random(seed)
    pieces = [
        *ALL_MARKS,
        " said ",
        " according to ",
        ": ",
        " — ",
        "Jane Doe",
        " he ",
        "\n",
        ", ",
        ". ",
        "word ",
    ]
    return "".join(rnd.choice(pieces) for _ in range(size))


HOSTILE: dict[str, str] = {
    "empty": "",
    "white space only": " \t\n\r\n\u2028\xa0\u3000 ",
    "tens of thousands of mixed marks": "".join(random.Random(1).choice(ALL_MARKS) for _ in range(30_000)),
    "marks each after a letter": "".join(random.Random(2).choice(ALL_MARKS) + "a" for _ in range(15_000)),
    "only opening marks": "“" * 20_000,
    "only opening marks with words": "“We „will «go ‘now " * 2_000,
    "deep nesting": "“‘" * 10_000,
    "deep nesting with words": "“a ‘b " * 4_000 + "”" * 3_000,
    "openers then unrelated closers": "“a " * 3_000 + "b» " * 3_000,
    "a megabyte with no space": "x" * 1_000_000,
    "no space but punctuation": "a.b,c;“d”" * 5_000,
    "no punctuation": "Jane Doe said word " * 1_000,
    "NUL bytes": ("“We\x00 will go,”\x00 Jane Doe said.\x00\n" * 500),
    "lone surrogates": "\ud800“We will go,”\udfff Jane Doe said. \udc00" * 200,
    "CR-only line ends": (SAID + "\r") * 300,
    "CRLF line ends": (SAID + "\r\n") * 300,
    "bidi controls": ("\u202e“We will\u2066 not give up,”\u2069 Jane Doe said.\u202c\n" * 200),
    "zero-width characters": ("\ufeff“We\u200b will not give up,”\u200b Jane\u200d Doe said.\u200c\n" * 200),
    "HTML markup": (
        '<p class="x">“We &amp; go,” <b>Jane</b> said.</p><script>var a = "<p>";</script>\n' * 300
    ),
    "random mixture": _mixture(3, 20_000),
    "dense sentence ends": ". " * 20_000 + "a. b\n" * 5_000,
    "acronym-like dots": "a." * 500 + "a",
    "colons and dashes": "Jane Doe: — – -- :" * 3_000,
    "a quote per clause": "“We go,” he said, " * 300,
    "a hearsay adverb and a comma at the end": "Reportedly," * 3
    + " ( reportedly ) With reportedly. Reportedly,",
    "told an audience in a place on a day, then the text ends": "He told a crowd in Leeds on Friday",
    "the same, then a line with no full stop": "Ana Ruiz told voters in Leeds on Monday\nShe left.",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_never_raises_and_spans_stay_sound(text: str) -> None:
    """Each hostile input gives an article whose spans slice back and that survives JSON."""
    article = extract(text)
    assert article.text is text
    assert_sound(article)


@pytest.mark.parametrize("ending", ["\n", "\r", "\r\n", "\u2028", "\x0c"])
def test_every_line_ending_gives_the_same_quotes(ending: str) -> None:
    """LF, CR, CRLF and other line breaks find the same quotations at the same places per line."""
    lines = [SAID, "Tom Reed said that the pier would reopen.", "“Rates are too high,” said Ana Silva."]

    def shape(text: str) -> list[tuple[str, str | None]]:
        a = extract(text)
        return [(q.text, q.speaker.name if q.speaker else None) for q in a.quotes]

    assert shape(ending.join(lines)) == shape("\n".join(lines))


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2066", "\u202e", "\x00"])
def test_invisible_characters_keep_the_quotation_found(invisible: str) -> None:
    """An invisible character inside a quotation does not hide it; its span still slices back."""
    text = f"“We will{invisible} not give up,” Jane Doe said on Monday."
    article = extract(text)
    assert [q.text for q in article.quotes] == [f"We will{invisible} not give up,"]


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2069"])
def test_invisible_character_before_the_speaker_keeps_the_attribution(invisible: str) -> None:
    """An invisible character between the closing mark and the speaker does not lose the speaker."""
    (q,) = extract(f"“We will not give up,”{invisible} Jane Doe said on Monday.").quotes
    assert q.speaker is not None and q.speaker.name == "Jane Doe"


def test_lone_surrogates_survive_json_with_ascii_escapes() -> None:
    """A lone surrogate in the text is kept as is and round-trips through json with escapes."""
    text = "“We will not give up,”\ud800 Jane Doe said.\udfff"
    article = extract(text)
    dumped = json.dumps(article.to_dict())
    assert "\\ud800" in dumped and Article.from_dict(json.loads(dumped)) == article


def test_many_quotations_in_one_sentence_are_all_found() -> None:
    """A hundred quotations in one long sentence are each found, not only the first ones."""
    n = 100
    text = "".join(f"“Point {i} stands,” said Jane Doe, " for i in range(n)) + "and left."
    found = {q.text for q in extract(text).quotes}
    assert {f"Point {i} stands," for i in range(n)} <= found


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (None, "str"),
        (42, "str"),
        (4.2, "str"),
        (["a list"], "str"),
        (b"\xe2\x80\x9cbytes\xe2\x80\x9d", "decode"),
        (bytearray(b"bytes"), "decode"),
        (memoryview(b"bytes"), "decode"),
    ],
)
def test_non_str_input_raises_type_error_saying_what_to_pass(value: Any, hint: str) -> None:
    """Anything but a str is refused with a TypeError that says what to pass instead."""
    with pytest.raises(TypeError, match=hint):
        extract(value)


# ---------------------------------------------------------------------------
# Properties over generated hostile text

PIECES = [
    *ALL_MARKS,
    "``",
    "''",
    "'",
    "’s",
    "n't",
    "'90s",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\u2028",
    " ",
    " ",
    " ",
    " said ",
    " says ",
    " told reporters ",
    " according to ",
    " added",
    ": ",
    " — ",
    "–",
    "-- ",
    ", ",
    ". ",
    "? ",
    "! ",
    "…",
    "(",
    ")",
    "Jane Doe",
    "Tom Reed",
    "Ana Silva",
    "Mr. Reed",
    "the mayor",
    "He",
    " she ",
    " they ",
    "U.S.",
    "We will go",
    "the pier is safe",
    "that",
    "3.5",
    "6'2\"",
    "\u200b",
    "\ufeff",
    "\u202e",
    "\x00",
    "\ud800",
    "<p>",
    "&amp;",
]

hostile_text = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.text(alphabet=st.sampled_from([*ALL_MARKS, " ", "\n", "a", "A", ".", ",", ":"]), max_size=120),
    st.text(max_size=60),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_generated_hostile_text_gives_sound_articles(text: str) -> None:
    """Generated hostile text never raises; spans slice back, quotes share no character, JSON round-trips."""
    assert_sound(extract(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(hostile_text, min_size=2, max_size=4))
def test_hostile_paragraphs_around_a_plain_quote_keep_it_sound(parts: list[str]) -> None:
    """A plain attributed quote between hostile paragraphs keeps every span sound."""
    text = "\n\n".join([parts[0], SAID, *parts[1:]])
    assert_sound(extract(text, id="hostile", outlet="Test"))
