"""``runcoach import`` (contract section 3) end to end, on both databases."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bench.synthetic import gpx, plans, tcx, write_log

from tests.log.importers.corpus import CORPUS

STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename\n"
)


@pytest.fixture(scope="module")
def log_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("log")
    write_log(folder, 5)
    return folder


def test_it_imports_a_folder_and_reports_json(cli_db: Any, log_folder: Path) -> None:
    result = cli_db("import", str(log_folder), "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert {k: report[k] for k in ("imported", "duplicates", "failed", "warnings")} == {
        "imported": 5, "duplicates": 0, "failed": [], "warnings": [],
    }  # fmt: skip
    runs = cli_db("runs", "--json").json()
    assert len(runs) == 5 and {r["source"] for r in runs} <= {"gpx", "tcx"}
    again = cli_db("import", str(log_folder), "--json").json()
    assert (again["imported"], again["duplicates"]) == (0, 5)
    assert len(cli_db("runs", "--json").json()) == 5


def test_a_failed_file_exits_1_and_the_others_are_imported(
    cli: Any, log_folder: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.gpx"
    bad.write_text("<gpx><trk>")
    result = cli("import", str(bad), str(log_folder), "--json")
    assert result.exit_code == 1
    report = result.json()
    assert report["imported"] == 5
    assert [f["path"] for f in report["failed"]] == [str(bad)]
    plain = cli("import", str(bad))
    assert plain.exit_code == 1
    assert f"{bad}: " in plain.stderr
    assert len(cli("runs", "--json").json()) == 5


def test_archive_members_are_named_archive_bang_path(cli: Any, tmp_path: Path) -> None:
    [plan] = plans(1)
    import random

    archive = tmp_path / "runs.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("2024/run.gpx", gpx(plan, random.Random(1)))
        zf.writestr("2024/broken.tcx", "<TrainingCenterDatabase>")
    report = cli("import", str(archive), "--json").json()
    assert report["imported"] == 1
    assert report["failed"][0]["path"] == f"{archive}!2024/broken.tcx"
    assert cli("runs", "--json").json()[0]["source_name"] == f"{archive}!2024/run.gpx"


def test_a_strava_export_brings_names_types_and_notes(cli: Any, tmp_path: Path) -> None:
    import random

    first, second = plans(2)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("activities/111.gpx", gpx(first, random.Random(1)))
        zf.writestr("activities/222.tcx.gz", gzip.compress(tcx(second, random.Random(2)).encode()))
        zf.writestr(
            "activities.csv",
            STRAVA_HEADER
            + f'111,"{first.start:%b %-d, %Y, %-I:%M:%S %p}",Easy shakeout,Run,"Felt good",2000,8,150,10,'
            "false,,Pegasus 40,activities/111.gpx\n"
            + f'222,"{second.start:%b %-d, %Y, %-I:%M:%S %p}",Hill loop,Trail Run,,2000,8,150,10,false,,'
            "Speedgoat,activities/222.tcx.gz\n",
        )
    export = tmp_path / "export_123.zip"
    export.write_bytes(buffer.getvalue())
    cli("shoes", "add", "Speedgoat", "--started", "2030-01-01")
    assert cli("import", str(export)).exit_code == 0
    runs = cli("runs", "--json").json()
    assert [(r["name"], r["sport"], r["source"]) for r in runs] == [
        ("Easy shakeout", "running", "strava"),
        ("Hill loop", "trail_running", "strava"),
    ]
    assert runs[0]["notes"] == "Felt good"
    assert (runs[1]["shoe"], runs[1]["terrain"]) == ("speedgoat", "trail")  # the export's gear, by name


def test_hostile_archives_are_refused(cli: Any, tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../../outside.gpx", "<gpx/>")
        zf.writestr("bomb.gpx", b"<gpx>" + b" " * (80 * 1024 * 1024))
    bomb = tmp_path / "bomb.gpx.gz"
    bomb.write_bytes(gzip.compress(b" " * (100 * 1024 * 1024)))
    result = cli("import", str(archive), str(bomb), "--json")
    assert result.exit_code == 1
    report = result.json()
    assert report["imported"] == 0 and len(report["failed"]) == 3
    assert not (tmp_path.parent / "outside.gpx").exists()
    assert cli("runs", "--json").json() == []


def test_nothing_to_import_is_a_failure(cli: Any, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "missing.fit"), "--json")
    assert result.exit_code == 1
    assert result.json()["failed"][0]["error"] == "no such file or folder"


@pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason="../shared/corpus is not available")
def test_the_garmin_export_zip_of_the_corpus_imports(cli: Any) -> None:
    archive = CORPUS / "GoldenCheetah" / "test" / "runs" / "GarminFR955v18.zip"
    report = cli("import", str(archive), "--json").json()
    assert report["imported"] == 1 and report["failed"] == []
    [run] = cli("runs", "--json").json()
    assert run["source_name"].startswith(f"{archive}!") and run["distance_m"] > 0


@pytest.mark.slow
def test_a_killed_bulk_import_leaves_a_consistent_log_and_a_rerun_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    write_log(folder, 120)
    db_path = tmp_path / "log.db"
    env = {**os.environ, "RUNCOACH_HOME": str(tmp_path / "home"), "RUNCOACH_DB": f"sqlite:///{db_path}"}
    command = [
        sys.executable,
        "-c",
        "from runcoach.cli import entrypoint; entrypoint()",
        "import",
        str(folder),
    ]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _count(db_path, "run") < 10:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = _count(db_path, "run")
    assert 10 <= stored < 120, "the import was not killed half-way; make the log bigger"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        kept = "SELECT count(*) FROM run r WHERE NOT EXISTS (SELECT 1 FROM run_file f WHERE f.run_id = r.id)"
        assert conn.execute(kept).fetchone() == (0,)
        lapless_tcx = (
            "SELECT count(*) FROM run r WHERE file_format = 'tcx' "
            "AND NOT EXISTS (SELECT 1 FROM lap l WHERE l.run_id = r.id)"
        )
        assert conn.execute(lapless_tcx).fetchone() == (0,)
    rerun = subprocess.run([*command, "--json"], env=env, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["duplicates"] == stored and report["imported"] == 120 - stored
    assert _count(db_path, "run") == 120


def _count(db_path: Path, table: str) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(db_path, timeout=1) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0
