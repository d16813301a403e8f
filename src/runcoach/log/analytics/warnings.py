"""Training-load and form warnings from a runner's history (pure).

Each rule reads its thresholds from the knowledge base (``analytics.yaml``, ``warnings.rules``)
and returns :class:`Alert` records: which rule, how serious, the day, and the numbers it saw.
The service turns them into sentences. Rules look back ``lookback_days`` from ``today``.
"""

from __future__ import annotations

import bisect
import itertools
from datetime import date, timedelta

import numpy as np

from runcoach.knowledge.warning_models import Warnings
from runcoach.log.analytics.history import History
from runcoach.log.analytics.series import Week, acwr, is_running, monotony_and_strain
from runcoach.log.analytics.warning_context import Alert, Context, Rule
from runcoach.log.analytics.warnings_body import BODY_RULES


def _pct(now: float, before: float) -> float:
    return round(100 * (now - before) / before, 1)


def _week_changes(ctx: Context, rule: str) -> list[tuple[Week, float, float]]:
    """(week, the recent level it is compared with, % change) for the weeks in the look-back.
    The recent level is the higher of the week before and the average of the ``compare_weeks``
    weeks before, so coming back from a cutback week to your usual volume is not a jump."""
    span = int(ctx.t(rule, "compare_weeks"))
    weeks = ctx.weeks
    out = []
    for i in range(1, len(weeks)):
        before = weeks[max(i - span, 0) : i]
        level = max(before[-1].distance_m, sum(w.distance_m for w in before) / len(before))
        if weeks[i].end >= ctx.since and level >= ctx.t(rule, "min_previous_m"):
            out.append((weeks[i], level, _pct(weeks[i].distance_m, level)))
    return out


def _week_alert(ctx: Context, rule: str, week: Week, level: float, change: float) -> Alert:
    span = int(ctx.t(rule, "compare_weeks"))
    return ctx.alert(rule, week.start, week=week.start, distance=week.distance_m, previous=level,
                     change_pct=change, weeks=span)  # fmt: skip


def weekly_increase(ctx: Context) -> list[Alert]:
    low, high = ctx.t("weekly_increase", "max_increase_pct"), ctx.t("weekly_spike", "spike_pct")
    changes = _week_changes(ctx, "weekly_increase")
    return [_week_alert(ctx, "weekly_increase", w, level, c) for w, level, c in changes if low < c <= high]


def weekly_spike(ctx: Context) -> list[Alert]:
    spike = ctx.t("weekly_spike", "spike_pct")
    changes = _week_changes(ctx, "weekly_spike")
    return [_week_alert(ctx, "weekly_spike", w, level, c) for w, level, c in changes if c > spike]


def single_run_spike(ctx: Context) -> list[Alert]:
    window = int(ctx.t("single_run_spike", "window_days"))
    longer, double = ctx.t("single_run_spike", "longer_pct"), ctx.t("single_run_spike", "double_ratio")
    runs = [r for r in ctx.history.runs if is_running(r) and r.day <= ctx.today]
    days = [r.day for r in runs]
    out = []
    for i in range(bisect.bisect_left(days, ctx.since), len(runs)):
        run = runs[i]
        lo, hi = bisect.bisect_left(days, run.day - timedelta(days=window)), bisect.bisect_left(days, run.day)
        longest = max((r.distance_m for r in runs[lo:hi]), default=0.0)
        if longest < ctx.t("single_run_spike", "min_longest_m") or run.distance_m <= longest * (
            1 + longer / 100
        ):
            continue
        strong = run.distance_m >= double * longest
        values = {"distance": run.distance_m, "longest": longest, "longer_pct": _pct(run.distance_m, longest)}
        out.append(ctx.alert("single_run_spike", run.day, strong, day=run.day, window=window, **values))
    return out


def long_run_share(ctx: Context) -> list[Alert]:
    share, floor = ctx.t("long_run_share", "max_share_pct"), ctx.t("long_run_share", "min_week_m")
    out = []
    for w in ctx.weeks:
        if w.end < ctx.since or w.distance_m < floor or 100 * w.long_run_m / w.distance_m <= share:
            continue
        day = next(
            r.day for r in ctx.history.runs if r.distance_m == w.long_run_m and w.start <= r.day <= w.end
        )
        pct = round(100 * w.long_run_m / w.distance_m, 1)
        values = {"distance": w.long_run_m, "week_distance": w.distance_m, "share_pct": pct}
        out.append(ctx.alert("long_run_share", day, day=day, **values))
    return out


def acwr_band(ctx: Context) -> list[Alert]:
    acute, chronic = int(ctx.t("acwr", "acute_days")), int(ctx.t("acwr", "chronic_days"))
    series = ctx.daily
    if len(series.values) < chronic or series.last != ctx.today:
        return []
    if float(series.values[-chronic:].sum()) < ctx.t("acwr", "min_chronic_m"):
        return []
    ratio = float(acwr(series, acute=acute, chronic=chronic)[-1])
    if np.isnan(ratio) or ctx.t("acwr", "low") <= ratio <= ctx.t("acwr", "high"):
        return []
    return [ctx.alert("acwr", ctx.today, day=ctx.today, ratio=round(ratio, 2), acute=acute, chronic=chronic)]


def monotony(ctx: Context) -> list[Alert]:
    if not len(ctx.daily.values) or ctx.daily.last != ctx.today:
        return []
    mono, strain = monotony_and_strain(ctx.daily, ctx.today)
    strain_km = strain / 1000
    if mono <= ctx.t("monotony", "max_monotony") and strain_km <= ctx.t("monotony", "max_strain_km"):
        return []
    return [
        ctx.alert("monotony", ctx.today, day=ctx.today, monotony=round(mono, 2), strain=round(strain_km, 1))
    ]


def no_cutback(ctx: Context) -> list[Alert]:
    done = [w for w in ctx.weeks if w.end < ctx.today + timedelta(days=1)]
    cut, floor = ctx.t("no_cutback", "cutback_pct") / 100, ctx.t("no_cutback", "min_week_m")
    streak: list[Week] = []
    for before, week in itertools.pairwise(done):
        building = week.distance_m >= floor and week.distance_m > before.distance_m * (1 - cut)
        streak = [*streak, week] if building else []
    if len(streak) < ctx.t("no_cutback", "build_weeks") or streak[-1].distance_m <= streak[0].distance_m:
        return []
    return [
        ctx.alert("no_cutback", streak[-1].end, weeks=len(streak), first=streak[0].start, last=streak[-1].end)
    ]


def rules() -> dict[str, Rule]:
    return {
        "weekly_increase": weekly_increase,
        "weekly_spike": weekly_spike,
        "single_run_spike": single_run_spike,
        "long_run_share": long_run_share,
        "acwr": acwr_band,
        "monotony": monotony,
        "no_cutback": no_cutback,
        **BODY_RULES,
    }


def find_warnings(history: History, *, rules_data: Warnings, today: date | None = None) -> list[Alert]:
    """Every warning of the enabled rules, most serious first, then newest first."""
    day = today or history.last_day
    if day is None:
        return []
    ctx = Context(history, rules_data, day)
    alerts = [a for rid, rule in rules().items() if rules_data.rules[rid].enabled for a in rule(ctx)]
    order = {"warning": 0, "caution": 1, "note": 2}
    return sorted(alerts, key=lambda a: (order[a.level], -a.day.toordinal(), a.rule))
