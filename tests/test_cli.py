"""The command line, run in this process through main() and as ``python -m quotetrack``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotetrack import extract
from quotetrack.cli import main

JANE = "“We will not give up,” Jane Doe, a spokeswoman for the city, said on Monday.\n"
TOM = "Tom Reed said that the ferry would run again in June.\n"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m quotetrack ARGS`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "quotetrack", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
    )


def decoded(proc: subprocess.CompletedProcess[Any]) -> tuple[int, str, str]:
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def record(ident: Any, text: str) -> dict[str, Any]:
    """The output line the CLI should write for ``text``."""
    article = extract(text)
    return {
        "id": ident,
        "quotes": [q.to_dict() for q in article.quotes],
        "speakers": [s.to_dict() for s in article.speakers],
    }


@pytest.fixture
def jane(tmp_path: Path) -> Path:
    path = tmp_path / "jane.txt"
    path.write_text(JANE, encoding="utf-8")
    return path


def test_table_lists_speaker_kind_and_quote(jane: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The default table has a header and one row per quote with speaker, kind and text."""
    assert main(["extract", str(jane)]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["SPEAKER", "KIND", "QUOTE"]
    assert row.split(None, 3) == ["Jane", "Doe", "direct", "We will not give up,"]


def test_table_shortens_long_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A long quote is cut to fit the table and ends with an ellipsis."""
    words = " ".join(["again"] * 40)
    path = tmp_path / "long.txt"
    path.write_text(f"“We will try {words},” Jane Doe said.", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert row.endswith("…") and len(row) < len(words)


def test_table_says_when_nothing_is_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An article without quotations says so instead of printing an empty table."""
    path = tmp_path / "none.txt"
    path.write_text("The ferry runs every hour.", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    assert "no quotations" in capsys.readouterr().out


def test_json_format(jane: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints one JSON array with a record per file, named by its path."""
    assert main(["extract", "--format", "json", str(jane)]) == 0
    assert json.loads(capsys.readouterr().out) == [record(str(jane), JANE)]


def test_jsonl_format_keeps_file_order(
    jane: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format jsonl prints one line per file, in the order given."""
    tom = tmp_path / "tom.txt"
    tom.write_text(TOM, encoding="utf-8")
    assert main(["extract", "--format", "jsonl", str(tom), str(jane)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x) for x in lines] == [record(str(tom), TOM), record(str(jane), JANE)]


def test_csv_format(jane: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format csv writes a header and one row per quote with offsets into the text."""
    assert main(["extract", "--format", "csv", str(jane)]) == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert (row["id"], row["speaker"], row["kind"], row["cue"]) == (str(jane), "Jane Doe", "direct", "said")
    assert JANE[int(row["start"]) : int(row["end"])] == row["text"] == "We will not give up,"


def test_stdin_dash() -> None:
    """'-' reads the article from standard input."""
    code, out, err = decoded(run("extract", "--format", "jsonl", "-", stdin=JANE.encode("utf-8")))
    assert (code, err) == (0, "")
    assert json.loads(out) == record("<stdin>", JANE)


def test_stdin_dash_in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """main() reads standard input through its binary buffer, in the given encoding."""
    latin = TOM.replace("Tom", "Tomé")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(latin.encode("latin-1"))))
    assert main(["extract", "--format", "jsonl", "--encoding", "latin-1", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == record("<stdin>", latin)


def write_batch(path: Path, lines: list[Any]) -> None:
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines),
        encoding="utf-8",
    )


def test_batch_writes_one_line_per_document_in_order(tmp_path: Path) -> None:
    """--jsonl writes a line per input document, in input order, ids kept as given."""
    docs = [
        {"id": "b", "text": TOM, "outlet": "The Harbour Post"},
        {"id": 7, "text": JANE, "meta": {"title": "Pier"}},
        {"id": "a", "text": ""},
    ]
    write_batch(tmp_path / "in.jsonl", docs)
    code, out, err = decoded(run("extract", "--jsonl", "in.jsonl", "-o", "out.jsonl", cwd=tmp_path))
    assert (code, out, err) == (0, "", "")
    written = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in written] == [record(d["id"], d["text"]) for d in docs]


def test_batch_reports_bad_lines_and_writes_the_others(tmp_path: Path) -> None:
    """Each bad line is named by its number on stderr; the good ones are still written, exit status 2."""
    lines = [
        {"id": "one", "text": JANE},
        '{"id": "two", "text": ',
        ["not", "an", "object"],
        {"text": "no id here"},
        {"id": "four"},
        {"id": "five", "text": 5},
        "",
        {"id": "six", "text": TOM},
    ]
    write_batch(tmp_path / "in.jsonl", lines)
    code, _, err = decoded(run("extract", "--jsonl", "in.jsonl", "-o", "out.jsonl", cwd=tmp_path))
    assert code == 2
    reported = [line.split(":")[1] for line in err.splitlines() if line.startswith("in.jsonl:")]
    assert reported == ["2", "3", "4", "5", "6"]
    assert "Traceback" not in err
    written = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x) for x in written] == [record("one", JANE), record("six", TOM)]


def test_batch_line_in_another_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A line that is not UTF-8 is reported with a hint about --encoding; a byte-order mark is fine."""
    good = json.dumps({"id": "ok", "text": TOM}).encode("utf-8")
    bad = json.dumps({"id": "bad", "text": "Tomé"}, ensure_ascii=False).encode("latin-1")
    (tmp_path / "in.jsonl").write_bytes(b"\xef\xbb\xbf" + good + b"\n" + bad + b"\n")
    assert main(["extract", "--jsonl", str(tmp_path / "in.jsonl")]) == 2
    out, err = capsys.readouterr()
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["ok"]
    assert f"{tmp_path / 'in.jsonl'}:2:" in err and "--encoding" in err


def test_processes_do_not_change_the_output(tmp_path: Path) -> None:
    """Two worker processes write exactly what one process writes."""
    docs = [{"id": f"d{i}", "text": (JANE, TOM)[i % 2] * (1 + i % 3)} for i in range(20)]
    write_batch(tmp_path / "in.jsonl", docs)
    for n in ("1", "2"):
        code, _, err = decoded(
            run("extract", "--jsonl", "in.jsonl", "-o", f"out{n}.jsonl", "--processes", n, cwd=tmp_path)
        )
        assert (code, err) == (0, "")
    assert (tmp_path / "out1.jsonl").read_text() == (tmp_path / "out2.jsonl").read_text()


def test_missing_file(tmp_path: Path) -> None:
    """A missing file gives a one-line message naming it and exit status 2, no traceback."""
    code, _, err = decoded(run("extract", str(tmp_path / "nowhere.txt")))
    assert code == 2
    assert "nowhere.txt" in err and "Traceback" not in err


def test_missing_file_does_not_stop_the_others(
    jane: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The files that can be read are still extracted when another one is missing."""
    assert main(["extract", "--format", "jsonl", str(tmp_path / "nowhere.txt"), str(jane)]) == 2
    out, err = capsys.readouterr()
    assert [json.loads(x) for x in out.splitlines()] == [record(str(jane), JANE)]
    assert "nowhere.txt" in err


def test_non_utf8_file_names_it_and_suggests_encoding(tmp_path: Path) -> None:
    """A Latin-1 file read as UTF-8 is refused with its name and a hint; --encoding reads it."""
    path = tmp_path / "latin.txt"
    text = "“Nous reviendrons,” said José Ruiz."
    path.write_bytes(text.encode("cp1252"))
    code, _, err = decoded(run("extract", str(path)))
    assert code == 2
    assert "latin.txt" in err and "--encoding" in err and "Traceback" not in err
    code, out, err = decoded(run("extract", "--encoding", "cp1252", "--format", "jsonl", str(path)))
    assert (code, err) == (0, "")
    assert json.loads(out) == record(str(path), text)


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "a.txt", "--jsonl", "in.jsonl"],
        ["extract", "--encoding", "no-such-codec", "a.txt"],
        ["extract", "--jsonl", "missing.jsonl"],
        ["extract", "--jsonl", "in.jsonl", "-o", "no/such/dir/out.jsonl"],
    ],
)
def test_usage_errors_exit_2_with_a_message(args: list[str], tmp_path: Path) -> None:
    """Wrong arguments and unwritable outputs give a message on stderr and exit status 2."""
    write_batch(tmp_path / "in.jsonl", [{"id": "x", "text": TOM}])
    (tmp_path / "a.txt").write_text(TOM, encoding="utf-8")
    code, out, err = decoded(run(*args, cwd=tmp_path))
    assert code == 2 and out == ""
    assert err.strip() and "Traceback" not in err


def test_missing_output_directory_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o into a directory that does not exist names that directory."""
    write_batch(tmp_path / "in.jsonl", [{"id": "x", "text": TOM}])
    out = tmp_path / "nope" / "out.jsonl"
    assert main(["extract", "--jsonl", str(tmp_path / "in.jsonl"), "-o", str(out)]) == 2
    assert str(tmp_path / "nope") in capsys.readouterr().err


def test_version() -> None:
    """--version prints the package version."""
    import quotetrack

    code, out, _ = decoded(run("--version"))
    assert (code, out.split()) == (0, ["quotetrack", quotetrack.__version__])


@pytest.mark.parametrize("name", ["examples/kyiv-attack.gold.jsonl", "data/polnear-dev.jsonl"])
def test_shared_gold_files_score(name: str, tmp_path: Path) -> None:
    """The batch output of the shared gold files is read by the shared scorer."""
    gold = SHARED / name
    if not gold.is_file():
        pytest.skip(f"{gold} is not beside this checkout")
    code, _, err = decoded(run("extract", "--jsonl", str(gold), "-o", str(tmp_path / "pred.jsonl")))
    assert (code, err) == (0, "")
    scored = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            str(gold),
            str(tmp_path / "pred.jsonl"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert scored.returncode == 0, scored.stderr
    predicted = [json.loads(x) for x in (tmp_path / "pred.jsonl").read_text(encoding="utf-8").splitlines()]
    with gold.open(encoding="utf-8") as f:
        gold_ids = [json.loads(line)["id"] for line in f if line.strip()]
    assert [p["id"] for p in predicted] == gold_ids
    scores = json.loads(scored.stdout)
    assert scores["documents"] == len(gold_ids)
    assert scores["pred_quotes"] == sum(len(p["quotes"]) for p in predicted)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch counts documents on stderr when it is a terminal, and says nothing when it is not."""
    write_batch(tmp_path / "in.jsonl", [{"id": i, "text": TOM} for i in range(3)])
    args = ["extract", "--jsonl", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl")]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(args) == 0
    assert terminal.getvalue().endswith("\r3 documents\n")
    plain = io.StringIO()
    monkeypatch.setattr(sys, "stderr", plain)
    assert main(args) == 0
    assert plain.getvalue() == ""
