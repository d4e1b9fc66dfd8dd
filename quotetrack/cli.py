"""The command line: ``quotetrack extract``.

Reads plain-text articles (files or standard input) or a JSON Lines batch and
writes who said what as a table, JSON, JSON Lines or CSV. Problems with the
input are reported on standard error, one line each, and give exit status 2;
the documents that can be read are still written, in input order.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import json
import os
import sys
import textwrap
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, nullcontext
from typing import IO, Any

from ._text import dumps
from ._version import __version__
from .model import Article

__all__ = ["main"]

FORMATS = ("table", "json", "jsonl", "csv")
#: Exit status when anything could not be read or written.
EXIT_ERROR = 2
_STDIN = "<stdin>"
#: One input document: its id as given, its text, its other fields.
_Doc = tuple[Any, str, dict[str, Any]]


class _Fail(Exception):
    """A problem that stops the run; its message is printed without a traceback."""


class _Skip(Exception):
    """A problem with one document; it is reported and the run goes on."""


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return n


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotetrack", description="Find quotations in news text and who said them."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser(
        "extract",
        help="extract the quotations of articles",
        description="Extract the quotations of plain-text articles, or of a JSON Lines batch.",
        epilog="examples:\n  quotetrack extract article.txt\n"
        "  quotetrack extract --jsonl articles.jsonl -o quotes.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("files", nargs="*", metavar="FILE", help="plain-text articles; - reads standard input")
    ex.add_argument(
        "--jsonl",
        metavar="IN.jsonl",
        help="a batch: one JSON object a line with 'id' and 'text' (other keys are kept as metadata)",
    )
    ex.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    ex.add_argument("--format", choices=FORMATS, help="output format (default: table, or jsonl with --jsonl)")
    ex.add_argument("--encoding", default="utf-8", help="encoding of the input (default: utf-8)")
    ex.add_argument(
        "--processes", type=_positive, default=1, metavar="N", help="worker processes (default: 1)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return _extract(args)
    except _Fail as e:
        print(f"quotetrack: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


class _Report:
    """Problems and progress on standard error."""

    def __init__(self, progress: bool) -> None:
        self.problems = 0
        self.progress = progress and sys.stderr.isatty()
        self._line = False  # a progress line is showing

    def problem(self, message: str) -> None:
        self.problems += 1
        if self._line:
            sys.stderr.write("\r\x1b[K")
            self._line = False
        print(message, file=sys.stderr)

    def done(self, n: int) -> None:
        if self.progress:
            sys.stderr.write(f"\r{n} documents")
            sys.stderr.flush()
            self._line = True

    def close(self) -> None:
        if self._line:
            sys.stderr.write("\n")


def _extract(args: argparse.Namespace) -> int:
    if bool(args.files) == bool(args.jsonl):
        raise _Fail("give either FILE... (- for standard input) or --jsonl IN.jsonl, not both or neither")
    try:
        codecs.lookup(args.encoding)
    except LookupError:
        raise _Fail(f"unknown encoding {args.encoding!r} (try utf-8, latin-1 or cp1252)") from None
    report = _Report(progress=bool(args.jsonl))
    with ExitStack() as stack:
        if args.jsonl:
            batch = stack.enter_context(_open_input(args.jsonl))
            docs = _jsonl_documents(batch, _name(args.jsonl), args.encoding, report)
        else:
            docs = _file_documents(args.files, args.encoding, report)
        out = stack.enter_context(_open_output(args.output, args.jsonl))
        fmt = args.format or ("jsonl" if args.jsonl else "table")
        writer = _Writer(out, fmt, headings=bool(args.jsonl) or len(args.files) > 1)
        n = _run(docs, writer, args.processes, report)
        writer.close()
        report.close()
    if report.problems:
        print(f"quotetrack: {report.problems} of {report.problems + n} documents skipped", file=sys.stderr)
        return EXIT_ERROR
    return 0


def _run(docs: Iterator[_Doc], writer: _Writer, processes: int, report: _Report) -> int:
    from .parallel import extract_many

    # extract_many turns ids into str; the deque keeps them as the input gave them.
    ids: deque[Any] = deque()

    def items() -> Iterator[dict[str, Any]]:
        for ident, text, metadata in docs:
            ids.append(ident)
            yield {**metadata, "id": ident, "text": text}

    n = 0
    for article in extract_many(items(), processes=processes):
        writer.write(ids.popleft(), article)
        n += 1
        report.done(n)
    return n


def _name(path: str) -> str:
    return _STDIN if path == "-" else path


def _open_input(path: str) -> AbstractContextManager[IO[bytes]]:
    if path == "-":
        return nullcontext(sys.stdin.buffer)  # not closed: it belongs to the process
    try:
        return open(path, "rb")
    except OSError as e:
        raise _Fail(f"cannot read {path}: {e.strerror}") from None


def _open_output(path: str | None, source: str | None) -> AbstractContextManager[IO[str]]:
    if path is None or path == "-":
        return nullcontext(sys.stdout)
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise _Fail(f"cannot write {path}: the directory {folder} does not exist")
    if source and source != "-" and os.path.exists(path) and os.path.samefile(path, source):
        raise _Fail(f"the output {path} is the input; write somewhere else")
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as e:
        raise _Fail(f"cannot write {path}: {e.strerror}") from None


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise _Skip(
            f"not valid {encoding} text (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "give its encoding with --encoding, e.g. --encoding latin-1"
        ) from None


def _file_documents(paths: Sequence[str], encoding: str, report: _Report) -> Iterator[_Doc]:
    for path in paths:
        try:
            with _open_input(path) as f:
                data = f.read()
            yield _name(path), _decode(data, encoding), {}
        except _Fail as e:
            report.problem(f"quotetrack: {e}")
        except _Skip as e:
            report.problem(f"quotetrack: {path}: {e}")


def _jsonl_documents(f: IO[bytes], name: str, encoding: str, report: _Report) -> Iterator[_Doc]:
    for n, raw in enumerate(f, 1):
        try:
            line = _decode(raw, encoding)
            if n == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                record = json.loads(line.rstrip())
            except json.JSONDecodeError as e:
                raise _Skip(f"not valid JSON ({e.msg} at column {e.colno})") from None
            yield _check_record(record)
        except _Skip as e:
            report.problem(f"{name}:{n}: {e}; line skipped")


def _check_record(record: Any) -> _Doc:
    if not isinstance(record, dict):
        raise _Skip(f"expected a JSON object with 'id' and 'text', got {type(record).__name__}")
    ident = record.pop("id", None)
    if ident is None:
        raise _Skip("no 'id'")
    if not isinstance(ident, (str, int)) or isinstance(ident, bool):
        raise _Skip(f"'id' must be a string or a whole number, not {type(ident).__name__}")
    if "text" not in record:
        raise _Skip("no 'text'")
    text = record.pop("text")
    if not isinstance(text, str):
        raise _Skip(f"'text' must be a string, not {type(text).__name__}")
    return ident, text, record


def _record(ident: Any, article: Article) -> dict[str, Any]:
    return {
        "id": ident,
        "quotes": [q.to_dict() for q in article.quotes],
        "speakers": [s.to_dict() for s in article.speakers],
    }


_CSV_FIELDS = (
    "id",
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_kind",
    "role",
    "mention",
    "cue",
    "confidence",
    "rule",
    "text",
)


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class _Writer:
    """Writes articles as they come, in one of :data:`FORMATS`."""

    def __init__(self, out: IO[str], fmt: str, headings: bool) -> None:
        self.out = out
        self.fmt = fmt
        self.headings = headings
        self.count = 0
        self.csv = csv.writer(out, lineterminator="\n")
        if fmt == "csv":
            self.csv.writerow(_CSV_FIELDS)
        elif fmt == "json":
            out.write("[")
        elif fmt == "table":
            out.write(self._row("SPEAKER", "KIND", "QUOTE"))

    @staticmethod
    def _row(speaker: str, kind: str, quote: str) -> str:
        return f"{_shorten(speaker, 24):<24}  {kind:<8}  {_shorten(quote, 60)}\n"

    def write(self, ident: Any, article: Article) -> None:
        self.count += 1
        if self.fmt == "jsonl":
            self.out.write(dumps(_record(ident, article)) + "\n")
        elif self.fmt == "json":
            body = textwrap.indent(dumps(_record(ident, article), indent=2), "  ")
            self.out.write(("\n" if self.count == 1 else ",\n") + body)
        elif self.fmt == "csv":
            for q in article.quotes:
                sp = q.speaker
                self.csv.writerow(
                    (
                        ident,
                        q.start,
                        q.end,
                        q.kind,
                        sp and sp.name,
                        sp and sp.kind,
                        sp and sp.role,
                        q.mention and q.mention.text,
                        q.cue and q.cue.text,
                        q.confidence,
                        q.rule,
                        q.text,
                    )
                )
        else:
            if self.headings:
                self.out.write(f"# {ident}\n")
            for q in article.quotes:
                self.out.write(self._row(q.speaker.name if q.speaker else "-", q.kind, q.text))
            if not article.quotes:
                self.out.write("(no quotations found)\n")

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
