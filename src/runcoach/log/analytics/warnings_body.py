"""Warnings about intensity, shoes, form and recovery signals (pure; see ``warnings.py``)."""

from __future__ import annotations

import bisect
import itertools
from datetime import date, timedelta

from runcoach.log.analytics.series import HARD_TYPES, is_running
from runcoach.log.analytics.warning_context import Alert, Context, Rule


def back_to_back_hard(ctx: Context) -> list[Alert]:
    gap = int(ctx.t("back_to_back_hard", "window_days"))
    hard = [r for r in ctx.history.runs if r.run_type in HARD_TYPES and ctx.since <= r.day <= ctx.today]
    out = []
    for a, b in itertools.pairwise(hard):
        if 0 < (b.day - a.day).days <= gap:
            out.append(ctx.alert("back_to_back_hard", b.day, first=a.day, second=b.day,
                                 first_type=str(a.run_type), second_type=str(b.run_type)))  # fmt: skip
    return out


def hard_share_rising(ctx: Context) -> list[Alert]:
    weeks = int(ctx.t("hard_share_rising", "weeks"))
    split = ctx.today - timedelta(days=7 * weeks)
    start = split - timedelta(days=7 * weeks)
    runs = [r for r in ctx.history.runs if is_running(r) and start < r.day <= ctx.today]
    now = [r for r in runs if r.day > split]
    before = [r for r in runs if r.day <= split]
    if len(now) < 4 or len(before) < 4:
        return []
    share = 100 * sum(r.run_type in HARD_TYPES for r in now) / len(now)
    previous = 100 * sum(r.run_type in HARD_TYPES for r in before) / len(before)
    if share < ctx.t("hard_share_rising", "min_share_pct") or share - previous < ctx.t(
        "hard_share_rising", "rise_points_pct"
    ):
        return []
    return [
        ctx.alert(
            "hard_share_rising", ctx.today, share_pct=round(share), previous_pct=round(previous), weeks=weeks
        )
    ]


def shoe_mileage(ctx: Context) -> list[Alert]:
    out = []
    for shoe in ctx.history.shoes:
        if shoe.replace_at_m is None or (shoe.retired is not None and shoe.retired <= ctx.today):
            continue
        done = sum(r.distance_m for r in ctx.history.runs if r.shoe == shoe.ref and r.day <= ctx.today)
        if done >= shoe.replace_at_m:
            out.append(
                ctx.alert("shoe_mileage", ctx.today, shoe=shoe.name, distance=done, limit=shoe.replace_at_m)
            )
    return out


def new_shoe(ctx: Context) -> list[Alert]:
    days = int(ctx.t("new_shoe", "days"))
    first: dict[str, date] = {}
    for run in ctx.history.runs:
        if run.shoe and run.shoe not in first and run.day <= ctx.today:
            first[run.shoe] = run.day
    names = {s.ref: s.name for s in ctx.history.shoes}
    out = []
    for i, (ref, day) in enumerate(first.items()):
        if i > 0 and day >= ctx.today - timedelta(days=days):
            out.append(ctx.alert("new_shoe", day, shoe=names.get(ref, ref), day=day))
    return out


def low_cadence(ctx: Context) -> list[Alert]:
    days = int(ctx.t("low_cadence", "days"))
    runs = [
        r for r in ctx.history.runs if r.cadence_spm and ctx.today - timedelta(days=days) < r.day <= ctx.today
    ]
    if len(runs) < ctx.t("low_cadence", "min_runs"):
        return []
    cadence = sum(float(r.cadence_spm or 0) for r in runs) / len(runs)
    target = ctx.t("low_cadence", "below_spm")
    if cadence >= target:
        return []
    return [
        ctx.alert(
            "low_cadence", ctx.today, runs=len(runs), days=days, cadence=round(cadence), target=round(target)
        )
    ]


def _baseline(ctx: Context, rule: str, attr: str) -> tuple[date, float, float] | None:
    """(day, value, baseline) of the latest reading in the last week and its own baseline."""
    when, values = ctx.history.readings(attr)
    last = bisect.bisect_right(when, ctx.today) - 1
    if last < 0 or when[last] < ctx.today - timedelta(days=7):
        return None
    day, value = when[last], values[last]
    if attr == "resting_hr" and ctx.history.resting_hr_baseline is not None:
        return day, value, float(ctx.history.resting_hr_baseline)
    found = ctx.history.median_before(
        attr, day, days=int(ctx.t(rule, "baseline_days")), min_readings=ctx.t(rule, "min_baseline_days")
    )
    return None if found is None else (day, value, found[0])


def resting_hr(ctx: Context) -> list[Alert]:
    found = _baseline(ctx, "resting_hr", "resting_hr")
    if found is None:
        return []
    day, value, base = found
    rise = value - base
    if rise < ctx.t("resting_hr", "rise_bpm"):
        return []
    strong = rise >= ctx.t("resting_hr", "strong_rise_bpm")
    return [
        ctx.alert(
            "resting_hr", day, strong, day=day, value=round(value), rise=round(rise), baseline=round(base)
        )
    ]


def hrv_low(ctx: Context) -> list[Alert]:
    found = _baseline(ctx, "hrv_low", "hrv_ms")
    if found is None:
        return []
    day, value, base = found
    drop = 100 * (base - value) / base
    if drop < ctx.t("hrv_low", "drop_pct"):
        return []
    return [
        ctx.alert("hrv_low", day, day=day, value=round(value), drop_pct=round(drop), baseline=round(base))
    ]


BODY_RULES: dict[str, Rule] = {
    "back_to_back_hard": back_to_back_hard,
    "hard_share_rising": hard_share_rising,
    "shoe_mileage": shoe_mileage,
    "new_shoe": new_shoe,
    "low_cadence": low_cadence,
    "resting_hr": resting_hr,
    "hrv_low": hrv_low,
}
