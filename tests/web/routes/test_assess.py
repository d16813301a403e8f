"""Assess: the API answers the contract's result document; the pages run the interview form by form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from runcoach.services.assess import assess_case
from tests.web.conftest import hidden_fields, text_of

SHIN = "my shin aches on runs and now at night too"


def _without_id(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "id"}


def test_the_api_answers_the_same_document_as_assess_jsonl(
    client: TestClient, cli: Any, tmp_path: Path
) -> None:
    case = {"id": "c1", "text": SHIN, "age": 34, "sex": "f", "findings": {"pain_at_rest": True}}
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps(case) + "\n", encoding="utf-8")
    from_cli = cli("assess", "--jsonl", str(cases))
    assert from_cli.exit_code == 0
    response = client.post("/api/assess", json=case)
    assert response.status_code == 200
    assert response.json() == json.loads(from_cli.stdout)
    assert response.json()["id"] == "c1"


def test_the_api_puts_red_flags_in_the_document(client: TestClient) -> None:
    doc = client.post("/api/assess", json={"text": SHIN, "findings": {"hop_causes_sharp_pain": True}}).json()
    assert "hop_causes_sharp_pain" in doc["red_flags"]
    assert doc["run_decision"] == "red"
    assert doc["disclaimer"]


def _start(client: TestClient, text: str = SHIN) -> str:
    response = client.post("/assess", data={"text": text})
    assert response.status_code == 200
    return response.text


def form(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Form fields as httpx sends repeated names."""
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def _answer(client: TestClient, html: str, reply: str) -> str:
    response = client.post("/assess", data=form([*hidden_fields(html), ("answer", reply)]))
    assert response.status_code == 200
    return response.text


def test_the_first_page_asks_the_safety_question_with_the_complaint_carried(client: TestClient) -> None:
    html = _start(client)
    first = assess_case({"text": SHIN})["next_questions"][0]
    assert ("question", first["finding_id"]) in hidden_fields(html)
    assert ("text", SHIN) in hidden_fields(html)
    shown = text_of(html)
    assert first["question"] in shown
    assert "safety question" in shown
    assert "Most likely causes" in shown


def test_answering_yes_to_a_red_flag_shows_it_first_and_the_light_goes_red(client: TestClient) -> None:
    html = _answer(client, _start(client), "yes")
    first = assess_case({"text": SHIN})["next_questions"][0]
    assert ("yes", first["finding_id"]) in hidden_fields(html)
    assert html.index('id="red-flags"') < html.index('id="run-decision"') < html.index("Most likely causes")
    assert 'class="lamp red on"' in html
    assert "Red - stop and rest" in text_of(html)


def test_the_answers_so_far_ride_along_and_the_next_question_differs(client: TestClient) -> None:
    one = _answer(client, _start(client), "no")
    two = _answer(client, one, "unknown")
    asked = [v for k, v in hidden_fields(two) if k == "question"]
    carried = {k: v for k, v in hidden_fields(two) if k in ("no", "unknown")}
    first = assess_case({"text": SHIN})["next_questions"][0]["finding_id"]
    assert carried["no"] == first
    assert carried["unknown"] not in (first, *asked)
    assert "Question 3" in text_of(two)


def test_the_page_shows_what_the_api_says_for_the_same_answers(client: TestClient) -> None:
    html = _answer(client, _start(client), "no")
    first = assess_case({"text": SHIN})["next_questions"][0]["finding_id"]
    doc = client.post("/api/assess", json={"text": SHIN, "findings": {first: False}}).json()
    shown = text_of(html)
    top = doc["conditions"][0]
    assert f"{top['name']} {round(top['probability'] * 100)}%" in shown
    assert doc["next_questions"][0]["question"] in shown


def test_stop_here_ends_the_interview_with_advice_and_sources(client: TestClient) -> None:
    html = _start(client)
    response = client.post("/assess", data=form([*hidden_fields(html), ("finish", "1")]))
    shown = text_of(response.text)
    assert 'id="question"' not in response.text
    assert "The interview is over" in shown
    assert "What to do" in shown and "Sources" in shown


def test_the_interview_ends_by_itself_after_the_question_limit(client: TestClient) -> None:
    html = _start(client)
    for _ in range(12):
        if 'id="question"' not in html:
            break
        html = _answer(client, html, "no")
    assert 'id="question"' not in html
    assert 'id="done"' in html


def test_an_empty_complaint_is_a_clear_error_page(client: TestClient) -> None:
    response = client.post("/assess", data={"text": "  "})
    assert response.status_code == 422
    assert "tell runcoach what is wrong" in text_of(response.text)


def test_a_tampered_answer_is_refused(client: TestClient) -> None:
    response = client.post("/assess", data={"text": SHIN, "yes": "not_a_finding"})
    assert response.status_code == 422
    assert "not_a_finding" in text_of(response.text)
    bad = client.post("/assess", data={"text": SHIN, "question": "pain_at_rest", "answer": "maybe"})
    assert bad.status_code == 422


def test_age_and_sex_ride_along_and_reach_the_engine(client: TestClient) -> None:
    html = client.post("/assess", data={"text": SHIN, "age": "67", "sex": "female"}).text
    assert ("age", "67.0") in hidden_fields(html) and ("sex", "female") in hidden_fields(html)
    api = client.post("/api/assess", json={"text": SHIN, "age": 67, "sex": "female"}).json()
    assert api["next_questions"][0]["question"] in text_of(html)


def test_the_runner_s_words_are_escaped_not_run(client: TestClient) -> None:
    evil = 'my shin hurts <script>alert(1)</script> "><b>x</b>'
    html = client.post("/assess", data={"text": evil}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert ("text", evil) in hidden_fields(html)  # carried intact, as an attribute value


def test_a_bad_age_is_a_clear_error(client: TestClient) -> None:
    response = client.post("/assess", data={"text": SHIN, "age": "old"})
    assert response.status_code == 422
    assert "age must be a number" in text_of(response.text)
    assert client.post("/assess", data={"text": SHIN, "age": "300"}).status_code == 422
