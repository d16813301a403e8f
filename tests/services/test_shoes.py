from __future__ import annotations

from datetime import UTC, datetime

import pytest

from runcoach.errors import NotFoundError, UsageError
from runcoach.log.db import Database
from runcoach.services.runs import log_run
from runcoach.services.shoes import add_shoe, list_shoes, retire_shoe, set_default_shoe

NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)


def test_the_first_shoe_becomes_the_default(db: Database) -> None:
    first = add_shoe(db=db, name="Pegasus 40", now=NOW)
    second = add_shoe(db=db, name="Pegasus 40", now=NOW)
    assert first.is_default and not second.is_default
    assert (first.ref, second.ref) == ("pegasus-40", "pegasus-40-2")


def test_mileage_comes_from_the_runs(db: Database) -> None:
    add_shoe(db=db, name="Pegasus 40", started="2026-01-01", now=NOW)
    add_shoe(db=db, name="Speedgoat", started="2026-01-01", now=NOW)
    log_run(db=db, distance="10km", duration="50:00", when="2026-03-01", now=NOW)
    log_run(db=db, distance="12km", duration="70:00", when="2026-03-02", shoe="speed", now=NOW)
    log_run(db=db, distance="5km", duration="25:00", when="2026-03-03", now=NOW)
    shoes = {s.ref: s for s in list_shoes(db=db).shoes}
    assert shoes["pegasus-40"].distance_m == 15000 and shoes["pegasus-40"].runs == 2
    assert shoes["speedgoat"].distance_m == 12000


def test_the_default_moves_and_a_retired_shoe_loses_it(db: Database) -> None:
    add_shoe(db=db, name="Pegasus 40", now=NOW)
    add_shoe(db=db, name="Speedgoat", now=NOW)
    assert set_default_shoe(db=db, shoe="speedgoat").is_default
    assert [s.ref for s in list_shoes(db=db).shoes if s.is_default] == ["speedgoat"]
    retired = retire_shoe(db=db, shoe="Speedgoat", now=NOW)
    assert retired.retired == NOW.date() and not retired.is_default
    assert [s.ref for s in list_shoes(db=db, include_retired=False).shoes] == ["pegasus-40"]
    with pytest.raises(UsageError, match="retired"):
        set_default_shoe(db=db, shoe="speedgoat")


def test_a_shoe_is_due_at_its_threshold(db: Database) -> None:
    add_shoe(db=db, name="Old pair", started="2026-01-01", replace_at="9km", now=NOW)
    log_run(db=db, distance="10km", duration="50:00", when="2026-03-01", now=NOW)
    assert list_shoes(db=db).shoes[0].due


def test_an_ambiguous_or_unknown_shoe_is_a_clear_error(db: Database) -> None:
    add_shoe(db=db, name="Pegasus 39", now=NOW)
    add_shoe(db=db, name="Pegasus 40", now=NOW)
    with pytest.raises(UsageError, match="more than one shoe"):
        retire_shoe(db=db, shoe="pegasus", now=NOW)
    with pytest.raises(NotFoundError):
        retire_shoe(db=db, shoe="nimbus", now=NOW)


@pytest.mark.parametrize(
    "kwargs", [{"name": " "}, {"name": "X", "replace_at": "0km"}, {"name": "X", "started": "soon"}]
)
def test_it_refuses_bad_shoes(db: Database, kwargs: dict[str, str]) -> None:
    with pytest.raises(UsageError):
        add_shoe(db=db, now=NOW, **kwargs)  # type: ignore[arg-type]
    assert list_shoes(db=db).shoes == []
