"""The examples in docs/*.md run and show what the pages say they show.

Each page's ```python blocks are doctests run in order in one namespace (a page builds on its
earlier blocks), in a fresh working directory. ```console blocks run each ``$ command`` with bash
and compare its standard output. ```json blocks must parse. A block that needs an optional package
(or a program) says so on the line before it, ``<!-- requires: pandas -->``; where it is missing,
that block and the rest of its page are skipped. README.md is checked by test_readme.py.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(DOCS.glob("*.md"))
FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
REQUIRES = re.compile(r"<!--\s*requires:\s*(?P<names>[\w.\- ]+?)\s*-->\s*\Z")
#: Fences shown but not run: commands to copy (set-up, paths outside the project) and illustrations.
SHOWN_ONLY = {"sh", "text", "toml"}


class Block(NamedTuple):
    """One fenced block of a page."""

    page: Path
    line: int
    language: str
    body: str
    requires: tuple[str, ...]


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of ``page``, in order, with what each requires."""
    text = page.read_text(encoding="utf-8")
    out = []
    for m in FENCE.finditer(text):
        before = REQUIRES.search(text, 0, m.start())
        out.append(
            Block(
                page,
                text.count("\n", 0, m.start()) + 2,
                m.group("info").strip(),
                m.group("body"),
                tuple(before.group("names").split()) if before else (),
            )
        )
    return out


def missing(block: Block) -> list[str]:
    """The requirements of ``block`` this environment lacks (a module, or a program such as java)."""
    return [
        name
        for name in block.requires
        if importlib.util.find_spec(name) is None and shutil.which(name) is None
    ]


def page_ids(pages: list[Path]) -> list[str]:
    """Test ids: the page names."""
    return [p.name for p in pages]


def with_language(language: str) -> list[Path]:
    """The pages that have at least one block in ``language``."""
    return [p for p in PAGES if any(b.language == language for b in blocks(p))]


def test_the_docs_have_pages() -> None:
    """The docs folder holds the pages this test checks, each with at least one example."""
    assert {p.stem for p in PAGES} >= {"index", "quickstart", "how-it-works", "data-model", "cli"}
    for page in PAGES:
        if page.name != "api.md":  # the reference: docstrings only
            assert any(b.language in {"python", "console"} for b in blocks(page)), (
                f"{page.name} runs no example"
            )


@pytest.mark.parametrize("page", PAGES, ids=page_ids(PAGES))
def test_every_fence_is_checked_or_shown_only(page: Path) -> None:
    """Each block is a doctest, a console session, JSON, a MyST directive or a listed shown-only kind."""
    for b in blocks(page):
        known = b.language in {"python", "console", "json"} | SHOWN_ONLY or b.language.startswith("{")
        assert known, f"{page.name}:{b.line}: a ```{b.language} block is neither run nor listed as shown only"
        if b.language == "python":
            assert ">>> " in b.body, f"{page.name}:{b.line}: a python block must be a doctest (>>> lines)"


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
@pytest.mark.parametrize("page", with_language("python"), ids=page_ids(with_language("python")))
def test_python_examples(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's doctests run in order in one namespace and print exactly what the page shows."""
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    parser = doctest.DocTestParser()
    for b in blocks(page):
        if b.language != "python":
            continue
        if lacking := missing(b):
            pytest.skip(f"{page.name}:{b.line} and the rest of the page need {', '.join(lacking)}")
        test = parser.get_doctest(b.body, namespace, f"{page.name}:{b.line}", str(page), b.line - 1)
        runner.run(test, clear_globs=False)
        namespace = test.globs
    assert runner.summarize(verbose=False).failed == 0


@pytest.mark.parametrize("page", with_language("console"), ids=page_ids(with_language("console")))
def test_console_examples(page: Path, tmp_path: Path) -> None:
    """Each `$ command` succeeds, silently on stderr, and prints the lines shown under it."""
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
        "COLUMNS": "88",
    }
    for b in blocks(page):
        if b.language != "console":
            continue
        if lacking := missing(b):
            pytest.skip(f"{page.name}:{b.line} and the rest of the page need {', '.join(lacking)}")
        steps = re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", b.body, re.MULTILINE)
        assert steps, f"{page.name}:{b.line}: a console block without a `$ command`"
        for command, expected in steps:
            done = subprocess.run(
                ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
            )
            where = f"{page.name}:{b.line}: $ {command}"
            assert (done.returncode, done.stderr) == (0, ""), where
            assert done.stdout == expected, where


@pytest.mark.parametrize("page", with_language("json"), ids=page_ids(with_language("json")))
def test_json_blocks_parse(page: Path) -> None:
    """Every ```json block of the page is one JSON document."""
    for b in blocks(page):
        if b.language == "json":
            json.loads(b.body)


# --- pages that promise to cover something -------------------------------------------------------

SHARED = Path(__file__).resolve().parents[2] / "shared"
AUTODOC = re.compile(r"^\.\. auto(?:function|class):: quotetrack\.(\w+)$", re.MULTILINE)


def public_names() -> set[str]:
    """The names of quotetrack.__all__ that the API reference documents (all but __version__)."""
    import quotetrack

    return set(quotetrack.__all__) - {"__version__"}


def resolvable(names: set[str]) -> set[str]:
    """The names that quotetrack can actually give (a lazy name's module may be missing)."""
    import quotetrack

    out = set()
    for name in names:
        try:
            getattr(quotetrack, name)
        except (AttributeError, ImportError):
            continue
        out.add(name)
    return out


def test_api_page_documents_the_public_api() -> None:
    """api.md has one autodoc entry for each public name that exists, and nothing else."""
    documented = AUTODOC.findall((DOCS / "api.md").read_text(encoding="utf-8"))
    assert len(documented) == len(set(documented))
    assert set(documented) == resolvable(public_names())


def test_every_public_name_exists() -> None:
    """Every name of quotetrack.__all__ resolves, so the API reference can document it."""
    assert resolvable(public_names()) == public_names()


def test_data_model_page_names_every_field() -> None:
    """data-model.md names every attrs field of the result classes, as `field`."""
    import attrs

    import quotetrack
    from quotetrack.clusters import QuoteRecord

    page = (DOCS / "data-model.md").read_text(encoding="utf-8")
    classes = [quotetrack.Article, quotetrack.Quote, quotetrack.Speaker, quotetrack.Mention, quotetrack.Span]
    classes += [quotetrack.Source, QuoteRecord, quotetrack.QuoteCluster]
    missing = [
        f"{c.__name__}.{f.name}" for c in classes for f in attrs.fields(c) if f"`{f.name}`" not in page
    ]
    assert not missing


def toml_cases(page: Path) -> list[dict[str, Any]]:
    """The golden cases written in the ```toml blocks of ``page``."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return [case for b in blocks(page) if b.language == "toml" for case in tomllib.loads(b.body)["case"]]


def test_golden_case_example_has_the_format_of_tests_cases() -> None:
    """The case shown in extending.md uses only the keys tests/test_cases.py reads, and a real rule."""
    from quotetrack.rules import CONTEXT_RULES, RULES

    expect_keys = {"kind", "text", "fragments", "speaker", "speaker_kind", "role", "mention", "cue"}
    expect_keys |= {"audience", "medium", "rule"}
    cases = toml_cases(DOCS / "extending.md")
    assert cases
    for case in cases:
        assert {"id", "text"} <= set(case) <= {"id", "text", "expect", "xfail"}
        for want in case.get("expect", []):
            assert set(want) <= expect_keys
            assert want.get("rule", RULES[0].name) in {r.name for r in (*RULES, *CONTEXT_RULES)}


def gold_example() -> dict[str, Any]:
    """The gold document shown in evaluation.md."""
    (block,) = [b for b in blocks(DOCS / "evaluation.md") if b.language == "json"]
    doc: dict[str, Any] = json.loads(block.body)
    return doc


def test_gold_example_offsets_point_into_its_text() -> None:
    """Every span of the gold example lies inside its text, and each quote covers its fragments."""
    doc = gold_example()
    text = doc["text"]
    assert isinstance(text, str)
    for q in doc["quotes"]:
        spans = [*q["fragments"], *q["speaker_spans"], q["cue_span"]]
        assert all(0 <= s < e <= len(text) and text[s:e].strip() == text[s:e] for s, e in spans)
        assert q["start"] == q["fragments"][0][0] and q["end"] == q["fragments"][-1][1]


def test_gold_example_scores_as_shown(tmp_path: Path) -> None:
    """The evaluation kit's scorer prints, for quotetrack on the gold example, the report the page shows."""
    scorer = SHARED / "eval" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"the evaluation kit ({scorer}) is not beside this checkout")
    from quotetrack.cli import main

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(gold_example(), ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["extract", "--jsonl", str(gold), "-o", str(tmp_path / "pred.jsonl")]) == 0
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(tmp_path / "pred.jsonl")],
        capture_output=True,
        text=True,
        check=True,
    )
    (shown,) = [
        b.body for b in blocks(DOCS / "evaluation.md") if b.language == "text" and "quotes_partial" in b.body
    ]
    assert done.stdout == shown
