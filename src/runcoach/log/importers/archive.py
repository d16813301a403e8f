"""Folders and zip archives as flat lists of entries, read lazily and within the size caps.

A zip member is checked before it is read (declared size, inflation ratio, path, symlink,
encryption) and again while it is read (the sizes a zip declares can lie). Nothing is extracted
to disk: members are inflated in memory, one at a time.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from runcoach.log.importers.limits import (
    MAX_ARCHIVE_MEMBERS,
    MAX_ARCHIVE_TOTAL,
    MAX_FILE_BYTES,
    MAX_NESTED_ARCHIVE_BYTES,
    check_ratio,
    check_size,
)
from runcoach.log.importers.model import ImportFileError

#: what the zip module raises for a damaged, exotic or lying archive
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
)


@dataclass(frozen=True)
class Entry:
    """One file inside a folder or an archive; ``rel`` uses "/" whatever the platform."""

    rel: str
    size: int
    open: Callable[[], bytes]
    error: str | None = None


def is_junk(rel: str) -> bool:
    """Hidden files and macOS resource forks (``__MACOSX/``, ``._x.gpx``) are never activities."""
    parts = PurePosixPath(rel).parts
    return any((part.startswith(".") and part != "..") or part == "__MACOSX" for part in parts)


def read_file(path: Path) -> bytes:
    try:
        check_size(path.stat().st_size)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportFileError(f"cannot read the file: {exc.strerror or exc}") from None
    check_size(len(data))
    return data


def folder_entries(root: Path) -> Iterator[Entry]:
    """Every file under a folder, recursively, in a stable order; symlinked folders are not followed."""
    for current, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(current) / name
            rel = path.relative_to(root).as_posix()
            yield Entry(rel=rel, size=_size(path), open=partial(read_file, path))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class ZipSource:
    """A zip archive on disk or in memory, kept open while its members are read."""

    def __init__(self, opener: Callable[[], zipfile.ZipFile]) -> None:
        self._opener = opener
        self._zip: zipfile.ZipFile | None = None

    @property
    def zip(self) -> zipfile.ZipFile:
        if self._zip is None or self._zip.fp is None:
            self._zip = self._opener()
        return self._zip

    def entries(self) -> Iterator[Entry]:
        infos = self.zip.infolist()
        if len(infos) > MAX_ARCHIVE_MEMBERS:
            raise ImportFileError(f"refused: the archive lists {len(infos)} members (a zip bomb?)")
        if sum(info.file_size for info in infos) > MAX_ARCHIVE_TOTAL:
            raise ImportFileError("refused: the archive inflates to more than 16 GB (a zip bomb?)")
        for info in infos:
            if not info.is_dir():
                cap = MAX_NESTED_ARCHIVE_BYTES if info.filename.lower().endswith(".zip") else MAX_FILE_BYTES
                yield Entry(
                    rel=_member_name(info),
                    size=info.file_size,
                    open=partial(self.read, info, cap),
                    error=_refusal(info, cap),
                )

    def read(self, info: zipfile.ZipInfo, cap: int = MAX_FILE_BYTES) -> bytes:
        refusal = _refusal(info, cap)
        if refusal:
            raise ImportFileError(refusal)
        try:
            with self.zip.open(info) as handle:
                data = handle.read(cap + 1)
        except ZIP_ERRORS as exc:
            raise ImportFileError(f"damaged archive member: {exc}") from None
        if len(data) > cap:
            raise ImportFileError("refused: the archive member inflates past its declared size (a zip bomb?)")
        check_ratio(len(data), info.compress_size, "archive member")
        return data

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


def _member_name(info: zipfile.ZipInfo) -> str:
    return info.filename.replace("\\", "/")


def _refusal(info: zipfile.ZipInfo, cap: int = MAX_FILE_BYTES) -> str | None:
    """Why a member must not be read at all, or None."""
    name = _member_name(info)
    parts = PurePosixPath(name).parts
    if name.startswith("/") or ".." in parts or (len(name) > 1 and name[1] == ":"):
        return "refused: the archive member's path points outside the archive"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "refused: the archive member is a symbolic link"
    if info.flag_bits & 0x1:
        return "the archive member is encrypted: runcoach cannot read it"
    if info.file_size > cap:
        return f"refused: the archive member is too large ({info.file_size // 2**20} MB)"
    try:
        check_ratio(info.file_size, info.compress_size, "archive member")
    except ImportFileError as exc:
        return str(exc)
    return None
