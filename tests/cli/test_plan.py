"""``runcoach plan``: every command, --json on each, clear errors, and simulated runners through the CLI
(the runner who flares twice goes through the services: tests/services/test_plan_runners.py)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest

TODAY = date.today()
START = TODAY - timedelta(days=60)


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _live(
    cli_db: Any, *, fail_gates: int = 0, flare_phase: str | None = None, flares: int = 0
) -> dict[str, Any]:
    """A runner who reports through the CLI, day by day, from START (see tests/services/plan_helpers)."""
    day = START
    while day < TODAY:
        view = _json(cli_db("plan", "today", "--date", day.isoformat(), "--json"))
        if view["status"] == "finished":
            return view
        item, sore = view["item"], False
        if item["kind"] == "gate":
            failing, fail_gates = fail_gates > 0, max(fail_gates - 1, 0)
            for i, check in enumerate(view["open_checks"]):
                verdict = "--failed" if failing and i == 0 else "--passed"
                _json(cli_db("plan", "check", check["id"], verdict, "--date", day.isoformat(), "--json"))
                if verdict == "--failed":
                    break
        else:
            _json(cli_db("plan", "done", "--date", day.isoformat(), "--json"))
            if flares and item["phase"] == flare_phase and item["session"]["kind"] != "rest":
                flares, sore = flares - 1, True
        pain = "6" if sore else "1"
        _json(cli_db("plan", "report-pain", pain, "--date", (day + timedelta(days=1)).isoformat(), "--json"))
        day += timedelta(days=1)
    raise AssertionError("the plan did not finish in time")


def _start(cli_db: Any, *args: str) -> dict[str, Any]:
    return _json(
        cli_db("plan", "start", "calf_strain", "--grade", "1", "--from", START.isoformat(), "--json", *args)
    )


def test_the_plan_commands_are_listed_in_help(cli: Any) -> None:
    result = cli("plan", "--help")
    assert result.exit_code == 0
    for command in (
        "list",
        "start",
        "today",
        "done",
        "skip",
        "report-pain",
        "check",
        "show",
        "export",
        "stop",
    ):
        assert command in result.stdout


def test_list_shows_plans_with_conditions_and_grades(cli_db: Any) -> None:
    listing = _json(cli_db("plan", "list", "--json"))
    calf = next(p for p in listing["plans"] if p["id"] == "calf_strain")
    assert [g["grade"] for g in calf["grades"]] == [1, 2, 3] and listing["yours"] == []
    text = cli_db("plan", "list")
    assert text.exit_code == 0 and "calf_strain" in text.stdout and "2 = moderate" in text.stdout


def test_a_runner_who_heals_on_schedule(cli_db: Any) -> None:
    started = _start(cli_db)
    final = _live(cli_db)
    assert final["date"] == (date.fromisoformat(started["planned_end"]) + timedelta(days=1)).isoformat()
    shown = _json(cli_db("plan", "show", "--json"))
    assert shown["status"] == "finished"
    assert {c["kind"] for c in shown["changes"]} <= {"advanced", "gate_passed", "finished"}


def test_a_runner_who_fails_a_readiness_test_is_held(cli_db: Any) -> None:
    started = _start(cli_db)
    final = _live(cli_db, fail_gates=1)
    changes = _json(cli_db("plan", "show", "--json"))["changes"]
    [failed] = [c for c in changes if c["kind"] == "gate_failed"]
    assert failed["work_on"]
    assert final["date"] > (date.fromisoformat(started["planned_end"]) + timedelta(days=1)).isoformat()


def test_today_in_text_shows_the_session_the_stop_signs_and_the_disclaimer(cli_db: Any) -> None:
    _json(cli_db("plan", "start", "calf_strain", "--grade", "2", "--json"))
    result = cli_db("plan", "today")
    assert result.exit_code == 0, result.stderr
    assert "Rest, ice and compression" in result.stdout and "Stop and get it checked if" in result.stdout
    assert "coach, not a doctor" in result.stdout and "Next readiness test" in result.stdout


def test_reports_print_json_only(cli_db: Any) -> None:
    _json(cli_db("plan", "start", "calf_strain", "--grade", "2", "--json"))
    done = _json(cli_db("plan", "done", "--note", "iced", "--json"))
    assert done["report"]["kind"] == "done" and done["report"]["note"] == "iced"
    stopped = _json(cli_db("plan", "stop", "--reason", "sharp pain", "--json"))
    assert stopped["today"]["status"] == "stopped"
    assert _json(cli_db("plan", "resume", "--json"))["changes"][0]["kind"] == "resumed"
    ended = _json(cli_db("plan", "end", "--json"))
    assert ended["ended"] == TODAY.isoformat()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("plan", "start", "calf"), 1, "no return-to-run plan 'calf'"),
        (("plan", "start", "calf_strain", "--grade", "7"), 2, "one of 1, 2, 3"),
        (("plan", "today"), 1, "no return-to-run plan in progress"),
        (("plan", "report-pain", "11"), 1, "0 to 10"),
    ],
)
def test_bad_input_gets_a_clear_error(cli_db: Any, args: tuple[str, ...], code: int, message: str) -> None:
    result = cli_db(*args)
    assert result.exit_code == code and message in result.stderr and result.stdout == ""


def test_a_check_needs_passed_or_failed_and_a_readiness_test(cli_db: Any) -> None:
    _json(cli_db("plan", "start", "calf_strain", "--grade", "2", "--json"))
    missing = cli_db("plan", "check", "walks_without_pain")
    assert missing.exit_code == 2 and "--passed" in missing.stderr
    early = cli_db("plan", "check", "walks_without_pain", "--passed")
    assert early.exit_code == 2 and "no readiness test" in early.stderr
    assert _json(cli_db("plan", "show", "--json"))["reports"] == []


def test_export_writes_a_calendar_that_matches_the_plan_and_updates_after_a_flare(
    cli_db: Any, tmp_path: Path
) -> None:
    _json(
        cli_db(
            "plan",
            "start",
            "calf_strain",
            "--grade",
            "2",
            "--from",
            (TODAY - timedelta(days=1)).isoformat(),
            "--json",
        )
    )
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    _json(cli_db("plan", "done", "--date", yesterday, "--json"))
    before = _json(cli_db("plan", "export", str(tmp_path / "a.ics"), "--json"))
    schedule = _json(cli_db("plan", "show", "--json"))["schedule"]
    events = icalendar.Calendar.from_ical((tmp_path / "a.ics").read_bytes()).walk("VEVENT")
    assert before["events"] == len(events) == len(schedule)
    assert [e.decoded("DTSTART").isoformat() for e in events] == [d["date"] for d in schedule]
    _json(cli_db("plan", "report-pain", "7", "--json"))
    after = _json(cli_db("plan", "export", str(tmp_path / "b.ics"), "--json"))
    assert after["events"] == before["events"] + 1 and after["sequence"] > before["sequence"]
    text = cli_db("plan", "export", str(tmp_path / "c.ics"))
    assert text.exit_code == 0 and "wrote" in text.stdout
