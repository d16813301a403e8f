"""Starting a plan: by hand or from a saved assessment, one per region, clear errors that store nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from runcoach.errors import NotFoundError, UsageError
from runcoach.log.db import Database
from runcoach.services.assessments import save_assessment
from runcoach.services.plan_reports import end_episode
from runcoach.services.plan_start import start_plan
from runcoach.services.plans import list_plans, plan_today, show_plan
from tests.services.plan_helpers import START, at


def _assessment(db: Database, condition: str, **extra: Any) -> int:
    result = {"conditions": [{"id": condition, "probability": 0.6}], "triage": "routine"}
    result |= {"run_decision": "yellow", "red_flags": []} | extra
    return save_assessment(db=db, text="my calf", result=result, now=at(START - timedelta(days=1))).id


def _yours(db: Database) -> list[dict[str, Any]]:
    return list_plans(db=db, now=at(START)).to_json()["yours"]


def test_a_plan_started_by_hand_belongs_to_a_new_episode_in_its_region(db: Database) -> None:
    view = start_plan(db=db, plan="calf_strain", grade=2, now=at(START))
    ep = view.episode
    assert (ep.region, ep.condition, ep.grade, ep.started, ep.ended) == (
        "calf_achilles", "calf_strain_grade2", 2, START, None,
    )  # fmt: skip
    assert view.status == "active" and view.schedule[0]["date"] == START.isoformat()
    assert show_plan(db=db, now=at(START)).episode == ep


def test_a_condition_id_picks_its_plan_and_grade(db: Database) -> None:
    view = start_plan(db=db, plan="calf_strain_grade3", now=at(START))
    assert (view.episode.plan_id, view.episode.grade) == ("calf_strain", 3)


def test_it_starts_from_a_past_day_given_with_from(db: Database) -> None:
    view = start_plan(db=db, plan="shin_splints", grade=1, start="2026-02-20", now=at(START))
    assert view.episode.start.isoformat() == "2026-02-20"
    assert any(c["kind"] == "skipped" for c in view.changes)  # unreported days moved the plan on


def test_an_unknown_plan_is_refused_with_the_list_of_plans(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no return-to-run plan 'calf'") as err:
        start_plan(db=db, plan="calf", now=at(START))
    assert err.value.hint is not None and "calf_strain" in err.value.hint and "shin_splints" in err.value.hint
    assert _yours(db) == []


@pytest.mark.parametrize("grade", [None, 5])
def test_a_missing_or_unknown_grade_is_refused_with_the_grades(db: Database, grade: int | None) -> None:
    with pytest.raises(UsageError, match="one of 1, 2, 3") as err:
        start_plan(db=db, plan="calf_strain", grade=grade, now=at(START))
    assert err.value.hint is not None and "2 = moderate" in err.value.hint
    assert _yours(db) == []


def test_a_plan_without_grades_refuses_one(db: Database) -> None:
    with pytest.raises(UsageError, match="has no grades"):
        start_plan(db=db, plan="plantar_fasciitis", grade=2, now=at(START))


def test_a_plan_for_two_regions_needs_the_condition(db: Database) -> None:
    with pytest.raises(UsageError, match="several body regions") as err:
        start_plan(db=db, plan="lower_leg_stress_fracture", now=at(START))
    assert err.value.hint is not None and "tibial_stress_fracture" in err.value.hint
    view = start_plan(
        db=db, plan="lower_leg_stress_fracture", condition="tibial_stress_fracture", now=at(START)
    )
    assert view.episode.region == "shin"


def test_a_start_in_the_future_is_refused(db: Database) -> None:
    with pytest.raises(UsageError, match="in the future"):
        start_plan(db=db, plan="calf_strain", grade=1, start="2026-03-05", now=at(START))


def test_a_second_plan_in_the_same_region_is_refused_until_the_first_is_ended(db: Database) -> None:
    first = start_plan(db=db, plan="calf_strain", grade=1, now=at(START))
    with pytest.raises(UsageError, match="calf achilles is already in progress") as err:
        start_plan(db=db, plan="achilles_tendinopathy", now=at(START))
    assert err.value.hint is not None and "plan end" in err.value.hint
    assert len(_yours(db)) == 1
    end_episode(db=db, now=at(START))
    second = start_plan(db=db, plan="achilles_tendinopathy", now=at(START))
    statuses = {y["id"]: y["status"] for y in _yours(db)}
    assert statuses == {first.episode.id: "ended", second.episode.id: "active"}


def test_plans_in_two_regions_run_side_by_side_and_are_told_apart_by_episode(db: Database) -> None:
    calf = start_plan(db=db, plan="calf_strain", grade=1, now=at(START))
    shin = start_plan(db=db, plan="shin_splints", grade=2, now=at(START))
    with pytest.raises(UsageError, match="more than one plan is in progress") as err:
        plan_today(db=db, now=at(START))
    assert err.value.hint == "pick one with --episode ID"
    assert plan_today(db=db, episode_id=shin.episode.id, now=at(START)).episode.plan_id == "shin_splints"
    assert plan_today(db=db, episode_id=calf.episode.id, now=at(START)).episode.plan_id == "calf_strain"


def test_a_finished_plan_is_closed_when_a_new_one_starts_in_its_region(db: Database) -> None:
    from tests.services.plan_helpers import StoredRunner

    start_plan(db=db, plan="calf_overload", now=at(START))
    final = StoredRunner(db).run()
    again = start_plan(db=db, plan="calf_strain", grade=1, now=at(final.day))
    [old, new] = list_plans(db=db, now=at(final.day)).yours
    assert old[1] == "ended" and old[0].ended is not None and old[0].ended < final.day
    assert new[0].id == again.episode.id


def test_it_starts_from_a_saved_assessments_top_condition(db: Database) -> None:
    assessment = _assessment(db, "calf_strain_grade2")
    view = start_plan(db=db, assessment_id=assessment, now=at(START))
    ep = view.episode
    assert (ep.plan_id, ep.grade, ep.condition, ep.assessment_id) == (
        "calf_strain",
        2,
        "calf_strain_grade2",
        assessment,
    )
    assert ep.started == START - timedelta(days=1) and ep.start == START


@pytest.mark.parametrize(
    "extra", [{"triage": "urgent"}, {"triage": "emergency"}, {"red_flags": ["felt_pop_or_snap"]}]
)
def test_an_assessment_that_needs_a_professional_starts_no_plan(db: Database, extra: dict[str, Any]) -> None:
    assessment = _assessment(db, "calf_strain_grade2", **extra)
    with pytest.raises(UsageError, match="see a professional first") as err:
        start_plan(db=db, assessment_id=assessment, now=at(START))
    assert err.value.hint is not None and "cleared" in err.value.hint
    assert _yours(db) == []


def test_an_assessment_with_no_plan_for_its_condition_is_refused(db: Database) -> None:
    assessment = _assessment(db, "turf_toe")
    with pytest.raises(NotFoundError, match="turf_toe"):
        start_plan(db=db, assessment_id=assessment, now=at(START))


def test_an_assessment_and_a_different_plan_disagree(db: Database) -> None:
    assessment = _assessment(db, "calf_strain_grade2")
    with pytest.raises(UsageError, match="points to 'calf_strain_grade2'"):
        start_plan(db=db, plan="shin_splints", assessment_id=assessment, now=at(START))
    assert start_plan(db=db, plan="calf_strain", assessment_id=assessment, now=at(START)).episode.grade == 2


def test_an_unknown_assessment_is_refused(db: Database) -> None:
    with pytest.raises(NotFoundError, match="no saved assessment 99"):
        start_plan(db=db, assessment_id=99, now=at(START))


def test_a_plan_that_builds_by_percent_starts_from_the_runners_easy_run(db: Database) -> None:
    view = start_plan(db=db, plan="build_back", base_run_minutes=24, now=at(START))
    runs = [d["session"]["minutes"] for d in view.schedule if d["session"] and d["session"]["kind"] == "run"]
    assert runs and runs[0] == 24 and max(runs) > 24
    with pytest.raises(UsageError, match="not plausible"):
        start_plan(db=db, plan="plantar_fasciitis", base_run_minutes=500, now=at(START))


def test_a_plan_must_be_named_without_an_assessment(db: Database) -> None:
    with pytest.raises(UsageError, match="which plan"):
        start_plan(db=db, now=at(START))
