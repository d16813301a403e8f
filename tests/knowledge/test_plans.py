"""plans/*.yaml: every plan loads, every reference resolves, figures come from guidance, and broken
plan data gives the intended error."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from runcoach.errors import KnowledgeError, NotFoundError
from runcoach.knowledge.guidance import Guidance, load_guidance
from runcoach.knowledge.loader import KnowledgeBase, default_data_dir, load_knowledge
from runcoach.knowledge.plan_build import load_plans_from
from runcoach.knowledge.plans import Citation, Plan, Plans, load_plans
from tests.conftest import shared_path

#: the comebacks issue 6 asks for, by the conditions they serve
REQUIRED_CONDITIONS = {
    "calf_strain_grade1",
    "calf_strain_grade2",
    "calf_strain_grade3",
    "calf_overload_tightness",
    "ab_strain_grade1",
    "ab_strain_grade2",
    "ab_strain_grade3",
    "femoral_stress_fracture",
    "tibial_stress_fracture",
    "forefoot_stress_fracture",
    "medial_tibial_stress_syndrome",
    "it_band_syndrome",
    "trochanteric_bursitis",
    "hip_flexor_strain_tendinitis",
    "hamstring_strain_high",
    "adductor_strain_sports_hernia",
    "piriformis_syndrome",
    "plantar_fasciitis",
    "hallux_rigidus_limitus",
    "achilles_tendinopathy",
}


@pytest.fixture(scope="module")
def plans() -> Plans:
    return load_plans()


@pytest.fixture(scope="module")
def guidance() -> Guidance:
    return load_guidance()


def _citations(plan: Plan) -> list[Citation]:
    found: list[Citation] = [plan.source, plan.adapt.source]
    found += [n.source for n in (*plan.cues, *plan.stop_signs)]
    for phase in plan.phases:
        found += [phase.source, *(n.source for n in (*phase.cues, *phase.tips))]
        if phase.progression is not None:
            found.append(phase.progression.source)
        if phase.gate is not None:
            found.append(phase.gate.source)
            found += [s for c in phase.gate.checks for s in (c.check.source, c.check.work_source)]
        for session in phase.sessions:
            found += [session.source, *(e.source for e in session.exercises)]
    return found


# --------------------------------------------------------------------------- the packaged plans


def test_every_plan_loads_and_the_result_is_cached(plans: Plans) -> None:
    assert load_plans() is plans
    assert len(plans) >= 14
    assert "build_back" in plans


def test_every_comeback_the_issue_names_has_a_plan(plans: Plans) -> None:
    served = {c for plan in plans.values() for c in plan.conditions}
    assert served >= REQUIRED_CONDITIONS
    for condition in REQUIRED_CONDITIONS:
        assert plans.for_condition(condition), condition


def test_every_plan_serves_known_conditions_and_graded_ones_map_grades_to_them(
    plans: Plans, kb: KnowledgeBase
) -> None:
    for plan in plans.values():
        assert set(plan.conditions) <= set(kb.conditions), plan.id
        for grade in plan.grades:
            assert grade.condition is None or grade.condition in plan.conditions
    calf = plans["calf_strain"]
    assert [calf.grade_for_condition(f"calf_strain_grade{g}") for g in (1, 2, 3)] == [1, 2, 3]


def _same_heading(cited: str, heading: str) -> bool:
    """Equal level by level, where a level cut short with "…" matches the start of the full one.

    One path may name a parent heading the other leaves out (guidance.yaml and the calf-pain file
    disagree on the parent of the article's numbered causes), so the shorter path is compared with
    the end of the longer one.
    """
    a, b = cited.split(" > "), heading.split(" > ")
    depth = min(len(a), len(b))
    for x, y in zip(a[-depth:], b[-depth:], strict=True):
        short, full = sorted((x, y), key=len)
        if short != full and not (short.endswith("…") and full.startswith(short[:-1])):
            return False
    return True


def test_every_citation_is_a_real_section_of_a_known_article(plans: Plans, kb: KnowledgeBase) -> None:
    for plan in plans.values():
        for citation in _citations(plan):
            assert citation.article in kb.sections, (plan.id, citation)
            headings = kb.sections[citation.article].values()
            assert any(_same_heading(citation.section, h) for h in headings), (plan.id, citation)


def test_every_plan_hands_over_to_build_back(plans: Plans) -> None:
    for plan in plans.values():
        assert plan.then == ("build_back" if plan.id != "build_back" else None), plan.id


def test_every_grade_has_a_gate_and_does_not_start_with_one(plans: Plans) -> None:
    for plan in plans.values():
        for grade in [g.grade for g in plan.grades] or [None]:
            phases = plan.phases_for(grade)
            assert len(phases) >= 2
            assert phases[0].gate is None or not phases[0].gate.checks_for(grade)
            assert any(p.gate is not None and p.gate.checks_for(grade) for p in phases[1:]), (plan.id, grade)


def test_every_plan_says_when_to_stop_and_who_to_see(plans: Plans) -> None:
    for plan in plans.values():
        assert plan.stop_signs, plan.id
        assert plan.professionals, plan.id


def test_cross_training_is_offered_only_where_an_article_allows_it(plans: Plans) -> None:
    assert set(plans["calf_strain"].cross_training) == {"cycling", "swimming", "elliptical"}
    assert "pool_running" in plans["femoral_stress_fracture"].cross_training
    assert plans["it_band_syndrome"].cross_training == ()
    for plan in plans.values():
        kinds = {s.kind for p in plan.phases for s in p.sessions}
        assert ("cross_train" in kinds) == bool(plan.cross_training), plan.id


# --------------------------------------------------------------------------- figures come from guidance


def test_the_calf_readiness_gate_is_the_guidance_checklist(plans: Plans, guidance: Guidance) -> None:
    gate = next(p.gate for p in plans["calf_strain"].phases if p.id == "walk_jog")
    assert gate is not None
    by_id = {c.check.id: c for c in gate.checks}
    for check in guidance.readiness.checks[:4]:
        assert by_id[check.id].check.amount == check.amount
    assert by_id["physio_cleared"].grades == (3,)
    assert [c.id for c in gate.checks_for(2)] == [c.id for c in guidance.readiness.checks[:4]]


def test_the_walk_jog_week_is_the_guidance_week(plans: Plans, guidance: Guidance) -> None:
    week = next(p for p in plans["calf_strain"].phases if p.id == "walk_jog")
    days = guidance.readiness.walk_jog_first_week
    assert [s.intervals for s in week.sessions] == [tuple(d.intervals) for d in days]
    assert [s.text for s in week.sessions] == [d.text for d in days]
    assert week.sessions[0].warm_up_walk_minutes == days[0].warm_up_walk_minutes
    assert week.sessions[-1].minutes == 10


def test_phase_lengths_and_progressions_use_the_articles_numbers(plans: Plans, guidance: Guidance) -> None:
    protect = plans["calf_strain"].phases[0]
    moving = guidance.routines.start_moving_after_strain
    assert (protect.days.min_days, protect.days.max_days) == (3, moving.max)
    no_impact = plans["femoral_stress_fracture"].phases[0]
    assert no_impact.days.min_days == 7 * guidance.load.stress_fracture_no_impact.low
    itbs_off = plans["it_band_syndrome"].phases[0]
    assert (itbs_off.days.min_days, itbs_off.days.max_days) == (7, 14)
    build = plans["build_back"].phases[0].progression
    assert build is not None
    assert (build.weekly_increase_pct, build.cutback_every_weeks) == (10, 4)
    rebuild = plans["calf_strain"].phases[-1].progression
    assert (
        rebuild is not None and rebuild.add_minutes_per_week == guidance.readiness.rebuild_add_per_week.value
    )
    assert plans["calf_strain"].adapt.repeat_if_pain_above == guidance.load.mild_soreness_score.high


def test_cues_fill_in_guidance_figures(plans: Plans) -> None:
    cues = [c.text for c in plans["calf_strain"].cues]
    assert "Keep the effort at 3-4 out of 10: an easy, chatty pace." in cues
    assert any("10%" in c.text for c in plans["build_back"].cues)
    assert all("{amount}" not in n.text for p in plans.values() for n in (*p.cues, *p.stop_signs))


def test_calf_runners_jog_again_within_the_articles_window_for_their_grade(
    plans: Plans, guidance: Guidance
) -> None:
    windows = guidance.readiness.calf_strain_return_by_grade
    for grade, window in zip((1, 2, 3), windows, strict=False):
        phases = plans["calf_strain"].phases_for(grade)
        days = 0
        for phase in phases:
            if phase.id == "walk_jog":
                break
            days += phase.days_for(grade).min_days + (1 if phase.gate and phase.gate.checks_for(grade) else 0)
        first_jog_day = days + 2  # the readiness test takes a day of its own
        assert 7 * window.run_again.low <= first_jog_day <= 7 * window.run_again.high + 7, grade


def test_exercises_for_one_condition_are_labelled_with_it(plans: Plans) -> None:
    strain = plans["hip_muscle_strain"]
    exercises = [e for p in strain.phases for s in p.sessions for e in s.exercises]
    nordic = next(e for e in exercises if e.name == "Nordic hamstring curls")
    assert nordic.conditions == ("hamstring_strain_high",)
    assert nordic.how and nordic.source.article == "hip_pain"


def test_plan_text_is_the_projects_own_words() -> None:
    seed = shared_path("seed", "coaching-articles.txt").read_text(encoding="utf-8")
    word = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
    seed_words = [w.replace("’", "'") for w in word.findall(seed.lower())]
    shingles = {tuple(seed_words[i : i + 9]) for i in range(len(seed_words) - 8)}
    for path in sorted((default_data_dir() / "plans").glob("*.yaml")):
        words = [w.replace("’", "'") for w in word.findall(path.read_text(encoding="utf-8").lower())]
        copied = [
            " ".join(words[i : i + 9]) for i in range(len(words) - 8) if tuple(words[i : i + 9]) in shingles
        ]
        assert copied == [], path.name


def test_a_plan_is_found_by_id_or_refused_with_the_list(plans: Plans) -> None:
    assert plans.plan("calf_strain").id == "calf_strain"
    with pytest.raises(NotFoundError) as info:
        plans.plan("knee_plan")
    assert "unknown plan id 'knee_plan'" in info.value.message
    assert info.value.hint is not None and "calf_strain" in info.value.hint


# --------------------------------------------------------------------- bad plan data gives the intended error


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A folder with a copy of the packaged plans (the rest of the knowledge base stays packaged)."""
    target = tmp_path / "data"
    shutil.copytree(default_data_dir() / "plans", target / "plans")
    return target


def _edit(data: Path, name: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = data / "plans" / name
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _calf(doc: dict[str, Any]) -> dict[str, Any]:
    plan: dict[str, Any] = doc["plans"][0]
    return plan


def _phase(doc: dict[str, Any], phase_id: str) -> dict[str, Any]:
    return next(p for p in _calf(doc)["phases"] if p["id"] == phase_id)


def _error(data: Path) -> str:
    with pytest.raises(KnowledgeError) as info:
        load_plans_from(data, load_knowledge(), load_guidance())
    return info.value.message


def test_a_copy_of_the_whole_data_folder_loads(tmp_path: Path, plans: Plans) -> None:
    shutil.copytree(default_data_dir(), tmp_path / "data")
    assert load_plans(tmp_path / "data").by_id == plans.by_id


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "unknown condition",
        lambda d: _calf(d)["conditions"].append("knee_sprain"),
        "plans/calf.yaml: calf_strain: conditions: unknown condition id 'knee_sprain'",
    ),
    (
        "unknown section key",
        lambda d: _phase(d, "protect").update(src="nowhere"),
        "calf_strain: phases[protect].src: unknown section key 'nowhere' in article 'calf_strain'",
    ),
    (
        "src in an article without a file",
        lambda d: _phase(d, "protect").update(src="knee_pain/fix"),
        "phases[protect].src: no article file for 'knee_pain'",
    ),
    (
        "unknown guidance path",
        lambda d: _phase(d, "protect").update(min_days={"guidance": "readiness.nothing_here"}),
        "calf_strain: phases[protect].min_days: guidance has no 'readiness.nothing_here'",
    ),
    (
        "guidance figure in the wrong unit",
        lambda d: _phase(d, "protect").update(min_days={"guidance": "readiness.effort"}),
        "guidance 'readiness.effort' is in score_out_of_10, expected hours or days or weeks",
    ),
    (
        "unknown exercise of a condition",
        lambda d: _phase(d, "protect")["sessions"][0]["exercises"].append(
            {"exercise": "calf_strain_grade2/Moonwalk"}
        ),
        "phases[protect].sessions[0].exercises[1]: calf_strain_grade2 has no exercise 'Moonwalk'",
    ),
    (
        "unknown catalogue exercise",
        lambda d: _phase(d, "protect")["sessions"][0]["exercises"].append({"exercise": "moonwalk"}),
        "unknown exercise 'moonwalk'",
    ),
    (
        "unknown gate check",
        lambda d: _phase(d, "walk_jog")["gate"]["checks"].append("can_fly"),
        "calf_strain: phases[walk_jog].gate.checks[5]: unknown check 'can_fly'",
    ),
    (
        "a gate on the first phase",
        lambda d: _phase(d, "protect").update(
            gate={"checks": ["walk_30_minutes"], "hold_days": 1, "src": "ready"}
        ),
        "calf_strain: phases[protect].gate: the first phase of grade 1 cannot open with a gate",
    ),
    (
        "no gate at all",
        lambda d: [p.pop("gate", None) for p in _calf(d)["phases"]],
        "calf_strain: phases: grade 2 needs at least one gate",
    ),
    (
        "max days below min days",
        lambda d: _phase(d, "get_moving").update(min_days=9, max_days=2),
        "phases[get_moving].max_days: max_days (2) is less than min_days (9)",
    ),
    (
        "unknown next plan",
        lambda d: _calf(d).update(then="walk_it_off"),
        "plans/calf.yaml: calf_strain: then: unknown plan 'walk_it_off'",
    ),
    (
        "unknown field",
        lambda d: _calf(d).update(colour="red"),
        "plans/calf.yaml: calf_strain: colour: Extra inputs are not permitted",
    ),
    (
        "a grade that the plan does not have",
        lambda d: _phase(d, "strengthen").update(grades=[2, 5]),
        "phases[strengthen].grades: grades [5] are not grades of the plan",
    ),
    (
        "a walk-jog day that guidance does not have",
        lambda d: _phase(d, "walk_jog")["sessions"].append({"kind": "walk_jog", "guidance_day": 9}),
        "phases[walk_jog].sessions[7].guidance_day: no day 9 in guidance readiness.walk_jog_first_week",
    ),
    (
        "a guidance day used as the wrong kind",
        lambda d: _phase(d, "walk_jog")["sessions"][0].update(kind="rest"),
        "phases[walk_jog].sessions[0].kind: guidance day 1 is a walk_jog day, not rest",
    ),
    (
        "an amount placeholder without a figure",
        lambda d: _calf(d)["cues"].append({"text": "Run {amount} today.", "src": "rpe"}),
        "{amount} needs a guidance figure",
    ),
    (
        "a number written as text",
        lambda d: _calf(d)["grades"][0].update(grade="1"),
        "calf_strain: grades[0].grade: Input should be a valid integer",
    ),
    (
        "unknown adapt rules",
        lambda d: _calf(d).update(adapt="relaxed"),
        "calf_strain: adapt: unknown adapt rules 'relaxed'",
    ),
    (
        "a cross-training day without options",
        lambda d: _calf(d).pop("cross_training"),
        "phases[load].sessions[1].kind: a cross_train day needs the plan's cross_training options",
    ),
    (
        "a progression with nothing to grow",
        lambda d: _phase(d, "load").update(
            progression={"add_minutes_per_week": {"guidance": "readiness.rebuild_add_per_week"}}
        ),
        "phases[load].progression: a progression needs run sessions with minutes to grow",
    ),
]


@pytest.mark.parametrize(("label", "change", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_plan_data_gives_the_intended_error(
    data: Path, label: str, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    _edit(data, "calf.yaml", change)
    message = _error(data)
    assert expected in message, message


def test_problems_in_several_places_are_reported_together(data: Path) -> None:
    def change(doc: dict[str, Any]) -> None:
        _calf(doc)["conditions"].append("knee_sprain")
        _phase(doc, "protect").update(src="nowhere")

    _edit(data, "calf.yaml", change)
    message = _error(data)
    assert "(2 problems)" in message
    assert "knee_sprain" in message and "nowhere" in message


def test_a_plan_id_used_in_two_files_is_refused(data: Path) -> None:
    shutil.copy(data / "plans" / "calf.yaml", data / "plans" / "calf_copy.yaml")
    _edit(data, "calf_copy.yaml", lambda d: d.update(checks=[]))
    message = _error(data)
    assert "plans/calf_copy.yaml: calf_strain: id: plan id defined twice" in message


def test_a_shared_check_defined_twice_is_refused(data: Path) -> None:
    _edit(data, "calf.yaml", lambda d: d["checks"].append(dict(d["checks"][0])))
    assert "plans/calf.yaml: checks[walks_without_pain]: check id defined twice" in _error(data)


def test_a_check_wrapping_an_unknown_guidance_check_is_refused(data: Path) -> None:
    _edit(data, "common.yaml", lambda d: d["checks"][0].update(guidance_check="fly_30_minutes"))
    message = _error(data)
    assert (
        "plans/common.yaml: checks[walk_30_minutes]: guidance_check: no readiness check 'fly_30_minutes'"
        in message
    )


def test_a_file_that_is_not_yaml_names_the_line(data: Path) -> None:
    (data / "plans" / "broken.yaml").write_text("schema_version: 1\nplans: [\n  - id: x\n", encoding="utf-8")
    message = _error(data)
    assert re.search(r"plans/broken\.yaml:\d+: not valid YAML", message), message
    assert "the file is empty" not in message


def test_an_empty_file_and_a_missing_folder_are_refused(data: Path) -> None:
    (data / "plans" / "empty.yaml").write_text("", encoding="utf-8")
    assert "plans/empty.yaml: the file is empty" in _error(data)
    shutil.rmtree(data / "plans")
    assert "no plan files" in _error(data)


def test_knowledge_check_validates_and_counts_the_plans(cli: Any, plans: Plans) -> None:
    result = cli("knowledge", "--check")
    assert result.exit_code == 0
    assert f"{len(plans)} return-to-run plans" in result.stderr
