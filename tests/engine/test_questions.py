from __future__ import annotations

from runcoach.engine.assess import Case, Engine


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
