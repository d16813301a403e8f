"""Build :class:`~runcoach.knowledge.plans.Plan` objects from plan files, and load them all."""

from __future__ import annotations

from pathlib import Path

from runcoach.knowledge.guidance import Guidance
from runcoach.knowledge.loader import KnowledgeBase, Problems, read_yaml, validate_model
from runcoach.knowledge.plan_checks import check_plan
from runcoach.knowledge.plan_models import (
    CrossTraining,
    GateSpec,
    PhaseDaysSpec,
    PhaseSpec,
    PlansFile,
    PlanSpec,
    ProgressionSpec,
    SessionSpec,
)
from runcoach.knowledge.plan_resolve import UNRESOLVED, Catalogue, Resolver, plan_files
from runcoach.knowledge.plans import (
    Adapt,
    Gate,
    GateCheck,
    Grade,
    Phase,
    PhaseDays,
    Plan,
    Plans,
    Progression,
    Session,
)

DEFAULT_TITLES = {
    "rest": "Rest day",
    "walk": "Walk",
    "walk_jog": "Walk-jog",
    "run": "Easy run",
    "cross_train": "Cross-training",
    "strength": "Strength and mobility",
}
#: which session kinds a day of guidance ``readiness.walk_jog_first_week`` can stand for
_GUIDANCE_DAY_KINDS = {
    "walk_jog": ("walk_jog",),
    "easy_jog": ("run",),
    "rest_or_cross_train": ("cross_train", "rest"),
    "rest": ("rest",),
}


def load_plans_from(root: Path, kb: KnowledgeBase, guidance: Guidance) -> Plans:
    """Read, validate and resolve every ``plans/*.yaml`` under ``root``; raise all problems together."""
    problems = Problems()
    files: list[tuple[str, PlansFile]] = []
    paths = plan_files(root)
    if not paths:
        problems.add("plans", "no plan files (plans/*.yaml)")
    for path in paths:
        rel = f"plans/{path.name}"
        before = len(problems.lines)
        raw = read_yaml(path, problems, rel)
        if len(problems.lines) > before:
            continue
        parsed = validate_model(PlansFile, raw, rel, problems)
        if parsed is not None:
            files.append((rel, parsed))
    problems.raise_if_any()
    catalogue = _catalogue(files, kb, guidance, problems)
    plans: dict[str, Plan] = {}
    for rel, plans_file in files:
        for spec in plans_file.plans:
            resolver = Resolver(kb, guidance, catalogue, problems, plans_file.article, f"{rel}: {spec.id}")
            if spec.id in plans:
                resolver.fail("id", "plan id defined twice")
            plan = build_plan(spec, resolver)
            check_plan(spec, plan, kb, resolver.fail)
            plans[spec.id] = plan
    for rel, plans_file in files:
        for spec in plans_file.plans:
            if spec.then is not None and spec.then not in plans:
                problems.add(f"{rel}: {spec.id}: then", f"unknown plan {spec.then!r}")
    problems.raise_if_any()
    return Plans(plans)


def _catalogue(
    files: list[tuple[str, PlansFile]], kb: KnowledgeBase, guidance: Guidance, problems: Problems
) -> Catalogue:
    catalogue = Catalogue()
    for rel, plans_file in files:
        if plans_file.article is not None and plans_file.article not in kb.sections:
            problems.add(f"{rel}: article", f"no article file for {plans_file.article!r}")
        for check in plans_file.checks:
            where = f"{rel}: checks[{check.id}]"
            if check.id in catalogue.checks:
                problems.add(where, "check id defined twice")
            resolver = Resolver(kb, guidance, catalogue, problems, plans_file.article, where)
            catalogue.checks[check.id] = resolver.check_spec(check)
        for exercise in plans_file.exercises:
            where = f"{rel}: exercises[{exercise.id}]"
            if exercise.id in catalogue.exercises:
                problems.add(where, "exercise id defined twice")
            resolver = Resolver(kb, guidance, catalogue, problems, plans_file.article, where)
            catalogue.exercises[exercise.id] = (
                exercise.name,
                exercise.how,
                resolver.cite(exercise.src, "src"),
            )
        for rule_id, rules in plans_file.adapt_rules.items():
            where = f"{rel}: adapt_rules[{rule_id}]"
            if rule_id in catalogue.adapt:
                problems.add(where, "adapt rules id defined twice")
            resolver = Resolver(kb, guidance, catalogue, problems, plans_file.article, where)
            catalogue.adapt[rule_id] = resolver.adapt_spec(rules)
    return catalogue


def build_plan(spec: PlanSpec, r: Resolver) -> Plan:
    adapt = r.catalogue.adapt.get(spec.adapt)
    if adapt is None:
        r.fail("adapt", f"unknown adapt rules {spec.adapt!r} (not in any plans file's adapt_rules)")
        adapt = Adapt(
            repeat_if_pain_rises_by=1, repeat_if_pain_above=0, step_back_after_flares=1, source=UNRESOLVED
        )
    cross: tuple[CrossTraining, ...] = ()
    if spec.cross_training is not None:
        cross = tuple(spec.cross_training.options)
        r.cite(spec.cross_training.src, "cross_training.src")
    professionals: list[str] = []
    for condition_id in spec.conditions:
        condition = r.kb.conditions.get(condition_id)
        for who in condition.advice.professionals if condition is not None else ():
            if who not in professionals:
                professionals.append(who)
    return Plan(
        id=spec.id,
        name=spec.name,
        summary=spec.summary,
        source=r.cite(spec.src, "src"),
        conditions=tuple(spec.conditions),
        grades=tuple(Grade(grade=g.grade, label=g.label, condition=g.condition) for g in spec.grades),
        adapt=adapt,
        cross_training=cross,
        cues=tuple(r.note(n, f"cues[{i}]") for i, n in enumerate(spec.cues)),
        stop_signs=tuple(r.note(n, f"stop_signs[{i}]") for i, n in enumerate(spec.stop_signs)),
        phases=tuple(_phase(p, r, f"phases[{p.id}]", cross) for p in spec.phases),
        then=spec.then,
        professionals=tuple(professionals),
    )


def _phase(spec: PhaseSpec, r: Resolver, path: str, cross: tuple[CrossTraining, ...]) -> Phase:
    return Phase(
        id=spec.id,
        name=spec.name,
        goal=spec.goal,
        source=r.cite(spec.src, f"{path}.src"),
        days=_days(spec, r, path),
        by_grade={g: _days(d, r, f"{path}.by_grade[{g}]") for g, d in spec.by_grade.items()},
        grades=tuple(spec.grades),
        gate=_gate(spec.gate, r, f"{path}.gate") if spec.gate is not None else None,
        sessions=tuple(_session(s, r, f"{path}.sessions[{i}]", cross) for i, s in enumerate(spec.sessions)),
        progression=_progression(spec.progression, r, f"{path}.progression") if spec.progression else None,
        cues=tuple(r.note(n, f"{path}.cues[{i}]") for i, n in enumerate(spec.cues)),
        tips=tuple(r.note(n, f"{path}.tips[{i}]") for i, n in enumerate(spec.tips)),
    )


def _days(spec: PhaseDaysSpec, r: Resolver, path: str) -> PhaseDays:
    low = r.days(spec.min_days, f"{path}.min_days", "low")
    high = r.days(spec.max_days, f"{path}.max_days", "high") if spec.max_days is not None else None
    if low < 1:
        r.fail(f"{path}.min_days", "a phase lasts at least one day")
        low = 1
    if high is not None and high < low:
        r.fail(f"{path}.max_days", f"max_days ({high}) is less than min_days ({low})")
        high = None
    return PhaseDays(min_days=low, max_days=high)


def _gate(spec: GateSpec, r: Resolver, path: str) -> Gate | None:
    checks: list[GateCheck] = []
    for i, ref in enumerate(spec.checks):
        check_id, grades = (ref, ()) if isinstance(ref, str) else (ref.check, tuple(ref.grades))
        found = r.check(check_id, f"{path}.checks[{i}]")
        if found is not None:
            checks.append(GateCheck(check=found, grades=grades))
    hold = r.days(spec.hold_days, f"{path}.hold_days", "low")
    source = r.cite(spec.src, f"{path}.src")
    return Gate(checks=tuple(checks), hold_days=max(hold, 1), source=source) if checks else None


def _session(spec: SessionSpec, r: Resolver, path: str, cross: tuple[CrossTraining, ...]) -> Session:
    title = spec.title or DEFAULT_TITLES[spec.kind]
    intervals = tuple(spec.intervals)
    warm_up = float(spec.warm_up_walk_minutes) if spec.warm_up_walk_minutes else None
    minutes = (
        r.number(spec.minutes, f"{path}.minutes", ("minutes",), "low") if spec.minutes is not None else None
    )
    text, source = spec.text or "unresolved", UNRESOLVED
    if spec.guidance_day is not None:
        day = r.walk_jog_day(spec.guidance_day, f"{path}.guidance_day")
        if day is not None:
            if spec.kind not in _GUIDANCE_DAY_KINDS[day.activity]:
                r.fail(f"{path}.kind", f"guidance day {day.day} is a {day.activity} day, not {spec.kind}")
            intervals, text, source = tuple(day.intervals), day.text, r.cite_guidance(day.src)
            warm_up = day.warm_up_walk_minutes
            if spec.kind == "run":
                minutes = sum(i.jog_minutes * i.repeats_min for i in intervals)
    elif spec.src is not None:
        source = r.cite(spec.src, f"{path}.src")
    if spec.kind == "cross_train" and not cross:
        r.fail(f"{path}.kind", "a cross_train day needs the plan's cross_training options")
    return Session(
        kind=spec.kind,
        title=title,
        text=text,
        source=source,
        minutes=minutes,
        warm_up_walk_minutes=warm_up,
        intervals=intervals,
        exercises=tuple(r.exercise(d, f"{path}.exercises[{i}]") for i, d in enumerate(spec.exercises)),
        cross_training=cross if spec.kind == "cross_train" else (),
    )


def _progression(spec: ProgressionSpec, r: Resolver, path: str) -> Progression:
    if spec.add_minutes_per_week is not None:
        found = r.figure(spec.add_minutes_per_week, f"{path}.add_minutes_per_week", ("minutes",))
        if found is None:
            return Progression(add_minutes_per_week=0, source=UNRESOLVED)
        amount, source = found
        return Progression(add_minutes_per_week=amount.low, source=source)
    assert spec.weekly_increase is not None  # guaranteed by ProgressionSpec
    found = r.figure(spec.weekly_increase, f"{path}.weekly_increase", ("percent",))
    cutback = None
    if spec.cutback_every is not None:
        cutback = round(r.number(spec.cutback_every, f"{path}.cutback_every", ("weeks",), "high"))
    if found is None:
        return Progression(weekly_increase_pct=0, cutback_every_weeks=cutback, source=UNRESOLVED)
    amount, source = found
    return Progression(weekly_increase_pct=amount.high, cutback_every_weeks=cutback, source=source)
