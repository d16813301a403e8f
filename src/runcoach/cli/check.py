"""``runcoach check "what hurts"``: the interview in the terminal, then the result."""

from __future__ import annotations

from typing import Annotated

import typer

ANSWERS = {
    "y": True,
    "yes": True,
    "n": False,
    "no": False,
    "?": None,
    "d": None,
    "dk": None,
    "don't know": None,
    "dont know": None,
    "not sure": None,
}


#: the answer keys, with Rich's markup brackets escaped so that "[y]" is shown, not swallowed
PROMPT = "   \\[y]es / \\[n]o / \\[?] don't know / \\[b]ack / \\[q]uit"


def register(app: typer.Typer) -> None:
    app.command(
        "check", help="Describe what hurts in your own words; runcoach asks a few questions and advises."
    )(check)


def check(
    complaint: Annotated[
        str, typer.Argument(help='What is wrong, in your words, e.g. "my shin hurts on runs".')
    ],
    age: Annotated[int | None, typer.Option("--age", min=5, max=110, help="Your age in years.")] = None,
    sex: Annotated[str | None, typer.Option("--sex", help="male, female or other.")] = None,
    max_questions: Annotated[int, typer.Option("--max-questions", min=0, max=40)] = 12,
    as_json: Annotated[bool, typer.Option("--json", help="Print the final result as JSON.")] = False,
) -> None:
    from runcoach.cli.check_render import render_result
    from runcoach.cli.console import err, out, print_json
    from runcoach.services.assess import CaseIn, result_document
    from runcoach.services.check import CheckSession

    sex_norm = CaseIn(sex=sex).sex if sex else None
    session = CheckSession(text=complaint, age=age, sex=sex_norm, max_questions=max_questions)
    console = err() if as_json else out()
    assessment = session.current()
    while not session.finished(assessment):
        q = assessment.next_questions[0]
        reply = _ask(console, session.asked + 1, q.question, q.reason, q.red_flag)
        if reply == "back":
            if not session.back():
                console.print("[dim]nothing to go back to[/]")
        elif reply == "quit":
            break
        else:
            session.answer(q.finding_id, ANSWERS[reply])
        assessment = session.current()
    doc = result_document(None, assessment, session.engine)
    if as_json:
        doc["answers"] = dict(session.answers)
        doc["unknown"] = list(session.unknown)
        print_json(doc)
        return
    render_result(out(), doc, session.engine.model.kb)


def _ask(console: object, number: int, question: str, reason: str, red_flag: bool) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.prompt import Prompt

    assert isinstance(console, Console)
    marker = "[bold red]safety question[/] " if red_flag else ""
    console.print(f"\n[bold]Q{number}.[/] {marker}{escape(question)}")
    console.print(f"[dim]   why: {escape(reason)}[/]")
    while True:
        raw = Prompt.ask(PROMPT, console=console, default="?")
        key = raw.strip().lower()
        if key in ANSWERS:
            return key
        if key in ("b", "back"):
            return "back"
        if key in ("q", "quit", "done"):
            return "quit"
        console.print("[dim]   please answer y, n, ?, b or q[/]")
