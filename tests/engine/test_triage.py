from __future__ import annotations

import pytest

from runcoach.engine.assess import Case, Engine


@pytest.mark.parametrize(
    ("findings", "triage"),
    [({"felt_pop_or_snap": True}, "urgent"), ({"calf_warm_red_swollen": True}, "emergency")],
)
def test_a_red_flag_overrides_the_ranking(
    mini_engine: Engine, findings: dict[str, bool], triage: str
) -> None:
    # the text points to harmless soreness; the red flag must still win
    result = mini_engine.assess(Case(text="calf a bit sore after my first hill session", findings=findings))
    assert result.triage == triage
    assert result.run_decision == "red"
    assert [h.finding_id for h in result.red_flags] == list(findings)


def test_a_red_flag_read_from_text_counts(mini_engine: Engine) -> None:
    result = mini_engine.assess(Case(text="throat burns and I have a fever"))
    assert result.triage == "urgent" and result.run_decision == "red"
    assert result.red_flags[0].source == "text"


def test_min_triage_of_a_present_finding_applies(mini_engine: Engine) -> None:
    result = mini_engine.assess(
        Case(text="calf a bit sore", findings={"pain_at_rest": True, "calf_warm_red_swollen": False})
    )
    assert result.triage in ("routine", "urgent", "emergency")
    assert result.run_decision in ("yellow", "red")


def test_an_unlikely_emergency_still_raises_the_level(mini_engine: Engine) -> None:
    # a warm, swollen calf read from text: DVT is far from certain, but the triage goes up
    result = mini_engine.assess(Case(text="my calf is warm and swollen"))
    assert result.triage == "emergency"
    assert result.run_decision == "red"


def test_a_harmless_case_stays_self_care(mini_engine: Engine) -> None:
    result = mini_engine.assess(Case(text="calves a bit sore after my first hill session, no pop"))
    assert result.triage == "self_care" and result.run_decision == "green"
