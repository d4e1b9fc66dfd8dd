"""The quote finder: pair quote marks into quoted spans.

Marks are paired per paragraph with a stack; a single-family quote may nest in
a double-family one. A quotation that runs over several paragraphs reopens
each paragraph with a mark and closes only in the last. An unclosed mark never
swallows the rest of the article: its quotation ends with its paragraph.
A mark that opens a paragraph before a speaker label (``"SMITH: We will …``)
opens no quotation: the paragraph is a turn of a quoted transcript, and the
label names its speaker.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import regex

from .marks import CLOSERS, OPENER_CHARS, OPENERS
from .tokenize import Mark, Paragraph, classify_marks

__all__ = ["Quoted", "find_quoted", "opens_with_label"]


class Quoted(NamedTuple):
    """A span between quote marks (marks and surrounding white space excluded).

    Attributes:
        start: First character inside the marks.
        end: Last character inside the marks, plus one.
        fragments: One ``(start, end)`` per paragraph the quotation spans.
        open_at: Offset of the opening mark.
        close_at: Offset just after the closing mark (``end`` of the text
            inside when the quotation is unclosed).
        closed: Whether a closing mark was found.
        depth: 0 for a top-level quotation, 1 for one nested inside another.
        paragraph: Index of the paragraph where it opens.
    """

    start: int
    end: int
    fragments: tuple[tuple[int, int], ...]
    open_at: int
    close_at: int
    closed: bool
    depth: int
    paragraph: int


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class _Open(NamedTuple):
    mark: Mark
    paragraph: int
    # Fragments completed in earlier paragraphs of a multi-paragraph quotation.
    carried: tuple[tuple[int, int], ...]
    first_open: int


# A transcript's speaker label: one to four words in capitals, then a colon ("JAKE TAPPER:", "Q:",
# "THE COURT:"); the matcher's lexicon tells heads ("THE FACTS:") from speakers.
_LABEL = regex.compile(r"[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}:\s")


def opens_with_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens with a transcript's speaker label, after at most one quote mark."""
    if start < end and text[start] in OPENER_CHARS:
        start += 1
    return _LABEL.match(text, start, min(end, start + 40)) is not None


def _opens_turn(text: str, marks: list[Mark], p: Paragraph) -> bool:
    """Whether the first of ``marks`` opens paragraph ``p`` before a speaker label, closing nowhere in it.

    ``"SMITH: We will …`` reopens each turn of a quoted transcript; ``"WARNING: Keep out," the
    sign reads`` is a quotation.
    """
    mk = marks[0]
    if mk.start != p.start or mk.role == "close" or not opens_with_label(text, mk.start, p.end):
        return False
    inner = 0  # quotations opened inside it, whose closers are theirs: '"HOST: It was “a shock.”'
    last = text[p.start : p.end].rstrip()
    for m in marks[1:]:
        if m.end == p.start + len(last):
            break  # the mark that closes the last turn of a quoted transcript
        if m.role != "open" and mk.mark in _CLOSES.get(m.mark, ()):
            if inner == 0:
                return False
            inner -= 1
        elif m.role != "close" and m.mark != mk.mark:
            inner += 1
    return True


# closer -> the openers it may close.
_CLOSES = {c: tuple(o for o, cs in OPENERS.items() if c in cs) for c in CLOSERS}


def _innermost(where: dict[str, list[int]], closer: str) -> int | None:
    """Stack index of the innermost open quotation that ``closer`` may close."""
    best = -1
    for opener in _CLOSES.get(closer, ()):
        at = where.get(opener)
        if at and at[-1] > best:
            best = at[-1]
    return best if best >= 0 else None


def _by_paragraph(marks: list[Mark], paras: list[Paragraph]) -> list[list[Mark]]:
    """The marks that lie in each paragraph (both lists in text order)."""
    out = []
    i = j = 0
    for p in paras:
        while i < len(marks) and marks[i].start < p.start:
            i += 1
        j = i
        while j < len(marks) and marks[j].start < p.end:
            j += 1
        out.append(marks[i:j])
        i = j
    return out


def find_quoted(text: str, paras: list[Paragraph]) -> list[Quoted]:
    """All quoted spans of ``text``, in order of their opening marks."""
    found: list[Quoted] = []
    marks_by_para = _by_paragraph(classify_marks(text), paras)
    carry: _Open | None = None  # a quotation continuing into the next paragraph
    for pi, p in enumerate(paras):
        marks = marks_by_para[pi]
        if not marks and carry is None:
            continue
        stack: list[_Open] = []
        # Where each kind of opener stands in the stack: finding what a closer
        # closes must not scan the whole stack (hostile text opens thousands).
        where: dict[str, list[int]] = {}
        if marks and _opens_turn(text, marks, p):
            marks = marks[1:]
        if carry is not None:
            first = marks[0] if marks else None
            if (
                first is not None
                and first.start == p.start
                and first.role != "close"
                and first.family == carry.mark.family
            ):
                where[first.mark] = [0]
                stack.append(_Open(first, pi, carry.carried, carry.first_open))
                marks = marks[1:]
            else:
                # The next paragraph does not reopen: the quotation ended unclosed.
                _emit_unclosed(text, carry, found)
            carry = None
        for mk in marks:
            closer_at = _innermost(where, mk.mark) if mk.role != "open" else None
            if closer_at is not None and not (mk.role == "either" and stack[closer_at].mark.end == mk.start):
                top = stack[closer_at]
                del stack[closer_at:]
                for at in where.values():
                    while at and at[-1] >= closer_at:
                        at.pop()
                s, e = _trim(text, top.mark.end, mk.start)
                frags = (*top.carried, (s, e)) if s < e else top.carried
                if frags:
                    found.append(
                        Quoted(
                            frags[0][0],
                            frags[-1][1],
                            tuple(frags),
                            top.first_open,
                            mk.end,
                            True,
                            len(stack),
                            top.paragraph if not top.carried else _para_of(paras, top.first_open),
                        )
                    )
                continue
            if mk.role in ("open", "either") and mk.mark in OPENERS:
                where.setdefault(mk.mark, []).append(len(stack))
                stack.append(_Open(mk, pi, (), mk.start))
        if stack:
            bottom = stack[0]
            s, e = _trim(text, bottom.mark.end, p.end)
            frags = (*bottom.carried, (s, e)) if s < e else bottom.carried
            # Only a quotation opened at the head of its paragraph may continue.
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if frags and nxt is not None and bottom.mark.start == p.start and bottom.mark.family == "double":
                carry = _Open(bottom.mark, bottom.paragraph, frags, bottom.first_open)
            else:
                _emit_unclosed(text, _Open(bottom.mark, bottom.paragraph, frags, bottom.first_open), found)
    if carry is not None:
        _emit_unclosed(text, carry, found)
    found.sort(key=lambda q: q.open_at)
    return found


def _para_of(paras: list[Paragraph], offset: int) -> int:
    return max(0, bisect_right(paras, offset, key=lambda p: p.start) - 1)


def _emit_unclosed(text: str, op: _Open, found: list[Quoted]) -> None:
    frags = op.carried
    if not frags:
        return
    found.append(
        Quoted(frags[0][0], frags[-1][1], frags, op.first_open, frags[-1][1], False, 0, op.paragraph)
    )
