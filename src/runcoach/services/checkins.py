"""Daily body check-ins: pain entries, sleep, stress, resting HR, HRV, illness, cycle day, training.

One check-in per runner and day; each call adds to the day's check-in (numbers given again replace
the earlier ones, pain entries and training sessions are added).
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from runcoach.dates import local_now, parse_day
from runcoach.errors import DataError, UsageError
from runcoach.knowledge.loader import KnowledgeBase, load_knowledge
from runcoach.log.db import Database
from runcoach.log.models import Checkin, PainEntry, Runner, TrainingSession
from runcoach.log.runners import get_runner
from runcoach.log.vocab import ILLNESSES, SENSATIONS, SIDES, TIMINGS, TRAINING_KINDS


@dataclass(frozen=True)
class PainInput:
    region: str
    score: int
    side: str | None = None
    sensation: str | None = None
    timing: str | None = None
    warms_up: bool | None = None


@dataclass(frozen=True)
class TrainingInput:
    kind: str
    minutes: float
    notes: str = ""


@dataclass(frozen=True)
class CheckinInput:
    """What one ``runcoach checkin`` call says; None leaves the stored value alone."""

    sleep_h: float | None = None
    sleep_quality: int | None = None
    stress: int | None = None
    resting_hr: int | None = None
    hrv_ms: float | None = None
    illness: str | None = None
    cycle_day: int | None = None
    note: str | None = None
    pain: tuple[PainInput, ...] = ()
    training: tuple[TrainingInput, ...] = ()


@dataclass(frozen=True)
class CheckinView:
    day: date
    sleep_h: float | None
    sleep_quality: int | None
    stress: int | None
    resting_hr: int | None
    hrv_ms: float | None
    illness: str | None
    cycle_day: int | None
    note: str
    pain: list[dict[str, Any]] = field(default_factory=list)
    training: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The exchange-format record of the day (contract section 5)."""
        return {
            "date": self.day.isoformat(),
            "sleep_h": self.sleep_h,
            "sleep_quality": self.sleep_quality,
            "stress": self.stress,
            "resting_hr": self.resting_hr,
            "hrv_ms": self.hrv_ms,
            "illness": self.illness,
            "cycle_day": self.cycle_day,
            "note": self.note,
            "pain": self.pain,
            "training": self.training,
        }


def resolve_region(text: str, kb: KnowledgeBase | None = None) -> str:
    """A knowledge-base region id from an id or a word runners use (``hip`` -> ``hip_groin``)."""
    kb = kb or load_knowledge()
    want = text.strip().lower().replace("-", "_")
    if want in kb.regions:
        return want
    spaced = want.replace("_", " ")
    hits = [r.id for r in kb.regions.values() if any(fnmatch.fnmatchcase(spaced, w.lower()) for w in r.words)]
    if not hits:
        hits = [rid for rid in kb.regions if rid.startswith(want)]
    if len(hits) == 1:
        return hits[0]
    hint = "regions: " + ", ".join(kb.regions)
    if hits:
        raise UsageError(f"{text!r} could mean more than one region: {', '.join(hits)}", hint=hint)
    raise UsageError(f"unknown body region {text!r}", hint=hint)


def _check(value: Any, allowed: tuple[str, ...], name: str, problems: list[str]) -> None:
    if value is not None and value not in allowed:
        problems.append(f"{name}: {value!r} is not one of {', '.join(allowed)}")


def _ranges(data: CheckinInput) -> list[str]:
    problems: list[str] = []
    limits: dict[str, tuple[float, float]] = {
        "sleep_h": (0, 24),
        "sleep_quality": (1, 5),
        "stress": (0, 10),
        "resting_hr": (20, 150),
        "hrv_ms": (1, 500),
        "cycle_day": (1, 60),
    }
    for name, (low, high) in limits.items():
        value = getattr(data, name)
        if value is not None and not low <= value <= high:
            problems.append(f"{name}: {value:g} is outside {low:g}-{high:g}")
    _check(data.illness, ILLNESSES, "illness", problems)
    for pain in data.pain:
        if not 0 <= pain.score <= 10:
            problems.append(f"pain score: {pain.score} is outside 0-10")
        _check(pain.side, SIDES, "side", problems)
        _check(pain.sensation, SENSATIONS, "sensation", problems)
        _check(pain.timing, TIMINGS, "when", problems)
    for train in data.training:
        _check(train.kind, TRAINING_KINDS, "training kind", problems)
        if not 0 < train.minutes <= 24 * 60:
            problems.append(f"training minutes: {train.minutes:g} is outside 1-1440")
    return problems


def record_checkin(
    *,
    db: Database,
    data: CheckinInput,
    day: str | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> CheckinView:
    """Add to the day's check-in (today by default). Values out of range are refused, nothing stored."""
    now = now or local_now()
    the_day = parse_day(day, now=now) if day else now.date()
    problems = _ranges(data)
    if the_day > now.date():
        problems.append(f"date: {the_day.isoformat()} is in the future")
    if problems:
        raise DataError("check-in not saved: " + "; ".join(problems), hint="see `runcoach checkin --help`")
    with db.session() as session:
        runner = get_runner(session, runner_id)
        checkin = _day_checkin(session, runner, the_day)
        for name in ("sleep_h", "sleep_quality", "stress", "resting_hr", "hrv_ms", "illness", "cycle_day"):
            if getattr(data, name) is not None:
                setattr(checkin, name, getattr(data, name))
        if data.note:
            checkin.note = f"{checkin.note}\n{data.note}".strip() if checkin.note else data.note
        for pain in data.pain:
            checkin.pain.append(PainEntry(**pain.__dict__))
        for train in data.training:
            checkin.training.append(
                TrainingSession(kind=train.kind, minutes=train.minutes, notes=train.notes)
            )
        session.flush()
        return checkin_view(checkin)


def _day_checkin(session: Session, runner: Runner, day: date) -> Checkin:
    found = session.scalars(
        select(Checkin)
        .where(Checkin.runner_id == runner.id, Checkin.day == day)
        .options(selectinload(Checkin.pain), selectinload(Checkin.training))
    ).one_or_none()
    if found is None:
        found = Checkin(runner_id=runner.id, day=day, note="", pain=[], training=[])
        session.add(found)
    return found


def checkin_view(checkin: Checkin) -> CheckinView:
    return CheckinView(
        day=checkin.day,
        sleep_h=checkin.sleep_h,
        sleep_quality=checkin.sleep_quality,
        stress=checkin.stress,
        resting_hr=checkin.resting_hr,
        hrv_ms=checkin.hrv_ms,
        illness=checkin.illness,
        cycle_day=checkin.cycle_day,
        note=checkin.note or "",
        pain=[
            {
                "region": p.region,
                "side": p.side,
                "score": p.score,
                "sensation": p.sensation,
                "when": p.timing,
                "warms_up": p.warms_up,
            }
            for p in checkin.pain
        ],
        training=[{"kind": t.kind, "minutes": t.minutes, "notes": t.notes} for t in checkin.training],
    )


def list_checkins(
    *,
    db: Database,
    days: int = 7,
    until: str | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> list[CheckinView]:
    """The check-ins of the ``days`` days up to ``until`` (today by default), oldest first."""
    if days < 1:
        raise UsageError("--days must be 1 or more")
    now = now or local_now()
    last = parse_day(until, now=now) if until else now.date()
    with db.session() as session:
        runner = get_runner(session, runner_id)
        rows = session.scalars(
            select(Checkin)
            .where(
                Checkin.runner_id == runner.id, Checkin.day > last - timedelta(days=days), Checkin.day <= last
            )
            .order_by(Checkin.day)
            .options(selectinload(Checkin.pain), selectinload(Checkin.training))
        )
        return [checkin_view(c) for c in rows]
