"""Golden cases: every TOML file under tests/cases/ holds texts and the quotes expected."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import quotetrack
from quotetrack.rules import CONTEXT_RULES, RULES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CASES_DIR = Path(__file__).parent / "cases"


def _load() -> list[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            out.append(pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks))
    return out


CASES = _load()


def _actual(q: quotetrack.Quote, text: str) -> dict[str, Any]:
    sp = q.speaker
    return {
        "kind": q.kind,
        "text": q.text,
        "fragments": [f.slice(text) for f in q.fragments],
        "speaker": sp.name if sp else "",
        "speaker_kind": sp.kind if sp else "",
        "role": (sp.role or "") if sp else "",
        "mention": q.mention.text if q.mention else "",
        "cue": q.cue.text if q.cue else "",
        "audience": q.audience or "",
        "medium": q.medium or "",
        "rule": q.rule,
    }


@pytest.mark.parametrize("case", CASES)
def test_golden_case(case: dict[str, Any]) -> None:
    """The quotes extracted from a golden text are the ones its case expects, in order."""
    article = quotetrack.extract(case["text"])
    expected = case.get("expect", [])
    got = [_actual(q, article.text) for q in article.quotes]
    assert len(got) == len(expected), f"expected {len(expected)} quotes, got {got}"
    for want, have in zip(expected, got, strict=True):
        for key, value in want.items():
            assert have[key] == value, f"{key}: expected {value!r}, got {have[key]!r} in {have}"


def test_every_rule_has_a_golden_case() -> None:
    """Each named rule is exercised by at least one golden case."""
    used = {e.get("rule") for p in CASES for e in p.values[0].get("expect", [])}
    missing = {r.name for r in (*RULES, *CONTEXT_RULES)} - used
    assert not missing, f"rules without a golden case: {sorted(missing)}"


@pytest.mark.parametrize("rule", [*RULES, *CONTEXT_RULES], ids=lambda r: r.name)
def test_rule_example_is_decided_by_its_rule(rule: Any) -> None:
    """The example written in a rule's docstring is attributed by that very rule."""
    article = quotetrack.extract(rule.example)
    assert rule.name in {q.rule for q in article.quotes}, [(q.rule, q.text) for q in article.quotes]
