"""Triage level and run decision: red flags override, otherwise the likely conditions decide.

The condition-based level is the most urgent level whose conditions together still hold enough
probability: e.g. urgent when the conditions needing at least urgent care add up to 12% or more.
Thresholds fall as severity rises, so an unlikely emergency still raises the level ("when unsure,
go up"). Any red-flag finding that is present sets the triage to at least its level and the run
decision to red; ``min_run_decision`` of present findings applies too, and ``min_triage`` of
findings the runner confirmed (a reading of their words alone is confirmed by a question first).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from runcoach.engine.model import CompiledModel, FloatArray
from runcoach.knowledge.models import RUN_ORDER, TRIAGE_ORDER, RunDecision, TriageLevel


def _triage_thresholds() -> dict[int, float]:
    return {1: 0.45, 2: 0.12, 3: 0.06}


def _run_thresholds() -> dict[int, float]:
    return {1: 0.30, 2: 0.20}


@dataclass(frozen=True)
class TriageConfig:
    #: triage rank -> probability mass at or above that rank needed to reach it
    triage_mass: dict[int, float] = field(default_factory=_triage_thresholds)
    #: run rank -> probability mass at or above that rank needed to reach it
    run_mass: dict[int, float] = field(default_factory=_run_thresholds)


DEFAULT_TRIAGE = TriageConfig()


@dataclass(frozen=True)
class RedFlagHit:
    finding_id: str
    level: str
    source: str  # "answer" | "text"
    phrase: str | None = None


@dataclass(frozen=True)
class TriageResult:
    triage: TriageLevel
    run_decision: RunDecision
    red_flags: list[RedFlagHit]
    #: which rule set the level: "red_flag", "finding" or "conditions"
    triage_reason: str


def _level_from_mass(ranks: np.ndarray, p: FloatArray, thresholds: dict[int, float]) -> int:
    level = 0
    for rank, needed in sorted(thresholds.items()):
        if float(p[ranks >= rank].sum()) >= needed:
            level = rank
    return level


def decide(
    model: CompiledModel,
    p: FloatArray,
    present: dict[str, str],
    phrases: dict[str, str] | None = None,
    cfg: TriageConfig = DEFAULT_TRIAGE,
) -> TriageResult:
    """Triage and run decision. ``present`` maps each present finding id to "answer" or "text"."""
    phrases = phrases or {}
    # the most likely condition is always "reasonably likely": its level is the floor
    top = int(np.argmax(p))
    t_rank = max(_level_from_mass(model.triage_rank, p, cfg.triage_mass), int(model.triage_rank[top]))
    r_rank = max(_level_from_mass(model.run_rank, p, cfg.run_mass), int(model.run_rank[top]))
    reason = "conditions"
    hits: list[RedFlagHit] = []
    for fid, source in sorted(present.items()):
        fi = model.f_index[fid]
        finding = model.kb.findings[fid]
        if finding.red_flag and finding.red_flag_level:
            hits.append(RedFlagHit(fid, finding.red_flag_level, source, phrases.get(fid)))
            level = TRIAGE_ORDER.index(finding.red_flag_level)
            if level >= t_rank:
                reason = "red_flag"
            t_rank = max(t_rank, level)
            r_rank = 2
        # a non-red-flag escalation ("book a check") needs the runner's answer, not just a
        # reading of their words; red flags above apply from text too
        if source == "answer" and model.min_triage_rank[fi] > t_rank:
            t_rank = int(model.min_triage_rank[fi])
            reason = "finding"
        r_rank = max(r_rank, int(model.min_run_rank[fi]))
    for esc in model.kb.escalations:
        if all(fid in present for fid in esc.all_of):
            level = TRIAGE_ORDER.index(esc.triage)
            if level >= t_rank:
                t_rank = level
                reason = "red_flag"
            # the red flags that took part are reported at the escalated level
            hits = [
                RedFlagHit(h.finding_id, esc.triage, h.source, h.phrase)
                if h.finding_id in esc.all_of and TRIAGE_ORDER.index(h.level) < level
                else h
                for h in hits
            ]
            r_rank = max(r_rank, RUN_ORDER.index(esc.run_decision))
    if t_rank == 3:
        r_rank = 2
    elif t_rank == 2:
        r_rank = max(r_rank, 1)
    hits.sort(key=lambda h: (h.level != "emergency", h.finding_id))
    return TriageResult(TRIAGE_ORDER[t_rank], RUN_ORDER[r_rank], hits, reason)
