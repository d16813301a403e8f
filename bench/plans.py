"""What the return-to-run plans cost, as ratios against baselines measured in the same process.

- loading and resolving every plan file, against loading the rest of the knowledge base;
- replaying a whole plan's history (every day reported) to its last day, against laying the plan
  out with no history; and a calendar export of the full schedule against the same baseline.

Usage::

    python -m bench.plans [--repeat N]
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from bench._timing import best
from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.loader import default_data_dir, load_knowledge
from runcoach.knowledge.plan_build import load_plans_from
from runcoach.knowledge.plans import load_plans
from runcoach.plans.engine import plan_state, planned_schedule
from runcoach.plans.expand import expand
from runcoach.plans.ics import to_ics
from runcoach.plans.types import PlanEvent, PlanSetup

START = date(2026, 1, 5)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    root, kb, guidance = default_data_dir(), load_knowledge(), load_guidance()
    kb_time = best(lambda: load_knowledge(root), max(args.repeat // 4, 3))
    plans_time = best(lambda: load_plans_from(root, kb, guidance), max(args.repeat // 4, 3))
    ratio = plans_time / kb_time
    print(f"load and resolve all plans: {plans_time * 1e3:.1f} ms = {ratio:.2f}x loading the rest")

    plan = load_plans()["ab_strain"]
    setup = PlanSetup(START, grade=3)
    days = planned_schedule(plan, setup)
    gates = [d for d in days if d.kind == "gate"]
    events = [PlanEvent(d.on, "check", check=c.id, passed=True) for d in gates for c in d.checks]
    events += [PlanEvent(d.on, "done") for d in days if d.kind == "session"]
    events += [PlanEvent(d.on + timedelta(days=1), "pain", pain=1) for d in days[:-1]]
    last = days[-1].on
    layout = best(lambda: expand(plan, setup), args.repeat)
    replay = best(lambda: plan_state(plan, setup, events, last), args.repeat)
    state = plan_state(plan, setup, [], START)
    export = best(lambda: to_ics(state, plan), args.repeat)
    print(f"lay out ab_strain grade 3 ({len(days)} days): {layout * 1e3:.2f} ms (baseline)")
    print(f"replay {len(events)} reports, {len(days)} days: {replay * 1e3:.2f} ms = {replay / layout:.1f}x")
    print(f"export {len(state.schedule)} calendar events: {export * 1e3:.2f} ms = {export / layout:.1f}x")


if __name__ == "__main__":
    main()
