"""Return-to-run plans that adapt to the runner.

The plans themselves are knowledge (``runcoach.knowledge.plans``); this package is the pure engine
that follows a runner through one: :func:`~runcoach.plans.engine.plan_state` replays what the runner
reported and :func:`~runcoach.plans.ics.to_ics` exports the schedule as an RFC 5545 calendar.
"""
