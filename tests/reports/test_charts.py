from __future__ import annotations

import io
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
from PIL import Image

from runcoach.errors import NotFoundError
from runcoach.log.analytics.history import CheckinRecord, History
from runcoach.reports.charts import CHART_KINDS, NothingToChart, build_chart, chart_window
from runcoach.reports.style import VERMILLION
from tests.reports.conftest import START, small_history

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _image(data: bytes) -> Image.Image:
    assert data.startswith(PNG_SIGNATURE)
    return Image.open(io.BytesIO(data)).convert("RGB")


def _has_colour(image: Image.Image, hex_colour: str, tolerance: int = 12) -> bool:
    want = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return any(
        all(abs(c - w) <= tolerance for c, w in zip(px, want, strict=True)) for _, px in _colours(image)
    )


def _colours(image: Image.Image) -> list[tuple[int, tuple[int, int, int]]]:
    return image.getcolors(maxcolors=1 << 24) or []


def _svg_text(data: bytes) -> str:
    root = ElementTree.fromstring(data)
    assert root.tag.endswith("svg")
    return " ".join(t for t in root.itertext() if t.strip())


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_chart_is_a_valid_png_and_a_valid_svg(kind: str, history: History) -> None:
    image = _image(build_chart(kind, history, fmt="png"))
    assert image.width >= 800 and image.height >= 150
    assert len(_colours(image)) > 10  # not a blank canvas
    assert _svg_text(build_chart(kind, history, fmt="svg"))


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_chart_refuses_an_empty_log_with_a_hint(kind: str) -> None:
    with pytest.raises(NothingToChart) as caught:
        build_chart(kind, History())
    assert caught.value.hint


def test_the_weekly_chart_is_in_the_runners_units_and_names_the_painful_region(history: History) -> None:
    km = _svg_text(build_chart("weekly", history, fmt="svg"))
    assert "Weekly distance (km)" in km and "Hip, groin and buttock pain" in km
    miles = _svg_text(build_chart("weekly", small_history(units="mi"), fmt="svg"))
    assert "Weekly distance (mi)" in miles


def test_pain_is_drawn_only_when_there_is_pain(history: History) -> None:
    assert _has_colour(_image(build_chart("weekly", history)), VERMILLION)
    no_pain = [CheckinRecord(c.day, resting_hr=c.resting_hr) for c in history.checkins]
    painless = History.of(history.runs, no_pain)
    assert not _has_colour(_image(build_chart("weekly", painless)), VERMILLION)


def test_the_acwr_chart_shows_its_band_and_marks_the_spike(history: History) -> None:
    text = _svg_text(build_chart("acwr", history, fmt="svg"))
    assert "0.8-1.3" in text and "above 1.3" in text


def test_the_acwr_chart_needs_four_weeks_of_history() -> None:
    short = History.of(small_history().runs[:10])
    with pytest.raises(NothingToChart, match="4 weeks"):
        build_chart("acwr", short)


def test_the_resting_hr_chart_shows_the_baseline_and_the_reading_above_it(history: History) -> None:
    text = _svg_text(build_chart("resting-hr", history, fmt="svg"))
    assert "your baseline" in text and "well above baseline" in text
    no_hr = History.of(history.runs, [CheckinRecord(c.day) for c in history.checkins])
    with pytest.raises(NothingToChart, match="resting heart rate"):
        build_chart("resting-hr", no_hr)


def test_the_shoes_chart_says_which_pair_to_replace(history: History) -> None:
    text = _svg_text(build_chart("shoes", history, fmt="svg"))
    assert "Pegasus 40" in text and "replace" in text  # 320 km run, threshold 200 km
    assert "0 km of 700" in text


def test_the_window_starts_at_since_and_spans_the_weeks_asked_for(history: History) -> None:
    win = chart_window(history, since=date(2026, 6, 15), weeks=2)
    assert (win.first, win.last) == (date(2026, 6, 15), date(2026, 6, 28))
    last = chart_window(history, weeks=3)
    assert last.last == START + timedelta(days=69) and last.first == date(2026, 7, 20)  # three whole weeks
    assert chart_window(history).first == START  # fewer than the default 26 weeks logged


def test_a_window_without_runs_is_refused(history: History) -> None:
    with pytest.raises(NothingToChart, match="nothing is logged on or after 2027-01-01"):
        build_chart("acwr", history, since=date(2027, 1, 1))
    runless = History.of(checkins=history.checkins)
    with pytest.raises(NothingToChart, match="no runs between"):
        build_chart("weekly", runless)


def test_an_unknown_chart_is_refused() -> None:
    with pytest.raises(NotFoundError, match="unknown chart"):
        build_chart("pace", small_history())
