"""Made-up but realistic training logs in the exchange format, with planted pain triggers.

``generate(seed, days=..., plants=[Plant(...)])`` returns an exchange document (contract
section 5): 3-6 runs a week in build and cutback blocks, easy runs, a weekly long run, tempo,
interval and hill sessions and the odd race, on several terrains and shoes; check-ins with sleep,
stress, resting HR, HRV, cycle days, strength and other cross-training; missing days; and noise
pain. Each :class:`Plant` makes pain in its region likely after its trigger. ``random_pain(seed)``
makes a control log whose pain comes at random. Seeded: the same arguments give the same log.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

START = date(2025, 1, 6)  # a Monday
OFFSET = timezone(timedelta(hours=1))
REGIONS = ("hip_groin", "knee", "shin", "calf_achilles", "foot_toe", "thigh")
SHOES = (("s1", "Pegasus 40"), ("s2", "Ghost 15"), ("s3", "Speedgoat 5"), ("s4", "Vaporfly 3"))
QUALITY = ("tempo", "intervals", "hills")


@dataclass(frozen=True)
class Plant:
    """Pain in ``region`` after ``trigger`` (``value``: threshold, label or "a-b") with ``chance``."""

    trigger: str
    region: str
    value: float | str
    lag: int = 1
    chance: float = 0.8


@dataclass
class _Day:
    day: date
    runs: list[dict[str, Any]] = field(default_factory=list)
    checkin: dict[str, Any] | None = None


def generate(
    seed: int,
    *,
    days: int = 365,
    plants: tuple[Plant, ...] = (),
    noise_rate: float = 0.02,
    missing: float = 0.1,
    cycle: bool = True,
    start: date = START,
    runs_per_week: tuple[int, int] = (3, 6),
) -> dict[str, Any]:
    """A log of ``days`` days with pain planted after ``plants`` and noise pain elsewhere."""
    rng = random.Random(seed)
    log = [_Day(start + timedelta(days=i)) for i in range(days)]
    _runs(log, rng, runs_per_week)
    _checkins(log, rng, missing=missing, cycle=cycle)
    pain: dict[int, set[str]] = {}
    for plant in plants:
        for i in _planted_days(log, plant, rng):
            pain.setdefault(i, set()).add(plant.region)
    for i in range(days):
        if rng.random() < noise_rate:
            pain.setdefault(i, set()).add(rng.choice(REGIONS))
    _add_pain(log, pain, rng)
    return _document(log)


def random_pain(
    seed: int,
    *,
    days: int = 365,
    rate: float = 0.06,
    flares: bool = True,
    flare_days: tuple[int, int] = (1, 4),
    start: date = START,
) -> dict[str, Any]:
    """A control log: the same kind of training, pain on random days, or (``flares``) in random
    flares of ``flare_days`` days (most days of a flare hurt) starting with chance ``rate`` a day."""
    rng = random.Random(seed)
    log = [_Day(start + timedelta(days=i)) for i in range(days)]
    _runs(log, rng)
    _checkins(log, rng, missing=0.1, cycle=rng.random() < 0.5)
    pain: dict[int, set[str]] = {}
    regions = rng.sample(REGIONS, rng.randint(1, 3))
    i = 0
    while i < days:
        if rng.random() < rate:
            length = rng.randint(*flare_days) if flares else 1
            region = rng.choice(regions)
            for j in range(i, min(i + length, days)):
                if length < 5 or rng.random() < 0.8:
                    pain.setdefault(j, set()).add(region)
            i += length
        i += 1
    _add_pain(log, pain, rng)
    return _document(log)


# --------------------------------------------------------------------------- training


def _runs(log: list[_Day], rng: random.Random, runs_per_week: tuple[int, int] = (3, 6)) -> None:
    base = rng.uniform(25_000, 45_000)
    for w in range(0, len(log), 7):
        block = (w // 7) % 4
        volume = base * (1 + 0.1 * block if block < 3 else 0.7) * rng.uniform(0.8, 1.25)
        if rng.random() < 0.05:
            volume *= rng.uniform(1.3, 1.6)  # a big week now and then
        _week(log[w : w + 7], volume, rng, runs_per_week)
        base = min(max(base * rng.uniform(0.97, 1.04), 20_000), 70_000)


def _week(week: list[_Day], volume: float, rng: random.Random, runs_per_week: tuple[int, int]) -> None:
    count = rng.randint(*runs_per_week)
    slots = [*sorted(rng.sample(range(6), count - 1)), 6]  # the long run on Sunday
    long_m = volume * rng.uniform(0.25, 0.35)
    rest = (volume - long_m) / max(count - 1, 1)
    for slot in slots:
        if slot >= len(week):
            continue
        if slot == 6:
            kind = "race" if rng.random() < 0.05 else "long"
            _add_run(week[slot], long_m, kind, rng)
            continue
        roll = rng.random()
        kind = rng.choice(QUALITY) if roll < 0.3 else ("recovery" if roll < 0.4 else "easy")
        _add_run(week[slot], rest * rng.uniform(0.7, 1.2), kind, rng)


def _add_run(day: _Day, distance: float, kind: str, rng: random.Random) -> None:
    terrain = (
        "track"
        if kind == "intervals" and rng.random() < 0.6
        else rng.choices(("road", "trail", "treadmill", "grass"), (0.65, 0.15, 0.1, 0.1))[0]
    )
    shoe = (
        "s3"
        if terrain == "trail" and rng.random() < 0.7
        else rng.choices(("s1", "s2", "s4"), (0.5, 0.35, 0.15))[0]
    )
    pace = {
        "easy": 340,
        "recovery": 370,
        "long": 350,
        "tempo": 290,
        "intervals": 300,
        "hills": 330,
        "race": 270,
    }[kind]
    start = datetime.combine(day.day, datetime.min.time(), OFFSET) + timedelta(
        minutes=rng.randrange(360, 1200)
    )
    distance = round(max(distance, 2500.0) * rng.uniform(0.97, 1.03))
    day.runs.append({
        "start": start.isoformat(), "distance_m": distance,
        "duration_s": round(distance / 1000 * pace * rng.uniform(0.95, 1.05)),
        "type": kind, "terrain": terrain, "shoe": shoe,
        "avg_hr": rng.randint(135, 165), "cadence_spm": rng.randint(162, 182),
        "elevation_gain_m": rng.randint(5, 300 if kind == "hills" or terrain == "trail" else 80), "notes": "",
    })  # fmt: skip


def _checkins(log: list[_Day], rng: random.Random, *, missing: float, cycle: bool) -> None:
    cycle_day, length = rng.randint(1, 28), rng.randint(26, 31)
    for day in log:
        cycle_day = cycle_day + 1 if cycle_day < length else 1
        if cycle_day == 1:
            length = rng.randint(26, 31)
        if rng.random() < missing:
            continue
        training = []
        if day.day.weekday() in (1, 3) and rng.random() < 0.6:
            training.append({"kind": "strength", "minutes": rng.choice((20, 30, 40)), "notes": ""})
        if rng.random() < 0.08:
            kind = rng.choice(("cycling", "swimming", "yoga", "elliptical"))
            training.append({"kind": kind, "minutes": rng.choice((30, 45, 60)), "notes": ""})
        day.checkin = {
            "date": day.day.isoformat(),
            "sleep_h": round(min(max(rng.gauss(7.2, 0.9), 3.5), 10.0) * 4) / 4,
            "stress": min(max(round(rng.gauss(3.5, 1.9)), 0), 10),
            "resting_hr": round(rng.gauss(52, 2)), "hrv_ms": round(rng.gauss(65, 8), 1),
            "illness": None, "cycle_day": cycle_day if cycle else None, "pain": [], "training": training,
        }  # fmt: skip


# --------------------------------------------------------------------------- pain


def _exposed(day: _Day, plant: Plant) -> bool:
    c = day.checkin or {}
    value = plant.value
    match plant.trigger:
        case "long_run":
            return any(r["distance_m"] > float(value) for r in day.runs)
        case "session_type" | "terrain" | "shoe":
            field_name = {"session_type": "type"}.get(plant.trigger, plant.trigger)
            return any(r[field_name] == value for r in day.runs)
        case "training":
            return any(t["kind"] == value for t in c.get("training", []))
        case "sleep":
            return c.get("sleep_h") is not None and c["sleep_h"] < float(value)
        case "stress":
            return c.get("stress") is not None and c["stress"] > float(value)
        case "cycle":
            lo, hi = (int(x) for x in str(value).split("-"))
            return c.get("cycle_day") is not None and lo <= c["cycle_day"] <= hi
    raise ValueError(f"unknown trigger {plant.trigger!r}")


def _planted_days(log: list[_Day], plant: Plant, rng: random.Random) -> list[int]:
    out = []
    if plant.trigger == "weekly_volume":
        for w in range(0, len(log) - 6, 7):
            volume = sum(r["distance_m"] for d in log[w : w + 7] for r in d.runs)
            if volume > float(plant.value) and rng.random() < plant.chance:
                first = w + 7 * plant.lag
                out += rng.sample(range(first, first + 7), rng.randint(1, 3))
        return [i for i in out if i < len(log)]
    for i, day in enumerate(log):
        if _exposed(day, plant) and rng.random() < plant.chance:
            out.append(i + plant.lag)
    return [i for i in out if i < len(log)]


def _add_pain(log: list[_Day], pain: dict[int, set[str]], rng: random.Random) -> None:
    for i, regions in pain.items():
        day = log[i]
        if day.checkin is None:
            day.checkin = {"date": day.day.isoformat(), "pain": [], "training": []}
        for region in sorted(regions):
            day.checkin["pain"].append({
                "region": region, "side": rng.choice(("left", "right", None)), "score": rng.randint(2, 6),
                "sensation": rng.choice(("dull", "sharp", "tight")),
                "when": rng.choice(("after_run", "mid_run", "morning")),
            })  # fmt: skip


def _document(log: list[_Day]) -> dict[str, Any]:
    first = log[0].day.isoformat()
    return {
        "format": "runcoach-log",
        "version": 1,
        "shoes": [{"id": ref, "name": name, "started": first, "retired": None} for ref, name in SHOES],
        "runs": [run for day in log for run in day.runs],
        "checkins": [day.checkin for day in log if day.checkin is not None],
    }
