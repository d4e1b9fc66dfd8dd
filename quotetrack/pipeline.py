"""The extraction pipeline: tokenizer -> quote finder -> matcher -> resolution -> model."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

import regex

from .marks import CLOSER_CHARS
from .matcher import (
    _ARTICLES,
    _WHO_THAT,
    TITLE_SMALL_WORDS,
    TOPIC_PREPOSITIONS,
    Frame,
    Tok,
    Unit,
    comma_inside,
    content_end,
    find_cues,
    framing_medium,
    role_phrase,
    sentence_start,
    title_words,
    tokens,
    unit_subject,
)
from .model import Cue, Mention, Quote, Span, Speaker
from .quotes import Quoted, find_quoted, opens_with_label
from .resolve import Resolver
from .rules import (
    ASIDE_MARKS,
    RULES,
    Context,
    SubjectMemo,
    _aux,
    clause_cuts,
    fronted_clause_ends,
    rule_named,
)
from .tokenize import Paragraph, Sentence, is_abbreviation, split
from .wordclasses import _SUBJECTS, words

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
    """Sentences merged so that no quotation crosses a unit boundary inside a paragraph.

    A short sentence that only attributes the quotation before it (``“Why?”
    Vitter asked.``, which Punkt splits after the question mark) joins it too.
    """
    # Top-level quotations never overlap, so sorting by opening sorts by closing too.
    spans = sorted((q.open_at, q.close_at, i) for i, q in enumerate(quoted))
    units: list[Unit] = []
    k = 0
    i = 0
    n = len(sents)
    while i < n:
        s = sents[i]
        start, end, para = s.start, s.end, s.paragraph
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        j = i
        while j + 1 < n and sents[j + 1].paragraph == para:
            m = k
            while m < len(spans) and spans[m][1] <= end:
                m += 1
            crossing = m < len(spans) and spans[m][0] < end
            if crossing or _attribution_tail(text, end, sents[j + 1]):
                j += 1
                end = sents[j].end
                continue
            break
        qidx = []
        m = k
        while m < len(spans) and spans[m][0] < end:
            if spans[m][1] > start:
                qidx.append(spans[m][2])
            m += 1
        units.append(Unit(start, end, para, s.number, tokens(text, start, end, quoted, qidx)))
        i = j + 1
    return units


_TAIL_WORD = regex.compile(r"\w+")


def _attribution_tail(text: str, end: int, nxt: Sentence) -> bool:
    """Whether ``nxt`` opens with the attribution of a quotation closing at ``end`` with ``?``, ``!`` or ``,``."""
    k = end
    while k > 0 and text[k - 1] in CLOSER_CHARS:
        k -= 1
    if k == end or k == 0 or text[k - 1] not in "?!,":
        return False
    ws = _TAIL_WORD.findall(text, nxt.start, min(nxt.end, nxt.start + 120))[:7]
    speech = words().speech
    return any(x.lower() in speech for x in ws)


def _unit_frames(text: str, unit: Unit, paragraph_start: bool) -> list[Frame]:
    w = words()
    toks = unit.toks
    cues = find_cues(w, toks)
    if not cues:
        return []
    cuts = clause_cuts(w, toks)
    subjects: SubjectMemo = {}
    frames: list[Frame] = []
    for cue in cues:
        ctx = Context(w, text, toks, cue, 0, paragraph_start, cuts, subjects)
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
        # Kept contents end where the next one starts, so only the last few can clash.
        for k in range(max(0, len(kept) - 4), len(kept)):
            g = kept[k]
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
        if (
            g.rule == "possessive_noun_topic"
            and g.speaker is not None
            and f.speaker is not None
            and g.speaker[0] == sentence_start(toks, 0)
            and g.content[1] == f.speaker[1] + 1
            and (f.speaker[0] == g.content[0] or toks[f.speaker[0] - 1].low in TOPIC_PREPOSITIONS)
        ):
            # "The union's complaint to the State Board (on Conduct) says …": the noun's phrase opens
            # the sentence as the verb's subject; not "He praised Ana's view of a race Tom called …"
            kept[clash] = f._replace(speaker=g.speaker)  # the owner speaks, not the addressee
            continue
        first = f.speaker[0] if f.speaker else f.cue[0]
        b = first - 1
        while b > g.content[0] and toks[b].kind == "w" and toks[b].low in {"also", "then", "later"}:
            b -= 1
        if (
            toks[b].low == "as"
            and b - 1 > g.content[0]
            and (
                comma_inside(toks[b - 1])
                or (
                    toks[b - 1].text == ","
                    and not any(t.text == "," for t in toks[f.cue[1] + 1 : g.content[1]])
                )
            )
        ):
            # 'pledges to “act now,” as she put it', '…, as police have said': the comma before a
            # closing "as" aside ends the outer content (but not ', as she put it, was …')
            b -= 1
        inside = g.content[0] < first < g.content[1] and b > g.content[0]
        if (
            inside
            and (f.rule == "speaker_stance_object" or toks[f.content[0]].low == "to")
            and fronted_clause_ends(toks, g.content[0], b)
        ):
            # "said that if the bridge closed, he would back the plan": the stance is the main
            # clause of what was said; a clause reported after the comma ("he argued …") is not
            continue
        if inside and (toks[b].low in _BOUNDARY or toks[b].text in _BOUNDARY):
            cut = b
            while cut > g.content[0] and (toks[cut - 1].low in _BOUNDARY or toks[cut - 1].text in _BOUNDARY):
                cut -= 1
            kept[clash] = g._replace(content=(g.content[0], content_end(toks, g.content[0], cut)))
            kept.append(f)
        elif inside and comma_inside(toks[b]):
            # '… he had “grown the party,” claiming …': the comma sits inside the marks
            kept[clash] = g._replace(content=(g.content[0], b + 1))
            kept.append(f)
        elif (
            f.speaker
            and f.speaker[1] < g.cue[0]
            and f.speaker[1] < g.content[0] <= f.cue[0] - 1 < g.content[1]
            and (
                (toks[f.cue[0] - 1].text == "," and g.content[0] < f.cue[0] - 1)
                or comma_inside(toks[f.cue[0] - 1])
            )
        ):
            # "The clerk, a voter who urged the council to wait, said …": the earlier cue sits in
            # an aside of this one's subject, whose comma ends it (inside the marks: "citing “…,” said")
            end = f.cue[0] - 1 if toks[f.cue[0] - 1].text == "," else f.cue[0]
            kept[clash] = g._replace(content=(g.content[0], content_end(toks, g.content[0], end)))
            kept.append(f)
        elif (
            f.speaker
            and g.speaker
            and g.speaker[0] == f.speaker[1] + 1
            and toks[g.speaker[0]].low in _WHO_THAT
            and g.content[0] < f.cue[0] < g.content[1]
            and not _aux(toks[f.cue[0] - 1])  # not "Fans who doubt the plan should read it, the mayor said"
        ):
            # "Fans who know the coach say he will stay": the relative clause ends at the main verb
            kept[clash] = g._replace(content=(g.content[0], content_end(toks, g.content[0], f.cue[0])))
            kept.append(f)
    kept.sort(key=lambda f: f.content[0])
    return kept


# "(CROSSTALK.)", "(Laughter)": a transcript's short note on the scene, which nobody says
_STAGE_DIRECTION = regex.compile(r"\([^()\s]+(?:\s+[^()\s]+){0,2}\)\.?")


def _looks_like_speech(text: str, q: Quoted) -> bool:
    """Whether an unattributed quotation reads as speech rather than a scare quote or a title."""
    inner = text[q.start : q.end]
    ws = inner.split()
    if len(ws) < 4:
        return False
    caps = sum(1 for x in ws if x[:1].isupper())
    if caps == len(ws):
        return False  # a title: 'Biggest Attack So Far'
    if q.paragraph > 0 and _title_like(ws) and inner.rstrip()[-1:] not in ".?!":
        return False  # a book or a film past the headline: “A Time for Truth,” “The Making of a Mayor”
    return len(ws) >= 8 or inner.rstrip()[-1:] in ".?!,"


def _heading(text: str, q: Quoted) -> bool:
    """Whether a quotation is a line of its own that reads as a short title, two to eight words."""
    end = text.find("\n", q.close_at)
    if text[q.close_at : len(text) if end < 0 else end].strip(" .!?"):
        return False  # words follow on the line: "'Storm Over the Harbour,' she called it."
    ws = text[q.start : q.end].split()
    return 2 <= len(ws) <= 8 and _title_like(ws)


def _title_like(ws: list[str]) -> bool:
    """Whether words read as a title: two capitals at least, and each word capitalised, a number or
    a small word ('The Making of a Mayor'; not 'Yes' or 'the end')."""
    return sum(1 for x in ws if x[:1].isupper()) >= 2 and all(
        x[:1].isupper() or x[:1].isdigit() or x.lower().strip(",:;") in TITLE_SMALL_WORDS for x in ws
    )


def run(text: str) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Extract quotes and speakers from ``text``."""
    paras, sents = split(text)
    quoted = [q for q in find_quoted(text, paras) if q.depth == 0]
    units = make_units(text, paras, sents, quoted)
    atts: list[Attribution] = []
    claimed: dict[int, int] = {}  # quotation index -> attribution index
    unit_atts: list[list[int]] = [[] for _ in units]
    prev_para = -1
    turns = _turn_paragraphs(text, paras)
    turn = -1  # the attribution of a speaker label, which owns the rest of its paragraph
    w = words()
    for ui, u in enumerate(units):
        toks = u.toks
        opens_turn = u.paragraph in turns and opens_with_label(text, u.start, u.end)
        frames: list[Frame] = []
        label: Frame | None = None
        if opens_turn:
            frames = _unit_frames(text, u, True)
            label = next((f for f in frames if f.rule == "interview_label"), None)
        if u.paragraph == prev_para and turn >= 0 and label is None:
            # the turn goes on, also over a head in capitals that names no one ("Q:", "WARNING:")
            _continue_turn(atts, turn, u, claimed)
            unit_atts[ui].append(turn)
            continue
        turn = -1
        if not opens_turn:
            frames = _unit_frames(text, u, u.paragraph != prev_para)
        if label is not None:
            # "SMITH: Well, I think the bridge will hold.": the turn is one statement, whatever it reports
            label = label._replace(content=(label.content[0], content_end(toks, label.content[0], len(toks))))
            frames = [label]
        for f in frames:
            if u.paragraph not in turns and _asks_you(toks, f):
                continue
            lo, hi = f.content
            qs = tuple(t.q for t in toks[lo:hi] if t.kind == "q")
            if any(q in claimed for q in qs):
                continue
            frags: tuple[tuple[int, int], ...]
            if lo >= hi:
                kind, frags = "direct", ()  # a cue waiting for the next paragraph's quotation
            elif qs and not any(t.kind == "w" for t in toks[lo:hi]):
                kind, frags = "direct", tuple(fr for q in qs for fr in quoted[q].fragments)
            else:
                kind, frags = ("mixed" if qs else "indirect"), _around_narration(toks, f)
            same = -1
            if f.same_as_previous:
                same = next((a for a in reversed(unit_atts[ui]) if _has_source(atts[a])), -1)
                if same < 0:
                    subject = unit_subject(toks, f.cue[0])
                    if subject is None:
                        continue
                    f = f._replace(speaker=subject)
            medium, audience, role = f.medium, f.audience, f.role
            if f.speaker is not None and medium is None and audience is None:
                medium, audience, phrase = framing_medium(w, text, toks, f.speaker, f.cue[0], f.content)
                if phrase is not None and role is not None and phrase[0] <= role[0] <= phrase[1]:
                    role = None  # "The mayor, in a statement, said": the aside is no role
            if role is not None and not role_phrase(w, toks, role):
                role = None
            if f is label:
                turn = len(atts)
            unit_atts[ui].append(len(atts))
            for q in qs:
                claimed[q] = len(atts)
            atts.append(
                Attribution(
                    f.rule, ui, kind, frags,
                    _offsets(toks, f.cue), _speaker_offsets(toks, f.speaker), _offsets(toks, role),
                    _offsets(toks, audience), medium, same, qs,
                )
            )  # fmt: skip
        prev_para = u.paragraph
    _context_rules(text, quoted, units, atts, claimed, unit_atts)
    return _build(text, paras, sents, quoted, atts)


def _asks_you(toks: list[Tok], f: Frame) -> bool:
    """Whether the frame's speaker is "you" in a question: "Do you support the plan?" asks, and reports nothing.

    In an interview the question is a turn of its own, and "Do you think …?" is kept there.
    """
    return (
        f.speaker is not None
        and f.speaker[0] == f.speaker[1]
        and toks[f.speaker[0]].low == "you"
        and any(t.text == "?" for t in toks[f.cue[1] :])
    )


def _turn_paragraphs(text: str, paras: list[Paragraph]) -> frozenset[int]:
    """The paragraphs that open with a transcript's speaker label (``JAKE TAPPER:``, ``Q:``).

    A transcript has turns: one label in capitals is a dateline or a heading
    (``WASHINGTON:``), not a speaker, so at least two paragraphs must open with one.
    """
    found = frozenset(i for i, p in enumerate(paras) if opens_with_label(text, p.start, p.end))
    return found if len(found) >= 2 else frozenset()


def _continue_turn(atts: list[Attribution], turn: int, u: Unit, claimed: dict[int, int]) -> None:
    """Extend a transcript turn's content over the next sentence ``u`` of its paragraph."""
    toks = u.toks
    hi = content_end(toks, 0, len(toks))
    if hi == 0:
        return
    a = atts[turn]
    qs = tuple(t.q for t in toks[:hi] if t.kind == "q" and t.q not in claimed)
    for q in qs:
        claimed[q] = turn
    atts[turn] = a._replace(
        kind="mixed" if qs or a.kind == "mixed" else a.kind,
        fragments=(*a.fragments[:-1], (a.fragments[-1][0], toks[hi - 1].end)),
        quotes=(*a.quotes, *qs),
    )


def _around_narration(toks: list[Tok], f: Frame) -> tuple[tuple[int, int], ...]:
    """The fragments of a reported clause, leaving out the narration inside it.

    ``The bridge, the mayor said, will reopen.`` gives ``The bridge`` and ``will reopen``, as a
    quotation interrupted by its speaker gives two fragments; a rule may name the narration
    itself (``The mayor is expected to run`` leaves out ``is expected``).
    """
    lo, hi = f.content
    if f.narration is not None:
        first, last = f.narration
        right = last + 1
        set_off = True
    else:
        inside = [span for span in (f.cue, f.speaker, f.role, f.audience) if span is not None]
        first, last = min(s[0] for s in inside), max(s[1] for s in inside)
        right = next((k + 1 for k in range(last + 1, hi - 1) if toks[k].text in ASIDE_MARKS), hi)
        set_off = first > lo and toks[first - 1].text in ASIDE_MARKS
    left = first - 1
    while left >= lo and toks[left].kind == "p":
        left -= 1
    if not (set_off and lo <= left and last < hi and right < hi):
        return ((toks[lo].start, toks[hi - 1].end),)
    return ((toks[lo].start, toks[left].end), (toks[right].start, toks[hi - 1].end))


def _offsets(toks: list[Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    return (toks[span[0]].start, toks[span[1]].end) if span else None


def _speaker_offsets(toks: list[Tok], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A speaker's offsets, without the auxiliary of a contracted pronoun ("he’s said" gives "he")."""
    out = _offsets(toks, span)
    if out is None or span is None:
        return out
    last = toks[span[1]]
    head = regex.split(r"['’]", last.text, maxsplit=1)[0]
    if head != last.text and head.lower() in _SUBJECTS:
        return (out[0], last.start + len(head))
    return out


def _has_source(a: Attribution) -> bool:
    return a.mention is not None or a.same_as >= 0


def _context_rules(
    text: str,
    quoted: list[Quoted],
    units: list[Unit],
    atts: list[Attribution],
    claimed: dict[int, int],
    unit_atts: list[list[int]],
) -> None:
    """Attribute the quotations no unit-level rule claimed, from their context.

    One walk in text order: ``best`` is the sourced attribution that ends last
    before the current quotation in its paragraph, ``last_src`` the last sourced
    attribution of each finished paragraph (linear in the size of the text).
    """

    def end(a: int) -> int:
        return atts[a].fragments[-1][1]

    def later(x: int | None, y: int) -> int:
        return y if x is None or end(y) >= end(x) else x

    best: int | None = None
    quoting: int | None = None  # the direct attribution that ends last, which ``best`` may be nested after
    last_src: dict[int, int] = {}
    para = -1
    first_unit = True
    for ui, u in enumerate(units):
        if u.paragraph != para:
            para, best, quoting, first_unit = u.paragraph, None, None, True
        initial = sorted((a for a in unit_atts[ui] if _has_source(atts[a]) and atts[a].fragments), key=end)
        k = 0
        n_words = sum(1 for x in u.toks if x.kind == "w")
        n_quotes = sum(1 for x in u.toks if x.kind == "q")
        lead = next((i for i, x in enumerate(u.toks) if x.kind != "p"), len(u.toks))
        for pos, t in enumerate(u.toks):
            if t.kind != "q":
                continue
            q = quoted[t.q]
            while k < len(initial) and end(initial[k]) <= q.start:
                best = later(best, initial[k])
                if _goes_on(atts[initial[k]]):
                    quoting = later(quoting, initial[k])
                k += 1
            if t.q in claimed or _STAGE_DIRECTION.fullmatch(text, q.start, q.end):
                continue
            alone = n_words == 0 and n_quotes == 1
            # A further quotation in the same paragraph continues the speaker before it.
            if best is not None and (
                alone or _looks_like_speech(text, q) or _closes_split(text, quoted, atts[best], q)
            ):
                a = atts[best]
                if _goes_on(a) and (
                    _only_attribution_between(text, quoted, a.fragments[-1][1], q.open_at)
                    or _attribution_sentence_between(text, quoted, a, q)
                ):
                    join: int | None = best
                elif (
                    quoting is not None
                    and quoting != best  # that one was tried just above
                    and _same_voice(text, atts, quoting, best)
                    and _attribution_sentence_between(text, quoted, atts[quoting], q)
                ):
                    # "“A,” he said, adding that the pier is safe. “B.”": B goes on with A,
                    # and the nested attribution keeps its place in the gap
                    join = quoting
                else:
                    join = None
                if join is not None:
                    a = atts[join]
                    atts[join] = a._replace(fragments=a.fragments + q.fragments, quotes=(*a.quotes, t.q))
                    claimed[t.q] = best = quoting = join
                else:
                    best = quoting = _add(atts, unit_atts, claimed, "continued_quote", ui, q, t.q, best)
                continue
            if alone and first_unit and _heading(text, q):
                continue  # a paragraph of a short title alone is a subheading: 'All Bets Are Off.'
            # A quotation that opens its paragraph continues the last speaker of the one before.
            if first_unit and pos == lead and para - 1 in last_src:
                src = last_src[para - 1]
                if not atts[src].fragments:  # "The mayor said:" waiting for this quotation
                    atts[src] = atts[src]._replace(fragments=q.fragments, quotes=(t.q,))
                    claimed[t.q] = src
                    unit_atts[ui].append(src)
                    best = src
                else:
                    best = _add(atts, unit_atts, claimed, "paragraph_continuation", ui, q, t.q, src)
                continue
            if _looks_like_speech(text, q):
                _add(atts, unit_atts, claimed, "unattributed", ui, q, t.q, -1)
        for ai in initial[k:]:
            best = later(best, ai)
            if _goes_on(atts[ai]):
                quoting = later(quoting, ai)
        for ai in unit_atts[ui]:
            if _has_source(atts[ai]):
                last_src[para] = ai
        first_unit = False


def _same_voice(text: str, atts: list[Attribution], speaker: int, nested: int) -> bool:
    """Whether the attribution ``nested``, between ``speaker``'s quotation and the next, keeps its voice.

    ``adding that …``, ``who said …``, ``and he added that …`` and an apposition (``a group
    focused on …``) do. A clause of another subject after a contrast (``but tenant Mira Holm
    said …``) or a conjunction (``and miners said …``) brings in another speaker. News goes on
    with the quoted speaker after other clauses (``after Jones assured him that …``).
    """
    a = atts[nested]
    for _ in range(len(atts)):
        if a.mention is not None or a.same_as < 0:
            break
        if a.same_as == speaker:
            return True
        a = atts[a.same_as]
    if a.mention is None:
        return False
    if text[a.mention[0] : a.mention[1]].lower() in _DESCRIBED_SPEAKER:
        return True  # "… whose district backed her but who suggested that …", "and he added that …"
    tag = atts[speaker].cue
    if tag is not None and _CONTRAST.search(text, tag[1], a.mention[0]):
        return False  # "…,” the landlord said, but tenant Mira Holm said …"
    return not _CONJUNCTION_BEFORE.search(text, max(0, a.mention[0] - 16), a.mention[0])


# Mentions that name the speaker being described: "who said …", "and he added that …".
_DESCRIBED_SPEAKER = frozenset({"who", "which", "that", "he", "she"})
# A conjunction (and its comma) right before a mention: the mention opens a clause of its own.
_CONJUNCTION_BEFORE = regex.compile(r"\b(?:but|and|while|whereas|yet)\s*,?\s*$", regex.I)
# A contrast after a comma anywhere before the mention: "…, but tenant Mira Holm said".
_CONTRAST = regex.compile(r",\s*(?:but|while|whereas|yet)\b", regex.I)


def _goes_on(a: Attribution) -> bool:
    """Whether a later quotation can go on with ``a``'s: a direct quotation, or a mixed one whose
    cue follows its quoted words (``Rents are “too high,” she said. “B.”``)."""
    return bool(a.fragments) and (
        a.kind == "direct" or (a.kind == "mixed" and a.cue is not None and a.cue[0] >= a.fragments[-1][1])
    )


_FIRST_LETTER = regex.compile(r"[\p{P}\s]*(\p{L})")
_JOINS = frozenset({"but", "while", "as", "when", "before", "after", "then", "and", "until", "because"})
# After a comma, "and" or "but" before a noun phrase opens a clause with a subject of its own.
_NEW_SUBJECT_AFTER_COMMA = regex.compile(
    r",\s*(?:and|but)\s+(?:then\s+)?(?:(?:the|a|an|his|her|their|its|my|our|your|some|many|several)\b|\p{Lu})"
)


def _closes_split(text: str, quoted: list[Quoted], a: Attribution, q: Quoted) -> bool:
    """Whether a short quotation ends a quotation split by its attribution: ``“A,” he said, “but B.”``.

    The words between are one attribution closed by a comma or a stop, and the quotation ends a
    sentence; ``she said of the “experts”`` is a scare quote after a topic, not a second fragment.
    """
    if a.kind != "direct" or not a.fragments or not text[q.start : q.end].rstrip().endswith((".", "?", "!")):
        return False
    between = text[a.fragments[-1][1] : q.open_at].rstrip()
    return between.endswith((",", ".")) and _only_attribution_between(
        text, quoted, a.fragments[-1][1], q.open_at
    )


def _only_attribution_between(text: str, quoted: list[Quoted], end: int, start: int) -> bool:
    """Whether the narration between two quotations is no more than one attribution.

    ``“A,” she said. “B.”`` is one quotation in two fragments; ``“A,” she said,
    adding later, “B.”`` and ``“A,” she said, but the crowd shouted “B”`` are not.
    A second quotation that goes on in lower case after a comma goes on with the
    sentence, whatever conjunction the narration holds (``“A,” he said of the
    mayor and the council, “because B.”``), unless *and* or *but* opens a clause
    with a subject of its own (``“A,” she said, and the crowd roared, “b!”``).
    """
    between = _narration(text, quoted, end, start)
    ws = [x.lower() for x in _TAIL_WORD.findall(between)]
    first = _FIRST_LETTER.match(text, start + 1)
    mid = first is not None and first.group(1).islower() and between.endswith(",")
    if mid:
        # ", and the crowd roared back, “together!”": a clause with a subject of its own
        if len(ws) > 30 or _sentences_inside(between) or _NEW_SUBJECT_AFTER_COMMA.search(between):
            return False
    elif len(ws) > 14 or any(x in _JOINS for x in ws) or _sentences_inside(between):
        return False
    speech = words().speech
    # "the state communications director": a verb of saying after an article is a noun
    return sum(1 for i, x in enumerate(ws) if x in speech and (i == 0 or ws[i - 1] not in _ARTICLES)) <= 1


def _narration(text: str, quoted: list[Quoted], end: int, start: int) -> str:
    """The narration between a quotation that ends at ``end`` and one that opens at ``start``.

    Its closing mark and outer spaces are trimmed, and a quoted title in it reads as one word:
    ``” she told Radio Ostia’s “Morning Talk.” “`` gives ``she told Radio Ostia’s Title.``
    """
    parts = []
    pos = end
    i = bisect_left(quoted, end, key=_opening)
    while i < len(quoted) and quoted[i].open_at < start:
        q = quoted[i]
        i += 1
        inner = text[q.start : q.end]
        if q.close_at <= start and title_words(inner):
            parts += [text[pos : q.open_at], "Title", inner[len(inner.rstrip(".,")) :]]
            pos = q.close_at
    parts.append(text[pos:start])
    return "".join(parts).strip().lstrip(CLOSER_CHARS).strip()


def _opening(q: Quoted) -> int:
    return q.open_at


def _sentences_inside(narration: str) -> bool:
    """Whether the narration between two quotations (see ``_narration``) ends a sentence before its own end.

    ``she said. The crowd cheered.`` does; ``said Sen. Ana Ruiz (D-R.I.).`` does not.
    """
    return any(not is_abbreviation(m.group(1)) for m in _SENTENCE_END.finditer(narration[:-1]))


def _attribution_sentence_between(text: str, quoted: list[Quoted], a: Attribution, q: Quoted) -> bool:
    """Whether the narration before ``q`` is the one sentence that closes ``a``'s quotation and names its speaker.

    ``“A,” said Ana Ruiz, a teacher who has lived here for years and knows the pier. “B.”``: the
    second quotation goes on with the first, however long the speaker's description.
    """
    if a.cue is None or not a.fragments:
        return False
    end = a.fragments[-1][1]
    inner = _narration(text, quoted, end, q.open_at)
    if not (end <= a.cue[0] < q.open_at) or "\n" in text[end : q.open_at] or _OPENS_QUOTE.search(inner):
        return False
    return inner.endswith(".") and not _sentences_inside(inner) and len(_TAIL_WORD.findall(inner)) <= 40


# A stop after a word ends a sentence inside the narration, unless the word is an abbreviation
# or an initial ("Sen.", "J."); "(D-R.I.)." has no word right before its stop.
_SENTENCE_END = regex.compile(r"(\w+)[.!?]\s")
_OPENS_QUOTE = regex.compile(r"[“‘«\"]")


def _add(
    atts: list[Attribution],
    unit_atts: list[list[int]],
    claimed: dict[int, int],
    rule: str,
    ui: int,
    q: Quoted,
    qi: int,
    same_as: int,
) -> int:
    ai = len(atts)
    claimed[qi] = ai
    unit_atts[ui].append(ai)
    atts.append(Attribution(rule, ui, "direct", q.fragments, None, None, None, None, None, same_as, (qi,)))
    return ai


def _build(
    text: str, paras: list[Paragraph], sents: list[Sentence], quoted: list[Quoted], atts: list[Attribution]
) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    resolver = Resolver(text, [(q.open_at, q.close_at) for q in quoted])
    resolved = resolver.resolve(atts)
    quotes: list[Quote] = []
    speakers: dict[str, Speaker] = {}
    mentions: dict[str, list[Mention]] = {}
    seen: dict[str, set[tuple[int, int]]] = {}
    for a, r in zip(atts, resolved, strict=True):
        frags = tuple(sorted(f for f in a.fragments if f[0] < f[1]))
        if not frags:
            continue
        start, end = frags[0][0], frags[-1][1]
        speaker = None
        mention = None
        if r is not None:
            key = r.name.lower()
            if key not in speakers:
                speakers[key] = Speaker(r.name, r.kind, r.role)
                mentions[key] = []
                seen[key] = set()
            span = _mention_of(atts, a)
            if span is not None:
                # A quotation that continues an earlier speaker keeps that speaker's mention.
                mention = Mention.at(text, *span)
                if span not in seen[key]:
                    seen[key].add(span)
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


def _mention_of(atts: list[Attribution], a: Attribution) -> tuple[int, int] | None:
    """The mention of ``a``, or of the attribution whose speaker it continues."""
    seen = 0
    while a.mention is None and a.same_as >= 0 and seen < len(atts):
        a = atts[a.same_as]
        seen += 1
    return a.mention


def _replace_speaker(q: Quote, s: Speaker) -> Quote:
    import attrs

    return attrs.evolve(q, speaker=s)


def _drop_overlaps(quotes: list[Quote]) -> list[Quote]:
    """Keep the quotes that share no character, the more confident of two that do.

    A quotation reported in the gap between two fragments of another stays:
    ``“A,” she said, adding that the pier is safe. “B.”`` has two.
    """
    out: list[Quote] = []
    dropped: set[int] = set()
    live: list[int] = []  # kept quotes that reach past the current start
    for q in quotes:
        live = [i for i in live if i not in dropped and out[i].end > q.start]
        clash = [i for i in live if _share(out[i], q)]
        if clash:
            if q.confidence <= max(out[i].confidence for i in clash):
                continue
            dropped.update(clash)
        live.append(len(out))
        out.append(q)
    return [q for i, q in enumerate(out) if i not in dropped]


def _share(a: Quote, b: Quote) -> bool:
    """Whether two quotes share a character."""
    return any(f.start < g.end and g.start < f.end for f in a.fragments for g in b.fragments)


def _index(spans: list[Paragraph] | list[Sentence], offset: int) -> int:
    """The index of the last span that starts at or before ``offset`` (0 when there is none)."""
    return max(0, bisect_right(spans, offset, key=_start) - 1)


def _start(span: Paragraph | Sentence) -> int:
    return span.start
