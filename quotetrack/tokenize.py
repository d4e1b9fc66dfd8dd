"""The tokenizer layer: paragraphs, sentences, words and quote marks, as spans.

Every unit is a span of offsets into the unmodified text; nothing here copies
or rewrites the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

import regex

from .lexicon import load
from .marks import CLOSERS, MARKS, OPENERS, family

__all__ = [
    "Mark",
    "Paragraph",
    "Sentence",
    "before_number",
    "classify_marks",
    "paragraphs",
    "sentences",
    "split",
    "words",
]


class Paragraph(NamedTuple):
    """A paragraph: its span and its number (from 0) in the article."""

    start: int
    end: int
    number: int


class Sentence(NamedTuple):
    """A sentence: its span, its number (from 0) in the article and its paragraph's number."""

    start: int
    end: int
    number: int
    paragraph: int


class Mark(NamedTuple):
    """A quote mark in the text.

    ``role`` is ``open``, ``close`` or ``either`` (a straight mark whose
    direction the pairing decides); apostrophes and primes are never marks.
    """

    start: int
    end: int
    mark: str
    role: str
    family: str


# Any line break ends a paragraph: real feeds use single newlines as often as
# blank lines. The text between two breaks, trimmed, is a paragraph.
# A paragraph starts and ends with a character that is not white space (str.isspace
# is regex's \s plus \x1c-\x1f) and holds no line break.
_PARAGRAPH = regex.compile(r"[^\s\x1c-\x1f](?:[^\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]*[^\s\x1c-\x1f])?")
_WORD = regex.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]", regex.V1)


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of ``text``: non-blank lines, trimmed of surrounding white space."""
    return [Paragraph(*m.span(), i) for i, m in enumerate(_PARAGRAPH.finditer(text))]


@cache
def _punkt() -> Any:
    # nltk is imported here, not at module import, to keep `import quotetrack` fast.
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(load("abbreviations"))
    return PunktSentenceTokenizer(params)


# Punkt leaves a sentence-final closing quote mark on the next sentence when a
# space separates it from the period ("... end. ” Next"); it also never splits
# "end.Next". Both are fixed by adjusting its spans, never by editing the text.
def sentences(text: str, paras: list[Paragraph] | None = None) -> list[Sentence]:
    """The sentences of ``text``; a sentence never crosses a paragraph boundary."""
    tok = _punkt()
    out: list[Sentence] = []
    budget = _PUNKT_BUDGET + len(text) // _PUNKT_EVERY
    for p in paras if paras is not None else paragraphs(text):
        candidates = len(_CANDIDATE.findall(text, p.start, p.end))
        if not candidates:
            out.append(Sentence(p.start, p.end, len(out), p.number))
            continue
        chunk = text[p.start : p.end]
        if candidates > budget:
            spans = _plain_spans(chunk)
        else:
            budget -= candidates
            try:
                spans = list(tok.span_tokenize(chunk))
            except (ValueError, IndexError, RecursionError):  # pragma: no cover - defensive
                spans = [(0, len(chunk))]
        first = len(out)
        for s, e in spans:
            if s >= e:
                continue
            head = chunk[s]
            if len(out) > first and (
                head.islower()
                or (head.isdigit() and before_number(text, p.start + s))
                or (head in _CONTINUES and not (head == "(" and chunk[s + 1 : s + 2].isupper()))
            ):
                # Punkt split before "said." after "(R-Fla.)", or before "— Jane Doe":
                # a sentence does not start with a lower-case word or a dash.
                prev = out.pop()
                out.append(Sentence(prev.start, p.start + e, prev.number, p.number))
            else:
                out.append(Sentence(p.start + s, p.start + e, len(out), p.number))
    return out


@cache
def _number_abbreviation() -> regex.Pattern[str]:
    words = "|".join(sorted(load("number_abbreviations"), key=len, reverse=True))
    return regex.compile(rf"(?i)(?<!\w)(?:{words})\.\s*+$")


def before_number(text: str, at: int) -> bool:
    """Whether a number at ``at`` follows an abbreviation that takes one ("No. 2", "Vol. 3")."""
    return _number_abbreviation().search(text, max(0, at - 8), at) is not None


_CONTINUES = frozenset("\N{EM DASH}\N{EN DASH}\N{HORIZONTAL BAR}(),;]")

# Punkt spends tens of microseconds on each place where a sentence may end (a
# period, ? or ! before a space or a mark), so text far denser in them than prose
# (". . .", "a. a. a.", "!!! ") would take minutes per megabyte. Punkt gets one
# such place per _PUNKT_EVERY characters of the text; paragraphs beyond that
# budget are cut by the plain rule of _plain_spans.
_CANDIDATE = regex.compile(r"[.!?](?=[\s)\";}\]*:@'({\[!?”’»]|$)")
_PUNKT_BUDGET = 64
_PUNKT_EVERY = 20
# A sentence end: . ! ? or … (a run of them), closing marks, white space, then
# something that starts a sentence. The look-behind keeps each run to one try.
_PLAIN_END = regex.compile(
    r"(?<![.!?…])[.!?…]++"  # a run of sentence-final marks
    r"[\"')\]”’»]*+"  # closing marks
    r"(?=\s++[\"'(\[“‘«]*+[\p{Lu}\p{N}])",  # white space, then what starts a sentence
    regex.V1,
)


def is_abbreviation(word: str) -> bool:
    """Whether a period after ``word`` ends no sentence: an initial (``J.``) or a known abbreviation (``Sen.``)."""
    return (len(word) == 1 and word.isupper()) or word.lower() in load("abbreviations")


def _plain_spans(chunk: str) -> list[tuple[int, int]]:
    """Sentence spans of a trimmed paragraph by a plain rule, in linear time.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing marks)
    before white space and an upper-case letter, a digit or an opening mark,
    unless the word before a period is an initial or a known abbreviation.
    """
    spans = []
    start = 0
    for m in _PLAIN_END.finditer(chunk):
        s, e = m.span()
        if chunk[s] == ".":
            w = s
            while w > max(start, s - 32) and chunk[w - 1].isalnum():
                w -= 1
            if is_abbreviation(chunk[w:s]):
                continue
        spans.append((start, e))
        start = e
        while chunk[start].isspace():
            start += 1
    spans.append((start, len(chunk)))
    return spans


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word and punctuation spans of ``text[start:end]``, as offsets into ``text``."""
    return [m.span() for m in _WORD.finditer(text, start, len(text) if end is None else end)]


def split(text: str) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs and sentences of ``text`` in one pass."""
    paras = paragraphs(text)
    return paras, sentences(text, paras)


_MARK = regex.compile("|".join(regex.escape(m) for m in MARKS))
# Marks that only ever open or only ever close in running text.
_OPENING = frozenset(
    "\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}"
    "\N{SINGLE LOW-9 QUOTATION MARK}\N{LEFT CORNER BRACKET}\N{LEFT WHITE CORNER BRACKET}"
) | {"``"}
_CLOSING = frozenset(
    "\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    "\N{RIGHT CORNER BRACKET}\N{RIGHT WHITE CORNER BRACKET}"
)
_APOSTROPHES = frozenset("'\N{RIGHT SINGLE QUOTATION MARK}")
# Marks that may stand for a left-out letter or digit; "smart quote" editors often turn the
# apostrophe of "'08" into a left mark, and some feeds type every apostrophe that way.
_ELIDERS = _APOSTROPHES | {"\N{LEFT SINGLE QUOTATION MARK}"}
# Characters after which a mark reads as opening ("(“", "—‘", " '").
_OPEN_BEFORE = frozenset("([{<\N{EM DASH}\N{EN DASH}-/:") | set(MARKS[0]) | set("".join(OPENERS))
# Characters no opening mark stands right before: "port »," closes a French quotation.
_CLOSE_AFTER = frozenset(",.;:!?)]}")


def _roles(mark: str) -> tuple[str, str, str, str]:
    """The role of ``mark`` for each (left-flanking, right-flanking) pair, indexed ``2 * left + right``."""
    out = []
    for left in (False, True):
        for right in (False, True):
            if mark in _OPENING:
                role = "open" if (left or not right) else "either"
            elif mark in _CLOSING:
                role = "close" if (right or not left) else "either"
            elif mark in OPENERS and mark in CLOSERS:
                role = "open" if left and not right else "close" if right and not left else "either"
            elif mark in OPENERS:
                role = "open"
            else:
                role = "close"
            out.append(role)
    return out[0], out[1], out[2], out[3]


# Looked up per mark: text made of nothing but quote marks must stay fast.
_ROLES = {m: _roles(m) for m in MARKS}
_FAMILIES = {m: family(m) for m in MARKS}
_ELISION = regex.compile(r"\d\ds\b|\d\d\b")
# Four or more mark characters in a row are decoration or noise (""""", «««), not quotations.
_RUN = regex.compile("[" + regex.escape("".join(sorted(set("".join(MARKS))))) + "]{4,}")


def _marks(text: str, start: int, stop: int) -> Iterator[regex.Match[str]]:
    """The matches of ``_MARK`` in ``text[start:stop]``, outside runs of four or more marks."""
    for run in _RUN.finditer(text, start, stop):
        yield from _MARK.finditer(text, start, run.start())
        start = run.end()
    yield from _MARK.finditer(text, start, stop)


# A right single mark that may close a quotation: after a non-space, before no letter or digit.
_SINGLE_CLOSE = regex.compile(r"\S\N{RIGHT SINGLE QUOTATION MARK}(?![\w])")


# Words after which two digits are a year, never a quotation's first word: "in ‘08", "the ‘08 race".
_YEAR_BEFORE = regex.compile(r"(?i)\b(?:in|since|of|by|until|before|after|from|through|the)\s+$")


def _closed_later(text: str, e: int, stop: int) -> bool:
    """Whether a right single mark closes a quotation opened at ``e`` before the line ends."""
    end = text.find("\n", e, stop)
    return _SINGLE_CLOSE.search(text, e, min(stop, e + 400) if end < 0 else end) is not None


def classify_marks(text: str, start: int = 0, end: int | None = None) -> list[Mark]:
    """The quote marks of ``text[start:end]``, with apostrophes and primes left out.

    Examples of what is not a mark: ``don't``, ``Clinton’s``, ``'90s``, ``rock 'n'
    roll``, ``6'2"``. A closing-looking apostrophe after a plural (``soldiers'``) is
    reported as ``close``; the pairing keeps it only when a single quote is open.
    """
    n = len(text)
    stop = n if end is None else end
    out: list[Mark] = []
    for m in _marks(text, start, stop):
        s, e = m.span()
        mark = m.group()
        before = text[s - 1] if s > 0 else " "
        after = text[e] if e < n else " "
        if mark in _ELIDERS:
            if before.isalnum() and after.isalnum():
                continue  # don't, Clinton’s, rock'n'roll; a mis-typed Clinton‘s too
            if (
                after.isdigit()
                and not before.isalnum()
                and _ELISION.match(text, e, e + 4)
                and (
                    mark in _APOSTROPHES
                    or text[e + 2 : e + 3] == "s"
                    or _YEAR_BEFORE.search(text, max(0, s - 8), s) is not None
                    or not _closed_later(text, e, stop)
                )
            ):
                continue  # '90s and ‘08 (and "in ‘08" always) are elisions; ‘20 years on,’ is a quotation
        if mark in _APOSTROPHES:
            if (
                after in "nN"
                and text[e + 1 : e + 2] in ("'", "\N{RIGHT SINGLE QUOTATION MARK}")
                and before.isspace()
            ):
                continue  # the first mark of 'n'
            if before in "nN" and text[s - 2 : s - 1] in ("'", "\N{RIGHT SINGLE QUOTATION MARK}"):
                continue  # the second mark of 'n'
        if mark in ("'", '"', "''") and before.isdigit():
            # a prime (6'2", 12") unless a quotation of the same family is open;
            # the pairing decides, so it is reported as a possible closer only.
            out.append(Mark(s, e, mark, "prime", _FAMILIES[mark]))
            continue
        # Left-flanking (may open) and right-flanking (may close).
        left = (
            not after.isspace() and after not in _CLOSE_AFTER and (before.isspace() or before in _OPEN_BEFORE)
        )
        right = not before.isspace() and (after.isspace() or not after.isalnum())
        role = _ROLES[mark][2 * left + right]
        if role == "either" and mark in _APOSTROPHES:
            continue
        out.append(Mark(s, e, mark, role, _FAMILIES[mark]))
    return out
