"""FIT: sessions, multisport legs, records-only files, damage and files that hold no activity."""

from __future__ import annotations

import pytest

from runcoach.log.importers import ImportFileError, NotAnActivityError, parse_activity
from tests.log.importers.corpus import corpus_bytes

TREADMILL = "sports-lib/src/specs/fixtures/runs/fit/6860622783.fit"
TRIATHLON = "sports-lib/src/specs/fixtures/triathlons/fit/4623204522.fit"
RUN = "GoldenCheetah/test/runs/10kUNLP2014-Garmin15.fit"
SETTINGS = "python-fitparse/tests/files/Settings.fit"
COURSE = "FitTrackee/fittrackee/tests/files/example.fit"
NO_CLOCK = "python-fitparse/tests/files/compressed-speed-distance.fit"


class TestFitParser:
    def test_a_treadmill_run_without_gps_keeps_the_device_totals(self) -> None:
        run = parse_activity("t.fit", corpus_bytes(TREADMILL))
        assert run.sport == "treadmill_running"
        assert run.sport_raw == "running/treadmill"
        assert run.distance_m == pytest.approx(10630.37)
        assert run.timer_s == pytest.approx(3097.8, abs=0.1)
        assert run.elapsed_s == pytest.approx(3763.5, abs=0.1)
        assert not run.has_gps and run.point_count == 3101
        assert run.avg_cadence_spm is not None and 150 < run.avg_cadence_spm < 200  # strides doubled
        assert run.utc_offset_min == -300 and run.utc_offset_source == "device"

    def test_a_triathlon_is_one_multisport_activity_with_its_legs(self) -> None:
        race = parse_activity("tri.fit", corpus_bytes(TRIATHLON))
        assert race.sport == "multisport"
        assert [leg.sport for leg in race.legs] == ["swimming", "other", "cycling", "other", "running"]
        assert race.legs[0].distance_m == pytest.approx(3933.3, abs=1)
        assert race.distance_m == pytest.approx(227231.9, rel=0.001)
        assert all(lap.sport for lap in race.laps)

    def test_laps_and_gps_come_through(self) -> None:
        run = parse_activity("10k.fit", corpus_bytes(RUN))
        assert len(run.laps) == 11 and run.laps[0].distance_m == 1000.0
        assert run.has_gps and run.start_position is not None
        assert run.device == "garmin fr15"

    def test_a_file_cut_short_keeps_what_was_recorded_with_a_warning(self) -> None:
        data = corpus_bytes(RUN)
        run = parse_activity("cut.fit", data[: len(data) // 2])
        assert run.point_count > 100
        assert any("cut short" in w and "lost" in w for w in run.warnings)

    def test_a_flipped_byte_is_reported_as_a_checksum_warning(self) -> None:
        data = bytearray(corpus_bytes(RUN))
        data[-100] ^= 0x01
        run = parse_activity("flipped.fit", bytes(data))
        assert any("checksum" in w for w in run.warnings)

    def test_an_empty_file_fails_clearly(self) -> None:
        with pytest.raises(ImportFileError, match="no session or records found"):
            parse_activity("empty.fit", b"")

    def test_a_settings_file_is_not_an_activity(self) -> None:
        with pytest.raises(NotAnActivityError, match="settings"):
            parse_activity("Settings.fit", corpus_bytes(SETTINGS))

    def test_a_course_with_a_timed_track_is_read_from_its_records(self) -> None:
        run = parse_activity("example.fit", corpus_bytes(COURSE))
        assert run.elapsed_s == 250 and run.point_count == 25
        assert any("no session summary" in w for w in run.warnings)

    def test_a_watch_whose_clock_was_never_set_warns(self) -> None:
        run = parse_activity("old.fit", corpus_bytes(NO_CLOCK))
        assert run.distance_m == pytest.approx(10248.67)
        assert any("clock was not set" in w for w in run.warnings)

    def test_random_bytes_are_not_a_fit_file(self) -> None:
        with pytest.raises(ImportFileError):
            parse_activity("noise.fit", b"\x0e\x10" + bytes(range(200)))

    def test_a_fit_file_named_gpx_is_read_as_fit(self) -> None:
        assert parse_activity("wrong.gpx", corpus_bytes(RUN)).source_format == "fit"
