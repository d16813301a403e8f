"""Initial schema: runner, shoe, run, run_file, lap, checkin, pain_entry, training_session, assessment.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

UTC_DATETIME = sa.DateTime(timezone=True)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def _fk(column: str, table: str, ondelete: str, owner: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{table}.id"], name=op.f(f"fk_{owner}_{column}_{table}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "runner",
        _id(),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("units", sa.String(length=2), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(length=10), nullable=True),
        sa.Column("resting_hr_override", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint("units IN ('km', 'mi')", name=op.f("ck_runner_units")),
        sa.CheckConstraint(
            "resting_hr_override IS NULL OR resting_hr_override BETWEEN 20 AND 150",
            name=op.f("ck_runner_rhr"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runner")),
        sa.UniqueConstraint("name", name=op.f("uq_runner_name")),
    )
    op.create_table(
        "shoe",
        _id(),
        sa.Column("runner_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("brand", sa.String(length=80), nullable=True),
        sa.Column("model", sa.String(length=80), nullable=True),
        sa.Column("started", sa.Date(), nullable=True),
        sa.Column("retired", sa.Date(), nullable=True),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("replace_at_m", sa.Float(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        _fk("runner_id", "runner", "CASCADE", "shoe"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shoe")),
        sa.UniqueConstraint("runner_id", "ref", name="uq_shoe_runner_ref"),
    )
    op.create_index(op.f("ix_shoe_runner_id"), "shoe", ["runner_id"])
    op.create_table(
        "run",
        _id(),
        sa.Column("runner_id", sa.Integer(), nullable=False),
        sa.Column("start", UTC_DATETIME, nullable=False),
        sa.Column("utc_offset_min", sa.Integer(), nullable=True),
        sa.Column("sport", sa.String(length=40), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("elapsed_s", sa.Float(), nullable=False),
        sa.Column("moving_s", sa.Float(), nullable=True),
        sa.Column("timer_s", sa.Float(), nullable=True),
        sa.Column("elevation_gain_m", sa.Float(), nullable=True),
        sa.Column("avg_hr", sa.Float(), nullable=True),
        sa.Column("max_hr", sa.Float(), nullable=True),
        sa.Column("cadence_spm", sa.Float(), nullable=True),
        sa.Column("run_type", sa.String(length=20), nullable=True),
        sa.Column("terrain", sa.String(length=20), nullable=True),
        sa.Column("shoe_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("source_name", sa.String(length=1000), nullable=True),
        sa.Column("device", sa.String(length=120), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("file_hash", sa.String(length=64), nullable=True),
        sa.Column("file_format", sa.String(length=10), nullable=True),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint("distance_m IS NULL OR distance_m >= 0", name=op.f("ck_run_distance")),
        sa.CheckConstraint("elapsed_s >= 0", name=op.f("ck_run_elapsed")),
        _fk("runner_id", "runner", "CASCADE", "run"),
        _fk("shoe_id", "shoe", "SET NULL", "run"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run")),
        sa.UniqueConstraint("runner_id", "content_hash", name="uq_run_runner_hash"),
        sa.UniqueConstraint("runner_id", "sport", "start", name="uq_run_runner_sport_start"),
    )
    op.create_index("ix_run_runner_start", "run", ["runner_id", "start"])
    op.create_index(op.f("ix_run_shoe_id"), "run", ["shoe_id"])
    op.create_index(op.f("ix_run_file_hash"), "run", ["file_hash"])
    op.create_table(
        "run_file",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("encoding", sa.String(length=10), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        _fk("run_id", "run", "CASCADE", "run_file"),
        sa.PrimaryKeyConstraint("run_id", name=op.f("pk_run_file")),
    )
    op.create_table(
        "lap",
        _id(),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("start", UTC_DATETIME, nullable=False),
        sa.Column("elapsed_s", sa.Float(), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("moving_s", sa.Float(), nullable=True),
        sa.Column("avg_hr", sa.Float(), nullable=True),
        sa.Column("max_hr", sa.Float(), nullable=True),
        _fk("run_id", "run", "CASCADE", "lap"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lap")),
        sa.UniqueConstraint("run_id", "number", name="uq_lap_run_number"),
    )
    op.create_index(op.f("ix_lap_run_id"), "lap", ["run_id"])
    _create_checkin_tables()
    op.create_table(
        "assessment",
        _id(),
        sa.Column("runner_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("top_condition", sa.String(length=80), nullable=True),
        sa.Column("triage", sa.String(length=12), nullable=False),
        sa.Column("run_decision", sa.String(length=8), nullable=False),
        sa.Column("red_flags", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        _fk("runner_id", "runner", "CASCADE", "assessment"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
    )
    op.create_index("ix_assessment_runner_created", "assessment", ["runner_id", "created_at"])


def _create_checkin_tables() -> None:
    op.create_table(
        "checkin",
        _id(),
        sa.Column("runner_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("sleep_h", sa.Float(), nullable=True),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("stress", sa.Integer(), nullable=True),
        sa.Column("resting_hr", sa.Integer(), nullable=True),
        sa.Column("hrv_ms", sa.Float(), nullable=True),
        sa.Column("illness", sa.String(length=12), nullable=True),
        sa.Column("cycle_day", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "illness IS NULL OR illness IN ('above_neck', 'below_neck')", name=op.f("ck_checkin_illness")
        ),
        _fk("runner_id", "runner", "CASCADE", "checkin"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin")),
        sa.UniqueConstraint("runner_id", "day", name="uq_checkin_runner_day"),
    )
    op.create_table(
        "pain_entry",
        _id(),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("sensation", sa.String(length=10), nullable=True),
        sa.Column("timing", sa.String(length=12), nullable=True),
        sa.Column("warms_up", sa.Boolean(), nullable=True),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name=op.f("ck_pain_entry_score")),
        _fk("checkin_id", "checkin", "CASCADE", "pain_entry"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pain_entry")),
    )
    op.create_index(op.f("ix_pain_entry_checkin_id"), "pain_entry", ["checkin_id"])
    op.create_table(
        "training_session",
        _id(),
        sa.Column("checkin_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint("minutes >= 0", name=op.f("ck_training_session_minutes")),
        _fk("checkin_id", "checkin", "CASCADE", "training_session"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_session")),
    )
    op.create_index(op.f("ix_training_session_checkin_id"), "training_session", ["checkin_id"])


def downgrade() -> None:
    tables = (
        "assessment",
        "training_session",
        "pain_entry",
        "checkin",
        "lap",
        "run_file",
        "run",
        "shoe",
        "runner",
    )
    for table in tables:
        op.drop_table(table)
