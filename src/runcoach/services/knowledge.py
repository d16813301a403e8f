"""Knowledge-base services: the whole base as a JSON document, search, and one condition's view."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from runcoach.knowledge.loader import KnowledgeBase, load_knowledge
from runcoach.knowledge.models import Condition, Finding, Item

ADVICE_SECTIONS: tuple[str, ...] = (
    "relief",
    "fixes",
    "exercises",
    "prevention",
    "gear",
    "see_a_professional",
)


def _source(kb: KnowledgeBase, cond: Condition, src: str) -> dict[str, str]:
    ref = kb.source(cond.id, src)
    return {"article": ref.article, "article_title": kb.articles[ref.article].title, "section": ref.section}


def _items(kb: KnowledgeBase, cond: Condition, items: list[Item]) -> list[dict[str, Any]]:
    return [{"text": it.text, "source": _source(kb, cond, it.src)} for it in items]


def advice_document(kb: KnowledgeBase, cond: Condition) -> dict[str, Any]:
    """The condition's advice as an object of non-empty sections."""
    adv = cond.advice
    out: dict[str, Any] = {}
    for name in ("relief", "fixes", "prevention", "gear", "see_a_professional"):
        items = getattr(adv, name)
        if items:
            out[name] = _items(kb, cond, items)
    if adv.exercises:
        out["exercises"] = [
            {
                "name": ex.name,
                "how": ex.how,
                "dose": ex.dose,
                "text": f"{ex.name}: {ex.how}" + (f" ({ex.dose})" if ex.dose else ""),
                "source": _source(kb, cond, ex.src),
            }
            for ex in adv.exercises
        ]
    if adv.professionals:
        out["professionals"] = list(adv.professionals)
    return out


def condition_document(kb: KnowledgeBase, cond: Condition) -> dict[str, Any]:
    """Everything about one condition, as JSON-ready data."""
    recovery: dict[str, Any] | None = None
    if cond.recovery is not None:
        recovery = {
            "summary": cond.recovery.summary,
            "source": _source(kb, cond, cond.recovery.src),
            "by_grade": [
                {
                    "grade": g.grade,
                    "time": g.time,
                    "min_days": g.min_days,
                    "max_days": g.max_days,
                    "source": _source(kb, cond, g.src),
                }
                for g in cond.recovery.by_grade
            ],
        }
    return {
        "id": cond.id,
        "name": cond.name,
        "short_name": cond.short_name,
        "aliases": list(cond.aliases),
        "icd10": cond.icd10,
        "region": cond.region,
        "also_regions": list(cond.also_regions),
        "summary": cond.summary,
        "feels_like": _items(kb, cond, cond.feels_like),
        "causes": _items(kb, cond, cond.causes),
        "prevalence": cond.prevalence,
        "findings_for": dict(cond.evidence_for),
        "findings_against": dict(cond.evidence_against),
        "red_flags": list(cond.red_flags),
        "triage": cond.triage,
        "run_decision": cond.run_decision,
        "run_rules": [
            {"decision": r.decision, "when": r.when, "then": r.then, "source": _source(kb, cond, r.src)}
            for r in cond.run_rules
        ],
        "advice": advice_document(kb, cond),
        "recovery": recovery,
        "sources": [_source(kb, cond, s) for s in cond.sources],
    }


def finding_document(finding: Finding) -> dict[str, Any]:
    return finding.model_dump(mode="json", exclude_none=True) | {"red_flag": finding.red_flag}


def knowledge_document(kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """The whole knowledge base: ``{"conditions": [...], "findings": [...]}`` (contract section 2)."""
    kb = kb or load_knowledge()
    return {
        "conditions": [condition_document(kb, c) for c in kb.conditions.values()],
        "findings": [finding_document(f) for f in kb.findings.values()],
        "regions": [{"id": r.id, "name": r.name} for r in kb.meta.regions],
        "articles": [a.model_dump(mode="json") for a in kb.meta.articles],
    }


@dataclass(frozen=True)
class ConditionHit:
    condition: Condition
    score: float


def search_conditions(
    query: str | None = None, *, region: str | None = None, kb: KnowledgeBase | None = None
) -> list[ConditionHit]:
    """Conditions matching a free-text query and/or a region, best first.

    Every word of the query must match a word of the condition's names (name, aliases, the words
    runners use for it), of its region's name, or of its summary: exactly, as a prefix of 4+ letters
    ("shins", "fractur") or within a typo ("achilels"). Names count more than the region, the
    region more than the summary; "shin" is not found inside "pushing".
    """
    kb = kb or load_knowledge()
    q_words = _words(query or "")
    hits: list[ConditionHit] = []
    for cond in kb.conditions.values():
        if region and region not in (cond.region, *cond.also_regions):
            continue
        if not q_words:
            hits.append(ConditionHit(cond, 100.0))
            continue
        names = [cond.name, cond.short_name, cond.id.replace("_", " "), *cond.aliases]
        names += list(kb.lexicon.condition_names.get(cond.id, ()))
        regions = [kb.regions[r].name for r in (cond.region, *cond.also_regions) if r in kb.regions]
        fields = ((names, 1.0), (regions, 0.95), ([cond.summary], 0.85))
        score = max(weight * _field_score(q_words, texts) for texts, weight in fields)
        if score >= SEARCH_MIN_SCORE:
            hits.append(ConditionHit(cond, score))
    hits.sort(key=lambda h: (-h.score, h.condition.region, h.condition.name))
    return hits


#: the score (0-100) a condition needs to be listed: every query word matched, typos allowed
SEARCH_MIN_SCORE = 70.0
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("'", ""))


def _field_score(q_words: list[str], texts: list[str]) -> float:
    """How well all query words match the words of one field (the best text of it), 0-100."""
    best = 0.0
    for text in texts:
        words = set(_words(text))
        scores = [_word_score(q, words) for q in q_words]
        if min(scores) >= 80:
            best = max(best, sum(scores) / len(scores))
    return best


def _word_score(q: str, words: set[str]) -> float:
    if q in words:
        return 100.0
    best = 0.0
    for w in words:
        if len(q) >= 4 and len(w) >= 4 and (w.startswith(q) or q.startswith(w)):
            best = max(best, 95.0)
        elif len(q) >= 5:
            best = max(best, fuzz.ratio(q, w))
    return best


def lookup_condition(condition_id: str, *, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """One condition's document; NotFoundError (with the closest ids as a hint) for an unknown id."""
    from runcoach.errors import NotFoundError

    kb = kb or load_knowledge()
    if condition_id not in kb.conditions:
        hits = search_conditions(condition_id.replace("_", " "), kb=kb)[:3]
        hint = "did you mean: " + ", ".join(h.condition.id for h in hits) if hits else None
        raise NotFoundError(f"unknown condition id {condition_id!r}", hint=hint or "search the conditions")
    return condition_document(kb, kb.conditions[condition_id])


def condition_listing(
    query: str | None = None, *, region: str | None = None, kb: KnowledgeBase | None = None
) -> list[dict[str, Any]]:
    """The search hits as ``runcoach conditions --json`` prints them (plus the summary); an unknown
    region is a UsageError."""
    from runcoach.errors import UsageError

    kb = kb or load_knowledge()
    if region and region not in kb.regions:
        raise UsageError(f"unknown region {region!r}", hint="regions: " + ", ".join(kb.regions))
    return [
        {
            "id": h.condition.id,
            "name": h.condition.name,
            "region": h.condition.region,
            "triage": h.condition.triage,
            "run_decision": h.condition.run_decision,
            "summary": h.condition.summary,
        }
        for h in search_conditions(query, region=region, kb=kb)
    ]
