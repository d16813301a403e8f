"""Rendering of an assessment result for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runcoach import DISCLAIMER
from runcoach.cli.render import advice_group, run_light, triage_text
from runcoach.knowledge.loader import KnowledgeBase

BAR_WIDTH = 24


def _bar(p: float) -> Text:
    filled = round(p * BAR_WIDTH)
    return Text("█" * filled + "░" * (BAR_WIDTH - filled), style="cyan")


def render_result(console: Console, doc: dict[str, Any], kb: KnowledgeBase) -> None:
    if doc["red_flag_details"]:
        lines = [Text("RED FLAGS - get this checked", style="bold white on red")]
        for rf in doc["red_flag_details"]:
            when = "now (emergency)" if rf["level"] == "emergency" else "within 1-2 days"
            lines.append(Text(f"• {rf['question']} -> see a doctor {when}", style="bold red"))
        console.print(Panel(Group(*lines), border_style="red"))
    triage_meaning = {lv.id: lv.meaning for lv in kb.meta.triage_levels}
    run_meaning = {lv.id: lv.meaning for lv in kb.meta.run_decisions}
    console.print(
        Panel(
            Group(
                Text.assemble(("Run decision: ", "bold"), run_light(doc["run_decision"])),
                Text(run_meaning[doc["run_decision"]]),
                Text.assemble(("Triage: ", "bold"), triage_text(doc["triage"])),
                Text(triage_meaning[doc["triage"]]),
            ),
            title="Today",
            expand=False,
        )
    )
    table = Table(title="Most likely causes", expand=False)
    table.add_column("cause")
    table.add_column("how likely", no_wrap=True)
    table.add_column("why")
    for cond in doc["conditions"][:5]:
        why = ""
        exp = cond.get("explanation")
        if exp:
            pro = [n["question"] for n in exp["supports"][:2]]
            con = [n["question"] for n in exp["contradicts"][:1]]
            why = "\n".join([f"+ {x}" for x in pro] + [f"- {x}" for x in con])
        table.add_row(
            cond["name"], Text.assemble(_bar(cond["probability"]), f" {cond['probability']:.0%}"), why
        )
    console.print(table)
    advice = doc.get("advice")
    if advice:
        top = kb.conditions[advice["condition"]]
        console.print(Panel(advice_group(advice), title=f"What to do: {top.short_name}", expand=False))
        sources = sorted({f"{s['article_title']} > {s['section']}" for s in _sources(advice)})
        console.print(Text("Sources: " + "; ".join(sources), style="dim"))
    console.print(Text(DISCLAIMER, style="italic dim"))


def _sources(advice: dict[str, Any]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for value in advice.values():
        if isinstance(value, list):
            out += [item["source"] for item in value if isinstance(item, dict) and "source" in item]
    return out
