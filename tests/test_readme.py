"""The README's examples run and print what it shows."""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[tuple[int, str]]:
    """The fenced blocks of the README in ``language``, with the line they start on."""
    text = README.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, m.start()) + 2, m.group(2))
        for m in FENCE.finditer(text)
        if m.group(1) == language
    ]


def test_set_up_is_exactly_two_commands() -> None:
    """Set up is one block: the editable install with dev extras, then pytest (.ci/run runs it)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Set up\n", 1)[1].split("\n## ", 1)[0]
    (block,) = FENCE.findall(section)
    assert block[1].splitlines() == ['python -m pip install -e ".[dev]"', "python -m pytest"]


@pytest.mark.parametrize(("line", "block"), blocks("python"))
def test_python_examples(line: int, block: str) -> None:
    """Each Python block runs as a doctest and prints exactly what the README shows."""
    test = doctest.DocTestParser().get_doctest(block, {}, f"README.md:{line}", str(README), line)
    assert test.examples, "a python block of the README shows no >>> example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


@pytest.mark.parametrize(("line", "block"), blocks("console"))
def test_console_examples(line: int, block: str, tmp_path: Path) -> None:
    """Each `$ command` of a console block succeeds and prints the lines shown under it."""
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])}
    steps = re.findall(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block, re.MULTILINE)
    assert steps
    for command, expected in steps:
        done = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        assert (done.returncode, done.stderr) == (0, ""), command
        assert done.stdout == expected, command
