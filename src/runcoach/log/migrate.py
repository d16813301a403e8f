"""Schema migrations: upgrade, downgrade, the current revision, and the check on first use.

The revisions live in ``runcoach/log/migrations/versions`` (package data). :data:`HEAD` names the
newest one so that opening an up-to-date database costs one small query and no Alembic import;
a test keeps it equal to Alembic's own head.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from runcoach.log.db import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

#: the newest revision in migrations/versions
HEAD = "0002"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "runcoach.log:migrations")
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> list[str]:
    """Every revision id, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None: an empty database)."""
    with engine.connect() as conn:
        return _current(conn)


def _current(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return str(rows[0]) if rows else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def ensure_current(engine: Engine) -> None:
    """Bring the database to :data:`HEAD`; refuse one made by a newer runcoach."""
    current = current_revision(engine)
    if current == HEAD:
        return
    if current is not None and current not in known_revisions():
        raise DatabaseError(
            f"the database is at schema revision {current!r}, which this version of runcoach does not know",
            hint="it was written by a newer runcoach: upgrade runcoach, or use another --db",
        )
    upgrade(engine)
