"""Store a validated exchange document, once: what the log already holds is counted, not copied.

Shoes match by id; runs by content hash or start time + sport (:mod:`runcoach.log.dedupe`);
check-ins by day, where the stored day keeps its values and gains the values, pain entries and
training sessions it did not have; assessments by their time and text.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from runcoach.dates import offset_minutes
from runcoach.log.dedupe import find_duplicate
from runcoach.log.exchange import AssessmentRecord, CheckinRecord, ExchangeDocument, RunnerRecord, RunRecord
from runcoach.log.exchange_plans import store_episodes
from runcoach.log.models import Assessment, Checkin, Lap, PainEntry, Run, Runner, Shoe, TrainingSession

CHECKIN_VALUES = ("sleep_h", "sleep_quality", "stress", "resting_hr", "hrv_ms", "illness", "cycle_day")


def store_document(
    session: Session, runner: Runner, doc: ExchangeDocument
) -> tuple[dict[str, int], dict[str, int]]:
    """Add the document's records; returns (added, duplicates) counts per kind of record."""
    added: Counter[str] = Counter()
    dupes: Counter[str] = Counter()
    if doc.runner is not None:
        _apply_runner(runner, doc.runner)
    shoes = {s.ref: s for s in session.scalars(select(Shoe).where(Shoe.runner_id == runner.id))}
    for rec in doc.shoes:
        if rec.id in shoes:
            dupes["shoes"] += 1
            continue
        if rec.default:
            session.execute(update(Shoe).where(Shoe.runner_id == runner.id).values(is_default=False))
        shoes[rec.id] = Shoe(
            runner_id=runner.id,
            ref=rec.id,
            name=rec.name,
            brand=rec.brand,
            model=rec.model,
            started=rec.started,
            retired=rec.retired,
            is_default=rec.default,
            replace_at_m=rec.replace_after_m,
        )
        session.add(shoes[rec.id])
        added["shoes"] += 1
    for run in doc.runs:
        if _add_run(session, runner, run, shoes):
            added["runs"] += 1
        else:
            dupes["runs"] += 1
    for day in doc.checkins:
        _merge_checkin(session, runner, day, added, dupes)
    for item in doc.assessments:
        _add_assessment(session, runner, item, added, dupes)
    session.flush()
    store_episodes(session, runner, doc.episodes, added, dupes)
    kinds: tuple[str, ...] = ("shoes", "runs", "checkins", "pain", "training", "assessments")
    kinds += ("episodes",) if doc.episodes else ()
    return {k: added[k] for k in kinds}, {k: dupes[k] for k in kinds}


def _apply_runner(runner: Runner, rec: RunnerRecord) -> None:
    for name in rec.model_fields_set & set(RunnerRecord.model_fields):
        value = getattr(rec, name)
        if value is not None:
            setattr(runner, name, value)


def _add_run(session: Session, runner: Runner, rec: RunRecord, shoes: dict[str, Shoe]) -> bool:
    if find_duplicate(session, runner.id, sport=rec.sport, start=rec.start, content_hash=rec.content_sha256):
        return False
    run = Run(
        runner_id=runner.id,
        start=rec.start,
        utc_offset_min=offset_minutes(rec.start),
        sport=rec.sport,
        distance_m=rec.distance_m,
        elapsed_s=rec.duration_s,
        moving_s=rec.moving_s,
        timer_s=rec.timer_s,
        elevation_gain_m=rec.elevation_gain_m,
        avg_hr=rec.avg_hr,
        max_hr=rec.max_hr,
        cadence_spm=rec.cadence_spm,
        run_type=rec.type,
        terrain=rec.terrain,
        shoe=shoes.get(rec.shoe) if rec.shoe else None,
        name=rec.name,
        notes=rec.notes,
        source=rec.source,
        source_name=rec.source_name,
        device=rec.device,
        content_hash=rec.content_sha256,
        warnings=list(rec.warnings),
        laps=[
            Lap(
                number=n,
                start=lap.start,
                elapsed_s=lap.duration_s,
                distance_m=lap.distance_m,
                moving_s=lap.moving_s,
                avg_hr=lap.avg_hr,
                max_hr=lap.max_hr,
            )
            for n, lap in enumerate(rec.laps)
        ],
    )
    session.add(run)
    session.flush()
    return True


def _merge_checkin(
    session: Session, runner: Runner, rec: CheckinRecord, added: Counter[str], dupes: Counter[str]
) -> None:
    day = session.scalars(
        select(Checkin)
        .where(Checkin.runner_id == runner.id, Checkin.day == rec.date)
        .options(selectinload(Checkin.pain), selectinload(Checkin.training))
    ).one_or_none()
    if day is None:
        day = Checkin(runner_id=runner.id, day=rec.date, note=rec.note, pain=[], training=[])
        session.add(day)
        added["checkins"] += 1
    else:
        dupes["checkins"] += 1
        if rec.note and rec.note not in day.note:
            day.note = f"{day.note}\n{rec.note}".strip()
    for name in CHECKIN_VALUES:
        if getattr(day, name) is None and getattr(rec, name) is not None:
            setattr(day, name, getattr(rec, name))
    have_pain = {(p.region, p.side, p.score, p.sensation, p.timing, p.warms_up) for p in day.pain}
    for pain in rec.pain:
        key = (pain.region, pain.side, pain.score, pain.sensation, pain.when, pain.warms_up)
        if key in have_pain:
            dupes["pain"] += 1
            continue
        have_pain.add(key)
        day.pain.append(
            PainEntry(
                region=key[0], side=key[1], score=key[2], sensation=key[3], timing=key[4], warms_up=key[5]
            )
        )
        added["pain"] += 1
    have_training = {(t.kind, t.minutes, t.notes) for t in day.training}
    for train in rec.training:
        tkey = (train.kind, train.minutes, train.notes)
        if tkey in have_training:
            dupes["training"] += 1
            continue
        have_training.add(tkey)
        day.training.append(TrainingSession(kind=train.kind, minutes=train.minutes, notes=train.notes))
        added["training"] += 1


def _add_assessment(
    session: Session, runner: Runner, rec: AssessmentRecord, added: Counter[str], dupes: Counter[str]
) -> None:
    found = session.scalar(
        select(Assessment.id).where(
            Assessment.runner_id == runner.id,
            Assessment.created_at == rec.created_at,
            Assessment.text == rec.text,
        )
    )
    if found is not None:
        dupes["assessments"] += 1
        return
    session.add(
        Assessment(
            runner_id=runner.id,
            created_at=rec.created_at,
            day=rec.date,
            text=rec.text,
            top_condition=rec.top_condition,
            triage=rec.triage,
            run_decision=rec.run_decision,
            red_flags=list(rec.red_flags),
            result=dict(rec.result),
        )
    )
    added["assessments"] += 1
