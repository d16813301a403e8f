"""The four charts: weekly volume with pain, the ACWR band, resting HR against baseline, shoe mileage.

Each builder takes a :class:`History` (the whole log: the ACWR needs the four weeks before the
window, shoe mileage every run) and returns PNG or SVG bytes. matplotlib is imported lazily.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from runcoach.errors import NotFoundError
from runcoach.log.analytics.body import resting_hr_trend, shoe_mileage, weekly_pain
from runcoach.log.analytics.history import History
from runcoach.log.analytics.series import acwr, daily_load, week_start, weekly
from runcoach.reports import style
from runcoach.reports.style import ChartFormat
from runcoach.units import Unit, check_unit, to_unit

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ChartKind = Literal["weekly", "acwr", "resting-hr", "shoes"]
CHART_KINDS: tuple[ChartKind, ...] = ("weekly", "acwr", "resting-hr", "shoes")
#: the acute:chronic range the training-load literature calls safe
ACWR_BAND = (0.8, 1.3)
#: weeks shown when neither --since nor --weeks is given
DEFAULT_WEEKS = 26


class NothingToChart(NotFoundError):
    """The log (or the chosen window) holds nothing this chart could show."""


@dataclass(frozen=True)
class Window:
    first: date
    last: date


def chart_window(
    history: History, *, since: date | None = None, weeks: int | None = None, until: date | None = None
) -> Window:
    """The days a chart shows: from ``since`` (else the last ``weeks`` weeks of the log) to the end
    of the log, or ``until``."""
    last, first_day = history.last_day, history.first_day
    if last is None or first_day is None:
        raise NothingToChart("the log is empty: nothing to chart yet", hint=_EMPTY_HINT)
    if until is not None:
        last = min(last, until)
    if since is not None:
        if since > last:
            raise NothingToChart(f"nothing is logged on or after {since}", hint="choose an earlier --since")
        first = since
        if weeks:
            last = min(last, since + timedelta(days=7 * weeks - 1))
    else:
        first = max(first_day, week_start(last) - timedelta(days=7 * ((weeks or DEFAULT_WEEKS) - 1)))
    return Window(first, last)


_EMPTY_HINT = "log runs (`runcoach log`, `runcoach import`) and check-ins (`runcoach checkin`) first"


def _units(history: History) -> Unit:
    return check_unit(history.units or "km")


def _region_names() -> dict[str, str]:
    from runcoach.knowledge.loader import load_knowledge

    return {r.id: r.name for r in load_knowledge().meta.regions}


def _x(days: list[date], *, shift_h: int = 0) -> npt.NDArray[Any]:
    """Days as x values (numpy datetimes, hour precision so a point can sit mid-week)."""
    return np.array(days, dtype="datetime64[h]") + np.timedelta64(shift_h, "h")


def _date_axis(ax: Axes) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def weekly_chart(
    history: History,
    *,
    fmt: ChartFormat = "png",
    since: date | None = None,
    weeks: int | None = None,
    until: date | None = None,
) -> bytes:
    """Bars of weekly running distance (km or miles) with each region's worst weekly pain on top."""
    win = chart_window(history, since=since, weeks=weeks, until=until)
    units = _units(history)
    rows = weekly(history, first=win.first, last=win.last)
    if not any(w.runs for w in rows):
        raise NothingToChart(f"no runs between {win.first} and {win.last}", hint=_EMPTY_HINT)
    fig = style.new_figure(f"Weekly distance ({units}) and pain")
    ax = fig.add_subplot()
    mondays = [w.start for w in rows]
    bars = [to_unit(w.distance_m, units) for w in rows]
    ax.bar(_x(mondays), bars, width=np.timedelta64(5 * 24, "h"), align="edge", color=style.SKY,
           edgecolor=style.BLUE, label=f"distance ({units})")  # fmt: skip
    ax.set_ylabel(f"distance per week ({units})")
    style.style_axes(ax)
    _date_axis(ax)
    pain = weekly_pain(history)
    if pain:
        _pain_lines(ax.twinx(), pain, mondays)
    style.legend(fig)
    return style.render(fig, fmt)


def _pain_lines(ax: Axes, pain: dict[str, dict[date, int]], mondays: list[date]) -> None:
    names = _region_names()
    for i, (region, by_week) in enumerate(sorted(pain.items())):
        if not any(mondays[0] <= d <= mondays[-1] for d in by_week):
            continue
        colour, marker = style.SERIES[i % len(style.SERIES)]
        # a week without an entry is a gap in the line, not a zero
        scores = [by_week.get(m, math.nan) for m in mondays]
        ax.plot(_x(mondays, shift_h=60), scores, color=colour, marker=marker, linewidth=2, markersize=7,
                label=f"{names.get(region, region)} pain (0-10)")  # fmt: skip
    ax.set_ylim(0, 10.5)
    ax.set_ylabel("worst pain of the week (0-10)")
    ax.spines["top"].set_visible(False)


def acwr_chart(
    history: History,
    *,
    fmt: ChartFormat = "png",
    since: date | None = None,
    weeks: int | None = None,
    until: date | None = None,
) -> bytes:
    """The daily acute:chronic workload ratio (7 vs 28 days) with the 0.8-1.3 band shaded."""
    win = chart_window(history, since=since, weeks=weeks, until=until)
    series = daily_load(history)
    ratio = acwr(series)
    days = [series.day(i) for i in range(len(ratio)) if win.first <= series.day(i) <= win.last]
    values = [float(ratio[series.index(d)]) for d in days]
    if not any(math.isfinite(v) for v in values):
        raise NothingToChart(
            "not enough training history for the ACWR: it needs 4 weeks of runs before the first day shown",
            hint="log more runs, or choose an earlier --since",
        )
    fig = style.new_figure("Acute:chronic workload ratio (7 days vs 28 days)")
    ax = fig.add_subplot()
    low, high = ACWR_BAND
    ax.axhspan(low, high, color=style.GREEN, alpha=0.15, label=f"the usual safe range {low}-{high}")
    ax.plot(_x(days), values, color=style.BLUE, linewidth=2, label="ACWR")
    spikes = [(d, v) for d, v in zip(days, values, strict=True) if math.isfinite(v) and v > high]
    if spikes:
        ax.scatter(_x([d for d, _ in spikes]), [v for _, v in spikes], color=style.VERMILLION, marker="^",
                   s=36, zorder=3, label=f"above {high}: load rising fast")  # fmt: skip
    top = max(v for v in values if math.isfinite(v))
    ax.set_ylim(0, max(2.0, top * 1.1))
    ax.set_ylabel("last 7 days / last 28 days")
    style.style_axes(ax)
    ax.set_xlim(*_x([win.first, win.last + timedelta(days=1)]))
    _date_axis(ax)
    style.legend(fig)
    return style.render(fig, fmt)


def resting_hr_chart(
    history: History,
    *,
    fmt: ChartFormat = "png",
    since: date | None = None,
    weeks: int | None = None,
    until: date | None = None,
) -> bytes:
    """Morning resting heart rate with the runner's baseline and the 5-10 bpm "take it easy" zone."""
    from runcoach.knowledge.guidance import load_guidance

    win = chart_window(history, since=since, weeks=weeks, until=until)
    trend = [p for p in resting_hr_trend(history) if win.first <= p.day <= win.last]
    if not trend:
        raise NothingToChart(
            f"no resting heart rate readings between {win.first} and {win.last}",
            hint="add them with `runcoach checkin --resting-hr 52`",
        )
    rise = load_guidance().heart_rate.resting_rise_warning
    fig = style.new_figure("Resting heart rate against your baseline")
    ax = fig.add_subplot()
    x = _x([p.day for p in trend])
    base = np.array([math.nan if p.baseline is None else p.baseline for p in trend])
    zone = f"{rise.low:g}-{rise.high:g} bpm above: go easy"
    ax.fill_between(
        x, base + rise.low, base + rise.high, color=style.ORANGE, alpha=0.2, step="mid", label=zone
    )
    ax.step(x, base, where="mid", color=style.BLACK, linestyle="--", linewidth=1.5, label="your baseline")
    hr = [p.resting_hr for p in trend]
    ax.plot(x, hr, color=style.BLUE, marker="o", markersize=4, linewidth=1.5, label="resting HR (bpm)")
    high = [
        i for i, p in enumerate(trend) if p.baseline is not None and p.resting_hr >= p.baseline + rise.low
    ]
    if high:
        ax.scatter(x[high], [hr[i] for i in high], color=style.VERMILLION, marker="^", s=50, zorder=3,
                   label="well above baseline")  # fmt: skip
    ax.set_ylabel("beats per minute")
    style.style_axes(ax)
    ax.set_xlim(*_x([win.first, win.last + timedelta(days=1)]))
    _date_axis(ax)
    style.legend(fig)
    return style.render(fig, fmt)


def shoes_chart(
    history: History,
    *,
    fmt: ChartFormat = "png",
    since: date | None = None,
    weeks: int | None = None,
    until: date | None = None,
) -> bytes:
    """Distance in each shoe against its replacement threshold (lifetime: the window is ignored)."""
    shoes = shoe_mileage(history)
    if not shoes:
        raise NothingToChart("no shoes in the log", hint='add a pair with `runcoach shoes add "Pegasus 40"`')
    units = _units(history)
    fig = style.new_figure(f"Shoe mileage ({units}) against replacement", (9.0, 1.6 + 0.6 * len(shoes)))
    ax = fig.add_subplot()
    names = [s.name + (" (retired)" if s.retired else "") for s in shoes]
    done = [to_unit(s.distance_m, units) for s in shoes]
    ax.barh(names, done, color=[_shoe_colour(s.distance_m, s.replace_at_m) for s in shoes], height=0.55)
    for i, shoe in enumerate(shoes):
        label = f"{done[i]:.0f} {units}"
        if shoe.replace_at_m:
            limit = to_unit(shoe.replace_at_m, units)
            ax.plot([limit, limit], [i - 0.4, i + 0.4], color=style.BLACK, linewidth=2.5)
            label += f" of {limit:.0f}" + (": replace" if shoe.due else "")
        ax.annotate(label, (done[i], i), xytext=(6, 0), textcoords="offset points", va="center", fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(f"distance run ({units}); black mark = replacement threshold")
    ax.set_xlim(0, max([*done, *(to_unit(s.replace_at_m or 0, units) for s in shoes)], default=1) * 1.25)
    style.style_axes(ax)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    return style.render(fig, fmt)


def _shoe_colour(done: float, limit: float | None) -> str:
    if limit and done >= limit:
        return style.VERMILLION
    if limit and done >= 0.8 * limit:
        return style.ORANGE
    return style.SKY


Builder = Callable[..., bytes]
BUILDERS: dict[ChartKind, Builder] = {
    "weekly": weekly_chart,
    "acwr": acwr_chart,
    "resting-hr": resting_hr_chart,
    "shoes": shoes_chart,
}


def build_chart(
    kind: str,
    history: History,
    *,
    fmt: ChartFormat = "png",
    since: date | None = None,
    weeks: int | None = None,
    until: date | None = None,
) -> bytes:
    """One chart by name (``weekly``, ``acwr``, ``resting-hr``, ``shoes``)."""
    builder = BUILDERS.get(kind)  # type: ignore[call-overload]
    if builder is None:
        raise NotFoundError(f"unknown chart {kind!r}", hint="charts: " + ", ".join(CHART_KINDS))
    return bytes(builder(history, fmt=fmt, since=since, weeks=weeks, until=until))
