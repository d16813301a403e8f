"""The log database: engine, UTC-only datetimes, sessions, and migrations on first use.

``open_database(settings)`` returns a :class:`Database` whose schema is at the newest revision
(an empty database is created and migrated; an older one is upgraded). SQLite gets WAL mode,
foreign keys and a busy timeout on every connection; any other SQLAlchemy URL (PostgreSQL) is used
as given. ``with db.session() as s: ...`` commits on success and rolls back on any exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Engine, create_engine, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from runcoach.errors import RuncoachError
from runcoach.settings import Settings


class DatabaseError(RuncoachError):
    """The database cannot be opened or is not one runcoach can use."""

    exit_code = 1


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time, stored in UTC; naive datetimes are refused, results are always aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"refusing a naive datetime ({value.isoformat()}): give it a time zone")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for an SQLite file, its folder is created and the pragmas set."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(
            f"cannot read the database URL {url!r}",
            hint="give an SQLAlchemy URL such as sqlite:///path/to/log.db or "
            "postgresql+psycopg://user@host/dbname, or a path to an SQLite file",
        ) from None
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed, future=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(
            f"no database driver for {parsed.drivername!r}: {exc}",
            hint="use sqlite:/// or postgresql+psycopg:// URLs",
        ) from None
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@dataclass
class Database:
    """An open log database: its engine and a session factory."""

    engine: Engine
    url: str

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._sessions() as session, session.begin():
            yield session

    def new_session(self) -> Session:
        """A session the caller manages (for work made of several transactions)."""
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(settings: Settings | str, *, migrate: bool = True) -> Database:
    """Open the log database named by ``settings`` (or a URL), migrating it to the newest schema."""
    url = settings if isinstance(settings, str) else settings.database_url
    db = Database(make_engine(url), url)
    if migrate:
        from runcoach.log.migrate import ensure_current

        try:
            ensure_current(db.engine)
        except OperationalError as exc:
            db.close()
            raise DatabaseError(
                f"cannot open the database {safe_url(url)}: {exc.orig}",
                hint="check the --db URL / RUNCOACH_DB, that the server is running and you may write there",
            ) from None
    return db


def safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def utcnow() -> datetime:
    return datetime.now(UTC)
