"""Size caps and bounded decompression: a hostile file costs at most a few tens of megabytes.

Every byte string that reaches a parser passed through here. A gzip or zip member is inflated in
slices and given up as soon as it passes :data:`MAX_FILE_BYTES` or inflates more than
:data:`MAX_RATIO` times its compressed size (a bomb); nothing is ever written to disk.
"""

from __future__ import annotations

import zlib

from runcoach.log.importers.model import ImportFileError

#: largest activity file accepted, after decompression (a 24-hour FIT file is about 10 MB)
MAX_FILE_BYTES = 50 * 1024 * 1024
#: total bytes all members of one archive may inflate to
MAX_ARCHIVE_TOTAL = 16 * 1024 * 1024 * 1024
#: largest archive inside an archive, inflated in memory (Garmin exports nest their files in zips)
MAX_NESTED_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024
#: how deep archives may nest
MAX_ARCHIVE_DEPTH = 2
#: members one archive may list
MAX_ARCHIVE_MEMBERS = 200_000
#: inflation ratio beyond which a member counts as a bomb (real GPX/TCX/FIT stay under 30)
MAX_RATIO = 200
#: below this size the ratio is not checked (a tiny file of zeros is harmless)
RATIO_FLOOR = 1024 * 1024
_SLICE = 256 * 1024


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_size(size: int, what: str = "file") -> None:
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{what} is too large ({_mb(size)}; the limit is {_mb(MAX_FILE_BYTES)})",
            hint="split the file or export the activity again",
        )


def check_ratio(inflated: int, compressed: int, what: str = "compressed file") -> None:
    if inflated > RATIO_FLOOR and inflated > MAX_RATIO * max(compressed, 1):
        raise ImportFileError(
            f"refused: {what} inflates more than {MAX_RATIO} times its size (a decompression bomb?)"
        )


def gunzip(data: bytes) -> bytes:
    """Inflate a (possibly multi-member) gzip stream within the caps, or raise ImportFileError."""
    if data[:2] != b"\x1f\x8b":
        raise ImportFileError("not a gzip file, although its name ends in .gz")
    out: list[bytes] = []
    total = 0
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        chunk_input = rest
        try:
            while chunk_input:
                piece = inflater.decompress(chunk_input, _SLICE)
                total += len(piece)
                _check_inflated(total, len(data))
                out.append(piece)
                chunk_input = inflater.unconsumed_tail
            if not inflater.eof:
                raise ImportFileError("truncated gzip file: the compressed data ends early")
        except zlib.error as exc:
            raise ImportFileError(f"damaged gzip file ({exc})") from None
        rest = inflater.unused_data.lstrip(b"\0")
    return b"".join(out)


def _check_inflated(total: int, compressed: int) -> None:
    if total > MAX_FILE_BYTES:
        raise ImportFileError(
            f"refused: gzip file inflates past {_mb(MAX_FILE_BYTES)} (a decompression bomb?)"
        )
    check_ratio(total, compressed, "gzip file")
