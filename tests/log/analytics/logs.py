"""Exchange documents of the synthetic-log generator as plain Histories (no database)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from runcoach.log.analytics.history import (
    CheckinRecord,
    History,
    PainRecord,
    RunRecord,
    ShoeRecord,
    TrainingRecord,
)


def history_of(doc: dict[str, Any]) -> History:
    runs = [
        RunRecord(
            start=datetime.fromisoformat(r["start"]),
            distance_m=r["distance_m"],
            duration_s=r["duration_s"],
            run_type=r.get("type"),
            terrain=r.get("terrain"),
            shoe=r.get("shoe"),
            avg_hr=r.get("avg_hr"),
            cadence_spm=r.get("cadence_spm"),
        )
        for r in doc["runs"]
    ]
    checkins = [
        CheckinRecord(
            day=date.fromisoformat(c["date"]),
            sleep_h=c.get("sleep_h"),
            stress=c.get("stress"),
            resting_hr=c.get("resting_hr"),
            hrv_ms=c.get("hrv_ms"),
            cycle_day=c.get("cycle_day"),
            pain=tuple(PainRecord(p["region"], p["score"]) for p in c["pain"]),
            training=tuple(TrainingRecord(t["kind"], t["minutes"]) for t in c["training"]),
        )
        for c in doc["checkins"]
    ]
    shoes = [ShoeRecord(s["id"], s["name"], date.fromisoformat(s["started"])) for s in doc["shoes"]]
    return History.of(runs, checkins, shoes)
