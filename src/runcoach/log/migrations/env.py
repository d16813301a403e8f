"""Alembic environment: runs on the connection runcoach passes in (``config.attributes``)."""

from __future__ import annotations

from alembic import context

from runcoach.log.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - runcoach always passes a connection
    raise RuntimeError("run migrations through `runcoach db upgrade` (runcoach.log.migrate)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
