"""Saved conditions for the today-check: condition_defaults (one row per runner).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

It only adds its own table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "condition_defaults",
        sa.Column("runner_id", sa.Integer(), nullable=False),
        sa.Column("temperature_c", sa.Float(), nullable=True),
        sa.Column("humidity_pct", sa.Float(), nullable=True),
        sa.Column("pollen", sa.String(length=6), nullable=True),
        sa.Column("altitude_m", sa.Float(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "pollen IS NULL OR pollen IN ('low', 'medium', 'high')", name=op.f("ck_condition_defaults_pollen")
        ),
        sa.CheckConstraint(
            "humidity_pct IS NULL OR humidity_pct BETWEEN 0 AND 100",
            name=op.f("ck_condition_defaults_humidity"),
        ),
        sa.ForeignKeyConstraint(
            ["runner_id"],
            ["runner.id"],
            name=op.f("fk_condition_defaults_runner_id_runner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("runner_id", name=op.f("pk_condition_defaults")),
    )


def downgrade() -> None:
    op.drop_table("condition_defaults")
