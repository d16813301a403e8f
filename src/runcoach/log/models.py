"""The training log's tables (SQLAlchemy 2, typed).

Every log row belongs to a :class:`Runner`, so one database can hold many runners (the web app
on PostgreSQL); the CLI uses one default local runner. Points in time are UTC (``UTCDateTime``
refuses naive datetimes); a run keeps its local offset beside its UTC start. The schema itself is
owned by the Alembic revisions in ``runcoach/log/migrations``; a test checks the two agree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from runcoach.log.db import UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        date: Date(),
        str: String(200),
        float: Float(),
    }


class Runner(Base):
    """A person whose log this is, with their preferences."""

    __tablename__ = "runner"
    __table_args__ = (
        CheckConstraint("units IN ('km', 'mi')", name="units"),
        CheckConstraint("resting_hr_override IS NULL OR resting_hr_override BETWEEN 20 AND 150", name="rhr"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    units: Mapped[str] = mapped_column(String(2), default="km")
    birth_year: Mapped[int | None]
    sex: Mapped[str | None] = mapped_column(String(10))
    resting_hr_override: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Shoe(Base):
    """A pair of shoes; ``ref`` is its id in the exchange format (unique per runner)."""

    __tablename__ = "shoe"
    __table_args__ = (UniqueConstraint("runner_id", "ref", name="uq_shoe_runner_ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    runner_id: Mapped[int] = mapped_column(ForeignKey("runner.id", ondelete="CASCADE"), index=True)
    ref: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(120))
    brand: Mapped[str | None] = mapped_column(String(80))
    model: Mapped[str | None] = mapped_column(String(80))
    started: Mapped[date | None]
    retired: Mapped[date | None]
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    #: replace the shoe after this many metres (None: no reminder)
    replace_at_m: Mapped[float | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Run(Base):
    """One activity (manual entry or imported file) with its summary and the raw file."""

    __tablename__ = "run"
    __table_args__ = (
        UniqueConstraint("runner_id", "content_hash", name="uq_run_runner_hash"),
        UniqueConstraint("runner_id", "sport", "start", name="uq_run_runner_sport_start"),
        Index("ix_run_runner_start", "runner_id", "start"),
        CheckConstraint("distance_m IS NULL OR distance_m >= 0", name="distance"),
        CheckConstraint("elapsed_s >= 0", name="elapsed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    runner_id: Mapped[int] = mapped_column(ForeignKey("runner.id", ondelete="CASCADE"))
    start: Mapped[datetime]
    #: minutes east of UTC at the start (None: unknown, shown as UTC)
    utc_offset_min: Mapped[int | None]
    sport: Mapped[str] = mapped_column(String(40))
    distance_m: Mapped[float | None]
    elapsed_s: Mapped[float]
    moving_s: Mapped[float | None]
    #: the device's timer (elapsed minus pauses), when the file has one
    timer_s: Mapped[float | None]
    elevation_gain_m: Mapped[float | None]
    avg_hr: Mapped[float | None]
    max_hr: Mapped[float | None]
    cadence_spm: Mapped[float | None]
    run_type: Mapped[str | None] = mapped_column(String(20))
    terrain: Mapped[str | None] = mapped_column(String(20))
    shoe_id: Mapped[int | None] = mapped_column(ForeignKey("shoe.id", ondelete="SET NULL"), index=True)
    name: Mapped[str | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(10))
    source_name: Mapped[str | None] = mapped_column(String(1000))
    device: Mapped[str | None] = mapped_column(String(120))
    #: identity of the activity's content: the sha256 of its file as read (for the second and later
    #: activities of a file holding several, the sha256 of the file and the activity's position)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    #: sha256 of the whole file the run came from (shared by every activity of that file)
    file_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    #: the file's format (gpx, tcx, fit); ``file`` holds the file itself
    file_format: Mapped[str | None] = mapped_column(String(10))
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    shoe: Mapped[Shoe | None] = relationship(lazy="joined")
    laps: Mapped[list[Lap]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="Lap.number", passive_deletes=True
    )
    file: Mapped[RunFile | None] = relationship(
        back_populates="run", cascade="all, delete-orphan", passive_deletes=True, lazy="select"
    )


class RunFile(Base):
    """The activity file a run was imported from, gzip-compressed, kept so it can be re-processed.

    A table of its own keeps run rows small: listing thousands of runs never touches the files.
    A file holding several activities is kept once, with the first run stored from it.
    """

    __tablename__ = "run_file"

    run_id: Mapped[int] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"), primary_key=True)
    encoding: Mapped[str] = mapped_column(String(10), default="gzip")
    size: Mapped[int] = mapped_column(Integer, doc="bytes before compression")
    data: Mapped[bytes] = mapped_column(LargeBinary)

    run: Mapped[Run] = relationship(back_populates="file")


class Lap(Base):
    __tablename__ = "lap"
    __table_args__ = (UniqueConstraint("run_id", "number", name="uq_lap_run_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"), index=True)
    #: 0-based position of the lap in the run
    number: Mapped[int] = mapped_column(Integer)
    start: Mapped[datetime]
    elapsed_s: Mapped[float]
    distance_m: Mapped[float | None]
    moving_s: Mapped[float | None]
    avg_hr: Mapped[float | None]
    max_hr: Mapped[float | None]

    run: Mapped[Run] = relationship(back_populates="laps")


class Checkin(Base):
    """How the body was on one day: sleep, stress, resting HR, HRV, illness, cycle day, a note."""

    __tablename__ = "checkin"
    __table_args__ = (
        UniqueConstraint("runner_id", "day", name="uq_checkin_runner_day"),
        CheckConstraint("illness IS NULL OR illness IN ('above_neck', 'below_neck')", name="illness"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    runner_id: Mapped[int] = mapped_column(ForeignKey("runner.id", ondelete="CASCADE"))
    day: Mapped[date]
    sleep_h: Mapped[float | None]
    #: 1 (awful) to 5 (great)
    sleep_quality: Mapped[int | None]
    #: 0 (none) to 10 (overwhelming)
    stress: Mapped[int | None]
    resting_hr: Mapped[int | None]
    hrv_ms: Mapped[float | None]
    illness: Mapped[str | None] = mapped_column(String(12))
    cycle_day: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    pain: Mapped[list[PainEntry]] = relationship(
        back_populates="checkin", cascade="all, delete-orphan", order_by="PainEntry.id", passive_deletes=True
    )
    training: Mapped[list[TrainingSession]] = relationship(
        back_populates="checkin",
        cascade="all, delete-orphan",
        order_by="TrainingSession.id",
        passive_deletes=True,
    )


class PainEntry(Base):
    """Pain in one region (a knowledge-base region id) on a check-in's day."""

    __tablename__ = "pain_entry"
    __table_args__ = (CheckConstraint("score BETWEEN 0 AND 10", name="score"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkin.id", ondelete="CASCADE"), index=True)
    region: Mapped[str] = mapped_column(String(40))
    side: Mapped[str | None] = mapped_column(String(5))
    score: Mapped[int]
    sensation: Mapped[str | None] = mapped_column(String(10))
    #: when it hurts: before_run, early_run, mid_run, late_run, after_run, night, morning
    timing: Mapped[str | None] = mapped_column(String(12))
    warms_up: Mapped[bool | None] = mapped_column(Boolean)

    checkin: Mapped[Checkin] = relationship(back_populates="pain")


class TrainingSession(Base):
    """Strength or cross-training on a check-in's day."""

    __tablename__ = "training_session"
    __table_args__ = (CheckConstraint("minutes >= 0", name="minutes"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    checkin_id: Mapped[int] = mapped_column(ForeignKey("checkin.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[float]
    notes: Mapped[str] = mapped_column(Text, default="")

    checkin: Mapped[Checkin] = relationship(back_populates="training")


class Assessment(Base):
    """A saved result of the assessment engine: what the runner said and what the coach decided."""

    __tablename__ = "assessment"
    __table_args__ = (Index("ix_assessment_runner_created", "runner_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    runner_id: Mapped[int] = mapped_column(ForeignKey("runner.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    day: Mapped[date]
    text: Mapped[str] = mapped_column(Text, default="")
    top_condition: Mapped[str | None] = mapped_column(String(80))
    triage: Mapped[str] = mapped_column(String(12))
    run_decision: Mapped[str] = mapped_column(String(8))
    red_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ConditionDefaults(Base):
    """A runner's usual conditions for the today-check (temperature, humidity, pollen, altitude)."""

    __tablename__ = "condition_defaults"
    __table_args__ = (
        CheckConstraint("pollen IS NULL OR pollen IN ('low', 'medium', 'high')", name="pollen"),
        CheckConstraint("humidity_pct IS NULL OR humidity_pct BETWEEN 0 AND 100", name="humidity"),
    )

    runner_id: Mapped[int] = mapped_column(ForeignKey("runner.id", ondelete="CASCADE"), primary_key=True)
    temperature_c: Mapped[float | None]
    humidity_pct: Mapped[float | None]
    pollen: Mapped[str | None] = mapped_column(String(6))
    altitude_m: Mapped[float | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


# the plan tables live in their own module; importing it registers them on Base.metadata
import runcoach.log.models_plans  # noqa: E402, F401
