"""guidance.yaml: the articles' numbers load, cite real sections, match the articles and fail loudly."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from runcoach.errors import KnowledgeError
from runcoach.knowledge.guidance import Amount, Guidance, _src_fields, load_guidance
from runcoach.knowledge.loader import KnowledgeBase, default_data_dir
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def guidance() -> Guidance:
    return load_guidance()


@pytest.fixture(scope="module")
def raw_guidance() -> dict[str, Any]:
    with (default_data_dir() / "guidance.yaml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def _norm(line: str) -> str:
    return line.replace("’", "'").replace("\u00a0", " ").strip()


def _line_of(heading: str, lines: list[str]) -> int:
    """Index of the article line a heading cites; a shortened heading ("…") cites by its start."""
    wanted = _norm(heading)
    if wanted.endswith("…"):
        prefix = wanted[:-1]
        return next(i for i, line in enumerate(lines) if line.startswith(prefix))
    return lines.index(wanted)


@pytest.fixture(scope="module")
def article_lines() -> dict[str, list[str]]:
    """Each article's lines (normalised), keyed by article id, read from the shared seed file."""
    from runcoach.knowledge.loader import load_knowledge

    kb = load_knowledge()
    lines = [_norm(x) for x in shared_path("seed", "coaching-articles.txt").read_text("utf-8").splitlines()]
    starts = sorted((_line_of(a.title, lines), a.id) for a in kb.meta.articles)
    out: dict[str, list[str]] = {}
    for i, (start, article) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        out[article] = lines[start:end]
    return out


# --------------------------------------------------------------------------- it loads and resolves


def test_the_packaged_guidance_loads_and_is_cached(guidance: Guidance) -> None:
    assert load_guidance() is guidance
    assert guidance.schema_version == 1
    assert len(guidance.pre_run_tips) >= 10


def test_every_src_resolves_to_a_source(guidance: Guidance) -> None:
    found = list(_src_fields(guidance, ""))
    assert len(found) > 150
    missing = [(path, src) for path, src in found if src not in guidance.sources]
    assert missing == []


def test_every_source_is_a_known_article_and_is_cited(guidance: Guidance, kb: KnowledgeBase) -> None:
    assert {s.article for s in guidance.sources.values()} <= set(kb.articles)
    assert len({s.article for s in guidance.sources.values()}) == 10, "numbers from all ten articles"
    used = {src for _, src in _src_fields(guidance, "")}
    assert set(guidance.sources) - used == set()


def test_every_source_heading_exists_in_its_article(
    guidance: Guidance, article_lines: dict[str, list[str]]
) -> None:
    for key, source in guidance.sources.items():
        for level in source.section.split(" > "):
            try:
                _line_of(level, article_lines[source.article])
            except (ValueError, StopIteration):
                pytest.fail(f"{key}: heading {level!r} not found")


def test_pre_run_tip_ids_are_unique(guidance: Guidance) -> None:
    ids = [t.id for t in guidance.pre_run_tips]
    assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------- spot checks against the articles


def test_hydration_figures(guidance: Guidance) -> None:
    h = guidance.hydration
    assert (h.daily_per_body_weight.value, h.daily_per_body_weight.unit) == (0.5, "fl_oz_per_lb")
    assert h.daily_fl_oz(160) == pytest.approx(80)
    assert h.daily_example.alt[0].value == 2.3
    assert (h.pre_run.value, h.pre_run.alt[0].value, h.pre_run.alt[0].unit) == (16, 500, "ml")
    assert (h.pre_run_lead_time.min, h.pre_run_lead_time.max) == (1, 2)
    assert (h.pre_run_top_up.min, h.pre_run_top_up.max, h.pre_run_top_up_lead_time.value) == (4, 6, 30)
    assert (h.carry_water_after.min, h.carry_water_after.max) == (30, 45)
    assert (h.sip_every.min, h.sip_every.max) == (15, 20)
    assert (h.post_run.value, h.post_run_within.value) == (16, 1)


def test_sodium_meals_and_heart_rate(guidance: Guidance) -> None:
    sodium = guidance.electrolytes.sodium_per_hour
    assert (sodium.min, sodium.max, sodium.unit) == (300, 600, "mg_per_hour")
    meals = guidance.meals
    assert (meals.full_meal_wait.min, meals.full_meal_wait.max, meals.full_meal_wait.unit) == (2, 3, "hours")
    assert (meals.snack_wait.min, meals.snack_wait.max) == (30, 60)
    assert (meals.antacid_before.min, meals.antacid_before.max) == (20, 30)
    assert meals.acid_reducer_before.value == 1
    assert {"citrus", "chocolate", "mint"} <= set(meals.reflux_triggers.items)
    hr = guidance.heart_rate
    assert hr.estimated_max_hr(40) == hr.max_hr_example.value == 180
    assert (hr.resting_normal.min, hr.resting_normal.max) == (60, 100)
    assert (hr.resting_rise_warning.min, hr.resting_rise_warning.max) == (5, 10)
    assert hr.racing_at_rest.low == 180


def test_cadence_breathing_weather_and_load(guidance: Guidance) -> None:
    assert (guidance.cadence.target.min, guidance.cadence.target.max) == (170, 180)
    rhythms = {(tuple(r.inhale_steps), tuple(r.exhale_steps)) for r in guidance.breathing.rhythms}
    assert {((2,), (2,)), ((3,), (2,)), ((3,), (3,)), ((3, 4), (3, 4))} <= rhythms
    assert guidance.breathing.talk_share.min == 80
    assert (guidance.breathing.nasal_start_in_cold.min, guidance.breathing.nasal_start_in_cold.max) == (5, 10)
    weather = guidance.weather
    assert (weather.cold_air.max, weather.cold_air.unit) == (5, "celsius")
    assert (weather.altitude.min, weather.altitude.unit, weather.altitude.alt[0].min) == (8000, "feet", 2400)
    assert (weather.altitude_settle.min, weather.altitude_settle.max) == (2, 4)
    load = guidance.load
    assert load.weekly_increase_max.max == 10
    assert (load.cutback_every.min, load.cutback_every.max) == (3, 4)
    assert (load.itbs_cut.min, load.itbs_cut.max) == (30, 50)
    assert load.soreness_rule.value == 24


def test_readiness_walk_jog_and_kt_tape(guidance: Guidance) -> None:
    checks = {c.id: c.amount for c in guidance.readiness.checks}
    assert checks["walk_30_minutes"] == Amount(value=30, unit="minutes")
    assert checks["single_leg_calf_raises"] == Amount(min=15, max=20, unit="reps")
    assert checks["single_leg_hops"] == Amount(value=10, unit="reps")
    day1 = guidance.readiness.walk_jog_first_week[0]
    first = day1.intervals[0]
    assert (day1.warm_up_walk_minutes, first.jog_minutes, first.walk_minutes, first.repeats_min) == (
        5,
        2,
        2,
        5,
    )
    assert [d.day for d in guidance.readiness.walk_jog_first_week] == list(range(1, 8))
    assert guidance.readiness.rebuild_add_per_week.value == 5
    tape = guidance.kt_tape
    assert (tape.wear.min, tape.wear.max, tape.wear.unit) == (3, 5, "days")
    assert len(tape.steps) == 4


def test_cold_tips_trigger_at_the_cold_air_threshold(guidance: Guidance) -> None:
    cold = [t for t in guidance.pre_run_tips if t.trigger.temperature_c_at_most is not None]
    assert cold
    assert {t.trigger.temperature_c_at_most for t in cold} <= {guidance.weather.cold_air.max, 0}
    illness = {t.trigger.illness for t in guidance.pre_run_tips if t.trigger.illness}
    assert illness == {"above_neck", "below_neck"}


@pytest.mark.parametrize(
    ("article", "phrase"),
    [
        ("burning_throat", "half an ounce of water per pound"),
        ("burning_throat", "16 ounces (500 ml)"),
        ("burning_throat", "every 15–20 minutes"),
        ("burning_throat", "2–3 hours before lacing up"),
        ("burning_throat", "20–30 minutes before your workout"),
        ("burning_throat", "at least 80% of your run"),
        ("burning_throat", "first 5–10 minutes"),
        ("heart_palpitations", "300–600 mg of sodium per hour"),
        ("heart_palpitations", "220 minus your age"),
        ("heart_palpitations", "5–10 beats higher than usual"),
        ("heart_palpitations", "180+ bpm"),
        ("heart_palpitations", "above 8,000 feet"),
        ("heart_palpitations", "after 2–4 days"),
        ("hip_pain", "170–180 steps per minute"),
        ("hip_pain", "cutback weeks every 3-4 weeks"),
        ("hip_pain", "Cut it by 30–50%"),
        ("calf_pain", "24-hour rule"),
        ("calf_strain", "15–20 solid reps"),
        ("calf_strain", "10 light hops"),
        ("calf_strain", "Add 5 minutes/week"),
        ("shin_splints_kt_tape", "about 3 to 5 days"),
        ("shin_splints_kt_tape", "no more than 10% increase per week"),
    ],
)
def test_key_figures_appear_in_their_article(
    article_lines: dict[str, list[str]], article: str, phrase: str
) -> None:
    assert _norm(phrase) in " ".join(article_lines[article])


# ---------------------------------------------------------------------- bad data gives the intended error


def _write(tmp_path: Path, data: Any) -> Path:
    shutil.copy(default_data_dir() / "meta.yaml", tmp_path / "meta.yaml")
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (tmp_path / "guidance.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _error(tmp_path: Path, data: Any) -> str:
    with pytest.raises(KnowledgeError) as info:
        load_guidance(_write(tmp_path, data))
    return info.value.message


def test_a_copy_of_the_packaged_file_loads_from_a_folder(
    tmp_path: Path, raw_guidance: dict[str, Any]
) -> None:
    assert load_guidance(_write(tmp_path, raw_guidance)) == load_guidance()


def test_an_unknown_src_names_the_key_path(tmp_path: Path, raw_guidance: dict[str, Any]) -> None:
    data = copy.deepcopy(raw_guidance)
    data["hydration"]["pre_run"]["src"] = "nowhere"
    assert "guidance.yaml: hydration.pre_run.src: unknown source key 'nowhere'" in _error(tmp_path, data)


def test_an_unknown_src_in_a_list_names_the_entry(tmp_path: Path, raw_guidance: dict[str, Any]) -> None:
    data = copy.deepcopy(raw_guidance)
    data["pre_run_tips"][0]["src"] = "nowhere"
    first = data["pre_run_tips"][0]["id"]
    assert f"guidance.yaml: pre_run_tips[{first}].src: unknown source key" in _error(tmp_path, data)


def test_a_source_for_an_unknown_article_is_refused(tmp_path: Path, raw_guidance: dict[str, Any]) -> None:
    data = copy.deepcopy(raw_guidance)
    data["sources"]["throat_mouth"]["article"] = "knee_pain"
    assert "sources.throat_mouth.article: unknown article 'knee_pain'" in _error(tmp_path, data)


def test_a_range_the_wrong_way_round_is_refused(tmp_path: Path, raw_guidance: dict[str, Any]) -> None:
    data = copy.deepcopy(raw_guidance)
    data["meals"]["full_meal_wait"].update(min=3, max=2)
    message = _error(tmp_path, data)
    assert "guidance.yaml: meals.full_meal_wait" in message
    assert "min (3.0) is larger than max (2.0)" in message


def test_a_missing_figure_and_an_unknown_field_are_named(
    tmp_path: Path, raw_guidance: dict[str, Any]
) -> None:
    data = copy.deepcopy(raw_guidance)
    del data["heart_rate"]["racing_at_rest"]
    data["cadence"]["target"]["typo"] = 1
    message = _error(tmp_path, data)
    assert "guidance.yaml: heart_rate.racing_at_rest: Field required" in message
    assert "guidance.yaml: cadence.target.typo: Extra inputs are not permitted" in message


def test_an_empty_trigger_or_unknown_region_is_refused(tmp_path: Path, raw_guidance: dict[str, Any]) -> None:
    data = copy.deepcopy(raw_guidance)
    data["pre_run_tips"][0]["trigger"] = {}
    first = data["pre_run_tips"][0]["id"]
    assert f"{first}: trigger: a trigger needs at least one condition" in _error(tmp_path, data)
    data = copy.deepcopy(raw_guidance)
    data["pre_run_tips"][0]["trigger"] = {"pain_region": "elbow"}
    assert "trigger.pain_region: unknown region 'elbow'" in _error(tmp_path, data)


def test_broken_yaml_and_a_missing_file_name_the_file(tmp_path: Path) -> None:
    message = _error(tmp_path, "schema_version: 1\nsources: [unclosed\n")
    assert re.search(r"guidance\.yaml:\d+: not valid YAML", message)
    (tmp_path / "guidance.yaml").unlink()
    with pytest.raises(KnowledgeError, match=r"guidance\.yaml: cannot read"):
        load_guidance(tmp_path)
    assert "guidance.yaml: the file is empty" in _error(tmp_path, "")


def test_an_amount_takes_a_value_or_a_range_not_both() -> None:
    with pytest.raises(ValidationError, match="either value, or min and/or max"):
        Amount(value=1, min=1, unit="minutes")
    with pytest.raises(ValidationError, match="either value, or min and/or max"):
        Amount(unit="minutes")
    assert (Amount(min=2, unit="days").low, Amount(min=2, unit="days").high) == (2, 2)
