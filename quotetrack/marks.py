"""The quote-mark table: which characters open and close a quotation.

One row per opening mark, with the closing marks that may end it. Marks are
written as named escapes so that look-alike characters cannot be confused.
Adding a language's quote marks means adding rows here (and a golden case).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "AMBIGUOUS",
    "CLOSERS",
    "CLOSER_CHARS",
    "MARKS",
    "OPENERS",
    "OPENER_CHARS",
    "PAIRS",
    "QuotePair",
    "family",
]


class QuotePair(NamedTuple):
    """An opening mark, the marks that may close it, and its family."""

    opener: str
    closers: str
    #: ``double`` or ``single``: a single-family quote may nest inside a double one.
    family: str
    #: Where the pair is used, for the docs.
    usage: str


PAIRS: tuple[QuotePair, ...] = (
    QuotePair(
        "\N{QUOTATION MARK}",
        "\N{QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}",
        "double",
        "straight ASCII; sloppy feeds close with a curly mark",
    ),
    QuotePair("\N{APOSTROPHE}", "\N{APOSTROPHE}", "single", "straight ASCII"),
    QuotePair("``", "''", "double", "doubled ASCII (LaTeX, Penn Treebank feeds)"),
    QuotePair("''", "''", "double", "doubled ASCII used for both ends"),
    QuotePair(
        "\N{LEFT DOUBLE QUOTATION MARK}",
        "\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}\N{QUOTATION MARK}",
        "double",
        "English curly; some feeds close with a straight mark",
    ),
    QuotePair(
        "\N{RIGHT DOUBLE QUOTATION MARK}",
        "\N{RIGHT DOUBLE QUOTATION MARK}",
        "double",
        "Swedish and Finnish, or a mis-typed English opener",
    ),
    QuotePair(
        "\N{LEFT SINGLE QUOTATION MARK}",
        "\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}",
        "single",
        "English curly single",
    ),
    QuotePair(
        "\N{DOUBLE LOW-9 QUOTATION MARK}",
        "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}",
        "double",
        "German, Polish, Czech",
    ),
    QuotePair(
        "\N{SINGLE LOW-9 QUOTATION MARK}",
        "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}",
        "single",
        "German single",
    ),
    QuotePair(
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        "double",
        "French, Russian, Italian guillemets",
    ),
    QuotePair(
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
        "double",
        "German and Danish reversed guillemets",
    ),
    QuotePair(
        "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}",
        "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}",
        "single",
        "French single guillemets",
    ),
    QuotePair(
        "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}",
        "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}",
        "single",
        "German reversed single guillemets",
    ),
    QuotePair("\N{LEFT CORNER BRACKET}", "\N{RIGHT CORNER BRACKET}", "double", "Chinese, Japanese"),
    QuotePair("\N{LEFT WHITE CORNER BRACKET}", "\N{RIGHT WHITE CORNER BRACKET}", "single", "CJK nested"),
)


def _closers(pair: QuotePair) -> tuple[str, ...]:
    # The doubled-ASCII closer is two characters; every other closer is one.
    if pair.closers == "''":
        return ("''",)
    return tuple(pair.closers)


#: opener -> the closers that may end it.
OPENERS: dict[str, tuple[str, ...]] = {p.opener: _closers(p) for p in PAIRS}
#: Every closing mark.
CLOSERS: frozenset[str] = frozenset(c for p in PAIRS for c in _closers(p))
#: Every character of a closing mark, as one string (for ``str.rstrip``).
CLOSER_CHARS: str = "".join(sorted({c for m in CLOSERS for c in m}))
#: Every character of an opening mark, as one string.
OPENER_CHARS: str = "".join(sorted({c for m in OPENERS for c in m}))
#: Marks whose direction only context tells (straight marks used at both ends).
AMBIGUOUS: frozenset[str] = frozenset(p.opener for p in PAIRS if p.opener in _closers(p))
#: Every character sequence that may be a quote mark, longest first.
MARKS: tuple[str, ...] = tuple(sorted(set(OPENERS) | CLOSERS, key=len, reverse=True))

_FAMILY = {p.opener: p.family for p in PAIRS}
_FAMILY.update({c: p.family for p in PAIRS for c in _closers(p) if c not in _FAMILY})


def family(mark: str) -> str:
    """``double`` or ``single``: the family a mark belongs to."""
    return _FAMILY[mark]
