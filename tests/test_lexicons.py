"""The lexicons as the matcher sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotetrack
from quotetrack.lexicon import load
from quotetrack.wordclasses import _verbs, british, inflections, words


@pytest.mark.parametrize(
    ("entry", "form"),
    [
        (("show", "showed", "shown"), "showed"),
        (("show", "showed", "shown"), "shown"),
        (("tell", "told", "told"), "told"),
        (("admit", None, None), "admitted"),
        (("deny", None, None), "denied"),
        (("note", None, None), "noted"),
        (("quip", None, None), "quipped"),
        (("quip", None, None), "quipping"),
    ],
)
def test_inflections_include_the_past(entry: tuple[str, str | None, str | None], form: str) -> None:
    """Every verb gets its past forms, including irregular ones spelled like regular ones."""
    assert form in inflections(*entry)


def test_tell_has_no_regular_past() -> None:
    """A verb with an irregular past does not also get the regular one."""
    assert "telled" not in inflections("tell", "told", "told")


def test_contracted_pronouns_keep_their_class() -> None:
    """'they’ve' is a subject pronoun of the same class as 'they'."""
    w = words()
    assert w.pronouns["they’ve"] == w.pronouns["they"]
    assert w.pronouns["she'd"] == w.pronouns["she"]


def test_every_verb_lexicon_form_is_a_cue_word() -> None:
    """Each listed past form of an evidence verb is a cue ('the poll showed')."""
    w = words()
    assert {"showed", "shown", "found"} <= w.cue_words


@pytest.mark.parametrize("name", ["speech_verbs", "stance_verbs", "belief_verbs", "evidence_verbs"])
def test_no_function_word_is_read_as_a_verb_form(name: str) -> None:
    """A phrasal entry's particles ("back away from") are never taken for its irregular past forms."""
    single, phrasal = _verbs(name)
    stop = load("stopwords")
    bases = set(single.values()) | {entry.split()[0] for options in phrasal.values() for _, entry in options}
    for form, base in single.items():
        assert form not in stop or form in bases or form == "did", (
            f"{name}: {form!r} read as a form of {base!r}"
        )
    for form, options in phrasal.items():
        assert form not in stop or form in {"did", "made", "has", "had"}, f"{name}: {form!r} opens {options}"


@pytest.mark.parametrize(
    ("american", "expected"),
    [
        ("criticize", "criticise"),
        ("organizer", "organiser"),
        ("characterization", "characterisation"),
        ("analyze", "analyse"),
        ("favor", "favour"),
        ("honored", "honoured"),
        ("defense minister", "defence minister"),
        ("center", "centre"),
        ("size", "size"),
        ("mayor", "mayor"),
        ("senator", "senator"),
        ("vote for", "vote for"),
    ],
)
def test_british_spelling_is_derived(american: str, expected: str) -> None:
    """The British spelling follows from the American one; words without one stay as they are."""
    assert british(american) == expected


def test_british_forms_are_in_the_word_classes() -> None:
    """Lexicons list American spellings, and the British forms of their verbs and nouns are known too."""
    w = words()
    assert {"characterised", "apologising", "favoured", "emphasises"} <= w.cue_words
    assert "favour" in w.nouny  # "in favour of" is a noun, as "in favor of" is
    assert {"organisers", "organiser"} <= w.roles
    assert {"centre", "organisation"} <= w.organizations


@pytest.mark.parametrize(
    "path", sorted((Path(quotetrack.__file__).parent / "lexicons").glob("*.txt")), ids=lambda p: p.name
)
def test_no_lexicon_lists_an_entry_twice(path: Path) -> None:
    """Each entry stands once in its lexicon, so that adding or removing it touches one line."""
    entries = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    entries = [e for e in entries if e and not e.startswith("#")]
    repeated = sorted({e for e in entries if entries.count(e) > 1})
    assert not repeated, f"{path.name} lists {repeated} more than once"
