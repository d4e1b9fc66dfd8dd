"""Quote occurrences across a corpus, and clusters of the same quotation reported by several articles.

Outlets rewrite what they quote: straight or curly marks, case, a trailing comma
or period, ``...`` where they cut, ``[bracketed]`` words they insert, or only a
part of a longer quotation. So a quotation is compared as word tokens (``\\w+``,
case-folded, bracketed insertions dropped), cut at ellipses and brackets into
segments. Two quotations are the same when their token sequences are equal, or
when the shingles (runs of :data:`SHINGLE` tokens) of one are nearly all in the
other (see :func:`group_texts`). Candidates come from an inverted index of
shingles, so the work grows with the corpus rather than with its square.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import regex
from attrs import field, frozen
from attrs.validators import deep_iterable, instance_of, optional

from .model import Quote

__all__ = ["RECORD_KEYS", "QuoteCluster", "QuoteRecord", "cluster_records", "group_texts", "segments"]

#: The keys of :meth:`QuoteRecord.to_row`, in order (the columns of a corpus export).
RECORD_KEYS = (
    "article_id",
    "outlet",
    "published",
    "title",
    "speaker",
    "speaker_kind",
    "role",
    "kind",
    "text",
    "cue",
    "audience",
    "medium",
    "start",
    "end",
)

#: Tokens in a shingle; a partial quotation must have a segment this long to be matched.
SHINGLE = 5
#: The share of the shorter quotation's shingles that must be in the longer one.
CONTAINMENT = 0.8
#: Quotations with fewer word tokens are not clustered ("yes", scare quotes).
MIN_TOKENS = 3
#: Shingles found in more groups than this are too common to link a quotation to one.
MAX_POSTINGS = 200
#: The kinds of quotation clustered: an indirect quote is the outlet's own wording.
CLUSTER_KINDS = ("direct", "mixed")

_optional_str = optional(instance_of(str))


@frozen
class QuoteRecord:
    """One quotation in one article of a corpus.

    Attributes:
        article_id: The article's id.
        quote: The quotation, with offsets into the article text.
        speaker: The canonical name of its source (``None`` when nobody is named).
        outlet: The article's outlet, if known.
        published: The article's publication date (ISO string), if known.
        title: The article's title, if known.
    """

    article_id: str = field(validator=instance_of(str))
    quote: Quote = field(validator=instance_of(Quote))
    speaker: str | None = field(default=None, validator=_optional_str)
    outlet: str | None = field(default=None, validator=_optional_str)
    published: str | None = field(default=None, validator=_optional_str)
    title: str | None = field(default=None, validator=_optional_str)

    @property
    def text(self) -> str:
        """The quotation's text."""
        return self.quote.text

    def to_row(self) -> dict[str, Any]:
        """A flat dict with the keys :data:`RECORD_KEYS` (a row of a table)."""
        q = self.quote
        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "speaker": self.speaker,
            "speaker_kind": q.speaker.kind if q.speaker else None,
            "role": q.speaker.role if q.speaker else None,
            "kind": q.kind,
            "text": q.text,
            "cue": q.cue.text if q.cue else None,
            "audience": q.audience,
            "medium": q.medium,
            "start": q.start,
            "end": q.end,
        }

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, with the quote as :meth:`Quote.to_dict` gives it."""
        return {
            "article_id": self.article_id,
            "speaker": self.speaker,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "quote": self.quote.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> QuoteRecord:
        """Inverse of :meth:`to_dict`."""
        fields = {k: d.get(k) for k in ("speaker", "outlet", "published", "title")}
        return cls(article_id=d["article_id"], quote=Quote.from_dict(d["quote"]), **fields)


def _records(value: Iterable[QuoteRecord]) -> tuple[QuoteRecord, ...]:
    return tuple(value)


def _not_empty(inst: Any, attribute: Any, value: tuple[QuoteRecord, ...]) -> None:
    if not value:
        raise ValueError("a QuoteCluster needs at least one occurrence")


@frozen
class QuoteCluster:
    """The same quotation as several articles reported it.

    Attributes:
        text: The longest reported version of the quotation.
        occurrences: Every occurrence, in corpus insertion order.
    """

    text: str = field(validator=instance_of(str))
    occurrences: tuple[QuoteRecord, ...] = field(
        converter=_records, validator=[deep_iterable(instance_of(QuoteRecord)), _not_empty]
    )

    @property
    def first(self) -> QuoteRecord:
        """The earliest occurrence by publication date (undated last; ties by insertion order)."""
        return min(self.occurrences, key=lambda r: (r.published is None, r.published or ""))

    @property
    def articles(self) -> tuple[str, ...]:
        """The distinct article ids, in insertion order."""
        return tuple(dict.fromkeys(r.article_id for r in self.occurrences))

    @property
    def outlets(self) -> tuple[str, ...]:
        """The distinct outlets, in insertion order."""
        return tuple(dict.fromkeys(r.outlet for r in self.occurrences if r.outlet))

    def __len__(self) -> int:
        return len(self.occurrences)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict ``{"text", "occurrences"}``."""
        return {"text": self.text, "occurrences": [r.to_dict() for r in self.occurrences]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> QuoteCluster:
        """Inverse of :meth:`to_dict`."""
        return cls(text=d["text"], occurrences=[QuoteRecord.from_dict(r) for r in d["occurrences"]])


# --- matching -----------------------------------------------------------------------------------

_BRACKETED = regex.compile(r"\[[^\]]*\]")
_CUT = regex.compile(r"\.\.\.|…|\[[^\]]*\]")
_WORD = regex.compile(r"\w+")


def segments(text: str) -> list[list[str]]:
    """The case-folded word tokens of ``text``, cut at ellipses and bracketed insertions.

    >>> segments("We [will] build it... and soon.")
    [['we'], ['build', 'it'], ['and', 'soon']]
    """
    out = [[w.casefold() for w in _WORD.findall(part)] for part in _CUT.split(text)]
    return [s for s in out if s]


def group_texts(texts: Sequence[str]) -> list[list[int]]:
    """Group the indices of ``texts`` that hold the same quotation (groups of two or more).

    Equal token sequences are one quotation. Beyond that, taking the quotations
    from the longest down, each joins the longer one (a group's leader) that
    holds the most of its shingles, when that is at least :data:`CONTAINMENT`
    of them, or leads a group of its own. So a partial quote joins one group and
    never links two different longer quotations that happen to contain it.
    Groups are listed by their smallest index.
    """
    first_of: dict[tuple[str, ...], int] = {}
    members: dict[int, list[int]] = defaultdict(list)  # first index of a token sequence -> all
    shingled: list[tuple[int, frozenset[tuple[str, ...]]]] = []
    for i, text in enumerate(texts):
        segs = segments(text)
        tokens = tuple(t for s in segs for t in s)
        if len(tokens) < MIN_TOKENS:
            continue
        first = first_of.setdefault(tokens, i)
        members[first].append(i)
        if first == i:
            shingles = frozenset(tuple(s[k : k + SHINGLE]) for s in segs for k in range(len(s) - SHINGLE + 1))
            if shingles:
                shingled.append((i, shingles))

    leader = {first: first for first in members}
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)  # shingle -> leaders holding it
    for i, shingles in sorted(shingled, key=lambda p: (-len(p[1]), p[0])):
        shared: Counter[int] = Counter()
        for shingle in shingles:
            posting = postings.get(shingle, ())
            if 0 < len(posting) <= MAX_POSTINGS:
                shared.update(posting)
        best = max(shared.items(), key=lambda kv: (kv[1], -kv[0]), default=None)
        if best is not None and best[1] >= CONTAINMENT * len(shingles):
            leader[i] = best[0]
        else:
            for shingle in shingles:
                postings[shingle].append(i)

    groups: dict[int, list[int]] = defaultdict(list)
    for first, indices in members.items():
        groups[leader[first]] += indices
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def cluster_records(records: Sequence[QuoteRecord], min_size: int = 2) -> list[QuoteCluster]:
    """The clusters of ``records`` reported by at least ``min_size`` distinct articles.

    Only quotations of the kinds :data:`CLUSTER_KINDS` are clustered. Largest
    first (by articles), then by the position of their first occurrence.
    """
    records = [r for r in records if r.quote.kind in CLUSTER_KINDS]
    out = []
    for group in group_texts([r.text for r in records]):
        members = [records[i] for i in group]
        if len({r.article_id for r in members}) >= min_size:
            text = max(members, key=lambda r: len(r.text)).text
            out.append((group[0], QuoteCluster(text, members)))
    out.sort(key=lambda p: (-len(p[1].articles), p[0]))
    return [c for _, c in out]
