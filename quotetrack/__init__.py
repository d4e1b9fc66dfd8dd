"""quotetrack: who said what in news text.

>>> import quotetrack
>>> article = quotetrack.extract("“We will not give up,” Jane Doe said on Monday.")
>>> [(q.speaker.name, q.text) for q in article.quotes]
[('Jane Doe', 'We will not give up,')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .api import extract
from .model import Article, Cue, Mention, Quote, Span, Speaker

if TYPE_CHECKING:
    from .clusters import QuoteCluster
    from .corpus import Corpus
    from .html import extract_html
    from .parallel import extract_many
    from .sources import Source

__all__ = [
    "Article",
    "Corpus",
    "Cue",
    "Mention",
    "Quote",
    "QuoteCluster",
    "Source",
    "Span",
    "Speaker",
    "__version__",
    "extract",
    "extract_html",
    "extract_many",
]

# Heavier parts load on first use, so that `import quotetrack` stays fast.
_LAZY = {
    "Corpus": "corpus",
    "QuoteCluster": "clusters",
    "Source": "sources",
    "extract_html": "html",
    "extract_many": "parallel",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'quotetrack' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
