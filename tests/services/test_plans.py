"""Reading a stored plan: the list, today's view, the whole plan, and the calendar export."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest

from runcoach import DISCLAIMER
from runcoach.errors import UsageError
from runcoach.knowledge.plans import load_plans
from runcoach.log.db import Database
from runcoach.services.plan_reports import mark_done, report_pain
from runcoach.services.plan_start import start_plan
from runcoach.services.plans import export_plan_ics, list_plans, plan_today, show_plan
from tests.services.plan_helpers import START, at


def _walk_to(db: Database, kind: str, limit: int = 60) -> Any:
    """Do every day (confirming readiness tests) until today's session is of ``kind``."""
    from runcoach.services.plan_reports import confirm_check

    day = START
    for _ in range(limit):
        view = plan_today(db=db, now=at(day))
        assert view.item is not None
        if view.item["session"] is not None and view.item["session"]["kind"] == kind:
            return view
        if view.item["kind"] == "gate":
            for check in view.open_checks:
                confirm_check(db=db, check=check["id"], passed=True, now=at(day))
        else:
            mark_done(db=db, now=at(day))
        day += timedelta(days=1)
    raise AssertionError(f"no {kind} session within {limit} days")


def test_the_list_names_every_plan_with_its_conditions_and_grades(db: Database) -> None:
    listing = list_plans(db=db, now=at(START)).to_json()
    by_id = {p["id"]: p for p in listing["plans"]}
    assert set(by_id) == set(load_plans())
    calf = by_id["calf_strain"]
    assert [g["grade"] for g in calf["grades"]] == [1, 2, 3]
    assert calf["grades"][1]["condition"] == "calf_strain_grade2"
    assert "calf_strain_grade2" in calf["conditions"] and calf["then"] == "build_back"
    assert listing["yours"] == []


def test_today_shows_the_session_tips_stop_signs_and_the_next_readiness_test(db: Database) -> None:
    start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    view = plan_today(db=db, now=at(START)).to_json()
    assert view["item"]["kind"] == "session" and view["item"]["session"]["kind"] == "rest"
    assert view["tips"] and view["stop_signs"] and view["disclaimer"] == DISCLAIMER
    assert view["cross_training"] == []  # a rest day offers no alternatives
    assert view["next_gate"]["date"] == (START + timedelta(days=3)).isoformat()
    assert [c["id"] for c in view["next_gate"]["checks"]] == ["walks_without_pain"]
    assert "Stop and get it checked if:" in view["lines"]


def test_a_running_day_shows_the_effort_and_cadence_cues(db: Database) -> None:
    start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    view = _walk_to(db, "walk_jog")
    plan = load_plans()["calf_strain"]
    assert [c.text for c in plan.cues] == view.cues[: len(plan.cues)]
    text = " ".join(view.cues).lower()
    assert "3-4 out of 10" in text and "cadence" in text
    assert "pace does not matter" in text


def test_a_cross_training_day_offers_the_plans_alternatives(db: Database) -> None:
    start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    view = _walk_to(db, "cross_train")
    assert set(view.cross_training) <= {"cycling", "swimming", "elliptical"} and view.cross_training


def test_show_gives_the_schedule_changes_and_reports(db: Database) -> None:
    started = start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    mark_done(db=db, now=at(START))
    report_pain(db=db, score=7, now=at(START + timedelta(days=1)))
    view = show_plan(db=db, now=at(START + timedelta(days=1))).to_json()
    assert [r["kind"] for r in view["reports"]] == ["done", "pain"]
    assert [c["kind"] for c in view["changes"]] == ["repeated"]
    assert view["expected_end"] == (started.planned_end + timedelta(days=1)).isoformat()
    dates = [d["date"] for d in view["schedule"]]
    assert dates == sorted(dates) and dates[0] == (START + timedelta(days=1)).isoformat()
    assert view["schedule"][0]["repeat"] is True


def _calendar(path: Path) -> dict[date, Any]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {e.decoded("DTSTART"): e for e in calendar.walk("VEVENT")}


def test_the_ics_export_parses_and_matches_the_plan(db: Database, tmp_path: Path) -> None:
    start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    result = export_plan_ics(db=db, path=tmp_path / "plan.ics", now=at(START))
    plan = show_plan(db=db, now=at(START))
    events = _calendar(tmp_path / "plan.ics")
    assert result.events == len(events) == len(plan.schedule)
    for item in plan.schedule:
        event = events[date.fromisoformat(item["date"])]
        assert str(event["UID"]).endswith(f"-e{plan.episode.id}-{item['date'].replace('-', '')}@runcoach")
        if item["kind"] == "gate":
            assert "readiness test" in str(event["SUMMARY"])
        else:
            assert item["session"]["headline"] in str(event["SUMMARY"])


def test_re_exporting_after_the_plan_adapts_updates_the_same_days(db: Database, tmp_path: Path) -> None:
    start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    before = (
        _calendar(tmp_path / "a.ics")
        if export_plan_ics(db=db, path=tmp_path / "a.ics", now=at(START))
        else {}
    )
    mark_done(db=db, now=at(START))
    report_pain(db=db, score=7, now=at(START + timedelta(days=1)))
    export_plan_ics(db=db, path=tmp_path / "b.ics", now=at(START + timedelta(days=1)))
    after = _calendar(tmp_path / "b.ics")
    assert max(after) == max(before) + timedelta(days=1)  # the repeat pushed the end back a day
    tomorrow = START + timedelta(days=1)
    assert str(after[tomorrow]["UID"]) == str(before[tomorrow]["UID"])
    assert "(repeat)" in str(after[tomorrow]["SUMMARY"]) and "(repeat)" not in str(
        before[tomorrow]["SUMMARY"]
    )
    assert int(after[tomorrow]["SEQUENCE"]) > int(before[tomorrow]["SEQUENCE"])


def test_the_export_refuses_a_folder(db: Database, tmp_path: Path) -> None:
    start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    with pytest.raises(UsageError, match="is a folder"):
        export_plan_ics(db=db, path=tmp_path, now=at(START))


def test_a_phase_past_its_expected_days_says_to_get_it_checked(db: Database) -> None:
    start_plan(
        db=db, plan="calf_strain", grade=2, start=(START - timedelta(days=20)).isoformat(), now=at(START)
    )
    view = plan_today(db=db, now=at(START))
    assert view.overdue is not None and "have it checked" in view.overdue
    fresh = start_plan(db=db, plan="shin_splints", grade=1, now=at(START))
    assert plan_today(db=db, episode_id=fresh.episode.id, now=at(START)).overdue is None
