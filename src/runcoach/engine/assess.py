"""One assessment: a case in, ranked causes, red flags, triage, run decision and next questions out.

Pure and deterministic: the same case always gives the same assessment (no clock, no randomness,
ties broken by id). I/O lives in :mod:`runcoach.services.assess`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np

from runcoach.engine.inference import DEFAULT_CONFIG, Evidence, InferenceConfig, posterior
from runcoach.engine.model import CompiledModel, FloatArray, packaged_model
from runcoach.engine.questions import DEFAULT_QUESTIONS, Question, QuestionConfig, plan_questions
from runcoach.engine.text import TextFinding, TextReader, TextReading
from runcoach.engine.triage import DEFAULT_TRIAGE, RedFlagHit, TriageConfig, decide
from runcoach.knowledge.models import RUN_ORDER, TRIAGE_ORDER

MIN_RANKED = 5
TOP_EXPLAINED = 3
#: a finding "supports" a condition when its likelihood ratio against the background is past this
SUPPORT_RATIO = 1.5


@dataclass(frozen=True)
class Case:
    """What the runner told us. ``findings`` are answers (True = yes); ``unknown`` were asked, not known."""

    text: str = ""
    age: int | None = None
    sex: str | None = None
    findings: dict[str, bool] = field(default_factory=dict)
    unknown: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FindingNote:
    finding_id: str
    question: str
    present: bool | None
    source: str  # "answer" | "text" | "unasked"


@dataclass(frozen=True)
class RankedCondition:
    id: str
    name: str
    probability: float
    supports: list[FindingNote] = field(default_factory=list)
    contradicts: list[FindingNote] = field(default_factory=list)
    unasked: list[FindingNote] = field(default_factory=list)


@dataclass(frozen=True)
class Assessment:
    conditions: list[RankedCondition]
    triage: str
    run_decision: str
    red_flags: list[RedFlagHit]
    next_questions: list[Question]
    done: bool
    regions: list[str]
    side: str | None
    text_findings: dict[str, TextFinding]
    age: int | None
    triage_reason: str


@dataclass(frozen=True)
class EngineConfig:
    inference: InferenceConfig = DEFAULT_CONFIG
    questions: QuestionConfig = DEFAULT_QUESTIONS
    triage: TriageConfig = DEFAULT_TRIAGE


class Engine:
    """Compiled knowledge plus the text reader; build once, assess many cases."""

    def __init__(self, model: CompiledModel, config: EngineConfig | None = None) -> None:
        self.model = model
        self.reader = TextReader(model.kb)
        self.config = config or EngineConfig()

    def evidence(self, case: Case) -> tuple[Evidence, TextReading]:
        reading = self.reader.read(case.text)
        answers = dict(case.findings)
        age = case.age if case.age is not None else reading.age
        answers = {**demographics(age, case.sex), **answers}
        text = dict(reading.findings)
        if reading.temperature_c is not None:
            _temperature_findings(text, reading.temperature_c)
        ev = Evidence(
            answers=answers,
            text={k: v for k, v in text.items() if k not in answers},
            unknown=set(case.unknown) - set(answers),
            regions=dict(reading.regions) or self._implied_regions(reading),
            mentions=dict(reading.condition_mentions),
        )
        return ev, reading

    def _implied_regions(self, reading: TextReading) -> dict[str, int]:
        """Regions of the conditions the runner named ("PF is back" is about the foot), used only
        when the words name no body part."""
        regions: dict[str, int] = {}
        for cid in reading.condition_mentions:
            region = self.model.kb.conditions[cid].region
            regions[region] = regions.get(region, 0) + 1
        return regions

    def assess(self, case: Case) -> Assessment:
        ev, reading = self.evidence(case)
        p, terms = posterior(self.model, ev, self.config.inference)
        present = {fid: "text" for fid, tf in ev.text.items() if tf.present}
        present.update({fid: "answer" for fid, v in ev.answers.items() if v})
        phrases = {fid: tf.phrase for fid, tf in ev.text.items()}
        tri = decide(self.model, p, present, phrases, self.config.triage)
        decision = (TRIAGE_ORDER.index(tri.triage), RUN_ORDER.index(tri.run_decision))
        plan = plan_questions(self.model, ev, p, self.config.questions, decision)
        ranked = self._ranked(p, ev, terms)
        return Assessment(
            conditions=ranked,
            triage=tri.triage,
            run_decision=tri.run_decision,
            red_flags=tri.red_flags,
            next_questions=plan.questions,
            done=plan.done,
            regions=sorted(reading.regions, key=lambda r: (-reading.regions[r], r)),
            side=reading.side,
            text_findings=dict(sorted(ev.text.items())),
            age=case.age if case.age is not None else reading.age,
            triage_reason=tri.triage_reason,
        )

    def _ranked(self, p: FloatArray, ev: Evidence, terms: dict[str, FloatArray]) -> list[RankedCondition]:
        # best first; ties (to 12 decimals) broken by id so the output never depends on float noise
        order = np.lexsort((self.model.condition_rank, -np.round(p, 12)))
        explain = _Explainer(self.model, ev, terms)
        out: list[RankedCondition] = []
        for rank, ci_raw in enumerate(order):
            ci = int(ci_raw)
            prob = round(float(p[ci]), 4)
            if rank >= MIN_RANKED and prob < 0.01:
                break
            cond = self.model.condition(ci)
            if rank < TOP_EXPLAINED:
                supports, contradicts, unasked = explain(ci)
            else:
                supports, contradicts, unasked = [], [], []
            out.append(RankedCondition(cond.id, cond.name, prob, supports, contradicts, unasked))
        return out


class _Explainer:
    """Which known findings raised or lowered a condition, and which telling ones are unasked.

    The likelihood ratios of every known finding against every condition are computed once per
    case; each explained condition then reads its own column."""

    def __init__(self, model: CompiledModel, ev: Evidence, terms: dict[str, FloatArray]) -> None:
        self.model = model
        self.fids = list(terms)
        known = ev.known()
        self.notes = [
            FindingNote(
                fid, model.kb.findings[fid].question, known[fid], "answer" if fid in ev.answers else "text"
            )
            for fid in self.fids
        ]
        self.ratios: FloatArray = np.zeros((0, len(model.condition_ids)))
        if self.fids:
            rows = np.array([model.f_index[fid] for fid in self.fids])
            present = np.array([bool(known[fid]) for fid in self.fids])
            base = np.where(present, model.background[rows], 1 - model.background[rows])
            likelihood = np.exp(np.vstack([terms[fid] for fid in self.fids]))
            self.ratios = likelihood / np.maximum(base, 1e-9)[:, None]
        self.seen = ev.asked_or_read() | set(ev.answers)

    def __call__(self, ci: int) -> tuple[list[FindingNote], list[FindingNote], list[FindingNote]]:
        model = self.model
        cond = model.condition(ci)
        supports: list[tuple[float, FindingNote]] = []
        contradicts: list[tuple[float, FindingNote]] = []
        column = self.ratios[:, ci].tolist()
        for fid, note, ratio in zip(self.fids, self.notes, column, strict=True):
            listed = fid in cond.evidence_for or fid in cond.evidence_against
            if ratio >= SUPPORT_RATIO and listed:
                supports.append((-ratio, note))
            elif ratio <= 1 / SUPPORT_RATIO and listed:
                contradicts.append((ratio, note))
        unasked = [
            FindingNote(fid, model.kb.findings[fid].question, None, "unasked")
            for fid, level in cond.evidence_for.items()
            if fid not in self.seen
            and level in ("always", "usually", "often")
            and model.kb.findings[fid].kind != "demographic"
        ][:5]
        supports.sort(key=lambda t: (t[0], t[1].finding_id))
        contradicts.sort(key=lambda t: (t[0], t[1].finding_id))
        return [n for _, n in supports], [n for _, n in contradicts], unasked


def demographics(age: int | None, sex: str | None) -> dict[str, bool]:
    """Demographic findings implied by age and sex."""
    out: dict[str, bool] = {}
    if age is not None:
        out["age_over_40"] = age >= 40
        out["age_over_50"] = age >= 50
        out["age_under_18"] = age < 18
    if sex == "male":
        out["female_irregular_periods"] = False
    return out


COLD_C = 5.0
HOT_C = 25.0


def _temperature_findings(text: dict[str, TextFinding], temp_c: float) -> None:
    phrase = f"{temp_c:.0f} C"
    if temp_c <= COLD_C and "cold_weather" not in text:
        text["cold_weather"] = TextFinding("cold_weather", True, phrase)
    if temp_c >= HOT_C and "hot_weather" not in text:
        text["hot_weather"] = TextFinding("hot_weather", True, phrase)


@functools.cache
def packaged_engine() -> Engine:
    return Engine(packaged_model())
