"""HTML input: extract_html() and html_text(), and the map from the text back into the HTML."""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hostile import assert_sound

import quotetrack
from quotetrack import Article
from quotetrack.html import html_text

extract_html = quotetrack.extract_html
SAID = "“We will not give up,” Jane Doe said on Monday."


def stripped(fragment: str) -> str:
    """A piece of HTML with its tags removed and its entities unescaped."""
    return unescape(re.sub(r"<[^>]*>", "", fragment))


def html_quotes(html: str) -> list[tuple[str, str]]:
    """Each quote of ``extract_html(html)`` with the HTML its span maps to."""
    article = extract_html(html)
    spans = article.metadata["html_spans"]
    assert len(spans) == len(article.quotes)
    return [(q.text, html[hs:he]) for q, (hs, he) in zip(article.quotes, spans, strict=True)]


def test_the_export_is_the_html_module_function() -> None:
    """quotetrack.extract_html is the function of quotetrack.html."""
    from quotetrack import html

    assert quotetrack.extract_html is html.extract_html


def test_plain_paragraph_maps_back_to_the_same_characters() -> None:
    """A quote in a plain paragraph maps to exactly its characters in the HTML."""
    html = f"<html><body><p>{SAID}</p></body></html>"
    article = extract_html(html)
    assert article.text == SAID
    ((text, raw),) = html_quotes(html)
    assert raw == text == "We will not give up,"
    (q,) = article.quotes
    assert q.speaker is not None and q.speaker.name == "Jane Doe"


def test_entities_inside_a_quote_map_back_to_the_entities() -> None:
    """&amp;, &ldquo; and &rdquo; are unescaped in the text and kept whole in the HTML span."""
    html = "<p>&ldquo;Tom &amp; Jerry will not give up,&rdquo; Jane Doe said on Monday.</p>"
    article = extract_html(html)
    assert article.text == "“Tom & Jerry will not give up,” Jane Doe said on Monday."
    ((text, raw),) = html_quotes(html)
    assert raw == "Tom &amp; Jerry will not give up,"
    assert unescape(raw) == text


def test_numeric_entities_and_inline_tags_inside_a_quote() -> None:
    """Numeric references and inline tags inside a quote strip back to the quote's text."""
    html = (
        '<div><p>&#8220;We will <em>not</em> give <a href="/up?a=1&amp;b=2">up</a>,&#x201D; '
        "Jane Doe said.</p></div>"
    )
    ((text, raw),) = html_quotes(html)
    assert text == "We will not give up,"
    assert raw.startswith("We will <em>") and raw.endswith("</a>,")
    assert stripped(raw) == text


def test_entity_at_the_end_of_a_quote_is_kept_whole() -> None:
    """A quote that ends with an entity maps to the whole entity, not part of it."""
    html = "<p>“The pier costs too much &amp; more,” said Jane Doe.</p>"
    ((text, raw),) = html_quotes(html)
    assert raw == "The pier costs too much &amp; more,"
    assert unescape(raw) == text


@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var s = '“We will not give up,” Tom Reed said.';</script>",
        "<style>p::before { content: '“We will not give up,” Tom Reed said.'; }</style>",
        "<!-- “We will not give up,” Tom Reed said. -->",
        "<template><p>“We will not give up,” Tom Reed said.</p></template>",
        "<svg><text>“We will not give up,” Tom Reed said.</text></svg>",
        "<noscript>“We will not give up,” Tom Reed said.</noscript>",
    ],
)
def test_invisible_parts_of_a_page_are_skipped(hidden: str) -> None:
    """Scripts, styles, comments, templates, SVG and noscript contribute no text."""
    html = f"<p>Before.</p>{hidden}<p>After.</p>"
    article = extract_html(html)
    assert article.text == "Before.\n\nAfter."
    assert article.quotes == ()


def test_head_is_skipped_and_its_title_becomes_the_title() -> None:
    """The head contributes no text; its title is the article's title unless one is passed."""
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Pier  &amp; Bridge</title>"
        "<link rel='stylesheet' href='x.css'></head><body><p>Body text.</p></body></html>"
    )
    article = extract_html(html)
    assert (article.text, article.title) == ("Body text.", "Pier & Bridge")
    assert extract_html(html, title="Mine").title == "Mine"


def test_a_head_left_open_ends_where_the_body_starts() -> None:
    """A head that is never closed ends at the first element that cannot stand in it."""
    html = f"<head><title>T</title><p>{SAID}</p>"
    article = extract_html(html)
    assert article.text == SAID and len(article.quotes) == 1


@pytest.mark.parametrize(
    "tag", ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"]
)
def test_block_elements_are_paragraph_breaks(tag: str) -> None:
    """Text in block elements becomes separate paragraphs."""
    html = f"Lead text<{tag}>Middle text</{tag}>Tail text"
    assert html_text(html).text == "Lead text\n\nMiddle text\n\nTail text"


def test_br_is_a_line_break_and_cells_are_spaced() -> None:
    """br breaks the line (twice for two), and table cells are separated by a space."""
    assert html_text("one<br>two<br/><br>three").text == "one\ntwo\n\nthree"
    assert html_text("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>").text == "a b\n\nc"


def test_white_space_collapses_as_in_a_browser() -> None:
    """Runs of white space, including entities for it, become one space; &nbsp; is kept."""
    html = "<p>\n   We   said\n\t that&#10;&#32;it&nbsp;works.  </p>\n\n<p>  Next. </p>"
    assert html_text(html).text == "We said that it\xa0works.\n\nNext."


def test_pre_keeps_its_line_breaks() -> None:
    """White space inside pre is kept, so its lines stay separate paragraphs."""
    assert html_text("<pre>line one\n  line two</pre>").text == "line one\n  line two"


def test_markup_that_is_not_a_tag_is_text() -> None:
    """A lone "<" or "&", and an unknown entity, stay in the text as written."""
    html = "<p>3 < 4 & 5 > 2 &bogus; a<b</p>"
    assert html_text(html).text == "3 < 4 & 5 > 2 &bogus; a<b"


def test_html_spans_survive_json_and_dict_round_trips() -> None:
    """The article with its html_spans metadata round-trips through a dict and through JSON."""
    article = extract_html(f"<p>{SAID}</p><p>Tom Reed said that the pier would reopen.</p>", id="h1")
    assert len(article.metadata["html_spans"]) == len(article.quotes) == 2
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
    assert_sound(article)


def test_to_html_maps_any_span_of_the_text() -> None:
    """Mentions and cues map back too, through html_text(html).to_html."""
    html = f"<p><b>{SAID[:22]}</b> <i>Jane</i> Doe said on Monday.</p>"
    page = html_text(html)
    (q,) = extract_html(html).quotes
    assert q.mention is not None and q.cue is not None
    ms, me = page.to_html(q.mention.start, q.mention.end)
    cs, ce = page.to_html(q.cue.start, q.cue.end)
    assert (html[ms:me], html[cs:ce]) == ("Jane</i> Doe", "said")
    first = html.index("“")
    assert page.to_html(0, 0) == (first, first)
    assert page.to_html(len(page.text), len(page.text)) == (html.index(".</p>") + 1,) * 2


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 10_000)])
def test_to_html_refuses_a_range_outside_the_text(start: int, end: int) -> None:
    """A range that is not inside the text raises ValueError."""
    with pytest.raises(ValueError, match="range"):
        html_text("<p>Some text.</p>").to_html(start, end)


@pytest.mark.parametrize(
    ("value", "hint"),
    [(b"<p>bytes</p>", "decode"), (bytearray(b"<p>x</p>"), "decode"), (None, "str"), (3, "str"), ([], "str")],
)
def test_non_str_html_raises_type_error_saying_what_to_pass(value: Any, hint: str) -> None:
    """Anything but a str is refused with a TypeError that says what to pass."""
    with pytest.raises(TypeError, match=hint):
        extract_html(value)
    with pytest.raises(TypeError, match=hint):
        html_text(value)


def test_html_spans_may_not_be_passed() -> None:
    """The html_spans metadata key is extract_html's own."""
    with pytest.raises(TypeError, match="html_spans"):
        extract_html("<p>x</p>", html_spans=[])


HOSTILE_PAGES = {
    "lone <": "<" * 5_000,
    "unclosed tags": "<a" * 5_000,
    "unclosed end tags": "</" * 5_000,
    "unclosed processing instructions": "<?" * 5_000,
    "unclosed CDATA": "<![CDATA[" * 2_000,
    "unclosed comment": "<!--" + "“We will not give up,” Jane Doe said. " * 100,
    "unclosed script": "<script>" + "a<" * 5_000,
    "ampersands": "&amp;&#8220;&x&#;&#xD800;&#0;&" * 1_000,
    "unclosed attribute quotes": '<a href="x>text ' * 2_000,
    "tags inside attribute values": '<p title="<b>“not</b> a quote”">' + SAID + "</p>" * 300,
    "NUL and surrogates": f"<p>\x00{SAID}\ud800</p>" * 200,
    "nested skipped elements": "<svg><svg><p>x</p></svg>" * 500 + f"</svg><p>{SAID}</p>",
}


@pytest.mark.parametrize("html", HOSTILE_PAGES.values(), ids=HOSTILE_PAGES.keys())
def test_hostile_pages_never_raise_and_map_back_soundly(html: str) -> None:
    """Malformed pages give sound articles whose quotes map inside the HTML in order."""
    article = extract_html(html)
    assert_sound(article)
    spans = article.metadata["html_spans"]
    assert all(0 <= hs <= he <= len(html) for hs, he in spans)
    assert spans == sorted(spans)


# ---------------------------------------------------------------------------
# Properties over generated pages

WORDS = ["We", "will", "not", "give", "up", "the", "pier", "Jane Doe", "Tom Reed", "said", "told", "that"]
ENTITIES = ["&amp;", "&ldquo;", "&rdquo;", "&#8220;", "&#x201D;", "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;"]
inline_atom = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ENTITIES),
    st.sampled_from(["“", "”", '"', "‘", "’", "«", "»", ",", ".", ":", " — ", "?"]),
    st.sampled_from([" ", "  ", "\n", "\n   ", "\t", " \r\n "]),
)
inline = st.recursive(
    st.lists(inline_atom, max_size=12).map("".join),
    lambda inner: (
        st.tuples(st.sampled_from(["b", "em", "a href='x'", 'span class="y"']), inner).map(
            lambda t: f"<{t[0]}>{t[1]}</{t[0].split()[0]}>"
        )
        | st.lists(inner, max_size=3).map("".join)
    ),
    max_leaves=8,
)
extra = st.sampled_from(["", "<!-- “hidden,” he said -->", "<script>x = '“no”';</script>", "<br>", "<hr/>"])
block = st.tuples(st.sampled_from(["p", "div", "li", "h2", "blockquote", "td"]), inline, extra).map(
    lambda t: f"<{t[0]}>{t[1]}</{t[0]}>{t[2]}"
)
page = st.lists(block, max_size=6).map("".join)


@settings(max_examples=150, deadline=None)
@given(page)
def test_each_quote_of_a_generated_page_maps_to_html_with_the_same_text(html: str) -> None:
    """For generated pages, the HTML a quote maps to has exactly the quote's text."""
    article = extract_html(html)
    assert_sound(article)
    for q, (hs, he) in zip(article.quotes, article.metadata["html_spans"], strict=True):
        assert html_text(html[hs:he]).text == q.text


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        page, st.lists(st.sampled_from([*"<>/&#;!?-\"'=ab \n“”", *ENTITIES]), max_size=120).map("".join)
    )
)
def test_every_character_of_the_text_maps_in_order_into_the_html(html: str) -> None:
    """Each character maps to a range of the HTML, in order, holding that character."""
    page_text = html_text(html)
    text = page_text.text
    last = 0
    for i, c in enumerate(text):
        hs, he = page_text.to_html(i, i + 1)
        assert last <= hs <= he <= len(html)
        last = hs
        if c not in " \n":
            assert c in unescape(html[hs:he])
