"""Resolution inside one article: from the words that name a speaker to who it is.

Pronouns go to the nearest compatible antecedent (he/she to people of the
right gender, it to organisations, they to groups), surnames and titled
surnames to the full name the article gives, roles to a named holder when the
article says so. The mention as written is always kept beside the result.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, NamedTuple

import regex

from .matcher import CLOSE_TO, DOCUMENT_MODIFIERS, PLACE_LINKS, _s_form
from .wordclasses import Words, words

if TYPE_CHECKING:
    from .pipeline import Attribution

__all__ = ["Resolved", "Resolver"]


# A determiner and up to four words before a relative pronoun's comma: "the harbour union".
_ANTECEDENT = regex.compile(
    r"(?i)\b(?:the|an?|its|their|his|her|our)\s+"
    r"((?:(?:(?!(?:the|an?|its|their|his|her|our)\s)[\p{L}’'\-]+"
    r"|(?<=\b(?:of|for|to|at|in|from|with)\s)(?:the|an?|its|their|his|her|our))\s+){0,4}[\p{L}’'\-]+)$"
)  # the nearest determiner, or one before a preposition's: "a spokeswoman for the council"


# Prepositions that tie a role or group to the place or body it belongs to.
_ROLE_LINKS = frozenset({"of", "to", "at", "for", "in", "from"})


# Words after a role or group noun that start a phrase modifying it: "sources close to the talks".
_POST_MODIFIERS = _ROLE_LINKS | CLOSE_TO | {"familiar", "with", "on", "opposed"}
# Prepositions after a participle that modifies a role or group: "officials briefed on the talks".
_AFTER_PARTICIPLE = frozenset({"by", "on", "about", "with", "to", "in", "at", "for", "from"}) | PLACE_LINKS


def _head(w: Words, toks: list[str]) -> int:
    """The head word of a speaker phrase: the last word, or a role or group noun that a phrase follows.

    ``sources close to the talks``, ``a friend of the family``, ``two officials briefed on the
    inquiry`` and ``a fisherman speaking at the quay`` have their heads early.
    """
    for k, t in enumerate(toks[:5]):
        low = t.lower()
        if k + 1 >= len(toks) or not (
            low in w.roles or low in w.groups or (_plural_form(t) and low not in w.stop)
        ):
            continue  # a role, a group, or a plural: "farm groups in Leeds"
        nxt = toks[k + 1]
        if (
            nxt.lower() in _POST_MODIFIERS
            or _place_after(toks, k + 1)
            or (
                nxt.islower()
                and (nxt.endswith(("ed", "ing")) or nxt in w.participles)
                and k + 2 < len(toks)
                and toks[k + 2].lower() in _AFTER_PARTICIPLE
            )
        ):
            return k
    return len(toks) - 1


def _place_after(toks: list[str], k: int) -> bool:
    """Whether a preposition of place at ``k`` opens a phrase: ``outside the plant``, not ``outside groups``."""
    return (
        toks[k].lower() in PLACE_LINKS
        and k + 1 < len(toks)
        and (toks[k + 1].lower() in {"the", "a", "an", "this", "that"} or toks[k + 1][:1].isupper())
    )


def _plural_form(t: str) -> bool:
    """Whether a lower-case word has a plural's form: ``drivers``, ``groups``; not ``press`` or ``various``."""
    return t.islower() and _s_form(t)


def _plural(w: Words, low: str) -> bool:
    """Whether a role or group noun names many: ``officials``, ``staff``; not ``witness``."""
    return low in w.groups or (low.endswith("s") and not low.endswith("ss") and low in w.roles)


def _bare_word(t: str) -> str:
    """``t`` lower-cased without trailing punctuation or a possessive ("Senate’s" -> "senate")."""
    low = t.lower().rstrip(".,")
    return low[:-2] if low.endswith(("’s", "'s")) else low


class Resolved(NamedTuple):
    """A resolved speaker."""

    name: str
    kind: str
    role: str | None
    gender: str  # m, f, n (neuter), p (plural), x (unknown)
    confidence: float


# A run of capitalised words: candidate names anywhere in the text.
# The abbreviations come first: tried after the plain word, "Mr." would end the run at "Mr".
# An initial is no part of an abbreviation like "U.S.", and no run starts inside one.
_WORD = r"(?:(?:Jr|Sr|St|Mr|Mrs|Ms|Dr)\.|\p{Lu}\.(?!\p{L})|\p{Lu}[\p{L}’'\-]*(?<!’s|'s|’|'|-))"
_PARTICLE = r"(?:von|van|de|der|da|di|du|del|la|le|al|bin|ibn)(?=[ \t]+\p{Lu})"
_NAME_RUN = regex.compile(rf"(?<![\w’'.])(?:{_WORD}|{_PARTICLE})(?:[ \t]+(?:{_WORD}|{_PARTICLE}))*", regex.V1)
_ORG_RUN = regex.compile(
    r"(?<![\w’'])\p{Lu}[\p{L}’'\-]*(?:[ \t]+(?:(?:of|for|and|on|the|&)[ \t]+)*\p{Lu}[\p{L}’'\-]*)*",
    regex.V1,
)
_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "its": "it"}
_DETERMINERS = ("the ", "a ", "an ")
# Sentence-initial words that a run of capitals may start with but no name does.
_QUANTIFIER_WORDS = frozenset(
    {"both", "all", "each", "every", "many", "most", "some", "several", "neither", "either"}
)
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father"})
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "sister"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "messrs"})
_SUFFIX = regex.compile(r"(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))$")


# Rules whose content is a verb's object, which names people often: not what a speaker reported.
_OBJECT_RULES = frozenset(
    {"speaker_stance_object", "speaker_cue_topic", "possessive_noun_topic", "asked_question"}
)
# The end of a sentence before a name: a period after a lower-case word, a digit or a closing mark
# (not the period of "Mr." or of an initial), or a paragraph break.
_SENTENCE_END = regex.compile(r"(\S*)[.!?][”’\"']?\s+|\n")
_CLOSERS = "”’\"')"
# Titles that stand before a bare surname: "Mr. Ryan", "Dr. Lowe" (not "Miss Universe").
_SURNAME_TITLES = _HONORIFICS - {"miss"}


def _sentence_start(text: str, at: int, titles: frozenset[str]) -> int:
    """Where the sentence holding offset ``at`` starts (looking back at most 600 characters)."""
    lo = max(0, at - 600)
    last = lo
    for m in _SENTENCE_END.finditer(text, lo, at):
        word = m.group(1)
        if word is None or (
            word
            and (word[-1].islower() or word[-1].isdigit() or word[-1] in _CLOSERS)
            and word.lower() not in titles
        ):
            last = m.end()
    return last


class Resolver:
    """Resolves the mentions of one article's attributions."""

    def __init__(self, text: str, quoted: list[tuple[int, int]] = ()) -> None:  # type: ignore[assignment]
        self.text = text
        self.w = words()
        self._names: list[tuple[int, str]] | None = None
        self._orgs: list[tuple[int, str]] = []
        self._described: dict[tuple[str, str | None], Resolved] = {}
        self._roles: dict[str, str] = {}  # the latest role each name was given
        self._by_surname: dict[str, list[tuple[int, str]]] | None = None
        self._name_offsets: list[int] = []
        self._org_offsets: list[int] = []
        self._titled: list[tuple[int, str]] = []  # "Mr. Ryan", "Dr. Lowe": a title and a surname
        self._titled_offsets: list[int] = []
        # What the attributions so far reported: a name inside it is seldom whom a later "he said"
        # means ("Mr. Ruiz said his talks with Mr. Ortiz went well. “…,” he added.")
        self._reported: list[tuple[int, int]] = []
        # Names inside quotations are seldom the antecedent of the speaker's pronoun.
        self._quoted = sorted(quoted)
        self._quoted_starts = [a for a, _ in self._quoted]

    def _inside_quote(self, offset: int) -> bool:
        k = bisect_right(self._quoted_starts, offset) - 1
        return k >= 0 and offset < self._quoted[k][1]

    # -- names found anywhere in the text ---------------------------------

    def names(self) -> list[tuple[int, str]]:
        """Person-like full names (two or more capitalised words) with their offsets."""
        if self._names is None:
            out = []
            w = self.w
            given = w.male | w.female
            for m in _NAME_RUN.finditer(self.text):
                if self._inside_quote(m.start()):
                    continue
                parts = m.group().split()
                titled = False
                honorific = False  # "Mr.", "Dr.": a title that only a person's surname follows
                while parts and (
                    parts[0].lower().rstrip(".") in w.titles
                    or parts[0].lower() in w.stop
                    or parts[0].lower() in _QUANTIFIER_WORDS  # "Both Bolton and Ruiz said"
                    # a role at a sentence's start: "Donor Adelson", "Senators Rubio and Cruz"
                    or (parts[0].lower() in w.roles and parts[0].lower() not in given)
                    # "Former Governor Ben Okafor", "Another Ruiz ally"; after a title the word is
                    # the name's own ("Rep. French Hill")
                    or (parts[0].lower() in w.modifiers and not titled)
                ):
                    titled = titled or parts[0].lower().rstrip(".") in w.titles
                    first = parts[0].lower()
                    honorific = (first.endswith(".") and first != "st.") or first in _SURNAME_TITLES
                    parts = parts[1:]
                while len(parts) > 2 and parts[0].lower() not in given and parts[1].lower() in given:
                    parts = parts[1:]  # "Councillor Peter Okafor", "Tulsa Chief Chuck Jordan"
                if (
                    honorific
                    and len(parts) == 1
                    and parts[0].lower() not in w.stop
                    and parts[0].lower() not in w.cue_words
                ):
                    # "Mr. Ryan is shaping an agenda that he …": an antecedent for a pronoun, not a
                    # full name a bare surname could stand for
                    self._titled.append((m.start(), m.group()))
                    continue
                if len(parts) < 2 or len(parts) > 5:
                    continue
                if any(p.lower().strip("’'s") in w.organizations for p in parts):
                    continue
                if parts[0].lower() not in given and (
                    parts[0].lower() in w.place_openers or parts[-1].lower() in w.place_heads
                ):
                    continue  # "South Carolina", "Wall Street", "Super Tuesday"; not "Kristen Day"
                if (
                    parts[0].lower() in w.male
                    or parts[0].lower() in w.female
                    or len(parts) == 2
                    or regex.match(r"\p{Lu}\.$", parts[1])
                ):
                    out.append((m.start(), " ".join(parts)))
            self._names = out
            self._name_offsets = [p for p, _ in out]
            self._titled_offsets = [p for p, _ in self._titled]
            for m in _ORG_RUN.finditer(self.text):
                if not self._inside_quote(m.start()) and any(
                    p.lower().strip("’'s") in w.organizations for p in m.group().split()
                ):
                    self._orgs.append((m.start(), m.group()))
            self._org_offsets = [p for p, _ in self._orgs]
        return self._names

    def full_name(self, surname: str, gender: str = "x") -> str | None:
        """The first full name in the article whose last word is ``surname``.

        A bare surname is the person the article introduced first under it: after *Barack Obama*
        and then *Michelle Obama*, *Obama* is Barack Obama (news names a second namesake in full or
        by title, and an article about one person names them first). A known ``gender`` ("m" or
        "f", from a title: *Mrs. Obama*) passes over a full name whose given name is of the other
        gender, and a full name with a known given name comes before one without.
        """
        if self._by_surname is None:
            index: dict[str, list[tuple[int, str]]] = {}
            for pos, name in self.names():
                parts = _SUFFIX.sub("", name).split()
                if len(parts) > 1:
                    index.setdefault(parts[-1].lower(), []).append((pos, name))
            self._by_surname = index
        found = self._by_surname.get(surname.lower(), [])
        if gender in {"m", "f"}:
            other = self.w.female if gender == "m" else self.w.male
            found = [f for f in found if f[1].split()[0].lower() not in other]
        if not found:
            return None
        # A known given name makes a surer name than a capitalised word before a surname
        # ("Absent Trump", "Donor Adelson" from a headline or a sentence's start).
        return next((name for _, name in found if self._given(name)), found[0][1])

    def _given(self, name: str) -> bool:
        """Whether a full name starts with a known given name."""
        first = name.split()[0].lower()
        return first in self.w.male or first in self.w.female

    # -- classification -----------------------------------------------------

    def describe(self, mention: str, role: str | None) -> Resolved:
        """Name, kind and gender of a non-pronoun mention."""
        key = (mention, role)
        found = self._described.get(key)
        if found is None:
            found = self._described[key] = self._describe(mention, role)
        return found

    def _describe(self, mention: str, role: str | None) -> Resolved:
        w = self.w
        m = mention.strip().strip(",")
        if m.endswith(("’s", "'s")) and len(m) > 2:
            m = m[:-2]  # "the mayor's criticism": the mayor is the source, not "mayor's"
        elif m.endswith(("s’", "s'")) and len(m) > 2:
            m = m[:-1]  # "the officials' letter", "Sanders’ plan"
        low = m.lower()
        for d in _DETERMINERS:
            if low.startswith(d):
                m, low = m[len(d) :], low[len(d) :]
                break
        toks = m.split()
        if not toks:
            return Resolved(mention, "unknown", role, "x", 0.5)
        doc = next(
            (
                i
                for i, t in enumerate(toks[:5])
                if _bare_word(t) in w.documents and not t.endswith(("’s", "'s"))
            ),
            len(toks),
        )
        if doc + 1 < len(toks) and (
            toks[doc + 1] in DOCUMENT_MODIFIERS
            or toks[doc + 1] in w.participles
            or toks[doc + 1].endswith("ed")
        ):
            # "A poll of Maine released on Monday", "figures compiled by the council": the head is
            # the document, the words after it modify it, and the last capitalised one is no name.
            return Resolved(m, "document", role, "n", 0.8)
        if "of" in toks:
            # "Gov. John Kasich of Ohio", "Darran White of Liberty Church": the name comes
            # before the place or body ("Secretary of State ..." and "Bank of America" stay whole).
            k = toks.index("of")
            if k >= 2 and any(t.lower() in w.male or t.lower() in w.female for t in toks[: k - 1]):
                return self._describe(" ".join(toks[:k]), role)
        h = _head(w, toks)
        if h < len(toks) - 1 and toks[h].lower() not in w.titles:
            # "Officials in Washington", "a person close to the mayor", "a diplomat quoted by the
            # agency": a role or group described by what follows, not a person named so
            many = _plural(w, toks[h].lower()) or _plural_form(toks[h])
            return Resolved(m, "group" if many else "person", role, "p" if many else "x", 0.7)
        head = toks[h].lower().strip(".,")
        head_bare = _bare_word(head)
        caps = [t for t in toks if t[:1].isupper()]
        # Leading role words before a name: "Republican presidential nominee Donald Trump".
        name_start = len(toks)
        for i in range(len(toks) - 1, -1, -1):
            t = toks[i]
            tl = t.lower().rstrip(".")
            if (
                (t[:1].isupper() and tl not in w.titles and not t.endswith(("’s", "'s")))
                or tl in {"von", "van", "de", "der", "da", "al", "bin", "la", "le", "du", "di"}
                or tl in {"jr", "sr"}
            ):
                name_start = i
            else:
                break
        # "Secretary of State Hillary Clinton": capitalised words before a known given
        # name belong to the title, not to the name.
        for k in range(name_start + 1, len(toks) - 1):
            if toks[k].lower() in w.male or toks[k].lower() in w.female:
                if toks[name_start].lower() not in w.male and toks[name_start].lower() not in w.female:
                    name_start = k
                break
        while (
            name_start < len(toks) - 2  # a given name and a surname follow
            and toks[name_start].lower() in w.roles
            and toks[name_start].lower() not in w.male
            and toks[name_start].lower() not in w.female
        ):
            name_start += 1  # "Spokesman Arjun Mehta": a capitalised role is no part of the name
        name_toks = toks[name_start:]
        pre = toks[:name_start]
        link = pre[:-1] if pre and pre[-1].lower() == "the" else pre
        if len(link) >= 2 and link[-1].lower() in _ROLE_LINKS and link[-2].lower() in w.roles:
            # "ambassador to France", "a professor at Yale": a role, the name is a place or body
            return Resolved(m, "person", role, "x", 0.7)
        first_word = name_toks[0].lower() if name_toks else ""
        personal = bool(name_toks) and (
            first_word in w.male
            or first_word in w.female
            or (bool(pre) and pre[-1].lower().rstrip(".") in w.titles)
        )
        is_org = not personal and (
            any(_bare_word(t) in w.organizations for t in toks) or head_bare in w.organizations
        )
        if head_bare in w.documents and not (name_toks and not is_org and len(name_toks) >= 2):
            return Resolved(m, "document", role, "n", 0.8)
        if not caps or not name_toks:
            if _plural(w, head_bare):
                return Resolved(m, "group", role, "p", 0.8)
            if head_bare in w.roles:
                return Resolved(m, "person", role, "x", 0.7)
            return Resolved(m, "organization" if head_bare in w.organizations else "unknown", role, "n", 0.6)
        if is_org:
            if pre and name_toks and all(t.islower() for t in pre):
                # "the news site RTL Info": the name is the capitalised part, the words before describe it
                return Resolved(" ".join(name_toks), "organization", role or " ".join(pre), "n", 0.8)
            return Resolved(m, "organization", role, "n", 0.8)
        if head_bare in w.groups:
            return Resolved(m, "group", role, "p", 0.8)
        name = " ".join(name_toks)
        if role is None and pre and pre[-1].lower().rstrip(".") not in _HONORIFICS:
            role = " ".join(pre)
        first = name_toks[0].lower()
        title = pre[-1].lower().rstrip(".") if pre else ""
        gender = (
            "m"
            if first in w.male or title in _MALE_TITLES
            else ("f" if first in w.female or title in _FEMALE_TITLES else "x")
        )
        if len(name_toks) == 1:
            # Only a title tells the gender of a bare surname: "Reed" may be a given name too
            titled = "m" if title in _MALE_TITLES else "f" if title in _FEMALE_TITLES else "x"
            full = self.full_name(name_toks[0], titled)
            if full:
                fg = full.split()[0].lower()
                g2 = "m" if fg in w.male else "f" if fg in w.female else gender
                return Resolved(full, "person", role, gender if gender != "x" else g2, 0.9)
            if len(name_toks[0]) <= 5 and name_toks[0].isupper():
                return Resolved(name, "organization", role, "n", 0.6)  # an acronym: NATO, CNN
        return Resolved(name, "person", role, gender, 0.95)

    # -- resolution -----------------------------------------------------------

    def resolve(self, atts: list[Attribution]) -> list[Resolved | None]:
        """One resolved speaker (or ``None``) per attribution, in order."""
        text = self.text
        w = self.w
        out: list[Resolved | None] = []
        history: list[tuple[int, Resolved]] = []  # (offset, speaker) of earlier resolutions
        holders: dict[str, Resolved] = {}  # role word -> the latest person named with that role

        def remember(offset: int, r: Resolved) -> None:
            history.append((offset, r))
            if r.kind == "person" and r.role:
                for word in r.role.lower().replace(".", "").split():
                    holders[word] = r

        for a in atts:
            if a.rule not in _OBJECT_RULES:  # "Port Elliot welcomed Nora Quill": she is no report
                self._reported.extend(a.fragments)
            if a.same_as >= 0:
                r = out[a.same_as] if a.same_as < len(out) else None
                out.append(r)
                if r is not None:
                    remember(a.fragments[0][0], r)
                continue
            if a.mention is None:
                out.append(None)
                continue
            s, e = a.mention
            mention = text[s:e]
            role = text[a.role[0] : a.role[1]].strip(" ,") if a.role else None
            low = mention.lower()
            if low == "that":
                r = self._antecedent(s, role, history, nearest_word=True)  # "a paper that found"
            elif low in w.pronouns:
                r = self._pronoun(low, s, history, role)
                if r is None:
                    kind = w.pronouns[low].split()[0]
                    kind = {"any": "unknown", "organization": "unknown"}.get(kind, kind)
                    r = Resolved(mention, kind, role, "x", 0.3)
            else:
                r = self.describe(mention, role)
                holder = self._role_holder(mention, r, holders)
                if holder is not None:
                    r = holder
                elif r.kind == "person" and role is None:
                    role = self._roles.get(r.name)
                    if role:
                        r = r._replace(role=role)
            out.append(r)
            if r is not None:
                remember(s, r)
                if r.role:
                    self._roles[r.name] = r.role
        return out

    def _role_holder(self, mention: str, r: Resolved, holders: dict[str, Resolved]) -> Resolved | None:
        """The named person a role phrase stands for, if the article named them in that role.

        ``the mayor`` after ``Jane Doe, the mayor, said`` (or ``Mayor Jane Doe``) is Jane Doe;
        ``holders`` maps each role word to the latest person named with it.
        """
        words_ = mention.lower().split()
        if len(words_) < 2 or words_[0] != "the" or r.name != " ".join(mention.split()[1:]):
            return None
        head = words_[-1]
        if head not in self.w.roles and head not in self.w.titles:
            return None
        h = holders.get(head)
        return h._replace(confidence=0.7) if h is not None and h.name != r.name else None

    def _antecedent(
        self, at: int, role: str | None, history: list[tuple[int, Resolved]], nearest_word: bool = False
    ) -> Resolved | None:
        """What a relative pronoun at ``at`` stands for: the phrase just before it (and its comma).

        ``Jane Doe, who said …`` gives Jane Doe, ``The union, which endorsed …`` the union; with
        ``nearest_word`` (``a 2014 county paper that found``) a noun the phrase patterns miss is
        the last word itself, not the last speaker.
        """
        before = self.text[max(0, at - 200) : at].rstrip().rstrip(",").rstrip()
        if nearest_word:
            words = before.split()
            n = len(words)
            while words and words[-1].lower() in self.w.times:
                words.pop()  # "a letter from his doctor Friday afternoon that says": not Friday
            if len(words) < n and words and words[-1].lower() in {"on", "last", "this", "late", "early"}:
                words.pop()  # "… on Friday"
            before = " ".join(words[-12:])
        m = regex.search(r"((?:\p{Lu}[\p{L}’'\-.]*\s*)+)$", before)
        if m:
            return self.describe(m.group(1).strip(), role)._replace(confidence=0.7)
        m = _ANTECEDENT.search(before)  # "The union, which endorsed …": a common noun phrase
        if m:
            return self.describe(m.group(1), role)._replace(confidence=0.6)
        if nearest_word and (m := regex.search(r"[\p{L}’'\-]+$", before)):
            return self.describe(m.group(0), role)._replace(confidence=0.5)
        return history[-1][1]._replace(confidence=0.5) if history else None

    def _pronoun(
        self, low: str, at: int, history: list[tuple[int, Resolved]], role: str | None
    ) -> Resolved | None:
        w = self.w
        gender = w.pronouns[low].partition(" ")[2]
        if low in {"who", "which"}:
            return self._antecedent(at, role, history)
        if low in {"i", "we", "you"}:
            # Inside a quotation the first person is the quote's speaker; outside it, unknown.
            for _, r in reversed(history):
                if (low == "i" and r.kind == "person") or (
                    low == "we" and r.kind in {"organization", "group", "person"}
                ):
                    return r._replace(confidence=0.5)
            return None
        # The nearest compatible antecedent within 6,000 characters: an earlier speaker,
        # a name in the text, or (for "it") an organisation. Each list is in text order.
        low = _POSSESSIVE.get(low, low)

        def fits(r: Resolved) -> float:
            if low in {"he", "she"}:
                if r.kind == "person" and r.gender in {gender, "x"}:
                    return 0.8 if r.gender == gender else 0.6
            elif low == "it":
                if r.kind in {"organization", "document"}:
                    return 0.7
            elif low == "they" and r.kind in {"group", "organization"}:
                return 0.6
            return 0.0

        best: tuple[int, Resolved, float] | None = None
        for k in range(len(history) - 1, -1, -1):
            p, r = history[k]
            if p >= at:
                continue
            if at - p > 6000:
                break
            conf = fits(r)
            if conf:
                best = (p, r, conf)
                break
        sources = [(self.names(), self._name_offsets), (self._titled, self._titled_offsets)]
        if low == "it":
            sources.append((self._orgs, self._org_offsets))
        spoke = best
        for found, offsets in sources:
            for k in range(bisect_left(offsets, at) - 1, -1, -1):
                p, name = found[k]
                if at - p > 6000 or (best is not None and p <= best[0]):
                    break
                if best is not None and any(s <= p < e for s, e in self._reported):
                    continue
                r = self.describe(name, None)
                conf = fits(r)
                if conf:
                    best = (p, r, conf)
                    break
        if best is not None and best is not spoke:
            # Of the people a sentence names, its subject, the first, is whom a pronoun after it
            # means: "Mr. Obi met Mr. Kane in Paris. “…,” he said." is Obi's
            # ("Fran Delgado praised Jamal Rivers" leaves "she" to Fran), unless only a later
            # one has the pronoun's gender
            start = _sentence_start(self.text, best[0], w.titles)
            if spoke is not None and start <= spoke[0] and spoke[2] >= best[2]:
                best = spoke
            for found, offsets in sources:
                for k in range(bisect_left(offsets, start), bisect_left(offsets, best[0])):
                    p, name = found[k]
                    r = self.describe(name, None)
                    conf = fits(r)
                    if conf >= best[2] and p < best[0]:
                        best = (p, r, conf)
                        break
        return best[1]._replace(confidence=best[2]) if best is not None else None
