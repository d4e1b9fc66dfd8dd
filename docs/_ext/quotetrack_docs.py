"""Sphinx directives that render tables from quotetrack's own data, so the docs cannot drift.

``rule-table``
    The attribution rules of :data:`quotetrack.rules.RULES` (argument ``RULES``) or
    :data:`quotetrack.rules.CONTEXT_RULES` (argument ``CONTEXT_RULES``), in order: name,
    base confidence, what the rule matches, its example, and what quotetrack extracts from
    that example right now.
``quote-marks``
    The quote-mark table :data:`quotetrack.marks.PAIRS`, with each mark's Unicode name.
``command-help``
    The ``--help`` text of a quotetrack command (arguments: the words after ``quotetrack``),
    from running it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import quotetrack
from quotetrack import marks, rules

#: Terminal width for generated help texts (argparse wraps to it).
HELP_COLUMNS = 88


def _paragraph(*children: nodes.Node) -> nodes.paragraph:
    para = nodes.paragraph()
    para.extend(children)
    return para


def _cell(content: nodes.Node | str) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(content, str):
        content = _paragraph(nodes.Text(content))
    entry += content
    return entry


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[nodes.Node | str]], widths: Sequence[int]
) -> nodes.table:
    """A docutils table: one header row, then ``rows`` (each cell a node or plain text)."""
    table = nodes.table(classes=["quotetrack-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += nodes.row("", *(_cell(h) for h in headers))
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += nodes.row("", *(_cell(c) for c in cells))
    return table


def _describe(q: quotetrack.Quote, text: str) -> str:
    """One extracted quote in two lines: rule, kind, confidence, speaker and cue; its fragments."""
    who = "nobody named"
    if q.speaker is not None:
        who = q.speaker.name + (f" ({q.speaker.role})" if q.speaker.role else "")
        if q.mention is not None and q.mention.text != q.speaker.name:
            who += f", named as “{q.mention.text}”"
    cue = f", cue “{q.cue.text}”" if q.cue is not None else ""
    fragments = " … ".join(f.slice(text) for f in q.fragments)
    return f"{q.rule}: {q.kind}, {q.confidence:.2f}, {who}{cue}\n    {fragments}"


class RuleTable(SphinxDirective):
    """``.. rule-table:: RULES`` or ``.. rule-table:: CONTEXT_RULES``."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in {"RULES", "CONTEXT_RULES"}:
            raise self.error(f"rule-table takes RULES or CONTEXT_RULES, not {name!r}")
        self.env.note_dependency(rules.__file__)
        table: tuple[rules.Rule, ...] = getattr(rules, name)
        out: list[nodes.Node] = []
        for number, rule in enumerate(table, 1):
            section_id = nodes.make_id(f"rule-{rule.name}")
            title = nodes.rubric(ids=[section_id])
            title += nodes.Text(f"{number}. ")
            title += nodes.literal(text=rule.name)
            title += nodes.Text(f" — base confidence {rule.confidence:.2f}")
            out.append(title)
            # The first docstring line is reStructuredText (``literal`` words).
            holder = nodes.container()
            self.state.nested_parse(StringList([rule.doc], rules.__file__), self.content_offset, holder)
            out.extend(holder.children)
            out.append(_paragraph(nodes.emphasis(text="Example")))
            out.append(nodes.literal_block(rule.example, rule.example, language="text"))
            article = quotetrack.extract(rule.example)
            extracted = (
                "\n".join(_describe(q, article.text) for q in article.quotes) or "(no quotation found)"
            )
            out.append(_paragraph(nodes.emphasis(text="What quotetrack extracts from it")))
            out.append(nodes.literal_block(extracted, extracted, language="text"))
        return out


def _mark(text: str) -> nodes.Node:
    names = ", ".join(unicodedata.name(c, f"U+{ord(c):04X}") for c in text)
    para = _paragraph(nodes.literal(text=text))
    para += nodes.Text(f" ({names})")
    return para


class QuoteMarks(SphinxDirective):
    """``.. quote-marks::``: the rows of :data:`quotetrack.marks.PAIRS`."""

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(marks.__file__)
        rows = []
        for pair in marks.PAIRS:
            closers = marks.OPENERS[pair.opener]
            rows.append(
                [
                    _mark(pair.opener),
                    nodes.container("", *(_mark(c) for c in closers)),
                    pair.family,
                    pair.usage,
                ]
            )
        return [_table(["Opens", "Closed by", "Family", "Used in"], rows, [25, 40, 10, 25])]


class CommandHelp(SphinxDirective):
    """``.. command-help:: extract``: the output of ``quotetrack extract --help``."""

    optional_arguments = 5

    def run(self) -> list[nodes.Node]:
        command = [sys.executable, "-m", "quotetrack", *self.arguments, "--help"]
        env = {**os.environ, "COLUMNS": str(HELP_COLUMNS)}
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            raise self.error(f"{' '.join(command[2:])} failed ({done.returncode}): {done.stderr}")
        shown = "$ quotetrack " + " ".join([*self.arguments, "--help"]) + "\n" + done.stdout
        return [nodes.literal_block(shown, shown, language="text")]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("rule-table", RuleTable)
    app.add_directive("quote-marks", QuoteMarks)
    app.add_directive("command-help", CommandHelp)
    return {"version": quotetrack.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
