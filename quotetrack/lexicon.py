"""Loading the plain-text lexicons under ``quotetrack/lexicons/``, once each.

A lexicon file holds one entry per line; ``#`` starts a comment and blank
lines are skipped. Entries are kept as written (callers lower-case as needed).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["entries", "load", "mapping"]


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of lexicon ``name`` (the file ``lexicons/<name>.txt``), in file order."""
    path = resources.files("quotetrack") / "lexicons" / f"{name}.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def load(name: str) -> frozenset[str]:
    """The entries of lexicon ``name``, lower-cased, as a set."""
    return frozenset(e.lower() for e in entries(name))


@cache
def mapping(name: str) -> dict[str, str]:
    """A lexicon of ``key<TAB>value`` lines (or ``key = value``) as a dict."""
    out: dict[str, str] = {}
    for e in entries(name):
        key, sep, value = e.partition("\t") if "\t" in e else e.partition("=")
        if sep:
            out[key.strip().lower()] = value.strip()
    return out
