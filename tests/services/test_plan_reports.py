"""Reports to a stored plan: each is checked against its day; a refused report stores nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runcoach.errors import DataError, NotFoundError, UsageError
from runcoach.knowledge.plans import load_plans
from runcoach.log.db import Database
from runcoach.services.plan_reports import (
    confirm_check,
    end_episode,
    mark_done,
    mark_skipped,
    report_pain,
    resume_plan,
    stop_plan,
)
from runcoach.services.plan_start import start_plan
from runcoach.services.plans import plan_today, show_plan
from tests.services.plan_helpers import START, at

#: calf strain grade 2 opens with 3 days of protection, then a readiness test on day 4
GATE_DAY = START + timedelta(days=3)


@pytest.fixture
def calf(db: Database) -> Database:
    start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    return db


def _reports(db: Database, day: int = 0) -> list[dict[str, object]]:
    return show_plan(db=db, now=at(START + timedelta(days=day))).reports


def _to_gate(db: Database) -> None:
    for n in range(3):
        mark_done(db=db, now=at(START + timedelta(days=n)))


def test_nothing_to_report_without_a_plan(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no return-to-run plan in progress"):
        mark_done(db=db, now=at(START))


def test_done_is_stored_and_the_next_day_moves_on(calf: Database) -> None:
    view = mark_done(db=calf, note="iced twice", now=at(START))
    assert view.report == {
        "date": START.isoformat(), "kind": "done", "pain": None, "check": None, "passed": None,
        "note": "iced twice",
    }  # fmt: skip
    assert view.today.item is not None and view.today.item["status"] == "done"
    tomorrow = plan_today(db=calf, now=at(START + timedelta(days=1)))
    assert tomorrow.item is not None and tomorrow.item["day_in_phase"] == 2


def test_the_last_session_report_of_a_day_wins(calf: Database) -> None:
    mark_done(db=calf, now=at(START))
    mark_skipped(db=calf, now=at(START))
    assert [r["kind"] for r in _reports(calf)] == ["skipped"]
    later = plan_today(db=calf, now=at(START + timedelta(days=1)))
    assert later.item is not None and later.item["day_in_phase"] == 1  # the skipped day moved on


def test_a_second_pain_report_on_a_day_replaces_the_first(calf: Database) -> None:
    mark_done(db=calf, now=at(START))
    tomorrow = at(START + timedelta(days=1))
    first = report_pain(db=calf, score=7, now=tomorrow)
    assert [c["kind"] for c in first.changes] == ["repeated"]
    report_pain(db=calf, score=1, now=tomorrow)
    assert [(r["kind"], r["pain"]) for r in _reports(calf, 1)] == [("done", None), ("pain", 1)]
    assert "repeated" not in [c["kind"] for c in show_plan(db=calf, now=tomorrow).changes]


@pytest.mark.parametrize("score", [-1, 11])
def test_pain_outside_0_to_10_is_refused(calf: Database, score: int) -> None:
    with pytest.raises(DataError, match="0 to 10"):
        report_pain(db=calf, score=score, now=at(START))
    assert _reports(calf) == []


def test_a_report_for_a_future_day_is_refused(calf: Database) -> None:
    with pytest.raises(UsageError, match="in the future"):
        mark_done(db=calf, day="2026-03-03", now=at(START))


def test_a_report_before_the_plan_started_is_refused(calf: Database) -> None:
    with pytest.raises(UsageError, match="the plan starts on 2026-03-02"):
        mark_done(db=calf, day="2026-03-01", now=at(START))


def test_a_past_day_can_be_reported_late(calf: Database) -> None:
    mark_done(db=calf, day="yesterday", now=at(START + timedelta(days=1)))
    assert [r["date"] for r in _reports(calf, 1)] == [START.isoformat()]


def test_a_check_on_a_day_without_a_readiness_test_is_refused_with_the_next_date(calf: Database) -> None:
    with pytest.raises(UsageError, match="no readiness test on 2026-03-02") as err:
        confirm_check(db=calf, check="walks_without_pain", passed=True, now=at(START))
    assert err.value.hint == f"the next one is due on {GATE_DAY}"
    assert _reports(calf) == []


def test_an_unknown_check_is_refused_with_the_tests_checks(calf: Database) -> None:
    _to_gate(calf)
    with pytest.raises(UsageError, match="'hop_10' is not a check") as err:
        confirm_check(db=calf, check="hop_10", passed=True, now=at(GATE_DAY))
    assert err.value.hint == "its checks: walks_without_pain"


def test_a_session_cannot_be_marked_done_on_a_readiness_test_day(calf: Database) -> None:
    _to_gate(calf)
    with pytest.raises(UsageError, match="is a readiness test") as err:
        mark_done(db=calf, now=at(GATE_DAY))
    assert err.value.hint is not None and "runcoach plan check" in err.value.hint


def test_confirming_every_check_passes_the_readiness_test(calf: Database) -> None:
    _to_gate(calf)
    today = plan_today(db=calf, now=at(GATE_DAY))
    assert [c["id"] for c in today.open_checks] == ["walks_without_pain"]
    view = confirm_check(db=calf, check="walks_without_pain", passed=True, now=at(GATE_DAY))
    assert [c["kind"] for c in view.changes] == ["gate_passed"]
    assert view.today.open_checks == []
    assert view.today.item is not None and view.today.item["checks"][0]["confirmed"] is True


def test_a_failed_check_holds_the_previous_phase(calf: Database) -> None:
    _to_gate(calf)
    view = confirm_check(db=calf, check="walks_without_pain", passed=False, now=at(GATE_DAY))
    [change] = view.changes
    assert change["kind"] == "gate_failed" and change["work_on"]
    held = plan_today(db=calf, now=at(GATE_DAY + timedelta(days=1)))
    assert held.item is not None and held.item["kind"] == "hold" and held.item["phase"] == "protect"


def test_a_stopped_plan_takes_no_sessions_until_resumed(calf: Database) -> None:
    view = stop_plan(db=calf, reason="sharp pain on the stairs", now=at(START))
    assert view.today.status == "stopped" and view.today.expected_end is None
    assert "sharp pain on the stairs" in view.changes[0]["text"]
    with pytest.raises(UsageError, match="the plan is stopped") as err:
        mark_done(db=calf, now=at(START))
    assert err.value.hint is not None and "resume" in err.value.hint
    with pytest.raises(UsageError, match="already stopped"):
        stop_plan(db=calf, now=at(START))
    later = START + timedelta(days=2)
    resumed = resume_plan(db=calf, note="physio says go", now=at(later))
    assert [c["kind"] for c in resumed.changes] == ["resumed"] and resumed.today.status == "active"
    with pytest.raises(UsageError, match="not stopped"):
        resume_plan(db=calf, now=at(later))


def test_ending_an_episode_keeps_its_history(calf: Database) -> None:
    mark_done(db=calf, now=at(START))
    episode = end_episode(db=calf, now=at(START + timedelta(days=1)))
    assert episode.ended == START + timedelta(days=1)
    with pytest.raises(NotFoundError, match="no return-to-run plan in progress"):
        plan_today(db=calf, now=at(START + timedelta(days=1)))
    kept = show_plan(db=calf, episode_id=episode.id, now=at(START + timedelta(days=1)))
    assert [r["kind"] for r in kept.reports] == ["done"]
    with pytest.raises(UsageError, match="already ended"):
        end_episode(db=calf, episode_id=episode.id, now=at(START + timedelta(days=2)))
    with pytest.raises(UsageError, match="takes no more reports"):
        report_pain(db=calf, score=3, episode_id=episode.id, now=at(START + timedelta(days=2)))
    assert len(show_plan(db=calf, episode_id=episode.id, now=at(START + timedelta(days=2))).reports) == 1


def test_pain_after_the_plan_is_complete_still_counts(db: Database) -> None:
    from tests.services.plan_helpers import StoredRunner

    start_plan(db=db, plan="calf_overload", now=at(START))
    final = StoredRunner(db).run()
    plan = load_plans()["calf_overload"]
    assert final.status == "finished" and plan.adapt.repeat_if_pain_above < 9
    with pytest.raises(UsageError, match="the plan is complete"):
        mark_done(db=db, now=at(final.day))
    reopened = report_pain(db=db, score=9, day=(final.day - timedelta(days=1)).isoformat(), now=at(final.day))
    assert reopened.today.status == "active"
