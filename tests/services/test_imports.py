"""Importing activity files into the log: per-file transactions, dedupe, crashes, the corpus."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from bench.synthetic import write_log
from sqlalchemy import func, select

from runcoach.log.db import Database
from runcoach.log.importers import ImportFileError, ParsedActivity, parse_activities
from runcoach.log.models import Lap, Run
from runcoach.services import imports
from runcoach.services.imports import import_items
from runcoach.services.runs import list_runs
from runcoach.services.shoes import add_shoe
from tests.log.importers.corpus import activity_rows
from tests.log.importers.test_corpus import DISTANCE_OVERRIDES

NOW = datetime(2026, 11, 1, tzinfo=UTC)


@dataclass
class FileItem:
    """A file to import, as the sources of ``iter_sources`` look."""

    name: str
    data: bytes
    error: str | None = None
    metadata: Any = None

    def read(self) -> bytes:
        return self.data


def files(folder: Path) -> list[FileItem]:
    return [FileItem(str(p), p.read_bytes()) for p in sorted(folder.iterdir())]


def counts(db: Database) -> tuple[int, int]:
    with db.session() as session:
        runs = session.scalar(select(func.count(Run.id))) or 0
        laps = session.scalar(select(func.count(Lap.id))) or 0
    return int(runs), int(laps)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    write_log(folder, 12)
    return folder


def test_it_imports_files_and_keeps_them_compressed(db: Database, synthetic: Path) -> None:
    items = files(synthetic)
    report = import_items(db=db, items=items, now=NOW)
    assert (report.imported, report.duplicates, report.failed) == (12, 0, [])
    runs = list_runs(db=db).runs
    assert len(runs) == 12 and all(r.source in ("gpx", "tcx") for r in runs)
    assert runs[0].start.utcoffset() == timedelta(hours=1)  # Munich in winter, from the coordinates
    with db.session() as session:
        run = session.scalars(select(Run).order_by(Run.id)).first()
        assert run is not None and run.file is not None
        assert gzip.decompress(run.file.data) == items[0].data and run.file.size == len(items[0].data)
        assert len(run.file.data) < len(items[0].data) / 3


def test_importing_again_stores_nothing_twice(db: Database, synthetic: Path) -> None:
    import_items(db=db, items=files(synthetic), now=NOW)
    again = import_items(db=db, items=files(synthetic), now=NOW)
    assert (again.imported, again.duplicates) == (0, 12)
    assert counts(db)[0] == 12


def test_the_same_activity_in_another_file_is_a_duplicate(db: Database, synthetic: Path) -> None:
    first = files(synthetic)[0]
    zipped = FileItem(first.name + ".gz", gzip.compress(first.data))
    report = import_items(db=db, items=[first, zipped], now=NOW)
    assert (report.imported, report.duplicates) == (1, 1)


def test_one_bad_file_never_blocks_the_rest(db: Database, synthetic: Path) -> None:
    good = files(synthetic)[:3]
    bad = [
        FileItem("broken.gpx", b"<gpx><trk><trkseg><trkpt lat="),
        FileItem("empty.fit", b""),
        FileItem("notes.txt", b"hello"),
        FileItem("archive.zip!../../etc/passwd.gpx", b"", error="refused: a path outside the archive"),
    ]
    report = import_items(db=db, items=[good[0], *bad, *good[1:]], now=NOW)
    assert report.imported == 3
    assert [f["path"] for f in report.failed] == [b.name for b in bad]
    assert all(f["error"] and "\n" not in f["error"] for f in report.failed)
    assert counts(db)[0] == 3


def test_a_file_without_an_activity_is_skipped_with_a_warning(db: Database) -> None:
    waypoints = (
        b'<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        b'<wpt lat="1" lon="2"/></gpx>'
    )
    report = import_items(db=db, items=[FileItem("places.gpx", waypoints)], now=NOW)
    assert (report.imported, report.skipped, report.failed) == (0, 1, [])
    assert report.warnings[0]["path"] == "places.gpx"


def test_imported_runs_get_the_shoe_in_use_on_their_day(db: Database, synthetic: Path) -> None:
    add_shoe(db=db, name="Pegasus", started="2015-01-08", now=NOW)
    import_items(db=db, items=files(synthetic), now=NOW)
    shoes = [(r.start.date().isoformat() >= "2015-01-08", r.shoe) for r in list_runs(db=db).runs]
    assert all((shoe == "pegasus") == after for after, shoe in shoes)


def test_progress_is_reported_per_file(db: Database, synthetic: Path) -> None:
    seen: list[tuple[int, int]] = []
    import_items(
        db=db, items=files(synthetic)[:4], now=NOW, progress=lambda done, total, _: seen.append((done, total))
    )
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def crashing_on(call: int, exc: BaseException) -> Callable[..., Any]:
    real = imports.find_duplicate
    calls = {"n": 0}

    def find_duplicate(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == call:
            raise exc
        return real(*args, **kwargs)

    return find_duplicate


def twice(name: str, data: bytes) -> list[ParsedActivity]:
    """A parser that finds two activities in every file (a TCX history), the second a day later."""
    [first] = parse_activities(name, data)
    from dataclasses import replace

    return [first, replace(first, start=first.start + timedelta(days=1))]


def test_a_crash_mid_file_leaves_nothing_of_that_file_and_a_rerun_finishes(
    db: Database, synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = files(synthetic)[:4]
    # the 6th duplicate check is the second activity of the third file: its first is already flushed
    monkeypatch.setattr(imports, "find_duplicate", crashing_on(6, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        import_items(db=db, items=items, now=NOW, parse=twice)
    assert counts(db)[0] == 4  # two files, two activities each; nothing of the third
    monkeypatch.undo()
    report = import_items(db=db, items=items, now=NOW, parse=twice)
    assert (report.imported, report.duplicates) == (4, 4)
    assert counts(db)[0] == 8


def test_a_database_failure_stops_the_import_with_a_clear_error(
    db: Database, synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from runcoach.errors import RuncoachError

    monkeypatch.setattr(
        imports, "find_duplicate", crashing_on(2, OperationalError("INSERT", {}, Exception("disk full")))
    )
    with pytest.raises(RuncoachError, match="the database failed while importing") as info:
        import_items(db=db, items=files(synthetic)[:3], now=NOW)
    assert info.value.hint and "1 activities were stored" in info.value.hint
    assert counts(db)[0] == 1


def test_impossible_values_in_a_file_are_stored_with_a_warning(db: Database, synthetic: Path) -> None:
    [item] = files(synthetic)[:1]
    data = item.data.replace(b"<gpxtpx:hr>1", b"<gpxtpx:hr>2")  # heart rates of 2xx bpm
    report = import_items(db=db, items=[FileItem("hr.gpx", data)], now=NOW)
    assert report.imported == 1
    assert any("heart rate" in w["warning"] for w in report.warnings)
    assert list_runs(db=db).runs[0].warnings


CORPUS_ROWS = [r for r in activity_rows() if r.expected == "ok" and r.content == "activity"]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS_ROWS, reason="../shared/corpus is not available")
def test_every_good_corpus_file_imports_with_its_distance(db: Database) -> None:
    items = [FileItem(r.path, r.file.read_bytes()) for r in CORPUS_ROWS]
    report = import_items(db=db, items=items, now=NOW)
    assert report.failed == []
    assert report.imported + report.duplicates >= len(items)
    stored = list_runs(db=db).runs
    for row in CORPUS_ROWS:
        runs = [r for r in stored if r.source_name == row.path]
        expected = DISTANCE_OVERRIDES.get(row.path, row.distance)
        if runs and expected is not None:
            total = sum(r.distance_m or 0 for r in runs)
            assert total == pytest.approx(expected, rel=0.01, abs=1.0), row.path
    again = import_items(db=db, items=items, now=NOW)
    assert again.imported == 0 and again.duplicates == report.imported + report.duplicates


def test_a_corrupt_corpus_file_fails_in_one_line_and_leaves_nothing(db: Database) -> None:
    rows = [r for r in activity_rows() if r.expected == "corrupt"]
    if not rows:
        pytest.skip("../shared/corpus is not available")
    for row in rows:
        before = counts(db)[0]
        report = import_items(db=db, items=[FileItem(row.path, row.file.read_bytes())], now=NOW)
        if report.failed:
            assert report.imported == 0 and counts(db)[0] == before
            assert "\n" not in report.failed[0]["error"]
        elif report.imported:
            assert report.warnings, f"{row.path} imported from a damaged file without a warning"


def test_parsers_only_raise_import_file_errors() -> None:
    with pytest.raises(ImportFileError):
        parse_activities("x.fit", b"\x0e\x10garbage")


def test_an_upload_in_memory_is_imported_like_the_file_on_disk(db: Database) -> None:
    from runcoach.services.imports import import_upload
    from tests.log.importers.builders import gpx, line, zip_bytes

    data = gpx([line(300)])
    first = import_upload(db=db, name="run.gpx", data=data)
    assert (first.imported, first.duplicates) == (1, 0)
    again = import_upload(db=db, name="export.zip", data=zip_bytes({"run.gpx": data}))
    assert (again.imported, again.duplicates) == (0, 1)
    assert counts(db)[0] == 1
