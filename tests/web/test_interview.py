"""The interview carried in form fields: answers replace each other, and the case is the contract's."""

from __future__ import annotations

from runcoach.knowledge.loader import KnowledgeBase
from runcoach.web.interview import Interview, interview_context


def test_a_later_answer_replaces_an_earlier_one() -> None:
    interview = Interview(text="sore knee")
    interview.answer("pain_at_rest", "yes")
    interview.answer("pain_at_rest", "unknown")
    interview.answer("pain_at_rest", "no")
    assert (interview.yes, interview.no, interview.unknown) == ([], ["pain_at_rest"], [])
    assert interview.asked == 1


def test_the_case_spells_answers_as_the_contract_does() -> None:
    interview = Interview(text="sore knee", age=40, sex="female")
    interview.answer("pain_at_rest", "yes")
    interview.answer("night_pain_wakes_you", "no")
    interview.answer("cant_bear_weight", "unknown")
    assert interview.case() == {
        "text": "sore knee",
        "age": 40,
        "sex": "female",
        "findings": {"pain_at_rest": True, "night_pain_wakes_you": False},
        "unknown": ["cant_bear_weight"],
    }


def test_the_context_has_no_question_once_the_runner_stops(kb: KnowledgeBase) -> None:
    going = interview_context(Interview(text="my calf hurts"), kb)
    assert going["question"] is not None
    stopped = interview_context(Interview(text="my calf hurts", finish=True), kb)
    assert stopped["question"] is None
    assert stopped["causes"][0]["percent"] >= stopped["causes"][-1]["percent"]


def test_the_labels_come_from_the_knowledge_base(kb: KnowledgeBase) -> None:
    context = interview_context(Interview(text="my calf hurts"), kb)
    decision = context["result"]["run_decision"]
    label = next(lv.label for lv in kb.meta.run_decisions if lv.id == decision)
    assert context["run_levels"][decision]["label"] == label
