"""Assessment services: validate a case, run the engine, shape the result (contract section 1)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from runcoach import DISCLAIMER
from runcoach.engine.assess import Assessment, Case, Engine, FindingNote
from runcoach.engine.assess import packaged_engine as packaged_engine  # re-exported for the adapters
from runcoach.errors import DataError
from runcoach.knowledge.loader import KnowledgeBase
from runcoach.services.knowledge import advice_document

_SEX = {
    "male": "male",
    "m": "male",
    "man": "male",
    "female": "female",
    "f": "female",
    "woman": "female",
    "other": "other",
    "x": "other",
    "nonbinary": "other",
    "non-binary": "other",
}


class CaseIn(BaseModel):
    """One case as the JSON-lines contract defines it."""

    model_config = ConfigDict(extra="ignore")

    id: str | int | None = None
    text: str | None = Field(default=None, max_length=20_000)
    age: float | None = Field(default=None, ge=0, le=120)
    sex: str | None = None
    findings: dict[str, bool] = Field(default_factory=dict)
    unknown: list[str] = Field(default_factory=list)

    @field_validator("sex")
    @classmethod
    def _sex(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        key = value.strip().lower()
        if key not in _SEX:
            raise ValueError(f"sex must be male, female or other, not {value!r}")
        return _SEX[key]


def parse_case(raw: Any, engine: Engine) -> tuple[Any, Case]:
    """Validate one decoded JSON case; raises DataError with every problem listed."""
    if not isinstance(raw, dict):
        raise DataError("a case must be a JSON object")
    case_id = raw.get("id")
    try:
        cin = CaseIn.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise DataError(problems) from None
    known = engine.model.kb.findings
    bad = sorted({*cin.findings, *cin.unknown} - set(known))
    if bad:
        raise DataError(
            "unknown finding id " + ", ".join(repr(b) for b in bad),
            hint="`runcoach knowledge --json` lists every finding id",
        )
    if not (cin.text and cin.text.strip()) and not cin.findings:
        raise DataError("a case needs at least one of 'text' and 'findings'")
    case = Case(
        text=cin.text or "",
        age=int(cin.age) if cin.age is not None else None,
        sex=cin.sex,
        findings=dict(cin.findings),
        unknown=frozenset(cin.unknown),
    )
    return case_id, case


_ADVICE_CACHE: dict[tuple[int, str], dict[str, Any]] = {}


def _advice(kb: KnowledgeBase, condition_id: str) -> dict[str, Any]:
    """A condition's advice document (static for a loaded knowledge base, so built once)."""
    key = (id(kb), condition_id)
    if key not in _ADVICE_CACHE:
        _ADVICE_CACHE[key] = {"condition": condition_id, **advice_document(kb, kb.conditions[condition_id])}
    return _ADVICE_CACHE[key]


_ADVICE_JSON_CACHE: dict[tuple[int, str], str] = {}


def _advice_json(kb: KnowledgeBase, condition_id: str) -> str:
    """The advice document as compact JSON, encoded once per condition (batches repeat it often)."""
    key = (id(kb), condition_id)
    if key not in _ADVICE_JSON_CACHE:
        _ADVICE_JSON_CACHE[key] = json.dumps(
            _advice(kb, condition_id), ensure_ascii=False, separators=(",", ":")
        )
    return _ADVICE_JSON_CACHE[key]


def _result_line(doc: dict[str, Any], kb: KnowledgeBase, with_advice: bool) -> str:
    """``json.dumps`` of the result document with its advice, the advice spliced in pre-encoded
    (the same bytes as encoding the whole document, keys in the same order)."""
    disclaimer = doc.pop("disclaimer")
    head = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))[:-1]
    advice = (
        f',"advice":{_advice_json(kb, doc["conditions"][0]["id"])}'
        if with_advice and doc["conditions"]
        else ""
    )
    return f'{head}{advice},"disclaimer":{json.dumps(disclaimer, ensure_ascii=False)}}}'


def _note(n: FindingNote) -> dict[str, Any]:
    return {"finding_id": n.finding_id, "question": n.question, "present": n.present, "source": n.source}


def result_document(
    case_id: Any, a: Assessment, engine: Engine, *, with_advice: bool = True
) -> dict[str, Any]:
    """The contract's result object, plus explanations and the top condition's advice."""
    kb = engine.model.kb
    conditions = []
    for rc in a.conditions:
        item: dict[str, Any] = {"id": rc.id, "name": rc.name, "probability": rc.probability}
        if rc.supports or rc.contradicts or rc.unasked:
            item["explanation"] = {
                "supports": [_note(n) for n in rc.supports],
                "contradicts": [_note(n) for n in rc.contradicts],
                "unasked": [_note(n) for n in rc.unasked],
            }
        conditions.append(item)
    doc: dict[str, Any] = {
        "id": case_id,
        "conditions": conditions,
        "triage": a.triage,
        "run_decision": a.run_decision,
        "red_flags": [h.finding_id for h in a.red_flags],
        "red_flag_details": [
            {
                "finding_id": h.finding_id,
                "question": kb.findings[h.finding_id].question,
                "level": h.level,
                "source": h.source,
                "phrase": h.phrase,
            }
            for h in a.red_flags
        ],
        "next_questions": [
            {"finding_id": q.finding_id, "question": q.question, "reason": q.reason, "red_flag": q.red_flag}
            for q in a.next_questions
        ],
        "done": a.done,
        "regions": a.regions,
        "side": a.side,
        "read_from_text": {fid: tf.present for fid, tf in a.text_findings.items()},
    }
    if with_advice and a.conditions:
        doc["advice"] = _advice(kb, a.conditions[0].id)
    doc["disclaimer"] = DISCLAIMER
    return doc


def assess_case(
    raw: dict[str, Any], *, engine: Engine | None = None, with_advice: bool = True
) -> dict[str, Any]:
    """Assess one decoded case; raises DataError for an invalid case."""
    engine = engine or packaged_engine()
    case_id, case = parse_case(raw, engine)
    return result_document(case_id, engine.assess(case), engine, with_advice=with_advice)


def assess_lines(
    lines: Iterable[str], *, engine: Engine | None = None, with_advice: bool = False
) -> Iterator[tuple[str, bool]]:
    """Answer JSON lines one by one: yields (result line, ok). Blank lines are skipped."""
    engine = engine or packaged_engine()
    for line in lines:
        if not line.strip():
            continue
        case_id: Any = None
        try:
            raw = json.loads(line)
            if isinstance(raw, dict):
                case_id = raw.get("id")
            doc = assess_case(raw, engine=engine, with_advice=False)
            yield _result_line(doc, engine.model.kb, with_advice), True
        except json.JSONDecodeError as exc:
            yield json.dumps({"id": None, "error": f"not valid JSON: {exc.msg} at column {exc.colno}"}), False
        except DataError as exc:
            message = exc.message + (f" ({exc.hint})" if exc.hint else "")
            yield json.dumps({"id": case_id, "error": message}, ensure_ascii=False), False
