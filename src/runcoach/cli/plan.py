"""``runcoach plan``: return-to-run plans that adapt to what you report.

``plan start`` begins one for an injury episode; each day ``plan today`` shows the session, you say
``plan done`` (or ``plan skip``), and the next morning ``plan report-pain 2``. Readiness tests are
passed with ``plan check CHECK_ID --passed`` for every check. ``plan export plan.ics`` puts the plan
in your calendar (export again after it adapts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from runcoach.services.plan_views import ReportView

plan_app = typer.Typer(
    help="Return-to-run plans that adapt: start one, see today's session, report how it went.",
    no_args_is_help=True,
)

Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Episode = Annotated[
    int | None, typer.Option("--episode", help="Which plan, when more than one is in progress.")
]
Day = Annotated[str | None, typer.Option("--date", help="The day (default: today).")]
Note = Annotated[str | None, typer.Option("--note", help="A note kept with the report.")]


def register(app: typer.Typer) -> None:
    app.add_typer(plan_app, name="plan")


def _emit(view: Any, as_json: bool, render: Any) -> None:
    from runcoach.cli.console import out, print_json

    if as_json:
        print_json(view.to_json())
    else:
        out().print(render(view))


def _reported(view: ReportView, as_json: bool) -> None:
    from runcoach.cli.render_plan import report

    _emit(view, as_json, report)


@plan_app.command("list", help="The plans there are (conditions, grades) and yours.")
def list_(ctx: typer.Context, as_json: Json = False) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.render_plan import listing
    from runcoach.services.plans import list_plans

    with open_log(ctx) as db:
        view = list_plans(db=db)
    _emit(view, as_json, listing)


@plan_app.command("start", help="Start a plan: runcoach plan start calf_strain --grade 2 [--from DATE]")
def start(
    ctx: typer.Context,
    plan: Annotated[
        str | None, typer.Argument(help="A plan id (runcoach plan list) or a condition id.")
    ] = None,
    grade: Annotated[
        int | None, typer.Option("--grade", help="The injury's grade, where the plan has them.")
    ] = None,
    first: Annotated[str | None, typer.Option("--from", help="Day 1 of the plan (default: today).")] = None,
    assessment: Annotated[
        int | None, typer.Option("--assessment", help="Start from a saved assessment's likely condition.")
    ] = None,
    condition: Annotated[
        str | None, typer.Option("--condition", help="The condition, for plans serving several.")
    ] = None,
    base: Annotated[
        float | None, typer.Option("--base-minutes", help="Your easy-run length, for plans that build by %.")
    ] = None,
    as_json: Json = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.render_plan import whole
    from runcoach.services.plan_start import start_plan

    with open_log(ctx) as db:
        view = start_plan(
            db=db,
            plan=plan,
            grade=grade,
            start=first,
            assessment_id=assessment,
            condition=condition,
            base_run_minutes=base,
        )
    _emit(view, as_json, whole)


@plan_app.command("today", help="Today's session or readiness test, with cues, tips and alternatives.")
def today(ctx: typer.Context, day: Day = None, episode: Episode = None, as_json: Json = False) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.render_plan import today as render
    from runcoach.services.plans import plan_today

    with open_log(ctx) as db:
        view = plan_today(db=db, day=day, episode_id=episode)
    _emit(view, as_json, render)


@plan_app.command("done", help="The day's session is done.")
def done(
    ctx: typer.Context, day: Day = None, note: Note = None, episode: Episode = None, as_json: Json = False
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.plan_reports import mark_done

    with open_log(ctx) as db:
        view = mark_done(db=db, day=day, note=note, episode_id=episode)
    _reported(view, as_json)


@plan_app.command("skip", help="The day's session was skipped: it moves to the next day.")
def skip(
    ctx: typer.Context, day: Day = None, note: Note = None, episode: Episode = None, as_json: Json = False
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.plan_reports import mark_skipped

    with open_log(ctx) as db:
        view = mark_skipped(db=db, day=day, note=note, episode_id=episode)
    _reported(view, as_json)


@plan_app.command("report-pain", help="This morning's pain, 0-10: the plan repeats or steps back if it rose.")
def report_pain(
    ctx: typer.Context,
    score: Annotated[int, typer.Argument(help="0 (none) to 10 (worst).")],
    day: Day = None,
    note: Note = None,
    episode: Episode = None,
    as_json: Json = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.plan_reports import report_pain as report

    with open_log(ctx) as db:
        view = report(db=db, score=score, day=day, note=note, episode_id=episode)
    _reported(view, as_json)


@plan_app.command("check", help="A readiness check: runcoach plan check walk_30_minutes --passed")
def check(
    ctx: typer.Context,
    check_id: Annotated[str, typer.Argument(help="The check's id (runcoach plan today lists them).")],
    passed: Annotated[
        bool | None, typer.Option("--passed/--failed", help="Is it there yet?", show_default=False)
    ] = None,
    day: Day = None,
    note: Note = None,
    episode: Episode = None,
    as_json: Json = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.errors import UsageError
    from runcoach.services.plan_reports import confirm_check

    if passed is None:
        raise UsageError(
            "say whether the check is there yet", hint=f"runcoach plan check {check_id} --passed"
        )
    with open_log(ctx) as db:
        view = confirm_check(db=db, check=check_id, passed=passed, day=day, note=note, episode_id=episode)
    _reported(view, as_json)


@plan_app.command("stop", help="Sharp pain or a stop sign: halt the plan until you are cleared.")
def stop(
    ctx: typer.Context,
    reason: Annotated[str | None, typer.Option("--reason", help="What happened.")] = None,
    day: Day = None,
    episode: Episode = None,
    as_json: Json = False,
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.plan_reports import stop_plan

    with open_log(ctx) as db:
        view = stop_plan(db=db, reason=reason, day=day, episode_id=episode)
    _reported(view, as_json)


@plan_app.command("resume", help="A professional has cleared you: the phase starts again.")
def resume(
    ctx: typer.Context, day: Day = None, note: Note = None, episode: Episode = None, as_json: Json = False
) -> None:
    from runcoach.cli.common import open_log
    from runcoach.services.plan_reports import resume_plan

    with open_log(ctx) as db:
        view = resume_plan(db=db, day=day, note=note, episode_id=episode)
    _reported(view, as_json)


@plan_app.command("end", help="Close the injury episode (healed, or the plan dropped); its history is kept.")
def end(ctx: typer.Context, day: Day = None, episode: Episode = None, as_json: Json = False) -> None:
    from runcoach.cli.common import open_log, say
    from runcoach.cli.console import print_json
    from runcoach.services.plan_reports import end_episode

    with open_log(ctx) as db:
        view = end_episode(db=db, day=day, episode_id=episode)
    if as_json:
        print_json(view.to_json())
        return
    say(f"episode {view.id} ({view.plan_name}) ended on {view.ended}")


@plan_app.command("show", help="The whole plan: where you stand, the days ahead, every change.")
def show(ctx: typer.Context, episode: Episode = None, as_json: Json = False) -> None:
    from runcoach.cli.common import open_log
    from runcoach.cli.render_plan import whole
    from runcoach.services.plans import show_plan

    with open_log(ctx) as db:
        view = show_plan(db=db, episode_id=episode)
    _emit(view, as_json, whole)


@plan_app.command("export", help="Write the plan as a calendar: runcoach plan export plan.ics")
def export(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="The .ics file to write.")],
    episode: Episode = None,
    as_json: Json = False,
) -> None:
    from pathlib import Path

    from runcoach.cli.common import open_log, say
    from runcoach.cli.console import print_json
    from runcoach.services.plans import export_plan_ics

    with open_log(ctx) as db:
        view = export_plan_ics(db=db, path=Path(path), episode_id=episode)
    if as_json:
        print_json(view.to_json())
        return
    say(f"wrote {view.events} days of the plan to {view.path}; export again whenever the plan changes")
