from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from runcoach.engine.assess import Case, Engine
from runcoach.engine.triage import DEFAULT_TRIAGE, decide


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



def test_the_most_likely_condition_sets_the_floor(mini_engine: Engine) -> None:
    # a 40% favourite that needs a check ("routine") must not be outvoted by a crowd of harmless
    # causes, although 40% is below the mass that routine needs on its own
    model = mini_engine.model
    n = len(model.condition_ids)
    ranks = np.zeros(n, dtype=model.triage_rank.dtype)
    ranks[0] = 1
    p = np.full(n, 0.6 / (n - 1))
    p[0] = 0.4
    assert DEFAULT_TRIAGE.triage_mass[1] > 0.4
    result = decide(dataclasses.replace(model, triage_rank=ranks), p, present={})
    assert result.triage == "routine"
