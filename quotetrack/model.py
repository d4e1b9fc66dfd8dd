"""The data model: frozen, slotted attrs classes that round-trip through plain dicts.

Every span is a pair of Python ``str`` offsets into the unmodified article text,
so ``article.text[q.start:q.end] == q.text`` holds for every object that has
a text and a span.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import attrs
from attrs import field, frozen
from attrs.validators import ge, in_, instance_of, optional

__all__ = [
    "KINDS",
    "SPEAKER_KINDS",
    "Article",
    "Cue",
    "Mention",
    "Quote",
    "Span",
    "Speaker",
]

#: The kinds of quotation.
KINDS = ("direct", "indirect", "mixed")
#: The kinds of speaker.
SPEAKER_KINDS = ("person", "organization", "group", "document", "unknown")

_nonneg = [instance_of(int), ge(0)]


def _end_after_start(inst: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < inst.start:
        raise ValueError(f"{type(inst).__name__}.end ({value}) is before start ({inst.start})")


def _text_fits_span(inst: Any, attribute: attrs.Attribute[str], value: str) -> None:
    # Runs last (text is declared after start/end in the classes that use it).
    if len(value) != inst.end - inst.start:
        raise ValueError(
            f"{type(inst).__name__}.text has {len(value)} characters "
            f"but its span {inst.start}:{inst.end} has {inst.end - inst.start}"
        )


@frozen
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int = field(validator=_nonneg)
    end: int = field(validator=[*_nonneg, _end_after_start])

    def to_list(self) -> list[int]:
        """The span as ``[start, end]`` (the JSON shape of a fragment)."""
        return [self.start, self.end]

    @classmethod
    def from_list(cls, pair: Any) -> Span:
        """Build a span from ``[start, end]``."""
        start, end = pair
        return cls(start, end)

    def slice(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]


@frozen
class _Located:
    """A piece of the article text: its characters and where they stand."""

    start: int = field(validator=_nonneg)
    end: int = field(validator=[*_nonneg, _end_after_start])
    text: str = field(validator=[instance_of(str), _text_fits_span])

    @property
    def span(self) -> Span:
        """The ``Span`` of this piece."""
        return Span(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict ``{"text", "start", "end"}``."""
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Any:
        """Inverse of :meth:`to_dict`."""
        return cls(start=d["start"], end=d["end"], text=d["text"])

    @classmethod
    def at(cls, text: str, start: int, end: int) -> Any:
        """The piece of ``text`` between ``start`` and ``end``."""
        return cls(start=start, end=end, text=text[start:end])


@frozen
class Mention(_Located):
    """Words of the text that name a speaker (``she``, ``Lindqvist``, ``a ministry spokesman``)."""


@frozen
class Cue(_Located):
    """Words of the text that mark an attribution (``said``, ``according to``, ``:``)."""


def _mentions(value: Any) -> tuple[Mention, ...]:
    return tuple(value)


@frozen
class Speaker:
    """Who a quotation is attributed to, as resolved inside one article.

    Attributes:
        name: The resolved name (``Ana Lindqvist``, ``Ministry of Transport``).
        kind: One of :data:`SPEAKER_KINDS`.
        role: The role the article gives the speaker, if any.
        mentions: The places in the text that name this speaker.
    """

    name: str = field(validator=instance_of(str))
    kind: str = field(default="unknown", validator=in_(SPEAKER_KINDS))
    role: str | None = field(default=None, validator=optional(instance_of(str)))
    mentions: tuple[Mention, ...] = field(
        default=(), converter=_mentions, validator=attrs.validators.deep_iterable(instance_of(Mention))
    )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict ``{"name", "kind", "role", "mentions"}``."""
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Speaker:
        """Inverse of :meth:`to_dict`."""
        return cls(
            name=d["name"],
            kind=d.get("kind", "unknown"),
            role=d.get("role"),
            mentions=[Mention.from_dict(m) for m in d.get("mentions", ())],
        )


def _spans(value: Any) -> tuple[Span, ...]:
    return tuple(v if isinstance(v, Span) else Span.from_list(v) for v in value)


def _fragments_inside(inst: Quote, attribute: attrs.Attribute[Any], value: tuple[Span, ...]) -> None:
    for f in value:
        if f.start < inst.start or f.end > inst.end:
            raise ValueError(f"fragment {f.start}:{f.end} lies outside the quote {inst.start}:{inst.end}")
    for a, b in itertools.pairwise(value):
        if b.start < a.end:
            raise ValueError("fragments must be in order and must not overlap")


@frozen
class Quote:
    """One attributed statement.

    ``start``/``end`` cover the whole quotation (``text`` is exactly those
    characters); ``fragments`` are the quoted pieces, several when narration
    interrupts the quotation (``“A,” he said, “B.”``). A direct quote's spans
    exclude its quote marks.

    Attributes:
        start: Offset of the first character.
        end: Offset after the last character.
        text: ``article_text[start:end]``.
        fragments: The quoted pieces, in order.
        kind: ``direct``, ``indirect`` or ``mixed``.
        speaker: The resolved speaker, or ``None`` when nobody is named.
        mention: The words that name the speaker where this quote is attributed.
        cue: The words that mark the attribution (``said``, ``according to``).
        audience: Whom the speaker addressed (``the BBC`` in *told the BBC*).
        medium: Where it was said (``Twitter``, ``a statement``).
        confidence: From 0 to 1, following from the rule and the evidence.
        rule: The name of the rule that decided the attribution.
        paragraph: Index of the paragraph the quote starts in.
        sentence: Index (in the article) of the sentence the quote starts in.
    """

    start: int = field(validator=_nonneg)
    end: int = field(validator=[*_nonneg, _end_after_start])
    text: str = field(validator=[instance_of(str), _text_fits_span])
    fragments: tuple[Span, ...] = field(converter=_spans, validator=_fragments_inside)
    kind: str = field(validator=in_(KINDS))
    speaker: Speaker | None = field(default=None, validator=optional(instance_of(Speaker)))
    mention: Mention | None = field(default=None, validator=optional(instance_of(Mention)))
    cue: Cue | None = field(default=None, validator=optional(instance_of(Cue)))
    audience: str | None = field(default=None, validator=optional(instance_of(str)))
    medium: str | None = field(default=None, validator=optional(instance_of(str)))
    confidence: float = field(default=0.0, converter=float)
    rule: str = field(default="", validator=instance_of(str))
    paragraph: int = field(default=0, validator=_nonneg)
    sentence: int = field(default=0, validator=_nonneg)

    @confidence.validator
    def _check_confidence(self, attribute: attrs.Attribute[float], value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"confidence must lie between 0 and 1, not {value}")

    @property
    def span(self) -> Span:
        """The covering span."""
        return Span(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape tools read (see the data-model docs)."""
        speaker: dict[str, Any] | None = None
        if self.speaker is not None:
            speaker = {
                "name": self.speaker.name,
                "kind": self.speaker.kind,
                "role": self.speaker.role,
                "mention": self.mention.to_dict() if self.mention else None,
                "mentions": [m.to_dict() for m in self.speaker.mentions],
            }
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "fragments": [f.to_list() for f in self.fragments],
            "kind": self.kind,
            "speaker": speaker,
            "cue": self.cue.to_dict() if self.cue else None,
            "audience": self.audience,
            "medium": self.medium,
            "confidence": self.confidence,
            "rule": self.rule,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Quote:
        """Inverse of :meth:`to_dict`."""
        sp = d.get("speaker")
        speaker = mention = None
        if sp is not None:
            speaker = Speaker.from_dict(sp)
            if sp.get("mention"):
                mention = Mention.from_dict(sp["mention"])
        cue = d.get("cue")
        return cls(
            start=d["start"],
            end=d["end"],
            text=d["text"],
            fragments=d.get("fragments") or [(d["start"], d["end"])],
            kind=d["kind"],
            speaker=speaker,
            mention=mention,
            cue=Cue.from_dict(cue) if cue else None,
            audience=d.get("audience"),
            medium=d.get("medium"),
            confidence=d.get("confidence", 0.0),
            rule=d.get("rule", ""),
            paragraph=d.get("paragraph", 0),
            sentence=d.get("sentence", 0),
        )


def _quotes(value: Any) -> tuple[Quote, ...]:
    return tuple(value)


def _speakers(value: Any) -> tuple[Speaker, ...]:
    return tuple(value)


def _metadata(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"metadata must be a mapping, not {type(value).__name__}")
    return dict(value)


@frozen
class Article:
    """One text with the quotations found in it and their speakers.

    Attributes:
        text: The unmodified input text.
        id: The caller's identifier, if any.
        quotes: The quotations, in text order.
        speakers: Each distinct speaker once, with all the mentions that name it.
        metadata: Anything the caller passed along (``title``, ``outlet``, ``url``,
            ``published``...).
    """

    text: str = field(validator=instance_of(str))
    id: str | None = field(default=None, validator=optional(instance_of(str)))
    quotes: tuple[Quote, ...] = field(
        default=(), converter=_quotes, validator=attrs.validators.deep_iterable(instance_of(Quote))
    )
    speakers: tuple[Speaker, ...] = field(
        default=(), converter=_speakers, validator=attrs.validators.deep_iterable(instance_of(Speaker))
    )
    metadata: dict[str, Any] = field(factory=dict, converter=_metadata, hash=False)

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        for q in self.quotes:
            if q.end > n:
                raise ValueError(f"quote {q.start}:{q.end} runs past the end of the text ({n})")

    @property
    def title(self) -> str | None:
        """``metadata["title"]``, if given."""
        return self.metadata.get("title")

    @property
    def outlet(self) -> str | None:
        """``metadata["outlet"]``, if given."""
        return self.metadata.get("outlet")

    @property
    def url(self) -> str | None:
        """``metadata["url"]``, if given."""
        return self.metadata.get("url")

    @property
    def published(self) -> str | None:
        """``metadata["published"]``, if given."""
        return self.metadata.get("published")

    def _repr_html_(self) -> str:
        from .display import render_article

        return render_article(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict ``{"id", "text", "metadata", "quotes", "speakers"}``."""
        return {
            "id": self.id,
            "text": self.text,
            "metadata": dict(self.metadata),
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [s.to_dict() for s in self.speakers],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Article:
        """Inverse of :meth:`to_dict`."""
        return cls(
            text=d["text"],
            id=d.get("id"),
            quotes=[Quote.from_dict(q) for q in d.get("quotes", ())],
            speakers=[Speaker.from_dict(s) for s in d.get("speakers", ())],
            metadata=d.get("metadata") or {},
        )
