"""Return-to-run plans: injury_episode, episode_plan, plan_report.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

UTC_DATETIME = sa.DateTime(timezone=True)
REPORT_KINDS = "'done', 'skipped', 'pain', 'check', 'stop', 'cleared'"


def _fk(column: str, table: str, ondelete: str, owner: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{table}.id"], name=op.f(f"fk_{owner}_{column}_{table}"), ondelete=ondelete
    )


def _grade(owner: str) -> sa.CheckConstraint:
    return sa.CheckConstraint("grade IS NULL OR grade BETWEEN 1 AND 4", name=op.f(f"ck_{owner}_grade"))


def upgrade() -> None:
    op.create_table(
        "injury_episode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("runner_id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=40), nullable=False),
        sa.Column("condition", sa.String(length=80), nullable=True),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.Column("started", sa.Date(), nullable=False),
        sa.Column("ended", sa.Date(), nullable=True),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        _grade("injury_episode"),
        sa.CheckConstraint("ended IS NULL OR ended >= started", name=op.f("ck_injury_episode_ended")),
        _fk("runner_id", "runner", "CASCADE", "injury_episode"),
        _fk("assessment_id", "assessment", "SET NULL", "injury_episode"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_injury_episode")),
    )
    op.create_index("ix_injury_episode_runner_region", "injury_episode", ["runner_id", "region"])
    op.create_index(op.f("ix_injury_episode_assessment_id"), "injury_episode", ["assessment_id"])
    op.create_table(
        "episode_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.String(length=60), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("base_run_minutes", sa.Float(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        _grade("episode_plan"),
        sa.CheckConstraint(
            "base_run_minutes IS NULL OR base_run_minutes BETWEEN 1 AND 300",
            name=op.f("ck_episode_plan_base_run_minutes"),
        ),
        _fk("episode_id", "injury_episode", "CASCADE", "episode_plan"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episode_plan")),
        sa.UniqueConstraint("episode_id", name="uq_episode_plan_episode_id"),
    )
    op.create_table(
        "plan_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=True),
        sa.Column("check_id", sa.String(length=60), nullable=True),
        sa.Column("passed", sa.Boolean(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(f"kind IN ({REPORT_KINDS})", name=op.f("ck_plan_report_kind")),
        sa.CheckConstraint("pain IS NULL OR pain BETWEEN 0 AND 10", name=op.f("ck_plan_report_pain")),
        sa.CheckConstraint("(kind = 'pain') = (pain IS NOT NULL)", name=op.f("ck_plan_report_pain_kind")),
        sa.CheckConstraint(
            "(kind = 'check') = (check_id IS NOT NULL AND passed IS NOT NULL)",
            name=op.f("ck_plan_report_check_kind"),
        ),
        _fk("plan_id", "episode_plan", "CASCADE", "plan_report"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_report")),
    )
    op.create_index("ix_plan_report_plan_day", "plan_report", ["plan_id", "day"])


def downgrade() -> None:
    for table in ("plan_report", "episode_plan", "injury_episode"):
        op.drop_table(table)
