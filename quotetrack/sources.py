"""Canonical sources: one name for all the ways articles name the same speaker.

Inside one article the extractor already resolves a speaker (``Mr. Trump`` and
``he`` become ``Trump``, or ``Donald Trump`` when the article names him in full).
Across articles this module links the names:

1. :func:`parse_person` normalises a person's name: titles, role words and
   determiners go (``Republican presidential nominee``, ``Mrs.``), so do middle
   initials; suffixes stay (``Donald Trump Jr.`` is not ``Donald Trump``).
   A title's gender is kept (``Mr.`` versus ``Mrs.``).
2. Full names with the same given name, surname and suffix are one source.
3. A surname alone (``Trump``, ``Mrs. Clinton``) goes to a full name with that
   surname whose gender does not conflict: one named in the same article
   first, else the most quoted in the corpus.
4. Other speakers (organisations, groups) are one source per name, ignoring case
   and a leading ``the``.

A user alias table merges spelling variants, and :meth:`SourceIndex.merge` /
:meth:`SourceIndex.split` correct the result by hand.

>>> index = SourceIndex()
>>> index.add("a1", "Donald J. Trump")
>>> index.add("a2", "Trump", mention="Mr. Trump")
>>> [(s.name, s.quote_count) for s in index.sources()]
[('Donald Trump', 2)]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Any, NamedTuple

import attrs
from attrs import define, field, frozen
from attrs.validators import deep_iterable, ge, in_, instance_of

from . import lexicon
from .model import SPEAKER_KINDS

__all__ = ["PersonName", "Source", "SourceIndex", "organization_key", "parse_person"]


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


_string_tuple = deep_iterable(instance_of(str))


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


@frozen
class Source:
    """A speaker across the corpus.

    Attributes:
        name: The canonical name (``Donald Trump``: a full name without titles).
        kind: The kind most of its quotes give it (one of ``SPEAKER_KINDS``).
        aliases: Every name and mention the articles used for it.
        roles: The distinct roles the articles gave it, in order of appearance
            (each quote keeps the role of its own article).
        quote_count: How many quotes it has.
        articles: The ids of the articles that quote it, in insertion order.
    """

    name: str = field(validator=instance_of(str))
    kind: str = field(default="unknown", validator=in_(SPEAKER_KINDS))
    aliases: tuple[str, ...] = field(default=(), converter=_strings, validator=_string_tuple)
    roles: tuple[str, ...] = field(default=(), converter=_strings, validator=_string_tuple)
    quote_count: int = field(default=0, validator=[instance_of(int), ge(0)])
    articles: tuple[str, ...] = field(default=(), converter=_strings, validator=_string_tuple)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the attributes (tuples as lists)."""
        return {a.name: _jsonable(getattr(self, a.name)) for a in attrs.fields(type(self))}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Source:
        """Inverse of :meth:`to_dict`."""
        return cls(**{a.name: d[a.name] for a in attrs.fields(cls) if a.name in d})


# --- names --------------------------------------------------------------------------------------

_PUNCT = '.,;:!?"“”‘’()[]'
_POSSESSIVE = re.compile(r"['’]s?$")
_OWNER = re.compile(r"['’]s$")
_DETERMINERS = frozenset({"the", "a", "an"})
_CONJUNCTIONS = frozenset({"and", "&", "or", "nor"})
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,2}$")


def _norm(word: str) -> str:
    return word.lower().strip(_PUNCT)


class _Words(NamedTuple):
    strip: frozenset[str]
    stop: frozenset[str]
    longest: int
    gender: dict[str, str]
    suffixes: frozenset[str]
    particles: frozenset[str]


@cache
def _words() -> _Words:
    table = {" ".join(_norm(w) for w in k.split()): v for k, v in lexicon.mapping("name_titles").items()}
    plain = {e for e in lexicon.load("name_titles") if "=" not in e}
    strip = {
        " ".join(_norm(w) for w in e.split())
        for e in lexicon.load("titles") | lexicon.load("modifiers") | lexicon.load("role_nouns") | plain
    }
    gender = {k: v for k, v in table.items() if v in ("male", "female")}
    strip |= set(gender)
    return _Words(
        strip=frozenset(strip),
        stop=lexicon.load("stopwords"),
        longest=max(len(w.split()) for w in strip),
        gender=gender,
        suffixes=frozenset(k for k, v in table.items() if v == "suffix"),
        particles=frozenset(k for k, v in table.items() if v == "particle"),
    )


@cache
def _first_names() -> dict[str, str]:
    male, female = lexicon.load("first_names_male"), lexicon.load("first_names_female")
    out = dict.fromkeys(male - female, "male")
    out.update(dict.fromkeys(female - male, "female"))
    return out


def _is_name(word: str) -> bool:
    return word[:1].isalpha() and any(c.isupper() for c in word)


class PersonName(NamedTuple):
    """A person's name, normalised (see :func:`parse_person`)."""

    #: The name as written, without titles and middle initials (``Donald Trump Jr.``).
    display: str
    #: The given name, case-folded; ``""`` for a surname alone.
    given: str
    #: The surname, case-folded.
    surname: str
    #: ``jr``, ``sr``, ``iii``... or ``""``.
    suffix: str
    #: ``male`` or ``female`` when a title or role noun says so (``Mrs.``), else ``None``.
    gender: str | None

    @property
    def key(self) -> tuple[str, str, str]:
        """``(given, surname, suffix)``: equal keys name the same person."""
        return (self.given, self.surname, self.suffix)


def _title_at(words: list[str], i: int, w: _Words) -> int:
    """The length of the title or role phrase at ``words[i]`` that a name follows, or 0."""
    for n in range(min(w.longest, len(words) - i), 0, -1):
        if " ".join(_norm(x) for x in words[i : i + n]) in w.strip and any(
            _is_name(x) for x in words[i + n :]
        ):
            return n
    return 0


def _head_run(words: list[str], w: _Words) -> tuple[list[str], str | None] | None:
    """The run of name words that heads the phrase, with the gender its titles give, or ``None``.

    The head is the last run: ``Trump campaign manager Corey Lewandowski`` is
    Lewandowski. A run that a common noun follows only modifies it (``a Trump
    adviser``), a possessive run names an owner (``Clinton’s spokesman``), and a
    preposition before any name makes the phrase about someone else (``a
    spokeswoman for Trump``); a conjunction makes it several people.
    """
    runs: list[tuple[list[str], str | None]] = []
    run: list[str] | None = None
    gender: str | None = None  # of the titles since the last run
    trailing = False  # a common noun follows the last run
    i = 0
    while i < len(words):
        word, low = words[i], _norm(words[i])
        n = _title_at(words, i, w)
        if n:
            gender = w.gender.get(" ".join(_norm(x) for x in words[i : i + n]), gender)
            run, i = None, i + n
            continue
        i += 1
        if _is_name(word) or (low in w.particles and i < len(words) and _is_name(words[i])):
            if i == 1 and (low in w.stop or low.endswith("ing")) and low not in _first_names():
                continue  # a capitalised word opening the sentence ("Since", "The", "Quoting")
            if word.endswith(".") and len(word) > 3 and low not in w.suffixes:
                runs, run, gender = [], None, None  # "November. Trump": a sentence ended
                continue
            if run is None:
                run = []
                runs.append((run, gender))
                gender, trailing = None, False
            run.append(word)
            if _OWNER.search(word) and i < len(words):
                runs.pop()
                run = None
            continue
        run = None
        if low in _CONJUNCTIONS:
            return None
        if low in w.stop and low not in _DETERMINERS:
            if runs:
                break  # "Trump in his speech", "Joel Pollak of Breitbart"
            return None
        trailing = bool(runs)
        gender = w.gender.get(low, gender)
    return None if not runs or trailing else runs[-1]


@lru_cache(maxsize=1 << 16)
def parse_person(text: str) -> PersonName | None:
    """Normalise a person's name, or ``None`` when ``text`` holds no name.

    Titles, role words and determiners go (``Secretary of State``, ``Republican
    presidential nominee``, ``the``), and so do middle initials and anything
    after a comma but a suffix; the name that heads the phrase is kept (see
    ``_head_run``). One word left is a surname alone.

    >>> parse_person("Republican presidential nominee Donald J. Trump").display
    'Donald Trump'
    >>> parse_person("Mrs. Clinton")
    PersonName(display='Clinton', given='', surname='clinton', suffix='', gender='female')
    >>> parse_person("a senior Trump adviser") is None
    True
    """
    w = _words()
    head, _, tail = text.partition(",")
    words = [x.strip('"“”‘’[]') for x in head.split("(")[0].split()]
    words = [x.rstrip(",;:!?") for x in words if x]
    if _norm(tail.strip()) in w.suffixes:
        words.append(tail.strip())
    found = _head_run(words, w)
    if found is None:
        return None
    run, gender = list(found[0]), found[1]
    suffix = run.pop() if len(run) > 1 and _norm(run[-1]) in w.suffixes else ""
    run[-1] = _POSSESSIVE.sub("", run[-1]) or run[-1]
    core = [x for k, x in enumerate(run) if not (0 < k < len(run) - 1 and _INITIAL.match(x))]
    if all(_norm(x) in w.strip for x in core):
        return None
    display = " ".join([*core, suffix] if suffix else core)
    given = _norm(core[0]) if len(core) > 1 and not (core[0].islower() and core[0] in w.particles) else ""
    return PersonName(display, given, _norm(core[-1]), _norm(suffix), gender)


def organization_key(text: str) -> str:
    """The key of a non-person speaker: case-folded, without a leading ``the``.

    >>> organization_key("the  Acme Corporation")
    'acme corporation'
    """
    return _org_display(text).casefold()


def _org_display(text: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(text.split()).strip(".,;:"), flags=re.IGNORECASE)


def _title_gender(text: str | None) -> str | None:
    if not text:
        return None
    parsed = parse_person(text)
    return parsed.gender if parsed else None


# --- the index ----------------------------------------------------------------------------------

_PERSONS = ("person", "unknown")


@define(eq=False)
class _Unit:
    """The quotes of one article that give one speaker name and one mention."""

    article: str
    name: str
    mention: str | None
    order: int
    count: int = 0
    kinds: Counter[str] = field(factory=Counter)
    roles: list[str] = field(factory=list)
    #: The name this unit gives its source, or "" when it must not name it (a linked surname).
    display: str = ""
    #: The speaker name the unit is resolved by: ``name``, or ``mention`` when the two conflict.
    speaker: str = ""

    def named(self, alias: str) -> bool:
        cf = alias.casefold()
        return self.name.casefold() == cf or (self.mention or "").casefold() == cf


@define(eq=False)
class _Group:
    units: list[_Unit] = field(factory=list)
    #: A name the user gave (alias table, merge, split); else the most used display form.
    forced: str | None = None
    gender: str | None = None
    #: The genders the titles of its mentions give.
    titles: Counter[str] = field(factory=Counter)

    @property
    def count(self) -> int:
        return sum(u.count for u in self.units)

    @property
    def order(self) -> int:
        return min(u.order for u in self.units)

    @property
    def name(self) -> str:
        if self.forced is not None:
            return self.forced
        names: Counter[str] = Counter()
        for u in sorted(self.units, key=lambda u: u.order):
            if u.display:
                names[u.display] += u.count
        return names.most_common(1)[0][0] if names else self.units[0].name

    def articles(self) -> set[str]:
        return {u.article for u in self.units}

    def source(self) -> Source:
        units = sorted(self.units, key=lambda u: u.order)
        kinds: Counter[str] = Counter()
        for u in units:
            kinds.update(u.kinds)
        surfaces = {u.speaker for u in units} | {
            u.mention for u in units if u.mention and any(_is_name(x) for x in u.mention.split())
        }
        return Source(
            name=self.name,
            kind=kinds.most_common(1)[0][0],
            aliases=sorted(surfaces, key=lambda s: (s.casefold(), s)),
            roles=dict.fromkeys(r for u in units for r in u.roles),
            quote_count=self.count,
            articles=dict.fromkeys(u.article for u in units),
        )


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _most_quoted(groups: Iterable[_Group]) -> _Group | None:
    return min(groups, key=lambda g: (-g.count, g.order), default=None)


class SourceIndex:
    """Canonical sources for quote occurrences fed one article at a time.

    Args:
        aliases: ``{canonical name: [spelling variants]}``. A variant that is a
            surname alone (``Petrenko``) also renames full names with that surname
            and the canonical given name (``Olga Petrenko``).
        edits: Earlier hand corrections ``("merge", a, b)`` / ``("split", alias, into)``,
            replayed in order after the automatic linking (unlike :meth:`merge`
            and :meth:`split`, without checking that the names exist).

    The sources are worked out again, lazily, after every change.
    """

    def __init__(
        self, aliases: Mapping[str, Iterable[str]] | None = None, edits: Iterable[tuple[str, str, str]] = ()
    ) -> None:
        self._units: dict[tuple[str, str, str | None], _Unit] = {}
        self._edits = list(edits)
        self._person_alias: dict[tuple[str, str, str], tuple[PersonName, str]] = {}
        self._surname_alias: dict[str, tuple[PersonName, str]] = {}
        self._org_alias: dict[str, str] = {}
        self._built: tuple[list[Source], dict[tuple[str, str, str | None], str]] | None = None
        for canonical, variants in (aliases or {}).items():
            if isinstance(variants, str):
                raise TypeError(f"aliases[{canonical!r}] must be a list of names, not a str")
            self.alias(canonical, *variants)

    def alias(self, canonical: str, *variants: str) -> None:
        """Name ``canonical`` every speaker called by one of ``variants`` (or by ``canonical``)."""
        if not isinstance(canonical, str):
            raise TypeError(f"a canonical name must be a str, not {type(canonical).__name__}")
        target = parse_person(canonical)
        for variant in (canonical, *variants):
            if not isinstance(variant, str):
                raise TypeError(f"an alias must be a str, not {type(variant).__name__}")
            self._org_alias[organization_key(variant)] = canonical
            parsed = parse_person(variant)
            if target is None or parsed is None:
                continue
            if parsed.given:
                self._person_alias[parsed.key] = (target, canonical)
            else:
                self._surname_alias[parsed.surname] = (target, canonical)
        self._built = None

    def add(
        self,
        article_id: str,
        name: str,
        *,
        kind: str = "person",
        mention: str | None = None,
        role: str | None = None,
        count: int = 1,
    ) -> None:
        """Record ``count`` quotes of article ``article_id`` by speaker ``name``.

        Args:
            article_id: The article.
            name: The speaker's name as the article resolved it.
            kind: The speaker's kind.
            mention: The words that named the speaker at the quote (``Mrs. Trump``).
            role: The role the article gave the speaker.
            count: How many quotes these are.
        """
        key = (article_id, name, mention)
        unit = self._units.get(key)
        if unit is None:
            unit = self._units[key] = _Unit(article_id, name, mention, order=len(self._units))
        unit.count += count
        unit.kinds[kind] += count
        if role:
            unit.roles.append(role)
        self._built = None

    def merge(self, a: str, b: str) -> None:
        """Make the sources named (or aliased) ``a`` and ``b`` one source, named as ``a``."""
        for name in (a, b):
            if self.source(name) is None:
                raise ValueError(f"no source is named {name!r}: use a name or alias from sources()")
        self._edits.append(("merge", a, b))
        self._built = None

    def split(self, alias: str, into: str) -> None:
        """Move the quotes whose speaker name or mention is ``alias`` to the source ``into``.

        ``into`` may be an existing source's name or a new name.
        """
        if not any(u.named(alias) for u in self._units.values()):
            raise ValueError(f"no speaker is named or mentioned as {alias!r}: see the aliases in sources()")
        self._edits.append(("split", alias, into))
        self._built = None

    def sources(self) -> list[Source]:
        """Every source, most quoted first."""
        return list(self._build()[0])

    def source(self, name: str) -> Source | None:
        """The source with this canonical name, else the most quoted one with this alias."""
        cf = name.casefold()
        found = self._build()[0]
        return next((s for s in found if s.name.casefold() == cf), None) or next(
            (s for s in found if any(a.casefold() == cf for a in s.aliases)), None
        )

    def resolve(self, article_id: str, name: str, mention: str | None = None) -> str | None:
        """The canonical name of a speaker added with :meth:`add`, or ``None`` if never added."""
        return self._build()[1].get((article_id, name, mention))

    # -- building ---------------------------------------------------------------------------------

    def _person(self, name: str, units: list[_Unit]) -> tuple[PersonName, str | None] | None:
        """The normalised person name of a speaker, and the canonical name an alias gives it."""
        parsed = parse_person(name)
        if parsed is None:
            return None
        gender = parsed.gender
        for u in units:
            gender = gender or _title_gender(u.mention)
        found = self._person_alias.get(parsed.key)
        variant = self._surname_alias.get(parsed.surname)
        if found is None and variant is not None and parsed.given in ("", variant[0].given):
            found = variant
        if found is not None:
            return found[0]._replace(display=found[1], gender=gender), found[1]
        return parsed._replace(gender=gender), None

    def _build(self) -> tuple[list[Source], dict[tuple[str, str, str | None], str]]:
        if self._built is not None:
            return self._built
        speakers: dict[tuple[str, str], list[_Unit]] = defaultdict(list)
        for u in self._units.values():
            u.speaker = _speaker_name(u)
            speakers[(u.article, u.speaker)].append(u)
        keyed: dict[tuple[str, ...], _Group] = defaultdict(_Group)
        surname_only: list[tuple[PersonName, list[_Unit]]] = []
        for (_, name), units in speakers.items():
            person = self._person(name, units) if any(k in _PERSONS for u in units for k in u.kinds) else None
            if person is None:
                forced = self._org_alias.get(organization_key(name))
                display = forced or _org_display(name)
                key: tuple[str, ...] = ("org", organization_key(display))
            else:
                parsed, forced = person
                display = parsed.display
                key = ("person", *parsed.key)
            for u in units:
                u.display = display
            if person is not None and not parsed.given:
                surname_only.append((parsed, units))
                continue
            group = keyed[key]
            group.units += units
            group.forced = group.forced or forced
            if person is not None and parsed.gender:
                group.titles[parsed.gender] += 1
        by_surname: dict[str, list[tuple[str, _Group]]] = defaultdict(list)
        for key, group in keyed.items():
            if key[0] == "person":
                # The given name decides; else the titles, when they agree.
                titles = list(group.titles)
                group.gender = _first_names().get(key[1]) or (titles[0] if len(titles) == 1 else None)
                by_surname[key[2]].append((key[3], group))
        _link_surnames(surname_only, by_surname, keyed)
        groups = sorted(keyed.values(), key=lambda g: (-g.count, g.order))
        for op, a, b in self._edits:
            groups = _merge(groups, a, b) if op == "merge" else _split(groups, a, b)
        by_name: dict[str, _Group] = {}
        for group in groups:
            same = by_name.setdefault(group.name.casefold(), group)
            if same is not group:
                same.units += group.units
        sources = sorted((g.source() for g in by_name.values()), key=lambda s: -s.quote_count)
        names = {(u.article, u.name, u.mention): g.name for g in by_name.values() for u in g.units}
        self._built = (sources, names)
        return self._built


def _link_surnames(
    surname_only: list[tuple[PersonName, list[_Unit]]],
    by_surname: dict[str, list[tuple[str, _Group]]],
    keyed: dict[tuple[str, ...], _Group],
) -> None:
    """Attach each surname alone to a full name with that surname and no conflicting gender.

    The best has the same gender as the surname's title, then is named in the
    same article, then is the most quoted.
    """
    unlinked: dict[tuple[str, str], list[tuple[str | None, _Group]]] = defaultdict(list)
    articles = {id(g): g.articles() for pairs in by_surname.values() for _, g in pairs}
    for parsed, units in surname_only:
        article = units[0].article
        group = max(
            (
                g
                for suffix, g in by_surname.get(parsed.surname, ())
                if _compatible(parsed.gender, g.gender) and parsed.suffix in ("", suffix)
            ),
            key=lambda g: (
                parsed.gender is not None and g.gender == parsed.gender,
                article in articles[id(g)],
                g.count,
                -g.order,
            ),
            default=None,
        )
        if group is None:
            group = keyed["surname", parsed.surname, parsed.suffix, parsed.gender or ""]
            unlinked[parsed.surname, parsed.suffix].append((parsed.gender, group))
        else:
            for u in units:
                u.display = ""  # the full name names the source
        group.units += units
    # With no full name, a surname without a title joins the most quoted titled one,
    # and a titled surname is named with its title ("Mrs. Roe" is not "Mr. Roe").
    for pairs in unlinked.values():
        titled = _most_quoted(g for gender, g in pairs if gender)
        for gender, group in pairs:
            if titled is not None and gender is None and group.units:
                titled.units += group.units
                group.units = []
            surfaces = Counter(u.mention or u.name for u in group.units)
            group.forced = next(
                (s for s, _ in surfaces.most_common() if gender and _title_gender(s) == gender), None
            )
    for key in [k for k, g in keyed.items() if not g.units]:
        del keyed[key]


def _speaker_name(u: _Unit) -> str:
    """The unit's name, unless the title of its mention contradicts the name's gender.

    ``Mr. Trump`` resolved by the article to ``Ivanka Trump`` is resolved as ``Mr. Trump``.
    """
    said = _title_gender(u.mention)
    if said is not None and any(k in _PERSONS for k in u.kinds):
        parsed = parse_person(u.name)
        known = _first_names().get(parsed.given) if parsed is not None else None
        if known is not None and known != said:
            return u.mention or u.name
    return u.name


def _find(groups: list[_Group], name: str) -> _Group | None:
    cf = name.casefold()
    return next((g for g in groups if g.name.casefold() == cf), None) or next(
        (g for g in groups if any(u.named(name) for u in g.units)), None
    )


def _merge(groups: list[_Group], a: str, b: str) -> list[_Group]:
    ga, gb = _find(groups, a), _find(groups, b)
    if ga is None or gb is None or ga is gb:
        return groups
    ga.forced = ga.name
    ga.units += gb.units
    return [g for g in groups if g is not gb]


def _split(groups: list[_Group], alias: str, into: str) -> list[_Group]:
    moved = [u for g in groups for u in g.units if u.named(alias)]
    if not moved:
        return groups
    for g in groups:
        g.units = [u for u in g.units if not u.named(alias)]
    target = next((g for g in groups if g.units and g.name.casefold() == into.casefold()), None)
    if target is None:
        target = _Group(forced=into)
        groups = [*groups, target]
    target.units += moved
    return [g for g in groups if g.units]
