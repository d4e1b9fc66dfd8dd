"""The speaker-attribution matcher: find who says what in each unit of text.

A *unit* is a sentence, or several sentences merged so that no quotation
crosses a unit boundary. Its tokens are narration words and punctuation, with
each top-level quotation folded into one ``q`` token. The matcher looks for
cues (speech verbs, ``according to``, a colon, a dash), finds the speaker
phrase beside each cue and the content on the other side, and names the rule
(from :mod:`quotetrack.rules`) that decided it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import regex

from .marks import CLOSER_CHARS
from .quotes import Quoted
from .tokenize import _ELIDERS, before_number
from .wordclasses import _SUBJECTS, Words, words

__all__ = ["Frame", "Tok", "Unit", "find_cues", "tokens"]


class Tok(NamedTuple):
    """A token of a unit: a word (``w``), punctuation (``p``) or a quotation (``q``)."""

    start: int
    end: int
    text: str
    low: str
    kind: str
    q: int  # index of the quotation in the article's list, or -1


class Unit(NamedTuple):
    """Sentences merged so that no quotation crosses their boundary."""

    start: int
    end: int
    paragraph: int
    sentence: int
    toks: list[Tok]


class Frame(NamedTuple):
    """One attribution found in a unit (token indices are into ``unit.toks``).

    ``content`` is a token range ``[lo, hi)``; ``speaker`` an inclusive token
    range ``(lo, hi)`` or ``None`` when the rule takes the speaker from context
    (``same_as`` names the frame whose speaker it continues).
    """

    rule: str
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    content: tuple[int, int]
    role: tuple[int, int] | None = None
    audience: tuple[int, int] | None = None
    medium: str | None = None
    same_as_previous: bool = False
    narration: tuple[int, int] | None = None  # inclusive: words inside ``content`` that are not reported


# Inside a word, Latin-1 symbols and C1 controls are mojibake, UTF-8 read as Latin-1 ("FranÃ§ois"),
# and keep the word whole; not the no-break space, NEL or the guillemets, which are quote marks.
_MOJIBAKE = "\u0080-\u0084\u0086-\u009f\u00a1-\u00aa\u00ac-\u00ba\u00bc-\u00bf"
_TOKEN = regex.compile(
    r"(?:[A-Za-z]\.){2,12}+(?![A-Za-z])(?:-\w+)*"  # U.S., D.C., U.S.-led (possessive: no backtracking on a.a.a.a)
    r"|\d+(?:[.,:/]\d+)+"  # 1,100 and 3.5 and 9/11
    rf"|\w+(?:(?:[’'\-&]|[{_MOJIBAKE}]+)\w+)*(?:(?<=[ÂÃ])[{_MOJIBAKE}]+)?"  # words, hyphenated ("JosÃ©")
    r"(?:[’']s?(?!\w))?"  # possessives
    r"|([^\w\s\p{Cf}])\1{3,}+"  # a run of one punctuation mark is one token
    r"|\.{3}|…|--|[^\w\s\p{Cf}]",  # invisible format characters (\u200b, bidi) are no tokens
    regex.V1,
)
_DASHES = frozenset({"—", "–", "--", "―", "-"})
_PARTICLES = frozenset(
    {
        "von",
        "van",
        "de",
        "der",
        "den",
        "da",
        "di",
        "du",
        "del",
        "della",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "st.",
        "mc",
        "ter",
        "dos",
        "das",
    }
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_DETS = frozenset(
    {
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "another",
        "one",
        "two",
        "three",
        "several",
        "many",
        "some",
        "most",
        "both",
        "other",
        "all",
        "no",
    }
)
# Words that head a partitive speaker phrase: "one of the witnesses", "many of his aides".
_QUANTIFIERS = frozenset(
    {
        "one",
        "two",
        "three",
        "four",
        "five",
        "some",
        "many",
        "most",
        "several",
        "both",
        "all",
        "each",
        "none",
        "few",
    }
)
# Numbers in a poll's proportion: "four in 10 say", "one in five voters said".
_SMALL_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
# Conjunctions that may open a sentence before its first phrase: "But in a new poll, …".
LEADING_CONJUNCTIONS = frozenset({"but", "and", "yet", "so"})
_CONNECT = frozenset({"of", "for", "at", "from", "with", "on", "in", "to"})
# Particles of phrasal verbs, which follow a verb and seldom a noun: "sits down", "backs off".
_ADVERB_PARTICLES = frozenset({"down", "up", "out", "back", "off", "away"})
# Words that open a relative clause: "a tax that funds the ferry", "the mayor, who …".
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_CLAUSE_JOIN = frozenset({"but", "and", "while", "although", "though", "yet", "whereas", "so"})
_TELL = frozenset(
    {
        "tell",
        "inform",
        "assure",
        "reassure",
        "remind",
        "warn",
        "advise",
        "notify",
        "promise",
        "ask",
        "urge",
        "brief",
        "caution",
        "instruct",
        "order",
        "beg",
        "implore",
        "threaten",
        "convince",
        "persuade",
    }
)
# Verbs of saying that do not commonly govern a reported clause without "that".
_WEAK = frozenset(
    {
        "add",
        "continue",
        "question",
        "cite",
        "quote",
        "laugh",
        "smile",
        "nod",
        "shrug",
        "sigh",
        "reflect",
        "counter",
        "object",
        "post",
        "echo",
        "repeat",
        "describe",
        "speak",
        "talk",
        "praise",
        "mock",
        "blast",
        "slam",
        "rail",
        "order",
        "request",
        "criticize",
        "criticise",
        "denounce",
        "condemn",
        "decry",
        "blame",
        "accuse",
        "tout",
        "lecture",
        "preach",
        "brief",
        "signal",
        "highlight",
        "underscore",
        "answer",
        "reply",
        "respond",
        "comment",
        "state",
        "tease",
        "taunt",
        "jab",
        "needle",
        "dispute",
        "refute",
        "rebut",
        "figure",
        "guess",
        "reason",
        "project",
        "calculate",
        "recognize",
        "recognise",
        "instruct",
        "express",
    }
)


def tokens(text: str, start: int, end: int, quoted: list[Quoted], qidx: list[int]) -> list[Tok]:
    """Tokens of ``text[start:end]``; each quotation in ``qidx`` becomes one ``q`` token.

    A quotation that runs past the unit (over several paragraphs) is clipped to it.
    """
    out: list[Tok] = []
    pos = start
    for i in qidx:
        q = quoted[i]
        a, b = max(q.open_at, start, pos), min(q.close_at, end)
        if a >= b:
            continue
        _narration(text, pos, a, out)
        out.append(Tok(a, b, text[a:b], "", "q", i))
        pos = b
    _narration(text, pos, end, out)
    return out


def _narration(text: str, s: int, e: int, out: list[Tok]) -> None:
    if s >= e:
        return
    abbreviations = words().abbreviations
    append = out.append  # the hottest loop of the matcher: names bound once
    skip = s
    for m in _TOKEN.finditer(text, s, e):
        a, b = m.span()
        if a < skip:
            continue  # the period already attached to an abbreviation
        tok = m.group()
        low = tok.lower()
        if "’" in low:
            low = low.replace("’", "'")  # one apostrophe for the word classes: "doesn’t" is "doesn't"
        # Attach the period of an abbreviation or an initial ("Sen.", "J.").
        if (
            b < e
            and text[b] == "."
            and (
                low in abbreviations
                or low in _SUFFIXES
                or (len(tok) == 1 and tok.isupper())
                or (b + 2 < e and text[b + 2 : b + 3].isdigit() and before_number(text, b + 2))
            )
        ):
            b += 1
            tok += "."
            low += "."
            skip = b
        append(Tok(a, b, tok, low, "w" if (tok[0].isalnum() or tok[0] == "_") else "p", -1))


# ---------------------------------------------------------------------------
# Token classes


def _cap(t: Tok) -> bool:
    return t.kind == "w" and t.text[:1].isupper()


def _possessive(t: Tok) -> bool:
    return t.kind == "w" and t.low.endswith(("'s", "s'"))  # a token's ``low`` has only straight apostrophes


def _bare(low: str) -> str:
    return low[:-2] if low.endswith("'s") else low


def _nounish(w: Words, low: str) -> bool:
    low = _bare(low)
    return low in w.roles or low in w.groups or low in w.documents or low in w.organizations


def _headword(w: Words, t: Tok) -> bool:
    """Whether a token can end a speaker phrase."""
    if t.kind != "w":
        return False
    if t.low in w.pronouns:
        return True
    if _cap(t):
        return t.low not in w.stop or t.low in {"who"}
    return _nounish(w, t.low)


def _skip_adverbs_left(w: Words, toks: list[Tok], i: int, floor: int) -> int:
    """Index of the last token before ``i`` that is not an auxiliary, adverb or time phrase.

    ``Trump has repeatedly said``, ``Jane Doe last week said``, ``she on Monday told``.
    """
    j = i - 1
    adjective = i < len(toks) and toks[i].low in w.belief_adjectives  # "they remain hopeful"
    while j >= floor and toks[j].kind == "w":
        low = toks[j].low
        if (
            (low in w.adverbs and (toks[j].text.islower() or j == floor))  # not the month in "in May said"
            or (manner_adverb(toks[j]) and len(low) > 4)
            or (adjective and low in _LINKING)
        ):
            j -= 1
        elif (
            low in w.times
            and j - 1 >= floor
            and (
                toks[j - 1].low in {"last", "this", "on", "earlier", "later", "next"}
                # "prosecutors in April charged"; not "Riders polled in May said", the participle's
                or (
                    toks[j - 1].low == "in"
                    and _cap(toks[j])
                    and not (j - 2 >= floor and _participle_form(w, toks[j - 2]))
                )
            )
        ):
            j -= 2
        elif (
            low[:1].isdigit()
            and j - 1 >= floor
            and toks[j - 1].low in {"in", "on", "since"}
            and not _proportion(toks, j - 2, j)
        ):
            j -= 2  # "who in 2010 said"
        elif low in _DAYS and j - 1 >= floor and (toks[j - 1].low == "on" or toks[j - 1].kind == "p"):
            j -= 2 if toks[j - 1].low == "on" else 1
        else:
            aside = next(
                (
                    k
                    for k in range(max(floor, j - 20), j - 1)
                    if toks[k].low in _WHO_THAT
                    and k + 1 < len(toks)
                    and anonymity_through(toks, _verb_after(w, toks, k + 1), j + 1)
                ),
                None,
            )
            if aside is None:
                break
            j = aside - 1  # "A neighbour who asked not to be named said"
    return j


# ---------------------------------------------------------------------------
# Speaker phrases


def _number(t: Tok) -> bool:
    return (t.text.isdigit() and len(t.text) <= 3) or t.low in _SMALL_NUMBERS  # "in 10", not "in 2010"


def _proportion(toks: list[Tok], i: int, h: int) -> bool:
    """Whether tokens ``i`` to ``h`` read as a proportion, ``four in 10`` or ``one in five``."""
    return i >= 0 and h - i == 2 and toks[i + 1].low == "in" and _number(toks[i]) and _number(toks[h])


# Words that bound a quantity from its left: "nearly half", "some 40 percent", "just over a third".
_APPROXIMATORS = frozenset(
    {
        "nearly",
        "almost",
        "about",
        "roughly",
        "around",
        "some",
        "only",
        "just",
        "over",
        "under",
        "approximately",
        "well",
    }
)
# Nouns that make the phrase before a cue a quantity: "half said", "44 percent say".
_QUANTITY_NOUNS = frozenset(
    {
        "half",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "percent",
        "cent",
        "majority",
        "majorities",
        "plurality",
    }
)


def _quantity_left(toks: list[Tok], i: int, h: int, floor: int) -> int:
    """``i``, or further left over the words bounding the quantity of ``i`` to ``h``.

    ``more than half``, ``as many as four in 10``, ``at least 40 percent``: the bound is part of
    who spoke, and a clause joined before it (``…, and more than half said``) starts there.
    """
    if not (toks[h].low in _QUANTITY_NOUNS or _proportion(toks, i, h) or _number(toks[i])):
        return i
    if i - 2 >= floor and _proportion(toks, i - 2, i):
        i -= 2  # "four in 10 members"
    for _ in range(2):  # "just over", "well over"
        if i - 2 >= floor and toks[i - 1].low == "than" and toks[i - 2].low in {"more", "fewer", "less"}:
            i -= 2
        elif i - 3 >= floor and [t.low for t in toks[i - 3 : i]] in (
            ["as", "many", "as"],
            ["as", "few", "as"],
        ):
            i -= 3
        elif i - 2 >= floor and toks[i - 2].low == "at" and toks[i - 1].low in {"least", "most"}:
            i -= 2
        elif i - 1 >= floor and toks[i - 1].low in _APPROXIMATORS:
            i -= 1
        else:
            break
    return i


def sentence_start(toks: list[Tok], floor: int) -> int:
    """``floor``, or the token after a leading ``But``, ``And``, ``Yet`` or ``So``."""
    return floor + 1 if floor < len(toks) and toks[floor].low in LEADING_CONJUNCTIONS else floor


def _noun_after_determiner(w: Words, toks: list[Tok], k: int, floor: int) -> bool:
    """Whether a noun-or-verb word at ``k`` is a noun after a determiner: ``state`` in ``a state memo``."""
    return toks[k].low in w.nouny and k - 1 >= floor and toks[k - 1].low in _DETS


def np_left(w: Words, toks: list[Tok], h: int, floor: int) -> tuple[int, int] | None:
    """The speaker phrase that ends at token ``h`` (inclusive), scanning no further left than ``floor``."""
    if h < floor:
        return None
    t = toks[h]
    if t.text == ")":
        j = h - 1
        while j >= floor and toks[j].text != "(":
            j -= 1
        if j - 1 >= floor and j >= h - 8:
            return np_left(w, toks, j - 1, floor)
        return None
    if t.kind != "w":
        return None
    if t.low in w.pronouns:
        return (h, h)
    if _proportion(toks, h - 2, h) and h - 2 >= floor:
        return (_quantity_left(toks, h - 2, h, floor), h)  # "About four in 10 said"
    if t.low in w.stop and (not _cap(t) or h == floor):
        return None  # "the", or a capitalised "Despite" opening the sentence
    i = h
    if _cap(t) and (t.low not in w.stop or i > floor):
        # A name or an organisation: a run of capitalised words, particles,
        # initials and connecting "of"/"the" ("Ministry of Transport").
        compound = False  # whether a lower-case role word was taken: "spokesman Omar Haddad"
        before_compound = -1  # where the phrase began before lower-case nouns were added to it
        while i - 1 >= floor and h - i < 16:
            p = toks[i - 1]
            if (
                _cap(p)
                and p.low not in w.stop
                and not _possessive(p)
                # before lower-case nouns, a first word's capital may be the sentence's: "Most days shop owner"
                and (before_compound < 0 or i - 1 > floor or _cap(toks[i]))
            ) or (p.low in _PARTICLES and (_cap(toks[i]) or toks[i].low in _PARTICLES)):
                i -= 1
            elif _possessive(p) and _cap(p) and p.low not in w.stop:
                i -= 1  # "Ukraine’s foreign Minister"
            elif (
                _possessive(p)
                and p.low not in w.stop
                and i - 2 >= floor
                and toks[i - 2].low in _ARTICLES
                and any(toks[m].low in w.male or toks[m].low in w.female for m in range(i, h + 1))
            ):
                i -= 2  # "the mayor’s longtime friend Ana Ruiz"; not "the city’s ambassador to France"
            elif (
                p.low in {"of", "for", "and", "&"}
                and i - 2 >= floor
                and (_cap(toks[i - 2]) or _nounish(w, toks[i - 2].low))
                and toks[i - 2].low not in w.stop
            ) or (p.low in {"to", "at"} and i - 2 >= floor and _bare(toks[i - 2].low) in w.roles):
                i -= 2  # "Ministry of Transport", "the ambassador to France", "a professor at Yale"
            elif (
                p.low == "the"
                and i - 2 >= floor
                and toks[i - 2].low in {"of", "for"}
                and i - 3 >= floor
                and (_cap(toks[i - 3]) or _nounish(w, toks[i - 3].low))
            ):
                i -= 3
            elif (
                p.kind == "w"
                and not _cap(p)
                and (
                    p.low in w.modifiers or p.low in w.roles or p.low in w.titles or p.low in w.organizations
                )
                and p.low not in w.stop
            ):
                i -= 1  # "presidential nominee Donald Trump", "foreign Minister", "the news site RTL Info"
                compound = compound or p.low in w.roles
            elif (
                compound
                and _plain_word(w, p)
                and toks[i].text.islower()
                and p.low not in w.pronouns
                and p.low not in _DETS
                and p.low not in w.speech
                and p.low not in w.belief
                and p.low not in w.past
                and not p.low.endswith(("ed", "ing", "ly"))
                and h - i < 12
            ):
                before_compound = i if before_compound < 0 else before_compound
                i -= 1  # "city transport department spokesman Omar Haddad": a compound before the role
            elif p.text in {"-", "/"} and i - 2 >= floor and _cap(toks[i - 2]):
                i -= 2
            else:
                break
        if before_compound >= 0 and not _phrase_opens(toks, i, floor):
            # "At the scene police spokesman Carl Dunn said": the nouns end an opening phrase
            i = before_compound
        if i - 1 >= floor and toks[i - 1].low in _DETS - {
            "that",
            "one",
            "no",
            "all",
            "this",
            "these",
            "those",
        }:
            i -= 1
        if _cap(toks[i]) and toks[i].low in w.stop and toks[i].low not in _DETS and i < h:
            i += 1  # a sentence-initial "But"
        return (i, h)
    if _nounish(w, t.low) or t.low in w.roles:
        # A role, group or document: "a spokeswoman for the city", "UK intelligence officials".
        n = 0
        while i - 1 >= floor and n < 8:
            p = toks[i - 1]
            if p.text == "/" and i - 2 >= floor and _cap(toks[i - 2]) and _cap(toks[i]):
                i -= 2  # "a CNN/ORC poll", "an NBC News/Marist poll": pollsters joined by a slash
                n += 2
                continue
            if p.kind != "w":
                break
            if p.low in _DETS and p.low != "that":  # "that" may be a conjunction: "said that officials"
                i -= 1
                if (
                    i - 2 >= floor
                    and toks[i - 1].low in _CONNECT
                    and (_nounish(w, toks[i - 2].low) or _cap(toks[i - 2]))
                ):
                    i -= 2  # "the head of the agency": keep going through "of"
                    n += 2
                    continue
                break
            if _possessive(p) or (_cap(p) and p.low not in w.stop):
                i -= 1
            elif (
                p.low in w.stop
                or (p.low in w.speech and not _noun_after_determiner(w, toks, i - 1, floor))
                or p.low in w.belief
                or (
                    p.low.endswith(("ing", "ed"))
                    and p.low not in w.modifiers
                    # a noun in "-ing" before a document: "fundraising reports", "polling data"
                    and not (i == h and p.low.endswith("ing") and _bare(t.low) in w.documents)
                )
            ):
                break
            else:
                i -= 1
            n += 1
        if toks[i].low in w.stop and toks[i].low not in _DETS and i < h and _cap(toks[i]):
            i += 1
        return (_quantity_left(toks, i, h, floor), h)
    # Any other noun with a determiner ("the company", "some families"), or a bare
    # plural at the head of a clause ("Voters said").
    j = h - 1
    while (
        j >= floor
        and j >= h - 3
        and toks[j].kind == "w"
        and toks[j].low not in w.stop
        and toks[j].low not in _DETS
    ):
        j -= 1
    if j >= floor and toks[j].low in _DETS and toks[j].low not in {"that", "this", "no", "all"}:
        return (j, h)
    if (
        j + 1 < h
        and _possessive(toks[j + 1])
        and toks[j + 1].low not in w.stop
        and (j < floor or toks[j].kind != "w" or (toks[j].low in w.stop and not _cap(toks[j])))
    ):
        return (j + 1, h)  # "Ana’s meeting", as "the mayor’s meeting"
    if (
        t.low.endswith("s")
        and not t.low.endswith("ss")
        and (
            h == floor
            or toks[h - 1].kind == "p"
            or toks[h - 1].low in _CLAUSE_JOIN
            or comma_inside(toks[h - 1])
        )
    ):
        return (h, h)  # "Voters said", "… “safe for years,” engineers said"
    return None


def inner_end(t: Tok) -> str:
    """The text of quotation token ``t`` without its closing marks."""
    return t.text.rstrip(CLOSER_CHARS)


def comma_inside(t: Tok) -> bool:
    """Whether ``t`` is a quotation that ends with a comma inside its marks (``“a dead end,”``)."""
    return t.kind == "q" and inner_end(t).endswith(",")


def _phrase_opens(toks: list[Tok], i: int, floor: int) -> bool:
    """Whether a noun phrase may open at ``i``: after a boundary, or after an article that follows one."""
    k = i - 1 if i - 1 >= floor and toks[i - 1].low in _ARTICLES else i
    return k - 1 < floor or toks[k - 1].kind in {"p", "q"}


def np_right(w: Words, toks: list[Tok], i: int, ceil: int) -> tuple[int, int] | None:
    """The speaker phrase that starts at token ``i`` (``ceil`` is exclusive)."""
    if i >= ceil:
        return None
    t = toks[i]
    if t.kind != "w":
        return None
    if (
        t.low in w.pronouns
        and t.low not in {"who", "which", "it"}
        and not (
            t.low == "her" and i + 1 < ceil and toks[i + 1].text.islower() and _nounish(w, toks[i + 1].low)
        )
    ):
        return (i, i)  # but "her rivals", where "her" is a determiner
    j = i
    had_det = t.low in _DETS or _possessive(t)
    if (t.low in _QUANTIFIERS or t.text.isdigit()) and i + 2 < ceil and toks[i + 1].low == "of":
        j = i + 2  # "one of the witnesses", "two of his aides"
        had_det = toks[j].low in _DETS or _possessive(toks[j])
        if had_det:
            j += 1
    elif had_det:
        j += 1
    start_name = j
    generic = 0
    ceil = min(ceil, i + 24)
    while j < ceil:
        p = toks[j]
        if p.kind != "w":
            if p.text in {"-", "/"} and j + 1 < ceil and _cap(toks[j + 1]):
                j += 2
                continue
            break
        if (
            (_cap(p) and (p.low not in w.stop or (j == start_name and j > i)))
            or (p.low in _PARTICLES and j + 1 < ceil and (_cap(toks[j + 1]) or toks[j + 1].low in _PARTICLES))
            or p.low in _SUFFIXES
        ):
            j += 1
        elif (
            p.low in {"of", "for", "at"}
            and j > start_name
            and j + 1 < ceil
            and (_nounish(w, toks[j - 1].low) or _cap(toks[j - 1]))
            and (
                toks[j + 1].low in _DETS
                or _cap(toks[j + 1])
                # "a handful of aides", "dozens of divers"
                or (
                    p.low == "of"
                    and (
                        _nounish(w, toks[j + 1].low)
                        or (
                            toks[j - 1].low in w.groups
                            and _plural_noun(toks[j + 1])
                            and toks[j + 1].text.islower()
                        )
                    )
                )
            )
        ):
            j += 1
            if toks[j].low in _DETS:
                j += 1
            elif p.low == "of" and toks[j - 2].low in w.groups:
                had_det = True  # "dozens of divers": the quantity stands for a determiner
        elif (
            not _cap(p)
            and p.low not in w.stop
            and (p.low in w.modifiers or _nounish(w, p.low) or p.low in w.roles or p.low in w.titles)
        ):
            j += 1
        elif (
            generic < 4
            and (had_det or (j + 1 < ceil and _nounish(w, toks[j + 1].low)))
            and not _cap(p)
            and p.low not in w.stop
            and p.low not in w.speech
            and p.low not in w.belief
            and p.low not in w.past  # "The mayor took"
            and not p.low.endswith(("ed", "ing"))
            and not (
                present_verb(w, p)
                and j + 1 < ceil
                and (toks[j + 1].low in _DETS or toks[j + 1].low in _ADVERB_PARTICLES)
            )  # "The firm runs a mill", "The manager sits down"
        ):
            j += 1  # "a new poll", "the 2009 paper", "exit polls"
            generic += 1
        else:
            break
    if j == start_name:
        return None
    end = j - 1
    while end > i and toks[end].low in _CONNECT | _DETS:
        end -= 1
    return (i, end)


_NOT_APPOSITIVE = frozenset(
    {"who", "which", "that", "according", "adding", "saying", "but", "and", "as", "while"}
)
# Modals and "do": before an ambiguous form they make it a verb, and they are finite.
_MODALS = frozenset({"will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did"})
_FINITE = _MODALS | {"is", "are", "was", "were", "has", "have", "had"}


def _s_form(low: str) -> bool:
    """Whether a lower-case word ends in an inflectional "-s": ``costs``, ``generals``; not ``press``, ``various``, ``bus``."""
    return low.endswith("s") and not low.endswith(("ss", "ous", "is", "us"))


def present_verb(w: Words, t: Tok) -> bool:
    """Whether a lower-case "-s" form reads as a verb (``costs``, ``receives``), not a known noun."""
    low = t.low
    return t.text.islower() and _s_form(low) and len(low) > 3 and not _nounish(w, low) and low not in w.stop


def appositive_right(toks: list[Tok], after: int, ceil: int) -> tuple[int, int] | None:
    """A role after a speaker: ``, director general of RUSI,`` (token range, inclusive).

    A phrase with a finite verb (``, the storm will reach the coast``) is no role.
    """
    if after >= ceil or toks[after].text != ",":
        return None
    j = after + 1
    start = j
    ceil = min(ceil, start + 16)
    while j < ceil and toks[j].text not in {",", ".", ";", ":", "(", "—", "–"} and toks[j].kind != "q":
        j += 1
    if j == start or toks[start].low in _NOT_APPOSITIVE or j - start > 14:
        return None
    w = words()
    if any(
        t.low in _FINITE
        or t.low in w.speech
        or (t.low in w.past and k > start and _cap(toks[k - 1]))  # ", Ruiz met with Berg"
        for k, t in enumerate(toks[start:j], start)
    ):
        return None
    first = toks[start]
    if first.text.islower() and (first.low in w.past or present_verb(w, first)):
        return None  # ", costs two million a year": the sentence goes on
    return (start, j - 1)


# Words that open an adverbial aside, never a role: "Jane Doe, during a rally, said".
_ADVERBIAL_OPENERS = frozenset(
    {"during", "including", "in", "on", "at", "after", "before", "with", "without", "amid", "despite", "like"}
)


def role_phrase(w: Words, toks: list[Tok], span: tuple[int, int]) -> bool:
    """Whether the appositive ``span`` (inclusive) can name a role, not what the speaker did.

    ``, a former judge,`` and ``, retired general,`` are roles; ``, speaking in Ohio,``,
    ``, helped by his brother,`` and ``, during a rally,`` are not: a participle with an
    object or a preposition after it, or a preposition, opens a clause or an adverbial.
    """
    first = toks[span[0]]
    if first.kind != "w" or not first.text.islower():
        return True
    if first.low in _ADVERBIAL_OPENERS:
        # an affiliation: ", at Acme Bank,", ", with the Sierra Club,"
        k = span[0] + 1 + (span[0] + 1 <= span[1] and toks[span[0] + 1].low == "the")
        return first.low in {"at", "with"} and k <= span[1] and _cap(toks[k])
    if not (first.low.endswith(("ing", "ed")) or first.low in w.past) or first.low in w.roles:
        return True
    if span[0] == span[1]:
        return True
    nxt = toks[span[0] + 1]
    if nxt.low == "of":
        return True  # ", king of the Netherlands,", ", darling of the left,": a noun in -ing
    return nxt.kind == "w" and nxt.text.islower() and nxt.low not in _DETS and nxt.low not in w.stop


# ---------------------------------------------------------------------------
# Cues


class Cue(NamedTuple):
    start: int  # token index
    end: int  # token index, inclusive
    kind: str  # speech, belief, evidence, stance, noun, according, source, view, hearsay, heard, colon, dash
    base: str


def _title_case(toks: list[Tok]) -> bool:
    """Whether a unit is a headline in title case (``Mayor Says Bridge Will Reopen``)."""
    long = [t for t in toks if t.kind == "w" and len(t.text) > 3]
    return len(long) >= 3 and all(_cap(t) for t in long)


# The heads of a poll named after the figures it gives: "leads by nine points in a new survey".
_POLLS = frozenset({"poll", "polls", "survey", "surveys", "polling"})


def _poll_at_end(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether a poll phrase starts at ``i`` and closes the unit (a few words of date or author may follow)."""
    if not any(t.low in _POLLS for t in toks[i : i + 24]):
        return False  # no poll word in reach: spare the phrase scan, this runs at every "in"
    np = np_right(w, toks, i, len(toks))
    if np is None:
        return False
    phrase = toks[np[0] : np[1] + 1]
    if not any(t.low in _POLLS for t in phrase):
        return False
    if phrase[0].low not in {"a", "an"} and not any(_cap(t) or t.text[:1].isdigit() for t in phrase):
        return False  # "leading in the polls": no poll in particular
    if len(toks) - np[1] > 13:
        return False  # more than a short tail follows (and a long unit is not scanned to its end)
    rest = [t for t in toks[np[1] + 1 :] if t.kind != "p"]
    return len(rest) <= 6 and not any(t.low in _FINITE or t.low in {"and", "but", "that"} for t in rest)


def source_comma(w: Words, toks: list[Tok], k: int) -> int | None:
    """The comma after an opening source phrase that ends before ``k``, across a short tail.

    The tail dates or describes a poll: ``In a poll released Monday,``, ``In a survey last
    month,``, ``In the new poll, conducted in May,``. After an interview or a statement only
    the comma may follow: ``In an interview published Sunday, the mayor defended …`` is the
    mayor's.
    """
    if toks[k - 1].low not in _POLLS:
        return (
            k if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low not in WH_RELATIVES else None
        )
    j = _tail_comma(w, toks, k)
    if j is not None and j + 1 < len(toks) and _participle_form(w, toks[j + 1]):
        j = _tail_comma(w, toks, j + 1)  # ", conducted in May," must close too
    if j is not None and j + 1 < len(toks) and toks[j + 1].low in WH_RELATIVES | {"that"}:
        return None  # "In a poll released Monday, which …": a relative clause, not the finding
    return j


def _tail_comma(w: Words, toks: list[Tok], k: int) -> int | None:
    """The comma that ends a short tail of words starting at ``k``; a verb after its first word makes a clause."""
    for j in range(k, min(k + 12, len(toks))):
        t = toks[j]
        if t.text == ",":
            return j
        if (
            (t.kind != "w" and t.text not in {".", "-"})
            or t.low in w.pronouns
            or t.low in {"and", "but", "that"}
            or (
                t.text.islower()  # not the month "May"
                and (t.low in _FINITE or (j > k and _verbal(w, t) and toks[j - 1].low != "by"))
            )
        ):
            return None  # "In a poll the mayor won, …": a clause
    return None


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})


def _viewer_before_comma(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether a person or group, then a comma, starts at ``i``: ``To Ms. Gil,``, ``to many voters,``.

    Only after ``To``: ``For the mayor, …`` more often names a topic than a view.
    """
    if i >= len(toks):
        return False
    if toks[i].low in _OBJECT_PRONOUNS:
        return i + 1 < len(toks) and toks[i + 1].text == ","
    np = np_right(w, toks, i, len(toks))
    if np is None or np[1] + 1 >= len(toks) or toks[np[1] + 1].text != ",":
        return False
    head, first = toks[np[1]], toks[np[0]]
    if _bare(head.low) in w.groups or _bare(head.low) in w.roles:
        return True
    # A person by name: a title or a known first name first ("To Ms. Gil,"), not a place ("To Boston,")
    return _cap(head) and (first.low.rstrip(".") in w.titles or first.low in w.male or first.low in w.female)


# Phrases that name a source after them: "according to the agency", "in the words of the mayor".
_SOURCE_PHRASES: tuple[tuple[str, ...], ...] = (("according", "to"), ("in", "the", "words", "of"))
_SOURCE_FIRST = frozenset(p[0] for p in _SOURCE_PHRASES)


def _source_phrase(toks: list[Tok], i: int) -> tuple[str, ...] | None:
    """The source phrase that starts at token ``i``, if one does."""
    for phrase in _SOURCE_PHRASES:
        if len(phrase) <= len(toks) - i and all(toks[i + k].low == x for k, x in enumerate(phrase)):
            return phrase
    return None


# Prepositions that end a phrasal cue: "know of", "asked for", "talked about".
_CUE_PREPOSITIONS = frozenset({"of", "about", "for", "to", "on", "with", "at", "in", "into", "against"})


def _stranded(toks: list[Tok], end: int) -> bool:
    """Whether the phrasal cue ending at ``end`` ends in a preposition that has no object after it."""
    if end >= len(toks) or toks[end].low not in _CUE_PREPOSITIONS:
        return False
    if end + 1 >= len(toks):
        return True
    nxt = toks[end + 1]
    if nxt.text in {",", ".", ";", ":", ")", "!", "?"} or nxt.low in {"and", "or", "but"}:
        return True  # not "said in ’08 that"
    # "the ferry I know of is …"; but "to have", "to do" are infinitives, "in May" a time
    return toks[end].low != "to" and nxt.low in _FINITE and nxt.text.islower()


def find_cues(w: Words, toks: list[Tok]) -> list[Cue]:
    """Cue candidates of a unit, in order."""
    out: list[Cue] = []
    n = len(toks)
    cue_words = w.cue_words
    headline = _title_case(toks)
    opening = sentence_start(toks, 0)  # "In a new poll, …" and "But in a new poll, …" open the sentence
    for i, t in enumerate(toks):
        if t.kind == "p":
            if t.text == ":":
                out.append(Cue(i, i, "colon", ":"))
            elif t.text in _DASHES and t.text != "-":
                out.append(Cue(i, i, "dash", t.text))
            continue
        if t.low in _SOURCE_FIRST:
            source = _source_phrase(toks, i)
            if source is not None and (source[0] != "in" or i <= opening or toks[i - 1].kind == "p"):
                # "in the words of" opens the sentence or follows a comma: not "a loophole in the words of"
                out.append(Cue(i, i + len(source) - 1, "according", " ".join(source)))
                continue
        if t.low == "in" and i <= opening:
            own = i + 1 < n and toks[i + 1].low in _POSSESSIVE_PRONOUNS  # "In her view,"
            src = (i + 2, i + 2) if own and i + 2 < n else np_right(w, toks, i + 1, n)
            if (
                src is not None
                and (_bare(toks[src[1]].low) in w.documents or toks[src[1]].low in {"interview", "view"})
                and source_comma(w, toks, src[1] + 1) is not None
            ):
                out.append(Cue(i, i, "source", "in"))  # "In a new poll, ...", "In my view, ..."
            continue
        if t.low == "to" and i <= opening:
            if _viewer_before_comma(w, toks, i + 1):
                out.append(Cue(i, i, "view", t.low))  # "To the mayor, the ferry is a lifeline."
            continue
        if t.low == "in" and i >= 3 and _poll_at_end(w, toks, i + 1):
            out.append(Cue(i, i, "source", "in"))  # "..., she trails him by nine points in the latest poll."
            continue
        if t.low == "heard" and i > 0:
            body = _skip_adverbs_left(w, toks, i, 0)
            if body >= 0 and _bare(toks[body].low) in w.hearing:
                out.append(Cue(i, i, "heard", "hear"))  # "The inquest heard that …"
                continue
        if t.low in w.hearsay:
            if not headline:  # "Mayor Reportedly Quits": a headline, its own layout
                out.append(Cue(i, i, "hearsay", t.low))  # "The council has reportedly dropped the plan."
            continue
        if t.kind != "w" or t.low not in cue_words:
            continue
        if _discourse_marker(toks, i) or _compound_noun(w, toks, i):
            continue
        if t.low == "known" and i + 1 < n and toks[i + 1].low == "as":
            continue  # "the group known as the Friends of the Pier": a name, not a statement
        if t.low == "supposed" and i + 1 < n and toks[i + 1].low == "to":
            continue  # "the ferry is supposed to run hourly": a duty or a plan, no one's belief
        low = t.low
        phrase = _phrase(toks, i, w.speech_phrasal.get(low, ()))
        stance = _phrase(toks, i, w.stance_phrasal.get(low, ()))
        if stance is not None and (phrase is None or stance[0] > phrase[0]):
            phrase = stance  # the longer phrase: "made the case for", not "made the case"
        if (
            phrase is not None
            and low in w.nouny
            and not _verb_context(w, toks, i)
            and (i == 0 or not _cap(t))
        ):
            phrase = None  # "a bottom-line focus on", "his attacks on": a noun here
        if (
            phrase is not None
            and "~" in phrase[1]
            and phrase[1] in _bases(w.speech_phrasal.get(low, ()))
            and not _clause_or_quote(toks, phrase[0] + 1)
        ):
            phrase = None  # "made a point of arriving early", "made a case study": no clause follows
        if phrase is not None and reduced_relative(w, toks, i):
            continue  # "Analysts focused on the region said": the cue is "said"
        if _stranded(toks, phrase[0] if phrase is not None else i + 1):
            continue  # "the one I know of is …", "cards they never asked for": the object went before
        if phrase is not None:
            end, base = phrase
            out.append(
                Cue(
                    i,
                    end,
                    "speech"
                    if low in w.speech_phrasal and base in _bases(w.speech_phrasal[low])
                    else "stance",
                    base,
                )
            )
            continue
        if (
            low in w.stance_nouns
            and i + 1 < n
            and (toks[i + 1].low in TOPIC_PREPOSITIONS or toks[i + 1].low == "that" or is_that(toks, i + 1))
            and owner_of(toks, i) is not None
        ):
            # "her criticism of the plan", "the mayor's claim that", "her view is that"
            out.append(Cue(i, i, "noun", low))
            continue
        if low in w.nouny and not (
            _verb_context(w, toks, i) and (_after_auxiliary(toks, i) or _object_follows(toks, i))
        ):
            if (
                i > 0
                and i + 1 < n
                and toks[i + 1].low == "that"
                and (_possessive(toks[i - 1]) or toks[i - 1].low in _POSSESSIVE_PRONOUNS)
            ):
                out.append(Cue(i, i, "noun", low))  # "Trump’s claim that ..."
            elif (
                i > 0
                and i + 1 < n
                and toks[i + 1].low == "that"
                and toks[i - 1].low not in _DETS
                and not (i + 2 < n and _finite_at(toks, i + 2))
            ):
                pass  # "Another slide shows that": a verb after all; not "states that will vote"
            else:
                continue  # "his support", "the attacks": a noun here
        if (
            _cap(t)
            and i > 0
            and not (i == 1 and toks[0].kind == "q")
            and not (headline and (low in w.speech or low in w.evidence))
        ):
            continue  # "Said" mid-sentence is a name; "Tell" is not a verb here (but "Mayor Says Bridge ...")
        if i > 0 and toks[i - 1].low in _ARTICLES:
            continue  # "the figure", "a state": a noun
        if reduced_relative(w, toks, i):
            continue  # "Two people briefed on the plan said": the cue is "said"
        if anonymity_request(toks, i) >= 0 or _in_anonymity_reason(toks, i):
            # "who asked not to be named", "… anonymity to discuss the talks": how the source
            # is reported, not a statement
            continue
        if (
            low in _NAMING
            and i + 1 < n
            and (
                _cap(toks[i + 1])
                or toks[i + 1].kind == "q"
                or (toks[i + 1].low == "the" and i + 2 < n and _cap(toks[i + 2]))
            )
            and _after_indefinite_noun(w, toks, i)
            and not _second_complement(w, toks, i + 1)
        ):
            continue  # "a program called BleachBit": a name given, not a statement
        if i > 0 and i + 1 < n and _before_noun(w, toks, i):
            continue  # "20 pledged delegates", "the mayor's stated aim": an adjective
        if low in w.belief_adjectives and not (
            _linked(w, toks, i) or (i + 1 < n and toks[i + 1].low in {"that", "to"})
        ):
            continue  # "presidential hopeful Jane Doe": a noun; but "leaders willing to act", "came away convinced that"
        if low in w.speech:
            out.append(Cue(i, i, "speech", w.speech[low]))
        elif low in w.belief:
            out.append(Cue(i, i, "belief", w.belief[low]))
        elif low in w.evidence:
            out.append(Cue(i, i, "evidence", w.evidence[low]))
        elif low in w.stance:
            out.append(Cue(i, i, "stance", w.stance[low]))
    return out


_BE = frozenset({"be", "been", "being", "is", "are", "was", "were", "am"})
_BE_NEGATED = frozenset({"isn't", "aren't", "wasn't", "weren't"})
# Verbs that link a subject to an adjective of belief: "they remain hopeful that …".
_LINKING = _BE | _BE_NEGATED | {
    "remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared",
    "feel", "feels", "felt", "sound", "sounds", "sounded", "become", "becomes", "became",
    "grow", "grows", "grew", "stay", "stays", "stayed", "look", "looks", "looked",
}  # fmt: skip


def _linked(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether the adjective at ``i`` follows a linking verb, over adverbs (``is not yet convinced``)."""
    j = i - 1
    while j >= 0 and toks[j].kind == "w":
        low = toks[j].low
        if low in _LINKING or low.endswith(("'re", "'m")) or (low.endswith("'s") and low[:-2] in _SUBJECTS):
            return True
        if not (
            low in w.adverbs
            or manner_adverb(toks[j])
            or low in {"very", "so", "more", "most", "less", "quite", "too"}
        ):
            return False
        j -= 1
    return False


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
#: Prepositions that introduce what a statement or stance is about.
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "for", "against", "over", "to", "with"})


def is_that(toks: list[Tok], i: int) -> bool:
    """Whether "is that" or "was that" starts at ``i``: "Her answer was that …"."""
    return i + 1 < len(toks) and toks[i].low in {"is", "was"} and toks[i + 1].low == "that"


def owner_of(toks: list[Tok], i: int) -> int | None:
    """The possessive that owns the noun at ``i`` ("her", "the mayor's"), over up to two modifiers."""
    for k in range(i - 1, max(-1, i - 4), -1):
        t = toks[k]
        if t.low in _POSSESSIVE_PRONOUNS or _possessive(t):
            return k
        if t.kind != "w" or _cap(t) or t.low in _DETS:
            return None
    return None


# Words that make the next word a noun, never a verb of saying.
_ARTICLES = frozenset(
    {"a", "an", "the", "its", "their", "our", "my", "your", "these", "those", "another", "every", "each"}
)
# Modals and "do" with "n't" ("doesn’t" is "doesn't": a token's ``low`` has one apostrophe).
NEGATED_MODALS = frozenset(
    {"won't", "can't", "didn't", "doesn't", "don't", "wouldn't", "couldn't", "shouldn't"}
)
_VERB_BEFORE = _MODALS | NEGATED_MODALS | {
    "cannot", "to", "not", "i", "we", "you", "they", "he", "she", "it", "who",
    "also", "never", "still", "now", "often", "always",
}  # fmt: skip


def says_at(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether token ``i`` is a verb of saying used as a verb ("said", not "the figure" or "five states")."""
    return toks[i].low in w.speech and verb_at(w, toks, i)


def verb_at(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether the cue form at ``i`` is used as a verb: not after an article or a number, not a noun."""
    t = toks[i]
    return (
        not (
            i > 0
            and (toks[i - 1].low in _ARTICLES or _possessive(toks[i - 1]) or toks[i - 1].text[:1].isdigit())
        )  # "her reported gifts", "758 pledged delegates"
        and (t.low not in w.nouny or _verb_context(w, toks, i))
        and not _discourse_marker(toks, i)  # "All told, …"
        and not _compound_noun(w, toks, i)  # "a think tank"
    )


_PARTICIPLE_LINKS = frozenset({"on", "about", "by"})
# Prepositions inside the noun phrase after such a participle: "briefed on the talks in Paris".
_NOUN_LINKS = frozenset({"of", "at", "in", "from"})
# Prepositions after a speaking verb's "-ing" form that modifies a noun: "a source speaking to the Courier".
_PRESENT_LINKS = frozenset({"on", "to", "at", "with", "from"})
#: Prepositions of place that tie a speaker to where they are: "residents outside the plant".
PLACE_LINKS = frozenset({"near", "outside", "inside", "behind"})
#: Words that tie a role or group to a phrase with "to": "sources close to the talks".
CLOSE_TO = frozenset({"close", "closer", "closest", "near", "loyal", "linked", "connected", "allied", "tied"})
_COORDINATORS = frozenset({"and", "or", "but"})


def reduced_relative(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether the participle at ``i`` modifies the noun before it, whose verb of saying follows.

    ``Two people briefed on the plan said …``, ``A diplomat quoted by the agency said …``, ``An
    aide speaking on condition of anonymity said …``: the participle is no cue; the verb after
    its phrase is.
    """
    t = toks[i]
    if not (0 < i < len(toks) - 2):
        return False
    present = t.text.islower() and t.low.endswith("ing") and t.low in w.speech  # "An aide speaking to …"
    if not (present or _participle_form(w, t)):
        return False
    prev = toks[i - 1]
    if (
        prev.kind != "w"
        or prev.low in w.pronouns
        or prev.low in w.stop
        or prev.low in _VERB_BEFORE
        or prev.low in w.adverbs
        or manner_adverb(prev)
    ):
        return False  # "has repeatedly called on …": a verb after its adverb
    if toks[i + 1].low not in (_PRESENT_LINKS if present else _PARTICIPLE_LINKS):
        return False
    # Only a noun phrase may stand between the preposition and the verb of saying; a time, a
    # pronoun, "that" or "what" shows a main verb: "reported on Monday that officials said …".
    for k in range(i + 2, min(len(toks), i + 12)):
        nxt = toks[k]
        if nxt.kind != "w" or nxt.low in _COORDINATORS or nxt.low in w.times or nxt.low in w.pronouns:
            return False
        if (
            k > i + 2
            and nxt.text.islower()  # not "the United States"
            and nxt.low in w.speech
            and not nxt.low.endswith("ing")
            and says_at(w, toks, k)
        ):
            return True
        if nxt.low in w.stop and (nxt.low not in _DETS or nxt.low == "that") and nxt.low not in _NOUN_LINKS:
            return False
    return False


# Phrases by which a source asks not to be named: "asked not to be identified", "requested
# anonymity", "spoke on condition of anonymity". They say how the source is reported, not what
# the source said.
_ANONYMITY = (
    ("not", "to", "be", "named"),
    ("not", "to", "be", "identified"),
    ("not", "to", "be", "quoted"),
    ("to", "be", "named"),
    ("to", "be", "identified"),
    ("anonymity",),
    ("for", "anonymity"),
    ("on", "condition", "of", "anonymity"),
    ("on", "the", "condition", "of", "anonymity"),
    ("anonymously",),
    ("on", "background"),
)
ASKS_ANONYMITY = frozenset(
    {
        "asked", "requested", "declined", "refused", "sought", "spoke", "speaking", "talked", "talking",
        "want", "wanted", "wants", "wished", "preferred",
    }
)  # fmt: skip


def _verb_after(w: Words, toks: list[Tok], i: int) -> int:
    """The first token from ``i`` that is no auxiliary or adverb ("who did not want" gives "want")."""
    while i < len(toks) - 1 and toks[i].low in w.adverbs:
        i += 1
    return i


# Participles that give a thing its name after a noun: "a firm called Acme".
_NAMING = frozenset({"called", "named", "dubbed", "titled", "entitled", "nicknamed"})


def _after_indefinite_noun(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether ``i`` follows a common noun in a phrase opened by *a*, *an* or *one* (``a new group called``).

    The head is lower case or an acronym (``one PAC called``); the words before it may be names
    (``a Facebook group called``).
    """
    if (
        i == 0
        or not (toks[i - 1].kind == "w" and (toks[i - 1].text.islower() or toks[i - 1].text.isupper()))
        or _bare(toks[i - 1].low) in w.roles
        or _bare(toks[i - 1].low) in w.groups
    ):
        return False  # "A federal judge called Trump a liar", "one lawmaker called …": a person calls
    for k in range(i - 1, max(-1, i - 6), -1):
        t = toks[k]
        if t.low in {"a", "an", "one"}:
            return k < i - 1
        if t.kind != "w" or not (t.text.islower() or _cap(t) or t.text[:1].isdigit()) or t.low in w.stop:
            return False  # "A spokesman for the mayor called …": the phrase has a head already
    return False


def _second_complement(w: Words, toks: list[Tok], k: int) -> bool:
    """Whether a name at ``k``, after *called*, has a second complement: ``called Ruiz a liar``.

    Then the verb is said of the name (``A report called the Pier Project a failure``); a name
    given is followed by punctuation, a verb or a small word (``a group called Save Our Pier, …``,
    ``a group called Tidewatch warns …``).
    """
    if k < len(toks) and toks[k].low == "the":
        k += 1
    if k < len(toks) and toks[k].kind == "q":
        k += 1
    else:
        while k < len(toks) and toks[k].kind == "w" and (_cap(toks[k]) or toks[k].text[:1].isdigit()):
            k += 1
    if k >= len(toks):
        return False
    t = toks[k]
    return (
        t.kind == "q"
        or t.low in {"a", "an", "the"}
        or (
            t.kind == "w"
            and t.text.islower()
            and t.low not in w.stop
            and not present_verb(w, t)
            and not (t.low in w.past or t.low in w.participles or t.low.endswith("ed") or t.low in _FINITE)
        )
    )


_WHO_THAT = frozenset({"who", "that"})
WH_RELATIVES = frozenset({"who", "which", "whose"})


def anonymity_aside(w: Words, toks: list[Tok], k: int) -> int:
    """The index after ``who asked not to be named`` starting at ``k``, or -1."""
    if toks[k].low not in _WHO_THAT or k + 1 >= len(toks):
        return -1
    return anonymity_request(toks, _verb_after(w, toks, k + 1))


def anonymity_request(toks: list[Tok], i: int) -> int:
    """The index after a request for anonymity whose verb is at ``i`` ("asked not to be named"), or -1."""
    if toks[i].low not in ASKS_ANONYMITY:
        return -1
    for phrase in _ANONYMITY:
        end = i + 1 + len(phrase)
        if end <= len(toks) and all(toks[i + 1 + k].low == p for k, p in enumerate(phrase)):
            return end
    return -1


# Words that open the reason a source gives for asking not to be named.
_REASON_OPENERS = frozenset({"to", "because", "since"})


def anonymity_through(toks: list[Tok], i: int, stop: int) -> bool:
    """Whether a request for anonymity whose verb is at ``i`` runs on to token ``stop``.

    It may go on with its reason, unbroken by punctuation: ``spoke on condition of anonymity
    to discuss the talks``, ``asked not to be named because she was not allowed to speak``.
    """
    end = anonymity_request(toks, i)
    if end < 0 or end > stop:
        return False
    if end == stop:
        return True
    if toks[end].low not in _REASON_OPENERS or stop - end > 16 or any(t.kind != "w" for t in toks[end:stop]):
        return False
    # "because they were not allowed to speak": the reason's own verb comes before the stop; in
    # "… anonymity because she feared …" the verb at the stop is the reason's
    return toks[end].low == "to" or any(
        _finite_at(toks, k) or toks[k].low.endswith("ed") for k in range(end + 2, stop)
    )


def _in_anonymity_reason(toks: list[Tok], i: int) -> bool:
    """Whether the infinitive at ``i`` gives the reason a source asks for anonymity (``… anonymity to discuss``)."""
    if toks[i - 1].low != "to" or (
        i + 1 < len(toks) and (toks[i + 1].low == "that" or toks[i + 1].kind == "q")
    ):
        return False  # "spoke on condition of anonymity to say that …" says it
    # no request ends in "to" and a verb, so one that runs to ``i + 1`` ends before the "to"
    return anonymity_before(toks, i + 1, max(0, i - 16)) >= 0


def anonymity_before(toks: list[Tok], stop: int, lo: int) -> int:
    """The verb of a request for anonymity from ``lo`` on that runs on to token ``stop``, or -1."""
    return next(
        (
            k
            for k in range(lo, stop - 2)
            if toks[k].low in ASKS_ANONYMITY and anonymity_through(toks, k, stop)
        ),
        -1,
    )


def _prev_word(toks: list[Tok], i: int) -> Tok:
    """The token before ``i``, over one "-ly" adverb ("voters increasingly view")."""
    prev = toks[i - 1]
    if i >= 2 and prev.low.endswith("ly") and prev.text.islower() and len(prev.low) > 4:
        prev = toks[i - 2]
    return prev


def _after_auxiliary(toks: list[Tok], i: int) -> bool:
    """Whether a modal, "to", "not" or a pronoun comes right before ``i``: a verb for sure."""
    return i > 0 and _prev_word(toks, i).low in _VERB_BEFORE


# Words after a noun-or-verb form that show it is no verb taking an object: "moves back in",
# "the attacks in Paris", "goes back nearly a century".
_NO_OBJECT_AFTER = frozenset(
    {
        "in",
        "on",
        "out",
        "up",
        "down",
        "off",
        "into",
        "away",
        "from",
        "at",
        "by",
        "of",
        "over",
        "nearly",
        "and",
        "or",
    }
)


def _object_follows(toks: list[Tok], i: int) -> bool:
    """Whether no particle or preposition follows ``i``: an object, a clause or the clause's end may.

    A noun-or-verb form after a noun is a verb only so: "Republicans back Trump", but
    "the campaign moves back in", "the Paris attacks in November".
    """
    if i + 2 < len(toks) and toks[i + 1].text == "to":  # not a headline's "Vows To Cut"
        nxt = toks[i + 2]
        return not (
            nxt.low in _DETS or _cap(nxt) or nxt.text[:1].isdigit()
        )  # "plans to go", not "back to the coast"
    return i + 1 >= len(toks) or toks[i + 1].low not in _NO_OBJECT_AFTER


def _progressive(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether the ``-ing`` form at ``i`` follows *be* in a progressive: ``have been warning``, ``Ana is warning``.

    After *is*, *are*, *was* or *were* the subject must be one who can act (a pronoun, a name,
    a person, group or organisation noun): ``The goal is warning voters`` and ``The label is warning enough``
    use the form as a noun.
    """
    prev = toks[i - 1]
    if prev.low == "been":
        return True
    if prev.low not in _BE or i < 2:
        return False
    subj = toks[i - 2]
    return (
        subj.low in _SUBJECTS
        or subj.text == ","  # "Democrats, while still confident, are warning …": an aside closes
        or (_cap(subj) and subj.low not in w.stop)
        or _bare(subj.low) in w.roles
        or _bare(subj.low) in w.groups
        or _bare(subj.low) in w.organizations
    )


# Quantifiers that stand alone as a clause's subject: "Many protest the decision".
_BARE_QUANTIFIERS = frozenset({"many", "some", "few", "most", "others", "both", "all"})
# Words after which a subject may start: "…, while 5 percent favor it", "polls show that half oppose".
_BEFORE_SUBJECT = LEADING_CONJUNCTIONS | {"or", "while", "whereas", "that", "where"}


def _verb_context(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether an ambiguous noun-or-verb form at ``i`` reads as a verb."""
    if i == 0:
        return False
    if toks[i].low in w.clause_only and not _clause_or_quote(toks, i + 1):
        return False  # "Coastal states swing …", "states that will vote"; but "the memo states that …"
    prev = _prev_word(toks, i)
    if prev.low == "to" and i >= 2 and toks[i - 2].low == "according":
        return False  # "according to figures that …"
    if prev.low in _VERB_BEFORE or (toks[i].low.endswith("ing") and _progressive(w, toks, i)):
        return True  # "will warn", "is warning voters"
    if prev.low in _DAYS and toks[i].low.endswith("s"):
        return True  # "a report published on Monday shows"
    if toks[i].low in w.evidence and _document_subject(w, toks, i):
        return True
    if prev.text == "," and toks[i].low.endswith("s") and _after_named_aside(w, toks, i - 1):
        return True  # "Ana Ruiz, a director at the port, calls"
    if _quantity_subject(toks, i) and i + 1 < len(toks) and _object_opener(toks[i + 1]):
        # "1 percent support the Green nominee", "four in 10 favor it", "Many fear Ortiz will win";
        # not "a majority vote of", "A third report said", "20 percent back pay"
        return True
    if prev.kind != "w" or prev.low in _DETS or prev.low in w.stop or _possessive(prev):
        return False
    form = toks[i].low
    if form.endswith("s"):
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if nxt in _FINITE or (nxt in w.speech and nxt not in w.nouny):
            return False  # "Consumer advocates say …": the form heads the subject
        # "The Post reports", "the poll shows": a singular name or document before
        return (
            _cap(prev)
            or _bare(prev.low) in w.documents
            or _bare(prev.low) in w.organizations
            or (
                (prev.low in w.roles or prev.low in w.titles) and not prev.low.endswith("s")
            )  # "the first lady calls"
        )
    # "Republicans support", "environmentalists worry": a plural subject right before. Not
    # "Residents of the valley fear …": that reads like "Reports of the rescue plan to …"
    return prev.low.endswith("s") and not prev.low.endswith("ss")


def _object_opener(t: Tok) -> bool:
    """Whether ``t`` opens an object: a determiner, a name, an object pronoun or ``to``."""
    return t.low in _DETS or _cap(t) or t.low in _OBJECTS or t.low in {"themselves", "to"}


def _clause_or_quote(toks: list[Tok], k: int) -> bool:
    """Whether a clause with its subject, a quotation or punctuation follows at ``k``: what a verb that takes no object needs."""
    if k >= len(toks):
        return True
    t = toks[k]
    if t.low == "that":  # "that will vote" is a relative clause
        return k + 1 < len(toks) and not _finite_at(toks, k + 1)
    return t.kind in {"q", "p"}


def _finite_at(toks: list[Tok], k: int) -> bool:
    """Whether an auxiliary or a modal, maybe negated, stands at ``k``: ``was``, ``will``, ``didn't``."""
    return toks[k].low in _FINITE or toks[k].low in NEGATED_MODALS


def _quantity_subject(toks: list[Tok], i: int) -> bool:
    """Whether the words before ``i`` are a quantity that opens its clause.

    ``…, while 5 percent``, ``and four in 10``, ``A majority``, ``Many``; not ``His 32%`` or ``garners 41 percent``.
    """
    h = i - 1
    if toks[h].low in _BARE_QUANTIFIERS:
        s = h
    elif toks[h].text == "%" or toks[h].low == "percent":
        s = h - 1
    elif toks[h].low == "cent" and h >= 2 and toks[h - 1].low == "per":
        s = h - 2
    elif toks[h].low in _QUANTITY_NOUNS:
        s = h - 1 if h >= 1 and (toks[h - 1].low in {"a", "the"} or _number(toks[h - 1])) else h
    elif _proportion(toks, i - 3, h):
        s = i - 3
    else:
        return False
    if s < 0 or (s < h and not (_number(toks[s]) or toks[s].low in {"a", "the"})):
        return False
    s = _quantity_left(toks, s, h, 0)
    return s == 0 or toks[s - 1].kind == "p" or toks[s - 1].low in _BEFORE_SUBJECT


def _after_named_aside(w: Words, toks: list[Tok], k: int) -> bool:
    """Whether the comma at ``k`` closes an aside about a name that opens the clause: ``Ana Ruiz, a director at the port,``.

    Not a place after a preposition: ``In Harbour, a fishing town, calls for a pier grew``.
    """
    j = k - 1
    while j > 0 and k - j < 20 and toks[j].kind == "w":
        j -= 1
    if j < 1 or toks[j].text != "," or j + 1 == k:
        return False
    first = toks[j + 1].low
    if not (first in _ARTICLES or first in w.roles or first.rstrip(".") in w.titles):
        return False
    n = j - 1
    while (
        n >= 0
        and toks[n].low not in w.stop
        and (_cap(toks[n]) or toks[n].low in w.roles or toks[n].low in w.titles)
    ):
        n -= 1  # "Former Arizona governor Jan Brewer"
    return n < j - 1 and (n < 0 or toks[n].kind != "w")


def _document_subject(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether a poll or a report a few words back is the subject of the verb at ``i``.

    ``Polls there show``, ``A poll out this week shows``, ``A poll by Harbour Research shows``,
    ``A poll, taken in May, shows``; the words between are times, adverbs, names and a few others.
    """
    k = i - 1
    if toks[k].low in {"by", "of"}:
        return False  # "data released Friday by state regulators": the word after is the agent, no verb
    if toks[k].text == ",":  # an aside between commas: look before it
        k = next((j for j in range(k - 1, max(-1, k - 16), -1) if toks[j].kind != "w"), -1)
        if k < 1 or toks[k].text != ",":
            return False
        k -= 1
    for j in range(k, max(-1, k - 6), -1):
        t = toks[j]
        if t.kind == "w" and _bare(t.low) in w.documents:
            return True
        if t.kind != "w" or not (
            t.low in w.times or t.low in _AFTER_DOCUMENT or t.low.endswith("ly") or _cap(t)
        ):
            return modified_document(w, toks, i) >= 0
    return False


def modified_document(w: Words, toks: list[Tok], i: int) -> int:
    """Where the phrase that ends before ``i`` starts, if it is a document with modifiers after it; else -1.

    ``…, city records compiled by a watchdog group show``, ``A WKRP/Harbour poll of Maine
    released on Tuesday showed``: the phrase opens the sentence or follows a comma, holds no
    finite verb, and a document noun among its first words is followed by a preposition or a
    participle.
    """
    if toks[i - 1].low in _CONNECT or toks[i - 1].low in _DETS:
        return -1  # "the secretary of state": no verb after a preposition or an article
    k = i - 1
    while (
        k >= 0 and i - k <= 14 and (toks[k].kind == "w" or toks[k].text == "/") and toks[k].low not in _FINITE
    ):
        if toks[k].low in _RELATIVES:
            return -1
        k -= 1
    if k >= 0 and toks[k].text != ",":
        return -1
    for j in range(k + 1, min(k + 7, i - 1)):
        nxt = toks[j + 1].low
        if _bare(toks[j].low) in w.documents and (nxt in DOCUMENT_MODIFIERS or nxt in w.participles):
            return k + 1
    return -1


# Words that open a modifier after a document: "records compiled by", "figures from the census".
DOCUMENT_MODIFIERS = frozenset({"by", "from", "of", "on", "in", "for", "released", "published", "compiled"})


# Words between a poll and its verb: "Polls there show", "a poll out this week shows".
_AFTER_DOCUMENT = frozenset(
    {"there", "here", "out", "also", "now", "again", "still", "this", "last", "released", "of", "by", "the", "a", "an"}
)  # fmt: skip


# Set phrases that open a sentence with a verb of saying but report nothing:
# "That said, …", "All told, …", "Having said that, …", "Needless to say, …", "Not to mention, …".
_DISCOURSE_MARKERS = frozenset(
    {
        ("that", "said"),
        ("all", "told"),
        ("needless", "to", "say"),
        ("having", "said", "that"),
        ("not", "to", "mention"),
    }
)


def _compound_noun(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether the cue form at ``i`` opens a two-word noun: ``think tank``, ``voting record``.

    Not after a subject pronoun, a modal, "to" or a plural noun, where it is a verb: ``they think
    tanks will …``, ``Generals think tanks are obsolete``.
    """
    if not (i + 1 < len(toks) and (toks[i].low, toks[i + 1].low) in w.compounds):
        return False
    if i == 0:
        return True
    prev = toks[i - 1]
    return not (
        prev.low in _MODALS
        or prev.low in _SUBJECTS
        or prev.low in {"to", "not"}
        or (_plural_noun(prev) and prev.low not in _DETS and not _possessive(prev))
    )


def _plural_noun(t: Tok) -> bool:
    """Whether ``t`` looks like a plural noun: ``generals``, ``Analysts``; not ``various`` or ``its``."""
    return t.kind == "w" and _s_form(t.low)


# Each word of a marker, with the markers it is in and its place there.
_MARKER_PLACES: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = {
    word: tuple((p, at) for p in _DISCOURSE_MARKERS for at, x in enumerate(p) if x == word)
    for word in {x for p in _DISCOURSE_MARKERS for x in p}
}


def _discourse_marker(toks: list[Tok], i: int) -> bool:
    """Whether the cue word at ``i`` belongs to a discourse marker that a comma closes."""
    for phrase, at in _MARKER_PLACES.get(toks[i].low, ()):
        s = i - at
        e = s + len(phrase)
        if (
            s >= 0
            and e < len(toks)
            and toks[e].text == ","
            and (s == 0 or toks[s - 1].kind == "p" or toks[s - 1].low in {"but", "and"})
            and tuple(t.low for t in toks[s:e]) == phrase
        ):
            return True
    return False


def _before_noun(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether the form at ``i`` modifies the noun after it, after a number or a possessive noun."""
    prev, nxt = toks[i - 1], toks[i + 1]
    return (
        (prev.text[:1].isdigit() or (_possessive(prev) and prev.low not in w.pronouns))
        and nxt.kind == "w"
        and nxt.text.islower()
        and nxt.low not in w.stop
        and nxt.low not in w.pronouns
    )


def _bases(options: Iterable[tuple[tuple[str, ...], str]]) -> set[str]:
    return {base for _, base in options}


def _phrase(
    toks: list[Tok], i: int, options: Iterable[tuple[tuple[str, ...], str]]
) -> tuple[int, str] | None:
    """The longest phrase of ``options`` that the tokens after ``i`` spell: (last index, entry)."""
    best: tuple[int, str] | None = None
    for rest, base in options:
        end = _spelled(toks, i + 1, rest)
        if end is not None and (best is None or end > best[0]):
            best = (end, base)
    return best


def _modifier(w: Words, t: Tok) -> bool:
    """Whether ``t`` may modify a noun that follows it in a lexicon phrase's ``~`` slot.

    A determiner or a lower-case word that is neither a function word nor a plural noun:
    ``several``, ``harsh``, ``serious``; not ``taxes`` or ``while`` (``raised taxes even as
    concerns about``), and not ``no`` (``made no comments about`` reports none).
    """
    low = t.low
    if t.kind != "w" or not t.text.islower() or low == "no":
        return False
    if low in _DETS:
        return True
    return low not in w.stop and low != "sure" and not (low.endswith("s") and not low.endswith(("ous", "ss")))


def _spelled(toks: list[Tok], k: int, rest: tuple[str, ...]) -> int | None:
    """The last index of ``rest`` spelled from token ``k``, or ``None``.

    A ``~`` in ``rest`` stands for up to three lower-case modifiers of the noun that follows it:
    ``make ~ comments about`` spells ``made comments about`` and ``made several harsh comments about``.
    """
    for m, word in enumerate(rest):
        if word == "~":
            w = words()
            for skip in range(4):
                if skip and not (k + skip - 1 < len(toks) and _modifier(w, toks[k + skip - 1])):
                    return None
                end = _spelled(toks, k + skip, rest[m + 1 :])
                if end is not None:
                    return end
            return None
        if k >= len(toks) or toks[k].low != word:
            return None
        k += 1
    return k - 1


# ---------------------------------------------------------------------------
# What stands between a cue and its content


_OBJECTS = frozenset({"him", "her", "them", "me", "us", "you", "it"})
_MEDIA_CACHE: list[regex.Pattern[str]] = []


def _media() -> regex.Pattern[str]:
    if not _MEDIA_CACHE:
        alts = "|".join(f"(?:{p})" for p in words().media)
        _MEDIA_CACHE.append(
            regex.compile(
                rf"(?:in|on|via|during|through|over|at)\s+((?:{alts}))(?![\w-])", regex.I | regex.V1
            )
        )
    return _MEDIA_CACHE[0]


def _medium_phrase(text: str, t: Tok) -> tuple[int, str] | None:
    """Like :func:`medium_at`, with an outlet named after "with": ``an interview with the Evening Post``."""
    found = medium_at(text, t)
    if found is None:
        return None
    end, medium = found
    with_name = _WITH_NAME.match(text, end)
    return (with_name.end(), medium + text[end : with_name.end()]) if with_name else found


def medium_at(text: str, t: Tok) -> tuple[int, str] | None:
    """The end and the medium of a phrase that starts at token ``t`` (``on Twitter`` gives Twitter)."""
    m = _media().match(text, t.start)
    return (m.end(), m.group(1)) if m else None


_WITH_NAME = regex.compile(
    r"\s+with\s+(?:the\s+)?[\p{Lu}\d][\w.’'&-]*(?:\s+(?:[\p{Lu}&][\w.’'&-]*|of|and))*(?<!\s(?:of|and))",
    regex.V1,
)


class After(NamedTuple):
    """Where the content starts after a cue, and what was passed over."""

    start: int
    audience: tuple[int, int] | None
    medium: str | None
    that: bool


_AFTER_AUDIENCE = frozenset(
    {"that", "in", "on", "at", "during", "about", "via", "before", "after", "last", "this", "of"}
)


def _audience_before_that(w: Words, toks: list[Tok], j: int, ceil: int) -> tuple[int, int] | None:
    """A longer audience that ``that`` closes: ``told a packed hall in Reno that ...``."""
    k = j
    while k < ceil and k - j < 12 and toks[k].kind == "w" and toks[k].low != "that":
        if (
            toks[k].low in _FINITE
            or toks[k].low in w.speech
            or toks[k].low == "to"
            or (toks[k].low in w.pronouns and toks[k].low not in _OBJECTS | _POSSESSIVE_PRONOUNS)
        ):
            return None  # a subject pronoun starts the clause; "told his aides that" is an audience
        k += 1
    if k < ceil and k > j and toks[k].low == "that":
        return (j, k - 1)
    return None


# Pronouns that open the reported clause after an audience: "told reporters she would run".
_CLAUSE_PRONOUNS = frozenset(_SUBJECTS) - {"it", "you"}
# Words that count how often something was said: "asked several times whether …".
_HOW_MANY = _SMALL_NUMBERS | {"several", "many", "multiple", "numerous", "countless"}
# Words that open a reported question after whom a speaker told: "told guests how she …".
_QUESTION_OPENERS = frozenset({"how", "why", "what", "whether"})  # not "if": "promised reform if elected"


def _how_often(toks: list[Tok], j: int, ceil: int) -> bool:
    """Whether ``several times`` at ``j`` says how often, before a question or "that".

    ``asked several times whether …``; not ``said three times as many people applied``.
    """
    return (
        j + 2 < ceil
        and toks[j + 1].low == "times"
        and (toks[j].low in _HOW_MANY or toks[j].text.isdigit())
        and (toks[j + 2].low in _QUESTION_OPENERS or toks[j + 2].low == "that")
    )


def _place_end(toks: list[Tok], j: int, ceil: int) -> int:
    """Where a place phrase that starts at ``j`` ends (``in Leeds``, ``at Ohio State``, ``in Reno, Nevada``), or ``j``."""
    if j + 1 >= ceil or toks[j].low not in {"in", "at"}:
        return j
    k = j + 1
    while k < ceil and _cap(toks[k]) and toks[k].kind == "w":
        k += 1
        if k + 1 < ceil and toks[k].text == "," and _cap(toks[k + 1]):
            k += 1  # "in Reno, Nevada"
    return k if k > j + 1 else j


# Words that may open the reported clause after a named place: "told a crowd in Leeds the city …".
_CLAUSE_OPENERS = _DETS | {"whether", "if"}


def _after_place(w: Words, toks: list[Tok], j: int, ceil: int) -> int:
    """Where the clause starts after a place phrase at ``j`` that follows an audience, or ``j``.

    ``told a crowd in Leeds she would …``, ``told voters at the county fair they …``,
    ``told a rally in Reno, Nevada, on Friday the city …``, ``told his players at halftime what …``.
    A named place may be followed by the clause's determiner or a time; any other place only by a
    subject pronoun or a question word. A medium (``told staff in an email they …``) is not a
    place: the caller passes over it.
    """
    k = _place_end(toks, j, ceil)
    named = k > j
    if (
        not named
        and j + 2 < ceil
        and toks[j].low in {"in", "at"}
        and toks[j + 1].kind == "w"
        and toks[j + 1].text.islower()
        and toks[j + 1].low not in w.stop
    ):
        k = j + 2  # a bare noun: "told his players at halftime what …", "told jurors in court they …"
    elif not named and j + 2 < ceil and toks[j].low in {"in", "at"} and toks[j + 1].low in _DETS:
        k = j + 2
        while (
            k < ceil
            and k - j < 6
            and toks[k].kind == "w"
            and toks[k].low not in w.stop
            and toks[k].low not in _CLAUSE_PRONOUNS
        ):
            k += 1
    if k == j or k >= ceil:
        return j
    if named and toks[k].text == "," and k + 1 < ceil:
        k += 1  # "told voters in Reno, Nevada, they …"
    if named and k + 1 < ceil and toks[k].low in _PHRASE_PREPOSITIONS and toks[k + 1].low in w.times:
        k += 2  # "in Leeds on Friday"
    if k >= ceil:
        return j
    if (
        toks[k].low in _CLAUSE_PRONOUNS
        or toks[k].low in _QUESTION_OPENERS
        or (named and (toks[k].low in _CLAUSE_OPENERS or toks[k].low in w.times))
    ):
        return k
    return j


_TITLE_WORD = regex.compile(r"[\p{L}\d][\p{L}\d'’.&-]*")
_PROGRAMME_NOUNS = frozenset({"show", "program", "programme", "broadcast", "podcast"})


def title_words(quoted: str) -> int:
    """How many words quoted words that title a programme or a work hold (``Meet the Press``: 3), or 0."""
    if "?" in quoted:
        return 0
    ws = _TITLE_WORD.findall(quoted)
    titled = 0 < len(ws) <= 8 and not ws[0][0].islower() and all(x[0].isupper() for x in ws if len(x) > 3)
    return len(ws) if titled else 0


def _title_words(t: Tok) -> int:
    """How many words quotation token ``t`` holds if it titles a programme or a work, or 0."""
    return title_words(t.text) if t.kind == "q" else 0


def _programme(w: Words, toks: list[Tok], j: int, ceil: int) -> int:
    """The last token of a programme's name at ``j``, or -1.

    ``ABC's “This Week”``, ``“Fox and Friends”``, ``the “Today” show``. A title alone needs two
    words: ``on “Obamacare”`` names no programme.
    """
    k = j
    if k < ceil and (toks[k].low == "the" or (_possessive(toks[k]) and _cap(toks[k]))):
        k += 1
    n = _title_words(toks[k]) if k < ceil else 0
    if not n:
        return -1
    if k + 1 < ceil and toks[k + 1].low in _PROGRAMME_NOUNS:
        k += 1
    elif toks[j].low == "the" or (k == j and n < 2):
        return -1  # not "the “new normal”"
    nxt = toks[k + 1] if k + 1 < ceil else None
    if nxt is not None and nxt.text.islower() and nxt.low not in w.stop and nxt.low not in w.pronouns:
        # the title names a noun after it: "told “Save Our Pier” campaigners", "the “Today” show host"
        return -1
    return k


def _noun_after_her(w: Words, toks: list[Tok], k: int, ceil: int) -> bool:
    """Whether the words at ``k``, after "told her", make "her" a possessive: ``told her closest advisers``.

    Not when they open the reported clause: a pronoun, quantifier or adverb (``told her it was
    over``, ``told her many voters agreed``, ``told her recently that …``), or a noun phrase that a
    finite verb follows (``told her staff were working late``, ``told her voters would decide``).
    """
    t = toks[k]
    if not (
        _plain_word(w, t)
        and t.low not in w.pronouns
        and t.low not in _QUANTIFIERS
        and t.low not in _SMALL_NUMBERS
        and t.low not in _NOT_HER_NOUNS
        and not t.low.endswith("ly")
        and not _verbal(w, t)
    ):
        return False
    m = k + 1
    while m < ceil and m - k < 4 and _plain_word(w, toks[m]) and not _verbal(w, toks[m]):
        m += 1
    return not (m < ceil and _verbal(w, toks[m]))  # "told her staff were …", "told her children had …"


# Words after "told her" that open the clause rather than name whom she has: "told her enough was enough".
_NOT_HER_NOUNS = frozenset({"another", "enough", "plenty", "nobody", "everybody", "somebody"})


def _plain_word(w: Words, t: Tok) -> bool:
    """Whether ``t`` is a lower-case word that is no function word."""
    return t.kind == "w" and t.text.islower() and t.low not in w.stop


def _verbal(w: Words, t: Tok) -> bool:
    """Whether ``t`` is a finite verb form: a past, an "-ed" form or a present "-s" verb."""
    return t.low in w.past or t.low.endswith("ed") or present_verb(w, t) or t.low in _FINITE


def _audience_np(w: Words, toks: list[Tok], j: int, ceil: int) -> tuple[int, int] | None:
    """Whom a speaker told: ``reporters``, ``the BBC``, ``the radio station``, ``him``, ``NBC's “Today”``."""
    t = toks[j]
    show = _programme(w, toks, j, ceil)
    if show > j:
        return (j, show)
    her_noun = t.low == "her" and j + 1 < ceil and _noun_after_her(w, toks, j + 1, ceil)
    if not her_noun and (t.low in _OBJECTS - {"it"} or t.low in w.audiences):
        return (j, j)
    if j + 1 < ceil and f"{t.low} {toks[j + 1].low}" in w.audiences:
        return (j, j + 1)
    k = j
    if t.low in {"the", "a", "an"} or _possessive(t) or her_noun:
        k += 1
    first = k
    last_org = -1
    while k < ceil and _cap(toks[k]) and (toks[k].low not in w.stop or (k > j and _possessive(toks[k - 1]))):
        # right after a possessive a capitalised stopword starts a show's name: "the BBC's Today programme"
        if _bare(toks[k].low) in w.organizations:
            last_org = k
        k += 1
    if k > first:
        nxt = toks[k] if k < ceil else None
        if (
            nxt is None
            or nxt.kind != "w"
            or nxt.low in _AFTER_AUDIENCE
            or nxt.low in w.times
            or nxt.low in _CLAUSE_PRONOUNS
        ):
            # "told Radio Ostia in an interview that ...", "told the Leeds Rotary Club she ..."
            return (j, k - 1)
        m = k
        while (
            m < ceil
            and m - k < 3
            and _plain_word(w, toks[m])
            and toks[m].low not in _CLAUSE_PRONOUNS
            and not _verbal(w, toks[m])
        ):
            m += 1
        if m > k and (
            m >= ceil
            or toks[m].kind in {"p", "q"}
            or toks[m].low == "that"
            or toks[m].low in _CLAUSE_PRONOUNS
            or _place_end(toks, m, ceil) > m
        ):
            # "told a Senate committee that ...", "told a Rotary Club lunch she ...": a name, then
            # the noun it modifies
            return (j, m - 1)
        if 0 <= last_org < k - 1:
            return (j, last_org)  # "told the Associated Press Kyiv wants ...": the outlet ends at "Press"
        if k - first >= 3:
            return (j, k - 2)  # "told the Daily Courier Vienna wants ...": the last name starts the clause
        return (j, k - 1)
    # A common noun phrase: "the radio station", "a group of students"
    while (
        k < ceil and k - first < 4 and toks[k].kind == "w" and not _cap(toks[k]) and toks[k].low not in w.stop
    ):
        k += 1
    if k - 2 >= first and _how_often(toks, k - 2, ceil):
        k -= 2  # "asked the senator several times whether": how often, not whom
    if (
        k > first
        and k > j
        and (
            k >= ceil
            or toks[k].low == "that"
            or toks[k].kind == "p"
            or toks[k].kind == "q"
            or (
                (k > j + 1 or _plural_noun(toks[j]))  # not "pledged to reach at the talks"
                and (
                    toks[k].low in _CLAUSE_PRONOUNS
                    or toks[k].low in _QUESTION_OPENERS  # "told guests how …"
                    or _place_end(toks, k, ceil) > k
                    or _after_place(w, toks, k, ceil) > k  # "told guests at the dinner how …"
                    or (
                        _time_at(w, toks, k, ceil)
                        # not "spoke to accept his party's nomination last week": a verb and its object
                        and not any(toks[m].low in _POSSESSIVE_PRONOUNS for m in range(first + 1, k))
                    )
                )
            )
        )
    ):
        # "told the radio station that", "told a rally in Leeds she …", "told a council panel Wednesday"
        return (j, k - 1)
    if k > first and _nounish(w, toks[first].low):
        return (j, first)
    if k > first and t.low == "her" and _nounish(w, toks[k - 1].low):
        return (j, k - 1)  # "told her closest advisers as …"
    return None


# Participles that open a phrase naming how a speaker spoke: "Writing on Facebook, the mayor said".
_MEDIUM_PARTICIPLES = frozenset({"speaking", "writing", "posting", "tweeting", "appearing", "testifying"})


def framing_medium(
    w: Words, text: str, toks: list[Tok], speaker: tuple[int, int], cue: int, content: tuple[int, int]
) -> tuple[str | None, tuple[int, int] | None, tuple[int, int] | None]:
    """The medium and audience named by a phrase set off by commas around the speaker, and its tokens.

    Before it: ``In an interview with CNN, she said``, ``Speaking to reporters, the mayor said``,
    ``Writing on Facebook, the mayor said``; or between the speaker and the cue: ``The mayor's
    office, in a statement, called …``. A phrase inside the ``content`` is the statement's own.
    """
    s, e = speaker
    if e + 3 < cue and toks[e + 1].text == "," and toks[cue - 1].text == ",":
        medium, audience = _framing_phrase(w, text, toks, e + 2, cue - 1)
        if medium or audience:
            return medium, audience, (e + 2, cue - 2)
    if s < 2 or toks[s - 1].text != ",":
        return None, None, None
    lo = s - 2
    while lo > 0 and s - lo < 14 and toks[lo - 1].kind == "w":
        lo -= 1
    if (lo > 0 and toks[lo - 1].text != ",") or (content[0] < s - 1 and lo < content[1]):
        return None, None, None  # "The mayor lied, on television, the senator said": the content's own
    medium, audience = _framing_phrase(w, text, toks, lo, s - 1)
    return medium, audience, (lo, s - 2) if medium or audience else None


def _framing_phrase(
    w: Words, text: str, toks: list[Tok], lo: int, comma: int
) -> tuple[str | None, tuple[int, int] | None]:
    """The medium or audience of the phrase that fills ``[lo, comma)`` exactly, if it names one."""
    t = toks[lo]
    if t.low in _MEDIUM_PARTICIPLES and lo + 1 < comma:
        if toks[lo + 1].low == "to" and t.low == "speaking" and lo + 2 < comma:
            audience = _audience_np(w, toks, lo + 2, comma)
            if audience is not None and audience[1] == comma - 1:
                return None, audience  # "Speaking to reporters, …"
        lo += 1
        t = toks[lo]
    found = _medium_phrase(text, t) if t.low in _PHRASE_PREPOSITIONS else None
    if found is None:
        return None, None
    j = token_from(toks, lo, found[0])
    if j < comma and not _occasion_after(w, toks, j, comma):
        return None, None  # the phrase goes on: "In a statement issued after the vote, …"
    return found[1], None


def token_from(toks: list[Tok], k: int, offset: int) -> int:
    """The first token from ``k`` on that starts at or after the character ``offset``."""
    return next((j for j in range(k, len(toks)) if toks[j].start >= offset), len(toks))


def _occasion_after(w: Words, toks: list[Tok], j: int, comma: int) -> bool:
    """Whether ``[j, comma)`` is where a medium was given: ``at the rally`` in ``In a video at the rally,``."""
    return (
        toks[j].low in {"at", "during", "from", "in", "on"}
        and comma - j <= 6
        and all(t.kind == "w" and t.low not in w.past and t.low not in _FINITE for t in toks[j + 1 : comma])
    )


# Prepositions that open a phrase of time, place or medium between a cue and its clause.
# Conjunctions that open a clause of time or circumstance after a verb of saying: "said as she
# left the hall", "said when asked". Not "if", "because" or "unless": "said if elected she
# would …" opens what was said.
TIME_CONJUNCTIONS = frozenset({"as", "when", "while", "after", "before"})

_PHRASE_PREPOSITIONS = frozenset(
    {
        "on",
        "in",
        "at",
        "during",
        "via",
        "through",
        "over",
        "after",
        "before",
        "following",
        "amid",
        "from",
        "with",
    }
)


# Lower-case words in -ly that are no manner adverbs: "said only that", "an ally", "a friend of
# the family said". ("weekly" and "daily" stay adverbs: "reports weekly that …".)
_NOT_MANNER = frozenset(
    {
        "only",
        "early",
        "ally",
        "family",
        "rally",
        "reply",
        "supply",
        "assembly",
        "belly",
        "monopoly",
        "anomaly",
        "bully",
        "tally",
        "homily",
        "elderly",
    }
)


# Adverbs of how often something was said, between a cue and what was said: "said again that …".
_REPEATING = frozenset({"again", "repeatedly", "publicly", "privately"})


def manner_adverb(t: Tok) -> bool:
    """Whether ``t`` is a manner adverb in -ly (``evenly``, ``loudly``; not ``Kelly`` or ``only``)."""
    return t.kind == "w" and t.text.islower() and t.low.endswith("ly") and t.low not in _NOT_MANNER


def _opens_noun_phrase(w: Words, t: Tok) -> bool:
    """Whether ``t`` may open a subject: a determiner, a pronoun, a possessive or a capitalised word."""
    return t.low in _DETS or t.low in w.pronouns or _possessive(t) or _cap(t)


def _participle_form(w: Words, t: Tok) -> bool:
    """Whether ``t`` may be a past participle: a lower-case "-ed" form or a listed irregular one."""
    return t.text.islower() and (t.low.endswith("ed") or t.low in w.participles)


def _participle_phrase_end(w: Words, toks: list[Tok], j: int, ceil: int) -> int:
    """Where a participle phrase at ``j`` that modifies the noun before it ends, or -1.

    ``released Monday``, ``sent to members``, ``released by the club``: a participle, then a time
    or "to" or "by" and a phrase.
    """
    if not (j + 1 < ceil and _participle_form(w, toks[j])):
        return -1
    k = j + 1
    while k < ceil and toks[k].low in w.times:
        k += 1
    if k < ceil and toks[k].low in {"to", "by"}:
        k += 1 if k + 2 < ceil and toks[k + 1].low in _POSSESSIVE_PRONOUNS else 0  # "by her office"
        np = np_right(w, toks, k + 1, ceil)
        return np[1] + 1 if np else -1
    return k if k > j + 1 else -1


def _that_after_phrase(w: Words, toks: list[Tok], j: int, ceil: int, *, clause_stops: bool = False) -> int:
    """Where a "that", or a comma or colon before a quotation, closes the phrase after token ``j``, or -1.

    Fourteen words and commas at most, with no verb of saying among them (nor one of thinking or
    showing after a comma); with ``clause_stops`` no auxiliary either ("in a statement released
    Monday the deficit was so large that …" is a clause, but "on CNN, where he is a paid
    contributor, that …" is an aside).
    """
    k = j + 1
    while (
        k < ceil
        and k - j <= 14
        and toks[k].low != "that"
        and not (clause_stops and toks[k].low in _FINITE)
        and ((toks[k].kind == "w" and toks[k].low not in w.speech) or toks[k].text in {",", ":"})
        and not (
            toks[k - 1].text == ","
            and (toks[k].low in w.belief or toks[k].low in w.evidence)
            and not toks[k].low.endswith("ing")  # ", knowing the jury was …, that": an aside goes on
        )
    ):  # "writing in the Ledger, noticed that": the aside ends, the subject's own verb follows
        if toks[k].text in {",", ":"} and k + 1 < ceil and toks[k + 1].kind == "q":
            return k  # "tweeted in response: “…”", "said in the spring, when …, “…”"
        k += 1
    return k if k < ceil and toks[k].low == "that" else -1


def _title_before_that(toks: list[Tok], j: int, ceil: int) -> int:
    """Where "that" follows a title that starts at ``j`` (``Salt Roads that …``), or -1."""
    k = j
    while (
        k < ceil
        and k - j < 8
        and toks[k].kind == "w"
        and (_cap(toks[k]) or (k > j and toks[k].low in TITLE_SMALL_WORDS))
    ):
        k += 1
    return k if k > j and k < ceil and toks[k].low == "that" else -1


# Words a title leaves in lower case: "Salt Roads of the North", "A Time for Truth".
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "for", "of", "to", "in", "on", "at", "by", "with", "from", "as"}
)  # fmt: skip

# Works whose title may follow them in quote marks: "in his book, “A Valley Son.”"
_WORK_NOUNS = frozenset(
    {"book", "memoir", "memoirs", "autobiography", "novel", "essay", "column", "op-ed", "article",
     "film", "documentary", "movie", "song", "album", "video", "ad", "advertisement", "report",
     "study", "paper"}
) | _PROGRAMME_NOUNS  # fmt: skip


def _past_work_title(toks: list[Tok], cue: Cue, j: int, ceil: int, medium: str) -> int:
    """Past the quoted title of the work a medium names, if one follows at ``j``; else ``j``.

    ``…, the mayor said in his 2012 book, “A Valley Son.”``: the title names the book, and the
    clause before the speaker is what he said. A title-cased quotation counts before "that",
    or at the clause's end after such a clause; alone it is the quotation (``She wrote in her
    column, “The Council Has Failed.”``).
    """
    k = j + 1 if j < ceil and toks[j].text == "," else j
    if k >= ceil or medium.rsplit(None, 1)[-1].lower() not in _WORK_NOUNS or not _title_words(toks[k]):
        return j
    if k + 1 < ceil and toks[k + 1].low == "that":
        return k + 1
    # "…, the mayor wrote in": a comma, the speaker, then the cue; not "The mayor, a teacher, wrote"
    comma = next((m for m in range(cue.start - 1, max(-1, cue.start - 8), -1) if toks[m].text == ","), -1)
    clause_before = 0 < comma < cue.start - 1 and words_in(toks, 0, comma, 3) >= 3
    if clause_before and (k + 1 >= ceil or toks[k + 1].kind == "p"):
        return k + 1
    return j


def _time_word(w: Words, toks: list[Tok], j: int, ceil: int) -> bool:
    """Whether a time phrase of one word, or of ``this``/``last`` and one, starts at ``j`` (``Tuesday``, ``last week``).

    ``may``, ``march``, ``once`` and ``again`` are left alone: they are words of other kinds too.
    """
    low = toks[j].low
    if low in {"this", "last"}:
        return j + 1 < ceil and toks[j + 1].low in w.times
    return low in w.times and low not in {"once", "again", "may", "march"}


def _time_at(w: Words, toks: list[Tok], k: int, ceil: int) -> bool:
    """Whether a time phrase starts at ``k``: ``Wednesday``, ``last week``, ``on Friday``."""
    if toks[k].low == "on":
        k += 1
    return k < ceil and _time_word(w, toks, k, ceil)


def _aside_before_that(toks: list[Tok], j: int, ceil: int) -> int | None:
    """The index of "that" after the comma that closes an aside begun before ``j``, if one follows."""
    for k in range(j, min(j + 20, ceil - 1)):
        t = toks[k]
        if t.kind == "q" or t.text in {".", ";", ":", "?", "!"}:
            return None
        if t.text == ",":
            return k + 1 if toks[k + 1].low == "that" else None
    return None


SPAN_PREPOSITIONS = frozenset({"on", "in", "at", "during", "over", "for", "through", "throughout"})
# Prepositions that take a bare time word as a span: "on Tuesday", "in May", "at night", not "over time".
_BARE_SPAN = frozenset({"on", "in", "at", "during"})
# Words before a time word in a span of time: "over the last week", "on the next day".
_SPAN_LEADS = frozenset({"the", "last", "past", "next", "coming", "previous", "following", "this", "that"})


def time_span_end(w: Words, toks: list[Tok], j: int) -> int:
    """The token after a time that a preposition at ``j`` opens (``over the last week``), or -1."""
    if toks[j].low not in SPAN_PREPOSITIONS:
        return -1
    k = j + 1
    while k < len(toks) and toks[k].low in _SPAN_LEADS:
        k += 1
    if k >= len(toks) or (k == j + 1 and toks[j].low not in _BARE_SPAN):
        return -1  # "over time" is a phrase, "over April" is rare; "on Tuesday" is a day
    low = toks[k].low
    if not (
        (low in w.times and low not in {"earlier", "later", "again", "once"})
        or (low.endswith("s") and low[:-1] in w.times and k > j + 1)
    ):
        return -1
    k += 1
    while k < len(toks) and toks[k].low in w.times:
        k += 1  # "on Friday night"
    if (
        k < len(toks)
        and toks[k].kind == "w"
        and (_cap(toks[k]) or (toks[k].low not in w.stop and toks[k].low not in w.pronouns))
        and not manner_adverb(toks[k])
        and not (toks[k].low in w.past or toks[k].low.endswith("ed") or toks[k].low in _FINITE)
    ):
        return -1  # "in the Sunday Times", "during the night shift": the time word is the noun's
    return k


# Verbs of conversation: their partner follows "with" ("spoke with reporters about the fire"),
# their topic a preposition, and alone they report nothing ("spoke at a memorial service").
CONVERSE = frozenset({"speak", "talk"})
# Prepositions after whom one spoke with that open what was spoken about.
_TOPIC_OPENERS = frozenset({"about", "on", "regarding", "over"})


def _interlocutor(w: Words, toks: list[Tok], j: int, ceil: int, anyone: bool) -> tuple[int, int] | None:
    """Whom a speaker spoke to or with: an audience, or a noun phrase before what they spoke about.

    ``spoke to the congregation about the fire``, ``talked with his neighbours on the plan``. After
    *to* the phrase must name people (``anyone`` false): ``spoke to the point about costs`` is no
    audience.
    """
    aud = _audience_np(w, toks, j, ceil)
    if aud is not None:
        return aud
    k = j + 1 if toks[j].low in _DETS or _possessive(toks[j]) else j
    first = k
    while k < ceil and k - first < 4 and toks[k].kind == "w" and toks[k].low not in w.stop:
        if toks[k].low in w.times:
            return None  # "the experts I spoke to this week about …": no one after "to"
        k += 1
    if not (first < k < ceil - 1 and toks[k].low in _TOPIC_OPENERS) or toks[k + 1].low in WH_RELATIVES:
        return None  # "spoke to the issue about which she cared"
    head = _bare(toks[k - 1].low)
    people = head in w.roles or head in w.groups or head in w.gatherings or head in w.organizations
    return (j, k - 1) if anyone or people or _cap(toks[k - 1]) else None


def _manner_phrase_end(w: Words, toks: list[Tok], j: int, ceil: int) -> int:
    """The end of a phrase of manner at ``j`` that a quotation, a colon or ``that`` follows, or ``j``.

    ``with a smile``, ``with a wry grin`` and a lone participle between commas (``smiling``)
    say how words were said (manner_verbs.txt), not what.
    """
    t = toks[j]
    if t.low == "with" and j + 2 < ceil and toks[j + 1].low in {"a", "an"}:
        k = next((k + 1 for k in (j + 2, j + 3) if k < ceil and toks[k].low in w.manner), j)
    elif t.low.endswith("ing") and t.low in w.manner and j > 0 and toks[j - 1].text == ",":
        k = j + 1  # "said, smiling, “…”"
    else:
        return j
    if (
        k < ceil
        and toks[k].text == ","
        and k + 1 < ceil
        and (toks[k + 1].kind == "q" or toks[k + 1].low == "that")
    ):
        k += 1
    if k > j and k < ceil and (toks[k].kind == "q" or toks[k].text == ":" or toks[k].low == "that"):
        return k
    return j


def after_cue(w: Words, text: str, toks: list[Tok], cue: Cue, ceil: int) -> After:
    """Pass over audience, time and medium phrases, and a manner adverb, after a cue."""
    j = cue.end + 1
    audience: tuple[int, int] | None = None
    medium: str | None = None
    that = False
    if cue.base in _TELL and j < ceil and (toks[j].kind == "w" or _title_words(toks[j])):
        if toks[j].kind == "q":
            # "told “Fox and Friends” that …", "told “Save Our Pier” campaigners that …"
            audience = (j, j) if _programme(w, toks, j, ceil) == j else None
            longer = _audience_before_that(w, toks, j + 1, ceil) if j + 1 < ceil else None
            audience = (j, longer[1]) if longer else audience
        else:
            audience = _audience_np(w, toks, j, ceil)
            k = audience[1] + 1 if audience else j
            if (
                k < ceil
                and toks[k].kind == "w"
                and toks[k].low not in _PHRASE_PREPOSITIONS
                and toks[k].low != "that"
                and not manner_adverb(toks[k])  # "told her flatly that …"
            ):
                # "told FBI agents that ...": the audience is longer than the phrase scan found
                audience = _audience_before_that(w, toks, j, ceil) or audience
        if audience and audience[1] + 2 < ceil and toks[audience[1] + 1].low == "and":
            more = _audience_np(w, toks, audience[1] + 2, ceil)
            if more is not None:
                audience = (audience[0], more[1])  # "told reporters and donors the deal was dead"
        if audience:
            j = audience[1] + 1
            if j < ceil and toks[j].low in {"in", "at"} and _medium_phrase(text, toks[j]) is None:
                j = _after_place(w, toks, j, ceil)
            elif (
                j < ceil
                and toks[j].low in {"who", "whom"}
                and (k := _that_after_phrase(w, toks, j, ceil)) > j + 1
            ):
                j = k  # "telling anyone who will listen that …": the relative clause belongs to the audience
    for _ in range(6):
        if j >= ceil:
            break
        t = toks[j]
        if t.kind == "q":
            break
        if (k := _manner_phrase_end(w, toks, j, ceil)) > j:
            j = k  # "said with a smile: “…”", "replied, smiling, “…”": how it was said
            continue
        if _time_word(w, toks, j, ceil):
            j += 2 if t.low in {"this", "last"} else 1
            continue
        if (k := time_span_end(w, toks, j)) > j:
            j = k  # "complained over the weekend", "said on Friday night"
            continue
        if _how_often(toks, j, ceil):
            j += 2  # "asked several times whether …": how often, not what
            continue
        if t.low == "on" and (show := _programme(w, toks, j + 1, ceil)) >= 0:
            if show > j + 1:  # a bare title may be a topic: "said on “Medicare for All” that …"
                medium = text[toks[j + 1].start : toks[show].end]  # "said on ABC's “This Week” that …"
            j = show + 1
            continue
        if t.low == "with" and cue.base in CONVERSE and j + 1 < ceil and audience is None:
            aud = _interlocutor(w, toks, j + 1, ceil, anyone=True)
            if aud is not None:
                audience = aud  # "spoke with reporters about the fire"
                j = aud[1] + 1
                continue
        if t.low in _PHRASE_PREPOSITIONS:
            found = _medium_phrase(text, t)
            if found:
                end, medium = found
                while j < ceil and toks[j].end <= end:
                    j += 1
                if j < ceil and toks[j].kind == "w" and toks[j].low != "that":
                    # The medium's own modifier: "in a statement released by her office", "in a
                    # letter sent to members that …", "in her memoir Salt Roads that …"
                    k = -1
                    if not _opens_noun_phrase(w, toks[j]):
                        # "in an editorial piece for The Post that …"; but "in a statement the
                        # deficit was so large that …" is the clause itself
                        k = _that_after_phrase(w, toks, j - 1, ceil, clause_stops=True)
                    j = max(j, k, _participle_phrase_end(w, toks, j, ceil), _title_before_that(toks, j, ceil))
                elif j + 1 < ceil and toks[j].text == "," and toks[j + 1].low in {"which", "who"}:
                    # "in an interview, which aired Sunday, that …": the aside belongs to the medium
                    j = _aside_before_that(toks, j + 2, ceil) or j
                j = _past_work_title(toks, cue, j, ceil, medium)
                continue
            if j + 1 < ceil and (toks[j + 1].low in w.times or toks[j + 1].text[:1].isdigit()):
                j += 2
                continue
            if (
                j + 3 < ceil
                and toks[j + 1].text in _ELIDERS
                and regex.fullmatch(r"\d\d", toks[j + 2].text)
                and (toks[j + 3].low == "that" or toks[j + 3].text == ",")
            ):
                j += 3  # "said in ’08 that …": a year with its century left out
                continue
            # "said during a rally in Michigan that ...": the phrase before "that"
            k = _that_after_phrase(w, toks, j, ceil)
            if k > j + 1 and cue.base not in CONVERSE:  # "spoke on a subject that she …": a relative
                j = k
                continue
            break
        if (
            t.low in TIME_CONJUNCTIONS  # "after" and "before" were taken above, as prepositions
            and j + 1 < ceil
            # a subject opens the clause of time; "described as miserable, … that" is no such clause
            and (toks[j + 1].low in w.pronouns or toks[j + 1].low in _DETS - {"a", "an"} or _cap(toks[j + 1]))
            and (k := _that_after_phrase(w, toks, j, ceil)) > j + 1
        ):
            j = k  # "said as she closed the meeting that …": a clause of time before "that"
            continue
        if t.low == "to" and cue.kind == "speech" and j + 1 < ceil and audience is None:
            if cue.base in CONVERSE:
                aud = _interlocutor(w, toks, j + 1, ceil, anyone=False)
            else:
                aud = _audience_np(w, toks, j + 1, ceil)
            if aud is not None:
                audience = aud
                j = aud[1] + 1
                continue
            break
        if t.text == "," and audience is not None and audience[1] == j - 1:
            # "vented to her husband, Tom Ruiz, that …": the audience's name between commas
            k = next((k for k in range(j + 1, min(ceil, j + 8)) if toks[k].kind != "w"), -1)
            if (
                k > j + 1
                and toks[k].text == ","
                and k + 1 < ceil
                and toks[k + 1].low == "that"
                and all(_cap(x) for x in toks[j + 1 : k])
            ):
                j = k + 1
                continue
        if t.text in {",", ":"}:
            j += 1
            continue
        if t.low == "once" and j + 1 < ceil and toks[j + 1].low == "again":
            j += 1  # "said once again …"
            continue
        if (manner_adverb(t) or t.low in _REPEATING) and j + 1 < ceil:
            if toks[j + 1].text in {",", ":"} or toks[j + 1].kind == "q" or toks[j + 1].low == "that":
                j += 1  # "replied evenly, “…”", "said flatly that …": a manner adverb
                continue
            if toks[j + 1].low in _PHRASE_PREPOSITIONS and _that_after_phrase(w, toks, j + 1, ceil) > j + 2:
                j += 1  # "said again during the debate that …": the phrase is passed over next
                continue
            if t.low in _REPEATING and _opens_noun_phrase(w, toks[j + 1]):
                j += 1  # "said again the pier was safe"
                continue
        if t.text in {"—", "–", "--"}:
            # "said — on Twitter, as it happens — that …": an aside between dashes
            k = next((k for k in range(j + 1, min(ceil, j + 14)) if toks[k].text == t.text), -1)
            if k > j + 1 and k + 1 < ceil and toks[k + 1].low == "that":
                j = k + 1
                continue
            break
        if t.low == "of" and cue.kind == "speech":
            # "said of the plan, ..." / "said of Clinton that ..."
            k = j + 1
            while k < ceil and k - j <= 5 and toks[k].kind == "w" and toks[k].low != "that":
                k += 1
            if (
                k < ceil
                and k > j + 1
                and (toks[k].text in {",", ":"} or toks[k].low == "that" or toks[k].kind == "q")
            ):
                j = k
                continue
            break
        if (
            t.low == "that"
            and j > cue.end + 1
            and j + 1 < ceil
            and toks[j - 1].kind == "w"
            # after a place; not after an audience, a medium or a day ("told reporters that cuts
            # the board made …", "said in a statement that", "said Monday that rumors …")
            and audience is None
            and medium is None
            and toks[j - 1].low not in w.times
            and (
                toks[j + 1].low in w.past
                or (
                    present_verb(w, toks[j + 1])
                    and toks[j + 1].text.isalpha()  # not "he’s"
                    and j + 2 < ceil
                    # "that serves the island", "that overlooks Kaneohe Bay"; not "that officials say"
                    and (toks[j + 2].low in _DETS or _cap(toks[j + 2]))
                )
            )
        ):
            break  # "spoke in a hall that overlooks the bay": a relative clause of the phrase
        if (
            t.low == "that"
            and j == cue.end + 1
            and cue.kind in {"speech", "belief", "stance", "evidence"}
            # a noun-or-verb form only where it is a verb (not "according to figures that were …")
            and (toks[cue.start].low not in w.nouny or _verb_context(w, toks, cue.start))
            and j + 1 < ceil
            and _finite_at(toks, j + 1)
        ):
            that = True  # "said that was a joke": "that" is the clause's subject, so it stays
            break
        if t.low == "that" and cue.kind != "according":
            that = True
            j += 1
            if j < ceil and toks[j].text == ",":
                j += 1  # "said that, taxes aside, the plan was fair"
            break
        break
    return After(j, audience, medium, that)


# Trailing signs that belong to the words before them: "(D-Ore.)", "rose to 4.2%".
_KEPT_AT_END = frozenset({")", "%", "\N{DEGREE SIGN}", "\N{PER MILLE SIGN}"})


def content_end(toks: list[Tok], lo: int, hi: int) -> int:
    """``hi`` moved left over trailing punctuation."""
    while hi > lo and toks[hi - 1].kind == "p" and toks[hi - 1].text not in _KEPT_AT_END:
        hi -= 1
    return hi


def words_in(toks: list[Tok], lo: int, hi: int, enough: int = 1 << 30) -> int:
    """How many narration words lie in ``[lo, hi)``; a quotation counts as three.

    A quotation is a statement in itself, so a content that is only a quotation
    passes every "at least so many words" test a reported clause must pass.
    Counting stops at ``enough``: callers compare against a small threshold.
    """
    n = 0
    for k in range(lo, hi):
        kind = toks[k].kind
        if kind != "p":
            n += 3 if kind == "q" else 1
            if n >= enough:
                return n
    return n


_LEADING = frozenset(
    {
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "when",
        "while",
        "as",
        "since",
        "with",
        "here",
        "there",
        "earlier",
        "later",
        "by",
        "despite",
        "amid",
        "following",
        "under",
        "for",
        "until",
        "throughout",
        "within",
        "although",
        "though",
        "because",
        "if",
        "once",
        "like",
        "unlike",
        "without",
    }
)


# Words after a length of time that place an event from another: "Hours later", "A year ago",
# "One month after the vote".
_AGO = frozenset({"later", "earlier", "ago", "after", "before"})
# Units of time that, counted, open such a phrase: "Two weeks", "Minutes".
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "moment"})


def _time_measure(w: Words, toks: list[Tok], i: int, k: int) -> bool:
    """Whether tokens ``i`` to ``k - 1`` measure a length of time: ``Hours``, ``Two weeks``, ``A month``."""
    *count, unit = toks[i:k]
    return _bare(unit.low).rstrip("s") in _TIME_UNITS and all(
        _number(t) or t.low in {"a", "an", "just", "only", "several", "few", "many"} for t in count
    )


def _after_dateline(toks: list[Tok], before: int) -> int:
    """The first token after a leading dateline (``WASHINGTON (AP) —``, ``CLEVELAND, July 19 —``), or 0."""
    for k in range(min(before, 10)):
        t = toks[k]
        if t.text in _DASHES and t.text != "-":
            return k + 1 if k > 0 and k + 1 < before else 0
        if not (_cap(t) or t.kind == "p" or t.text[:1].isdigit()):
            return 0
    return 0


# Words that may open a subject after a time phrase with no comma ("On Monday she said …").
_SUBJECT_OPENERS = _ARTICLES | {"he", "she", "it", "they", "we", "his", "her"}

# Words that may open a sentence before its subject or a source phrase: "Then the mayor …",
# "However, the mayor …", "But, according to the poll, …". Not "later" or "earlier", which lead
# time phrases: "Later that day,".
OPENING_ADVERBS = LEADING_CONJUNCTIONS | {
    "then",
    "now",
    "still",
    "meanwhile",
    "instead",
    "however",
    "indeed",
    "finally",
    "moreover",
    "nevertheless",
    "nonetheless",
    "separately",
    "similarly",
    "likewise",
}


def _subject_follows(w: Words, toks: list[Tok], i: int, before: int) -> bool:
    """Whether a phrase at ``i`` is followed by a word that is not ``and`` or ``or`` (its verb)."""
    np = np_right(w, toks, i, before)
    return (
        np is not None
        and np[1] + 1 < before
        and toks[np[1] + 1].kind == "w"
        and toks[np[1] + 1].low not in {"and", "or"}
    )


def _opening_participle(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether a participle phrase opens at ``i``: ``Arriving at the scene, police …``, ``Chastened by
    the reviews, the mayor …``; not ``Boeing said``."""
    t = toks[i]
    if i + 1 >= len(toks):
        return False
    if (t.low.endswith("ed") or t.low in w.participles) and toks[i + 1].low == "by":
        return True
    return (
        t.low.endswith("ing")
        and t.low not in w.times
        and (toks[i + 1].low in _LEADING or toks[i + 1].low in _DETS or toks[i + 1].low == "to")
    )


def unit_subject(toks: list[Tok], before: int) -> tuple[int, int] | None:
    """The subject at the head of a unit (after a leading adverbial), if a verb follows it.

    ``In his speech, the mayor thanked the crews and said ...`` gives ``the mayor``; so do
    ``Then the mayor …`` and ``On Sunday the mayor …`` (an opening adverb, a time phrase with no comma).
    """
    w = words()
    i = _after_dateline(toks, before)
    if i < before and toks[i].low in OPENING_ADVERBS:
        i += 1  # "Then he turned on the mayor, calling …"
        if i < before and toks[i].text == ",":
            i += 1  # "Meanwhile, the mayor …"
    counted = next((k for k in range(i + 1, min(before, i + 4)) if toks[k].low in _AGO), -1)
    end = -1
    if counted > 0 and _time_measure(w, toks, i, counted):
        if toks[counted].low in {"after", "before"}:
            # "One month after the vote, the mayor …": the phrase ends at its comma
            end = next((k for k in range(counted, min(before, counted + 20)) if toks[k].text == ","), -1)
            if end > 0 and not _subject_follows(w, toks, end + 1, before):
                # "One month after the vote the mayor resigned, saying": no comma of its own; the
                # phrase ends with the event it counts from
                event = np_right(w, toks, counted + 1, before)
                end = (
                    event[1] if event is not None and _subject_follows(w, toks, event[1] + 1, before) else -1
                )
        else:
            end = counted + (
                counted + 1 < before and toks[counted + 1].text == ","
            )  # "Hours later(,) the mayor"
    if end > 0:
        i = end + 1
    elif i < len(toks) and (toks[i].low in _LEADING or _opening_participle(w, toks, i)):
        # "On Sunday morning the mayor made …": a time phrase without its comma
        t = i + 1
        while t < before and (toks[t].low in w.times or toks[t].text.isdigit()):
            t += 1
        if t > i + 1 and t < before and (_cap(toks[t]) or toks[t].low in _SUBJECT_OPENERS):
            i = t
        else:
            commas = [k for k in range(i + 1, min(before, i + 24)) if toks[k].text == ","]
            if not commas:
                return None
            # The comma that ends the phrase, not one inside a list: "Despite warnings from
            # engineers, residents and two reports on the pier, the mayor kept it open and said …"
            i = next((k + 1 for k in commas if _subject_follows(w, toks, k + 1, before)), commas[0] + 1)
    np = np_right(w, toks, i, before)
    if np is None or np[1] + 1 >= before:
        return None
    k = np[1] + 1
    if toks[k].text == ",":  # "Jane Doe, the mayor, thanked the crews and said ..."
        k = next((m + 1 for m in range(k + 1, min(before, k + 16)) if toks[m].text == ","), before)
    if k >= before or toks[k].kind != "w":
        return None
    return np
