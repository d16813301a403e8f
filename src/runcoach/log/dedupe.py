"""Duplicate detection: the same file (content hash), or the same activity (start time + sport).

Two exports of one activity (the watch's FIT and Strava's GPX of it) differ byte for byte and may
start a few seconds apart; a run of the same sport family starting within :data:`WINDOW` of another
is the same run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from runcoach.log.models import Run
from runcoach.log.vocab import SPORT_FAMILY, sport_family

WINDOW = timedelta(seconds=60)


@dataclass(frozen=True)
class Duplicate:
    run_id: int
    reason: str


def family_members(sport: str) -> list[str]:
    family = sport_family(sport)
    members = [s for s, f in SPORT_FAMILY.items() if f == family]
    return members or [sport]


def find_duplicate(
    session: Session,
    runner_id: int,
    *,
    sport: str,
    start: datetime,
    content_hash: str | None = None,
    check_hash: bool = True,
) -> Duplicate | None:
    """The stored run this one duplicates, if any (``check_hash=False``: the caller knows the hash
    is new)."""
    if content_hash is not None and check_hash:
        same_file = session.scalar(
            select(Run.id).where(Run.runner_id == runner_id, Run.content_hash == content_hash)
        )
        if same_file is not None:
            return Duplicate(same_file, f"the same file is already in the log (run {same_file})")
    same_start = session.execute(
        select(Run.id, Run.start)
        .where(
            Run.runner_id == runner_id,
            Run.sport.in_(family_members(sport)),
            Run.start >= start - WINDOW,
            Run.start <= start + WINDOW,
        )
        .limit(1)
    ).first()
    if same_start is not None:
        return Duplicate(
            same_start[0],
            f"an activity starting at the same time is already in the log (run {same_start[0]})",
        )
    return None


def hash_known(session: Session, runner_id: int, content_hash: str) -> int | None:
    """The run stored from a file with this hash (a cheap check before parsing)."""
    return session.scalar(select(Run.id).where(Run.runner_id == runner_id, Run.content_hash == content_hash))
