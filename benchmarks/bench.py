"""Speed and scale benchmark for quotetrack.

Run from the repository root::

    .venv/bin/python benchmarks/bench.py                 # PolNeAR dev texts, readable tables
    .venv/bin/python benchmarks/bench.py PATH --json     # any JSONL file with a "text" field
    .venv/bin/python benchmarks/bench.py --quick          # smaller scale checks

It reports, against the targets of the "Speed and scale" issue:

* chars/s on one core over the texts, for the whole extraction and per stage
  (timed by wrapping ``quotetrack.pipeline``'s functions in this process only),
* peak RSS of a fresh process that imports quotetrack and extracts the texts,
* ``import quotetrack`` wall time in fresh processes (median),
* the speed-up of ``extract_many`` from one process to two,
* linear-cost checks on a synthetic ~10 MB article and on hostile inputs,
  each timed at 1/64, 1/16, 1/4 and full size (a size is skipped when the
  trend predicts it would take longer than ``--budget`` seconds).

Figures depend on the machine and on what else runs on it: the load average
is printed with them.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"

TARGET_CHARS_PER_S = 1_000_000
TARGET_RSS_MB = 60.0
TARGET_IMPORT_MS = 150.0
TARGET_SPEEDUP = 1.8  # "near-linear" from one process to two
FLOOR_CHARS_PER_S = 200_000  # below this, a scale case is flagged
MAX_EXPONENT = 1.25  # time ~ size**k; above this, a scale case is flagged as superlinear

# (label, function name in quotetrack.pipeline, group)
STAGES = (
    ("tokenizer", "split", "tokenizer"),
    ("quote finder", "find_quoted", "quote finder"),
    ("matcher: units", "make_units", "matcher"),
    ("matcher: frames", "_unit_frames", "matcher"),
    ("matcher: context rules", "_context_rules", "matcher"),
    ("resolution (+ model)", "_build", "resolution"),
)


def load_texts(path: Path) -> list[str]:
    """The ``text`` of every line of a JSONL file."""
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


# ---------------------------------------------------------------------------
# One core: whole extraction and stages


@contextmanager
def stage_timers() -> Iterator[dict[str, float]]:
    """Wrap the pipeline's stage functions with timers for the duration of the block."""
    from quotetrack import pipeline

    totals: dict[str, float] = {}
    saved: dict[str, Callable[..., Any]] = {}

    def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                totals[label] = totals.get(label, 0.0) + time.perf_counter() - t

        return wrapper

    for label, name, _ in STAGES:
        fn = getattr(pipeline, name, None)
        if fn is None:
            print(
                f"warning: quotetrack.pipeline.{name} is gone; stage {label!r} is not timed", file=sys.stderr
            )
            continue
        saved[name] = fn
        setattr(pipeline, name, timed(label, fn))
    try:
        yield totals
    finally:
        for name, fn in saved.items():
            setattr(pipeline, name, fn)


def one_core(texts: list[str], repeat: int) -> dict[str, Any]:
    """Whole-extraction and per-stage throughput in this process."""
    from quotetrack import extract

    chars = sum(map(len, texts))
    t = time.perf_counter()
    for x in texts:
        extract(x)
    cold = time.perf_counter() - t
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        for x in texts:
            extract(x)
        runs.append(time.perf_counter() - t)
    best = min(runs)
    stage_runs = []
    for _ in range(repeat):
        with stage_timers() as totals:
            t = time.perf_counter()
            for x in texts:
                extract(x)
            totals["(whole, timers on)"] = time.perf_counter() - t
        stage_runs.append(dict(totals))
    stages = min(stage_runs, key=lambda d: d["(whole, timers on)"])
    whole_timed = stages.pop("(whole, timers on)")
    stages["other (run loop, Article)"] = max(0.0, whole_timed - sum(stages.values()))
    groups: dict[str, float] = {}
    for label, _, group in STAGES:
        groups[group] = groups.get(group, 0.0) + stages.get(label, 0.0)
    return {
        "texts": len(texts),
        "chars": chars,
        "cold_first_pass_s": cold,
        "seconds": best,
        "median_seconds": statistics.median(runs),
        "chars_per_s": chars / best,
        "stages": {k: {"seconds": v, "chars_per_s": chars / v if v else None} for k, v in stages.items()},
        "groups": {k: {"seconds": v, "chars_per_s": chars / v if v else None} for k, v in groups.items()},
        "stage_timer_overhead_s": whole_timed - best,
    }


# ---------------------------------------------------------------------------
# Fresh processes: memory and import time

_RSS_SCRIPT = """
import json, resource, sys
scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
import quotetrack
imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
quotes = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            quotes += len(quotetrack.extract(json.loads(line)["text"]).quotes)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
print(json.dumps({"interpreter": base, "after_import": imported, "peak": peak, "quotes": quotes}))
"""

_IMPORT_SCRIPT = """
import time
t = time.perf_counter()
import quotetrack
print(time.perf_counter() - t)
"""


def fresh_memory(path: Path) -> dict[str, Any]:
    """Peak RSS (MB) of a fresh process that imports quotetrack and extracts every text of ``path``."""
    out = subprocess.run(
        [sys.executable, "-c", _RSS_SCRIPT, str(path)], capture_output=True, text=True, check=True
    )
    d = json.loads(out.stdout)
    mb = 1024 * 1024
    return {
        "interpreter_mb": d["interpreter"] / mb,
        "after_import_mb": d["after_import"] / mb,
        "peak_mb": d["peak"] / mb,
        "quotes": d["quotes"],
    }


def fresh_import(runs: int) -> dict[str, Any]:
    """``import quotetrack`` time (ms) in ``runs`` fresh processes, and whole process wall time."""
    inside, whole = [], []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", _IMPORT_SCRIPT], capture_output=True, text=True, check=True
        )
        whole.append((time.perf_counter() - t) * 1000)
        inside.append(float(out.stdout) * 1000)
    return {
        "runs": runs,
        "median_ms": statistics.median(inside),
        "min_ms": min(inside),
        "max_ms": max(inside),
        "process_wall_median_ms": statistics.median(whole),
    }


# ---------------------------------------------------------------------------
# Several processes


def parallel(texts: list[str], copies: int, start_method: str | None, runs: int) -> dict[str, Any]:
    """extract_many with one and with two processes over ``copies`` copies of the texts (best of ``runs``).

    Wall time includes starting the pool. The speed-up is the gain in cores
    used (CPU seconds per wall second, fewer when other programs hold the
    cores) divided by the extra CPU time the parallel machinery costs.
    """
    from quotetrack.parallel import extract_many

    work = texts * copies
    chars = sum(map(len, work))
    out: dict[str, Any] = {
        "copies": copies,
        "chars": chars,
        "start_method": start_method or "default",
        "runs": runs,
    }
    best: dict[int, tuple[float, float]] = {}
    for _ in range(runs):
        for n in (1, 2):
            before = os.times()
            t = time.perf_counter()
            count = sum(1 for _ in extract_many(work, processes=n, start_method=start_method))
            wall = time.perf_counter() - t
            after = os.times()
            assert count == len(work)
            cpu = sum(after[:4]) - sum(before[:4])  # user + system, self + children
            best[n] = min(best.get(n, (math.inf, 0.0)), (wall, cpu))
    for n, (wall, cpu) in best.items():
        # cores_used: CPU seconds per wall second; below n when other programs hold the cores.
        out[f"p{n}"] = {
            "seconds": wall,
            "chars_per_s": chars / wall,
            "cpu_seconds": cpu,
            "cores_used": cpu / wall,
        }
    out["speedup"] = out["p1"]["seconds"] / out["p2"]["seconds"]
    out["cpu_overhead"] = out["p2"]["cpu_seconds"] / out["p1"]["cpu_seconds"] - 1
    return out


# ---------------------------------------------------------------------------
# Linear-cost checks

_FIRST = ["Mara", "Tobias", "Ilse", "Quentin", "Odile", "Ravi", "Selma", "Bruno", "Nadia", "Felix"]
_LAST = ["Quist", "Renn", "Varga", "Holloway", "Abara", "Lindqvist", "Moreau", "Okafor", "Petrov", "Sand"]
_ROLES = [
    "a spokeswoman for the port authority",
    "the head of the water board",
    "a senior engineer at the mill",
    "the mayor of a river town",
    "a union organiser",
]
_ORGS = ["the port authority", "the water board", "the regional council", "the rail union"]
_SUBJ = ["the new bridge", "the harvest", "the night trains", "the old library", "the flood barrier"]
_PRED = [
    "will open before the winter",
    "has cost more than anyone planned",
    "needs another careful look",
    "is safe for the people who use it",
    "was never meant to last this long",
]
_NARR = [
    "Work crews arrived at dawn and stayed until the light went.",
    "The council met twice in March to discuss the budget.",
    "Few residents came to the second hearing.",
    "Rain delayed the survey by three weeks.",
]


def synthetic_article(size: int, seed: int = 7) -> str:
    """An invented news-like article of about ``size`` characters, with quotes in common layouts."""
    rng = random.Random(seed)
    paras: list[str] = []
    total = 0
    while total < size:
        sents = []
        for _ in range(rng.randint(1, 4)):
            name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            claim = f"{rng.choice(_SUBJ)} {rng.choice(_PRED)}"
            pattern = rng.randrange(6)
            if pattern == 0:
                sents.append(f"“{claim.capitalize()},” {name} said.")
            elif pattern == 1:
                sents.append(f"{name}, {rng.choice(_ROLES)}, said that {claim}.")
            elif pattern == 2:
                sents.append(f"“{claim.capitalize()}.” she added. “We told them so.”")
            elif pattern == 3:
                sents.append(f"According to {rng.choice(_ORGS)}, {claim}.")
            elif pattern == 4:
                sents.append(f"{name} told reporters on Monday: “{claim.capitalize()}.”")
            else:
                sents.append(rng.choice(_NARR))
        para = " ".join(sents)
        paras.append(para)
        total += len(para) + 2
    return "\n\n".join(paras)[:size]


def _repeat_to(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def hostile_inputs() -> dict[str, Callable[[int], str]]:
    """Builders of hostile texts of a given size."""
    return {
        "many quote marks (one paragraph)": lambda n: _repeat_to("“a” ‘b’ \"c\" 'd' „e“ «f» ”g“ ’h‘ ", n),
        "no punctuation (one paragraph)": lambda n: _repeat_to(
            "the officials said we will go on with the plan and Mara Quist told reporters the board "
            "agreed that work would start soon ",
            n,
        ),
        "no spaces": lambda n: _repeat_to("Quist,said“the”bridge.‘will’open—before:winter;", n),
        "deep nesting “‘…’”": lambda n: "“‘" * (n // 4) + "x" + "’”" * (n // 4),
        "only opening marks": lambda n: _repeat_to("“We ‘said “the ‘board ", n),
        "one paragraph of prose": lambda n: synthetic_article(n, seed=3).replace("\n\n", " "),
        # Every sentence attributed to a role noun: each one looks up who holds the role.
        "same attribution repeated": lambda n: _repeat_to("The mayor said the bridge would reopen. ", n),
    }


def time_case(build: Callable[[int], str], size: int, budget: float) -> dict[str, Any]:
    """Time extract() at 1/64, 1/16, 1/4 and the full ``size``, stopping when the trend exceeds ``budget``.

    A size that takes under half a second is timed three times (best kept), against noise.
    """
    from quotetrack import extract

    points: list[tuple[int, float]] = []
    out: dict[str, Any] = {"size": size}
    for n in (size // 64, size // 16, size // 4, size):
        if points:
            k = 2.0 if len(points) < 2 else max(1.0, _exponent(points))
            predicted = points[-1][1] * (n / points[-1][0]) ** k
            if predicted > budget:
                out["skipped"] = f"{n:,} chars predicted to take {predicted:,.0f} s"
                break
        text = build(n)
        best = math.inf
        try:
            for _ in range(3):
                t = time.perf_counter()
                extract(text)
                best = min(best, time.perf_counter() - t)
                if best > 0.5:
                    break
        except Exception as e:  # messy text must never raise: report it
            out["error"] = f"{type(e).__name__}: {e}"[:200]
            break
        points.append((len(text), max(best, 1e-9)))
    out["points"] = [{"chars": c, "seconds": s, "chars_per_s": c / s} for c, s in points]
    if points:
        c, s = points[-1]
        out.update(chars=c, seconds=s, chars_per_s=c / s, seconds_per_mb=s / c * 1e6)
    if len(points) >= 2:
        out["exponent"] = _exponent(points)
    flags = []
    if "error" in out:
        flags.append("RAISES")
    if "skipped" in out:
        flags.append("TOO SLOW")
    if points and out["chars_per_s"] < FLOOR_CHARS_PER_S:
        flags.append(f"< {FLOOR_CHARS_PER_S // 1000}k chars/s")
    if out.get("exponent", 1.0) > MAX_EXPONENT:
        flags.append("SUPERLINEAR")
    out["flags"] = flags
    return out


def _exponent(points: list[tuple[int, float]]) -> float:
    (c1, s1), (c2, s2) = points[-2], points[-1]
    return math.log(s2 / s1) / math.log(c2 / c1)


def scale(article_size: int, hostile_size: int, budget: float) -> dict[str, Any]:
    """Linear-cost checks: the synthetic article and every hostile input."""
    cases: dict[str, tuple[Callable[[int], str], int]] = {
        f"synthetic article ~{article_size / 1e6:.0f} MB": (synthetic_article, article_size)
    }
    cases.update({k: (v, hostile_size) for k, v in hostile_inputs().items()})
    return {name: time_case(build, size, budget) for name, (build, size) in cases.items()}


# ---------------------------------------------------------------------------
# Report


def _rate(x: float) -> str:
    return f"{x:,.0f}"


def _table(title: str, header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)

    def fmt(r: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )

    return "\n".join([title, fmt(header), line, *map(fmt, rows), ""])


def _ok(good: bool) -> str:
    return "ok" if good else "MISSED"


def report(res: dict[str, Any]) -> str:
    """The results as readable tables."""
    parts = [
        f"quotetrack benchmark - Python {res['python']}, {res['cores']} cores, "
        f"load average {res['load_before'][0]:.2f} before / {res['load_after'][0]:.2f} after",
        "",
    ]
    one = res["one_core"]
    if one:
        rows = [
            [
                "whole extract",
                f"{one['seconds']:.3f}",
                "100%",
                _rate(one["chars_per_s"]),
                f"{_ok(one['chars_per_s'] >= TARGET_CHARS_PER_S)} (>= {_rate(TARGET_CHARS_PER_S)})",
            ]
        ]
        whole = sum(s["seconds"] for s in one["stages"].values())
        for prefix, stages in (("  ", one["stages"]), ("  = ", one["groups"])):
            rows += [
                [
                    prefix + k,
                    f"{v['seconds']:.3f}",
                    f"{v['seconds'] / whole:.0%}",
                    _rate(v["chars_per_s"]),
                    "",
                ]
                for k, v in stages.items()
            ]
        parts.append(
            _table(
                f"One core over {one['texts']} texts, {one['chars']:,} chars "
                f"(best of {res['repeat']}; first, cold pass {one['cold_first_pass_s']:.3f} s)",
                ["stage", "seconds", "share", "chars/s", "target"],
                rows,
            )
        )
    rows = []
    if res.get("memory"):
        m = res["memory"]
        good = m["peak_mb"] <= TARGET_RSS_MB
        rows += [
            [
                "peak RSS, fresh process, extract all",
                f"{m['peak_mb']:.1f} MB",
                f"{_ok(good)} (<= {TARGET_RSS_MB:.0f} MB)",
            ],
            [
                "  bare interpreter / after import",
                f"{m['interpreter_mb']:.1f} / {m['after_import_mb']:.1f} MB",
                "",
            ],
        ]
    if res.get("import"):
        i = res["import"]
        good = i["median_ms"] <= TARGET_IMPORT_MS
        rows += [
            [
                f"import quotetrack (median of {i['runs']})",
                f"{i['median_ms']:.1f} ms",
                f"{_ok(good)} (<= {TARGET_IMPORT_MS:.0f} ms)",
            ],
            ["  min / max", f"{i['min_ms']:.1f} / {i['max_ms']:.1f} ms", ""],
            ["  whole `python -c 'import quotetrack'`", f"{i['process_wall_median_ms']:.0f} ms", ""],
        ]
    for p in res.get("parallel", []):
        rows += [
            [
                f"extract_many, {n} proc. ({p['start_method']}, {p['copies']}x texts, best of {p['runs']})",
                f"{p[f'p{n}']['seconds']:.2f} s",
                f"{_rate(p[f'p{n}']['chars_per_s'])} chars/s, {p[f'p{n}']['cores_used']:.2f} cores used",
            ]
            for n in (1, 2)
        ]
        good = p["speedup"] >= TARGET_SPEEDUP
        rows += [
            ["  speed-up 1 -> 2 processes", f"{p['speedup']:.2f}x", f"{_ok(good)} (>= {TARGET_SPEEDUP}x)"],
            ["  extra CPU time with 2 processes", f"{p['cpu_overhead']:+.0%}", ""],
        ]
    if rows:
        parts.append(_table("Fresh processes and parallelism", ["measure", "value", "target"], rows))
    if res.get("scale"):
        rows = []
        for name, c in res["scale"].items():
            trend = " / ".join(_rate(p["chars_per_s"]) for p in c["points"])
            rows.append(
                [
                    name,
                    f"{c.get('chars', 0):,}",
                    f"{c['seconds']:.3f}" if "seconds" in c else "-",
                    _rate(c["chars_per_s"]) if "chars_per_s" in c else "-",
                    f"{c['seconds_per_mb']:.2f}" if "seconds_per_mb" in c else "-",
                    trend,
                    f"{c['exponent']:.2f}" if "exponent" in c else "-",
                    ", ".join(c["flags"]) or "ok",
                ]
            )
        parts.append(
            _table(
                f"Linear cost (flagged: < {_rate(FLOOR_CHARS_PER_S)} chars/s, or time ~ size**k with "
                f"k > {MAX_EXPONENT})",
                [
                    "input",
                    "chars",
                    "seconds",
                    "chars/s",
                    "s/MB",
                    "chars/s at 1/64, 1/16, 1/4, 1",
                    "k",
                    "flags",
                ],
                rows,
            )
        )
        notes = [
            f"  {n}: {c.get('skipped') or c.get('error')}"
            for n, c in res["scale"].items()
            if c.get("skipped") or c.get("error")
        ]
        if notes:
            parts.append("\n".join(["Not completed:", *notes, ""]))
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print tables (or JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "data", nargs="?", type=Path, default=DEFAULT_DATA, help=f"JSONL texts (default {DEFAULT_DATA})"
    )
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes over the texts (best is kept)")
    ap.add_argument("--import-runs", type=int, default=9, help="fresh processes for the import time")
    ap.add_argument("--copies", type=int, default=5, help="copies of the texts for the speed-up measurement")
    ap.add_argument("--parallel-runs", type=int, default=3, help="speed-up measurements (best is kept)")
    ap.add_argument(
        "--start-method", action="append", help="start method(s) for the speed-up (default: default)"
    )
    ap.add_argument("--article-mb", type=float, default=10.0, help="size of the synthetic article")
    ap.add_argument("--hostile-mb", type=float, default=1.0, help="size of each hostile input")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds allowed for one scale case size")
    ap.add_argument("--quick", action="store_true", help="small scale checks, fewer repeats")
    ap.add_argument(
        "--skip", action="append", default=[], choices=["one-core", "memory", "import", "parallel", "scale"]
    )
    args = ap.parse_args(argv)
    if not args.data.is_file():
        sys.exit(
            f"bench.py: no data file at {args.data}\n"
            "Pass the path of a JSONL file with a 'text' field on every line, "
            "e.g. benchmarks/bench.py ../shared/data/polnear-dev.jsonl"
        )
    if args.quick:
        args.repeat, args.import_runs, args.copies, args.parallel_runs = 2, 3, 2, 1
        args.article_mb, args.hostile_mb = min(args.article_mb, 1.0), min(args.hostile_mb, 0.25)
    texts = load_texts(args.data)
    if not texts:
        sys.exit(f"bench.py: {args.data} holds no texts")
    res: dict[str, Any] = {
        "data": str(args.data),
        "python": sys.version.split()[0],
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "repeat": args.repeat,
        "load_before": os.getloadavg(),
        "targets": {
            "chars_per_s": TARGET_CHARS_PER_S,
            "peak_rss_mb": TARGET_RSS_MB,
            "import_ms": TARGET_IMPORT_MS,
            "speedup_1_to_2": TARGET_SPEEDUP,
            "scale_floor_chars_per_s": FLOOR_CHARS_PER_S,
        },
    }
    skip = set(args.skip)
    # Fresh-process measures first, while this process is still small and idle.
    res["import"] = None if "import" in skip else fresh_import(args.import_runs)
    res["memory"] = None if "memory" in skip else fresh_memory(args.data)
    res["one_core"] = None if "one-core" in skip else one_core(texts, args.repeat)
    res["parallel"] = (
        []
        if "parallel" in skip
        else [parallel(texts, args.copies, m, args.parallel_runs) for m in (args.start_method or [None])]
    )
    res["scale"] = (
        None
        if "scale" in skip
        else scale(int(args.article_mb * 1_000_000), int(args.hostile_mb * 1_000_000), args.budget)
    )
    res["load_after"] = os.getloadavg()
    print(json.dumps(res, indent=2) if args.json else report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
