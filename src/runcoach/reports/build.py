"""Build the one :class:`ReportContext` from a History (the whole log: load before a flare counts),
the saved assessments and the knowledge base. Pure: no database, no files."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from runcoach.knowledge.loader import KnowledgeBase
from runcoach.log.analytics.body import PainEpisode, pain_episodes, pain_points
from runcoach.log.analytics.history import History
from runcoach.log.analytics.series import acwr, daily_load, is_running, week_start, weekly
from runcoach.reports import context as rc
from runcoach.reports.charts import CHART_KINDS, NothingToChart, build_chart
from runcoach.reports.text import CHART_TITLES, URGENT_WITHOUT_FLAG
from runcoach.units import check_unit, to_unit

#: weeks of training load shown before and after the week a flare starts
WEEKS_BEFORE = 3
WEEKS_AFTER = 2
#: the ACWR peak is looked for in this many days up to a flare's first day
ACWR_LOOKBACK_DAYS = 14
#: conditions listed per assessment
TOP_CONDITIONS = 3


class SavedAssessment(Protocol):
    """What the report reads of a saved assessment (``services.assessments.AssessmentView``)."""

    @property
    def day(self) -> date: ...
    @property
    def text(self) -> str: ...
    @property
    def triage(self) -> str: ...
    @property
    def run_decision(self) -> str: ...
    @property
    def red_flags(self) -> list[str]: ...
    @property
    def result(self) -> dict[str, Any]: ...


def build_context(
    history: History,
    assessments: Sequence[SavedAssessment],
    kb: KnowledgeBase,
    *,
    since: date,
    until: date,
    today: date,
    disclaimer: str,
    with_charts: bool = True,
) -> rc.ReportContext:
    """The report for the days ``since``..``until`` of ``history``."""
    window = _window(history, since, until)
    regions = {r.id: r.name for r in kb.meta.regions}
    episodes = pain_episodes(window)
    saved = [a for a in assessments if since <= a.day <= until]
    items = tuple(_assessment(a, kb) for a in saved)
    charts, missing = _charts(history, since, until) if with_charts else ((), {})
    return rc.ReportContext(
        generated=today,
        since=since,
        until=until,
        runner=_runner(history, today),
        red_flags=_red_flags(saved, kb),
        complaints=_complaints(window, episodes, regions),
        flares=_flares(history, episodes, regions),
        assessments=items,
        tried=_tried(window),
        training=_training(window, since, until),
        timeline=tuple(
            rc.PainItem(p.day, _name(regions, p.region), p.score, p.side, _words(p.sensation), _words(p.when))
            for p in pain_points(window)
        ),
        charts=charts,
        disclaimer=disclaimer,
        charts_missing=missing,
    )


def _window(history: History, since: date, until: date) -> History:
    return replace(
        history,
        runs=tuple(r for r in history.runs if since <= r.day <= until),
        checkins=tuple(c for c in history.checkins if since <= c.day <= until),
    )


def _name(names: Mapping[str, str], key: str) -> str:
    return names.get(key) or key.replace("_", " ").capitalize()


def _words(value: str | None) -> str | None:
    return value.replace("_", " ") if value else None


def _runner(history: History, today: date) -> rc.RunnerInfo:
    age = today.year - history.birth_year if history.birth_year else None
    return rc.RunnerInfo(history.units, age, history.sex, history.resting_hr_baseline)


def _red_flags(saved: Sequence[SavedAssessment], kb: KnowledgeBase) -> tuple[rc.RedFlagItem, ...]:
    """Every red flag of every assessment (and every urgent or emergency assessment without one),
    emergencies first, then newest first."""
    labels = {t.id: t.label for t in kb.meta.triage_levels}
    items = [
        rc.RedFlagItem(a.day, q, level, a.text, labels.get(a.triage, a.triage))
        for a in saved
        for q, level in _flag_details(a, kb) or _urgent_without_flag(a)
    ]
    items.sort(key=lambda f: (f.level != "emergency", -f.day.toordinal()))
    return tuple(items)


def _urgent_without_flag(a: SavedAssessment) -> list[tuple[str, str]]:
    return [(URGENT_WITHOUT_FLAG, a.triage)] if a.triage in ("urgent", "emergency") else []


def _flag_details(a: SavedAssessment, kb: KnowledgeBase) -> list[tuple[str, str]]:
    details = {d.get("finding_id"): d for d in a.result.get("red_flag_details") or [] if isinstance(d, dict)}
    out = []
    for fid in a.red_flags:
        finding = kb.findings.get(fid)
        question = details.get(fid, {}).get("question") or (finding.question if finding else fid)
        # an unknown level is treated as urgent: when unsure, more cautious
        level = details.get(fid, {}).get("level") or (finding.red_flag_level if finding else None) or "urgent"
        out.append((str(question), str(level)))
    return out


def _assessment(a: SavedAssessment, kb: KnowledgeBase) -> rc.AssessmentItem:
    triage = {t.id: t.label for t in kb.meta.triage_levels}
    runs = {r.id: r.label for r in kb.meta.run_decisions}
    conditions = []
    for item in (a.result.get("conditions") or [])[:TOP_CONDITIONS]:
        cond = kb.conditions.get(str(item.get("id")))
        name = cond.name if cond else str(item.get("name") or item.get("id"))
        prob = item.get("probability")
        conditions.append(rc.ConditionItem(name, cond.icd10 if cond else None, float(prob) if prob else None))
    return rc.AssessmentItem(
        day=a.day,
        text=a.text,
        triage=a.triage,
        triage_label=triage.get(a.triage, a.triage),
        run_decision=a.run_decision,
        run_label=runs.get(a.run_decision, a.run_decision),
        conditions=tuple(conditions),
        red_flags=tuple(q for q, _ in _flag_details(a, kb)),
    )


def _complaints(
    window: History, episodes: list[PainEpisode], regions: Mapping[str, str]
) -> tuple[rc.Complaint, ...]:
    out = []
    points = pain_points(window)
    for region in dict.fromkeys(p.region for p in points):
        mine = [p for p in points if p.region == region]
        out.append(
            rc.Complaint(
                region=_name(regions, region),
                first=mine[0].day,
                last=mine[-1].day,
                entries=len(mine),
                worst=max(p.score for p in mine),
                latest=mine[-1].score,
                sides=tuple(dict.fromkeys(p.side for p in mine if p.side)),
                sensations=tuple(dict.fromkeys(p.sensation for p in mine if p.sensation)),
                timings=tuple(dict.fromkeys(_words(p.when) or "" for p in mine if p.when)),
                flares=sum(1 for e in episodes if e.region == region),
            )
        )
    return tuple(out)


def _flares(
    history: History, episodes: list[PainEpisode], regions: Mapping[str, str]
) -> tuple[rc.Flare, ...]:
    ratio = acwr(daily_load(history)) if episodes else np.zeros(0)
    return tuple(_flare(history, e, regions, ratio) for e in episodes)


def _flare(
    history: History, episode: PainEpisode, regions: Mapping[str, str], ratio: npt.NDArray[np.float64]
) -> rc.Flare:
    units = check_unit(history.units or "km")
    monday = week_start(episode.first)
    last = min(monday + timedelta(days=7 * WEEKS_AFTER + 6), history.last_day or monday)
    rows = weekly(history, first=monday - timedelta(days=7 * WEEKS_BEFORE), last=max(last, monday))
    weeks = tuple(rc.LoadWeek(w.start, to_unit(w.distance_m, units), _phase(w.start, monday)) for w in rows)
    before = [w.distance for w in weeks if w.phase == "before"]
    after = [w.distance for w in weeks if w.phase == "after"]
    series_first = history.first_day or episode.first
    at = (episode.first - series_first).days
    lookback = [float(ratio[i]) for i in range(max(at - ACWR_LOOKBACK_DAYS + 1, 0), at + 1) if i < len(ratio)]
    finite = [v for v in lookback if math.isfinite(v)]
    return rc.Flare(
        region=_name(regions, episode.region),
        first=episode.first,
        last=episode.last,
        worst=episode.worst,
        entries=len(episode.points),
        weeks=weeks,
        before_avg=sum(before) / len(before) if before else None,
        flare_week=next((w.distance for w in weeks if w.phase == "flare"), 0.0),
        after_avg=sum(after) / len(after) if after else None,
        acwr_at_start=lookback[-1] if lookback and math.isfinite(lookback[-1]) else None,
        acwr_peak_before=max(finite) if finite else None,
    )


def _phase(start: date, flare_monday: date) -> str:
    return "before" if start < flare_monday else "flare" if start == flare_monday else "after"


def _tried(window: History) -> tuple[rc.TriedItem, ...]:
    out = []
    for c in window.checkins:
        for t in c.training:
            out.append(rc.TriedItem(c.day, f"{_words(t.kind)}, {t.minutes:g} min", t.notes))
        if c.note.strip():
            out.append(rc.TriedItem(c.day, "note", c.note.strip()))
    return tuple(out)


def _training(window: History, since: date, until: date) -> rc.TrainingSummary | None:
    runs = [r for r in window.runs if is_running(r)]
    if not runs:
        return None
    units = check_unit(window.units or "km")
    weeks = max(1, math.ceil(((until - since).days + 1) / 7))
    total = to_unit(sum(r.distance_m for r in runs), units)
    longest = to_unit(max(r.distance_m for r in runs), units)
    return rc.TrainingSummary(len(runs), total, weeks, total / weeks, longest)


def _charts(history: History, since: date, until: date) -> tuple[tuple[rc.ChartImage, ...], dict[str, str]]:
    charts: list[rc.ChartImage] = []
    missing: dict[str, str] = {}
    for kind in CHART_KINDS:
        try:
            png = build_chart(kind, history, fmt="png", since=since, until=until)
        except NothingToChart as exc:
            missing[kind] = exc.message
            continue
        charts.append(rc.ChartImage(kind, CHART_TITLES[kind], png))
    return tuple(charts), missing
