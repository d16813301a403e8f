"""Hypothesis: any valid log survives export -> import into an empty database -> export."""

from __future__ import annotations

import itertools
import json
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runcoach.log.db import open_database
from runcoach.services.exchange import import_log
from runcoach.services.export import export_log

NOW = datetime(2026, 11, 1, tzinfo=UTC)
REGIONS = ["hip_groin", "knee", "shin", "calf_achilles", "foot_toe"]

offsets = st.integers(min_value=-12 * 4, max_value=14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))
starts = st.builds(
    lambda minutes, tz: (datetime(2015, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)).astimezone(tz),
    st.integers(min_value=0, max_value=10 * 365 * 24 * 60),
    offsets,
)
runs = st.fixed_dictionaries(
    {
        "start": starts.map(lambda d: d.isoformat()),
        "distance_m": st.floats(min_value=400, max_value=15000).map(lambda x: round(x, 3)),
        "duration_s": st.integers(min_value=3600, max_value=5 * 3600),
        "type": st.sampled_from(["easy", "long", "tempo", "intervals", "hills", "race", "recovery", None]),
        "terrain": st.sampled_from(["road", "trail", "track", "treadmill", "grass", None]),
        "avg_hr": st.one_of(st.none(), st.integers(min_value=90, max_value=190)),
        "notes": st.text(max_size=30),
    }
)
pains = st.fixed_dictionaries(
    {
        "region": st.sampled_from(REGIONS),
        "side": st.sampled_from(["left", "right", "both", None]),
        "score": st.integers(min_value=0, max_value=10),
        "sensation": st.sampled_from(["sharp", "dull", "burning", "tingling", "tight", None]),
        "when": st.sampled_from(["before_run", "after_run", "night", None]),
    }
)
checkins = st.fixed_dictionaries(
    {
        "sleep_h": st.one_of(st.none(), st.floats(min_value=0, max_value=24).map(lambda x: round(x, 2))),
        "stress": st.one_of(st.none(), st.integers(min_value=0, max_value=10)),
        "pain": st.lists(pains, max_size=3, unique_by=lambda p: tuple(p.values())),
        "training": st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["strength", "yoga", "cycling"]),
                    "minutes": st.integers(min_value=1, max_value=120),
                }
            ),
            max_size=2,
            unique_by=lambda t: tuple(t.values()),
        ),
    }
)


def _apart(run_list: list[dict[str, Any]]) -> bool:
    """Runs starting within a minute of each other (whatever their offsets) are one run to the log."""
    starts = sorted(datetime.fromisoformat(r["start"]) for r in run_list)
    return all(b - a > timedelta(minutes=1) for a, b in itertools.pairwise(starts))


days = st.lists(
    st.dates(min_value=datetime(2020, 1, 1).date(), max_value=NOW.date()), unique=True, max_size=4
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(runs, max_size=6).filter(_apart),
    days.flatmap(lambda ds: st.tuples(st.just(ds), st.lists(checkins, min_size=len(ds), max_size=len(ds)))),
)
def test_any_valid_log_round_trips(run_list: list[dict[str, Any]], checkin_days: Any) -> None:
    day_list, day_values = checkin_days
    doc = {
        "format": "runcoach-log",
        "version": 1,
        "runs": run_list,
        "checkins": [{"date": d.isoformat(), **v} for d, v in zip(day_list, day_values, strict=True)],
    }
    with tempfile.TemporaryDirectory() as tmp:
        with open_database(f"sqlite:///{Path(tmp) / 'a.db'}") as first:
            import_log(db=first, data=json.dumps(doc), now=NOW)
            exported = export_log(db=first)
        with open_database(f"sqlite:///{Path(tmp) / 'b.db'}") as second:
            import_log(db=second, data=json.dumps(exported), now=NOW)
            assert export_log(db=second) == exported
            again = import_log(db=second, data=json.dumps(exported), now=NOW)
            assert sum(again.added.values()) == 0
    assert len(exported["runs"]) == len(run_list)
