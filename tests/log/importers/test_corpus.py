"""Every activity file of the shared corpus parses as its manifest says (skipped without ../shared)."""

from __future__ import annotations

import pytest

from runcoach.log.importers import (
    ImportFileError,
    NotAnActivityError,
    iter_sources,
    parse_activities,
    parse_activity,
)
from runcoach.log.importers.sport import normalise_sport
from tests.log.importers.corpus import Row, activity_rows, rows

#: where the manifest's reference figure is not what a correct importer should give, and why
DISTANCE_OVERRIDES = {
    # two points sit at latitude 100 and 200; gpxpy adds 39,506 km through them, runcoach drops them
    "OpenTracks/src/androidTest/res/raw/legacy_gpx_pause_resume.gpx": 333.5,
}
NOT_ACTIVITY = {"none", "route", "track-without-times"}


def _rows(expected: str, contents: set[str] | None = None) -> list[object]:
    found = [
        pytest.param(r, id=r.path)
        for r in activity_rows()
        if r.expected == expected and (contents is None or r.content in contents)
    ]
    return found or [pytest.param(None, marks=pytest.mark.skip(reason="../shared/corpus is not available"))]


def _read(row: Row) -> bytes:
    return row.file.read_bytes()


def _expected_sport(label: str) -> str:
    if "+" in label:
        return "multisport"
    sport, _, sub = label.partition("/")
    return normalise_sport(sport or None, sub or None)


@pytest.mark.parametrize("row", _rows("ok", {"activity", "records-only"}))
def test_a_good_activity_file_parses_like_the_manifest_says(row: Row) -> None:
    data = _read(row)
    if row.start is None and row.content == "records-only":
        with pytest.raises(ImportFileError):
            parse_activity(row.path, data)
        return
    activities = parse_activities(row.path, data)
    first = activities[0]
    assert first.start.tzinfo is not None
    if row.start is not None:
        assert abs((first.start - row.start).total_seconds()) <= 1.0
    if row.sport and row.sport != "None":
        assert first.sport == _expected_sport(row.sport) or len(activities) > 1
    expected = DISTANCE_OVERRIDES.get(row.path, row.distance)
    if expected is not None:
        total = sum(a.distance_m or 0.0 for a in activities)
        assert total == pytest.approx(expected, rel=0.01, abs=1.0)


@pytest.mark.parametrize("row", _rows("ok", NOT_ACTIVITY))
def test_a_valid_file_without_an_activity_is_skipped_as_not_an_activity(row: Row) -> None:
    with pytest.raises(NotAnActivityError) as caught:
        parse_activity(row.path, _read(row))
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("row", _rows("corrupt"))
def test_a_broken_file_fails_in_one_line_or_comes_back_with_a_warning(row: Row) -> None:
    try:
        parsed = parse_activity(row.path, _read(row))
    except ImportFileError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert parsed.warnings, "a damaged file that imports must say what was lost"
    assert all("\n" not in w for w in parsed.warnings)


def _zip_rows(expected: str) -> list[object]:
    found = [pytest.param(r, id=r.path) for r in rows() if r.format == "zip" and r.expected == expected]
    return found or [pytest.param(None, marks=pytest.mark.skip(reason="../shared/corpus is not available"))]


def _outcomes(row: Row) -> list[str]:
    """'ok' or 'error: ...' for every item the archive expands to."""
    out = []
    for item in iter_sources([row.file]):
        try:
            parse_activity(item.name, item.read())
            out.append("ok")
        except ImportFileError as exc:
            out.append(f"error: {exc}")
    return out


@pytest.mark.parametrize("row", _zip_rows("ok"))
def test_a_good_archive_expands_to_activities_that_all_parse(row: Row) -> None:
    outcomes = _outcomes(row)
    assert outcomes and set(outcomes) == {"ok"}
    assert len(outcomes) == row.structure.count(":ok")  # members the manifest marks ":ok"


@pytest.mark.parametrize("row", _zip_rows("corrupt"))
def test_a_bad_archive_reports_what_is_wrong(row: Row) -> None:
    assert any(outcome.startswith("error: ") for outcome in _outcomes(row))
