"""Expand what a runner points at (files, folders, zips, Strava and Garmin exports) into items.

Each :class:`SourceItem` names one activity file and reads it on demand, decompressed and within
the size caps; an item refused at the container level (a path outside the archive, a bomb, an
empty archive) carries ``error`` instead. Bulk exports add the runner's own name, type,
description and gear for each file (:class:`~runcoach.log.importers.exports.ActivityMetadata`).
Files that are not activities (photos, ``.doc``, ``.kml``) are skipped without a word.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from runcoach.log.importers.archive import ZIP_ERRORS, Entry, ZipSource, folder_entries, is_junk, read_file
from runcoach.log.importers.exports import (
    ActivityMetadata,
    MetadataIndex,
    read_activities_csv,
    read_garmin_summaries,
)
from runcoach.log.importers.limits import MAX_ARCHIVE_DEPTH, check_size, gunzip
from runcoach.log.importers.model import ImportFileError, ParsedActivity
from runcoach.log.importers.parse import activity_format

SEPARATOR = "!"


@dataclass(frozen=True)
class SourceItem:
    """One activity file to import: ``name`` for messages, ``read()`` for its bytes."""

    name: str
    reader: Callable[[], bytes] | None = field(default=None, repr=False, compare=False)
    metadata: ActivityMetadata | None = None
    #: why the container refused this item; ``read()`` then raises it as ImportFileError
    error: str | None = None
    index: MetadataIndex | None = field(default=None, repr=False, compare=False)

    def read(self) -> bytes:
        """The file's bytes, gunzipped when it is gzip; ImportFileError when it cannot be read."""
        if self.error is not None or self.reader is None:
            raise ImportFileError(self.error or "nothing to read")
        data = self.reader()
        check_size(len(data))
        return gunzip(data) if data[:2] == b"\x1f\x8b" else data

    def metadata_for(self, activity: ParsedActivity) -> ActivityMetadata | None:
        """The export's record for this file: by file name, else by the activity's start time."""
        if self.metadata is not None:
            return self.metadata
        return self.index.for_activity(activity) if self.index is not None else None


def iter_sources(paths: Sequence[Path]) -> Iterator[SourceItem]:
    """Every activity file in the given files, folders (recursive), zips and bulk exports."""
    for path in paths:
        yield from _expand_path(Path(path))


def _expand_path(path: Path) -> Iterator[SourceItem]:
    name = str(path)
    if path.is_dir():
        yield from _counted(_expand(list(folder_entries(path)), name, "folder", 0, None), name, "folder")
    elif not path.exists():
        yield SourceItem(name=name, error="no such file or folder")
    elif path.name.lower().endswith(".zip"):
        yield from _expand_zip(ZipSource(lambda: zipfile.ZipFile(path)), name, 0, None)
    elif activity_format(path.name) is None:
        suffix = path.suffix or path.name
        yield SourceItem(
            name=name,
            error=f"unsupported file type '{suffix}': runcoach imports .gpx, .tcx and .fit files "
            "(also .gz), folders and .zip archives",
        )
    else:
        yield SourceItem(name=name, reader=lambda: read_file(path))


def _expand_zip(
    source: ZipSource, name: str, depth: int, outer: MetadataIndex | None
) -> Iterator[SourceItem]:
    try:
        entries = list(source.entries())
    except ImportFileError as exc:
        yield SourceItem(name=name, error=str(exc))
        return
    except ZIP_ERRORS as exc:
        yield SourceItem(name=name, error=f"damaged or unreadable zip archive ({exc})")
        return
    yield from _counted(_expand(entries, name, "archive", depth, outer), name, "archive")


def _counted(items: Iterator[SourceItem], name: str, kind: str) -> Iterator[SourceItem]:
    count = 0
    for item in items:
        count += 1
        yield item
    if count == 0:
        yield SourceItem(name=name, error=f"no activity files (.gpx, .tcx, .fit) found in this {kind}")


def _child_name(container: str, kind: str, rel: str) -> str:
    return f"{container}{SEPARATOR}{rel}" if kind == "archive" else str(Path(container) / rel)


def _expand(
    entries: list[Entry], container: str, kind: str, depth: int, outer: MetadataIndex | None
) -> Iterator[SourceItem]:
    export = _export_index(entries) or outer
    skip = _strava_routes(entries)
    for entry in entries:
        name = _child_name(container, kind, entry.rel)
        if _reportable(entry):
            yield SourceItem(name=name, error=entry.error)
        elif entry.error is not None or is_junk(entry.rel) or (skip and entry.rel.lower().startswith(skip)):
            continue
        elif _is_zip(entry.rel):
            yield from _expand_nested(entry, name, depth, export)
        elif activity_format(entry.rel):
            meta = export.for_file(entry.rel) if export else None
            yield SourceItem(name=name, reader=entry.open, metadata=meta, index=export)


def _reportable(entry: Entry) -> bool:
    """A refused entry is reported when it is an activity file or archive, or is unsafe whatever it is."""
    if entry.error is None:
        return False
    unsafe = entry.error.startswith("refused: the archive member's path") or "symbolic link" in entry.error
    return unsafe or bool(activity_format(entry.rel)) or _is_zip(entry.rel)


def _is_zip(rel: str) -> bool:
    return rel.lower().endswith(".zip")


def _expand_nested(entry: Entry, name: str, depth: int, export: MetadataIndex | None) -> Iterator[SourceItem]:
    if depth + 1 > MAX_ARCHIVE_DEPTH:
        yield SourceItem(name=name, error="refused: archives nested too deep; unzip the outer archive first")
        return
    try:
        data = entry.open()
    except ImportFileError as exc:
        yield SourceItem(name=name, error=str(exc))
        return
    yield from _expand_zip(ZipSource(lambda: zipfile.ZipFile(io.BytesIO(data))), name, depth + 1, export)


def _export_index(entries: list[Entry]) -> MetadataIndex | None:
    """Metadata from a Strava activities.csv or Garmin summaries among the entries, if any."""
    records: list[ActivityMetadata] = []
    for entry in entries:
        lower = entry.rel.lower()
        base = lower.rsplit("/", 1)[-1]
        if entry.error or is_junk(entry.rel) or lower.count("/") > 3:
            continue
        try:
            if base == "activities.csv":
                records += _with_prefix(read_activities_csv(entry.open()), entry.rel)
            elif "summarizedactivities" in base and base.endswith(".json"):
                records += read_garmin_summaries(entry.open())
        except ImportFileError:
            continue
    return MetadataIndex(records) if records else None


def _with_prefix(records: list[ActivityMetadata], csv_rel: str) -> list[ActivityMetadata]:
    """File names in activities.csv are relative to the CSV's folder; make them relative to the root."""
    folder = csv_rel.rsplit("/", 1)[0] + "/" if "/" in csv_rel else ""
    if not folder:
        return records
    return [replace(r, filename=folder + r.filename) if r.filename else r for r in records]


def _strava_routes(entries: list[Entry]) -> str | None:
    """In a Strava export, the ``routes/`` folder holds planned routes: not activities."""
    for entry in entries:
        lower = entry.rel.lower()
        if lower.rsplit("/", 1)[-1] == "activities.csv" and lower.count("/") <= 1:
            folder = lower.rsplit("/", 1)[0] + "/" if "/" in lower else ""
            return folder + "routes/"
    return None


def iter_upload(name: str, data: bytes) -> Iterator[SourceItem]:
    """The activity files in one uploaded file (a .gpx/.tcx/.fit, maybe .gz, or a .zip export), in
    memory: nothing is written to disk. ``name`` is the file name the runner's browser sent."""
    base = PurePosixPath(name.replace("\\", "/")).name or "upload"
    if base.lower().endswith(".zip"):
        yield from _expand_zip(ZipSource(lambda: zipfile.ZipFile(io.BytesIO(data))), base, 0, None)
    elif activity_format(base) is None:
        suffix = PurePosixPath(base).suffix or base
        yield SourceItem(
            name=base,
            error=f"unsupported file type '{suffix}': runcoach imports .gpx, .tcx and .fit files "
            "(also .gz) and .zip archives",
        )
    else:
        yield SourceItem(name=base, reader=lambda: data)
