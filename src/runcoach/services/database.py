"""``runcoach db``: which schema revision the log database is at, and upgrading it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import OperationalError

from runcoach.log.db import DatabaseError, open_database, safe_url
from runcoach.log.migrate import HEAD, current_revision
from runcoach.settings import Settings


@dataclass(frozen=True)
class SchemaStatus:
    url: str
    revision: str | None
    head: str
    previous: str | None = None

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "revision": self.revision, "head": self.head, "up_to_date": self.up_to_date}


def database_status(*, settings: Settings) -> SchemaStatus:
    """The database's revision, without changing anything."""
    with open_database(settings, migrate=False) as db:
        try:
            revision = current_revision(db.engine)
        except OperationalError as exc:
            raise DatabaseError(f"cannot open the database {safe_url(db.url)}: {exc.orig}") from None
        return SchemaStatus(safe_url(db.url), revision, HEAD)


def upgrade_database(*, settings: Settings) -> SchemaStatus:
    """Create or upgrade the schema to the newest revision."""
    before = database_status(settings=settings)
    with open_database(settings, migrate=True) as db:
        return SchemaStatus(before.url, current_revision(db.engine), HEAD, previous=before.revision)
