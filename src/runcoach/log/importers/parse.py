"""One entry point for every activity file: pick the parser by name (and, if they disagree, content).

``parse_activity`` never raises anything but :class:`ImportFileError`; hostile input (bombs,
entity expansion, random bytes) is refused with a one-line reason.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from runcoach.log.importers.fit import parse_fit
from runcoach.log.importers.gpx import parse_gpx
from runcoach.log.importers.limits import check_size, gunzip
from runcoach.log.importers.model import ImportFileError, ParsedActivity
from runcoach.log.importers.sanity import flag_implausible
from runcoach.log.importers.tcx import parse_tcx, parse_tcx_all

FORMATS = (".gpx", ".tcx", ".fit")
_PARSERS: dict[str, Callable[[bytes], ParsedActivity]] = {
    "gpx": parse_gpx,
    "tcx": parse_tcx,
    "fit": parse_fit,
}

#: errors a parser may hit on hostile bytes that its own checks did not foresee
_UNFORESEEN = (
    ValueError,
    TypeError,
    LookupError,
    ArithmeticError,
    AttributeError,
    RecursionError,
    etree.LxmlError,
)


def activity_format(name: str) -> str | None:
    """ "gpx", "tcx" or "fit" for a file name (``.gz`` allowed, any case), else None."""
    lower = name.lower().removesuffix(".gz")
    for ext in FORMATS:
        if lower.endswith(ext):
            return ext[1:]
    return None


def _sniff(data: bytes, claimed: str) -> str:
    """The format the bytes really have, when it clearly differs from the file name's."""
    if data[8:12] == b".FIT":
        return "fit"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if claimed == "fit" and head.startswith(b"<"):
        return "tcx" if b"<trainingcenterdatabase" in data[:4096].lower() else "gpx"
    return claimed


def decoded(name: str, data: bytes) -> tuple[str, bytes]:
    """The format and the plain bytes of a named file (gunzipped when it is gzip)."""
    fmt = activity_format(name)
    if fmt is None:
        suffix = name.rsplit(".", 1)[-1] if "." in name else name
        raise ImportFileError(
            f"unsupported file type '.{suffix}': runcoach reads .gpx, .tcx and .fit files (also .gz)"
        )
    check_size(len(data))
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data)
    elif name.lower().endswith(".gz") and not data:
        raise ImportFileError("empty gzip file")
    return _sniff(data, fmt), data


def parse_activity(name: str, data: bytes) -> ParsedActivity:
    """The activity in one file; ImportFileError (NotAnActivityError when there is none) otherwise."""
    fmt, plain = decoded(name, data)
    try:
        return flag_implausible(_PARSERS[fmt](plain))
    except _UNFORESEEN as exc:
        raise ImportFileError(f"could not read this {fmt.upper()} file ({type(exc).__name__})") from exc


def parse_activities(name: str, data: bytes) -> list[ParsedActivity]:
    """Every activity in one file: a TCX history export may hold many; other files hold one."""
    fmt, plain = decoded(name, data)
    try:
        found = parse_tcx_all(plain) if fmt == "tcx" else [_PARSERS[fmt](plain)]
        return [flag_implausible(activity) for activity in found]
    except _UNFORESEEN as exc:
        raise ImportFileError(f"could not read this {fmt.upper()} file ({type(exc).__name__})") from exc


__all__ = ["activity_format", "parse_activities", "parse_activity"]
