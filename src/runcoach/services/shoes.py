"""Shoes: add, list with mileage, retire, pick the default, warn when one is due for replacement."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from runcoach.dates import local_now, parse_day
from runcoach.errors import NotFoundError, UsageError
from runcoach.log.db import Database
from runcoach.log.models import Run, Runner, Shoe
from runcoach.log.runners import get_runner
from runcoach.units import Unit, check_unit, format_distance, parse_distance

#: replacement reminder when none is given: about 800 km (500 miles)
DEFAULT_THRESHOLD = {"km": "800km", "mi": "500mi"}


@dataclass(frozen=True)
class ShoeView:
    ref: str
    name: str
    brand: str | None
    model: str | None
    started: date | None
    retired: date | None
    is_default: bool
    replace_at_m: float | None
    distance_m: float
    runs: int

    @property
    def due(self) -> bool:
        return self.replace_at_m is not None and self.distance_m >= self.replace_at_m


@dataclass(frozen=True)
class ShoeList:
    shoes: list[ShoeView]
    units: Unit


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50] or "shoe"


def find_shoe(session: Session, runner: Runner, text: str) -> Shoe:
    """A shoe by id (ref), by name, or by a unique part of either (case-insensitive)."""
    shoes = list(session.scalars(select(Shoe).where(Shoe.runner_id == runner.id).order_by(Shoe.id)))
    want = text.strip().lower()
    for test in (
        lambda s: s.ref == text or s.name.lower() == want,
        lambda s: want in s.ref.lower() or want in s.name.lower(),
    ):
        hits = [s for s in shoes if test(s)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise UsageError(
                f"{text!r} matches more than one shoe: " + ", ".join(f"{s.ref} ({s.name})" for s in hits),
                hint="give the shoe's id as `runcoach shoes list` shows it",
            )
    raise NotFoundError(
        f"no shoe matches {text!r}",
        hint="`runcoach shoes list` shows your shoes; `runcoach shoes add NAME` adds one",
    )


def default_shoe(session: Session, runner: Runner, day: date) -> Shoe | None:
    """The default shoe, if it was in use on ``day`` (a shoe without a start date always was)."""
    shoe = session.scalars(select(Shoe).where(Shoe.runner_id == runner.id, Shoe.is_default)).first()
    if shoe is None or (shoe.retired is not None and shoe.retired < day):
        return None
    return shoe if shoe.started is None or shoe.started <= day else None


@dataclass(frozen=True)
class ShoePicker:
    """Picks the shoe of imported runs from the shoes read once (no query per run): the shoe the
    export's gear names, else the default shoe if it was in use that day (from its start date on)."""

    by_name: dict[str, int]
    default: Shoe | None

    @classmethod
    def load(cls, session: Session, runner_id: int) -> ShoePicker:
        shoes = list(session.scalars(select(Shoe).where(Shoe.runner_id == runner_id).order_by(Shoe.id)))
        return cls(
            {s.name.lower(): s.id for s in reversed(shoes)}, next((s for s in shoes if s.is_default), None)
        )

    def pick(self, day: date, gear: str | None) -> int | None:
        if gear and gear.strip().lower() in self.by_name:
            return self.by_name[gear.strip().lower()]
        shoe = self.default
        if shoe is None or shoe.started is None or shoe.started > day:
            return None
        return shoe.id if shoe.retired is None or shoe.retired >= day else None


def shoe_distance(session: Session, shoe_id: int) -> float:
    total = session.scalar(select(func.coalesce(func.sum(Run.distance_m), 0.0)).where(Run.shoe_id == shoe_id))
    return float(total or 0.0)


def shoe_warning(session: Session, shoe: Shoe, units: Unit) -> str | None:
    """A reminder when ``shoe`` has reached its replacement threshold."""
    if shoe.replace_at_m is None:
        return None
    done = shoe_distance(session, shoe.id)
    if done < shoe.replace_at_m:
        return None
    return (
        f"{shoe.name} has {format_distance(done, units, digits=0)}, past its replacement threshold of "
        f"{format_distance(shoe.replace_at_m, units, digits=0)}: time to look at a new pair"
    )


def add_shoe(
    *,
    db: Database,
    name: str,
    brand: str | None = None,
    model: str | None = None,
    started: str | None = None,
    replace_at: str | None = None,
    make_default: bool = False,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ShoeView:
    """Add a pair of shoes; ``replace_at`` is a distance (``800km``, ``500mi``, or in the runner's unit)."""
    if not name.strip():
        raise UsageError("a shoe needs a name", hint='e.g. runcoach shoes add "Pegasus 40"')
    now = now or local_now()
    with db.session() as session:
        runner = get_runner(session, runner_id)
        units = check_unit(runner.units)
        threshold = parse_distance(replace_at or DEFAULT_THRESHOLD[units], default_unit=units)
        if threshold <= 0:
            raise UsageError("the replacement threshold must be more than zero")
        refs = set(session.scalars(select(Shoe.ref).where(Shoe.runner_id == runner.id)))
        ref, n = slug(name), 2
        while ref in refs:
            ref, n = f"{slug(name)}-{n}", n + 1
        has_default = session.scalar(select(Shoe.id).where(Shoe.runner_id == runner.id, Shoe.is_default))
        shoe = Shoe(
            runner_id=runner.id,
            ref=ref,
            name=name.strip(),
            brand=brand,
            model=model,
            started=parse_day(started, now=now) if started else now.date(),
            replace_at_m=threshold,
            is_default=make_default or has_default is None,
        )
        if shoe.is_default:
            _clear_default(session, runner.id)
        session.add(shoe)
        session.flush()
        return _view(session, shoe)


def _clear_default(session: Session, runner_id: int) -> None:
    session.execute(update(Shoe).where(Shoe.runner_id == runner_id).values(is_default=False))


def _view(session: Session, shoe: Shoe) -> ShoeView:
    runs = session.scalar(select(func.count(Run.id)).where(Run.shoe_id == shoe.id)) or 0
    return ShoeView(
        ref=shoe.ref,
        name=shoe.name,
        brand=shoe.brand,
        model=shoe.model,
        started=shoe.started,
        retired=shoe.retired,
        is_default=shoe.is_default,
        replace_at_m=shoe.replace_at_m,
        distance_m=shoe_distance(session, shoe.id),
        runs=int(runs),
    )


def list_shoes(*, db: Database, include_retired: bool = True, runner_id: int | None = None) -> ShoeList:
    """Every shoe with the distance run in it, oldest first."""
    with db.session() as session:
        runner = get_runner(session, runner_id)
        query = select(Shoe).where(Shoe.runner_id == runner.id).order_by(Shoe.id)
        if not include_retired:
            query = query.where(Shoe.retired.is_(None))
        views = [_view(session, shoe) for shoe in session.scalars(query)]
        return ShoeList(views, check_unit(runner.units))


def retire_shoe(
    *,
    db: Database,
    shoe: str,
    when: str | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ShoeView:
    """Retire a shoe (from today, or ``when``); a retired shoe is no longer the default."""
    now = now or local_now()
    with db.session() as session:
        found = find_shoe(session, get_runner(session, runner_id), shoe)
        found.retired = parse_day(when, now=now) if when else now.date()
        if found.started and found.retired < found.started:
            raise UsageError(f"{found.name} cannot retire before it started ({found.started.isoformat()})")
        found.is_default = False
        return _view(session, found)


def set_default_shoe(*, db: Database, shoe: str, runner_id: int | None = None) -> ShoeView:
    """Make ``shoe`` the one new runs get when none is named."""
    with db.session() as session:
        runner = get_runner(session, runner_id)
        found = find_shoe(session, runner, shoe)
        if found.retired is not None:
            raise UsageError(f"{found.name} is retired", hint="a retired shoe cannot be the default")
        _clear_default(session, runner.id)
        found.is_default = True
        session.flush()
        return _view(session, found)
