"""Read a FIT file's messages with fitdecode (the fastest reader that reads the most files).

fitdecode yields every message of every chained FIT file in the byte string; this module keeps
what an activity summary needs (file ids, sessions, laps, the activity, records) and, when the
file is damaged, stops at the damage and says where. It never raises anything but ImportFileError.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import fitdecode

from runcoach.log.importers.model import ImportFileError

SEMICIRCLE_DEG = 180.0 / 2**31

#: record fields read, under the names used by track.Point (enhanced_* win over the plain ones)
_RECORD_FIELDS = {
    "timestamp": "time",
    "position_lat": "lat",
    "position_long": "lon",
    "altitude": "ele",
    "enhanced_altitude": "ele",
    "heart_rate": "hr",
    "cadence": "cadence",
    "distance": "distance",
}
_SUMMARY_MESSAGES = frozenset({"session", "lap", "activity", "file_id", "device_info"})

#: what fitdecode (or struct, decoding hostile bytes) raises for a file it cannot read on
_READ_ERRORS = (
    fitdecode.FitError,
    struct.error,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    OverflowError,
    UnicodeDecodeError,
    AttributeError,
)

Raw = dict[str, Any]


@dataclass
class FitContent:
    file_ids: list[Raw] = field(default_factory=list)
    sessions: list[Raw] = field(default_factory=list)
    laps: list[Raw] = field(default_factory=list)
    activities: list[Raw] = field(default_factory=list)
    devices: list[Raw] = field(default_factory=list)
    #: one dict per record message, keys as in track.Point
    records: list[Raw] = field(default_factory=list)
    crc_mismatch: bool = False
    #: why reading stopped early, and at which byte; None when the file was read to its end
    error: str | None = None
    error_offset: int | None = None

    @property
    def empty(self) -> bool:
        return not (self.file_ids or self.sessions or self.records or self.laps)


def _record(message: Any) -> Raw:
    out: Raw = {}
    for fld in message.fields:
        key = _RECORD_FIELDS.get(fld.name)
        if key is None or fld.value is None:
            continue
        if key == "ele" and fld.name == "altitude" and "ele" in out:
            continue
        out[key] = fld.value
    return out


def _message(message: Any) -> Raw:
    return {fld.name: fld.value for fld in message.fields if fld.value is not None}


def read_fit(data: bytes) -> FitContent:
    """Every message an activity summary needs; a damaged file returns what came before the damage."""
    content = FitContent()
    if not data:
        raise ImportFileError("empty FIT file (0 bytes): no session or records found")
    reader = fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.READONLY,
        error_handling=fitdecode.ErrorHandling.IGNORE,
    )
    try:
        for frame in reader:
            _take(frame, content)
    except _READ_ERRORS as exc:
        content.error = _reason(exc)
        content.error_offset = _offset(exc, reader)
    return content


def _take(frame: Any, content: FitContent) -> None:
    if isinstance(frame, fitdecode.FitDataMessage):
        name = frame.name
        if name == "record":
            content.records.append(_record(frame))
        elif name in _SUMMARY_MESSAGES:
            target = {
                "session": content.sessions,
                "lap": content.laps,
                "activity": content.activities,
                "file_id": content.file_ids,
                "device_info": content.devices,
            }[name]
            target.append(_message(frame))
    elif (isinstance(frame, fitdecode.FitCRC) and frame.matched is False) or (
        isinstance(frame, fitdecode.FitHeader) and frame.crc_matched is False
    ):
        content.crc_mismatch = True


def _reason(exc: BaseException) -> str:
    if isinstance(exc, fitdecode.FitEOFError):
        return "the file ends early (cut short)"
    if isinstance(exc, fitdecode.FitHeaderError):
        return "not a FIT file or its header is damaged"
    if isinstance(exc, fitdecode.FitCRCError):
        return "checksum mismatch"
    text = str(exc).split(": ", 1)[1] if ": " in str(exc) else ""
    return f"undecodable data ({text})" if text else "undecodable data"


def _offset(exc: BaseException, reader: Any) -> int | None:
    found = getattr(exc, "offset", None)
    if isinstance(found, int):
        return found
    chunk = getattr(reader, "_chunk_offset", None)
    return chunk if isinstance(chunk, int) else None


def degrees(semicircles: Any) -> float | None:
    """Degrees from FIT semicircles (fitdecode leaves positions raw)."""
    if isinstance(semicircles, int) and not isinstance(semicircles, bool):
        return semicircles * SEMICIRCLE_DEG
    if isinstance(semicircles, float):
        return semicircles
    return None


class FitClock:
    """FIT times: absolute UTC datetimes, or (clock never set) seconds since power-on."""

    def __init__(self, base: datetime | None, local_delta: timedelta | None, relative: bool) -> None:
        self.base = base
        self.local_delta = local_delta
        self.relative = relative

    @classmethod
    def from_content(cls, content: FitContent) -> FitClock:
        activity = content.activities[-1] if content.activities else {}
        stamp, local = activity.get("timestamp"), activity.get("local_timestamp")
        if isinstance(local, datetime) and isinstance(stamp, datetime):
            return cls(None, local - stamp, relative=False)
        if isinstance(local, datetime) and isinstance(stamp, int):
            return cls(local - timedelta(seconds=stamp), None, relative=True)
        return cls(None, None, relative=False)

    def at(self, value: Any) -> datetime | None:
        if isinstance(value, datetime):
            return value
        if isinstance(value, int) and self.base is not None:
            return self.base + timedelta(seconds=value)
        return None

    def utc_offset_min(self) -> int | None:
        if self.local_delta is None:
            return None
        minutes = round(self.local_delta.total_seconds() / 60 / 15) * 15
        return minutes if -14 * 60 <= minutes <= 14 * 60 else None
