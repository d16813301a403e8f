"""Import throughput: storing activities vs parsing them alone, in the same process.

    python -m bench.import_throughput [--runs 3000] [--corpus ../shared/corpus] [--db URL]

Two sets of files: the shared development corpus (real GPX, TCX and FIT files, good and broken)
and a generated ten-year log (``--runs`` GPX and TCX files). For each set it times

- parse: ``parse_activities`` over every file, bytes already in memory (the baseline);
- import: ``import_items`` of the same in-memory files into an empty log database (parse, hash,
  dedupe, compress, store; one transaction per file);

and reports import / parse (the target is at most 1.5). Then it times listing the log:
``runcoach runs --json`` on the generated log, in-process, against the list query alone.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.synthetic import write_log
from runcoach.log.db import open_database
from runcoach.log.importers import ImportFileError, parse_activities
from runcoach.services.imports import import_items
from runcoach.services.runs import list_runs

FORMATS = (".gpx", ".tcx", ".fit", ".gpx.gz", ".tcx.gz", ".fit.gz")
TARGET = 1.5


@dataclass
class Item:
    name: str
    data: bytes
    error: str | None = None
    metadata: object = None

    def read(self) -> bytes:
        return self.data


def corpus_items(root: Path) -> list[Item]:
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.name.lower().endswith(FORMATS))
    return [Item(str(p.relative_to(root)), p.read_bytes()) for p in files]


def time_parse(items: list[Item]) -> tuple[float, int]:
    start = time.perf_counter()
    found = 0
    for item in items:
        with contextlib.suppress(ImportFileError):
            found += len(parse_activities(item.name, item.data))
    return time.perf_counter() - start, found


def time_import(items: list[Item], url: str) -> tuple[float, int, int, int]:
    with open_database(url) as db:
        start = time.perf_counter()
        report = import_items(db=db, items=items, now=datetime.now(UTC))
        took = time.perf_counter() - start
    return took, report.imported, report.duplicates, len(report.failed)


def measure(label: str, items: list[Item], url: str) -> float:
    time_parse(items[:5])  # warm up imports and caches
    parse_s, activities = time_parse(items)
    import_s, imported, dupes, failed = time_import(items, url)
    size = sum(len(i.data) for i in items) / 1e6
    ratio = import_s / parse_s
    print(f"{label}: {len(items)} files, {size:.0f} MB, {activities} activities")
    print(f"  parse alone   {parse_s:8.2f} s  ({parse_s / len(items) * 1000:.1f} ms per file)")
    print(f"  import        {import_s:8.2f} s  ({imported} stored, {dupes} duplicates, {failed} failed)")
    print(f"  import/parse  {ratio:8.2f}   (target <= {TARGET}) {'OK' if ratio <= TARGET else 'OVER'}")
    return ratio


def measure_listing(url: str) -> None:
    from runcoach.cli import main

    with open_database(url) as db:
        start = time.perf_counter()
        count = len(list_runs(db=db).runs)
        query_s = time.perf_counter() - start
    timings = []
    for _ in range(2):  # the first call also imports the CLI's modules
        buffer = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(buffer):
            code = main(["--db", url, "runs", "--json"])
        timings.append(time.perf_counter() - start)
        assert code == 0
    size = len(buffer.getvalue()) / 1e6
    cold, warm = (t * 1000 for t in timings)
    print(f"runs --json on {count} runs: {cold:.0f} ms in-process, {warm:.0f} ms again")
    print(f"  (the list query alone {query_s * 1000:.0f} ms; {size:.1f} MB of JSON)")


def default_corpus() -> Path:
    here = Path(__file__).resolve().parents[1]
    for base in (here.parent / "shared", Path(os.environ.get("RUNCOACH_SHARED", "/nonexistent"))):
        if (base / "corpus").is_dir():
            return base / "corpus"
    return here.parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3000, help="runs in the generated log (default 3000)")
    parser.add_argument("--corpus", type=Path, default=default_corpus(), help="the shared corpus folder")
    parser.add_argument("--db", help="database URL to import into (default: a new SQLite file per set)")
    args = parser.parse_args(argv)
    ratios = []
    with tempfile.TemporaryDirectory(prefix="runcoach-bench-") as tmp:
        folder = Path(tmp)
        if args.corpus.is_dir():
            ratios.append(
                measure("corpus", corpus_items(args.corpus), args.db or f"sqlite:///{folder / 'c.db'}")
            )
        else:
            print(f"corpus: {args.corpus} not found, skipped", file=sys.stderr)
        print(f"generating a {args.runs}-run log ...", file=sys.stderr)
        files = write_log(folder / "log", args.runs)
        items = [Item(p.name, p.read_bytes()) for p in files]
        url = args.db or f"sqlite:///{folder / 'g.db'}"
        ratios.append(measure(f"generated log ({args.runs} runs)", items, url))
        measure_listing(url)
    return 0 if all(r <= TARGET for r in ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
