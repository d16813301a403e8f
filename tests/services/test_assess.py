from __future__ import annotations

import json

import pytest

from runcoach.engine.assess import Engine
from runcoach.errors import DataError
from runcoach.services.assess import assess_case, assess_lines


def _lines(engine: Engine, *lines: str) -> list[tuple[dict[str, object], bool]]:
    return [(json.loads(out), ok) for out, ok in assess_lines(list(lines), engine=engine)]


def test_a_result_follows_the_contract(mini_engine: Engine) -> None:
    doc = assess_case(
        {"id": "c1", "text": "felt a pop in my calf", "age": 44, "sex": "male"}, engine=mini_engine
    )
    assert doc["id"] == "c1"
    assert len(doc["conditions"]) >= 3  # the mini knowledge base has five conditions
    assert all(0 <= c["probability"] <= 1 for c in doc["conditions"])
    assert doc["triage"] == "urgent" and doc["run_decision"] == "red"
    assert doc["red_flags"] == ["felt_pop_or_snap"]
    assert isinstance(doc["next_questions"], list) and isinstance(doc["done"], bool)
    top = doc["conditions"][0]
    assert top["explanation"]["supports"][0]["finding_id"] == "felt_pop_or_snap"


def test_malformed_lines_get_an_error_line_and_the_rest_is_answered(mini_engine: Engine) -> None:
    results = _lines(
        mini_engine,
        "{not json",
        json.dumps({"id": 7, "text": "calf sore", "findings": {"no_such_finding": True}}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "empty"}),
        json.dumps({"id": "ok", "text": "calf a bit sore"}),
    )
    assert [ok for _, ok in results] == [False, False, False, False, True]
    assert results[0][0]["id"] is None and "not valid JSON" in str(results[0][0]["error"])
    assert results[1][0]["id"] == 7 and "no_such_finding" in str(results[1][0]["error"])
    assert "JSON object" in str(results[2][0]["error"])
    assert "text" in str(results[3][0]["error"])
    assert results[4][0]["id"] == "ok"


@pytest.mark.parametrize(
    "case",
    [
        {"id": 1, "text": "x", "age": -3},
        {"id": 1, "text": "x", "sex": "robot"},
        {"id": 1, "text": "x", "findings": {"fever": "perhaps"}},
        {"id": 1, "text": "x", "unknown": ["nope"]},
    ],
)
def test_it_refuses_bad_fields_with_a_clear_error(mini_engine: Engine, case: dict[str, object]) -> None:
    with pytest.raises(DataError):
        assess_case(case, engine=mini_engine)


def test_identical_input_gives_identical_output(mini_engine: Engine) -> None:
    line = json.dumps({"id": "d", "text": "my calf is warm and swollen, no pop", "age": 61})
    first = [out for out, _ in assess_lines([line] * 3, engine=mini_engine)]
    assert first[0] == first[1] == first[2]


def test_questions_never_repeat_answers_or_unknowns(mini_engine: Engine) -> None:
    doc = assess_case(
        {
            "id": "q",
            "text": "calf hurts",
            "findings": {"sudden_onset": False},
            "unknown": ["felt_pop_or_snap"],
        },
        engine=mini_engine,
    )
    asked = {q["finding_id"] for q in doc["next_questions"]}  # type: ignore[index]
    assert "sudden_onset" not in asked and "felt_pop_or_snap" not in asked
