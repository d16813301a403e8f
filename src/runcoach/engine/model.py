"""The knowledge base compiled into arrays for inference.

``q[f, c]`` is P(finding f present | condition c): the condition's graded likelihood where it lists
the finding, otherwise the finding's background rate (how often a runner with an unrelated
complaint would say yes). Priors come from each condition's prevalence.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from runcoach.knowledge.loader import KnowledgeBase, load_knowledge
from runcoach.knowledge.models import (
    LIKELIHOOD,
    PREVALENCE_WEIGHT,
    RUN_ORDER,
    TRIAGE_ORDER,
    Condition,
    Finding,
)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: background P(yes) by finding kind, when findings.yaml gives no base_rate
BACKGROUND_BY_KIND: dict[str, float] = {
    "symptom": 0.03,
    "sign": 0.03,
    "context": 0.15,
    "history": 0.10,
    "demographic": 0.15,
}
#: how much a mention of a region fits a condition: its own region, an also-region, elsewhere
REGION_FIT_PRIMARY = 1.0
REGION_FIT_ALSO = 0.5
REGION_FIT_OTHER = 0.02


def background_rate(finding: Finding) -> float:
    return finding.base_rate if finding.base_rate is not None else BACKGROUND_BY_KIND[finding.kind]


#: a supporting finding is at least this many times as common as in runners generally ...
FOR_RATIO: dict[str, float] = {"always": 3.0, "usually": 2.5, "often": 2.0, "sometimes": 1.5}
#: ... and an opposing one at most this fraction of it
AGAINST_RATIO: dict[str, float] = {"seldom": 0.4, "rarely": 0.15, "never": 0.03}


def supporting_likelihood(level: str, background: float) -> float:
    """P(present | condition) for a ``for`` finding: its graded level, never below the background.

    "sometimes" (0.35) for a finding most runners have anyway (running on pavement, 45%) must still
    point toward the condition, so the level is raised to a multiple of the background.
    """
    return min(0.97, max(LIKELIHOOD[level], background * FOR_RATIO[level]))  # type: ignore[index]


def opposing_likelihood(level: str, background: float) -> float:
    """P(present | condition) for an ``against`` finding: below both its level and the background.

    "seldom" (0.12) would otherwise be *above* the 3% background of a specific symptom and so
    count for the condition instead of against it.
    """
    return min(LIKELIHOOD[level], background * AGAINST_RATIO[level])  # type: ignore[index]


@dataclass(frozen=True)
class CompiledModel:
    kb: KnowledgeBase
    condition_ids: tuple[str, ...]
    finding_ids: tuple[str, ...]
    c_index: dict[str, int]
    f_index: dict[str, int]
    #: [F, C] P(present | condition)
    q: FloatArray
    #: [F] background P(present)
    background: FloatArray
    log_prior: FloatArray
    #: region id -> [C] how well a mention of that region fits each condition
    region_fit: dict[str, FloatArray]
    triage_rank: IntArray
    run_rank: IntArray
    #: [F] 0 = not a red flag, 1 = urgent, 2 = emergency
    red_flag_level: IntArray
    #: [F] rank of min_triage (-1 when none) and of min_run_decision (-1 when none)
    min_triage_rank: IntArray
    min_run_rank: IntArray
    #: [F, C] True where the condition lists the finding as one of its red flags
    listed_red_flag: npt.NDArray[np.bool_]
    #: [F, C] True where the condition lists the finding under ``for`` or as a red flag
    relevant: npt.NDArray[np.bool_]
    #: [C] position of each condition id in sorted order (deterministic tie-breaks)
    condition_rank: IntArray
    #: [F] kind of each finding
    kinds: tuple[str, ...]

    def condition(self, i: int) -> Condition:
        return self.kb.conditions[self.condition_ids[i]]

    def finding(self, i: int) -> Finding:
        return self.kb.findings[self.finding_ids[i]]


def compile_model(kb: KnowledgeBase) -> CompiledModel:
    conds = list(kb.conditions.values())
    finds = list(kb.findings.values())
    c_index = {c.id: i for i, c in enumerate(conds)}
    f_index = {f.id: i for i, f in enumerate(finds)}
    background = np.array([background_rate(f) for f in finds], dtype=np.float64)
    q = np.repeat(background[:, None], len(conds), axis=1)
    listed = np.zeros((len(finds), len(conds)), dtype=bool)
    relevant = np.zeros((len(finds), len(conds)), dtype=bool)
    for ci, cond in enumerate(conds):
        for fid, level in cond.evidence_for.items():
            fi = f_index[fid]
            q[fi, ci] = supporting_likelihood(level, background[fi])
        for fid, level in cond.evidence_against.items():
            fi = f_index[fid]
            q[fi, ci] = opposing_likelihood(level, background[fi])
        for fid in cond.red_flags:
            listed[f_index[fid], ci] = True
            relevant[f_index[fid], ci] = True
        for fid in cond.evidence_for:
            relevant[f_index[fid], ci] = True
    prior = np.array([PREVALENCE_WEIGHT[c.prevalence] for c in conds], dtype=np.float64)
    region_fit: dict[str, FloatArray] = {}
    for region in kb.regions:
        fit = np.full(len(conds), REGION_FIT_OTHER)
        for ci, cond in enumerate(conds):
            if cond.region == region:
                fit[ci] = REGION_FIT_PRIMARY
            elif region in cond.also_regions or cond.region == "whole_body":
                # a whole-body cause (under-fuelling) shows up wherever the runner hurts
                fit[ci] = REGION_FIT_ALSO
        region_fit[region] = fit
    return CompiledModel(
        kb=kb,
        condition_ids=tuple(c.id for c in conds),
        finding_ids=tuple(f.id for f in finds),
        c_index=c_index,
        f_index=f_index,
        q=q,
        background=background,
        log_prior=np.log(prior / prior.sum()),
        region_fit=region_fit,
        triage_rank=np.array([TRIAGE_ORDER.index(c.triage) for c in conds], dtype=np.int64),
        run_rank=np.array([RUN_ORDER.index(c.run_decision) for c in conds], dtype=np.int64),
        red_flag_level=np.array(
            [0 if not f.red_flag else (2 if f.red_flag_level == "emergency" else 1) for f in finds],
            dtype=np.int64,
        ),
        min_triage_rank=np.array(
            [TRIAGE_ORDER.index(f.min_triage) if f.min_triage else -1 for f in finds], dtype=np.int64
        ),
        min_run_rank=np.array(
            [RUN_ORDER.index(f.min_run_decision) if f.min_run_decision else -1 for f in finds], dtype=np.int64
        ),
        listed_red_flag=listed,
        relevant=relevant,
        condition_rank=np.argsort(np.argsort(np.array([c.id for c in conds]))).astype(np.int64),
        kinds=tuple(f.kind for f in finds),
    )


@functools.cache
def packaged_model() -> CompiledModel:
    """The compiled model of the packaged knowledge base (built once per process)."""
    return compile_model(load_knowledge())
