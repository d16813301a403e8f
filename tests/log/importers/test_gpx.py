"""GPX: tracks, extensions, pauses, time zones and the files that hold no activity."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runcoach.log.importers import ImportFileError, NotAnActivityError, parse_activity
from tests.log.importers.builders import T0, gpx, line


class TestGpxParser:
    def test_it_reads_a_running_track_with_heart_rate_and_cadence(self) -> None:
        run = parse_activity("run.gpx", gpx([line(101)]))
        assert run.sport == "running"
        assert run.sport_raw == "running"
        assert run.start == T0
        assert run.elapsed_s == 300
        assert run.distance_m == pytest.approx(1111.9, rel=0.005)
        assert run.avg_hr == 150 and run.max_hr == 150
        assert run.avg_cadence_spm == 170  # Garmin's per-leg 85 doubled
        assert run.has_gps and run.point_count == 101
        assert run.name == "Morning Run"
        assert run.device == "runcoach tests"

    def test_it_takes_the_utc_offset_from_the_coordinates(self) -> None:
        run = parse_activity("run.gpx", gpx([line(10)]))
        assert run.utc_offset_min == 120  # Paris in July: CEST
        assert run.utc_offset_source == "coordinates"

    def test_a_pause_between_segments_is_neither_distance_nor_moving_time(self) -> None:
        first = line(11)
        second = line(11, start=T0 + timedelta(minutes=10), origin=(48.8700, 2.3522))
        run = parse_activity("run.gpx", gpx([first, second]))
        assert run.distance_m == pytest.approx(2 * 111.2, rel=0.01)
        assert run.elapsed_s == 600 + 30
        assert run.moving_s == pytest.approx(60, abs=1)

    def test_a_stop_inside_a_segment_does_not_count_as_moving(self) -> None:
        moving = line(11)
        stopped = [
            (moving[-1][0], moving[-1][1], moving[-1][2] + timedelta(seconds=s)) for s in range(3, 301, 3)
        ]
        run = parse_activity("run.gpx", gpx([moving + stopped]))
        assert run.elapsed_s == 30 + 300
        assert run.moving_s == pytest.approx(30, abs=1)

    def test_it_refuses_a_gpx_without_timestamps_as_not_an_activity(self) -> None:
        points = [(lat, lon, None) for lat, lon, _ in line(5)]
        with pytest.raises(NotAnActivityError, match="no timestamps"):
            parse_activity("route.gpx", gpx([points]))

    def test_a_route_only_file_is_not_an_activity(self) -> None:
        doc = b'<gpx xmlns="http://www.topografix.com/GPX/1/1"><rte><rtept lat="1" lon="1"/></rte></gpx>'
        with pytest.raises(NotAnActivityError, match="planned route"):
            parse_activity("route.gpx", doc)

    def test_a_waypoint_only_file_is_not_an_activity(self) -> None:
        doc = b'<gpx xmlns="http://www.topografix.com/GPX/1/0"><wpt lat="1" lon="1"/></gpx>'
        with pytest.raises(NotAnActivityError, match="waypoints"):
            parse_activity("poi.gpx", doc)

    def test_impossible_coordinates_are_left_out_with_a_warning(self) -> None:
        points = line(5)
        points.insert(2, (200.0, 0.0, points[1][2] + timedelta(seconds=1)))
        run = parse_activity("run.gpx", gpx([points]))
        assert run.distance_m == pytest.approx(4 * 11.12, rel=0.01)
        assert any("impossible coordinates" in w for w in run.warnings)

    def test_it_reads_a_file_with_a_byte_order_mark_and_leading_blanks(self) -> None:
        run = parse_activity("run.gpx", b"\xef\xbb\xbf  \n" + gpx([line(5)]))
        assert run.point_count == 5

    def test_an_undeclared_namespace_prefix_is_read_with_a_warning(self) -> None:
        doc = gpx([line(5)], hr=None, cad=None).replace(
            b"<ele>35.0</ele>", b"<ele>35.0</ele><extensions><gpxdata:hr>140</gpxdata:hr></extensions>"
        )
        run = parse_activity("run.gpx", doc)
        assert run.avg_hr == 140
        assert any("gpxdata" in w for w in run.warnings)

    def test_it_reads_extensions_without_a_namespace(self) -> None:
        doc = gpx([line(5)], hr=None, cad=None).replace(
            b"<ele>35.0</ele>", b"<ele>35.0</ele><extensions><heartrate>131</heartrate></extensions>"
        )
        assert parse_activity("run.gpx", doc).avg_hr == 131

    def test_strava_activity_type_numbers_are_understood(self) -> None:
        assert parse_activity("run.gpx", gpx([line(5)], sport="9")).sport == "running"
        assert parse_activity("ride.gpx", gpx([line(5)], sport="1")).sport == "cycling"

    def test_a_file_that_is_not_well_formed_fails_in_one_line(self) -> None:
        with pytest.raises(ImportFileError) as caught:
            parse_activity("run.gpx", gpx([line(5)])[:-40])
        assert "not well-formed" in str(caught.value)
        assert "\n" not in str(caught.value)

    def test_another_xml_document_is_not_a_gpx_file(self) -> None:
        with pytest.raises(ImportFileError, match="not a GPX file"):
            parse_activity("x.gpx", b"<html><body/></html>")

    def test_an_empty_file_fails_clearly(self) -> None:
        with pytest.raises(ImportFileError, match="empty GPX file"):
            parse_activity("x.gpx", b"")

    def test_a_gzipped_gpx_is_read(self) -> None:
        import gzip

        assert parse_activity("run.gpx.gz", gzip.compress(gpx([line(5)]))).point_count == 5
