"""``runcoach data import``: read an exchange-format document into the log, all or nothing.

Every record is checked first (its shape, then its meaning: plausible numbers, known shoes and body
regions, no dates in the future). If anything is wrong, every problem is reported with its record
index and field and nothing is stored. Otherwise the whole document goes in one transaction, and
what is already in the log (same shoe id, same run, same check-in entry) is stored once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import select

from runcoach.dates import local_now
from runcoach.errors import DataError
from runcoach.knowledge.loader import load_knowledge
from runcoach.log.checks import run_problems
from runcoach.log.db import Database
from runcoach.log.exchange import (
    FORMAT,
    VERSION,
    AssessmentRecord,
    CheckinRecord,
    ExchangeDocument,
    RunnerRecord,
    RunRecord,
    ShoeRecord,
)
from runcoach.log.exchange_plans import EpisodeRecord
from runcoach.log.exchange_store import store_document
from runcoach.log.models import Assessment, Shoe
from runcoach.log.runners import get_runner

MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
SECTIONS: dict[str, type[BaseModel]] = {
    "shoes": ShoeRecord,
    "runs": RunRecord,
    "checkins": CheckinRecord,
    "assessments": AssessmentRecord,
    "episodes": EpisodeRecord,
}


@dataclass(frozen=True)
class RecordProblem:
    record: str  # e.g. "runs[3]" ("" for the document itself)
    field: str
    reason: str

    def __str__(self) -> str:
        where = " ".join(part for part in (self.record, self.field) if part)
        return f"{where}: {self.reason}" if where else self.reason


class ExchangeError(DataError):
    """The document was refused; ``problems`` lists every reason."""

    def __init__(self, name: str, problems: list[RecordProblem]) -> None:
        shown = "\n  ".join(str(p) for p in problems)
        count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
        super().__init__(
            f"{name}: refused, nothing was stored ({count}):\n  {shown}",
            hint="fix the records listed above and import the file again",
        )
        self.problems = problems


@dataclass
class ExchangeReport:
    added: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"added": self.added, "duplicates": self.duplicates, "warnings": self.warnings}


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _validate(model: type[BaseModel], raw: Any, record: str, problems: list[RecordProblem]) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(RecordProblem(record, _loc(tuple(err["loc"])) or "(record)", err["msg"]))
        return None


def parse_document(data: bytes | str, *, name: str) -> Any:
    """The JSON value of ``data``, or a DataError that says where the JSON breaks."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DataError(
            f"{name}: {len(data) / 1e6:.0f} MB is more than a log document can be "
            f"({MAX_DOCUMENT_BYTES // 2**20} MB)",
            hint="is this really a `runcoach data export` file?",
        )
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise DataError(f"{name}: not a UTF-8 text file", hint="give a `runcoach data export` file") from None
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            hint="give a `runcoach data export` file",
        ) from None


def _check_shape(raw: Any, problems: list[RecordProblem]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        problems.append(RecordProblem("", "", "the document must be a JSON object"))
        return {}
    if raw.get("format") != FORMAT:
        problems.append(RecordProblem("", "format", f"must be {FORMAT!r}, got {raw.get('format')!r}"))
    if raw.get("version") != VERSION:
        problems.append(
            RecordProblem(
                "",
                "version",
                f"version {raw.get('version')!r} is not supported (this runcoach reads {VERSION})",
            )
        )
    for section in SECTIONS:
        if not isinstance(raw.get(section, []), list):
            problems.append(RecordProblem(section, "", "must be a list"))
    return raw


def validate_document(
    raw: Any, *, known_shoes: set[str], now: datetime, known_assessments: frozenset[datetime] = frozenset()
) -> tuple[ExchangeDocument, list[str]]:
    """Check every record; raise :class:`ExchangeError` listing all problems, or return the document
    and the warnings (unknown fields that will be ignored)."""
    problems: list[RecordProblem] = []
    doc = _check_shape(raw, problems)
    raws: dict[str, list[Any]] = {}
    records: dict[str, list[Any]] = {}
    for section, model in SECTIONS.items():
        items = doc.get(section, [])
        raws[section] = items if isinstance(items, list) else []
        records[section] = [
            _validate(model, item, f"{section}[{i}]", problems) for i, item in enumerate(raws[section])
        ]
    runner = (
        _validate(RunnerRecord, doc["runner"], "runner", problems) if doc.get("runner") is not None else None
    )
    shoe_ids = _check_shoes(raws["shoes"], records["shoes"], problems) | known_shoes
    _check_runs(raws["runs"], records["runs"], shoe_ids, now, problems)
    _check_checkins(raws["checkins"], records["checkins"], now, problems)
    made = known_assessments | {a.created_at for a in records["assessments"] if a is not None}
    _check_episodes(records["episodes"], made, now, problems)
    if problems:
        raise ExchangeError("document", sorted(problems, key=_order))
    document = ExchangeDocument(
        format=FORMAT,
        version=VERSION,
        runner=runner,
        shoes=records["shoes"],
        runs=records["runs"],
        checkins=records["checkins"],
        assessments=records["assessments"],
        episodes=records["episodes"],
    )
    return document, _unknown_fields(doc, records, runner)


def _order(problem: RecordProblem) -> tuple[int, int]:
    section, _, index = problem.record.partition("[")
    rank = list(SECTIONS).index(section) + 1 if section in SECTIONS else 0
    return rank, int(index.rstrip("]")) if index else -1


def _field(raw: Any, name: str) -> Any:
    return raw.get(name) if isinstance(raw, dict) else None


def _check_shoes(raws: list[Any], shoes: list[Any], problems: list[RecordProblem]) -> set[str]:
    """Problems between shoes; returns every shoe id the document defines."""
    seen: dict[str, int] = {}
    for i, raw in enumerate(raws):
        ident = _field(raw, "id")
        if isinstance(ident, str) and ident in seen:
            problems.append(RecordProblem(f"shoes[{i}]", "id", f"{ident!r} is also shoes[{seen[ident]}]"))
        if isinstance(ident, str):
            seen.setdefault(ident, i)
        shoe = shoes[i]
        if shoe is not None and shoe.started and shoe.retired and shoe.retired < shoe.started:
            problems.append(RecordProblem(f"shoes[{i}]", "retired", "is before started"))
    return set(seen)


def _check_runs(
    raws: list[Any], runs: list[Any], shoe_ids: set[str], now: datetime, problems: list[RecordProblem]
) -> None:
    for i, raw in enumerate(raws):
        shoe = _field(raw, "shoe")
        if isinstance(shoe, str) and shoe not in shoe_ids:
            problems.append(
                RecordProblem(f"runs[{i}]", "shoe", f"no shoe with id {shoe!r} in the document or the log")
            )
        run = runs[i]
        if run is None:
            continue
        for problem in run_problems(
            sport=run.sport,
            start=run.start,
            distance_m=run.distance_m,
            elapsed_s=run.duration_s,
            now=now,
            avg_hr=run.avg_hr,
            max_hr=run.max_hr,
            cadence_spm=run.cadence_spm,
            elevation_gain_m=run.elevation_gain_m,
        ):
            problems.append(RecordProblem(f"runs[{i}]", problem.field, problem.reason))


def _check_checkins(
    raws: list[Any], checkins: list[Any], now: datetime, problems: list[RecordProblem]
) -> None:
    regions = load_knowledge().regions
    days: dict[str, int] = {}
    for i, raw in enumerate(raws):
        pains = _field(raw, "pain")
        for n, pain in enumerate(pains if isinstance(pains, list) else []):
            region = _field(pain, "region")
            if isinstance(region, str) and region not in regions:
                problems.append(
                    RecordProblem(
                        f"checkins[{i}]",
                        f"pain[{n}].region",
                        f"unknown region {region!r} (one of: {', '.join(regions)})",
                    )
                )
        day = checkins[i]
        if day is None:
            continue
        key = day.date.isoformat()
        if key in days:
            problems.append(RecordProblem(f"checkins[{i}]", "date", f"{key} is also checkins[{days[key]}]"))
        days.setdefault(key, i)
        if day.date > now.date():
            problems.append(RecordProblem(f"checkins[{i}]", "date", f"{key} is in the future"))


def _check_episodes(
    episodes: list[Any], assessments: frozenset[datetime], now: datetime, problems: list[RecordProblem]
) -> None:
    from runcoach.services.plan_exchange import episode_problems

    for i, episode in enumerate(episodes):
        if episode is None:
            continue
        found = episode_problems(episode, now)
        if episode.assessment is not None and episode.assessment not in assessments:
            found.append(
                ("assessment", f"no assessment created at {episode.assessment} in the document or the log")
            )
        problems += [RecordProblem(f"episodes[{i}]", f, why) for f, why in found]


def _unknown_fields(doc: dict[str, Any], records: dict[str, list[Any]], runner: Any) -> list[str]:
    warnings = [f"{key}: unknown field, ignored" for key in doc if key not in ExchangeDocument.model_fields]
    labelled: list[tuple[str, Any]] = [("runner", runner)] if runner is not None else []
    labelled += [(f"{sec}[{i}]", rec) for sec, recs in records.items() for i, rec in enumerate(recs)]
    for label, record in labelled:
        warnings += [f"{label}.{key}: unknown field, ignored" for key in (record.model_extra or {})]
    return warnings


def import_log(
    *,
    db: Database,
    data: bytes | str,
    name: str = "document",
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ExchangeReport:
    """Import an exchange-format document: all of it, or (with every problem listed) none of it."""
    now = now or local_now()
    raw = parse_document(data, name=name)
    with db.session() as session:
        runner = get_runner(session, runner_id)
        known = set(session.scalars(select(Shoe.ref).where(Shoe.runner_id == runner.id)))
        made = frozenset(
            session.scalars(select(Assessment.created_at).where(Assessment.runner_id == runner.id))
        )
        try:
            document, warnings = validate_document(raw, known_shoes=known, now=now, known_assessments=made)
        except ExchangeError as exc:
            raise ExchangeError(name, exc.problems) from None
        added, duplicates = store_document(session, runner, document)
    return ExchangeReport(added, duplicates, warnings)
