"""The assess interview over plain HTML forms: the answers so far travel in hidden fields, so each
page is one request and the interview works without JavaScript or server-side sessions.

The case goes through ``services.assess.assess_case``, the same function as ``POST /api/assess``
and ``runcoach assess --jsonl``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from runcoach.knowledge.loader import KnowledgeBase
from runcoach.knowledge.models import Level
from runcoach.services.assess import assess_case
from runcoach.services.check import DEFAULT_MAX_QUESTIONS

#: the form's answer values and what they mean to the engine
ANSWERS: dict[str, bool | None] = {"yes": True, "no": False, "unknown": None}
#: how many ranked causes the result page shows
CAUSES_SHOWN = 5
ADVICE_ORDER = ("see_a_professional", "relief", "fixes", "exercises", "prevention", "gear")


@dataclass
class Interview:
    """One runner's interview: the complaint and every answer given so far."""

    text: str
    age: float | None = None
    sex: str | None = None
    yes: list[str] = field(default_factory=list)
    no: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    finish: bool = False

    @property
    def asked(self) -> int:
        return len(self.yes) + len(self.no) + len(self.unknown)

    def answer(self, finding_id: str, reply: str) -> None:
        """Record yes / no / unknown for a finding (a later answer replaces an earlier one)."""
        for answers in (self.yes, self.no, self.unknown):
            if finding_id in answers:
                answers.remove(finding_id)
        {"yes": self.yes, "no": self.no}.get(reply, self.unknown).append(finding_id)

    def case(self) -> dict[str, Any]:
        """The case as the JSON contract spells it."""
        findings = dict.fromkeys(self.yes, True) | dict.fromkeys(self.no, False)
        return {
            "text": self.text,
            "age": self.age,
            "sex": self.sex,
            "findings": findings,
            "unknown": self.unknown,
        }


def _why(condition: dict[str, Any]) -> tuple[list[str], list[str]]:
    explanation = condition.get("explanation") or {}
    pro = [n["question"] for n in explanation.get("supports", [])[:3]]
    con = [n["question"] for n in explanation.get("contradicts", [])[:2]]
    return pro, con


def causes(doc: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for condition in doc["conditions"][:CAUSES_SHOWN]:
        pro, con = _why(condition)
        percent = round(condition["probability"] * 100)
        out.append(
            {"id": condition["id"], "name": condition["name"], "percent": percent, "for": pro, "against": con}
        )
    return out


def advice_sections(doc: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    advice = doc.get("advice") or {}
    return [(name, advice[name]) for name in ADVICE_ORDER if advice.get(name)]


def sources(doc: dict[str, Any]) -> list[str]:
    found = {
        f"{item['source']['article_title']} > {item['source']['section']}"
        for _, items in advice_sections(doc)
        for item in items
    }
    return sorted(found)


def levels(items: list[Level]) -> dict[str, dict[str, str]]:
    """Triage levels or run decisions by id, with the label and meaning the knowledge base gives."""
    return {lv.id: {"label": lv.label, "meaning": lv.meaning} for lv in items}


def interview_context(
    interview: Interview, kb: KnowledgeBase, *, max_questions: int = DEFAULT_MAX_QUESTIONS
) -> dict[str, Any]:
    """Everything the result page shows: the result document, the next question (None when the
    interview is over) and the answers to carry on."""
    doc = assess_case(interview.case())
    over = interview.finish or doc["done"] or not doc["next_questions"] or interview.asked >= max_questions
    return {
        "result": doc,
        "text": interview.text,
        "age": interview.age,
        "sex": interview.sex,
        "answers": {"yes": interview.yes, "no": interview.no, "unknown": interview.unknown},
        "asked": interview.asked,
        "question": None if over else doc["next_questions"][0],
        "causes": causes(doc),
        "triage_levels": levels(kb.meta.triage_levels),
        "run_levels": levels(kb.meta.run_decisions),
        "advice_sections": advice_sections(doc),
        "sources": sources(doc),
    }
