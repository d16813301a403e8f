"""Rich renderables shared by CLI commands (tables, panels, the traffic light)."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runcoach.knowledge.loader import KnowledgeBase
from runcoach.knowledge.models import Condition

TRIAGE_STYLE = {
    "self_care": "green",
    "routine": "yellow",
    "urgent": "bold red",
    "emergency": "bold white on red",
}
RUN_STYLE = {"green": "bold green", "yellow": "bold yellow", "red": "bold red"}
RUN_LABEL = {"green": "GREEN", "yellow": "YELLOW", "red": "RED"}
SECTION_TITLES = {
    "relief": "Right now",
    "fixes": "Fixes",
    "exercises": "Exercises",
    "prevention": "Prevention",
    "gear": "Gear",
    "see_a_professional": "See a professional if",
}


def triage_text(level: str) -> Text:
    return Text(level.replace("_", " "), style=TRIAGE_STYLE.get(level, ""))


def run_light(decision: str) -> Text:
    return Text(f"● {RUN_LABEL.get(decision, decision)}", style=RUN_STYLE.get(decision, ""))


def conditions_table(kb: KnowledgeBase, conditions: list[Condition], *, query: str | None = None) -> Table:
    title = f"Conditions matching {query!r}" if query else "Conditions runcoach knows"
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column("id", style="cyan", overflow="fold")
    table.add_column("name", min_width=20, ratio=2)
    table.add_column("region")
    table.add_column("triage", no_wrap=True)
    table.add_column("run", no_wrap=True)
    for cond in conditions:
        table.add_row(
            cond.id,
            cond.name,
            kb.regions[cond.region].name,
            triage_text(cond.triage),
            run_light(cond.run_decision),
        )
    if not conditions:
        table.caption = "nothing matched; try fewer words or `runcoach conditions` for the full list"
    return table


def _source_label(src: dict[str, str]) -> str:
    return f"{src['article_title']} > {src['section']}"


def advice_group(advice: dict[str, Any]) -> Group:
    """Advice sections as titled bullet lists."""
    parts: list[RenderableType] = []
    for key, title in SECTION_TITLES.items():
        items = advice.get(key)
        if not items:
            continue
        parts.append(Text(title, style="bold underline"))
        for item in items:
            parts.append(Text(f"  • {item['text']}"))
    if advice.get("professionals"):
        parts.append(Text("Who to see: " + ", ".join(advice["professionals"]), style="italic"))
    return Group(*parts)


def condition_view(doc: dict[str, Any]) -> Group:
    """A condition rendered for a runner, sources cited."""
    header = Text.assemble(
        (doc["name"], "bold"),
        "\n",
        ("triage: ", "dim"),
        triage_text(doc["triage"]),
        ("   run: ", "dim"),
        run_light(doc["run_decision"]),
        (f"   ICD-10 {doc['icd10']}" if doc.get("icd10") else "", "dim"),
    )
    body: list[RenderableType] = [header, Text(""), Text(doc["summary"])]
    if doc["feels_like"]:
        body += [Text(""), Text("How it feels", style="bold underline")]
        body += [Text(f"  • {it['text']}") for it in doc["feels_like"]]
    if doc["causes"]:
        body += [Text("Causes and risk factors", style="bold underline")]
        body += [Text(f"  • {it['text']}") for it in doc["causes"]]
    if doc["run_rules"]:
        body += [Text("Running with it", style="bold underline")]
        for rule in doc["run_rules"]:
            body.append(Text.assemble("  ", run_light(rule["decision"]), f" {rule['when']}: {rule['then']}"))
    body += [Text(""), advice_group(doc["advice"])]
    if doc.get("recovery"):
        rec = doc["recovery"]
        body += [Text(""), Text(f"Typical recovery: {rec['summary']}", style="bold")]
        body += [Text(f"  • {g['grade']}: {g['time']}") for g in rec["by_grade"]]
    sources = sorted({_source_label(s) for s in doc["sources"]})
    body += [Text(""), Text("Sources: " + "; ".join(sources), style="dim")]
    return Group(Panel(Group(*body), title=doc["id"], expand=False))
