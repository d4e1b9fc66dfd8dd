"""Quotations in HTML: extract from the text a browser shows, with offsets back into the HTML.

:func:`html_text` turns a page into plain text: markup is dropped; the contents
of ``script``, ``style``, ``head``, ``template``, ``svg`` and the like are
skipped; block elements (``p``, ``div``, ``li``, ``h1``-``h6``, ``blockquote``,
``tr``...) become paragraph breaks and ``br`` a line break; entities are
unescaped and runs of white space collapse to one space, as a browser renders
them. It keeps a map from every character of that text to the characters of the
HTML it comes from, so any span of the text maps back: ``HtmlText.to_html``.

:func:`extract_html` runs :func:`quotetrack.extract` on that text, so the
article's offsets index ``article.text`` (the plain text) as usual, and stores
under ``article.metadata["html_spans"]`` the ``[start, end]`` of every quote in
the HTML, in the order of ``article.quotes``.

Markup is recognised by a small scanner that runs in linear time whatever the
input. The standard library's ``html.parser`` is not used: it reports where an
event starts but not where it ends, and on the Python versions this package
supports it is quadratic on some malformed input (CVE-2025-6069: 400 KB of
``<a<a<a...`` take over a minute in Python 3.11.7).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from html import unescape
from typing import Any

import attrs
import regex

from .api import extract
from .model import Article

__all__ = ["HtmlText", "extract_html", "html_text"]

#: The metadata key under which :func:`extract_html` stores the quotes' HTML spans.
HTML_SPANS = "html_spans"

# A comment, a declaration or processing instruction, a start or end tag (group 1
# is the name), or an end tag with no name ("</>", "</ x>"). A tag that fails to
# match never looks past the next "<", and a comment or a declaration always
# matches (up to "-->" or ">", or the end of the text), so the scan stays linear.
_MARKUP = regex.compile(
    r"<!--(?:-?>|.*?(?:--!?>|\Z))"
    r"|<[!?][^>]*+>?"
    r"|</?([A-Za-z][^\t\n\f\r />\"'<=]*+)(?:\"[^\"<]*+\"|'[^'<]*+'|[^<>])*+>"
    r"|</(?:[^A-Za-z<>][^<>]*+)?>",
    regex.DOTALL,
)
# Where markup may start: "<" before anything else is text.
_OPEN = regex.compile(r"<[A-Za-z!?/]")
# White space, an entity (the pattern html.unescape uses), or other text.
_PIECE = regex.compile(
    r"([ \t\n\r\f]+)|(&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?))|[^ \t\n\r\f&]+|&"
)
_WHITE = frozenset(" \t\n\r\f")

# Elements whose content is not markup; it is skipped (title is kept as the title).
_RAW = frozenset(
    {"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"}
)
_RAW_END = {name: regex.compile(rf"</{name}(?=[\t\n\f\r />])[^>]*+>?", regex.IGNORECASE) for name in _RAW}
# Elements whose content (markup and text) is skipped.
_SKIP = frozenset({"head", "template", "svg", "math", "noscript"})
# What may stand in <head>; anything else, or text, ends it as it does in a browser.
_IN_HEAD = frozenset({"title", "base", "link", "meta", "style", "script", "noscript", "template"})
# Elements that start and end a paragraph.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
        "thead", "tr", "ul",
    }
)  # fmt: skip
# Table cells are separated by a space.
_CELL = frozenset({"td", "th"})


@attrs.frozen
class HtmlText:
    """The text of an HTML page, and where each of its characters comes from.

    Attributes:
        text: The text a browser shows, with ``\\n\\n`` between blocks.
        title: The page's ``<title>``, if it has one.
    """

    text: str
    title: str | None
    # Segments of the text: where each starts in the text, and the HTML range it
    # comes from. A segment as long as its HTML maps character by character
    # (plain text); any other (an entity, collapsed white space, a paragraph
    # break standing for a tag) maps as a whole.
    _starts: array[int] = attrs.field(repr=False, hash=False)
    _html_starts: array[int] = attrs.field(repr=False, hash=False)
    _html_ends: array[int] = attrs.field(repr=False, hash=False)
    _html_length: int = attrs.field(repr=False)

    def to_html(self, start: int, end: int) -> tuple[int, int]:
        """The range of the HTML that the text's ``[start, end)`` comes from.

        Entities and tags inside the range are included; a range that starts or
        ends inside an entity or a collapsed run of white space takes all of it.

        Raises:
            ValueError: ``[start, end)`` is not a range of :attr:`text`.
        """
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(self.text)):
            raise ValueError(f"{start}:{end} is not a range of the text (0:{len(self.text)})")
        if start == len(self.text):
            at = self._html_ends[-1] if self._starts else self._html_length
            return at, at
        first = self._point(start, True)
        if end == start:
            return first, first
        return first, max(first, self._point(end - 1, False))

    def _point(self, i: int, start: bool) -> int:
        """Where the character ``i`` of the text starts (or ends) in the HTML."""
        k = bisect_right(self._starts, i) - 1
        t0, h0, h1 = self._starts[k], self._html_starts[k], self._html_ends[k]
        t1 = self._starts[k + 1] if k + 1 < len(self._starts) else len(self.text)
        if t1 - t0 == h1 - h0:
            return h0 + (i - t0) + (0 if start else 1)
        return h0 if start else h1


class _Builder:
    """Collects the text and its map, collapsing white space the way a browser does."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.starts: array[int] = array("q")
        self.html_starts: array[int] = array("q")
        self.html_ends: array[int] = array("q")
        self.space: tuple[int, int] | None = None  # white space waiting for more text
        self.breaks = 0  # line breaks waiting for more text (at most 2)
        self.break_at = 0

    def _put(self, s: str, hs: int, he: int) -> None:
        starts = self.starts
        if (
            starts
            and hs == self.html_ends[-1]
            and len(s) == he - hs
            and self.length - starts[-1] == self.html_ends[-1] - self.html_starts[-1]
        ):
            self.html_ends[-1] = he  # plain text right after plain text: one segment
        else:
            starts.append(self.length)
            self.html_starts.append(hs)
            self.html_ends.append(he)
        self.parts.append(s)
        self.length += len(s)

    def text(self, s: str, hs: int, he: int) -> None:
        """Text that is not white space, from ``html[hs:he]``."""
        if self.length:
            if self.breaks:
                self._put("\n" * self.breaks, self.break_at, self.break_at)
            elif self.space is not None:
                a, b = self.space
                self._put(" ", a, b)
        self.space = None
        self.breaks = 0
        self._put(s, hs, he)

    def white(self, hs: int, he: int) -> None:
        """White space at ``html[hs:he]``: one space if more text follows on the line."""
        self.space = (hs, he) if self.space is None else (self.space[0], he)

    def line_break(self, at: int, count: int) -> None:
        """A paragraph break (``count`` 2) or a line break (1) for the tag at ``at``."""
        if not self.breaks:
            self.break_at = at
        self.breaks = min(2, self.breaks + count)
        self.space = None

    def cell(self, at: int) -> None:
        """A table cell boundary: a space unless a break is waiting."""
        if self.space is None:
            self.space = (at, at)

    def build(self, html: str, title: str | None) -> HtmlText:
        return HtmlText("".join(self.parts), title, self.starts, self.html_starts, self.html_ends, len(html))


def _pieces(html: str, start: int, end: int, out: _Builder, pre: bool) -> None:
    """Unescape ``html[start:end]`` (text with no markup) into ``out``."""
    for m in _PIECE.finditer(html, start, end):
        s, e = m.span()
        if m.start(1) >= 0:
            if pre:
                out.text(m.group(), s, e)
            else:
                out.white(s, e)
        elif m.start(2) >= 0:
            value = unescape(m.group())
            if not pre and all(c in _WHITE for c in value):
                out.white(s, e)
            else:
                out.text(value, s, e)
        else:
            out.text(m.group(), s, e)


def _title(raw: str) -> str | None:
    title = " ".join(unescape(raw).split())
    return title or None


def html_text(html: str) -> HtmlText:
    """The text of an HTML page as a browser shows it, with a map back into the HTML.

    Args:
        html: The page (or a fragment of one), as a ``str``.

    Returns:
        An :class:`HtmlText`; ``to_html(start, end)`` maps a range of its text
        back to the HTML.

    Raises:
        TypeError: ``html`` is not a ``str``.
    """
    html = _check(html, "html_text")
    out = _Builder()
    title: str | None = None
    skipping: list[str] = []  # open elements whose content is skipped
    in_head = False
    pre = 0  # depth of <pre>
    text_from = 0  # where the text not yet written starts
    scan = 0
    n = len(html)
    while True:
        found = _OPEN.search(html, scan)
        if found is None:
            break
        lt = found.start()
        m = _MARKUP.match(html, lt)
        if m is None:
            scan = lt + 1  # a "<" that starts no markup is text
            continue
        if not skipping and in_head and html[text_from:lt].strip(" \t\n\r\f"):
            in_head = False  # text ends the head
        if not skipping and not in_head:
            _pieces(html, text_from, lt, out, pre > 0)
        text_from = scan = m.end()
        name = m.group(1)
        if name is None:
            continue  # a comment or a declaration
        name = name.lower()
        tag = m.group()
        closing = tag.startswith("</")
        if not closing and name in _RAW and not tag.endswith("/>"):
            end = _RAW_END[name].search(html, scan)
            content_end = end.start() if end else n
            if name == "title" and title is None and not skipping:
                title = _title(html[scan:content_end])
            text_from = scan = end.end() if end else n
            if name not in _IN_HEAD:
                in_head = False
            continue
        if in_head and (name == "head" if closing else name not in _IN_HEAD):
            in_head = False
            if closing:
                continue
        if name == "head" and not closing:
            in_head = True
            continue
        if name in _SKIP:
            if closing:
                if name in skipping:
                    del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
            elif not tag.endswith("/>"):
                skipping.append(name)
            continue
        if skipping:
            continue
        if name == "pre":
            pre = max(0, pre - 1) if closing else pre + 1
        if name in _BLOCK:
            out.line_break(lt, 2)
        elif name == "br":
            out.line_break(lt, 1)
        elif name in _CELL:
            out.cell(lt)
    if not skipping and (not in_head or html[text_from:n].strip(" \t\n\r\f")):
        _pieces(html, text_from, n, out, pre > 0)
    return out.build(html, title)


def _check(html: object, caller: str) -> str:
    if isinstance(html, str):
        return html
    if isinstance(html, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"{caller}() takes a str, not bytes: decode the page first with the charset its "
            "Content-Type header or <meta charset> gives, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"{caller}() takes the page's HTML as a str, not {type(html).__name__}")


def extract_html(html: str, *, id: str | None = None, **metadata: Any) -> Article:
    """Find the quotations in an HTML page, with their offsets in the text and in the HTML.

    Args:
        html: The page (or a fragment of one), as a ``str``.
        id: An identifier kept on the article.
        **metadata: Anything to keep with the article. ``title`` defaults to
            the page's ``<title>``.

    Returns:
        An :class:`~quotetrack.Article` whose ``text`` is the page's text (see
        :func:`html_text`); every offset of it indexes that text. Its
        ``metadata["html_spans"]`` holds, for each quote in order, the
        ``[start, end]`` of the HTML it comes from. To map other spans
        (fragments, mentions, cues), use ``html_text(html).to_html(start, end)``.

    Raises:
        TypeError: ``html`` is not a ``str`` (bytes must be decoded first), or
            ``metadata`` has an ``html_spans`` key.
    """
    html = _check(html, "extract_html")
    if HTML_SPANS in metadata:
        raise TypeError(f"extract_html() fills in metadata[{HTML_SPANS!r}] itself; do not pass it")
    page = html_text(html)
    if page.title is not None:
        metadata.setdefault("title", page.title)
    article = extract(page.text, id=id, **metadata)
    spans = [list(page.to_html(q.start, q.end)) for q in article.quotes]
    return attrs.evolve(article, metadata={**article.metadata, HTML_SPANS: spans})
