"""Rich renderables for the training log: runs, shoes, check-ins."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from runcoach.units import Unit, format_distance, format_duration, format_pace

if TYPE_CHECKING:
    from runcoach.services.checkins import CheckinView
    from runcoach.services.runs import RunView
    from runcoach.services.shoes import ShoeView


def run_line(run: RunView, units: Unit) -> str:
    """``2026-03-01 07:00  8.20 km in 45:10 (5:30/km)``."""
    parts = [
        run.start.strftime("%Y-%m-%d %H:%M"),
        run.sport.replace("_", " "),
        f"{format_distance(run.distance_m, units)} in {format_duration(run.elapsed_s)}",
    ]
    if run.distance_m:
        parts.append(f"({format_pace(run.moving_s or run.elapsed_s, run.distance_m, units)})")
    parts += [x for x in (run.run_type, run.terrain, f"shoe {run.shoe}" if run.shoe else None) if x]
    return "  ".join(parts)


def runs_table(runs: Sequence[RunView], units: Unit, *, total: int) -> Table:
    title = (
        f"Runs (the last {len(runs)} of {total}; --all for every one)"
        if len(runs) != total
        else f"Runs ({total})"
    )
    table = Table(title=title)
    table.add_column("id", justify="right")
    table.add_column("start", no_wrap=True)
    table.add_column("sport")
    table.add_column("distance", justify="right", no_wrap=True)
    table.add_column("time", justify="right", no_wrap=True)
    table.add_column("pace", justify="right", no_wrap=True)
    table.add_column("HR", justify="right")
    table.add_column("kind")
    table.add_column("shoe")
    for run in runs:
        kind = " ".join(x for x in (run.run_type, run.terrain) if x)
        table.add_row(
            str(run.id),
            run.start.strftime("%Y-%m-%d %H:%M"),
            run.sport.replace("_running", "").replace("_", " ") + (" ⚠" if run.warnings else ""),
            format_distance(run.distance_m, units),
            format_duration(run.elapsed_s),
            format_pace(run.moving_s or run.elapsed_s, run.distance_m, units),
            f"{run.avg_hr:.0f}" if run.avg_hr else "",
            kind,
            run.shoe or "",
        )
    if not runs:
        table.caption = "no runs yet: `runcoach log run 8km 45:00` or `runcoach import FILES`"
    elif any(run.warnings for run in runs):
        table.caption = "⚠ the file had problems: `runcoach runs --json` shows the warnings"
    return table


def shoes_table(shoes: Sequence[ShoeView], units: Unit) -> Table:
    table = Table(title="Shoes")
    for name in ("id", "name", "distance", "runs", "replace at", "started", "retired", ""):
        table.add_column(name, justify="right" if name in ("distance", "runs", "replace at") else "left")
    for shoe in shoes:
        flags = ["default" if shoe.is_default else "", "REPLACE" if shoe.due and not shoe.retired else ""]
        table.add_row(
            shoe.ref,
            shoe.name,
            format_distance(shoe.distance_m, units, digits=1),
            str(shoe.runs),
            format_distance(shoe.replace_at_m, units, digits=0) if shoe.replace_at_m else "",
            shoe.started.isoformat() if shoe.started else "",
            shoe.retired.isoformat() if shoe.retired else "",
            Text(" ".join(f for f in flags if f), style="bold yellow" if shoe.due else "green"),
        )
    if not shoes:
        table.caption = 'no shoes yet: runcoach shoes add "Pegasus 40"'
    return table


def pain_text(pain: dict[str, object]) -> str:
    bits = [str(pain["region"])]
    if pain.get("side"):
        bits.append(f"({pain['side']})")
    bits.append(f"{pain['score']}/10")
    bits += [str(pain[k]).replace("_", " ") for k in ("sensation", "when") if pain.get(k)]
    if pain.get("warms_up") is not None:
        bits.append("warms up" if pain["warms_up"] else "does not warm up")
    return " ".join(bits)


def checkins_table(days: Sequence[CheckinView]) -> Table:
    table = Table(title="Check-ins")
    for name in ("date", "pain", "sleep", "stress", "rest HR", "HRV", "ill", "cycle", "training", "note"):
        table.add_column(name)
    for day in days:
        table.add_row(
            day.day.isoformat(),
            "\n".join(pain_text(p) for p in day.pain),
            (f"{day.sleep_h:g} h" if day.sleep_h is not None else "")
            + (f" q{day.sleep_quality}" if day.sleep_quality else ""),
            "" if day.stress is None else str(day.stress),
            "" if day.resting_hr is None else str(day.resting_hr),
            "" if day.hrv_ms is None else f"{day.hrv_ms:g}",
            (day.illness or "").replace("_", " "),
            "" if day.cycle_day is None else str(day.cycle_day),
            "\n".join(f"{t['kind']} {t['minutes']:g} min" for t in day.training),
            day.note,
        )
    if not days:
        table.caption = "no check-ins in this period: runcoach checkin hip 3 --dull --after-run"
    return table
