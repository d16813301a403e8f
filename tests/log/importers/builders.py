"""Small GPX and TCX documents built in the tests (no binary fixtures are committed)."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

T0 = datetime(2024, 7, 1, 6, 0, 0, tzinfo=UTC)
GPX_NS = "http://www.topografix.com/GPX/1/1"
TPX_NS = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"

#: ~11.1 m of latitude per 0.0001 degree; a runner near Paris at about 3.7 m/s
PARIS = (48.8566, 2.3522)


def iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def line(
    n: int,
    *,
    step_deg: float = 0.0001,
    start: datetime = T0,
    every_s: int = 3,
    origin: tuple[float, float] = PARIS,
) -> list[tuple[float, float, datetime]]:
    """n points due north, ``step_deg`` apart, ``every_s`` seconds apart."""
    return [(origin[0] + i * step_deg, origin[1], start + timedelta(seconds=i * every_s)) for i in range(n)]


def gpx(
    segments: Sequence[Sequence[tuple[float, float, datetime | None]]],
    *,
    sport: str | None = "running",
    hr: int | None = 150,
    cad: int | None = 85,
    name: str = "Morning Run",
    prolog: str = "",
    extra: str = "",
) -> bytes:
    segs = []
    for seg in segments:
        pts = []
        for lat, lon, when in seg:
            time = f"<time>{iso(when)}</time>" if when else ""
            ext = ""
            if hr or cad:
                inner = (f"<gpxtpx:hr>{hr}</gpxtpx:hr>" if hr else "") + (
                    f"<gpxtpx:cad>{cad}</gpxtpx:cad>" if cad else ""
                )
                tpx = f"<gpxtpx:TrackPointExtension>{inner}</gpxtpx:TrackPointExtension>"
                ext = f"<extensions>{tpx}</extensions>"
            pts.append(f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>35.0</ele>{time}{ext}</trkpt>')
        segs.append("<trkseg>" + "".join(pts) + "</trkseg>")
    kind = f"<type>{sport}</type>" if sport else ""
    doc = (
        f'{prolog}<?xml version="1.0" encoding="UTF-8"?>{extra}'
        f'<gpx version="1.1" creator="runcoach tests" xmlns="{GPX_NS}" xmlns:gpxtpx="{TPX_NS}">'
        f"<trk><name>{name}</name>{kind}{''.join(segs)}</trk></gpx>"
    )
    return doc.encode()


TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX_NS = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"


def tcx_activity(
    points: Sequence[tuple[float | None, float | None, datetime]],
    *,
    sport: str = "Running",
    lap_distance: float | None = None,
    distances: Sequence[float] | None = None,
    run_cadence: int | None = None,
    hr: int = 140,
) -> str:
    start = points[0][2]
    tps = []
    for i, (lat, lon, when) in enumerate(points):
        pos = (
            (
                f"<Position><LatitudeDegrees>{lat}</LatitudeDegrees><LongitudeDegrees>{lon}</LongitudeDegrees>"
                "</Position>"
            )
            if lat is not None
            else ""
        )
        dist = f"<DistanceMeters>{distances[i]}</DistanceMeters>" if distances else ""
        ext = (
            (
                f'<Extensions><ns3:TPX xmlns:ns3="{AX_NS}"><ns3:RunCadence>{run_cadence}</ns3:RunCadence>'
                "</ns3:TPX></Extensions>"
            )
            if run_cadence
            else ""
        )
        tps.append(
            f"<Trackpoint><Time>{iso(when)}</Time>{pos}{dist}"
            f"<HeartRateBpm><Value>{hr}</Value></HeartRateBpm>{ext}</Trackpoint>"
        )
    total = (points[-1][2] - start).total_seconds()
    lap_dist = f"<DistanceMeters>{lap_distance}</DistanceMeters>" if lap_distance is not None else ""
    return (
        f'<Activity Sport="{sport}"><Id>{iso(start)}</Id><Lap StartTime="{iso(start)}">'
        f"<TotalTimeSeconds>{total}</TotalTimeSeconds>{lap_dist}"
        f"<Track>{''.join(tps)}</Track></Lap>"
        '<Creator xsi:type="Device_t" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<Name>Forerunner 255</Name></Creator></Activity>"
    )


def tcx(*activities: str, prolog: str = "") -> bytes:
    return (
        f'{prolog}<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase xmlns="{TCX_NS}">'
        f"<Activities>{''.join(activities)}</Activities></TrainingCenterDatabase>"
    ).encode()


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
