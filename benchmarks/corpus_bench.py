"""Corpus benchmark: ingest PolNeAR train + dev into a temporary SQLite corpus.

Run from the repository root::

    .venv/bin/python benchmarks/corpus_bench.py                # both files, every core
    .venv/bin/python benchmarks/corpus_bench.py --processes 1  # one process
    .venv/bin/python benchmarks/corpus_bench.py --json         # figures as one JSON object

It reports articles/s for ``Corpus.add_many`` (extraction and storage), the
number of quotes, sources and clusters, the size of the database, the time of
the corpus-wide queries, and a check of speaker merging: every source whose
name holds "Trump" or "Clinton", with its quotes and aliases. The data files
are read where they are, never copied.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quotetrack import Corpus
from quotetrack.sources import parse_person

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FILES = ("polnear-train.jsonl", "polnear-dev.jsonl")
NAMES = ("Trump", "Clinton")
# The name variants the canonical sources must merge, or keep apart.
VARIANTS = (
    "Trump",
    "Mr. Trump",
    "Donald Trump",
    "Donald J. Trump",
    "Republican presidential nominee Donald Trump",
    "Melania Trump",
    "Mrs. Trump",
    "Donald Trump Jr.",
    "Clinton",
    "Hillary Clinton",
    "Mrs. Clinton",
    "Secretary of State Hillary Clinton",
    "Bill Clinton",
    "Mr. Clinton",
)


def records(paths: list[Path]) -> Iterator[dict[str, Any]]:
    """PolNeAR rows as corpus records: id, text, outlet, published, title."""
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                meta = row.get("meta") or {}
                yield {
                    "id": row["id"],
                    "text": row["text"],
                    "outlet": meta.get("publisher"),
                    "published": meta.get("publication_date"),
                    "title": meta.get("title"),
                }


def timed(fn: Any, *args: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def run(paths: list[Path], processes: int | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "corpus.db"
        with Corpus(db) as corpus:
            added, ingest = timed(corpus.add_many, records(paths), processes)
            sources, t_sources = timed(corpus.speakers)
            clusters, t_clusters = timed(corpus.clusters)
            rows, t_records = timed(corpus.to_records)
            hits, t_search = timed(corpus.search, "immigration")
        size = db.stat().st_size
        wal = Path(f"{db}-wal")
        size += wal.stat().st_size if wal.exists() else 0
    # People with the surname, and how many other sources merely mention it ("Clinton aides").
    people = {
        name: [
            {"name": s.name, "quotes": s.quote_count, "aliases": list(s.aliases)}
            for s in sources
            if s.kind == "person" and (p := parse_person(s.name)) is not None and p.surname == name.casefold()
        ]
        for name in NAMES
    }
    others = {
        name: sum(1 for s in sources if name.casefold() in s.name.casefold()) - len(people[name])
        for name in NAMES
    }
    variants = {v: {s.name: s.quote_count for s in sources if v in s.aliases} for v in VARIANTS}
    return {
        "articles": added,
        "processes": processes or os.cpu_count(),
        "ingest_s": round(ingest, 2),
        "articles_per_s": round(added / ingest, 1),
        "quotes": len(rows),
        "attributed_quotes": sum(1 for r in rows if r["speaker"]),
        "sources": len(sources),
        "clusters": len(clusters),
        "largest_cluster_articles": max((len(c.articles) for c in clusters), default=0),
        "db_bytes": size,
        "speakers_s": round(t_sources, 3),
        "clusters_s": round(t_clusters, 3),
        "to_records_s": round(t_records, 3),
        "search_s": round(t_search, 4),
        "search_hits": len(hits),
        "people": people,
        "other_sources_naming": others,
        "variants": variants,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--data", type=Path, default=DATA, help=f"the folder of {' and '.join(FILES)}")
    args = parser.parse_args()
    paths = [args.data / f for f in FILES]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        sys.exit(f"missing data: {', '.join(missing)}")
    figures = run(paths, args.processes)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        if key not in ("people", "other_sources_naming", "variants"):
            print(f"{key:>26}: {value}")
    for name, found in figures["people"].items():
        others = figures["other_sources_naming"][name]
        print(f"\npeople named {name}: {len(found)} (and {others} other sources with {name!r} in the name)")
        for s in found:
            aliases = ", ".join(s["aliases"][:10]) + (" ..." if len(s["aliases"]) > 10 else "")
            print(f"  {s['name']} ({s['quotes']} quotes, {len(s['aliases'])} aliases): {aliases}")
    print("\nthe sources each variant is an alias of:")
    for variant, found in figures["variants"].items():
        print(f"  {variant!r}: {found or 'not seen'}")


if __name__ == "__main__":
    main()
