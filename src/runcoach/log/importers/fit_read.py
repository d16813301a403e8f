"""Read a FIT file's messages with fitdecode (the fastest reader that reads the most files).

fitdecode yields every message of every chained FIT file in the byte string; this module keeps
what an activity summary needs (file ids, sessions, laps, the activity, records) and, when the
file is damaged, stops at the damage and says where. It never raises anything but ImportFileError.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
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
    AssertionError,  # fitdecode asserts on some malformed chained headers
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
    # Unit processing and fitdecode's per-chunk CRC cost half the read time; runcoach converts
    # the few times it needs itself (FitClock) and checks the CRC in one pass (crc_ok).
    reader = fitdecode.FitReader(
        io.BytesIO(data),
        processor=None,
        check_crc=fitdecode.CrcCheck.DISABLED,
        error_handling=fitdecode.ErrorHandling.IGNORE,
    )
    try:
        for frame in reader:
            _take(frame, content)
    except _READ_ERRORS as exc:
        content.error = _reason(exc)
        content.error_offset = _offset(exc, reader)
    content.crc_mismatch = not crc_ok(data)
    return content


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC_TABLE = _crc_table()


def crc16(data: bytes | memoryview, crc: int = 0) -> int:
    """FIT's CRC-16 (ARC); over a whole file including its stored CRC it is 0."""
    table = _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def crc_ok(data: bytes) -> bool:
    """Whether every complete FIT file in the (possibly chained) bytes has a matching CRC."""
    at = 0
    while at + 12 <= len(data):
        header_size = data[at]
        body = int.from_bytes(data[at + 4 : at + 8], "little")
        end = at + header_size + body + 2
        if header_size not in (12, 14) or data[at + 8 : at + 12] != b".FIT" or end > len(data):
            return True  # damage of another kind, reported by the reader
        stored = int.from_bytes(data[end - 2 : end], "little")
        if stored and crc16(memoryview(data)[at:end]) != 0:
            return False
        at = end
    return True


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


#: FIT times count seconds from 1989-12-31 00:00 UTC; below 0x10000000 they count from power-on
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_RELATIVE_BELOW = 0x10000000


def fit_datetime(value: Any) -> datetime | None:
    """A FIT date_time as aware UTC, or None for a relative (clock not set) or missing value."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and _RELATIVE_BELOW <= value < 0xFFFFFFFF:
        return FIT_EPOCH + timedelta(seconds=value)
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
        stamp, local = activity.get("timestamp"), fit_datetime(activity.get("local_timestamp"))
        absolute = fit_datetime(stamp)
        if local is not None and absolute is not None:
            return cls(None, local - absolute, relative=False)
        if local is not None and isinstance(stamp, int) and not isinstance(stamp, bool):
            return cls(local - timedelta(seconds=stamp), None, relative=True)
        return cls(None, None, relative=False)

    def at(self, value: Any) -> datetime | None:
        absolute = fit_datetime(value)
        if absolute is not None:
            return absolute
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0 and self.base is not None:
            return self.base + timedelta(seconds=value)
        return None

    def utc_offset_min(self) -> int | None:
        if self.local_delta is None:
            return None
        minutes = round(self.local_delta.total_seconds() / 60 / 15) * 15
        return minutes if -14 * 60 <= minutes <= 14 * 60 else None
