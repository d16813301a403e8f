"""Hydration, sodium and meal timing from ``guidance.yaml``'s numbers (pure)."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import Literal

from runcoach.calculators import LB_PER_KG, ML_PER_FL_OZ, Calculation, Line, rounded, span
from runcoach.knowledge.guidance import Figure, Guidance, Hydration
from runcoach.knowledge.today import TodayKnowledge

MealSize = Literal["big", "snack"]


def _ml(figure: Figure) -> tuple[float, float]:
    """A fluid figure in millilitres: the article's own metric figure when it gives one."""
    metric = next((a for a in figure.alt if a.unit == "ml"), None)
    if metric is not None:
        return metric.low, metric.high
    factor = ML_PER_FL_OZ if figure.unit == "fl_oz" else 1.0
    return figure.low * factor, figure.high * factor


def _volume(figure: Figure) -> str:
    low, high = _ml(figure)
    return f"{span(low, high, 'ml')} ({span(figure.low, figure.high, 'fl oz')})"


def _fluid_line(key: str, label: str, figure: Figure) -> Line:
    return Line(key, label, _volume(figure), figure.note, figure.src)


def _stops(minutes: float, every: Figure) -> tuple[int, int]:
    """How many drink stops a run of ``minutes`` has at one stop every ``every`` minutes (the
    finish is not a stop: 60 minutes at one every 20 is 2 stops)."""
    return math.ceil(minutes / every.high) - 1, math.ceil(minutes / every.low) - 1


def hydration(
    g: Guidance, t: TodayKnowledge, *, weight_kg: float, minutes: float | None = None, hot: bool = False
) -> Calculation:
    """Daily fluids from body weight; before, during (by duration and heat) and after a run."""
    h = g.hydration
    daily_oz = h.daily_fl_oz(weight_kg * LB_PER_KG)
    daily = {"daily_ml": rounded(daily_oz * ML_PER_FL_OZ), "daily_fl_oz": rounded(daily_oz)}
    line = Line(
        "daily",
        "every day",
        f"{daily['daily_ml']} ml ({daily['daily_fl_oz']} fl oz)",
        h.daily_per_body_weight.note,
        h.daily_per_body_weight.src,
    )
    run = run_drinks(g, t, minutes=minutes, hot=hot)
    inputs = {"weight_kg": round(weight_kg, 1), "minutes": minutes, "hot": hot}
    return Calculation("hydration", inputs, daily | run.values, (line, *run.lines))


def run_drinks(g: Guidance, t: TodayKnowledge, *, minutes: float | None, hot: bool) -> Calculation:
    """What to drink before, during (when the run's length is known) and after one run; on a hot
    day also the sodium for the run."""
    values, (before, top_up, after) = _fixed_drinks(g.hydration)
    lines = [before, top_up]
    if minutes is not None:
        during, line = _during(g, t, minutes, hot)
        values["during"] = during
        lines.append(line)
        if hot:
            salt = sodium(g, t, minutes=minutes, hot=True)
            values["sodium_mg"] = salt.values["total_mg"]
            lines.append(next(line for line in salt.lines if line.key == "total"))
    lines.append(after)
    return Calculation("drinks", {"minutes": minutes, "hot": hot}, values, tuple(lines))


def _fixed_drinks(h: Hydration) -> tuple[dict[str, object], tuple[Line, Line, Line]]:
    """The amounts that do not depend on the run: before, the top-up, after."""
    pre_ml, top_ml = _ml(h.pre_run), _ml(h.pre_run_top_up)
    lead, top_lead, within = h.pre_run_lead_time, h.pre_run_top_up_lead_time, h.post_run_within
    values: dict[str, object] = {
        "before": {"ml": rounded(pre_ml[1]), "fl_oz": h.pre_run.high, "hours_before": [lead.low, lead.high]},
        "top_up": {
            "ml": [rounded(top_ml[0]), rounded(top_ml[1])],
            "fl_oz": [h.pre_run_top_up.low, h.pre_run_top_up.high],
            "minutes_before": top_lead.high,
        },
        "after": {"ml": rounded(_ml(h.post_run)[1]), "fl_oz": h.post_run.high, "within_hours": within.high},
    }
    lines = (
        _fluid_line("before", f"{span(lead.low, lead.high, 'h')} before", h.pre_run),
        _fluid_line("top_up", f"{top_lead.high:g} min before", h.pre_run_top_up),
        _fluid_line("after", f"within {within.high:g} h after", h.post_run),
    )
    return values, lines


def _during(g: Guidance, t: TodayKnowledge, minutes: float, hot: bool) -> tuple[dict[str, object], Line]:
    h, text = g.hydration, t.calc_text
    if minutes < h.carry_water_after.low:
        return {"carry_water": False, "stops": 0}, Line(
            "during", "during", "nothing", text.no_water_needed.text, text.no_water_needed.src
        )
    if minutes < h.carry_water_after.high and not hot:
        return {"carry_water": "if_warm", "stops": 0}, Line(
            "during", "during", "optional", text.water_if_hot.text, text.water_if_hot.src
        )
    every = h.long_or_hot_drink_every if hot else h.sip_every
    low, high = _stops(minutes, every)
    sentence = text.hot_drinks if hot else text.carry_water
    value = f"every {span(every.low, every.high, 'min')} ({span(low, high, 'stops')})"
    during = {"carry_water": True, "every_minutes": [every.low, every.high], "stops": [low, high]}
    return during, Line("during", "during", value, sentence.text, sentence.src)


def sodium(
    g: Guidance, t: TodayKnowledge, *, minutes: float, hot: bool = False, salty: bool = False
) -> Calculation:
    """Sodium per hour (and for the whole run) by duration, heat and how salty you sweat."""
    fig, text = g.electrolytes.sodium_per_hour, t.calc_text
    low = fig.high if salty else fig.low
    hours = minutes / 60
    needed = hot or minutes >= 60
    values = {
        "mg_per_hour": [low, fig.high],
        "total_mg": [rounded(low * hours), rounded(fig.high * hours)],
        "needed": needed,
    }
    verdict = text.sodium_needed if needed else text.sodium_optional
    lines = [
        Line("per_hour", "per hour", span(low, fig.high, "mg"), fig.note, fig.src),
        Line(
            "total",
            f"for {minutes:g} min",
            span(low * hours, fig.high * hours, "mg"),
            verdict.text,
            verdict.src,
        ),
    ]
    if salty:
        lines.append(
            Line("salty", "salty sweater", "top end", text.salty_top_end.text, text.salty_top_end.src)
        )
    inputs = {"minutes": minutes, "hot": hot, "salty": salty}
    return Calculation("sodium", inputs, values, tuple(lines))


def _clock(base: time, delta_minutes: float) -> str:
    moment = datetime.combine(date(2000, 1, 2), base) + timedelta(minutes=delta_minutes)
    return moment.strftime("%H:%M")


def meal(
    g: Guidance, *, size: MealSize, ate_at: time | None = None, run_at: time | None = None
) -> Calculation:
    """How long to wait after a full meal or a snack; when to run, or when to eat by."""
    wait = g.meals.full_meal_wait if size == "big" else g.meals.snack_wait
    factor = 60 if wait.unit == "hours" else 1
    low, high = wait.low * factor, wait.high * factor
    values: dict[str, object] = {"size": size, "wait_minutes": [low, high]}
    lines = [Line("wait", "wait", span(low, high, "min"), wait.note, wait.src)]
    if ate_at is not None:
        values["run_from"], values["run_best_after"] = run_from, best = (
            _clock(ate_at, low),
            _clock(ate_at, high),
        )
        lines.append(Line("run_at", "run from", f"{run_from}, better after {best}", "", wait.src))
    if run_at is not None:
        values["eat_by"], values["eat_at_latest"] = eat_by, latest = (
            _clock(run_at, -high),
            _clock(run_at, -low),
        )
        lines.append(Line("eat_by", "eat by", f"{eat_by} (at the latest {latest})", "", wait.src))
    if size == "snack":
        foods = g.meals.light_pre_run_foods
        values["foods"] = list(foods.items)
        lines.append(Line("foods", "light options", ", ".join(foods.items), foods.note, foods.src))
    inputs = {"size": size, "ate_at": _hhmm(ate_at), "run_at": _hhmm(run_at)}
    return Calculation("meal", inputs, values, tuple(lines))


def _hhmm(moment: time | None) -> str | None:
    return moment.strftime("%H:%M") if moment else None
