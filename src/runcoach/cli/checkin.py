"""``runcoach checkin``: how the body is today (pain, sleep, stress, ...), and ``checkin show``.

``runcoach checkin hip 3 --dull --after-run`` is short for ``runcoach checkin add hip 3 ...``.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from runcoach.cli.common import say


class _DefaultToAdd(TyperGroup):
    """A group whose first argument, when it is not a subcommand, belongs to ``add``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["add", *args]
        return super().parse_args(ctx, args)


checkin_app = typer.Typer(
    cls=_DefaultToAdd,
    help="Daily check-in: pain, sleep, stress, resting HR, HRV, illness, cycle day, cross-training. "
    "`runcoach checkin hip 3 --dull --after-run` is short for `runcoach checkin add hip 3 ...`.",
    no_args_is_help=True,
)

SENSATION_FLAGS = ("sharp", "dull", "burning", "tingling", "tight")
WHEN_FLAGS = ("before_run", "early_run", "mid_run", "late_run", "after_run", "night", "morning")


def register(app: typer.Typer) -> None:
    app.add_typer(checkin_app, name="checkin")


def _one_of(kind: str, chosen: dict[str, bool]) -> str | None:
    picked = [name for name, on in chosen.items() if on]
    if len(picked) > 1:
        from runcoach.errors import UsageError

        raise UsageError(f"give one {kind}, not {' and '.join('--' + p.replace('_', '-') for p in picked)}")
    return picked[0] if picked else None


def _training(items: list[str]) -> tuple[Any, ...]:
    from runcoach.errors import UsageError
    from runcoach.services.checkins import TrainingInput

    out = []
    for item in items:
        kind, _, rest = item.partition(":")
        minutes, _, notes = rest.partition(":")
        try:
            out.append(TrainingInput(kind=kind.strip(), minutes=float(minutes), notes=notes.strip()))
        except ValueError:
            raise UsageError(
                f"cannot read --training {item!r}",
                hint="write it as KIND:MINUTES[:notes], e.g. strength:30:squats",
            ) from None
    return tuple(out)


@checkin_app.command(
    "add", help="Record today's check-in: runcoach checkin hip 3 --dull --after-run --sleep 7.5"
)
def add(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Argument(help="Where it hurts: hip, knee, shin, calf, foot ...")
    ] = None,
    score: Annotated[int | None, typer.Argument(help="How much, 0 (nothing) to 10 (worst).")] = None,
    side: Annotated[str | None, typer.Option("--side", help="left, right or both.")] = None,
    sharp: Annotated[bool, typer.Option("--sharp")] = False,
    dull: Annotated[bool, typer.Option("--dull")] = False,
    burning: Annotated[bool, typer.Option("--burning")] = False,
    tingling: Annotated[bool, typer.Option("--tingling")] = False,
    tight: Annotated[bool, typer.Option("--tight")] = False,
    before_run: Annotated[bool, typer.Option("--before-run", help="Hurts before running.")] = False,
    early_run: Annotated[bool, typer.Option("--early-run", help="Early in the run.")] = False,
    mid_run: Annotated[bool, typer.Option("--mid-run", help="Mid-run.")] = False,
    late_run: Annotated[bool, typer.Option("--late-run", help="Late in the run.")] = False,
    after_run: Annotated[bool, typer.Option("--after-run", help="After the run.")] = False,
    night: Annotated[bool, typer.Option("--night", help="At night.")] = False,
    morning: Annotated[bool, typer.Option("--morning", help="In the morning.")] = False,
    warms_up: Annotated[
        bool | None, typer.Option("--warms-up/--no-warm-up", help="Does it ease once you are warm?")
    ] = None,
    sleep: Annotated[float | None, typer.Option("--sleep", help="Hours slept.")] = None,
    sleep_quality: Annotated[
        int | None, typer.Option("--sleep-quality", help="1 (awful) to 5 (great).")
    ] = None,
    stress: Annotated[int | None, typer.Option("--stress", help="0 (none) to 10 (overwhelming).")] = None,
    rhr: Annotated[int | None, typer.Option("--rhr", help="Resting heart rate, bpm.")] = None,
    hrv: Annotated[float | None, typer.Option("--hrv", help="Heart rate variability, ms.")] = None,
    ill: Annotated[str | None, typer.Option("--ill", help="above_neck or below_neck.")] = None,
    cycle_day: Annotated[int | None, typer.Option("--cycle-day", help="Day of your menstrual cycle.")] = None,
    training: Annotated[
        list[str] | None,
        typer.Option("--training", help="Cross-training KIND:MINUTES[:notes], e.g. strength:30."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A free note.")] = None,
    day: Annotated[str | None, typer.Option("--date", help="The day (default: today).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the day's check-in as JSON.")] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import print_json
    from runcoach.errors import UsageError
    from runcoach.services.checkins import CheckinInput, PainInput, record_checkin, resolve_region

    sensation = _one_of(
        "sensation", dict(zip(SENSATION_FLAGS, (sharp, dull, burning, tingling, tight), strict=True))
    )
    flags = (before_run, early_run, mid_run, late_run, after_run, night, morning)
    timing = _one_of("time it hurts", dict(zip(WHEN_FLAGS, flags, strict=True)))
    pain: tuple[PainInput, ...] = ()
    if region is not None:
        if score is None:
            raise UsageError(
                f"how much does the {region} hurt?", hint=f"add a score 0-10: runcoach checkin {region} 3"
            )
        pain = (PainInput(resolve_region(region), score, side, sensation, timing, warms_up),)
    elif sensation or timing or side or warms_up is not None:
        raise UsageError("pain details need a region and a score", hint="e.g. runcoach checkin hip 3 --dull")
    data = CheckinInput(
        sleep_h=sleep,
        sleep_quality=sleep_quality,
        stress=stress,
        resting_hr=rhr,
        hrv_ms=hrv,
        illness=ill,
        cycle_day=cycle_day,
        note=note,
        pain=pain,
        training=_training(training or []),
    )
    if data == CheckinInput():
        raise UsageError(
            "nothing to record", hint="e.g. runcoach checkin hip 3 --dull, or --sleep 7.5 --stress 2"
        )
    with open_log(ctx) as db:
        view = record_checkin(db=db, data=data, day=day)
    if as_json:
        print_json(view.to_json())
        return
    from runcoach.cli.render_log import pain_text

    added = [pain_text(p.__dict__ | {"when": p.timing}) for p in pain]
    say(f"saved check-in for {view.day.isoformat()}" + (": " + "; ".join(added) if added else ""))


@checkin_app.command("show", help="Show recent check-ins (the last 7 days by default).")
def show(
    ctx: typer.Context,
    days: Annotated[int, typer.Option("--days", min=1, help="How many days back.")] = 7,
    until: Annotated[
        str | None, typer.Option("--date", help="The last day to show (default: today).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.console import out, print_json
    from runcoach.cli.render_log import checkins_table
    from runcoach.services.checkins import list_checkins

    with open_log(ctx) as db:
        views = list_checkins(db=db, days=days, until=until)
    if as_json:
        print_json([v.to_json() for v in views])
        return
    out().print(checkins_table(views))
