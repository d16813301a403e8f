from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from runcoach.log.checks import record_time, run_problems

NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)
START = datetime(2026, 3, 9, 7, 0, tzinfo=UTC)


def fields(**kwargs: object) -> list[str]:
    values: dict[str, object] = {
        "sport": "running",
        "start": START,
        "distance_m": 10000.0,
        "elapsed_s": 3000.0,
    }
    values.update(kwargs)
    return [p.field for p in run_problems(now=NOW, **values)]  # type: ignore[arg-type]


def test_record_times_pass_through_the_records() -> None:
    assert record_time(42195) == pytest.approx(7235)
    assert record_time(5000) == pytest.approx(755.36)
    assert 755.36 < record_time(8000) < 1571


def test_a_plausible_run_has_no_problems() -> None:
    assert fields() == []
    assert fields(avg_hr=150, max_hr=180, cadence_spm=172, elevation_gain_m=120) == []


def test_it_flags_a_pace_faster_than_the_world_record() -> None:
    assert fields(distance_m=10000, elapsed_s=20 * 60) == ["distance_m"]
    assert fields(sport="cycling", distance_m=10000, elapsed_s=20 * 60) == []


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"distance_m": -1.0}, "distance_m"),
        ({"elapsed_s": 0.0}, "duration_s"),
        ({"avg_hr": 400}, "avg_hr"),
        ({"max_hr": 10}, "max_hr"),
        ({"avg_hr": 170, "max_hr": 150}, "avg_hr"),
        ({"start": NOW + timedelta(days=2)}, "start"),
        ({"cadence_spm": 900}, "cadence_spm"),
        ({"elevation_gain_m": -5}, "elevation_gain_m"),
        ({"distance_m": 2_000_000.0, "elapsed_s": 9 * 86400.0}, "distance_m"),
    ],
)
def test_it_flags_impossible_values(kwargs: dict[str, object], field: str) -> None:
    assert field in fields(**kwargs)
