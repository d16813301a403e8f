"""Rich views of the log analytics: pain patterns and progress, training-load warnings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from runcoach.services.patterns import PatternReport
    from runcoach.services.warnings import WarningReport

LEVEL_STYLE = {"note": "cyan", "caution": "yellow", "warning": "bold red"}


def patterns_view(report: PatternReport) -> RenderableType:
    parts: list[RenderableType] = []
    if report.patterns:
        table = Table(title="Pain patterns", show_lines=False, expand=False)
        for column in ("region", "trigger", "what the log shows", "p (adjusted)"):
            table.add_column(column)
        for p in report.patterns:
            table.add_row(p.region, p.trigger, p.text, f"{p.support['adjusted_p']:.3f}")
        parts.append(table)
    else:
        parts.append(Text("No pain pattern with real support in your log."))
    parts += [Text(progress.text) for progress in report.progress if progress.text]
    parts.append(Text(report.caution, style="dim"))
    return Group(*parts)


def warnings_view(report: WarningReport) -> RenderableType:
    if not report.warnings:
        return Group(
            Text("No training-load warnings for the last weeks."), Text(report.coach_note, style="dim")
        )
    parts: list[RenderableType] = []
    for w in report.warnings:
        head = Text.assemble((f"{w.level}: ", LEVEL_STYLE.get(w.level, "")), (w.saw, "bold"))
        parts += [head, Text(f"  why: {w.why}")]
        if w.evidence:
            parts.append(Text(f"  evidence: {w.evidence}", style="dim"))
        parts.append(Text(f"  what to do: {w.todo}"))
    parts.append(Text(report.coach_note, style="dim"))
    return Group(*parts)
