"""HTML for notebooks: an article with each quote in its speaker's colour, a corpus's top sources.

Every piece of text, name and metadata is escaped with :func:`html.escape`, so
a quote holding markup shows as text. A URL becomes a link only when it is
``http`` or ``https``.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .model import Article, Quote
from .sources import Source

__all__ = ["render_article", "render_corpus"]

#: Light background colours, one a speaker, in order of first quote.
PALETTE = (
    "#ffe08a",
    "#a8e6cf",
    "#ffb7b2",
    "#b5d8ff",
    "#e2c6ff",
    "#ffd3a5",
    "#c7f0a0",
    "#f7c6e0",
    "#b8f2f0",
    "#e6e0b0",
)
#: The colour of quotes nobody is named for.
UNATTRIBUTED = "#e0e0e0"

_BOX = "font-family: sans-serif; line-height: 1.5; max-width: 60em"


def _speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def _meta_line(article: Article) -> str:
    parts = [escape(str(v)) for v in (article.outlet, article.published) if v]
    url = article.url
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        parts.append(f'<a href="{escape(url)}" target="_blank" rel="noopener">{escape(url)}</a>')
    elif url:
        parts.append(escape(str(url)))
    if article.id is not None:
        parts.append(f"id {escape(article.id)}")
    return " · ".join(parts)


def render_article(article: Article) -> str:
    """The article as HTML: metadata, the text with its quotes highlighted, and a legend of speakers."""
    colours: dict[str | None, str] = {None: UNATTRIBUTED}
    counts: dict[str | None, int] = {}
    for q in article.quotes:
        name = _speaker(q)
        if name not in colours:
            colours[name] = PALETTE[(len(colours) - 1) % len(PALETTE)]
        counts[name] = counts.get(name, 0) + 1

    pieces = sorted((f.start, f.end, q) for q in article.quotes for f in q.fragments)
    text, out, pos = article.text, [], 0
    for start, end, q in pieces:
        start = max(start, pos)  # a quote nested in one already shown stays inside it
        if start >= end:
            continue
        name = _speaker(q)
        tip = f"{name or 'unattributed'} ({q.kind})" + (
            f", {q.speaker.role}" if q.speaker and q.speaker.role else ""
        )
        out.append(escape(text[pos:start]))
        out.append(f'<mark style="background: {colours[name]}" title="{escape(tip)}">')
        out.append(f"{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))

    legend = " ".join(
        f'<span style="background: {colours[name]}; padding: 0 0.3em">{escape(name or "unattributed")}'
        f" ({n})</span>"
        for name, n in counts.items()
    )
    title = f"<div style='font-weight: bold'>{escape(str(article.title))}</div>" if article.title else ""
    return (
        f'<div class="quotetrack-article" style="{_BOX}">{title}'
        f"<div style='color: #555; font-size: 90%'>{_meta_line(article)}</div>"
        f"<div style='white-space: pre-wrap'>{''.join(out)}</div>"
        f"<div style='margin-top: 0.5em; font-size: 90%'>{len(article.quotes)} quotes · {legend}</div></div>"
    )


def render_corpus(articles: int, quotes: int, sources: Sequence[Source], top: int = 10) -> str:
    """A summary of a corpus and a table of its ``top`` most quoted sources."""
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td style='text-align: left'>{escape(str(cell))}</td>"
            for cell in (
                s.name,
                s.kind,
                s.quote_count,
                len(s.articles),
                "; ".join(s.roles[:3]),
                "; ".join(s.aliases[:5]) + (" …" if len(s.aliases) > 5 else ""),
            )
        )
        + "</tr>"
        for s in sources[:top]
    )
    head = "".join(
        f"<th style='text-align: left'>{h}</th>"
        for h in ("source", "kind", "quotes", "articles", "roles", "aliases")
    )
    return (
        f'<div class="quotetrack-corpus" style="{_BOX}">'
        f"<div><b>Corpus</b>: {articles} articles, {quotes} quotes, {len(sources)} sources</div>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )
