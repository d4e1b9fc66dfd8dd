"""The extraction pipeline: tokenizer -> quote finder -> matcher -> resolution -> model."""

from __future__ import annotations

from typing import NamedTuple

from .matcher import Frame, Tok, Unit, content_end, find_cues, tokens
from .model import Cue, Mention, Quote, Span, Speaker
from .quotes import Quoted, find_quoted
from .resolve import Resolver
from .rules import RULES, Context, rule_named
from .tokenize import Paragraph, Sentence, split
from .wordclasses import words

__all__ = ["run"]


class Attribution(NamedTuple):
    """A frame placed in the article: offsets instead of token indices."""

    rule: str
    unit: int
    kind: str
    fragments: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    mention: tuple[int, int] | None
    role: tuple[int, int] | None
    audience: tuple[int, int] | None
    medium: str | None
    same_as: int  # index of the attribution whose speaker this one continues, or -1
    quotes: tuple[int, ...]  # the quotations it covers


def make_units(text: str, paras: list[Paragraph], sents: list[Sentence], quoted: list[Quoted]) -> list[Unit]:
    """Sentences merged so that no quotation crosses a unit boundary inside a paragraph."""
    spans = sorted((q.open_at, q.close_at, i) for i, q in enumerate(quoted))
    units: list[Unit] = []
    k = 0  # first quotation that may still touch the current unit
    i = 0
    while i < len(sents):
        s = sents[i]
        start, end, para = s.start, s.end, s.paragraph
        j = i
        while True:
            crossing = any(a < end < b for a, b, _ in spans[k : k + 64] if a < end)
            if crossing and j + 1 < len(sents) and sents[j + 1].paragraph == para:
                j += 1
                end = sents[j].end
                continue
            break
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        qidx = sorted(idx for a, b, idx in spans[k : k + 64] if a < end and b > start)
        units.append(Unit(start, end, para, s.index, tokens(text, start, end, quoted, qidx)))
        i = j + 1
    return units


def _unit_frames(text: str, unit: Unit, paragraph_start: bool) -> list[Frame]:
    w = words()
    toks = unit.toks
    cues = find_cues(w, toks)
    frames: list[Frame] = []
    for cue in cues:
        ctx = Context(w, text, toks, cue, 0, paragraph_start)
        for rule in RULES:
            assert rule.apply is not None
            fr = rule.apply(ctx)
            if fr is not None:
                frames.append(fr)
                break
    return _settle(toks, frames)


_BOUNDARY = frozenset(
    {",", ";", "—", "–", "--", "but", "and", "while", "although", "though", "yet", "whereas"}
)


def _settle(toks: list[Tok], frames: list[Frame]) -> list[Frame]:
    """Drop frames nested in another's content, or cut the outer one at a clause boundary."""
    if len(frames) < 2:
        return frames
    order = sorted(range(len(frames)), key=lambda i: frames[i].cue[0])
    kept: list[Frame] = []
    for i in order:
        f = frames[i]
        clash = None
        for k, g in enumerate(kept):
            lo, hi = g.content
            if lo <= f.cue[0] < hi or (f.speaker and lo <= f.speaker[0] < hi):
                clash = k
                break
            flo, fhi = f.content
            if flo < hi and lo < fhi and not (flo <= g.cue[0] < fhi):
                # overlapping contents: keep the earlier, unless f's content is a quotation it owns
                clash = k
                break
        if clash is None:
            kept.append(f)
            continue
        g = kept[clash]
        first = f.speaker[0] if f.speaker else f.cue[0]
        b = first - 1
        while b > g.content[0] and toks[b].kind == "w" and toks[b].low in {"also", "then", "later"}:
            b -= 1
        if (
            g.content[0] < first < g.content[1]
            and b > g.content[0]
            and (toks[b].low in _BOUNDARY or toks[b].text in _BOUNDARY)
        ):
            cut = b
            while cut > g.content[0] and (toks[cut - 1].low in _BOUNDARY or toks[cut - 1].text in _BOUNDARY):
                cut -= 1
            kept[clash] = g._replace(content=(g.content[0], content_end(toks, g.content[0], cut)))
            kept.append(f)
    kept.sort(key=lambda f: f.content[0])
    return kept


def _looks_like_speech(text: str, q: Quoted) -> bool:
    """Whether an unattributed quotation reads as speech rather than a scare quote or a title."""
    inner = text[q.start : q.end]
    ws = inner.split()
    if len(ws) < 4:
        return False
    caps = sum(1 for x in ws if x[:1].isupper())
    if caps == len(ws):
        return False  # a title: 'Biggest Attack So Far'
    return len(ws) >= 8 or inner.rstrip()[-1:] in ".?!,"


def run(text: str) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Extract quotes and speakers from ``text``."""
    paras, sents = split(text)
    allq = find_quoted(text, paras)
    quoted = [q for q in allq if q.depth == 0]
    units = make_units(text, paras, sents, quoted)
    para_first_unit: dict[int, int] = {}
    for ui, u in enumerate(units):
        para_first_unit.setdefault(u.paragraph, ui)

    atts: list[Attribution] = []
    claimed: dict[int, int] = {}  # quotation index -> attribution index
    unit_atts: list[list[int]] = [[] for _ in units]
    for ui, u in enumerate(units):
        frames = _unit_frames(text, u, para_first_unit[u.paragraph] == ui)
        toks = u.toks
        for f in frames:
            lo, hi = f.content
            qs = tuple(t.q for t in toks[lo:hi] if t.kind == "q")
            if any(q in claimed for q in qs):
                continue
            narration = sum(1 for t in toks[lo:hi] if t.kind == "w")
            if qs and narration == 0:
                kind = "direct"
                frags = tuple(fr for q in qs for fr in quoted[q].fragments)
            else:
                kind = "mixed" if qs else "indirect"
                frags = ((toks[lo].start, toks[hi - 1].end),)
            same = -1
            if f.same_as_previous:
                same = next(
                    (a for a in reversed(unit_atts[ui]) if atts[a].mention or atts[a].same_as >= 0), -1
                )
                if same < 0:
                    continue
            ai = len(atts)
            atts.append(
                Attribution(
                    f.rule,
                    ui,
                    kind,
                    frags,
                    (toks[f.cue[0]].start, toks[f.cue[1]].end),
                    (toks[f.speaker[0]].start, toks[f.speaker[1]].end) if f.speaker else None,
                    (toks[f.role[0]].start, toks[f.role[1]].end) if f.role else None,
                    (toks[f.audience[0]].start, toks[f.audience[1]].end) if f.audience else None,
                    f.medium,
                    same,
                    qs,
                )
            )
            unit_atts[ui].append(ai)
            for q in qs:
                claimed[q] = ai

    _context_rules(text, quoted, units, atts, claimed, unit_atts)
    return _build(text, paras, sents, quoted, atts)


def _context_rules(
    text: str,
    quoted: list[Quoted],
    units: list[Unit],
    atts: list[Attribution],
    claimed: dict[int, int],
    unit_atts: list[list[int]],
) -> None:
    """Attribute the quotations no unit-level rule claimed, from their context."""
    last_in_para: dict[int, int] = {}  # paragraph -> last attribution with a speaker
    para_only_quote: dict[int, bool] = {}
    for ui, u in enumerate(units):
        for ai in unit_atts[ui]:
            last_in_para[u.paragraph] = ai
        narr = any(t.kind == "w" for t in u.toks)
        para_only_quote[u.paragraph] = para_only_quote.get(u.paragraph, True) and not narr
    seen_units: set[int] = set()
    for ui, u in enumerate(units):
        for t in u.toks:
            if t.kind != "q" or t.q in claimed:
                continue
            q = quoted[t.q]
            if (ui, t.q) in seen_units:
                continue
            seen_units.add((ui, t.q))  # type: ignore[arg-type]
            # 1. A later quotation in the same paragraph continues the speaker before it.
            prev = None
            for vi in range(ui, -1, -1):
                if units[vi].paragraph != u.paragraph:
                    break
                cands = [
                    a
                    for a in unit_atts[vi]
                    if atts[a].kind == "direct" and atts[a].fragments[-1][1] <= q.start
                ]
                if cands:
                    prev = cands[-1]
                    break
            if prev is not None and q.closed is not False:
                a = atts[prev]
                rule = "interrupted_quote" if atts[prev].unit == ui else "continued_quote"
                atts[prev] = a._replace(
                    fragments=a.fragments + q.fragments,
                    quotes=a.quotes + (t.q,),
                    rule=a.rule if rule == "interrupted_quote" and False else a.rule,
                )
                claimed[t.q] = prev
                continue
            # 2. A quotation that opens its paragraph with no narration before it.
            heads_para = all(x.kind == "p" for x in u.toks[: u.toks.index(t)]) and ui == _first_unit(
                units, u.paragraph
            )
            if heads_para and u.paragraph > 0:
                src = _previous_speaker(units, u.paragraph, last_in_para, atts, para_only_quote)
                if src is not None:
                    a = atts[src]
                    rule = (
                        "cue_before_paragraph"
                        if text[: q.open_at].rstrip().endswith(":")
                        else "paragraph_continuation"
                    )
                    ai = len(atts)
                    atts.append(
                        Attribution(
                            rule, ui, "direct", q.fragments, None, None, None, None, None, src, (t.q,)
                        )
                    )
                    unit_atts[ui].append(ai)
                    last_in_para[u.paragraph] = ai
                    claimed[t.q] = ai
                    continue
            if _looks_like_speech(text, q):
                ai = len(atts)
                atts.append(
                    Attribution(
                        "unattributed", ui, "direct", q.fragments, None, None, None, None, None, -1, (t.q,)
                    )
                )
                unit_atts[ui].append(ai)
                claimed[t.q] = ai


def _first_unit(units: list[Unit], paragraph: int) -> int:
    for i, u in enumerate(units):
        if u.paragraph == paragraph:
            return i
    return -1


def _previous_speaker(
    units: list[Unit],
    paragraph: int,
    last_in_para: dict[int, int],
    atts: list[Attribution],
    only_quote: dict[int, bool],
) -> int | None:
    p = paragraph - 1
    if p in last_in_para:
        a = last_in_para[p]
        if atts[a].mention is not None or atts[a].same_as >= 0:
            return a
    return None


def _build(
    text: str, paras: list[Paragraph], sents: list[Sentence], quoted: list[Quoted], atts: list[Attribution]
) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    resolver = Resolver(text)
    resolved = resolver.resolve(atts)
    quotes: list[Quote] = []
    speakers: dict[str, Speaker] = {}
    mentions: dict[str, list[Mention]] = {}
    for a, r in zip(atts, resolved):
        frags = tuple(sorted(f for f in a.fragments if f[0] < f[1]))
        if not frags:
            continue
        start, end = frags[0][0], frags[-1][1]
        if a.kind == "direct" and a.cue is not None and len(frags) == 1:
            pass
        speaker = None
        mention = None
        if r is not None:
            key = r.name.lower()
            if key not in speakers:
                speakers[key] = Speaker(r.name, r.kind, r.role)
                mentions[key] = []
            if a.mention is not None:
                mention = Mention.at(text, *a.mention)
                if mention not in mentions[key]:
                    mentions[key].append(mention)
            speaker = speakers[key]
        conf = rule_named(a.rule).confidence * (r.confidence if r is not None else 1.0)
        if r is None and a.rule != "unattributed":
            conf *= 0.5
        quotes.append(
            Quote(
                start=start,
                end=end,
                text=text[start:end],
                fragments=[Span(*f) for f in frags],
                kind=a.kind,
                speaker=speaker,
                mention=mention,
                cue=Cue.at(text, *a.cue) if a.cue else None,
                audience=text[a.audience[0] : a.audience[1]] if a.audience else None,
                medium=a.medium,
                confidence=round(conf, 3),
                rule=a.rule,
                paragraph=_index(paras, start),
                sentence=_index(sents, start),
            )
        )
    final = {
        k: Speaker(s.name, s.kind, s.role, sorted(mentions[k], key=lambda m: m.start))
        for k, s in speakers.items()
    }
    out = []
    for q in sorted(quotes, key=lambda q: (q.start, q.end)):
        if q.speaker is not None:
            q = _replace_speaker(q, final[q.speaker.name.lower()])
        out.append(q)
    return tuple(_drop_overlaps(out)), tuple(final.values())


def _replace_speaker(q: Quote, s: Speaker) -> Quote:
    import attrs

    return attrs.evolve(q, speaker=s)


def _drop_overlaps(quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in quotes:
        if out and q.start < out[-1].end:
            if q.confidence > out[-1].confidence:
                out[-1] = q
            continue
        out.append(q)
    return out


def _index(spans: list[Paragraph] | list[Sentence], offset: int) -> int:
    lo, hi = 0, len(spans) - 1
    if hi < 0:
        return 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
