"""Settings: where runcoach keeps its data and which database it talks to.

Precedence for the database URL, highest first: the ``--db`` option, the ``RUNCOACH_DB`` environment
variable, then the embedded default (an SQLite file in the user's data directory). The data
directory itself can be moved with ``RUNCOACH_HOME`` (tests and portable installs use this).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

APP_NAME = "runcoach"
DB_ENV = "RUNCOACH_DB"
HOME_ENV = "RUNCOACH_HOME"


def default_data_dir() -> Path:
    """The folder runcoach owns: ``$RUNCOACH_HOME`` or the platform's user data directory."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def normalise_db_url(value: str) -> str:
    """Accept a bare path to an SQLite file as well as a full SQLAlchemy URL."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@dataclass(frozen=True)
class Settings:
    """Resolved settings for one run of runcoach."""

    data_dir: Path = field(default_factory=default_data_dir)
    db_url: str | None = None

    @property
    def database_url(self) -> str:
        if self.db_url:
            return normalise_db_url(self.db_url)
        return f"sqlite:///{self.data_dir / 'runcoach.db'}"

    @property
    def database_source(self) -> str:
        """Where the database URL came from, for ``runcoach welcome`` and error messages."""
        if self.db_url:
            return "--db or RUNCOACH_DB"
        return "embedded default"


def load_settings(db_url: str | None = None) -> Settings:
    """Build settings from an explicit URL (the ``--db`` option) or the environment."""
    url = db_url or os.environ.get(DB_ENV) or None
    return Settings(db_url=url)
