"""Sport labels from every format map to runcoach's nine sports, word by word."""

from __future__ import annotations

import pytest

from runcoach.log.importers.sport import normalise_sport, raw_label


@pytest.mark.parametrize(
    ("label", "sub", "sport"),
    [
        ("running", None, "running"),
        ("Running", "generic", "running"),
        ("running", "treadmill", "treadmill_running"),
        ("running", "trail", "trail_running"),
        ("running", "indoor_running", "treadmill_running"),
        ("Trail Run", None, "trail_running"),
        ("VirtualRun", None, "treadmill_running"),
        ("Biking", None, "cycling"),
        ("Ride", None, "cycling"),
        ("mountain biking", None, "cycling"),
        ("walking", "hiking", "hiking"),
        ("Hike", None, "hiking"),
        ("swimming", "lap_swimming", "swimming"),
        ("9", None, "running"),
        ("16", None, "swimming"),
        ("Swim before brunch", None, "swimming"),
        ("strides", None, "other"),
        ("Other", None, "other"),
        ("transition", None, "other"),
        ("triathlon", None, "multisport"),
        (1, None, "running"),
        (254, None, "other"),
        (None, None, "other"),
        ("", None, "other"),
    ],
)
def test_it_normalises_sport_labels(label: str | int | None, sub: str | None, sport: str) -> None:
    assert normalise_sport(label, sub) == sport


def test_the_raw_label_keeps_the_files_words_and_the_sub_sport() -> None:
    assert raw_label("running", "treadmill") == "running/treadmill"
    assert raw_label("running", "generic") == "running"
    assert raw_label(77, 3) == "sport code 77/code 3"
    assert raw_label(None) is None
