"""The attribution rules: one ordered table of named rules.

Each rule looks at one cue of a unit and returns a :class:`~quotetrack.matcher.Frame`
or ``None``. The first rule that matches a cue decides it. Every rule has a
docstring and an example, which the docs and the golden tests use; its
``confidence`` is the base confidence of the quotes it attributes.

Rules that need more than one unit (a quote that continues the last speaker's
paragraph, a cue in the previous sentence) are applied by the pipeline after
these, and are listed in :data:`CONTEXT_RULES`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import NamedTuple

from .marks import MARKS
from .matcher import (
    _ADVERB_PARTICLES,
    _BE,
    _BE_NEGATED,
    _CONNECT,
    _DASHES,
    _DAYS,
    _DETS,
    _FINITE,
    _MODALS,
    _OBJECT_PRONOUNS,
    _OBJECTS,
    _RELATIVES,
    _SMALL_NUMBERS,
    _WEAK,
    ASKS_ANONYMITY,
    CLOSE_TO,
    CONVERSE,
    DOCUMENT_MODIFIERS,
    NEGATED_MODALS,
    OPENING_ADVERBS,
    PLACE_LINKS,
    SPAN_PREPOSITIONS,
    TIME_CONJUNCTIONS,
    TOPIC_PREPOSITIONS,
    WH_RELATIVES,
    After,
    Cue,
    Frame,
    Tok,
    _bare,
    _cap,
    _nounish,
    _participle_form,
    _plural_noun,
    _possessive,
    _skip_adverbs_left,
    _source_phrase,
    _title_case,
    _verb_context,
    _verbal,
    after_cue,
    anonymity_aside,
    anonymity_before,
    anonymity_request,
    anonymity_through,
    appositive_right,
    comma_inside,
    content_end,
    inner_end,
    is_that,
    manner_adverb,
    medium_at,
    modified_document,
    np_left,
    np_right,
    owner_of,
    present_verb,
    reduced_relative,
    says_at,
    sentence_start,
    source_comma,
    time_span_end,
    token_from,
    unit_subject,
    verb_at,
    words_in,
)
from .wordclasses import _SUBJECTS, Words

__all__ = ["CONTEXT_RULES", "RULES", "Context", "Rule", "rule_named"]


# Words that, right after a cue, start an object rather than a reported clause.
_NOT_CLAUSE = frozenset(
    {
        "goodbye",
        "hello",
        "yes",
        "no",
        "so",
        "nothing",
        "something",
        "anything",
        "much",
        "little",
        "more",
        "less",
        "a",
        "an",
    }
)


# Objects of a verb of saying that are no statement: "said nothing", "thought so".
_NO_STATEMENT = frozenset(
    {"nothing", "little", "much", "something", "anything", "so", "more", "less", "it", "this"}
)

# Verbs that report with an infinitive: "X wants to ...", "X urged them to ...".
_TO_VERBS = frozenset(
    {
        "want",
        "plan",
        "hope",
        "intend",
        "expect",
        "wish",
        "urge",
        "ask",
        "promise",
        "vow",
        "pledge",
        "threaten",
    }
)
# Auxiliaries and modals: one of them early in the words after a cue shows a clause.
_AUX = _FINITE | NEGATED_MODALS | {
    "isn't", "wasn't", "hasn't", "haven't", "aren't", "weren't", "needs", "need",
}  # fmt: skip


_PREPOSITIONS = frozenset(
    {"at", "in", "on", "during", "after", "before", "while", "with", "by", "for", "from", "of", "about"}
)
# Prepositions that may link a subject's head to a phrase after it: "Most of the voters in the north".
_SUBJECT_PREPOSITIONS = _PREPOSITIONS | PLACE_LINKS | {"among", "across", "around", "throughout"}
# Conjunctions that open a subordinate clause before its subject: "While Ana said …, the board …".
_SUBORDINATORS = frozenset(
    {
        "while",
        "although",
        "though",
        "whereas",
        "as",
        "if",
        "when",
        "because",
        "since",
        "after",
        "before",
        "once",
        "unless",
        "until",
    }
)


def _be_before(c: Context) -> int | None:
    """The form of *be* (or a pronoun's ``’s``) among the auxiliaries and adverbs before the cue."""
    toks = c.toks
    lo = max(_skip_adverbs_left(c.w, toks, c.cue.start, c.floor), c.floor)  # it may be "being"
    for k in range(lo, c.cue.start):
        if toks[k].low in ASKS_ANONYMITY and (end := anonymity_request(toks, k)) >= 0:
            # "An aide who asked not to be named told …": that "be" is the aside's
            if anonymity_through(toks, k, c.cue.start):
                return None
            lo = end
            break
    for k in range(c.cue.start - 1, lo - 1, -1):
        low = toks[k].low
        if low in _BE_ANY or (low.endswith("'s") and low[:-2] in c.w.pronouns):
            return k
    return None


_BE_ANY = _BE | _BE_NEGATED  # "wasn't told" is a passive too
_BE_FINITE = _BE_ANY - {"be", "been", "being"}  # not "fear being replaced"


def _passive(c: Context, kinds: frozenset[str] = frozenset({"speech"})) -> bool:
    """Whether the cue is a passive participle (``has been mentioned in``): its subject is no source.

    A person's ``’s`` is *has* (``she’s told the BBC``) unless the participle is followed as a
    passive is (``he’s expected to``, ``she’s accused of``, ``he’s backed by``).
    """
    toks = c.toks
    cue = toks[c.cue.start].low
    if not (
        c.cue.kind in kinds
        and (cue.endswith(("ed", "en", "wn")) or cue in {"told", "taught"})
        and cue not in {"quoted"}
    ):
        return False
    be = _be_before(c)
    if be is None:
        return False
    if toks[be].low in _BE_ANY or toks[be].low[:-2] == "it":
        return True
    return c.cue.end + 1 < len(toks) and toks[c.cue.end + 1].low in _PASSIVE_FOLLOWS


def _perceived(c: Context) -> bool:
    """Whether the cue is the passive of a verb of noticing: ``the flaw was never noticed before``.

    What was noticed or discovered is no statement, and its subject no source.
    """
    w = c.w
    return (
        c.cue.kind == "belief"
        and c.cue.base in w.not_object
        and c.cue.base not in w.belief_adjectives  # "is convinced that" is no passive
        and _passive(c, _BELIEF_KIND)
    )


_BELIEF_KIND = frozenset({"belief"})


# What follows a participle after a person's "’s" when the "’s" is "is": "he’s accused of".
_PASSIVE_FOLLOWS = frozenset({"to", "as", "by", "of", "for", "over", "with"})


def _personal(w: Words, toks: list[Tok], np: tuple[int, int]) -> bool:
    """Whether a speaker phrase names a person (a personal pronoun or a first name)."""
    head = toks[np[1]].low
    if head in {"he", "she", "i", "we", "you", "they", "who"}:
        return True
    return any(t.low in w.male or t.low in w.female for t in toks[np[0] : np[1] + 1])


# Relative pronouns that open an aside or a clause about the noun before them ("that" is left
# out: it is as often a conjunction).
_WH_RELATIVES = WH_RELATIVES
# Words before a noun that a participle may modify: "his favored plan", "the old saw".
_NOUN_OPENERS = frozenset(
    {"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"}
)
# Words ending in "-ed" that are no past-tense verb.
_NOT_PAST = frozenset({"hundred", "sacred", "naked", "wicked", "beloved", "rugged", "kindred", "alleged"})
# Words before an "-ed" form that make it an adjective ("the proposed plan", "newly elected").
_BEFORE_ADJECTIVE = _DETS | {
    "very",
    "more",
    "less",
    "so",
    "too",
    "most",
    "newly",
    "recently",
    "well",
    "and",
    "or",
}

# Words that open a fronted adverbial clause: "Despite admitting that …, the mayor …".
_FRONTED = _SUBORDINATORS | {"despite"}
# Words that open a subordinate or relative clause: a verb after them is not the reported clause's.
_CLAUSE_OPENERS = (_SUBORDINATORS - {"whereas", "once"}) | {"who", "which", "where", "whom", "whose"}
_CONTRACTED_FINITE = frozenset(
    f"{p}'{v}" for p in ("it", "he", "she", "that", "there", "they", "we") for v in ("s", "re", "ll")
)


def _aux(t: Tok) -> bool:
    return t.kind == "w" and (t.low in _AUX or t.low in _CONTRACTED_FINITE)


def _past(w: Words, toks: list[Tok], k: int, *, coordinated: bool = False) -> bool:
    """Whether token ``k`` reads as a past-tense verb: an irregular past, or an "-ed" form after a noun.

    With ``coordinated`` an "-ed" form after "and" counts too: ``praised the plan and vowed to …``.
    """
    t = toks[k]
    if t.kind != "w" or k == 0:
        return False
    low = t.low
    prev = toks[k - 1]
    if low in w.past:
        return prev.low not in _DETS
    if (
        not low.endswith("ed")
        or low.endswith("eed")
        or len(low) < 5
        or low in _NOT_PAST
        or not t.text.islower()
    ):
        return False
    return (
        prev.kind == "w"
        and (prev.low not in _BEFORE_ADJECTIVE or (coordinated and prev.low in {"and", "or"}))
        and not prev.low.endswith("ly")
        and not prev.text[:1].isdigit()
    )


def _relative_at(toks: list[Tok], lo: int, hi: int) -> int:
    """Where "and" and a relative pronoun first open a clause between ``lo`` and ``hi`` (else ``hi``).

    A verb after it is the relative clause's: "mentioned during her first term and which she had
    promoted" reports no clause.
    """
    return next(
        (k for k in range(lo + 1, hi) if toks[k].low in _WH_RELATIVES and toks[k - 1].low == "and"), hi
    )


def _clause_like(w: Words, toks: list[Tok], lo: int, hi: int) -> bool:
    """Whether the words at ``lo`` read as a clause (a subject pronoun or a finite verb comes early).

    A subject pronoun or a contracted verb at ``lo`` counts (``he opposes …``, ``it's late``); so
    does an auxiliary anywhere in the first ten words; a past-tense verb only before any
    punctuation or clause opener ("preferred the mayor while most men supported ..." is no clause).
    """
    if lo < hi and (toks[lo].low in _CONTRACTED_FINITE or toks[lo].low in _NOMINATIVE):
        return True  # "it's too late", "he opposes the plan": a subject only a clause has
    window = range(lo + 1, min(hi, lo + 10))
    if any(_aux(toks[k]) for k in window):
        return True
    for k in window:
        if toks[k].kind != "w" or toks[k].low in _CLAUSE_OPENERS:
            return False
        if _past(w, toks, k):
            return True
    return False


_QUESTION_WORDS = frozenset(
    {"what", "whether", "which", "who", "whom", "why", "how", "when", "where", "if", "about"}
)
# Verbs whose following phrase is the one addressed, never an inverted speaker
# ("“...,” told the BBC" is not "“...,” said the BBC").
_NO_INVERSION = frozenset(
    {
        "tell",
        "inform",
        "assure",
        "reassure",
        "remind",
        "notify",
        "brief",
        "instruct",
        "convince",
        "persuade",
        "order",
    }
)


# A subject found before a cue: the speaker phrase and its apposed role, as token ranges.
_Found = tuple[tuple[int, int], tuple[int, int] | None] | None
#: Subjects found in one unit, by (token before which, floor).
SubjectMemo = dict[tuple[int, int], _Found]


class Context(NamedTuple):
    """What a rule sees: the unit's tokens, the cue, and where the unit's free text starts.

    ``cuts`` lists, once per unit, the token indices where a reported content ends
    early (see :func:`clause_cuts`). ``subjects``, when given, is one dict per unit
    in which the subjects found are kept: several rules and cues ask for the same one.
    """

    w: Words
    text: str
    toks: list[Tok]
    cue: Cue
    floor: int
    paragraph_start: bool
    cuts: tuple[int, ...] = ()
    subjects: SubjectMemo | None = None


class Rule(NamedTuple):
    """A named attribution rule."""

    name: str
    apply: Callable[[Context], Frame | None] | None
    confidence: float
    example: str
    doc: str


def _start(np: tuple[int, int], role: tuple[int, int] | None) -> int:
    """The first token of a speaker phrase and its role, whichever comes first."""
    return min(np[0], role[0]) if role else np[0]


def _is_name(w: Words, toks: list[Tok], span: tuple[int, int]) -> bool:
    lo, hi = span
    head = toks[hi]
    return _cap(head) and head.low not in w.pronouns and not _nounish(w, head.low) and _cap(toks[lo])


def _roleish(w: Words, toks: list[Tok], span: tuple[int, int]) -> bool:
    """Whether a phrase names a role (``director general of RUSI``, ``a spokeswoman``)."""
    return any(t.low in w.roles or t.low.rstrip(".") in w.titles for t in toks[span[0] : span[1] + 1])


_SUBJECT_STARTS = frozenset(
    {",", ";", ":", "(", "that", "because", "while", "when", "but", "and", "if", "as"}
)


def _clause_subject(c: Context, h: int, floor: int) -> tuple[tuple[int, int], None] | None:
    """A subject no phrase pattern knows, from the start of its clause to ``h``.

    ``Experts on the region and on trade said ...``: the words from the clause start to
    the verb, when they are few and begin like a noun phrase.
    """
    toks, w = c.toks, c.w
    k = h
    while k > floor and toks[k - 1].kind == "w" and toks[k - 1].low not in _SUBJECT_STARTS and h - k < 10:
        k -= 1
    if h - k >= 7 or (k > floor and toks[k - 1].kind == "w" and toks[k - 1].low not in _SUBJECT_STARTS):
        return None
    first = toks[k]
    if (
        first.kind != "w"
        or (first.low in w.stop and first.low not in _DETS)
        or any(
            t.low in w.speech or t.low in _AUX or t.low in w.past or t.low.endswith("ed")
            for t in toks[k : h + 1]
        )
    ):
        return None
    if not (_cap(first) or first.low in _DETS or _nounish(w, first.low) or first.text[:1].isdigit()):
        return None
    if toks[h].low == "to":
        if toks[k].low in {"it", "it's", "there", "there's"} or toks[k].low.endswith("ing"):
            return None  # "It's easy to …", "Walking into the office to …": no subject
        # "Progressives tend to favor …", "The piece goes on to slam …": the subject is the
        # phrase before the verb that governs the infinitive, not the words up to "to"
        np = np_right(w, toks, k, h)
        verb = (
            next(
                (
                    m
                    for m in range(k + 1 + (toks[k].low in _DETS), np[1] + 1)  # "The bias begins to"
                    if present_verb(w, toks[m]) or toks[m].low in w.past
                ),
                None,
            )
            if np is not None
            else None
        )
        if verb is not None:
            np = (k, verb - 1)  # "The piece goes on to": the phrase ends before its verb
        if (
            np is not None
            and np[1] < h
            and toks[np[1]].low not in _DETS
            and not (toks[np[1]].text.islower() and toks[np[1]].low.endswith("ing"))
        ):
            return np, None  # also a headline's "Mayor to close pier"
    return (k, h), None


def _subject(c: Context, at: int, floor: int) -> _Found:
    """The speaker phrase before token ``at`` and its apposed role, if any (kept per unit)."""
    memo = c.subjects
    if memo is None:
        return _checked(c, _find_subject(c, at, floor))
    key = (at, floor)
    if key not in memo:
        memo[key] = _checked(c, _find_subject(c, at, floor))
    return memo[key]


def _checked(c: Context, found: _Found) -> _Found:
    """``found``, or the clause's subject when its phrase ends in a preposition.

    ``Obama punctuated his list by saying`` gives ``Obama``, not ``Obama punctuated his list by``.
    """
    if found is None or c.toks[found[0][1]].low not in _PREPOSITIONS:
        return found
    subject = unit_subject(c.toks, found[0][0])
    return (subject, None) if subject is not None and _speakerish(c.w, c.toks, subject) else None


def _find_subject(c: Context, at: int, floor: int) -> _Found:
    w, toks = c.w, c.toks
    h = _skip_adverbs_left(w, toks, at, floor)
    if h < floor:
        return None
    if toks[h].low == "to" and (governor := _governs_infinitive(c, h, floor)) is not None:
        # "The senator was quick to embrace", "Ruiz went on to endorse": the governing verb's subject
        return _subject(c, governor, floor)
    if (k := anonymity_before(toks, h + 1, max(floor + 1, h - 20))) >= 0:
        return _find_subject(c, k, floor)  # "An aide speaking on condition of anonymity said"
    if toks[h].text in _DASHES:  # "-" only spaced: a hyphen joins its words
        # "Jane Doe -- a spokeswoman for the city -- said"
        k = h - 1
        while k > floor and toks[k].text != toks[h].text and h - k < 30:
            k -= 1
        if k > floor and toks[k].text == toks[h].text and k + 1 <= h - 1:
            np = np_left(w, toks, k - 1, floor)
            if np is not None:
                return np, (k + 1, h - 1)
        return None
    if comma_inside(toks[h]) and len(toks[h].text.split()) <= 12:
        # "Jane Doe, who called the plan “a mess,” said": the aside's comma is inside the marks
        k = next((k for k in range(h - 1, max(floor, h - 30), -1) if toks[k].kind != "w"), floor)
        if k > floor and toks[k].text == ",":
            np = np_left(w, toks, k - 1, floor)
            if np is not None and toks[k + 1].low in _WH_RELATIVES and len(toks[h].text.split()) <= 4:
                return _head_phrase(c, np, floor), None
            if np is not None and _participle_aside(toks, k + 1):
                np = _head_phrase(c, np, floor)  # "The mayor, citing “a loss of trust,” said"
                if np[0] == sentence_start(toks, floor) or toks[np[0] - 1].kind != "w":
                    return np, None
                return None
            if (
                np is not None
                and _is_name(w, toks, np)
                and (toks[k + 1].low in _DETS or toks[k + 1].low in w.roles)
                and len(toks[h].text.split()) <= 4
            ):
                return np, (k + 1, h)  # "Dana Ray, a host of “The Hour,” said", "Dana Ray, host of …"
    if toks[h].text == ",":
        # "Jane Doe, a spokeswoman for the city, said"; "Jane Doe, who ran in 2020, ..., said"
        c1 = -1
        for k in range(h - 1, max(floor, h - 40), -1):
            if toks[k].kind == "q":
                break
            if toks[k].text == "," and (
                toks[k + 1].low in _WH_RELATIVES or (_verb_aside(toks, k + 1) and k - 1 >= floor)
            ):
                c1 = k  # "Jane Doe, who …, said", "Jane Doe, speaking in Lyon, France, said"
                break
        if c1 < 0:
            c1 = h - 1
            while c1 > floor and toks[c1].text != "," and toks[c1].kind != "q" and h - c1 < 30:
                c1 -= 1
        if c1 - 2 > floor and toks[c1 - 1].text.isdigit() and toks[c1 - 2].text == ",":
            c1 -= 2  # "Lance Berry, 49, a Navy veteran, said": the age belongs to the role
        if c1 > floor and toks[c1].text == "," and c1 + 1 <= h - 1:
            subject = unit_subject(toks, h)
            if (
                subject is not None
                and subject[0] == c1 + 1
                and (_past(w, toks, subject[1] + 1) or present_verb(w, toks[subject[1] + 1]))
            ):
                # "In Lyon, Ana Ruiz praised the plan, saying …", "Hours ago, the premier spoke …,
                # telling": the phrase before the comma opens the sentence, and a clause follows
                return subject, None
            np = np_left(w, toks, c1 - 1, floor)
            if (
                np is not None
                and not _is_name(w, toks, np)
                and np[0] - 2 >= floor
                and toks[np[0] - 1].text == ","
            ):
                # "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said"
                name = np_left(w, toks, np[0] - 2, floor)
                if (
                    name is not None
                    and _is_name(w, toks, name)
                    and (name[0] == floor or toks[name[0] - 1].low not in _PREPOSITIONS)
                ):  # not "In Lyon, the mayor, a teacher, said": a preposition's object
                    return name, (np[0], h - 1)
            if np is not None:
                appos = (c1 + 1, h - 1)
                if toks[appos[0]].low in _WH_RELATIVES or _verb_aside(toks, appos[0]):
                    return _head_phrase(c, np, floor), None
                opening = _opening_subject(c, h, floor)
                if opening is not None and opening[0][1] == np[1] and opening[0][0] < np[0]:
                    np = opening[0]  # "The owner of the old mill, a baker, said": not just "the old mill"
                if not _is_name(w, toks, np) and _is_name(w, toks, appos):
                    return appos, np  # "the head of the agency, Jane Doe, said"
                return np, appos
        if toks[h - 1].text == ")":
            np = np_left(w, toks, h - 1, floor)  # "Sen. Jack Reed (D-R.I.), said"
            if np is not None and np[0] == floor and _is_name(w, toks, np):
                return np, None
        return _opening_subject(c, h, floor)
    if toks[h].text == ")":
        # "Sen. Chris Murphy (a Democrat from Connecticut) says": the parentheses hold a role
        k = h - 1
        while k > floor and toks[k].text != "(" and h - k < 30:
            k -= 1
        if k > floor and toks[k].text == "(" and k + 1 < h:
            np = np_left(w, toks, k - 1, floor)
            if np is not None and _is_name(w, toks, np):
                return np, (k + 1, h - 1)
    if (
        toks[h].low in {"that", "which"}
        and h - 1 >= floor
        and c.cue.kind in {"speech", "evidence"}
        and _document_before(c, h - 1, floor)
    ):
        return (h, h), None  # "a report that says", "issued a statement that said": the document speaks
    relative = _relative_subject(c, h, floor)
    if relative is not None:
        return relative, None
    np = np_left(w, toks, h, floor)
    start = modified_document(w, toks, at) if np is None or toks[np[0] - 1].low in DOCUMENT_MODIFIERS else -1
    if floor <= start < h and (np is None or start < np[0]):
        # "An analysis of budgets going back to 1990 shows", "The WKRP/Harbour poll of likely voters shows"
        return _without_participle(w, toks, (start, h)), None
    if np is None:
        whole = _opening_phrase(c, (h, h), floor)
        if whole[0] < h and _plain_phrase(w, toks[whole[0] : h + 1]):
            return whole, None  # "Experts on Iran and nuclear safety said": no phrase ends at "safety"
        return _clause_subject(c, h, floor)
    if _possessive(toks[np[1]]) and toks[np[1]].low not in w.pronouns:
        return None  # "Editor’s note", "Clinton's plan"; but "he’s predicting"
    np = _head_phrase(c, _without_participle(w, toks, np), floor)  # "The person familiar with the planning"
    s = np[0]
    if (
        not _is_name(w, toks, np)
        and s - 2 >= floor
        and toks[s - 1].text == ","
        and _roleish(w, toks, np)
        and not _bare_plural(toks, np)
        and not (toks[s].low in _POINTING and _comma_after_cue(c, at))  # "Clinton, her aides said, would …"
    ):
        name = np_left(w, toks, s - 2, floor)
        if (
            name is not None
            and _is_name(w, toks, name)
            and toks[name[1]].low not in w.adverbs
            and (name[0] == floor or toks[name[0] - 1].kind in {"q", "p"})
        ):
            return name, np  # "Karin von Hippel, director general of RUSI told"
    return _coordinated(c, np, floor), None


# Possessive and demonstrative determiners: "her aides", "these officials" point at someone
# named elsewhere, so they do not open the role of the name before them.
_POINTING = _NOUN_OPENERS - {"a", "an", "the"}


# Forms of "go", which governs an infinitive only with "on": "went on to endorse".
_GO = frozenset({"go", "goes", "went", "gone"})  # but "is going to endorse" is the future
# Words between "be" and an adjective that governs an infinitive: "were more likely to".
_DEGREE = frozenset({"more", "less", "most", "least", "very", "too", "so", "all", "the"})


def _governs_infinitive(c: Context, to: int, floor: int) -> int | None:
    """The verb whose subject does what the infinitive after ``to`` says, or ``None``.

    ``tended to``, ``went on to``, ``decided not to`` give that verb; ``was quick to``,
    ``were more likely to``, ``was the first to`` give the form of *be*.
    """
    toks, w = c.toks, c.w
    took = _took_to(c, to, floor)
    if took is not None:
        return took
    v = to - 1
    while v > floor and toks[v].low in {"not", "on"}:
        v -= 1  # "decided not to", "went on to"
    if v <= floor or not toks[v].text.islower():
        return None
    if toks[v].low in w.infinitive_verbs:
        on = toks[v + 1].low == "on"
        return v if on or toks[v].low not in _GO else None  # "went to see her speak": a purpose, not a stance
    if toks[v].low not in w.infinitive_adjectives:
        return None
    v -= 1
    while v > floor and toks[v].low in _DEGREE:
        v -= 1
    return v if v > floor and toks[v].low in _BE_ANY else None


def _document_before(c: Context, k: int, floor: int) -> bool:
    """Whether a document noun ends at ``k``, or before a time phrase there (``a statement on Monday``)."""
    toks, w = c.toks, c.w
    j = k
    while j > floor and k - j < 3 and (toks[j].low in w.times or toks[j].low in {"on", "last", "this"}):
        j -= 1
    if toks[j].low in w.documents:
        return True
    # "a letter from his doctor that says": the document before a phrase naming whose it is
    for m in range(j - 1, max(floor, j - 5), -1):
        if toks[m].kind != "w":
            return False
        if toks[m].low in {"from", "by", "of"}:
            return m - 1 >= floor and toks[m - 1].low in w.documents
    return False


_TAKE = frozenset({"take", "takes", "took", "taking", "taken"})


def _took_to(c: Context, to: int, floor: int) -> int | None:
    """``took`` in ``took to Twitter (on Friday) to blast …``: its subject speaks, where it went is the medium."""
    toks = c.toks
    for k in range(to - 2, max(floor, to - 10), -1):
        t = toks[k]
        if t.kind != "w" or t.low in c.w.cue_words:
            return None
        if t.low == "to" and toks[k - 1].low in _TAKE and toks[k - 1].text.islower():
            if k - 2 >= floor and toks[k - 2].low in _BE_ANY:
                return None  # "The case was taken to the court to challenge …": a passive
            return k - 1
    return None


def _comma_after_cue(c: Context, at: int) -> bool:
    """Whether the cue at ``at`` is followed by a comma, as an aside set inside the clause is."""
    k = c.cue.end + 1 if at == c.cue.start else at + 1
    return k < len(c.toks) and c.toks[k].text == ","


def _participle_aside(toks: list[Tok], k: int) -> bool:
    """Whether an aside after a comma opens with an "-ing" participle (``, citing …,``)."""
    t = toks[k]
    return t.kind == "w" and t.text.islower() and t.low.endswith("ing") and len(t.low) > 5


def _verb_aside(toks: list[Tok], k: int) -> bool:
    """Whether an aside opens with a participle of a verb at ``k`` (``, speaking in Lyon, France,``).

    Not ``including``, and not an "-ing" word before its noun (``, mining companies,``): a
    preposition, a determiner or an adverb follows the verb.
    """
    if not _participle_aside(toks, k) or toks[k].low in _EXAMPLES_FOLLOW or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return (
        nxt.low in _PREPOSITIONS
        or nxt.low in _DETS
        or nxt.low in {"to", "later", "earlier"}
        or (nxt.text.islower() and nxt.low.endswith("ly"))
    )


def _head_phrase(c: Context, np: tuple[int, int], floor: int) -> tuple[int, int]:
    """``np`` widened to the sentence's start when a preposition links it to the phrase's head.

    ``The leader of the opposition, who …, said`` and ``A source close to the talks said``: the
    speaker is the leader or the source, not the opposition or the talks.
    """
    toks = c.toks
    k = np[0] - 1
    if toks[np[0]].low not in _DETS and toks[np[0]].low not in _WH_RELATIVES:
        while k > np[0] - 3 and k > floor and _modifier(c.w, toks[k]):
            k -= 1  # "Voters in rural Ohio", "most of registered voters": an adjective before the head
    if k > floor and (
        toks[k].low in _SUBJECT_PREPOSITIONS
        or (toks[k].low == "to" and toks[k - 1].low in CLOSE_TO)
        or reduced_relative(c.w, toks, k - 1)  # "A man speaking to reporters said"
    ):
        return _opening_phrase(c, np, floor)
    return np


def _modifier(w: Words, t: Tok) -> bool:
    """Whether ``t`` may be an adjective left out of a noun phrase (``rural``, ``registered``)."""
    low = t.low
    return t.text.islower() and low not in w.stop and not low.endswith(("ing", "ly"))


def _without_participle(w: Words, toks: list[Tok], np: tuple[int, int]) -> tuple[int, int]:
    """``np`` without a participle at its end: ``A report published on Monday shows`` gives ``A report``."""
    last = toks[np[1]]
    if (
        np[1] > np[0]
        and last.text.islower()
        and (last.low.endswith("ed") or last.low in w.participles or last.low in w.past)
    ):
        return np[0], np[1] - 1
    return np


def _coordinated(c: Context, np: tuple[int, int], floor: int) -> tuple[int, int]:
    """``np`` widened over a first conjunct that opens the clause: ``she and another reporter said``."""
    toks, w = c.toks, c.w
    k = np[0] - 1
    if k - 1 < floor or toks[k].low not in {"and", "or"}:
        return np
    if toks[k - 1].low in _SUBJECT_PRONOUNS:
        left: tuple[int, int] | None = (k - 1, k - 1)
    else:
        left = np_left(w, toks, k - 1, floor)
    if left is None or not (left[0] == floor or toks[left[0] - 1].text in {",", "—", "–", ";"}):
        return np  # "the arm of a reporter and another reporter": no subject opens there
    return left[0], np[1]


def _bare_plural(toks: list[Tok], np: tuple[int, int]) -> bool:
    """Whether ``np`` is a plural noun phrase with no determiner (``analysts``, ``senior aides``).

    Such a phrase is a subject of its own, never the role of a name before it:
    ``Mrs. Ruiz, analysts said, has …``.
    """
    head = toks[np[1]].text
    return (
        head.islower()
        and head.endswith("s")
        and not head.endswith("ss")
        and all(t.low not in _DETS and t.low != "of" for t in toks[np[0] : np[1] + 1])
    )


# "she and another reporter"; "it and …" is seldom a speaker.
_SUBJECT_PRONOUNS = frozenset(_SUBJECTS) - {"it"}
_NOMINATIVE = _SUBJECT_PRONOUNS - {"you"}  # "you" may be an object: "told you the truth"

# Words that show a participle phrase is a clause of its own: "The mayor resigned and said".
_PARTICIPLE_STOPS = _AUX | {"and", "but", "or", "that", "who", "which"}


def _participle(w: Words, t: Tok) -> bool:
    """Whether ``t`` may be a past participle after a noun (``conducted``, ``taken``, ``polled``).

    Cue words are left out: "Christie said when asked" is no participle phrase.
    """
    low = t.low
    return (
        t.text.islower()
        and ((low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST) or low in w.participles)
        and low not in w.cue_words
    )


def _nounish_head(w: Words, t: Tok) -> bool:
    """Whether ``t`` can head a noun phrase that a participle follows."""
    return _cap(t) or (t.text.islower() and not t.low.endswith("ly") and t.low not in w.stop)


# Pronouns that head a relative clause as a subject: "Those who know her say".
_RELATIVE_HEADS = frozenset({"those", "anyone", "everyone", "someone", "anybody", "everybody", "somebody"})


def _relative_subject(c: Context, h: int, floor: int) -> tuple[int, int] | None:
    """A subject that opens the sentence and carries a relative clause, without commas.

    ``The nurses who work at the clinic said`` gives ``The nurses``, not ``the clinic``.
    """
    toks, w = c.toks, c.w
    s = sentence_start(c.toks, floor)
    for r in range(s + 1, min(h + 1, s + 8)):
        if _participle(w, toks[r]) and toks[r].low not in _OBJECT_CONTROL:  # not "led them to say"
            # "A poll conducted by the college showed", "Voters polled said": a participle phrase
            between = toks[r + 1 : h + 1]
            if r < h and c.cue.kind == "evidence" and toks[c.cue.start].low.endswith("ing"):
                return None  # "Officials released documents showing …": the documents show it
            if h - r > 12 or any(
                t.kind != "w" or t.low in w.speech or t.low in _PARTICIPLE_STOPS for t in between
            ):
                return None
            np = np_left(w, toks, r - 1, s)
            if np is not None and np[0] > s:
                np = _opening_phrase(c, np, floor)  # "Some 56 percent of the voters polled said"
            if np is None or np[0] != s or toks[np[1]].low in w.pronouns or not _nounish_head(w, toks[np[1]]):
                return None
            if (
                r == h
                and h + 1 < len(toks)
                and (toks[h + 1].low in w.times or toks[h + 1].low in _PREPOSITIONS)
            ) or toks[h].low == "to":
                # "A report published on Monday shows": the time was skipped, the name is the noun;
                # "The mayor tried to argue": the "-ed" form is the main verb, its infinitive the cue
                return np
            return np[0], h  # the mention keeps its participle phrase, as annotators mark it
        if toks[r].low not in {"who", "that", "whose"}:
            continue
        if h - r > 16 or any(
            t.kind != "w" or (t.low in w.speech and w.speech[t.low] not in CONVERSE)
            for t in toks[r + 1 : h + 1]
        ):
            return None  # a comma, a quotation or another cue (but "officials who spoke with her said")
        inner = [t for t in toks[r + 1 : h + 1] if t.low not in _AUX and t.low != "not"]
        if len(inner) < 2 and not (inner and w.speech.get(inner[0].low) in CONVERSE):
            return None  # "who didn't want": the cue is the relative clause's own verb (but "who spoke said")
        np = np_left(w, toks, r - 1, s)
        if np is None and r - 1 == s and toks[s].low in _RELATIVE_HEADS:
            np = (s, s)  # "Those who back her rivals say"
        if np is not None and np[0] > s:
            np = _opening_phrase(c, np, floor)  # "Residents in the north who watched the debate said"
        if np is None or np[0] != s or toks[np[1]].low in w.pronouns:
            return None
        if toks[r].low == "that" and not (
            _nounish(w, toks[np[1]].low) or _cap(toks[np[1]]) or _bare_plural(toks, (np[1], np[1]))
        ):
            return None  # "that" after a verb or adjective opens no relative clause; "engineers that"
        return np
    return None


def _opens_phrase(t: Tok) -> bool:
    """Whether ``t`` may start a subject phrase: a capital or a determiner, not a conjunction or preposition."""
    return (
        (_cap(t) or t.low in _DETS)
        and t.low not in _SUBORDINATORS
        and t.low not in _PREPOSITIONS
        and t.low not in {"like", "unlike", "despite", "amid"}  # "Like many in rural Ohio Smith said"
    )


def _plain_noun_opening(w: Words, phrase: list[Tok]) -> bool:
    """Whether a lower-case phrase of nouns opens the sentence: ``But officials in …``, ``And local farmers in …``."""
    return (
        bool(phrase)
        and phrase[0].text.islower()
        and _plain_phrase(w, phrase)
        and any(_nounish(w, t.low) or _plural_noun(t) for t in phrase)
    )


def _opening_phrase(c: Context, np: tuple[int, int], floor: int) -> tuple[int, int]:
    """``np`` widened to the sentence's start when a phrase ending in a preposition opens it.

    ``Most of the voters in the north said``: the speaker is all of it, not ``the north``.
    """
    toks = c.toks
    s = sentence_start(c.toks, floor)
    if np[0] - s > 10 or not (_opens_phrase(toks[s]) or _plain_noun_opening(c.w, toks[s : np[0]])):
        return np
    if any(
        t.kind != "w"
        or t.low in _AUX
        or (
            (t.low in c.w.speech or t.low in c.w.past)  # "Prices came close to the level analysts said"
            and not reduced_relative(c.w, toks, k)  # but "Officials briefed on the talks in Paris"
            and not (k > s and toks[k - 1].low in _DETS and toks[k - 1].low != "that")  # "the talks": a noun
        )
        or t.low in {"that", "who", "which", "it", "there"}
        for k, t in enumerate(toks[s : np[0]], s)
    ):
        return np
    return (s, np[1])


# Function words a plain noun phrase may hold: "Experts on Iran and nuclear safety".
_PHRASE_LINKS = frozenset({"of", "on", "in", "for", "from", "at", "across", "around", "among", "and", "or"})
_NOUN_AFTER = _PHRASE_LINKS | _DETS  # an "-s" form after these is a noun: "experts on tides"


def _plain_phrase(w: Words, phrase: list[Tok]) -> bool:
    """Whether ``phrase`` holds only nouns, names, adjectives, determiners and linking prepositions."""
    first = phrase[0].low
    if first in w.adverbs or first.endswith("ly") or first in w.times:
        return False  # "Privately officials in …", "Elsewhere in Europe officials …": an adverb opens
    for k, t in enumerate(phrase):
        low = t.low
        if _cap(t) and low not in w.stop:
            continue
        if (
            t.kind != "w"
            or low in w.pronouns
            or (low in w.stop and low not in _DETS and low not in _PHRASE_LINKS)
            or low in w.cue_words
            or low in w.past
            or (low.endswith(("ed", "ing")) and low not in w.modifiers)
            or (present_verb(w, t) and not (k and phrase[k - 1].low in _NOUN_AFTER))
        ):
            return False
    return True


def _opening_subject(c: Context, h: int, floor: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A subject that opens the sentence and whose appositive closes with the comma at ``h``.

    ``The clerk of four years, a voter who asked not to be named, said``: the words up to
    the first comma are the speaker, the rest describes them.
    """
    toks = c.toks
    s = sentence_start(c.toks, floor)
    first = next((k for k in range(s, h) if toks[k].text == ","), -1)
    if first <= s or first - s > 8 or first + 1 > h - 1:
        return None
    if not _opens_phrase(toks[s]) or toks[s].low in {"it", "there", "then"}:
        return None
    if any(
        t.kind != "w"
        or t.low in _AUX
        or t.low in c.w.speech
        or t.low in c.w.times
        or t.low in {"that", "who", "which"}
        or t.low in _SUBORDINATORS  # "Even if the office closed, most of it …, said Ruiz": a clause
        for t in toks[s:first]
    ):
        return None
    if not any(t.low in _WH_RELATIVES or t.low == "that" for t in toks[first + 1 : h]) and any(
        _aux(t) for t in toks[first + 1 : h]
    ):
        return None  # "Today, the office would close, said Ruiz": the second part is a clause, no appositive
    return (s, first - 1), (first + 1, h - 1)


def _blank_from(toks: list[Tok], k: int) -> bool:
    """Whether only punctuation is left from token ``k`` on."""
    return all(t.kind == "p" for t in toks[k:])


def _only_tail(c: Context, j: int) -> bool:
    """Whether nothing but punctuation, time or medium phrases follows token ``j``."""
    toks = c.toks
    k = j
    while k < len(toks) and toks[k].kind == "p":
        if toks[k].text == ";":
            return True  # "…, analysts say; in 2012 …": the next clause is not the cue's
        k += 1
    if k >= len(toks):
        return True
    s = after_cue(c.w, c.text, toks, Cue(k - 1, k - 1, "speech", ""), len(toks)).start
    return _blank_from(toks, s) or toks[s].text == ";"  # "…, aides said on Twitter; …"


# Words that open an adverbial after "X said": "…, the mayor said after the vote". Not
# "on", "about", "for", "with" or "to", which open the verb's object ("pleaded for help").
_ADJUNCT_OPENERS = frozenset({"after", "before", "during", "at", "in", "while", "following", "from", "via"})
_ADJUNCT_STOPS = frozenset({",", ".", ";", ":", "—", "–", "--", "?", "!", "("})


def _time_clause(w: Words, toks: list[Tok], j: int) -> bool:
    """Whether a clause of time opens at ``j``: ``as she left``, ``when asked``, ``after touring it``."""
    if toks[j].low not in TIME_CONJUNCTIONS or j + 1 >= len(toks) or toks[j + 1].low in {"if", "though"}:
        return False
    nxt = toks[j + 1]
    return nxt.low.endswith(("ing", "ed")) or nxt.low in w.past or _clause_like(w, toks, j + 1, len(toks))


def _adjunct_tail(c: Context, j: int) -> bool:
    """Whether the words from ``j`` to the next comma are a short adverbial.

    ``…, the mayor said after the vote``, ``said Tuesday in Paris, noting …`` or ``said as
    she left``: the content is the clause before; ``said in May the bridge would close``
    is no tail (a clause only follows a subordinating conjunction).
    """
    toks, w = c.toks, c.w
    if j >= len(toks):
        return False
    clause = _time_clause(w, toks, j)
    if not clause and toks[j].low not in _ADJUNCT_OPENERS and toks[j].low not in w.times:
        return False
    k = j
    while k < len(toks) and toks[k].text not in _ADJUNCT_STOPS:
        t = toks[k]
        if not clause and (
            t.kind == "q" or t.low in _AUX or t.low == "that" or t.low in w.speech or _past(w, toks, k)
        ):
            return False
        k += 1
    return k - j <= (20 if clause else 10) and (k == len(toks) or toks[k].text in {",", ".", "?", "!", ";"})


# After a comma, these words start the narrator's clause or a new attribution, not more
# of the reported content: "..., while", "..., according to", "..., adding that".
_CUT_AFTER_COMMA = frozenset(
    {"while", "but", "although", "whereas", "saying", "adding", "according", "citing"}
)


def _loose_tail(c: Context, j: int) -> bool:
    """Whether what follows a speaker phrase at ``j`` only describes the speaker.

    An appositive after a comma or a short phrase (``said one source in the room``)
    qualifies; a clause (``said the mayor had resigned``) does not.
    """
    toks = c.toks
    if j >= len(toks) or toks[j].text in {",", "(", "—", "–", "--"} or _only_tail(c, j):
        return True
    if toks[j].low in {"who", "whose"}:
        return True  # "…, said two aides who point to her record": a relative clause on the speaker
    aside = anonymity_aside(c.w, toks, j)
    if aside >= 0 and (aside >= len(toks) or toks[aside].kind == "p"):
        return True  # "…, said an official that did not want to be named." ("who" is taken above)
    rest = [t for t in toks[j:] if t.kind != "p"]
    return len(rest) <= 6 and not any(
        t.kind == "q" or t.low in _AUX or t.low in c.w.speech or t.low == "that" for t in rest
    )


def fronted_clause_ends(toks: list[Tok], lo: int, k: int) -> bool:
    """Whether the comma at ``k`` closes a clause that opens a content at ``lo`` before its main clause.

    ``said that if the bridge closed, he would resign``: the words after the comma complete
    what was said, so the content may not end there.
    """
    if toks[lo].low == "that" and lo + 1 < k:
        lo += 1
    return (
        toks[k].text == ","
        and toks[lo].low in _FRONTED
        and all(t.text != "," and t.kind != "q" for t in toks[lo + 1 : k])
    )


# After "but", these words carry the reported clause on: "…, but that …", "…, but also …".
_BUT_GOES_ON = frozenset({"that", "also", "not", "only"})


def _closing_appositive(w: Words, toks: list[Tok], j: int) -> bool:
    """Whether ``a …`` at token ``j``, after a comma, describes the noun before it to the sentence's end.

    The writer's aside, with a relative clause: ``… would keep the levy, a tax that funds the
    ferry.``; not a list (``…, a bond, and a pact``), a main clause after a fronted one
    (``…, a recount that took a week could not be done``) or an aside the sentence goes on after.
    """
    k = j - 2
    while k >= 0 and toks[k].text not in {",", ";", ":"} and toks[k].low != "that":
        k -= 1
    if any(t.low in _SUBORDINATORS and t.low != "as" for t in toks[k + 1 : j - 1]):
        return False  # "… say if the vote were close, a recount that …": the main clause begins
    relative = False
    for t in toks[j:]:
        if t.text in {",", ";", ":", "(", "—", "–", "--"} or t.kind == "q":
            return False
        if t.low in _RELATIVES:
            relative = True  # "a tax that funds the ferry and the bus": the verbs are the clause's
        elif not relative and (t.low in {"and", "or"} or t.low in _AUX or t.low in w.past):
            return False
    return relative


def _new_clause_after_and(w: Words, toks: list[Tok], j: int) -> bool:
    """Whether a new subject and its verb follow ``, and`` (``…, and the crowd cheered``).

    Not when the verb is back-shifted (``…, and the company would refund the fares``): that
    is more often still the reported speech.
    """
    if j >= len(toks) or not (toks[j].low in _PLAIN_ARTICLES or _cap(toks[j])):
        return False
    stop = next((k for k in range(j, len(toks)) if toks[k].kind == "p"), len(toks))
    if any(t.low in _BACKSHIFTED for t in toks[j:stop]):
        return False
    return _clause_like(w, toks, j, stop)


_PLAIN_ARTICLES = frozenset({"the", "a", "an"})
# Verbs of reported speech's tense shift: "said the pier had been closed, and the ferry had …".
_BACKSHIFTED = frozenset({"would", "could", "had", "might", "should"})


def _cut_after_comma(w: Words, toks: list[Tok], j: int) -> bool:
    """Whether the words at ``j``, after a comma, start something other than the reported clause.

    ``…, but``, ``…, said the mayor``, ``…, and the crowd cheered``; the comma may sit inside
    closing quote marks.
    """
    nxt = toks[j].low
    return (
        nxt in _CUT_AFTER_COMMA
        or (nxt in w.speech and not nxt.endswith("ing"))  # "..., said the mayor"
        or (nxt == "and" and _new_clause_after_and(w, toks, j + 1))
    )


def clause_cuts(w: Words, toks: list[Tok]) -> tuple[int, ...]:
    """Token indices where reported content stops: ``;`` and a comma before ``while``, ``but``, ``said``, ..."""
    n = len(toks)
    out = []
    f = sentence_start(toks, 0)
    if f < n and toks[f].low in _FRONTED:
        # "Because polls showed that A, B …": the fronted clause, and what it reports, ends at its
        # comma ("After all," too ends there, before any content)
        comma = next((k for k in range(f + 1, n) if toks[k].text == ","), None)
        if comma is not None:
            out.append(comma)
    for k in range(n - 1):
        t = toks[k]
        nxt = toks[k + 1].low
        if nxt == "but" and k + 2 < n and toks[k + 2].low in _BUT_GOES_ON:
            continue
        if t.text == ";" or (
            t.text == ","
            and (
                _cut_after_comma(w, toks, k + 1)
                or (nxt == "even" and k + 2 < n and toks[k + 2].low == "as")
                or (
                    nxt in {"a", "an"}
                    and k > 0
                    and toks[k - 1].kind == "w"
                    and _closing_appositive(w, toks, k + 1)
                )
            )
        ):
            out.append(k)
        elif (
            t.text in _DASHES
            and nxt in {"a", "an"}
            and not any(u.text == t.text for u in toks[k + 1 :])
            and _closing_appositive(w, toks, k + 1)
        ):
            out.append(k)  # "… the pier would close — a blow that …": the writer's aside
        elif comma_inside(t) and (
            _cut_after_comma(w, toks, k + 1) or (nxt in {"a", "an"} and _closing_appositive(w, toks, k + 1))
        ):
            out.append(k + 1)  # '... “a dead end,” adding that ...': the comma sits inside the marks
    return tuple(sorted(set(out)))


def _end(c: Context, lo: int | None = None) -> int:
    """Where the content that starts at ``lo`` ends: the unit's end or a clause boundary."""
    toks = c.toks
    if lo is not None:
        k = bisect_left(c.cuts, lo + 3)
        if k < len(c.cuts):
            return content_end(toks, lo, c.cuts[k])
    return content_end(toks, 0, len(toks))


def _speech(c: Context) -> bool:
    return c.cue.kind == "speech"


def _framed(
    rule: str,
    cue: Cue,
    np: tuple[int, int] | None,
    content: tuple[int, int],
    role: tuple[int, int] | None,
    after: After,
) -> Frame:
    """A frame with the audience and medium passed over after the cue."""
    return Frame(
        rule, (cue.start, cue.end), np, content, role=role, audience=after.audience, medium=after.medium
    )


def _finds_that(c: Context, lo: int, hi: int) -> bool:
    """Whether a verb of finding or thinking with "that" after it stands between ``lo`` and ``hi``."""
    toks = c.toks
    return any(
        toks[k + 1].low == "that"
        and (toks[k].low in c.w.evidence or toks[k].low in c.w.belief)
        and verb_at(c.w, toks, k)  # not "several states that …"
        for k in range(lo, hi - 1)
    )


def _says(c: Context, lo: int, hi: int) -> bool:
    """Whether a verb of saying is used as a verb between ``lo`` and ``hi`` (not "in five states")."""
    return any(says_at(c.w, c.toks, k) for k in range(lo, hi))


# --- the rules --------------------------------------------------------------


def quote_cue_speaker(c: Context) -> Frame | None:
    """A quotation, then the cue, then the speaker (inverted order).

    Example: ``“We will rebuild,” said Jane Doe, the mayor.``
    """
    toks, cue = c.toks, c.cue
    if not _speech(c) or cue.base in _NO_INVERSION or toks[cue.start].low.endswith("ing"):
        return None  # "“...,” told the BBC" never inverts, nor does "“...,” adding that …"
    j = cue.start - 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    if j < 0 or toks[j].kind != "q" or _title_after_link(c, j):
        return None  # "Ana Ruiz, host of KXRT's “Open Line,” suggested …": a title in narration
    if cue.end + 1 < len(toks) and toks[cue.end + 1].low == "that":
        return None  # "a site called “The Ledger” reported that …": the quotation is a name
    np = np_right(c.w, toks, cue.end + 1, len(toks))
    if np is None:
        return None
    if np[1] + 1 < len(toks) and (
        (toks[np[1]].low in _SUBJECT_PRONOUNS and toks[np[1] + 1].kind == "w") or toks[np[1] + 1].low in _AUX
    ):
        # "Tom, who called it “madness”, said he would fight", "…, said the show would end": the
        # phrase after the cue opens the reported clause (but "said a driver stuck in the queue")
        return None
    role = appositive_right(toks, np[1] + 1, len(toks))
    return Frame("quote_cue_speaker", (cue.start, cue.end), np, (_narration_start(c, j), j + 1), role=role)


def quote_speaker_cue(c: Context) -> Frame | None:
    """A quotation, then the speaker, then the cue.

    Example: ``“We will rebuild,” Jane Doe, the mayor, said on Monday.``
    """
    toks, cue = c.toks, c.cue
    if not _speech(c):
        return None
    qi = -1
    for k in range(cue.start - 1, max(-1, cue.start - 45), -1):
        if toks[k].kind == "q":
            qi = k
            break
    if qi < 0:
        return None
    floor = qi + 1
    if floor < len(toks) and toks[floor].text in {",", "—", "–"}:
        floor += 1
    elif not inner_end(toks[qi]).endswith((",", "?", "!", "—", "–", "-", "…", ".")):
        return None  # "… 'Biggest Attack So Far' After Ukraine Suggests …": a title in narration, not a quotation
    found = _subject(c, cue.start, floor)
    if found is None:
        return None
    np, role = found
    first = _start(np, role)
    if first == floor + 1 and toks[floor].low == "as":
        floor = first  # '“…,” as a state memo put it': "as" is no part of the speaker
    if first != floor:
        # "“...,” Tulsa police Chief Jane Doe said": words the phrase scan did not take
        if first - floor > 4 or any(
            t.kind != "w" or t.low in c.w.speech or t.low in _NEW_CLAUSE for t in toks[floor:first]
        ):
            return None  # '“…,” but she said that …': a clause of its own, not the quotation's tag
        if first == np[0] and not any(_aux(t) and t.text.islower() for t in toks[floor:first]):
            np = (floor, np[1])  # not "“No comment,” was all the minister would say"
    after = after_cue(c.w, c.text, toks, cue, len(toks))
    if (
        (_title_after_link(c, qi) or _opening_adjunct(c, qi))
        and cue.end + 1 < len(toks)
        and toks[cue.end + 1].text != ","
        and (after.that or _clause_like(c.w, toks, after.start, len(toks)))
    ):
        # "On WKRP's “Morning Show,” Tom Okafor said the pier …", 'After the “long night,” the
        # mayor said the ferry …': a title or an opening phrase, and the clause after is reported
        return None
    return _framed("quote_speaker_cue", cue, np, (_narration_start(c, qi), qi + 1), role, after)


def _opening_adjunct(c: Context, qi: int) -> bool:
    """Whether the sentence opens, before the quotation at ``qi``, with a phrase that is no statement.

    ``After the “long night,”``, ``Bemoaning the “rigged system,”``: a preposition, a subordinator
    or a participle before a determiner.
    """
    toks = c.toks
    if qi <= c.floor or toks[c.floor].kind != "w" or any(t.kind != "w" for t in toks[c.floor : qi]):
        return False  # "After the vote, “We have won,” the mayor said": a comma closes the phrase first
    first = toks[c.floor].low
    return (
        first in _PREPOSITIONS
        or first in _SUBORDINATORS
        or (
            first.endswith("ing")
            and not first.endswith("thing")  # "Nothing the council does is “open,”"
            and c.floor + 1 < qi
            and toks[c.floor + 1].low in _NOUN_OPENERS
        )
    )


# Words that open a new clause between a quotation and a speaker ("as" may still tag it: "as she said").
_NEW_CLAUSE = (_SUBORDINATORS - {"as"}) | {"but", "and"}  # not "yet another official", "or so the union said"


def _title_after_link(c: Context, qi: int) -> bool:
    """Whether the quotation at ``qi`` is a capitalised title after a possessive or preposition.

    ``host of KXRT's “Open Line,”``, ``On WKRP's “Morning Show,”``: a name in narration, not speech.
    """
    toks = c.toks
    return (
        qi > c.floor
        and (toks[qi - 1].low in _CONNECT or _possessive(toks[qi - 1]))
        and _first_letter(toks[qi]).isupper()
    )


def _first_letter(t: Tok) -> str:
    """The first letter of a token's text, or "": a quotation's first word may follow marks or digits."""
    return next((ch for ch in t.text if ch.isalpha()), "")


def _narration_start(c: Context, qi: int) -> int:
    """Where the content of the quotation at token ``qi`` starts.

    Narration before it in the sentence makes the whole sentence the content, a mixed quote:
    ``Rents are “far too high,” Olsen said.``
    """
    toks = c.toks
    if words_in(toks, c.floor, qi, 2) >= 2 and not any(
        t.text in {":", ";"}
        or (t.kind == "q" and inner_end(t).rstrip().endswith((".", "?", "!")))
        or says_at(c.w, toks, k)
        for k, t in enumerate(toks[c.floor : qi], c.floor)
    ):
        # narration with no cue or quoted sentence of its own; quoted phrases may sit
        # inside it ("Guns are “a crisis” and “a threat,” she said")
        return c.floor
    return qi


def speaker_cue_quote(c: Context) -> Frame | None:
    """The speaker and the cue, then the quotation, which ends the sentence.

    Example: ``Jane Doe told reporters: “We will rebuild.”``
    """
    toks, cue = c.toks, c.cue
    if c.cue.kind not in {"speech", "belief"}:
        return None
    found = _subject(c, cue.start, c.floor)
    if found is None:
        return None
    after = after_cue(c.w, c.text, toks, cue, len(toks))
    j = after.start
    np, role = found
    addressed = _passive(c) and toks[cue.start].low in _ADDRESSEE_PASSIVE
    agent = None
    by = _by_agent(c) if addressed else None
    if by is not None:
        agent, j = by  # "She was told by the coach: “…”"
        while j < len(toks) and toks[j].text in {",", ":"}:
            j += 1
    if j >= len(toks) or toks[j].kind != "q":
        return None
    if content_end(toks, j, len(toks)) != j + 1:
        return None  # narration follows: a mixed quote, decided by speaker_cue_clause
    if addressed:
        # "He was told: “You are dropped.”": he heard it; the agent, if named, said it
        return Frame(
            "speaker_cue_quote", (cue.start, cue.end), agent, (j, j + 1), audience=np, medium=after.medium
        )
    return _framed("speaker_cue_quote", cue, np, (j, j + 1), role, after)


def _in_reported_verb_phrase(c: Context, j: int) -> bool:
    """Whether a base-form cue after the ``and`` at ``j`` joins a verb inside a reported clause.

    ``says he would sit the rival down and tell him “no more games”``: *tell* shares *would*
    with *sit*, both inside what was said; the speaker did not tell anyone.
    """
    toks, w = c.toks, c.w
    verb = toks[c.cue.start].low
    if verb.endswith(("s", "ed", "ing")) or verb in w.past:
        return False
    for k in range(j - 1, c.floor, -1):
        t = toks[k]
        if t.kind != "w":
            return False
        if t.low in _MODALS or t.low.endswith(("'d", "'ll")):  # ``low`` has straight apostrophes only
            # the modal's subject follows the verb of saying: "says (that) he would", "said Ana'd"
            return any(says_at(w, toks, m) for m in range(max(c.floor, k - 5), k))
        if says_at(w, toks, k):
            return False
    return False


def coordinated_same_speaker(c: Context) -> Frame | None:
    """A second cue joined by ``and`` keeps the subject of the first: a clause, or a stance's object.

    Example: ``The mayor praised the crews and said the bridge would reopen.``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if cue.kind not in {"speech", "belief", "stance"}:
        return None
    j = _skip_adverbs_left(w, toks, cue.start, c.floor)
    finite = cue.start
    if j > c.floor and toks[j].low == "to" and (g := _governs_infinitive(c, j, c.floor)) is not None:
        finite = g  # "and continued to defend the notion that …"
        j = _skip_adverbs_left(w, toks, g, c.floor)
    if j < c.floor or toks[j].low not in {"and", "but", "or"}:
        return None
    if _in_reported_verb_phrase(c, j):
        return None
    after = after_cue(w, c.text, toks, cue, len(toks))
    lo = after.start
    if lo >= len(toks):
        return None
    clause = after.that or toks[lo].kind == "q"
    if not clause and cue.kind != "stance":
        first = toks[lo].low
        clause = first not in _NOT_CLAUSE and (cue.base not in _WEAK or first in _QUESTION_WORDS)
    if clause:
        hi = _end(c, lo)
        if words_in(toks, lo, hi, 2) < 2 and toks[lo].kind != "q":
            return None
    else:
        verb = toks[finite].low
        if (
            (cue.kind != "stance" and (cue.base in w.not_object or toks[lo].low in _NO_STATEMENT))
            or toks[lo].kind == "p"
            or toks[lo].low in {"by", "with", "for", "as", "to"}
            or toks[j].low == "or"
            or not (verb in w.past or verb.endswith(("ed", "s")))
            or (j > 0 and toks[j - 1].low.endswith("ly"))
        ):
            return None  # a finite verb and its object: "and criticized the plan"; not "and lauded for"
        hi = _object_end(c, lo)
        if words_in(toks, lo, hi, 1) < 1:
            return None
    v = j - 1
    if (
        v > c.floor
        and toks[v].text.islower()
        and (toks[v].low in w.past or toks[v].low.endswith("ed"))
        and toks[v - 1].low not in _AUX
        and (found := _subject(c, v, c.floor)) is not None
        and found[0][1] == v - 1
        and (found[0][0] == c.floor or toks[found[0][0] - 1].low not in _PREPOSITIONS)
    ):
        # "I laughed and said …": the verb before "and" has no object, and its subject speaks
        return _framed("coordinated_same_speaker", cue, found[0], (lo, hi), found[1], after)
    return Frame(
        "coordinated_same_speaker",
        (cue.start, cue.end),
        None,
        (lo, hi),
        audience=after.audience,
        medium=after.medium,
        same_as_previous=True,
    )


def speaker_cue_clause(c: Context) -> Frame | None:
    """The speaker and the cue, then the reported clause (indirect or mixed).

    Example: ``Jane Doe said on Monday that the bridge would reopen.``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if cue.kind not in {"speech", "belief", "evidence"}:
        return None
    found = _subject(c, cue.start, c.floor)
    if found is None:
        return None
    np, role = found
    if toks[cue.start].low.endswith("ing") and role is None:
        np = _sender(c, np) or _subject_of_participle(c, np) or np
    after = after_cue(w, c.text, toks, cue, len(toks))
    lo = after.start
    if cue.base == "quote" and lo < len(toks) and toks[lo].low in {"by", "in"}:
        # "was quoted by the Gazette as saying …": the paper is the medium
        k = next((k for k in range(lo + 2, min(lo + 9, len(toks) - 2)) if toks[k].low == "as"), -1)
        if k > 0 and toks[k + 1].low == "saying" and all(t.kind == "w" for t in toks[lo + 1 : k]):
            after = after._replace(medium=c.text[toks[lo + 1].start : toks[k - 1].end])
            lo = k
    if cue.base == "quote" and lo + 2 < len(toks) and toks[lo].low == "as" and toks[lo + 1].low == "saying":
        lo += 3 if toks[lo + 2].low == "that" else 2  # "is quoted as saying (that) ..."
        after = after._replace(that=True)
    if 0 < lo < len(toks) and toks[lo - 1].text == "," and toks[lo].low in _CUT_AFTER_COMMA:
        return None  # "promised a pier, while also ...": the clause after the comma is not reported
    if lo + 1 < len(toks) and toks[lo].low in {"and", "or", "but", "nor"} and not _cap(toks[lo + 1]):
        return None  # "smiled and said …", "told him and his aides": the words after go on with another verb
    subordinate = _subordinate(c, np[0])
    if (
        subordinate
        # "As Ana noted, the pier is old" reports its main clause; "As soon as Ana noted …" does not
        and (toks[np[0] - 1].low != "as" or _subordinate_phrase(toks, np[0]))
        and not after.that
        and lo < len(toks)
        and toks[lo].kind != "q"
        and toks[lo - 1].text == ","
    ):
        return None  # "After the union objected, the case was moved": the main clause is the narrator's
    if not after.that and _object_fronted(c, np, lo):
        return None  # "That was what Ana said when she resigned": what she said went before
    hi = _end(c, lo)
    if subordinate:
        # "While Ana said the fares would rise, the board ...": the main clause is the narrator's
        hi = next((content_end(toks, lo, k) for k in range(lo + 2, hi) if toks[k].text == ","), hi)
    elif np[0] >= 2 and toks[np[0] - 1].low in {"which", "whom"} and toks[np[0] - 2].text == ",":
        # "The pier, which the mayor said was a gamble, will close": the main clause's verb after
        # a comma ends the relative clause (not "…, which he said left voters, even his own, angry")
        hi = next(
            (
                k
                for k in range(lo + 2, hi)
                if toks[k].text == ","
                and k + 1 < len(toks)
                and toks[k + 1].low in _AUX
                # not the comma that closes an aside: "which she said, in her words, was a steal, is done"
                and not (toks[lo - 1].text == "," and "," not in {t.text for t in toks[lo:k]})
            ),
            hi,
        )
    if words_in(toks, lo, hi, 3) < 3 and not (after.that and _clause_like(c.w, toks, lo, hi)):
        return None  # after "that" a clause may be short: "said that prices fell", not "that the bridge"
    if toks[lo - 1].text == "," and _only_attribution(c, lo, hi):
        return None  # "The mayor did not comment, her spokesman said": the words after are another's cue
    hi = _parallel_predicate(c, lo, hi)
    nxt = toks[lo] if lo < len(toks) else None
    if nxt is None:
        return None
    passive = _passive(c) or _perceived(c)
    if passive and toks[cue.start].low in _ADDRESSEE_PASSIVE:
        return _addressed("speaker_cue_clause", c, np, after)  # "Passengers were told the ferry …"
    if (
        passive
        or nxt.low in _AUX
        or (
            nxt.low in _PREPOSITIONS
            and not after.that
            and not _clause_like(c.w, toks, lo, _relative_at(toks, lo, hi))
        )
    ):
        return None  # "anyone wanting to ...", "has been mentioned in", "everything Trump says is a lie"
    clause = after.that or _clause_like(c.w, toks, lo, hi)
    if (nxt.low == "to" or not clause) and toks[np[1]].low in _WH_RELATIVES | {"that"}:
        hi = content_end(toks, lo, _main_verb(c, lo, hi))  # "Donors who want to give more could pay …"
    if not clause and nxt.kind == "w" and nxt.low != "to" and not nxt.low.endswith("ing"):
        # "denied the charges on Twitter": an object, then the medium; "announced his retirement,
        # according to the club": an object, then its source ("denied posting it on Facebook" goes on)
        tail = next(((k, m) for k in range(lo + 1, hi) if (m := _medium_tail(c, k, lo))), None)
        if tail is not None:
            hi, after = tail[0], after._replace(medium=after.medium or tail[1])
        hi = next((k for k in range(lo + 1, hi) if toks[k].text == "," and _source_phrase(toks, k + 1)), hi)
        # "denied the charges on Tuesday": the day it was said is not what was said
        hi = next((k for k in range(lo + 1, hi) if _time_of_saying(w, toks, lo, k, hi)), hi)
    if (
        (cue.kind == "belief" or cue.base in _WEAK)
        and not clause
        and not (nxt.low == "to" and cue.base in _TO_VERBS)
    ):
        return None
    if cue.kind == "evidence" and not after.that and _personal(w, toks, np):
        return None  # "He showed a video": a person showing is an act, not a source speaking
    if (
        cue.base == "find"
        and not clause
        and nxt.low != "it"
        and not any(_bare(t.low) in w.documents for t in toks[np[0] : np[1] + 1])
    ):
        return None  # "Young workers can't find jobs": only a study's finding is a statement
    if cue.kind == "evidence" and nxt.low in _REFLEXIVES:
        return None  # "The bank found itself at the centre of the crisis"
    if nxt.kind == "w" and nxt.low in _NOT_CLAUSE and not clause:
        return None
    if cue.base in CONVERSE and not after.that and nxt.kind != "q" and not _as_if(toks, lo):
        return None  # "spoke at a memorial service", "spoke with the judge": where and to whom, not what
    if (
        cue.base in _SEEM
        and not after.that
        and nxt.low not in {"to", "as", "like", "not"} | _CERTAIN
        and not (lo + 1 < len(toks) and toks[lo + 1].low in {"that", "to"})  # "seems likely that"
    ):
        return None  # "appeared on the radio on Tuesday and …": being somewhere, not seeming
    if cue.kind == "evidence" and nxt.low in _VERB_PARTICLES and not after.that:
        return None  # "failed to show up at the hearing": a phrasal verb, nothing shown
    if nxt.kind == "p" and nxt.text not in {"“", '"', "‘"}:
        return None
    return _framed("speaker_cue_clause", cue, np, (lo, hi), role, after)


def _tense(w: Words, toks: list[Tok], k: int) -> str | None:
    """The tense of a verb group that starts at token ``k``, or None if no verb group starts there.

    ``has said`` and ``has expressed`` are "perfect", ``says`` and ``refuses`` "present",
    ``said`` and ``went`` "past", ``will fight`` "modal".
    """
    t = toks[k]
    if t.kind != "w" or not t.text.islower():
        return None
    low = t.low
    if low in {"has", "have"} and k + 1 < len(toks):
        nxt = toks[k + 1]
        past = nxt.low in w.participles or nxt.low in w.past or nxt.low.endswith("ed")
        return "perfect" if past else "present"
    if low in {"is", "are", "am", "does", "do"}:
        return "present"
    if low in {"was", "were", "did", "had"}:
        return "past"
    if low in _MODALS:
        return "modal"
    if low in w.past or (low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST):
        return "past"
    if present_verb(w, t) or low == "says":
        return "present"
    return None


def _cue_tense(c: Context) -> str | None:
    """The tense of the cue's verb group: ``has said`` is "perfect", ``says`` "present"."""
    toks, k = c.toks, c.cue.start
    j = k - 1
    while j >= 0 and toks[j].low in c.w.adverbs and toks[j].low not in _AUX:
        j -= 1  # "has repeatedly said"
    if j >= 0 and toks[j].low in _AUX:
        return _tense(c.w, toks, j)
    return _tense(c.w, toks, k)


def _parallel_predicate(c: Context, lo: int, hi: int) -> int:
    """Where a reported clause ends before ``and`` and a second predicate of the speaker's.

    The clause's subject is a pronoun for the speaker, and the predicate after ``and`` has the
    cue's tense and not the clause's own: ``She has said she wants a ferry and has backed a
    bridge`` reports only ``she wants a ferry``; ``She said the council met and voted`` and ``She
    says the bridge was built in 1920 and needs repairs`` report all of it.
    """
    toks, w = c.toks, c.w
    if lo + 1 >= hi or toks[lo].low not in _NOMINATIVE:
        return hi
    want = _cue_tense(c)
    if want not in {"present", "perfect"}:
        return hi  # after "said", a second past verb is as often still reported: "said he ran and won"
    own = None
    for k in range(lo + 1, hi):
        t = toks[k]
        if t.low == "and" and own is not None and own != want and k > lo + 2:
            j = k + 1
            while j < hi and toks[j].low in w.adverbs and toks[j].low not in _AUX:
                j += 1  # "and once again"
            if (
                j + 1 < hi
                and _tense(w, toks, j) == want
                and (toks[j].low in _AUX or _takes_object(w, toks[j + 1]))
            ):
                return content_end(toks, lo, k - 1 if toks[k - 1].text == "," else k)
        elif own is None:
            own = _tense(w, toks, k)  # the clause's first verb, after its pronoun
        if t.text in _DASHES or t.kind == "q" or t.low in _WH_RELATIVES:
            break  # "a leader who has never held office and is …": the relative clause's verbs
    return hi


def _takes_object(w: Words, t: Tok, *, names: bool = True) -> bool:
    """Whether ``t`` can open what follows a verb (``refuses to``, ``backs the plan``), not a noun's tail.

    A name counts only with ``names``.
    """
    return t.low in _DETS or t.low in w.pronouns or t.low in {"to", "that"} or (names and _cap(t))


_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "myself", "ourselves", "yourself"})
# Messages a speaker sends: "issued a statement saying …" is the sender's statement.
_MESSAGES = frozenset(
    {"statement", "letter", "memo", "email", "e-mail", "tweet", "video", "ad", "release", "message", "post"}
)


# Verbs of getting a message: their subject did not send it.
_RECEIVING = frozenset({"received", "obtained", "got", "found", "read", "saw", "reviewed", "intercepted"})


def _object_in_phrase(w: Words, toks: list[Tok], np: tuple[int, int]) -> int:
    """Where a verb's object starts inside the phrase ``np``, or -1.

    At the head of a sentence the subject finder may read a whole clause as one phrase, as
    it reads "Voters polled in May": ``The mayor issued a statement``, ``The mayor spent the
    week``. The object opens with a determiner after a past-tense verb.
    """
    return next((k for k in range(np[0] + 2, np[1]) if toks[k].low in _DETS and _past(w, toks, k - 1)), -1)


def _sender(c: Context, np: tuple[int, int]) -> tuple[int, int] | None:
    """Who sent the message ``np`` names: ``the mayor`` in ``the mayor issued a statement saying``.

    The day it was sent may come between (``sent an email Wednesday saying``); at the head of
    a sentence the phrase found may hold the whole clause (``The mayor issued a statement``).
    """
    toks, w = c.toks, c.w
    if (toks[np[1]].low in w.times or toks[np[1]].low in _DAY_WORDS) and np[1] - 1 >= c.floor:
        # "sent an email Wednesday saying": the day is no part of the message
        before = np_left(w, toks, np[1] - 1, c.floor) if np[0] == np[1] else (np[0], np[1] - 1)
        if before is None:
            return None
        np = before
    if toks[np[1]].low not in _MESSAGES:
        return None
    inner = _object_in_phrase(w, toks, np)
    if inner > 0:
        np = (inner, np[1])  # "The mayor issued a statement": the clause read as one phrase
    if toks[np[0]].low not in {"a", "an", "the"} or np[0] - 2 < c.floor:
        return None
    verb = np[0] - 1
    if not (toks[verb].text.islower() and _past(w, toks, verb)):
        return None
    if toks[verb].low in _RECEIVING:
        return np  # "Reporters obtained an email Wednesday saying …": the email says it
    found = _subject(c, verb, c.floor)
    return _coordinated(c, found[0], c.floor) if found is not None else None  # "Ana and Ben issued …"


def _speaker_noun(w: Words, t: Tok) -> bool:
    """Whether a phrase's head may name who speaks: a name, a pronoun, a person, group, body or document."""
    return _cap(t) or t.low in w.pronouns or _nounish(w, t.low) or _bare(t.low) in w.audiences


# Prepositions between a past verb and the place or thing after it: "went to the polls hoping".
_GOAL_PREPOSITIONS = _PREPOSITIONS | {"to", "into", "onto", "toward", "towards"}


def _subject_of_participle(c: Context, np: tuple[int, int]) -> tuple[int, int] | None:
    """The clause's subject when a participle of saying follows an object that cannot speak.

    ``The campaign entered the talks believing …``: the campaign believes, not the talks;
    ``met voters saying …`` stays with the voters.
    """
    toks, w = c.toks, c.w
    if _speaker_noun(w, toks[np[1]]) or np[1] + 1 != c.cue.start:
        return None
    inner = _object_in_phrase(w, toks, np)  # "The mayor spent the week"
    if inner > 0:
        return np[0], inner - 2
    verb = np[0] - 1
    if verb - 1 >= c.floor and toks[verb].low in _GOAL_PREPOSITIONS:
        verb -= 1  # "went to the polls hoping"
    if verb - 1 < c.floor or not (toks[verb].text.islower() and _past(w, toks, verb)):
        return None
    found = _subject(c, verb, c.floor)
    return found[0] if found is not None and found[0][1] == verb - 1 else None


def _only_attribution(c: Context, lo: int, hi: int) -> bool:
    """Whether ``lo`` to ``hi`` holds only a speaker and a verb of saying: ``her spokesman said``."""
    toks, w = c.toks, c.w
    end = content_end(toks, lo, hi) - 1
    if end <= lo or toks[end].low not in w.speech:
        return False
    np = np_left(w, toks, end - 1, lo)
    return np is not None and np[0] == lo


def _object_fronted(c: Context, np: tuple[int, int], lo: int) -> bool:
    """Whether the cue's object is a ``what`` or ``which`` before its subject, and a clause of time follows.

    ``That was what Ana said when she resigned``, ``the defeat, which Ana conceded after the count``:
    what was said went before; but ``which she described as a gamble`` goes on.
    """
    toks = c.toks
    if not (
        np[0] > c.floor
        and toks[np[0] - 1].low in {"what", "which"}
        and lo < len(toks)
        and toks[lo].low in _SUBORDINATORS - {"as"}
    ):
        return False
    # "The tax, which she said when she took office would be temporary": an auxiliary after
    # the clause of time is the verb of what was said, whose subject is the "which"
    for t in toks[lo + 1 : lo + 16]:
        if t.kind != "w":
            break
        if t.low in _AUX:
            return False
    return True


def _subordinate(c: Context, s: int) -> bool:
    """Whether the subject at token ``s`` opens a subordinate or non-restrictive relative clause."""
    toks = c.toks
    if s < 1:
        return False
    if toks[s].low in {"who", "which"}:
        return toks[s - 1].text == ","  # "Ana Ruiz, who said the fares would rise, ..."
    if _subordinate_phrase(toks, s):
        return True  # "By the time the polls closed, …", "As soon as Ana said …"
    return toks[s - 1].low in _SUBORDINATORS and (
        s < 2 or toks[s - 2].kind == "p" or toks[s - 2].low in {"and", "but", "even"}
    )


def _subordinate_phrase(toks: list[Tok], s: int) -> bool:
    """Whether a phrase of ``_SUBORDINATE_PHRASES`` opens a clause right before token ``s``."""
    for words in _SUBORDINATE_PHRASES:
        k = s - len(words)
        if k >= 0 and tuple(t.low for t in toks[k:s]) == words and (k == 0 or toks[k - 1].kind == "p"):
            return True
    return False


# Phrases that open a clause of time or condition, as the words in _SUBORDINATORS do.
_SUBORDINATE_PHRASES = (
    ("by", "the", "time"),
    ("the", "moment"),
    ("every", "time"),
    ("each", "time"),
    ("now", "that"),
    ("as", "soon", "as"),
    ("as", "long", "as"),
    ("in", "case"),
)


def passive_by_agent(c: Context) -> Frame | None:
    """What was reported or judged, a passive verb of saying or stance, and who took it (and why, if judged).

    Example: ``The closure of the pier was first reported by the Harbour Gazette.``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if cue.kind not in _SAYING_OR_JUDGING or toks[cue.start].low in _ADDRESSEE_PASSIVE:
        return None  # "She was told by the coach": she heard it (speaker_cue_quote)
    if not _passive(c, _SAYING_OR_JUDGING):
        return None
    by = _by_agent(c)
    if by is None or by[0] is None:
        return None
    agent, k = by
    reason = k + 1 < len(toks) and toks[k].low in _REASONS and cue.base not in w.not_object
    if not (
        reason
        or k >= len(toks)
        or toks[k].kind == "p"
        or toks[k].low in w.times
        or toks[k].low in {"on", "in"}
    ):
        return None  # "was described by friends as generous": more follows the agent
    found = _subject(c, cue.start, c.floor)
    if found is None:
        return None
    np, _ = found
    judged = cue.kind == "stance" or cue.base in w.judging
    if np[0] != sentence_start(toks, c.floor) or (
        not judged and np[0] == np[1] and toks[np[0]].low in w.pronouns
    ):
        return None  # "it was reported by": "it" stands for nothing said (but "He was booed by …")
    if reason:
        # "The mayor was criticized by her rivals for skipping the debate": the subject and the
        # reason are what was said, around the narration
        hi = _end(c, k)
        return Frame(
            "passive_by_agent", (cue.start, cue.end), agent, (np[0], hi), narration=(np[1] + 1, k - 1)
        )
    if not judged and (_is_name(w, toks, np) or _roleish(w, toks, np) or _personal(w, toks, np)):
        return None  # "Rivera was asked by the host", "The mayor was quoted by": a person, not what was said
    if cue.kind == "stance" and (agent is None or not _speakerish(w, toks, agent)):
        return None  # "The loan was backed by a federal guarantee", "opposed by a wide margin": no one
    # "The mayor was endorsed by the Gazette", "… criticized by her rivals": a stance or a judgement
    # is taken towards its subject, person or plan
    return Frame("passive_by_agent", (cue.start, cue.end), agent, (np[0], np[1] + 1))


# Prepositions that give the reason a passive's subject was judged: "criticized by her rivals for …".
_REASONS = frozenset({"for", "over"})
_SAYING_OR_JUDGING = frozenset({"speech", "stance"})


_SEEM = frozenset({"seem", "appear"})


def _as_if(toks: list[Tok], k: int) -> bool:
    """Whether ``as if`` or ``as though`` starts at ``k``: ``spoke as if the money were his``."""
    return k + 1 < len(toks) and toks[k].low == "as" and toks[k + 1].low in {"if", "though"}


def seems_clause(c: Context) -> Frame | None:
    """``seems``, ``appears`` or a passive (``is expected to``) with no one named: the whole clause is reported.

    Example: ``The mayor seemed to be of two minds about the bridge.``
    """
    toks, cue = c.toks, c.cue
    if cue.end + 1 >= len(toks):
        return None
    nxt = toks[cue.end + 1].low
    if cue.base in _SEEM:
        verb = cue.start
        follows = _SEEMS_FOLLOWS
    else:
        # "The mayor is widely expected to run", "The plan was seen as a gamble": a passive
        # verb of thinking or saying names no source either ("X is quoted as saying" does).
        be = _be_before(c)
        if (
            be is None
            or toks[be].low not in _BE_ANY  # "isn't expected to" too
            or cue.kind not in {"belief", "speech"}
            or cue.base == "quote"
            or toks[cue.start].low in _ADDRESSEE_PASSIVE  # "were urged to": the subject was spoken to
            or not toks[cue.start].low.endswith(("ed", "en", "wn", "ght", "id", "ood"))
        ):
            return None
        verb, follows = be, frozenset({"to", "as"})
    speaker = None
    by = _by_agent(c) if nxt == "by" else None
    if by is not None and by[0] is not None and by[1] < len(toks) and toks[by[1]].low == "that":
        speaker, nxt = by[0], "that"  # "It is understood by the BBC that …": the agent is the source
    if nxt == "that":
        # "It seems that the ferry will stop.", "It was reported that the ferry will stop."
        lo = (by[1] if speaker is not None and by is not None else cue.end + 1) + 1
        hi = _end(c, lo)
        if verb - 1 < c.floor or toks[verb - 1].low != "it" or words_in(toks, lo, hi, 3) < 3:
            return None
        return Frame("seems_clause", (cue.start, cue.end), speaker, (lo, hi))
    if nxt not in follows and not (
        cue.base == "seem"  # "appeared live on CNN": appearing is mostly being seen somewhere
        and verb - 1 >= c.floor
        and toks[verb - 1].low != "it"
        and _seems_predicate(c, cue.end + 1)
    ):
        if verb - 1 < c.floor or toks[verb - 1].low != "it":
            return None
        # "It is understood the talks will resume": "it" holds the place of the clause, which
        # starts after any time or medium phrase ("It was reported on Tuesday the ferry …")
        lo = after_cue(c.w, c.text, toks, cue, len(toks)).start
        hi = _end(c, lo)
        first = toks[lo] if lo < hi else None
        if (
            first is None
            or first.kind != "w"
            or first.low in _SUBJECT_PREPOSITIONS | {"to", "and", "or", "but"}
            or first.low in c.w.times
            or not _clause_like(c.w, toks, lo, hi)
        ):
            return None  # "It was praised by business leaders who …": "it" is a thing
        return Frame("seems_clause", (cue.start, cue.end), None, (lo, hi))
    found = _subject(c, verb, c.floor)
    if found is None:
        return None
    np, role = found
    lo = _start(np, role)
    hi = _end(c, cue.end + 1)
    if nxt not in follows:
        # "Clinton seemed irritated: “…”", "The plan seems sound, but …": how it seemed ends at the mark
        hi = next((k for k in range(cue.end + 1, hi) if toks[k].text in _SEEMS_ENDS), hi)
    if words_in(toks, cue.end + 1, hi, 2) < (2 if nxt in follows else 1):
        return None
    # "The mayor is widely expected to run": the subject and what follows the verb are reported;
    # "The bill is not expected to pass" stays whole, or the reported words would say the opposite
    narration = (np[1] + 1, cue.end)
    negated = any(t.low in {"not", "never", "no"} or t.low.endswith("n't") for t in toks[np[1] + 1 : cue.end])
    seer = _seems_to(c, cue.end + 1, hi) if nxt not in follows else None
    return Frame(
        "seems_clause", (cue.start, cue.end), seer, (lo, hi), narration=None if negated else narration
    )


def _seems_to(c: Context, lo: int, hi: int) -> tuple[int, int] | None:
    """Whom something seems so to, at the end of how it seems: ``seems credible to the jury``."""
    toks, w = c.toks, c.w
    for k in range(hi - 2, lo, -1):
        if toks[k].low != "to":
            continue
        np = np_right(w, toks, k + 1, hi)
        if np is not None and np[1] == content_end(toks, k + 1, hi) - 1 and _agent(w, toks, np):
            return np
        return None
    return None


# What follows "seems" or "appears" when it reports an impression: "appears to", "seems likely".
_SEEMS_FOLLOWS = frozenset({"to", "likely", "unlikely", "poised", "ready", "set"})
_SEEMS_ENDS = frozenset({",", ":", ";", "—", "–", "--", "("})
# Words of little meaning that may open how something seems: "seems like a fine idea", "seemed a risk".
_SEEMS_OPENERS = frozenset(
    {"like", "more", "less", "most", "a", "an", "very", "too", "quite", "almost", "rather"}
)


def _seems_predicate(c: Context, k: int) -> bool:
    """Whether the words at ``k`` say how the subject seems: ``seemed equally unperturbed``, ``seems like a fine idea``.

    Not a place or a time (``seemed at home``, ``seemed Tuesday``), nor a belief adjective, whose
    subject believes (``seemed confident that``, ``seemed sure the team would win``).
    """
    toks, w = c.toks, c.w
    while k < len(toks) and toks[k].kind == "w" and toks[k].text.islower() and toks[k].low.endswith("ly"):
        k += 1  # "seemed equally", "appears somewhat"
    if k >= len(toks):
        return False
    t = toks[k]
    return (
        t.kind == "w"
        and t.text.islower()
        and t.low not in _PREPOSITIONS
        and t.low not in w.times
        and t.low not in w.belief_adjectives  # "seemed confident that": the subject believes it
        and not (t.low in _CERTAIN and not (k + 1 < len(toks) and toks[k + 1].low == "to"))
        and (t.low not in w.stop or t.low in _SEEMS_OPENERS)
    )


# Adjectives of certainty that take a clause without "that": "She seemed sure the team would win".
_CERTAIN = frozenset({"sure", "certain"})


def parenthetical_speaker_cue(c: Context) -> Frame | None:
    """The speaker and the cue set off by commas inside the reported sentence.

    Example: ``The bridge, the mayor said, will reopen in May.``
    """
    toks, cue = c.toks, c.cue
    if cue.kind not in {"speech", "belief", "evidence"}:  # "The mayor, records show, …"
        return None
    found = _subject(c, cue.start, c.floor)
    if found is None:
        return None
    np, role = found
    first = _start(np, role)
    if first - 1 <= c.floor or toks[first - 1].text not in ASIDE_MARKS:
        return None
    if toks[np[0]].low in _WH_RELATIVES:
        return None  # "A lawyer for the family, who spoke to reporters, said …": an aside on the subject
    if cue.base in CONVERSE:
        return None  # "Hours ago, the premier spoke on television, …": speaking reports no clause around it
    mark = toks[first - 1].text  # the aside closes with the mark that opened it
    after = after_cue(c.w, c.text, toks, cue, len(toks))
    j = after.start
    if (
        after.that
        and j - 2 > cue.end
        and toks[j - 2].text == ","
        and toks[j - 1].low == "that"
        and _verb_follows(c.w, toks, j)
    ):
        j -= 1  # "An investment, they say, that would pay off": a relative clause goes on
        after = after._replace(start=j, that=False)
    if mark != "," and j <= cue.end + 1 and j < len(toks) and toks[j].text == mark:
        j += 1  # "The bridge — the mayor said — will reopen": after_cue stops at a dash
        after = after._replace(start=j)
    if j - 1 <= cue.end or toks[j - 1].text != mark or after.that:
        return None
    if words_in(toks, c.floor, first - 1, 2) < 2 and not _verb_follows(c.w, toks, j):
        return None  # one word before is enough when the clause goes on: "Loyalty, he noted, is …"
    hi = _end(c, j)
    if words_in(toks, j, hi, 2) < 2:
        return None
    return _framed("parenthetical_speaker_cue", cue, np, (c.floor, hi), role, after)


# Marks that set an aside off: "The bridge, the mayor said, will …", "The bridge — the mayor said — will …".
ASIDE_MARKS = frozenset({",", "—", "–", "--"})

# Weak cues that report no clause before them: "…, the engineer smiled".
_GESTURES = frozenset({"laugh", "smile", "nod", "shrug", "sigh"})


def clause_speaker_cue(c: Context) -> Frame | None:
    """The reported clause, a comma, the speaker and the cue at the end.

    Example: ``The bridge will reopen in May, the mayor said.``
    """
    toks, cue = c.toks, c.cue
    if (not _speech(c) and c.cue.kind != "evidence") or cue.base in _GESTURES:
        return None  # "..., the engineer smiled": no verb of saying
    if toks[cue.start].low.endswith("ing"):
        return None  # "…, his best showing in years": no finite verb
    found = _subject(c, cue.start, c.floor)
    if found is None or _no_comma_before(c, found):
        found = _long_subject(c) or found
    if found is None:
        return None
    np, role = found
    first = _start(np, role)
    if (
        first - 1 < c.floor
        or toks[first - 1].text not in {",", "—", "–"}
        or toks[np[0]].low in {"who", "which"}
    ):
        return None  # "…, Mike Lee, who declared in May": the clause before is not his
    if toks[np[0]].text.islower() and toks[np[0]].low.endswith("ing") and toks[np[0] + 1].low in _DETS:
        return None  # "…, using an average of polls in 11 swing states.": a participle and its object
    after = after_cue(c.w, c.text, toks, cue, len(toks))
    tail = after.audience[1] + 1 if after.audience else cue.end + 1  # "told her aides as she …"
    if not _only_tail(c, cue.end + 1) and not _blank_from(toks, after.start) and not _adjunct_tail(c, tail):
        return None
    lo = c.floor
    hi = content_end(toks, lo, first - 1)
    if words_in(toks, lo, hi, 3) < 3:
        return None
    if tail < len(toks) and _time_clause(c.w, toks, tail) and not _clause_like(c.w, toks, lo, hi):
        return None  # "At day's end, however, Clinton said as he …": no clause before the speaker
    return _framed("clause_speaker_cue", cue, np, (lo, hi), role, after)


def _no_comma_before(c: Context, found: tuple[tuple[int, int], tuple[int, int] | None]) -> bool:
    first = _start(*found)
    return first - 1 < c.floor or c.toks[first - 1].text != ","


def _long_subject(c: Context) -> tuple[tuple[int, int], None] | None:
    """A subject with modifiers between a comma and the cue: ``…, records compiled by a watchdog show``.

    The phrase starts right after the comma and holds no auxiliary, verb of saying, quotation or
    relative word; a preposition or a participle follows its first noun phrase.
    """
    toks, w = c.toks, c.w
    k = c.cue.start - 1
    while k > c.floor and c.cue.start - k <= 14 and toks[k].text != ",":
        t = toks[k]
        if t.kind != "w" or t.low in _AUX or t.low in _RELATIVES:
            return None
        if t.low in w.speech and toks[k + 1].low != "by" and _bare(t.low) not in w.documents:
            return None  # a verb of saying, unless a passive participle: "figures released by"
        k -= 1
    if k <= c.floor or toks[k].text != ",":
        return None
    np = np_right(w, toks, k + 1, c.cue.start)
    if np is None or np[0] != k + 1 or np[1] + 1 >= c.cue.start:
        return None
    nxt = toks[np[1] + 1]
    after = toks[np[1] + 2].low
    participle = (nxt.low.endswith("ed") or _participle(w, nxt)) and (
        after in _SUBJECT_PREPOSITIONS or after in w.times
    )  # "figures released by", "a poll taken in May"; not "the mayor tried here"
    if nxt.low not in _SUBJECT_PREPOSITIONS | {"close", "familiar"} and not participle:
        return None  # "…, a point the mayor conceded": a relative clause, not a modifier
    return np, None


def clause_cue_speaker(c: Context) -> Frame | None:
    """The reported clause, a comma, the cue and then the speaker.

    Example: ``The bridge will reopen in May, said Jane Doe, the mayor.``
    """
    toks, cue = c.toks, c.cue
    if not _speech(c) or cue.base in _NO_INVERSION or toks[cue.start].low.endswith("ing"):
        return None  # ", saying ..." continues the subject's statement
    if cue.start - 1 < c.floor or toks[cue.start - 1].text not in {",", "—", "–"}:
        return None
    np = np_right(c.w, toks, cue.end + 1, len(toks))
    if np is None:
        return None
    subject = _subject(c, cue.start, c.floor)
    if subject is not None and _start(*subject) <= c.floor + 1:
        return None  # "Tom Berg, a Republican who ran in 2020, said the ferry ...": that is the subject
    role = appositive_right(toks, np[1] + 1, len(toks))
    lo = c.floor
    hi = content_end(toks, lo, cue.start - 1)
    k = (role or np)[1] + 1
    if (
        toks[k - 1].text != ","
        and k + 1 < len(toks)
        and toks[k].low == "and"
        and toks[k + 1].low in {"others", "colleagues", "aides"}
    ):
        k += 2  # "said Doyle and others,"
    if (
        k < len(toks)
        and toks[k].text == ","
        and words_in(toks, k + 1, _end(c, k + 1), 2) >= 2
        and words_in(toks, lo, hi, 2) >= 2
        and _verb_follows(c.w, toks, k + 1)
        and not _says(c, k + 1, len(toks))
    ):
        # "The cause, said the engineer, was rust.": the cue and speaker sit inside the content
        hi = _end(c, k + 1)
        return Frame("clause_cue_speaker", (cue.start, cue.end), np, (lo, hi), role=role)
    if not _loose_tail(c, np[1] + 1):
        return None  # "Jane Doe, a spokeswoman, said the bridge ...": the subject is before
    if words_in(toks, lo, hi, 3) < 3:
        return None
    return Frame("clause_cue_speaker", (cue.start, cue.end), np, (lo, hi), role=role)


def _verb_follows(w: Words, toks: list[Tok], i: int) -> bool:
    """Whether the words at ``i`` carry on an interrupted clause with its verb (``was rust``, ``then closed it``).

    A relative clause or an appositive (``who leads the group``, ``the head of …``)
    describes the speaker instead.
    """
    k = i
    while (
        k < len(toks)
        and toks[k].low not in _AUX
        and (toks[k].low in w.adverbs or (toks[k].low.endswith("ly") and toks[k].text.islower()))
    ):
        k += 1  # "…, then closed it", "…, quickly closed it"
    if k >= len(toks) or toks[k].kind != "w" or not toks[k].text.islower():
        return False
    t = toks[k]
    return (
        t.low in _AUX
        or t.low == "that"
        or t.low in w.past
        or (t.low.endswith("ed") and t.low not in _NOT_PAST)
        or present_verb(w, t)
        or (t.low in w.speech and not t.low.endswith("ing"))
    )


def according_to(c: Context) -> Frame | None:
    """``according to`` and the source, before or after the content.

    Example: ``According to the agency, the bridge will reopen in May.``
    """
    toks, cue = c.toks, c.cue
    if cue.kind != "according":
        return None
    np = np_right(c.w, toks, cue.end + 1, len(toks))
    # The source runs to the next comma: "according to a 2013 study by two economists,"
    stop = next((k for k in range(cue.end + 1, len(toks)) if toks[k].kind != "w"), len(toks))
    if cue.end + 1 < stop <= cue.end + 20 and (np is None or np[1] < stop - 1):
        np = np or (cue.end + 1, stop - 1)  # "according to early returns": a phrase the scan misses
        tail_end = stop - 1
    elif np is None:
        return None
    else:
        tail_end = np[1]
    role = appositive_right(toks, tail_end + 1, len(toks))
    # "But, according to …" and "Yet according to …" open the sentence as well
    opening = all(t.low in OPENING_ADVERBS or t.text == "," for t in toks[c.floor : cue.start])
    if (
        role is not None
        and opening
        and (
            role[1] + 1 >= content_end(toks, 0, len(toks))
            or toks[role[1] + 1].text != ","
            or not (
                _is_name(c.w, toks, role) or any(_nounish(c.w, t.low) for t in toks[role[0] : role[1] + 1])
            )
        )
    ):
        role = None  # "According to the agency, forty people use the boat.": that is the content
    if (
        role is not None
        and cue.start > c.floor
        and toks[cue.start - 1].text == ","
        and not _is_name(c.w, toks, role)
        and _clause_like(c.w, toks, role[0], role[1] + 1)
    ):
        role = None  # "Before the match, according to witnesses, fans clashed with police."
    # "The club receives, according to one report, two million a year": the verb's object follows
    open_verb = (
        cue.start - 1 > c.floor
        and toks[cue.start - 1].text == ","
        and _verb_word(c.w, toks[cue.start - 2])
        and not any(_verb_word(c.w, t) or t.low in _AUX for t in toks[c.floor : cue.start - 2])
    )
    if open_verb and role is not None and _measure_or_adjunct(toks[role[0]]):
        role = None  # "two million a year", "in a stolen car": the verb's, not the source's
    if role is not None and not _cap(toks[np[1]]) and _is_name(c.w, toks, role):
        np, role = role, np  # "according to the head of the agency, Jane Doe,"
    end_np = max(tail_end, np[1], role[1] if role else tail_end)
    before = content_end(toks, c.floor, cue.start)
    first = _open_paren_after(toks, c.floor, cue.start)  # "(the figure is higher, according to …)"
    # "The mayor said X, according to two aides": the words before have their own speaker.
    attributed = any(
        says_at(c.w, toks, k)
        and (
            toks[k + 1].low == "that"
            or toks[k + 1].kind == "q"
            # "warned aides to stay", "promised to resign"; but "continued to give talks" is no statement
            or (
                any(t.low == "to" for t in toks[k + 1 : min(k + 4, before)])
                and (toks[k + 1].low != "to" or c.w.speech.get(toks[k].low) in _INFINITIVE_STATEMENTS)
            )
            or _clause_like(c.w, toks, k + 1, before)
        )
        for k in range(first, before)
    )  # "..., and said little, according to an aide" is still the aide's account
    if before > first and not attributed:
        # "The bridge will reopen, according to the agency." When the sentence goes on
        # after the source ("The cause, according to the agency, was rust."), it is all content.
        k = end_np + 1
        if (
            k < len(toks)
            and toks[k].text == ","
            and words_in(toks, k, len(toks), 2) >= 2
            and (
                _verb_follows(c.w, toks, k + 1)
                or (
                    toks[k + 1].kind == "q" and toks[cue.start - 1].text == ","
                )  # "…, “held together by paint.”"
                or (
                    open_verb
                    and toks[k + 1].low not in _SUBORDINATORS | _CLAUSE_JOINERS | _WH_RELATIVES
                    and not _clause_like(c.w, toks, k + 1, _end(c, k + 1))
                )
            )
        ):
            hi = _paren_end(toks, first, c.floor, cue.end, _end(c))
            return Frame("according_to", (cue.start, cue.end), np, (first, hi), role=role)
        fronted = (
            k < len(toks)
            and toks[k].text == ","
            and words_in(toks, first, before, 6) < 6
            and not any(t.text == "," for t in toks[first:before])
            and not _clause_like(c.w, toks, first, before)
            and _clause_like(c.w, toks, k + 1, _end(c, k + 1))
        )  # "The next day, according to Ana, he left": the clause after the source is the content
        if (
            words_in(toks, first, before, 3) >= 3
            and not fronted
            and toks[before - 1].low not in _SUBORDINATORS | _CLAUSE_JOINERS
        ):  # "…, while according to the files, she knew": the source opens the next clause
            return Frame("according_to", (cue.start, cue.end), np, (first, before), role=role)
    lo = end_np + 1
    while lo < len(toks) and toks[lo].kind == "p":
        lo += 1
    hi = _paren_end(toks, first, c.floor, lo, _end(c, lo))
    if lo >= len(toks) or (words_in(toks, lo, hi, 2) < 2 and toks[lo].kind != "q"):
        return None
    if lo > cue.end + 1 and before > c.floor and toks[lo].low in _SUBORDINATORS | {"but", "and", "yet"}:
        return None  # "…, according to a tally, but his path is narrow": a clause of the narrator's
    if lo > cue.end + 1 and toks[lo].low in _WH_RELATIVES:
        # "Prices rose, according to the bureau, which publishes the index": the clause is the source's
        if before > first:
            return Frame("according_to", (cue.start, cue.end), np, (first, before), role=role)
        comma = next((k for k in range(lo + 1, hi) if toks[k].text == ","), None)
        if comma is None or words_in(toks, comma + 1, hi, 2) < 2:
            return None
        lo = comma + 1  # "According to the agency, which runs the port, the ferry will resume."
    return Frame("according_to", (cue.start, cue.end), np, (lo, hi), role=role)


# Verbs whose infinitive is what they state: "promised to resign", "agreed to step down".
_INFINITIVE_STATEMENTS = _TO_VERBS | {"agree", "refuse", "decline", "offer", "swear"}
# Words that open a measure or an adjunct rather than a role: "about 900 workers", "in a car".
_MEASURE_OPENERS = (
    _SMALL_NUMBERS | _PREPOSITIONS | {"some", "nearly", "almost", "more", "over", "around", "roughly", "to"}
)


def _measure_or_adjunct(t: Tok) -> bool:
    """Whether the token opens a quantity or an adjunct (``two million``, ``$5``, ``in a car``), not a role."""
    return t.low in _MEASURE_OPENERS or t.text[:1].isdigit() or t.text[:1] in {"$", "£", "€"}


def _verb_word(w: Words, t: Tok) -> bool:
    """Whether the token is a finite verb in the present or the past (``receives``, ``paid``)."""
    return t.kind == "w" and t.text.islower() and (present_verb(w, t) or t.low in w.past)


def _open_paren_after(toks: list[Tok], lo: int, hi: int) -> int:
    """The token after an opening parenthesis in ``[lo, hi)`` still open at ``hi``, else ``lo``."""
    depth = 0
    for k in range(hi - 1, lo - 1, -1):
        if toks[k].text == ")":
            depth += 1
        elif toks[k].text == "(":
            if depth == 0:
                return k + 1
            depth -= 1
    return lo


def _paren_end(toks: list[Tok], first: int, floor: int, lo: int, hi: int) -> int:
    """``hi``, or the closing parenthesis before it when the content opened inside one at ``first``."""
    if first == floor:
        return hi
    return next((k for k in range(lo, hi) if toks[k].text == ")"), hi)


# Conjunctions after a clause boundary that are not part of the next clause.
_CLAUSE_JOINERS = frozenset({"but", "and", "yet", "so", "while", "although", "whereas"})
# Words that open an absolute phrase: "With the mayor reportedly weighing a run, …".
_ABSOLUTE_OPENERS = frozenset({"with", "without"})
# Prepositions that may open a sentence with a phrase that ends at its comma: "In all, …".
_FRONTED_PHRASE = frozenset({"in", "after", "before", "by", "despite", "since", "upon", "at", "on"})


def hearsay_clause(c: Context) -> Frame | None:
    """An adverb of hearsay (``reportedly``) reports its whole clause; no one is named.

    Example: ``The council has reportedly dropped the plan to close the pier.``
    """
    toks, cue = c.toks, c.cue
    if cue.kind != "hearsay":
        return None
    n = len(toks)
    k = cue.end + 1
    while k < n and (toks[k].low in _AUX or toks[k].low in c.w.adverbs):
        k += 1
    if k < n and (
        toks[k].low in c.w.speech or (toks[k].low in c.w.cue_words and any(t.kind == "q" for t in toks[k:]))
    ):
        return None  # "The mayor reportedly told aides …", "reportedly called it “a farce”": the verb's own
    # The clause the adverb is in: from the last boundary before it ("; " or ", but …")
    start = sentence_start(toks, c.floor)
    cut = bisect_left(c.cuts, cue.start) - 1
    if cut >= 0 and c.cuts[cut] >= start:
        after = c.cuts[cut] + 1
        if after < n and toks[after].low in _CLAUSE_JOINERS:
            after += 1
        if after < n and toks[after].low not in _AUX:
            start = after  # "…; the council has reportedly …", but not "…, but has reportedly …"
    if cue.start > start and (toks[cue.start - 1].text == "," or toks[cue.start - 1].text in _DASHES):
        return None  # "…, reportedly winning over …", "Okafor — reportedly the favourite —": an aside
    comma = next(
        (i for i in range(cue.start - 1, start - 1, -1) if toks[i].text in {",", "—", "–", "--"}), start - 1
    )
    if comma >= start and toks[comma + 1].low in _RELATIVES:
        return None  # "the striker, who the club reportedly paid …": the aside's, not the sentence's
    paren = next((i for i in range(cue.start - 1, start - 1, -1) if toks[i].text in {"(", ")"}), None)
    if paren is not None and toks[paren].text == "(":
        lo = paren + 1  # "(her aides have reportedly hired …)"
        hi = next((i for i in range(cue.end + 1, n) if toks[i].text == ")"), n)
    elif toks[start].low in _ABSOLUTE_OPENERS or (
        toks[comma + 1].low in _ABSOLUTE_OPENERS and comma >= start
    ):
        lo = (start if toks[start].low in _ABSOLUTE_OPENERS else comma + 1) + 1
        stop = next((i for i in range(cue.end + 1, n) if toks[i].text in {",", ":"}), None)
        if stop is not None and toks[stop].text == ":":
            return None  # "with the mayor reportedly shouting: “…”": the quotation's own cue
        hi = stop if stop is not None else content_end(toks, lo, n)
    else:
        lo = start
        if cue.start == lo and lo + 1 < n and toks[lo + 1].text == ",":
            lo += 2  # "Reportedly, the council dropped the plan."
        elif toks[lo].low in _FRONTED_PHRASE and lo <= comma < cue.start:
            lo = comma + 1  # "In all, the clubs have reportedly spent …"
        # cuts start three tokens on (_end), so look up the clause's end from just before the adverb
        hi = _end(c, max(lo, cue.start - 2))
    hi = content_end(toks, lo, hi)
    if hi <= cue.end or lo >= n or words_in(toks, lo, hi, 4) < 4:
        return None
    return Frame("hearsay_clause", (cue.start, cue.end), None, (lo, hi))


def heard_clause(c: Context) -> Frame | None:
    """A body that hears evidence (lexicon ``hearing_nouns.txt``) and the clause it heard; no one is named.

    The body is the audience; whoever gave the evidence is left open.

    Example: ``The inquest heard that the ferry had left without lights.``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if cue.kind != "heard":
        return None
    n = len(toks)
    after = after_cue(w, c.text, toks, cue, n)
    lo, clause = after.start, after.that
    speaker = None
    if cue.end + 2 < n and toks[cue.end + 1].low == "from":
        # "The trial heard from a neighbour that the van was stolen": the witness is named
        speaker = np_right(w, toks, cue.end + 2, n)
        if speaker is None or speaker[1] + 1 >= n or toks[speaker[1] + 1].low != "that":
            return None  # "heard from a neighbour, who said …": the witness's own cue
        lo, clause = speaker[1] + 2, True
    elif lo + 1 < n and toks[lo].low in _EVIDENCE_NOUNS and toks[lo + 1].low == "that":
        lo, clause = lo + 2, True  # "The court heard evidence that …"
    elif lo < n and toks[lo].low == "how":
        lo, clause = lo + 1, True  # "The court heard how the driver …"
    hi = _end(c, lo)
    if (
        lo >= n
        or toks[lo].low in _PREPOSITIONS
        or words_in(toks, lo, hi, 3) < 3
        or not (clause or _clause_like(w, toks, lo, hi))
    ):
        return None  # "The court heard evidence from …": no clause
    if _says(c, lo, hi):
        return None  # "heard Ms Smith say that …", "heard that he said …": the inner cue has a speaker
    body = np_left(w, toks, _skip_adverbs_left(w, toks, cue.start, c.floor), c.floor)
    return Frame("heard_clause", (cue.start, cue.end), speaker, (lo, hi), audience=body, medium=after.medium)


# What a court hears before "that": "The court heard evidence that …".
_EVIDENCE_NOUNS = frozenset({"evidence", "claims", "allegations", "testimony", "submissions"})


def in_source(c: Context) -> Frame | None:
    """A document, poll or interview named at the start, then what it says.

    Example: ``In a new poll, most riders favour the night ferry.``
    """
    toks, cue = c.toks, c.cue
    if cue.kind != "source" or cue.start > 1:
        return None
    k = cue.end + 1
    own = toks[k].low in c.w.pronouns and toks[k].low != "it"  # "In her view" is hers
    np = (k + 1, k + 1) if own else np_right(c.w, toks, k, len(toks))
    comma = None if np is None else source_comma(c.w, toks, np[1] + 1)
    if np is None or comma is None:
        return None
    lo = comma + 1
    hi = _end(c, lo)
    if words_in(toks, lo, hi, 3) < 3 or _says(c, lo, hi) or _finds_that(c, lo, hi):
        return None  # "In a statement, the mayor said ...", "In her poll, Dr. Kim found that …": the verb decides
    if hi + 1 < len(toks) and toks[hi].text == "," and says_at(c.w, toks, hi + 1):
        return None  # "In a letter, the mayor resigned, saying …": the participle says it
    return Frame("in_source", (cue.start, cue.end), (k, k) if own else np, (lo, hi))


def clause_in_poll(c: Context) -> Frame | None:
    """A finding, then the poll that gives it at the end of the sentence.

    Example: ``The mayor leads her rival by nine points in a new poll of the county.``
    """
    toks, cue = c.toks, c.cue
    if cue.kind != "source" or cue.start <= max(1, c.floor + 2):
        return None
    np = np_right(c.w, toks, cue.end + 1, len(toks))
    if np is None:
        return None
    lo = max((k + 1 for k in c.cuts if k < cue.start), default=c.floor)
    hi = content_end(toks, lo, cue.start)
    if words_in(toks, lo, hi, 3) < 3 or _says(c, lo, hi):
        return None  # "The mayor said in a poll …": the verb decides
    if not any(t.text[:1].isdigit() or t.low in _STANDINGS for t in toks[lo:]):
        return None  # "Residents took part in a poll": no finding, only an event
    return Frame("clause_in_poll", (cue.start, cue.end), np, (lo, hi))


# Words that give a poll's finding: "leads by nine points", "trails", "a majority", "half".
_STANDINGS = frozenset(
    {"percent", "points", "point", "lead", "leads", "led", "leading", "trail", "trails", "trailed",
     "trailing", "ahead", "behind", "tied", "majority", "plurality", "half", "third", "quarter",
     "margin", "edge"}
) | _SMALL_NUMBERS  # fmt: skip


def viewpoint_opening(c: Context) -> Frame | None:
    """``To`` and a person or group, a comma, then how things look to them.

    Example: ``To the mayor, the new pier is a costly mistake.``
    """
    toks, cue = c.toks, c.cue
    if cue.kind != "view":
        return None
    k = cue.end + 1
    if k >= len(toks):
        return None
    np = (k, k) if toks[k].low in _OBJECT_PRONOUNS else np_right(c.w, toks, k, len(toks))
    if np is None or np[1] + 2 >= len(toks):
        return None  # "To the mayor,": nothing after the comma
    lo = np[1] + 2
    if toks[lo].low in _CLAUSE_OPENERS or toks[lo].low in {"and", "or", "but"}:
        return None  # "To Ms. Gil, who runs the ferry, …", "To them, and to others, …"
    hi = _end(c, lo)
    if words_in(toks, lo, hi, 3) < 3 or _says(c, lo, hi) or not _clause_like(c.w, toks, lo, hi):
        return None  # "To the mayor, the council said …": a verb of saying decides
    return Frame("viewpoint_opening", (cue.start, cue.end), np, (lo, hi))


def as_speaker_cue(c: Context) -> Frame | None:
    """``As X noted,`` before the content, or ``, as X noted`` after it.

    Example: ``As the mayor noted, the bridge is old.``
    """
    toks, cue = c.toks, c.cue
    if not _speech(c) and cue.kind != "evidence":
        return None
    found = _subject(c, cue.start, c.floor)
    if found is None:
        return None
    np, role = found
    k = np[0] - 1
    if k < c.floor or toks[k].low != "as" or _subordinate_phrase(toks, np[0]):
        return None  # "As soon as the mayor announced the closure, …" is a time
    j = cue.end + 1
    while j < len(toks) and toks[j].kind != "p" and j - cue.end < 6:
        j += 1
    if (
        k - 1 > c.floor
        and toks[k - 1].text in {",", "—", "–"}
        and (
            _only_tail(c, cue.end + 1)
            or (j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].low in {"and", "but"})
        )
    ):
        # "The mayor met Ana that day, as the Post reported(, and …)": the clause before
        hi = content_end(toks, c.floor, k - 1)
        if words_in(toks, c.floor, hi, 3) < 3 or not _clause_like(c.w, toks, c.floor, hi):
            return None
        return Frame("as_speaker_cue", (cue.start, cue.end), np, (c.floor, hi), role=role)
    if j >= len(toks) or toks[j].text != ",":
        return None
    if any(t.low == "that" or t.low in _AUX for t in toks[cue.end + 1 : j]):
        return None  # "Even as Ana said that fares would rise, ...": the cue has its own clause
    lo, hi = j + 1, _end(c, j + 1)
    if words_in(toks, lo, hi, 3) < 3:
        return None
    return Frame("as_speaker_cue", (cue.start, cue.end), np, (lo, hi), role=role)


def subject_participle_aside(c: Context) -> Frame | None:
    """A participle of saying set off by commas after the subject: the subject speaks.

    Example: ``The mayor, noting that the bridge was old, closed it to lorries.``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if cue.kind not in {"speech", "belief", "stance"} or not toks[cue.start].low.endswith("ing"):
        return None  # a stance too: "The mayor, calling the deal “a disgrace,” said …"
    b = _skip_adverbs_left(w, toks, cue.start, c.floor)
    s = sentence_start(c.toks, c.floor)
    if b <= s or toks[b].text != ",":
        return None
    np = np_left(w, toks, b - 1, s)
    if np is None or np[0] != s:
        return None
    after = after_cue(w, c.text, toks, cue, len(toks))
    lo = after.start
    hi = _end(c, lo)
    # The aside ends at the comma before the subject's own verb: "…, closed it", or at a
    # quotation whose comma is inside its marks: "The mayor, citing “a loss of trust,” said …"
    close = next(
        (
            k + (toks[k].kind == "q")
            for k in range(lo, min(hi, len(toks) - 1))  # a cut may fall right after the quotation
            if ((toks[k].text == "," and k >= lo + 2) or comma_inside(toks[k]))
            and _verb_follows(w, toks, k + 1)
        ),
        -1,
    )
    if close < 0 or words_in(toks, lo, close, 2) < 2:
        return None
    if not (after.that or any(t.kind == "q" for t in toks[lo:close]) or _clause_like(w, toks, lo, close)):
        return None  # "The mayor, speaking at the pier, said …": no statement in the aside
    return _framed("subject_participle_aside", cue, np, (lo, close), None, after)


def participle_same_speaker(c: Context) -> Frame | None:
    """A participle after a comma continues the subject's statement, or names what a stance is about.

    Example: ``The mayor defended the plan, adding that the bridge is old.``
    """
    toks, cue = c.toks, c.cue
    if cue.kind not in {"speech", "stance"} or not toks[cue.start].low.endswith("ing"):
        return None
    b = _skip_adverbs_left(c.w, toks, cue.start, c.floor)  # ", while also suggesting"
    if b < 0 or (
        toks[b].text not in {",", "—", "–"}
        and toks[b].low not in {"and", "before", "after", "while", "by"}
        and not comma_inside(toks[b])
    ):
        return None
    after = after_cue(c.w, c.text, toks, cue, len(toks))
    lo, hi = after.start, _end(c, after.start)
    if cue.base == "speak" and not after.that:
        return None  # "…, speaking to reporters after the vote": who was told, not what
    if cue.kind == "stance":
        # ", referring to the harbour": a stance names what it is about, not a clause
        lo = cue.end + 1
        if lo >= len(toks) or toks[lo].kind == "p":
            return None
        hi = _object_end(c, lo)
    if words_in(toks, lo, hi, 2) < 2:
        return None
    return Frame(
        "participle_same_speaker",
        (cue.start, cue.end),
        None,
        (lo, hi),
        audience=after.audience,
        medium=after.medium,
        same_as_previous=True,
    )


# Prepositions and conjunctions that may open a sentence before a participle of saying.
_BEFORE_PARTICIPLE = frozenset(
    {"despite", "after", "before", "while", "since", "by", "in", "when", "upon", "without"}
)


def participle_opening(c: Context) -> Frame | None:
    """A participle of saying opens the sentence; the subject after the comma speaks.

    Example: ``Noting that the ferry was late again, the mayor called for a review.``
    """
    toks, cue = c.toks, c.cue
    start = sentence_start(c.toks, c.floor)
    opener = cue.start
    while opener > start and toks[opener - 1].low in c.w.adverbs and toks[opener - 1].low not in _AUX:
        opener -= 1
    if opener > start and toks[opener - 1].low == "having" and toks[cue.start].text.islower():
        opener -= 1  # "Having announced that …": the perfect participle
    else:
        opener = cue.start
    if cue.kind not in {"speech", "belief"} or not toks[opener].low.endswith("ing"):
        return None
    if opener != start and not (opener == start + 1 and toks[start].low in _BEFORE_PARTICIPLE):
        return None  # "Noting that …", "After admitting that …", "Having said that …"
    after = after_cue(c.w, c.text, toks, cue, len(toks))
    lo = after.start
    if (
        not after.that
        and lo < len(toks)
        and toks[lo].kind != "q"
        and sum(t.text == "," for t in toks[cue.end : lo]) % 2
    ):
        # "Speaking at a rally on Friday, Ana called …": the participle says where, not what (but
        # "Telling reporters, in a statement, she would run, …" sets an aside off by two commas)
        return None
    comma = next((k for k in range(lo + 1, len(toks)) if toks[k].text == ","), -1)
    if comma < 0 or words_in(toks, lo, comma, 3) < 3:
        return None
    if not (after.that or toks[lo].kind == "q" or _clause_like(c.w, toks, lo, comma)):
        return None
    np = np_right(c.w, toks, comma + 1, len(toks))
    if np is None:
        return None
    np = _trim_subject(c, np)
    if np[1] + 1 >= len(toks) or toks[np[1] + 1].kind != "w":
        return None  # the subject must be followed by its verb
    return _framed("participle_opening", cue, np, (lo, content_end(toks, lo, comma)), None, after)


def speaker_cue_colon(c: Context) -> Frame | None:
    """The speaker and the cue end the paragraph with a colon; the quotation follows.

    Example: ``The mayor said:\n\n“We will rebuild the bridge.”``
    """
    toks, cue = c.toks, c.cue
    if cue.kind != "speech" or not toks or toks[-1].text != ":":
        return None
    after = after_cue(c.w, c.text, toks, cue, len(toks))
    if after.start < len(toks):
        return None
    found = _subject(c, cue.start, c.floor)
    if found is None:
        return None
    np, role = found
    n = len(toks)
    return _framed("speaker_cue_colon", cue, np, (n, n), role, after)


# Words that end a stance's object phrase: a relative or adverbial clause starts.
_OBJECT_ENDS = frozenset(
    {"because", "after", "when", "while", "since", "but", "before", "until", "despite", "amid",
     "following", "although", "though", "if", "saying", "adding", "calling"}
)  # fmt: skip


def _owner(c: Context, noun: int, floor: int) -> tuple[int, int] | None:
    """The possessor of the noun at ``noun``, from ``floor`` on: ``her``, ``the mayor's``."""
    toks = c.toks
    owner = owner_of(toks, noun)
    if owner is None or owner < floor:
        return None
    if toks[owner].low in c.w.pronouns or not _possessive(toks[owner]):
        return (owner, owner)
    return np_left(c.w, toks, owner, floor)


def possessive_noun_that(c: Context) -> Frame | None:
    """A possessive and a noun of saying or thinking govern a ``that`` clause.

    Example: ``The mayor’s claim that the bridge is safe drew criticism.``
    """
    toks, cue = c.toks, c.cue
    k, audience = cue.end + 1, None
    who = _addressee(c, k)
    if who is not None and toks[who[1] + 1].low == "that":
        audience, k = who, who[1] + 1  # "her testimony to the senate that …"
    copula = is_that(toks, k)  # "Her answer was that the ferry would run"
    if cue.kind != "noun" or k >= len(toks) or not (toks[k].low == "that" or copula):
        return None
    np = _owner(c, c.cue.start, c.floor)
    if np is None:
        return None
    lo = k + 1 + copula
    if lo < len(toks) and toks[lo].text == ",":
        lo += 1  # "Her view is that, in the end, …": the comma opens an aside, not the content
    hi = _end(c, lo)
    if (
        copula
        and (
            lo >= len(toks)
            or np[0] != sentence_start(toks, c.floor)
            or toks[lo].low == "of"  # "His view was that of a man who …"
            or not (
                toks[lo].low in _NOMINATIVE | _FRONTED | _PREPOSITIONS
                or _clause_like(c.w, toks, lo, hi)
                or any(present_verb(c.w, t) for t in toks[lo:hi])
            )
        )
    ):
        # "The problem with the mayor's plan is that …": the writer judges the plan; "Her view
        # is that of a minority": "that" is a pronoun, no clause follows
        return None
    if words_in(toks, lo, hi, 3) < 3:
        return None
    return Frame("possessive_noun_that", (cue.start, cue.end), np, (lo, hi), audience=audience)


def possessive_noun_topic(c: Context) -> Frame | None:
    """A possessive and a noun of saying or stance, then what it is about.

    Example: ``Her criticism of the harbour plan was sharp.``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if cue.kind != "noun" or cue.end + 1 >= len(toks) or toks[cue.end + 1].low not in TOPIC_PREPOSITIONS:
        return None
    np = _owner(c, c.cue.start, c.floor)
    if np is None:
        return None
    prep, audience, medium = _topic_preposition(c, cue.end + 1)
    if prep < 0 or prep + 1 >= len(toks):
        return None
    lo = prep + 1
    infinitive = (
        toks[prep].low == "to"
        and cue.base in w.infinitive_nouns
        and toks[lo].kind == "w"
        and toks[lo].text.islower()
        and toks[lo].low not in w.stop
        and not _opens_object(w, toks, lo)
    )
    hi = _infinitive_end(c, lo) if infinitive else _object_end(c, lo)
    cased = not _title_case(toks)  # in a headline or in capitals every word looks like a name
    for k in range(lo + 1, hi):
        t = toks[k]
        if t.low in _AUX or (
            not (cased and _cap(t) and not t.text.isupper())  # "her letter to the State Board …": a name
            and not (infinitive and k == lo + 1)  # "to deport undocumented workers": the object's
            and (
                t.low in w.past
                or t.low in w.speech
                or (
                    t.low.endswith("ed")
                    and toks[k - 1].low not in _DETS
                    and toks[k - 1].low not in _PREPOSITIONS
                )
            )
        ):
            hi = k  # "Her attacks on the mayor have grown": the sentence's verb ends the topic
            break
    if words_in(toks, lo, hi, 1) < 1:
        return None
    if (
        audience is None
        and toks[prep].low == "to"
        and cue.base in w.addressed_nouns
        and _opens_object(w, toks, lo)
        and not (hi < len(toks) and says_at(w, toks, hi))
    ):
        # "his remarks to reporters": the audience, and nothing said about. Before a verb of saying
        # the phrase is that verb's subject ("The union's letter to the board says …"), whose
        # owner the merge makes the speaker.
        return None
    return Frame(
        "possessive_noun_topic", (cue.start, cue.end), np, (lo, hi), audience=audience, medium=medium
    )


def _topic_preposition(c: Context, k: int) -> tuple[int, tuple[int, int] | None, str | None]:
    """The preposition at or after ``k`` that opens what a noun of saying is about, its audience and medium.

    A day (``her remarks on Tuesday about …``), a medium (``his comments on air about …``) and,
    after a noun addressed to someone, the audience (``her remarks to reporters about …``) are
    passed over; -1 when no topic follows them.
    """
    toks, w = c.toks, c.w
    audience, medium = None, None
    for _ in range(3):
        if k >= len(toks) or toks[k].low not in TOPIC_PREPOSITIONS:
            return -1, audience, medium
        if toks[k].low == "on" and (span := time_span_end(w, toks, k)) > k:
            k = span  # "on Tuesday"
        elif (found := medium_at(c.text, toks[k])) is not None and _medium_tail(c, k) is not None:
            medium, k = found[1], token_from(toks, k, found[0])  # "on Twitter", "on air"
        elif (
            audience is None
            and k + 1 < len(toks)
            and _opens_object(w, toks, k + 1)
            and (who := _addressee(c, k)) is not None
            and toks[who[1] + 1].low in TOPIC_PREPOSITIONS
        ):
            audience, k = who, who[1] + 1  # "her remarks to reporters about the trial"
        else:
            return k, audience, medium
    return -1, audience, medium


def _addressee(c: Context, k: int) -> tuple[int, int] | None:
    """Whom a noun addressed to someone (``addressed_nouns.txt``) names after "to" at ``k``, if more follows."""
    toks = c.toks
    if not (k + 1 < len(toks) and toks[k].low == "to" and c.cue.base in c.w.addressed_nouns):
        return None
    who = np_right(c.w, toks, k + 1, len(toks))
    return who if who is not None and who[1] + 1 < len(toks) else None


def _infinitive_end(c: Context, lo: int) -> int:
    """Where an infinitive whose verb is at ``lo`` ends: a break in the sentence or a new clause.

    ``plan to go after the donors, which …`` gives ``go after the donors``: unlike an object
    (``_object_end``) it does not close at the verb's own particle or time phrase.
    """
    toks = c.toks
    hi = _end(c, lo)
    for k in range(lo + 1, hi):
        t = toks[k]
        if (
            t.text in {",", ";", ":", "(", "—", "–", "--"}
            or (t.text == "-" and not _score_dash(toks, k))
            or (k > lo + 1 and t.low in _OBJECT_ENDS)
        ):
            return k
    return hi


_DAY_WORDS = _DAYS | {"yesterday", "today", "tonight"}
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
_DAY_MODIFIERS = frozenset({"late", "early", "next"})
_DAY_PHRASE_WORDS = _DAY_WORDS | _DAY_PARTS | _DAY_MODIFIERS
_PLACE_TIME_PREPOSITIONS = frozenset({"at", "in", "during", "after", "before", "while"})


def _has_relative(toks: list[Tok], lo: int, hi: int) -> bool:
    """Whether a relative word after the first of ``lo``..``hi`` may open a clause: ``shops that open Sunday``."""
    return any(t.low in _RELATIVES for t in toks[lo + 1 : hi])


def _day_adjunct(w: Words, toks: list[Tok], k: int) -> bool:
    """Whether the day at ``k`` stands as a time adjunct of its own: ``endorsed the mayor Wednesday``.

    Not a day that names a thing (``Super Tuesday``, ``the Friday before the vote``) or belongs to
    a preposition or a participle before it (``on Saturday for …``, ``a ruling released Thursday``).
    """
    if toks[k].low not in _DAY_WORDS or k == 0:
        return False
    prev = toks[k - 1]
    if (
        prev.low in _PREPOSITIONS
        or prev.low in {"of", "to"}
        or prev.low in _DETS
        or _possessive(prev)
        or (prev.low not in _DAY_MODIFIERS and _cap(prev))
    ):
        return False  # "on Saturday", "the Friday before the vote", "Super Tuesday"
    return not _participle_form(w, prev)


def _bare_day(w: Words, toks: list[Tok], k: int) -> bool:
    """Whether a day at ``k`` (or "late" before one) ends an object: ``endorsed the mayor late Friday in …``.

    Not a day that modifies a noun (``praised the Monday speech``), nor one the verb's complement
    or topic follows (``urged voters Friday to …``, ``declined to comment Tuesday on …``).
    """
    if toks[k].low in _DAY_MODIFIERS and k + 1 < len(toks):
        return toks[k + 1].low in _DAYS and _bare_day(w, toks, k + 1)
    if not _day_adjunct(w, toks, k):
        return False
    end = next((j for j in range(k + 1, min(len(toks), k + 9)) if toks[j].kind != "w"), min(len(toks), k + 9))
    if any(t.low == "to" and toks[j + 1].text.islower() for j, t in enumerate(toks[k + 1 : end - 1], k + 1)):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return (
        nxt is None
        or nxt.kind != "w"
        or nxt.low in _PLACE_TIME_PREPOSITIONS
        or nxt.low in _DAY_PARTS
        or (nxt.low == "on" and k + 2 < len(toks) and _cap(toks[k + 2]))  # "Wednesday on Radio Five"
    )


def _day_before(w: Words, toks: list[Tok], lo: int, hi: int) -> int:
    """Where a day phrase that closes the object ``lo``..``hi`` starts, or ``hi``: ``the mayor Wednesday`` (on Twitter)."""
    k = hi - 1
    if k > lo and toks[k].low in _DAY_PARTS:
        k -= 1
    if k > lo and _day_adjunct(w, toks, k):
        return k - 1 if k - 1 > lo and toks[k - 1].low in _DAY_MODIFIERS else k
    return hi


def _object_end(c: Context, lo: int) -> int:
    """Where an object phrase that starts at ``lo`` ends: punctuation, a new clause, a time phrase or a medium.

    ``praised the crews on Twitter`` gives ``the crews``.
    """
    w, toks = c.w, c.toks
    hi = lo
    stop = min(len(toks), lo + 40)
    while True:
        while (
            hi < stop
            and toks[hi].text not in {",", ";", ":", ".", "?", "!", "(", "—", "–", "--"}
            and not (toks[hi].text == "-" and not _score_dash(toks, hi))
            and not (hi > lo and toks[hi].low in _OBJECT_ENDS and not _wants_complement(toks, hi - 1))
            and not (
                hi > lo
                and toks[hi].low == "and"
                and _new_predicate(c, hi + 1)
                and not _has_relative(toks, lo, hi)  # "that plan" may open it
            )
            and not (hi > lo and _medium_tail(c, hi, lo))
            and not (hi > lo and _bare_day(w, toks, hi) and not _has_relative(toks, lo, hi))
            and not (hi > lo and _time_phrase(w, toks, hi) and not _wants_complement(toks, hi - 1))
        ):
            hi += 1
        if hi < stop and toks[hi].text == ",":
            close = _aside_then_complement(w, toks, hi, stop, naming=c.cue.base in _NAMING_BASES)
            if close is not None:
                hi = close + 1  # "praised Ana, the head of the crew, for …": the object goes on
                continue
            if _list_goes_on(w, toks, hi + 1, stop):
                hi += 1  # "praised Ana, Tom and the crews": a list, not the end
                continue
            if (
                hi + 2 < stop
                and toks[hi + 1].low in _EXAMPLES_FOLLOW
                and toks[hi + 2].kind == "w"
                and toks[hi + 2].low not in _OBJECT_ENDS
            ):
                hi += 2  # "backed the plan, including its tolls": the examples belong to the object
                continue
        if hi < stop and toks[hi].low in _OBJECT_ENDS:
            hi = _time_lead(toks, lo, hi)  # "praised the crews shortly after the fire"
        if hi - 1 > lo and toks[hi - 1].low in {"and", "or"}:
            # "blasted the plan and calling for …", "backed Ana at rallies and in a speech": the
            # coordinator opens the next phrase
            hi -= 1
        return hi if _has_relative(toks, lo, hi) else _day_before(w, toks, lo, hi)


_NEEDS_COMPLEMENT = _PREPOSITIONS | _PLAIN_ARTICLES | {"against", "over", "without"}


def _wants_complement(toks: list[Tok], k: int) -> bool:
    """Whether the word at ``k`` cannot end a phrase: a preposition or an article.

    ``mocked Ana for calling herself …`` and ``in the last year`` go on past a word that would
    otherwise close the object.
    """
    return toks[k].low in _NEEDS_COMPLEMENT


# Words that lead a time phrase after an object: "on Friday", "last week", "earlier this year".
_TIME_PHRASE_LEADS = frozenset({"on", "in", "for", "last", "this", "earlier", "later"})


def _quoted_phrase(t: Tok) -> bool:
    """Whether ``t`` is a quotation that opens in lower case: a phrase (``“a wake-up call”``), not a sentence."""
    return t.kind == "q" and _first_letter(t).islower()


def _time_phrase(w: Words, toks: list[Tok], k: int) -> bool:
    """Whether a time phrase that may close an object opens at ``k``: ``on Friday``, ``last week``.

    A time word before a complement is the object's own: ``the plans for next year about …``.
    """
    return (
        k + 1 < len(toks)
        and toks[k].low in _TIME_PHRASE_LEADS
        and toks[k + 1].low in w.times
        and not (k + 2 < len(toks) and (toks[k + 2].low in _COMPLEMENTS or _quoted_phrase(toks[k + 2])))
    )


def _time_of_saying(w: Words, toks: list[Tok], lo: int, k: int, hi: int) -> bool:
    """Whether a day or a recent time at ``k`` closes the object ``lo``..``hi`` as the time it was said.

    ``denied the claims on Tuesday``, ``announced her retirement last week``; a month, a year or
    ``next`` may be the object's own time (``promised elections in May``, ``a census next year``),
    and so is a time that a verb inside the object takes (``warned the board not to act this week``).
    """
    first = toks[k].low
    if first == "on":
        j = k + 2 if k + 1 < hi and toks[k + 1].low in _DAYS else -1
    elif first in {"last", "earlier"}:
        j = k + 2 if k + 1 < hi and toks[k + 1].low in w.times and toks[k + 1].low != "next" else -1
        if j > 0 and toks[j - 1].low == "this":
            j = j + 1 if j < hi and toks[j].low in w.times else -1  # "earlier this week"
    else:
        return False
    while 0 < j < hi and toks[j].low in _DAY_PARTS:
        j += 1  # "on Tuesday night"
    return j == hi and not _has_relative(toks, lo, k) and not _verb_inside(w, toks, lo, k)


def _verb_inside(w: Words, toks: list[Tok], lo: int, hi: int) -> bool:
    """Whether a verb form stands between ``lo`` and ``hi``: ``warned the board not to act``, ``since it opened``.

    A form after a determiner is a noun: ``the funding``, ``the signing``.
    """
    return any(
        t.low == "to"
        or t.low in w.past
        or (len(t.low) > 5 and t.low.endswith(("ing", "ed")) and not (k > lo and toks[k - 1].low in _DETS))
        for k, t in enumerate(toks[lo:hi], lo)
    )


def _score_dash(toks: list[Tok], k: int) -> bool:
    """Whether the spaced hyphen at ``k`` joins two numbers (``the 3 - 0 win``) rather than being a dash."""
    return 0 < k < len(toks) - 1 and toks[k - 1].text[:1].isdigit() and toks[k + 1].text[:1].isdigit()


# Words that lead a time clause or phrase: "shortly after", "two days before".
_TIME_LEADS = frozenset({"shortly", "soon", "just", "only", "even", "immediately"})
_TIME_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years"})
# Words before a count of time units that make it part of the object: "the last 10 minutes".
_COUNT_OPENERS = _DETS | _PREPOSITIONS | {"last", "first", "next", "past", "final", "opening"}


def _time_lead(toks: list[Tok], lo: int, hi: int) -> int:
    """Where a phrase ending before ``hi`` ends once the words leading the time link at ``hi`` go.

    ``shortly`` and ``two days`` lead ``after``; ``the last 10 minutes`` is an object.
    """
    k = hi
    if k - 1 > lo and toks[k - 1].low in _TIME_LEADS:
        k -= 1
    elif (
        k - 2 > lo
        and toks[k - 1].low in _TIME_UNITS
        and (toks[k - 2].text.isdigit() or toks[k - 2].low in _SMALL_NUMBERS | {"few", "several"})
    ):
        k -= 3 if k - 3 > lo and toks[k - 3].low in {"a", "some"} else 2  # "a few days after"
        if k - 1 >= lo and toks[k - 1].low in _COUNT_OPENERS:
            return hi  # "criticised the last 10 minutes before half-time"
    return k


# Words after a comma that give examples of the object just named: "the plan, including its tolls".
_EXAMPLES_FOLLOW = frozenset({"including", "especially", "particularly", "notably"})


# Words after a time phrase or an aside that carry the object on to the verb's complement:
# "criticized the mayor on Monday over the ferry", "accused Tom, the head of the board, of …".
# After a time phrase not "as", which there mostly opens a clause ("praised the crews on Monday as
# the storm passed"); after an aside it does not ("praised Ana, who ran the ferry, as a fighter").
_COMPLEMENTS = frozenset({"over", "for", "of", "about"})
_ASIDE_COMPLEMENTS = _COMPLEMENTS | {"as"}


# Verbs that name their object: what follows the object is the name given ("called the plan a
# fraud", "dubbed her “the Iron Lady”").
_NAMING_BASES = frozenset({"call", "dub", "brand", "label", "name", "nickname"})
# Words that open the name a naming verb gives after an aside: "called Ana, his rival, a “fraud”".
_NAME_OPENERS = frozenset({"a", "an", "the"})
# Nouns of time that, with "a" or "the", make a time phrase rather than a name: "a day later".
_TIME_NOUNS = frozenset(
    {"hour", "hours", "minute", "minutes", "moment", "time", "days", "weeks", "months", "years",
     "ago", "same", "first", "following"}
)  # fmt: skip


def _aside_then_complement(
    w: Words, toks: list[Tok], k: int, stop: int, *, naming: bool = False
) -> int | None:
    """The comma that closes an aside opened by the comma at ``k``, when the verb's complement follows it.

    ``accused the mayor, a sailor for years, of neglect``: the verb's complement comes after the aside;
    after a naming verb the name it gives does (``called Ana, his rival, a “fraud”``).
    """
    if k + 1 >= stop:
        return None
    name = _cap(toks[k + 1])  # "accused the club's owner, Ana Ruiz, of …": a name in apposition
    if not name and toks[k + 1].low not in _ASIDE_OPENERS:
        return None
    for j in range(k + 2, min(stop - 1, k + (6 if name else 20))):
        t = toks[j]
        if t.text == ",":
            nxt = toks[j + 1]
            named = naming and (
                nxt.kind == "q"
                or (
                    nxt.low in _NAME_OPENERS
                    and j + 2 < stop
                    and toks[j + 2].kind != "p"
                    and not any(u.low in w.times or u.low in _TIME_NOUNS for u in toks[j + 2 : j + 5])
                )
            )  # "called Tom, her son, a “fraud”"; not "…, an hour later" or "…, the night before"
            return j if nxt.low in _ASIDE_COMPLEMENTS or named else None
        if t.kind != "w" or (name and not _cap(t)):
            return None
    return None


# Words that open an aside about the object: "the head of …", "who …", "whose …".
_ASIDE_OPENERS = _NOUN_OPENERS | _WH_RELATIVES


def _new_predicate(c: Context, k: int) -> bool:
    """Whether the words at ``k``, after an object and ``and``, start a predicate or a clause of their own.

    ``endorsed the plan and she would fund it``, ``endorsed the mayor and has pledged …``,
    ``endorsed the deal and even questioned its cost``; not ``endorsed the deal and paid leave``.
    """
    toks, w = c.toks, c.w
    aux = False
    while k < len(toks) and toks[k].low in w.adverbs:  # auxiliaries are in the list too
        aux = aux or toks[k].low in _AUX
        k += 1
    if k + 1 >= len(toks):
        return False
    t, nxt = toks[k], toks[k + 1]
    if t.low in _SUBJECT_PRONOUNS:
        return True
    # A past form used as an adjective ("paid leave", "trained NHS volunteers") has no object after it.
    if _past(w, toks, k):
        return aux or _takes_object(w, nxt)
    return _past(w, toks, k, coordinated=True) and (aux or _takes_object(w, nxt, names=False))


_OCCASION_PREPOSITIONS = frozenset({"at", "during"})
_MEDIUM_PREPOSITIONS = frozenset({"in", "on", "via"}) | _OCCASION_PREPOSITIONS


def _finite_inside(w: Words, toks: list[Tok], lo: int, hi: int) -> bool:
    """Whether a finite verb stands between ``lo`` and ``hi``: ``the mood turned sour``, ``she enjoys it``."""
    return any(
        t.text.islower()
        and (t.low in _AUX or _verbal(w, t))
        and not (k > lo and (toks[k - 1].low in _DETS or toks[k - 1].low in _PREPOSITIONS))
        for k, t in enumerate(toks[lo:hi], lo)
    )


def _medium_tail(c: Context, k: int, lo: int | None = None) -> str | None:
    """The medium named by a phrase at ``k`` that closes an object (``praised the crews on Twitter``).

    A medium that the object goes on after belongs to it: ``described it in an interview as …``.
    The occasion after "at" or "during" (``praised the crews at a rally``) closes a noun phrase
    that starts at ``lo``, not a clause (``said the mood turned sour during the debate``) nor an
    aside after a comma.
    """
    if c.toks[k].low not in _MEDIUM_PREPOSITIONS:
        return None
    found = medium_at(c.text, c.toks[k])
    if found is None:
        return None
    if c.toks[k].low in _OCCASION_PREPOSITIONS and (
        c.toks[k - 1].kind == "p" or (lo is not None and _finite_inside(c.w, c.toks, lo, k))
    ):
        return None
    end, medium = found
    j = token_from(c.toks, k, end)
    goes_on = _OCCASION_GOES_ON if c.toks[k].low in _OCCASION_PREPOSITIONS else _MEDIUM_GOES_ON
    if j < len(c.toks) and (c.toks[j].low in goes_on or c.toks[j].low.endswith("ed")):
        return None
    return medium


# Words after a medium that carry the object on: "described it in an interview as …".
_MEDIUM_GOES_ON = frozenset({"as", "to", "that", "of", "with", "for"})
_OCCASION_GOES_ON = _MEDIUM_GOES_ON - {"with", "for"}  # "at a rally with voters" closes the object


def _list_goes_on(w: Words, toks: list[Tok], k: int, stop: int) -> bool:
    """Whether the words at ``k`` continue a list that ends with "and" or "or" (``Tom, Ana and Bo``)."""
    if _source_phrase(toks, k):
        return False  # "backed the plan, according to two aides": the source, not another item
    for j in range(k, min(stop, k + 8)):
        t = toks[j]
        if t.kind != "w" or t.low in _AUX or t.low in w.past or t.low in w.speech or t.low in _OBJECT_ENDS:
            return t.text == "," and j > k  # another item: "Ana, Tom, Bo and Li"
        if t.low in {"and", "or"} and j > k:
            return True
    return False


# Topic prepositions after a verb of saying: "spoke about", "warned against".
_TOPIC_AFTER_VERB = frozenset({"about", "of", "on", "over", "against"})


# Verbs whose object, not subject, does what the infinitive says: "led voters to say".
_OBJECT_CONTROL = frozenset(
    {
        "led", "leads", "lead", "leading", "asked", "asks", "ask", "asking", "urged", "urges", "urge",
        "forced", "forces", "force", "prompted", "prompts", "prompt", "pressed", "presses", "press",
        "encouraged", "encourages", "encourage", "invited", "invites", "invite", "allowed", "allows",
        "allow", "expect", "expects", "expected", "want", "wants", "wanted", "told", "tell", "tells",
        "caused", "causes", "cause", "causing", "left", "leaves", "leave", "leaving",
    }
)  # fmt: skip


# Infinitives of these verbs are acts of finding out, not statements: "waited to see if".
_NOT_INFINITIVE = frozenset({"see", "decide", "read", "know", "learn", "understand", "determine", "mention"})


def _trim_subject(c: Context, np: tuple[int, int]) -> tuple[int, int]:
    """``np`` cut after its last name or known noun: the phrase scan may run into an unknown verb.

    ``The mayor went on the radio`` gives ``The mayor``.
    """
    toks = c.toks
    last = next(
        (
            k
            for k in range(np[1], np[0] - 1, -1)
            if (_cap(toks[k]) and toks[k].low not in _DETS) or _nounish(c.w, toks[k].low)
        ),
        np[1],
    )
    return (np[0], last)


def _nearest_pronoun(c: Context, before: int) -> tuple[int, int] | None:
    """A subject pronoun that opens the clause holding token ``before`` (``…, but she is expected to``)."""
    toks = c.toks
    for k in range(before, c.floor, -1):
        t = toks[k]
        if t.low in {"he", "she", "they", "we", "i"} and (
            toks[k - 1].text in {",", ";"} or toks[k - 1].low in {"and", "but", "so", "yet"}
        ):
            return (k, k)
        if t.text in {",", ";"}:
            return None
    return None


def _impersonal(c: Context, span: int) -> bool:
    """Whether an impersonal "it" stands in the ``span`` words before the cue ("It should be noted that")."""
    return any(t.low in {"it", "it's"} for t in c.toks[max(c.floor, c.cue.start - span) : c.cue.start])


def infinitive_cue_clause(c: Context) -> Frame | None:
    """A verb of saying in the infinitive: the subject of the sentence, or the object of *urge*, *lead* …, speaks.

    Example: ``The mayor went on the radio to say the bridge would reopen.``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if cue.kind not in {"speech", "belief"} or cue.start - 2 < c.floor or toks[cue.start - 1].low != "to":
        return None
    if toks[cue.start].low != cue.base or cue.base in _WEAK or cue.base in _NOT_INFINITIVE:
        return None  # "to say", not "to said"
    if _impersonal(c, 6):
        return None  # "it is too soon to say whether ...": no one says it
    after = after_cue(w, c.text, toks, cue, len(toks))
    lo = after.start
    if cue.end + 2 < len(toks) and toks[cue.end + 1].text == "," and toks[cue.end + 2].kind != "q":
        return None  # "hard to predict, economists say, ...": the clause is someone else's
    hi = _end(c, lo)
    if lo >= len(toks) or words_in(toks, lo, hi, 3) < 3:
        return None
    if not (
        after.that
        or toks[lo].kind == "q"
        or toks[lo].low in _QUESTION_WORDS
        or _clause_like(c.w, toks, lo, hi)
    ):
        return None
    np = np_left(w, toks, cue.start - 2, c.floor)
    be = cue.start - 3
    if (
        np is None
        and be > c.floor
        and toks[be].low in _BE_ANY
        and (toks[be + 1].low.endswith("ed") or toks[be + 1].low in w.participles)
        and (found := _subject(c, be, c.floor)) is not None
    ):
        np = found[0]  # "… that Ortiz was prompted to say": the passive's subject says it
    elif np is None or np[0] - 1 < c.floor or toks[np[0] - 1].low not in _OBJECT_CONTROL:
        np = _nearest_pronoun(c, cue.start - 2) or unit_subject(toks, cue.start - 1)
        if np is None or np[0] < c.floor or toks[np[0]].low.endswith("ly"):
            return None
        np = _trim_subject(c, np)
    return _framed("infinitive_cue_clause", cue, np, (lo, hi), None, after)


def cue_that_clause(c: Context) -> Frame | None:
    """A verb of saying or thinking and its ``that`` clause, in a layout no other rule reads.

    The speaker is the sentence's subject when it can be told, else left open.

    Example: ``The union, long dismissive of the plan, is now more convinced that the ferry will close.``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if cue.kind not in {"speech", "belief", "evidence"} or cue.start <= c.floor:
        return None
    verb, prev = toks[cue.start], toks[cue.start - 1]
    if (
        prev.low in _DETS
        or prev.low in {"any", "of"}
        or _possessive(prev)
        or cue.base in _NOT_INFINITIVE
        or cue.base in {"speak", "talk"}
        or (verb.low in w.nouny and not _verb_context(w, toks, cue.start))
        or _impersonal(c, 4)
    ):
        return None  # "to say that", "emails that", "It should be noted that": no one's statement here
    after = after_cue(w, c.text, toks, cue, len(toks))
    if not after.that:
        return None
    lo = after.start
    hi = _end(c, lo)
    if words_in(toks, lo, hi, 3) < 3 or not _clause_like(w, toks, lo, hi) or toks[lo].low in _AUX:
        return None  # "states that have": a relative "that", no clause of saying
    opener = next(
        (
            k
            for k in range(cue.start - 1, max(c.floor, cue.start - 40) - 1, -1)
            if toks[k].kind in "pq" or toks[k].low in _FRONTED
        ),
        -1,
    )
    if opener >= 0 and toks[opener].kind == "w":
        # "Despite admitting that the plan was late, the mayor …": the fronted clause ends at a comma
        hi = next((k for k in range(lo + 3, hi) if toks[k].text == ","), hi)
    subject = unit_subject(toks, cue.start)
    if _passive(c):
        return _addressed("cue_that_clause", c, subject, after)
    return _framed("cue_that_clause", cue, subject, (lo, hi), None, after)


# Passive verbs of saying whose subject is the one addressed: "The jury was told that …".
_ADDRESSEE_PASSIVE = frozenset(
    {
        "told",
        "taught",
        "warned",
        "informed",
        "assured",
        "reminded",
        "advised",
        "urged",
        "ordered",
        "instructed",
    }
)


def _addressed(rule: str, c: Context, subject: tuple[int, int] | None, after: After) -> Frame | None:
    """A passive verb of saying and its clause: the speaker is the agent after "by", or no one.

    The subject of a verb of telling is the audience: ``The jury was told by police that …``,
    ``Passengers were told by the captain the ferry would be late``. ``was warned by email that``
    names no agent.
    """
    toks, cue, w = c.toks, c.cue, c.w
    n = len(toks)
    lo, that = (after.start, after.that) if after.audience is None else (cue.end + 1, False)
    agent = None
    by = _by_agent(c)
    if by is not None:
        agent, past = by
        if lo < past:  # the clause follows the agent (or the means)
            lo, that = past, False
            if lo < n and toks[lo].low == "that":
                lo, that = lo + 1, True
    hi = _end(c, lo)
    # "Residents were urged by police to stay indoors": with an agent, an order is reported
    ordered = agent is not None and lo < n and toks[lo].low == "to" and words_in(toks, lo, hi, 3) >= 3
    if not ordered and (
        lo >= n
        or words_in(toks, lo, hi, 3) < 3
        or toks[lo].low in _PREPOSITIONS
        or toks[lo].low in _AUX
        or not (that or _clause_like(w, toks, lo, hi))
    ):
        return None  # "was told off by the referee", "What he was told was that …"
    audience = subject if subject is not None and toks[cue.start].low in _ADDRESSEE_PASSIVE else None
    if audience is not None and audience[0] == audience[1] and toks[audience[0]].low == "it":
        audience = None  # "It was ordered that the files be released": "it" stands for the clause
    return Frame(rule, (cue.start, cue.end), agent, (lo, hi), audience=audience, medium=after.medium)


def _by_agent(c: Context) -> tuple[tuple[int, int] | None, int] | None:
    """The phrase after "by" right after a passive cue, and the token after it.

    The phrase is ``None`` when it is a means, not who spoke (``by email``); the whole is ``None``
    when no "by" phrase follows.
    """
    toks, k = c.toks, c.cue.end + 1
    if k + 1 >= len(toks) or toks[k].low != "by":
        return None
    found = np_right(c.w, toks, k + 1, len(toks))
    if found is None:
        return None
    return (found if _agent(c.w, toks, found) else None), found[1] + 1


def _agent(w: Words, toks: list[Tok], np: tuple[int, int]) -> bool:
    """Whether the phrase after a passive's "by" is who spoke, not the means (``by email``, ``by text message``)."""
    first = toks[np[0]]
    if _bare(toks[np[1]].low) in w.documents and first.low not in _DETS:
        return False
    return first.low in _DETS or _cap(first) or _speakerish(w, toks, np)


def speaker_cue_topic(c: Context) -> Frame | None:
    """The speaker and a verb of saying, then a preposition and what was talked about.

    Example: ``The mayor spoke to reporters about the harbour plan.``
    """
    toks, cue = c.toks, c.cue
    if cue.kind not in {"speech", "belief"} or cue.base in _SEEM or _passive(c) or _perceived(c):
        return None  # not "appeared on the radio"
    after = after_cue(c.w, c.text, toks, cue, len(toks))
    j = after.start
    if after.that or j + 1 >= len(toks) or toks[j].low not in _TOPIC_AFTER_VERB or toks[j + 1].kind != "w":
        return None
    found = _subject(c, cue.start, c.floor)
    if found is None:
        return None
    np, role = found
    if toks[j].low == "on" and toks[j + 1].low == "behalf":
        return None  # "spoke on behalf of the union": for whom, not about what
    lo = j + 1
    hi = _object_end(c, lo)
    if words_in(toks, lo, hi, 1) < 1:
        return None
    return _framed("speaker_cue_topic", cue, np, (lo, hi), role, after)


# Particles that make a cue word part of another phrasal verb: "called off", "backed away".
_VERB_PARTICLES = _ADVERB_PARTICLES | {"into"}


_STANCE_KINDS = frozenset({"stance", "speech", "belief", "evidence"})
# What follows a passive verb of judging: "was criticized for", "is accused of", "is regarded as".
_JUDGED_FOR = frozenset({"for", "of", "as", "over"})
# Participles used as adjectives whose subject holds the stance: "She is opposed to the merger".
_ADJECTIVAL = frozenset({"opposed", "committed", "dedicated", "devoted", "assured"})


def _complement_after_adjunct(c: Context, lo: int) -> int:
    """Where the verb's own object or complement starts after the adjunct at ``lo``, or -1.

    ``decided after a long inquiry not to press charges`` gives ``not to press charges`` and
    ``opposed and fought the pipeline`` gives ``the pipeline``; ``rejected in a referendum the
    plan to merge`` gives nothing, as its ``to`` belongs to the object.
    """
    toks, w = c.toks, c.w
    if toks[lo].low == "and":
        k = lo + 1
        if k + 1 < len(toks) and _past(w, toks, k, coordinated=True) and toks[k].low not in w.cue_words:
            return k + 1 if _opens_object(w, toks, k + 1) else -1
        return -1
    first = lo + 2 if lo + 1 < len(toks) and toks[lo + 1].low in _DETS else lo + 1
    for k in range(first, min(len(toks) - 1, lo + 6)):
        t, nxt = toks[k], toks[k + 1]
        if t.low == "to" and nxt.text.islower() and nxt.low not in _DETS and nxt.kind == "w":
            return k - 1 if toks[k - 1].low == "not" else k
        if t.kind != "w" or t.low in _DETS or (t.low in w.stop and t.low != "not"):
            return -1  # "from the mayor as she tries to …": a clause of its own
    return -1


_ADJUNCT_STOPS_WORDS = frozenset({"and", "but", "or", "so"})  # with the subordinators


def _clause_break(t: Tok) -> bool:
    """Whether ``t`` ends the phrase after an adjunct: punctuation, a subordinator or a conjunction."""
    return t.kind != "w" or t.low in _SUBORDINATORS or t.low in _ADJUNCT_STOPS_WORDS


# Topic prepositions that show more than an adjunct follows a verb of saying: "complained
# after the match about the referee".
_TOPIC_AFTER_ADJUNCT = frozenset({"about", "on", "over", "against"})


def _more_after_adjunct(c: Context, lo: int) -> bool:
    """Whether a second phrase follows the adjunct at ``lo``: a determiner or a topic preposition.

    ``announced during the rally a plan``, ``complained after the match about the referee``; not
    ``complained during Friday's press conference``.
    """
    toks = c.toks
    if toks[lo].low == "and":
        return False  # "cheered and lifted a sign": another verb, no adjunct
    for k in range(lo + 2, min(len(toks), lo + 12)):
        t = toks[k]
        if _clause_break(t):
            return False
        if t.low in _TOPIC_AFTER_ADJUNCT or (
            t.low in _PLAIN_ARTICLES and toks[k - 1].low not in _PREPOSITIONS
        ):
            return True
    return False


def _clause_after_adjunct(c: Context, lo: int) -> int:
    """Where a clause starts after the adjunct at ``lo``, or -1.

    ``said in politics it takes time`` gives ``it takes time``, ``said during the debate the
    fares were high`` gives ``the fares were high``; ``complained during the meeting`` gives
    nothing. The clause opens with a subject pronoun, a determiner or a name after a plain word.
    """
    toks = c.toks
    for k in range(lo + 2, min(len(toks), lo + 8)):
        t, prev = toks[k], toks[k - 1]
        if _clause_break(t):
            return -1  # "testified in court as her husband watched": the clause is not reported
        if (
            prev.low not in _DETS
            and not _possessive(prev)
            and (t.low in _NOMINATIVE or t.low in _DETS or (_cap(t) and not _cap(prev)))
            and _clause_like(c.w, toks, k, _end(c, k))
        ):
            return k
        if t.low == "it" and k + 1 < len(toks) and (_aux(toks[k + 1]) or present_verb(c.w, toks[k + 1])):
            return k  # "it takes time": "it" is a subject when a verb follows
    return -1


def _after_adjunct(c: Context, lo: int) -> tuple[int, str | None]:
    """The token after time phrases or a medium that open at ``lo`` (``on Friday``, ``on Twitter``), or -1.

    The medium named, if any, comes second.
    """
    toks, w = c.toks, c.w
    k, medium = lo, None
    while k + 1 < len(toks) and toks[k].low in _MEDIUM_PREPOSITIONS | SPAN_PREPOSITIONS:
        span = time_span_end(w, toks, k)
        if span >= 0:
            k = span  # "on Friday night", "over the weekend"
            continue
        if toks[k].low not in _MEDIUM_PREPOSITIONS:
            break
        found = medium_at(c.text, toks[k])
        if found is None:
            break
        medium = found[1]
        k = token_from(toks, k, found[0])
    return (k if k > lo else -1), medium


def _opens_object(w: Words, toks: list[Tok], k: int) -> bool:
    """Whether token ``k`` can open an object noun phrase: a determiner, a possessive, a pronoun, a name or a plural."""
    t = toks[k]
    return t.kind == "w" and (
        t.low in _DETS
        or _possessive(t)
        or t.low in _OBJECT_PRONOUNS
        or _cap(t)
        or (t.low not in w.stop and _bare_plural(toks, (k, k)))
    )


# Words that open an adjunct or another verb right after a one-word cue, not its object.
_NO_OBJECT_OPENERS = frozenset({"on", "in", "from", "before", "since", "after", "during", "and"})


def _object_to(w: Words, toks: list[Tok], k: int) -> bool:
    """Whether the object at ``k`` comes with an infinitive of its own: ``expect it to pass``.

    Not "to" and a phrase: ``thought this to himself``.
    """
    if not (k + 2 < len(toks) and toks[k + 1].low == "to"):
        return False
    v = toks[k + 2]
    return (
        v.kind == "w"
        and v.text.islower()
        and v.low not in _DETS
        and v.low not in w.pronouns
        and v.low not in _REFLEXIVES
    )


def speaker_stance_object(c: Context) -> Frame | None:
    """The speaker takes a stance on what the object names (no reported clause).

    Example: ``The union endorsed the mayor on Tuesday.``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if not (
        cue.kind in {"stance", "evidence"}
        or (cue.kind in {"speech", "belief"} and cue.base not in w.not_object)
    ):
        return None
    found = _subject(c, cue.start, c.floor)
    if found is None:
        return None
    np, role = found
    if toks[cue.start].low.endswith("ing") and role is None:
        np = _sender(c, np) or np  # "released a statement Tuesday questioning the ruling"
    if cue.kind == "evidence" and _bare(toks[np[1]].low) not in w.documents:
        return None  # "The poll showed Ana Ruiz ahead"; but "she showed courage" reports nothing
    if (
        w.pronouns.get(toks[np[1]].low, "").startswith(("organization", "any"))
        and toks[np[1]].low != "who"
        and not (toks[np[1]].low == "which" and np[0] > c.floor and toks[np[0] - 1].text == ",")
    ):
        return None  # "it", "which": too often not a source; but "The union, which endorsed …"
    lo = cue.end + 1
    if _object_fronted(c, np, lo):
        return None  # "the defeat, which Ana conceded after the count"
    skipped_medium = None
    if (
        lo >= len(toks)
        or toks[lo].kind == "p"
        or (
            cue.kind != "stance"
            and toks[lo].low in _NO_STATEMENT
            and (cue.kind == "speech" or not _object_to(w, toks, lo))
        )
    ):
        return None  # "said nothing", "thought so"; but "expect it to pass"
    if toks[lo].low in _VERB_PARTICLES:
        return None  # "called off the deal", "called into the show": another verb, not the cue
    if toks[lo].low in _BE_FINITE and np[0] == sentence_start(toks, c.floor):
        # "The emotional stress is …": the cue word was the subject's noun (but "what critics
        # said was unfair", "the plan he backed is gone": a relative clause's gap)
        return None
    if not (toks[lo].low == "in" and cue.base == "believe"):
        skip, skipped_medium = _after_adjunct(c, lo)
        if skip >= 0:
            # "welcomed on Friday the court's ruling", "thanked on Instagram the fans"; but
            # "confirmed on Facebook on Friday" has no object
            if skip >= len(toks) or not _opens_object(w, toks, skip):
                return None
            lo = skip
        elif (
            toks[lo].low in _NO_OBJECT_OPENERS
            and not (cue.kind == "speech" and toks[lo].low == "on")  # "agreed on a plan"
            and not (lo + 1 < len(toks) and toks[lo + 1].low in {"favor", "favour"})
        ):
            k = _clause_after_adjunct(c, lo) if cue.kind == "speech" else -1
            k = k if k >= 0 else _complement_after_adjunct(c, lo)
            if k < 0 and not (cue.kind == "speech" and _more_after_adjunct(c, lo)):
                return None  # "cheered on the quay", "complained during the match": no object follows
            # "announced after the vote a plan to …": the object follows the adjunct, and the
            # span keeps both, as an adjunct's end is not known
            lo = max(lo, k)
    passive = cue.start == cue.end and _passive(c, _STANCE_KINDS) and toks[cue.start].low not in _ADJECTIVAL
    if passive and (toks[lo].low not in _JUDGED_FOR or cue.base not in w.judging):
        return None  # "The plan was mentioned in the report": the subject is what was spoken of
    if cue.start == cue.end and (
        toks[lo].low == "by"
        or (
            cue.start > c.floor
            and (toks[cue.start - 1].low in _NOUN_OPENERS or _possessive(toks[cue.start - 1]))
        )
    ):
        return None  # "was backed by most voters", "a treaty favored by", "his favored plan"
    attitude = _expressed_attitude(c, lo)
    if lo + 2 < len(toks) and toks[lo].low in w.stance_nouns and toks[lo + 1].low == "that":
        lo += 2  # "expressed fears that the bridge could fail": the clause is the content
        hi = _end(c, lo)
    elif attitude is not None:
        lo = attitude  # "expressed deep concern about the policy": the policy is what it is about
        hi = _object_end(c, lo)
    else:
        hi = _object_end(c, lo)
    if toks[np[1]].low in _WH_RELATIVES | {"that"}:
        hi = _main_verb(c, lo, hi)  # "Voters who backed the mayor said …"
    if cue.base == "address" and _gathering_head(c, lo, hi):
        return None  # "addressed a rally in Ohio": whom the speaker spoke to, not what about
    if words_in(toks, lo, hi, 1) < 1 or all(
        t.low in w.times or t.kind == "p" or manner_adverb(t) for t in toks[lo:hi]
    ):
        return None  # "declared last spring", "cheered loudly": a time or a manner, no object
    # The medium may follow a day that ended the object: "blasted the referee Wednesday on Twitter"
    tail = next((k for k in range(hi, len(toks)) if toks[k].low not in _DAY_PHRASE_WORDS), len(toks))
    medium = skipped_medium or (_medium_tail(c, tail) if tail < len(toks) else None)
    if passive:
        # "The mayor was criticized for the delays": someone unnamed judged the mayor; or the
        # agent that closes the object did ("was accused of speeding by the stewards")
        by = next((k for k in range(hi - 2, lo, -1) if toks[k].low == "by"), None)
        agent = np_right(w, toks, by + 1, hi) if by is not None else None
        if by is None or agent is None or agent[1] != hi - 1 or not _agent(w, toks, agent):
            agent = None
        else:
            hi = by
        return Frame("speaker_stance_object", (cue.start, cue.end), agent, (lo, hi), medium=medium)
    return Frame("speaker_stance_object", (cue.start, cue.end), np, (lo, hi), role=role, medium=medium)


def _gathering_head(c: Context, lo: int, hi: int) -> bool:
    """Whether the noun phrase at ``lo`` is headed by a gathering: ``a Wednesday night rally``, ``big, loud rallies``."""
    toks, w = c.toks, c.w
    k, stop = lo, min(len(toks), hi + 8)
    while k < stop and (
        toks[k].text == ","
        or (toks[k].kind == "w" and (k == lo or toks[k].low not in w.stop or toks[k].low in w.times))
    ):
        k += 1
    while k > lo and toks[k - 1].kind != "w":
        k -= 1
    return k > lo and toks[k - 1].low in w.gatherings


# Verbs that express an attitude named by their object: "expressed concern about", "voiced support for".
_EXPRESSING = frozenset({"express", "voice", "signal", "show", "offer", "register"})
# What an attitude noun is about: "concern about", "support for", "opposition to".
# ("in" is left out: "expressed frustration in an interview" names the medium)
_ATTITUDE_PREPOSITIONS = frozenset(
    {"about", "for", "over", "to", "with", "at", "regarding", "toward", "towards"}
)


def _expressed_attitude(c: Context, lo: int) -> int | None:
    """Where what an expressed attitude is about starts: ``voiced (strong) support for the plan`` gives ``the plan``."""
    toks, w = c.toks, c.w
    if c.cue.base not in _EXPRESSING:
        return None
    k = lo
    while (
        k < len(toks)
        and k - lo < 2
        and toks[k].kind == "w"
        and toks[k].text.islower()
        and toks[k].low not in w.stop
    ):
        if toks[k].low in w.stance_nouns:
            break
        k += 1  # "deep", "growing"
    if (
        k + 2 < len(toks)
        and toks[k].low in w.stance_nouns
        and toks[k + 1].low in _ATTITUDE_PREPOSITIONS
        and toks[k + 2].kind != "p"
    ):
        return k + 2
    return None


def _main_verb(c: Context, lo: int, hi: int) -> int:
    """Where a relative clause's object or infinitive ends: at the main clause's verb, if one comes.

    ``Voters who backed the mayor said …`` and ``Donors who want to give more could …`` end
    before ``said`` and ``could``; ``who backed the bill the mayor proposed said`` before the
    second verb. ``who backed the plan and is …`` ends before ``and``: the relative clause's
    second predicate is not its object. Inside an inner clause (``who backed the plan that will
    …``, ``the plan he has drawn up``) a finite verb is that clause's.
    """
    w, toks = c.w, c.toks
    main = next(
        (k for k in range(lo + 1, hi) if _finite_speech(w, toks, k) and toks[k - 1].low not in _INNER_CLAUSE),
        hi,
    )  # not "…, bankers who concluded": another relative clause's verb
    while main + 1 < hi and _finite_speech(w, toks, main + 1):
        main += 1  # "who backed the bill the mayor proposed said …": the second verb is the main one
    while main < hi and main - 1 > lo and toks[main - 1].low in w.adverbs:
        main -= 1  # "who denied the report later admitted …"
    for k in range(lo + 1, main):
        t = toks[k]
        if t.low in _INNER_CLAUSE:
            break
        if (
            t.low in _FINITE
            and t.text.islower()
            and _ends_object(w, toks[k - 1])
            and not _contact_clause(c, lo, k)
        ):
            return k
        if (
            t.low in _FINITE
            and t.text.islower()
            and toks[k - 1].low in {"and", "or", "but"}
            and k - 1 > lo
            and _ends_object(w, toks[k - 2])
        ):
            return k - 1
    return main


def _contact_clause(c: Context, lo: int, k: int) -> bool:
    """Whether the verb at ``k`` belongs to a clause without "that" whose subject is the phrase before it.

    ``the tower the council has approved`` (after a noun) and ``to admit the plan has failed``
    (after a verb of saying or thinking); not ``backed the plan will`` or ``to give more could``.
    """
    toks, w = c.toks, c.w
    d = k - 1
    while d > lo and k - d < 5 and toks[d].low not in _NOUN_OPENERS and _ends_object(w, toks[d]):
        d -= 1
    if d <= lo or toks[d].low not in _NOUN_OPENERS:
        return False
    before = toks[d - 1]
    if before.kind != "w":
        return False
    if before.low in w.cue_words and before.low not in w.stance:
        return True  # a verb of saying or thinking, and its clause
    verb = d - 2 >= lo and toks[d - 2].low in _AUX | {"to"}  # "to attend the convention could"
    return not verb and _ends_object(w, before)


# Words that open a clause inside an object, whose verbs are that clause's.
_INNER_CLAUSE = _WH_RELATIVES | {"that", "whether", "if", "because", "when", "while", "as", "than", "what"}


def _ends_object(w: Words, t: Tok) -> bool:
    """Whether ``t`` may end a noun phrase before a verb: ``the plan`` in ``backed the plan will``."""
    return (
        t.kind == "w"
        and _nounish_head(w, t)
        and t.low not in _SUBJECTS
        and t.low not in w.adverbs
        and (
            t.low not in w.cue_words or t.low in w.nouny or t.low in w.stance_nouns
        )  # "the plan", not "thought"
        and t.low not in _AUX
    )


def _finite_speech(w: Words, toks: list[Tok], k: int) -> bool:
    """Whether token ``k`` is a speech verb that heads a clause (``said``, ``say``), not ``to say`` or ``comments``."""
    low = toks[k].low
    return (
        toks[k].text.islower()
        and low in w.speech
        and (low in w.past or low.endswith("ed") or low in _SAY_FORMS)  # not the nouns "comments", "calls"
        and toks[k - 1].low not in _NO_MAIN_VERB_AFTER
    )


_SAY_FORMS = frozenset({"say", "says", "tell", "tells"})
# Words after which a verb of saying heads no main clause: "would say", "to say", "they said".
_NO_MAIN_VERB_AFTER = _AUX | _SUBJECT_PRONOUNS | {"to"}


def interview_label(c: Context) -> Frame | None:
    """A speaker label and a colon open the paragraph: a transcript line or a headline.

    Example: ``SMITH: We will rebuild the bridge.``
    """
    toks, cue = c.toks, c.cue
    # '"SMITH: We will …': the mark that opens each paragraph of a quoted transcript
    first = 1 if toks and toks[0].kind == "p" and toks[0].text in MARKS else 0
    if cue.kind != "colon" or not c.paragraph_start or c.floor != 0 or not first < cue.start <= first + 4:
        return None
    label = toks[first : cue.start]
    # "SMITH:", "Matthews:" and headline sources ("Poll:", "Jane Doe:")
    if not all(
        t.kind == "w" and t.text[:1].isupper() and (t.low not in c.w.stop or t.text.isupper()) for t in label
    ):
        return None
    if any(t.low in c.w.not_labels for t in label):
        return None  # "UPDATE:", "CORRECTION:"
    j = cue.start + 1
    hi = _end(c)
    if words_in(toks, j, hi, 1) < 1 or toks[j].text[:1].isdigit():
        return None  # "Ana Ruiz: 1,204.": a tally, not a statement
    return Frame("interview_label", (cue.start, cue.end), (first, cue.start - 1), (j, hi))


# Pronouns that stand for a topic named elsewhere: "asked about it" ("her" may be a determiner).
_BARE_TOPICS = _OBJECTS - {"her"}
# Pronouns that stand for one only when no noun follows them: "asked about that (vote)".
_DEMONSTRATIVE_TOPICS = frozenset({"this", "that", "these", "those", "her", "his"})


_QUESTION_ENDS = frozenset({",", ";", ":", ".", "?", "!", "—", "–", "--", "-"})


def _clause_opens(w: Words, toks: list[Tok], k: int) -> bool:
    """Whether the main clause takes over at ``k`` after a topic with no comma.

    ``When asked about the plan he said …`` (a subject and a verb of saying) and ``Being asked
    about the merger made the chief uneasy`` (a past verb with its object); not ``his paid
    speeches`` or ``speeches she made behind closed doors``.
    """
    if k + 1 >= len(toks):
        return False
    if toks[k].low in _SUBJECT_PRONOUNS:
        return says_at(w, toks, k + 1)
    return toks[k].text.islower() and toks[k].low in w.past and toks[k + 1].low in _DETS


def _bare_topic(w: Words, toks: list[Tok], j: int) -> bool:
    """Whether a pronoun at ``j`` stands alone for the topic of a question (``asked about that again``)."""
    if toks[j].low in _BARE_TOPICS:
        return True
    if toks[j].low not in _DEMONSTRATIVE_TOPICS:
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or nxt.kind != "w" or nxt.low in w.stop or nxt.low in w.times or nxt.low in w.adverbs


def asked_question(c: Context) -> Frame | None:
    """``When asked`` and the question put to someone, with the asker if named.

    Example: ``When asked by reporters whether the bridge was safe, the mayor smiled.``
    """
    toks, cue = c.toks, c.cue
    if cue.base not in {"ask", "ask about"} or toks[cue.start].low != "asked":
        return None
    before = toks[cue.start - 1].low if cue.start > 0 else ""
    if cue.start > 0 and before not in {"when", "once", "after", "if", "as", "being", "was", "were"}:
        return None
    j = cue.end + 1
    speaker = None
    if j < len(toks) and toks[j].low == "by":
        speaker = np_right(c.w, toks, j + 1, len(toks))
        if speaker is None:
            return None
        j = speaker[1] + 1
        while j < len(toks) and toks[j].low in c.w.times | {"on", "in", "last", "this"}:
            j += 1
    # "Asked in Iowa recently whether …", "Asked Tuesday about the ferry, …": skip when and where
    k = j
    while (
        k < min(len(toks), j + 8) and toks[k].kind == "w" and toks[k].low not in _QUESTION_WORDS | {"about"}
    ):
        low = toks[k].low
        if not (
            low in c.w.adverbs
            or low in c.w.times
            or (low.endswith("ly") and toks[k].text.islower())
            or low in {"in", "on", "at", "during", "after", "last", "this", "again", "later"}
            or (_cap(toks[k]) and k > j)
        ):
            break
        k += 1
    if k < len(toks) and (toks[k].low in _QUESTION_WORDS or (toks[k].low == "about" and k + 1 < len(toks))):
        j = k
    # the phrasal cue "asked about" holds the preposition; what follows is the question's topic
    if j >= len(toks) or (cue.base != "ask about" and toks[j].low not in _QUESTION_WORDS):
        return None
    topic = cue.base == "ask about" or toks[j].low == "about"
    if toks[j].low == "about":
        j += 1  # "Asked on Tuesday about the ferry": the topic, as after "asked about"
    if topic and (j >= len(toks) or _bare_topic(c.w, toks, j)):
        return None  # "said when asked about it", "asked about that again": named elsewhere
    hi = j
    stop = min(len(toks), j + 40)
    # a topic may hold a quoted phrase ("asked about the “not there yet” remark")
    while hi < stop and toks[hi].text not in _QUESTION_ENDS and (topic or toks[hi].kind != "q"):
        hi += 1
    if topic:  # not the clause after it: "When asked about the plan he said little"
        hi = next((k for k in range(j + 1, hi) if _clause_opens(c.w, toks, k)), hi)
    least = 1 if topic else 2  # "asked about Ruiz"; a question needs more than "whether"
    if words_in(toks, j, hi, least) < least:
        return None
    return Frame("asked_question", (cue.start, cue.end), speaker, (j, hi))


def speaker_verb_colon(c: Context) -> Frame | None:
    """A speaker and a verb of any kind, a colon, then the quotation: the subject speaks.

    Example: ``The harbour master shot back: “That would be good.”``
    """
    toks, cue, w = c.toks, c.cue, c.w
    if cue.kind != "colon" or cue.start + 1 >= len(toks):
        return None
    j = cue.start + 1
    if toks[j].kind != "q" or content_end(toks, j, len(toks)) != j + 1:
        return None
    s = sentence_start(c.toks, c.floor)
    # the verb: a past-tense form right after the subject ("gloated", "shot back", "responded"),
    # which opens the sentence or its main clause ("When the ferry sank, the mayor wrote: …"),
    # or a form of "be" and a short predicate ("The coach was blunt:", "His verdict was short:")
    for v in range(s + 1, cue.start):
        if toks[v].low in _COPULA_COLON and 2 <= cue.start - v <= 6:
            found = _copula_colon(c, s, v, j)
            if found is not None:
                return found
            continue
        if not (toks[v].text.islower() and _past(w, toks, v)):
            continue
        if toks[v].low in _ADDRESSEE_PASSIVE and toks[v - 1].low in _BE:
            return None  # "She was told by the coach: “…”": she is not the speaker
        if cue.start - v > 8 or any(t.kind == "q" for t in toks[v : cue.start]):
            return None
        h = _skip_adverbs_left(w, toks, v, s)
        np = np_left(w, toks, h, s) if h >= s else None
        if np is not None and not _possessive(toks[np[1]]) and (np[0] == s or toks[np[0] - 1].text == ","):
            return Frame("speaker_verb_colon", (v, v), np, (j, j + 1))
    return None


# Forms of "be" that may stand between a speaker and a colon: "The coach was blunt:".
_COPULA_COLON = frozenset({"was", "is", "were", "are"})


def _copula_colon(c: Context, s: int, v: int, j: int) -> Frame | None:
    """``The coach was blunt: “…”``: the subject of "be" and a short predicate speaks, or the owner of its noun.

    The predicate holds no clause or quotation (``was not on the stage, it was …``); a noun of
    saying as subject speaks for its owner (``Her verdict was short:`` gives ``Her``).
    """
    w, toks = c.w, c.toks
    if any(
        t.kind != "w"
        or t.low in _AUX
        or t.low in _RELATIVES
        or t.low in w.speech
        or t.low in w.belief
        or t.low in w.past
        or t.low in w.participles
        for t in toks[v + 1 : c.cue.start]
    ):
        return None  # "He was told:", "was asked about the cuts:": the verb's own layout
    start = s
    for k in range(v - 1, s - 1, -1):
        if toks[k].text == ",":
            start = k + 1  # "When the vote failed, the mayor was blunt:"
            break
    said = next(
        (k for k in range(start, v) if toks[k].low in w.stance_nouns or toks[k].low in _SAYING_NOUNS), None
    )
    np: tuple[int, int] | None
    if said is not None:
        np = _owner(c, said, start)  # "Her verdict was short:"
        if np is None:
            if said + 2 >= v or toks[said + 1].low not in {"from", "of"}:
                return None
            np = np_right(w, toks, said + 2, v)  # "The reaction from the union was swift:"
            if np is not None and not _speakerish(w, toks, np):
                return None  # "The words of the song were simple:"
    else:
        h = _skip_adverbs_left(w, toks, v, start)
        np = np_left(w, toks, h, start) if h >= start else None
        if np is None or np[0] != start or _possessive(toks[np[1]]) or not _speakerish(w, toks, np):
            return None  # "Three things were clear:", "Nothing was certain:" name no speaker
    if np is None:
        return None
    return Frame("speaker_verb_colon", (v, v), np, (j, j + 1))


def _speakerish(w: Words, toks: list[Tok], np: tuple[int, int]) -> bool:
    """Whether a phrase can name a speaker where no verb of saying vouches for it.

    A personal pronoun, a role, group, organisation or document, or a name of two words or with a
    known first name: ``The coach``, ``The Kremlin``, ``Ana Ruiz``; not ``Nothing`` or ``London``.
    """
    head = toks[np[1]]
    if head.low in _NOMINATIVE or _roleish(w, toks, np):
        return True
    if any(_bare(head.low) in kind for kind in (w.groups, w.organizations, w.documents)):
        return True
    return _is_name(w, toks, np) and (np[1] > np[0] or head.low in w.male or head.low in w.female)


# Nouns for what someone said, beyond the stance nouns: "Her verdict was short:".
_SAYING_NOUNS = frozenset(
    {
        "verdict",
        "message",
        "reaction",
        "response",
        "answer",
        "reply",
        "words",
        "advice",
        "headline",
        "slogan",
        "motto",
    }
)


def speaker_colon(c: Context) -> Frame | None:
    """A speaker and a colon with no verb, then the quotation or the words.

    Example: ``From the mayor’s office: “The bridge will reopen.”``
    """
    toks, cue = c.toks, c.cue
    if cue.kind != "colon":
        return None
    j = cue.start + 1
    if j >= len(toks):
        return None
    if toks[j].kind != "q" or content_end(toks, j, len(toks)) != j + 1:
        return None
    h = cue.start - 1
    np = np_left(c.w, toks, h, c.floor)
    if np is None:
        return None
    if _says(c, c.floor, np[0]):
        return None
    if toks[h].low in _SAYING_NOUNS or toks[h].low in c.w.stance_nouns:
        # "Obama is rolling out a new campaign message: “…”", "I had to change my answer: “…”": what
        # was said is the verb's object; its subject, or the noun's owner, says it
        subject = unit_subject(toks, np[0])
        if subject is None or not _speakerish(c.w, toks, subject):
            subject = _owner(c, h, np[0])
        np = subject or np
    return Frame("speaker_colon", (cue.start, cue.end), np, (j, j + 1))


def quote_dash_speaker(c: Context) -> Frame | None:
    """A quotation, a dash, and the speaker with no verb.

    Example: ``“The bridge will reopen.” — Jane Doe, the mayor``
    """
    toks, cue = c.toks, c.cue
    if cue.kind != "dash" or cue.start == 0 or toks[cue.start - 1].kind != "q":
        return None
    np = np_right(c.w, toks, cue.end + 1, len(toks))
    if np is None or not _cap(toks[np[1]]):
        return None
    role = appositive_right(toks, np[1] + 1, len(toks))
    end = role[1] if role else np[1]
    if content_end(toks, end + 1, len(toks)) != end + 1:
        return None
    return Frame("quote_dash_speaker", (cue.start, cue.end), np, (cue.start - 1, cue.start), role=role)


#: The ordered rule table. The first rule that matches a cue decides it.
RULES: tuple[Rule, ...] = tuple(
    Rule(
        f.__name__,
        f,
        conf,
        (f.__doc__ or "").split("Example: ")[1].strip().strip("`"),
        (f.__doc__ or "").split("\n")[0],
    )
    for f, conf in (
        (quote_cue_speaker, 0.95),
        (quote_speaker_cue, 0.95),
        (asked_question, 0.6),
        (speaker_cue_quote, 0.9),
        (speaker_cue_colon, 0.85),
        (according_to, 0.85),
        (in_source, 0.7),
        (heard_clause, 0.6),
        (hearsay_clause, 0.5),
        (clause_in_poll, 0.6),
        (viewpoint_opening, 0.5),
        (as_speaker_cue, 0.85),
        (clause_cue_speaker, 0.85),
        (parenthetical_speaker_cue, 0.8),
        (clause_speaker_cue, 0.85),
        (participle_opening, 0.7),
        (subject_participle_aside, 0.75),
        (participle_same_speaker, 0.75),
        (coordinated_same_speaker, 0.75),
        (passive_by_agent, 0.7),
        (seems_clause, 0.5),
        (speaker_cue_clause, 0.8),
        (infinitive_cue_clause, 0.6),
        (cue_that_clause, 0.4),
        (speaker_cue_topic, 0.6),
        (speaker_stance_object, 0.6),
        (possessive_noun_that, 0.6),
        (possessive_noun_topic, 0.5),
        (interview_label, 0.7),
        (speaker_verb_colon, 0.75),
        (speaker_colon, 0.8),
        (quote_dash_speaker, 0.85),
    )
)

#: Rules the pipeline applies across units, after the table above.
CONTEXT_RULES: tuple[Rule, ...] = (
    Rule(
        "continued_quote",
        None,
        0.7,
        "The mayor said the bridge would reopen. “It will take a year to repair the deck.”",
        "A quotation with no cue of its own continues the last speaker of its paragraph"
        " (a direct quotation that continues a direct one joins it as a further fragment).",
    ),
    Rule(
        "paragraph_continuation",
        None,
        0.7,
        "“We will rebuild,” she said.\n\n“It will take a year, perhaps two, to repair the deck.”",
        "A paragraph that is only a quotation continues the speaker of the paragraph before.",
    ),
    Rule(
        "unattributed",
        None,
        0.3,
        "“We were told nothing at all until the water reached the door.”",
        "A quotation that reads as speech (a sentence, not a scare-quoted phrase) but that no rule attributes.",
    ),
)

_BY_NAME = {r.name: r for r in (*RULES, *CONTEXT_RULES)}


def rule_named(name: str) -> Rule:
    """The rule called ``name``."""
    return _BY_NAME[name]
