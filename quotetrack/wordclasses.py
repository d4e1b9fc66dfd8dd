"""The word classes the matcher uses, built once from the lexicon files."""

from __future__ import annotations

from functools import cache

import attrs
import regex

from .lexicon import entries, load, mapping

__all__ = ["Words", "british", "inflections", "words"]

# The lexicons are written in American spelling; the British forms are derived.
# Over-generation is harmless (a form that is no English word never matches), so
# the patterns need only avoid making a different real word.
_BRITISH = (
    (regex.compile(r"(?<=\w\w)iz(?=e|ing|ation|er)"), "is"),  # criticize, organizer
    (regex.compile(r"(?<=\w\w)yz(?=e|ing)"), "ys"),  # analyze
    (regex.compile(r"(?<=[aeiou][vnblm])or(?=s?$|ed$|ing$|ite)"), "our"),  # favor, honor, labor
    (regex.compile(r"(?<=^(?:def|off|pret))ense"), "ence"),  # defense
    (regex.compile(r"(?<=^(?:cent|theat))er"), "re"),  # center
)


def british(word: str) -> str:
    """The British spelling of an American one: ``criticize`` -> ``criticise``, ``favor`` -> ``favour``.

    Only the first word of a phrase changes (``defense minister`` -> ``defence minister``).
    """
    head, sep, tail = word.partition(" ")
    for pattern, repl in _BRITISH:
        head = pattern.sub(repl, head)
    return head + sep + tail


def _both(words: frozenset[str]) -> frozenset[str]:
    """``words`` with their British spellings."""
    return words | {british(w) for w in words}


def inflections(base: str, past: str | None = None, participle: str | None = None) -> set[str]:
    """Every form of an English verb: ``base``, -s, past, participle and -ing.

    Regular forms are derived by rule and may over-generate (a form that is no
    English word never matches); irregular past forms are given.
    """
    forms = {base}
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(base + "es")
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    stems = [base]
    # Doubling the final consonant (admit -> admitted, quip -> quipped) depends on
    # stress, which spelling does not show: derive both and let the text decide.
    if (
        len(base) >= 3
        and base[-1] not in "aeiouwxy"
        and base[-2] in "aeiou"
        and (base[-3] not in "aeiou" or base[-4:-2] == "qu")  # "qu" is a consonant: quip -> quipped
    ):
        stems.append(base + base[-1])
    for stem in stems:
        if stem.endswith("e"):
            forms.update(
                {stem + "d", stem[:-1] + "ing"}
                if not stem.endswith(("ee", "ye", "oe"))
                else {stem + "d", stem + "ing"}
            )
        elif stem.endswith("y") and stem[-2:-1] not in "aeiou":
            forms.update({stem[:-1] + "ied", stem + "ing"})
        else:
            forms.update({stem + "ed", stem + "ing"})
    if past:
        forms.discard(base + "ed")
        forms.discard(base + "d")
        forms.add(past)  # after the discards: "show showed shown" keeps "showed"
    if participle:
        forms.add(participle)
    return forms


def _verbs(name: str) -> tuple[dict[str, str], dict[str, list[tuple[tuple[str, ...], str]]]]:
    """Single-word forms -> base, and first word -> [(following words, entry)] for phrases.

    A line is ``base [past participle] [particle...]``: ``tell told told``,
    ``point out``, ``take took taken issue with``. Two further words are the
    irregular forms only when the line has exactly three words and neither of the
    last two is a particle or preposition.
    """
    single: dict[str, str] = {}
    phrasal: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for entry in entries(name):
        parts = entry.lower().split()
        base, rest = parts[0], parts[1:]
        past = participle = None
        if len(rest) >= 2 and rest[0] not in _PARTICLES and rest[1] not in _PARTICLES:
            past, participle, rest = rest[0], rest[1], rest[2:]
        forms = inflections(base, past, participle) | inflections(british(base), past, participle)
        if rest:
            for form in forms:
                phrasal.setdefault(form, []).append((tuple(rest), " ".join([base, *rest])))
        else:
            for form in forms:
                single.setdefault(form, base)
    return single, phrasal


_PARTICLES = frozenset(
    {
        "out",
        "in",
        "back",
        "up",
        "on",
        "off",
        "it",
        "for",
        "about",
        "of",
        "to",
        "against",
        "at",
        "with",
        "from",
        "away",
        "issue",
        "~",
    }
)


_SUBJECTS = ("he", "she", "it", "they", "we", "i", "you")


def _contracted(pronouns: dict[str, str]) -> dict[str, str]:
    """Subject pronouns with a contracted auxiliary too: "they’ve suggested", "she’d said"."""
    out = dict(pronouns)
    for p in _SUBJECTS:
        for apostrophe in ("'", "’"):
            for aux in ("ve", "d", "ll", "re", "m"):
                out.setdefault(f"{p}{apostrophe}{aux}", pronouns[p])
        if p in {"he", "she"}:  # "he’s predicting", "she's said": no possessive reading
            for apostrophe in ("'", "’"):
                out.setdefault(f"{p}{apostrophe}s", pronouns[p])
    return out


def _plurals(nouns: frozenset[str]) -> frozenset[str]:
    out = set(nouns)
    for n in nouns:
        if n.endswith(("s", "x", "ch", "sh")):
            out.add(n + "es")
        elif n.endswith("y") and n[-2:-1] not in "aeiou":
            out.add(n[:-1] + "ies")
        elif n.endswith("man"):
            out.add(n[:-3] + "men")
        elif n.endswith("person"):
            out.add(n[:-6] + "people")
        else:
            out.add(n + "s")
    return frozenset(out)


@attrs.frozen
class Words:
    """Word classes for the matcher (all lower case)."""

    speech: dict[str, str]
    speech_phrasal: dict[str, list[tuple[tuple[str, ...], str]]]
    stance: dict[str, str]
    stance_phrasal: dict[str, list[tuple[tuple[str, ...], str]]]
    nouny: frozenset[str]
    clause_only: frozenset[str]
    stance_nouns: frozenset[str]
    addressed_nouns: frozenset[str]
    infinitive_nouns: frozenset[str]
    not_object: frozenset[str]
    not_labels: frozenset[str]
    abbreviations: frozenset[str]
    cue_words: frozenset[str]
    belief: dict[str, str]
    belief_adjectives: frozenset[str]
    infinitive_verbs: frozenset[str]
    infinitive_adjectives: frozenset[str]
    evidence: dict[str, str]
    titles: frozenset[str]
    roles: frozenset[str]
    groups: frozenset[str]
    documents: frozenset[str]
    organizations: frozenset[str]
    place_openers: frozenset[str]
    place_heads: frozenset[str]
    modifiers: frozenset[str]
    stop: frozenset[str]
    adverbs: frozenset[str]
    times: frozenset[str]
    audiences: frozenset[str]
    gatherings: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    pronouns: dict[str, str]
    media: tuple[str, ...]
    past: frozenset[str]
    participles: frozenset[str]
    manner: frozenset[str]
    hearsay: frozenset[str]
    hearing: frozenset[str]
    judging: frozenset[str]
    compounds: frozenset[tuple[str, str]]


@cache
def words() -> Words:
    """The matcher's word classes, loaded once."""
    speech, phrasal = _verbs("speech_verbs")
    belief, _ = _verbs("belief_verbs")
    belief.update({a: a for a in load("belief_adjectives")})
    evidence, _ = _verbs("evidence_verbs")
    stance, stance_phrasal = _verbs("stance_verbs")
    titles = _both(load("titles"))
    stance_nouns = _plurals(_both(load("stance_nouns")))
    cue_words = frozenset(
        {"according"}
        | stance_nouns
        | set(speech)
        | set(phrasal)
        | set(belief)
        | set(evidence)
        | set(stance)
        | set(stance_phrasal)
    )
    return Words(
        cue_words=cue_words,
        speech=speech,
        speech_phrasal=phrasal,
        stance=stance,
        stance_phrasal=stance_phrasal,
        not_labels=load("not_labels"),
        abbreviations=load("abbreviations"),
        nouny=_plurals(_both(load("noun_verbs"))),
        clause_only=_plurals(load("clause_verbs")) - load("clause_verbs"),
        stance_nouns=stance_nouns,
        addressed_nouns=_plurals(_both(load("addressed_nouns"))),
        infinitive_nouns=_plurals(_both(load("infinitive_nouns"))),
        not_object=load("not_object_verbs"),
        belief=belief,
        belief_adjectives=load("belief_adjectives"),
        infinitive_verbs=frozenset(_verbs("infinitive_verbs")[0]),
        infinitive_adjectives=load("infinitive_adjectives"),
        evidence=evidence,
        titles=titles | {t + "." for t in titles if " " not in t},
        roles=_plurals(_both(load("role_nouns"))),
        groups=_both(load("group_nouns")),
        documents=_plurals(_both(load("document_nouns"))),
        organizations=_plurals(_both(load("organization_words"))),
        place_openers=load("place_openers"),
        place_heads=load("place_heads"),
        modifiers=load("modifiers"),
        stop=load("stopwords"),
        adverbs=load("adverbs"),
        times=load("time_words"),
        audiences=load("audience_nouns"),
        gatherings=_plurals(load("gathering_nouns")),
        male=load("first_names_male"),
        female=load("first_names_female"),
        pronouns=_contracted(mapping("pronouns")),
        media=entries("media_phrases"),
        past=load("past_verbs"),
        participles=load("participles"),
        manner=frozenset(_verbs("manner_verbs")[0]),
        hearsay=load("hearsay_adverbs"),
        hearing=_plurals(_both(load("hearing_nouns"))),
        compounds=frozenset(
            (first, second) for first, second in (c.split() for c in _plurals(_both(load("noun_compounds"))))
        ),
        judging=load("judging_verbs"),  # matched against a cue's base, which is American
    )
