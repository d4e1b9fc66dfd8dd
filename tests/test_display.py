"""Notebook HTML: quotes highlighted in their speaker's colour, everything escaped."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

import quotetrack
from quotetrack import Corpus
from quotetrack.display import PALETTE, UNATTRIBUTED, render_article, render_corpus
from quotetrack.model import Article, Quote, Speaker
from quotetrack.sources import Source

SCRIPT = "<script>alert(1)</script>"


def _text_div(page: str) -> str:
    """The article text shown, markup removed and entities decoded."""
    body = re.search(r"<div style='white-space: pre-wrap'>(.*?)</div>", page, re.S)
    assert body is not None
    return html.unescape(re.sub(r"<[^>]+>", "", body.group(1)))


def test_markup_in_quotes_names_and_metadata_shows_as_text() -> None:
    """A script in a quote, a speaker name, the title, outlet or url is escaped, never live."""
    text = f"“I love {SCRIPT} cats and dogs,” Jane Doe said."
    article = quotetrack.extract(
        text, id=f"id{SCRIPT}", title=SCRIPT, outlet=SCRIPT, url="javascript:alert(1)"
    )
    page = render_article(article)
    assert "<script>" not in page
    assert html.escape(SCRIPT) in page
    assert "href" not in page
    assert _text_div(page) == text


def test_http_url_becomes_a_link() -> None:
    """An http(s) URL is shown as a link with its quotes and ampersands escaped."""
    page = render_article(quotetrack.extract("Hi.", url='https://example.org/?a=1&b="2"'))
    assert '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;"' in page


def test_each_speaker_has_one_colour() -> None:
    """Quotes by the same speaker share a colour; another speaker and unattributed quotes differ."""
    text = "AAAA BBBB CCCC DDDD"
    doe, roe = Speaker("Jane Doe", "person"), Speaker(f"Roe {SCRIPT}", "person")
    quotes = [
        Quote(0, 4, "AAAA", [(0, 4)], "direct", doe),
        Quote(5, 9, "BBBB", [(5, 9)], "direct", roe),
        Quote(10, 14, "CCCC", [(10, 14)], "direct", doe),
        Quote(15, 19, "DDDD", [(15, 19)], "direct"),
    ]
    page = render_article(Article(text, "a", quotes))
    colours = re.findall(r'<mark style="background: (#\w+)"', page)
    assert colours == [PALETTE[0], PALETTE[1], PALETTE[0], UNATTRIBUTED]
    assert f"Roe {html.escape(SCRIPT)}" in page and SCRIPT not in page


def test_overlapping_quotes_keep_the_text_whole() -> None:
    """A quote nested inside another is not shown twice and no character is lost."""
    text = "one two three four"
    quotes = [
        Quote(0, 13, "one two three", [(0, 13)], "mixed"),
        Quote(4, 18, "two three four", [(4, 18)], "direct"),
    ]
    assert _text_div(render_article(Article(text, "a", quotes))) == text


@given(st.text(alphabet="ab<>&\"' “”.,\n", max_size=40), st.data())
def test_shown_text_is_the_article_text(text: str, data: st.DataObject) -> None:
    """Whatever the text and spans, the shown text decodes back to the article text exactly."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    quotes = [
        Quote(a, b, text[a:b], [(a, b)], "direct")
        for a, b in zip(cuts[::2], cuts[1::2], strict=False)
        if a < b
    ]
    assert _text_div(render_article(Article(text, "a", quotes))) == text


def test_corpus_table_lists_top_sources_escaped() -> None:
    """The corpus summary counts, and its table shows the top sources with names escaped."""
    sources = [
        Source(f"Name {i} {SCRIPT}", "person", (f"N{i}",), ("mayor",), 10 - i, ("a",)) for i in range(4)
    ]
    page = render_corpus(5, 12, sources, top=3)
    assert "5 articles, 12 quotes, 4 sources" in page
    assert page.count("<tr>") == 4  # header and three sources
    assert SCRIPT not in page and f"Name 2 {html.escape(SCRIPT)}" in page
    assert "Name 3" not in page


def test_corpus_and_article_render_in_notebooks() -> None:
    """Corpus._repr_html_ shows its sources; Article._repr_html_ is render_article."""
    corpus = Corpus()
    article = corpus.add(f"“Go {SCRIPT} now,” Jane Doe said.", id="a")
    page = corpus._repr_html_()
    assert "1 articles, 1 quotes, 1 sources" in page and "Jane Doe" in page
    assert article._repr_html_() == render_article(article)
