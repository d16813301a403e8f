from __future__ import annotations

import pytest

from runcoach.engine.assess import Case, Engine
from runcoach.engine.model import packaged_model
from runcoach.engine.questions import CONFIRM_REASON, DECISION_REASON


@pytest.fixture(scope="module")
def packaged_engine() -> Engine:
    return Engine(packaged_model())


def test_it_never_asks_what_is_answered_unknown_or_read(mini_engine: Engine) -> None:
    case = Case(
        text="calf sore, felt a pop", findings={"sudden_onset": True}, unknown=frozenset({"push_off_painful"})
    )
    asked = {q.finding_id for q in mini_engine.assess(case).next_questions}
    assert not asked & {"sudden_onset", "push_off_painful", "felt_pop_or_snap", "calf_mild_soreness"}


def test_every_question_has_a_reason(mini_engine: Engine) -> None:
    result = mini_engine.assess(Case(text="my calf hurts"))
    assert result.next_questions
    assert all(q.reason for q in result.next_questions)


def test_a_plausible_emergency_flag_is_asked_first(mini_engine: Engine) -> None:
    result = mini_engine.assess(
        Case(text="my calf aches even lying on the sofa", findings={"pain_at_rest": True})
    )
    first = result.next_questions[0]
    assert first.finding_id == "calf_warm_red_swollen"
    assert first.red_flag and first.reason == "rules out a blood clot"


def test_it_stops_when_the_answer_is_settled(mini_engine: Engine) -> None:
    case = Case(
        text="calf a bit sore after my first hill session",
        findings={"felt_pop_or_snap": False, "calf_warm_red_swollen": False, "sudden_onset": False},
    )
    result = mini_engine.assess(case)
    assert result.done and result.next_questions == []


def test_an_escalating_finding_read_from_the_words_is_confirmed_before_stopping(
    packaged_engine: Engine,
) -> None:
    # "for 5 months" would mean booking a check; the reading alone does not change the triage
    result = packaged_engine.assess(
        Case(text="heel pain for 5 months, it hurts most on my first steps in the morning")
    )
    assert not result.done
    first = result.next_questions[0]
    assert first.finding_id == "pain_for_months" and first.reason == CONFIRM_REASON
    confirmed = packaged_engine.assess(
        Case(
            text="heel pain for 5 months, it hurts most on my first steps in the morning",
            findings={"pain_for_months": True},
        )
    )
    assert confirmed.triage == "routine"


def test_a_likely_finding_that_would_change_the_run_decision_is_asked(packaged_engine: Engine) -> None:
    text = "Outside of my knee, like a knife, starts at 3 miles every time. Downhills are the worst."
    result = packaged_engine.assess(Case(text=text))
    assert result.run_decision == "green" and not result.done
    decisive = [q for q in result.next_questions if q.reason == DECISION_REASON]
    assert decisive and decisive[0].finding_id == "pain_worsens_during_run"
    answered = packaged_engine.assess(Case(text=text, findings={"pain_worsens_during_run": True}))
    assert answered.run_decision != "green"
