"""``runcoach import``: activity files, folders and bulk exports into the log, file by file.

Each file is its own transaction: it is stored whole or not at all, so one bad file never blocks
the rest, and a bulk import that is killed leaves every file before it stored and nothing of the
one it was on. Running the import again skips what is stored (by the file's hash, before parsing)
and finishes the job. Duplicates are found by content and by start time + sport
(:mod:`runcoach.log.dedupe`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from runcoach.log.db import Database, DatabaseError
from runcoach.log.dedupe import find_duplicate
from runcoach.log.from_file import FileFacts, build_run, compressed, sha256
from runcoach.log.importers import (
    ActivityMetadata,
    ImportFileError,
    NotAnActivityError,
    ParsedActivity,
    parse_activities,
)
from runcoach.log.models import Run, RunFile
from runcoach.log.runners import get_runner
from runcoach.log.vocab import RUNNING_SPORTS
from runcoach.services.shoes import ShoePicker

#: called after each file: (files done, files in all, the file's name)
Progress = Callable[[int, int, str], None]
Parser = Callable[[str, bytes], list[ParsedActivity]]


class SourceLike(Protocol):
    """One file to import (a path, or a member of an archive)."""

    @property
    def name(self) -> str: ...

    @property
    def error(self) -> str | None: ...

    def read(self) -> bytes: ...


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    run_ids: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``runcoach import --json`` document (contract section 3, plus ``skipped``)."""
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "warnings": self.warnings,
            "skipped": self.skipped,
        }

    def fail(self, path: str, error: str) -> None:
        self.failed.append({"path": path, "error": error})

    def warn(self, path: str, warning: str) -> None:
        self.warnings.append({"path": path, "warning": warning})


def import_paths(
    *,
    db: Database,
    paths: Sequence[Path],
    progress: Progress | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ImportReport:
    """Import files, folders, zip archives and Strava / Garmin exports."""
    from runcoach.log.importers import iter_sources

    return import_items(
        db=db, items=list(iter_sources(paths)), progress=progress, runner_id=runner_id, now=now
    )


def import_upload(
    *,
    db: Database,
    name: str,
    data: bytes,
    runner_id: int | None = None,
    now: datetime | None = None,
) -> ImportReport:
    """Import one uploaded file (an activity file or a zip export) held in memory."""
    from runcoach.log.importers.sources import iter_upload

    return import_items(db=db, items=list(iter_upload(name, data)), runner_id=runner_id, now=now)


def import_items(
    *,
    db: Database,
    items: Iterable[SourceLike],
    progress: Progress | None = None,
    runner_id: int | None = None,
    now: datetime | None = None,
    parse: Parser = parse_activities,
) -> ImportReport:
    """Import each item in its own transaction; problems with a file are reported, not raised."""
    todo = list(items)
    with db.session() as session:
        runner = get_runner(session, runner_id).id
        known = _Known.load(session, runner)
    # files are compressed on a second thread while the next ones parse (zlib releases the GIL)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="runcoach-gzip") as pool:
        importer = _Importer(db, runner, now or datetime.now(UTC), parse, pool, known)
        for done, item in enumerate(todo, start=1):
            try:
                importer.one(item)
            except SQLAlchemyError as exc:
                reason = str(getattr(exc, "orig", None) or exc.__class__.__name__)[:300]
                raise DatabaseError(
                    f"the database failed while importing {item.name}: {reason}",
                    hint=f"{importer.report.imported} activities were stored before it; fix the database and "
                    "run the same import again to finish (stored files are skipped)",
                ) from None
            if progress is not None:
                progress(done, len(todo), item.name)
    return importer.report


@dataclass
class _Known:
    """What the log holds, read once per import instead of once per file: the files (by hash,
    with how many runs each gave), the activities' content hashes, and the shoes."""

    files: Counter[str]
    contents: set[str]
    shoes: ShoePicker

    @classmethod
    def load(cls, session: Session, runner_id: int) -> _Known:
        rows = session.execute(
            select(Run.file_hash, Run.content_hash).where(Run.runner_id == runner_id)
        ).all()
        files = Counter(file_hash for file_hash, _ in rows if file_hash)
        return cls(files, {content for _, content in rows if content}, ShoePicker.load(session, runner_id))


@dataclass
class _Importer:
    db: Database
    runner_id: int
    now: datetime
    parse: Parser
    pool: ThreadPoolExecutor
    known: _Known
    report: ImportReport = field(default_factory=ImportReport)

    def one(self, item: SourceLike) -> None:
        """Import one file: stored whole, counted as a duplicate, skipped, or reported as failed."""
        if item.error:
            self.report.fail(item.name, item.error)
            return
        try:
            data = item.read()
            digest = sha256(data)
            if self._stored(digest):
                return
            packed = self.pool.submit(compressed, data)
            activities = self.parse(item.name, data)
        except NotAnActivityError as exc:
            self.report.skipped += 1
            self.report.warn(item.name, f"skipped: {exc}")
            return
        except ImportFileError as exc:
            self.report.fail(item.name, str(exc))
            return
        if not activities:
            self.report.fail(item.name, "no activity found in the file")
            return
        metadata = [_metadata(item, activity) for activity in activities]
        source = next((m.source for m in metadata if m is not None), None)
        facts = FileFacts(item.name, data, digest, source=source or activities[0].source_format)
        try:
            self._store(facts, activities, metadata, packed)
        except IntegrityError:  # another import stored the same activity in the meantime
            self.report.duplicates += len(activities)

    def _stored(self, digest: str) -> bool:
        """Whether this exact file is in the log already (counted as duplicates; no need to parse)."""
        stored = self.known.files[digest]
        self.report.duplicates += stored
        return stored > 0

    def _store(
        self,
        facts: FileFacts,
        activities: list[ParsedActivity],
        metadata: list[ActivityMetadata | None],
        packed: Future[bytes],
    ) -> None:
        """Store a file's activities in one transaction (duplicates are counted, not stored)."""
        added: list[Run] = []
        duplicates = 0
        with self.db.session() as session:
            for index, (activity, meta) in enumerate(zip(activities, metadata, strict=True)):
                run = build_run(
                    activity, runner_id=self.runner_id, facts=facts, index=index, now=self.now, metadata=meta
                )
                if run.content_hash in self.known.contents or find_duplicate(
                    session, self.runner_id, sport=run.sport, start=run.start, check_hash=False
                ):
                    duplicates += 1
                    continue
                if run.sport in RUNNING_SPORTS:
                    run.shoe_id = self.known.shoes.pick(run.start.date(), meta.gear if meta else None)
                if not added:  # the file is kept once, with the first run stored from it
                    run.file = RunFile(encoding="gzip", size=len(facts.data), data=packed.result())
                session.add(run)
                session.flush()
                added.append(run)
        self.known.files[facts.digest] += len(added)
        self.known.contents.update(run.content_hash for run in added if run.content_hash)
        self.report.imported += len(added)
        self.report.duplicates += duplicates
        self.report.run_ids += [run.id for run in added]
        for run in added:
            for warning in run.warnings:
                self.report.warn(facts.name, warning)


def _metadata(item: SourceLike, activity: ParsedActivity) -> ActivityMetadata | None:
    """The export's record of this activity, when the item came from a Strava / Garmin export."""
    finder = getattr(item, "metadata_for", None)
    if finder is not None:
        found = finder(activity)
        return found if isinstance(found, ActivityMetadata) else None
    meta = getattr(item, "metadata", None)
    return meta if isinstance(meta, ActivityMetadata) else None
