"""``runcoach knowledge``, ``runcoach conditions`` and ``runcoach explain``."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    app.command("knowledge", help="Print or check the whole knowledge base.")(knowledge)
    app.command("conditions", help="List the conditions runcoach knows, optionally filtered.")(conditions)
    app.command("explain", help="Explain one condition: what it is, how it feels, what to do.")(explain)


def knowledge(
    as_json: Annotated[bool, typer.Option("--json", help="Print the knowledge base as JSON.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Only validate the data files.")] = False,
) -> None:
    from runcoach.cli.console import err, print_json
    from runcoach.knowledge.guidance import load_guidance
    from runcoach.knowledge.loader import load_knowledge
    from runcoach.knowledge.plans import load_plans
    from runcoach.knowledge.today import load_today
    from runcoach.services.knowledge import knowledge_document

    kb = load_knowledge()
    guidance = load_guidance()
    plans = load_plans()
    today = load_today()
    if as_json:
        print_json(knowledge_document(kb) | {"guidance": guidance.model_dump(mode="json")})
        return
    console = err() if check else None
    msg = (
        f"knowledge base OK: {len(kb.conditions)} conditions, {len(kb.findings)} findings, "
        f"{len(kb.sections)} articles, {len(guidance.sources)} cited sections of numbers, "
        f"{len(guidance.pre_run_tips)} pre-run tips, {len(today.rules)} today-check rules, "
        f"{len(plans)} return-to-run plans"
    )
    if console is not None:
        console.print(msg)
    else:
        from runcoach.cli.console import out

        out().print(msg)


def conditions(
    query: Annotated[
        str | None, typer.Argument(help="Words to search for, e.g. 'shin' or 'stress fracture'.")
    ] = None,
    region: Annotated[
        str | None, typer.Option("--region", help="Only this body region, e.g. calf_achilles.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    from runcoach.cli.console import out, print_json
    from runcoach.cli.render import conditions_table
    from runcoach.knowledge.loader import load_knowledge
    from runcoach.services.knowledge import search_conditions

    kb = load_knowledge()
    if region and region not in kb.regions:
        from runcoach.errors import UsageError

        raise UsageError(f"unknown region {region!r}", hint="regions: " + ", ".join(kb.regions))
    hits = search_conditions(query, region=region, kb=kb)
    if as_json:
        print_json(
            [
                {
                    "id": h.condition.id,
                    "name": h.condition.name,
                    "region": h.condition.region,
                    "triage": h.condition.triage,
                    "run_decision": h.condition.run_decision,
                }
                for h in hits
            ]
        )
        return
    out().print(conditions_table(kb, [h.condition for h in hits], query=query))


def explain(
    condition_id: Annotated[str, typer.Argument(metavar="ID", help="A condition id, e.g. it_band_syndrome.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    from runcoach.cli.console import out, print_json
    from runcoach.cli.render import condition_view
    from runcoach.knowledge.loader import load_knowledge
    from runcoach.services.knowledge import condition_document, search_conditions

    kb = load_knowledge()
    if condition_id not in kb.conditions:
        hits = search_conditions(condition_id.replace("_", " "), kb=kb)[:3]
        from runcoach.errors import NotFoundError

        hint = "did you mean: " + ", ".join(h.condition.id for h in hits) if hits else None
        raise NotFoundError(
            f"unknown condition id {condition_id!r}", hint=hint or "see `runcoach conditions`"
        )
    doc = condition_document(kb, kb.conditions[condition_id])
    if as_json:
        print_json(doc)
        return
    out().print(condition_view(doc))
