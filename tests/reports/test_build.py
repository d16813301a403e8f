from __future__ import annotations

from datetime import date

import pytest

from runcoach import DISCLAIMER
from runcoach.knowledge.loader import KnowledgeBase
from runcoach.log.analytics.history import History
from runcoach.reports.build import build_context
from runcoach.reports.context import ReportContext, report_document
from runcoach.reports.format import red_flag_line
from runcoach.reports.text import ORDER, URGENT_WITHOUT_FLAG
from runcoach.services.assessments import AssessmentView
from tests.reports.conftest import START, saved_assessment

TODAY = date(2026, 8, 12)


def _context(
    history: History, kb: KnowledgeBase, *assessments: AssessmentView, **kw: object
) -> ReportContext:
    args = {"since": START, "until": TODAY, "today": TODAY, "disclaimer": DISCLAIMER, "with_charts": False}
    return build_context(history, list(assessments), kb, **(args | kw))  # type: ignore[arg-type]


def test_the_flare_shows_the_volume_jump_before_it(history: History, kb: KnowledgeBase) -> None:
    ctx = _context(history, kb)
    (flare,) = ctx.flares
    assert flare.region == "Hip, groin and buttock"
    assert (flare.first, flare.last, flare.worst) == (date(2026, 7, 17), date(2026, 7, 30), 6)
    assert flare.before_avg == pytest.approx(32.0) and flare.flare_week == pytest.approx(56.0)
    assert flare.change_pct == pytest.approx(75.0)
    assert [w.phase for w in flare.weeks] == ["before"] * 3 + ["flare"] + ["after"] * 2
    assert flare.acwr_peak_before is not None and flare.acwr_peak_before > 1.3


def test_the_complaint_history_sums_up_each_region(history: History, kb: KnowledgeBase) -> None:
    (hip,) = _context(history, kb).complaints
    assert (hip.entries, hip.worst, hip.latest, hip.flares) == (14, 6, 6, 1)
    assert hip.sides == ("left",) and hip.sensations == ("dull",) and hip.timings == ("after run",)


def test_red_flags_come_from_the_assessments_in_the_period(history: History, kb: KnowledgeBase) -> None:
    inside, outside = saved_assessment(date(2026, 7, 20)), saved_assessment(date(2026, 5, 1))
    ctx = _context(history, kb, inside, outside)
    assert [f.day for f in ctx.red_flags] == [date(2026, 7, 20)]
    assert "wake you from sleep" in ctx.red_flags[0].question
    assert ctx.red_flags[0].triage == "Emergency"
    (item,) = ctx.assessments
    assert item.conditions[0].name.startswith("Stress fracture of the hip")
    assert item.conditions[0].icd10 == "M84.35"
    assert len(item.conditions) == 3 and item.red_flags


def test_an_unknown_red_flag_is_kept_and_treated_as_urgent(history: History, kb: KnowledgeBase) -> None:
    result = {"triage": "routine", "run_decision": "yellow", "red_flags": ["something_new"], "conditions": []}
    ctx = _context(history, kb, saved_assessment(date(2026, 7, 1), "odd", result))
    assert [(f.question, f.level) for f in ctx.red_flags] == [("something_new", "urgent")]


def test_emergencies_are_listed_before_urgent_flags(history: History, kb: KnowledgeBase) -> None:
    def result(level: str) -> dict:  # type: ignore[type-arg]
        details = [{"finding_id": level, "question": f"{level}?", "level": level}]
        return {"triage": "urgent", "run_decision": "red", "red_flags": [level], "red_flag_details": details}

    ctx = _context(history, kb, saved_assessment(date(2026, 7, 30), "a", result("urgent")),
                   saved_assessment(date(2026, 7, 2), "b", result("emergency")))  # fmt: skip
    assert [f.level for f in ctx.red_flags] == ["emergency", "urgent"]


def test_what_was_tried_lists_sessions_and_notes(history: History, kb: KnowledgeBase) -> None:
    tried = _context(history, kb).tried
    assert [(t.what, t.notes) for t in tried] == [("note", "iced the hip after the run"),
                                                  ("strength, 30 min", "bridges")]  # fmt: skip


def test_the_runner_and_training_are_summed_up(history: History, kb: KnowledgeBase) -> None:
    ctx = _context(history, kb, until=date(2026, 6, 14))
    assert ctx.training is not None and ctx.training.runs == 8 and ctx.training.weeks == 2
    assert ctx.training.distance == pytest.approx(64.0) and ctx.training.per_week == pytest.approx(32.0)
    assert ctx.flares == () and ctx.complaints == ()  # the flare is later


def test_every_section_of_an_empty_log_says_so(kb: KnowledgeBase) -> None:
    ctx = _context(History(), kb, with_charts=True)
    assert all(ctx.is_empty(key) for key in ORDER if key != "runner")
    assert set(ctx.charts_missing) == {"weekly", "acwr", "resting-hr", "shoes"}


def test_the_charts_are_built_for_the_period(history: History, kb: KnowledgeBase) -> None:
    ctx = _context(history, kb, with_charts=True)
    assert [c.kind for c in ctx.charts] == ["weekly", "acwr", "resting-hr", "shoes"]
    assert all(c.png.startswith(b"\x89PNG") for c in ctx.charts)


def test_the_json_document_has_iso_dates_and_no_images(history: History, kb: KnowledgeBase) -> None:
    doc = report_document(_context(history, kb, saved_assessment(date(2026, 7, 20)), with_charts=True))
    assert doc["since"] == "2026-06-01" and doc["flares"][0]["first"] == "2026-07-17"
    assert doc["charts"] == ["weekly", "acwr", "resting-hr", "shoes"]
    assert doc["flares"][0]["change_pct"] == pytest.approx(75.0)
    assert doc["disclaimer"] == DISCLAIMER


def test_distances_are_in_the_runners_units(kb: KnowledgeBase) -> None:
    from tests.reports.conftest import small_history

    ctx = _context(small_history(units="mi"), kb)
    assert ctx.units == "mi"
    assert ctx.flares[0].before_avg == pytest.approx(32.0 / 1.609344)
    assert ctx.training is not None and ctx.training.longest == pytest.approx(14.0 / 1.609344)


def test_an_urgent_assessment_without_a_red_flag_is_listed_with_them(
    history: History, kb: KnowledgeBase
) -> None:
    urgent = {"triage": "urgent", "run_decision": "yellow", "red_flags": [], "conditions": []}
    routine = urgent | {"triage": "routine"}
    ctx = _context(history, kb, saved_assessment(date(2026, 7, 1), "a", urgent),
                   saved_assessment(date(2026, 7, 2), "b", routine))  # fmt: skip
    assert [(f.complaint, f.level, f.question) for f in ctx.red_flags] == [
        ("a", "urgent", URGENT_WITHOUT_FLAG)
    ]
    assert (
        red_flag_line(ctx.red_flags[0])
        == f"1 Jul 2026, triage See a doctor within 1-2 days: {URGENT_WITHOUT_FLAG}"
    )
