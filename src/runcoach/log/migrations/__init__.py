"""Alembic migrations of the log database, shipped inside the package.

Revisions are numbered (``0001``, ``0002``, ...). Add one with ``alembic -c <config> revision`` or
by hand, then update :data:`runcoach.log.migrate.HEAD`; ``tests/log/test_migrations.py`` checks the
models and the revisions agree and that every revision downgrades.
"""
