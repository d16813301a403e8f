"""In-process vignette evaluation of the assessment engine (same rules as ../shared/eval/score.py).

Faster than the subprocess scorer, so it suits tuning; the official figures still come from
score.py. Usage::

    python -m bench.vignettes [--vignettes FILE] [--mode all|text|findings|interview] [--details]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from runcoach.engine.assess import Case, Engine, packaged_engine

RED_FLAGS = {f.id for f in packaged_engine().model.kb.findings.values() if f.red_flag}
TRIAGE = ["self_care", "routine", "urgent", "emergency"]
RUN = ["green", "yellow", "red"]
DEFAULT_VIGNETTES = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "vignettes-dev.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_case(engine: Engine, v: dict[str, Any], mode: str, max_q: int = 12) -> tuple[Any, int, list[str]]:
    findings: dict[str, bool] = dict(v.get("findings", {})) if mode == "findings" else {}
    unknown: list[str] = []
    facts = v.get("findings", {})
    asked = 0
    trail: list[str] = []
    while True:
        case = Case(
            text=v.get("text", ""),
            age=v.get("age"),
            sex=v.get("sex"),
            findings=findings,
            unknown=frozenset(unknown),
        )
        res = engine.assess(case)
        if mode != "interview" or res.done or asked >= max_q or not res.next_questions:
            return res, asked, trail
        q = res.next_questions[0]
        if q.finding_id in facts:
            findings[q.finding_id] = bool(facts[q.finding_id])
            trail.append(f"{q.finding_id}={'Y' if facts[q.finding_id] else 'N'}")
        else:
            unknown.append(q.finding_id)
            trail.append(f"{q.finding_id}=?")
        asked += 1


def _first_flag(engine: Engine, v: dict[str, Any], flags: set[str]) -> int | None:
    """After how many questions a red flag of the case is known (None: never within 12)."""
    for k in range(13):
        res, asked, _trail = run_case(engine, v, "interview", max_q=k)
        if {h.finding_id for h in res.red_flags} & flags:
            return asked
        if asked < k:
            return None
    return None


def evaluate(
    engine: Engine, vignettes: list[dict[str, Any]], mode: str, report: Callable[[str], None] | None = None
) -> dict[str, float]:
    m = dict.fromkeys(["top1", "top1_ok", "top3", "triage", "under", "over", "unsafe_run", "rf3"], 0.0)
    brier = qs = 0.0
    urgent = red_miss = rf_cases = rf_late = 0
    for v in vignettes:
        exp = v["expected"]
        res, asked, trail = run_case(engine, v, mode)
        ranked = [c.id for c in res.conditions]
        t_exp, t_got = TRIAGE.index(exp["triage"]), TRIAGE.index(res.triage)
        r_exp, r_got = RUN.index(exp["run_decision"]), RUN.index(res.run_decision)
        hit = {
            "top1": ranked[0] == exp["condition"],
            "top1_ok": ranked[0] in {exp["condition"], *exp.get("acceptable", [])},
            "top3": exp["condition"] in ranked[:3],
            "triage": t_got == t_exp,
            "under": t_got < t_exp,
            "over": t_got > t_exp,
            "unsafe_run": r_got < r_exp,
        }
        for k, val in hit.items():
            m[k] += float(val)
        if t_exp >= 2:
            urgent += 1
            red_miss += int(t_got < t_exp)
        brier += (res.conditions[0].probability - float(hit["top1"])) ** 2
        qs += asked
        flags = {k for k, val in v.get("findings", {}).items() if val and k in RED_FLAGS}
        if flags and mode == "interview":
            rf_cases += 1
            found_at = _first_flag(engine, v, flags)
            rf_late += int(found_at is None or found_at > 3)
        if report and not (hit["top1"] and hit["triage"] and not hit["unsafe_run"]):
            report(
                f"{v['id']} exp={exp['condition']}/{exp['triage']}/{exp['run_decision']} "
                f"got={ranked[:3]} p={res.conditions[0].probability:.2f} {res.triage}/{res.run_decision} "
                f"q={asked} {' '.join(trail)}"
            )
    n = len(vignettes)
    out = {k: val / n for k, val in m.items() if k != "rf3"}
    out["red_miss"] = red_miss / urgent if urgent else 0.0
    out["brier"] = brier / n
    out["questions"] = qs / n
    out["rf_late"] = rf_late / rf_cases if rf_cases else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--vignettes", type=Path, default=DEFAULT_VIGNETTES)
    ap.add_argument("--mode", default="all", choices=["all", "text", "findings", "interview"])
    ap.add_argument("--details", action="store_true", help="print every case that is not fully right")
    ap.add_argument("--knowledge", type=Path, help="a knowledge data folder other than the packaged one")
    args = ap.parse_args(argv)
    vignettes = load(args.vignettes)
    if args.knowledge:
        from runcoach.engine.model import compile_model
        from runcoach.knowledge.loader import load_knowledge

        engine = Engine(compile_model(load_knowledge(args.knowledge)))
    else:
        engine = packaged_engine()
    modes = ["text", "findings", "interview"] if args.mode == "all" else [args.mode]
    for mode in modes:
        s = evaluate(engine, vignettes, mode, (lambda line: print("  " + line)) if args.details else None)
        print(
            f"{mode:<10} top1 {s['top1']:.1%} top1ok {s['top1_ok']:.1%} top3 {s['top3']:.1%} "
            f"triage {s['triage']:.1%} under {s['under']:.1%} over {s['over']:.1%} "
            f"unsafe {s['unsafe_run']:.1%} redmiss {s['red_miss']:.1%} brier {s['brier']:.3f} "
            f"qs {s['questions']:.1f} rf>3q {s['rf_late']:.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
