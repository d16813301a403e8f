"""Whose log: the default local runner, or a given one (the web app, many runners)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from runcoach.errors import NotFoundError
from runcoach.log.models import Runner

DEFAULT_RUNNER = "local"


def get_runner(session: Session, runner_id: int | None = None) -> Runner:
    """The runner with ``runner_id``, or the default local runner (created on first use)."""
    if runner_id is not None:
        runner = session.get(Runner, runner_id)
        if runner is None:
            raise NotFoundError(f"no runner with id {runner_id}")
        return runner
    runner = session.scalars(select(Runner).where(Runner.name == DEFAULT_RUNNER)).one_or_none()
    if runner is not None:
        return runner
    try:
        with session.begin_nested():
            runner = Runner(name=DEFAULT_RUNNER, units="km")
            session.add(runner)
    except IntegrityError:  # another process created it first
        runner = session.scalars(select(Runner).where(Runner.name == DEFAULT_RUNNER)).one()
    return runner
