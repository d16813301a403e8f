"""`runcoach assess --jsonl` keeps the machine contract; `runcoach check` runs the interview."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

CASES = [
    {"id": "c1", "text": "sharp pain in my calf, felt a pop on a hill sprint", "age": 44, "sex": "male"},
    {"id": "c2", "text": "throat burns on cold morning runs, no fever", "findings": {"cold_weather": True}},
    {"id": 3, "findings": {"heart_skips_flutters": True, "chest_pain_pressure": True}},
]


def _run(cli: Any, monkeypatch: pytest.MonkeyPatch, stdin: str, *args: str) -> Any:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli(*args)


def test_assess_answers_every_line_in_order(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = "".join(json.dumps(c) + "\n" for c in CASES)
    result = _run(cli, monkeypatch, stdin, "assess", "--jsonl")
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["c1", "c2", 3]
    for doc in lines:
        assert len(doc["conditions"]) >= 5
        assert doc["triage"] in ("self_care", "routine", "urgent", "emergency")
        assert doc["run_decision"] in ("green", "yellow", "red")
        assert all(q["reason"] for q in doc["next_questions"])
    assert lines[0]["red_flags"] == ["felt_pop_or_snap"]
    assert lines[2]["triage"] == "emergency" and lines[2]["run_decision"] == "red"


def test_a_malformed_line_gets_an_error_line_and_exit_1(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = json.dumps(CASES[0]) + "\n{oops\n" + json.dumps({"id": "x", "findings": {"nope": True}}) + "\n"
    result = _run(cli, monkeypatch, stdin, "assess", "--jsonl")
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 3
    assert lines[1] == {"id": None, "error": lines[1]["error"]}
    assert "unknown finding id 'nope'" in lines[2]["error"]


def test_assess_output_is_byte_identical_for_identical_input(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = "".join(json.dumps(c) + "\n" for c in CASES)
    first = _run(cli, monkeypatch, stdin, "assess", "--jsonl").stdout
    second = _run(cli, monkeypatch, stdin, "assess", "--jsonl").stdout
    assert first == second


def test_assess_without_jsonl_explains_what_to_do(cli: Any) -> None:
    result = cli("assess")
    assert result.exit_code == 2
    assert "runcoach check" in result.stderr


def test_check_asks_questions_and_shows_the_result(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "n\n" * 12
    result = _run(cli, monkeypatch, answers, "check", "my shin aches along the inside on runs", "--age", "30")
    assert result.exit_code == 0
    assert "Q1." in result.stdout
    # the answer keys are shown, not swallowed as markup
    assert "[y]es / [n]o / [?] don't know / [b]ack / [q]uit" in result.stdout
    assert "Run decision" in result.stdout
    assert "coach, not a doctor" in result.stdout


def test_check_json_prints_only_json_on_stdout(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "y\nb\n?\n" + "n\n" * 12
    result = _run(cli, monkeypatch, answers, "check", "I felt a pop in my calf", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["triage"] in ("urgent", "emergency")
    assert "felt_pop_or_snap" in doc["red_flags"]
    assert "Q1." in result.stderr
