"""TCX: device lap totals, treadmill runs without GPS, history exports and multisport files."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runcoach.log.importers import ImportFileError, NotAnActivityError, parse_activities, parse_activity
from tests.log.importers.builders import T0, line, tcx, tcx_activity


class TestTcxParser:
    def test_the_laps_distance_wins_over_the_track_length(self) -> None:
        run = parse_activity("run.tcx", tcx(tcx_activity(line(101), lap_distance=1200.0)))
        assert run.sport == "running"
        assert run.distance_m == 1200.0
        assert run.timer_s == 300
        assert run.device == "Forerunner 255"
        assert len(run.laps) == 1 and run.laps[0].distance_m == 1200.0

    def test_without_lap_distance_the_track_length_counts(self) -> None:
        run = parse_activity("run.tcx", tcx(tcx_activity(line(101))))
        assert run.distance_m == pytest.approx(1111.9, rel=0.005)

    def test_a_treadmill_run_without_gps_keeps_its_points_and_distance(self) -> None:
        points = [(None, None, when) for _, _, when in line(61)]
        distances = [i * 10.0 for i in range(61)]
        run = parse_activity("treadmill.tcx", tcx(tcx_activity(points, distances=distances, run_cadence=88)))
        assert not run.has_gps
        assert run.point_count == 61
        assert run.distance_m == 600.0
        assert run.moving_s == 180
        assert run.avg_cadence_spm == 176  # RunCadence counts one leg

    def test_a_history_export_keeps_its_activities_apart(self) -> None:
        first = tcx_activity(line(11))
        second = tcx_activity(line(11, start=T0 + timedelta(days=2)), sport="Biking")
        data = tcx(first, second)
        both = parse_activities("history.tcx", data)
        assert [a.sport for a in both] == ["running", "cycling"]
        one = parse_activity("history.tcx", data)
        assert one.sport == "running"
        assert any("2 separate activities" in w for w in one.warnings)

    def test_back_to_back_activities_are_one_multisport_activity(self) -> None:
        bike = tcx_activity(line(11), sport="Biking")
        run = tcx_activity(line(11, start=T0 + timedelta(seconds=40)), sport="Running")
        brick = parse_activity("brick.tcx", tcx(bike, run))
        assert brick.sport == "multisport"
        assert brick.sport_raw == "Biking+Running"
        assert [leg.sport for leg in brick.legs] == ["cycling", "running"]
        assert brick.elapsed_s == 70

    def test_a_course_is_not_an_activity(self) -> None:
        doc = (
            b'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
            b"<Courses><Course><Name>Loop</Name></Course></Courses></TrainingCenterDatabase>"
        )
        with pytest.raises(NotAnActivityError, match="course"):
            parse_activity("loop.tcx", doc)

    def test_whitespace_before_the_xml_declaration_is_tolerated(self) -> None:
        assert parse_activity("run.tcx", tcx(tcx_activity(line(5)), prolog="\n   ")).point_count == 5

    def test_a_gpx_file_named_tcx_is_refused_clearly(self) -> None:
        with pytest.raises(ImportFileError, match="not a TCX file"):
            parse_activity("run.tcx", b'<gpx xmlns="http://www.topografix.com/GPX/1/1"/>')
