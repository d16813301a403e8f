from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from runcoach.engine.assess import Case, Engine
from runcoach.engine.inference import Evidence, posterior

FINDINGS = [
    "calf_mild_soreness",
    "did_new_or_hard_workout",
    "felt_pop_or_snap",
    "sudden_onset",
    "calf_warm_red_swollen",
    "throat_burning",
    "fever",
    "pain_at_rest",
    "push_off_painful",
]


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(FINDINGS), st.booleans()))
def test_the_posterior_is_a_probability_distribution(mini_engine: Engine, answers: dict[str, bool]) -> None:
    p, _ = posterior(mini_engine.model, Evidence(answers=answers))
    assert np.all(p >= 0)
    assert abs(float(p.sum()) - 1.0) < 1e-9


def _p(engine: Engine, cid: str, **answers: bool) -> float:
    p, _ = posterior(engine.model, Evidence(answers=answers))
    return float(p[engine.model.c_index[cid]])


def test_a_present_hallmark_raises_and_an_absent_one_lowers(mini_engine: Engine) -> None:
    base = _p(mini_engine, "calf_strain_grade2")
    assert _p(mini_engine, "calf_strain_grade2", sudden_onset=True) > base
    assert _p(mini_engine, "calf_strain_grade2", sudden_onset=False) < base


def test_common_things_are_common(mini_engine: Engine) -> None:
    assert _p(mini_engine, "calf_doms") > _p(mini_engine, "dvt")


def test_an_answer_weighs_more_than_the_same_words_in_text(mini_engine: Engine) -> None:
    from_answer = mini_engine.assess(Case(text="calf", findings={"felt_pop_or_snap": True}))
    from_text = mini_engine.assess(Case(text="calf, felt a pop"))
    top_answer = {c.id: c.probability for c in from_answer.conditions}["calf_strain_grade2"]
    top_text = {c.id: c.probability for c in from_text.conditions}["calf_strain_grade2"]
    assert top_answer > top_text > 0.5


def test_naming_a_region_favours_its_conditions(mini_engine: Engine) -> None:
    result = mini_engine.assess(Case(text="my throat"))
    assert mini_engine.model.kb.conditions[result.conditions[0].id].region == "throat"


def test_age_sets_the_demographic_findings(mini_engine: Engine) -> None:
    ev, _ = mini_engine.evidence(Case(text="calf", age=52, sex="male"))
    assert ev.answers["age_over_50"] and ev.answers["age_over_40"] and not ev.answers["age_under_18"]
    assert ev.answers["female_irregular_periods"] is False


def test_a_named_condition_points_to_its_region_when_no_body_part_is_named() -> None:
    from runcoach.engine.model import packaged_model

    engine = Engine(packaged_model())
    result = engine.assess(Case(text="PF is back, how long off this time?"))
    assert result.conditions[0].id == "plantar_fasciitis"
    regions = {engine.model.kb.conditions[c.id].region for c in result.conditions[:3]}
    assert regions == {"foot_toe"}
