"""Canonical sources across articles: name normalisation, linking, aliases, hand corrections."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotetrack.sources import Source, SourceIndex, organization_key, parse_person


@pytest.mark.parametrize(
    ("text", "display", "key", "gender"),
    [
        ("Donald Trump", "Donald Trump", ("donald", "trump", ""), None),
        ("Donald J. Trump", "Donald Trump", ("donald", "trump", ""), None),
        ("Republican presidential nominee Donald Trump", "Donald Trump", ("donald", "trump", ""), None),
        ("Mr. Trump", "Trump", ("", "trump", ""), "male"),
        ("Mrs. Trump", "Trump", ("", "trump", ""), "female"),
        ("Donald Trump Jr.", "Donald Trump Jr.", ("donald", "trump", "jr"), None),
        ("Donald Trump, Jr.", "Donald Trump Jr.", ("donald", "trump", "jr"), None),
        ("Secretary of State Hillary Clinton", "Hillary Clinton", ("hillary", "clinton", ""), None),
        ("former President Bill Clinton", "Bill Clinton", ("bill", "clinton", ""), None),
        ("Sen. Jane Q. Doe (D-Ohio)", "Jane Doe", ("jane", "doe", ""), None),
        ("Jane Doe, a spokeswoman for the city", "Jane Doe", ("jane", "doe", ""), None),
        ("Pierre de Montfort", "Pierre de Montfort", ("pierre", "montfort", ""), None),
        ("de Montfort", "de Montfort", ("", "montfort", ""), None),
        ("Doe’s", "Doe", ("", "doe", ""), None),
        ("City Hall spokesman Peter Roe", "Peter Roe", ("peter", "roe", ""), "male"),
        ("Doe campaign manager Ann Lee", "Ann Lee", ("ann", "lee", ""), None),
        ("Jane Doe’s deputy Ann Lee", "Ann Lee", ("ann", "lee", ""), None),
        ("Despite Mrs. Doe", "Doe", ("", "doe", ""), "female"),
        ("November. Doe", "Doe", ("", "doe", ""), None),
        ("Quoting Doe", "Doe", ("", "doe", ""), None),
        ("Jane Doe of the harbour board", "Jane Doe", ("jane", "doe", ""), None),
        ("The Rev. Al Roe", "Al Roe", ("al", "roe", ""), None),
    ],
)
def test_parse_person_normalises_names(
    text: str, display: str, key: tuple[str, str, str], gender: str | None
) -> None:
    """Titles, role words, middle initials and possessives go; suffixes and title gender stay."""
    parsed = parse_person(text)
    assert parsed is not None
    assert (parsed.display, parsed.key, parsed.gender) == (display, key, gender)


@pytest.mark.parametrize(
    "text",
    [
        "officials",
        "the president",
        "Mr. President",
        "a spokeswoman",
        "",
        "a senior Jane Doe adviser",
        "a spokeswoman for Doe",
        "Doe aides",
        "Mrs. Doe's campaign",
        "Mr. Roe and Ms. Doe",
    ],
)
def test_parse_person_finds_no_name(text: str) -> None:
    """A phrase without a proper name, or where a name only modifies another noun, is no person's name."""
    assert parse_person(text) is None


def test_organization_key_ignores_case_and_the() -> None:
    """Organisation names compare without case, spacing or a leading "the"."""
    assert organization_key("the  Acme Corp.") == organization_key("ACME Corp") == "acme corp"


def _index(rows: list[tuple[str, str, str | None]], **kwargs: object) -> SourceIndex:
    index = SourceIndex(**kwargs)  # type: ignore[arg-type]
    for article, name, mention in rows:
        index.add(article, name, mention=mention)
    return index


def _groups(index: SourceIndex) -> dict[str, set[str]]:
    return {s.name: set(s.aliases) for s in index.sources()}


def test_trump_variants_are_one_source_and_relatives_are_others() -> None:
    """Every way of naming Donald Trump is one source; Melania, Mrs. Trump and the son are not him."""
    index = _index(
        [
            ("a1", "Donald Trump", "Republican presidential nominee Donald Trump"),
            ("a1", "Donald Trump", "Mr. Trump"),
            ("a2", "Trump", "Trump"),
            ("a3", "Donald J. Trump", "Donald J. Trump"),
            ("a4", "Trump", "Mr. Trump"),
            ("a5", "Melania Trump", "Melania Trump"),
            ("a6", "Trump", "Mrs. Trump"),
            ("a7", "Donald Trump Jr.", "Donald Trump Jr."),
        ]
    )
    groups = _groups(index)
    assert groups["Donald Trump"] >= {
        "Trump",
        "Mr. Trump",
        "Donald J. Trump",
        "Republican presidential nominee Donald Trump",
    }
    assert "Mrs. Trump" in groups["Melania Trump"]
    assert "Mrs. Trump" not in groups["Donald Trump"]
    assert groups["Donald Trump Jr."] == {"Donald Trump Jr."}
    assert index.resolve("a6", "Trump", "Mrs. Trump") == "Melania Trump"


def test_clinton_variants_are_one_source_and_bill_another() -> None:
    """Hillary Clinton under every title is one source, Bill Clinton another."""
    index = _index(
        [
            ("a1", "Hillary Clinton", "Secretary of State Hillary Clinton"),
            ("a2", "Clinton", "Mrs. Clinton"),
            ("a3", "Hillary Clinton", "Hillary Clinton"),
            ("a4", "Bill Clinton", "Bill Clinton"),
        ]
    )
    assert [s.name for s in index.sources()] == ["Hillary Clinton", "Bill Clinton"]
    assert index.resolve("a2", "Clinton", "Mrs. Clinton") == "Hillary Clinton"


def test_surname_prefers_the_full_name_in_its_own_article() -> None:
    """A bare surname goes to the full name its article uses, even when another is quoted more."""
    rows: list[tuple[str, str, str | None]] = [("h1", "Hillary Clinton", None)] * 3
    index = _index(
        [*rows, ("b1", "Bill Clinton", None), ("b1", "Clinton", "Clinton"), ("x", "Clinton", None)]
    )
    assert index.resolve("b1", "Clinton", "Clinton") == "Bill Clinton"
    assert index.resolve("x", "Clinton") == "Hillary Clinton"


def test_titled_surname_never_crosses_gender() -> None:
    """A titled surname goes to a full name of its gender even when another is quoted more."""
    index = _index(
        [("h", "Hillary Clinton", None)] * 3
        + [("b", "Bill Clinton", None), ("x", "Clinton", "Mr. Clinton"), ("y", "Clinton", "Mrs. Clinton")]
    )
    assert index.resolve("x", "Clinton", "Mr. Clinton") == "Bill Clinton"
    assert index.resolve("y", "Clinton", "Mrs. Clinton") == "Hillary Clinton"


def test_title_gender_beats_the_article_and_mends_a_wrong_name() -> None:
    """ "Mr. Roe" goes to the male Roe even in an article naming only Mary Roe, or named Mary Roe by it."""
    index = _index(
        [
            ("a", "John Roe", None),
            ("b", "Mary Roe", "Mary Roe"),
            ("b", "Roe", "Mr. Roe"),
            ("b", "Mary Roe", "Mr. Roe"),
            ("c", "Mary Roe", None),
            ("c", "Roe", "Roe"),
        ]
    )
    assert index.resolve("b", "Roe", "Mr. Roe") == "John Roe"
    assert index.resolve("b", "Mary Roe", "Mr. Roe") == "John Roe"
    assert index.resolve("c", "Roe", "Roe") == "Mary Roe"
    assert "Mary Roe" not in {a for s in index.sources() if s.name == "John Roe" for a in s.aliases}


def test_surnames_without_a_full_name_split_by_title_gender() -> None:
    """With no full name, Mr. and Mrs. Roe stay apart and a bare Roe joins the more quoted one."""
    index = _index(
        [("a", "Roe", "Mr. Roe"), ("b", "Roe", "Mr. Roe"), ("c", "Roe", "Mrs. Roe"), ("d", "Roe", "Roe")]
    )
    counts = sorted(s.quote_count for s in index.sources())
    assert counts == [1, 3]
    assert index.resolve("d", "Roe", "Roe") == index.resolve("a", "Roe", "Mr. Roe")


def test_alias_table_merges_spelling_variants() -> None:
    """User aliases merge transliterations, bare or with the given name, under the canonical name."""
    index = _index(
        [
            ("a", "Olga Petrenco", None),
            ("b", "Petrenkova", "Mayor Petrenkova"),
            ("c", "Petrenko", None),
        ],
        aliases={"Olga Petrenko": ["Petrenco", "Petrenkova"]},
    )
    [source] = index.sources()
    assert (source.name, source.quote_count) == ("Olga Petrenko", 3)


def test_alias_table_rejects_a_bare_string() -> None:
    """A str in place of a list of aliases is a mistake the message explains."""
    with pytest.raises(TypeError, match="list of names"):
        SourceIndex(aliases={"Jane Doe": "J. Doe"})  # type: ignore[dict-item]


def test_organisations_merge_ignoring_case_and_the() -> None:
    """An organisation named with and without "the", in any case, is one source."""
    index = SourceIndex()
    index.add("a", "the Acme Corp", kind="organization")
    index.add("b", "ACME Corp", kind="organization")
    [source] = index.sources()
    assert (source.kind, source.quote_count, source.articles) == ("organization", 2, ("a", "b"))


def test_roles_kept_in_order_and_kind_by_majority() -> None:
    """A source lists its distinct roles in order of appearance and takes its most frequent kind."""
    index = SourceIndex()
    index.add("a", "Jane Doe", role="a senator", kind="person")
    index.add("b", "Jane Doe", role="the governor", kind="person")
    index.add("c", "Jane Doe", role="a senator", kind="unknown")
    [source] = index.sources()
    assert source.roles == ("a senator", "the governor")
    assert source.kind == "person"


def test_merge_and_split_by_hand() -> None:
    """merge() joins two sources under the first name; split() moves one alias to another source."""
    index = _index([("a", "Jane Doe", None), ("b", "Jane Do", None), ("c", "Doe", "Mrs. Doe")])
    assert len(index.sources()) == 2
    index.merge("Jane Doe", "Jane Do")
    assert [(s.name, s.quote_count) for s in index.sources()] == [("Jane Doe", 3)]
    index.split("Mrs. Doe", into="Mary Doe")
    assert index.resolve("c", "Doe", "Mrs. Doe") == "Mary Doe"
    assert index.resolve("b", "Jane Do") == "Jane Doe"


def test_merge_and_split_reject_unknown_names() -> None:
    """Hand corrections naming nobody raise ValueError saying where the names come from."""
    index = _index([("a", "Jane Doe", None)])
    with pytest.raises(ValueError, match=r"sources\(\)"):
        index.merge("Jane Doe", "John Roe")
    with pytest.raises(ValueError, match="aliases"):
        index.split("Mr. Roe", into="John Roe")


def test_source_round_trips_through_dict() -> None:
    """Source.from_dict(to_dict()) gives the same source."""
    source = Source("Jane Doe", "person", ("Doe",), ("mayor",), 2, ("a", "b"))
    assert Source.from_dict(source.to_dict()) == source


_names = st.text(st.sampled_from("abcdeJKLMN .,’-()"), max_size=30)


@given(st.lists(st.tuples(st.sampled_from("xyz"), _names, st.none() | _names), max_size=12))
def test_every_occurrence_lands_in_exactly_one_source(rows: list[tuple[str, str, str | None]]) -> None:
    """Whatever the names, every quote resolves to a listed source and no quote is lost or doubled."""
    index = _index(rows)
    sources = index.sources()
    assert sum(s.quote_count for s in sources) == len(rows)
    names = {s.name for s in sources}
    assert len(names) == len(sources)
    assert all(index.resolve(a, n, m) in names for a, n, m in rows)
