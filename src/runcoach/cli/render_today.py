"""Rich rendering of the today-check and the calculators (from their JSON documents)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runcoach.cli.render import RUN_STYLE, run_light


def _lines(lines: list[dict[str, str]]) -> list[RenderableType]:
    """Each figure as ``label  value`` with its note underneath, indented and dimmed."""
    out: list[RenderableType] = []
    for line in lines:
        out.append(Text.assemble((line["label"], "bold"), "  ", line["value"]))
        if line["note"]:
            out.append(Padding(Text(line["note"], style="dim"), (0, 0, 0, 2)))
    return out


def _bullet(style: str, text: str, mark: str = "●") -> Table:
    """``● text`` with wrapped lines indented under the text, not under the mark."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text(mark, style=style), Text(text))
    return grid


def today_panel(doc: dict[str, Any]) -> Panel:
    decision = doc["decision"]
    parts: list[Any] = [
        Text.assemble(run_light(decision), "  ", (doc["label"], RUN_STYLE[decision])),
        Text(doc["summary"]),
    ]
    if doc["reasons"]:
        parts.append(Text("\nWhy", style="bold"))
        for reason in doc["reasons"]:
            parts.append(_bullet(RUN_STYLE[reason["decision"]], reason["text"]))
    injury = doc.get("injury")
    if injury and injury["run_rules"]:
        parts.append(Text(f"\nRunning with {injury['name']} (assessed {injury['assessed']})", style="bold"))
        for rule in injury["run_rules"]:
            parts.append(_bullet(RUN_STYLE[rule["decision"]], f"{rule['when']}: {rule['then']}"))
    if doc["tips"]:
        parts.append(Text("\nBefore you go", style="bold"))
        parts += [_bullet("", tip["text"], mark="-") for tip in doc["tips"]]
    parts.append(Text("\nDrinks", style="bold"))
    parts += _lines(doc["drinks"])
    parts.append(Text(f"\n{doc['disclaimer']}", style="dim italic"))
    return Panel(Group(*parts), title=f"Should I run today? {doc['date']}", expand=False)


def calc_panel(doc: dict[str, Any]) -> Panel:
    parts: list[Any] = _lines(doc["lines"])
    parts += [Text(f"\n{c}", style="dim italic") for c in doc["caveats"]]
    return Panel(Group(*parts), title=f"runcoach calc {doc['calculator']}", expand=False)
