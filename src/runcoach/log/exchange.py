"""The log exchange format, version 1 (contract section 5), as pydantic models.

These models are the format's single definition: ``runcoach data import`` validates with them,
``runcoach data export`` writes what they describe, and ``docs/exchange-format-v1.schema.json`` is
generated from them (``runcoach data schema``; a test keeps the committed file current).
Fields beyond the contract's are optional, so a minimal contract document imports as it is.
Unknown fields are ignored with a warning.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from runcoach.log.exchange_plans import EpisodeRecord
from runcoach.log.vocab import Illness, RunType, Sensation, Sex, Side, Source, Terrain, Timing, TrainingKind

FORMAT = "runcoach-log"
VERSION = 1
SCHEMA_ID = "https://runcoach.invalid/schemas/exchange-format-v1.schema.json"


class _Record(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class RunnerRecord(_Record):
    """The runner's preferences."""

    units: Literal["km", "mi"] = "km"
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    sex: Sex | None = None
    resting_hr_override: int | None = Field(default=None, ge=20, le=150)


class ShoeRecord(_Record):
    id: str = Field(min_length=1, max_length=60, description="referred to by runs[].shoe")
    name: str = Field(min_length=1, max_length=120)
    started: date | None = None
    retired: date | None = None
    brand: str | None = Field(default=None, max_length=80)
    model: str | None = Field(default=None, max_length=80)
    default: bool = Field(default=False, description="new runs get this shoe when none is named")
    replace_after_m: float | None = Field(default=None, gt=0, description="replacement reminder, metres")


class LapRecord(_Record):
    start: AwareDatetime
    duration_s: float = Field(ge=0)
    distance_m: float | None = Field(default=None, ge=0)
    moving_s: float | None = Field(default=None, ge=0)
    avg_hr: float | None = None
    max_hr: float | None = None


class RunRecord(_Record):
    start: AwareDatetime = Field(description="ISO 8601 with the local UTC offset")
    distance_m: float | None = Field(default=None, ge=0)
    duration_s: float = Field(gt=0, description="elapsed time, start to finish")
    type: RunType | None = None
    terrain: Terrain | None = None
    shoe: str | None = Field(default=None, description="a shoes[].id (or a shoe already in the log)")
    avg_hr: float | None = None
    cadence_spm: float | None = None
    elevation_gain_m: float | None = None
    notes: str = Field(default="", max_length=20_000)
    sport: str = Field(default="running", min_length=1, max_length=40)
    moving_s: float | None = Field(default=None, ge=0)
    timer_s: float | None = Field(default=None, ge=0, description="the device's timer: elapsed minus pauses")
    max_hr: float | None = None
    name: str | None = Field(default=None, max_length=200)
    source: Source = "manual"
    source_name: str | None = Field(default=None, max_length=1000)
    device: str | None = Field(default=None, max_length=120)
    content_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    warnings: list[str] = Field(default_factory=list)
    laps: list[LapRecord] = Field(default_factory=list)


class PainRecord(_Record):
    region: str = Field(description="a region id of the knowledge base (conditions.yaml)")
    side: Side | None = None
    score: int = Field(ge=0, le=10)
    sensation: Sensation | None = None
    when: Timing | None = None
    warms_up: bool | None = None


class TrainingRecord(_Record):
    kind: TrainingKind
    minutes: float = Field(gt=0, le=1440)
    notes: str = Field(default="", max_length=20_000)


class CheckinRecord(_Record):
    date: date
    sleep_h: float | None = Field(default=None, ge=0, le=24)
    sleep_quality: int | None = Field(default=None, ge=1, le=5, description="1 awful - 5 great")
    stress: int | None = Field(default=None, ge=0, le=10, description="0 none - 10 overwhelming")
    resting_hr: int | None = Field(default=None, ge=20, le=150)
    hrv_ms: float | None = Field(default=None, ge=1, le=500)
    illness: Illness | None = None
    cycle_day: int | None = Field(default=None, ge=1, le=60)
    note: str = Field(default="", max_length=20_000)
    pain: list[PainRecord] = Field(default_factory=list)
    training: list[TrainingRecord] = Field(default_factory=list)


class AssessmentRecord(_Record):
    created_at: AwareDatetime
    date: date
    text: str = Field(default="", max_length=20_000)
    top_condition: str | None = None
    triage: Literal["emergency", "urgent", "routine", "self_care"]
    run_decision: Literal["red", "yellow", "green"]
    red_flags: list[str] = Field(default_factory=list)
    result: dict[str, Any] = Field(default_factory=dict)


class ExchangeDocument(_Record):
    """A whole training log: ``runcoach data export`` writes one, ``runcoach data import`` reads one."""

    format: Literal["runcoach-log"]
    version: Literal[1]
    runner: RunnerRecord | None = None
    shoes: list[ShoeRecord] = Field(default_factory=list)
    runs: list[RunRecord] = Field(default_factory=list)
    checkins: list[CheckinRecord] = Field(default_factory=list)
    assessments: list[AssessmentRecord] = Field(default_factory=list)
    episodes: list[EpisodeRecord] = Field(
        default_factory=list, description="injury episodes with their return-to-run plan and reports"
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the exchange format (what docs/exchange-format-v1.schema.json holds)."""
    schema = ExchangeDocument.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "runcoach log exchange format, version 1",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
