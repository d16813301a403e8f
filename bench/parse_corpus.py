"""Parse throughput per format on the shared corpus, against the naive alternative in the same run.

    python -m bench.parse_corpus [CORPUS_DIR] [--rounds N]

For each format it times runcoach's ``parse_activity`` over every activity file of the corpus
(files/s, MB/s) and, on the same files in the same process, the naive way to get the same
summary: gpxpy (``parse`` + ``length_2d`` + ``get_moving_data``) for GPX, the standard library's
ElementTree walk for TCX, and fitdecode with its defaults (CRC and unit processing on, every
message turned into a dict) for FIT. The ratio is baseline time / runcoach time (>1: runcoach is
faster). It also times the time-zone lookup from coordinates (tzfpy) that GPX/TCX imports add.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from runcoach.log.importers import ImportFileError, parse_activity
from runcoach.log.importers.parse import activity_format

Parser = Callable[[str, bytes], object]
_NOON = datetime(2024, 6, 1, 12, tzinfo=UTC)


def _corpus(arg: str | None) -> Path:
    candidates = [arg] if arg else []
    candidates += [str(Path(__file__).resolve().parents[2] / "shared" / "corpus")]
    if os.environ.get("RUNCOACH_SHARED"):
        candidates.append(os.path.join(os.environ["RUNCOACH_SHARED"], "corpus"))
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    sys.exit("corpus not found: pass its folder (../shared/corpus) or set RUNCOACH_SHARED")


def _files(corpus: Path) -> dict[str, list[tuple[str, bytes]]]:
    by_format: dict[str, list[tuple[str, bytes]]] = {"gpx": [], "tcx": [], "fit": []}
    for path in sorted(corpus.rglob("*")):
        fmt = activity_format(path.name) if path.is_file() else None
        if fmt:
            by_format[fmt].append((path.name, path.read_bytes()))
    return by_format


def _ours(name: str, data: bytes) -> object:
    try:
        return parse_activity(name, data)
    except ImportFileError as exc:
        return exc


def _gpxpy(name: str, data: bytes) -> object:
    import gpxpy  # type: ignore[import-untyped]

    try:
        track = gpxpy.parse(io.BytesIO(data))
        return track.length_2d(), track.get_moving_data(), track.get_time_bounds()
    except Exception as exc:
        return exc


def _etree_tcx(name: str, data: bytes) -> object:
    try:
        root = ET.fromstring(data.lstrip())
    except ET.ParseError as exc:
        return exc
    points = [el for el in root.iter() if el.tag.endswith("Trackpoint")]
    return [
        (p.findtext("{*}Time"), p.findtext("{*}DistanceMeters"), p.findtext(".//{*}Value")) for p in points
    ]


def _fitdecode_defaults(name: str, data: bytes) -> object:
    import fitdecode

    messages = []
    try:
        with fitdecode.FitReader(io.BytesIO(data)) as reader:
            for frame in reader:
                if isinstance(frame, fitdecode.FitDataMessage):
                    messages.append({f.name: f.value for f in frame.fields})
    except fitdecode.FitError as exc:
        return exc
    return messages


def _baselines() -> dict[str, tuple[str, Parser]]:
    found: dict[str, tuple[str, Parser]] = {
        "tcx": ("ElementTree walk", _etree_tcx),
        "fit": ("fitdecode defaults", _fitdecode_defaults),
    }
    try:
        import gpxpy  # noqa: F401

        found["gpx"] = ("gpxpy", _gpxpy)
    except ImportError:
        print("(gpxpy is not installed: no GPX baseline; pip install gpxpy to compare)")
    return found


def _time(parser: Parser, files: list[tuple[str, bytes]], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for name, data in files:
            parser(name, data)
        best = min(best, time.perf_counter() - started)
    return best


def _tz_cost() -> str:
    """tzfpy's one-off load (in a fresh interpreter) and the per-activity lookup cost."""
    import subprocess

    from runcoach.log.importers import tz

    probe = (
        "import time;t=time.perf_counter();import tzfpy;tzfpy.get_tz(14.5,46.0);print(time.perf_counter()-t)"
    )
    first = float(
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    )
    started = time.perf_counter()
    for i in range(10_000):
        tz.utc_offset_min_at(-60 + i % 120, -170 + i % 340, _NOON)
    per = (time.perf_counter() - started) / 10_000
    return (
        f"tz from coordinates (tzfpy + zoneinfo): first lookup {first * 1000:.0f} ms, "
        f"then {per * 1e6:.1f} µs each"
    )


def _both_read(parser: Parser, batch: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The files both runcoach and the baseline read without error (a fair comparison)."""
    return [
        (name, data)
        for name, data in batch
        if not isinstance(_ours(name, data), Exception) and not isinstance(parser(name, data), Exception)
    ]


def main(argv: list[str] | None = None) -> None:
    args = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    args.add_argument("corpus", nargs="?")
    args.add_argument("--rounds", type=int, default=3)
    opts = args.parse_args(argv)
    files = _files(_corpus(opts.corpus))
    baselines = _baselines()
    print(
        f"{'format':6} {'files':>5} {'MB':>6} {'files/s':>8} {'MB/s':>6} "
        "| baseline, on files both read   speed-up"
    )
    for fmt, batch in files.items():
        if not batch:
            continue
        size = sum(len(d) for _, d in batch) / 1e6
        ours = _time(_ours, batch, opts.rounds)
        line = f"{fmt:6} {len(batch):5d} {size:6.2f} {len(batch) / ours:8.1f} {size / ours:6.2f}"
        if fmt in baselines:
            label, parser = baselines[fmt]
            common = _both_read(parser, batch)
            theirs = _time(parser, common, opts.rounds)
            mine = _time(_ours, common, opts.rounds)
            mb = sum(len(d) for _, d in common) / 1e6
            line += f" | {label:18} {len(common):3d} files {mb:5.2f} MB  {theirs / mine:5.2f}x"
        print(line)
    print(_tz_cost())


if __name__ == "__main__":
    main()
