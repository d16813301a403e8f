"""Posterior over conditions from the evidence known so far (naive Bayes with soft text evidence).

- An answer to a question (yes / no) is hard evidence: likelihood ``q`` or ``1 - q``.
- A finding read from the runner's text is soft evidence: the reader may have misread, so its
  likelihood is ``s * q + e * (1 - q)`` (``s``: how often a runner mentions a finding they have,
  ``e``: how often the reader finds one that is not there). Negated text works the same way round.
- Absent findings count: a hallmark answered "no" weighs heavily against its condition.
- A region the runner names fits the conditions of that region; naming a condition ("shin
  splints") is a modest nudge, since runners' own guesses are often wrong.
- The log-likelihood is tempered (``evidence_weight``) because naive Bayes treats correlated
  findings as independent and would otherwise be overconfident.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from runcoach.engine.model import CompiledModel, FloatArray
from runcoach.engine.text import TextFinding


@dataclass(frozen=True)
class InferenceConfig:
    text_sensitivity: float = 0.5
    text_false_positive: float = 0.015
    hedged_false_positive: float = 0.05
    answer_floor: float = 0.003
    evidence_weight: float = 1.15
    mention_factor: float = 3.0
    hedged_mention_factor: float = 2.0
    region_weight: float = 1.0


DEFAULT_CONFIG = InferenceConfig()


@dataclass
class Evidence:
    """Everything known about one case."""

    answers: dict[str, bool] = field(default_factory=dict)
    text: dict[str, TextFinding] = field(default_factory=dict)
    unknown: set[str] = field(default_factory=set)
    regions: dict[str, int] = field(default_factory=dict)
    mentions: dict[str, bool] = field(default_factory=dict)

    def known(self) -> dict[str, bool]:
        """Findings with a value: answers win over text."""
        out = {k: v.present for k, v in self.text.items()}
        out.update(self.answers)
        return out

    def asked_or_read(self) -> set[str]:
        return set(self.answers) | set(self.text) | self.unknown


def answer_loglik(model: CompiledModel, fid: str, value: bool, cfg: InferenceConfig) -> FloatArray:
    q = np.clip(model.q[model.f_index[fid]], cfg.answer_floor, 1 - cfg.answer_floor)
    return np.asarray(np.log(q if value else 1 - q), dtype=np.float64)


def text_loglik(model: CompiledModel, tf: TextFinding, cfg: InferenceConfig) -> FloatArray:
    q = model.q[model.f_index[tf.finding_id]]
    fp = cfg.hedged_false_positive if tf.hedged else cfg.text_false_positive
    s = cfg.text_sensitivity
    like = s * q + fp * (1 - q) if tf.present else s * (1 - q) + fp * q
    return np.asarray(np.log(like), dtype=np.float64)


def evidence_terms(
    model: CompiledModel, ev: Evidence, cfg: InferenceConfig = DEFAULT_CONFIG
) -> dict[str, FloatArray]:
    """Per-finding log-likelihood vectors (for the posterior and for explanations)."""
    terms: dict[str, FloatArray] = {}
    for fid, tf in ev.text.items():
        if fid not in ev.answers:
            terms[fid] = text_loglik(model, tf, cfg)
    for fid, value in ev.answers.items():
        terms[fid] = answer_loglik(model, fid, value, cfg)
    return terms


def context_loglik(model: CompiledModel, ev: Evidence, cfg: InferenceConfig = DEFAULT_CONFIG) -> FloatArray:
    """Log-likelihood from named regions and named conditions."""
    total = np.zeros(len(model.condition_ids))
    if ev.regions:
        fits = np.vstack([model.region_fit[r] for r in ev.regions])
        # the complaint fits a condition when any named region is its own; naming several regions
        # ("from my butt down the back of my leg") should not punish conditions that span them
        best = fits.max(axis=0)
        mean = fits.mean(axis=0)
        total += cfg.region_weight * np.log(0.8 * best + 0.2 * mean)
    for cid, hedged in ev.mentions.items():
        factor = cfg.hedged_mention_factor if hedged else cfg.mention_factor
        total[model.c_index[cid]] += np.log(factor)
    return total


def posterior(
    model: CompiledModel, ev: Evidence, cfg: InferenceConfig = DEFAULT_CONFIG
) -> tuple[FloatArray, dict[str, FloatArray]]:
    """(posterior over conditions, per-finding log-likelihood terms)."""
    terms = evidence_terms(model, ev, cfg)
    logp = model.log_prior + context_loglik(model, ev, cfg)
    if terms:
        logp = logp + cfg.evidence_weight * np.sum(np.vstack(list(terms.values())), axis=0)
    return normalise_log(logp), terms


def normalise_log(logp: FloatArray) -> FloatArray:
    shifted = np.exp(logp - logp.max())
    return np.asarray(shifted / shifted.sum(), dtype=np.float64)


def entropy(p: FloatArray) -> float:
    nz = p[p > 0]
    return float(-(nz * np.log2(nz)).sum())
