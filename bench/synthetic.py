"""A made-up but realistic training log: GPX and TCX files of runs over the years (seeded, repeatable).

``write_log(folder, runs=3000)`` writes one file per run: five or six runs a week for about ten
years, easy runs, long runs and intervals, with GPS points every few seconds, heart rate, cadence
and elevation. Used by the import benchmark and by the crash tests.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

HOME = (48.1372, 11.5756)
EARTH_M = 6_371_000.0


@dataclass(frozen=True)
class Plan:
    start: datetime
    distance_m: float
    pace_s_per_km: float
    step_s: int


def plans(count: int, *, seed: int = 7, first: datetime | None = None) -> list[Plan]:
    rng = random.Random(seed)
    day = first or datetime(2015, 1, 5, 6, 30, tzinfo=UTC)
    out = []
    while len(out) < count:
        if rng.random() < 0.78:
            kind = rng.random()
            distance = 21000 + rng.random() * 9000 if kind < 0.15 else 6000 + rng.random() * 6000
            pace = 330 + rng.random() * 50 if kind < 0.15 else 290 + rng.random() * 80
            start = day + timedelta(minutes=rng.randrange(0, 12 * 60))
            out.append(Plan(start, distance, pace, rng.choice((2, 5, 5))))
        day += timedelta(days=1)
    return out


def _points(plan: Plan, rng: random.Random) -> list[tuple[datetime, float, float, float, int, int]]:
    """(time, lat, lon, elevation, hr, cadence) every ``step_s`` seconds along a loop."""
    speed = 1000 / plan.pace_s_per_km
    total_s = plan.distance_m / speed
    radius = plan.distance_m / (2 * math.pi)
    points = []
    steps = int(total_s // plan.step_s) + 1
    for i in range(steps):
        t = i * plan.step_s
        angle = 2 * math.pi * (t * speed) / plan.distance_m
        north, east = radius * math.sin(angle), radius * (1 - math.cos(angle))
        lat = HOME[0] + math.degrees(north / EARTH_M)
        lon = HOME[1] + math.degrees(east / (EARTH_M * math.cos(math.radians(HOME[0]))))
        ele = 520 + 15 * math.sin(angle * 3) + rng.random()
        hr = int(135 + 20 * min(1.0, t / 900) + rng.randrange(-3, 4))
        points.append((plan.start + timedelta(seconds=t), lat, lon, ele, hr, 84 + rng.randrange(0, 5)))
    return points


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def gpx(plan: Plan, rng: random.Random) -> str:
    rows = "".join(
        f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{ele:.1f}</ele><time>{_iso(t)}</time>'
        "<extensions><gpxtpx:TrackPointExtension>"
        f"<gpxtpx:hr>{hr}</gpxtpx:hr><gpxtpx:cad>{cad}</gpxtpx:cad>"
        "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
        for t, lat, lon, ele, hr, cad in _points(plan, rng)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="runcoach synthetic" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        f"<metadata><time>{_iso(plan.start)}</time></metadata>\n"
        f"<trk><name>Run {plan.start:%Y-%m-%d}</name><type>running</type>"
        f"<trkseg>\n{rows}</trkseg></trk></gpx>\n"
    )


def tcx(plan: Plan, rng: random.Random) -> str:
    points = _points(plan, rng)
    speed = 1000 / plan.pace_s_per_km
    rows = "".join(
        f"<Trackpoint><Time>{_iso(t)}</Time><Position><LatitudeDegrees>{lat:.7f}</LatitudeDegrees>"
        f"<LongitudeDegrees>{lon:.7f}</LongitudeDegrees></Position>"
        f"<AltitudeMeters>{ele:.1f}</AltitudeMeters>"
        f"<DistanceMeters>{(t - plan.start).total_seconds() * speed:.1f}</DistanceMeters>"
        f"<HeartRateBpm><Value>{hr}</Value></HeartRateBpm><Cadence>{cad}</Cadence></Trackpoint>\n"
        for t, lat, lon, ele, hr, cad in points
    )
    total = (points[-1][0] - plan.start).total_seconds()
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">\n'
        f'<Activities><Activity Sport="Running"><Id>{_iso(plan.start)}</Id>\n'
        f'<Lap StartTime="{_iso(plan.start)}"><TotalTimeSeconds>{total:.0f}</TotalTimeSeconds>'
        f"<DistanceMeters>{total * speed:.1f}</DistanceMeters><Intensity>Active</Intensity>"
        f"<TriggerMethod>Manual</TriggerMethod><Track>\n{rows}</Track></Lap>\n"
        "<Creator><Name>runcoach synthetic</Name></Creator></Activity></Activities>"
        "</TrainingCenterDatabase>\n"
    )


def write_log(folder: Path, runs: int = 3000, *, seed: int = 7, tcx_share: float = 0.3) -> list[Path]:
    """Write ``runs`` activity files into ``folder``; returns their paths, oldest first."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written = []
    for n, plan in enumerate(plans(runs, seed=seed)):
        as_tcx = rng.random() < tcx_share
        path = folder / f"{plan.start:%Y%m%d-%H%M}-{n:05d}.{'tcx' if as_tcx else 'gpx'}"
        path.write_text(tcx(plan, rng) if as_tcx else gpx(plan, rng), encoding="utf-8")
        written.append(path)
    return written
