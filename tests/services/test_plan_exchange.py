"""Plans in the exchange format: episodes, plans and reports survive export -> import -> export,
import once, and a bad episode is refused with every problem listed and nothing stored."""

from __future__ import annotations

import json
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runcoach.log.db import Database, open_database
from runcoach.services.assessments import save_assessment
from runcoach.services.exchange import ExchangeError, import_log
from runcoach.services.export import export_log
from runcoach.services.plan_reports import confirm_check, mark_done, report_pain, resume_plan, stop_plan
from runcoach.services.plan_start import start_plan
from runcoach.services.plans import show_plan
from tests.services.plan_helpers import START, at

TODAY = START + timedelta(days=9)


def _fill(db: Database) -> None:
    result = {"conditions": [{"id": "calf_strain_grade2"}], "triage": "routine", "run_decision": "yellow"}
    assessment = save_assessment(db=db, text="calf", result=result, now=at(START))
    start_plan(db=db, assessment_id=assessment.id, now=at(START))
    for n in range(3):
        mark_done(db=db, now=at(START + timedelta(days=n)))
    report_pain(db=db, score=1, now=at(START + timedelta(days=3)))
    confirm_check(
        db=db, check="walks_without_pain", passed=True, note="fine", now=at(START + timedelta(days=3))
    )
    mark_done(db=db, now=at(START + timedelta(days=4)))
    stop_plan(db=db, reason="sharp twinge", now=at(START + timedelta(days=5)))
    resume_plan(db=db, now=at(START + timedelta(days=7)))
    start_plan(db=db, plan="shin_splints", grade=1, now=at(START + timedelta(days=8)))


def _doc(episodes: list[dict[str, Any]]) -> str:
    return json.dumps({"format": "runcoach-log", "version": 1, "episodes": episodes})


def test_plans_and_their_history_round_trip(db: Database, tmp_path: Path) -> None:
    _fill(db)
    first = export_log(db=db)
    calf = first["episodes"][0]
    assert calf["assessment"] == first["assessments"][0]["created_at"]
    assert [r["kind"] for r in calf["plan"]["reports"]] == [
        "done",
        "done",
        "done",
        "pain",
        "check",
        "done",
        "stop",
        "cleared",
    ]
    with open_database(f"sqlite:///{tmp_path / 'empty.db'}") as empty:
        report = import_log(db=empty, data=json.dumps(first), now=at(TODAY))
        assert report.added["episodes"] == 2
        assert export_log(db=empty) == first
        for episode in (1, 2):
            mine = show_plan(db=db, episode_id=episode, now=at(TODAY)).to_json()
            theirs = show_plan(db=empty, episode_id=episode, now=at(TODAY)).to_json()
            assert {k: v for k, v in theirs.items() if k != "episode"} == {
                k: v for k, v in mine.items() if k != "episode"
            }
        again = import_log(db=empty, data=json.dumps(first), now=at(TODAY))
        assert again.added["episodes"] == 0 and again.duplicates["episodes"] == 2


def test_a_log_without_plans_reports_no_episode_counts(db: Database) -> None:
    report = import_log(db=db, data=json.dumps({"format": "runcoach-log", "version": 1}), now=at(TODAY))
    assert "episodes" not in report.added
    assert export_log(db=db)["episodes"] == []


EPISODE = {"region": "calf_achilles", "condition": "calf_strain_grade2", "grade": 2, "started": "2026-03-02"}
PLAN = {"id": "calf_strain", "grade": 2, "start": "2026-03-02"}


@pytest.mark.parametrize(
    ("episode", "field", "reason"),
    [
        ({**EPISODE, "region": "elbow"}, "region", "unknown region 'elbow'"),
        ({**EPISODE, "ended": "2026-03-01"}, "ended", "is before started"),
        ({**EPISODE, "assessment": "2026-03-01T10:00:00+00:00"}, "assessment", "no assessment created at"),
        ({**EPISODE, "plan": {**PLAN, "id": "calf"}}, "plan.id", "unknown plan 'calf'"),
        ({**EPISODE, "plan": {**PLAN, "grade": None}}, "plan", "needs a grade"),
        ({**EPISODE, "plan": {**PLAN, "start": "2026-04-01"}}, "plan.start", "is in the future"),
        (
            {**EPISODE, "plan": {**PLAN, "reports": [{"date": "2026-03-01", "kind": "done"}]}},
            "plan",
            "before the plan started",
        ),
        (
            {
                **EPISODE,
                "plan": {
                    **PLAN,
                    "reports": [{"date": "2026-03-05", "kind": "check", "check": "hop", "passed": True}],
                },
            },
            "plan",
            "no readiness check 'hop'",
        ),
        (
            {**EPISODE, "plan": {**PLAN, "reports": [{"date": "2026-03-05", "kind": "pain"}]}},
            "plan.reports[0]",
            "has a pain score",
        ),
    ],
)
def test_a_bad_episode_is_refused_and_nothing_is_stored(
    db: Database, episode: dict[str, Any], field: str, reason: str
) -> None:
    with pytest.raises(ExchangeError) as err:
        import_log(db=db, data=_doc([episode]), now=at(TODAY))
    [problem] = err.value.problems
    assert (problem.record, problem.field) == ("episodes[0]", field) and reason in problem.reason
    assert export_log(db=db)["episodes"] == []


reports = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=30),
        st.sampled_from(["done", "skipped", "pain", "stop", "cleared"]),
        st.integers(min_value=0, max_value=10),
        st.one_of(st.none(), st.text(max_size=12)),
    ),
    max_size=25,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports, st.sampled_from([("calf_strain", 2), ("shin_splints", 2), ("plantar_fasciitis", None)]))
def test_any_valid_plan_history_round_trips(items: list[Any], plan: tuple[str, int | None]) -> None:
    plan_id, grade = plan
    start = date(2026, 2, 1)
    history = [
        {
            "date": (start + timedelta(days=d)).isoformat(),
            "kind": k,
            "pain": p if k == "pain" else None,
            "note": n,
        }
        for d, k, p, n in items
    ]
    episode = {
        "region": "calf_achilles",
        "started": start.isoformat(),
        "plan": {"id": plan_id, "grade": grade, "start": start.isoformat(), "reports": history},
    }
    if plan_id != "calf_strain":
        episode["region"] = "shin" if plan_id == "shin_splints" else "foot_toe"
    with tempfile.TemporaryDirectory() as tmp:
        with open_database(f"sqlite:///{Path(tmp) / 'a.db'}") as first:
            import_log(db=first, data=_doc([episode]), now=at(TODAY))
            exported = export_log(db=first)
        assert [r["kind"] for r in exported["episodes"][0]["plan"]["reports"]] == [i[1] for i in items]
        with open_database(f"sqlite:///{Path(tmp) / 'b.db'}") as second:
            import_log(db=second, data=json.dumps(exported), now=at(TODAY))
            assert export_log(db=second) == exported


def test_an_episode_links_to_an_assessment_already_in_the_log(db: Database) -> None:
    result = {"conditions": [{"id": "calf_strain_grade2"}], "triage": "routine", "run_decision": "yellow"}
    made = save_assessment(db=db, text="calf", result=result, now=at(START)).created_at
    import_log(db=db, data=_doc([{**EPISODE, "assessment": made.isoformat(), "plan": PLAN}]), now=at(TODAY))
    [episode] = export_log(db=db)["episodes"]
    assert episode["assessment"] == made.isoformat()
    assert show_plan(db=db, now=at(TODAY)).episode.assessment_id is not None
