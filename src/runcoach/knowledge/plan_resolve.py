"""Resolve plan files into self-contained plans: every reference looked up, every problem collected.

A reference that does not resolve is recorded as ``plans/<file>: <plan id>: <field>: <problem>`` and
replaced by a harmless placeholder so the rest of the file is still checked; the problems are then
raised together (see :mod:`runcoach.knowledge.plan_checks` for the checks across a whole plan).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from runcoach.knowledge.guidance import Amount, Guidance, PlanDay, ReadinessCheck, Stage, Tip
from runcoach.knowledge.guidance_refs import (
    GuidanceLookupError,
    format_amount,
    guidance_amount,
    guidance_node,
    plain_amount,
)
from runcoach.knowledge.loader import KnowledgeBase, Problems
from runcoach.knowledge.plan_models import AdaptSpec, CheckSpec, DoseSpec, GuidanceRef, NoteSpec, Pick
from runcoach.knowledge.plans import Adapt, Check, Citation, Exercise, Note

UNRESOLVED = Citation(article="unresolved", section="unresolved")
_DAY_UNITS = {"hours": 1 / 24, "days": 1, "weeks": 7}


@dataclass
class Catalogue:
    """The checks, exercises and adapt rules of every plan file, resolved, by id (shared across files)."""

    checks: dict[str, Check] = field(default_factory=dict)
    #: exercise id -> (name, how, source)
    exercises: dict[str, tuple[str, str, Citation]] = field(default_factory=dict)
    adapt: dict[str, Adapt] = field(default_factory=dict)


@dataclass
class Resolver:
    """Looks references up for one plan file; ``where`` prefixes every problem it records."""

    kb: KnowledgeBase
    guidance: Guidance
    catalogue: Catalogue
    problems: Problems
    article: str | None
    where: str

    def at(self, where: str, article: str | None = None) -> Resolver:
        art = self.article if article is None else article
        return Resolver(self.kb, self.guidance, self.catalogue, self.problems, art, where)

    def fail(self, field_path: str, message: str) -> None:
        self.problems.add(f"{self.where}: {field_path}", message)

    # ------------------------------------------------------------------ sources and figures

    def cite(self, src: str, field_path: str) -> Citation:
        article, _, key = src.rpartition("/")
        article = article or (self.article or "")
        if not article:
            self.fail(
                field_path, f"src {src!r} needs an article (write article/key or set the file's article)"
            )
            return UNRESOLVED
        sections = self.kb.sections.get(article)
        if sections is None:
            self.fail(field_path, f"no article file for {article!r} (src {src!r})")
            return UNRESOLVED
        if key not in sections:
            self.fail(field_path, f"unknown section key {key!r} in article {article!r}")
            return UNRESOLVED
        return Citation(article=article, section=sections[key])

    def cite_guidance(self, src: str) -> Citation:
        source = self.guidance.sources[src]  # guaranteed by load_guidance
        return Citation(article=source.article, section=source.section)

    def figure(
        self, ref: GuidanceRef, field_path: str, units: Sequence[str]
    ) -> tuple[Amount, Citation] | None:
        try:
            amount, src = guidance_amount(self.guidance, ref.guidance)
        except GuidanceLookupError as exc:
            self.fail(field_path, str(exc))
            return None
        if amount.unit not in units:
            self.fail(
                field_path, f"guidance {ref.guidance!r} is in {amount.unit}, expected {' or '.join(units)}"
            )
            return None
        return plain_amount(amount, ref.pick), self.cite_guidance(src)

    def number(self, value: int | GuidanceRef, field_path: str, units: Sequence[str], pick: Pick) -> float:
        """A plain number, or a guidance figure's end (``pick`` unless the reference says otherwise)."""
        if isinstance(value, int):
            return float(value)
        found = self.figure(value, field_path, units)
        if found is None:
            return 1.0
        amount, _ = found
        return amount.low if (value.pick or pick) == "low" else amount.high

    def days(self, value: int | GuidanceRef, field_path: str, pick: Pick) -> int:
        """Days: a number, a guidance figure in hours, days or weeks, or a guidance rehab stage's length."""
        if isinstance(value, int):
            return value
        try:
            node = guidance_node(self.guidance, value.guidance)
        except GuidanceLookupError as exc:
            self.fail(field_path, str(exc))
            return 1
        if isinstance(node, Stage):
            if node.to_day is None:
                self.fail(field_path, f"guidance stage {node.label!r} has no end day")
                return 1
            return node.to_day - node.from_day + 1
        found = self.figure(value, field_path, tuple(_DAY_UNITS))
        if found is None:
            return 1
        amount, _ = found
        end = amount.low if (value.pick or pick) == "low" else amount.high
        return round(end * _DAY_UNITS[amount.unit])

    # ------------------------------------------------------------------ notes, checks, exercises

    def note(self, spec: NoteSpec, field_path: str) -> Note:
        if spec.guidance is None:
            assert spec.text is not None and spec.src is not None  # guaranteed by NoteSpec
            return Note(text=spec.text, source=self.cite(spec.src, field_path))
        try:
            node = guidance_node(self.guidance, spec.guidance)
        except GuidanceLookupError as exc:
            self.fail(field_path, str(exc))
            return Note(text=spec.text or "unresolved", source=UNRESOLVED)
        if isinstance(node, Tip):
            return Note(text=spec.text or node.text, source=self.cite_guidance(node.src))
        found = self.figure(GuidanceRef(guidance=spec.guidance), field_path, (getattr(node, "unit", ""),))
        if found is None or spec.text is None:
            if found is not None:
                self.fail(field_path, "a guidance figure needs text saying what to do with {amount}")
            return Note(text=spec.text or "unresolved", source=UNRESOLVED)
        amount, citation = found
        return Note(text=spec.text.replace("{amount}", format_amount(amount)), source=citation)

    def check(self, check_id: str, field_path: str) -> Check | None:
        found = self.catalogue.checks.get(check_id)
        if found is None:
            self.fail(field_path, f"unknown check {check_id!r} (not in any plans file's checks)")
        return found

    def check_spec(self, spec: CheckSpec) -> Check:
        """A catalogue check, resolved (``where`` names the check)."""
        text, amount, source = self._check_body(spec)
        work_source = self.cite(spec.work_src, "work_src") if spec.work_src else source
        return Check(
            id=spec.id, text=text, amount=amount, source=source, work_on=spec.work_on, work_source=work_source
        )

    def adapt_spec(self, spec: AdaptSpec) -> Adapt:
        above = self.number(spec.repeat_if_pain_above, "repeat_if_pain_above", ("score_out_of_10",), "high")
        return Adapt(
            repeat_if_pain_rises_by=spec.repeat_if_pain_rises_by,
            repeat_if_pain_above=round(above),
            step_back_after_flares=spec.step_back_after_flares,
            source=self.cite(spec.src, "src"),
        )

    def _check_body(self, spec: CheckSpec) -> tuple[str, Amount | None, Citation]:
        if spec.guidance_check is not None:
            found = next((c for c in self.guidance.readiness.checks if c.id == spec.guidance_check), None)
            if not isinstance(found, ReadinessCheck):
                self.fail("guidance_check", f"no readiness check {spec.guidance_check!r} in guidance.yaml")
                return "unresolved", None, UNRESOLVED
            text = found.text
            if found.amount is not None:
                text = f"{text.rstrip('.')} ({format_amount(found.amount)})."
            amount = plain_amount(found.amount) if found.amount is not None else None
            return text, amount, self.cite_guidance(found.src)
        assert spec.text is not None  # guaranteed by CheckSpec
        amount = None
        source = self.cite(spec.src, "src") if spec.src else UNRESOLVED
        if spec.figure is not None:
            unit = _figure_unit(self.guidance, spec.figure.guidance)
            found_fig = self.figure(spec.figure, "figure", (unit,))
            if found_fig is not None:
                amount, fig_source = found_fig
                source = source if spec.src else fig_source
        text = spec.text.replace("{amount}", format_amount(amount)) if amount is not None else spec.text
        return text, amount, source

    def exercise(self, dose: DoseSpec, field_path: str) -> Exercise:
        name, how, source = self._exercise_body(dose.exercise, field_path)
        amount: Amount | None = None
        if isinstance(dose.amount, GuidanceRef):
            unit = _figure_unit(self.guidance, dose.amount.guidance)
            found = self.figure(dose.amount, f"{field_path}.amount", (unit,))
            amount = found[0] if found is not None else None
        elif dose.amount is not None:
            amount = plain_amount(dose.amount)
        return Exercise(
            name=name,
            how=how,
            sets=dose.sets,
            amount=amount,
            per_side=dose.per_side,
            note=dose.note,
            source=source,
            conditions=tuple(dose.conditions),
        )

    def _exercise_body(self, ref: str, field_path: str) -> tuple[str, str, Citation]:
        if "/" in ref:
            condition_id, _, name = ref.partition("/")
            condition = self.kb.conditions.get(condition_id)
            if condition is None:
                self.fail(field_path, f"unknown condition {condition_id!r} in exercise {ref!r}")
                return ref, "unresolved", UNRESOLVED
            found = next((ex for ex in condition.advice.exercises if ex.name == name), None)
            if found is None:
                names = ", ".join(repr(ex.name) for ex in condition.advice.exercises) or "none"
                self.fail(field_path, f"{condition_id} has no exercise {name!r} (it has: {names})")
                return ref, "unresolved", UNRESOLVED
            ref_source = self.kb.source(condition_id, found.src)
            return found.name, found.how, Citation(article=ref_source.article, section=ref_source.section)
        found_local = self.catalogue.exercises.get(ref)
        if found_local is None:
            self.fail(
                field_path, f"unknown exercise {ref!r} (an exercises id, or condition_id/Exercise name)"
            )
            return ref, "unresolved", UNRESOLVED
        return found_local

    def walk_jog_day(self, day: int, field_path: str) -> PlanDay | None:
        found = next((d for d in self.guidance.readiness.walk_jog_first_week if d.day == day), None)
        if found is None:
            self.fail(field_path, f"no day {day} in guidance readiness.walk_jog_first_week")
        return found


def _figure_unit(guidance: Guidance, path: str) -> str:
    """The unit of the figure at ``path`` ('' when there is none; the lookup then reports the problem)."""
    try:
        return guidance_amount(guidance, path)[0].unit
    except GuidanceLookupError:
        return ""


def plan_files(root: Path) -> list[Path]:
    folder = root / "plans"
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []
