"""GPX 1.0 / 1.1 tracks, read with lxml (about ten times faster than gpxpy; see bench/).

Every ``<trk>`` and ``<trkseg>`` is read; heart rate and cadence come from whichever extension
carries them (Garmin TrackPointExtension v1/v2 under any prefix, cluetrust ``gpxdata``, bare
``<hr>``). A file with only a route or waypoints is :class:`NotAnActivityError`.
"""

from __future__ import annotations

from runcoach.log.importers.assemble import TrackInfo, activity_from_track, parse_float, parse_time
from runcoach.log.importers.model import ImportFileError, NotAnActivityError, ParsedActivity
from runcoach.log.importers.track import Point
from runcoach.log.importers.xmlsafe import Element, local, namespace, parse_xml

_HR = frozenset({"hr", "heartrate", "heart_rate"})
_CAD = frozenset({"cad", "cadence", "runcadence"})


def parse_gpx(data: bytes) -> ParsedActivity:
    root, warnings = parse_xml(data, "GPX")
    if local(root.tag).lower() != "gpx":
        raise ImportFileError(f"not a GPX file: its root element is <{local(root.tag)}>, not <gpx>")
    tracks = [child for child in root if local(child.tag) == "trk"]
    tags = _Tags(namespace(root.tag))
    segments = [_segment(seg, tags) for trk in tracks for seg in trk if local(seg.tag) == "trkseg"]
    if not any(segments):
        raise NotAnActivityError(_why_empty(root, tracks))
    info = TrackInfo(
        source_format="gpx",
        kind="GPX track",
        sport_raw=_first_text(tracks, "type"),
        name=_first_text(tracks, "name") or _metadata_name(root),
        device=(root.get("creator") or "").strip() or None,
        warnings=warnings,
    )
    return activity_from_track(segments, info)


class _Tags:
    """The qualified tags of the file's own namespace: comparing strings beats splitting each tag."""

    def __init__(self, ns: str) -> None:
        prefix = f"{{{ns}}}" if ns else ""
        self.trkpt, self.time, self.ele = f"{prefix}trkpt", f"{prefix}time", f"{prefix}ele"
        self.extensions = f"{prefix}extensions"


def _segment(seg: Element, tags: _Tags) -> list[Point]:
    return [_point(pt, tags) for pt in seg if pt.tag == tags.trkpt or local(pt.tag) == "trkpt"]


def _point(pt: Element, tags: _Tags) -> Point:
    point = Point(lat=parse_float(pt.get("lat")), lon=parse_float(pt.get("lon")))
    for child in pt:
        tag = child.tag
        if tag == tags.time:
            point.time = parse_time(child.text)
        elif tag == tags.ele:
            point.ele = parse_float(child.text)
        elif tag == tags.extensions:
            _extensions(child, point)
        elif tag not in (tags.time, tags.ele, tags.extensions):
            _foreign(child, point)
    return point


def _foreign(child: Element, point: Point) -> None:
    """A child in another namespace than the file's (GPX 1.0 tags in a 1.1 file, no namespace)."""
    name = local(child.tag)
    if name == "time":
        point.time = parse_time(child.text)
    elif name == "ele":
        point.ele = parse_float(child.text)
    elif name == "extensions":
        _extensions(child, point)


def _extensions(ext: Element, point: Point) -> None:
    for node in ext.iter():
        name = local(node.tag).lower()
        if name in _HR and point.hr is None:
            point.hr = parse_float(node.text)
        elif name in _CAD and point.cadence is None:
            point.cadence = parse_float(node.text)


def _first_text(elements: list[Element], tag: str) -> str | None:
    for element in elements:
        for child in element:
            if local(child.tag) == tag and child.text and child.text.strip():
                return str(child.text.strip())
    return None


def _metadata_name(root: Element) -> str | None:
    metadata = [child for child in root if local(child.tag) == "metadata"]
    return _first_text(metadata, "name")


def _why_empty(root: Element, tracks: list[Element]) -> str:
    tags = {local(child.tag) for child in root}
    if "rte" in tags:
        return "GPX file holds a planned route, not a recorded activity"
    if tracks:
        return "GPX track has no points: nothing to import"
    if "wpt" in tags:
        return "GPX file holds only waypoints, not a recorded activity"
    return "GPX file holds no track: nothing to import"
