"""The calculators: pure functions from the knowledge base's numbers to a runner's own figures.

``fluids`` holds hydration, sodium and meal timing; ``body`` heart rate, cadence, breathing and
altitude. Each takes plain numbers in SI units (kilograms, metres, seconds, minutes) already
checked by the service layer, the validated ``guidance.yaml`` and ``today.yaml``, and returns a
:class:`Calculation`: the numbers (for ``--json``), the lines to show, each with its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ML_PER_FL_OZ = 29.5735
LB_PER_KG = 2.20462
FT_PER_M = 3.28084


@dataclass(frozen=True)
class Line:
    """One figure to show: a short label, the value as text, a sentence from the data, its source."""

    key: str
    label: str
    value: str
    note: str
    src: str

    def to_json(self) -> dict[str, str]:
        return {"key": self.key, "label": self.label, "value": self.value, "note": self.note, "src": self.src}


@dataclass(frozen=True)
class Calculation:
    name: str
    inputs: dict[str, Any]
    values: dict[str, Any]
    lines: tuple[Line, ...] = ()
    caveats: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "calculator": self.name,
            "inputs": self.inputs,
            "values": self.values,
            "lines": [line.to_json() for line in self.lines],
            "caveats": list(self.caveats),
        }


def rounded(x: float, digits: int = 0) -> float | int:
    """``x`` rounded for output (an int when ``digits`` is 0)."""
    return round(x) if digits == 0 else round(x, digits)


def span(low: float, high: float, unit: str, digits: int = 0) -> str:
    """``"300-600 mg"``, or ``"16 fl oz"`` when the two ends agree."""
    a, b = rounded(low, digits), rounded(high, digits)
    return f"{a} {unit}" if a == b else f"{a}-{b} {unit}"
