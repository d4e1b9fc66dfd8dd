"""The public entry point: :func:`extract`."""

from __future__ import annotations

from typing import Any

from .model import Article

__all__ = ["extract"]


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "extract() takes a str, not bytes: decode it first, "
            "e.g. extract(data.decode('utf-8')) or data.decode('latin-1') for legacy files"
        )
    raise TypeError(f"extract() takes the article text as a str, not {type(text).__name__}")


def extract(text: str, *, id: str | None = None, **metadata: Any) -> Article:
    """Find the quotations in one article and attribute them to their speakers.

    Args:
        text: The article text, unmodified. Offsets in the result index into it.
        id: An identifier kept on the article.
        **metadata: Anything to keep with the article (``title``, ``outlet``,
            ``url``, ``published``...).

    Returns:
        An :class:`~quotetrack.Article` with its quotes in text order and its
        speakers.

    Raises:
        TypeError: ``text`` is not a ``str`` (bytes must be decoded first), or
            ``id`` is neither ``None`` nor a ``str``.
    """
    text = _check_text(text)
    if id is not None and not isinstance(id, str):
        raise TypeError(f"id must be a str or None, not {type(id).__name__}")
    from .pipeline import run

    quotes, speakers = run(text)
    return Article(text=text, id=id, quotes=quotes, speakers=speakers, metadata=metadata)
