"""What the log analytics say and decide by, as data: ``knowledge/data/analytics.yaml``.

The pain-pattern finder's statistics settings and sentences, and the training-load warnings'
thresholds, reasons and advice. ``src`` keys name a section in ``guidance.yaml``'s ``sources``.
``load_analytics()`` validates the file and its references; problems raise
:class:`~runcoach.errors.KnowledgeError` naming the file and the key path.
"""

from __future__ import annotations

import functools
import string
from pathlib import Path
from typing import Literal

from pydantic import Field

from runcoach.knowledge.guidance import Source, load_guidance
from runcoach.knowledge.loader import Problems, default_data_dir, read_yaml, validate_model
from runcoach.knowledge.models import Id, Meta, Strict, Text
from runcoach.knowledge.warning_models import Warnings

ANALYTICS_FILE = "analytics.yaml"

TRIGGERS = (
    "weekly_volume", "long_run", "session_type", "terrain", "shoe",
    "training", "sleep", "stress", "cycle",
)  # fmt: skip


class PatternSettings(Strict):
    alpha: float = Field(gt=0, lt=0.5)
    permutations: int = Field(ge=19, le=10_000)
    max_permutations: int = Field(ge=19, le=100_000)
    permutation_budget_days: int = Field(ge=1000)
    seed: int
    block_days: int = Field(ge=1, le=28)
    min_exposed: int = Field(ge=2)
    min_exposed_with_pain: int = Field(ge=2)
    min_lift: float = Field(ge=1)
    min_pain_days: int = Field(ge=2)
    max_cycle_range_days: int = Field(ge=1, le=20)
    min_checkin_share: float = Field(ge=0, le=1)
    lags: list[Literal[0, 1]] = Field(min_length=1)

    def shuffles_for(self, days: int) -> int:
        """How many shuffled logs to make for a log of ``days`` days: as many as the budget
        allows, between ``permutations`` and ``max_permutations``."""
        return max(
            self.permutations, min(self.max_permutations, self.permutation_budget_days // max(days, 1))
        )


class LagTexts(Strict):
    same: Text
    after: Text


class ProgressTexts(Strict):
    better: Text
    worse: Text
    scores: Text
    quiet: Text


class PatternTexts(Strict):
    weekly_volume: LagTexts
    long_run: LagTexts
    session_type: LagTexts
    terrain: LagTexts
    shoe: LagTexts
    training: LagTexts
    sleep: LagTexts
    stress: LagTexts
    cycle: LagTexts

    def for_trigger(self, trigger: str, lag: int) -> str:
        texts: LagTexts = getattr(self, trigger)
        return texts.after if lag else texts.same


class Patterns(Strict):
    settings: PatternSettings
    region_fallback: Text
    texts: PatternTexts
    caution: Text
    progress: ProgressTexts


class Analytics(Strict):
    schema_version: Literal[1]
    sources: dict[Id, Source] = Field(default_factory=dict)
    patterns: Patterns
    warnings: Warnings


def load_analytics(data_dir: Path | None = None) -> Analytics:
    """Load and check ``analytics.yaml`` (cached for the packaged data)."""
    if data_dir is None:
        return _load_packaged()
    return _load(Path(data_dir))


@functools.cache
def _load_packaged() -> Analytics:
    return _load(default_data_dir())


def _load(root: Path) -> Analytics:
    problems = Problems()
    raw = read_yaml(root / ANALYTICS_FILE, problems, ANALYTICS_FILE)
    analytics = validate_model(Analytics, raw, ANALYTICS_FILE, problems) if raw is not None else None
    if analytics is None and not problems.lines:
        problems.add(ANALYTICS_FILE, "the file is empty")
    problems.raise_if_any()
    assert analytics is not None  # guaranteed by raise_if_any
    sources = set(load_guidance(root).sources) | set(analytics.sources)
    articles = {a.id for a in _meta(root, problems).articles}
    for key, source in analytics.sources.items():
        if source.article not in articles:
            problems.add(f"{ANALYTICS_FILE}: sources.{key}.article", f"unknown article {source.article!r}")
    for where, src in analytics.warnings.sources():
        if src not in sources:
            problems.add(f"{ANALYTICS_FILE}: {where}", f"unknown source key {src!r} (not in guidance.yaml)")
    for where, text, allowed in _templates(analytics):
        for field_name in _fields(text):
            if field_name not in allowed:
                problems.add(f"{ANALYTICS_FILE}: {where}", f"unknown placeholder {{{field_name}}}")
    problems.raise_if_any()
    return analytics


def _meta(root: Path, problems: Problems) -> Meta:
    meta = validate_model(Meta, read_yaml(root / "meta.yaml", problems, "meta.yaml"), "meta.yaml", problems)
    problems.raise_if_any()
    assert meta is not None
    return meta


PATTERN_FIELDS = frozenset({"Region", "region", "a", "n1", "c", "n0", "value"})
PROGRESS_FIELDS = frozenset({
    "Region", "region", "first_month", "last_month", "first_onset", "last_onset", "first_free",
    "last_free", "first_days", "last_days", "first_score", "last_score",
})  # fmt: skip


def _fields(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def _templates(analytics: Analytics) -> list[tuple[str, str, frozenset[str]]]:
    out = []
    for trigger in TRIGGERS:
        texts: LagTexts = getattr(analytics.patterns.texts, trigger)
        out += [(f"patterns.texts.{trigger}.same", texts.same, PATTERN_FIELDS)]
        out += [(f"patterns.texts.{trigger}.after", texts.after, PATTERN_FIELDS)]
    progress = analytics.patterns.progress
    for name in ("better", "worse", "scores", "quiet"):
        out.append((f"patterns.progress.{name}", getattr(progress, name), PROGRESS_FIELDS))
    out += analytics.warnings.templates()
    return out


@functools.cache
def region_names() -> dict[str, str]:
    """Region id -> name, from the packaged ``meta.yaml``."""
    problems = Problems()
    return {r.id: r.name for r in _meta(default_data_dir(), problems).regions}
