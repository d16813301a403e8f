"""References into guidance.yaml by path, and plain-English amounts.

Other knowledge files use the articles' numbers by reference (``readiness.effort``,
``cadence.cues[2]``, ``readiness.checks[single_leg_calf_raises]``) rather than repeating them.
A list item is chosen by its ``id``, else by its ``day``, else by its position (from 0).
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from runcoach.knowledge.guidance import Amount, Figure, Guidance, ReadinessCheck

_SEGMENT = re.compile(r"^([a-z_]+)(?:\[([a-z0-9_]+)\])?$")

#: how each unit reads after a number ("3-4 out of 10", "170-180 steps a minute")
UNIT_LABELS: dict[str, str] = {
    "fl_oz": "fl oz",
    "fl_oz_per_lb": "fl oz per lb",
    "mg_per_hour": "mg an hour",
    "score_out_of_10": "out of 10",
    "steps_per_minute": "steps a minute",
    "percent": "%",
    "fahrenheit_change": "°F",
    "celsius": "°C",
    "fahrenheit": "°F",
    "times_per_week": "times a week",
    "days_per_week": "days a week",
    "per_mile": "a mile",
}
_TIGHT_UNITS = {"percent", "celsius", "fahrenheit", "fahrenheit_change"}


class GuidanceLookupError(LookupError):
    """A guidance path that does not lead anywhere (or to the wrong kind of thing)."""


def guidance_node(guidance: Guidance, path: str) -> object:
    """The model or value a guidance path points at."""
    node: object = guidance
    walked: list[str] = []
    for part in path.split("."):
        match = _SEGMENT.match(part)
        if match is None:
            raise GuidanceLookupError(f"malformed guidance path {path!r}")
        name, key = match.groups()
        walked.append(part)
        if not isinstance(node, BaseModel) or name not in type(node).model_fields:
            raise GuidanceLookupError(f"guidance has no {'.'.join(walked)!r}")
        node = getattr(node, name)
        if key is not None:
            if not isinstance(node, list):
                raise GuidanceLookupError(f"guidance {'.'.join(walked)!r} is not a list")
            node = _item(node, key, ".".join(walked))
    return node


def _item(items: list[object], key: str, where: str) -> object:
    for item in items:
        if getattr(item, "id", None) == key:
            return item
    if key.isdigit():
        number = int(key)
        if items and hasattr(items[0], "day"):
            for item in items:
                if getattr(item, "day", None) == number:
                    return item
        elif number < len(items):
            return items[number]
    raise GuidanceLookupError(f"guidance {where!r} has no item {key!r}")


def guidance_amount(guidance: Guidance, path: str) -> tuple[Amount, str]:
    """The amount and source key of a figure, or of a readiness check's target."""
    node = guidance_node(guidance, path)
    if isinstance(node, Figure):
        return node, node.src
    if isinstance(node, ReadinessCheck) and node.amount is not None:
        return node.amount, node.src
    raise GuidanceLookupError(f"guidance {path!r} is not a figure")


def plain_amount(amount: Amount, pick: str | None = None) -> Amount:
    """The amount alone (without a figure's note and source), or one end of it."""
    if pick == "low":
        return Amount(value=amount.low, unit=amount.unit)
    if pick == "high":
        return Amount(value=amount.high, unit=amount.unit)
    return Amount(value=amount.value, min=amount.min, max=amount.max, unit=amount.unit)


def _number(x: float) -> str:
    return f"{x:g}"


def format_amount(amount: Amount) -> str:
    """``3-4 out of 10``, ``30 minutes``, ``at least 2 days``, ``up to 10%``."""
    label = UNIT_LABELS.get(amount.unit, amount.unit)
    if amount.value is not None:
        number = _number(amount.value)
        if amount.unit == "reps" and amount.value == 1:
            label = "rep"
    elif amount.min is not None and amount.max is not None:
        number = f"{_number(amount.min)}-{_number(amount.max)}"
    elif amount.min is not None:
        number = f"at least {_number(amount.min)}"
    else:
        number = f"up to {_number(amount.high)}"
    return f"{number}{label}" if amount.unit in _TIGHT_UNITS else f"{number} {label}"
