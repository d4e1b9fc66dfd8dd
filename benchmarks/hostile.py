"""Time quotetrack on hostile input: seconds per million characters, and how time grows.

Run from the repository root::

    .venv/bin/python benchmarks/hostile.py                  # every input at 1 MB
    .venv/bin/python benchmarks/hostile.py --size 200000    # smaller
    .venv/bin/python benchmarks/hostile.py --only marks,nul # some inputs
    .venv/bin/python benchmarks/hostile.py --html           # extract_html on hostile pages

Each input is timed in a fresh process at a quarter of the size and at the full
size, under ``--timeout`` seconds each, after a warm-up extraction (lexicons and
Punkt load once per process). The table gives seconds per million characters
at full size against the 5 s target, and the exponent k of time ~ size**k
between the two sizes (about 1 is linear, about 2 quadratic). An input that
times out is reported with the size it was given. Figures depend on the machine
and its load, which is printed with them.

The same inputs (smaller) are checked for soundness by tests/test_hostile.py;
no test asserts a time.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable

TARGET_S_PER_MB = 5.0
MARKS = "\"'“”‘’„‚«»‹›「」『』`"
SAID = "“We will not give up,” Jane Doe said on Monday."


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _random(pieces: list[str], seed: int = 0) -> Callable[[int], str]:
    def make(n: int) -> str:
        rnd = random.Random(seed)
        out: list[str] = []
        size = 0
        while size < n:
            p = rnd.choice(pieces)
            out.append(p)
            size += len(p)
        return "".join(out)[:n]

    return make


#: name -> a function of the size in characters that returns the text.
TEXTS: dict[str, Callable[[int], str]] = {
    "white space only": _repeat(" \t\n "),
    "mixed quote marks": _random(list(MARKS)),
    "marks each after a letter": _random([m + "a" for m in MARKS]),
    "straight quote after a letter": _repeat('"a'),
    "only opening marks": _repeat("“"),
    "deep nesting “‘“‘": _repeat("“‘"),
    "deep nesting with words": _repeat("“a ‘b "),
    "openers then other closers": lambda n: _repeat("“a ")(n // 2) + _repeat("b» ")(n - n // 2),
    "no space": _repeat("x"),
    "no space, punctuation": _repeat("a.b,c;“d”"),
    "no punctuation": _repeat("word "),
    "no punctuation, names and cues": _repeat("Jane Doe said "),
    "NUL bytes": _repeat("a\x00b “c\x00” "),
    "lone surrogates": _repeat("\ud800 said “x\udfff” "),
    "CR-only line ends": _repeat(SAID + "\r"),
    "CRLF line ends": _repeat(SAID + "\r\n"),
    "one-letter lines": _repeat("a\n"),
    "bidi and zero-width": _repeat("\u202e“We\u2066 will\u200b go,”\ufeff Jane Doe said. "),
    "HTML markup as text": _repeat(
        '<p class="x">“We &amp; go,” <b>Jane</b> said.</p><script>var a="<p>";</script>\n'
    ),
    "marks and cue words": _random(
        [*"“”\"'‘’«»", " said ", " according to ", ": ", " — ", "Jane Doe", " he ", "\n", ", ", ". ", "word "]
    ),
    "dense sentence ends '. '": _repeat(". "),
    "dense sentence ends 'Ab. '": _repeat("Ab. "),
    "one short sentence per line": _repeat("a. b\n"),
    "exclamations '!!!! '": _repeat("!!!! "),
    "acronym-like dots a.a.a…a": lambda n: _repeat("a.")(n - 1) + "a",
    "a quote per clause": _repeat("“We go,” he said, "),
    "news-like sentences": _repeat(SAID + " Tom Reed said that the pier would reopen in May. "),
}

#: Hostile pages for extract_html.
PAGES: dict[str, Callable[[int], str]] = {
    "'<' only": _repeat("<"),
    "'<a' unclosed tags": _repeat("<a"),
    "'</' unclosed end tags": _repeat("</"),
    "'<?' unclosed": _repeat("<?"),
    "'<![CDATA[' unclosed": _repeat("<![CDATA["),
    "'<!--' unclosed comment": lambda n: "<!--" + _repeat("a")(n - 4),
    "unclosed <script>": _repeat("<script>a<"),
    "'&' and entities": _repeat("&amp;&#8220;&x&#;&"),
    "unclosed attribute quotes": _repeat('<a href="x>text '),
    "many small tags": _repeat("<b>x</b> "),
    "news-like page": _repeat(f"<p>{SAID}</p>\n<div>Tom Reed said that the pier would reopen.</div>\n"),
}


def _one(name: str, size: int, html: bool) -> float:
    """Time one extraction in this process (called in a child process)."""
    import quotetrack

    quotetrack.extract("Warm up. “We will not give up,” Jane Doe said.")
    text = (PAGES if html else TEXTS)[name](size)
    run = quotetrack.extract_html if html else quotetrack.extract
    start = time.perf_counter()
    run(text)
    return time.perf_counter() - start


def _timed(name: str, size: int, html: bool, timeout: float) -> float | None:
    """Seconds for one extraction in a fresh process, or None past ``timeout``."""
    cmd = [sys.executable, __file__, "--child", name, "--size", str(size)] + (["--html"] if html else [])
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as err:
        raise SystemExit(f"{name}: the child process failed:\n{err.stderr}") from None
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--size", type=int, default=1_000_000, help="characters per input (default 1,000,000)"
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per run (default 120)")
    parser.add_argument("--only", default="", help="comma-separated input names (substrings match)")
    parser.add_argument("--html", action="store_true", help="time extract_html on hostile pages")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(_one(args.child, args.size, args.html))
        return

    table = PAGES if args.html else TEXTS
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    names = [n for n in table if not wanted or any(w in n for w in wanted)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    what = "extract_html" if args.html else "extract"
    print(
        f"{what} on hostile input, {args.size:,} characters; load average {load:.2f}; target {TARGET_S_PER_MB} s/M"
    )
    print(f"{'input':34} {'s (1/4 size)':>12} {'s (full)':>10} {'s per M':>8} {'k':>5}  verdict")
    failures = 0
    for name in names:
        quarter = _timed(name, args.size // 4, args.html, args.timeout)
        full = _timed(name, args.size, args.html, args.timeout) if quarter is not None else None
        if full is None:
            size = args.size // 4 if quarter is None else args.size
            print(
                f"{name:34} {_fmt(quarter):>12} {_fmt(full):>10} {'':>8} {'':>5}  TIMEOUT at {size:,} chars"
            )
            failures += 1
            continue
        per_m = full * 1_000_000 / args.size
        k = math.log(max(full, 1e-3) / max(quarter or 0.0, 1e-3)) / math.log(4)
        ok = per_m < TARGET_S_PER_MB
        failures += not ok
        print(
            f"{name:34} {_fmt(quarter):>12} {full:>10.2f} {per_m:>8.2f} {k:>5.2f}  {'ok' if ok else 'TOO SLOW'}"
        )
    raise SystemExit(1 if failures else 0)


def _fmt(seconds: float | None) -> str:
    return "timeout" if seconds is None else f"{seconds:.2f}"


if __name__ == "__main__":
    main()
