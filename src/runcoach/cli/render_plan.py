"""Rich renderables for return-to-run plans: the plan list, today's session, the whole plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from runcoach.services.plan_views import PlanView, ReportView, TodayView
    from runcoach.services.plans import PlanListing


def _names(options: list[str]) -> str:
    return ", ".join(o.replace("_", " ") for o in options)


def _bullets(title: str, items: list[str], style: str = "bold") -> list[Text]:
    if not items:
        return []
    return [Text(title, style=style), *(Text(f"  • {i}") for i in items)]


def listing(view: PlanListing) -> RenderableType:
    table = Table(title="Return-to-run plans")
    for column in ("plan", "name", "serves", "grades"):
        table.add_column(column)
    for p in view.plans:
        grades = "; ".join(f"{g['grade']} = {g['label']}" for g in p.grades) or "-"
        table.add_row(p.id, p.name, ", ".join(p.conditions), grades)
    parts: list[RenderableType] = [table]
    if view.yours:
        mine = Table(title="Your plans")
        for column in ("episode", "plan", "region", "grade", "from", "status"):
            mine.add_column(column)
        for episode, status in view.yours:
            grade = str(episode.grade) if episode.grade is not None else "-"
            mine.add_row(str(episode.id), episode.plan_id, episode.region, grade, str(episode.start), status)
        parts.append(mine)
    return Group(*parts)


def _item_lines(item: dict[str, Any], open_checks: list[dict[str, Any]]) -> list[Text]:
    lines: list[Text] = []
    if item["kind"] == "gate":
        lines.append(Text(f"Readiness test for {item['phase_name']}", style="bold"))
        for check in item["checks"]:
            mark = "✓" if check["confirmed"] else "☐"
            lines.append(Text(f"  {mark} {check['id']}: {check['text']}"))
        return lines
    session = item["session"]
    day = f" (day {item['day_in_phase']} of {item['phase_days']})" if item["day_in_phase"] else ""
    repeat = " (repeat)" if item["repeat"] else ""
    held = " (holding this phase)" if item["kind"] == "hold" else ""
    lines.append(Text(f"{session['headline']}{repeat}{held}{day}", style="bold"))
    lines.append(Text(session["text"]))
    lines += _bullets("Strength and mobility", session["exercises"])
    lines += _bullets("Work on", item["work_on"])
    return lines


def today(view: TodayView) -> RenderableType:
    head = f"{view.episode.plan_name} (episode {view.episode.id}), {view.day.isoformat()}"
    lines: list[RenderableType] = [Text(head, style="bold cyan")]
    if view.phase is not None:
        lines.append(Text(f"{view.phase['name']}: {view.phase['goal']}"))
    if view.status != "active" or view.item is None:
        lines.append(Text(f"status: {view.status}", style="yellow"))
    if view.item is not None:
        lines += _item_lines(view.item, view.open_checks)
    if view.item is not None and view.item["status"] != "planned":
        lines.append(Text(f"reported: {view.item['status']}", style="green"))
    lines += _bullets("Cues", view.cues)
    lines += _bullets("Tips for this phase", view.tips)
    if view.cross_training:
        lines.append(Text(f"Alternatives, if they stay pain-free: {_names(view.cross_training)}"))
    if view.next_gate is not None:
        checks = ", ".join(c["id"] for c in view.next_gate["checks"])
        lines.append(Text(f"Next readiness test: {view.next_gate['date']} ({checks})"))
    lines += [Text(c["text"], style="magenta") for c in view.changes]
    lines += _bullets("Stop and get it checked if", view.stop_signs, style="bold red")
    if view.overdue:
        lines.append(Text(view.overdue, style="yellow"))
    end = view.expected_end.isoformat() if view.expected_end else "on hold"
    lines.append(Text(f"Expected end: {end}"))
    lines.append(Text(view.disclaimer, style="dim"))
    return Group(*lines)


def report(view: ReportView) -> RenderableType:
    r = view.report
    what = {"pain": f"pain {r['pain']}/10", "check": f"{r['check']} {'passed' if r['passed'] else 'failed'}"}
    lines: list[RenderableType] = [Text(f"saved: {what.get(r['kind'], r['kind'])} on {r['date']}")]
    lines += [Text(c["text"], style="magenta") for c in view.changes]
    lines.append(Text(""))
    lines.append(today(view.today))
    return Group(*lines)


def whole(view: PlanView) -> RenderableType:
    ep = view.episode
    grade = f", grade {ep.grade}" if ep.grade is not None else ""
    lines: list[RenderableType] = [
        Text(f"{ep.plan_name} (episode {ep.id}, {ep.region}{grade}, from {ep.start})", style="bold cyan"),
        Text(view.summary),
        Text(
            f"status: {view.status}; planned end {view.planned_end}; "
            f"expected end {view.expected_end or 'on hold'}" + ("; overdue" if view.overdue else "")
        ),
    ]
    table = Table(title="Days ahead")
    for column in ("date", "phase", "day"):
        table.add_column(column)
    for item in view.schedule:
        what = "readiness test" if item["kind"] == "gate" else item["session"]["headline"]
        table.add_row(item["date"], item["phase_name"], what + (" (repeat)" if item["repeat"] else ""))
    lines.append(table)
    lines += _bullets("What changed", [f"{c['date']}: {c['text']}" for c in view.changes])
    lines.append(Text(view.disclaimer, style="dim"))
    return Group(*lines)
