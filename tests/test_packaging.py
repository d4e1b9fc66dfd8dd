"""The built wheel: it carries the lexicons, the type marker and the console script."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """A wheel built from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    # Without network access an isolated build cannot fetch hatchling; use the installed one if any.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", *isolation, "-w", str(out), str(ROOT)],
        check=True,
    )
    (path,) = out.glob("quotetrack-*.whl")
    return zipfile.ZipFile(path)


@pytest.mark.slow
def test_wheel_holds_every_lexicon_and_py_typed(wheel: zipfile.ZipFile) -> None:
    """Every lexicon file of the source tree and py.typed are inside the wheel."""
    names = set(wheel.namelist())
    lexicons = {f"quotetrack/lexicons/{p.name}" for p in (ROOT / "quotetrack" / "lexicons").glob("*.txt")}
    assert lexicons and lexicons <= names
    assert "quotetrack/py.typed" in names


@pytest.mark.slow
def test_wheel_declares_the_console_script(wheel: zipfile.ZipFile) -> None:
    """The wheel installs a `quotetrack` command that runs quotetrack.cli:main."""
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "quotetrack = quotetrack.cli:main" in wheel.read(entry_points).decode("utf-8")
