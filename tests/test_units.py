from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runcoach.dates import parse_day, parse_start, with_offset
from runcoach.errors import UsageError
from runcoach.units import (
    check_unit,
    format_distance,
    format_duration,
    format_pace,
    parse_distance,
    parse_duration,
)

NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "unit", "metres"),
    [
        ("8.2km", "km", 8200),
        ("5mi", "km", 8046.72),
        ("800m", "mi", 800),
        ("5 miles", "km", 8046.72),
        ("10", "km", 10000),
        ("10", "mi", 16093.44),
        ("8,5km", "km", 8500),
        ("21.1K", "km", 21100),
    ],
)
def test_it_reads_distances_as_runners_write_them(text: str, unit: str, metres: float) -> None:
    assert parse_distance(text, default_unit=check_unit(unit)) == pytest.approx(metres)


@pytest.mark.parametrize("text", ["", "km", "-5km", "5 parsecs", "five"])
def test_it_refuses_a_distance_it_cannot_read(text: str) -> None:
    with pytest.raises(UsageError) as info:
        parse_distance(text)
    assert info.value.hint


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("45:10", 2710), ("1:02:03", 3723), ("45min", 2700), ("1h05m", 3900), ("2710s", 2710), ("0:59.5", 59.5)],
)
def test_it_reads_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "45", "45:61", "1:75:00", "soon", "45:10:10:10"])
def test_it_refuses_a_duration_it_cannot_read(text: str) -> None:
    with pytest.raises(UsageError):
        parse_duration(text)


def test_it_formats_distance_duration_and_pace() -> None:
    assert format_distance(8200, "km") == "8.20 km"
    assert format_distance(8046.72, "mi") == "5.00 mi"
    assert format_duration(2710) == "45:10"
    assert format_duration(3723) == "1:02:03"
    assert format_pace(2710, 8200, "km") == "5:30/km"
    assert format_pace(None, 8200, "km") == "-"


@given(st.integers(min_value=1, max_value=20 * 3600))
def test_durations_round_trip(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


@given(st.integers(min_value=1, max_value=500_000), st.sampled_from(["km", "mi"]))
def test_distances_round_trip_to_the_precision_shown(metres: int, unit: str) -> None:
    shown = format_distance(metres, check_unit(unit), digits=3).replace(" ", "")
    assert parse_distance(shown) == pytest.approx(metres, abs=1.0)


def test_it_reads_days_and_start_times() -> None:
    assert parse_day("yesterday", now=NOW) == date(2026, 3, 9)
    assert parse_day("2026-02-01", now=NOW) == date(2026, 2, 1)
    start, has_time = parse_start("2026-03-01T07:00:00+01:00", now=NOW)
    assert has_time and start.utcoffset() == timedelta(hours=1)
    start, has_time = parse_start("2026-03-01", now=NOW)
    assert not has_time and start.tzinfo is not None and start.hour == 12
    with pytest.raises(UsageError):
        parse_day("next tuesday", now=NOW)


def test_a_utc_moment_is_shown_in_its_own_offset() -> None:
    moment = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)
    assert with_offset(moment, 60).isoformat() == "2026-03-01T07:00:00+01:00"
    assert with_offset(moment, None).isoformat() == "2026-03-01T06:00:00+00:00"
    assert with_offset(moment, -300).tzinfo == timezone(timedelta(hours=-5))


def test_weights_heights_and_temperatures_read_as_runners_write_them() -> None:
    from runcoach.units import parse_height, parse_temperature, parse_weight

    assert parse_weight("154lb") == pytest.approx(69.85, abs=0.01)
    assert parse_weight("70") == 70 and parse_weight("70", default_unit="mi") == pytest.approx(
        31.75, abs=0.01
    )
    assert parse_temperature("39F") == pytest.approx(3.89, abs=0.01) and parse_temperature("-4C") == -4
    assert parse_height("8000ft") == pytest.approx(2438.4) and parse_height(
        "8000", default_unit="mi"
    ) == pytest.approx(2438.4)
    for bad, parse in (("70 stone", parse_weight), ("20K", parse_temperature), ("high", parse_height)):
        with pytest.raises(UsageError):
            parse(bad)
