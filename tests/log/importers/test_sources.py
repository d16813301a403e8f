"""iter_sources: files, folders, zips, .gz members and Strava / Garmin bulk exports."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from runcoach.log.importers import ImportFileError, NotAnActivityError, iter_sources, parse_activity
from tests.log.importers.builders import T0, gpx, gz, line, tcx, tcx_activity, zip_bytes
from tests.log.importers.corpus import CORPUS, corpus_bytes

RUN_FIT = "GoldenCheetah/test/runs/10kUNLP2014-Garmin15.fit"

STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,"
    "Elapsed Time,Distance\n"
)


def _names(items: list) -> list[str]:  # type: ignore[type-arg]
    return [i.name for i in items]


class TestFilesAndFolders:
    def test_a_folder_is_walked_recursively_and_other_files_are_skipped(self, tmp_path: Path) -> None:
        (tmp_path / "2024" / "july").mkdir(parents=True)
        (tmp_path / "2024" / "july" / "run.gpx").write_bytes(gpx([line(5)]))
        (tmp_path / "ride.tcx.gz").write_bytes(gz(tcx(tcx_activity(line(5), sport="Biking"))))
        (tmp_path / "notes.txt").write_text("not an activity")
        (tmp_path / ".hidden.gpx").write_bytes(b"junk")
        items = list(iter_sources([tmp_path]))
        assert sorted(_names(items)) == sorted(
            [str(tmp_path / "ride.tcx.gz"), str(tmp_path / "2024/july/run.gpx")]
        )
        sports = {Path(i.name).name: parse_activity(i.name, i.read()).sport for i in items}
        assert sports == {"ride.tcx.gz": "cycling", "run.gpx": "running"}

    def test_read_gives_the_plain_bytes_of_a_gz_file(self, tmp_path: Path) -> None:
        (tmp_path / "run.gpx.gz").write_bytes(gz(gpx([line(5)])))
        (item,) = list(iter_sources([tmp_path / "run.gpx.gz"]))
        assert item.read().startswith(b"<?xml")

    def test_a_missing_path_is_one_error_item(self, tmp_path: Path) -> None:
        (item,) = list(iter_sources([tmp_path / "nope.fit"]))
        assert item.error == "no such file or folder"
        with pytest.raises(ImportFileError):
            item.read()

    def test_an_unsupported_file_named_directly_is_reported(self, tmp_path: Path) -> None:
        (tmp_path / "track.kml").write_text("<kml/>")
        (item,) = list(iter_sources([tmp_path / "track.kml"]))
        assert item.error is not None and "unsupported file type '.kml'" in item.error

    def test_an_empty_folder_is_reported(self, tmp_path: Path) -> None:
        (item,) = list(iter_sources([tmp_path]))
        assert item.error is not None and "no activity files" in item.error


class TestZipArchives:
    def test_members_are_named_archive_bang_inner_path(self, tmp_path: Path) -> None:
        archive = tmp_path / "runs.zip"
        archive.write_bytes(
            zip_bytes(
                {
                    "a/run.gpx": gpx([line(5)]),
                    "b/run.fit.gz": gz(gpx([line(5)])),  # misnamed content is sniffed
                    "__MACOSX/a/._run.gpx": b"\0\5\26\7",
                    "photo.jpg": b"\xff\xd8",
                }
            )
        )
        items = list(iter_sources([archive]))
        assert _names(items) == [f"{archive}!a/run.gpx", f"{archive}!b/run.fit.gz"]
        assert all(parse_activity(i.name, i.read()).point_count == 5 for i in items)

    def test_a_zip_inside_a_folder_is_expanded(self, tmp_path: Path) -> None:
        (tmp_path / "export").mkdir()
        (tmp_path / "export" / "one.zip").write_bytes(zip_bytes({"run.gpx": gpx([line(5)])}))
        (item,) = list(iter_sources([tmp_path]))
        assert item.name == f"{tmp_path / 'export' / 'one.zip'}!run.gpx"

    def test_fittrackee_archives_behave_as_its_tests_say(self) -> None:
        if not (CORPUS / "FitTrackee").exists():
            pytest.skip("../shared/corpus is not available")
        files = CORPUS / "FitTrackee/fittrackee/tests/files"
        ok = list(iter_sources([files / "gpx_test.zip"]))
        assert [i.name.split("!")[1] for i in ok] == ["test_1.gpx", "test_2.gpx", "test_3.gpx"]
        (empty,) = list(iter_sources([files / "gpx_test_no_gpx.zip"]))
        assert empty.error is not None and "no activity files" in empty.error
        outcomes = []
        for item in iter_sources([files / "gpx_test_incorrect.zip"]):
            try:
                outcomes.append(parse_activity(item.name, item.read()).sport)
            except NotAnActivityError as exc:
                outcomes.append(str(exc))
        assert outcomes[0] == "other" and "no track" in outcomes[1]

    def test_a_garmin_export_original_zip_holds_its_fit(self) -> None:
        corpus_bytes("GoldenCheetah/test/runs/GarminFR955v18.zip")
        (item,) = list(iter_sources([CORPUS / "GoldenCheetah/test/runs/GarminFR955v18.zip"]))
        assert item.name.endswith("!14211916346_ACTIVITY.fit")
        assert parse_activity(item.name, item.read()).sport == "running"


def _strava_export(root: Path) -> None:
    (root / "activities").mkdir(parents=True)
    (root / "routes").mkdir()
    (root / "activities" / "111.gpx").write_bytes(gpx([line(5)], sport=None, name="file name"))
    (root / "activities" / "222.tcx.gz").write_bytes(
        gz(tcx(tcx_activity(line(5, start=T0 + timedelta(days=1)))))
    )
    (root / "routes" / "loop.gpx").write_bytes(gpx([line(5)]))
    (root / "activities.csv").write_text(
        STRAVA_HEADER
        + '111,"Jul 1, 2024, 6:00:00 AM",Easy shakeout,Run,"Felt good, calf tight",300,1.1,150,10,false,,'
        "Pegasus 40,activities/111.gpx,300,1100\n"
        + '222,"Jul 2, 2024, 6:00:00 AM",Trail loop,Trail Run,,300,1.1,150,10,false,,Speedgoat,'
        "activities/222.tcx.gz,300,1100\n",
        encoding="utf-8",
    )


class TestStravaExport:
    def test_a_strava_export_folder_gets_its_activities_csv_metadata(self, tmp_path: Path) -> None:
        _strava_export(tmp_path / "export_123")
        items = {Path(i.name).name: i for i in iter_sources([tmp_path / "export_123"])}
        assert set(items) == {"111.gpx", "222.tcx.gz"}  # routes/ holds plans, not activities
        easy = items["111.gpx"].metadata
        assert easy is not None and easy.source == "strava"
        assert (easy.name, easy.sport_raw, easy.sport, easy.description, easy.gear, easy.activity_id) == (
            "Easy shakeout",
            "Run",
            "running",
            "Felt good, calf tight",
            "Pegasus 40",
            "111",
        )
        trail = items["222.tcx.gz"].metadata
        assert trail is not None and trail.sport == "trail_running" and trail.gear == "Speedgoat"

    def test_a_zipped_strava_export_in_a_top_folder_matches_too(self, tmp_path: Path) -> None:
        _strava_export(tmp_path / "src" / "export_123")
        archive = shutil.make_archive(str(tmp_path / "strava"), "zip", tmp_path / "src")
        items = list(iter_sources([Path(archive)]))
        assert {i.metadata.name for i in items if i.metadata} == {"Easy shakeout", "Trail loop"}
        assert all("!export_123/activities/" in i.name for i in items)

    def test_metadata_is_found_by_start_time_when_the_file_name_differs(self, tmp_path: Path) -> None:
        _strava_export(tmp_path)
        (tmp_path / "activities" / "111.gpx").rename(tmp_path / "activities" / "renamed.gpx")
        item = next(i for i in iter_sources([tmp_path]) if i.name.endswith("renamed.gpx"))
        assert item.metadata is None
        found = item.metadata_for(parse_activity(item.name, item.read()))
        assert found is not None and found.name == "Easy shakeout"


class TestGarminExport:
    def test_a_garmin_data_export_matches_summaries_to_nested_uploads(self, tmp_path: Path) -> None:
        fit = corpus_bytes(RUN_FIT)
        summary = [
            {
                "summarizedActivitiesExport": [
                    {
                        "activityId": 987654321,
                        "name": "UNLP 10k",
                        "activityType": {"typeKey": "running"},
                        "beginTimestamp": 1413050925000,
                        "startTimeLocal": 1413040125000,
                        "description": "race!",
                    }
                ]
            }
        ]
        uploads = zip_bytes({"someone@example.com_1234.fit": fit})
        archive = tmp_path / "garmin.zip"
        archive.write_bytes(
            zip_bytes(
                {
                    "DI_CONNECT/DI-Connect-Fitness/someone_0_summarizedActivities.json": json.dumps(
                        summary
                    ).encode(),
                    "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip": uploads,
                }
            )
        )
        (item,) = list(iter_sources([archive]))
        assert item.name.endswith("UploadedFiles_0-_Part1.zip!someone@example.com_1234.fit")
        meta = item.metadata_for(parse_activity(item.name, item.read()))
        assert meta is not None
        assert (meta.name, meta.sport, meta.description, meta.activity_id, meta.utc_offset_min) == (
            "UNLP 10k",
            "running",
            "race!",
            "987654321",
            -180,
        )

    def test_a_garmin_connect_activities_csv_matches_by_local_start(self, tmp_path: Path) -> None:
        (tmp_path / "run.gpx").write_bytes(gpx([line(5)]))
        (tmp_path / "Activities.csv").write_text(
            "Activity Type,Date,Favorite,Title,Distance\nRunning,2024-07-01 08:00:00,false,Paris easy,0.05\n"
        )
        (item,) = list(iter_sources([tmp_path]))
        meta = item.metadata_for(parse_activity(item.name, item.read()))
        assert meta is not None and meta.name == "Paris easy" and meta.sport == "running"


class TestActivitiesCsv:
    def test_an_older_strava_layout_is_read_by_the_file_column_contents(self) -> None:
        from runcoach.log.importers.exports import read_activities_csv

        old = (
            "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
            "Elapsed Time,Distance,"
            'Commute,Activity Gear,Filename\n1,"Jan 2, 2018, 7:00:00 AM",Tempo,Run,,1800,6.0,false,Clifton,'
            "activities/1.fit.gz\n"
        )
        (record,) = read_activities_csv(old.encode())
        assert (record.filename, record.gear, record.name, record.sport) == (
            "activities/1.fit.gz",
            "Clifton",
            "Tempo",
            "running",
        )
        assert record.start is not None and record.start.hour == 7

    def test_a_csv_that_is_no_export_gives_nothing(self) -> None:
        from runcoach.log.importers.exports import read_activities_csv

        assert read_activities_csv(b"date,weight\n2024-01-01,70\n") == []
        assert read_activities_csv(b"\xff\xfe garbage") == []


class TestUploads:
    """One uploaded file, held in memory: an activity, a gzipped one, or a zip export."""

    def test_an_uploaded_activity_is_one_item_named_by_its_base_name(self) -> None:
        from runcoach.log.importers.sources import iter_upload

        data = gpx([line(20)])
        items = list(iter_upload("C:\\Users\\me\\morning.gpx", data))
        assert [i.name for i in items] == ["morning.gpx"]
        assert items[0].read() == data

    def test_an_uploaded_zip_lists_its_activity_members(self) -> None:
        from runcoach.log.importers.sources import iter_upload

        archive = zip_bytes({"a.gpx": gpx([line(20)]), "b.fit.gz": gz(b"x"), "photo.jpg": b"jpg"})
        assert sorted(i.name for i in iter_upload("export.zip", archive)) == [
            "export.zip!a.gpx",
            "export.zip!b.fit.gz",
        ]

    def test_an_unsupported_upload_carries_the_reason(self) -> None:
        from runcoach.log.importers.sources import iter_upload

        (item,) = iter_upload("notes.txt", b"hello")
        assert item.error is not None and "unsupported file type '.txt'" in item.error

    def test_a_damaged_zip_upload_is_refused_as_a_whole(self) -> None:
        from runcoach.log.importers.sources import iter_upload

        (item,) = iter_upload("export.zip", b"PK\x03\x04 not really")
        assert item.error is not None and "zip" in item.error
