"""Choose the next questions: expected information gain, with red flags asked early.

For every finding not yet asked, answered or read from the text, the expected drop in entropy of
the posterior over conditions is computed in one vectorised step. Red-flag findings get a bonus
proportional to how likely a "yes" is and how severe the flag is, so the dangerous possibilities
of the complaint's region are screened within the first few questions. The interview is done when
one condition dominates and no red flag remains plausible, or when no question would change much.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from runcoach.engine.inference import Evidence, entropy
from runcoach.engine.model import CompiledModel, FloatArray, IntArray


@dataclass(frozen=True)
class QuestionConfig:
    red_flag_bonus: float = 1.5
    emergency_multiplier: float = 1.6
    #: red flags less likely than this are not worth a question on safety grounds alone
    red_flag_floor: float = 0.02
    stop_top_probability: float = 0.80
    stop_red_flag_probability: float = 0.04
    min_gain_bits: float = 0.03
    #: how much a question's gain depends on whether it concerns the likely conditions at all
    #: (0: pure information gain; 1: gain times the chance the finding is relevant to the answer)
    relevance_weight: float = 0.0
    #: an urgent or emergency condition at least this likely gets one of its red flags answered
    screen_probability: float = 0.03
    #: the bonus (times red_flag_bonus) that puts an unscreened serious condition's red flags first
    screen_bonus: float = 0.5
    #: the bonus (times red_flag_bonus) that asks to confirm an escalating finding read from text
    confirm_bonus: float = 0.4
    #: a finding that would raise the triage or the run decision is asked before stopping when
    #: "yes" is at least this likely (it changes what the runner should do, not just the name)
    decision_p_yes: float = 0.25
    #: conditions less likely than this are left out of the information-gain computation
    negligible: float = 1e-5
    max_listed: int = 5
    #: kinds never asked directly (demographics come from age and sex)
    skip_kinds: tuple[str, ...] = ("demographic",)


DEFAULT_QUESTIONS = QuestionConfig()


@dataclass(frozen=True)
class Question:
    finding_id: str
    question: str
    reason: str
    red_flag: bool
    score: float
    p_yes: float


@dataclass(frozen=True)
class QuestionPlan:
    questions: list[Question]
    done: bool


def _xlogx(m: FloatArray) -> FloatArray:
    """m * log2(m) elementwise, 0 where m is 0 (m >= 0)."""
    return np.asarray(m * np.log2(np.maximum(m, 1e-300)), dtype=np.float64)


def expected_gain(q: FloatArray, p: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(information gain in bits, P(yes)) for each row of q given the posterior p.

    The entropy after an answer is weighed by the answer's probability; with the joint
    probabilities a = q * p (yes) and b = (1 - q) * p (no) it is
    ``-sum(a log a) + P(yes) log P(yes) - sum(b log b) + P(no) log P(no)``, so no posterior
    has to be normalised row by row.
    """
    joint_yes = q * p
    joint_no = p - joint_yes
    p_yes = q @ p
    p_no = np.maximum(1.0 - p_yes, 0.0)
    h_after = -_xlogx(joint_yes).sum(axis=1) - _xlogx(joint_no).sum(axis=1) + _xlogx(p_yes) + _xlogx(p_no)
    return entropy(p) - h_after, p_yes


def candidate_rows(model: CompiledModel, ev: Evidence, cfg: QuestionConfig) -> IntArray:
    """Indices of the findings worth asking: not answered, unknown or already read from the text."""
    mask = _askable(model, cfg.skip_kinds)
    allowed = mask.copy()
    for fid in ev.asked_or_read():
        allowed[model.f_index[fid]] = False
    # an escalating finding read from the text is worth confirming before it changes the triage
    for fid, tf in ev.text.items():
        fi = model.f_index[fid]
        if (
            tf.present
            and fid not in ev.answers
            and model.min_triage_rank[fi] >= 0
            and not model.red_flag_level[fi]
        ):
            allowed[fi] = bool(mask[fi])
    return np.flatnonzero(allowed).astype(np.int64)


#: (model id, skipped kinds) -> (the model, kept so that its id is not reused; the mask)
_ASKABLE: dict[tuple[int, tuple[str, ...]], tuple[CompiledModel, np.ndarray]] = {}


def _askable(model: CompiledModel, skip_kinds: tuple[str, ...]) -> np.ndarray:
    """Findings whose kind may be asked (computed once per model and kinds; do not modify)."""
    key = (id(model), skip_kinds)
    hit = _ASKABLE.get(key)
    if hit is None:
        hit = (model, np.array([kind not in skip_kinds for kind in model.kinds], dtype=bool))
        _ASKABLE[key] = hit
    return hit[1]


def plan_questions(
    model: CompiledModel,
    ev: Evidence,
    p: FloatArray,
    cfg: QuestionConfig = DEFAULT_QUESTIONS,
    decision: tuple[int, int] | None = None,
) -> QuestionPlan:
    """The next questions, best first. ``decision`` is the current (triage rank, run rank): a likely
    finding that would raise either is asked before the interview stops."""
    idx = candidate_rows(model, ev, cfg)
    if not len(idx):
        return QuestionPlan([], True)
    # conditions with a negligible probability cannot change the answer: leave them out of the maths
    cols = np.flatnonzero(p >= cfg.negligible)
    p_sub = p[cols] / p[cols].sum()
    q_sub = model.q[idx][:, cols]
    gain, p_yes = expected_gain(q_sub, p_sub)
    level = model.red_flag_level[idx]
    severity = np.where(level == 2, cfg.emergency_multiplier, np.where(level == 1, 1.0, 0.0))
    # the part of P(yes) that comes from conditions for which this flag is a real concern
    p_flag = (q_sub * model.relevant[idx][:, cols]) @ p_sub
    plausible = p_flag >= cfg.red_flag_floor
    bonus = cfg.red_flag_bonus * severity * p_flag * plausible
    live_flag = bool(np.any((level > 0) & (p_flag >= cfg.stop_red_flag_probability)))
    unscreened = unscreened_danger(model, ev, p, cfg)
    if unscreened:
        # a serious possibility none of whose red flags has been answered: screen it before stopping
        screen = np.isin(idx, unscreened)
        bonus = np.where(screen, np.maximum(bonus, cfg.red_flag_bonus * cfg.screen_bonus), bonus)
        live_flag = True
    confirm = _to_confirm(model, ev, idx)
    decisive = np.zeros(len(idx), dtype=bool)
    if decision is not None:
        raises = (model.min_triage_rank[idx] > decision[0]) | (model.min_run_rank[idx] > decision[1])
        decisive = raises & (p_yes >= cfg.decision_p_yes) & (level == 0) & ~confirm
    if confirm.any() or decisive.any():
        # "for months" read from the words, or a likely "worse as I run", would change what the
        # runner should do: ask before stopping
        ask = confirm | decisive
        bonus = np.where(ask, np.maximum(bonus, cfg.red_flag_bonus * cfg.confirm_bonus), bonus)
        live_flag = True
    if cfg.relevance_weight:
        # a question about the likely conditions is one a runner can answer and will understand
        relevance = (model.relevant[idx] | (model.q[idx] < model.background[idx][:, None])) @ p
        gain = gain * (1 - cfg.relevance_weight + cfg.relevance_weight * relevance)
    score = gain + bonus
    order = np.lexsort((idx, -score))
    top = float(p.max())
    best_gain = float(gain.max())
    done = not live_flag and (top >= cfg.stop_top_probability or best_gain < cfg.min_gain_bits)
    if done:
        return QuestionPlan([], True)
    questions: list[Question] = []
    for k in order[: cfg.max_listed]:
        if score[k] <= 1e-6:
            break
        fi = int(idx[k])
        finding = model.finding(fi)
        questions.append(
            Question(
                finding_id=finding.id,
                question=finding.question,
                reason=CONFIRM_REASON
                if confirm[k]
                else DECISION_REASON
                if decisive[k]
                else reason_for(model, fi, p, bool(level[k] > 0)),
                red_flag=bool(level[k] > 0),
                score=float(score[k]),
                p_yes=float(p_yes[k]),
            )
        )
    return QuestionPlan(questions, not questions)


#: why a finding read from the runner's words is asked again
CONFIRM_REASON = "confirms what you wrote: it decides whether a professional should take a look"
#: why a likely finding that would change the run decision or the triage is asked
DECISION_REASON = "the answer changes whether you should run, or see someone"


def _to_confirm(model: CompiledModel, ev: Evidence, idx: IntArray) -> np.ndarray:
    """Mask over ``idx``: escalating (min_triage) findings read from the text and not yet answered."""
    pending = np.zeros(len(model.finding_ids), dtype=bool)
    for fid, tf in ev.text.items():
        if tf.present and fid not in ev.answers and fid not in ev.unknown:
            pending[model.f_index[fid]] = True
    return np.asarray(pending[idx] & (model.min_triage_rank[idx] >= 0), dtype=bool)


def unscreened_danger(model: CompiledModel, ev: Evidence, p: FloatArray, cfg: QuestionConfig) -> list[int]:
    """Red-flag rows still worth asking: they belong to an urgent or emergency condition that is
    still plausible and none of whose red flags has a yes/no answer yet."""
    answered = {model.f_index[fid] for fid in ev.answers} | {
        model.f_index[fid] for fid, tf in ev.text.items() if tf.present
    }
    unknown = {model.f_index[fid] for fid in ev.unknown}
    rows: set[int] = set()
    dangerous = np.flatnonzero((model.triage_rank >= 2) & (p >= cfg.screen_probability))
    for ci in dangerous:
        flags = np.flatnonzero(model.listed_red_flag[:, ci] & (model.red_flag_level > 0))
        if any(int(f) in answered for f in flags):
            continue
        rows.update(int(f) for f in flags if int(f) not in unknown)
    return sorted(rows)


def reason_for(model: CompiledModel, fi: int, p: FloatArray, red_flag: bool) -> str:
    """A one-line reason: what the answer would tell the coach."""
    q = model.q[fi]
    finding = model.finding(fi)
    if red_flag:
        if finding.screens_for:
            return finding.screens_for
        weight = p * q * np.where(model.listed_red_flag[fi], 2.0, 1.0)
        flagged = model.condition(int(np.argmax(weight)))
        return f"rules out {flagged.short_name}"
    # who says yes, and who says no, weighted by how likely each condition is now
    yes_side = int(np.argmax(p * q))
    no_side = int(np.argmax(p * (1 - q) * (np.arange(len(p)) != yes_side)))
    a, b = model.condition(yes_side), model.condition(no_side)
    if abs(q[yes_side] - q[no_side]) < 0.1:
        return f"checks how well {a.short_name} fits"
    return f"separates {a.short_name} from {b.short_name}"
